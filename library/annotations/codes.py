"""Where each code sits: every passage's tags and span, and its article's issue evidence spans,
kept in a derived cache (.cache/codes.json) so that the co-occurrence tables are counted
without parsing thousands of tag files and analysis results each time.

A tag file is read again only when its inode, size or mtime, or its article's text hash,
differ from what the cache recorded (every tag write replaces the file, so it gets a new
inode). Reading goes through Annotations, so a changed article's passages are re-anchored
first, as everywhere else. The cache is safe to delete.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from typing import Sequence

from ..articlefile import ArticleFileError
from ..fileio import atomic_write
from ..store import ArticleNotFound, collector_paused

FORMAT = 1


@dataclass(frozen=True)
class Coded:
    """A tagged passage as co-occurrence needs it: tags and (block, offset) start and end."""

    article_id: str
    tags: tuple[str, ...]
    start: tuple[int, int]
    end: tuple[int, int]
    orphan: bool = False  # its words are gone from the article: it counts, but overlaps nothing


@dataclass(frozen=True)
class Evidence:
    """One issue's evidence in one article: the issue and the (block, start, end) of each passage
    (lists as the cache holds them: converting 100,000 articles' spans to tuples costs seconds)."""

    id: str
    label: str
    spans: Sequence[Sequence[int]]


def coded_passages(annotations) -> list[Coded]:
    """Every passage of the library."""
    with collector_paused():  # many small objects, no cycles: see library/store.py
        return _coded_passages(annotations)


def _coded_passages(annotations) -> list[Coded]:
    library = annotations.library
    cache = _load(library)
    files = cache.get("files", {})
    fresh: dict[str, list] = {}
    for article_id, stat in _tag_files(annotations.folder):
        key = [*stat, _hash(library, article_id)]
        known = files.get(article_id)
        if known is None or known[:4] != key:
            passages = annotations.for_article(article_id)  # may re-anchor and rewrite the file
            stat = _stat(annotations.folder / f"{article_id}.yaml") or stat
            known = [*stat, key[3], [[list(p.tags), p.anchor.block, p.anchor.start, p.anchor.last_block, p.anchor.end,
                                      p.orphan] for p in passages]]
        fresh[article_id] = known
    if fresh != files:
        cache["files"] = fresh
        _save(library, cache)
    return [Coded(article_id, tuple(tags), (b, s), (eb, e), orphan)
            for article_id, known in fresh.items() for tags, b, s, eb, e, orphan in known[4]]


def evidence(library, analyser, article_ids) -> dict[str, list[Evidence]]:
    """The issue evidence of the given articles, from the cache or the analysis (whose own
    cache holds whole analyses, entities and all: one file per article)."""
    with collector_paused():
        return _evidence(library, analyser, article_ids)


def _evidence(library, analyser, article_ids) -> dict[str, list[Evidence]]:
    cache = _load(library)
    known = cache.get("issues", {})
    wanted, found = {}, {}
    for article_id in article_ids:
        content_hash = _hash(library, article_id)
        if not content_hash:
            continue
        wanted[content_hash] = article_id
        if content_hash not in known:
            try:
                analysis = analyser.cached(content_hash) or analyser.analyse(library.get(article_id))
            except (ArticleNotFound, ArticleFileError):
                continue
            known[content_hash] = [[h.id, h.label, [[p.block, p.start, p.end] for p in h.passages]] for h in analysis.issues]
        found[article_id] = [Evidence(i, label, spans) for i, label, spans in known[content_hash]]
    kept = {h: known[h] for h in wanted if h in known}
    if kept != cache.get("issues"):
        cache["issues"] = kept
        _save(library, cache)
    return found


def _tag_files(folder):
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return
    for entry in entries:
        if entry.name.endswith(".yaml") and not entry.name.startswith("."):
            stat = entry.stat()
            yield entry.name[:-5], [stat.st_ino, stat.st_size, stat.st_mtime_ns]


def _stat(path) -> list | None:
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns]


def _hash(library, article_id: str) -> str:
    try:
        return library.entry(article_id).content_hash
    except ArticleNotFound:
        return ""


def _path(library):
    return library.cache_dir / "codes.json"


_parsed: dict[str, tuple[tuple, dict]] = {}  # path -> (file stamp, contents): one parse while it is unchanged
_parsing = threading.Lock()


def _load(library) -> dict:
    """The cache's contents (a copy the caller may change): parsed again only when the file
    changed, since the codebook asks for passages, tag counts and a table in one opening."""
    path = _path(library)
    try:
        with _parsing:
            stamp = _stamp(path)
            if path.as_posix() not in _parsed or _parsed[path.as_posix()][0] != stamp:
                data = json.loads(path.read_text(encoding="utf-8"))
                _parsed[path.as_posix()] = (stamp, data if isinstance(data, dict) and data.get("version") == FORMAT else {})
            data = _parsed[path.as_posix()][1]
    except (OSError, ValueError):
        return {"version": FORMAT}
    return {"version": FORMAT, **{key: dict(value) for key, value in data.items() if isinstance(value, dict)}}


def _stamp(path) -> tuple:
    stat = os.stat(path)
    return stat.st_ino, stat.st_size, stat.st_mtime_ns


def _save(library, cache: dict) -> None:
    try:
        atomic_write(_path(library), json.dumps(cache, ensure_ascii=False, separators=(",", ":")), durable=False)
    except OSError:
        pass  # a cache that cannot be written is counted again next time
