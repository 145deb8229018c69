"""The pieces a run of capitalised words is read in (words and known names), and what a
word's shape says on its own: an acronym, a head word ("Party", "Square", "Festival"), or a
word that can be part of a person's name."""

from __future__ import annotations

import re
from itertools import compress

from .gazetteer import Entry
from .words import words


def class_of(*tests) -> str:
    """A regex character class, as ranges, of the Basic Multilingual Plane's code points that
    pass any of `tests` (capital letters beyond it do not start names in the news). The tests
    run through map() and the ranges are found by a regex, so this costs milliseconds at import."""
    chars = list(map(chr, range(0x10000)))
    flags = bytearray(len(chars))
    for test in tests:
        for code in compress(range(len(chars)), map(test, chars)):
            flags[code] = 1
    ranges = [(m.start(), m.end() - 1) for m in re.finditer(b"\x01+", bytes(flags))]
    return "[" + "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges) + "]"


UP = class_of(str.isupper, str.istitle)
INITIALS = re.compile(rf"(?:{UP}\.)+")
ROMAN = re.compile(r"[IVXLC]+")
CURRENCY = ("$", " $")  # after a country's code: "US$ 20", "NZ $ 26" name a currency, not a country
_W = words()


class Hit:
    """A known name from the automaton, standing in a run for the words it covers."""

    __slots__ = ("start", "end", "entry")

    def __init__(self, start: int, end: int, entry: Entry) -> None:
        self.start, self.end, self.entry = start, end, entry


class Word:
    """One piece of a run: a word, or a "dot", "join" ("of the") or name "part" ("van")."""

    __slots__ = ("start", "end", "text", "role")

    def __init__(self, start: int, end: int, text: str, role: str) -> None:
        self.start, self.end, self.text, self.role = start, end, text, role


def is_acronym(word: str) -> bool:
    """An unknown all-capital word that reads as an abbreviation: "KCNA", "NWSC", not a Roman
    numeral, and not a shouted word, whose letters are half vowels ("POOL", "NEVER")."""
    letters = word.replace(".", "").replace("&", "")
    return (2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha() and letters not in _W.not_acronyms
            and not ROMAN.fullmatch(letters)
            and not (len(letters) >= 4 and 2 * sum(c in "AEIOU" for c in letters) >= len(letters)))


def head_kind(word: Word) -> str | None:
    if word.role != "word":
        return None
    if word.text in _W.org_heads:
        return "org"
    if word.text in _W.place_heads:
        return "place"
    if word.text in _W.event_heads:
        return "event"
    return None


def plain_name(word: Word) -> bool:
    """A word that can be part of a personal name: not a title, head, or function word."""
    text = word.text
    return (word.role == "word" and text not in _W.titles and text not in _W.org_heads
            and text not in _W.place_heads and text not in _W.demonyms and not is_acronym(text))
