"""`cuttings entities [ID] [--json]`, `cuttings entities add NAME --kind K [--alias A ...]`,
`cuttings entities ignore TEXT` and `cuttings entities unignore TEXT`.

One parser for all four, because `entities ID` takes a free-form article id where a
sub-command name would otherwise go.
"""

from __future__ import annotations

from ..console import CommandError, console, print_json
from .issues import print_warnings

ACTIONS = ("add", "ignore", "unignore")


def register(sub) -> None:
    p = sub.add_parser(
        "entities",
        help="the people, organisations and places of an article, counts across the library, or edit your entities",
        description="entities ID: names in one article; entities: counts across the library; "
                    "entities add NAME --kind KIND [--alias A]: teach a name; "
                    "entities ignore TEXT / unignore TEXT: stop or resume marking a text as a name.",
    )
    p.add_argument("words", nargs="*", metavar="ID | add NAME | ignore TEXT | unignore TEXT")
    p.add_argument("--kind", help="with add: person, org or place")
    p.add_argument("--alias", action="append", default=[], help="with add: another spelling (repeatable)")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(func=run_entities)


def run_entities(args) -> int:
    words = args.words
    if words and words[0] in ACTIONS:
        return _edit(args, words[0], words[1:])
    if args.kind or args.alias:
        raise CommandError("--kind and --alias go with `entities add NAME`")
    if len(words) > 1:
        raise CommandError(f"expected one article id, got {len(words)} words (quote a name to add)")
    from library.analysis import Analyser

    from .articles import open_library

    library = open_library(args)
    analyser = Analyser.for_library(library.root)
    code = _article(library, analyser, words[0], args.json) if words else _counts(library, analyser, args.json)
    print_warnings(analyser.warnings)
    return code


def _edit(args, action: str, rest: list[str]) -> int:
    from library.entities.user import EntityFileError, add_entity, ignore_text, unignore_text
    from library.fileio import LockTimeout

    if len(rest) != 1:
        raise CommandError(f"`entities {action}` takes one quoted text, e.g. cuttings entities {action} \"Wang Yi\"")
    text = rest[0]
    root = args.library_root
    try:
        if action == "add":
            if not args.kind:
                raise CommandError("say what it is: --kind person, --kind org or --kind place")
            add_entity(root, text, args.kind, args.alias)
            message = f"added {args.kind} {text}" + (f" (also: {', '.join(args.alias)})" if args.alias else "")
        elif args.kind or args.alias:
            raise CommandError(f"--kind and --alias go with `entities add`, not `entities {action}`")
        elif action == "ignore":
            ignore_text(root, text)
            message = f"ignoring {text!r} from now on"
        else:
            message = f"no longer ignoring {text!r}" if unignore_text(root, text) else f"{text!r} was not ignored"
    except (EntityFileError, LockTimeout) as exc:
        raise CommandError(str(exc)) from None
    console.print(message, markup=False)
    return 0


def _article(library, analyser, article_id: str, as_json: bool) -> int:
    from rich.table import Table
    from rich.text import Text

    from .articles import get_article

    article = get_article(library, article_id)
    mentions = analyser.analyse(article).entities
    if as_json:
        for m in mentions:
            print_json(m.to_json())
        return 0
    console.print(Text(article.title, style="bold"))
    if not mentions:
        console.print(Text("No names found.", style="dim"))
        return 0
    grouped: dict[tuple[str, str], list] = {}
    for m in mentions:
        grouped.setdefault((m.canonical, m.kind), []).append(m)
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("entity", "kind", "mentions", "written as"):
        table.add_column(column, justify="right" if column == "mentions" else "left")
    for (canonical, kind), found in sorted(grouped.items(), key=lambda g: (-len(g[1]), g[0])):
        spellings = ", ".join(dict.fromkeys(m.text for m in found if m.text != canonical))
        table.add_row(Text(canonical), kind, str(len(found)), Text(spellings, style="dim"))
    console.print(table)
    return 0


def _counts(library, analyser, as_json: bool) -> int:
    from library.analysis import library_entity_counts
    from rich.table import Table
    from rich.text import Text

    counts = library_entity_counts(library, analyser)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if as_json:
        for (canonical, kind), n in rows:
            print_json({"canonical": canonical, "kind": kind, "articles": n})
        return 0
    if not rows:
        console.print(f"No names in the library at {library.root}. Import articles with: cuttings import PATH", markup=False)
        return 0
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("entity", "kind", "articles"):
        table.add_column(column, justify="right" if column == "articles" else "left")
    for (canonical, kind), n in rows:
        table.add_row(Text(canonical), kind, str(n))
    console.print(table)
    return 0
