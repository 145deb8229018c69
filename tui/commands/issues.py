"""`cuttings issues [ID] [--by month] [--json]`: the issues of one article, or across the library."""

from __future__ import annotations

from ..console import CommandError, console, error_console, print_json


def register(sub) -> None:
    p = sub.add_parser("issues", help="the issues an article discusses, or issue counts across the library")
    p.add_argument("id", nargs="?", help="an article id (see `cuttings list`); leave out for library-wide counts")
    p.add_argument("--by", choices=["month"], help="count articles per issue per month")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(func=run_issues)


def run_issues(args) -> int:
    from library.analysis import Analyser

    from .articles import open_library

    if args.id and args.by:
        raise CommandError("--by month counts the whole library; leave out the article id")
    library = open_library(args)
    analyser = Analyser.for_library(library.root)
    if args.id:
        code = _article_issues(library, analyser, args)
    elif args.by:
        code = _by_month(library, analyser, args.json)
    else:
        code = _counts(library, analyser, args.json)
    print_warnings(analyser.warnings)
    return code


def print_warnings(warnings: list[str]) -> None:
    for warning in warnings:
        error_console.print(f"warning: {warning}", markup=False, highlight=False, soft_wrap=True)


def issue_json(hit, blocks: bool = True) -> dict:
    """An issue hit for scripts; passages carry their block unless offsets are into a whole file."""
    passages = [{"block": p.block, "start": p.start, "end": p.end, "text": p.text} for p in hit.passages]
    if not blocks:
        passages = [{k: v for k, v in p.items() if k != "block"} for p in passages]
    return {"id": hit.id, "label": hit.label, "score": hit.score, "passages": passages}


def _article_issues(library, analyser, args) -> int:
    from rich.text import Text

    from .articles import get_article

    article = get_article(library, args.id)
    hits = analyser.analyse(article).issues
    if args.json:
        print_json({"id": article.id, "title": article.title, "issues": [issue_json(h) for h in hits]})
        return 0
    console.print(Text(article.title, style="bold"))
    show_issues(hits)
    return 0


def show_issues(hits, passages: int = 3) -> None:
    """Each issue with a strength bar and its passage count, then its first passages."""
    from rich.padding import Padding
    from rich.text import Text

    from library.model import clean_text

    if not hits:
        console.print(Text("No issues found.", style="dim"))
        return
    width = max(len(h.label) for h in hits)
    for hit in hits:
        filled = round(hit.score * 10)
        count = len(hit.passages)
        line = Text(hit.label.ljust(width + 2), style="bold")
        line.append("█" * filled, style="green").append("░" * (10 - filled), style="dim")
        line.append(f" {hit.score:.2f}  ").append(f"{count} passage{'s' if count != 1 else ''}", style="dim")
        console.print(line)
        for passage in hit.passages[:passages]:
            console.print(Padding(Text(f"“{clean_text(passage.text)}”", style="italic"), (0, 0, 0, 4)))


def _counts(library, analyser, as_json: bool) -> int:
    from library.analysis import library_issue_counts
    from rich.table import Table

    counts = library_issue_counts(library, analyser)
    rows = [(i.id, i.label, counts.get(i.id, 0)) for i in analyser.taxonomy.issues]
    rows.sort(key=lambda r: (-r[2], r[1]))
    if as_json:
        for issue_id, label, n in rows:
            print_json({"id": issue_id, "label": label, "articles": n})
        return 0
    if not library.entries():
        console.print(f"The library at {library.root} is empty. Import articles with: cuttings import PATH", markup=False)
        return 0
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("id", "issue", "articles"):
        table.add_column(column, justify="right" if column == "articles" else "left")
    for issue_id, label, n in rows:
        table.add_row(issue_id, label, str(n), style=None if n else "dim")
    console.print(table)
    return 0


def _by_month(library, analyser, as_json: bool) -> int:
    from library.analysis import issue_counts_by_month, month_range
    from rich.table import Table
    from rich.text import Text

    by_issue = issue_counts_by_month(library, analyser)
    labels = {i.id: i.label for i in analyser.taxonomy.issues}
    order = sorted(by_issue, key=lambda i: (-sum(by_issue[i].values()), labels.get(i, i)))
    if as_json:
        for issue_id in order:
            months = dict(sorted(by_issue[issue_id].items()))
            print_json({"id": issue_id, "label": labels.get(issue_id, issue_id), "months": months})
        return 0
    if not by_issue:
        console.print("No issues found in the library yet.", markup=False)
        return 0
    months = month_range({m for counts in by_issue.values() for m in counts if m != "undated"})
    if any("undated" in counts for counts in by_issue.values()):
        months.append("undated")
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("month", no_wrap=True)
    table.add_column("articles per issue", overflow="fold")
    for month in months:
        counts = sorted(((by_issue[i].get(month, 0), i) for i in order), key=lambda c: -c[0])
        cell = " · ".join(f"{labels.get(i, i)} {n}" for n, i in counts if n)
        table.add_row(month, Text(cell) if cell else Text("-", style="dim"))
    console.print(table)
    return 0
