"""Per-article counts for the beat views, kept in one file beside the analysis cache.

Reading one file is many times faster than reading one cached analysis per article, and the
views need only issue ids with their passage counts and entity names with their spellings.
The file is derived data keyed by the analyser's fingerprint: articles it lacks are read
from the analysis cache and added; a stale or corrupt file is rebuilt."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from ..analysis import Analyser, _analyses
from ..fileio import atomic_write

# per article: ([(issue id, passages)], [(canonical, kind, text as written, mentions)])
Summary = tuple[list, list]


def summaries(library, analyser: Analyser) -> list[tuple[object, Summary]]:
    """Every article's catalogue entry and summary."""
    path = _path(library.root, analyser)
    known = _read(path, analyser.fingerprint)
    entries = library.entries()
    missing = [e for e in entries if e.content_hash not in known]
    for entry, found in _analyses(library, analyser, missing):
        spellings = Counter((m.canonical, m.kind, m.text) for m in found.entities)
        known[entry.content_hash] = ([[h.id, len(h.passages)] for h in found.issues],
                                     [[c, k, t, n] for (c, k, t), n in spellings.items()])
    if missing and path is not None:
        kept = {e.content_hash: known[e.content_hash] for e in entries if e.content_hash in known}
        _write(path, analyser.fingerprint, kept)
    return [(e, known[e.content_hash]) for e in entries if e.content_hash in known]


def _path(root, analyser: Analyser) -> Path | None:
    return analyser.cache_dir.parent / "beat.json" if analyser.cache_dir is not None else None


def _read(path: Path | None, fingerprint: str) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path is not None else {}
        return data["articles"] if data.get("fingerprint") == fingerprint and isinstance(data["articles"], dict) else {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}  # missing or corrupt: rebuilt from the analysis cache


def _write(path: Path, fingerprint: str, articles: dict) -> None:
    try:
        text = json.dumps({"fingerprint": fingerprint, "articles": articles}, ensure_ascii=False, separators=(",", ":"))
        atomic_write(path, text, durable=False)
    except OSError:
        pass  # a read-only library: the views still work, only slower next time
