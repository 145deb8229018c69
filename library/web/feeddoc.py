"""A fetched feed read into entries, and a web page's own feed found through its links.

feedparser reads the bytes the client fetched (never an address: it would fetch it itself,
without our limits). A feed needs no document type, so its <!DOCTYPE> is cut out first: no
entity is ever declared, a billion-laughs feed stays small (expat's own amplification limit
would stop it too, but only after a second or two of work) and an external entity cannot read
a local file; tests/test_web_network.py holds it to that. An entry counts as carrying its full text when its
text runs to `FULL_TEXT_WORDS`; shorter ones are teasers whose linked page is fetched.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from urllib.parse import urljoin

from ..importers.feeds import field_text
from ..model import clean_text
from .client import FetchError, Fetched

FULL_TEXT_WORDS = 150
FEED_TYPES = {
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
    "application/x-rss+xml", "application/x-atom+xml",
}
_DOCTYPE = re.compile(rb"<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>", re.DOTALL | re.IGNORECASE)
PAGE_TYPES = {"text/html", "application/xhtml+xml"}
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"


@dataclass(frozen=True)
class FeedDocument:
    title: str
    entries: list  # feedparser entries


def looks_like_feed(fetched: Fetched) -> bool:
    """By its content type, or by its first characters when the server says only "text/plain"
    or nothing (many feeds are served so)."""
    if fetched.content_type in FEED_TYPES:
        return True
    if fetched.content_type in PAGE_TYPES:
        return False
    head = fetched.body[:1024].lstrip().lower()
    return head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed", b"<rdf:rdf"))


def read_feed(fetched: Fetched) -> FeedDocument:
    """The feed's title and entries, or a FetchError saying why this is not a feed."""
    import feedparser

    if not looks_like_feed(fetched):
        raise FetchError(fetched.url, f"not an RSS or Atom feed ({fetched.content_type or 'no content type'})")
    headers = {"content-type": fetched.headers.get("content-type", "application/xml"), "content-location": fetched.url}
    body = _DOCTYPE.sub(b"", fetched.body, count=1)
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    if not parsed.feed and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise FetchError(fetched.url, f"not a readable RSS or Atom feed ({_plain(problem)})")
    return FeedDocument(clean_text(field_text(parsed.feed, "title")), list(parsed.entries))


def feed_links(fetched: Fetched) -> list[str]:
    """The feeds a web page announces with <link rel="alternate" type="application/rss+xml">
    (or Atom), as absolute addresses in the page's order."""
    import lxml.html

    try:
        root = lxml.html.fromstring(fetched.body)
    except Exception:  # lxml raises several types on hopeless markup
        return []
    links = []
    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().strip()
        if "alternate" in rel and kind in FEED_TYPES and link.get("href"):
            links.append(urljoin(fetched.url, link.get("href").strip()))
    return list(dict.fromkeys(links))


def entry_key(entry) -> str:
    """What identifies an entry across fetches: its id, else its link, else a hash of its text."""
    for name in ("id", "link"):
        value = field_text(entry, name).strip()
        if value:
            return value
    text = f"{field_text(entry, 'title')}\0{field_text(entry, 'summary')}"
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()[:16]


def carries_full_text(article) -> bool:
    return article.word_count >= FULL_TEXT_WORDS


def _plain(problem) -> str:
    if problem is None:
        return "no feed elements found"
    text = getattr(problem, "getMessage", lambda: str(problem))()
    return text.strip().splitlines()[0] if text.strip() else type(problem).__name__
