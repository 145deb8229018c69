"""The catalogue cache file (.cache/catalogue.json): what the article list shows of every
article, with the size and mtime of the file each row was made from, so listing 100,000
articles reads one file instead of parsing 100,000.

Plain reads and writes of that file and of the articles folder; when to rescan, and the lock
a save is made under, are the library's (library/store.py).
"""

from __future__ import annotations

import gc
import json
import os
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from .articlefile import ArticleFileError, read_article_file
from .fileio import atomic_write
from .model import Article, CatalogueEntry

CATALOGUE_VERSION = 3


@dataclass
class Scan:
    """The articles folder as found: entries and file stamps by id, the files that could not
    be read (one line each), and whether any row had to be made again."""

    entries: dict[str, CatalogueEntry] = field(default_factory=dict)
    files: dict[str, tuple] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    changed: bool = False


def scan(articles_dir: Path, old: dict[str, list]) -> Scan:
    """Every article file's entry: the cached row `old[id]` while the file's size and mtime
    are the ones it was made from, else read from the file again."""
    found = Scan()
    folder = str(articles_dir) + os.sep
    names = os.listdir(folder) if articles_dir.is_dir() else []
    for name in names:
        if not name.endswith(".md") or name.startswith("."):
            continue
        article_id = name[:-3]
        path = folder + name
        try:
            stat = os.stat(path)
        except FileNotFoundError:  # removed since listing
            continue
        stamp = (stat.st_size, stat.st_mtime_ns)
        row = old.get(article_id)
        if row is not None and tuple(row[-2:]) == stamp:
            found.entries[article_id] = CatalogueEntry._make(row[:-2])
        else:
            found.changed = True
            try:
                article = read_article_file(Path(path))
            except ArticleFileError as exc:
                found.problems.append(str(exc))
                continue
            found.entries[article_id] = entry_for(replace(article, id=article_id))
        found.files[article_id] = stamp
    return found


def read_cache(path: Path) -> dict | None:
    """The saved catalogue, or None if it is missing, damaged or of another version."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != CATALOGUE_VERSION:
        return None
    return data


def save_cache(path: Path, entries, files: dict[str, tuple], folder: int) -> bool:
    """Write the catalogue (newest first, so later sorts are linear); False if it could not be
    written (a read-only library still lists: the cache is only a speed-up)."""
    rows = [[*entry, *files[entry.id]] for entry in newest_first(entries)]
    data = {"version": CATALOGUE_VERSION, "folder": folder, "rows": rows}
    try:
        atomic_write(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    except OSError:
        return False
    return True


def file_stamp(path: Path) -> tuple | None:
    """(size, mtime, inode) of a file, None if there is none."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns, stat.st_ino)


def folder_mtime(folder: Path) -> int:
    try:
        return folder.stat().st_mtime_ns
    except OSError:
        return 0


@contextmanager
def collector_paused():
    """Loading 100,000 entries makes over a million objects. Python's cycle collector would
    scan them again and again as they are made, and again at each later collection of old
    objects; paused during the load, then told to leave what exists alone (`gc.freeze`), it
    never does: the load takes a third of the time (0.7 s to 0.24 s) and the app does not
    stall later. Catalogue rows hold no cycles, so they are still freed when dropped."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _by_date(entry: CatalogueEntry) -> str:
    return entry.date or ""  # sorted in reverse, undated articles ("") come last


def newest_first(entries) -> list[CatalogueEntry]:
    return sorted(entries, key=_by_date, reverse=True)


def entry_for(article: Article) -> CatalogueEntry:
    return CatalogueEntry(
        id=article.id,
        title=article.title,
        date=article.date.isoformat() if article.date else None,
        source=article.source,
        author=article.author,
        content_hash=article.content_hash,
        words=article.word_count,
        url=article.url,
        tags=tuple(article.tags),
        imported=article.imported,
    )
