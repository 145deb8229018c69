"""`cuttings analyze FILE... [--json]`: entities and issues of files, without importing them.

Files are read exactly as `cuttings import` reads them (any encoding; HTML, Markdown and feeds
parsed into articles), so what analyze shows is what an import would find. This is also the
scripting and evaluation interface: with --json a plain text file gives one line whose offsets
are code points into the file's text as decoded (a byte-order mark dropped, line ends as "\n"),
so a script can slice the text with them; any other format gives one line per article, with
offsets into the article's blocks. A file that cannot be read gets a one-line error; the other
files still run.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..console import console, fail, print_json
from .issues import issue_json, print_warnings, show_issues


def register(sub) -> None:
    p = sub.add_parser("analyze", help="show the entities and issues of files (text, Markdown, HTML, RSS/Atom) without importing them")
    p.add_argument("files", nargs="+", metavar="FILE", help="files in any format `cuttings import` takes")
    p.add_argument("--json", action="store_true", help="one JSON object per text file or article, with offsets")
    p.set_defaults(func=run_analyze)


def run_analyze(args) -> int:
    from library.analysis import Analyser
    from library.importers import ImportFailure, parse_articles, read_file

    analyser = Analyser.for_library(args.library_root, cache=False)
    failed = 0
    for name in args.files:
        try:
            text, kind = read_file(Path(name))
            articles = [] if kind == "text" else parse_articles(text, kind, Path(name))
        except ImportFailure as exc:
            failed += fail(f"{name}: {exc.reason}")
            continue
        if kind == "text":
            found = analyser.analyse_plain_text(text)
            _report(name, None, len(text.split()), found, args.json)
        for article in articles:
            words = sum(len(b.text.split()) for b in article.blocks)
            _report(name, article.title, words, analyser.analyse(article), args.json)
    print_warnings(analyser.warnings)
    return 1 if failed else 0


def _report(name: str, title: str | None, words: int, found, as_json: bool) -> None:
    """One file's (or one article's) findings; offsets carry their block for an article."""
    if not as_json:
        _show(name if title is None else f"{name} · {title}", words, found)
        return
    blocks = title is not None
    entities = [{"start": m.start, "end": m.end, "text": m.text, "kind": m.kind, "canonical": m.canonical} for m in found.entities]
    if blocks:
        entities = [{"block": m.block, **e} for m, e in zip(found.entities, entities)]
    print_json({
        "file": name,
        **({"title": title} if blocks else {}),
        "entities": entities,
        "issues": [issue_json(h, blocks=blocks) for h in found.issues],
    })


def _show(name: str, words: int, found) -> None:
    from rich.table import Table
    from rich.text import Text

    console.print(Text(f"── {name} · {words:,} words", style="bold"))
    console.print(Text("Issues", style="bold underline"))
    show_issues(found.issues)
    console.print(Text("Entities", style="bold underline"))
    if not found.entities:
        console.print(Text("No names found.", style="dim"))
        return
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column("kind", style="bold", no_wrap=True)
    table.add_column("names", overflow="fold")
    for kind in ("person", "org", "place"):
        counts = Counter(m.canonical for m in found.entities if m.kind == kind)
        if counts:
            names = ", ".join(f"{name} ({n})" if n > 1 else name for name, n in counts.most_common())
            table.add_row(kind, Text(names))
    console.print(table)
