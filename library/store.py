"""The library folder: the source of truth for articles.

Layout of a library folder (everything a person needs to back up is plain text):

    articles/<id>.md        one article, Markdown with YAML front matter
    annotations/<id>.yaml   passage tags and notes of one article (library.annotations)
    entities.yaml           the user's own gazetteer additions (optional)
    issues.yaml             the user's own issue taxonomy changes (optional)
    state.json              read/starred flags and reading positions (library.readstate)
    .cache/                 derived: catalogue and analysis caches, safe to delete
    .index/                 derived: the Whoosh search index, safe to delete

The catalogue cache (library/catalogue.py) keeps what the article list shows, so listing
100,000 articles reads one file instead of parsing 100,000. Each file's size and mtime are compared with the ones it was
catalogued from, and only changed files are read again (a stat per article: one second per
100,000), so an article edited by hand in place is seen. The app, which watches the folder
(tui/watching.py), may instead trust the catalogue while the folder's mtime is the one it was
saved with (`trust_folder`). Articles found changed, added or removed this way go into the
backlog (library/backlog.py), so the search index takes them in too.

Writers hold the library lock; the catalogue is only ever saved under it, merged with what
another process saved meanwhile, so two imports at once lose no entries.
"""

from __future__ import annotations

import datetime as dt
import threading
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from .articlefile import ArticleFileError, dump_article, read_article_file
from .backlog import Backlog
from .catalogue import collector_paused, entry_for, file_stamp, folder_mtime, newest_first, read_cache, save_cache, scan
from .fileio import LockTimeout, atomic_write, file_lock, fsync_dir, sweep_leftovers
from .model import Article, CatalogueEntry
LOCK_WAIT = 2.0  # seconds a writer waits for another process's write (each holds it briefly)


class ArticleNotFound(KeyError):
    def __str__(self) -> str:
        return f"no article with id {self.args[0]!r}"


@dataclass(frozen=True)
class AddResult:
    status: str  # "imported" | "duplicate" | "updated"
    id: str


class Library:
    def __init__(self, root: Path | str, trust_folder: bool = False):
        self.root = Path(root).expanduser()
        self.trust_folder = trust_folder
        self.articles_dir = self.root / "articles"
        self.cache_dir = self.root / ".cache"
        self._catalogue_path = self.cache_dir / "catalogue.json"
        self._entries: dict[str, CatalogueEntry] | None = None
        self._files: dict[str, tuple] = {}  # id -> (size, mtime_ns) the cache was made from
        self._by_hash: tuple[dict, dict, dict] | None = None
        self._ordered: list[CatalogueEntry] | None = None  # entries newest first, until a change
        self._stamp: tuple | None = None  # the catalogue file as we last read or wrote it
        self._deferred = False
        self.backlog = Backlog(self.cache_dir)
        self._held = 0  # depth of this thread's hold on the lock (the lock is re-entrant)
        self._thread_lock = threading.RLock()
        self._loading = threading.Lock()  # two threads asking at once (the list, the file watcher) load it once
        self._swept = False
        self.problems: list[str] = []  # unreadable article files met while cataloguing

    # -- locations -------------------------------------------------------------------
    def ensure(self) -> Library:
        self.articles_dir.mkdir(parents=True, exist_ok=True)
        return self

    def path_of(self, article_id: str) -> Path:
        if not article_id or "/" in article_id or article_id.startswith("."):
            raise ArticleNotFound(article_id)
        return self.articles_dir / f"{article_id}.md"

    @contextmanager
    def lock(self, timeout: float = LOCK_WAIT):
        """The writer lock every read-modify-write of library files holds. Re-entrant, so a
        writer may call another; the first write of a process clears old temp files."""
        if not self._thread_lock.acquire(timeout=timeout):
            raise LockTimeout(f"{self.root}: another thread is writing this library; try again")
        try:
            if self._held:
                self._held += 1
                try:
                    yield
                finally:
                    self._held -= 1
                return
            with file_lock(self.root / ".lock", timeout):
                self._held = 1
                try:
                    if not self._swept:
                        self._swept = True
                        sweep_leftovers(self.root, self.root / "annotations", self.cache_dir, self.cache_dir / "tmp")
                    yield
                finally:
                    self._held = 0
        finally:
            self._thread_lock.release()

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
        catalogue = self._catalogue()
        if self._ordered is None:
            self._ordered = newest_first(catalogue.values())
        return list(self._ordered)

    def catalogue_stamp(self) -> tuple | None:
        """The saved catalogue the entries come from (size, mtime, inode; None if unsaved):
        derived data made from the entries may skip comparing them while it stays the same."""
        self._catalogue()
        return self._stamp

    def refresh(self) -> None:
        """Forget what was read, so the next look sees other processes' changes."""
        self._entries = None
        self._by_hash = None
        self._ordered = None

    def entry(self, article_id: str) -> CatalogueEntry:
        try:
            return self._catalogue()[article_id]
        except KeyError:
            raise ArticleNotFound(article_id) from None

    def find_by_hash(self, content_hash: str) -> str | None:
        return self._lookup()[0].get(content_hash)

    def find_previous_version(self, article: Article) -> str | None:
        """An article this one replaces: the same URL, or the same title and source."""
        _, by_url, by_title = self._lookup()
        return (article.url and by_url.get(article.url)) or by_title.get((article.title, article.source))

    def _lookup(self) -> tuple[dict, dict, dict]:
        """Content hash, URL and (title, source) -> id, built once per catalogue load."""
        if self._by_hash is None:
            entries = self._catalogue().values()
            self._by_hash = (
                {e.content_hash: e.id for e in entries},
                {e.url: e.id for e in entries if e.url},
                {(e.title, e.source): e.id for e in entries},
            )
        return self._by_hash

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
            self._reload_if_changed_elsewhere()
            existing = self.find_by_hash(article.content_hash)
            if existing:
                return AddResult("duplicate", existing)
            previous = self.find_previous_version(article) if replace_previous else None
            now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
            if previous:
                old = self.entry(previous)
                stored = replace(article, id=previous, imported=self._imported_of(old) or now)
                status = "updated"
            else:
                stored = replace(article.with_id(), imported=article.imported or now)
                status = "imported"
            self._write(stored)
            return AddResult(status, stored.id)

    def _imported_of(self, entry: CatalogueEntry) -> str:
        try:
            return self.get(entry.id).imported
        except (ArticleFileError, ArticleNotFound):
            return ""

    def save(self, article: Article) -> None:
        """Write an article that already has an id (an edit)."""
        with self.lock():
            self._reload_if_changed_elsewhere()
            self._write(article)

    def remove(self, article_id: str) -> None:
        path = self.path_of(article_id)
        with self.lock():
            self._reload_if_changed_elsewhere()
            if not path.exists():
                raise ArticleNotFound(article_id)
            self.backlog.record([article_id])
            path.unlink()
            self._catalogue().pop(article_id, None)
            self._files.pop(article_id, None)
            self._by_hash = self._ordered = None
            self._save_catalogue()

    @contextmanager
    def bulk(self):
        """Many writes, one catalogue save at the end (an import of thousands of files)."""
        self._deferred = True
        try:
            yield self
        finally:
            self._deferred = False
            fsync_dir(self.articles_dir)
            if self._entries is not None:
                self._merge_and_save()

    def _merge_and_save(self) -> None:
        """Save what this process wrote together with what others saved meanwhile: the rows on
        disk, ours over them, checked against the files (a row whose file changed is read again)."""
        ours = {entry.id: [*entry, *self._files[entry.id]] for entry in self._entries.values() if entry.id in self._files}
        try:
            with self.lock():
                on_disk = read_cache(self._catalogue_path) or {}
                rows = {row[0]: row for row in on_disk.get("rows", ()) if isinstance(row, list) and row}
                rows.update(ours)
                self._rescan({"rows": list(rows.values())}, save=True)
        except LockTimeout:
            pass  # the catalogue is a speed-up: the next look at the folder finds the new files

    def _write(self, article: Article) -> None:
        path = self.path_of(article.id)
        self.backlog.record([article.id])
        atomic_write(path, dump_article(article), tmp_dir=self.cache_dir / "tmp", sync_dir=not self._deferred)
        entry = entry_for(article)
        self._catalogue()[article.id] = entry
        self._ordered = None
        stat = path.stat()
        self._files[article.id] = (stat.st_size, stat.st_mtime_ns)
        if self._by_hash is not None:
            by_hash, by_url, by_title = self._by_hash
            by_hash[entry.content_hash] = article.id
            if entry.url:
                by_url[entry.url] = article.id
            by_title[(entry.title, entry.source)] = article.id
        if not self._deferred:
            self._save_catalogue()

    # -- the catalogue cache -----------------------------------------------------------
    def _catalogue(self) -> dict[str, CatalogueEntry]:
        if self._entries is None:
            with self._loading, collector_paused():
                if self._entries is None:
                    cached = read_cache(self._catalogue_path)
                    if cached and self.trust_folder and cached.get("folder") == folder_mtime(self.articles_dir):
                        self._load_rows(cached["rows"])
                    else:
                        self._rescan(cached)
        return self._entries

    def verify(self) -> list[CatalogueEntry]:
        """Entries checked file by file, so an article edited in place (which leaves the
        folder's mtime alone) is seen. Costs a stat per article: one second per 100,000."""
        self._rescan(read_cache(self._catalogue_path))
        return self.entries()

    def _load_rows(self, rows: list) -> None:
        self._stamp = file_stamp(self._catalogue_path)
        self._ordered = None
        self._entries = {row[0]: CatalogueEntry._make(row[:-2]) for row in rows}
        self._files = {row[0]: tuple(row[-2:]) for row in rows}

    def _reload_if_changed_elsewhere(self) -> None:
        """Another process (the app, a script) saved the catalogue since we read it."""
        if self._entries is not None and file_stamp(self._catalogue_path) != self._stamp:
            self.refresh()

    def _rescan(self, cached: dict | None, save: bool = False) -> None:
        """Bring the cache up to date, reading only files whose size or mtime changed. Files
        changed, added or removed behind the catalogue's back go into the backlog."""
        old = {row[0]: row for row in (cached or {}).get("rows", ())}
        self._stamp = file_stamp(self._catalogue_path)
        listed_at = folder_mtime(self.articles_dir)  # before listing: a file added after it changes the folder again
        found = scan(self.articles_dir, old)
        entries, files = found.entries, found.files
        self.problems = found.problems
        if cached is not None:
            unseen = [i for i in entries if tuple(old.get(i, ())[-2:]) != files[i]]
            self._record_quietly(unseen + [i for i in old if i not in entries])
        self._entries, self._files, self._ordered = entries, files, None
        if save or found.changed or len(entries) != len(old) or (cached or {}).get("folder") != listed_at:
            try:
                with self.lock():
                    self._save_catalogue(listed_at)
            except LockTimeout:
                pass  # another process is writing: it or the next look saves

    def _record_quietly(self, ids: list[str]) -> None:
        try:
            self.backlog.record(ids)
        except OSError:
            pass  # a read-only library: there is no index to keep in step either

    def _save_catalogue(self, folder: int | None = None) -> None:
        """Save under the lock. `folder`: the folder's mtime when it was listed (default: now,
        for a writer whose catalogue is fresh from under the lock)."""
        folder = folder_mtime(self.articles_dir) if folder is None else folder
        if save_cache(self._catalogue_path, (self._entries or {}).values(), self._files, folder):
            self._stamp = file_stamp(self._catalogue_path)
