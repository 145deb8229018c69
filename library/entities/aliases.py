"""Alias resolution inside one article: a later "Wang" is the "Wang Yi" named earlier, "SCMP"
the "South China Morning Post (SCMP)", and "Blinked said" (one letter off) the "Blinken"
already in the article.

Articles name a person in full once and by one part of the name after that, and spell out an
organisation before its acronym; a name of one word is read against the fuller names of the
same article before the rules guess its kind.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import AbstractSet as Set, Mapping, Sequence

from .mention import Mention
from .words import given_names, words

REPEATED = 3  # mid-sentence uses that make an untyped word a name
MIN_FUZZY = 5  # shorter names are too often other real names one letter apart ("Wang", "Wan")
EVENT_BEFORE = re.compile(r"(?:\b(?:1[89]|20)\d\d|\bannual) $")  # "the 2019 Regatta", "the annual Regatta"


@dataclass(frozen=True)
class Candidate(Mention):
    """A name before alias resolution, its offsets still into the joined article. `single`:
    one word found by the rules, read against the article's fuller names; kind None when the
    rules could not type it, and then dropped unless the article resolves it. `weak`: such a
    word at a sentence start, kept only when the article also writes it capitalised mid-sentence."""

    from_package: bool = False
    single: bool = False
    weak: bool = False
    guess: bool = False  # a person only because its words look like a name


def resolve(candidates: Sequence[Candidate], text: str, starts: Sequence[int], names: Mapping,
            lower: Set[str]) -> list[Mention]:
    """Mentions of the article's candidates, whose offsets are into `text`, the article's
    blocks joined by newlines, each block starting at `starts[block]`; `lower`: the words the
    article writes in lower case. A guessed name that reads as a product or a craft anywhere
    ("Internet Explorer 6", "the ship Aurelian") is dropped everywhere, and an entity the
    article names with evidence of its kind somewhere has that kind everywhere in it."""
    nouns = _count_nouns(candidates, text)
    if nouns:
        candidates = [t for c in candidates for t in (_without_things(c, nouns) if _unsure(c) else (c,))]
    parts = _name_parts(candidates, lower, text)
    acronyms = _acronyms(candidates, text)
    fuzzy = _typo_index(parts) if any(c.single and c.text not in parts for c in candidates) else {}
    resolved = [_resolved(c, parts, fuzzy, acronyms, names) for c in candidates]
    kinds = _one_kind_per_text(resolved, text)
    sure = _sure_kinds(candidates, resolved)
    mentions = []
    vetoed = {c.text for c in resolved if c.guess and c.kind is None}
    for c in resolved:
        if (c.guess or c.single) and c.text in vetoed:
            continue
        kind = sure.get(c.canonical) or (c.single and kinds.get(c.text)) or c.kind or kinds.get(c.text)
        if kind is None or c.weak and c.single and c.text not in kinds:
            continue
        shift = starts[c.block]
        mentions.append(Mention(c.block, c.start - shift, c.end - shift, c.text, kind, c.canonical))
    return mentions


def _unsure(c: Candidate) -> bool:
    return c.guess or c.kind is None


def _count_nouns(candidates: Sequence[Candidate], text: str) -> set[str]:
    """Capitalised words the article writes in the singular and, after a number or "many",
    in the plural ("a Kodachrome", "100 Kodachromes") in names only guessed from their shape: a
    thing counted is no one's name ("the Sams", a family, are not counted). A word of a name
    typed by a cue or a title anywhere ("Prince William") is never one."""
    unsure: set[str] = set()
    sure: set[str] = set()
    counted: set[str] = set()
    for c in candidates:
        (unsure if _unsure(c) else sure).update(c.text.split())
        if c.single and c.text.endswith("s") and _counted(text, c.start):
            counted.add(c.text)
    return {word for plural in counted for word in (plural, plural[:-1])
            if plural[:-1] in unsure and plural in unsure and not {plural, plural[:-1]} & sure}


def _without_things(c: Candidate, nouns: set[str]) -> tuple[Candidate, ...]:
    """The candidate less the things counted in it: "Varga Kodachromes" leaves "Varga", to be
    read against the article's fuller names; a thing alone leaves nothing."""
    words = c.text.split()
    cut = next((i for i, word in enumerate(words) if word in nouns), None)
    if cut is None:
        return (c,)
    if cut == 0:
        return ()
    text = " ".join(words[:cut])
    return (replace(c, end=c.start + len(text), text=text, canonical=text, kind=None, single=cut == 1, guess=False),)


def _counted(text: str, start: int) -> bool:
    before = text[max(0, start - 12):start].split()
    return bool(before) and (before[-1].isdigit() or before[-1].lower() in words().quantifiers)


def _sure_kinds(candidates: Sequence[Candidate], resolved: Sequence[Candidate]) -> dict[str, str]:
    """Canonical -> the kind most of its mentions have from a rule, cue or the gazetteer, not
    from a guess or a borrowed part: "Environment Canada spokesperson" makes the "Environment
    Canada" that reads like a person's name ("Valeska Paris") an organisation."""
    counts: dict[str, Counter] = {}
    for before, after in zip(candidates, resolved):
        if after.kind and not before.guess and not before.single:
            counts.setdefault(after.canonical, Counter())[after.kind] += 1
    return {canonical: found.most_common(1)[0][0] for canonical, found in counts.items()}


def _one_kind_per_text(candidates: Sequence[Candidate], text: str) -> dict[str, str]:
    """An article uses a one-word name in one sense: the kind a cue or the gazetteer gave one
    occurrence ("Gloria said") holds for the others. A word it writes capitalised mid-sentence
    again and again without any cue is a name: an organisation or thing when the article ever
    puts "the" before it ("the Scientology website"), which English does not do to a person
    (a given name stays a person's: "the Marisol prints"); an event, none of our kinds, when it
    ever has a year or "annual" before it ("the 2019 Regatta", "the annual Regatta")."""
    typed: dict[str, str] = {}
    untyped: dict[str, int] = {}
    articled: set[str] = set()
    events: set[str] = set()
    for c in candidates:
        if c.weak:
            continue
        if c.kind == "org" and c.single:
            typed[c.text] = "org"  # "oil giant Yukos" outweighs "Yukos said": companies speak too
        elif c.kind:
            typed.setdefault(c.text, c.kind)
        else:
            untyped[c.text] = untyped.get(c.text, 0) + 1
            if text[max(0, c.start - 4):c.start].lower() == "the ":
                articled.add(c.text)
            if EVENT_BEFORE.search(text, max(0, c.start - 8), c.start):
                events.add(c.text)
    given = given_names()
    for name, count in untyped.items():
        if count >= REPEATED and name not in events:
            typed.setdefault(name, "org" if name in articled and name not in given else "person")
    return typed


def _resolved(c: Candidate, parts: dict, fuzzy: dict, acronyms: dict, names: Mapping) -> Candidate:
    if c.text in acronyms and (c.single or c.kind == "org") and c.canonical == c.text:
        canonical, kind = acronyms[c.text]
        return replace(c, canonical=canonical, kind=kind, single=False, weak=False)
    if not (c.single or c.from_package) or " " in c.text:
        return c
    known = parts.get(c.text)
    if known and (c.single or known[1] == "person"):
        return replace(c, canonical=known[0], kind=known[1], single=False, weak=False)
    if c.single and not c.weak and len(c.text) >= MIN_FUZZY and c.text not in names:
        for part in sorted({p for variant in _deletions(c.text) for p in fuzzy.get(variant, ())}):
            if _one_edit(c.text, part):
                known = parts[part]
                return replace(c, canonical=known[0], kind=known[1], single=False, weak=False)
    return c


def _name_parts(candidates: Sequence[Candidate], lower: Set[str], text: str) -> dict[str, tuple[str, str]]:
    """Each word of the article's fuller names -> (canonical, kind); the first name to claim a
    word keeps it. Organisation and place names give only their distinctive words: not the
    words the article also writes as words ("Cocoa" in "Cocoa Research Board", when it writes
    "cocoa prices"). A given name that is also a town the article names ("Florence Okafor ...
    in Florence") stays the town's."""
    w = words()
    common = w.titles | w.org_heads | w.place_heads | w.function_words | w.demonyms | w.particles | w.place_modifiers
    parts: dict[str, tuple[str, str]] = {}
    seen: set[tuple[str, str]] = set()
    people = tuple({c.text + " " for c in candidates if c.kind == "person" and " " in c.text})
    places = {c.text for c in candidates if c.kind == "place" and c.from_package}
    for c in candidates:
        if c.single or (c.text, c.canonical) in seen or c.kind != "person" and c.text.startswith(people):
            continue  # "Orla Venn Foundation": named after the "Orla Venn" whose "Venn" it is
        seen.add((c.text, c.canonical))
        for name in {c.text, c.canonical}:
            tokens = name.replace("-", " ").split()
            if len(tokens) < 2:
                continue
            for i, token in enumerate(tokens):
                if (len(token) > 1 and token[0].isupper() and token not in common and not token.isupper()
                        and (not _common_word(token, lower, text) if c.kind != "person" else i or token not in places)):
                    parts.setdefault(token, (c.canonical, c.kind))
    return parts


def _common_word(token: str, lower: Set[str], text: str) -> bool:
    """True when the article writes the word in lower case more often than capitalised."""
    word = token.lower()
    return word in lower and text.count(word) > text.count(token)


def _acronyms(candidates: Sequence[Candidate], text: str) -> dict[str, tuple[str, str]]:
    """Acronym -> (canonical, kind): spelt out in brackets after a name ("South China Morning
    Post (SCMP)"), or the initials of a name in the article ("CCP")."""
    found: dict[str, tuple[str, str]] = {}
    skip = {"of", "the", "and", "for", "de", "&"}
    for i, c in enumerate(candidates):
        if c.kind == "person" or c.single:
            continue
        tokens = [t for t in c.text.replace("-", " ").split() if t not in skip]
        if len(tokens) >= 2:
            found.setdefault("".join(t[0] for t in tokens).upper(), (c.canonical, c.kind))
        following = candidates[i + 1] if i + 1 < len(candidates) else None
        if (following is not None and following.start == c.end + 2
                and text[c.end:c.end + 2] == " (" and text[following.end:following.end + 1] == ")"):
            found[following.text] = (c.canonical, c.kind)
    return found


def _typo_index(parts: dict[str, tuple[str, str]]) -> dict[str, list[str]]:
    """Each person's name part under itself and every one-letter deletion of it: two words one
    edit apart share such a form, so a misspelling is found without comparing it to every part."""
    index: dict[str, list[str]] = {}
    for part, (_, kind) in parts.items():
        if kind == "person" and len(part) >= MIN_FUZZY:
            for variant in _deletions(part):
                index.setdefault(variant, []).append(part)
    return index


def _deletions(word: str) -> set[str]:
    return {word, *(word[:i] + word[i + 1:] for i in range(len(word)))}


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by exactly one inserted, deleted or replaced letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]
