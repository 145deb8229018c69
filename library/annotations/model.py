"""What a tagged passage is: tags and a note pinned to words of an article.

The anchor follows W3C Web Annotation: a position (TextPositionSelector: block and code-point
offsets) that is fast to use, plus the exact quote with some text before and after it
(TextQuoteSelector) that lets the passage find its words again after the article changed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from ..filters import tag_matches, tag_tree  # noqa: F401  (the tag rules, one definition for the library)

MAX_TAG_LENGTH = 100
MAX_NOTE_LENGTH = 20_000  # a long memo (10,000 characters is fine); beyond this is a paste accident
CONTEXT = 32  # characters of prefix and suffix kept with a quote

_NOTE_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")


class AnnotationError(ValueError):
    """A tagging request that cannot be done; the message is one line for the user."""


@dataclass(frozen=True)
class Anchor:
    """Where a passage sits. `end` is an offset into `end_block` (the same block unless the
    passage spans blocks); `exact` is the passage text, blocks joined with a newline."""

    block: int
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    end_block: int | None = None

    @property
    def last_block(self) -> int:
        return self.block if self.end_block is None else self.end_block

    def block_ranges(self, block_lengths) -> list[tuple[int, int, int]]:
        """(block, start, end) for each block the passage covers, for marking it in a reader."""
        last = min(self.last_block, len(block_lengths) - 1)
        return [(b, self.start if b == self.block else 0, self.end if b == self.last_block else block_lengths[b])
                for b in range(self.block, last + 1)]

    def to_dict(self) -> dict:
        data = {"block": self.block, "start": self.start}
        if self.last_block != self.block:
            data["end_block"] = self.last_block
        data.update(end=self.end, exact=self.exact, prefix=self.prefix, suffix=self.suffix)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Anchor:
        block = int(data["block"])
        end_block = int(data.get("end_block", block))
        return cls(
            block=block,
            start=int(data["start"]),
            end=int(data["end"]),
            exact=str(data["exact"]),
            prefix=str(data.get("prefix") or ""),
            suffix=str(data.get("suffix") or ""),
            end_block=None if end_block == block else end_block,
        )


@dataclass(frozen=True)
class TaggedPassage:
    id: str
    article_id: str
    tags: tuple[str, ...]
    note: str
    created: str  # ISO time, UTC
    changed: str
    anchor: Anchor
    orphan: bool = False  # its words could not be found in the current text
    # the article's title and date when its tags were last written, shown once it is removed
    article_title: str = ""
    article_date: str = ""

    @property
    def quote(self) -> str:
        return self.anchor.exact

    def same_state(self, other: TaggedPassage | None) -> bool:
        """Whether two versions agree on what the user made (tags, note, time), ignoring
        where re-anchoring has moved them since."""
        return other is not None and (self.id, self.tags, self.note, self.changed) == (
            other.id, other.tags, other.note, other.changed)

    def to_dict(self) -> dict:
        data = {
            "id": self.id,
            "tags": list(self.tags),
            "note": self.note,
            "created": self.created,
            "changed": self.changed,
            "anchor": self.anchor.to_dict(),
        }
        if self.orphan:
            data["orphan"] = True
        data.update({k: v for k, v in (("article_title", self.article_title), ("article_date", self.article_date)) if v})
        return data

    @classmethod
    def from_dict(cls, data: dict, article_id: str) -> TaggedPassage:
        return cls(
            id=str(data["id"]),
            article_id=article_id,
            tags=tuple(str(t) for t in data.get("tags") or ()),
            note=str(data.get("note") or ""),
            created=str(data.get("created") or ""),
            changed=str(data.get("changed") or data.get("created") or ""),
            anchor=Anchor.from_dict(data["anchor"]),
            orphan=bool(data.get("orphan", False)),
            article_title=str(data.get("article_title") or ""),
            article_date=str(data.get("article_date") or ""),
        )

    def with_tags(self, tags, changed: str) -> TaggedPassage:
        return replace(self, tags=tuple(tags), changed=changed)


@dataclass(frozen=True)
class Change:
    """One edit of one passage, kept by the app for undo and redo: `before` is None when the
    passage was created, `after` is None when it was deleted."""

    before: TaggedPassage | None
    after: TaggedPassage | None

    @property
    def passage(self) -> TaggedPassage:
        return self.after or self.before  # type: ignore[return-value]

    @property
    def article_id(self) -> str:
        return self.passage.article_id

    def inverse(self) -> Change:
        return Change(self.after, self.before)


def check_tag(name: str) -> str:
    """A tag name in its stored form; hierarchical with "/" (trade/de-risking)."""
    text = unicodedata.normalize("NFC", str(name))
    if any(unicodedata.category(c) == "Cc" for c in text):
        raise AnnotationError(f"tag {text!r} contains control characters")
    text = " ".join(text.split())
    if not text:
        raise AnnotationError("empty tag name")
    if text.startswith("/") or text.endswith("/"):
        raise AnnotationError(f"tag {text!r} must not start or end with '/'")
    segments = [s.strip() for s in text.split("/")]
    if any(not s for s in segments):
        raise AnnotationError(f"tag {text!r} has an empty level between slashes")
    text = "/".join(segments)
    if len(text) > MAX_TAG_LENGTH:
        raise AnnotationError(f"tag {text[:30]!r}... is {len(text)} characters long; the limit is {MAX_TAG_LENGTH}")
    return text


def check_tags(names) -> tuple[str, ...]:
    """Valid, distinct tags in the order given; at least one."""
    tags: list[str] = []
    for name in names:
        tag = check_tag(name)
        if not any(t.casefold() == tag.casefold() for t in tags):
            tags.append(tag)
    if not tags:
        raise AnnotationError("give at least one tag")
    return tuple(tags)


def check_note(note: str) -> str:
    """A note keeps its line breaks; control characters go, and a note past the limit is refused."""
    text = unicodedata.normalize("NFC", note or "").replace("\r\n", "\n").replace("\r", "\n")
    text = _NOTE_CONTROL.sub("", text).strip()
    if len(text) > MAX_NOTE_LENGTH:
        raise AnnotationError(f"note is {len(text):,} characters long; the limit is {MAX_NOTE_LENGTH:,}")
    return text
