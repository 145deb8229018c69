"""Writing the index: a full build from the library, and incremental updates of a few articles.

A full build splits the articles between worker processes (one per core, up to two): each reads
and analyses its articles and writes them into segments of its own with `GroupedSegmentWriter`
(index/segments.py), and this process commits all the segments together. No document crosses a
process boundary, and there is no final merge. A worker whose postings fill its share of memory
writes a segment and starts another, where Whoosh's writer would spill runs to disk and merge
them back in Python. Small libraries use one process, because starting workers costs more than
it saves. Updates replace one document per changed article (matched by id) in a single short
commit with the same writer, and merge nothing: a background process merges the small segments
they leave (index/merging.py).
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import sys
from typing import Callable, Iterable

from whoosh import index as whoosh_index

from library.articlefile import ArticleFileError
from library.fileio import write_error
from library.store import ArticleNotFound, Library

from .documents import DocumentMaker
from .merging import start_if_due
from .schema import INDEX_NAME, make_schema
from .segments import GroupedSegmentWriter

Progress = Callable[[int, int, str], None]  # articles indexed, articles in all, what is being done
READING, WRITING = "indexing", "writing the index"  # the last segments are written after the last article
PARALLEL_FROM = 400  # articles; below this one process is faster than starting workers
CHUNK = 32  # articles a worker takes at a time
# A rebuild's workers share a third of the memory that is free for their postings, within these
# bounds (each writes a segment when its share is full; fewer, larger segments search faster).
LIMIT_MB, LIMIT_MB_MOST = 256, 2048
# Separate files per segment, not one compound file: Whoosh reads a compound file's parts by
# copying each into memory when a searcher opens (0.3 s at 10,000 articles); plain files are not.
OPTIONS = {"limitmb": LIMIT_MB, "compound": False}
LOCK_WAIT = 5.0  # seconds an update waits for another process's commit
BUSY = "search index busy (another cuttings is writing it): the next command brings it up to date"


class BuildFailed(Exception):
    """A worker process of a full build stopped (the message says why)."""


def build(library, folder, progress: Progress | None = None, procs: int | None = None) -> int:
    """Index every article of the library into the empty `folder`; returns the count."""
    ix = whoosh_index.create_in(str(folder), make_schema(), indexname=INDEX_NAME)
    ids = [entry.id for entry in library.entries()]
    procs = procs or min(2, os.cpu_count() or 1)
    can_fork = "fork" in multiprocessing.get_all_start_methods()  # workers share what is loaded; not on Windows
    workers = procs if procs > 1 and len(ids) >= PARALLEL_FROM and can_fork else 1
    chunks = [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]
    memory = build_memory_mb(workers) * 2**20
    done = 0

    def report(count: int) -> None:
        nonlocal done
        done += count
        if progress:
            progress(done, len(ids), WRITING if done == len(ids) else READING)

    committer = GroupedSegmentWriter(ix, compound=False)
    try:
        if workers == 1:
            segments = write_segments(ix, library, chunks, memory, report)
        else:
            segments = _write_in_processes(ix, library, chunks, memory, workers, report)
        committer.commit_with(segments)
    except BaseException:
        committer.abandon()  # the caller throws the folder away
        raise
    return done


def write_segments(ix, library, chunks: Iterable[list[str]], memory: int, report: Callable[[int], None]) -> list:
    """Index these chunks of article ids into new segments, each holding about `memory` bytes
    of postings at most; returns the segments, uncommitted."""
    maker = DocumentMaker(library)
    segments, writer = [], None
    try:
        for chunk in chunks:
            for article_id in chunk:
                document = _document(library, maker, article_id)
                if document is None:  # unreadable or vanished since listing (`cuttings check` names it)
                    continue
                writer = writer or GroupedSegmentWriter(ix, locked=False, compound=False)
                writer.add_document(**document)
                if writer.memory > memory:
                    segments.append(writer.finish_segment())
                    writer = None
            report(len(chunk))
        if writer is not None:
            segments.append(writer.finish_segment())
    except BaseException:
        if writer is not None:
            writer.abandon()
        raise
    return segments


def _document(library, maker: DocumentMaker, article_id: str) -> dict | None:
    try:
        return maker.document(library.get(article_id))
    except (ArticleFileError, ArticleNotFound):
        return None


def _write_in_processes(ix, library, chunks, memory: int, workers: int, report) -> list:
    """`write_segments` in `workers` processes taking chunks from one queue."""
    context = multiprocessing.get_context("fork")
    tasks, results = context.Queue(), context.Queue()
    tasks.cancel_join_thread()  # chunks no worker took when a build stops must not hold up exit
    for chunk in chunks:
        tasks.put(chunk)
    processes = [context.Process(target=_worker, args=(ix, library, tasks, results, memory), daemon=True)
                 for _ in range(workers)]
    for process in processes:
        tasks.put(None)
        process.start()
    segments, finished = [], 0
    try:
        while finished < workers:
            try:
                kind, value = results.get(timeout=1.0)
            except queue.Empty:
                stopped = [p.exitcode for p in processes if p.exitcode not in (None, 0)]
                if stopped:
                    raise BuildFailed(f"an index worker process stopped with exit code {stopped[0]}") from None
                continue
            if kind == "error":
                raise BuildFailed(value)
            if kind == "done":
                report(value)
            else:
                segments += value
                finished += 1
        for process in processes:
            process.join()
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
    return segments


def _worker(ix, library, tasks, results, memory: int) -> None:
    """One build worker. Forked from the app, it inherits the app's stand-ins for stdout and
    stderr (what it printed would land on the app's screen) and the state of the app's other
    threads, so it says everything through `results` and leaves without Python's exit steps."""
    sys.stdout = sys.stderr = open(os.devnull, "w")
    try:
        chunks = iter(tasks.get, None)
        # A library object of its own: the app's may have been mid-change in another thread at the fork
        own = Library(library.root)
        segments = write_segments(ix, own, chunks, memory, lambda count: results.put(("done", count)))
        results.put(("segments", segments))
    except BaseException as exc:  # told to the parent, which stops the build
        results.put(("error", f"{type(exc).__name__}: {exc}"))
    results.close()
    results.join_thread()  # every message is in the pipe
    os._exit(0)


def build_memory_mb(writers: int) -> int:
    """Memory each of a rebuild's writers may hold: a third of what is available, shared."""
    share = available_memory_mb() // (3 * writers)
    return max(LIMIT_MB, min(LIMIT_MB_MOST, share))


def available_memory_mb() -> int:
    """Memory the system can give without swapping (Linux's MemAvailable; elsewhere free pages)."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // 2**20
    except (ValueError, OSError, AttributeError):
        return 3 * LIMIT_MB


def update(ix, maker: DocumentMaker, changed: Iterable[str] = (), removed: Iterable[str] = ()) -> None:
    """Re-index the changed articles and drop the removed ones, in one commit."""
    changed, removed = list(dict.fromkeys(changed)), list(dict.fromkeys(removed))
    if not changed and not removed:
        return
    library = maker.library
    try:
        writer = GroupedSegmentWriter(ix, timeout=LOCK_WAIT, **OPTIONS)
    except OSError as exc:
        raise write_error(ix.storage.folder, exc) from exc
    try:
        for article_id in removed:
            writer.delete_by_term("id", article_id)
        for article_id in changed:
            try:
                article = library.get(article_id)
            except (ArticleFileError, ArticleNotFound):
                writer.delete_by_term("id", article_id)
                continue
            writer.update_document(**maker.document(article))
        writer.commit(merge=False)  # a background process merges (index/merging.py)
    except BaseException as exc:
        writer.discard()
        if isinstance(exc, OSError):
            raise write_error(ix.storage.folder, exc) from exc
        raise
    try:
        start_if_due(ix)
    except OSError:
        pass  # no merger could start: searches still find everything, and the next update tries again
