"""Refreshing feeds: every feed fetched, each new entry turned into an article and stored.

Feeds are fetched in worker threads (the client keeps to 8 requests at once, 2 per host); a
worker fetches one feed and then, one by one, the pages of its new entries that carry only a
summary. Articles are stored on the calling thread, one atomic file each, and an entry is
marked seen (in feeds.yaml) only once its article is stored, so an interrupted fetch leaves
no half article and the next fetch takes up the rest. An entry is never imported twice: it is
skipped when its id or link was seen, when the library already holds its address, and the
library itself refuses the same content twice.

A page that failed for a passing reason (a timeout, a 5xx) is tried again next time, and the
feed's ETag and Last-Modified are then not kept, so the entry does not hide behind a 304. A page
that will never come (a 404, a PDF) leaves the entry's own text as the article.
"""

from __future__ import annotations

import datetime as dt
import queue
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Callable

from ..importers.feeds import field_text
from .addresses import canonical_url
from .client import FetchError, Fetcher, host_key
from .feeddoc import FEED_ACCEPT, carries_full_text, entry_key, read_feed
from .originals import keep_original
from .pages import fetch_page
from .subscriptions import Subscription, find_feed, load_feeds, update_states

SAVE_EVERY = 2.0  # seconds between saves of feeds.yaml during a long fetch


class UnknownFeed(LookupError):
    def __str__(self) -> str:
        return f"no feed called {self.args[0]!r} (cuttings feeds lists them)"


@dataclass
class FeedReport:
    """What one feed's refresh did, for a progress line, a JSON object or the Feeds screen."""

    name: str
    url: str
    status: str  # "ok" | "not modified" | "failed" | "gone" | "waiting"
    error: str = ""
    new: list[str] = field(default_factory=list)  # ids of the articles it brought
    moved_to: str | None = None  # stored address changed by a permanent redirect
    page_errors: list[str] = field(default_factory=list)  # one line per entry page that failed

    def to_json(self) -> dict:
        return {
            "feed": self.name, "url": self.url, "status": self.status, "new": len(self.new),
            "articles": self.new, "error": self.error, "moved_to": self.moved_to, "page_errors": self.page_errors,
        }


@dataclass
class _Fetch:
    """One feed's refresh, filled in by its worker and (`stored`, `report.new`) the calling thread."""

    feed: Subscription
    report: FeedReport
    stored: dict = field(default_factory=dict)  # entry key -> article id, stored by the calling thread
    given_up: list[str] = field(default_factory=list)  # entries with no text to be had: seen, no article
    validators: dict = field(default_factory=dict)  # etag, last_modified
    keys: list[str] = field(default_factory=list)  # every entry key in the feed now
    complete: bool = True  # every new entry became an article
    skipped: bool = False  # gone, or waiting for its Retry-After: nothing was asked


def refresh_feeds(
    library,
    names: list[str] | None = None,
    *,
    fetcher: Fetcher | None = None,
    keep_originals: bool = True,
    on_progress: Callable[[int, int, FeedReport], None] | None = None,
    stop: threading.Event | None = None,
) -> list[FeedReport]:
    """Fetch the named feeds (all when None) and store their new articles. `on_progress(done,
    total, report)` is called on this thread after each feed. Setting `stop` (from another
    thread: the app's cancel) ends the refresh within a moment; what was stored is kept, and
    the next refresh takes up the rest."""
    feeds = _chosen(load_feeds(library), names)
    halt = threading.Event()  # tells the workers to stop; the caller's `stop` is only read
    known = {canonical_url(e.url) for e in library.entries() if e.url}
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    inbox: queue.Queue = queue.Queue()
    reports: list[FeedReport] = []
    under_way: dict[str, _Fetch] = {}  # feeds whose articles are being stored
    states: dict[str, tuple[dict, str | None]] = {}
    last_save = time.monotonic()
    pool = ThreadPoolExecutor(max_workers=8, thread_name_prefix="cuttings-fetch")
    try:
        with library.bulk():
            for feed in _hosts_taking_turns(feeds):
                pool.submit(_worker, fetcher, feed, known, halt, inbox.put)
            while len(reports) < len(feeds) and not (stop and stop.is_set()):
                message = _next(inbox)
                if message is None:
                    continue
                kind, fetch = message[0], message[1]
                if kind == "crash":
                    raise fetch
                if kind == "entry":
                    under_way[fetch.feed.name] = fetch
                    _store(library, fetch, *message[2:], keep_originals)
                    continue
                under_way.pop(fetch.feed.name, None)
                states[fetch.feed.name] = _state(fetch)
                reports.append(fetch.report)
                if on_progress:
                    on_progress(len(reports), len(feeds), fetch.report)
                if time.monotonic() - last_save > SAVE_EVERY:
                    update_states(library, states)
                    states, last_save = {}, time.monotonic()
    finally:
        halt.set()
        pool.shutdown(wait=False, cancel_futures=True)
        for fetch in under_way.values():  # interrupted part way: keep what was stored
            fetch.complete = False
            states[fetch.feed.name] = _state(fetch)
        update_states(library, states)
        if own:
            fetcher.close()
    order = {feed.name: i for i, feed in enumerate(feeds)}
    return sorted(reports, key=lambda r: order[r.name])


def _next(inbox: queue.Queue):
    """The next message from the workers; a short wait keeps ctrl+c prompt."""
    try:
        return inbox.get(timeout=0.2)
    except queue.Empty:
        return None


def _worker(fetcher: Fetcher, feed: Subscription, known: set[str], stop: threading.Event, send) -> None:
    try:
        send(("done", _fetch_feed(fetcher, feed, known, stop, send)))
    except BaseException as exc:  # a bug, not a network failure: the calling thread raises it
        send(("crash", exc))


def _chosen(feeds: list[Subscription], names: list[str] | None) -> list[Subscription]:
    if not names:
        return feeds
    chosen = []
    for name in names:
        at = find_feed(feeds, name)
        if at < 0:
            raise UnknownFeed(name)
        chosen.append(feeds[at])
    return list({feed.name: feed for feed in chosen}.values())


def _hosts_taking_turns(feeds: list[Subscription]) -> list[Subscription]:
    """The feeds in an order that visits each host in turn, so the workers are not all
    waiting for one host's two slots while other hosts' feeds wait behind them."""
    by_host: dict[str, list[Subscription]] = {}
    for feed in feeds:
        by_host.setdefault(host_key(feed.url), []).append(feed)
    queues = list(by_host.values())
    return [queue[i] for i in range(max(map(len, queues), default=0)) for queue in queues if i < len(queue)]


def _fetch_feed(fetcher: Fetcher, feed: Subscription, known: set[str], stop: threading.Event, send) -> _Fetch:
    """Runs in a worker: the feed request, then the pages of its new summary-only entries,
    each entry's article sent to the calling thread to store as soon as it is ready."""
    from ..importers.feeds import entry_article

    state = feed.state
    report = FeedReport(feed.name, feed.url, "ok")
    fetch = _Fetch(feed, report)
    if state.get("status") == "gone":
        report.status, report.error, fetch.skipped = "gone", state.get("error") or "the feed is gone (HTTP 410)", True
        return fetch
    retry_at = _when(state.get("retry_at"))
    if retry_at and retry_at > _now():
        report.status, fetch.skipped = "waiting", True
        report.error = f"{feed.url}: the server asked to wait until {retry_at:%Y-%m-%d %H:%M} UTC"
        return fetch
    try:
        fetched = fetcher.get(feed.url, state.get("etag"), state.get("last_modified"), accept=FEED_ACCEPT)
    except FetchError as exc:
        report.status = "gone" if exc.status == 410 else "waiting" if exc.retry_at else "failed"
        report.error = str(exc)
        fetch.validators = {"retry_at": exc.retry_at.isoformat(timespec="seconds")} if exc.retry_at else {}
        return fetch
    report.moved_to = fetched.moved_to
    fetch.validators = {"etag": fetched.headers.get("etag", ""), "last_modified": fetched.headers.get("last-modified", "")}
    if fetched.status == 304:
        report.status = "not modified"
        fetch.validators = {"etag": state.get("etag", ""), "last_modified": state.get("last_modified", "")}
        return fetch
    try:
        document = read_feed(fetched)
    except FetchError as exc:
        report.status, report.error = "failed", str(exc)
        return fetch
    seen = feed.seen
    for entry in document.entries:
        key = entry_key(entry)
        fetch.keys.append(key)
        link = canonical_url(field_text(entry, "link")) if field_text(entry, "link") else ""
        if key in seen or (link and link in known):
            continue
        if stop.is_set():
            fetch.complete = False
            break
        article = entry_article(entry, document.title)
        html = page = None
        if not carries_full_text(article) and article.url:
            try:
                page = fetch_page(article.url, fetcher)
            except FetchError as exc:
                report.page_errors.append(str(exc))
                if exc.transient:
                    fetch.complete = False  # tried again next time
                    continue
                page = None  # never coming (404, a PDF): the entry's own text is all there is
        if page is not None:
            html = page.html
            article = replace(
                page.article,
                title=article.title or page.article.title,
                url=article.url,
                author=article.author or page.article.author,
                date=article.date or page.article.date,
                source=article.source or page.article.source,
            )
        if not article.blocks:
            report.page_errors.append(f"{article.url or key}: the entry has no text")
            fetch.given_up.append(key)
            continue
        tags = tuple(dict.fromkeys((*feed.tags, *article.tags)))
        send(("entry", fetch, key, replace(article, tags=tags), html))
    return fetch


def _store(library, fetch: _Fetch, key: str, article, html: str | None, keep_originals: bool) -> None:
    """On the calling thread: one entry's article into the library (an atomic write)."""
    result = library.add(article, replace_previous=False)
    fetch.stored[key] = result.id
    if result.status == "imported":
        fetch.report.new.append(result.id)
        if keep_originals and html is not None:
            keep_original(library, result.id, html)


def _state(fetch: _Fetch) -> tuple[dict, str | None]:
    """The feed's state after its refresh, and its new address after a permanent redirect."""
    state = dict(fetch.feed.state)
    if fetch.skipped:
        return state, None
    report = fetch.report
    state.update(checked=_now().isoformat(timespec="seconds"), status=report.status, error=report.error)
    state["retry_at"] = fetch.validators.get("retry_at", "")
    if report.status in ("failed", "gone", "waiting"):
        return state, None
    seen = {**fetch.feed.seen, **dict.fromkeys(fetch.given_up, ""), **fetch.stored}
    if fetch.keys and fetch.complete:  # forget entries that left the feed; keep what it still shows
        seen = {k: v for k, v in seen.items() if k in set(fetch.keys)}
    state["seen"] = seen
    state["articles"] = int(state.get("articles") or 0) + len(report.new)
    if fetch.complete:
        state["etag"], state["last_modified"] = fetch.validators.get("etag", ""), fetch.validators.get("last_modified", "")
    else:
        state["etag"] = state["last_modified"] = ""
    if report.page_errors:
        state["error"] = f"{len(report.page_errors)} page(s) failed; first: {report.page_errors[0]}"
    return state, report.moved_to


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def _when(text) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(text)) if text else None
    except ValueError:
        return None
