"""Read and starred flags and reading positions, kept in the library's state.json.

Two app instances may run on one library, so every write re-reads the file under the library
lock and changes only the fields this instance set: neither instance loses the other's marks.
A state.json that cannot be read is moved aside (never overwritten) and a warning is kept.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from .fileio import LockTimeout, atomic_write

STATE_VERSION = 1


class ReadStateError(RuntimeError):
    """A change could not be saved; the message is one line naming the file."""


@dataclass(frozen=True)
class ArticleState:
    read: bool = False
    starred: bool = False
    position: tuple[int, int] | None = None  # (block, character offset) at the top of the reader


class ReadState:
    def __init__(self, library):
        self.library = library
        self.path = Path(library.root) / "state.json"
        self.warnings: list[str] = []
        self._articles: dict[str, dict] = self._load()

    def get(self, article_id: str) -> ArticleState:
        raw = self._articles.get(article_id, {})
        position = raw.get("position")
        valid = isinstance(position, list) and len(position) == 2 and all(isinstance(n, int) for n in position)
        return ArticleState(bool(raw.get("read")), bool(raw.get("starred")), tuple(position) if valid else None)

    def is_read(self, article_id: str) -> bool:
        return bool(self._articles.get(article_id, {}).get("read"))

    def is_starred(self, article_id: str) -> bool:
        return bool(self._articles.get(article_id, {}).get("starred"))

    def marked(self, flag: str) -> frozenset[str]:
        """The ids of the articles with this flag ("read" or "starred"), for is:read in a query."""
        return frozenset(article_id for article_id, raw in self._articles.items() if raw.get(flag))

    def set_read(self, article_id: str, read: bool = True) -> None:
        self._update(article_id, read=read)

    def set_starred(self, article_id: str, starred: bool) -> None:
        self._update(article_id, starred=starred)

    def set_position(self, article_id: str, block: int, offset: int) -> None:
        self._update(article_id, position=[block, offset])

    def reload(self) -> None:
        """Pick up marks another instance wrote."""
        self._articles = self._load()

    def mark_many(self, read: set[str] = frozenset(), starred: set[str] = frozenset()) -> None:
        """Mark many articles at once (an import from a read-later service): one write."""
        changes: dict[str, dict] = {article_id: {} for article_id in {*read, *starred}}
        for article_id in read:
            changes[article_id]["read"] = True
        for article_id in starred:
            changes[article_id]["starred"] = True
        self._update_many(changes)

    def _update(self, article_id: str, **fields) -> None:
        self._update_many({article_id: fields})

    def _update_many(self, changes: dict[str, dict]) -> None:
        changes = {
            article_id: fields
            for article_id, fields in changes.items()
            if not all(self._articles.get(article_id, {}).get(key) == value for key, value in fields.items())
        }
        if not changes:
            return
        try:
            with self.library.lock(timeout=2.0):
                articles = self._load()
                for article_id, fields in changes.items():
                    merged = {**articles.get(article_id, {}), **fields}
                    kept = {k: v for k, v in merged.items() if v not in (False, None)}
                    if kept:
                        articles[article_id] = kept
                    else:
                        articles.pop(article_id, None)
                data = {"version": STATE_VERSION, "articles": articles}
                atomic_write(self.path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))
        except (OSError, LockTimeout) as exc:
            raise ReadStateError(f"{self.path}: could not save ({_reason(exc)})") from None
        self._articles = articles

    def _load(self) -> dict[str, dict]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as exc:
            self.warnings.append(f"{self.path}: unreadable ({_reason(exc)}); read marks start empty")
            return {}
        try:
            data = json.loads(raw)  # bytes that are not UTF-8 raise a ValueError here too
            articles = data["articles"]
            if not isinstance(articles, dict):
                raise TypeError
            return {k: v for k, v in articles.items() if isinstance(v, dict)}
        except (ValueError, KeyError, TypeError):
            return self._set_aside()

    def _set_aside(self) -> dict[str, dict]:
        """Keep a broken file for the user to inspect, rather than overwrite it later."""
        aside = self.path.with_name(f"state.broken-{time.strftime('%Y%m%d-%H%M%S')}.json")
        try:
            self.path.rename(aside)
            self.warnings.append(f"{self.path}: not valid state data; moved to {aside.name}, read marks start empty")
        except OSError as exc:
            self.warnings.append(f"{self.path}: not valid state data and could not be moved aside ({_reason(exc)})")
        return {}


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc)
