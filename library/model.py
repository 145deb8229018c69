"""The article model every feature points into.

An article is metadata plus a list of blocks. A position in an article is a block index plus
code-point offsets into that block's text: entities, issue evidence, search hits and passage
tags all use this one coordinate system. The title and standfirst have block numbers of their own,
below the first block, so evidence found in them sorts before the body.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from typing import NamedTuple

BLOCK_KINDS = ("heading", "paragraph", "bullet", "caption", "quote")
TITLE_BLOCK = -2
STANDFIRST_BLOCK = -1

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")
_SPACE = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """One line of plain text: control characters (terminal escapes included) removed,
    white space folded, NFC normalised. Article text is data, never markup or control codes."""
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class Block:
    kind: str
    text: str

    def __post_init__(self) -> None:
        if self.kind not in BLOCK_KINDS:
            raise ValueError(f"unknown block kind {self.kind!r}")


@dataclass(frozen=True)
class Article:
    title: str
    blocks: tuple[Block, ...]
    standfirst: str = ""
    date: date | None = None
    source: str = ""
    author: str = ""
    url: str = ""
    tags: tuple[str, ...] = ()
    id: str = ""
    imported: str = ""  # ISO timestamp of the first import

    @property
    def content_hash(self) -> str:
        """Hash of what a reader reads; the same text imported twice has the same hash."""
        h = hashlib.sha256()
        h.update(self.title.encode())
        h.update(b"\0" + self.standfirst.encode())
        for block in self.blocks:
            h.update(b"\0" + block.kind.encode() + b"\1" + block.text.encode())
        return h.hexdigest()

    def with_id(self) -> Article:
        """The article with its stable id set (kept if it already has one)."""
        if self.id:
            return self
        return replace(self, id=make_id(self.title, self.content_hash))

    def text_of(self, block: int) -> str:
        """The text a position's block number points into: a block, the title or the standfirst."""
        if block == TITLE_BLOCK:
            return self.title
        if block == STANDFIRST_BLOCK:
            return self.standfirst
        return self.blocks[block].text if 0 <= block < len(self.blocks) else ""

    @property
    def word_count(self) -> int:
        return sum(len(b.text.split()) for b in self.blocks)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "standfirst": self.standfirst,
            "date": self.date.isoformat() if self.date else None,
            "source": self.source,
            "author": self.author,
            "url": self.url,
            "tags": list(self.tags),
            "blocks": [{"kind": b.kind, "text": b.text} for b in self.blocks],
        }


class CatalogueEntry(NamedTuple):
    """What the article list needs, kept without reading the article body. A named tuple,
    because 100,000 of them are built at start-up and tuples build fastest."""

    id: str
    title: str
    date: str | None  # ISO date
    source: str
    author: str
    content_hash: str
    words: int
    url: str = ""
    tags: tuple[str, ...] = ()
    imported: str = ""  # ISO timestamp of the first import: "date added"


def slugify(text: str, limit: int = 48) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "article"


def make_id(title: str, content_hash: str) -> str:
    return f"{slugify(title)}-{content_hash[:8]}"
