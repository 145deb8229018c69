"""Benchmark: time to tag in the app, from the key that confirms the tag picker to the tag
in the file on disk.

Baselines from the same run: the same tag saved by a direct `Annotations.add` call (the
storage's own cost, without the app), and a key that only moves the passage cursor (what
any key costs in the headless app). The figure that matters is the ratio to the direct call.
Run: python tests/perf/bench_tagging.py
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from textual import events  # noqa: E402

from library.annotations import Annotations  # noqa: E402
from library.model import Article, Block  # noqa: E402
from library.store import Library  # noqa: E402
from tui.app import CuttingsApp  # noqa: E402

ARTICLES = 60
PASSAGES_EACH = 10  # tags already in the library, so the tag files are not trivially small
ROUNDS = 25
WORDS = ("envoy tariffs summit sanctions supply chain officials analysts said Taiwan military hotline "
         "agreement visit premier chips export controls Beijing Washington talks").split()


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 18))).capitalize() + "."


def build(root: Path) -> tuple[Library, list[str]]:
    rng = random.Random(6)
    library = Library(root).ensure()
    with library.bulk():
        for n in range(ARTICLES):
            blocks = tuple(Block("paragraph", " ".join(sentence(rng) for _ in range(3))) for _ in range(20))
            library.add(Article(title=f"Dispatch {n}", blocks=blocks, source="Bench Wire"))
    ids = [e.id for e in library.entries()]
    notes = Annotations(library)
    for article_id in ids:
        for block in range(PASSAGES_EACH):
            notes.add(article_id, block, 0, 20, [f"seed/{block % 4}"])
    return library, ids


async def until(condition) -> None:
    while not condition():
        await asyncio.sleep(0.0002)


async def app_rounds(library: Library, article_id: str) -> tuple[list[float], list[float]]:
    """Seconds from the Enter key reaching the app (in the tag picker) to the tag in the file
    on disk, and from a cursor key reaching the app to the cursor moved. Keys are posted
    straight to the app: Pilot.press also waits for the whole process to go idle, which
    would count the background work that follows a save."""
    tag_file = library.root / "annotations" / f"{article_id}.yaml"
    saved, moves = [], []
    app = CuttingsApp(library)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        app.reading.article_list.select_id(article_id)
        await pilot.press("enter")
        while any(not w.is_finished and w.group != "watch" for w in app.workers):  # the first analysis
            await pilot.pause(0.05)
        reader = app.reading.reader
        for n in range(ROUNDS):
            before = reader.cursor
            start = time.perf_counter()
            app.post_message(events.Key("right_parenthesis", ")"))
            await until(lambda: reader.cursor != before)
            moves.append(time.perf_counter() - start)
            await pilot.press("t", *f"bench-{n}")
            start = time.perf_counter()
            app.post_message(events.Key("enter", "\r"))
            await until(lambda: f"bench-{n}\n" in tag_file.read_text(encoding="utf-8"))
            saved.append(time.perf_counter() - start)
            while app.tagging.pending:
                await pilot.pause(0.01)
    return saved, moves


def direct_rounds(library: Library, article_id: str) -> list[float]:
    notes = Annotations(library)
    text = library.get(article_id).blocks
    times = []
    for n in range(ROUNDS):
        block = n % len(text)
        start = time.perf_counter()
        notes.add(article_id, block, 0, len(text[block].text) // 2, [f"direct-{n}"])
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        library, ids = build(Path(folder) / "lib")
        saved, moves = asyncio.run(app_rounds(library, ids[0]))
        direct = direct_rounds(library, ids[1])
    ms = lambda xs: statistics.median(xs) * 1000  # noqa: E731
    print(f"library: {ARTICLES} articles, {ARTICLES * PASSAGES_EACH} tagged passages; {ROUNDS} rounds, medians")
    print(f"app, Enter in the tag picker -> tag on disk: {ms(saved):7.2f} ms (max {max(saved) * 1000:.1f} ms)")
    print(f"baseline, Annotations.add direct call:      {ms(direct):7.2f} ms")
    print(f"baseline, a cursor key in the app:          {ms(moves):7.2f} ms")
    print(f"ratio app / direct call: {statistics.median(saved) / statistics.median(direct):.2f}")


if __name__ == "__main__":
    main()
