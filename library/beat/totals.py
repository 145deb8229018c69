"""The Issues and Entities overviews' figures, from the kept counts (library/beat/counts.py):
articles per entity and kind, per issue, and per issue and month."""

from __future__ import annotations

from collections import Counter
from contextlib import closing

from ..analysis import Analyser
from .counts import open_counts


def entity_totals(library, analyser: Analyser) -> Counter:
    """(canonical name, kind) -> articles that mention it, kinds as the library's vote has them."""
    with closing(open_counts(library, analyser)) as db:
        found = db.execute("SELECT canonical, kind, articles FROM name_count JOIN name ON id = name WHERE articles > 0").fetchall()
    totals: Counter = Counter()
    for canonical, kind, n in found:
        voted = analyser.votes.kind_of(canonical) if analyser.votes is not None else None
        totals[(canonical, voted or kind)] += n
    return totals


def issue_totals(library, analyser: Analyser) -> tuple[Counter, dict[str, Counter]]:
    """Issue id -> articles, and issue id -> Counter of "YYYY-MM" (or "undated") -> articles."""
    with closing(open_counts(library, analyser)) as db:
        totals = Counter(dict(db.execute("SELECT issue, articles FROM issue_count WHERE articles > 0")))
        found = db.execute("SELECT issue, period, sum(articles) FROM trend WHERE by = 'month' AND articles > 0 GROUP BY 1, 2").fetchall()
    months: dict[str, Counter] = {}
    for issue, month, n in found:
        months.setdefault(issue, Counter())[month] = n
    return totals, months
