"""Exporting tagged passages: Markdown for reports, CSV and JSON for spreadsheets and scripts,
REFI-QDA (.qdpx) for QDA tools.

The output is built in memory and written atomically (a temp file renamed over the target), so
a failed export never leaves half a file; a folder that does not exist is an error rather than
being created, since a typo in a path should not scatter folders.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Collection

from ..annotations import AnnotationError, Annotations
from ..annotations.codebook import read_memos
from ..fileio import atomic_write
from . import markdown, qdpx, tables
from .records import gather

FORMATS = ("md", "csv", "json", "qdpx")


class ExportError(ValueError):
    """An export that cannot be written; the message is one line naming the file."""


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    format: str
    passages: int  # passages written
    articles: int
    left_out: int  # orphans a .qdpx cannot place


def export_passages(library, fmt: str, path, tag: str | None = None, annotations: Annotations | None = None,
                    only: Collection[str] | None = None) -> ExportSummary:
    """Write the passages (under `tag`, and among the passage ids `only` if given: what the
    workbench shows) in one of FORMATS."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    path = Path(path).expanduser()
    _check_target(path)
    annotations = annotations or Annotations(library)
    records = [r for r in gather(library, annotations, tag) if only is None or r.passage.id in only]
    if not records:
        raise ExportError(f"no tagged passages{f' under tag {tag!r}' if tag else ''} to export; {path} not written")
    written = records
    if fmt == "md":
        data: str | bytes = markdown.render(records, tag)
    elif fmt == "csv":
        data = tables.render_csv(records)
    elif fmt == "json":
        data = tables.render_json(records, tag)
    else:
        try:
            memos = read_memos(library)
        except AnnotationError as exc:
            raise ExportError(f"{exc}; {path} not written") from None
        data, written = qdpx.render(library, records, project_name=f"Cuttings: {tag}" if tag else "Cuttings passages",
                                    memos=memos)
    try:
        atomic_write(path, data)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write ({exc.strerror or exc})") from None
    articles = len({r.article.id for r in written})
    return ExportSummary(path, fmt, len(written), articles, len(records) - len(written))


def _check_target(path: Path) -> None:
    folder = path.parent
    if not folder.is_dir():
        raise ExportError(f"{path}: folder {folder} does not exist")
    if path.is_dir():
        raise ExportError(f"{path}: is a folder; give a file name")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"{path}: no permission to write in {folder}")
