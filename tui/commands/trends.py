"""`cuttings trends [--issue ID]... [--source NAME]... [--by day|week|month] [--json|--csv]`:
attention per issue over time, in articles and evidence passages; outlets side by side for one issue."""

from __future__ import annotations

import sys

from ..console import CommandError, console, print_json
from .issues import print_warnings



def register(sub) -> None:
    p = sub.add_parser("trends", help="attention per issue over time, and outlets side by side for one issue")
    p.add_argument("--issue", action="append", default=[], metavar="ID", help="an issue id or label (repeatable; default: all)")
    p.add_argument("--source", action="append", default=[], metavar="NAME", help="only articles from this outlet (repeatable)")
    p.add_argument("--by", choices=["day", "week", "month"], default="month", help="period to count by (default: month)")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="one JSON object per issue, period (and outlet)")
    out.add_argument("--csv", action="store_true", help="CSV with a header row")
    p.set_defaults(func=run_trends)


def run_trends(args) -> int:
    from library.analysis import Analyser
    from library.beat.trends import trends

    from .articles import open_library

    library = open_library(args)
    analyser = Analyser.for_library(library.root)
    issues = _issue_ids(analyser.taxonomy, args.issue) if args.issue else None
    split = issues is not None and len(issues) == 1
    rows = trends(library, analyser, issues, args.source or None, args.by, split_sources=split)
    if args.json:
        for row in rows:
            print_json(row.to_json())
    elif args.csv:
        _csv(rows)
    elif not rows:
        console.print(_nothing(library, args), markup=False)
    else:
        _chart(rows)
    print_warnings(analyser.warnings)
    return 0


def _issue_ids(taxonomy, names: list[str]) -> list[str]:
    """Issue ids for the names given; a name that matches no issue is an error naming it."""
    ids: list[str] = []
    for name in names:
        found = taxonomy.named(name)
        if not found:
            known = ", ".join(i.id for i in taxonomy.issues)
            raise CommandError(f"no issue named {name!r}; issues are: {known}")
        ids.extend(i for i in found if i not in ids)
    return ids


def _nothing(library, args) -> str:
    if not library.entries():
        return f"The library at {library.root} is empty. Import articles with: cuttings import PATH"
    if args.source:
        return f"No issues found in articles from {', '.join(args.source)}."
    return "No articles discuss these issues." if args.issue else "No issues found in the library yet."


def _csv(rows) -> None:
    from library.beat.trends import trend_table
    from library.export.views import csv_text
    from library.safetext import visible

    columns, table = trend_table(rows)
    sys.stdout.write(visible(csv_text(columns, table), lines=True))


def _chart(rows) -> None:
    """One line per issue (or per outlet, for one issue): a sparkline of articles per period,
    scaled to the busiest period of all lines, then the totals."""
    from rich.table import Table
    from rich.text import Text

    most = max(r.articles for r in rows) or 1
    series: dict[tuple, list] = {}
    for row in rows:
        series.setdefault((row.label, row.source), []).append(row)
    periods = [r.period for r in next(iter(series.values()))]
    one_issue = len({label for label, _ in series}) == 1
    if one_issue:
        console.print(Text(rows[0].label, style="bold"))
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("outlet" if one_issue and rows[0].source is not None else "issue")
    table.add_column(f"{periods[0]} … {periods[-1]}" if len(periods) > 1 else periods[0], no_wrap=True)
    table.add_column("articles", justify="right")
    table.add_column("passages", justify="right")
    for (label, source), found in series.items():
        line = Text()
        for row in found:
            level = round(len(SPARKS) * row.articles / most)
            line.append(SPARKS[level - 1] if row.articles else "·", style="green" if row.articles else "dim")
        name = source if one_issue and source is not None else label
        table.add_row(Text(name), line, str(sum(r.articles for r in found)), str(sum(r.passages for r in found)))
    console.print(table)


SPARKS = "▁▂▃▄▅▆▇█"
