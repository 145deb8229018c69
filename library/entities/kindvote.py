"""One entity, one kind across the library: each article's mentions vote for the kind of the
entity they name, and the kind with most mentions library-wide is the one shown everywhere.

An article alone can be misled ("Chelsea said" reads as a person), while a library names the
club a hundred times as an organisation. Votes are counted once per article (by content hash)
and kept next to the analysis cache, so they survive restarts; an article whose votes were not
saved is counted when its cached analysis is next read. Entities the user typed in
entities.yaml keep the user's kind, and a tie changes nothing.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Sequence

from ..fileio import atomic_write
from .gazetteer import Gazetteer, user_layer
from .mention import Mention

FILE = "kinds.json"
SAVE_EVERY = 200  # newly counted articles, or ...
SAVE_AFTER = 2.0  # ... seconds since the last save, whichever comes first


class KindVote:
    def __init__(self, folder: Path | None, fingerprint: str, pinned: Iterable[str] = ()) -> None:
        """`folder`: where the votes are kept (None: in memory only); `fingerprint`: the
        analysis data they were counted with; `pinned`: canonical names the user typed."""
        self.path = Path(folder) / FILE if folder is not None else None
        self.fingerprint = fingerprint
        self.pinned = frozenset(pinned)
        self.counted: set[str] = set()
        self.votes: dict[str, Counter] = {}
        self._pending = 0
        self._saved_at = time.monotonic()
        self._load()

    @classmethod
    def for_library(cls, root: Path | None, folder: Path | None, fingerprint: str) -> KindVote:
        user = user_layer(root, Gazetteer()) if root is not None else Gazetteer()
        return cls(folder, fingerprint, {entry.canonical for entry in user.names.values()})

    def add(self, key: str, mentions: Sequence[Mention]) -> None:
        """Count one article's mentions, once per article `key` (its content hash)."""
        if key in self.counted:
            return
        self.counted.add(key)
        for m in mentions:
            self.votes.setdefault(m.canonical, Counter())[m.kind] += 1
        self._pending += 1
        if self._pending >= SAVE_EVERY or time.monotonic() - self._saved_at >= SAVE_AFTER:
            self.save()

    def kind_of(self, canonical: str) -> str | None:
        """The library's kind for an entity; None when the user typed it or no kind leads."""
        counts = self.votes.get(canonical)
        if canonical in self.pinned or not counts or len(counts) < 2:
            return None
        (first, n), (_, second) = counts.most_common(2)
        return first if n > second else None

    def apply(self, mentions: Sequence[Mention]) -> tuple[Mention, ...]:
        out = []
        for m in mentions:
            kind = self.kind_of(m.canonical)
            out.append(replace(m, kind=kind) if kind and kind != m.kind else m)
        return tuple(out)

    def save(self) -> None:
        self._pending, self._saved_at = 0, time.monotonic()
        if self.path is None:
            return
        data = {"fingerprint": self.fingerprint, "counted": sorted(self.counted),
                "votes": {name: dict(counts) for name, counts in self.votes.items()}}
        try:
            atomic_write(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")), durable=False)
        except OSError:
            pass  # a read-only library votes in memory only

    def _load(self) -> None:
        """The saved votes when they were counted with the same data; else start afresh."""
        if self.path is None:
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("fingerprint") != self.fingerprint:
                return
            votes = {str(name): Counter({str(k): int(n) for k, n in counts.items()})
                     for name, counts in data["votes"].items()}
            counted = {str(key) for key in data["counted"]}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return  # missing or corrupt: derived data, counted again as articles are read
        self.votes, self.counted = votes, counted
