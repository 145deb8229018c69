"""The article list's query: the filter line's text, or a collection's, as a list filter.

A query the catalogue can answer (fields: issue, entity, tag, source, is, date ...) becomes a
Filter at once from what the app knows now (the analysis facts, the passage tags, the read
marks); one with words or phrases is searched in the index, off the UI thread. Either way the
same query means what it means in the search box.
"""

from __future__ import annotations

import threading

from index import Known, NeedsIndex, catalogue_filter, issue_labels, open_index
from library import filters
from library.annotations import Annotations
from library.filters import Filter, tags_by_article

__all__ = ["ListQueries", "NeedsIndex"]


class ListQueries:
    """Turns query text into list filters for one library (the app holds one)."""

    def __init__(self, library, facts, readstate) -> None:
        self.library, self.facts, self.readstate = library, facts, readstate
        self._index = None
        self._lock = threading.Lock()

    def known(self) -> Known:
        """What is known now; passage tags are read on first use (only a tag: query needs them)."""
        tags: dict[str, set[str]] | None = None
        root = self.library.root

        def tags_of(article_id: str):
            nonlocal tags
            if tags is None:
                tags = tags_by_article(self.library.entries(), Annotations(self.library).all_passages())
            return tags.get(article_id, ())

        return Known(
            issues_of=self.facts.issue_ids, names_of=self.facts.names, tags_of=tags_of,
            marked=self.readstate.marked, issue_labels=lambda: issue_labels(root),
        )

    def from_catalogue(self, text: str) -> Filter:
        """QueryError for a malformed query, NeedsIndex when it has words to search."""
        return catalogue_filter(text, self.known())

    def from_index(self, text: str) -> Filter:
        """Searched in the index (call from a worker thread: the first call opens it)."""
        with self._lock:
            if self._index is None:
                self._index = open_index(self.library)
        return filters.by_ids(text, text, self._index.matching_ids(text))

    def resolve(self, text: str) -> Filter:
        """Either way, for workers (collection counts, the command line)."""
        try:
            return self.from_catalogue(text)
        except NeedsIndex:
            return self.from_index(text)
