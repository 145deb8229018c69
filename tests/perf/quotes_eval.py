"""Quote detection against hand annotations: precision and recall of quote spans and speakers.

The annotations (tests/perf/quotes_gold.json) hold only offsets and speakers: for ten demo
articles (keyed by article id and content hash) and for the seed article, which stays in
../shared/samples/ and is keyed by the SHA-256 of its text (its offsets are into the blocks of
`library.analysis.text_blocks`). Annotated: direct quotes (the words inside the quotation
marks, at least three words, or a line set apart as a pull quote) and indirect quotes (the
reported clause after or before a speech verb, "according to"), with the speaker's canonical
entity name, or "" when the article names nobody ("officials said", "both sides said").

A found quote matches an annotated one when they share a block and overlap by at least half of
the shorter span (`--exact` reports exact spans too). Speaker precision counts found quotes that
name a speaker: those whose speaker is the annotated one; speaker recall counts annotated
quotes with a named speaker: those found with that speaker.

Run: python tests/perf/quotes_eval.py [--verbose]
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from library.analysis import Analyser, text_blocks  # noqa: E402
from library.importing import import_paths  # noqa: E402
from library.store import Library  # noqa: E402

GOLD = Path(__file__).with_name("quotes_gold.json")
SEED = ROOT.parent.parent / "shared" / "samples" / "xi-blinken-beijing-2023.txt"
SEED_FALLBACK = Path("/work/shared/samples/xi-blinken-beijing-2023.txt")


def overlap(a, b) -> bool:
    if a[0] != b[0]:
        return False
    shared = min(a[2], b[2]) - max(a[1], b[1])
    return shared > 0 and shared >= 0.5 * min(a[2] - a[1], b[2] - b[1])


def score(pairs, verbose: bool) -> dict:
    """pairs: (name, texts, gold rows, found rows); rows are (block, start, end, speaker)."""
    t = dict(found=0, gold=0, matched_found=0, matched_gold=0, exact=0, named_found=0, right_found=0,
             named_gold=0, right_gold=0)
    for name, texts, gold, found in pairs:
        t["found"] += len(found)
        t["gold"] += len(gold)
        for f in found:
            g = next((g for g in gold if overlap(f, g)), None)
            t["matched_found"] += g is not None
            t["exact"] += g is not None and tuple(g[:3]) == tuple(f[:3])
            if f[3]:
                t["named_found"] += 1
                t["right_found"] += g is not None and g[3] == f[3]
            if verbose and (g is None or g[3] != f[3]):
                print(f"  {name} found {f[:3]} {f[3]!r}, annotated {g[3] if g else None!r}: {texts[f[0]][f[1]:f[2]][:70]!r}")
        for g in gold:
            f = next((f for f in found if overlap(f, g)), None)
            t["matched_gold"] += f is not None
            if g[3]:
                t["named_gold"] += 1
                t["right_gold"] += f is not None and f[3] == g[3]
            if verbose and f is None:
                print(f"  {name} missed {tuple(g[:3])} {g[3]!r}: {texts[g[0]][g[1]:g[2]][:70]!r}")
    return t


def ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def report(label: str, t: dict) -> None:
    print(f"{label}: {t['gold']} annotated, {t['found']} found")
    print(f"  spans     precision {ratio(t['matched_found'], t['found']):.3f}  recall {ratio(t['matched_gold'], t['gold']):.3f}"
          f"  (exact spans: {t['exact']} of {t['found']})")
    print(f"  speakers  precision {ratio(t['right_found'], t['named_found']):.3f} ({t['right_found']}/{t['named_found']})"
          f"  recall {ratio(t['right_gold'], t['named_gold']):.3f} ({t['right_gold']}/{t['named_gold']})")


def rows(quotes) -> list[tuple]:
    return [(q.block, q.start, q.end, q.speaker) for q in quotes]


def main() -> int:
    verbose = "--verbose" in sys.argv
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    pairs, seed_pairs = [], []
    with tempfile.TemporaryDirectory() as folder:
        library = Library(Path(folder) / "lib").ensure()
        for _ in import_paths(library, [ROOT / "library" / "demo"]):
            pass
        analyser = Analyser.for_library(library.root, cache=False)
        for item in gold["demo"]:
            article = library.get(item["id"])
            if article.content_hash != item["hash"]:
                print(f"{item['id']}: the demo article changed since it was annotated; annotate it again")
                return 1
            texts = [b.text for b in article.blocks]
            pairs.append((item["id"][:24], texts, item["quotes"], rows(analyser.analyse(article).quotes)))
        seed = SEED if SEED.exists() else SEED_FALLBACK
        text = seed.read_text(encoding="utf-8")
        if hashlib.sha256(text.encode()).hexdigest() != gold["seed"]["sha256"]:
            print(f"{seed}: not the annotated text")
            return 1
        texts = [b.text for b in text_blocks(text)]
        seed_pairs.append(("seed", texts, gold["seed"]["quotes"], rows(analyser.analyse_texts(texts).quotes)))
    demo, seed_t = score(pairs, verbose), score(seed_pairs, verbose)
    report(f"demo ({len(pairs)} articles)", demo)
    report("seed (xi-blinken-beijing-2023)", seed_t)
    report("all", {k: demo[k] + seed_t[k] for k in demo})
    return 0


if __name__ == "__main__":
    sys.exit(main())
