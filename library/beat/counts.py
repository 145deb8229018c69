"""Counts for the beat views, kept in one SQLite file beside the analysis cache.

An entity page, a trend chart or an overview must open in well under a second at 100,000
articles, so they never read the per-article analyses: each article's issues (with evidence
passage counts), entities (with kind, mentions and spellings), quotes with a speaker (as the
detector found them), date and outlet are rows here,
and triggers keep the library-wide totals (articles per entity, per spelling, per issue, per
issue and outlet and day, per outlet and day) as rows change. Bringing the file in step with the
library touches only the articles added, changed or removed since the last look.

The file is derived data keyed by the analyser's fingerprint: a new fingerprint (an edited
entities.yaml, new analysis code) empties it, a corrupt one is deleted and rebuilt, and a
read-only library counts in memory.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from contextlib import closing
from pathlib import Path

from ..analysis import Analyser, _analyses
from .periods import period_of

SCHEMA_VERSION = 3
FILE_NAME = "beat.sqlite"
BATCH = 2_000  # articles read and written at a time: a first build of 100,000 holds few in memory

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE article(id INTEGER PRIMARY KEY, key TEXT UNIQUE, hash TEXT, day TEXT, source TEXT, title TEXT, week TEXT, month TEXT);
CREATE TABLE name(id INTEGER PRIMARY KEY, canonical TEXT UNIQUE);
CREATE TABLE presence(article INTEGER, name INTEGER, kind TEXT, mentions INTEGER);
CREATE INDEX presence_name ON presence(name, article);
CREATE INDEX presence_article ON presence(article, name);
CREATE TABLE spelling(article INTEGER, name INTEGER, text TEXT);
CREATE INDEX spelling_article ON spelling(article);
CREATE TABLE issue(article INTEGER, issue TEXT, passages INTEGER);
CREATE INDEX issue_issue ON issue(issue, article);
CREATE INDEX issue_article ON issue(article);
CREATE TABLE quote(article INTEGER, speaker TEXT, block INTEGER, start INTEGER, "end" INTEGER, text TEXT, kind TEXT, said_by TEXT);
CREATE INDEX quote_speaker ON quote(speaker, article);
CREATE INDEX quote_article ON quote(article);

CREATE TABLE name_count(name INTEGER, kind TEXT, articles INTEGER, PRIMARY KEY(name, kind));
CREATE TABLE spelling_count(name INTEGER, text TEXT, articles INTEGER, PRIMARY KEY(name, text));
CREATE TABLE issue_count(issue TEXT PRIMARY KEY, articles INTEGER);
CREATE TABLE trend(by TEXT, period TEXT, issue TEXT, source TEXT, articles INTEGER, passages INTEGER,
                   PRIMARY KEY(by, period, issue, source));
CREATE TABLE period(by TEXT, period TEXT, source TEXT, articles INTEGER, PRIMARY KEY(by, period, source));

CREATE TRIGGER presence_in AFTER INSERT ON presence BEGIN
  INSERT INTO name_count VALUES(NEW.name, NEW.kind, 1) ON CONFLICT DO UPDATE SET articles = articles + 1;
END;
CREATE TRIGGER presence_out AFTER DELETE ON presence BEGIN
  UPDATE name_count SET articles = articles - 1 WHERE name = OLD.name AND kind = OLD.kind;
END;
CREATE TRIGGER spelling_in AFTER INSERT ON spelling BEGIN
  INSERT INTO spelling_count VALUES(NEW.name, NEW.text, 1) ON CONFLICT DO UPDATE SET articles = articles + 1;
END;
CREATE TRIGGER spelling_out AFTER DELETE ON spelling BEGIN
  UPDATE spelling_count SET articles = articles - 1 WHERE name = OLD.name AND text = OLD.text;
END;
CREATE TRIGGER issue_in AFTER INSERT ON issue BEGIN
  INSERT INTO issue_count VALUES(NEW.issue, 1) ON CONFLICT DO UPDATE SET articles = articles + 1;
  INSERT INTO trend SELECT 'day', day, NEW.issue, source, 1, NEW.passages FROM article WHERE id = NEW.article
    ON CONFLICT DO UPDATE SET articles = articles + 1, passages = passages + excluded.passages;
  INSERT INTO trend SELECT 'week', week, NEW.issue, source, 1, NEW.passages FROM article WHERE id = NEW.article
    ON CONFLICT DO UPDATE SET articles = articles + 1, passages = passages + excluded.passages;
  INSERT INTO trend SELECT 'month', month, NEW.issue, source, 1, NEW.passages FROM article WHERE id = NEW.article
    ON CONFLICT DO UPDATE SET articles = articles + 1, passages = passages + excluded.passages;
END;
CREATE TRIGGER issue_out AFTER DELETE ON issue BEGIN
  UPDATE issue_count SET articles = articles - 1 WHERE issue = OLD.issue;
  UPDATE trend SET articles = articles - 1, passages = passages - OLD.passages
    WHERE (by, period, issue, source) = (SELECT 'day', day, OLD.issue, source FROM article WHERE id = OLD.article);
  UPDATE trend SET articles = articles - 1, passages = passages - OLD.passages
    WHERE (by, period, issue, source) = (SELECT 'week', week, OLD.issue, source FROM article WHERE id = OLD.article);
  UPDATE trend SET articles = articles - 1, passages = passages - OLD.passages
    WHERE (by, period, issue, source) = (SELECT 'month', month, OLD.issue, source FROM article WHERE id = OLD.article);
END;
CREATE TRIGGER article_in AFTER INSERT ON article BEGIN
  INSERT INTO period VALUES('day', NEW.day, NEW.source, 1) ON CONFLICT DO UPDATE SET articles = articles + 1;
  INSERT INTO period VALUES('week', NEW.week, NEW.source, 1) ON CONFLICT DO UPDATE SET articles = articles + 1;
  INSERT INTO period VALUES('month', NEW.month, NEW.source, 1) ON CONFLICT DO UPDATE SET articles = articles + 1;
END;
CREATE TRIGGER article_out BEFORE DELETE ON article BEGIN
  DELETE FROM issue WHERE article = OLD.id;
  DELETE FROM presence WHERE article = OLD.id;
  DELETE FROM spelling WHERE article = OLD.id;
  DELETE FROM quote WHERE article = OLD.id;
  UPDATE period SET articles = articles - 1 WHERE (by, period, source) = ('day', OLD.day, OLD.source);
  UPDATE period SET articles = articles - 1 WHERE (by, period, source) = ('week', OLD.week, OLD.source);
  UPDATE period SET articles = articles - 1 WHERE (by, period, source) = ('month', OLD.month, OLD.source);
END;
"""


def open_counts(library, analyser: Analyser) -> sqlite3.Connection:
    """A connection to the library's counts, brought in step with its articles first.
    The caller closes it (`with closing(open_counts(...)) as db:`)."""
    path = analyser.cache_dir.parent / FILE_NAME if analyser.cache_dir is not None else None
    if path is not None:
        try:
            return _synced(_connect(path), library, analyser)
        except sqlite3.OperationalError:
            pass  # read-only, or held by a writer for minutes: counted in memory below
        except sqlite3.DatabaseError:  # not a database, or a damaged one: start again
            try:
                path.unlink(missing_ok=True)
                return _synced(_connect(path), library, analyser)
            except (OSError, sqlite3.DatabaseError):
                pass
    return _synced(_connect(None), library, analyser)


def _connect(path: Path | None) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:" if path is None else str(path), timeout=300, isolation_level=None,
                         check_same_thread=False)
    try:
        if path is not None:
            db.execute("PRAGMA journal_mode = WAL")  # views read while another process writes
        if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            with _transaction(db):  # checked again under the lock: another process may have made it
                if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
                        db.execute(f'DROP TABLE "{table}"')
                    for statement in _statements(_SCHEMA):
                        db.execute(statement)
                    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except sqlite3.DatabaseError:
        db.close()
        raise
    return db


def _statements(script: str) -> list[str]:
    """The schema's statements one by one (executescript would commit our transaction)."""
    out, current = [], []
    for line in script.strip().splitlines():
        current.append(line)
        joined = "\n".join(current)
        if sqlite3.complete_statement(joined):
            out.append(joined)
            current = []
    return out


class _transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on error: one writer at a time across processes."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind, *_):
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")


def _synced(db: sqlite3.Connection, library, analyser: Analyser) -> sqlite3.Connection:
    """Rows for every listed article and no other: only the articles whose content or
    catalogue fields changed are read (from the analysis cache) and written again."""
    try:
        entries = library.entries()
        stamp = repr((analyser.fingerprint, library.catalogue_stamp(), len(entries)))
        found = dict(db.execute("SELECT key, value FROM meta"))
        if found.get("stamp") == stamp:
            return db  # nothing changed since the last look: no entry needs comparing
        wanted = {e.id: (e.content_hash, period_of(e.date, "day"), e.source or "", e.title) for e in entries}
        same = found.get("fingerprint") == analyser.fingerprint
        have = {row[0]: row[1:] for row in db.execute("SELECT key, hash, day, source, title FROM article")} if same else {}
        stale = [key for key, fields in have.items() if wanted.get(key) != fields]
        missing = [e for e in entries if have.get(e.id) != wanted[e.id]]
        with _transaction(db):
            if not same:
                for table in ("article", "name", "presence", "spelling", "issue", "quote", "name_count", "spelling_count",
                              "issue_count", "trend", "period"):
                    db.execute(f"DELETE FROM {table}")
                db.execute("INSERT OR REPLACE INTO meta VALUES('fingerprint', ?)", (analyser.fingerprint,))
            db.executemany("DELETE FROM article WHERE key = ?", [(k,) for k in stale])
        for start in range(0, len(missing), BATCH):
            batch = missing[start : start + BATCH]
            analysed = list(_analyses(library, analyser, batch))  # read before the write lock is taken
            with _transaction(db):
                # by key, so rows another process added meanwhile are replaced, not doubled
                db.executemany("DELETE FROM article WHERE key = ?", [(e.id,) for e in batch])
                names = dict(db.execute("SELECT canonical, id FROM name"))
                for entry, analysis in analysed:
                    _add(db, names, entry.id, wanted[entry.id], analysis)
        db.execute("INSERT OR REPLACE INTO meta VALUES('stamp', ?)", (stamp,))
    except BaseException:
        db.close()
        raise
    return db


def _add(db: sqlite3.Connection, names: dict[str, int], key: str, fields: tuple, analysis) -> None:
    day = fields[1]
    article = db.execute("INSERT INTO article VALUES(NULL, ?, ?, ?, ?, ?, ?, ?)",
                         (key, *fields, period_of(day, "week"), period_of(day, "month"))).lastrowid
    mentions: Counter = Counter()
    kinds: dict[str, Counter] = {}
    spellings: set[tuple[str, str]] = set()
    for m in analysis.entities:
        mentions[m.canonical] += 1
        kinds.setdefault(m.canonical, Counter())[m.kind] += 1
        spellings.add((m.canonical, m.text))
    for canonical in mentions:
        if canonical not in names:
            names[canonical] = db.execute("INSERT INTO name(canonical) VALUES(?)", (canonical,)).lastrowid
    db.executemany("INSERT INTO presence VALUES(?, ?, ?, ?)",
                   [(article, names[c], kinds[c].most_common(1)[0][0], n) for c, n in mentions.items()])
    db.executemany("INSERT INTO spelling VALUES(?, ?, ?)", [(article, names[c], text) for c, text in spellings])
    db.executemany("INSERT INTO issue VALUES(?, ?, ?)", [(article, h.id, len(h.passages)) for h in analysis.issues])
    db.executemany("INSERT INTO quote VALUES(?, ?, ?, ?, ?, ?, ?, ?)",
                   [(article, q.speaker, q.block, q.start, q.end, q.text, q.kind, q.said_by) for q in analysis.quotes if q.speaker])


def counted(library, analyser: Analyser, query: str, parameters=()) -> list[tuple]:
    """The rows of one query on the library's counts (in step first)."""
    with closing(open_counts(library, analyser)) as db:
        return db.execute(query, parameters).fetchall()
