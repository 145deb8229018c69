"""`cuttings collections`: smart collections (saved queries) with their live counts.

    cuttings collections [--json]            each with unread / all articles, pinned first
    cuttings collections add NAME QUERY      save a query (the query is checked first)
    cuttings collections remove NAME
    cuttings collections pin NAME | unpin NAME
"""

from __future__ import annotations

from ..console import CommandError, console, error_console, print_fields, print_json


def register(sub) -> None:
    p = sub.add_parser("collections", help="smart collections: saved queries with live counts (add, remove, pin, unpin)")
    p.add_argument("action", nargs="?", choices=("add", "remove", "pin", "unpin"), help="change the collections (default: list them)")
    p.add_argument("name", nargs="?", help="the collection's name")
    p.add_argument("query", nargs="?", help="for add: the search query to save")
    p.add_argument("--json", action="store_true", help="one JSON object per collection")
    p.set_defaults(func=run_collections)


def open_collections(args):
    from library.smartcollections import Collections
    from library.store import Library

    return Library(args.library_root), Collections(Library(args.library_root))


def run_collections(args) -> int:
    from library.smartcollections import CollectionsError

    library, collections = open_collections(args)
    try:
        if args.action is None:
            return show(library, collections, args.json)
        if not args.name:
            raise CommandError(f"collections {args.action} needs a NAME")
        if args.action == "add":
            return add(collections, args.name, args.query)
        if args.action == "remove":
            gone = collections.remove(args.name)
            console.print(f"Removed collection {gone.name} ({gone.query})", markup=False)
        else:
            changed = collections.pin(args.name, args.action == "pin")
            console.print(f"{'Pinned' if changed.pinned else 'Unpinned'} collection {changed.name}", markup=False)
    except CollectionsError as exc:
        raise CommandError(str(exc)) from None
    return 0


def add(collections, name: str, query: str | None) -> int:
    from index import query_problem

    if not query:
        raise CommandError("collections add needs a NAME and a QUERY, e.g. collections add \"Taiwan week\" 'issue:taiwan date:7d..'")
    problem = query_problem(query)
    if problem:
        raise CommandError(f"{query}: {problem}")
    saved = collections.add(name, query)
    console.print(f"Saved collection {saved.name}: {saved.query}", markup=False)
    return 0


def show(library, collections, as_json: bool) -> int:
    from library.readstate import ReadState

    from ..list_query import ListQueries

    found = collections.load()
    for problem in collections.problems:
        error_console.print(problem, markup=False, soft_wrap=True)
    counted = ListQueries(library, readstate=ReadState(library)).count(found) if found else []
    for count in counted:
        c = count.collection
        if count.problem:
            error_console.print(count.problem, markup=False, soft_wrap=True)
        if as_json:
            print_json({**c.to_json(), "unread": count.unread, "total": count.total, "problem": count.problem})
        else:
            print_fields("*" if c.pinned else " ", f"{count.unread}/{count.total}" if not count.problem else "?", c.name, c.query)
    if not found and not as_json:
        console.print(f"No collections yet. Save one with: cuttings collections add NAME QUERY ({collections.path})", markup=False)
    return 0


def collection_query(library, name: str, more: str | None = None) -> str:
    """A collection's query, narrowed by `more` words if given; CommandError naming the problem."""
    from index import query_problem
    from library.smartcollections import Collections, CollectionsError

    try:
        query = Collections(library).get(name).query
    except CollectionsError as exc:
        raise CommandError(str(exc)) from None
    if more:
        query = f"({query}) ({more})"
    problem = query_problem(query)
    if problem:
        raise CommandError(f"collection {name!r}: {query}: {problem}")
    return query


def collection_filter(library, name: str):
    """The filter a collection's query makes, answered from the catalogue or the index."""
    from library.readstate import ReadState

    from ..list_query import ListQueries

    query = collection_query(library, name)
    return ListQueries(library, readstate=ReadState(library)).resolve(query)
