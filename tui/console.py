"""Shared terminal output for the commands: Rich consoles and one-line errors."""

from __future__ import annotations

import json
import sys

from rich.console import Console

console = Console(highlight=False)
error_console = Console(stderr=True, highlight=False)


class CommandError(RuntimeError):
    """A failure the user should see as one line, without a traceback."""


def fail(message: str) -> int:
    error_console.print(f"cuttings: error: {message}", markup=False, soft_wrap=True)
    return 1


def print_json(data: object) -> None:
    """One JSON object per line, for scripts."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
