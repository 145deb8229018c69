"""Exports of read-later services: Pocket, Instapaper, Readwise Reader and Wallabag.

People leaving a service take its export with them. Wallabag's JSON holds each article's text,
so its entries become articles at once. The others hold only addresses, titles, tags and
whether an item was read or starred: those become saved links (`library.savedlinks`), which
`cuttings fetch` turns into articles when the user is online. Importing stays offline.

Each export is recognised by its content, not its name, because people rename them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..dates import parse_date_text
from ..model import Article, clean_text
from ..savedlinks import SavedLink
from .failure import ImportFailure


@dataclass
class Archive:
    """What one export holds: articles with text, links still to fetch (with their own read
    and starred marks), and the marks of the articles, by address, as they have no ids yet."""

    service: str
    articles: list[Article] = field(default_factory=list)
    links: list[SavedLink] = field(default_factory=list)
    read: set[str] = field(default_factory=set)
    starred: set[str] = field(default_factory=set)


def sniff_archive(text: str) -> str | None:
    """The service whose export this is, or None for any other file."""
    head = text[:4000]
    if "<title>Pocket Export</title>" in head:
        return "Pocket"
    first_line = head.split("\n", 1)[0].strip().lstrip("\ufeff").lower()
    columns = [c.strip().strip('"') for c in first_line.split(",")]
    if columns[:2] == ["title", "url"] and "time_added" in columns:
        return "Pocket"
    if columns[:2] == ["url", "title"] and "folder" in columns:
        return "Instapaper"
    if columns[:2] == ["title", "url"] and "document tags" in columns:
        return "Readwise Reader"
    if head.lstrip().startswith("[") and '"is_archived"' in head and '"content"' in head:
        return "Wallabag"
    return None


def parse_archive(text: str, path: Path, service: str) -> Archive:
    parse = {"Pocket": _pocket, "Instapaper": _instapaper, "Readwise Reader": _readwise, "Wallabag": _wallabag}[service]
    try:
        archive = parse(text, Archive(service))
    except (csv.Error, ValueError, TypeError, AttributeError) as exc:
        raise ImportFailure(path, f"not a readable {service} export ({type(exc).__name__}: {exc})") from None
    if not archive.articles and not archive.links:
        raise ImportFailure(path, f"this {service} export holds no articles")
    return archive


def _pocket(text: str, archive: Archive) -> Archive:
    if text.lstrip().startswith("<"):
        return _pocket_html(text, archive)
    for row in _rows(text):
        tags = _split_tags(row.get("tags", ""), "|")
        link = _link(row.get("url"), row.get("title"), tags, _epoch(row.get("time_added")))
        _keep(archive, link, read=row.get("status", "").strip().lower() == "archive")
    return archive


def _pocket_html(text: str, archive: Archive) -> Archive:
    """Pocket's older export: an `<h1>` per list (Unread, Read Archive) and a link per item."""
    import lxml.html

    root = lxml.html.document_fromstring(text)
    in_archive = False
    for element in root.iter("h1", "a"):
        if element.tag == "h1":
            in_archive = "archive" in element.text_content().lower()
            continue
        tags = _split_tags(element.get("tags", ""), ",")
        link = _link(element.get("href"), element.text_content(), tags, _epoch(element.get("time_added")))
        _keep(archive, link, read=in_archive)
    return archive


def _instapaper(text: str, archive: Archive) -> Archive:
    """Instapaper's folder is Unread, Archive, Starred or a folder the user made (kept as a tag)."""
    for row in _rows(text):
        folder = clean_text(row.get("folder", ""))
        tags = _split_tags(row.get("tags", ""), ",")
        if folder and folder.lower() not in ("unread", "archive", "starred"):
            tags = (*tags, folder)
        link = _link(row.get("url"), row.get("title"), tags, _epoch(row.get("timestamp")))
        _keep(archive, link, read=folder.lower() == "archive", starred=folder.lower() == "starred")
    return archive


def _readwise(text: str, archive: Archive) -> Archive:
    for row in _rows(text):
        tags = _split_tags(row.get("document tags", ""), ",")
        link = _link(row.get("url"), row.get("title"), tags, _iso(row.get("saved date")))
        _keep(archive, link, read=row.get("location", "").strip().lower() == "archive")
    return archive


def _wallabag(text: str, archive: Archive) -> Archive:
    """Wallabag keeps the page's cleaned HTML, so each entry is an article right away."""
    from .html import fragment_blocks

    for entry in json.loads(text):
        if not isinstance(entry, dict):
            continue
        url = str(entry.get("url") or "").strip()
        blocks = fragment_blocks(str(entry.get("content") or ""))
        tags = tuple(t for t in (clean_text(str(tag)) for tag in entry.get("tags") or []) if t)
        read, starred = bool(entry.get("is_archived")), bool(entry.get("is_starred"))
        if not blocks:
            _keep(archive, _link(url, entry.get("title"), tags, _iso(entry.get("created_at"))), read, starred)
            continue
        authors = entry.get("published_by") or []
        archive.articles.append(
            Article(
                title=clean_text(str(entry.get("title") or "")) or blocks[0].text[:100],
                blocks=blocks,
                date=_iso(entry.get("published_at")) or _iso(entry.get("created_at")),
                source=clean_text(str(entry.get("domain_name") or "")),
                author=", ".join(clean_text(str(a)) for a in authors if a) if isinstance(authors, list) else "",
                url=url,
                tags=tags,
            )
        )
        if url and read:
            archive.read.add(url)
        if url and starred:
            archive.starred.add(url)
    return archive


def _rows(text: str):
    """CSV rows keyed by lower-case column names (the services differ in capitals)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    for row in reader:
        yield {str(k).strip().lower(): (v or "") for k, v in row.items() if k is not None and isinstance(v, str)}


def _link(url, title, tags: tuple[str, ...], added: dt.date | None) -> SavedLink | None:
    url = str(url or "").strip()
    if not re.match(r"^https?://\S+$", url):
        return None
    return SavedLink(url=url, title=clean_text(str(title or "")), tags=tags, added=added)


def _keep(archive: Archive, link: SavedLink | None, read: bool = False, starred: bool = False) -> None:
    if link:
        archive.links.append(replace(link, read=read, starred=starred))


def _split_tags(text: str, separator: str) -> tuple[str, ...]:
    """Tags as the services write them: "a|b", "a,b", or a list literal "['a', 'b']"."""
    text = text.strip().strip("[]")
    return tuple(t for t in (clean_text(part.strip().strip("'\"")) for part in text.split(separator)) if t)


def _epoch(value) -> dt.date | None:
    try:
        return dt.datetime.fromtimestamp(int(str(value).strip()), dt.timezone.utc).date()
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def _iso(value) -> dt.date | None:
    return parse_date_text(str(value)) if value else None
