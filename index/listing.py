"""A query as a list filter, answered from the catalogue without the search index.

The article list and saved collections take the whole query language. Most list queries name
fields the catalogue and the app already know (`issue:taiwan is:unread date:7d..`): those are
answered here, at once and without an index, with the library's filters (library/filters.py),
so the same field means the same thing wherever it is used. Words, phrases, prefixes and
`title:` need the index: `catalogue_filter` raises NeedsIndex and the caller searches instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import reduce
from typing import Callable, Iterable

from whoosh import query as q

from library import filters
from library.filters import Filter
from library.issues.taxonomy import issue_ids_named

from .query import NAME_FIELDS, QueryError, parse

CATALOGUE_FIELDS = ("issue", "tag", "source", "author", "is", "date", "added", *NAME_FIELDS)


class NeedsIndex(Exception):
    """The query has words or fields only the search index can answer."""


@dataclass
class Known:
    """What the app knows about each article, beyond the catalogue entry. Without analysis
    (`analysed=False`, as in the command line) issue: and entity: go to the index."""

    issues_of: Callable[[str], Iterable[str]] = lambda _id: ()
    names_of: Callable[[str, str], Iterable[str]] = lambda _id, _kind: ()  # kind: entity, person, org, place
    tags_of: Callable[[str], Iterable[str]] = lambda _id: ()
    marked: Callable[[str], frozenset[str]] = lambda _flag: frozenset()
    issue_labels: Callable[[], dict[str, str]] = dict  # label in lower case -> issue id
    analysed: bool = True
    every_tag: Callable[[], dict[str, set[str]]] = dict  # article id -> tags, for saved queries' checks
    _marks: dict = field(default_factory=dict)

    def marks(self, flag: str) -> frozenset[str]:
        if flag not in self._marks:  # once per query: `is:unread OR is:starred` reads state once
            self._marks[flag] = self.marked(flag)
        return self._marks[flag]


def catalogue_filter(text: str, known: Known) -> Filter:
    """The query as a Filter labelled with its text; QueryError if it does not parse,
    NeedsIndex if the catalogue cannot answer it."""
    parsed = parse(text)
    found = _compile(parsed, known)
    return found.named(text.strip(), text.strip())


def _compile(node: q.Query, known: Known) -> Filter:
    if isinstance(node, q.And):
        return reduce(lambda a, b: a & b, (_compile(n, known) for n in node.subqueries))
    if isinstance(node, q.Or):
        return reduce(lambda a, b: a | b, (_compile(n, known) for n in node.subqueries))
    if isinstance(node, q.Not):
        return ~_compile(node.query, known)
    if isinstance(node, q.AndNot):
        return _compile(node.a, known) & ~_compile(node.b, known)
    if isinstance(node, q.AndMaybe):
        return _compile(node.a, known)
    name = getattr(node, "fieldname", None)
    if name not in CATALOGUE_FIELDS or (not known.analysed and name in ("issue", *NAME_FIELDS)):
        raise NeedsIndex(name)
    if isinstance(node, (q.Term, q.Phrase)):
        return _field(name, " ".join(node.words) if isinstance(node, q.Phrase) else node.text, known)
    if name in ("date", "added") and isinstance(node, q.Prefix):
        return filters.by_date(name, node.text, node.text + "~", f"{name}:{node.text}")
    if name in ("date", "added") and isinstance(node, q.TermRange):
        return filters.by_date(name, node.start, node.end, f"{name}:{node.start or ''}..{node.end or ''}", node.startexcl, node.endexcl)
    raise NeedsIndex(name)  # a prefix or fuzzy name: the index's vocabulary expands it


def _field(name: str, value: str, known: Known) -> Filter:
    if name == "is":
        mark = value.lower()
        if mark == "starred":
            return filters.starred(known.marks("starred"))
        return (filters.read if mark == "read" else filters.unread)(known.marks("read"))
    if name == "issue":
        ids = issue_ids_named(known.issue_labels(), value) or [value.lower()]
        labels = {i: label for label, i in known.issue_labels().items()}
        return reduce(lambda a, b: a | b, (filters.by_issue(i, labels.get(i, i), known.issues_of) for i in ids))
    if name == "tag":
        return filters.by_tag(value, known.tags_of)
    if name == "source":
        return filters.by_source(value)
    if name == "author":
        return filters.by_author(value)
    if name in ("date", "added"):
        return filters.by_date(name, value, value, f"{name}:{value}")
    return filters.by_entity(value, lambda article_id: known.names_of(article_id, name), name)


def query_problem(text: str) -> str | None:
    """The one-line problem with a query, or None: for saved collections, before they run."""
    try:
        parse(text)
    except QueryError as exc:
        return str(exc)
    return None
