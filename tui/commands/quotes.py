"""`cuttings quotes [ID] [--speaker NAME] [--json]`: who said what, in one article or across
the library, with each quote's place in block/offset coordinates."""

from __future__ import annotations

from ..console import CommandError, console, print_json
from .issues import print_warnings


def register(sub) -> None:
    p = sub.add_parser("quotes", help="quotes and who said them, in one article or across the library")
    p.add_argument("id", nargs="?", help="an article id (see `cuttings list`); leave out for the whole library")
    p.add_argument("--speaker", metavar="NAME", help="only this speaker's quotes (any spelling of the name)")
    p.add_argument("--json", action="store_true", help="one JSON object per quote, per line")
    p.set_defaults(func=run_quotes)


def run_quotes(args) -> int:
    from library.analysis import Analyser
    from library.beat.quotes import library_quotes
    from library.quotes.corrections import QuotesFileError

    from .articles import get_article, open_library

    library = open_library(args)
    analyser = Analyser.for_library(library.root)
    speaker = _speaker(library, analyser, args.speaker) if args.speaker else None
    entries = [library.entry(get_article(library, args.id).id)] if args.id else None
    try:
        found = library_quotes(library, analyser, speaker, entries)
    except QuotesFileError as exc:
        raise CommandError(str(exc)) from None
    for entry, q in found:
        if args.json:
            print_json({"id": entry.id, **q.to_json()})
        else:
            show_quote(entry.id, q)
    if not found and not args.json:
        who = f" by {speaker}" if speaker else ""
        console.print(f"no quotes{who} found", markup=False, highlight=False)
    print_warnings(analyser.warnings)
    return 0


def _speaker(library, analyser, name: str) -> str:
    from library.beat.entity_page import UnknownEntity, resolve_name
    from library.safetext import visible

    try:
        return resolve_name(library, analyser, name)
    except UnknownEntity as exc:
        hint = f"; did you mean {', '.join(repr(visible(c)) for c in exc.close)}?" if exc.close else ""
        raise CommandError(f"no speaker named {visible(name)!r} in the library{hint}") from None


def show_quote(article_id: str, q) -> None:
    from rich.text import Text

    line = Text(f"{article_id}  {q.block}:{q.start}-{q.end}  ", style="dim")
    line.append(q.speaker or "(unknown)", style="bold")
    if q.said_by and q.said_by != q.speaker:
        line.append(f" ({q.said_by})", style="dim")
    if q.corrected:
        line.append(" corrected", style="yellow")
    line.append(f"  {q.kind}  ", style="cyan").append(f"“{q.text}”")
    console.print(line, soft_wrap=True)
