"""The one way the program reads YAML: PyYAML's safe loader with aliases refused.

A few lines of nested aliases ("billion laughs") expand into gigabytes when loaded, and no file
of ours needs them, so any `*name` is an error naming the file and line. libyaml's loader is
used when present (articles are read by the thousand); it cannot be stopped part way, so its
event stream is checked for aliases first, and only when the text holds a `*` at all.
"""

from __future__ import annotations

import yaml

_FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FastStringsLoader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
ALIASES_REFUSED = "YAML aliases (*name) are not allowed"


class YamlError(ValueError):
    """Text that is not YAML we read; str() is "WHERE:LINE: problem" on one line."""

    def __init__(self, where, line: int | None, problem: str):
        self.where, self.line, self.problem = str(where), line, problem
        super().__init__(f"{where}:{line}: {problem}" if line else f"{where}: {problem}")


def parse(text: str, where: str, strings_only: bool = False):
    """The document as Python values (dicts, lists, strings, numbers, dates). With
    `strings_only`, every scalar stays a string ("No" is a word, not False)."""
    loader = _FastStringsLoader if strings_only else _FastLoader
    _refuse_aliases(text, where, loader)
    return _run(lambda: yaml.load(text, Loader=loader), where)  # loader: CSafeLoader/SafeLoader or BaseLoader


def compose(text: str, where: str) -> yaml.Node | None:
    """The document as nodes, which keep their line numbers for warnings."""
    _refuse_aliases(text, where, _FastLoader)
    return _run(lambda: yaml.compose(text, Loader=_FastLoader), where)


def _refuse_aliases(text: str, where: str, loader) -> None:
    if "*" not in text:
        return  # an alias is written *name: no star, no alias
    events = _run(lambda: list(yaml.parse(text, Loader=loader)), where)
    alias = next((event for event in events if isinstance(event, yaml.AliasEvent)), None)
    if alias is not None:
        raise YamlError(where, alias.start_mark.line + 1, ALIASES_REFUSED)


def _run(read, where: str):
    try:
        return read()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or _first_line(exc)
        raise YamlError(where, mark.line + 1 if mark else None, problem) from None
    except RecursionError:
        raise YamlError(where, None, "nested too deeply") from None


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else "not valid YAML"
