"""`cuttings list`, `cuttings show ID` and `cuttings remove ID`."""

from __future__ import annotations

import sys

from library.safetext import visible

from ..console import CommandError, console, error_console, print_fields, print_json


def register(sub) -> None:
    p = sub.add_parser("list", help="list the library's articles, newest first")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.add_argument("--collection", metavar="NAME", help="only the articles of a smart collection (cuttings collections)")
    p.set_defaults(func=run_list)

    p = sub.add_parser("show", help="print an article")
    p.add_argument("id")
    p.add_argument("--json", action="store_true", help="the article as one JSON object")
    p.set_defaults(func=run_show)

    p = sub.add_parser("remove", help="remove an article from the library")
    p.add_argument("id")
    p.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=run_remove)


def open_library(args):
    from library.store import Library

    return Library(args.library_root)


def run_list(args) -> int:
    from rich.table import Table
    from rich.text import Text

    library = open_library(args)
    entries = library.verify()
    for problem in library.problems:
        error_console.print(Text("skipped ", "yellow").append(problem))  # stdout stays records only
    if args.collection:
        from .collections import collection_filter

        entries = collection_filter(library, args.collection).apply(entries)
    if args.json:
        for e in entries:
            print_json({"id": e.id, "date": e.date, "source": e.source, "title": e.title})
        return 0
    if not entries:
        console.print(f"The library at {library.root} is empty. Import articles with: cuttings import PATH", markup=False)
        return 0
    if not sys.stdout.isatty():
        for e in entries:
            print_fields(e.id, e.date or "-", e.source or "-", e.title)
        return 0
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("id", "date", "source", "title"):
        table.add_column(column, overflow="fold" if column == "title" else "ellipsis")
    for e in entries:
        table.add_row(e.id, e.date or "-", e.source or "-", e.title)
    console.print(table)
    return 0


def get_article(library, article_id: str):
    from library.articlefile import ArticleFileError
    from library.store import ArticleNotFound

    try:
        return library.get(article_id)
    except ArticleNotFound as exc:
        raise CommandError(f"{exc} in {library.root}") from None
    except ArticleFileError as exc:
        raise CommandError(str(exc)) from None


def run_show(args) -> int:
    from rich.text import Text

    library = open_library(args)
    article = get_article(library, args.id)
    if args.json:
        print_json(article.to_json())
        return 0
    console.print(Text(article.title, style="bold"))
    meta = " · ".join(x for x in (article.date.isoformat() if article.date else "", article.source, article.author) if x)
    if meta:
        console.print(Text(meta, style="dim"))
    if article.url:
        console.print(Text(article.url, style="dim"))
    if article.standfirst:
        console.print(Text(article.standfirst, style="italic"))
    styles = {"heading": "bold", "caption": "dim italic", "quote": "italic"}
    for block in article.blocks:
        console.print()
        prefix = "• " if block.kind == "bullet" else ("│ " if block.kind == "quote" else "")
        console.print(Text(prefix + block.text, style=styles.get(block.kind, "")))
    return 0


def run_remove(args) -> int:
    from library.annotations import Annotations, AnnotationError

    from ..sync import command_changed

    library = open_library(args)
    article = get_article(library, args.id)
    annotations = Annotations(library)
    tagged = len(annotations.for_article(args.id))
    kept = (f"; its {tagged} tagged passage{'s are' if tagged != 1 else ' is'} kept as "
            f"orphan{'s' if tagged != 1 else ''} (cuttings tags --orphans)") if tagged else ""
    if not args.yes:
        if not sys.stdin.isatty():
            raise CommandError(f"not removing {args.id}: confirm with --yes when not at a terminal")
        answer = input(visible(f"Remove “{article.title}” ({args.id}){kept}? [y/N] "))
        if answer.strip().lower() not in ("y", "yes"):
            console.print("Kept.")
            return 0
    if tagged:
        try:
            annotations.keep_article_details(args.id)
        except (AnnotationError, OSError) as exc:
            raise CommandError(f"not removing {args.id}: {exc}") from None
    library.remove(args.id)
    command_changed(library, f"removed {args.id}", removed=(args.id,))
    console.print(f"removed {args.id}{kept}", markup=False)
    return 0
