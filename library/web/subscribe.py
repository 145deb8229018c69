"""Following a feed: by its address, by a web page that links to it, or from an OPML file.

A new address is fetched once to check that it is a feed (or a page announcing one) before
it is added, so a typo fails now, in one line, and not at every later fetch. Its validators
are not kept: the first `cuttings fetch` must get the entries, not a 304.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .addresses import canonical_url
from .client import FetchError, Fetcher
from .feeddoc import FEED_ACCEPT, feed_links, looks_like_feed, read_feed
from .opml import read_opml
from .subscriptions import Subscription, editing_feeds, find_feed, load_feeds


class SubscribeError(ValueError):
    """Why a feed cannot be added, in one line."""


def subscribe(library, url: str, name: str | None = None, tags=(), fetcher: Fetcher | None = None) -> Subscription:
    """Check `url` (a feed, or a page linking to one) and add it; its title is the default name."""
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    try:
        feed_url, title = _find_feed(fetcher, url.strip())
    finally:
        if own:
            fetcher.close()
    with editing_feeds(library) as feeds:
        _refuse_taken(feeds, feed_url, name or title)
        feed = Subscription(name or title or canonical_url(feed_url), feed_url, tuple(dict.fromkeys(tags)))
        feeds.append(feed)
    return feed


def _find_feed(fetcher: Fetcher, url: str) -> tuple[str, str]:
    """The feed's address and title; a page's first announced feed when `url` is a page."""
    fetched = fetcher.get(url, accept=FEED_ACCEPT)
    if not looks_like_feed(fetched):
        links = feed_links(fetched)
        if not links:
            raise FetchError(url, f"not a feed, and the page links to none ({fetched.content_type or 'no content type'})")
        url = links[0]
        fetched = fetcher.get(url, accept=FEED_ACCEPT)
    document = read_feed(fetched)
    return fetched.moved_to or url, document.title  # a temporary redirect keeps the address given


def _refuse_taken(feeds: list[Subscription], url: str, name: str) -> None:
    same = [f for f in feeds if canonical_url(f.url) == canonical_url(url)]
    if same:
        raise SubscribeError(f"{url}: already followed as {same[0].name!r}")
    if name and find_feed(feeds, name) >= 0:
        raise SubscribeError(f"a feed called {name!r} exists; choose another with --name")


@dataclass(frozen=True)
class OpmlOutcome:
    name: str
    url: str
    status: str  # "added" | "known" (already followed; new folders added as tags)


def import_opml(library, path: Path) -> list[OpmlOutcome]:
    """Add every feed in an OPML file, its folders as tags. Nothing is fetched: an OPML file
    lists hundreds of feeds, and `cuttings fetch` reports the ones that fail."""
    entries = read_opml(path)
    outcomes = []
    with editing_feeds(library) as feeds:
        for entry in entries:
            known = next((i for i, f in enumerate(feeds) if canonical_url(f.url) == canonical_url(entry.url)), -1)
            if known >= 0:
                feed = feeds[known]
                feeds[known] = replace(feed, tags=tuple(dict.fromkeys((*feed.tags, *entry.tags))))
                outcomes.append(OpmlOutcome(feed.name, feed.url, "known"))
                continue
            name = _free_name(feeds, entry.name)
            feeds.append(Subscription(name, entry.url, tuple(entry.tags)))
            outcomes.append(OpmlOutcome(name, entry.url, "added"))
    return outcomes


def _free_name(feeds: list[Subscription], name: str) -> str:
    candidate, n = name, 2
    while find_feed(feeds, candidate) >= 0:
        candidate, n = f"{name} ({n})", n + 1
    return candidate


def export_opml(library) -> str:
    from .opml import write_opml

    return write_opml(load_feeds(library))
