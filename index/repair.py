"""Opening the index, and rebuilding it from the library when it cannot be trusted.

The index is derived data, so every problem has the same cure: build it again from the
library's article files (which are only ever read). What went wrong is told in one line.
Whoosh's own write lock is an flock that the kernel drops when its holder dies, so a writer
killed mid-commit leaves no lock that blocks us, only unfinished files the next commit sweeps.
"""

from __future__ import annotations

import shutil
import threading
from itertools import islice

from whoosh import index as whoosh_index

from library.fileio import write_error

from .catchup import backlog_now, catch_up
from .damage import describe
from .location import IndexLocation
from .schema import INDEX_NAME
from .writer import Progress, build


class Unusable(Exception):
    """Why the index in place cannot be used (the message completes "the search index ...")."""


def open_or_rebuild(library, progress: Progress | None = None):
    """The library's Whoosh index, and the one-line notices of any repair that was needed."""
    location = IndexLocation(library.root)
    try:
        return open_checked(location), []
    except Unusable as problem:
        ix, rebuilt = rebuild_if_still_unusable(library, progress)
        return ix, [notice(str(problem), library)] if rebuilt else []


def rebuild_if_still_unusable(library, progress: Progress | None = None):
    """(index, True) after a rebuild; (index, False) when another thread of this process
    rebuilt it while this one waited its turn, so it is not built twice nor reported twice."""
    with _BUILDING:
        try:
            return open_checked(IndexLocation(library.root)), False
        except Unusable:
            return _rebuild(library, progress), True


_BUILDING = threading.Lock()  # one rebuild at a time in a process: builds of our own pid look alive to no one


def rebuild(library, progress: Progress | None = None):
    """A new index from the article files, swapped in when complete. Threads of one process
    (the app's launch check and a fetch, say) take turns, or one would sweep away the other's
    unfinished build folder as abandoned."""
    with _BUILDING:
        return _rebuild(library, progress)


def _rebuild(library, progress: Progress | None = None):
    location = IndexLocation(library.root)
    if location.base.exists() and not location.base.is_dir():
        location.remove_all()
    covered = backlog_now(library)  # changes before the build starts: it reads them anyway,
    library.refresh()  # from the files as they are now (another process may have added some)
    folder = location.new_build()
    try:
        build(library, folder, progress)
    except BaseException as exc:
        shutil.rmtree(folder, ignore_errors=True)  # the index in use, if any, stays as it was
        if isinstance(exc, OSError):  # Whoosh's errors name no file
            raise write_error(folder, exc) from exc
        raise
    location.publish(folder)
    ix = whoosh_index.open_dir(str(folder), indexname=INDEX_NAME)
    library.refresh()
    try:
        catch_up(ix, library, covered=covered)  # what changed while it was built
    except OSError:
        pass  # what it could not take in stays listed for the next command; the new index stands
    return ix


def notice(problem: str, library) -> str:
    return f"search index {problem}: rebuilt it from the {len(library.entries())} articles in {library.root}"


def open_checked(location: IndexLocation):
    """Open the index in use, or raise Unusable saying why not."""
    folder = location.current()
    if folder is None:
        older = location.base.exists() and any(location.base.iterdir())
        raise Unusable("was made by an older version of cuttings" if older else "was missing")
    try:  # reading the table of contents (a `*.toc`, written without fsync) can fail in any way too
        present = whoosh_index.exists_in(str(folder), indexname=INDEX_NAME)
        ix = whoosh_index.open_dir(str(folder), indexname=INDEX_NAME) if present else None
        if ix is not None:
            probe(ix)
    except Exception as exc:  # a damaged file can fail in any way; the cure is the same
        raise Unusable(f"was damaged ({describe(exc)})") from None
    if ix is None:
        if any(folder.glob("*.toc")):
            raise Unusable("was made by an older version of cuttings")
        raise Unusable("was missing")
    return ix


def probe(ix) -> None:
    """Touch every segment's stored fields, term lists and lengths: cheap, and it catches a
    missing, truncated or overwritten segment file before a search trips over it."""
    with ix.searcher() as searcher:
        for reader, _ in searcher.reader().leaf_readers():
            last = reader.doc_count_all() - 1
            if last < 0:
                continue
            for docnum in {0, last}:
                reader.stored_fields(docnum)
                reader.doc_field_length(docnum, "body")
            for field in ("exact", "title", "id"):
                first = next(iter(reader.lexicon(field)), None)
                if first is not None:
                    list(islice(reader.postings(field, first.decode("utf-8")).all_ids(), 3))
