"""Smart collections: search queries saved under a name, in the library's collections.yaml.

A collection is a query, not a list of articles, so it stays current: new articles that match
join it, and a relative date (`date:7d..`) counts back from today each time it runs. The file
is meant to be read and edited by hand:

    # name: query, or name: {query: ..., pinned: true}
    Taiwan this week:
      query: issue:taiwan date:7d..
      pinned: true
    Xi quotes: tag:quote/xi

A file that is not YAML is one error naming it and its line, and is never rewritten until the
user fixes it; an entry that is not a query is one problem line, and the others still work.
Changes go through the YAML round trip (library/yamledit.py), so the user's comments survive.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import yamledit
from .fileio import atomic_write
from .safeyaml import YamlError, parse

FILE_NAME = "collections.yaml"
HEADER = "# Smart collections: a name and a search query each; `pinned: true` lists one first.\n"
MAX_NAME = 80


class CollectionsError(ValueError):
    """The collections file cannot be read or changed; str() is one line naming the file."""


@dataclass(frozen=True)
class Collection:
    name: str
    query: str
    pinned: bool = False

    def to_json(self) -> dict:
        return {"name": self.name, "query": self.query, "pinned": self.pinned}


class Collections:
    """The collections of one library, read from its file each time they are asked for."""

    def __init__(self, library) -> None:
        self.path = library.root / FILE_NAME
        self.problems: list[str] = []  # one line per entry passed over by the last load

    def load(self) -> list[Collection]:
        """Pinned collections first, then in the file's order; CollectionsError when the file
        cannot be read at all."""
        self.problems = []
        raw = self._parsed()
        found: list[Collection] = []
        for name, value in raw.items():
            collection = self._entry(str(name), value)
            if collection is not None:
                found.append(collection)
        return sorted(found, key=lambda c: not c.pinned)

    def get(self, name: str) -> Collection:
        for collection in self.load():
            if collection.name.casefold() == name.casefold():
                return collection
        known = ", ".join(c.name for c in self.load()) or "none yet"
        raise CollectionsError(f"no collection named {name!r} in {self.path} (collections: {known})")

    def add(self, name: str, query: str, pinned: bool = False) -> Collection:
        """Save a query under a name (replacing the query of a collection so named)."""
        name, query = " ".join(name.split()), " ".join(query.split())
        if not name or len(name) > MAX_NAME or name.startswith("#"):
            raise CollectionsError(f"a collection needs a name of 1 to {MAX_NAME} characters, not starting with #")
        if not query:
            raise CollectionsError(f"collection {name!r} needs a query")
        doc = self._editable()
        old = next((key for key in doc if str(key).casefold() == name.casefold()), None)
        was_pinned = old is not None and isinstance(doc[old], dict) and doc[old].get("pinned") is True
        if old is not None:
            del doc[old]
        doc[name] = {"query": query, "pinned": True} if pinned or was_pinned else query
        self._write(doc)
        return Collection(name, query, pinned or was_pinned)

    def remove(self, name: str) -> Collection:
        collection = self.get(name)
        doc = self._editable()
        del doc[next(key for key in doc if str(key) == collection.name)]
        self._write(doc)
        return collection

    def pin(self, name: str, pinned: bool = True) -> Collection:
        collection = self.get(name)
        doc = self._editable()
        key = next(key for key in doc if str(key) == collection.name)
        doc[key] = {"query": collection.query, "pinned": True} if pinned else collection.query
        self._write(doc)
        return Collection(collection.name, collection.query, pinned)

    # -- the file --------------------------------------------------------------------------
    def _text(self) -> str:
        try:
            return self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return ""
        except (OSError, UnicodeDecodeError) as exc:
            raise CollectionsError(f"{self.path}: cannot be read ({exc})") from None

    def _parsed(self) -> dict:
        try:
            raw = parse(self._text(), str(self.path))
        except YamlError as exc:
            raise CollectionsError(f"{exc} (fix or remove the file; it is not rewritten until then)") from None
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            raise CollectionsError(f"{self.path}: expected `name: query` lines, found a {type(raw).__name__}")
        return raw

    def _entry(self, name: str, value) -> Collection | None:
        if isinstance(value, str) and value.strip():
            return Collection(name, value.strip())
        if isinstance(value, dict) and isinstance(value.get("query"), str) and value["query"].strip():
            unknown = sorted(str(k) for k in value if k not in ("query", "pinned"))
            if unknown:
                self.problems.append(f"{self.path}: collection {name!r}: unknown key {unknown[0]!r} (keys are query, pinned)")
            return Collection(name, value["query"].strip(), value.get("pinned") is True)
        self.problems.append(f"{self.path}: collection {name!r} has no query (write `{name}: QUERY`)")
        return None

    def _editable(self):
        self._parsed()  # a file the safe loader refuses is never rewritten
        text = self._text()
        try:
            doc = yamledit.load(text) if text.strip() else None
        except yamledit.UneditableYaml as exc:
            raise CollectionsError(f"{self.path}: {exc} (fix it by hand; it was not changed)") from None
        if doc is None:
            doc = yamledit.load(HEADER + "{}\n")
        return doc

    def _write(self, doc) -> None:
        text = yamledit.dump(doc)
        if not text.lstrip().startswith("#"):
            text = HEADER + text
        atomic_write(self.path, text)
