"""Shared terminal output for the commands: Rich consoles and one-line errors."""

from __future__ import annotations

import json
import sys

from rich.console import Console
from rich.protocol import rich_cast
from rich.segment import Segment
from rich.text import Text

from library.safetext import UNSAFE, remove_unsafe, visible


class SafeConsole(Console):
    """A console that prints data as plain text: no markup or emoji codes, no control characters.

    Strings and Text are made visible before they are laid out, so a hostile title reads as
    text and keeps its width; every segment is then cleaned again, in case a renderable made
    its own.
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(markup=False, emoji=False, highlight=False, **kwargs)

    def render_str(self, text: str, **kwargs) -> Text:
        return super().render_str(visible(text, lines=True), **kwargs | {"markup": False, "emoji": False})

    def render(self, renderable, options=None):
        renderable = rich_cast(renderable)
        if isinstance(renderable, Text) and (safe := visible(renderable.plain, lines=True)) != renderable.plain:
            renderable = renderable.copy()
            renderable.plain = safe
        for segment in super().render(renderable, options):
            if segment.control or (text := remove_unsafe(segment.text, lines=True)) == segment.text:
                yield segment
            elif text:
                yield Segment(text, segment.style)


class Unpadded:
    """Standard output without the spaces Rich pads lines with: piped output ends its lines at
    their last character. Spaces are held back until the next write shows whether a line
    break follows them."""

    def __init__(self) -> None:
        self.spaces = ""

    def write(self, text: str) -> int:
        lines = (self.spaces + text).split("\n")
        last = lines[-1].rstrip(" ")
        self.spaces = lines[-1][len(last):]
        sys.stdout.write("\n".join([line.rstrip(" ") for line in lines[:-1]] + [last]))
        return len(text)

    def flush(self) -> None:
        sys.stdout.flush()

    def isatty(self) -> bool:
        return False

    @property
    def encoding(self) -> str:
        return getattr(sys.stdout, "encoding", None) or "utf-8"


def piped_options() -> dict:
    """Output to a pipe or a file is plain: one record per line, never hard-wrapped (a width no
    line reaches, so tables size columns to their content), no trailing spaces."""
    if sys.stdout.isatty():
        return {}
    return {"soft_wrap": True, "width": PIPE_WIDTH, "file": Unpadded()}


PIPE_WIDTH = 100_000
console = SafeConsole(**piped_options())
error_console = SafeConsole(stderr=True)


class CommandError(RuntimeError):
    """A failure the user should see as one line, without a traceback."""


def fail(message: str) -> int:
    error_console.print(f"cuttings: error: {message}", soft_wrap=True)
    return 1


# json.dumps escapes C0 controls itself; the rest of the unsafe characters are valid in a JSON
# string but would still reach a terminal that shows the output
_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in UNSAFE}


def print_json(data: object) -> None:
    """One JSON object per line, for scripts, with no character a terminal would obey."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES) + "\n")


def print_fields(*fields: str) -> None:
    """One tab-separated line, for scripts reading a pipe; a field can hold no tab or line break."""
    sys.stdout.write("\t".join(visible(f) for f in fields) + "\n")
