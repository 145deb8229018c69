"""Benchmark: words per second of full article analysis (entities, issues, quotes) over >= 1M words.

Also measured in the same run, on the same generated articles, one process:
- issue detection alone, against a baseline detector that loops over every cue spelling with
  its own regex per block (what the one-pass automaton replaces);
- reading cached analyses back (what opening an unchanged article costs).
The target from the issue: full analysis >= 165,000 words/s (15x the spaCy anchor of 11,000).
Times are the CPU time of this one process, so other work on a shared machine does not count.

Run: python tests/perf/bench_analysis.py [MIN_WORDS]
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from library.analysis import Analyser  # noqa: E402
from library.issues import Taxonomy, detect  # noqa: E402
from library.issues.matcher import variants  # noqa: E402
from library.quotes import find_quotes  # noqa: E402
from tests.perf.corpus import _Writer  # noqa: E402

TARGET = 165_000


def make_articles(min_words: int):
    writer = _Writer(seed=3)
    articles, words = [], 0
    while words < min_words:
        article = writer.article(len(articles))
        articles.append(article)
        words += article.word_count
    return articles, words


def odd_texts(articles) -> dict[str, tuple[str, int]]:
    """About 170,000 words each of the shapes of text that break naive analysers, with their
    word counts (Chinese counted as two characters a word)."""
    words = " ".join(b.text for a in articles[:300] for b in a.blocks).split()[:170_000]
    paragraph = " ".join(words)
    cjk = "台湾海峡局势紧张，美国宣布新的出口管制措施。" * 16_000
    return {
        "one 1 MB paragraph": (paragraph, len(words)),
        "no capitals": (paragraph.lower(), len(words)),
        "all capitals": (paragraph.upper(), len(words)),
        "CJK script": (cjk, len(cjk) // 2),
    }


def naive_detect(patterns, texts):
    """The baseline: every cue spelling its own regex, run over every block."""
    found = set()
    for text in texts:
        for issue_id, pattern in patterns:
            if pattern.search(text):
                found.add(issue_id)
    return found


def naive_patterns(taxonomy):
    patterns = []
    for issue in taxonomy.issues:
        for cue in (*issue.cues, *issue.weak_cues):
            for form in variants(cue, inflect=True):
                patterns.append((issue.id, re.compile(r"\b" + re.escape(form) + r"\b", re.IGNORECASE)))
    return patterns


def rate(words: int, seconds: float) -> str:
    return f"{words / seconds:>12,.0f} words/s"


def main() -> None:
    min_words = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    articles, words = make_articles(min_words)
    blocks = [([b.text for b in a.blocks], [b.kind for b in a.blocks]) for a in articles]
    print(f"{len(articles):,} articles, {words:,} words")

    with tempfile.TemporaryDirectory() as folder:
        analyser = Analyser.for_library(Path(folder))
        analyser.analyse_texts(*blocks[0])  # build the gazetteer and the cue automaton first
        taxonomy = analyser.taxonomy

        start = time.process_time()
        for texts, kinds in blocks:
            analyser.analyse_texts(texts, kinds)
        full = time.process_time() - start

        start = time.process_time()
        for texts, kinds in blocks:
            detect(taxonomy, texts, (), kinds)
        issues_only = time.process_time() - start

        mentions = [analyser.recogniser.find(texts) for texts, _ in blocks]
        start = time.process_time()
        for (texts, _), found in zip(blocks, mentions):
            find_quotes(texts, found)
        quotes_only = time.process_time() - start

        sample = blocks[: max(1, len(blocks) // 20)]
        sample_words = sum(len(t.split()) for texts, _ in sample for t in texts)
        patterns = naive_patterns(taxonomy)
        start = time.process_time()
        for texts, _ in sample:
            naive_detect(patterns, texts)
        naive = time.process_time() - start

        for article in articles:
            analyser.analyse(article)  # fill the cache
        start = time.process_time()
        for article in articles:
            analyser.analyse(article)  # now read back from the cache files
        cached = time.process_time() - start
        assert all(analyser.cached(a.content_hash) for a in articles)

        odd = {}
        for name, (text, count) in odd_texts(articles).items():
            start = time.process_time()
            analyser.analyse_plain_text(text)
            odd[name] = (count, time.process_time() - start)

    print(f"full analysis (entities, issues, quotes): {rate(words, full)}   target {TARGET:,}: {words / full / TARGET:.2f}x")
    for name, (count, seconds) in odd.items():
        print(f"  {name + ':':<32} {rate(count, seconds)}   target: {count / seconds / TARGET:.2f}x")
    print(f"issue detection alone:             {rate(words, issues_only)}")
    print(f"quote detection alone:             {rate(words, quotes_only)}  ({quotes_only / full:.0%} of the full analysis)")
    print(f"baseline, a regex per cue spelling: {rate(sample_words, naive)}  ({len(patterns):,} patterns, {sample_words:,} words)")
    print(f"  one-pass detection is {(words / issues_only) / (sample_words / naive):.0f}x the baseline")
    print(f"opening a cached analysis:         {cached / len(articles) * 1000:.2f} ms per article "
          f"({rate(words, cached)}, {full / cached:.1f}x faster than analysing)")
    print(f"shipped taxonomy: {len(Taxonomy.shipped().issues)} issues")


if __name__ == "__main__":
    main()
