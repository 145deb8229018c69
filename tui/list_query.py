"""The article list's query: the filter line's text, or a collection's, as a list filter.

A query the catalogue can answer (fields: issue, entity, tag, source, is, date ...) becomes a
Filter at once from what the app knows now (the analysis facts, the passage tags, the read
marks); one with words or phrases is searched in the index, off the UI thread. Either way the
same query means what it means in the search box.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from index import Known, NeedsIndex, QueryError, catalogue_filter, issue_labels, open_index
from library import filters
from library.annotations import Annotations
from library.filters import Filter, has_tag, tags_by_article
from library.smartcollections import Collection

__all__ = ["Count", "ListQueries", "NeedsIndex"]
_TAG = re.compile(r'(?<![\w:])tag:(?:"([^"]+)"|([^\s()"]+))')


@dataclass(frozen=True)
class Count:
    """A collection's live counts, or the one-line problem that stopped it running."""

    collection: Collection
    unread: int = 0
    total: int = 0
    problem: str | None = None


class ListQueries:
    """Turns query text into list filters for one library (the app holds one)."""

    def __init__(self, library, facts=None, readstate=None, index=None) -> None:
        """Without `facts` (the command line) issue: and entity: are searched in the index;
        `index()` gives the open search index (the app's one), else it is opened here."""
        self.library, self.facts, self.readstate = library, facts, readstate
        self._index = index
        self._opened = None
        self._lock = threading.Lock()

    def known(self) -> Known:
        """What is known now; passage tags are read on first use (only a tag: query needs them)."""
        tags: dict[str, set[str]] | None = None
        root = self.library.root

        def every_tag() -> dict[str, set[str]]:
            nonlocal tags
            if tags is None:
                tags = tags_by_article(self.library.entries(), Annotations(self.library).all_passages())
            return tags

        facts, state = self.facts, self.readstate
        return Known(
            issues_of=facts.issue_ids if facts else Known.issues_of, names_of=facts.names if facts else Known.names_of,
            tags_of=lambda article_id: every_tag().get(article_id, ()), every_tag=every_tag,
            marked=state.marked if state else Known.marked, issue_labels=lambda: issue_labels(root),
            analysed=facts is not None,
        )

    def from_catalogue(self, text: str, known: Known | None = None) -> Filter:
        """QueryError for a malformed query, NeedsIndex when it has words to search."""
        return catalogue_filter(text, known or self.known())

    def from_index(self, text: str) -> Filter:
        """Searched in the index (call from a worker thread: the first call opens it)."""
        if self._index is not None:
            index = self._index()
        else:
            with self._lock:
                if self._opened is None:
                    self._opened = open_index(self.library)
                index = self._opened
        return filters.by_ids(text, text, index.matching_ids(text))

    def resolve(self, text: str, known: Known | None = None) -> Filter:
        """Either way, for workers (collection counts, the command line)."""
        try:
            return self.from_catalogue(text, known)
        except NeedsIndex:
            return self.from_index(text)

    def count(self, collections: list[Collection]) -> list[Count]:
        """Unread and all articles of each collection, now (a relative date counts back from
        today); a collection that cannot run gets its problem instead, and the others run."""
        entries = self.library.entries()
        known = self.known()
        unread = filters.unread(known.marks("read"))
        counted = []
        for collection in collections:
            try:
                found = self.resolve(collection.query, known).apply(entries)
            except (QueryError, OSError) as exc:
                counted.append(Count(collection, problem=f"collection {collection.name!r}: {collection.query}: {exc}"))
                continue
            gone = [] if found else missing_tags(collection.query, known)
            problem = f"collection {collection.name!r}: no article is tagged {gone[0]!r} any more" if gone else None
            counted.append(Count(collection, len(unread.apply(found)), len(found), problem))
        return counted


def missing_tags(query: str, known: Known) -> list[str]:
    """The tags a query names that no article has (removed or renamed since it was saved)."""
    named = [quoted or plain for quoted, plain in _TAG.findall(query)]
    if not named:
        return []  # reading every article's tags costs seconds at 100,000 articles
    every = [tag for tags in known.every_tag().values() for tag in tags]
    return [tag for tag in named if not has_tag(every, tag)]
