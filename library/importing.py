"""Importing files and folders into a library, one outcome per article or failed file.

Every file is read and parsed completely before anything is stored, and each article is stored
on its own (an atomic write), so a file that fails changes nothing and the files after it are
still imported. Folders are walked recursively for files with an article suffix; hidden files
and folders are skipped, as are the images and scripts of a saved page. A file named
explicitly is always tried, whatever its suffix, so the user hears why it was refused.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .fileio import LockTimeout
from .importers import ARTICLE_SUFFIXES, ImportFailure, read_articles


@dataclass(frozen=True)
class ImportOutcome:
    path: Path
    status: str  # "imported" | "updated" | "duplicate" | "error"
    id: str | None = None
    title: str | None = None
    error: str | None = None  # the reason, without the path


def import_paths(library, paths: Iterable[Path | str], on_progress: Callable[[int, Path], None] | None = None) -> Iterator[ImportOutcome]:
    """Import each file (folders recursively). `on_progress(files_done, path)` is called after
    each file, for a progress bar sized by `count_files`. The catalogue is saved once at the
    end (or when the caller stops early), not once per article."""
    with library.bulk():
        for done, path in enumerate(iter_files(paths), start=1):
            try:
                yield from _import_file(library, path)
            except LockTimeout as exc:  # another process holds the library: waiting per file would not help
                yield ImportOutcome(path, "error", error=f"cannot store: {exc}")
                return
            if on_progress:
                on_progress(done, path)


def _import_file(library, path: Path) -> Iterator[ImportOutcome]:
    try:
        if path.is_dir():  # a folder the walk could not open
            os.listdir(path)
        articles = read_articles(path)
    except OSError as exc:
        yield ImportOutcome(path, "error", error=f"cannot read folder: {exc.strerror or exc}")
        return
    except (ValueError, LookupError, RecursionError) as exc:  # a reader tripped on input it did not foresee
        yield ImportOutcome(path, "error", error=f"cannot read this file ({type(exc).__name__}: {exc})")
        return
    except ImportFailure as exc:
        yield ImportOutcome(path, "error", error=exc.reason)
        return
    for article in articles:
        try:
            result = library.add(article)
        except OSError as exc:
            yield ImportOutcome(path, "error", title=article.title, error=f"cannot store: {getattr(exc, 'strerror', None) or exc}")
            continue
        yield ImportOutcome(path, result.status, result.id, article.title)


def iter_files(paths: Iterable[Path | str]) -> Iterator[Path]:
    for path in map(Path, paths):
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path  # a missing or unreadable file is reported by read_articles


def _walk(folder: Path) -> Iterator[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=lambda exc: found.append(Path(exc.filename))):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(root, f) for f in files if not f.startswith(".") and Path(f).suffix.lower() in ARTICLE_SUFFIXES]
    return iter(sorted(found))


def count_files(paths: Iterable[Path | str]) -> int:
    return sum(1 for _ in iter_files(paths))
