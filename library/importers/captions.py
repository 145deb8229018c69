"""Photo captions and their credits, as they come out of copied pages, Markdown and HTML.

A picture arrives in pieces: alt text, the visible caption, a credit line ("Photo by A / AFP"),
often the same words twice with a different dash. These helpers tell a credit from article
text, see when two lines say the same thing, and join a caption with its credit into one line,
so every importer collapses a picture into one caption block the same way.
"""

from __future__ import annotations

import difflib
import functools
import os
import re

_CREDIT = re.compile(
    r"\b(?:photo(?:graph)?|picture|image|illustration|graphic|video|file photo)s?\s*(?:by\b|:|credit|courtesy|source)"
    r"|\b(?:source|credits?|courtesy)\s*:|\bcourtesy of\b"
    r"|\b(?:getty images|shutterstock|alamy|ap photo|via afp|via reuters|via getty|afp via|xinhua via)\b",
    re.IGNORECASE,
)
_AGENCY_TAIL = re.compile(r"[/|]\s*[A-Z][A-Z.&'’-]+(?:\s+[A-Z][A-Z.&'’-]+)*\s*\)?\s*$")  # "… / POOL / AFP"
_CREDIT_START = re.compile(
    r"^\(?\s*(?:(?:photo(?:graph)?|picture|image|illustration|graphic|video|file photo)s?\s*(?:by\b|:|credit)"
    r"|(?:source|credits?|courtesy)\b)",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’]?\s+[\"“‘(]?[A-Z]")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_NON_WORD = re.compile(r"[\W_]+")
_OPEN_QUOTES = "\"“‘'«"


def is_credit(text: str) -> bool:
    """A line that names who took or supplied a picture (with or without the caption)."""
    if not text or len(text) > 400 or text[0] in _OPEN_QUOTES or len(_SENTENCE_BREAK.findall(text)) > 2:
        return False
    return bool(_CREDIT.search(text) or _AGENCY_TAIL.search(text))


def is_bare_credit(text: str) -> bool:
    """A credit and nothing else ("Photo by A / AFP", "Getty Images"): the words of the
    caption it belongs to are on another line."""
    words = len(text.split())
    return is_credit(text) and (words <= 5 or (words <= 12 and bool(_CREDIT_START.match(text))))


def join_caption(caption: str, credit: str) -> str:
    """One caption from a caption and its credit; when one repeats the other, the fuller one."""
    if key(credit).startswith(key(caption)):
        return credit
    if key(caption).startswith(key(credit)):
        return caption
    if _SENTENCE_END.search(caption):
        return f"{caption} {credit}"
    return f"{caption} ({credit.strip('()')})"


def near_repeat(a: str, b: str) -> bool:
    """Two lines that say the same thing, give or take a dash, case or an added credit."""
    ka, kb = key(a), key(b)
    short, long = sorted((ka, kb), key=len)
    if len(short) < 15 or len(short.split()) < 3:
        return False
    if len(os.path.commonprefix([short, long])) >= 0.8 * len(short):
        return True
    if len(short) < 0.7 * len(long):
        return False  # too different in length for a 0.85 match; spares building a matcher
    words = difflib.SequenceMatcher(None, ka.split(), kb.split(), autojunk=False)
    return words.quick_ratio() >= 0.85 and words.ratio() >= 0.85


@functools.lru_cache(maxsize=256)
def key(text: str) -> str:
    """The words of a line without case, dashes or punctuation; each line meets two neighbours."""
    return _NON_WORD.sub(" ", text.lower()).strip()
