"""Past search queries, newest last, kept between sessions in the user's data folder.

Every query the user submits is kept, found or not. Up/down in the search bar walk this list
like a shell history; ctrl+r searches it, and pinned queries stay at the top of that search
and are never dropped for space. The file is per user, not per library, because the same
questions are asked of every library a person keeps.
"""

from __future__ import annotations

import json
from pathlib import Path

import platformdirs

from library.fileio import atomic_write
from library.location import APP_NAME

LIMIT = 200


def history_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME)) / "search-history.json"


class QueryHistory:
    def __init__(self, path: Path | None = None):
        self.path = path or history_path()
        self.queries, self.pinned = _load(self.path)
        self._position = len(self.queries)  # len = not browsing; the draft is what was typed

    def add(self, query: str) -> None:
        """Remember a query (moved to the end if asked before) and stop browsing."""
        query = query.strip()
        if query:
            if query in self.queries:
                self.queries.remove(query)
            self.queries.append(query)
            self._trim()
            self._save()
        self._position = len(self.queries)

    def pin(self, query: str, pinned: bool = True) -> None:
        if pinned:
            self.pinned = [*[q for q in self.pinned if q != query], query]
            if query not in self.queries:
                self.queries.append(query)
        else:
            self.pinned = [q for q in self.pinned if q != query]
        self._trim()
        self._save()

    def search(self, text: str) -> list[str]:
        """Past queries holding `text` (any case), pinned ones first, then newest first."""
        wanted = text.strip().casefold()
        found = [q for q in reversed(self.queries) if wanted in q.casefold()]
        return [q for q in found if q in self.pinned] + [q for q in found if q not in self.pinned]

    def _trim(self) -> None:
        """At most LIMIT queries besides the pinned ones: the oldest unpinned go first."""
        excess = len(self.queries) - LIMIT - len(self.pinned)
        while excess > 0:
            oldest = next(q for q in self.queries if q not in self.pinned)
            self.queries.remove(oldest)
            excess -= 1

    def _save(self) -> None:
        data = {"queries": self.queries, "pinned": self.pinned}
        try:
            atomic_write(self.path, json.dumps(data, ensure_ascii=False, indent=0))
        except OSError:
            pass  # history is a convenience: an unwritable data folder must not stop a search

    def older(self) -> str | None:
        """The query before the one shown, or None at the oldest."""
        if self._position == 0:
            return None
        self._position -= 1
        return self.queries[self._position]

    def newer(self) -> str | None:
        """The query after the one shown; "" past the newest (back to an empty bar)."""
        if self._position >= len(self.queries):
            return None
        self._position += 1
        return self.queries[self._position] if self._position < len(self.queries) else ""


def _load(path: Path) -> tuple[list[str], list[str]]:
    """(queries, pinned); a file of the older form (a list of queries) is read too."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return [], []
    if isinstance(data, list):
        data = {"queries": data}
    if not isinstance(data, dict):
        return [], []

    def strings(key: str) -> list[str]:
        value = data.get(key)
        return list(dict.fromkeys(q for q in value if isinstance(q, str))) if isinstance(value, list) else []

    pinned = strings("pinned")
    queries = strings("queries")
    queries = [q for q in queries if q not in pinned][-LIMIT:]
    kept = [q for q in strings("queries") if q in pinned or q in queries]
    return kept + [q for q in pinned if q not in kept], pinned
