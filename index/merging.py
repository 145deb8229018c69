"""Merging the small segments that updates leave, in a background process, mostly without the lock.

Every update commits its articles as a new segment and merges nothing, so an update takes the
same short time every time. Left alone, the small segments would pile up and slow every search;
Whoosh's own policy merges them inside an update's commit, holding the write lock, which made
about one update in five take 0.3-1.5 s. Here a detached process (`main`, started by an update
that finds a merge due) merges them the way Lucene does: it reads the segments of one table of
contents and writes their merged segment into a hidden scratch folder with no lock held, then
takes the write lock only to move the files in and write a new table of contents, carrying over
what updates deleted from those segments in the meantime.

Segments merge in size classes, eight of a class at a time, so a document is rewritten a few
times in its life rather than at every merge. Segments of 512 live documents or more (a rebuild
makes those) are left to `cuttings reindex`, which also drops the documents updates deleted.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.index import TOC
from whoosh.reading import SegmentReader
from whoosh.util.filelock import try_for

from .damage import describe
from .retention import clean_files
from .schema import INDEX_NAME
from .segments import GroupedSegmentWriter

FACTOR = 8  # segments of one size class merged at once; classes are 0-7, 8-63, 64-511 live documents
LARGEST_CLASS = 2  # a class above this (512 documents and up) is never merged here
SCRATCH = ".merge"  # Whoosh's sweep of unused files skips names that start with a dot
MERGE_LOCK = "MERGELOCK"  # held by the one merging process of an index
LOCK_WAIT = 5.0  # seconds to wait for an update's commit before giving this merge up
RUN = "import sys; from index.merging import main; sys.exit(main())"  # the merging process, given a folder


def size_class(segment) -> int:
    live, found = segment.doc_count(), 0
    while live >= FACTOR:
        live //= FACTOR
        found += 1
    return found


def due(segments) -> list:
    """The segments to merge next: those of the smallest size class that has FACTOR of them."""
    classes: dict[int, list] = {}
    for segment in segments:
        classes.setdefault(size_class(segment), []).append(segment)
    for number in range(LARGEST_CLASS + 1):
        if len(classes.get(number, ())) >= FACTOR:
            return classes[number]
    return []


def start_if_due(ix) -> bool:
    """After an update: start a merging process if a merge is due and none is at work."""
    if not due(TOC.read(ix.storage, INDEX_NAME).segments):
        return False
    lock = ix.lock(MERGE_LOCK)
    if not lock.acquire():
        return False  # the merger at work looks again before it stops
    lock.release()
    subprocess.Popen([sys.executable, "-c", RUN, ix.storage.folder], stdin=subprocess.DEVNULL,
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    return True


def merge_due(folder: Path) -> int:
    """Merge segments until none is due; returns how many merges were committed (none when
    another process is merging this index, or an update held the lock too long)."""
    ix = whoosh_index.open_dir(str(folder), indexname=INDEX_NAME)
    merges = 0
    # looked at again after the lock is let go: an update may have made a merge due meanwhile,
    # and seen the lock taken
    while due(TOC.read(ix.storage, INDEX_NAME).segments):
        lock = ix.lock(MERGE_LOCK)
        if not lock.acquire():
            break
        try:
            while chosen := due(TOC.read(ix.storage, INDEX_NAME).segments):
                if not merge(ix, chosen):
                    return merges
                merges += 1
        finally:
            shutil.rmtree(Path(folder) / SCRATCH, ignore_errors=True)
            lock.release()
    return merges


def merge(ix, chosen: list) -> bool:
    """Replace the `chosen` segments (as read from a table of contents) by one; False when
    they were replaced by someone else meanwhile or the write lock stayed taken."""
    folder = Path(ix.storage.folder)
    scratch = folder / SCRATCH
    shutil.rmtree(scratch, ignore_errors=True)
    merged = _write_merged(ix, chosen, scratch)
    writelock = ix.lock("WRITELOCK")
    if not try_for(writelock.acquire, timeout=LOCK_WAIT, delay=0.02):
        return False
    try:
        toc = TOC.read(ix.storage, INDEX_NAME)
        now = {segment.segment_id(): segment for segment in toc.segments}
        if any(segment.segment_id() not in now for segment in chosen):
            return False
        gone = {segment.segment_id() for segment in chosen}
        segments = [segment for segment in toc.segments if segment.segment_id() not in gone]
        if merged is not None:
            _carry_deletions(chosen, now, merged)
            prefix = merged.segment_id() + "."
            for name in os.listdir(scratch):
                if name.startswith(prefix):
                    os.replace(scratch / name, folder / name)
            segments.append(merged)
        generation = toc.generation + 1
        TOC(toc.schema, segments, generation).write(ix.storage, INDEX_NAME)
        clean_files(ix.storage, INDEX_NAME, generation, segments, toc.schema)
    finally:
        writelock.release()
    return True


def _write_merged(ix, chosen: list, scratch: Path):
    """The live documents of the chosen segments, in order, as one segment written in
    `scratch`; None when none of them has a live document left."""
    live = [segment for segment in chosen if segment.doc_count()]
    if not live:
        return None
    scratch.mkdir()
    schema = ix.schema
    writer = GroupedSegmentWriter(whoosh_index.create_in(str(scratch), schema, indexname=INDEX_NAME),
                                  locked=False, compound=False)
    try:
        for segment in live:
            reader = SegmentReader(ix.storage, schema, segment)
            try:
                writer.add_reader(reader)
            finally:
                reader.close()
        return writer.finish_segment()
    finally:
        writer.abandon()


def _carry_deletions(chosen: list, now: dict, merged) -> None:
    """Delete from the merged segment the documents deleted from its sources since they were
    read: the merged segment holds each source's then-live documents in order."""
    base = 0
    for segment in chosen:
        current = now[segment.segment_id()]
        live = [docnum for docnum in range(segment.doc_count_all()) if not segment.is_deleted(docnum)]
        for rank, docnum in enumerate(live):
            if current.is_deleted(docnum):
                merged.delete_document(base + rank)
        base += len(live)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print(f"usage: python -c {RUN!r} INDEX_FOLDER", file=sys.stderr)
        return 2
    folder = Path(argv[0])
    try:  # a damaged table of contents fails here; the next command that opens the index repairs it
        if not whoosh_index.exists_in(str(folder), indexname=INDEX_NAME):
            print(f"cuttings: {folder} is not a cuttings search index", file=sys.stderr)
            return 1
        merge_due(folder)
    except Exception as exc:  # the index is as it was; the next update tries again
        print(f"cuttings: merging the segments of the search index in {folder} stopped ({describe(exc)})", file=sys.stderr)
        return 1
    return 0
