"""An article's tags, and which articles a tag selects: one definition for search, the list
filters, the palette, the Tags screen and `cuttings tags`.

An article's tags are the tags in its front matter (`tags: [export-controls]`) and the tags of
its passages. Tags are hierarchical with "/", and a tag selects itself and every tag below it,
ignoring case (`trade` selects `Trade/de-risking`).
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable



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
