"""The ids of articles changed since the search index last took them in.

Every writer of an article or a tag file appends the article's id here *before* writing (under
the library lock), and the index writer drops ids only after they reached the index in use.
So whatever a killed process, a busy index lock or a rebuild running at the same time kept
from the index is still listed, and the next command that touches the index catches up.

One id a line in `.cache/backlog`, each written with one `O_APPEND` write; a record starts
with a line break too, so a write cut short can spoil only itself, never the next id.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .fileio import atomic_write, write_error


@dataclass(frozen=True)
class Snapshot:
    ids: tuple[str, ...]
    raw: bytes  # the file as read: what `settle` may drop, if nobody settled it meanwhile

    @classmethod
    def of(cls, raw: bytes) -> Snapshot:
        lines = raw.decode("utf-8", errors="replace").split("\n")
        return cls(tuple(dict.fromkeys(line for line in lines if line)), raw)


class Backlog:
    def __init__(self, cache_dir: Path):
        self.path = Path(cache_dir) / "backlog"

    def record(self, ids) -> None:
        data = "".join(f"\n{i}\n" for i in ids).encode("utf-8")
        if not data:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(fd, data)
            finally:
                os.close(fd)
        except OSError as exc:  # a full disk: the change it came before is not made either
            raise write_error(self.path, exc) from exc

    def snapshot(self) -> Snapshot:
        try:
            return Snapshot.of(self.path.read_bytes())
        except FileNotFoundError:
            return Snapshot((), b"")

    def settle(self, taken: Snapshot) -> None:
        """Drop what `taken` listed (its ids are in the index), keeping what was added since.
        The caller holds the library lock, so no id is appended meanwhile."""
        if not taken.raw:
            return
        now = self.snapshot().raw
        if now.startswith(taken.raw):  # else someone settled first: leave it, the next catch-up re-indexes
            atomic_write(self.path, now[len(taken.raw):], durable=False)
