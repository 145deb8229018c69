"""One recognised name in an article."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("person", "org", "place")


@dataclass(frozen=True)
class Mention:
    """A name in block `block` at code points [start, end); `canonical` is the entity it names,
    the same for every spelling of that entity in the article ("Xi" and "Xi Jinping")."""

    block: int
    start: int
    end: int
    text: str
    kind: str
    canonical: str

    def to_json(self) -> dict:
        return {"block": self.block, "start": self.start, "end": self.end, "text": self.text,
                "kind": self.kind, "canonical": self.canonical}
