"""`cuttings search QUERY`: ranked hits from the library's index, for people and scripts.

Imports stay inside the run function and never reach textual, so a search from a script costs
little more than starting Python and Whoosh.
"""

from __future__ import annotations

import sys

from ..console import CommandError, console, error_console, print_json


def register(sub) -> None:
    p = sub.add_parser("search", help="search the library (words, \"phrases\", OR, -word, field:value)")
    p.add_argument("query", nargs="?", help='the query, or - to read one query per line from standard input (with --json)')
    p.add_argument("--collection", metavar="NAME", help="search within a smart collection (cuttings collections)")
    p.add_argument("--json", action="store_true", help="one JSON object per query")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits (default 20)")
    p.add_argument("--sort", choices=("relevance", "date"), default="relevance", help="ranking (default relevance)")
    p.set_defaults(func=run_search)


def existing_library(args):
    """The library to index; a folder without articles is an error, not a place to create one."""
    from library.store import Library

    library = Library(args.library_root)
    if not library.articles_dir.is_dir():
        raise CommandError(f"no library at {library.root} (add articles with: cuttings import PATH)")
    return library


def run_search(args) -> int:
    from index import QueryError, open_index

    if args.limit < 1:
        raise CommandError("--limit must be at least 1")
    library = existing_library(args)
    if args.collection:
        from .collections import collection_query

        args.query = collection_query(library, args.collection, args.query)
    elif not args.query:
        raise CommandError("search needs a QUERY (or --collection NAME)")
    index = open_index(library)
    for notice in index.notices:
        error_console.print(notice, markup=False, soft_wrap=True)
    if args.query == "-":
        if not args.json:
            raise CommandError("reading queries from standard input needs --json")
        for line in sys.stdin:
            if line.strip():
                try:
                    print_json(index.search(line.strip(), args.limit, args.sort).to_json())
                except QueryError as exc:
                    print_json({"query": line.strip(), "error": str(exc)})
                sys.stdout.flush()
        return 0
    try:
        result = index.search(args.query, args.limit, args.sort)
    except QueryError as exc:
        raise CommandError(str(exc)) from None
    if args.json:
        print_json(result.to_json())
    else:
        show(result)
    return 0 if result.total else 1


def show(result) -> None:
    from rich.text import Text

    for hit in result.hits:
        head = Text()
        head.append(hit.title or hit.id, style="bold")
        meta = " · ".join(x for x in (hit.date or "", hit.source) if x)
        if meta:
            head.append(f"  {meta}", style="dim")
        console.print(head)
        snippet = Text(hit.snippet)
        for start, end in hit.highlights:
            snippet.stylize("bold reverse", start, end)
        console.print(Text("  ").append(snippet))
        console.print(Text(f"  {hit.id}  block {hit.block}", style="dim"))
    summary = f"{result.total} match{'es' if result.total != 1 else ''} ({result.took_ms:.0f} ms)"
    if result.total > len(result.hits):
        summary += f", showing {len(result.hits)}"
    console.print(Text(summary, style="dim"))
    if result.suggestion:
        console.print(Text(f"did you mean: {result.suggestion}", style="yellow"))
