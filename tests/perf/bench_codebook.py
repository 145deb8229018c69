"""Benchmark: the codebook's co-occurrence tables at 10,000 articles (issue 17: <= 500 ms).

A generated library (tests/perf/corpus.py) with a quarter of its articles tagged, three to six
passages each from a codebook of 40 tags, and the analysis cache filled for the tagged ones (as
the app keeps it). Timed from cold tag files, as the codebook screen opens: every passage read
(`Annotations.all_passages`), then tag x tag, then tag x issue from the cached evidence. The
baseline is reading the same tag files' bytes; the ratio is what parsing and counting cost.
Also timed: a rename across the library that touches every passage of one tag, and its undo.

Run: python tests/perf/bench_codebook.py [ARTICLES]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from library.analysis import Analyser  # noqa: E402
from library.annotations import Annotations, ArticleText, TaggedPassage  # noqa: E402
from library.annotations.codebook import codes, read_memos  # noqa: E402
from library.annotations.codes import coded_passages  # noqa: E402
from library.annotations.cooccurrence import table  # noqa: E402
from library.annotations.renaming import apply, plan_rename, undo  # noqa: E402
from library.annotations.storage import TagFile, dump_tag_file  # noqa: E402
from library.fileio import atomic_write  # noqa: E402
from tests.perf.corpus import make_corpus  # noqa: E402

TAGS = [f"{top}/{sub}" for top in ("trade", "security", "diplomacy", "tech", "quote") for sub in "abcdefgh"]


def tag_library(library, rng: random.Random, share: float) -> list[str]:
    """Tag files written straight to disk (one durable write each would take minutes)."""
    tagged = [e for e in library.entries() if rng.random() < share]
    for entry in tagged:
        article = library.get(entry.id)
        text = ArticleText.of(article)
        passages = {}
        for n in range(rng.randint(3, 6)):
            block = rng.randrange(len(article.blocks))
            length = len(article.blocks[block].text)
            if length < 20:
                continue
            start = rng.randrange(length - 15)
            lo = text.starts[block] + start
            anchor = text.anchor(lo, min(lo + rng.randint(15, 200), text.starts[block] + length))
            tags = tuple(rng.sample(TAGS, rng.randint(1, 3)))
            passages[f"p{n}{entry.id[-6:]}"] = TaggedPassage(f"p{n}{entry.id[-6:]}", entry.id, tags, "", "2026-01-01T00:00:00+00:00",
                                                             "2026-01-01T00:00:00+00:00", anchor)
        raw = dump_tag_file(TagFile(entry.id, article.content_hash, passages))
        atomic_write(library.root / "annotations" / f"{entry.id}.yaml", raw, durable=False)
    return [e.id for e in tagged]


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def main(count: int) -> None:
    rng = random.Random(17)
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        library = make_corpus(Path(folder) / "lib", count)
        ids = tag_library(library, rng, 0.25)
        analyser = Analyser.for_library(library.root)
        for article_id in ids:
            analyser.analyse(library.get(article_id))
        print(f"{count:,} articles, {len(ids):,} tagged; set up in {time.perf_counter() - started:.0f} s")

        files = sorted((library.root / "annotations").glob("*.yaml"))
        base = min(timed(lambda: [f.read_bytes() for f in files])[0] for _ in range(3))
        cache = library.cache_dir / "codes.json"
        cache.unlink(missing_ok=True)
        cold, _ = timed(lambda: table(Annotations(library), "issue", analyser))
        print(f"first count, no cache: {ms(cold)}  (every tag file parsed, evidence taken from the analysis cache)")
        for by in ("tag", "issue"):
            took, pairs = min((timed(lambda: table(Annotations(library), by, analyser)) for _ in range(3)), key=lambda r: r[0])
            print(f"tag x {by:5}  {ms(took)}  ({len(pairs):,} pairs; baseline: reading the tag files' bytes {ms(base)},"
                  f" ratio {took / base:.1f}x; target <= 500 ms)")
        annotations = Annotations(library)
        took, rows = timed(lambda: codes(coded_passages(annotations), read_memos(library)))
        print(f"codebook rows  {ms(took)}  ({len(rows):,} tags)")

        annotations = Annotations(library)
        plan_time, plan = timed(lambda: plan_rename(annotations, "trade/a", "commerce/a"))
        apply_time, changed = timed(lambda: apply(annotations, plan))
        undo_time, undone = timed(lambda: undo(annotations))
        print(f"rename trade/a     plan {ms(plan_time)}  apply {ms(apply_time)}  undo {ms(undo_time)}"
              f"  ({changed:,} passages in {plan.articles:,} articles; {undone.restored:,} restored)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
