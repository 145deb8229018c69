"""Renaming and merging tags across the library, and undoing it.

A rename moves a tag and the tags below it (`trade` -> `commerce` makes `trade/chips`
`commerce/chips`); a rename onto a tag that exists already is a merge, which the caller has
the user confirm first. Before any tag file changes, the whole change (every passage's tags
before and after, and the memos it moves) is written to tag-renames.yaml; then each article's
tag file is rewritten atomically, one after another, under the library lock. A kill part way
therefore leaves each passage with either its old tags or its new ones, never none, and the
record already on disk lets `undo` put back exactly the passages that did change (or running
the rename again finish the rest).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..filters import tag_matches, with_ancestors
from ..fileio import LockTimeout, atomic_write
from .codebook import read_memos, read_yaml_file, write_memos
from .codes import coded_passages
from .model import AnnotationError, check_tag

FILE_NAME = "tag-renames.yaml"
KEEP = 20  # renames that can be undone, newest last
_HEADER = ("# Tag renames and merges of this Cuttings library, newest last, for `cuttings tags undo`.\n"
           "# Each passage line: [article, passage, tags before, tags after, changed before, changed after].\n")


@dataclass(frozen=True)
class Move:
    article_id: str
    passage_id: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    changed_before: str
    changed_after: str = ""


@dataclass(frozen=True)
class Plan:
    """A rename worked out but not yet done: what the confirm says and what `apply` writes."""

    old: str
    new: str
    moves: tuple[Move, ...]
    merge: bool  # the new name is a tag already
    holders: int  # passages that have the new tag already

    @property
    def articles(self) -> int:
        return len({m.article_id for m in self.moves})

    def describe(self) -> str:
        """One line for a confirm or a report: what changes, and how many passages."""
        verb = f"Merge {self.old!r} into {self.new!r}" if self.merge else f"Rename {self.old!r} to {self.new!r}"
        held = f" ({self.holders} passage{'s' * (self.holders != 1)} already tagged {self.new!r})" if self.merge else ""
        n = len(self.moves)
        return f"{verb}{held}: {n} passage{'s' * (n != 1)} in {self.articles} article{'s' * (self.articles != 1)} change"


def renamed(tag: str, old: str, new: str) -> str:
    return new + tag[len(old):] if tag_matches(tag, old) else tag


def plan_rename(annotations, old: str, new: str) -> Plan:
    """What renaming `old` (and the tags below it) to `new` would change; nothing is written."""
    old, new = check_tag(old), check_tag(new)
    if old == new:
        raise AnnotationError(f"{old!r} is its name already")
    if tag_matches(new, old) and new.casefold() != old.casefold():
        raise AnnotationError(f"cannot rename {old!r} to {new!r}, which is below it")
    coded = coded_passages(annotations)  # the cached tags of every passage: only the articles concerned are read
    concerned = sorted({c.article_id for c in coded if any(tag_matches(t, old) for t in c.tags)})
    moves = []
    for article_id in concerned:
        for p in annotations.for_article(article_id):
            after = _distinct(renamed(t, old, new) for t in p.tags)
            if after != p.tags:
                moves.append(Move(p.article_id, p.id, p.tags, after, p.changed))
    others = {t.casefold() for t in with_ancestors(t for c in coded for t in c.tags if not tag_matches(t, old))}
    targets = {renamed(t, old, new).casefold() for m in moves for t in m.before if tag_matches(t, old)} | {new.casefold()}
    merge = bool(targets & others) and new.casefold() != old.casefold()
    if not moves and not _has_memo(annotations.library, old):
        raise AnnotationError(f"no passage has the tag {old!r}")
    holders = sum(1 for c in coded if any(tag_matches(t, new) for t in c.tags) and not any(tag_matches(t, old) for t in c.tags))
    return Plan(old, new, tuple(moves), merge, holders)


def apply(annotations, plan: Plan, confirmed: bool = False) -> int:
    """Do a planned rename; a merge needs `confirmed`. Returns how many passages changed."""
    if plan.merge and not confirmed:
        raise AnnotationError(f"{plan.new!r} exists already: this is a merge; confirm it (--yes)")
    library = annotations.library
    stamp = _now()
    moves = [Move(m.article_id, m.passage_id, m.before, m.after, m.changed_before, stamp) for m in plan.moves]
    by_article: dict[str, list[Move]] = {}
    for m in moves:
        by_article.setdefault(m.article_id, []).append(m)
    try:
        with library.lock():
            memos = read_memos(library)
            record = {"old": plan.old, "new": plan.new, "merge": plan.merge, "time": stamp, "done": False,
                      "memos_before": {t: memos[t] for t in memos if tag_matches(t, plan.old) or tag_matches(t, plan.new)},
                      "passages": [[m.article_id, m.passage_id, list(m.before), list(m.after), m.changed_before, m.changed_after]
                                   for m in moves]}
            records = [*read_records(library), record][-KEEP:]
            _write_records(library, records)  # first: a kill from here on can be undone
            changed = sum(len(annotations.retag(article_id, [(m.passage_id, m.before, m.after, stamp) for m in mine]))
                          for article_id, mine in by_article.items())
            write_memos(library, _moved_memos(memos, plan.old, plan.new))
            record["done"] = True
            _write_records(library, records)
    except LockTimeout as exc:
        raise AnnotationError(str(exc)) from None
    return changed


@dataclass(frozen=True)
class Undone:
    old: str
    new: str
    restored: int  # passages given their tags back
    kept: int  # passages changed again since, left as they are
    articles: tuple[str, ...]


def undo(annotations) -> Undone:
    """Reverse the last rename or merge, interrupted or not: every passage it changed that
    still has the tags it gave gets its tags (and time) back; the memos it moved go back."""
    library = annotations.library
    try:
        with library.lock():
            records = read_records(library)
            if not records:
                raise AnnotationError("no tag rename or merge to undo")
            record = records[-1]
            by_article: dict[str, list] = {}
            for article_id, passage_id, before, after, changed_before, changed_after in record["passages"]:
                by_article.setdefault(article_id, []).append((passage_id, tuple(after), tuple(before), changed_before))
            restored = 0
            for article_id, moves in by_article.items():
                restored += len(annotations.retag(article_id, moves))
            names = {t.casefold() for t in record["memos_before"]}
            memos = {t: m for t, m in read_memos(library).items()
                     if t.casefold() not in names and not tag_matches(t, record["new"])}
            write_memos(library, {**memos, **record["memos_before"]})
            _write_records(library, records[:-1])
    except LockTimeout as exc:
        raise AnnotationError(str(exc)) from None
    kept = len(record["passages"]) - restored if record.get("done") else 0  # cut short: the rest never changed
    return Undone(record["old"], record["new"], restored, kept, tuple(by_article))


def read_records(library) -> list[dict]:
    """The renames that can be undone, oldest first; a damaged file is an error naming it."""
    path = records_path(library)
    data = read_yaml_file(path, "the renames in it cannot be undone until it is fixed")
    if data is None:
        return []
    records = (data or {}).get("renames") if isinstance(data, dict) or data is None else None
    if not isinstance(records, list) or not all(_is_record(r) for r in records):
        raise AnnotationError(f"{path}: not a list of tag renames; the renames in it cannot be undone until it is fixed")
    return records


def interrupted(library) -> str | None:
    """A line about the last rename if it was cut short (the process killed part way)."""
    try:
        records = read_records(library)
    except AnnotationError:
        return None
    if records and not records[-1]["done"]:
        last = records[-1]
        return (f"the rename of {last['old']!r} to {last['new']!r} was interrupted: run it again to finish it, "
                "or `cuttings tags undo` to go back")
    return None


def records_path(library) -> Path:
    return Path(library.root) / FILE_NAME


def _is_record(record) -> bool:
    return isinstance(record, dict) and {"old", "new", "passages", "memos_before"} <= set(record) and isinstance(
        record["passages"], list) and all(isinstance(p, list) and len(p) == 6 for p in record["passages"])


def _write_records(library, records: list[dict]) -> None:
    body = yaml.dump({"renames": records}, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True,
                     sort_keys=False, width=1000, default_flow_style=None)
    atomic_write(records_path(library), _HEADER + body)


def _moved_memos(memos: dict[str, str], old: str, new: str) -> dict[str, str]:
    """The memos after a rename: each memo of `old` or below goes with its tag; where the new
    name has a memo already (a merge), the two are kept one after the other."""
    moved: dict[str, str] = {}
    for tag, memo in memos.items():
        name = renamed(tag, old, new)
        key = next((k for k in moved if k.casefold() == name.casefold()), name)
        moved[key] = "\n\n".join(m for m in (moved.get(key, ""), memo) if m) if tag_matches(tag, old) else (
            "\n\n".join(m for m in (memo, moved.get(key, "")) if m))
    return moved


def _has_memo(library, tag: str) -> bool:
    return any(tag_matches(t, tag) for t in read_memos(library))


def _distinct(tags) -> tuple[str, ...]:
    out: list[str] = []
    for tag in tags:
        if tag.casefold() not in {t.casefold() for t in out}:
            out.append(tag)
    return tuple(out)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")
