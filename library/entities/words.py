"""The word classes the recogniser's rules use (titles, head words, function words ...),
read once from the shipped words.yaml so they can be read and changed without code. Read with
PyYAML's BaseLoader (safe, and every value a string) because YAML 1.1 would turn the words
"No", "Yes" and "On" into booleans."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from types import SimpleNamespace

import yaml

# BaseLoader builds only strings, lists and maps (safer still than SafeLoader, and "No" stays a
# word); libyaml's when present, 10x faster.
_StringsOnlySafeLoader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


@lru_cache(maxsize=1)
def words() -> SimpleNamespace:
    text = resources.files(__package__).joinpath("data").joinpath("words.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=_StringsOnlySafeLoader)
    return SimpleNamespace(**{key: frozenset(values) for key, values in data.items()})
