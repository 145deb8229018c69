"""Tagged passages as CSV (one row per passage and tag, for spreadsheets) and JSON (the full
records, for scripts)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import asdict

from .records import Record

COLUMNS = ("passage_id", "tag", "article_id", "title", "source", "date", "url", "author", "quote", "note",
           "block", "start", "end_block", "end", "created", "changed", "orphan")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render_csv(records: list[Record]) -> str:
    """UTF-8 with a byte-order mark so that Excel reads accents right; a cell that a
    spreadsheet would run as a formula gets a leading apostrophe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for record in records:
        p, a = record.passage, record.article
        for tag in record.tags:
            row = (p.id, tag, a.id, a.title, a.source, a.date or "", a.url, a.author, p.quote, p.note,
                   p.anchor.block, p.anchor.start, p.anchor.last_block, p.anchor.end, p.created, p.changed,
                   "yes" if p.orphan else "")
            writer.writerow([inert(v) for v in row])
    return "\ufeff" + out.getvalue()


def render_json(records: list[Record], tag_filter: str | None = None) -> str:
    data = {
        "format": "cuttings-passages",
        "version": 1,
        "exported": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "tag_filter": tag_filter,
        "passages": [
            {
                "id": r.passage.id,
                "article": asdict(r.article),
                "tags": list(r.passage.tags),
                "note": r.passage.note,
                "quote": r.passage.quote,
                "created": r.passage.created,
                "changed": r.passage.changed,
                "orphan": r.passage.orphan,
                "anchor": r.passage.anchor.to_dict(),
            }
            for r in records
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def inert(value):
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value
