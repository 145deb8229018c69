"""`cuttings fetch [NAME...]`: refresh the feeds, store their new articles, say what happened.
Without names it also saves the links waiting in saved.yaml (from a read-later export).

A progress bar on a terminal, a line for each feed that failed, moved or brought articles, and
a one-line summary; `--json` gives one object per feed instead. Exit code 1 when a feed failed.
"""

from __future__ import annotations

from contextlib import contextmanager

from ..console import CommandError, console, error_console, print_json


def register(sub) -> None:
    p = sub.add_parser("fetch", help="fetch the feeds (all, or those named) and save their new articles")
    p.add_argument("names", nargs="*", metavar="NAME", help="feeds to fetch (default: all)")
    p.add_argument("--saved", action="store_true", help="only the links saved to read later, no feeds")
    p.add_argument("--json", action="store_true", help="one JSON object per feed, then a summary")
    p.set_defaults(func=run_fetch)


def originals_setting() -> bool:
    """The config's keep_originals, its warnings said once on standard error."""
    from ..config import keep_originals

    keep, warnings = keep_originals()
    for warning in warnings:
        error_console.print(f"warning: {warning}", soft_wrap=True)
    return keep


def run_fetch(args) -> int:
    from library.savedlinks import SavedLinks, SavedLinksError
    from library.store import Library
    from library.web.later import fetch_saved_links
    from library.web.refresh import UnknownFeed, refresh_feeds
    from library.web.subscriptions import FeedsFileError, load_feeds

    from ..sync import command_changed

    library = Library(args.library_root)
    keep = originals_setting()
    try:
        total = 0 if args.saved else len(args.names) or len(load_feeds(library))
        waiting = 0 if args.names else len(SavedLinks(library).pending())
    except (FeedsFileError, SavedLinksError) as exc:
        raise CommandError(str(exc)) from None
    if not total and not waiting:
        raise CommandError(f"the library at {library.root} follows no feeds; add one with: cuttings feeds add URL")
    reports, links = [], []
    try:
        with _progress(not args.json and console.is_terminal, total + waiting) as advance:
            def on_progress(done, total, report):
                reports.append(report)
                advance(report.name)
                _say(report, args.json)

            def on_link(done, total, outcome):
                links.append(outcome)
                advance(outcome.url)
                _say_link(outcome, args.json)

            if total:
                refresh_feeds(library, args.names or None, keep_originals=keep, on_progress=on_progress)
            if waiting:
                fetch_saved_links(library, keep_originals=keep, on_progress=on_link)
    except (UnknownFeed, FeedsFileError, SavedLinksError) as exc:
        raise CommandError(str(exc)) from None
    finally:
        changed = [i for r in reports for i in r.new] + [o.id for o in links if o.status == "imported"]
        if changed:
            command_changed(library, f"{len(changed)} articles saved", changed=changed)
    counts = {s: sum(r.status == s for r in reports) for s in ("ok", "not modified", "failed", "gone", "waiting")}
    new = sum(len(r.new) for r in reports) + sum(o.status == "imported" for o in links)
    failed_links = sum(o.status == "error" for o in links)
    if args.json:
        print_json({"summary": {**counts, "new": new, **({"links": len(links), "links failed": failed_links} if links else {})}})
    else:
        parts = ", ".join(f"{n} {s}" for s, n in counts.items() if n or s in ("ok", "failed"))
        saved = f"{len(links)} saved links: {len(links) - failed_links} saved, {failed_links} failed; " if links else ""
        console.print((f"{len(reports)} feeds: {parts}; " if total else "") + f"{saved}{new} new articles", soft_wrap=True)
    return 1 if counts["failed"] or failed_links else 0


def _say(report, as_json: bool) -> None:
    if as_json:
        print_json(report.to_json())
        return
    if report.moved_to:
        console.print(f"{report.name}: moved permanently to {report.moved_to}; address updated", soft_wrap=True)
    if report.status == "failed":
        error_console.print(f"error: {report.name}: {report.error}", soft_wrap=True)
    elif report.status in ("gone", "waiting"):
        error_console.print(f"{report.name}: {report.status}: {report.error}", soft_wrap=True)
    for problem in report.page_errors:
        error_console.print(f"warning: {report.name}: page not saved: {problem}", soft_wrap=True)
    if report.new:
        console.print(f"{report.name}: {len(report.new)} new", soft_wrap=True)


def _say_link(outcome, as_json: bool) -> None:
    if as_json:
        print_json({"link": outcome.url, "status": outcome.status, "id": outcome.id, "title": outcome.title, "error": outcome.error})
    elif outcome.status == "error":
        error_console.print(f"error: {outcome.error}", soft_wrap=True)


@contextmanager
def _progress(shown: bool, total: int):
    """A Rich progress bar when shown on a terminal; a call per feed or link moves it on."""
    if not shown:
        yield lambda name: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = TextColumn("fetching"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}")
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("", total=total)
        yield lambda name: bar.update(task, advance=1, description=name)
