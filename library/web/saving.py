"""Saving web pages by address: fetched, extracted and stored as articles.

A page already in the library is a duplicate whether it is known by the address given, by
where that address redirects, by the page's own canonical address, or by the same text.
"""

from __future__ import annotations

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
    known = _known_urls(library).get(canonical_url(url))
    if known:
        return SaveOutcome(url, "duplicate", known)
    try:
        page = fetch_page(url, fetcher)
    except FetchError as exc:
        return SaveOutcome(url, "error", error=str(exc))
    return store_page(library, url, page, tags, keep_originals)


def store_page(library, url: str, page: Page, tags: tuple[str, ...] = (), keep_originals: bool = True) -> SaveOutcome:
    """A fetched page into the library, unless it is there under any of its addresses. Call it
    from one thread: the library's catalogue is not shared between threads."""
    known = _known_urls(library)
    for address in (url, page.url, page.article.url):
        if canonical_url(address) in known:
            return SaveOutcome(url, "duplicate", known[canonical_url(address)], page.article.title)
    article = replace(page.article, tags=tuple(dict.fromkeys((*tags, *page.article.tags))))
    result = library.add(article, replace_previous=False)
    if result.status == "imported" and keep_originals:
        keep_original(library, result.id, page.html)
    return SaveOutcome(url, result.status, result.id, article.title)


def _known_urls(library) -> dict[str, str]:
    return {canonical_url(e.url): e.id for e in library.entries() if e.url}
