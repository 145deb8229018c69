"""App speed: first paint of the article list, opening a long article, j/k per key.

Each figure is printed with a baseline measured in the same run on the same machine (an empty
library's first paint, a short article's opening, a key with no binding), and the ratio.

    python tests/perf/bench_app.py [--corpus-dir DIR] [--sizes 10000,100000]

Generated corpora are kept in --corpus-dir (default: a temporary folder) so later runs can
reuse them; building 100,000 articles takes minutes.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from library.analysis import Analyser  # noqa: E402
from library.model import Article, Block  # noqa: E402
from library.store import Library  # noqa: E402
from tests.perf.corpus import ORGS, PEOPLE, PLACES, make_corpus  # noqa: E402
from tui.app import CuttingsApp  # noqa: E402
from tui.reader import Reader  # noqa: E402

SIZE = (140, 40)
KEYS = 200
OPENING = ("first frame", "last frame")
PAINT = ("first frame", "idle")


def corpus(base: Path, n: int) -> Library:
    root = base / f"corpus-{n}"
    if (root / ".cache" / "catalogue.json").exists():
        return Library(root)
    print(f"  building a corpus of {n} articles in {root} …", flush=True)
    return make_corpus(root, n)


class Clock:
    """Wall time, and this process's CPU time: on a busy machine the CPU time is what the
    app itself spent, the wall time what a user waited."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def elapsed(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


class Frames:
    """When the app composed each frame: timed where it hands one to the terminal driver
    (App._display; headless here, so nothing is written). Pilot's own idle test sleeps in
    20 ms steps until the process is quiet, which adds 40-60 ms to anything timed through it."""

    def __init__(self, app) -> None:
        self.times: list[float] = []
        display = app._display

        def timed_display(screen, renderable) -> None:
            display(screen, renderable)
            if renderable is not None:
                self.times.append(time.perf_counter())

        app._display = timed_display

    def first_after(self, moment: float) -> float | None:
        return next((t for t in self.times if t >= moment), None)


async def first_paint(root: Path) -> tuple[tuple[float, float], int]:
    """Seconds from starting the app (catalogue read from disk) to its first frame, which
    has the list in it (the reading screen fills the list when it mounts), and to Pilot's
    idle after it."""
    started = time.perf_counter()
    app = CuttingsApp(Library(root, trust_folder=True))  # as `cuttings` opens it (tui/launch.py)
    frames = Frames(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = len(app.screen.article_list.rows)
        idle = time.perf_counter() - started
        app.screen.workers.cancel_all()
    return (frames.times[0] - started, idle), rows


def long_article(words: int = 5000) -> Article:
    """About `words` words in 50 paragraphs, six entity names in each: 300 mentions."""
    names = [*PEOPLE, *ORGS, *PLACES]
    filler = "officials said the talks covered trade rules and security matters in some detail again".split()
    blocks = []
    per_block = words // 50
    for b in range(50):
        text = []
        for s in range(6):
            name = names[(b * 6 + s) % len(names)]
            text.append(f"{name} " + " ".join(filler[: per_block // 6 - len(name.split())]) + ".")
        blocks.append(Block("heading" if b % 10 == 0 else "paragraph", " ".join(text)))
    return Article(title="A long report", blocks=tuple(blocks), source="Bench Wire")


async def open_article(root: Path, article_id: str, repeats: int = 15) -> list[tuple[float, float]]:
    """Seconds from asking for an article to the first frame with it (text, highlights and
    sidebar), and to the last frame before the app is idle (scroll bars and footer settle a
    frame or two later)."""
    app = CuttingsApp(Library(root))
    frames = Frames(app)
    times = []
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        reader = screen.query_one(Reader)
        other = next(e.id for e in app.library.entries() if e.id != article_id)
        for _ in range(repeats):
            screen.open_article(other, mark_read=False)
            await pilot.pause()
            started = time.perf_counter()
            screen.open_article(article_id, mark_read=False)
            while not (reader.article and reader.article.id == article_id and (reader.mentions or not expect_mentions(app, article_id))):
                await asyncio.sleep(0.001)
            shown = time.perf_counter()
            await pilot.pause()
            times.append((frames.first_after(shown) - started, frames.times[-1] - started))
    return times


def expect_mentions(app, article_id: str) -> bool:
    return bool(app.facts.analyser.cached(app.library.entry(article_id).content_hash).entities)


async def per_key(root: Path, key: str, where: str, article_id: str | None = None) -> tuple[float, float, float]:
    """Per key press, over KEYS presses in the list or the reader: seconds from the key to
    the frame that shows its effect (median), and the app's CPU seconds (mean; includes
    Pilot's idle polling, as the unbound-key baseline shows), and Pilot's wall time (mean)."""
    app = CuttingsApp(Library(root))
    frames = Frames(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        if where == "reader":
            screen.open_article(article_id, mark_read=False)
            screen.focus_pane("reader")
        await pilot.pause(1.0)  # let the background library analysis start, then stop it
        screen.workers.cancel_all()
        await pilot.pause(0.5)
        clock = Clock()
        latencies = []
        for n in range(KEYS):
            pressed = time.perf_counter()
            await pilot.press(key if n % 40 < 20 else {"j": "k", "k": "j"}.get(key, key))
            frame = frames.first_after(pressed)
            if frame is not None:
                latencies.append(frame - pressed)
        wall, cpu = clock.elapsed()
        return (statistics.median(latencies) if latencies else 0.0), cpu / KEYS, wall / KEYS


def figure(measured: tuple[float, float], baseline: tuple[float, float] | None = None, labels=("wall", "cpu")) -> str:
    """"wall ms (cpu ms)" (or other labels), and the ratios to the baseline."""
    text = f"{measured[0] * 1000:8.1f} ms {labels[0]} ({measured[1] * 1000:7.1f} ms {labels[1]})"
    if baseline:
        text += f"   {measured[0] / baseline[0]:5.2f}x / {measured[1] / baseline[1]:5.2f}x baseline"
    return text


def run(coroutine):
    """Run one app; then wait for its worker threads to end so they do not load the next run."""
    result = asyncio.run(coroutine)
    for thread in threading.enumerate():
        if thread is not threading.main_thread():
            thread.join()
    return result


def median(times: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus-dir", type=Path)
    parser.add_argument("--sizes", default="10000,100000")
    args = parser.parse_args()
    base = args.corpus_dir or Path(tempfile.mkdtemp(prefix="cuttings-bench-"))
    base.mkdir(parents=True, exist_ok=True)

    print("First paint of the article list: app start to its first frame (to Pilot's idle)")
    empty = Library(base / "empty").ensure()
    baseline, _ = run(first_paint(empty.root))
    print(f"  baseline, empty library: {figure(baseline, labels=PAINT)}")
    for n in (int(x) for x in args.sizes.split(",")):
        library = corpus(base, n)
        library.entries()
        paint, rows = run(first_paint(library.root))
        print(f"  {rows:>7} articles:         {figure(paint, baseline, PAINT)}")

    print("Opening an article (analysis from the cache): to the first frame showing it (to the last frame)")
    reading = Library(base / "reading").ensure()
    long_id = reading.add(long_article()).id
    short_id = reading.add(Article(title="Short", blocks=(Block("paragraph", "Wang Yi met Antony Blinken in Beijing."),))).id
    analyser = Analyser.for_library(reading.root)
    found = analyser.analyse(reading.get(long_id))
    analyser.analyse(reading.get(short_id))
    words = reading.entry(long_id).words
    short = median(run(open_article(reading.root, short_id)))
    long = median(run(open_article(reading.root, long_id)))
    print(f"  baseline, 6-word article: {figure(short, labels=OPENING)}")
    print(f"  {words} words, {len(found.entities)} mentions: {figure(long, short, OPENING)}")

    print(f"Per key ({KEYS} presses, j/k alternating in runs of 20): key to frame, median (app CPU per key; Pilot wall per key)")
    list_root = corpus(base, int(args.sizes.split(",")[0])).root
    idle = run(per_key(list_root, "z", "list"))
    print(f"  baseline, unbound key (no frame): {key_figure(idle)}")
    in_list = run(per_key(list_root, "j", "list"))
    print(f"  j/k in a {len(Library(list_root).entries())}-article list: {key_figure(in_list)}")
    in_reader = run(per_key(reading.root, "j", "reader", long_id))
    print(f"  j/k in the long article: {key_figure(in_reader)}")


def key_figure(measured: tuple[float, float, float]) -> str:
    frame, cpu, wall = (x * 1000 for x in measured)
    return f"{frame:6.1f} ms to frame ({cpu:5.1f} ms CPU; {wall:5.1f} ms Pilot wall)"


if __name__ == "__main__":
    main()
