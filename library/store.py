"""The library folder: the source of truth for articles.

Layout of a library folder (everything a person needs to back up is plain text):

    articles/<id>.md        one article, Markdown with YAML front matter
    annotations/<id>.yaml   passage tags and notes of one article (library.annotations)
    entities.yaml           the user's own gazetteer additions (optional)
    issues.yaml             the user's own issue taxonomy changes (optional)
    state.json              read/starred flags and reading positions (library.readstate)
    .cache/                 derived: catalogue and analysis caches, safe to delete
    .index/                 derived: the Whoosh search index, safe to delete

The catalogue cache keeps what the article list shows, so listing 100,000 articles reads one
file and stats the folder instead of parsing 100,000 files. An article file whose size or mtime
changed (a person edited it) is read again, so the cache never hides an edit.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from .articlefile import ArticleFileError, dump_article, read_article_file
from .fileio import atomic_write, file_lock
from .model import Article, CatalogueEntry

CATALOGUE_VERSION = 1


class ArticleNotFound(KeyError):
    def __str__(self) -> str:
        return f"no article with id {self.args[0]!r}"


@dataclass(frozen=True)
class AddResult:
    status: str  # "imported" | "duplicate" | "updated"
    id: str


class Library:
    def __init__(self, root: Path | str):
        self.root = Path(root).expanduser()
        self.articles_dir = self.root / "articles"
        self.cache_dir = self.root / ".cache"
        self._catalogue_path = self.cache_dir / "catalogue.json"
        self._entries: dict[str, CatalogueEntry] | None = None
        self._files: dict[str, list] = {}  # id -> [size, mtime_ns] the cache was made from
        self.problems: list[str] = []  # unreadable article files met while cataloguing

    # -- locations -------------------------------------------------------------------
    def ensure(self) -> Library:
        self.articles_dir.mkdir(parents=True, exist_ok=True)
        return self

    def path_of(self, article_id: str) -> Path:
        if not article_id or "/" in article_id or article_id.startswith("."):
            raise ArticleNotFound(article_id)
        return self.articles_dir / f"{article_id}.md"

    def lock(self, timeout: float = 10.0):
        """The writer lock every read-modify-write of library files holds."""
        return file_lock(self.root / ".lock", timeout)

    # -- reading ---------------------------------------------------------------------
    def get(self, article_id: str) -> Article:
        path = self.path_of(article_id)
        if not path.exists():
            raise ArticleNotFound(article_id)
        article = read_article_file(path)
        return article if article.id == article_id else replace(article, id=article_id)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._catalogue()

    def entries(self) -> list[CatalogueEntry]:
        """All articles' list metadata, newest first (undated last)."""
        entries = list(self._catalogue().values())
        entries.sort(key=lambda e: (e.date or "", e.title.lower()), reverse=True)
        entries.sort(key=lambda e: e.date is None)
        return entries

    def entry(self, article_id: str) -> CatalogueEntry:
        try:
            return self._catalogue()[article_id]
        except KeyError:
            raise ArticleNotFound(article_id) from None

    def find_by_hash(self, content_hash: str) -> str | None:
        for entry in self._catalogue().values():
            if entry.content_hash == content_hash:
                return entry.id
        return None

    def find_previous_version(self, article: Article) -> str | None:
        """An article this one replaces: the same URL, or the same title and source."""
        for entry in self._catalogue().values():
            if article.url and entry.url == article.url:
                return entry.id
        for entry in self._catalogue().values():
            if entry.title == article.title and entry.source == article.source:
                return entry.id
        return None

    def articles(self):
        """Every article, parsed (for reindexing and library-wide analysis)."""
        for entry in self.entries():
            try:
                yield self.get(entry.id)
            except (ArticleFileError, ArticleNotFound):
                continue

    # -- writing ---------------------------------------------------------------------
    def add(self, article: Article, replace_previous: bool = True) -> AddResult:
        """Store an imported article. The same content again is a duplicate; a new version of
        an article already here (same URL, or same title and source) replaces its text and
        keeps its id, so tags made on it re-anchor instead of being lost."""
        self.ensure()
        with self.lock():
            self._entries = None
            existing = self.find_by_hash(article.content_hash)
            if existing:
                return AddResult("duplicate", existing)
            previous = self.find_previous_version(article) if replace_previous else None
            now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
            if previous:
                old = self.get(previous)
                stored = replace(article, id=previous, imported=old.imported or now)
                status = "updated"
            else:
                stored = replace(article.with_id(), imported=article.imported or now)
                status = "imported"
            self._write(stored)
            return AddResult(status, stored.id)

    def save(self, article: Article) -> None:
        """Write an article that already has an id (an edit)."""
        with self.lock():
            self._entries = None
            self._write(article)

    def remove(self, article_id: str) -> None:
        path = self.path_of(article_id)
        with self.lock():
            if not path.exists():
                raise ArticleNotFound(article_id)
            path.unlink()
            entries = self._catalogue()
            entries.pop(article_id, None)
            self._save_catalogue(entries)

    def _write(self, article: Article) -> None:
        path = self.path_of(article.id)
        atomic_write(path, dump_article(article))
        entries = self._catalogue()
        entries[article.id] = _entry_for(article)
        self._save_catalogue(entries, changed={article.id: path})

    # -- the catalogue cache -----------------------------------------------------------
    def _catalogue(self) -> dict[str, CatalogueEntry]:
        if self._entries is None:
            self._entries = self._load_catalogue()
        return self._entries

    def _load_catalogue(self) -> dict[str, CatalogueEntry]:
        return self._rescan(self._read_cache())

    def _read_cache(self) -> dict | None:
        try:
            data = json.loads(self._catalogue_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("version") != CATALOGUE_VERSION:
            return None
        return data

    def _rescan(self, cached: dict | None) -> dict[str, CatalogueEntry]:
        """Bring the cache up to date, reading only files whose size or mtime changed."""
        old_entries = (cached or {}).get("entries", {})
        old_files = (cached or {}).get("files", {})
        entries: dict[str, CatalogueEntry] = {}
        files: dict[str, list] = {}
        self.problems = []
        if self.articles_dir.is_dir():
            with os.scandir(self.articles_dir) as listing:
                for item in listing:
                    if not item.name.endswith(".md") or item.name.startswith("."):
                        continue
                    article_id = item.name[:-3]
                    stat = item.stat()
                    stamp = [stat.st_size, stat.st_mtime_ns]
                    if old_files.get(article_id) == stamp and article_id in old_entries:
                        entries[article_id] = _entry_from_json(old_entries[article_id])
                    else:
                        try:
                            article = read_article_file(Path(item.path))
                        except ArticleFileError as exc:
                            self.problems.append(str(exc))
                            continue
                        entries[article_id] = _entry_for(replace(article, id=article_id))
                    files[article_id] = stamp
        self._files = files
        if files != old_files or entries.keys() != old_entries.keys():
            self._save_catalogue(entries)
        return entries

    def _save_catalogue(self, entries: dict[str, CatalogueEntry], changed: dict[str, Path] | None = None) -> None:
        files = dict(self._files)
        for article_id, path in (changed or {}).items():
            stat = path.stat()
            files[article_id] = [stat.st_size, stat.st_mtime_ns]
        files = {i: s for i, s in files.items() if i in entries}
        self._files = files
        data = {
            "version": CATALOGUE_VERSION,
            "files": files,
            "entries": {i: _entry_json(e) for i, e in entries.items()},
        }
        try:
            atomic_write(self._catalogue_path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        except OSError:
            pass  # a read-only library still lists; the cache is only a speed-up


def _entry_for(article: Article) -> CatalogueEntry:
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
    )


def _entry_json(entry: CatalogueEntry) -> dict:
    data = asdict(entry)
    data["tags"] = list(entry.tags)
    return data


def _entry_from_json(data: dict) -> CatalogueEntry:
    return CatalogueEntry(**{**data, "tags": tuple(data.get("tags") or ())})
