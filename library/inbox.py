"""Which articles count as new: the ones the latest fetch or import run brought in.

No run log is kept, so a run is read off the articles' own import times (`imported`, written
once by Library.add): a fetch or an import stores its articles seconds apart, and a pause of
RUN_GAP or more separates it from the run before. A cron fetch, `cuttings import` and the
app's R key all count, and nothing beyond the article files is needed.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from .model import CatalogueEntry

RUN_GAP = dt.timedelta(minutes=10)
LOOK_BACK = dt.timedelta(days=1)


def newest_run(entries: Iterable[CatalogueEntry]) -> set[str]:
    """Ids of the articles imported in the latest run (none when no import time is known).
    Library.add writes UTC times of one format, so the text sorts as the time does; only the
    last day's imports are sorted and parsed, unless the run goes back further than that."""
    stamped = [(e.imported, e.id) for e in entries if e.imported[:1].isdigit()]
    newest = None
    while stamped and newest is None:  # a hand-edited time that does not parse is passed over
        latest = max(stamped)
        newest = _when(latest[0])
        if newest is None:
            stamped.remove(latest)
    if newest is None:
        return set()
    recent = (newest - LOOK_BACK).isoformat()
    run, ended = _run(sorted((s for s in stamped if s[0] >= recent), reverse=True))
    if ended:
        return run
    return _run(sorted(stamped, reverse=True))[0]  # a run longer than a day, or odd times


def _run(stamped: list[tuple[str, str]]) -> tuple[set[str], bool]:
    """The run at the head of these times, newest first, and whether a pause ended it."""
    run: set[str] = set()
    later = None
    for iso, article_id in stamped:
        when = _when(iso)
        if when is None:
            continue
        if later is not None and later - when >= RUN_GAP:
            return run, True
        run.add(article_id)
        later = when
    return run, False


def _when(iso: str) -> dt.datetime | None:
    try:
        when = dt.datetime.fromisoformat(iso)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)
