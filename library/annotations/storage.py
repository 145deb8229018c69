"""One YAML file of passage tags per article, beside the article rather than inside it.

The article file is never rewritten for a tag, so a re-import or a hand edit of the article
cannot lose tags, and the tag file stays small, readable and diff-friendly. A tag file that
cannot be read is renamed aside (never overwritten) so the user's data stays on disk; one bad
passage only costs itself. The file ends with its passage count, so one cut short (a full disk,
a crash of an editor) is noticed even where what is left is valid YAML.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import safeyaml
from ..fileio import atomic_write
from .model import TaggedPassage

FORMAT_VERSION = 2  # 2 ends with `count:`; files of version 1 have none


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Writes text with line breaks (quotes across blocks, long notes) as readable literal blocks."""


_Dumper.add_representer(
    str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))


class CorruptTagFile(ValueError):
    """The tag file is not one we wrote; the message names the file and the problem."""


@dataclass
class TagFile:
    """The passages of one article and the article text (by hash) their anchors were checked against."""

    article_id: str
    content_hash: str = ""
    passages: dict[str, TaggedPassage] = field(default_factory=dict)
    damage: tuple[str, ...] = ()  # what was wrong with the file as read (passages skipped, cut short)
    details: tuple[str, str] = ("", "")  # the article's title and date while it is edited; not stored

    def ordered(self) -> list[TaggedPassage]:
        """In reading order; orphans last."""
        return sorted(self.passages.values(), key=lambda p: (p.orphan, p.anchor.block, p.anchor.start, p.created))


def read_tag_text(path: Path) -> str | None:
    """The raw text of a tag file; None if there is none yet."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:
        raise CorruptTagFile(f"{path}: not UTF-8 text") from None


def parse_tag_file(raw: str, path: Path, article_id: str) -> TagFile:
    try:
        data = safeyaml.parse(raw, path)
    except safeyaml.YamlError as exc:
        raise CorruptTagFile(f"{exc} (broken YAML)") from None
    if data is None:
        return TagFile(article_id)
    if not isinstance(data, dict) or not isinstance(data.get("passages", []), list):
        raise CorruptTagFile(f"{path}: not a tag file (expected a mapping with a list of passages)")
    tag_file = TagFile(article_id, str(data.get("content_hash") or ""))
    items = data.get("passages") or []
    damage = []
    for number, item in enumerate(items, 1):
        try:
            passage = TaggedPassage.from_dict(item, article_id)
        except (KeyError, TypeError, ValueError, AttributeError):
            damage.append(f"passage {number} is incomplete or malformed")
            continue
        tag_file.passages[passage.id] = passage
    count = data.get("count")
    if count is None and _version(data) >= 2:
        damage.append("it is cut short (its last line, the passage count, is missing)")
    elif count is not None and count != len(items):
        damage.append(f"it holds {len(items)} passages where {count} were written")
    tag_file.damage = tuple(damage)
    return tag_file


def _version(data: dict) -> int:
    try:
        return int(data.get("version") or 1)
    except (TypeError, ValueError):
        return FORMAT_VERSION


def dump_tag_file(tag_file: TagFile) -> str:
    head = {"version": FORMAT_VERSION, "article": tag_file.article_id, "content_hash": tag_file.content_hash}
    header = (
        f"# Passage tags of article {tag_file.article_id} (Cuttings). Anchors are block index plus\n"
        "# code-point offsets, with the exact quote and its context to find the words again.\n"
    )
    passages = [_passage_yaml(p) for p in tag_file.ordered()]
    body = "passages:\n" + "".join(passages) if passages else "passages: []\n"
    ending = f"count: {len(passages)}\n"  # last, so a file cut short lacks it
    return header + yaml.dump(head, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000) + body + ending


@functools.lru_cache(maxsize=50_000)
def _passage_yaml(passage: TaggedPassage) -> str:
    """One passage as a YAML list item. Passages are immutable, so a save re-renders only the
    passages that changed, which keeps saving an article with hundreds of passages quick."""
    return yaml.dump([passage.to_dict()], Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def move_aside(path: Path) -> Path:
    """Rename a corrupt file to a name no writer will ever use, and return that name."""
    target = _aside_name(path)
    os.replace(path, target)
    return target


def copy_aside(path: Path) -> Path:
    """Keep a copy of a damaged file, before it is rewritten with what could be read of it."""
    target = _aside_name(path)
    atomic_write(target, path.read_bytes())
    return target


def _aside_name(path: Path) -> Path:
    """A name beside `path` that no writer will ever use."""
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{number}")
    return target
