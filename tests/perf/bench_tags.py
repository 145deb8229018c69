"""Benchmark: time to tag (call to saved on disk) and export times for 1,000 tagged passages.

Each figure comes with a baseline measured in the same run: writing the same bytes with a
plain `atomic_write` (temp file, fsync, rename), the floor any safe save has to pay.
Run: python tests/perf/bench_tags.py
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from library.annotations import Annotations, ArticleText, TaggedPassage  # noqa: E402
from library.annotations.anchoring import settle  # noqa: E402
from library.export import export_passages  # noqa: E402
from library.fileio import atomic_write  # noqa: E402
from library.model import Article, Block  # noqa: E402
from library.store import Library  # noqa: E402

WORDS = ("trade talks chips export controls Beijing Washington envoy tariffs summit sanctions supply "
         "chain officials analysts said would Taiwan military hotline agreement visit premier").split()


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20))).capitalize() + "."


def make_library(folder: Path, articles: int, rng: random.Random) -> Library:
    library = Library(folder).ensure()
    for n in range(articles):
        blocks = tuple(Block("paragraph", " ".join(sentence(rng) for _ in range(4))) for _ in range(20))
        library.add(Article(title=f"Article {n}", blocks=blocks, source="Bench Wire", date=dt.date(2023, 1, 1 + n % 28)))
    return library


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bench_tagging(library: Library, rng: random.Random, per_article: int) -> None:
    annotations = Annotations(library)
    tag_times, base_times = [], []
    scratch = library.root / "scratch.yaml"
    for entry in library.entries():
        article = library.get(entry.id)
        for block in rng.sample(range(len(article.blocks)), per_article):
            start = rng.randrange(len(article.blocks[block].text) - 40)
            tags = [rng.choice(("trade", "trade/chips", "security/hotlines", "china/reaction", "quote"))]
            tag_times.append(timed(lambda: annotations.add(entry.id, block, start, start + 30, tags)))
            data = (library.root / "annotations" / f"{entry.id}.yaml").read_bytes()
            base_times.append(timed(lambda: atomic_write(scratch, data)))
    report("tag one passage (Annotations.add)", tag_times, base_times)


def bench_crowded_article(library: Library, rng: random.Random, passages: int) -> None:
    """The worst case for one save: an article that already has many passages."""
    article_id = library.entries()[0].id
    annotations = Annotations(library)
    article = library.get(article_id)
    times, base = [], []
    scratch = library.root / "scratch.yaml"
    for i in range(passages):
        block = i % len(article.blocks)
        start = (i // len(article.blocks)) % (len(article.blocks[block].text) - 10)
        took = timed(lambda: annotations.add(article_id, block, start, start + 8, ["crowded"]))
        if i >= passages - 20:
            times.append(took)
            data = (library.root / "annotations" / f"{article_id}.yaml").read_bytes()
            base.append(timed(lambda: atomic_write(scratch, data)))
    report(f"tag the {passages}th passage of one article", times, base)


def bench_cli(library: Library, runs: int) -> None:
    article_id = library.entries()[-1].id
    times, base = [], []
    for i in range(runs):
        command = [sys.executable, "-m", "tui.cli", "--library", str(library.root), "tag", article_id,
                   "--block", str(i), "--start", "0", "--end", "12", "--tag", "cli"]
        times.append(timed(lambda: subprocess.run(command, cwd=ROOT, check=True, capture_output=True)))
        base.append(timed(lambda: subprocess.run([sys.executable, "-c", "import library.store"], cwd=ROOT, check=True)))
    report("`cuttings tag` from a shell (process start included)", times, base, baseline="python -c 'import library.store'")


def bench_exports(library: Library, out: Path) -> None:
    annotations = Annotations(library)
    count = len(annotations.all_passages())
    print(f"\nexport of {count} tagged passages (best of 3), baseline = atomic_write of the same bytes")
    for fmt in ("md", "csv", "json", "qdpx"):
        target = out / f"passages.{fmt}"
        took = min(timed(lambda: export_passages(library, fmt, target, annotations=Annotations(library))) for _ in range(3))
        data = target.read_bytes()
        base = min(timed(lambda: atomic_write(out / f"baseline.{fmt}", data)) for _ in range(3))
        print(f"  {fmt:5} {ms(took)}  baseline {ms(base)}  ratio {took / base:7.1f}x  ({len(data) / 1024:,.0f} KiB)")


def bench_reanchoring(rng: random.Random) -> None:
    """100 passages re-attached after an edit of a 100,000-character article, fuzzy ones included."""
    blocks = [" ".join(sentence(rng) for _ in range(8)) for _ in range(100)]
    text = ArticleText(blocks)
    passages = []
    for i in range(100):
        lo = text.starts[i] + 10
        passages.append(TaggedPassage(f"p{i}", "a", ("t",), "", "", "", text.anchor(lo, lo + 60)))
    edited = ["A new opening paragraph."] + [b.replace("trade", "trades", 1) if i % 2 else b for i, b in enumerate(blocks)]
    new = ArticleText(edited)
    took = timed(lambda: settle(passages, new))
    base = timed(lambda: [new.text.find(p.quote) for p in passages])
    settled = settle(passages, new)
    print(f"\nre-anchor 100 passages in a {len(new.text):,}-character edited article: {ms(took)}"
          f"  (baseline: 100 plain str.find {ms(base)}); orphans: {sum(p.orphan for p in settled)}")


def report(label: str, times: list[float], base: list[float], baseline: str = "atomic_write of the same bytes") -> None:
    med, base_med = statistics.median(times), statistics.median(base)
    p95 = sorted(times)[int(len(times) * 0.95) - 1]
    print(f"\n{label}: n={len(times)}")
    print(f"  median {ms(med)}  p95 {ms(p95)}  baseline ({baseline}) median {ms(base_med)}  ratio {med / base_med:.1f}x")


def main() -> None:
    rng = random.Random(2026)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        library = make_library(folder / "lib", 100, rng)
        bench_tagging(library, rng, per_article=10)
        bench_exports(library, folder)
        bench_crowded_article(library, rng, 1000)
        bench_cli(library, 10)
        bench_reanchoring(rng)


if __name__ == "__main__":
    main()
