"""OPML, the file feed readers exchange subscriptions in (versions 1.0 and 2.0).

Folders (outlines holding outlines) are how readers group feeds; here they are a feed's tags.
A feed with several tags is written into each of its folders, and on reading the same address
met in several folders is one feed with all their names as tags, so a round trip keeps them.
The XML is parsed without entity expansion, a DTD or the network.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..model import clean_text


class OpmlError(ValueError):
    """The file cannot be read as OPML; the message names it and says why."""


@dataclass
class OpmlFeed:
    name: str
    url: str
    tags: list[str]


def read_opml(path: Path) -> list[OpmlFeed]:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(Path(path).read_bytes(), parser)
    except OSError as exc:
        raise OpmlError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    except etree.XMLSyntaxError as exc:
        raise OpmlError(f"{path}: not valid XML ({exc.msg})") from None
    if root.tag != "opml" or root.find("body") is None:
        raise OpmlError(f"{path}: not an OPML file (no <opml><body>)")
    found: dict[str, OpmlFeed] = {}
    _walk(root.find("body"), [], found)
    return list(found.values())


def _walk(element, folders: list[str], found: dict[str, OpmlFeed]) -> None:
    for outline in element.iterfind("outline"):
        label = clean_text(outline.get("text") or outline.get("title") or "")
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url:
            feed = found.setdefault(url, OpmlFeed(label or url, url, []))
            feed.tags += [tag for tag in folders if tag not in feed.tags]
        else:
            _walk(outline, [*folders, label] if label else folders, found)


def write_opml(feeds, title: str = "Cuttings feeds") -> str:
    """OPML 2.0 text for `feeds` (anything with name, url and tags)."""
    from lxml import etree

    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = title
    now = dt.datetime.now(dt.timezone.utc)
    etree.SubElement(head, "dateCreated").text = now.strftime("%a, %d %b %Y %H:%M:%S GMT")
    body = etree.SubElement(root, "body")
    folders: dict[str, etree._Element] = {}
    for feed in feeds:
        for parent in [_folder(body, folders, tag) for tag in feed.tags] or [body]:
            etree.SubElement(parent, "outline", type="rss", text=feed.name, title=feed.name, xmlUrl=feed.url)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="unicode", pretty_print=True)


def _folder(body, folders: dict, tag: str):
    if tag not in folders:
        from lxml import etree

        folders[tag] = etree.SubElement(body, "outline", text=tag, title=tag)
    return folders[tag]
