"""Markdown articles, with or without YAML front matter (notes apps and web clippers write both).

The body is brought into the plain dialect of the library's own article files (one block per
paragraph, `## ` headings, `- ` bullets, `> ` quotes) and read with the same block parser, so
the two cannot drift apart. Links keep their words, images keep their alt text as a caption,
and emphasis marks are dropped: a reader shows the words, not the formatting. An italic line
or a credit right under an image belongs to its caption. Without front matter, a short line
under the title such as "*Policy Notes, 22 June 2022*" or "By Jane Roe" gives date, outlet
and author.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..articlefile import ArticleFileError, escape_paragraph, parse_blocks, parse_date, split_front_matter
from ..dates import parse_date_text
from ..model import Article, clean_text
from .failure import ImportFailure
from .bylines import credit_line
from .captions import is_bare_credit, join_caption

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
# Inline patterns never scan past the next mark of their own kind (no [ inside [...], no * inside
# *...*), so a line of `[a[a[a...` or `*a *a *a ...` costs its length, not its length squared.
_IMAGE = re.compile(r"!\[([^\[\]]*)\]\([^()]*\)")
_LINK = re.compile(r"\[([^\[\]]+)\]\([^()]*\)|\[([^\[\]]+)\]\[[^\[\]]*\]")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)((?:(?!\1).)+?)(?<=\S)\1")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")
_HIDE = 0xE000  # escaped marks wait in the private-use area while the patterns run
_HIDDEN = re.compile("[\ue000-\ue0ff]")
_WHOLLY_EMPHASISED = re.compile(r"^([*_]{1,2})\S.*\S\1$")


def parse_markdown(text: str, path: Path) -> Article:
    try:
        front, body = split_front_matter(text, path)
    except ArticleFileError as exc:
        raise ImportFailure(path, str(exc).removeprefix(f"{path}:").strip()) from None
    title = _text(front, "title")
    lines = _normalise(_without_comments(body)).split("\n")
    first = next((i for i, line in enumerate(lines) if line.startswith("## ") and line.endswith("\0")), None)
    if first is not None and (not title or clean_text(lines[first][3:-1]) == title):
        title = clean_text(lines.pop(first)[3:-1])
    blocks = parse_blocks("\n".join(line.rstrip("\0") for line in lines))
    if not title and blocks and blocks[0].kind == "heading":
        title, blocks = blocks[0].text, blocks[1:]
    date, author, source = _date(front), _author(front), _text(front, "source", "site", "publication", "publisher")
    for block in list(blocks[:2]):
        found = credit_line(block.text) if block.kind == "paragraph" and len(blocks) > 1 else None
        if found is None:
            break
        blocks = tuple(b for b in blocks if b is not block)
        date, author, source = date or found[0], author or found[1], source or found[2]
    if not blocks:
        raise ImportFailure(path, "no article text after the front matter")
    return Article(
        title=title or clean_text(path.stem.replace("_", " ")),
        blocks=blocks,
        standfirst=_text(front, "standfirst", "description", "summary", "subtitle"),
        date=date,
        source=source,
        author=author,
        url=_text(front, "url", "link", "canonical"),
        tags=_tags(front.get("tags") or front.get("keywords")),
    )


def _without_comments(text: str) -> str:
    """The text without <!-- ... --> comments (an unclosed one is left as text). A loop of
    finds, because a pattern would scan to the end from every <!-- of an unclosed run."""
    kept, position = [], 0
    while (start := text.find("<!--", position)) >= 0 and (end := text.find("-->", start + 4)) >= 0:
        kept.append(text[position:start])
        position = end + 3
    return "".join(kept) + text[position:]


def _normalise(body: str) -> str:
    """Markdown as written by people, in the one-block-per-paragraph dialect. A level-one
    heading line ends with a NUL marker so the first one can become the title."""
    out: list[str] = []
    in_fence = False
    lines = body.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if _FENCE.match(line):
            in_fence = not in_fence
            out.append("")
            continue
        if in_fence:
            out.append(line)
            continue
        if out and out[-1].strip() and _SETEXT.match(line) and not _LIST_ITEM.match(out[-1]):
            level = "\0" if line.strip().startswith("=") else ""
            out[-1:] = ["", "## " + _inline(out[-1]) + level, ""]
            continue
        heading = _HEADING.match(line)
        if heading:
            out += ["", "## " + _inline(heading.group(2)) + ("\0" if len(heading.group(1)) == 1 else ""), ""]
        elif _RULE.match(line):
            out.append("")
        elif _LIST_ITEM.match(line):
            out += ["", "- " + _inline(_LIST_ITEM.sub("", line, count=1))]
        elif _QUOTE.match(line):
            out.append("> " + _inline(_QUOTE.sub("", line)))
        elif line.strip().startswith("![") and _IMAGE.fullmatch(line.strip()):
            alt = _inline(_IMAGE.fullmatch(line.strip()).group(1).strip())
            credit, index = _credit_under(lines, index)
            caption = join_caption(alt, credit) if alt and credit else alt or credit
            out += ["", f"*Caption:* {caption}" if caption else "", ""]
        else:
            plain = _inline(line)
            starts_block = not out or not out[-1].strip()  # later lines of a paragraph are read as they are
            out.append(escape_paragraph(plain) if starts_block else plain)
    return "\n".join(out)


def _credit_under(lines: list[str], index: int) -> tuple[str, int]:
    """The paragraph under an image when it is the image's caption or credit (set in italics,
    or a credit alone), and the index of the line after it; ("", index) otherwise."""
    start = index
    while start < len(lines) and not lines[start].strip():
        start += 1
    end = start
    while end < len(lines) and lines[end].strip() and not _starts_block(lines[end]):
        end += 1
    raw = " ".join(line.strip() for line in lines[start:end])
    text = clean_text(_inline(raw))
    if text and len(text) <= 400 and (_WHOLLY_EMPHASISED.match(raw) or is_bare_credit(text)):
        return text, end
    return "", index


def _starts_block(line: str) -> bool:
    return bool(
        _HEADING.match(line) or _LIST_ITEM.match(line) or _QUOTE.match(line) or _FENCE.match(line)
        or _RULE.match(line) or line.strip().startswith("![")
    )


def _inline(text: str) -> str:
    """Words without link targets and emphasis marks; backslash-escaped marks stay as text."""
    text = _ESCAPED.sub(lambda m: chr(_HIDE + ord(m.group(1))), text)
    text = _IMAGE.sub(lambda m: m.group(1), text)
    text = _LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = _EMPHASIS.sub(lambda m: m.group(2), text)
    return _HIDDEN.sub(lambda m: chr(ord(m.group()) - _HIDE), text).rstrip()


def _text(front: dict, *keys: str) -> str:
    for key in keys:
        value = front.get(key)
        if isinstance(value, (str, int, float)) and str(value).strip():
            return clean_text(str(value))
    return ""


def _date(front: dict):
    for key in ("date", "published", "pubdate", "created"):
        value = front.get(key)
        if value:
            return parse_date(value) or parse_date_text(str(value))
    return None


def _author(front: dict) -> str:
    value = front.get("author") or front.get("authors") or front.get("byline")
    if isinstance(value, list):
        return ", ".join(clean_text(str(v)) for v in value if str(v).strip())
    return clean_text(str(value)) if isinstance(value, (str, int)) else ""


def _tags(value) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        return ()
    return tuple(t for t in (clean_text(str(v)).lstrip("#") for v in value) if t)
