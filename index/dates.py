"""The `date:` field: ISO dates stored as text, so a month or a year is a prefix and a span
is a range of strings (ISO dates sort as text in date order).

Query forms: 2023, 2023-06, 2023-06-18, 2023-01..2023-06 (either end may be left open),
>=2023-06-01, >2023-06, <=2023, <2023-06-18.
"""

from __future__ import annotations

import datetime as dt
import re

from whoosh import query
from whoosh.fields import ID
from whoosh.qparser import QueryParserError

_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_AFTER_ALL = "~"  # sorts after every digit and '-', so "2023-06~" is past every day of June 2023


def check_date(text: str) -> str:
    """A valid partial ISO date (year, year-month or full date), zero-padded, or QueryParserError."""
    match = _DATE.fullmatch(text)
    if not match:
        raise QueryParserError(f"date:{text} is not a date; use 2023, 2023-06 or 2023-06-18")
    year, month, day = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise QueryParserError(f"date:{text} is not a real date ({exc})") from None
    return "-".join(part.zfill(2) for part in (year, month, day) if part)


class DateField(ID):
    """An ID field that reads the date query forms itself."""

    def __init__(self):
        super().__init__(stored=True, sortable=True)

    def self_parsing(self) -> bool:
        return True

    def parse_query(self, fieldname, qstring, boost=1.0):
        text = qstring.strip()
        if ".." in text:
            start, _, end = text.partition("..")
            return self._range(fieldname, start, end, boost)
        for op in (">=", "<=", ">", "<"):
            if text.startswith(op):
                value = check_date(text[len(op):])
                if op == ">=":
                    return query.TermRange(fieldname, value, None, boost=boost)
                if op == ">":
                    return query.TermRange(fieldname, value + _AFTER_ALL, None, boost=boost)
                if op == "<=":
                    return query.TermRange(fieldname, None, value + _AFTER_ALL, boost=boost)
                return query.TermRange(fieldname, None, value, endexcl=True, boost=boost)
        value = check_date(text)
        if len(value) == 10:
            return query.Term(fieldname, value, boost=boost)
        return query.Prefix(fieldname, value, boost=boost)

    def parse_range(self, fieldname, start, end, startexcl, endexcl, boost=1.0):
        return self._range(fieldname, start or "", end or "", boost)

    def _range(self, fieldname, start: str, end: str, boost: float):
        if not start and not end:
            raise QueryParserError("date range needs at least one end, as in date:2023-01..2023-06")
        low = check_date(start) if start else None
        high = check_date(end) + _AFTER_ALL if end else None
        if low and high and low > high:
            raise QueryParserError(f"date range {start}..{end} ends before it starts")
        return query.TermRange(fieldname, low, high, boost=boost)
