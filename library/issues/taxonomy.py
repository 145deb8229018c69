"""The issue taxonomy: the shipped issues plus the user's own changes.

The user's `issues.yaml` in the library folder adds issues, edits shipped ones and disables
them, in the shipped file's format (a list under `issues:`, or a bare list):

    issues:
      - id: arctic                       # a new issue needs a label and cues
        label: The Arctic
        cues: [polar silk road, icebreaker]
      - id: taiwan                       # given fields replace the shipped ones ...
        extra_cues: [strait crossing]    # ... extra_cues / extra_weak_cues / extra_entities add to them
        extra_weak_cues: [strait]        # weak cues count only beside a cue (see issues.yaml)
      - id: climate
        disabled: true

It is hand-written, so it is read defensively: a broken file or entry gives a one-line
warning naming the file and line, and the shipped taxonomy is still used. A file with YAML
aliases is refused whole (library/safeyaml.py), so an alias bomb never expands.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

import yaml

from .. import safeyaml

SHIPPED = Path(__file__).with_name("data") / "issues.yaml"
CONTEXT = Path(__file__).with_name("data") / "context.yaml"
USER_FILE = "issues.yaml"
MAX_FILE_BYTES = 1_000_000
MAX_CUE_CHARS = 80
MAX_CUE_WORDS = 8
MAX_PHRASES = 300  # cues or entities of one issue

_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}\Z")
_LISTS = ("cues", "weak_cues", "entities", "extra_cues", "extra_weak_cues", "extra_entities")
_TEXTS = ("label", "description")
_FIELDS = ("id", "disabled", *_TEXTS, *_LISTS)


@dataclass(frozen=True)
class IssueDef:
    id: str
    label: str
    description: str
    cues: tuple[str, ...]
    entities: tuple[str, ...]
    weak_cues: tuple[str, ...] = ()  # words with everyday senses too: they count only beside a cue


class EntryError(ValueError):
    """One entry of a taxonomy file is unusable; `line` says where."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


class Taxonomy:
    def __init__(self, issues: list[IssueDef], warnings: list[str] | None = None):
        self.issues = list(issues)
        self.warnings = list(warnings or [])

    @classmethod
    def shipped(cls) -> Taxonomy:
        return cls.from_files(SHIPPED, None)

    @classmethod
    def for_library(cls, root: Path | None) -> Taxonomy:
        """The shipped taxonomy changed by `issues.yaml` in the library folder, if there is one."""
        user = Path(root) / USER_FILE if root is not None else None
        return cls.from_files(SHIPPED, user if user is not None and user.exists() else None)

    @classmethod
    def from_files(cls, shipped: Path, user: Path | None) -> Taxonomy:
        warnings: list[str] = []
        issues: dict[str, IssueDef] = {}
        for entry in _read_entries(shipped, warnings):
            _apply(issues, entry, shipped, warnings)
        if user is not None:
            for entry in _read_entries(user, warnings):
                _apply(issues, entry, user, warnings)
        return cls(list(issues.values()), warnings)

    def get(self, issue_id: str) -> IssueDef | None:
        return next((i for i in self.issues if i.id == issue_id), None)

    def named(self, value: str) -> list[str]:
        """The ids of the issues `value` names, as `search issue:` reads it."""
        return issue_ids_named({i.label.lower(): i.id for i in self.issues}, value)

    @cached_property
    def fingerprint(self) -> str:
        """Changes whenever any issue definition changes, so cached results can be invalidated."""
        data = [[i.id, i.label, i.description, i.cues, i.entities, i.weak_cues] for i in self.issues]
        return hashlib.sha256(json.dumps(data).encode()).hexdigest()[:16]

    @cached_property
    def matcher(self):
        """The compiled cue and entity matcher, built once per taxonomy. It also finds the words
        that open a list of issues in a text and the context words of sport and entertainment
        news, so detection needs no second scan for them."""
        from .matcher import LIST_NOUNS, PhraseMatcher

        return PhraseMatcher(self.issues, markers=LIST_NOUNS, context=_context_words())


def issue_ids_named(labels: dict[str, str], value: str) -> list[str]:
    """An issue by id or label (any case); else every issue whose label or id holds these words
    in order. `labels` maps each label in lower case to its id."""
    value = value.lower()
    if value in labels.values() or value in labels:
        return [labels.get(value, value)]
    words = _words(value)
    return sorted({i for label, i in labels.items() if words and (_holds(_words(label), words) or _holds(_words(i), words))})


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _holds(words: list[str], part: list[str]) -> bool:
    return any(words[i : i + len(part)] == part for i in range(len(words) - len(part) + 1))


def _context_words() -> tuple[str, ...]:
    """The shipped context words (data/context.yaml: one list under `context:`)."""
    return tuple(yaml.safe_load(CONTEXT.read_text(encoding="utf-8"))["context"])


# -- reading a file ---------------------------------------------------------------------------


def _read_entries(path: Path, warnings: list[str]) -> list[dict]:
    """The entries of a taxonomy file as {field: (line, value)} dicts; problems become warnings."""
    try:
        raw = path.read_bytes()
        if len(raw) > MAX_FILE_BYTES:
            warnings.append(f"{path}: too large ({len(raw):,} bytes); ignored")
            return []
        root = safeyaml.compose(raw.decode("utf-8"), path)
    except OSError as exc:
        warnings.append(f"{path}: cannot read ({exc.strerror or exc}); ignored")
        return []
    except UnicodeDecodeError:
        warnings.append(f"{path}: not UTF-8 text; ignored")
        return []
    except safeyaml.YamlError as exc:
        where = f" line {exc.line}:" if exc.line else ""
        warnings.append(f"{path}:{where} {exc.problem}; ignored")
        return []
    if root is None:
        return []
    if isinstance(root, yaml.MappingNode):
        found = {key.value: value for key, value in root.value if isinstance(key, yaml.ScalarNode)}
        if "issues" not in found:
            warnings.append(f"{path}: line {_line(root)}: expected a list under 'issues:'; ignored")
            return []
        root = found["issues"]
    if not isinstance(root, yaml.SequenceNode):
        warnings.append(f"{path}: line {_line(root)}: expected a list of issues; ignored")
        return []
    entries = []
    for node in root.value:
        try:
            entries.append(_entry(node, path, warnings))
        except EntryError as exc:
            warnings.append(f"{path}: line {exc.line}: {exc}; entry skipped")
    return entries


def _entry(node, path: Path, warnings: list[str]) -> dict:
    if not isinstance(node, yaml.MappingNode):
        raise EntryError(_line(node), "an issue must be a mapping with an id")
    entry: dict = {}
    for key, value in node.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else None
        if name not in _FIELDS:
            warnings.append(f"{path}: line {_line(key)}: unknown field {name!r} ignored")
            continue
        if name in _LISTS:
            entry[name] = (_line(value), _phrases(value, name))
        elif name == "disabled":
            entry[name] = (_line(value), _flag(value))
        else:
            entry[name] = (_line(value), _text(value, name))
    if "id" not in entry:
        raise EntryError(_line(node), "an issue needs an id")
    if not _ID.match(entry["id"][1]):
        raise EntryError(entry["id"][0], f"bad id {entry['id'][1]!r} (use lower-case letters, digits and -)")
    entry["line"] = _line(node)
    return entry


def _text(node, name: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:null" or not node.value.strip():
        raise EntryError(_line(node), f"{name!r} must be a line of text")
    if len(node.value) > 500:
        raise EntryError(_line(node), f"{name!r} is too long")
    return " ".join(node.value.split())


def _flag(node) -> bool:
    if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:bool":
        raise EntryError(_line(node), "'disabled' must be true or false")
    return node.value.lower() in ("true", "yes", "on", "y")


def _phrases(node, name: str) -> tuple[str, ...]:
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
        return ()
    if not isinstance(node, yaml.SequenceNode):
        raise EntryError(_line(node), f"{name!r} must be a list of phrases")
    if len(node.value) > MAX_PHRASES:
        raise EntryError(_line(node), f"{name!r} has more than {MAX_PHRASES} phrases")
    phrases = []
    for item in node.value:
        phrase = _text(item, name)
        if len(phrase) > MAX_CUE_CHARS or len(re.split(r"[\s-]+", phrase)) > MAX_CUE_WORDS:
            raise EntryError(_line(item), f"phrase {phrase[:40]!r}... is too long")
        phrases.append(phrase)
    return tuple(dict.fromkeys(phrases))


def _line(node) -> int:
    return node.start_mark.line + 1


# -- merging -----------------------------------------------------------------------------------


def _apply(issues: dict[str, IssueDef], entry: dict, path: Path, warnings: list[str]) -> None:
    """Add a new issue, change a known one, or disable it."""
    value = {k: v[1] for k, v in entry.items() if k != "line"}
    issue_id = value["id"]
    if value.get("disabled"):
        issues.pop(issue_id, None)
        return
    old = issues.get(issue_id)
    if old is None:
        if "label" not in value or not (value.get("cues") or value.get("extra_cues")):
            warnings.append(f"{path}: line {entry['line']}: new issue {issue_id!r} needs a label and cues; skipped")
            return
        old = IssueDef(issue_id, value["label"], "", (), ())
    issues[issue_id] = replace(
        old,
        label=value.get("label", old.label),
        description=value.get("description", old.description),
        cues=_merged(value.get("cues", old.cues), value.get("extra_cues", ())),
        entities=_merged(value.get("entities", old.entities), value.get("extra_entities", ())),
        weak_cues=_merged(value.get("weak_cues", old.weak_cues), value.get("extra_weak_cues", ())),
    )


def _merged(base: tuple[str, ...], extra: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*base, *extra)))
