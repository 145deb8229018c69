"""RSS and Atom files saved on disk: one article per entry.

feedparser copes with every dialect and most broken feeds. It is handed the file's text as a
stream, never a string, because given a string that looks like an address it would fetch it:
importing stays offline. An entry's full text (content:encoded, Atom content) is preferred to
its summary, which is often a teaser; when there is full text, a summary that is not just its
opening words is the entry's standfirst.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from ..dates import parse_date_text
from ..model import Article, clean_text
from .failure import ImportFailure
from .captions import key
from .html import fragment_blocks


def parse_feed(text: str, path: Path) -> list[Article]:
    import feedparser

    feed = feedparser.parse(
        io.BytesIO(text.encode("utf-8")),
        response_headers={"content-type": "application/xml; charset=utf-8"},
        sanitize_html=False,  # a quarter of the time on big feeds; only the words are kept (html.py)
        resolve_relative_uris=False,  # links are not kept either
    )
    if not feed.entries:
        if feed.bozo and not feed.feed:
            problem = getattr(feed.bozo_exception, "getMessage", lambda: str(feed.bozo_exception))()
            raise ImportFailure(path, f"not a readable RSS or Atom feed ({problem})")
        raise ImportFailure(path, "feed has no entries")
    source = clean_text(field_text(feed.feed, "title"))
    articles = [entry_article(entry, source) for entry in feed.entries]
    articles = [a for a in articles if a.blocks]
    if not articles:
        raise ImportFailure(path, "no entry in this feed has any text")
    return articles


def entry_article(entry, source: str) -> Article:
    contents = [c for c in entry.get("content") or [] if field_text(c, "value").strip()]
    body = max((c["value"] for c in contents), key=len) if contents else field_text(entry, "summary")
    title = clean_text(field_text(entry, "title"))
    blocks = fragment_blocks(body)
    if blocks and blocks[0].kind == "heading" and blocks[0].text == title:
        blocks = blocks[1:]
    return Article(
        title=title or (clean_text(blocks[0].text[:100]) if blocks else "Untitled entry"),
        blocks=blocks,
        standfirst=_standfirst(field_text(entry, "summary"), blocks) if contents else "",
        date=_entry_date(entry),
        source=source,
        author=_author(field_text(entry, "author")),
        url=field_text(entry, "link").strip(),
        tags=tuple(t for t in (clean_text(field_text(tag, "term")) for tag in entry.get("tags") or []) if t),
    )


def field_text(mapping, key: str) -> str:
    """A text field of a feed, entry or tag: feedparser gives None, or a list, for broken markup."""
    value = mapping.get(key) if hasattr(mapping, "get") else None
    return value if isinstance(value, str) else ""


def _standfirst(summary: str, blocks) -> str:
    """The summary, unless it is too short to say anything or repeats the start of the text."""
    text = clean_text(" ".join(block.text for block in fragment_blocks(summary)))
    words = key(text)
    if len(text.split()) < 4 or len(text) > 600 or not blocks:
        return ""
    opening = key(" ".join(block.text for block in blocks[:3]))
    return "" if opening.startswith(words[: max(len(words) - 3, 1)]) else text


def _author(text: str) -> str:
    """RSS puts an address first ("desk@example.org (Ravi Menon)"); the name is what a reader wants."""
    named = re.match(r"^\S+@\S+\s*\((.+)\)$", text.strip())
    return clean_text(named.group(1) if named else text)


def _entry_date(entry) -> dt.date | None:
    """The day as the feed wrote it; feedparser's own parse is in UTC and can shift the day."""
    for key in ("published", "updated", "created"):
        found = parse_date_text(field_text(entry, key))
        if found:
            return found
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None
