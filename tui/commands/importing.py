"""`cuttings import PATH...`: files and folders into the library, one line per file."""

from __future__ import annotations

from ..console import CommandError, console, error_console, print_json


def register(sub) -> None:
    p = sub.add_parser("import", help="import text, Markdown, HTML and RSS/Atom files or folders of them")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    p.add_argument("--json", action="store_true", help="one JSON object per file or article")
    p.set_defaults(func=run_import)


def run_import(args) -> int:
    from library.importing import import_paths
    from library.store import Library

    from ..sync import library_changed

    library = Library(args.library_root)
    counts = {"imported": 0, "duplicate": 0, "updated": 0, "error": 0}
    changed: list[str] = []
    try:
        for outcome in import_paths(library, args.paths):
            counts[outcome.status] += 1
            if outcome.status in ("imported", "updated"):
                changed.append(outcome.id)
            _report(outcome, args.json)
    finally:
        if changed:
            for line in library_changed(library, changed=changed):
                error_console.print(line, markup=False, soft_wrap=True)
    summary = (
        f"{counts['imported']} imported, {counts['duplicate']} duplicates, "
        f"{counts['updated']} updated, {counts['error']} failed"
    )
    if args.json:
        print_json({"summary": {k if k != "error" else "failed": v for k, v in counts.items()}})
    else:
        console.print(summary, markup=False)
    if not any(counts.values()):
        raise CommandError(f"no importable files found in {' '.join(args.paths)}")
    return 1 if counts["error"] else 0


def _report(outcome, as_json: bool) -> None:
    if as_json:
        fields = ("status", "id", "title", "error")
        print_json({"path": str(outcome.path), **{f: getattr(outcome, f) for f in fields}})
    elif outcome.status == "error":
        error_console.print(f"error: {outcome.path}: {outcome.error}", markup=False, highlight=False, soft_wrap=True)
    elif outcome.status == "duplicate":
        console.print(f"duplicate of {outcome.id}  {outcome.path}", markup=False, highlight=False, soft_wrap=True)
    else:
        console.print(f"{outcome.status} {outcome.id}  {outcome.title}", markup=False, highlight=False, soft_wrap=True)
