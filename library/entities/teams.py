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
SCORE_BEFORE = re.compile(r"\b\d{1,3} ?[–—-] ?\d{1,3}\)? ?$")
WORD_AFTER = re.compile(r"(?:'s)? ([a-z]+)")
LAST_WORD = re.compile(r"([a-z]+) $")


def sports_report(lower: set[str]) -> bool:
    """True when the article writes enough of the game's words in lower case."""
    return len(lower & words().sports_words) >= MIN_SPORTS_WORDS


def team_cue(text: str, start: int, end: int) -> bool:
    """True when the name at text[start:end] stands next to a score or a word of the game
    ("Chelsea beat", "a goal for Belgium", "Arsenal striker")."""
    w = words()
    after = WORD_AFTER.match(text, end)
    before = LAST_WORD.search(text, max(0, start - 20), start)
    return bool(SCORE_AFTER.match(text, end) or SCORE_BEFORE.search(text, max(0, start - 12), start)
                or after and after.group(1) in w.team_verbs_after
                or before and before.group(1) in w.team_words_before)


def teams(mentions: Sequence[Mention], texts: Sequence[str]) -> list[Mention]:
    """The mentions with every place that plays as a team turned into that team."""
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
