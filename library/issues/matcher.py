"""Finds the cue phrases and entity names of every issue in one pass over a text.

Every phrase is expanded once, at compile time, into the spellings news actually uses
("de-risk" -> "de-risking", "derisked", "de risks"; "chip" -> "chips") and all of them go into
Aho-Corasick automata, so matching costs a scan of the text however many issues and cues there
are, never a loop over the cues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple, Sequence

import ahocorasick

_UNIFY = (("\u2019", "'"), ("\u2018", "'"), ("\u02bc", "'"), ("\u2010", "-"), ("\u2011", "-"), ("\u2012", "-"),
          ("\u2013", "-"), ("\t", " "), ("\n", " "), ("\r", " "), ("\xa0", " "), ("\u2009", " "), ("\u202f", " "))
_WORDS = re.compile(r"[\s\-\u2010\u2011]+")
_CVC = re.compile(r"[^aeiou][aeiou][bdfglmnprt]\Z")
MARKER = -1  # the issue index of a marker phrase (a word the caller looks for, of no issue)
CONTEXT = -2  # the issue index of a context word (of news that is not about politics)
# the words that open a list of issues ("the issues of trade and Taiwan"): the matcher's markers
LIST_NOUNS = ("issues", "topics", "areas", "questions", "matters", "disputes", "points", "differences",
              "disagreements", "concerns", "subjects", "fronts", "flashpoints", "grievances", "irritants", "priorities")


def unify(text: str) -> str:
    """Typographic apostrophes, hyphens and spaces made plain, keeping the length of `text`,
    so offsets found in the result are offsets in the original."""
    for old, new in _UNIFY:
        if old in text:
            text = text.replace(old, new)
    return text


def fold(text: str) -> str:
    """`unify` and lower case, still keeping the length."""
    low = text.lower()
    if len(low) != len(text):  # a few letters lower-case to two code points ("İ")
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return unify(low)


@dataclass(frozen=True)
class Target:
    """What a matched phrase stands for: a cue or related entity of one issue (or a marker)."""

    issue: int  # index into the taxonomy's issue list
    phrase: str  # as written in the taxonomy
    entity: bool
    weak: bool = False  # a weak cue: it counts only beside a cue of the same issue


class Match(NamedTuple):
    start: int
    end: int
    targets: tuple[Target, ...]


class PhraseMatcher:
    """Phrases written in lower case match in any case, so they are found in the lower-cased
    text; phrases with capitals ("PLA", "Quad") match only as written, so they are found in a
    second automaton over the text as it is. That second scan also keeps short acronyms from
    stopping at every "ai" in "said"."""

    def __init__(self, issues: Sequence, markers: Sequence[str] = (), context: Sequence[str] = ()):
        anycase: dict[str, list[Target]] = {}
        exact: dict[str, list[Target]] = {}
        self.names: dict[str, set[int]] = {}  # folded name -> issues, for recogniser mentions
        phrases = [(m, Target(MARKER, m, False), False) for m in markers]
        phrases += [(c, Target(CONTEXT, c, False), True) for c in context]
        for index, issue in enumerate(issues):
            phrases += [(p, Target(index, p, False), True) for p in issue.cues]
            phrases += [(p, Target(index, p, False, weak=True), True) for p in issue.weak_cues]
            phrases += [(p, Target(index, p, True), False) for p in issue.entities]
        for phrase, target, inflect in phrases:
            table, prepare = (exact, unify) if phrase != phrase.lower() else (anycase, fold)
            for form in variants(phrase, inflect):
                table.setdefault(prepare(form), []).append(target)
            if target.issue >= 0:
                self.names.setdefault(fold(phrase), set()).add(target.issue)
        self._scans = [(prepare, _automaton(table)) for prepare, table in ((fold, anycase), (unify, exact)) if table]

    def find(self, text: str) -> list[Match]:
        """Whole-word matches, outermost only ("export controls", not also "export" inside it)."""
        found = []
        for prepare, automaton in self._scans:
            scanned = prepare(text)
            size = len(scanned)
            for last, (length, targets) in automaton.iter(scanned):
                start, end = last + 1 - length, last + 1
                if (start and scanned[start - 1].isalnum()) or (end < size and scanned[end].isalnum()):
                    continue
                found.append(Match(start, end, targets))
        return _outermost(found)


def _automaton(table: dict[str, list[Target]]):
    automaton = ahocorasick.Automaton()
    for key, targets in table.items():
        automaton.add_word(key, (len(key), tuple(dict.fromkeys(targets))))
    automaton.make_automaton()
    return automaton


def _outermost(matches: list[Match]) -> list[Match]:
    """Drop matches inside longer ones; merge the targets of matches of the same span."""
    matches.sort(key=lambda m: (m.start, -m.end))
    kept: list[Match] = []
    reach = -1
    for m in matches:
        if m.end > reach:
            kept.append(m)
            reach = m.end
        elif kept[-1][:2] == m[:2]:
            kept[-1] = Match(m.start, m.end, kept[-1].targets + m.targets)
    return kept


def variants(phrase: str, inflect: bool) -> set[str]:
    """The spellings of a phrase: words joined by hyphen, space or nothing, and the last word
    inflected (for cues; names are matched as written)."""
    words = [w for w in _WORDS.split(phrase.strip()) if w]
    if not words:
        return set()
    lasts = word_forms(words[-1]) if inflect else {words[-1]}
    joins = ("-", " ", "") if len(words) <= 4 else ("-", " ")
    if len(words) == 1:
        return lasts
    heads = {words[0]}
    for word in words[1:-1]:
        heads = {h + j + word for h in heads for j in joins}
    return {h + j + last for h in heads for j in joins for last in lasts}


def word_forms(word: str) -> set[str]:
    """A word's inflected forms. Acronyms only take a plural; numbers take nothing."""
    if any(c.isdigit() for c in word):
        return {word}
    if word.isupper() and len(word) > 1:
        return {word, word + "s"}
    forms = {word}
    for stem in _bases(word) or {word}:
        forms |= _inflections(stem)
    return forms


def _bases(word: str) -> set[str]:
    """Likely base forms of a word written inflected ("de-risking" -> "de-risk")."""
    bases = set()
    low = word.lower()
    for suffix in ("ing", "ed"):
        base = word[: -len(suffix)]
        if low.endswith(suffix) and len(base) >= 4:
            bases |= {base, base + "e"}
            if base[-1] == base[-2]:
                bases.add(base[:-1])
    if low.endswith("ies") and len(word) > 4:
        bases.add(word[:-3] + "y")
    return bases


def _inflections(stem: str) -> set[str]:
    low = stem.lower()
    if low.endswith("e"):
        return {stem, stem + "s", stem + "d", stem[:-1] + "ing", stem + "r", stem + "rs"}
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        return {stem, stem[:-1] + "ies", stem[:-1] + "ied", stem + "ing"}
    forms = {stem, stem + "s", stem + "ed", stem + "ing", stem + "er", stem + "ers"}
    if low.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(stem + "es")
    if _CVC.search(low):
        forms |= {stem + stem[-1] + suffix for suffix in ("ed", "ing", "er", "ers")}
    return forms
