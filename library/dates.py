"""Dates as news sites print them, read without ever making one up.

python-dateutil fills any part a text leaves out from a default date (normally today), which
would turn "June 2023" into a made-up day. Parsing twice against two different defaults shows
which parts came from the text: a date is returned only when year, month and day all did.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as _parser

_DEFAULTS = (dt.datetime(2000, 1, 1), dt.datetime(1999, 12, 28))
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)")
_AMBIGUOUS = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\b")
_CANDIDATES = re.compile(
    r"\b\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?"  # ISO 8601
    rf"|\b(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS},?\s+\d{{4}}"  # 20 June 2023, RFC 822
    rf"|\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"  # June 18, 2023
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{4}\b",
    re.IGNORECASE,
)


def parse_date_text(text: str) -> dt.date | None:
    """The date a short text states, or None when it states no complete, unambiguous date."""
    text = (text or "").strip()
    if not text or len(text) > 80 or not re.search(r"\d", text):
        return None
    ambiguous = _AMBIGUOUS.match(text)
    if ambiguous and ambiguous.group(1) != ambiguous.group(2) and max(map(int, ambiguous.groups())) <= 12:
        return None  # 05/06/2023 is May or June depending on the country; do not guess
    iso = _ISO_DAY.match(text)
    if iso:
        try:
            return dt.date(*map(int, iso.groups()))
        except ValueError:
            return None
    try:
        first, second = (_parser.parse(text, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        return None
    if first.date() != second.date() or not 1800 <= first.year <= 2200:
        return None
    return first.date()


def find_date(text: str) -> dt.date | None:
    """The first complete date written somewhere inside a line such as
    "Published: Tue 20 June 2023 10.32 BST" or "By Jane Roe | June 18, 2023"."""
    found = find_date_span(text)
    return found[0] if found else None


def find_date_span(text: str) -> tuple[dt.date, int, int] | None:
    """The first complete date inside a line and where it is written, so a caller can read
    what else the line says ("Policy Notes, 22 June 2022")."""
    for match in _CANDIDATES.finditer(text or ""):
        found = parse_date_text(match.group(0))
        if found:
            return found, match.start(), match.end()
    return None
