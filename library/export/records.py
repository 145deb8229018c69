"""The passages an export writes, each with the article facts a report cites.

Every format reads the same records, so the Markdown, CSV, JSON and REFI-QDA files of one
export always hold the same passages.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..annotations import TaggedPassage, tag_matches
from ..store import ArticleNotFound


@dataclass(frozen=True)
class Source:
    """What an export says about an article."""

    id: str
    title: str
    source: str = ""  # the outlet
    date: str | None = None  # ISO date
    url: str = ""
    author: str = ""


@dataclass(frozen=True)
class Record:
    passage: TaggedPassage
    article: Source
    tags: tuple[str, ...]  # the passage's tags this export covers (all of them without a filter)


def gather(library, annotations, tag: str | None = None) -> list[Record]:
    """Records in a stable order: article date, then title, then place in the article."""
    records = []
    sources: dict[str, Source] = {}
    for passage in annotations.passages(tag=tag):
        article = sources.get(passage.article_id) or sources.setdefault(passage.article_id, _source(library, passage))
        tags = tuple(t for t in passage.tags if tag is None or tag_matches(t, tag))
        records.append(Record(passage, article, tags))
    records.sort(key=lambda r: (r.article.date is None, r.article.date or "", r.article.title.casefold(),
                                r.article.id, r.passage.orphan, r.passage.anchor.block, r.passage.anchor.start))
    return records


def _source(library, passage: TaggedPassage) -> Source:
    article_id = passage.article_id
    try:
        e = library.entry(article_id)
    except ArticleNotFound:  # what the passage kept of it
        return Source(article_id, passage.article_title or f"(removed article {article_id})", date=passage.article_date or None)
    return Source(e.id, e.title, e.source, e.date, e.url, e.author)
