"""YAML files that people also edit by hand (entities.yaml, config.yaml), changed by the program
through ruamel.yaml's round trip: the user's comments, order and flow-style entries survive.
Validation stays with PyYAML's safe loader, which is what reads these files for use."""

from __future__ import annotations

import io

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError


class UneditableYaml(ValueError):
    """Text the safe loader reads but the round trip refuses, such as a key given twice."""


def load(text: str):
    """The document as ruamel's commented maps and lists, which remember the comments."""
    try:
        return _round_trip().load(text)
    except YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        mark = getattr(exc, "problem_mark", None)
        raise UneditableYaml(f"line {mark.line + 1}: {problem}" if mark else problem) from None


def dump(data) -> str:
    out = io.StringIO()
    _round_trip().dump(data, out)
    return out.getvalue()


def _round_trip() -> YAML:
    rt = YAML()
    rt.indent(mapping=2, sequence=4, offset=2)  # lists indented under their key, as people write them
    rt.width = 4096  # never fold a long line of aliases
    rt.preserve_quotes = True
    return rt
