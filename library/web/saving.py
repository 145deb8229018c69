"""Saving web pages by address: fetched, extracted and stored as articles.

A page already in the library is a duplicate whether it is known by the address given, by
where that address redirects, by the page's own canonical address, or by the same text.
Links saved to read later (`library.savedlinks`, from Pocket or Instapaper exports) go the
same way, eight pages at a time, each link's result recorded as it comes.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, replace
from typing import Iterable, Iterator

from .addresses import canonical_url
from .client import FetchError, Fetcher
from .originals import keep_original
from .pages import Page, fetch_page


@dataclass(frozen=True)
class SaveOutcome:
    url: str
    status: str  # "imported" | "duplicate" | "error"
    id: str | None = None
    title: str | None = None
    error: str | None = None  # one line, naming the address


def save_pages(
    library, urls: Iterable[str], tags: Iterable[str] = (), *, fetcher: Fetcher | None = None, keep_originals: bool = True
) -> Iterator[SaveOutcome]:
    """Fetch, extract and store each address in turn, one outcome each."""
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    try:
        with library.bulk():
            for url in urls:
                yield save_page(library, url, tuple(tags), fetcher, keep_originals)
    finally:
        if own:
            fetcher.close()


def save_page(library, url: str, tags: tuple[str, ...], fetcher: Fetcher, keep_originals: bool = True) -> SaveOutcome:
    url = url.strip()
    duplicate = _known_urls(library).get(canonical_url(url))
    if duplicate:
        return SaveOutcome(url, "duplicate", duplicate)
    try:
        page = fetch_page(url, fetcher)
    except FetchError as exc:
        return SaveOutcome(url, "error", error=str(exc))
    return store_page(library, url, page, tags, keep_originals)


def store_page(library, url: str, page: Page, tags: tuple[str, ...] = (), keep_originals: bool = True) -> SaveOutcome:
    """A fetched page into the library, unless it is there already under any of its addresses."""
    known = _known_urls(library)
    for address in (url, page.url, page.article.url):
        if canonical_url(address) in known:
            return SaveOutcome(url, "duplicate", known[canonical_url(address)], page.article.title)
    article = replace(page.article, tags=tuple(dict.fromkeys((*tags, *page.article.tags))))
    result = library.add(article, replace_previous=False)
    if result.status == "imported" and keep_originals:
        keep_original(library, result.id, page.html)
    return SaveOutcome(url, result.status, result.id, article.title)


def fetch_saved(
    library, *, fetcher: Fetcher | None = None, keep_originals: bool = True, stop: threading.Event | None = None
) -> Iterator[SaveOutcome]:
    """Fetch every pending saved link; each becomes an article (with the link's tags and read
    or starred marks) or keeps the reason it failed, to be tried again next time."""
    from ..readstate import ReadState
    from ..savedlinks import SavedLinks

    links = SavedLinks(library)
    pending = [link for link in links.pending() if link.url.strip()]
    if not pending:
        return
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    pool = ThreadPoolExecutor(max_workers=8, thread_name_prefix="cuttings-saved")
    try:
        futures = {pool.submit(_page_or_error, fetcher, link.url.strip()): link for link in pending}
        with library.bulk():
            for future in as_completed(futures):
                link, got = futures[future], future.result()
                if isinstance(got, FetchError):
                    outcome = SaveOutcome(link.url, "error", error=str(got))
                else:
                    outcome = store_page(library, link.url, got, link.tags, keep_originals)
                links.record(link.url, article=outcome.id or "", error=outcome.error or "")
                if outcome.id and link.read:
                    ReadState(library).set_read(outcome.id)
                if outcome.id and link.starred:
                    ReadState(library).set_starred(outcome.id, True)
                yield outcome
                if stop is not None and stop.is_set():
                    break
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
        if own:
            fetcher.close()


def _page_or_error(fetcher: Fetcher, url: str) -> Page | FetchError:
    try:
        return fetch_page(url, fetcher)
    except FetchError as exc:
        return exc


def _known_urls(library) -> dict[str, str]:
    return {canonical_url(e.url): e.id for e in library.entries() if e.url}
