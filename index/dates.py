"""The `date:` and `added:` fields: ISO dates stored as text, so a month or a year is a prefix
and a span is a range of strings (ISO dates sort as text in date order).

Query forms: 2023, 2023-06, 2023-06-18, 2023-01..2023-06 (either end may be left open),
>=2023-06-01, >2023-06, <=2023, <2023-06-18. A date may also be counted back from today:
7d, 2w, 3m, 1y; `date:7d..` is the last seven days, and a bare `date:7d` means the same, so a
saved query with a relative date stays current.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from whoosh import query
from whoosh.fields import ID
from whoosh.qparser import QueryParserError

_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_AGO = re.compile(r"(\d{1,5})([dwmy])")
_AFTER_ALL = "~"  # sorts after every digit and '-', so "2023-06~" is past every day of June 2023


def check_date(text: str, field: str = "date") -> str:
    """A valid partial ISO date (year, year-month or full date), zero-padded, or a full date
    counted back from today (7d, 2w, 3m, 1y); else QueryParserError."""
    ago = _AGO.fullmatch(text)
    if ago:
        return days_ago(int(ago.group(1)), ago.group(2), dt.date.today()).isoformat()
    match = _DATE.fullmatch(text)
    if not match:
        raise QueryParserError(f"{field}:{text} is not a date; use 2023, 2023-06, 2023-06-18 or 7d, 2w, 3m, 1y")
    year, month, day = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise QueryParserError(f"{field}:{text} is not a real date ({exc})") from None
    return "-".join(part.zfill(2) for part in (year, month, day) if part)


def days_ago(count: int, unit: str, today: dt.date) -> dt.date:
    """The day `count` days, weeks, months or years before today (the 31st of a shorter month
    becomes its last day); at most 99,999 of them, so only years can reach back past year 1."""
    if unit in "dw":
        return today - dt.timedelta(days=count * (7 if unit == "w" else 1))
    months = today.year * 12 + today.month - 1 - count * (12 if unit == "y" else 1)
    if months < 12:
        return dt.date.min
    year, month = divmod(months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(today.day, last))


class DateField(ID):
    """An ID field that reads the date query forms itself."""

    def __init__(self):
        super().__init__(stored=True, sortable=True)

    def self_parsing(self) -> bool:
        return True

    def parse_query(self, fieldname, qstring, boost=1.0):
        text = qstring.strip()
        if _AGO.fullmatch(text):
            text += ".."  # date:7d is the last seven days, not the one day a week ago
        if ".." in text:
            start, _, end = text.partition("..")
            return self._range(fieldname, start, end, boost)
        for op in (">=", "<=", ">", "<"):
            if text.startswith(op):
                value = check_date(text[len(op):], fieldname)
                if op == ">=":
                    return query.TermRange(fieldname, value, None, boost=boost)
                if op == ">":
                    return query.TermRange(fieldname, value + _AFTER_ALL, None, boost=boost)
                if op == "<=":
                    return query.TermRange(fieldname, None, value + _AFTER_ALL, boost=boost)
                return query.TermRange(fieldname, None, value, endexcl=True, boost=boost)
        value = check_date(text, fieldname)
        if len(value) == 10:
            return query.Term(fieldname, value, boost=boost)
        return query.Prefix(fieldname, value, boost=boost)

    def parse_range(self, fieldname, start, end, startexcl, endexcl, boost=1.0):
        return self._range(fieldname, start or "", end or "", boost)

    def _range(self, fieldname, start: str, end: str, boost: float):
        if not start and not end:
            raise QueryParserError(f"{fieldname} range needs at least one end, as in {fieldname}:2023-01..2023-06")
        low = check_date(start, fieldname) if start else None
        high = check_date(end, fieldname) + _AFTER_ALL if end else None
        if low and high and low > high:
            raise QueryParserError(f"date range {start}..{end} ends before it starts")
        return query.TermRange(fieldname, low, high, boost=boost)
