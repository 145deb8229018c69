"""Past search queries, newest last, kept between sessions in the user's data folder.

Up/down in the search bar walk this list like a shell history. The file is per user, not per
library, because the same questions are asked of every library a person keeps.
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
        self.queries: list[str] = _load(self.path)
        self._position = len(self.queries)  # len = not browsing; the draft is what was typed

    def add(self, query: str) -> None:
        """Remember a query (moved to the end if asked before) and stop browsing."""
        query = query.strip()
        if query:
            if query in self.queries:
                self.queries.remove(query)
            self.queries = [*self.queries, query][-LIMIT:]
            try:
                atomic_write(self.path, json.dumps(self.queries, ensure_ascii=False, indent=0))
            except OSError:
                pass  # history is a convenience: an unwritable data folder must not stop a search
        self._position = len(self.queries)

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


def _load(path: Path) -> list[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [q for q in data if isinstance(q, str)][-LIMIT:] if isinstance(data, list) else []
