"""All tagged passages of a library: reading them, tagging, untagging, undo and redo.

Every change is a read-modify-write of one article's tag file under the library lock, so the
app and a script tagging at the same time both keep their tags. Each change returns a `Change`
(the passage before and after), which is all the app needs to undo and redo it.
Anchors are re-checked whenever the article's text hash differs from the one the tag file was
last checked against, and the re-anchored positions are saved.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from contextlib import contextmanager
from dataclasses import replace
from typing import Iterator

from ..articlefile import ArticleFileError
from ..fileio import LockTimeout, atomic_write
from ..safetext import shorten
from ..store import ArticleNotFound
from .anchoring import ArticleText, settle
from .model import AnnotationError, Change, TaggedPassage, check_note, check_tag, check_tags, tag_matches
from .storage import CorruptTagFile, TagFile, copy_aside, dump_tag_file, move_aside, parse_tag_file, read_tag_text


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


class Annotations:
    """One class though it is ~300 lines: every read and every change of a tag file passes
    through its one cache and its one lock, and splitting them would let a path skip either."""

    def __init__(self, library):
        self.library = library
        self.folder = library.root / "annotations"
        self.problems: list[str] = []  # one line per tag file that is damaged, or was moved aside
        self._cache: dict[str, tuple[str, TagFile]] = {}  # article id -> (file text, parsed)

    # -- reading ---------------------------------------------------------------------
    def for_article(self, article_id: str) -> list[TaggedPassage]:
        """This article's passages in reading order (orphans last), re-anchored if its text changed."""
        tag_file = self._current(article_id)
        if tag_file.passages and not self._article_exists(article_id):
            return [replace(p, orphan=True) for p in tag_file.ordered()]
        return tag_file.ordered()

    def all_passages(self) -> list[TaggedPassage]:
        """Every passage in the library; a removed article's passages show as orphans."""
        passages: list[TaggedPassage] = []
        for article_id in self._article_ids():
            passages.extend(self.for_article(article_id))
        return passages

    def passages(self, tag: str | None = None, article_id: str | None = None) -> list[TaggedPassage]:
        """Passages with a tag (or a tag below it), of one article or of all."""
        found = self.for_article(article_id) if article_id else self.all_passages()
        if tag:
            found = [p for p in found if any(tag_matches(t, tag) for t in p.tags)]
        return found

    def passage(self, passage_id: str) -> TaggedPassage:
        article_id = self._article_of(passage_id)
        for passage in self.for_article(article_id):
            if passage.id == passage_id:
                return passage
        raise AnnotationError(f"no tagged passage with id {passage_id!r}")

    def tag_counts(self) -> dict[str, int]:
        """Passages per tag (each tag counted on its own, not with the tags below it)."""
        counts: dict[str, int] = {}
        for passage in self.all_passages():
            for tag in passage.tags:
                counts[tag] = counts.get(tag, 0) + 1
        return counts

    def orphans(self) -> list[TaggedPassage]:
        return [p for p in self.all_passages() if p.orphan]

    def recent_tags(self, n: int = 9) -> list[str]:
        """The tags used most recently, newest first (for the app's 1-9 keys)."""
        last_used: dict[str, str] = {}
        for passage in self.all_passages():
            for tag in passage.tags:
                last_used[tag] = max(last_used.get(tag, ""), passage.changed)
        return sorted(last_used, key=lambda t: last_used[t], reverse=True)[:n]

    # -- changing --------------------------------------------------------------------
    def add(self, article_id: str, block: int, start: int, end: int, tags, note: str = "",
            end_block: int | None = None) -> Change:
        """Tag the words from (block, start) to (end_block or block, end). Tagging exactly the
        words of an existing passage adds the tags to it instead of making a second one."""
        tags, note = check_tags(tags), check_note(note)
        with self._editing(article_id, need_text=True) as (tag_file, text):
            lo, hi = text.selection(block, start, end, end_block)
            return self._put_new(tag_file, text, lo, hi, tags, note)

    def add_by_quote(self, article_id: str, quote: str, tags, note: str = "", occurrence: int | None = None) -> Change:
        """Tag the words of a quote; a quote found more than once needs its occurrence (1-based)."""
        tags, note = check_tags(tags), check_note(note)
        with self._editing(article_id, need_text=True) as (tag_file, text):
            spans = text.find_quote(quote)
            shown = shorten(quote, 60)
            if not spans:
                raise AnnotationError(f"quote not found in {article_id}: {shown!r}")
            if occurrence is None and len(spans) > 1:
                raise AnnotationError(
                    f"quote occurs {len(spans)} times in {article_id}: {shown!r}; choose one with --occurrence 1-{len(spans)}")
            number = occurrence or 1
            if not 1 <= number <= len(spans):
                raise AnnotationError(f"quote occurs {len(spans)} time(s) in {article_id}; there is no occurrence {number}")
            return self._put_new(tag_file, text, *spans[number - 1], tags, note)

    def untag(self, passage_id: str, tag: str | None = None) -> Change:
        """Take one tag off a passage (with the tags below it), or all of them; a passage left
        without tags is removed."""
        with self._editing(self._article_of(passage_id)) as (tag_file, _):
            before = self._get(tag_file, passage_id)
            if tag is None:
                after = None
            else:
                wanted = check_tag(tag)
                kept = [t for t in before.tags if not tag_matches(t, wanted)]
                if len(kept) == len(before.tags):
                    raise AnnotationError(f"passage {passage_id} has no tag {wanted!r} (it has {', '.join(before.tags)})")
                after = before.with_tags(kept, now()) if kept else None
            return self._store(tag_file, Change(before, after))

    def update(self, passage_id: str, tags=None, note: str | None = None) -> Change:
        """Replace a passage's tags and/or note."""
        new_tags = check_tags(tags) if tags is not None else None
        new_note = check_note(note) if note is not None else None
        with self._editing(self._article_of(passage_id)) as (tag_file, _):
            before = self._get(tag_file, passage_id)
            after = replace(before, tags=new_tags or before.tags,
                            note=before.note if new_note is None else new_note, changed=now())
            return self._store(tag_file, Change(before, after))

    def retag(self, article_id: str, moves) -> list[Change]:
        """Give passages of one article new tags in one atomic write of its tag file: each
        move is (passage id, tags expected, new tags, new changed time or None for now). A
        passage whose tags are no longer the expected ones is left as it is; the changes
        made are returned (renames and merges across the library, and their undo)."""
        changes = []
        with self._editing(article_id) as (tag_file, _):
            for passage_id, expected, tags, changed in moves:
                before = tag_file.passages.get(passage_id)
                if before is None or before.tags != tuple(expected):
                    continue
                changes.append(self._store(tag_file, Change(before, replace(before, tags=tuple(tags), changed=changed or now()))))
        return changes

    def keep_article_details(self, article_id: str) -> None:
        """Before an article is removed: its title and date go with its passages, which
        outlive it as orphans (any tag write keeps them up to date too)."""
        with self._editing(article_id):
            pass

    def remove(self, passage_id: str) -> Change:
        """Delete a passage with all its tags and its note."""
        return self.untag(passage_id)

    def apply(self, change: Change) -> Change:
        """Make a passage what `change.after` says, provided it is still what `change.before`
        says. Undo is apply(change.inverse()); redo is apply(change)."""
        with self._editing(change.article_id) as (tag_file, text):
            current = tag_file.passages.get(change.passage.id)
            if not (current is None and change.before is None) and not (
                    change.before is not None and change.before.same_state(current)):
                raise AnnotationError(f"passage {change.passage.id} was changed elsewhere since; not changed again")
            after = change.after
            if after is not None and text is not None:
                after = settle([after], text)[0]
            return self._store(tag_file, Change(current, after))

    # -- internals -------------------------------------------------------------------
    def _put_new(self, tag_file: TagFile, text: ArticleText, lo: int, hi: int, tags, note: str) -> Change:
        anchor = text.anchor(lo, hi)
        for passage in tag_file.passages.values():
            if passage.anchor == anchor and not passage.orphan:
                merged_tags = passage.tags + tuple(t for t in tags if t.casefold() not in {x.casefold() for x in passage.tags})
                merged_note = passage.note if not note or note in passage.note else "\n\n".join(x for x in (passage.note, note) if x)
                if (merged_tags, merged_note) == (passage.tags, passage.note):
                    return Change(passage, passage)
                after = replace(passage, tags=merged_tags, note=merged_note, changed=now())
                return self._store(tag_file, Change(passage, after))
        stamp = now()
        passage = TaggedPassage(uuid.uuid4().hex[:10], tag_file.article_id, tags, note, stamp, stamp, anchor)
        return self._store(tag_file, Change(None, passage))

    @staticmethod
    def _store(tag_file: TagFile, change: Change) -> Change:
        tag_file.passages.pop(change.passage.id, None)
        if change.after is not None:
            change = Change(change.before, _with_details(change.after, tag_file.details))
            tag_file.passages[change.after.id] = change.after
        return change

    @staticmethod
    def _get(tag_file: TagFile, passage_id: str) -> TaggedPassage:
        try:
            return tag_file.passages[passage_id]
        except KeyError:
            raise AnnotationError(f"no tagged passage with id {passage_id!r}") from None

    @contextmanager
    def _editing(self, article_id: str, need_text: bool = False) -> Iterator[tuple[TagFile, ArticleText | None]]:
        """The article's tag file, fresh from disk and re-anchored, held under the library
        lock; written back (atomically) when the block ends without an error."""
        with self._lock():
            tag_file = self._read(article_id, locked=True)
            before = _state(tag_file)
            article = self._article(article_id, required=need_text)
            text = ArticleText.of(article) if article is not None else None
            if text is not None and (tag_file.content_hash != article.content_hash or not all(
                    p.orphan or text.holds(p.anchor) for p in tag_file.passages.values())):
                tag_file.passages = {p.id: p for p in settle(tag_file.ordered(), text)}
                tag_file.content_hash = article.content_hash
            if article is not None:
                _keep_article_details(tag_file, article)
            yield tag_file, text
            if _state(tag_file) != before:
                self._write(tag_file)

    @contextmanager
    def _lock(self) -> Iterator[None]:
        try:
            with self.library.lock():
                yield
        except LockTimeout as exc:
            raise AnnotationError(str(exc)) from None

    def _current(self, article_id: str) -> TagFile:
        """The tag file as on disk (cached while unchanged), re-anchored and saved if the
        article changed since; a read-only library still gets the re-anchored view."""
        tag_file = self._read(article_id)
        stale = tag_file.content_hash != self._hash_of(article_id)
        # a damaged file is rewritten (its original kept aside) only by a change the user makes
        if tag_file.passages and self._article_exists(article_id) and stale and not tag_file.damage:
            try:
                with self._editing(article_id) as (fresh, _):
                    tag_file = fresh
            except (AnnotationError, OSError):
                article = self._article(article_id, required=False)
                if article is not None:
                    settled = settle(tag_file.ordered(), ArticleText.of(article))
                    tag_file = TagFile(article_id, article.content_hash, {p.id: p for p in settled})
        return tag_file

    def _read(self, article_id: str, locked: bool = False) -> TagFile:
        """The tag file from disk (parsed again only if its bytes changed). Under the lock (a
        change is coming) a corrupt one is renamed aside; otherwise it is only reported in
        `problems`, like passages skipped as damaged: a command that only reads moves nothing."""
        path = self._path(article_id)
        try:
            raw = read_tag_text(path)
            if raw is None:
                self._cache.pop(article_id, None)
                return TagFile(article_id)
            cached = self._cache.get(article_id)
            if cached and cached[0] == raw:
                return _copy(cached[1])
            tag_file = parse_tag_file(raw, path, article_id)
        except CorruptTagFile as exc:
            if locked:
                aside = move_aside(path)
                self.problems.append(f"{exc}; moved aside to {aside.name}, so this article's tags start afresh")
            else:
                self._report(f"{exc}; its passages are left out (the next tag of this article moves it aside)")
            return TagFile(article_id)
        if tag_file.damage and not locked:
            self._report(f"{path}: {'; '.join(tag_file.damage)}; showing the {len(tag_file.passages)} "
                                 "passages that could be read (the file is left as it is)")
        self._cache[article_id] = (raw, _copy(tag_file))
        return tag_file

    def _report(self, problem: str) -> None:
        if problem not in self.problems:  # a file read again is reported once
            self.problems.append(problem)

    def _write(self, tag_file: TagFile) -> None:
        raw = dump_tag_file(tag_file)
        path = self._path(tag_file.article_id)
        aside = copy_aside(path) if tag_file.damage else None  # the file as it was, bad passages and all
        self.library.backlog.record([tag_file.article_id])  # before the write: see library/backlog.py
        atomic_write(path, raw)
        if aside is not None:
            self.problems.append(f"{path}: {'; '.join(tag_file.damage)}; kept the passages that could be read, "
                                 f"and the file as it was in {aside.name}")
            tag_file.damage = ()
        self._cache[tag_file.article_id] = (raw, _copy(tag_file))

    def _article(self, article_id: str, required: bool):
        try:
            return self.library.get(article_id)
        except ArticleNotFound:
            if required:
                raise AnnotationError(f"no article with id {article_id!r} in {self.library.root}") from None
        except ArticleFileError as exc:
            if required:
                raise AnnotationError(str(exc)) from None
        return None

    def _hash_of(self, article_id: str) -> str:
        try:
            return self.library.entry(article_id).content_hash
        except ArticleNotFound:
            return ""

    def _article_exists(self, article_id: str) -> bool:
        return bool(self._hash_of(article_id))

    def _path(self, article_id: str):
        if not article_id or "/" in article_id or article_id.startswith("."):
            raise AnnotationError(f"no article with id {article_id!r}")
        return self.folder / f"{article_id}.yaml"

    def _article_ids(self) -> list[str]:
        try:
            names = os.listdir(self.folder)
        except FileNotFoundError:
            return []
        return sorted(n[:-5] for n in names if n.endswith(".yaml") and not n.startswith("."))

    def _article_of(self, passage_id: str) -> str:
        """Which article a passage belongs to: the cached files first, else a text scan."""
        for article_id, (_, tag_file) in self._cache.items():
            if passage_id in tag_file.passages:
                return article_id
        if passage_id.strip():
            for article_id in self._article_ids():
                try:
                    raw = self._path(article_id).read_text(encoding="utf-8", errors="replace")
                except OSError:
                    continue
                if passage_id in raw and passage_id in self._read(article_id).passages:
                    return article_id
        raise AnnotationError(f"no tagged passage with id {passage_id!r}")


def _keep_article_details(tag_file: TagFile, article) -> None:
    """Write the article's title and date into its passages (`_store` into new and changed
    ones), so that they still say where they came from when the article is removed and they
    live on as orphans."""
    tag_file.details = (article.title, article.date.isoformat() if article.date else "")
    for passage in list(tag_file.passages.values()):
        tag_file.passages[passage.id] = _with_details(passage, tag_file.details)


def _with_details(passage: TaggedPassage, details: tuple[str, str]) -> TaggedPassage:
    if not details[0] or (passage.article_title, passage.article_date) == details:
        return passage
    return replace(passage, article_title=details[0], article_date=details[1])


def _state(tag_file: TagFile) -> tuple:
    return tag_file.content_hash, tuple(sorted(tag_file.passages.items()))


def _copy(tag_file: TagFile) -> TagFile:
    return TagFile(tag_file.article_id, tag_file.content_hash, dict(tag_file.passages), tag_file.damage)
