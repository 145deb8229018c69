"""Writing the index: a full build from the library, and incremental updates of a few articles.

A full build reads and analyses articles in a pool of worker processes and indexes them with
Whoosh's multiprocessing writer (each of its workers writes its own segment, so there is no
final merge); small libraries use one process because starting workers costs more than it saves. Updates
replace one document per changed article (matched by id) in a single short commit.
"""

from __future__ import annotations

import multiprocessing
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

from whoosh import index as whoosh_index

from library.articlefile import ArticleFileError
from library.store import ArticleNotFound, Library

from .documents import DocumentMaker
from .schema import INDEX_NAME, make_schema

Progress = Callable[[int, int], None]
PARALLEL_FROM = 400  # articles; below this one process is faster than starting workers
# Postings each writer holds before Whoosh spills sorted runs to disk (its estimate is close to
# the real size). Spilling means every posting is written, read back and merged once more in
# Python: at 10,000 articles that was a fifth of the build's CPU time (1,536 MB per writer
# measured 2.66x the naive writer, 512 MB 2.0x). So a rebuild lets its writers share a third of
# the memory that is free, within these bounds; updates touch a few articles and need little.
LIMIT_MB, LIMIT_MB_MOST = 256, 2048
# Separate files per segment, not one compound file: Whoosh reads a compound file's parts by
# copying each into memory when a searcher opens (0.3 s at 10,000 articles); plain files are not.
OPTIONS = {"limitmb": LIMIT_MB, "compound": False}
LOCK_WAIT = 5.0  # seconds an update waits for another process's commit
BUSY = "search index busy (another cuttings is writing it); `cuttings check --fix` brings it up to date"


def build(library, folder: Path, progress: Progress | None = None, procs: int | None = None) -> int:
    """Index every article of the library into the empty `folder`; returns the count."""
    ix = whoosh_index.create_in(str(folder), make_schema(), indexname=INDEX_NAME)
    ids = [entry.id for entry in library.entries()]
    procs = procs or min(2, os.cpu_count() or 1)
    parallel = procs > 1 and len(ids) >= PARALLEL_FROM
    options = {**OPTIONS, "limitmb": build_memory_mb(procs if parallel else 1)}
    if parallel:
        writer = ix.writer(procs=procs, multisegment=True, batchsize=64, **options)
    else:
        writer = ix.writer(**options)
    done = 0
    try:
        with _documents(library, ids, procs if parallel else 1) as documents:
            for doc in documents:
                if doc is not None:  # None: unreadable or vanished since listing (`cuttings check` names it)
                    writer.add_document(**doc)
                done += 1
                if progress:
                    progress(done, len(ids))
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    return done


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


@contextmanager
def _documents(library, ids: list[str], procs: int) -> Iterator[Iterator[dict | None]]:
    """Index documents for these ids, in order; made by `procs` worker processes when more
    than one, since reading and analysing articles costs more than indexing them."""
    if procs == 1:
        _start_worker(library.root)
        yield map(_document, ids)
        return
    with multiprocessing.get_context("fork").Pool(procs, _start_worker, (library.root,)) as pool:
        yield pool.imap(_document, ids, chunksize=32)


_worker: dict = {}


def _start_worker(root) -> None:
    library = Library(root)
    _worker.update(library=library, maker=DocumentMaker(library))


def _document(article_id: str) -> dict | None:
    try:
        return _worker["maker"].document(_worker["library"].get(article_id))
    except (ArticleFileError, ArticleNotFound):
        return None


def update_if_built(library, changed: Iterable[str] = (), removed: Iterable[str] = ()) -> list[str]:
    """Keep an existing index in step after a change; without a usable index do nothing (the
    next search builds one). Returns one-line notices for anything the user should know."""
    from .repair import Unusable, open_checked
    from .location import IndexLocation

    try:
        ix = open_checked(IndexLocation(library.root))
    except Unusable:
        return []
    try:
        update(ix, DocumentMaker(library), changed, removed)
    except whoosh_index.LockError:
        return [BUSY]
    return []


def update(ix, maker: DocumentMaker, changed: Iterable[str] = (), removed: Iterable[str] = ()) -> None:
    """Re-index the changed articles and drop the removed ones, in one commit."""
    changed, removed = list(dict.fromkeys(changed)), list(dict.fromkeys(removed))
    if not changed and not removed:
        return
    library = maker.library
    writer = ix.writer(timeout=LOCK_WAIT, **OPTIONS)
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
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
