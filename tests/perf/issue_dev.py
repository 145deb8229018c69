"""Issue detection on text that has no political issue, and on the sample that has many.

Reports the share of the off-topic dev articles (tests/fixtures/issues/offtopic: sport,
entertainment and business news written for this; the heldout-* ones were written after the
cues were tuned, to check the tuning on text it had not seen) that get any issue, with the issue and its
first passage, and the issues of ../shared/samples/xi-blinken-beijing-2023.txt and of the demo
library. `--time N` also measures issue detection alone over the demo and the sample, N rounds
(CPU time of this process).

Run: python tests/perf/issue_dev.py [--time N]
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from library.analysis import Analyser  # noqa: E402
from library.importers import read_articles  # noqa: E402
from library.issues import detect  # noqa: E402
from library.model import Article, Block  # noqa: E402

OFFTOPIC = ROOT / "tests" / "fixtures" / "issues" / "offtopic"
SAMPLE_NAME = Path("samples") / "xi-blinken-beijing-2023.txt"
# The issues the sample had when its false issues were first tuned away; it must keep them all.
SAMPLE_ISSUES = {"diplomacy-summits", "export-controls-technology", "trade-decoupling-derisking", "taiwan",
                 "military-security", "russia-ukraine-war", "human-rights"}


def read_fixture(path: Path) -> Article:
    """A dev article: the first line is its title, then paragraphs separated by blank lines."""
    title, _, body = path.read_text(encoding="utf-8").partition("\n")
    blocks = tuple(Block("paragraph", " ".join(p.split())) for p in body.split("\n\n") if p.strip())
    return Article(title=title.strip(), blocks=blocks)


def offtopic_articles() -> list[tuple[str, Article]]:
    return [(path.name, read_fixture(path)) for path in sorted(OFFTOPIC.glob("*.txt"))]


def sample_path() -> Path | None:
    """The shared sample, beside the checkout or beside the worktrees folder."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / SAMPLE_NAME).exists():
            return base / "shared" / SAMPLE_NAME
    return None


def demo_articles() -> list[Article]:
    from library.demo import install_demo
    from library.store import Library

    library = Library(install_demo(Path(tempfile.mkdtemp(prefix="issue-dev-")) / "demo"))
    return [library.get(entry.id) for entry in library.entries()]


def main(argv: list[str]) -> int:
    analyser = Analyser.for_library(None, cache=False)
    flagged = 0
    articles = offtopic_articles()
    for name, article in articles:
        hits = analyser.analyse(article).issues
        if hits:
            flagged += 1
            for hit in hits:
                print(f"  {name}: {hit.id} {hit.score} ({len(hit.passages)}) {hit.passages[0].text[:90]!r}")
    print(f"off-topic: {flagged}/{len(articles)} articles get an issue ({100 * flagged / len(articles):.1f}%)")
    found = sample_path()
    sample = read_articles(found)[0] if found else None
    if sample is not None:
        ids = {h.id for h in analyser.analyse(sample).issues}
        print(f"sample: {sorted(ids)}; missing: {sorted(SAMPLE_ISSUES - ids) or 'none'}")
    demo = demo_articles()
    counts = Counter(h.id for a in demo for h in analyser.analyse(a).issues)
    print(f"demo: {sum(counts.values())} issues in {len(demo)} articles: {dict(counts.most_common())}")
    if "--time" in argv:
        rounds = int(argv[argv.index("--time") + 1])
        texts = [a for a in [*demo, sample] if a is not None]
        inputs = [([b.text for b in a.blocks], analyser.recogniser.find([b.text for b in a.blocks]),
                   [b.kind for b in a.blocks], a.title, a.standfirst) for a in texts]
        start = time.process_time()
        for _ in range(rounds):
            for blocks, mentions, kinds, title, standfirst in inputs:
                detect(analyser.taxonomy, blocks, mentions, kinds, title, standfirst)
        took = (time.process_time() - start) / rounds
        print(f"detection: {1000 * took:.2f} ms per round of {len(inputs)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
