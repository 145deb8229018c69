"""Score the recogniser on the entity dev data (Wikinews articles with gold names).

Writes <doc>.pred.json for every article of ../shared/ner-dev/gum-news into a folder and runs
the data's own scorer on it:  python tests/perf/ner_dev.py [DEV_DIR] [PRED_DIR]
Each line of an article is one block, as the dev texts put one sentence on a line.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from library.entities.recogniser import Recogniser

DEV = Path(__file__).resolve().parents[3] / "shared" / "ner-dev"


def predict(text: str, recogniser: Recogniser) -> list[dict]:
    lines = text.split("\n")
    offsets, at = [], 0
    for line in lines:
        offsets.append(at)
        at += len(line) + 1
    return [{"start": offsets[m.block] + m.start, "end": offsets[m.block] + m.end, "kind": m.kind,
             "text": m.text, "canonical": m.canonical} for m in recogniser.find(lines)]


def main(argv: list[str]) -> int:
    dev = Path(argv[0]) if argv else DEV
    out = Path(argv[1]) if len(argv) > 1 else Path(tempfile.mkdtemp(prefix="ner-dev-"))
    out.mkdir(parents=True, exist_ok=True)
    recogniser = Recogniser.for_library(None)
    for path in sorted((dev / "gum-news").glob("*.txt")):
        spans = predict(path.read_text(encoding="utf-8"), recogniser)
        (out / f"{path.stem}.pred.json").write_text(json.dumps(spans, ensure_ascii=False), encoding="utf-8")
    print(f"predictions in {out}")
    return subprocess.call([sys.executable, str(dev / "score.py"), str(dev / "gum-news"), str(out)])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
