"""Edits of the user's own gazetteer, `entities.yaml` in the library folder.

Each edit reads the file, changes it and writes it back atomically while holding the library
lock, so the app and a script editing at once lose nothing. A file that does not parse is
never overwritten: the user's hand edits matter more than the new entry. The edit keeps the
user's comments and layout (library/yamledit.py).
"""

from __future__ import annotations

from pathlib import Path

from .. import safeyaml, yamledit
from ..fileio import atomic_write
from ..safetext import visible
from ..store import Library
from .gazetteer import USER_FILE
from .mention import KINDS

HEADER = ("# Your own entities for Cuttings: names the shipped gazetteer lacks or types wrongly,\n"
          "# and texts never to mark as names. Edited by `cuttings entities add/ignore` too.\n")


class EntityFileError(ValueError):
    """The user's entities.yaml cannot be edited safely; the message is one line."""


def add_entity(root: Path, name: str, kind: str, aliases=()) -> None:
    """Add an entity, or give an existing one of that name this kind and more aliases."""
    name = _one_line(name, "name")
    if kind not in KINDS:
        raise EntityFileError(f"unknown kind {kind!r}: use {', '.join(KINDS)}")
    aliases = [_one_line(a, "alias") for a in aliases]
    with _editing(root) as data:
        entities = data.setdefault("entities", [])
        for entry in entities:
            if isinstance(entry, dict) and entry.get("name") == name:
                entry["kind"] = kind
                known = entry.setdefault("aliases", [])
                known.extend(a for a in aliases if a not in known)
                break
        else:
            entities.append({"name": name, "kind": kind, "aliases": list(dict.fromkeys(aliases))})
        _unignore(data, name)


def ignore_text(root: Path, text: str) -> None:
    """Never report `text` (any case) as a name again."""
    text = _one_line(text, "text")
    with _editing(root) as data:
        ignored = data.setdefault("ignore", [])
        if all(str(item).casefold() != text.casefold() for item in ignored):
            ignored.append(text)


def unignore_text(root: Path, text: str) -> bool:
    """Undo `ignore_text`; False when the text was not ignored."""
    text = _one_line(text, "text")
    with _editing(root) as data:
        return _unignore(data, text)


def _unignore(data: dict, text: str) -> bool:
    ignored = data.get("ignore") or []
    found = [i for i, item in enumerate(ignored) if str(item).casefold() == text.casefold()]
    for i in reversed(found):  # in place, so the comments on the other entries stay
        del ignored[i]
    return bool(found)


def _one_line(value: str, what: str) -> str:
    value = " ".join(str(value).split())
    if not value:
        raise EntityFileError(f"the {what} is empty")
    if visible(value) != value:
        raise EntityFileError(f"the {what} {visible(value)!r} holds control or bidi characters: leave them out")
    return value


class _editing:
    """Read-modify-write of entities.yaml under the library lock."""

    def __init__(self, root: Path) -> None:
        self.library = Library(root)
        self.path = self.library.root / USER_FILE

    def __enter__(self) -> dict:
        self.lock = self.library.lock()
        self.lock.__enter__()
        try:
            self.data = self._read()
        except BaseException:
            self.lock.__exit__(None, None, None)
            raise
        return self.data

    def __exit__(self, kind, value, traceback) -> None:
        try:
            if kind is None:
                atomic_write(self.path, self.prefix + yamledit.dump(self.data))
        finally:
            self.lock.__exit__(kind, value, traceback)

    def _read(self) -> dict:
        """The file's entries, for editing. `self.prefix` is what is written before them: our
        header for a new or blank file, the comments of a file with nothing else, else nothing."""
        self.prefix = HEADER
        if not self.path.exists():
            return {}
        try:
            text = self.path.read_text(encoding="utf-8")
            data = safeyaml.parse(text, self.path)  # what the gazetteer will read
        except UnicodeDecodeError:
            raise EntityFileError(f"{self.path}: not UTF-8 text; fix it by hand before editing it here") from None
        except safeyaml.YamlError as exc:
            raise EntityFileError(f"{exc}; fix it by hand before editing it here") from None
        if data is None:
            if text.strip():
                self.prefix = text.rstrip("\n") + "\n"
            return {}
        if not isinstance(data, dict) or not isinstance(data.get("entities", []), list) \
                or not isinstance(data.get("ignore", []), list):
            raise EntityFileError(f"{self.path}: expected 'entities' and 'ignore' lists; fix it by hand first")
        self.prefix = ""
        try:
            return yamledit.load(text)
        except yamledit.UneditableYaml as exc:
            raise EntityFileError(f"{self.path}: {exc}; fix it by hand before editing it here") from None
