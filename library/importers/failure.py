"""The one error every importer raises: a file that could not be read as articles.

Its own module so the format readers need not import the package that imports them.
"""

from __future__ import annotations

from pathlib import Path


class ImportFailure(Exception):
    """A file that could not be imported, and why, in words a user can act on."""

    def __init__(self, path: Path | str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason
