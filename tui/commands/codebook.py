"""`cuttings codebook` and `cooccurrence`, and the codebook's edits under `cuttings tags`:
`tags memo`, `tags rename`, `tags merge` and `tags undo`."""

from __future__ import annotations

import argparse
import sys

from ..console import CommandError, console, error_console, print_fields, print_json


def register(sub) -> None:
    p = sub.add_parser("codebook", help="every tag with its passage and article counts and its memo")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="one JSON object per line")
    out.add_argument("--csv", action="store_true", help="CSV with a header row (for spreadsheets)")
    p.set_defaults(func=run_codebook)

    p = sub.add_parser("cooccurrence", help="which tags go together: tag x tag or tag x issue counts")
    p.add_argument("--by", choices=("tag", "issue"), default="tag", help="pair tags with tags (default) or with issues")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="one JSON document")
    out.add_argument("--csv", action="store_true", help="CSV with a header row (for spreadsheets)")
    p.set_defaults(func=run_cooccurrence)


def register_tag_actions(tags_parser) -> None:
    """The codebook's edits as `cuttings tags ACTION`; `cuttings tags` alone still lists."""
    actions = tags_parser.add_subparsers(dest="action", metavar="ACTION")
    p = actions.add_parser("memo", help="show or write what a tag means (its memo in codebook.yaml)")
    p.add_argument("tag", metavar="TAG")
    p.add_argument("text", nargs="?", metavar="TEXT", help="the memo; '' clears it, - reads it from standard input")
    p.set_defaults(func=run_memo)
    p = actions.add_parser("rename", help="rename a tag (and the tags below it) on every passage; undoable")
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    p.add_argument("--yes", action="store_true", help="confirm a merge (NEW exists already)")
    p.add_argument("--dry-run", action="store_true", help="say what would change, change nothing")
    p.set_defaults(func=run_rename)
    p = actions.add_parser("merge", help="merge a tag into an existing one on every passage; undoable")
    p.add_argument("old", metavar="TAG")
    p.add_argument("new", metavar="INTO")
    p.add_argument("--dry-run", action="store_true", help="say what would change, change nothing")
    p.set_defaults(func=run_merge)
    p = actions.add_parser("undo", help="undo the last tag rename or merge")
    p.set_defaults(func=run_undo)
    for action in actions.choices.values():
        action.add_argument("--library", metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def run_codebook(args) -> int:
    from library.annotations import AnnotationError
    from library.annotations.codebook import codes, read_memos

    annotations = open_annotations(args)
    try:
        rows = codes(annotations.all_passages(), read_memos(annotations.library))
    except AnnotationError as exc:
        raise CommandError(str(exc)) from None
    report_problems(annotations)
    if args.json:
        for row in rows:
            print_json({"tag": row.tag, "passages": row.passages, "articles": row.articles, "memo": row.memo})
    elif args.csv:
        _write_csv(("tag", "passages", "articles", "memo"), ((r.tag, r.passages, r.articles, r.memo) for r in rows))
    elif not rows:
        console.print("No tags yet. Tag a passage with: cuttings tag ID --quote TEXT --tag T")
    elif not sys.stdout.isatty():
        for row in rows:
            print_fields(row.tag, str(row.passages), str(row.articles), row.memo.replace("\n", " / "))
    else:
        from rich.table import Table
        from rich.text import Text

        table = Table(box=None, pad_edge=False, header_style="bold")
        for column in ("tag", "passages", "articles", "memo"):
            table.add_column(column, overflow="fold", justify="right" if column in ("passages", "articles") else "left")
        for row in rows:
            table.add_row(Text(row.tag), str(row.passages), str(row.articles), Text(row.memo))
        console.print(table)
    return 0


def run_cooccurrence(args) -> int:
    from library.annotations.cooccurrence import render_csv, render_json, table

    annotations = open_annotations(args)
    analyser = None
    if args.by == "issue":
        from library.analysis import Analyser

        analyser = Analyser.for_library(annotations.library.root)
    pairs = table(annotations, args.by, analyser)
    report_problems(annotations)
    if args.json:
        sys.stdout.write(render_json(pairs, args.by))
    elif args.csv:
        sys.stdout.write(render_csv(pairs).lstrip("\ufeff"))
    elif not pairs:
        console.print(f"No two {'tags' if args.by == 'tag' else 'codes'} occur together yet"
                      f"{' (tag passages of articles that discuss an issue)' if args.by == 'issue' else ''}.")
    else:
        for pair in pairs:
            other = f"{pair.b} ({pair.label})" if pair.label else pair.b
            print_fields(pair.a, other, f"{pair.articles} article{'s' * (pair.articles != 1)}", f"{pair.overlapping} overlapping")
    return 0


def run_memo(args) -> int:
    from library.annotations import AnnotationError
    from library.annotations.codebook import memo_of, read_memos, set_memo
    from library.store import Library

    library = Library(args.library_root)
    try:
        if args.text is None:
            memo = memo_of(read_memos(library), args.tag)
            console.print(memo or f"No memo for {args.tag!r} yet: cuttings tags memo TAG TEXT", markup=False, soft_wrap=True)
            return 0
        text = sys.stdin.read() if args.text == "-" else args.text
        tag = set_memo(library, args.tag, text)
    except AnnotationError as exc:
        raise CommandError(str(exc)) from None
    console.print(f"memo of {tag} {'saved' if text.strip() else 'cleared'}", markup=False, soft_wrap=True)
    return 0


def run_rename(args, merging: bool = False) -> int:
    from library.annotations import AnnotationError
    from library.annotations.renaming import apply, interrupted, plan_rename

    from ..sync import command_changed
    annotations = open_annotations(args)
    try:
        plan = plan_rename(annotations, args.old, args.new)
        if merging and not plan.merge:
            raise CommandError(f"no tag {plan.new!r} to merge into; to give {plan.old!r} a new name use `cuttings tags rename`")
        if args.dry_run:
            console.print(plan.describe(), markup=False, soft_wrap=True)
            return 0
        if plan.merge and not (merging or args.yes):
            raise CommandError(f"{plan.describe()}: {plan.new!r} exists already, so this is a merge; "
                               "run again with --yes to merge (`cuttings tags undo` reverses it)")
        warning = interrupted(annotations.library)
        if warning:
            error_console.print(f"cuttings: warning: {warning}", markup=False, soft_wrap=True)
        changed = apply(annotations, plan, confirmed=True)
    except AnnotationError as exc:
        raise CommandError(str(exc)) from None
    report_problems(annotations)
    command_changed(annotations.library, "tags renamed", changed=sorted({m.article_id for m in plan.moves}))
    verb = "merged" if plan.merge else "renamed"
    console.print(f"{verb} {plan.old} into {plan.new}" if plan.merge else f"{verb} {plan.old} to {plan.new}",
                  f"on {changed} passage{'s' * (changed != 1)} in {plan.articles} article{'s' * (plan.articles != 1)}"
                  " (cuttings tags undo reverses it)", markup=False, soft_wrap=True)
    return 0


def run_merge(args) -> int:
    return run_rename(args, merging=True)


def run_undo(args) -> int:
    from library.annotations import AnnotationError
    from library.annotations.renaming import undo

    from ..sync import command_changed
    annotations = open_annotations(args)
    try:
        done = undo(annotations)
    except AnnotationError as exc:
        raise CommandError(str(exc)) from None
    report_problems(annotations)
    command_changed(annotations.library, "rename undone", changed=list(done.articles))
    kept = f"; {done.kept} changed since were left as they are" if done.kept else ""
    console.print(f"undid {done.old} -> {done.new}: {done.restored} passage{'s' * (done.restored != 1)} given {'their' if done.restored != 1 else 'its'} tags back{kept}",
                  markup=False, soft_wrap=True)
    return 0


def _write_csv(header, rows) -> None:
    import csv

    from library.export.tables import inert

    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([inert(v) for v in row])


def open_annotations(args):
    """The library's passages, for every passage command (tagging.py takes it from here: it
    registers the actions above under `cuttings tags`, so it imports this module)."""
    from library.annotations import Annotations
    from library.store import Library

    return Annotations(Library(args.library_root))


def report_problems(annotations) -> None:
    for problem in annotations.problems:
        error_console.print(f"cuttings: warning: {problem}", markup=False, soft_wrap=True)
