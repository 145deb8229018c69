"""Fetching the links saved to read later (saved.yaml, from a Pocket or Instapaper export).

Each pending link is saved as a page is by `cuttings add`, keeps the tags and the read and
starred marks it came with, and is marked fetched or failed (with the reason) in saved.yaml,
so it is fetched once, and a failed one is tried again next time. Results are written in
batches, so a killed fetch loses at most the last few seconds of marks; a link saved but not
yet marked is found again as a duplicate, never stored twice.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import Callable

from ..readstate import ReadState
from ..savedlinks import SavedLink, SavedLinks
from .client import FetchError, Fetcher
from .pages import Page, fetch_page
from .saving import SaveOutcome, store_page

RECORD_EVERY = 2.0  # seconds between writes of saved.yaml during a long fetch


def fetch_saved_links(
    library,
    *,
    fetcher: Fetcher | None = None,
    keep_originals: bool = True,
    on_progress: Callable[[int, int, SaveOutcome], None] | None = None,
    stop: threading.Event | None = None,
) -> list[SaveOutcome]:
    """Save every pending link as an article; `on_progress(done, total, outcome)` after each."""
    saved = SavedLinks(library)
    links = saved.pending()
    if not links:
        return []
    stop = stop or threading.Event()
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    outcomes: list[SaveOutcome] = []
    results: dict[str, tuple[str, str]] = {}
    marks = {"read": set(), "starred": set()}
    last = time.monotonic()
    pool = ThreadPoolExecutor(max_workers=8, thread_name_prefix="cuttings-saved")
    try:
        with library.bulk():
            futures = {pool.submit(_page, link, fetcher, stop): link for link in links}
            for future in as_completed(futures):
                link, page = futures[future], future.result()
                if page is None:
                    continue  # stopped before it was asked for
                outcome = _store(library, link, page, keep_originals)
                outcomes.append(outcome)
                results[link.url] = (outcome.id or "", outcome.error or "")
                _mark(marks, link, outcome)
                if on_progress:
                    on_progress(len(outcomes), len(links), outcome)
                if time.monotonic() - last > RECORD_EVERY:
                    _keep(library, saved, results, marks)
                    last = time.monotonic()
                if stop.is_set():
                    break
    finally:
        stop.set()
        pool.shutdown(wait=False, cancel_futures=True)
        _keep(library, saved, results, marks)
        if own:
            fetcher.close()
    return outcomes


def _page(link: SavedLink, fetcher: Fetcher, stop: threading.Event) -> Page | FetchError | None:
    """In a worker: the page, or why not. Storing stays on the calling thread."""
    if stop.is_set():
        return None
    try:
        return fetch_page(link.url.strip(), fetcher)
    except FetchError as exc:
        return exc


def _store(library, link: SavedLink, page: Page | FetchError, keep_originals: bool) -> SaveOutcome:
    if isinstance(page, FetchError):
        return SaveOutcome(link.url, "error", error=str(page))
    return store_page(library, link.url, page, link.tags, keep_originals)


def _mark(marks: dict[str, set], link: SavedLink, outcome: SaveOutcome) -> None:
    """The export's read and starred marks go onto the article the link became."""
    if outcome.status == "imported":
        if link.read:
            marks["read"].add(outcome.id)
        if link.starred:
            marks["starred"].add(outcome.id)


def _keep(library, saved: SavedLinks, results: dict, marks: dict[str, set]) -> None:
    ReadState(library).mark_many(read=marks["read"], starred=marks["starred"])
    saved.record(results)
    results.clear()
    marks["read"].clear()
    marks["starred"].clear()
