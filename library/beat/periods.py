"""Periods a date falls in: its day ("2022-10-08"), ISO week ("2022-W40") or month ("2022-10")."""

from __future__ import annotations

import datetime as dt

from ..analysis import month_range

PERIODS = ("day", "week", "month")
UNDATED = "undated"


def period_of(date: str | None, by: str) -> str:
    """The day ("2022-10-08"), ISO week ("2022-W40") or month ("2022-10") of an ISO date."""
    if not date:
        return UNDATED
    if by == "day":
        return date[:10]
    if by == "month":
        return date[:7]
    try:
        year, week, _ = dt.date.fromisoformat(date[:10]).isocalendar()
    except ValueError:
        return UNDATED  # a hand-edited date that is not one
    return f"{year:04d}-W{week:02d}"


def period_range(periods: set[str], by: str) -> list[str]:
    """Every period from the first to the last, gaps included, so quiet periods show as quiet."""
    dated = {p for p in periods if p != UNDATED}
    if not dated:
        return []
    if by == "month":
        return month_range(dated)
    first, last = min(dated), max(dated)
    if by == "day":
        start, end, step = dt.date.fromisoformat(first), dt.date.fromisoformat(last), dt.timedelta(days=1)
    else:
        start, end = (dt.date.fromisocalendar(int(p[:4]), int(p[6:]), 1) for p in (first, last))
        step = dt.timedelta(weeks=1)
    out = []
    while start <= end:
        out.append(period_of(start.isoformat(), by))
        start += step
    return out


def period_days(period: str, by: str) -> tuple[str, str] | None:
    """The first and last day of a period, as ISO dates (None for undated), for a date: query."""
    if period == UNDATED:
        return None
    if by == "day":
        return period, period
    if by == "week":
        monday = dt.date.fromisocalendar(int(period[:4]), int(period[6:]), 1)
        return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
    year, month = int(period[:4]), int(period[5:7])
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return f"{period}-01", (following - dt.timedelta(days=1)).isoformat()
