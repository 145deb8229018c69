"""One article as one Markdown file with YAML front matter.

The file is what a person reads, edits and backs up, so it stays plain Markdown: one block per
line, blank lines between blocks, `## ` for headings, `- ` for bullets, `> ` for quotes and
`*Caption:* ` for captions. A paragraph that happens to start like a Markdown block ("* * *",
"+ 5.2% growth", a lone "-", "1. ") is written with a leading backslash, so that every article
reads back exactly as written and other Markdown readers show it as a paragraph too.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from . import safeyaml
from .model import Article, Block, clean_text

# libyaml's safe dumper when present: the same safety, many times faster.
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

_PREFIXES = (("heading", "## "), ("bullet", "- "), ("quote", "> "), ("caption", "*Caption:* "))
# Starts a Markdown reader takes for markup: heading, quote, escape, list item, rule, caption.
_MARKDOWN_START = re.compile(r"[#>\\]|[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|(?:[-*_=]\s*){3,}$|\*Caption:\*")
_FRONT_KEYS = ("id", "title", "standfirst", "date", "source", "author", "url", "tags", "imported")


class ArticleFileError(ValueError):
    """The file is not a readable article; the message names the file and the problem."""


def dump_article(article: Article) -> str:
    front = {
        "id": article.id,
        "title": article.title,
        "standfirst": article.standfirst,
        "date": article.date.isoformat() if article.date else None,
        "source": article.source,
        "author": article.author,
        "url": article.url,
        "tags": list(article.tags),
        "imported": article.imported,
        "content_hash": article.content_hash,
    }
    header = yaml.dump(front, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
    lines = [f"---\n{header}---\n"]
    for block in article.blocks:
        lines.append(_dump_block(block) + "\n")
    return "\n".join(lines)


def _dump_block(block: Block) -> str:
    for kind, prefix in _PREFIXES:
        if block.kind == kind:
            return prefix + block.text
    return escape_paragraph(block.text)


def escape_paragraph(text: str) -> str:
    """The line that reads back as a paragraph of exactly this text."""
    if _MARKDOWN_START.match(text) or _parse_line(text) != ("paragraph", text):
        return "\\" + text
    return text


def split_front_matter(text: str, path: Path | str) -> tuple[dict, str]:
    """Front matter as a dict (empty when there is none) and the body after it."""
    if not text.startswith("---"):
        return {}, text
    first_newline = text.find("\n")
    if text[:first_newline].strip() != "---":
        return {}, text
    end = text.find("\n---", first_newline)
    if end < 0:
        raise ArticleFileError(f"{path}: front matter opened with --- but never closed")
    raw = text[first_newline + 1 : end]
    body_start = text.find("\n", end + 1)
    body = text[body_start + 1 :] if body_start >= 0 else ""
    try:
        front = safeyaml.parse(raw, path) or {}
    except safeyaml.YamlError as exc:
        where = f" line {exc.line + 1}" if exc.line else ""
        raise ArticleFileError(f"{path}:{where} broken YAML front matter ({exc.problem})") from None
    if not isinstance(front, dict):
        raise ArticleFileError(f"{path}: front matter is not a mapping of keys to values")
    return front, body


def parse_blocks(body: str) -> tuple[Block, ...]:
    """Blocks from the body of an article file: blank lines separate blocks, and lines
    inside one block are joined (a person may wrap long paragraphs by hand)."""
    blocks: list[Block] = []
    for chunk in _chunks(body):
        kind, text = _parse_line(chunk[0])
        if kind == "bullet" and all(line.startswith("- ") for line in chunk):
            blocks.extend(Block("bullet", clean_text(line[2:])) for line in chunk)
            continue
        rest = [line[2:] if kind == "quote" and line.startswith("> ") else line for line in chunk[1:]]
        text = clean_text(" ".join([text, *rest]))
        if text:
            blocks.append(Block(kind, text))
    return tuple(blocks)


def _chunks(body: str) -> list[list[str]]:
    chunks: list[list[str]] = [[]]
    for line in body.splitlines():
        if line.strip():
            chunks[-1].append(line.rstrip())
        elif chunks[-1]:
            chunks.append([])
    return [c for c in chunks if c]


def _parse_line(line: str) -> tuple[str, str]:
    if line.startswith("\\"):
        return "paragraph", line[1:]
    if line.startswith("#"):
        return "heading", line.lstrip("#").strip()
    for kind, prefix in _PREFIXES:
        if line.startswith(prefix) or (kind != "caption" and line == prefix.strip()):
            return kind, line[len(prefix) :]
    if line.startswith(("* ", "+ ")):
        return "bullet", line[2:]
    return "paragraph", line


def parse_date(value: object) -> dt.date | None:
    """A date from front matter: YAML may give a date, a datetime or a string."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def load_article(text: str, path: Path | str) -> Article:
    front, body = split_front_matter(text, path)
    unknown_types = [k for k in _FRONT_KEYS if k in front and isinstance(front[k], (dict,))]
    if unknown_types:
        raise ArticleFileError(f"{path}: front matter key {unknown_types[0]!r} must not be a mapping")
    tags = front.get("tags") or ()
    if isinstance(tags, str):
        tags = [tags]
    return Article(
        id=str(front.get("id") or ""),
        title=clean_text(str(front.get("title") or "")) or Path(path).stem,
        standfirst=clean_text(str(front.get("standfirst") or "")),
        date=parse_date(front.get("date")),
        source=clean_text(str(front.get("source") or "")),
        author=clean_text(str(front.get("author") or "")),
        url=str(front.get("url") or "").strip(),
        tags=tuple(clean_text(str(t)) for t in tags if str(t).strip()),
        imported=str(front.get("imported") or ""),
        blocks=parse_blocks(body),
    )


def read_article_file(path: Path) -> Article:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ArticleFileError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise ArticleFileError(f"{path}: {exc.strerror or exc}") from None
    return load_article(text, path)
