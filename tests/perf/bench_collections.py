"""Views and smart collections at scale: switching the list to a view or a collection, live
counts of ten collections, j/k in the whole list, and the list's first paint.

Each figure comes with a baseline measured in the same run (the same work on a 1,000-article
library, or an empty library's first paint) and the ratio. Half the articles are marked read
and one in twenty starred, so unread and starred views keep many rows.

    python tests/perf/bench_collections.py [--corpus-dir DIR] [--sizes 10000,100000]

Goals (issue 16), at 100,000 articles: a view or collection switch to its first screen <= 300
ms; counts of 10 collections <= 1 s in a worker; j/k < 30 ms a key; first paint <= 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from library.readstate import ReadState  # noqa: E402
from library.smartcollections import Collection  # noqa: E402
from library.store import Library  # noqa: E402
from tests.perf.bench_app import SIZE, Frames, first_paint, key_figure, per_key, run  # noqa: E402
from tests.perf.corpus import make_corpus  # noqa: E402
from tui.app import CuttingsApp  # noqa: E402
from tui.list_query import ListQueries  # noqa: E402

BASELINE = 1000
REPEATS = 5
COLLECTIONS = [
    ("Unread", "is:unread"), ("Starred", "is:starred"), ("This week", "date:7d.."), ("2023", "date:2023"),
    ("Reuters", "source:reuters"), ("FT unread", 'source:"Financial Times" is:unread'),
    ("Added lately", "added:30d.."), ("Early 2022", "date:2022-01..2022-06 NOT source:caixin"),
    ("Mei Lin", 'author:"Mei Lin"'), ("Starred or Nikkei", "is:starred OR source:nikkei"),
]
SWITCHES = [("view unread (U)", "U"), ("view starred (S)", "S"), ("view all (A)", "A"),
            ("collection FT unread", COLLECTIONS[5]), ("collection Early 2022", COLLECTIONS[7])]


def corpus(base: Path, n: int) -> Library:
    """A generated library of short articles: the list and collections read the catalogue only."""
    root = base / f"corpus-short-{n}"
    if (root / ".cache" / "catalogue.json").exists():
        return Library(root)
    print(f"  building a corpus of {n} short articles in {root} …", flush=True)
    return make_corpus(root, n, words=(20, 40))


def marked(library: Library) -> Library:
    """Half the articles read, one in twenty starred (once per corpus)."""
    state = ReadState(library)
    if not state.marked("read"):
        ids = [e.id for e in library.entries()]
        state.mark_many(read=set(ids[::2]), starred=set(ids[::20]))
    return library


async def switching(root: Path) -> dict[str, float]:
    """Seconds from a view key, or from choosing a collection, to the first frame after it
    (median of REPEATS, each from the whole list)."""
    app = CuttingsApp(Library(root))
    frames = Frames(app)
    times: dict[str, list[float]] = {name: [] for name, _ in SWITCHES}
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.pause(0.8)
        screen.workers.cancel_all()
        for _ in range(REPEATS):
            for name, how in SWITCHES:
                screen.set_filter(None)
                await pilot.press("A")
                await pilot.pause()
                started = time.perf_counter()
                if isinstance(how, str):
                    await pilot.press(how)
                else:
                    screen.show_collection(Collection(*how))
                    await pilot.pause()
                frame = frames.first_after(started)
                times[name].append((frame or time.perf_counter()) - started)
    return {name: statistics.median(found) for name, found in times.items()}


def counting(root: Path) -> float:
    """Seconds to count 10 collections (unread / all) in a worker thread, as the switcher does."""
    library = Library(root)
    queries = ListQueries(library, readstate=ReadState(library))
    collections = [Collection(name, query) for name, query in COLLECTIONS]
    seconds = []
    for _ in range(REPEATS):
        result: list = []
        started = time.perf_counter()
        worker = threading.Thread(target=lambda: result.append(queries.count(collections)))
        worker.start()
        worker.join()
        seconds.append(time.perf_counter() - started)
    assert not any(c.problem for c in result[0]), [c.problem for c in result[0]]
    return statistics.median(seconds)


def ms(seconds: float, baseline: float | None = None) -> str:
    text = f"{seconds * 1000:8.1f} ms"
    return text + (f"   {seconds / baseline:6.2f}x baseline" if baseline else "")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus-dir", type=Path)
    parser.add_argument("--sizes", default="10000,100000")
    args = parser.parse_args()
    base = args.corpus_dir or Path(tempfile.mkdtemp(prefix="cuttings-bench-"))
    base.mkdir(parents=True, exist_ok=True)
    small = marked(corpus(base, BASELINE))
    sizes = [int(x) for x in args.sizes.split(",")]
    libraries = {n: marked(corpus(base, n)) for n in sizes}

    print(f"Switching the list (key or collection chosen -> first frame; median of {REPEATS})")
    base_switch = run(switching(small.root))
    for name, seconds in base_switch.items():
        print(f"  baseline {BASELINE:>7} articles, {name:<24} {ms(seconds)}")
    for n, library in libraries.items():
        for name, seconds in run(switching(library.root)).items():
            print(f"  {n:>16} articles, {name:<24} {ms(seconds, base_switch[name])}")

    print(f"Live counts of {len(COLLECTIONS)} collections (unread / all) in a worker thread (median of {REPEATS})")
    base_count = counting(small.root)
    print(f"  baseline {BASELINE:>7} articles: {ms(base_count)}")
    for n, library in libraries.items():
        print(f"  {n:>16} articles: {ms(counting(library.root), base_count)}")

    print("First paint of the list: app start to its first frame (to Pilot's idle)")
    empty = Library(base / "empty").ensure()
    (paint0, _), _ = run(first_paint(empty.root))
    print(f"  baseline, empty library: {ms(paint0)}")
    for n, library in libraries.items():
        (paint, _), rows = run(first_paint(library.root))
        print(f"  {rows:>7} articles:       {ms(paint, paint0)}")

    print("j/k in the list (200 presses): key to frame, median")
    idle = run(per_key(small.root, "z", "list"))
    print(f"  baseline, unbound key: {key_figure(idle)}")
    for n, library in libraries.items():
        print(f"  j/k, {n} articles: {key_figure(run(per_key(library.root, 'j', 'list')))}")


if __name__ == "__main__":
    main()
