"""Article text made safe to draw: control characters become visible symbols.

Imported text is cleaned already, but a hand-edited article file may hold terminal escapes.
Replacing each control character with one visible character keeps every offset (entities,
evidence, search hits) pointing at the same place.
"""

from __future__ import annotations

_TABLE = {code: "\ufffd" for code in [*range(0x00, 0x20), *range(0x7F, 0xA0)]}
_TABLE[0x1B] = "\u241b"  # the ESC symbol, so an escape sequence reads as text


def visible(text: str) -> str:
    return text.translate(_TABLE)
