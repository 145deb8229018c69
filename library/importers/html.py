"""Saved web pages (HTML), and the HTML inside feed entries, turned into blocks.

trafilatura finds the main text of a page and its metadata (title, date, author, site name)
far better than hand-written rules, and works on the local file alone. Its result keeps the
page's structure as elements (headings, lists, quotes), which are walked into blocks here; the
same walk serves the HTML fragments of RSS and Atom entries, with HTML tag names.

Two things trafilatura leaves out are taken from the page first: the lead under the headline
(marked by a class such as "standfirst" or "dek", or repeated in the meta description), which
becomes the standfirst, and <figcaption> text, which it drops with the <figure> (version 2.3
has no option to keep it) and which becomes a caption block.

trafilatura's time grows faster than the page (about 5 s for 1 MB of links), so what never holds
text (scripts, styles, inline SVG, comments: most of a large page's bytes) is removed first, and
a page still larger than MAX_ELEMENTS is walked directly, its story element only, with the
metadata read from its <head>: every page is read in time proportional to its size.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..dates import parse_date_text
from ..model import Article, Block, clean_text
from .failure import ImportFailure
from .captions import key

# Element names of HTML and of trafilatura's own tree (head, item, quote, lb) alike.
_KINDS = {
    **{f"h{n}": "heading" for n in range(1, 7)},
    "head": "heading",
    "p": "paragraph",
    "li": "bullet",
    "item": "bullet",
    "dt": "paragraph",
    "dd": "paragraph",
    "blockquote": "quote",
    "quote": "quote",
    "figcaption": "caption",
}
_CONTAINERS = {
    "div", "section", "article", "main", "body", "html", "ul", "ol", "list", "dl", "table", "tbody", "thead",
    "tr", "row", "td", "th", "cell", "figure", "header", "pre", "code", "center", "details", "summary",
}
_SKIPPED = {"script", "style", "nav", "footer", "aside", "form", "button", "noscript", "svg", "iframe", "graphic",
            "img", "video", "audio", "select", "input", "template", "object", "embed"}
_BREAKS = {"br", "lb", "hr"}
_BREAK = "\0"  # a line break in the markup; newlines in the source are only white space
_LEAD_CLASS = re.compile(r"(?:^|[-_])(?:standfirst|dek|deck|subtitle|sub-title|subheadline|sub-headline|strapline)(?:$|[-_])")
_OUTSIDE_STORY = {"nav", "footer", "aside", "form"}
_NEVER_TEXT = ("style", "noscript", "svg", "template", "math")
MAX_ELEMENTS = 10_000  # about 400 KB of markup without scripts: extraction stays under half a second
METADATA_CHARS = 100_000
_DATES = {"extensive_search": False, "original_date": True}


def parse_html(text: str, path: Path) -> Article:
    import trafilatura

    try:
        tree = trafilatura.load_html(text)
        if tree is not None:
            _strip_non_text(tree)
        lead = _lead(tree) if tree is not None else ""
        captions = _unwrap_captions(tree) if tree is not None else set()
        if tree is None:
            doc = None
        elif sum(1 for _ in tree.iter()) > MAX_ELEMENTS:
            doc = _large_page(tree)
        else:
            doc = trafilatura.bare_extraction(
                tree,
                with_metadata=True,
                favor_recall=True,
                include_comments=False,
                include_tables=True,
                date_extraction_params=_DATES,
            )
    except Exception as exc:  # the extractor meets every kind of broken page; report, do not crash
        raise ImportFailure(path, f"cannot read this HTML ({type(exc).__name__})") from None
    blocks = list(element_blocks(doc.body)) if doc is not None and doc.body is not None else []
    blocks = [Block("caption", b.text) if b.kind == "paragraph" and key(b.text) in captions else b for b in blocks]
    title = clean_text(doc.title or "") if doc is not None else ""
    if blocks and blocks[0].kind == "heading" and blocks[0].text.lower() == title.lower():
        blocks.pop(0)
    if not blocks:
        raise ImportFailure(path, "no article text found in this HTML page")
    standfirst = _take_standfirst(blocks, lead, clean_text(doc.description or ""))
    return Article(
        title=title or clean_text(path.stem.replace("_", " ")),
        blocks=tuple(blocks),
        standfirst=standfirst,
        date=parse_date_text(doc.date or ""),
        source=clean_text(doc.sitename or ""),
        author=clean_text((doc.author or "").replace(";", ",")),
        url=(doc.url or "").strip(),
    )


def _strip_non_text(tree) -> None:
    """Remove scripts (but not JSON-LD, which holds the date and author), styles, inline SVG
    and comments, keeping the text that follows each."""
    from lxml import etree

    for script in tree.xpath('//script[not(@type="application/ld+json")]'):
        script.drop_tree()
    etree.strip_elements(tree, *_NEVER_TEXT, etree.Comment, with_tail=False)


def _large_page(tree):
    """A page too large for trafilatura: metadata from its first METADATA_CHARS of markup
    (head, headline, byline and dateline come first), text from its story element (<article>,
    <main> or <body>), whose navigation, asides and footers the walk skips."""
    import lxml.html
    from trafilatura.metadata import extract_metadata

    top = lxml.html.fromstring(lxml.html.tostring(tree, encoding="unicode")[:METADATA_CHARS])
    doc = extract_metadata(top, date_config=_DATES)
    doc.body = next(iter(tree.xpath("//article | //main | //body")), tree)
    return doc


def _lead(tree) -> str:
    """The text of the first element whose class marks it as the lead under the headline,
    preferring one inside the story (<article>, <main>) to a site's tagline elsewhere."""
    found = []
    for element in tree.iter():
        classes = element.get("class", "").lower().split() if isinstance(element.tag, str) else []
        if any(_LEAD_CLASS.search(name) for name in classes):
            ancestors = {a.tag for a in element.iterancestors()}
            text = clean_text(" ".join(element.itertext()))
            if 30 <= len(text) <= 600 and not ancestors & _OUTSIDE_STORY:
                found.append((not ancestors & {"article", "main"}, text))
    return min(found, key=lambda item: item[0])[1] if found else ""


def _unwrap_captions(tree) -> set[str]:
    """Put each <figcaption> where its <figure> was, as a plain paragraph trafilatura keeps,
    and return the captions' words so those paragraphs can be told apart again."""
    import lxml.html

    keys = set()
    for caption in list(tree.iter("figcaption")):
        text = clean_text(" ".join(caption.itertext()))
        figure = caption.getparent()
        holder = figure if figure is not None and figure.tag == "figure" else caption
        parent = holder.getparent()
        if not text or parent is None:
            continue
        paragraph = lxml.html.Element("p")
        paragraph.text, paragraph.tail = text, holder.tail
        parent.replace(holder, paragraph)
        keys.add(key(text))
    return keys


def _take_standfirst(blocks: list[Block], lead: str, description: str) -> str:
    """The standfirst, taken out of the blocks when the page also prints it as its first text.
    A meta description that only repeats the start of the story is not one."""
    for candidate in (lead, description):
        same = [i for i, b in enumerate(blocks[:3]) if b.kind == "paragraph" and key(b.text) == key(candidate)]
        if candidate and same and len(blocks) > 1:
            return blocks.pop(same[0]).text
    if lead:
        return lead
    if description and not any(key(b.text).startswith(key(description)[:60]) for b in blocks[:3]):
        return description
    return ""


def fragment_blocks(html: str) -> tuple[Block, ...]:
    """Blocks from a piece of HTML such as a feed entry's content; plain text passes through."""
    import lxml.html

    if not html.strip():
        return ()
    if "<" not in html:
        return tuple(Block("paragraph", t) for t in (clean_text(p) for p in html.split("\n\n")) if t)
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises several types on hopeless markup; treat it as text
        return (Block("paragraph", clean_text(html)),) if clean_text(html) else ()
    return tuple(element_blocks(root))


def element_blocks(element):
    """Walk an element tree into blocks: block elements give their kind, loose inline text
    between them becomes paragraphs, and line breaks split paragraphs."""
    pending: list[str] = [element.text or ""]
    for child in element:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag in _KINDS or tag in _CONTAINERS:
            yield from _paragraphs(pending)
            pending = []
            yield from _kind_blocks(child, tag) if tag in _KINDS else element_blocks(child)
        elif tag in _BREAKS:
            pending.append(_BREAK)
        elif tag and tag not in _SKIPPED:
            pending.append("".join(child.itertext()))
        pending.append(child.tail or "")
    yield from _paragraphs(pending)


def _kind_blocks(element, tag: str):
    kind = _KINDS[tag]
    inner = list(element_blocks(element))
    if kind in ("heading", "caption"):
        text = clean_text(" ".join(b.text for b in inner))
        if text:
            yield Block(kind, text)
        return
    for block in inner:
        yield Block(kind, block.text) if block.kind == "paragraph" else block


def _paragraphs(pieces: list[str]):
    for text in "".join(pieces).split(_BREAK):
        text = clean_text(text)
        if text:
            yield Block("paragraph", text)
