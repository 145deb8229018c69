"""What a view shows (an entity page, a trend chart, an overview) as CSV or JSON.

The command line prints these with --csv/--json; the app's save keys write them to the
library's exports/ folder. A view hands over its columns and rows (CSV) or its own JSON
object, so the file holds exactly what the screen shows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Iterable, Sequence

from ..fileio import atomic_write
from ..model import slugify
from .tables import inert

FOLDER = "exports"


def csv_text(columns: Sequence[str], rows: Iterable[Sequence]) -> str:
    """A header row and the rows; a cell a spreadsheet would run as a formula is made inert."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([inert(value) for value in row] for row in rows)
    return out.getvalue()


def json_text(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def save_view(root: Path, name: str, fmt: str, text: str) -> Path:
    """Write `text` to root/exports/<name>-<time>.<fmt> (atomically) and return the path."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = Path(root) / FOLDER / f"{slugify(name, 60)}-{stamp}.{fmt}"
    number = 1
    while path.exists():  # two saves in one second keep both
        number += 1
        path = path.with_name(f"{slugify(name, 60)}-{stamp}-{number}.{fmt}")
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, text)
    return path
