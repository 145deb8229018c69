"""`cuttings import PATH...`: files and folders into the library, one line per file."""

from __future__ import annotations

import sys

from ..console import CommandError, console, error_console, print_json


def register(sub) -> None:
    p = sub.add_parser(
        "import", help="import text, Markdown, HTML and RSS/Atom files, folders of them, or read-later exports"
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively); - reads standard input")
    p.add_argument("--json", action="store_true", help="one JSON object per file or article")
    p.set_defaults(func=run_import)


def run_import(args) -> int:
    from library.importing import NOT_ARTICLE, import_paths
    from library.store import Library

    from ..sync import command_changed

    library = Library(args.library_root)
    if "-" in args.paths and sys.stdin.isatty():
        error_console.print("reading one article from standard input; paste it, then press ctrl+d", markup=False)
    counts = {"imported": 0, "duplicate": 0, "updated": 0, "error": 0, "skipped": 0, "saved": 0}
    links = 0
    changed: list[str] = []
    try:
        for outcome in import_paths(library, args.paths):
            counts[outcome.status] += 1
            links += outcome.saved
            if outcome.status in ("imported", "updated"):
                changed.append(outcome.id)
            _report(outcome, args.json)
    finally:
        if changed:
            command_changed(library, f"{len(changed)} articles saved", changed=changed)
    summary = (
        f"{counts['imported']} imported, {counts['duplicate']} duplicates, "
        f"{counts['updated']} updated, {counts['error']} failed"
    )
    skipped = f"{counts['skipped']} skipped: {NOT_ARTICLE}" if counts["skipped"] else ""
    saved = f"; {links} links saved to read later (`cuttings fetch` gets them)" if links else ""
    if args.json:
        totals = {k if k != "error" else "failed": v for k, v in counts.items() if k != "saved"}
        print_json({"summary": {**totals, **({"links saved": links} if counts["saved"] else {})}})
    else:
        console.print(", ".join(filter(None, (summary, skipped))) + saved, markup=False, soft_wrap=True)
    if not any(n for status, n in counts.items() if status != "skipped"):
        raise CommandError(f"no importable files found in {' '.join(args.paths)}" + (f" ({skipped})" if skipped else ""))
    return 1 if counts["error"] else 0


def _report(outcome, as_json: bool) -> None:
    if as_json:
        fields = ("status", "id", "title", "error", *(["saved"] if outcome.status == "saved" else []))
        print_json({"path": str(outcome.path), **{f: getattr(outcome, f) for f in fields}})
    elif outcome.status == "skipped":
        return
    elif outcome.status == "error":
        error_console.print(f"error: {outcome.path}: {outcome.error}", markup=False, highlight=False, soft_wrap=True)
    elif outcome.status == "saved":
        console.print(f"saved  {outcome.title}  {outcome.path}", markup=False, highlight=False, soft_wrap=True)
    elif outcome.status == "duplicate":
        console.print(f"duplicate of {outcome.id}  {outcome.path}", markup=False, highlight=False, soft_wrap=True)
    else:
        console.print(f"{outcome.status} {outcome.id}  {outcome.title}", markup=False, highlight=False, soft_wrap=True)
