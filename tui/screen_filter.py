"""The app's last guard against control and bidi characters reaching the terminal.

Widgets make data visible with `visible()` before they lay it out; this filter runs on every
rendered line of every widget and deletes whatever unsafe character is left (from a widget
that forgot, a notification, a title). Unsafe characters take no cell, so every width holds.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from library.safetext import remove_unsafe


class RemoveUnsafe(LineFilter):
    """Deletes control and bidi characters from the text of every segment."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        cleaned = []
        for segment in segments:
            if segment.control or (text := remove_unsafe(segment.text)) == segment.text:
                cleaned.append(segment)
            elif text:
                cleaned.append(Segment(text, segment.style))
        return cleaned
