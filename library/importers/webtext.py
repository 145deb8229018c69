"""Text a person copied out of a web page (or any plain text file) turned into an article.

Copied pages lose their markup but keep its shape: a title line, a one-sentence standfirst,
a dateline, bylines, photo captions with agency credits (often twice: the image's alt text and
the visible caption), bullet points, short section headings between long paragraphs, and page
furniture. Each line is judged by what it looks like (length, end punctuation, question marks,
capitals, credit patterns) and where it sits (near the top, next to which lines), never by
matching the text of any one site. A plain "title, blank line, body" file is the simple case.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..dates import find_date
from ..model import Article, Block, clean_text
from .failure import ImportFailure
from .boilerplate import is_furniture, is_link_title, opens_link_list
from .bylines import is_dateline, is_name, is_outlet, is_role, parse_byline, split_names
from .captions import is_bare_credit, is_credit, join_caption, key, near_repeat

HEADER_SPAN = 12  # live lines at the top where title, dateline, byline and standfirst sit
MAX_PULL_QUOTES = 50

_BULLET = re.compile(r"^\s*(?:[•·▪◦●‣∙○■□➢►▶✓✔*+\-–—]\s+|(?=\d{1,2}[.)]\s+\S))")
_QUOTE_MARK = re.compile(r"^\s*>\s?")
_CAPTION_LABEL = re.compile(r"^(?:image|photo|picture|video)\s+(?:caption|source)\s*[,:]\s*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’]?\s+[\"“‘(]?[A-Z]")
_OPEN_QUOTES = "\"“‘'«"


@dataclass
class _Header:
    title: str = ""
    standfirst: str = ""
    date: dt.date | None = None
    author: str = ""
    source: str = ""


@dataclass
class _Line:
    text: str
    role: str = ""  # drop, date, byline, title, standfirst, or a block kind


def parse_webtext(text: str, path: Path) -> Article:
    lines = _lines(text)
    _mark_furniture(lines)
    _mark_captions(lines)
    header = _read_header(lines)
    live = [line for line in lines if line.role not in ("drop", "date", "byline", "title", "standfirst")]
    _mark_repeated_captions(live)
    _mark_headings(live)
    _mark_pull_quotes(live)
    blocks = _blocks([line for line in live if line.role != "drop"])
    if not blocks and not header.standfirst:
        raise ImportFailure(path, "no article text found (only page furniture)")
    return Article(
        title=header.title or clean_text(Path(path).stem.replace("_", " ")),
        blocks=blocks,
        standfirst=header.standfirst,
        date=header.date,
        author=header.author,
        source=header.source,
    )


def _blocks(lines: list[_Line]) -> tuple[Block, ...]:
    """Blocks in page order; a bare credit next to its caption ("Getty Images") joins it."""
    blocks: list[Block] = []
    for line in lines:
        kind = line.role or "paragraph"
        if kind == "caption" and blocks and blocks[-1].kind == "caption":
            if is_bare_credit(line.text) or is_bare_credit(blocks[-1].text):
                caption, credit = sorted((blocks[-1].text, line.text), key=is_bare_credit)
                blocks[-1] = Block("caption", join_caption(caption, credit))
                continue
        blocks.append(Block(kind, line.text))
    return tuple(blocks)


# -- lines -----------------------------------------------------------------------------
def _lines(text: str) -> list[_Line]:
    """One entry per paragraph: copied pages put each paragraph on one line, but a text file
    wrapped by hand at a fixed width has its paragraphs joined back together."""
    raw = [line.rstrip() for line in text.split("\n")]
    wrap = _wrap_width(raw)
    out: list[_Line] = []
    pieces: list[list[str]] = []  # the raw lines of each entry, joined once (not once per line)
    previous = ""
    for line in raw:
        if not line.strip():
            previous = ""
            continue
        bullet = _BULLET.match(line)
        if wrap and previous and len(previous) >= 0.75 * wrap and not bullet and out:
            pieces[-1].append(line)
        elif bullet:
            out.append(_Line("", "bullet"))
            pieces.append([line[bullet.end() :]])
        elif _QUOTE_MARK.match(line):
            out.append(_Line("", "quote"))
            pieces.append([_QUOTE_MARK.sub("", line)])
        else:
            out.append(_Line(""))
            pieces.append([line])
        previous = line
    for entry, lines in zip(out, pieces):
        entry.text = clean_text(" ".join(lines))
    return [line for line in out if line.text]


def _wrap_width(raw: list[str]) -> int:
    """The width a file was wrapped at, or 0 when its paragraphs are single long lines."""
    width = max((len(line) for line in raw), default=0)
    if width > 100:
        return 0
    runs_on = sum(
        1
        for a, b in zip(raw, raw[1:])
        if len(a) >= 0.75 * width and b.strip() and (not _SENTENCE_END.search(a) or b.lstrip()[:1].islower())
    )
    return width if runs_on >= max(2, 0.3 * sum(1 for line in raw if line.strip())) else 0


# -- passes ----------------------------------------------------------------------------
def _mark_furniture(lines: list[_Line]) -> None:
    in_link_list = False
    for line in lines:
        if in_link_list and (line.role == "bullet" or is_link_title(line.text)):
            line.role = "drop"
            continue
        in_link_list = opens_link_list(line.text)
        if in_link_list or is_furniture(line.text):
            line.role = "drop"


def _mark_captions(lines: list[_Line]) -> None:
    """Credit lines are captions; a bare credit ("Photo by A / AFP") under a short line that
    is not the headline makes that line its caption."""
    live: list[_Line] = []
    for line in lines:
        if line.role == "drop":
            continue
        labelled = _CAPTION_LABEL.match(line.text) if not line.role else None
        if labelled:
            line.text = line.text[labelled.end() :]
            line.role = "caption" if line.text else "drop"
        elif not line.role and is_credit(line.text):
            line.role = "caption"
            above = live[-1] if len(live) > 1 else None
            if above and not above.role and is_bare_credit(line.text) and _is_caption_text(above.text):
                above.role = "caption"
        live.append(line)


def _is_caption_text(text: str) -> bool:
    """Short enough to sit under a picture (one sentence, not a paragraph of the story) and
    long enough not to be the section heading an uncaptioned picture follows."""
    return (
        len(text) <= 300 and len(text.split()) >= 6 and not text.endswith(("?", ":"))
        and not _SENTENCE_BREAK.search(text) and text[0] not in _OPEN_QUOTES
    )


def _read_header(lines: list[_Line]) -> _Header:
    """Title, standfirst, date, author and outlet from the top of the page (and bylines or
    datelines further down), marking the lines they came from so they leave the body."""
    header = _Header()
    live = [line for line in lines if line.role != "drop"]
    for position, line in enumerate(live):
        if line.role or len(line.text) > 160:
            continue
        names, outlet = parse_byline(line.text)
        if names and (position < HEADER_SPAN * 2 or line.text.lower().startswith("reporting by")):
            line.role, header.author = "byline", header.author or names
            header.date = header.date or find_date(line.text)
            below, after = (live[position + 1 : position + 3] + [None, None])[:2]
            if below and not below.role and (is_role(below.text) or (not outlet and _is_outlet_line(below, after))):
                below.role = "byline"  # a job title or the outlet's name under the byline
                outlet = outlet or ("" if is_role(below.text) else below.text)
            header.source = header.source or outlet
        elif position < HEADER_SPAN and is_dateline(line.text):
            line.role, header.date = "date", header.date or find_date(line.text)
    top = [line for line in live[:HEADER_SPAN] if not line.role]
    for index, line in enumerate(top):
        if len(line.text) > 200:
            break
        following = top[index + 1] if index + 1 < len(top) else None
        if _is_kicker(line.text, following):
            line.role = "drop"
            continue
        line.role, header.title = "title", line.text
        if following and near_repeat(line.text, following.text):
            following.role = "drop"
        break
    header.author = header.author or _name_by_dateline(live[:HEADER_SPAN])
    if header.title:
        header.standfirst = _take_standfirst(lines)
    return header


def _is_kicker(text: str, following: _Line | None) -> bool:
    """A section label or breadcrumb above the headline ("ASIA", "World | China")."""
    if following is None or len(following.text) > 200 or following.text.endswith("."):
        return False  # what follows is a sentence, so this line is the headline
    words = text.split()
    crumbs = re.split(r"\s+[|›»>/]\s+", text)
    return (
        (text.isupper() and len(words) <= 5)
        or (len(words) <= 2 and len(following.text.split()) > 3)
        or (len(crumbs) > 1 and all(len(c.split()) <= 3 for c in crumbs))
    )


def _is_outlet_line(line: _Line, after: _Line | None) -> bool:
    """An outlet's name on its own line ("Pacific Ledger"), not the label over a list."""
    if after is not None and after.role == "bullet":
        return False
    return is_outlet(line.text) or (is_name(line.text) and 2 <= len(line.text.split()) <= 4)


def _take_standfirst(lines: list[_Line]) -> str:
    """The line under the headline is a standfirst when page furniture, a dateline, a byline
    or a photo follows it; in a plain file a first paragraph runs straight into the next."""
    rest = lines[next(i for i, line in enumerate(lines) if line.role == "title") + 1 :]
    while rest and rest[0].role in ("drop", "date", "byline"):
        rest = rest[1:]
    if len(rest) < 2 or rest[0].role or not 30 <= len(rest[0].text) <= 400:
        return ""
    if len(_SENTENCE_BREAK.findall(rest[0].text)) > 2 or rest[1].role not in ("drop", "date", "byline", "caption"):
        return ""
    if not any(line.role in ("", "bullet", "quote") for line in rest[1:]):
        return ""  # the only text there is: the article itself, not its summary
    rest[0].role = "standfirst"
    return rest[0].text


def _name_by_dateline(top: list[_Line]) -> str:
    """A byline without "By": a bare name ("Jane Roe in Munich") just above or below the dateline."""
    for index, line in enumerate(top):
        if line.role != "date":
            continue
        for near in top[max(index - 1, 0) : index] + top[index + 1 : index + 2]:
            names = split_names(near.text)
            if not near.role and all(is_name(n) and 2 <= len(n.split()) <= 3 for n in names):
                near.role = "byline"
                return ", ".join(names)
    return ""


def _mark_repeated_captions(live: list[_Line]) -> None:
    """An image copied out of a page gives its alt text and its visible caption, often the
    same words with a different dash or with the credit added: keep one, as a caption."""
    for first, second in zip(live, live[1:]):
        if first.role in ("", "caption") and second.role in ("", "caption") and len(first.text) <= 300:
            if near_repeat(first.text, second.text):
                keep, drop = sorted((first, second), key=lambda line: (is_credit(line.text), len(line.text)))[::-1]
                keep.role, drop.role = "caption", "drop"


def _mark_headings(live: list[_Line]) -> None:
    following: list[_Line | None] = []  # for each line, the next one that is not dropped
    after = None
    for line in reversed(live):
        following.append(after)
        if line.role != "drop":
            after = line
    following.reverse()
    for index, line in enumerate(live):
        if line.role:
            continue
        before = live[index - 1] if index else None
        if _heading_score(line.text, before, following[index]) >= 3:
            line.role = "heading"


def _heading_score(text: str, before: _Line | None, after: _Line | None) -> float:
    """How much a line looks like a section heading: short, no full stop, often a question,
    and followed by a long paragraph rather than by another short line."""
    words = text.split()
    if len(text) > 120 or len(words) > 16 or after is None:
        return 0
    score = 0.0
    if text.endswith("?"):
        score += 2
    elif _SENTENCE_END.search(text) or text.endswith((":", ",", ";")):
        score -= 2
    else:
        score += 2
    if len(words) <= 10:
        score += 1
    if text[0].islower() or text[0] in _OPEN_QUOTES:
        score -= 2
    if _SENTENCE_BREAK.search(text):
        score -= 3
    if not after.role and len(after.text) >= 150:
        score += 1
    if before is None or before.role in ("bullet", "caption") or _SENTENCE_END.search(before.text):
        score += 0.5
    capitalised = sum(w[:1].isupper() for w in words) / len(words)
    if capitalised >= 0.6 and len(words) >= 3:
        score += 0.5
    return score


def _mark_pull_quotes(live: list[_Line]) -> None:
    """A quotation set apart on its own line that repeats words from the body is a pull quote.
    Each candidate is looked for in the whole body, so only the first MAX_PULL_QUOTES are
    (a page has a handful; thousands of quoted lines would make the work quadratic)."""
    bodies = [key(line.text) for line in live if not line.role]
    candidates = [
        line for line in live
        if not line.role and len(line.text) <= 300 and line.text[0] in _OPEN_QUOTES and line.text[-1] in "\"”’'»"
    ]
    for line in candidates[:MAX_PULL_QUOTES]:
        inner = key(line.text)
        if len(inner) >= 20 and sum(inner in body for body in bodies) >= 2:
            line.role = "quote"
