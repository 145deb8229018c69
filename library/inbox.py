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


def newest_run(entries: Iterable[CatalogueEntry]) -> set[str]:
    """Ids of the articles imported in the latest run (none when no import time is known)."""
    known = ((_when(e.imported), e.id) for e in entries if e.imported)
    stamped = sorted(((when, i) for when, i in known if when is not None), reverse=True)
    run: set[str] = set()
    for index, (when, article_id) in enumerate(stamped):
        if index and stamped[index - 1][0] - when >= RUN_GAP:
            break
        run.add(article_id)
    return run


def _when(iso: str) -> dt.datetime | None:
    try:
        when = dt.datetime.fromisoformat(iso)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)
