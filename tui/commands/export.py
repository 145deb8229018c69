"""`cuttings export`: tagged passages to Markdown, CSV, JSON or a REFI-QDA project."""

from __future__ import annotations

from pathlib import Path

from ..console import CommandError, console


def register(sub) -> None:
    p = sub.add_parser("export", help="export tagged passages (md, csv, json, or qdpx for QDA tools)")
    p.add_argument("--format", choices=("md", "csv", "json", "qdpx"),
                   help="the file format (default: from the output file's extension)")
    p.add_argument("--tag", metavar="T", help="only this tag and the tags below it")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    p.set_defaults(func=run_export)


def run_export(args) -> int:
    from library.annotations import AnnotationError
    from library.export import FORMATS, ExportError, export_passages

    from .tagging import open_annotations, report_problems

    fmt = args.format or Path(args.output).suffix.lstrip(".").lower()
    if fmt not in FORMATS:
        raise CommandError(f"say which format to write with --format {'|'.join(FORMATS)} (or name the file .md, .csv, .json or .qdpx)")
    annotations = open_annotations(args)
    try:
        summary = export_passages(annotations.library, fmt, args.output, args.tag, annotations)
    except (ExportError, AnnotationError) as exc:
        raise CommandError(str(exc)) from None
    report_problems(annotations)
    left = f" ({summary.left_out} orphaned passages left out: their words are no longer in the article)" if summary.left_out else ""
    articles = f"{summary.articles} article" + ("s" if summary.articles != 1 else "")
    console.print(f"exported {summary.passages} passages from {articles} to {summary.path}{left}",
                  markup=False, soft_wrap=True)
    return 0
