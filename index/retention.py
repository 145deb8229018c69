"""Deleting the files of replaced index generations, after a grace period.

A Whoosh reader reads a generation's table of contents and opens most of its segment files only
when a search first needs them, while Whoosh's writers delete the files of every segment that
leaves the index the moment they commit. With updates in one process and a background merge in
another, a search could trip over a file deleted a millisecond earlier, and a failed read looks
like a damaged index (which is rebuilt). Here every commit keeps a table of contents for GRACE
seconds after a newer one replaced it, together with the segment files it names, so a reader
has that long to finish with the generation it opened. Only our writers commit to the index.
"""

from __future__ import annotations

import time

from whoosh.index import TOC

GRACE = 30.0  # seconds; a search reads its files within a second of opening the generation


def clean_files(storage, indexname: str, generation: int, segments, schema) -> None:
    """After committing `generation` with `segments`: delete the tables of contents replaced
    more than GRACE seconds ago, and segment files that no remaining one names."""
    names = storage.list()
    toc_pattern, segment_pattern = TOC._pattern(indexname), TOC._segment_pattern(indexname)
    generations = sorted(int(match.group(1)) for match in map(toc_pattern.match, names) if match)
    keep = {segment.segment_id() for segment in segments}
    now = time.time()
    for older, newer in zip(generations, generations[1:]):
        if older >= generation:
            break
        if now - _modified(storage, TOC._filename(indexname, newer)) < GRACE and _add_segments(keep, storage, indexname, older, schema):
            continue
        _delete(storage, TOC._filename(indexname, older))
    for name in names:
        match = segment_pattern.match(name)
        if match and match.group(1) not in keep:
            _delete(storage, name)


def _modified(storage, name: str) -> float:
    try:
        return storage.file_modified(name)
    except OSError:  # gone already: whatever it replaced is long replaced
        return 0.0


def _add_segments(keep: set, storage, indexname: str, generation: int, schema) -> bool:
    """Add the segments an older table of contents names; False if it cannot be read."""
    try:
        toc = TOC.read(storage, indexname, generation, schema=schema)  # a schema given is not unpickled
    except Exception:  # half-written by a killed process, or deleted meanwhile: nobody can read it
        return False
    keep.update(segment.segment_id() for segment in toc.segments)
    return True


def _delete(storage, name: str) -> None:
    try:
        storage.delete_file(name)
    except OSError:  # open in another process (Windows) or gone already: the next commit tries again
        pass
