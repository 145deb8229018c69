"""Benchmark: `cuttings import DIR` on 2,000 web-text files, then `cuttings list` on the result.

The files have the shape of text copied from news pages (headline, standfirst, dateline,
byline, captions with credits, bullets, headings, page furniture). Baselines, measured in the
same run and the same way (a fresh Python process each): reading and parsing the same files
without storing them, and the floor of safe storage (parse, then one atomic write per article
file), for the import; starting the command line (`cuttings --help`), for list.

Run: python tests/perf/bench_import.py [N]
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.perf.corpus import make_corpus  # noqa: E402

DATE_FORMATS = ("%d %B %Y", "%B %d, %Y", "Published %d %b %Y %H:%M", "%Y-%m-%d")
FURNITURE = ("Advertisement", "Share this article", "Sign up for our newsletter", "Read more: Another story")


def web_text(article, rng: random.Random) -> str:
    """One article as a person's copy of a news page."""
    lines = [article.title, "", article.standfirst, article.date.strftime(rng.choice(DATE_FORMATS))]
    if article.author:
        lines.append(f"By {article.author}")
    lines += ["", "Getting your audio player ready...", "",
              f"{article.blocks[-1].text.split('. ')[0]}. (Photo by Staff / {rng.choice(['AFP', 'REUTERS', 'POOL / AFP'])})", ""]
    for block in article.blocks:
        prefix = {"bullet": "• ", "quote": "", "heading": ""}.get(block.kind, "")
        lines += [prefix + block.text, ""]
        if rng.random() < 0.05:
            lines += [rng.choice(FURNITURE), ""]
    return "\n".join(lines)


def make_files(folder: Path, n: int) -> None:
    """The generated benchmark articles (tests/perf/corpus.py), each written out as web text."""
    rng = random.Random(7)
    for number, article in enumerate(make_corpus(folder.parent / "corpus", n, seed=7).articles()):
        (folder / f"page-{number:05d}.txt").write_text(web_text(article, rng), encoding="utf-8")


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {result.stderr.strip()[-500:]}")
    return elapsed


def main(n: int) -> None:
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        files, library = Path(tmp, "pages"), Path(tmp, "library")
        files.mkdir()
        make_files(files, n)
        parse_only = timed([python, "-c", (
            "import sys; from library.importing import iter_files; from library.importers import read_articles\n"
            "for path in iter_files([sys.argv[1]]): read_articles(path)"
        ), str(files)])
        write_floor = timed([python, "-c", (
            "import sys; from pathlib import Path; from library.importing import iter_files\n"
            "from library.importers import read_articles; from library.articlefile import dump_article\n"
            "from library.fileio import atomic_write\n"
            "for path in iter_files([sys.argv[1]]):\n"
            "    for a in read_articles(path): atomic_write(Path(sys.argv[2], a.with_id().id + '.md'), dump_article(a))"
        ), str(files), str(Path(tmp, "floor"))])
        cli = [python, "-m", "tui.cli", "--library", str(library)]
        imported = timed([*cli, "import", str(files)])
        stored = len(os.listdir(library / "articles"))
        startup = timed([*cli, "--help"])
        listed = timed([*cli, "list"])
        listed_warm = timed([*cli, "list"])
    print(f"files: {n} web-text pages, {stored} articles stored")
    print(f"baseline, read + parse only:   {parse_only:7.2f} s")
    print(f"floor, parse + atomic write:   {write_floor:7.2f} s")
    print(f"cuttings import DIR:           {imported:7.2f} s   ratio to baseline {imported / parse_only:5.1f}x"
          f"   to floor {imported / write_floor:4.1f}x   ({1000 * imported / n:.1f} ms per file)")
    print(f"baseline, cuttings --help:     {startup:7.2f} s")
    print(f"cuttings list (first):         {listed:7.2f} s   ratio to baseline {listed / startup:5.1f}x")
    print(f"cuttings list (again):         {listed_warm:7.2f} s   ratio to baseline {listed_warm / startup:5.1f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
