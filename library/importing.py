"""Importing files and folders into a library, one outcome per article or failed file.

Every file is read and parsed completely before anything is stored, and each article is stored
on its own (an atomic write), so a file that fails changes nothing and the files after it are
still imported. Folders are walked recursively for files with an article suffix; hidden files
and folders are passed over, as is a saved page's folder of images and scripts (page_files/
beside page.html); the other files found (a PDF, a Word file) come back as "skipped" outcomes, so the user can count and name them. A file named
explicitly is always tried, whatever its suffix, so the user hears why it was refused; a web
address is refused as one, since it is not a file. The path "-" is standard input (text copied
from a page and piped in). A read-later service's export gives its articles, and its links are
saved to fetch later (`library.savedlinks`).
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .fileio import LockTimeout
from .importers import ARTICLE_SUFFIXES, HTML_SUFFIXES, ImportFailure, parse_articles, sniff_format


NOT_ARTICLE = "not an article format"
NOT_A_FILE = "a web address, not a file (`cuttings add URL` saves a web page)"
_ADDRESS = re.compile(r"[a-z][a-z0-9+.-]*://", re.IGNORECASE)


@dataclass(frozen=True)
class ImportOutcome:
    path: Path | str  # a str only for a web address, which a Path would mangle
    status: str  # "imported" | "updated" | "duplicate" | "saved" | "skipped" | "error"
    id: str | None = None
    title: str | None = None
    error: str | None = None  # the reason, without the path
    saved: int = 0  # links of a read-later export kept to fetch ("saved")


PIPED = Path("-")  # the conventional name for standard input
STDIN = Path("standard input")  # how it is named in messages and outcomes


def import_paths(library, paths: Iterable[Path | str], on_progress: Callable[[int, Path], None] | None = None) -> Iterator[ImportOutcome]:
    """Import each file (folders recursively). `on_progress(files_done, path)` is called after
    each file, for a progress bar sized by `count_files`. The catalogue is saved once at the
    end (or when the caller stops early), not once per article."""
    paths = [str(p) for p in paths]
    for address in filter(is_address, paths):
        yield ImportOutcome(address, "error", error=NOT_A_FILE)
    skipped: list[Path] = []
    with library.bulk():
        for done, path in enumerate(iter_files(paths, skipped), start=1):
            try:
                yield from _import_file(library, path)
            except LockTimeout as exc:  # another process holds the library: waiting per file would not help
                yield ImportOutcome(path, "error", error=f"cannot store: {exc}")
                return
            if on_progress:
                on_progress(done, path)
    for path in skipped:
        yield ImportOutcome(path, "skipped", error=NOT_ARTICLE)


def is_address(path: str) -> bool:
    return bool(_ADDRESS.match(path))


def import_text(library, text: str, origin: Path = Path("pasted text")) -> Iterator[ImportOutcome]:
    """Import text the user pasted (the app's Add dialog), as if it were a file's content."""
    yield from _import_content(library, origin, lambda: text)


def _import_file(library, path: Path) -> Iterator[ImportOutcome]:
    piped, path = path == PIPED, (STDIN if path == PIPED else path)
    yield from _import_content(library, path, lambda: _read(path, piped))


def _import_content(library, path: Path, read: Callable[[], str]) -> Iterator[ImportOutcome]:
    from .importers.archives import parse_archive, sniff_archive

    try:
        if path.is_dir():  # a folder the walk could not open
            os.listdir(path)
        text = read()
        service = sniff_archive(text)
        archive = parse_archive(text, path, service) if service else None
        articles = archive.articles if archive else parse_articles(text, sniff_format(path, text), path)
    except OSError as exc:
        yield ImportOutcome(path, "error", error=f"cannot read folder: {exc.strerror or exc}")
        return
    except (ValueError, LookupError, RecursionError) as exc:  # a reader tripped on input it did not foresee
        yield ImportOutcome(path, "error", error=f"cannot read this file ({type(exc).__name__}: {exc})")
        return
    except ImportFailure as exc:
        yield ImportOutcome(path, "error", error=exc.reason)
        return
    stored: dict[str, str] = {}  # address -> id, for the archive's read and starred marks
    for article in articles:
        try:
            result = library.add(article)
        except OSError as exc:
            yield ImportOutcome(path, "error", title=article.title, error=f"cannot store: {getattr(exc, 'strerror', None) or exc}")
            continue
        stored[article.url] = result.id
        yield ImportOutcome(path, result.status, result.id, article.title)
    if archive:
        yield from _keep_archive(library, path, archive, stored)


def _read(path: Path, piped: bool) -> str:
    from .importers.decoding import read_stream, read_text

    return read_stream(sys.stdin.buffer, path) if piped else read_text(path)


def _keep_archive(library, path: Path, archive, stored: dict[str, str]) -> Iterator[ImportOutcome]:
    """The export's marks on the articles it gave, and its links saved for `cuttings fetch`."""
    from .readstate import ReadState, ReadStateError
    from .savedlinks import SavedLinks, SavedLinksError

    try:
        ReadState(library).mark_many(
            read={stored[u] for u in archive.read if u in stored}, starred={stored[u] for u in archive.starred if u in stored}
        )
        saved = SavedLinks(library).add(archive.links) if archive.links else 0
    except (ReadStateError, SavedLinksError) as exc:
        yield ImportOutcome(path, "error", error=str(exc))
        return
    if archive.links:
        title = f"{archive.service} export: {len(archive.links)} links, {saved} new"
        yield ImportOutcome(path, "saved", title=title, saved=saved)


def iter_files(paths: Iterable[Path | str], skipped: list[Path] | None = None) -> Iterator[Path]:
    """The files to read; files in folders that are not articles go to `skipped` if given."""
    for path in map(Path, (p for p in map(str, paths) if not is_address(p))):
        if path == PIPED:
            yield PIPED
        elif path.is_dir():
            yield from _walk(path, skipped if skipped is not None else [])
        else:
            yield path  # a missing or unreadable file is reported when it is read


def _walk(folder: Path, skipped: list[Path]) -> Iterator[Path]:
    found: list[Path] = []
    others: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=lambda exc: found.append(Path(exc.filename))):
        pages = {Path(name).stem for name in files if Path(name).suffix.lower() in HTML_SUFFIXES}
        dirs[:] = [d for d in dirs if not d.startswith(".") and not (d.endswith("_files") and d[:-6] in pages)]
        for name in files:
            if not name.startswith("."):
                is_article = Path(name).suffix.lower() in ARTICLE_SUFFIXES
                (found if is_article else others).append(Path(root, name))
    skipped += sorted(others)
    return iter(sorted(found))


def count_files(paths: Iterable[Path | str]) -> int:
    return sum(1 for _ in iter_files(paths))
