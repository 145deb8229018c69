"""A one-line prompt for a file or folder path, with completion from the file system.

Used by "Import a file or folder" in the command palette. It answers with an existing path
(`~` expanded) or None when the user presses Escape; a path that does not exist is refused
on the spot with a message, so the import never starts on a typo.
"""

from __future__ import annotations

import os
from pathlib import Path

from textual.suggester import Suggester

from .text_prompt import TextPrompt


class PathCompleter(Suggester):
    """Completes the last part of a path with the first matching entry in its folder."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        head, sep, stem = value.rpartition(os.sep)
        base = Path(os.path.expanduser(head + sep or "."))
        try:
            names = sorted(n for n in os.listdir(base) if n.startswith(stem) and not n.startswith("."))
        except OSError:
            return None
        if not names:
            return None
        return head + sep + names[0] + (os.sep if (base / names[0]).is_dir() else "")


class PathPrompt(TextPrompt):
    """Answers with an existing path (`~` expanded), or None on Escape."""

    def __init__(self, title: str) -> None:
        super().__init__(title, placeholder="~/Downloads/articles  (right arrow takes the completion)", suggester=PathCompleter())

    def answer(self, text: str) -> Path:
        path = Path(os.path.expanduser(text)) if text else None
        if path is None or not path.exists():
            raise ValueError(f"No such file or folder: {text or '(empty)'}")
        return path
