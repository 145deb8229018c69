"""`cuttings check [--fix]`: is the search index in step with the library?"""

from __future__ import annotations

from ..console import console, error_console
from .search import existing_library


def register(sub) -> None:
    p = sub.add_parser("check", help="find articles missing from or out of date in the search index")
    p.add_argument("--fix", action="store_true", help="re-index those articles")
    p.set_defaults(func=run_check)


def run_check(args) -> int:
    from index import open_index

    library = existing_library(args)
    index = open_index(library)
    for line in (*index.notices, *library.problems):
        error_console.print(line, markup=False, soft_wrap=True)
    missing, stale = index.check()
    orphans = index.orphans()
    for label, ids in (("missing from the index", missing), ("out of date in the index", stale), ("indexed but no longer in the library", orphans)):
        for article_id in ids:
            console.print(f"{label}: {article_id}", markup=False)
    if not (missing or stale or orphans):
        console.print(f"search index is up to date ({len(library.entries())} articles)", markup=False)
        return 0
    if args.fix:
        index.update(changed=[*missing, *stale], removed=orphans)
        console.print(f"fixed {len(missing) + len(stale) + len(orphans)} articles", markup=False)
        return 0
    console.print("run `cuttings check --fix` to bring the index up to date", markup=False)
    return 1
