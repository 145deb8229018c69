"""The reader: one article drawn with its highlights and a passage cursor.

`layout` places the words on lines, `marks` holds what is highlighted, `widget` draws the two
and moves the cursor, `pane` adds the status line. The first two have no Textual in them.
"""

from .marks import KIND_NAMES, KINDS, Span, sentence_spans
from .pane import ReaderPane
from .widget import Reader

__all__ = ["KIND_NAMES", "KINDS", "Reader", "ReaderPane", "Span", "sentence_spans"]
