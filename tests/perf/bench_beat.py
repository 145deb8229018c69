"""Benchmark: `cuttings entity` and `cuttings trends` on a generated library.

Measures the library functions in this process once the analysis cache is warm (what a second
run, or the app, pays), the first run that fills the cache, and the commands from a shell
(process start included). The issue's target: an entity page or trend chart in <= 500 ms at
10,000 articles.

Run: python tests/perf/bench_beat.py [ARTICLES]   (default 3,000)
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from library.analysis import Analyser, library_entity_counts  # noqa: E402
from library.beat.entity_page import entity_page  # noqa: E402
from library.beat.trends import trends  # noqa: E402
from tests.perf.corpus import make_corpus  # noqa: E402


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.0f} ms"


def median_time(work, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3_000
    with tempfile.TemporaryDirectory() as folder:
        library = make_corpus(Path(folder) / "lib", n)
        analyser = Analyser.for_library(library.root)
        start = time.perf_counter()
        counts = library_entity_counts(library, analyser)
        print(f"{n} articles; first analysis of the library (fills the cache): {ms(time.perf_counter() - start)}")
        (name, _), _ = counts.most_common(1)[0]
        print(f"entity page of {name!r} (most mentioned), warm cache:     {ms(median_time(lambda: entity_page(library, analyser, name)))}")
        print(f"trends of all issues by month, warm cache:              {ms(median_time(lambda: trends(library, analyser)))}")
        print(f"trends of one issue by week and outlet, warm cache:     "
              f"{ms(median_time(lambda: trends(library, analyser, ['taiwan'], by='week', split_sources=True)))}")
        for args in (["entity", name], ["trends"], ["trends", "--issue", "taiwan", "--by", "week"]):
            command = [sys.executable, "-m", "tui.cli", "--library", str(library.root), *args]
            took = median_time(lambda: subprocess.run(command, cwd=ROOT, check=True, capture_output=True), runs=3)
            print(f"cuttings {' '.join(args):<40} from a shell: {ms(took)}")


if __name__ == "__main__":
    main()
