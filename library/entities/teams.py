"""Places that play: in a match report "Sweden defeated South Korea 1 – 0" names two teams,
not two countries, and "Chelsea beat Arsenal" two clubs.

Only an article that reads as a sports report (several of the words in `sports_words`) is
looked at. There a place or untyped name right next to a score, or on either side of a
verb or noun of the game ("faced", "beat", "lost to", "a goal for", "striker"), is a team, and so is every other
mention of it in the article. A team named after a place is another entity than the place,
so it gets its own canonical name ("Sweden (team)") and the place keeps its kind elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from .mention import Mention
from .words import words

MIN_SPORTS_WORDS = 4  # distinct words of the game that make an article a sports report
SCORE_AFTER = re.compile(r" ?\(?\d{1,3} ?[–—-] ?\d{1,3}\b")
SCORELINE = re.compile(r"(?<![\d.,/:–-])\b\d{1,2} ?[–—-] ?\d{1,2}\b(?![\d.,/:–-])")
# "won 2-0", "drew 1-1 with X", "a 3-1 win over X", "lost 2-1 to X", "beaten 4-0 by X"
SCORE_BEFORE = re.compile(r"\b\d{1,3} ?[–—-] ?\d{1,3}\)?(?: (?:win|victory|defeat|loss|draw))?(?: (?:with|against|over|to|by))? ?$")
WORD_AFTER = re.compile(r"(?:'s)? ([a-z]+)")
LAST_WORD = re.compile(r"([a-z]+) $")


def sports_report(lower: set[str], text: str = "") -> bool:
    """True when the article writes enough of the game's words in lower case; a scoreline
    ("a 2-0 win", "drew 1-1") counts as one such word, two or more as two."""
    found = len(lower & words().sports_words)
    if found + 2 < MIN_SPORTS_WORDS:
        return False
    return found + min(2, len(SCORELINE.findall(text))) >= MIN_SPORTS_WORDS


def team_cue(text: str, start: int, end: int, strict: bool = False) -> bool:
    """True when the name at text[start:end] stands next to a score or a word of the game
    ("Chelsea beat", "a goal for Belgium", "Arsenal striker"); `strict`: only words no player
    takes ("Aston Villa fans", "against Aston Villa", not "Harry Kane scored")."""
    w = words()
    after = WORD_AFTER.match(text, end)
    before = LAST_WORD.search(text, max(0, start - 20), start)
    if strict:
        return bool(after and after.group(1) in w.club_words_after or before and before.group(1) in w.club_words_before)
    return bool(SCORE_AFTER.match(text, end) or SCORE_BEFORE.search(text, max(0, start - 30), start)
                or after and after.group(1) in w.team_verbs_after
                or before and before.group(1) in w.team_words_before)


def teams(mentions: Sequence[Mention], texts: Sequence[str]) -> list[Mention]:
    """The mentions with every place that plays as a team turned into that team."""
    mentions = _clubs_of_two_names(mentions, texts)
    playing: set[str] = set()
    for m in mentions:
        if m.kind == "person" or m.canonical in playing:
            continue
        if team_cue(texts[m.block], m.start, m.end):
            playing.add(m.canonical)
    if not playing:
        return list(mentions)
    return [replace(m, kind="org", canonical=f"{m.canonical} (team)" if m.kind == "place" else m.canonical)
            if m.canonical in playing else m for m in mentions]


def _clubs_of_two_names(mentions: Sequence[Mention], texts: Sequence[str]) -> list[Mention]:
    """ "Bayern Munich", "AC Milan": in a match report two names side by side, a place among
    them, are one club."""
    out: list[Mention] = []
    for m in mentions:
        last = out[-1] if out else None
        if (last is not None and m.block == last.block and m.start == last.end + 1 and texts[m.block][last.end] == " "
                and "place" in (m.kind, last.kind) and "person" not in (m.kind, last.kind)):
            text = texts[m.block][last.start:m.end]
            out[-1] = replace(last, end=m.end, text=text, kind="org", canonical=text)
        else:
            out.append(m)
    return out
