"""Attention per issue over time: articles and evidence passages per period, optionally per
outlet, so a reader sees when an issue was covered and by whom."""

from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass

from ..analysis import Analyser
from .counts import open_counts
from .periods import UNDATED, period_range


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


def trends(library, analyser: Analyser, issues: list[str] | None = None, sources: list[str] | None = None,
           by: str = "month", split_sources: bool = False) -> list[TrendRow]:
    """Rows per (issue, period[, source]) for the given issue ids (all detected when None) and
    outlets (any case; all when None), every period in the range included."""
    wanted_sources = {s.casefold() for s in sources} if sources else None
    source = "source" if wanted_sources or split_sources else "NULL"
    with closing(open_counts(library, analyser)) as db:
        dated = db.execute(f"SELECT DISTINCT {source}, period FROM period WHERE by = ? AND articles > 0", (by,)).fetchall()
        only = f"AND issue IN ({', '.join('?' * len(issues))})" if issues else ""
        found = db.execute(f"SELECT issue, {source}, period, sum(articles), sum(passages) FROM trend "
                           f"WHERE by = ? AND articles > 0 {only} GROUP BY 1, 2, 3", (by, *(issues or ()))).fetchall()
    periods = {when for outlet, when in dated if wanted_sources is None or outlet.casefold() in wanted_sources}
    counts: dict[tuple, list[int]] = {}
    for issue, outlet, when, articles, passages in found:
        if (issues is None or issue in issues) and (wanted_sources is None or outlet.casefold() in wanted_sources):
            tally = counts.setdefault((issue, outlet if split_sources else None, when), [0, 0])
            tally[0] += articles
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


def trend_table(rows: list[TrendRow]) -> tuple[list[str], list[tuple]]:
    """Columns and rows for CSV; the source column only when outlets are split."""
    split = any(r.source is not None for r in rows)
    columns = ["issue", "label", "period", *(["source"] if split else []), "articles", "passages"]
    return columns, [(r.issue, r.label, r.period, *([r.source] if split else []), r.articles, r.passages) for r in rows]


def trend_articles(library, analyser: Analyser, issue: str, period: str, by: str = "month",
                   source: str | None = None) -> list[tuple[str, str, str, str]]:
    """(id, date, title, outlet) of the articles on `issue` in one period (and outlet), newest first."""
    with closing(open_counts(library, analyser)) as db:
        found = db.execute(f"SELECT key, day, title, source FROM issue JOIN article ON article.id = issue.article "
                           f"WHERE issue = ? AND article.{_COLUMN[by]} = ?", (issue, period)).fetchall()
    wanted = source.casefold() if source is not None else None
    return sorted((r for r in found if wanted is None or r[3].casefold() == wanted), key=lambda r: (r[1], r[0]), reverse=True)


_COLUMN = {"day": "day", "week": "week", "month": "month"}  # the article table's column per period
