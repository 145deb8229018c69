"""`is:read`, `is:unread`, `is:starred`: the read marks of state.json as parts of a query.

Marks change every time an article is opened, so they are not indexed (each mark would rewrite
a document); a query names the set of marked ids, looked up in the index's id column when it
runs, so the marks are the ones on disk at that moment and combine with OR, NOT and brackets.
"""

from __future__ import annotations

import weakref
from typing import Callable

from whoosh import matching
from whoosh import query as q

MARKS = ("read", "unread", "starred")


class MarkedIds(q.Query):
    """The articles whose id is in a set (of read or starred articles)."""

    def __init__(self, mark: str, ids: frozenset[str], boost: float = 1.0):
        self.mark, self.ids, self.boost = mark, ids, boost
        self.fieldname = "is"  # Whoosh groups the parts of AND and OR by field

    def __repr__(self) -> str:
        return f"MarkedIds({self.mark!r}, {len(self.ids)} ids)"

    def __str__(self) -> str:
        return f"is:{self.mark}"

    def __eq__(self, other) -> bool:
        return type(other) is MarkedIds and (other.mark, other.ids, other.boost) == (self.mark, self.ids, self.boost)

    def __hash__(self) -> int:
        return hash((self.mark, len(self.ids)))

    def estimate_size(self, ixreader) -> int:
        return len(self.ids)

    def matcher(self, searcher, context=None):
        reader = searcher.reader()
        ids = self.ids
        docnums = [n for n, i in enumerate(ids_of(reader)) if i in ids and not reader.is_deleted(n)] if ids else []
        return matching.ListMatcher(docnums, all_weights=self.boost)


_COLUMNS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # segment reader -> its ids


def ids_of(reader) -> list[str]:
    """The article id of each document number; read once per segment reader, which the open
    searcher keeps until the index changes (decoding the column costs more than the lookups)."""
    if reader not in _COLUMNS:
        _COLUMNS[reader] = list(reader.column_reader("id"))
    return _COLUMNS[reader]


def mark_query(mark: str, marked: Callable[[str], frozenset[str]], boost: float = 1.0) -> q.Query:
    """is:read, is:starred or is:unread (not read); `marked("read")` gives the ids so marked."""
    if mark == "unread":
        return q.Not(MarkedIds("read", marked("read"), boost))
    return MarkedIds(mark, marked(mark), boost)

