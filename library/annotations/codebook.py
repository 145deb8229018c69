"""The codebook: a memo for each tag saying what the code means, in codebook.yaml.

The file sits at the top of the library, beside entities.yaml, because a person reads and
edits it: one mapping of tag to memo, long memos as literal blocks. A file that cannot be read
is an error naming it and the line; it is never rewritten until the user fixes it, so a memo
typed by hand is not lost to a parse error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .. import safeyaml
from ..fileio import LockTimeout, atomic_write
from ..filters import tag_names, with_ancestors
from .model import AnnotationError, check_note, check_tag

FILE_NAME = "codebook.yaml"
_HEADER = ("# Codebook of this Cuttings library: what each tag means. Edit freely; a memo may\n"
           "# run over several lines. `cuttings tags memo TAG TEXT` writes here as well.\n")


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Memos with line breaks as literal blocks, as a person would write them."""


_Dumper.add_representer(
    str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))


def codebook_path(library) -> Path:
    return Path(library.root) / FILE_NAME


def read_yaml_file(path: Path, broken: str):
    """A YAML file of ours as Python values (None if missing); a file that cannot be read is
    an AnnotationError naming it, the line, and `broken` (what that means for the user)."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:
        raise AnnotationError(f"{path}: not UTF-8 text; {broken}") from None
    except OSError as exc:
        raise AnnotationError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        return safeyaml.parse(raw, path)
    except safeyaml.YamlError as exc:
        raise AnnotationError(f"{exc}; {broken}") from None


def read_memos(library) -> dict[str, str]:
    """Tag -> memo as written; {} when there is no codebook yet."""
    path = codebook_path(library)
    data = read_yaml_file(path, "fix or remove the file (it is left as it is)")
    memos = (data or {}).get("memos") if isinstance(data, dict) or data is None else None
    if memos is None and data:
        raise AnnotationError(f"{path}: not a codebook (expected `memos:` with a tag and its memo on each line)")
    if memos and not isinstance(memos, dict):
        raise AnnotationError(f"{path}: `memos:` should map each tag to its memo")
    return {str(tag): "" if memo is None else str(memo) for tag, memo in (memos or {}).items()}


def write_memos(library, memos: dict[str, str]) -> None:
    """Save the memos (empty ones dropped), ordered by tag, atomically."""
    kept = {tag: memos[tag] for tag in sorted(memos, key=str.casefold) if memos[tag]}
    body = yaml.dump({"memos": kept}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000) if kept else "memos: {}\n"
    atomic_write(codebook_path(library), _HEADER + body)


def memo_of(memos: dict[str, str], tag: str) -> str:
    """A tag's memo; tags match ignoring case, as everywhere else."""
    wanted = tag.casefold()
    return next((memo for name, memo in memos.items() if name.casefold() == wanted), "")


def set_memo(library, tag: str, memo: str) -> str:
    """Write (or, with an empty text, clear) a tag's memo; returns the tag as stored.
    Control characters and escape sequences' ESC are dropped, as in notes."""
    tag, memo = check_tag(tag), check_note(memo)
    try:
        with library.lock():
            memos = {name: text for name, text in read_memos(library).items() if name.casefold() != tag.casefold()}
            memos[tag] = memo
            write_memos(library, memos)
    except LockTimeout as exc:
        raise AnnotationError(str(exc)) from None
    return tag


@dataclass(frozen=True)
class Code:
    """One row of the codebook: a tag with its passages (itself and the tags below it)."""

    tag: str
    passages: int
    articles: int
    memo: str


def codes(passages, memos: dict[str, str]) -> list[Code]:
    """Every tag of the passages (and every tag with a memo), as a tree, with its memo; one
    pass over the passages, each counted once under each level of its tags."""
    per_level: dict[str, list] = {}  # casefolded tag -> [passages, article ids]
    uses = []
    for p in passages:
        uses.extend(p.tags)
        for level in {t.casefold() for t in with_ancestors(p.tags)}:
            counts = per_level.setdefault(level, [0, set()])
            counts[0] += 1
            counts[1].add(p.article_id)
    by_name = {t.casefold(): m for t, m in memos.items()}
    rows = []
    for tag in tag_names([*uses, *(t for t, m in memos.items() if m)]):
        n, articles = per_level.get(tag.casefold(), (0, ()))
        rows.append(Code(tag, n, len(articles), by_name.get(tag.casefold(), "")))
    return rows
