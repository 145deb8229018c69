"""One quote in an article: what was said, where, and who said it."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("direct", "indirect")


@dataclass(frozen=True)
class Quote:
    """Words in block `block` at code points [start, end): inside the quotation marks of a
    direct quote, or the reported clause of an indirect one ("Xi said [China hoped ...]").
    `speaker` is the canonical name of the entity that said it ("" when the article does not
    say, or names nobody the recogniser knows); `said_by` is how the article names them there
    ("he", "the minister", "Blinken")."""

    block: int
    start: int
    end: int
    text: str
    kind: str
    speaker: str
    said_by: str = ""
    corrected: bool = False  # the speaker is the user's (quotes.yaml), not the detector's

    def to_row(self) -> list:
        return [self.block, self.start, self.end, self.text, self.kind, self.speaker, self.said_by]

    @classmethod
    def from_row(cls, row) -> Quote:
        return cls(*row)

    def to_json(self) -> dict:
        return {"block": self.block, "start": self.start, "end": self.end, "text": self.text, "kind": self.kind,
                "speaker": self.speaker, "said_by": self.said_by, "corrected": self.corrected}
