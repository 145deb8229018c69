"""`cuttings add URL...`: save web pages as articles; `cuttings reextract ID`: extract again."""

from __future__ import annotations

from ..console import CommandError, console, error_console, print_json


def register(sub) -> None:
    p = sub.add_parser("add", help="save web pages as articles (fetch, extract, import)")
    p.add_argument("urls", nargs="+", metavar="URL")
    p.add_argument("--tag", action="append", default=[], metavar="TAG", help="a tag for the articles (repeatable)")
    p.add_argument("--json", action="store_true", help="one JSON object per address")
    p.set_defaults(func=run_add)

    r = sub.add_parser("reextract", help="extract an article again from the page kept when it was fetched")
    r.add_argument("id", metavar="ID")
    r.set_defaults(func=run_reextract)


def run_add(args) -> int:
    from library.store import Library
    from library.web.saving import save_pages

    from ..sync import command_changed
    from .fetch import originals_setting

    library = Library(args.library_root)
    outcomes = []
    try:
        for outcome in save_pages(library, args.urls, args.tag, keep_originals=originals_setting()):
            outcomes.append(outcome)
            _report(outcome, args.json)
    finally:
        changed = [o.id for o in outcomes if o.status == "imported"]
        if changed:
            command_changed(library, f"{len(changed)} articles saved", changed=changed)
    failed = sum(o.status == "error" for o in outcomes)
    return 1 if failed else 0


def _report(outcome, as_json: bool) -> None:
    if as_json:
        print_json({"url": outcome.url, "status": outcome.status, "id": outcome.id, "title": outcome.title, "error": outcome.error})
    elif outcome.status == "error":
        error_console.print(f"error: {outcome.error}", soft_wrap=True)
    elif outcome.status == "duplicate":
        console.print(f"duplicate of {outcome.id}  {outcome.url}", soft_wrap=True)
    else:
        console.print(f"{outcome.status} {outcome.id}  {outcome.title}", soft_wrap=True)


def run_reextract(args) -> int:
    from library.store import ArticleNotFound, Library
    from library.web.client import FetchError
    from library.web.originals import NoOriginal, reextract

    from ..sync import command_changed

    library = Library(args.library_root)
    try:
        article = reextract(library, args.id)
    except (ArticleNotFound, NoOriginal, FetchError) as exc:
        raise CommandError(str(exc)) from None
    command_changed(library, "article saved", changed=[article.id])
    console.print(f"re-extracted {article.id}  {article.title} ({article.word_count} words)", soft_wrap=True)
    return 0
