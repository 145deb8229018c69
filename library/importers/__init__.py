"""Turning files people collect (web text, Markdown, HTML, feeds) into articles.

`read_articles` picks the reader for a file and returns its articles without ids; anything that
keeps a file from being read becomes an `ImportFailure` naming the file and the reason, so a
caller can report it in one line and go on with the next file. The format modules are imported
only when needed: the HTML extractor alone takes a noticeable part of a second to load.
"""

from __future__ import annotations

from pathlib import Path

from .failure import ImportFailure


MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml", ".rdf"}
TEXT_SUFFIXES = {".txt", ".text", ""}
ARTICLE_SUFFIXES = MARKDOWN_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | TEXT_SUFFIXES


def read_articles(path: Path) -> list:
    """The articles in one file (a feed holds several, every other format one)."""
    text, kind = read_file(path)
    return parse_articles(text, kind, path)


def read_file(path: Path) -> tuple[str, str]:
    """The file's text, decoded and with newlines normalised, and its format ("feed", "html",
    "markdown" or "text"): how import reads every file, and `cuttings analyze` too."""
    from .decoding import read_text

    path = Path(path)
    text = read_text(path)
    return text, sniff_format(path, text)


def parse_articles(text: str, kind: str, path: Path) -> list:
    """The articles of a file's text in the format `read_file` found; a reader tripping on
    input it did not foresee is a failure of this file, not of the program."""
    path = Path(path)
    try:
        if kind == "feed":
            from .feeds import parse_feed

            return parse_feed(text, path)
        if kind == "html":
            from .html import parse_html

            return [parse_html(text, path)]
        if kind == "markdown":
            from .markdown import parse_markdown

            return [parse_markdown(text, path)]
        from .webtext import parse_webtext

        return [parse_webtext(text, path)]
    except (ValueError, LookupError, RecursionError) as exc:
        raise ImportFailure(path, f"cannot read this file ({type(exc).__name__}: {exc})") from None


def sniff_format(path: Path, text: str) -> str:
    """The format by suffix, or by the first characters when the suffix says nothing
    (a saved page named .txt, a feed saved without a suffix)."""
    suffix = path.suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    head = text[:2000].lstrip().lower()
    if head.startswith("<?xml") or head.startswith(("<rss", "<feed", "<rdf:rdf")):
        if any(tag in head for tag in ("<rss", "<feed", "<rdf:rdf")):
            return "feed"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    if head.startswith("---\n") or head.startswith("# "):
        return "markdown"
    return "text"
