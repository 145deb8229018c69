"""What narrows the article list, and an article's tags: one definition for search, the list
filters, saved collections, the palette, the Tags screen and `cuttings tags`.

A Filter is a test on catalogue entries with the label the UI shows and the query that says
the same in the search language (`issue:taiwan`), so a filter chosen from the sidebar or the
palette lands in the list's filter line as text the user can edit. Filters compose with `&`,
`|` and `~`; index/listing.py builds them from any query the catalogue can answer.

An article's tags are the tags in its front matter (`tags: [export-controls]`) and the tags of
its passages. Tags are hierarchical with "/", and a tag selects itself and every tag below it,
ignoring case (`trade` selects `Trade/de-risking`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable

from .model import CatalogueEntry

Test = Callable[[CatalogueEntry], bool]
_PLAIN = re.compile(r"[^\s\"():]+")


@dataclass(frozen=True)
class Filter:
    """A narrowing of the list: the label shown above it, the query that says it, the test."""

    label: str
    query: str
    accepts: Test
    ids: frozenset[str] | None = None  # a filter that is just "in (or not in) these ids" ...
    inside: bool = True  # ... is applied without a call per article (views at 100,000 articles)

    def __and__(self, other: Filter) -> Filter:
        return Filter(f"{self.label} · {other.label}", f"{self.query} {other.query}", lambda e: self.accepts(e) and other.accepts(e))

    def __or__(self, other: Filter) -> Filter:
        return Filter(f"{self.label} or {other.label}", f"({self.query} OR {other.query})", lambda e: self.accepts(e) or other.accepts(e))

    def __invert__(self) -> Filter:
        return Filter(f"not {self.label}", f"NOT {_grouped(self.query)}", lambda e: not self.accepts(e))

    def apply(self, entries: Iterable[CatalogueEntry]) -> list[CatalogueEntry]:
        ids, accepts = self.ids, self.accepts
        if ids is not None:
            return [e for e in entries if e.id in ids] if self.inside else [e for e in entries if e.id not in ids]
        return [e for e in entries if accepts(e)]

    def named(self, label: str, query: str | None = None) -> Filter:
        """The same test under another label (a collection's name, an issue's label)."""
        return Filter(label, self.query if query is None else query, self.accepts, self.ids, self.inside)


def field(name: str, value: str) -> str:
    """`name:value` in the query language, quoted when the value is more than one word."""
    value = value.replace('"', " ").strip()
    return f"{name}:{value}" if _PLAIN.fullmatch(value) else f'{name}:"{value}"'


def _grouped(query: str) -> str:
    return query if _PLAIN.fullmatch(query.replace(":", "")) else f"({query})"


@lru_cache(maxsize=8192)  # a library has few sources and authors, each tested on every article
def words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", text.casefold()))


@lru_cache(maxsize=8192)
def holds(text: str, wanted: tuple[str, ...]) -> bool:
    """The wanted words appear in order in the text, as a phrase of a name field matches."""
    have = words(text)
    n = len(wanted)
    return bool(wanted) and any(have[i : i + n] == wanted for i in range(len(have) - n + 1))


# -- the filters ------------------------------------------------------------------------------
def every() -> Filter:
    return Filter("all", "", lambda e: True)


def by_ids(label: str, query: str, ids: Iterable[str], inside: bool = True) -> Filter:
    """The articles a search found (a query the catalogue cannot answer goes to the index),
    or with `inside=False` every article but those."""
    ids = frozenset(ids)
    return Filter(label, query, (lambda e: e.id in ids) if inside else (lambda e: e.id not in ids), ids, inside)


def by_issue(issue_id: str, label: str, issues_of: Callable[[str], Iterable[str]]) -> Filter:
    """Articles the analysis found about an issue (`issues_of(id)` gives an article's issue ids)."""
    return Filter(f"issue: {label}", field("issue", issue_id), lambda e: issue_id in issues_of(e.id))


def by_entity(name: str, names_of: Callable[[str], Iterable[str]], kind: str = "entity") -> Filter:
    """Articles naming an entity; like search, the name's words in order (`entity:xi` finds
    Xi Jinping). `names_of(id)` gives an article's canonical names (of one kind for person:...)."""
    wanted = words(name)
    return Filter(f"{kind}: {name}", field(kind, name), lambda e: any(holds(n, wanted) for n in names_of(e.id)))


def by_tag(tag: str, tags_of: Callable[[str], Iterable[str]]) -> Filter:
    """Articles with the tag or one below it, in front matter or on a passage (`tags_of(id)`)."""
    return Filter(f"tag: {tag}", field("tag", tag), lambda e: has_tag(tags_of(e.id), tag))


def by_source(source: str) -> Filter:
    wanted = words(source)
    return Filter(f"source: {source}", field("source", source), lambda e: holds(e.source, wanted))


def by_author(author: str) -> Filter:
    wanted = words(author)
    return Filter(f"author: {author}", field("author", author), lambda e: holds(e.author, wanted))


def by_feed(name: str, ids: Iterable[str]) -> Filter:
    """The articles a feed brought; no query field says this, so the label is the query."""
    return by_ids(f"feed: {name}", "", ids)


def unread(read_ids: frozenset[str]) -> Filter:
    return by_ids("unread", "is:unread", read_ids, inside=False)


def read(read_ids: frozenset[str]) -> Filter:
    return by_ids("read", "is:read", read_ids)


def starred(starred_ids: frozenset[str]) -> Filter:
    return by_ids("starred", "is:starred", starred_ids)


def by_date(name: str, low: str | None, high: str | None, query: str, low_out: bool = False, high_out: bool = False) -> Filter:
    """Published (`date`) or added (`added`) between two ISO texts, ends included unless
    `low_out`/`high_out`, either open (None); ISO dates sort as text, so `2023-06~` is past
    every day of June 2023, as in the search index (index/dates.py)."""
    def accepts(e: CatalogueEntry) -> bool:
        value = (e.date or "") if name == "date" else (e.imported[:10] if e.imported[:1].isdigit() else "")
        if not value:
            return False
        if low is not None and (value < low or (low_out and value == low)):
            return False
        return high is None or value < high or (value == high and not high_out)

    return Filter(query, query, accepts)


# -- tags -------------------------------------------------------------------------------------


def tag_matches(tag: str, wanted: str) -> bool:
    """A tag filter selects the tag and everything below it, ignoring case."""
    tag, wanted = tag.casefold(), wanted.casefold()
    return tag == wanted or tag.startswith(wanted + "/")


def article_tags(front_matter: Iterable[str], passages: Iterable) -> set[str]:
    """The tags of one article: its front matter's and its passages'."""
    return set(front_matter).union(*(p.tags for p in passages))


def tags_by_article(entries: Iterable, passages: Iterable) -> dict[str, set[str]]:
    """Every article's tags by id, from catalogue entries and the library's passages; the
    passages of an article no longer in the library tag nothing."""
    tags = {entry.id: set(entry.tags) for entry in entries}
    for passage in passages:
        if passage.article_id in tags:
            tags[passage.article_id].update(passage.tags)
    return tags


def has_tag(tags: Iterable[str], wanted: str) -> bool:
    return any(tag_matches(tag, wanted) for tag in tags)


def articles_with_tag(tags: dict[str, set[str]], wanted: str) -> frozenset[str]:
    """The ids of the articles a tag filter selects, from `tags_by_article`."""
    return frozenset(article_id for article_id, mine in tags.items() if has_tag(mine, wanted))


def with_ancestors(tags: Iterable[str]) -> set[str]:
    """The tags and every level above them, as the search index keeps them, so that `tag:trade`
    finds an article tagged `trade/de-risking`."""
    every: set[str] = set()
    for tag in tags:
        parts = tag.split("/")
        every.update("/".join(parts[: i + 1]) for i in range(len(parts)))
    return every


def tag_tree(tags: Iterable[str]) -> list[str]:
    """Every tag and every level above it, parents before children, alphabetically."""
    return sorted(with_ancestors(tags), key=_tree_order)


def tag_names(tags: Iterable[str]) -> list[str]:
    """`tag_tree` with one spelling per tag, since tags match ignoring case: the most used
    one, a level counting the uses below it, lower case on a tie (`Diplomacy` and `diplomacy`
    are one tag). Given each use of a tag, not distinct tags."""
    used = Counter(level for tag in tags for level in with_ancestors([tag]))
    spelling: dict[str, str] = {}
    for tag in sorted(used, key=lambda t: (-used[t], t != t.lower(), t)):
        spelling.setdefault(tag.casefold(), tag)
    return sorted(spelling.values(), key=_tree_order)


def _tree_order(tag: str) -> list[str]:
    return [part.casefold() for part in tag.split("/")]
