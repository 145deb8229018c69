"""The passage workbench's list: every tagged passage (and, if asked, every issue evidence
passage) of the library with a line of context, filtered and sorted.

The filter line is the search language (it selects articles, through the index) plus two
terms that look at the passage itself: `tag:T` (the passage carries T or a tag below it) and
`note:WORD` (its note holds the word). Context is the text just before and after the passage
in its article, so a coded sentence can be judged without opening the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ..articlefile import ArticleFileError
from ..filters import tag_matches
from ..store import ArticleNotFound
from .anchoring import ArticleText
from .codes import Evidence
from .model import TaggedPassage

CONTEXT = 90  # characters of context each side: about a line
SORTS = ("date", "tag", "tagged")
_OWN_TERM = re.compile(r'(?<!\S)(tag|note):(?:"([^"]*)"|(\S+))', re.IGNORECASE)


@dataclass(frozen=True)
class Item:
    """One row of the workbench: a tagged passage, or an evidence passage (no `passage`)."""

    article_id: str
    title: str
    date: str  # the article's date, "" if undated
    quote: str
    before: str
    after: str
    block: int
    start: int
    end: int  # in the passage's last block
    passage: TaggedPassage | None = None
    issue: str = ""  # the issue an evidence passage is evidence for

    @property
    def tags(self) -> tuple[str, ...]:
        return self.passage.tags if self.passage else ()

    @property
    def note(self) -> str:
        return self.passage.note if self.passage else ""


@dataclass(frozen=True)
class Filter:
    query: str  # what goes to the search index ("" for none)
    tags: tuple[str, ...]
    notes: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> Filter:
        tags, notes = [], []
        for m in _OWN_TERM.finditer(text):
            (tags if m.group(1).lower() == "tag" else notes).append(m.group(2) if m.group(2) is not None else m.group(3))
        return cls(" ".join(_OWN_TERM.sub(" ", text).split()), tuple(tags), tuple(n.casefold() for n in notes))

    def keeps(self, item: Item, articles: frozenset[str] | None) -> bool:
        """`articles`: the ids the query matched (None when there is no query)."""
        if articles is not None and item.article_id not in articles:
            return False
        if any(not any(tag_matches(t, wanted) for t in item.tags) for wanted in self.tags):
            return False
        return all(word in item.note.casefold() for word in self.notes)


def gather(library, passages: Iterable[TaggedPassage], evidence: dict[str, list[Evidence]] | None = None) -> list[Item]:
    """Items for the passages, and for the issue evidence if given (article id -> its
    `codes.Evidence`); each article is read once for the context."""
    entries = {e.id: e for e in library.entries()}
    by_article: dict[str, list[TaggedPassage]] = {}
    for p in passages:
        by_article.setdefault(p.article_id, []).append(p)
    ids = list(entries) if evidence is not None else list(by_article)
    items: list[Item] = []
    for article_id in ids:
        entry = entries.get(article_id)
        text = _text(library, article_id) if entry is not None else None
        title = entry.title if entry else ""
        date = (entry.date or "") if entry else ""
        for p in by_article.get(article_id, ()):
            span = None if text is None or p.orphan else text.span(p.anchor)
            before, after = (_before(text.text, span[0]), _after(text.text, span[1])) if span else (p.anchor.prefix, p.anchor.suffix)
            items.append(Item(article_id, title or p.article_title or article_id, date or p.article_date, p.quote,
                              before, after, p.anchor.block, p.anchor.start, p.anchor.end, passage=p))
        if evidence is not None and text is not None:
            for issue in evidence.get(article_id, ()):
                for block, start, end in issue.spans:
                    if 0 <= block < len(text.blocks):
                        lo, hi = text.starts[block] + start, text.starts[block] + end
                        items.append(Item(article_id, title, date, text.text[lo:hi], _before(text.text, lo),
                                          _after(text.text, hi), block, start, end, issue=issue.label))
    return items


def sort_items(items: list[Item], by: str) -> list[Item]:
    """By article date (newest first), by tag (its tags in order; evidence last, by issue),
    or by the time tagged (newest first)."""
    def place(i: Item):
        return (i.article_id, i.block, i.start)

    if by == "tag":
        return sorted(items, key=lambda i: (sorted(t.casefold() for t in i.tags) or ["\uffff" + i.issue.casefold()], place(i)))
    if by == "tagged":
        return sorted(sorted(items, key=place), key=lambda i: i.passage.created if i.passage else "", reverse=True)
    dated = sorted(items, key=place)
    return sorted(dated, key=lambda i: i.date, reverse=True)


def _text(library, article_id: str) -> ArticleText | None:
    try:
        return ArticleText.of(library.get(article_id))
    except (ArticleNotFound, ArticleFileError):
        return None


def _before(text: str, lo: int) -> str:
    """The words before `lo` in its block (the previous block's end if it starts one)."""
    crossed = lo > 0 and text[lo - 1] == "\n"
    end = lo - 1 if crossed else lo
    line_start = text.rfind("\n", 0, end) + 1
    words = text[line_start:end] if end - line_start <= CONTEXT else "…" + text[end - CONTEXT:end].split(" ", 1)[-1]
    return words + " ¶ " if crossed else words


def _after(text: str, hi: int) -> str:
    """The words after `hi` in its block (the next block's start if it ends one)."""
    crossed = text[hi:hi + 1] == "\n"
    start = hi + 1 if crossed else hi
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    words = text[start:line_end] if line_end - start <= CONTEXT else text[start:start + CONTEXT].rsplit(" ", 1)[0] + "…"
    return " ¶ " + words if crossed else words
