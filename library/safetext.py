"""The one sanitiser for text from articles, feeds, file names and user files on its way to a screen.

Such text is data. A terminal obeys control characters (ESC starts an escape sequence that can
set the window title or make a link) and bidi controls reorder what the reader sees, so every
human-readable line passes through `visible()` first. Each unsafe character becomes exactly one
visible character, which keeps every offset (entities, evidence, search hits) pointing at the
same place. Output that is already laid out in cells goes through `remove_unsafe()` as a last
guard: every unsafe character takes no cell, so deleting them keeps every width.
"""

from __future__ import annotations

_CONTROL = [*range(0x00, 0x20), *range(0x7F, 0xA0)]
# bidi embeddings, overrides and isolates, the invisible marks that steer them, and the
# line and paragraph separators that break a line where no terminal expects it
_BIDI = [0x061C, 0x200E, 0x200F, 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
UNSAFE = frozenset([*_CONTROL, *_BIDI])
"""Code points that must never reach a terminal as they are."""

_TABLE = {code: "\ufffd" for code in UNSAFE} | {0x1B: "\u241b"}  # ESC reads as the ESC symbol
# in a block of lines, a line break stays one and a tab becomes a space
_LINES_TABLE = _TABLE | {0x0A: "\n", 0x09: " "}
_REMOVE_TABLE = dict.fromkeys(UNSAFE)
_REMOVE_LINES_TABLE = _REMOVE_TABLE | {0x0A: "\n"}


def visible(text: str, *, lines: bool = False) -> str:
    """`text` with every control and bidi character replaced by one visible character.

    With `lines`, line breaks are kept and tabs become spaces, for text printed as a block.
    """
    return text.translate(_LINES_TABLE if lines else _TABLE)


def remove_unsafe(text: str, *, lines: bool = False) -> str:
    """`text` without its control and bidi characters; with `lines`, line breaks are kept."""
    return text.translate(_REMOVE_LINES_TABLE if lines else _REMOVE_TABLE)


def shorten(text: str, limit: int) -> str:
    """`text` as one drawable line of at most `limit` characters: white space runs become one
    space, and a cut end shows as "…" (the one helper every quote, note and name shortens with)."""
    line = visible(" ".join(text.split()))
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
