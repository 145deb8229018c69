"""The bundled demo library: articles on US-China relations in every import format.

The demo goes through the same importers as a user's own files, so a first run has something
real-looking to read and every later feature (entities, issues, search, tags) has material.
The source files ship as package data in `library/demo/` and are only ever read from there.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

from .importers import ImportFailure, read_articles
from .importing import import_paths, iter_files
from .model import Article
from .store import Library


class DemoError(Exception):
    """The demo could not be installed; the message names the folder or file and why."""


def install_demo(dest: Path) -> Path:
    """Import every bundled demo file into a library at `dest` and return `dest`.

    Installing again into a folder that holds the demo adds back only demo articles missing
    from it and never rewrites one already there, so a reader's edits and tags survive. A
    folder holding articles that are not from the demo is refused: the demo must never mix
    into someone's own library.
    """
    dest = Path(dest).expanduser()
    if dest.exists() and not dest.is_dir():
        raise DemoError(f"{dest}: exists and is not a folder")
    library = Library(dest)
    with as_file(files(__package__) / "demo") as folder:
        if library.entries():
            _restore_missing(library, Path(folder))
            return dest
        failed = [o for o in import_paths(library, [folder]) if o.status == "error"]
    if failed:
        raise DemoError(f"demo file {failed[0].path}: {failed[0].error} ({len(failed)} demo files failed)")
    return dest


def _restore_missing(library: Library, folder: Path) -> None:
    """Add the demo articles a library holding the demo lacks, after checking it is the demo."""
    missing: list[Article] = []
    demo_ids: set[str] = set()
    for path in iter_files([folder]):
        try:
            articles = read_articles(path)
        except ImportFailure as exc:
            raise DemoError(f"demo file {exc}") from None
        for article in articles:
            found = library.find_by_hash(article.content_hash) or library.find_previous_version(article)
            if found:
                demo_ids.add(found)
            else:
                missing.append(article)
    others = [e for e in library.entries() if e.id not in demo_ids]
    if others:
        raise DemoError(
            f"{library.root}: already holds a library with {len(others)} articles that are not from "
            f"the demo (such as {others[0].title!r}); choose an empty folder"
        )
    for article in missing:
        library.add(article)
