"""Benchmark: entity pages, issue trends and the entity co-occurrence behind them, read from the
counts kept in .cache/beat.sqlite (library/beat/counts.py), on generated libraries.

For each size, in one run: the baseline is one pass over every article's cached analysis
(what the Entities overview pays, and what these views cost before the counts file); each view
is reported in ms and as a ratio to that baseline, so the figures compare across machines.
Also: the first build of the counts file (analysis cache warm), bringing it in step after one
article is added, and the commands from a shell (process start included). The issue's target:
<= 500 ms at 10,000 articles and <= 2 s at 100,000.

Run: python tests/perf/bench_beat.py [--n 10000] [--n 100000] [--root DIR] [--borrow 10000]
     (--root keeps the generated libraries in DIR/<n> for the next run; default 3,000 articles.
     --borrow K analyses K articles and gives every other article a copy of one of their
     analyses: the views count mentions and issues, not text, so the figures hold, and a
     100,000-article library is ready in minutes rather than the hour its analysis takes.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from library.analysis import Analyser, library_entity_counts  # noqa: E402
from library.beat.counts import FILE_NAME  # noqa: E402
from library.beat.entity_page import entity_page  # noqa: E402
from library.beat.trends import trend_articles, trends  # noqa: E402
from library.model import Article, Block  # noqa: E402
from library.store import Library  # noqa: E402
from tests.perf.corpus import make_corpus  # noqa: E402


def median_time(work, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def library_of(root: Path, n: int) -> Library:
    if (root / "articles").is_dir():
        return Library(root)
    return make_corpus(root, n)


def borrow_analyses(library, analyser, donors: int) -> None:
    """Analyse `donors` articles; every other article without an analysis gets a copy of one."""
    entries = library.entries()
    files = []
    for entry in entries[:donors]:
        analyser.cached(entry.content_hash) or analyser.analyse(library.get(entry.id))
        files.append(analyser.cache_dir / f"{entry.content_hash}.json")
    for entry in entries[donors:]:
        target = analyser.cache_dir / f"{entry.content_hash}.json"
        if not target.exists():
            target.write_bytes(files[int(entry.content_hash[:8], 16) % len(files)].read_bytes())


def measure(root: Path, n: int, borrow: int | None) -> None:
    library = library_of(root, n)
    analyser = Analyser.for_library(library.root)
    if borrow:
        borrow_analyses(library, analyser, borrow)
    start = time.perf_counter()
    counts = library_entity_counts(library, analyser)  # fills the analysis cache when cold
    print(f"\n{len(library.entries()):,} articles (analysis cache filled in {time.perf_counter() - start:.1f} s)")
    baseline = median_time(lambda: library_entity_counts(library, analyser), runs=3 if n < 50_000 else 1)
    print(f"  baseline: one pass over every cached analysis        {baseline * 1000:8.0f} ms   1.000")
    (root / ".cache" / FILE_NAME).unlink(missing_ok=True)
    start = time.perf_counter()
    trends(library, analyser)
    built = time.perf_counter() - start
    print(f"  first build of the counts file                        {built * 1000:8.0f} ms   {built / baseline:5.3f}")
    (top, _), _ = counts.most_common(1)[0]
    (rare, _), _ = min(counts.items(), key=lambda item: item[1])
    views = [
        (f"entity page of {top!r} (most mentioned)", lambda: entity_page(library, analyser, top)),
        (f"entity page of {rare!r} (least mentioned)", lambda: entity_page(library, analyser, rare)),
        ("trends of all issues by month", lambda: trends(library, analyser)),
        ("trends of one issue by week and outlet", lambda: trends(library, analyser, ["taiwan"], by="week", split_sources=True)),
        ("articles of one issue in one month", lambda: trend_articles(library, analyser, "taiwan", "2022-10")),
    ]
    for label, view in views:
        took = median_time(view)
        print(f"  {label:<52} {took * 1000:8.0f} ms   {took / baseline:5.3f}")
    article = Article(title=f"One more ({time.time()})", date=dt.date(2022, 10, 8), source="Reuters",
                      blocks=(Block("paragraph", f"{top} met Antony Blinken in Beijing to discuss Taiwan."),)).with_id()
    library.add(article)
    analyser.analyse(article)  # as an import or the app does: the page only counts it
    start = time.perf_counter()
    entity_page(library, analyser, top)
    took = time.perf_counter() - start
    print(f"  entity page after one article was added               {took * 1000:8.0f} ms   {took / baseline:5.3f}")
    library.remove(article.id)
    for args in (["entity", top], ["trends"], ["trends", "--issue", "taiwan", "--by", "week"]):
        command = [sys.executable, "-m", "tui.cli", "--library", str(library.root), *args]
        took = median_time(lambda: subprocess.run(command, cwd=ROOT, check=True, capture_output=True), runs=3)
        print(f"  cuttings {' '.join(args):<43} {took * 1000:8.0f} ms   {took / baseline:5.3f}  (from a shell)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, action="append", help="articles (repeatable; default 3,000)")
    parser.add_argument("--root", type=Path, help="keep generated libraries in ROOT/<n>")
    parser.add_argument("--borrow", type=int, metavar="K", help="analyse K articles, copy their analyses to the rest")
    args = parser.parse_args()
    print(f"{'':<54} {'time':>11}   ratio to baseline")
    with tempfile.TemporaryDirectory() as folder:
        for n in args.n or [3_000]:
            measure((args.root or Path(folder)) / str(n), n, args.borrow)


if __name__ == "__main__":
    main()
