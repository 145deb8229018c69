"""Find the quotes of an article and who said them, from its blocks and recognised names.

Reported speech in the news follows a few shapes, read here with regexes around speech verbs:

    “We are ready,” Xi said.  /  “...,” said Xi.  /  Xi said: “...”      direct
    Xi said (that) China hoped ...  /  Blinken told reporters (that) ...   indirect, clause after
    Progress is hard, he added.  /  ..., according to SCMP.             indirect, clause before

The speaker is the recognised name next to the verb, or a name and an apposition before it
("Wang Yi, China's top diplomat, said"). "he"/"she" is the nearest person named before, outside
quotation marks; "the minister" the nearest person with that title in their context, else the
nearest person. A quote without a verb of its own continues the quote before it (“A,” he said.
“B.”). Only blocks with a quotation mark or a speech verb are read, so the cost follows the
quotes, not the length of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property
from itertools import accumulate
from typing import Sequence

from ..entities import Mention
from ..entities.words import words
from .model import Quote

SPEECH = (r"said|says|say|told|tells|added|adds|warned|warns|noted|notes|stated|explained|explains|argued|argues"
          r"|insisted|insists|stressed|stresses|replied|wrote|writes|tweeted|announced|declared|declares|claimed"
          r"|claims|acknowledged|admitted|conceded|suggested|recalled|emphasi[sz]ed|emphasi[sz]es|reiterated"
          r"|observed|remarked|commented|complained|cautioned|pointed out|predicted|confirmed|responded|vowed|repeated|reaffirmed")
NEEDS_THAT = re.compile(r"announced|declared|declares|confirmed|acknowledged|admitted|predicted|vowed|recalled"
                        r"|observed|suggested|noted|notes|stressed|stresses|emphasi[sz]e[sd]|claimed|claims|wrote|writes|repeated"
                        r"|reaffirmed")
# verbs that attribute quotation marks in their sentence ("accused the US of “...”") but no clause
QUOTING = r"accused|urged|called|described|praised|criticised|criticized|blamed|dismissed|lamented|hailed"
QUOTING_WORDS = frozenset(QUOTING.split("|"))


def _by_first_letter(words: str) -> str:
    """An alternation grouped by first letter: the regex engine tries one group per position."""
    groups: dict[str, list[str]] = {}
    for word in words.split("|"):
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{first}(?:{'|'.join(sorted(rest, key=len, reverse=True))})" for first, rest in groups.items())


CUE = re.compile(rf"\b(?:[Aa]ccording to|{_by_first_letter(SPEECH + '|' + QUOTING)})\b")
QUOTED = re.compile(r"“([^”]*)(?:”|$)|\"([^\"]*)(?:\"|$)")
END = re.compile(r"[.!?]+[”\"’)]*(?=\s*$|\s+[^a-z\s])")  # not before a lower-case word
LAST_WORD = re.compile(r"(\w+)\.*$")
ABBREVIATIONS = {"Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Jr", "Sr", "Prof", "No", "vs",
                 "Adm", "Capt", "Maj", "Sgt", "Rev", "Inc", "Co", "Corp", "Ltd"}
ADVERBS = {"also", "even", "later", "then", "further", "again", "previously", "once", "has", "had", "have",
           "repeatedly", "reportedly", "separately", "earlier", "recently", "publicly", "privately", "simply",
           "only", "bluntly", "flatly", "openly", "would", "will", "has also"}
PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Ii]t)$")
SUBJECT_START = re.compile(r"\s*(?:[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*|[Hh]e|[Ss]he|[Ii]t)(?= )(?= [a-z])")
ORG_ROLES = {"ministry", "department", "government", "embassy", "agency", "company", "office", "council",
             "committee", "commission", "administration", "party", "firm", "group", "bank", "court", "military", "army"}
ROLES = {w.lower() for w in words().title_heads} | {
    "official", "officials", "leader", "diplomat", "envoy", "spokesperson", "spokesman", "spokeswoman", "analyst",
    "economist", "lawmaker", "negotiator", "minister", "secretary", "president", "premier", "chancellor"} | ORG_ROLES
ROLE = re.compile(r"\b[Tt]he (?:[\w’'-]+ ){0,3}?([a-z]+)$")
OBJECT = re.compile(r"\s+(?:\w+ly\s+)?(?:(?:in|at|on|during|after|before|to|with)\b[^,.;:“\"]{0,60}?\sthat\s+|that\s+)?")
NOT_CLAUSE = re.compile(r"(?:as|to|of|for|in|on|by|with|from|about|at|into|against|so|yes|no)\b")
TOLD = re.compile(r"\s+(?:[\w’'-]+ ){1,5}?that\s+|\s+(?:(?:the |a |an )?[\w’'-]+(?: [A-Z][\w’'-]*)*?(?: in [a-z ]+?)?)\s+(?:that\s+)?|\s*[,:]\s*")
WORD = re.compile(r"\w+")
ACTS = re.compile(r" (?!(?:of|and|or|in|at|on|to|for|with|as|from|by|is|was)\b)[a-z]+")
AFTER_PREPOSITION = re.compile(r"\b(?:in|of|from|at|for|with|on|by|to|as)\s+(?:(?:the\s+)?[A-Z][\w’'-]*\s+(?:and\s+)?)*$")
UNNAMED = re.compile(r"\b(?:[Oo]fficials|[Aa]nalysts|sides?|[Dd]iplomats|[Ee]xperts|[Oo]bservers|[Cc]ritics|[Ss]ources"
                     r"|[Ll]awmakers)(?: (?:in|from|of|on) (?:the )?(?:[A-Z][\w’'-]*(?: and | )?)+)?$")
MODIFIED = re.compile(r" (?!(?:said|says|told|added|and|or|in|on|at|of|for|to|with|as|by)\b)[a-z]+(?=[,.])")
SPEAKS = re.compile(rf" (?:\w+ )?(?:{SPEECH})\b")
PUNCTUATION = re.compile(r"[\s,.!?]*")
CLOSING = re.compile(r"[\s,.!?”\"]*")
LEADS_IN = re.compile(r"[^.!?”\"]*[,:]\s*[“\"]")
SENTENCE_DONE = re.compile(r"[\s,.!?]*$|[^.!?]{0,40}[.!?]")
TO_COMMA = re.compile(r"[^,.]*?,\s*")
APPOSITION_BREAK = re.compile(r"[.!?;“”\"]")
LEAD = re.compile(r"\s+(?:the\s+)?")
ROLE_AFTER = re.compile(r"\s+[Tt]he ((?:[\w’'-]+ ){0,3}?)([a-z]+)\b")
PRONOUN_AFTER = re.compile(r"\s+(he|she)\b")
INF = float("inf")
WINDOW = 300  # characters before a verb where its subject is looked for
PRONOUN_REACH = 6  # names looked back at for "he"
MIN_WORDS = 3  # a shorter quotation is a scare quote ("suppressing"), not a quote
LONE_WORDS = 8  # an unattributed quotation this long is still somebody's words
NEAR = 80  # characters between a quotation and the verb that attributes it
TITLE_BEFORE = re.compile(r"(?:[A-Z][\w.’'-]* )+$")
APPOSITION = re.compile(r",? (?:the |a |an )?(?:[\w’'-]+ ){0,3}[\w-]+")
TITLE_CONTEXT = 40  # characters before a name where its title is ("Foreign Minister Qin Gang")


def find_quotes(texts: Sequence[str], mentions: Sequence[Mention]) -> list[Quote]:
    """The quotes of an article's blocks, in reading order, with offsets into the blocks."""
    by_block: dict[int, list[Mention]] = {}
    for m in mentions:
        by_block.setdefault(m.block, []).append(m)
    marks = {b: _quotation_marks(t) for b, t in enumerate(texts) if "“" in t or '"' in t}
    cues = _cues(texts)
    people = _Antecedents(texts, mentions, marks)
    found: list[Quote] = []
    for b in sorted(marks.keys() | cues.keys()):
        reader = _Block(b, texts[b], marks.get(b, []), cues.get(b, []), by_block.get(b, []), people)
        found.extend(reader.quotes(found[-1] if found else None))
    return found


class _Cue:
    """A speech verb (or "according to") in a block; read like the regex match it came from."""

    __slots__ = ("at", "to", "word", "kind")

    def __init__(self, at: int, to: int, word: str) -> None:
        self.at, self.to, self.word = at, to, word
        self.kind = "according" if word[0] in "Aa" and word.endswith(" to") else "quoting" if word in QUOTING_WORDS else "speech"

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.to

    def group(self, kind: str | None = None) -> str | None:
        return self.word if kind is None or kind == self.kind else None


def _cues(texts: Sequence[str]) -> dict[int, list[_Cue]]:
    """Block -> its speech verbs, found in one pass over the article joined by newlines."""
    text = "\n".join(texts)
    starts = [0, *accumulate(len(t) + 1 for t in texts[:-1])]
    found: dict[int, list[_Cue]] = {}
    for m in CUE.finditer(text):
        b = bisect_right(starts, m.start()) - 1
        found.setdefault(b, []).append(_Cue(m.start() - starts[b], m.end() - starts[b], m.group()))
    return found


def _quotation_marks(text: str) -> list[tuple[int, int, int]]:
    """(content start, content end, end of the closing mark) of each quotation; one left open
    runs to the end of the block (a quote continued in the next paragraph)."""
    spans = []
    for m in QUOTED.finditer(text):
        group = 1 if m.group(1) is not None else 2
        spans.append((m.start(group), m.end(group), m.end()))
    return spans


class _Antecedents:
    """The article's people and organisations outside quotation marks, in reading order, for
    "he" and "the minister"."""

    def __init__(self, texts, mentions, marks) -> None:
        self.texts = texts
        self.names = [m for m in mentions if not _inside(marks.get(m.block, ()), m.start)]
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


def _inside(spans, pos: int) -> bool:
    """Whether `pos` is inside a quotation (spans in order, as found)."""
    i = bisect_right(spans, (pos, INF)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


class _Block:
    """One block's quotation marks, speech verbs and sentences."""

    def __init__(self, block: int, text: str, spans, cues: list[_Cue], mentions: list[Mention], people: _Antecedents) -> None:
        self.block, self.text, self.spans, self.people = block, text, spans, people
        self.ends_at = {m.end: m for m in mentions}
        self.mention_ends = sorted(self.ends_at)
        self.starts_at = {m.start: m for m in mentions}
        self.cues = [c for c in cues if not _inside(spans, c.at)]
        self.cue_starts = [c.at for c in self.cues]

    def _cues(self, lo: int, hi: int) -> list[re.Match]:
        """The speech verbs starting in [lo, hi)."""
        return self.cues[bisect_left(self.cue_starts, lo):bisect_left(self.cue_starts, hi)]

    def quotes(self, last: Quote | None) -> list[Quote]:
        used: set[int] = set()  # cues that attributed a direct quote
        direct = []
        for start, end, close in self.spans:
            quote = self._direct(start, end, close, used)
            if quote is not None:
                direct.append(quote)
        indirect = [q for c in self.cues if c.start() not in used for q in [self._indirect(c)] if q is not None]
        indirect = _without_overlaps(indirect)
        clauses = [(i.start, i.end, i.end) for i in indirect]
        direct = [q for q in direct if not _inside(clauses, q.start)]
        quotes = sorted(direct + indirect, key=lambda q: q.start)
        out = []
        for q in quotes:  # an unattributed quotation continues the one before it
            opens = q.start <= 3 and self.text[:q.start].strip() in ("", "“", '"')
            previous = out[-1] if out else last if opens and last is not None and last.block == self.block - 1 else None
            if q.said_by == "" and q.kind == "direct":
                if previous is not None and previous.kind == "direct" and previous.speaker:
                    q = Quote(q.block, q.start, q.end, q.text, q.kind, previous.speaker, previous.said_by)
                elif len(WORD.findall(q.text)) < LONE_WORDS:
                    continue
            out.append(q)
        return out

    # -- direct quotes --------------------------------------------------------------------------
    def _direct(self, start: int, end: int, close: int, used: set[int]) -> Quote | None:
        text = self.text[start:end]
        if len(WORD.findall(text)) < MIN_WORDS:
            return None
        for cue in self._cues(close, close + NEAR + 1):  # the verb right after: “...,” Xi said / “...,” said Xi
            if cue.group("according") is None:
                speaker = self._after_quotation(close, cue)
                if speaker is not None:
                    used.add(cue.start())
                    return self._quote(start, end, "direct", speaker)
        for cue in reversed(self._cues(start - NEAR - 20, start)):  # the verb right before: Xi said: “...”
            if start - NEAR <= cue.end() < start and LEADS_IN.fullmatch(self.text, cue.end(), start):
                speaker = self._subject(cue.start()) if cue.group("according") is None else self._named_after(cue.end())
                if speaker is not None:
                    used.add(cue.start())
                    return self._quote(start, end, "direct", speaker)
        lo, hi = self._sentence(start)
        nearest = sorted(self._cues(lo, hi),
                         key=lambda c: min(abs(c.start() - close), abs(c.end() - start)))
        for cue in nearest:  # a verb elsewhere in the sentence: Wang accused the US of “...”
            speaker = self._named_after(cue.end()) if cue.group("according") else self._subject(cue.start())
            if speaker is not None:
                return self._quote(start, end, "direct", speaker)
        return self._quote(start, end, "direct", ("", ""))

    def _after_quotation(self, close: int, cue: re.Match):
        if self.text[close - 2:close - 1] == "." and not SENTENCE_DONE.match(self.text, cue.end()):
            return None  # “... theory.” He repeated that ...: a new sentence with its own clause
        between = self.text[close:cue.start()]
        if PUNCTUATION.fullmatch(between):
            return self._named_after(cue.end())
        speaker = self._subject(cue.start())
        if speaker is not None and PUNCTUATION.fullmatch(self.text, close, speaker[2]):
            return speaker
        return None

    # -- indirect quotes ------------------------------------------------------------------------
    def _indirect(self, cue: re.Match) -> Quote | None:
        lo, hi = self._sentence(cue.start())
        if cue.group("quoting"):
            return None
        if cue.group("according"):
            return self._according(cue, lo, hi)
        speaker = self._subject(cue.start())
        if speaker is None:  # "..., said Xi."
            named = self._named_after(cue.end())
            if named is None or not named[0] or not CLOSING.fullmatch(self.text, named[2], max(named[2], hi)):
                return None
            return self._clause_before(lo, cue.start(), named)
        if not speaker[0] and not speaker[1]:
            return None
        rest = self.text[cue.end():hi]
        if CLOSING.fullmatch(rest) or rest.lstrip().startswith(("according to", ",")):
            return self._clause_before(lo, speaker[2], speaker)  # "..., he added." / "..., Xi said, according to SCMP"
        skip = (TOLD if cue.group("speech") in ("told", "tells") else OBJECT).match(self.text, cue.end())
        begin = skip.end() if skip else cue.end()
        if NEEDS_THAT.fullmatch(cue.group()) and not self.text[cue.end():begin].rstrip().endswith("that"):
            return None  # "announced export controls": a thing announced, not words
        if self.text[begin:begin + 1] in "“\":" or NOT_CLAUSE.match(self.text, begin):
            return None  # a direct quote that did not pass as one, or no clause ("claims as its own")
        return self._clause(begin, hi, speaker)

    def _according(self, cue: re.Match, lo: int, hi: int) -> Quote | None:
        if any(c.group("speech") for c in self._cues(lo, hi)):
            return None  # "According to SCMP, Xi said ...": the speaker is the one who said
        named = self._named_after(cue.end())
        if named is None:
            return None
        comma = TO_COMMA.match(self.text, named[2])
        if self.text[lo:cue.start()].strip() == "" and comma:
            return self._clause(comma.end(), hi, named)
        return self._clause_before(lo, cue.start(), named)

    def _clause(self, begin: int, end: int, speaker) -> Quote | None:
        while end > begin and self.text[end - 1] in " .!?,;:”\"’)":
            end -= 1
        while begin < end and self.text[begin] in " “\"‘(":
            begin += 1
        if len(WORD.findall(self.text[begin:end])) < MIN_WORDS:
            return None
        return self._quote(begin, end, "indirect", speaker)

    def _clause_before(self, lo: int, at: int, speaker) -> Quote | None:
        begin = lo
        while begin < at and not self.text[begin].isalnum() and self.text[begin] not in "“\"":
            begin += 1
        if self.text[begin:begin + 1] in "“\"":
            return None  # a quotation: the direct reading has it
        return self._clause(begin, at, speaker)

    # -- speakers -------------------------------------------------------------------------------
    def _subject(self, at: int, depth: int = 0):
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
                return self._subject(first.end(), depth + 1)
        return None

    def _named_after(self, at: int):
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

    def _quote(self, start: int, end: int, kind: str, speaker) -> Quote:
        return Quote(self.block, start, end, self.text[start:end], kind, speaker[0], speaker[1])

    # -- sentences ------------------------------------------------------------------------------
    @cached_property
    def ends(self) -> list[int]:
        """Where the block's sentences end (computed when a quote first asks)."""
        ends = []
        for m in END.finditer(self.text):
            i = bisect_right(self.spans, (m.start(), INF)) - 1 if self.spans else -1
            if i >= 0 and m.end() < self.spans[i][2]:
                continue  # inside a quotation (a full stop closing one ends the sentence)
            at = m.start()
            if self.text[at - 3:at].islower() and self.text[at - 3:at].isalpha():
                ends.append(m.end())  # after a lower-case word: no abbreviation ("Mr.", "U.S.")
                continue
            word = LAST_WORD.search(self.text, max(0, at - 12), at + 1)
            if word and (word.group(1) in ABBREVIATIONS or len(word.group(1)) == 1 and word.group(1).isupper()):
                continue
            ends.append(m.end())
        return ends

    def _sentence(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.ends, pos)
        return (self.ends[i - 1] if i else 0), (self.ends[i] if i < len(self.ends) else len(self.text))


def _without_overlaps(quotes: list[Quote]) -> list[Quote]:
    """One clause, one quote: the first verb of a sentence reports it ("Xi said ... and warned ..."),
    unless the clause reports another speaker's words ("the White House said Biden repeated that ...")."""
    out: list[Quote] = []
    for q in sorted(quotes, key=lambda q: (q.start, -q.end)):
        if out and q.start < out[-1].end:
            if q.end <= out[-1].end and q.speaker:  # "The White House said Biden repeated that ...": Biden's
                out[-1] = q
            continue
        out.append(q)
    return out
