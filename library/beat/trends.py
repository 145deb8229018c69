"""Attention per issue over time: articles and evidence passages per period, optionally per
outlet, so a reader sees when an issue was covered and by whom."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..analysis import Analyser, month_range
from .summary import summaries

PERIODS = ("day", "week", "month")
UNDATED = "undated"


@dataclass(frozen=True)
class TrendRow:
    issue: str
    label: str
    period: str
    source: str | None  # None when outlets are not split
    articles: int
    passages: int

    def to_json(self) -> dict:
        data = {"issue": self.issue, "label": self.label, "period": self.period}
        if self.source is not None:
            data["source"] = self.source
        return data | {"articles": self.articles, "passages": self.passages}


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


def trends(library, analyser: Analyser, issues: list[str] | None = None, sources: list[str] | None = None,
           by: str = "month", split_sources: bool = False) -> list[TrendRow]:
    """Rows per (issue, period[, source]) for the given issue ids (all detected when None) and
    outlets (any case; all when None), every period in the range included."""
    wanted_sources = {s.casefold() for s in sources} if sources else None
    counts: dict[tuple, list[int]] = {}
    periods: set[str] = set()
    for entry, (found_issues, _) in summaries(library, analyser):
        if wanted_sources is not None and entry.source.casefold() not in wanted_sources:
            continue
        period = period_of(entry.date, by)
        periods.add(period)
        for issue, passages in found_issues:
            if issues is None or issue in issues:
                tally = counts.setdefault((issue, entry.source if split_sources else None, period), [0, 0])
                tally[0] += 1
                tally[1] += passages
    labels = {i.id: i.label for i in analyser.taxonomy.issues}
    series = sorted({key[:2] for key in counts}, key=lambda s: (issues.index(s[0]) if issues else 0, s[0], s[1] or ""))
    timeline = period_range(periods, by) + ([UNDATED] if UNDATED in periods else [])
    rows = []
    for issue, source in series:
        for period in timeline:
            articles, passages = counts.get((issue, source, period), (0, 0))
            rows.append(TrendRow(issue, labels.get(issue, issue), period, source, articles, passages))
    return rows
