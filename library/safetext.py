"""The one sanitiser for text from articles, feeds, file names and user files on its way to a screen.

Such text is data. A terminal obeys control characters (ESC starts an escape sequence that can
set the window title or make a link) and bidi controls reorder what the reader sees, so every
human-readable line passes through `visible()` first. Each unsafe character becomes exactly one
visible character, which keeps every offset (entities, evidence, search hits) pointing at the
same place.
"""

from __future__ import annotations

_REPLACEMENT = "\ufffd"
_CONTROL = [*range(0x00, 0x20), *range(0x7F, 0xA0)]
# bidi embeddings, overrides and isolates, and the invisible marks that steer them
_BIDI = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_TABLE = {code: _REPLACEMENT for code in [*_CONTROL, *_BIDI]}
_TABLE[0x1B] = "\u241b"  # the ESC symbol, so an escape sequence reads as text


def visible(text: str) -> str:
    """`text` with every control and bidi character replaced by one visible character."""
    return text.translate(_TABLE)

