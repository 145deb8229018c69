"""The word classes the recogniser's rules use (titles, head words, function words ...),
read once from the shipped words.yaml so they can be read and changed without code. Read with
every value a string, because YAML 1.1 would turn the words "No", "Yes" and "On" into booleans."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from types import SimpleNamespace

from .. import safeyaml


@lru_cache(maxsize=1)
def words() -> SimpleNamespace:
    text = resources.files(__package__).joinpath("data").joinpath("words.yaml").read_text(encoding="utf-8")
    data = safeyaml.parse(text, "words.yaml", strings_only=True)
    return SimpleNamespace(**{key: frozenset(values) for key, values in data.items()})


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Common given names ("Marisol", "Florence"), built from baby-name data (see data/README.md):
    a word among them is more likely a person than anything else."""
    text = resources.files(__package__).joinpath("data").joinpath("given_names.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))
