"""`cuttings entity NAME [--json|--csv]`: one entity's page: kind and aliases, mentions per month,
the entities and issues seen with it more than chance, and its articles."""

from __future__ import annotations

import sys

from ..console import CommandError, console, print_json
from .issues import print_warnings

BAR = 24
RELATED = 15  # rows of the "seen with" table


def register(sub) -> None:
    p = sub.add_parser("entity", help="one person, organisation or place across the library")
    p.add_argument("name", help="its name or any spelling of it (quote names with spaces)")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="the page as one JSON object")
    out.add_argument("--csv", action="store_true", help="the page as CSV: one row per alias, period, related name and article")
    p.set_defaults(func=run_entity)


def run_entity(args) -> int:
    from library.analysis import Analyser
    from library.beat.entity_page import UnknownEntity, entity_page
    from library.safetext import visible

    from .articles import open_library

    library = open_library(args)
    analyser = Analyser.for_library(library.root)
    from library.quotes.corrections import QuotesFileError

    try:
        page = entity_page(library, analyser, args.name)
    except QuotesFileError as exc:
        raise CommandError(str(exc)) from None
    except UnknownEntity as exc:
        hint = f"; did you mean {', '.join(repr(visible(c)) for c in exc.close)}?" if exc.close else ""
        raise CommandError(f"no entity named {visible(args.name)!r} in the library{hint}") from None
    if args.json:
        print_json(page.to_json())
    elif args.csv:
        from library.export.views import csv_text

        sys.stdout.write(visible(csv_text(page.COLUMNS, page.table()), lines=True))
    else:
        _show(page)
    print_warnings(analyser.warnings)
    return 0


def _show(page) -> None:
    from rich.table import Table
    from rich.text import Text

    head = Text(page.name, style="bold").append(f"  {page.kind}", style="cyan")
    if page.kinds:
        head.append("  (also: " + ", ".join(f"{k} in {n}" for k, n in page.kinds.items() if k != page.kind) + ")", style="dim")
    console.print(head)
    if page.aliases:
        console.print(Text("also written " + ", ".join(page.aliases), style="dim"))
    console.print(Text("\nMentions by month", style="bold"))
    most = max(a for a, _ in page.months.values())
    months = Table(box=None, pad_edge=False, show_header=False)
    for justify in ("left", "left", "right", "right"):
        months.add_column(justify=justify, no_wrap=True)
    for month, (articles, mentions) in page.months.items():
        months.add_row(month, Text("█" * max(1, round(BAR * articles / most)), style="green"), str(articles), f"{mentions} mention{'s' if mentions != 1 else ''}")
    console.print(months)
    console.print(Text("\nSeen with (more often than chance)", style="bold"))
    if page.related:
        related = Table(box=None, pad_edge=False, header_style="bold")
        for column in ("name", "kind", "together", "lift"):
            related.add_column(column, justify="left" if column in ("name", "kind") else "right")
        for r in page.related[:RELATED]:
            related.add_row(Text(r.name), r.kind, f"{r.together} of {r.articles}", f"{r.lift:.1f}×")
        console.print(related)
    else:
        console.print(Text("nothing seen with it in two articles or more", style="dim"))
    _show_quotes(page.quotes)
    console.print(Text(f"\nArticles ({len(page.articles)})", style="bold"))
    width = max(len(article_id) for article_id, _, _ in page.articles)
    lines = [Text(f"{article_id:<{width}}  {date or 'undated':<10}  ").append(Text(title)) for article_id, date, title in page.articles]
    console.print(Text("\n").join(lines), no_wrap=True, overflow="ellipsis")  # one Text: a table of thousands of rows is slow


def _show_quotes(quotes) -> None:
    from rich.text import Text

    from .quotes import show_quote

    console.print(Text(f"\nQuotes ({len(quotes)})", style="bold"))
    for article_id, q in quotes:
        show_quote(article_id, q)
    if not quotes:
        console.print(Text("no quotes found", style="dim"))
