"""A web page fetched and turned into an article by the HTML importer's own extractor.

The page's text is decoded with the charset the server declared, else the one the page
declares in a <meta> tag, else by detection (as for files); a declared charset that is
unknown or does not fit the bytes falls through to the next, since servers often lie. Anything
that is not an HTML page (a PDF, an image, a feed) is refused with a one-line reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from ..importers import ImportFailure
from ..model import Article
from .addresses import canonical_url
from .client import FetchError, Fetched, Fetcher
from .feeddoc import PAGE_TYPES

PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class Page:
    article: Article
    html: str  # the decoded page, kept as the original for re-extraction
    url: str  # where it was fetched from, after redirects


def fetch_page(url: str, fetcher: Fetcher | None = None) -> Page:
    """Fetch `url` and extract its article; a FetchError names the address and the problem.
    Nothing is stored: the Add dialog previews the article before the user saves it."""
    if fetcher is None:
        with Fetcher() as own:
            return fetch_page(url, own)
    fetched = fetcher.get(url, accept=PAGE_ACCEPT)
    html = page_text(fetched)
    return Page(extract_article(html, fetched.url), html, fetched.url)


def page_text(fetched: Fetched) -> str:
    """The page as text, or a FetchError when it is not an HTML page."""
    from ..importers.decoding import binary_kind, decode

    data = fetched.body
    kind = fetched.content_type
    what = binary_kind(data)
    if what or (kind and kind not in PAGE_TYPES and kind != "text/plain"):
        raise FetchError(fetched.url, f"not a web page ({what or kind})")
    if not data.strip():
        raise FetchError(fetched.url, "the page is empty")
    meta = _META_CHARSET.search(data[:4096])
    for charset in (fetched.charset, meta.group(1).decode("ascii", "replace") if meta else None):
        if charset:
            try:
                return data.decode(charset)
            except (LookupError, UnicodeDecodeError):
                continue
    try:
        return decode(data, _name(fetched.url))
    except ImportFailure as exc:
        raise FetchError(fetched.url, exc.reason) from None


def extract_article(html: str, url: str) -> Article:
    """The article in a page's HTML, its address the page's canonical one when it names one."""
    from ..importers.html import parse_html

    try:
        article = parse_html(html, _name(url))
    except ImportFailure as exc:
        raise FetchError(url, exc.reason) from None
    named = article.url if urlsplit(article.url).scheme in ("http", "https") else ""
    return replace(article, url=canonical_url(named or url))


def _name(url: str) -> PurePosixPath:
    """A stand-in path for the importers, whose messages and fallback titles use one."""
    parts = urlsplit(url)
    return PurePosixPath(parts.path.rstrip("/") or parts.hostname or "page")
