"""Who said it: the speaker standing next to a speech verb, as written ("Xi", "he", "the
minister", "officials in Washington") and resolved to a recognised name where one fits.

"he"/"she" is the nearest person named before, outside quotation marks, preferring one who
spoke or acted in a recent sentence; "the minister" the nearest person with that title in their
context, else the nearest person; an apposition ("Wang Yi, China's top diplomat, said") the
name before it.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Callable, Sequence

from ..entities import Mention
from .patterns import (ACTS, ADVERBS, AFTER_PREPOSITION, APPOSITION, APPOSITION_BREAK, LEAD, MODIFIED, NEAR, ORG_ROLES,
                       PRONOUN, PRONOUN_AFTER, ROLE, ROLE_AFTER, ROLES, SPEAKS, SUBJECT_START, TITLE_BEFORE, UNNAMED)

WINDOW = 300  # characters before a verb where its subject is looked for
PRONOUN_REACH = 6  # names looked back at for "he"
TITLE_CONTEXT = 40  # characters before a name where its title is ("Foreign Minister Qin Gang")


class Antecedents:
    """The article's people and organisations outside quotation marks, in reading order, for
    "he" and "the minister"."""

    def __init__(self, texts: Sequence[str], names: list[Mention]) -> None:
        self.texts = texts
        self.names = names  # outside quotation marks, in reading order
        self.keys = [(m.block, m.start) for m in self.names]

    def before(self, block: int, pos: int):
        """The names before (block, pos), nearest first."""
        names = self.names
        return (names[i] for i in range(bisect_left(self.keys, (block, pos)) - 1, -1, -1))

    def pronoun(self, block: int, pos: int, kind: str = "person") -> Mention | None:
        """The nearest person (organisation, for "it") who spoke in a recent sentence, else who
        did something there ("Biden was asked whether he regarded Xi as a dictator. He said ..."
        is Biden), else the nearest one."""
        near = [m for _, m in zip(range(PRONOUN_REACH), (m for m in self.before(block, pos) if m.kind == kind))]
        speaking = (m for m in near if SPEAKS.match(self.texts[m.block], m.end))
        return next(speaking, None) or next((m for m in near if _acting(self.texts[m.block], m)), near[0] if near else None)

    def role(self, block: int, pos: int, role: str) -> Mention | None:
        """The nearest name that fits "the <role>": an organisation with the word in its name,
        or a person with it as a title; else (for a person's role) the nearest person."""
        if role in ORG_ROLES:
            return next((m for m in self.before(block, pos) if m.kind == "org" and role in m.canonical.lower()), None)
        nearest = None
        for n, m in enumerate(self.before(block, pos)):
            if m.kind != "person":
                continue
            nearest = nearest or m
            if _titled(self.texts[m.block], m, role):
                return m
            if n > 30:
                break
        return nearest


def _titled(text: str, m: Mention, role: str) -> bool:
    """Whether the name has `role` as its title: capitalised words right before it ("Foreign
    Minister Qin Gang") or an apposition right after it ("Qin Gang, the foreign minister,")."""
    title = TITLE_BEFORE.search(text, max(0, m.start - TITLE_CONTEXT), m.start)
    if title and role in title.group().lower().split():
        return True
    after = APPOSITION.match(text, m.end)
    return bool(after) and role in after.group().lower().split()


def _acting(text: str, m: Mention) -> bool:
    """A name in the subject's place: a verb after it, no preposition before it."""
    return bool(ACTS.match(text, m.end)) and not AFTER_PREPOSITION.search(text, max(0, m.start - 40), m.start)


class Speakers:
    """The speakers of one block: `subject(at)` before a verb, `named_after(at)` after one.
    `sentence(pos)` gives the (start, end) of the block's sentence at pos."""

    def __init__(self, block: int, text: str, mentions: list[Mention], people: Antecedents,
                 sentence: Callable[[int], tuple[int, int]]) -> None:
        self.block, self.text, self.people, self._sentence = block, text, people, sentence
        self.ends_at = {m.end: m for m in mentions}
        self.mention_ends = sorted(self.ends_at)
        self.starts_at = {m.start: m for m in mentions}

    def subject(self, at: int, depth: int = 0):
        """(canonical, as written, start) of who stands right before the verb, or None. A name
        after a preposition is not the speaker ("officials in Washington said": somebody unnamed)."""
        w = max(0, at - WINDOW)  # a window, not the block: a block can be a megabyte
        before = self.text[w:at].rstrip()
        for _ in range(2):
            last = before.rsplit(" ", 1)[-1]
            if last in ADVERBS:
                before = before[: len(before) - len(last)].rstrip()
        if before.endswith(" who"):  # "Xi Jinping, who told him that"
            before = before[:-4].rstrip(" ,")
        end = w + len(before)
        unnamed = UNNAMED.search(before)
        if unnamed:  # "officials in Washington said": somebody the article does not name
            return "", unnamed.group(), w + unnamed.start()
        m = self.ends_at.get(end)
        if m is not None:
            if AFTER_PREPOSITION.search(self.text, max(0, m.start - 40), m.start):
                return None
            return m.canonical, m.text, m.start
        pronoun = PRONOUN.search(before)
        if pronoun:
            kind = "org" if pronoun.group().lower() == "it" else "person"
            found = self.people.pronoun(self.block, w + pronoun.start(), kind)
            return (found.canonical if found else ""), pronoun.group(), w + pronoun.start()
        role = ROLE.search(before)
        if role and role.group(1) in ROLES:
            found = self.people.role(self.block, w + role.start(), role.group(1))
            return (found.canonical if found else ""), role.group(), w + role.start()
        if before.endswith(","):  # an apposition: "Wang Yi, China's top diplomat, said"
            ends = self.mention_ends
            for i in range(bisect_left(ends, end - 1) - 1, -1, -1):
                m = self.ends_at[ends[i]]
                if end - m.end >= NEAR:
                    break
                if self.text[m.end] == "," and not APPOSITION_BREAK.search(self.text, m.end, end - 1):
                    return m.canonical, m.text, m.start
        if before.endswith(" and") and not depth:  # "He raised concerns ..., and said": the sentence's subject
            lo, _ = self._sentence(end)
            first = SUBJECT_START.match(self.text, lo)
            if first:
                return self.subject(first.end(), depth + 1)
        return None

    def named_after(self, at: int):
        """(canonical, as written, end) of who is named right after `at` ("said Xi", "according to SCMP")."""
        lead = LEAD.match(self.text, at)
        pos = lead.end() if lead else at
        m = self.starts_at.get(pos)
        if m is not None:
            noun = MODIFIED.match(self.text, m.end)
            if noun:  # "according to the Philippine government": not the Philippine Coast Guard
                return "", self.text[pos:noun.end()], noun.end()
            return m.canonical, m.text, m.end
        role = ROLE_AFTER.match(self.text, at)
        if role and role.group(2) in ROLES:
            found = self.people.role(self.block, at, role.group(2))
            return (found.canonical if found else ""), role.group().strip(), role.end()
        pronoun = PRONOUN_AFTER.match(self.text, at)
        if pronoun:
            found = self.people.pronoun(self.block, at)
            return (found.canonical if found else ""), pronoun.group(1), pronoun.end()
        return None
