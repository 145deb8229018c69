"""`cuttings feeds`: the feeds a library follows; add, remove, rename, and OPML in and out."""

from __future__ import annotations

import argparse
import sys

from ..console import CommandError, console, print_fields, print_json


def register(sub) -> None:
    p = sub.add_parser("feeds", help="list the feeds this library follows, or change them (feeds add URL, ...)")
    p.add_argument("--json", action="store_true", help="one JSON object per feed")
    p.set_defaults(func=run_list)
    actions = p.add_subparsers(dest="feeds_command", metavar="ACTION")

    a = actions.add_parser("add", help="follow a feed, given its address or a page that links to it")
    a.add_argument("url", metavar="URL")
    a.add_argument("--name", help="what to call it (default: the feed's title)")
    a.add_argument("--tag", action="append", default=[], metavar="TAG", help="a tag for its articles (repeatable)")
    a.set_defaults(func=run_add)

    r = actions.add_parser("remove", help="stop following a feed (its articles stay)")
    r.add_argument("name", metavar="NAME")
    r.set_defaults(func=run_remove)

    n = actions.add_parser("rename", help="rename a feed")
    n.add_argument("name", metavar="NAME")
    n.add_argument("new", metavar="NEW")
    n.set_defaults(func=run_rename)

    i = actions.add_parser("import", help="follow the feeds in an OPML file (its folders become tags)")
    i.add_argument("path", metavar="FILE.opml")
    i.set_defaults(func=run_import_opml)

    e = actions.add_parser("export", help="write the feeds as OPML (tags become folders)")
    e.add_argument("-o", "--output", metavar="FILE.opml", help="file to write (default: standard output)")
    e.set_defaults(func=run_export_opml)
    for action in actions.choices.values():  # `cuttings feeds add URL --library DIR` too
        action.add_argument("--library", metavar="DIR", default=argparse.SUPPRESS, help="library folder")


def open_library(args):
    from library.store import Library

    return Library(args.library_root)


def feeds_of(library):
    from library.web.subscriptions import FeedsFileError, load_feeds

    try:
        return load_feeds(library)
    except FeedsFileError as exc:
        raise CommandError(str(exc)) from None


def run_list(args) -> int:
    from library.readstate import ReadState
    from library.web.subscriptions import feed_summary

    library = open_library(args)
    feeds = feeds_of(library)
    state = ReadState(library)
    rows = [feed_summary(library, state, feed) for feed in feeds]
    if args.json:
        for row in rows:
            print_json(row)
        return 0
    waiting = _links_waiting(library)
    if waiting:
        console.print(f"{waiting} saved links wait to be fetched (cuttings fetch gets them)", soft_wrap=True)
    if not rows:
        console.print("No feeds yet. Follow one with: cuttings feeds add URL", soft_wrap=True)
        return 0
    if not sys.stdout.isatty():
        for r in rows:
            print_fields(r["name"], r["status"], r["checked"] or "-", str(r["articles"]), str(r["new"]), ",".join(r["tags"]), r["url"], r["error"])
        return 0
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("name", "status", "last fetch", "articles", "new", "tags", "address"):
        table.add_column(column, overflow="fold" if column in ("address", "status") else "ellipsis")
    for r in rows:
        status = r["status"] + (f": {r['error']}" if r["error"] else "")
        table.add_row(r["name"], status, (r["checked"] or "never")[:16].replace("T", " "), str(r["articles"]), str(r["new"]), ", ".join(r["tags"]), r["url"])
    console.print(table)
    return 0


def _links_waiting(library) -> int:
    from library.savedlinks import SavedLinks, SavedLinksError

    try:
        return len(SavedLinks(library).pending())
    except SavedLinksError as exc:
        raise CommandError(str(exc)) from None


def run_add(args) -> int:
    from library.web.client import FetchError
    from library.web.subscribe import SubscribeError, subscribe

    try:
        feed = subscribe(open_library(args), args.url, args.name, args.tag)
    except (FetchError, SubscribeError) as exc:
        raise CommandError(str(exc)) from None
    console.print(f"following {feed.name!r}  {feed.url}", soft_wrap=True)
    return 0


def _changing(args, change):
    from library.web.subscriptions import FeedsFileError

    try:
        return change(open_library(args))
    except FeedsFileError as exc:
        raise CommandError(str(exc)) from None


def run_remove(args) -> int:
    from library.web.subscriptions import remove_feed

    name = _changing(args, lambda library: remove_feed(library, args.name)).name
    console.print(f"no longer following {name!r}; its articles stay in the library", soft_wrap=True)
    return 0


def run_rename(args) -> int:
    from library.web.subscriptions import rename_feed

    old = _changing(args, lambda library: rename_feed(library, args.name, args.new)).name
    console.print(f"renamed {old!r} to {args.new.strip()!r}", soft_wrap=True)
    return 0


def run_import_opml(args) -> int:
    from library.web.opml import OpmlError
    from library.web.subscribe import import_opml
    from library.web.subscriptions import FeedsFileError

    try:
        outcomes = import_opml(open_library(args), args.path)
    except (OpmlError, FeedsFileError) as exc:
        raise CommandError(str(exc)) from None
    for o in outcomes:
        console.print(f"{'added' if o.status == 'added' else 'already followed'}  {o.name}  {o.url}", soft_wrap=True)
    added = sum(o.status == "added" for o in outcomes)
    console.print(f"{added} feeds added, {len(outcomes) - added} already followed; `cuttings fetch` gets their articles", soft_wrap=True)
    return 0


def run_export_opml(args) -> int:
    from pathlib import Path

    from library.fileio import atomic_write
    from library.web.subscribe import export_opml
    from library.web.subscriptions import FeedsFileError

    try:
        text = export_opml(open_library(args))
    except FeedsFileError as exc:
        raise CommandError(str(exc)) from None
    if args.output:
        atomic_write(Path(args.output), text)
        console.print(f"wrote {text.count('xmlUrl=')} feed entries to {args.output}", soft_wrap=True)
    else:
        sys.stdout.write(text)
    return 0
