"""Who wrote an article, for which outlet, and when: read from bylines and date lines.

Pages print these in a handful of shapes ("By A and B", "By A, The Harbour Review",
"Written by A | Policy Notes", "By A, China correspondent", "Outlet, 22 June 2022",
"Published 20 June 2023"). The shapes are recognised by their form (capitalised names,
separators, role words, dates), never by the names of particular outlets.
"""

from __future__ import annotations

import datetime as dt
import re

from ..dates import find_date, find_date_span

_BYLINE = re.compile(r"^(?:by|written by|words by|reporting by|author:?)\s+(.+)$", re.IGNORECASE)
_AND = re.compile(r"\s+(?:and|&)\s+")
_SEPARATOR = re.compile(r"\s+[|•·—–-]\s+|\s*;\s*")
_WHEN = re.compile(r"\s+(?:updated|published|posted|on)\b.*$", re.IGNORECASE)
_OUTLET_WORDS = {
    "news", "times", "post", "review", "ledger", "journal", "herald", "daily", "weekly", "press", "agency",
    "magazine", "observer", "tribune", "monitor", "wire", "gazette", "chronicle", "telegraph", "reuters",
    "bloomberg", "economist", "diplomat", "standard", "express", "bulletin", "dispatch", "insider",
}
_ROLE_WORDS = {
    "correspondent", "editor", "reporter", "writer", "analyst", "staff", "contributor", "columnist", "chief",
    "bureau", "desk", "producer", "fellow", "professor", "director", "researcher", "journalist", "team",
}
_NAME_PARTICLES = {"de", "van", "von", "bin", "al", "da", "del", "la", "le", "der", "den", "du"}
_DATE_WORDS = re.compile(
    r"\b(?:published|updated|posted|first|last|modified|on|at|am|pm|a\.m|p\.m|[a-z]{2,4}t"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\d+|[^\w\s]",
    re.IGNORECASE,
)
_LIST = re.compile(r"\s*[,|•·—–]\s*|\s+-\s+")
_WEEKDAY = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", re.IGNORECASE)
_DATE_LABEL = re.compile(r"^(?:first |last )?(?:published|updated|posted|modified)\b(?: on)?\s*:?", re.IGNORECASE)


def parse_byline(text: str) -> tuple[str, str]:
    """Authors and outlet from a "By ..." line; ("", "") when the line is not a byline
    (as in "By Thursday, the talks had stalled")."""
    match = _BYLINE.match(text)
    if not match:
        return "", ""
    pieces = _SEPARATOR.split(_WHEN.sub("", match.group(1)))
    who = re.split(r"\s+in\s+(?=[A-Z])", pieces[0])[0]  # "Jane Roe in Beijing": the place goes
    segments = [part.strip(" .") for part in who.split(",")]
    if any(sum(w.islower() for w in part.split()) >= 3 for part in segments[1:]):
        return "", ""
    if len(segments) > 1 and _AND.search(segments[-1]) and all(map(is_name, _AND.split(who.replace(",", " and ")))):
        return ", ".join(name.strip(" .") for name in _AND.split(who.replace(",", " and "))), ""
    names = [name.strip(" .") for name in _AND.split(segments[0])]
    if not all(map(is_name, names)):
        return "", ""
    # after a comma: an outlet, or a job title or a one-word place, which are not kept
    after_comma = [s for s in segments[1:] if is_outlet(s) or (is_outlet_like(s) and len(s.split()) > 1)]
    after_separator = [p.strip(" .") for p in pieces[1:] if is_outlet_like(p.strip(" ."))]
    return ", ".join(names), (after_comma + after_separator + [""])[0]


def split_names(text: str) -> list[str]:
    """The people in "A and B in Munich": ["A", "B"] (the place is not a person)."""
    return [name.strip(" .") for name in _AND.split(re.split(r"\s+in\s+(?=[A-Z])", text)[0])]


def is_outlet(text: str) -> bool:
    """A name that says it is a publication ("The Harbour Review", "Pacific Ledger")."""
    words = text.split()
    return is_name(text) and (words[0] == "The" or bool(_OUTLET_WORDS & {w.lower() for w in words}))


def is_outlet_like(text: str) -> bool:
    """A short capitalised name that could be an outlet ("Policy notes"): not a date, not a
    sentence, not a job title such as "China correspondent"."""
    words = text.split()
    return (
        1 <= len(words) <= 5
        and words[0][:1].isupper()
        and not any(ch.isdigit() for ch in text)
        and not text.endswith((".", "!", "?", ":", ","))
        and not _ROLE_WORDS & {w.lower().strip(",.") for w in words}
    )


def is_role(text: str) -> bool:
    """A job title on its own line under a byline ("Senior China correspondent")."""
    words = text.split()
    return len(words) <= 6 and bool(_ROLE_WORDS & {w.lower().strip(",.") for w in words})


def is_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 5 and all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words) and not any(
        ch.isdigit() for ch in text
    )


def is_dateline(text: str) -> bool:
    """A line that only says when: "20 June 2023", "Updated 14:02 BST, Tue 20 June 2023",
    or a "Published ..." label whose date cannot be read (the date then stays unknown)."""
    if len(text) > 100:
        return False
    if _DATE_LABEL.match(text):
        return True
    return find_date(text) is not None and len(_DATE_WORDS.sub(" ", text).split()) <= 2


def credit_line(text: str) -> tuple[dt.date | None, str, str] | None:
    """Date, author and outlet from a short line that states only those, such as
    "Policy Notes, 22 June 2022", "By Jane Roe | 3 May 2023" or "20 June 2023";
    None when the line says anything else."""
    if len(text) > 120:
        return None
    names, outlet = parse_byline(text)
    if names:
        return find_date(text), names, outlet
    found = find_date_span(text)
    if found is None:
        return None
    when, start, end = found
    rest = [p.strip(" .") for p in _LIST.split(_DATE_LABEL.sub("", text[:start] + " , " + text[end:]))]
    rest = [p for p in rest if p and not _WEEKDAY.fullmatch(p)]
    if not rest:
        return when, "", ""
    if len(rest) == 1 and is_outlet_like(rest[0]):
        # "Policy Notes, 2 May 2023" names the outlet; "Washington, 2 May 2023" only the place
        return when, "", rest[0] if is_outlet(rest[0]) or len(rest[0].split()) > 1 else ""
    return None
