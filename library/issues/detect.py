"""Which issues an article discusses, how strongly, and the passages that show it.

Evidence comes from three places: cue phrases of an issue, related entities (by name, or by the
recogniser's canonical name, so a later "Tsai" counts like "Tsai Ing-wen"), and lists of issues
the text itself gives ("... opposing positions on towering issues:" followed by bullets, or
"issues such as Taiwan, trade and human rights"). The score grows with distinct cues, repeated
evidence and listing, and shrinks with article length, so it means the same in a short news item
and a long essay. One passing word never makes an issue: a hit needs a cue or a listing, and
two passages or a listing. Weak cues (words with an everyday sense too: "vote", "talks",
"defence") count only beside a cue or related name of the same issue, so a sports report on a poll of fans or a
club's defence is not about elections or the military. An article with several context words
of sport and entertainment news (data/context.yaml) needs two different cues, weak ones not
counting: a spy film is not about espionage. The title and standfirst are read too (their passages carry
TITLE_BLOCK and STANDFIRST_BLOCK): a title names what an article is about, so a cue there counts
double and is enough evidence on its own, which a one-line feed item needs.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Sequence

from ..model import TITLE_BLOCK
from .matcher import CONTEXT, LIST_NOUNS, MARKER, fold
from .passages import MAX_PASSAGE, Sentences
from .taxonomy import Taxonomy

THRESHOLD = 0.4  # the lowest score reported
MAX_PASSAGES = 200  # per issue (plus the list items naming it)
CONTEXT_WORDS = 2  # different context words that make an article one about sport or entertainment
WORDS_PER_UNIT = 800  # articles longer than this need proportionally more evidence
_HEAD = -TITLE_BLOCK  # the title and standfirst come before the blocks in detection's own numbering

_LIST_INTRO = re.compile(r"\b(?:%s)\b" % "|".join(LIST_NOUNS), re.IGNORECASE)
_INLINE_OPENER = re.compile(r"[^.;:!?]{0,40}?(?::|\bsuch as\b|\bincluding\b|\blike\b|\branging from\b)\s*", re.IGNORECASE)
_ITEM_SPLIT = re.compile(r"\s*(?:[,;]|\band\b|\bor\b)\s*")
_ITEM_REGION_END = re.compile(r"[.;!?]")
MAX_BULLET_WORDS = 40
MAX_INLINE_ITEM_WORDS = 6
MAX_LIST_ITEMS = 20


@dataclass(frozen=True)
class Passage:
    block: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class IssueHit:
    id: str
    label: str
    score: float
    passages: tuple[Passage, ...]


@dataclass
class _Tally:
    """The evidence for one issue in one article."""

    cues: Counter = field(default_factory=Counter)
    weak: Counter = field(default_factory=Counter)
    entities: Counter = field(default_factory=Counter)
    listed: int = 0
    passages: dict = field(default_factory=dict)
    titled: bool = False  # a cue in the title

    def score(self, words: int, offtopic: bool = False) -> float:
        """0..1: each distinct cue counts 1, a repeat 0.35, a related name 0.5 (a repeat 0.15),
        a listing 1.5; repeats and listings saturate. Articles longer than WORDS_PER_UNIT
        need sqrt(length) times as much evidence for the same score."""
        scale = max(1.0, words / WORDS_PER_UNIT) ** 0.5
        cap = 10 * scale  # a longer text needs more repeats, so it may count more of them
        counted = (self.cues, self.weak) if self.backed and not offtopic else (self.cues,)
        distinct = sum(len(c) for c in counted)
        strength = (
            distinct
            + self.titled
            + 0.35 * min(sum(n for c in counted for n in c.values()) - distinct, cap)
            + 0.5 * len(self.entities)
            + 0.15 * min(sum(self.entities.values()) - len(self.entities), cap)
            + 1.5 * min(self.listed, 2)
        )
        return 1 - math.exp(-strength / scale / 2.5)

    @property
    def backed(self) -> bool:
        """Whether weak cues count: beside a cue, a listing or a related name."""
        return bool(self.cues or self.listed or self.entities)

    def enough(self, score: float, offtopic: bool = False) -> bool:
        """Names add weight but never make an issue alone, nor do weak cues; one passing
        mention is not enough. Off topic, it takes two different cues or a listing."""
        if offtopic:
            cued = len(self.cues) >= 2 or self.listed
        else:
            cued = self.cues or self.listed or (self.weak and self.entities)
        return score >= THRESHOLD and bool(cued) and (len(self.passages) >= 2 or self.listed > 0 or self.titled)


class _Evidence:
    """Tallies per issue, and where each piece of evidence is, to find it inside list items."""

    def __init__(self, article: _Article):
        self.article = article
        self.tallies: dict[int, _Tally] = {}
        self.marks: list[tuple[int, int, int]] = []  # (start, end, issue) in article coordinates

    def add(self, issue: int, phrase: str, is_entity: bool, block: int, start: int, end: int, weak: bool = False) -> None:
        tally = self.tallies.get(issue)
        if tally is None:
            tally = self.tallies[issue] = _Tally()
        if is_entity:
            tally.entities[phrase] += 1
        elif weak:
            tally.weak[phrase] += 1
        else:
            tally.cues[phrase] += 1
            tally.titled |= block == 0
        if len(tally.passages) < MAX_PASSAGES:  # in a huge text, later passages are not even cut out
            passage = self.article.passage(block, start, end)
            tally.passages[passage[:3]] = passage
        offset = self.article.starts[block]
        self.marks.append((offset + start, offset + end, issue))

    def listed(self, items) -> None:
        """Credit each issue with evidence inside an item of a list of issues."""
        self.marks.sort()
        for start, end, passage in items:
            lo = bisect.bisect_left(self.marks, (start, -1, -1))
            hi = bisect.bisect_left(self.marks, (end, -1, -1))
            for issue in {issue for _, e, issue in self.marks[lo:hi] if e <= end}:
                tally = self.tallies[issue]
                tally.listed += 1
                tally.passages[passage[:3]] = passage


def detect(taxonomy: Taxonomy, texts: Sequence[str], mentions: Sequence = (), kinds: Sequence[str] | None = None,
           title: str = "", standfirst: str = "") -> list[IssueHit]:
    """The issues of one article (its blocks' texts, title and standfirst), strongest first.
    `mentions` are the recogniser's names in the blocks (numbered from 0 as in `texts`)."""
    if not taxonomy.issues or not (texts or title or standfirst):
        return []
    article = _Article([title, standfirst, *texts])
    kinds = ["title", "standfirst", *kinds] if kinds is not None else None
    evidence = _Evidence(article)
    found = taxonomy.matcher.find(article.joined)
    nouns, context = _add_matches(evidence, article, taxonomy.matcher, found, mentions)
    _add_mentions(evidence, article, taxonomy.matcher, found, mentions)
    evidence.listed(_list_items(article, kinds, nouns))
    offtopic = len(context) >= CONTEXT_WORDS
    hits = []
    for index, tally in evidence.tallies.items():
        score = tally.score(article.words, offtopic)
        if tally.enough(score, offtopic):
            issue = taxonomy.issues[index]
            passages = tuple(Passage(b - _HEAD, lo, hi, text) for b, lo, hi, text in sorted(tally.passages.values()))
            hits.append(IssueHit(issue.id, issue.label, round(score, 3), passages))
    hits.sort(key=lambda h: (-h.score, h.label))
    return hits


def _add_matches(evidence: _Evidence, article: _Article, matcher, found, mentions) -> tuple[list[tuple[int, int, int]], set[str]]:
    """Evidence from cue and name matches; returns the list nouns and context words met on the way."""
    orgs = _Names(article, [m for m in mentions if m.kind == "org"])
    nouns, context = [], set()
    for match in found:
        block, start, end = article.local(match.start, match.end)
        inside = orgs.around(match.start, match.end)
        for target in match.targets:
            if target.issue == MARKER:
                nouns.append((block, start, end))
            elif target.issue == CONTEXT:
                context.add(target.phrase)
            elif inside is None or target.issue in matcher.names.get(inside, ()):  # not "Civil Defense Authority"
                evidence.add(target.issue, target.phrase, target.entity, block, start, end, target.weak)
    return nouns, context


def _add_mentions(evidence: _Evidence, article: _Article, matcher, found, mentions) -> None:
    """Evidence from the recogniser's names not matched as text already ("Tsai" for Tsai Ing-wen)."""
    matched = [(m.start, m.end) for m in found]
    for mention in mentions:
        issues = matcher.names.get(fold(mention.canonical))
        block = mention.block + _HEAD
        start = article.starts[block] + mention.start
        if issues and not _overlaps(matched, start, start + (mention.end - mention.start)):
            for issue in issues:
                evidence.add(issue, mention.canonical, True, block, mention.start, mention.end)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps a matched span. The spans never nest, so their ends rise
    with their starts and the last span starting before `end` reaches furthest."""
    i = bisect.bisect_left(spans, (end, -1))
    return i > 0 and spans[i - 1][1] > start


class _Names:
    """Spans of recognised names, to tell whether a cue word is part of a longer name."""

    def __init__(self, article: _Article, mentions: Sequence):
        starts = article.starts[_HEAD:]  # mentions are in the blocks
        spans = sorted((starts[m.block] + m.start, starts[m.block] + m.end, m.canonical) for m in mentions)
        self.starts = [s for s, _, _ in spans]
        self.spans = spans

    def around(self, start: int, end: int) -> str | None:
        """The folded canonical name of a longer name holding [start, end), if there is one."""
        i = bisect.bisect_right(self.starts, start) - 1
        if i < 0:
            return None
        s, e, canonical = self.spans[i]
        return fold(canonical) if e >= end and (s, e) != (start, end) else None


class _Article:
    """The blocks joined into one text (one scan for all of them), with the way back to blocks.
    The joint is a control character no phrase contains, so no match spans two blocks."""

    def __init__(self, texts: Sequence[str]):
        self.texts = texts
        self.joined = "\x1f".join(texts)
        self.starts = []
        offset = 0
        for text in texts:
            self.starts.append(offset)
            offset += len(text) + 1
        self.words = sum(len(t.split()) for t in texts)
        self._sentences: dict[int, Sentences] = {}

    def local(self, start: int, end: int) -> tuple[int, int, int]:
        block = bisect.bisect_right(self.starts, start) - 1
        return block, start - self.starts[block], end - self.starts[block]

    def sentences(self, block: int) -> Sentences:
        if block not in self._sentences:
            self._sentences[block] = Sentences(self.texts[block])
        return self._sentences[block]

    def passage(self, block: int, start: int, end: int) -> tuple[int, int, int, str]:
        lo, hi = self.sentences(block).around(start, end)
        return block, lo, hi, self.texts[block][lo:hi]


def _list_items(article: _Article, kinds: Sequence[str] | None, nouns: list[tuple[int, int, int]]):
    """Items of the lists of issues an article gives itself: (start, end, evidence passage)."""
    for b, text in enumerate(article.texts):
        stripped = text.rstrip()
        if stripped.endswith(":") and _LIST_INTRO.search(stripped[-160:]):
            yield from _bullet_items(article, b + 1, kinds)
    for b, start, end in nouns:
        yield from _inline_items(article, b, start, end)


def _bullet_items(article: _Article, first: int, kinds: Sequence[str] | None):
    texts = article.texts
    for b in range(first, min(first + MAX_LIST_ITEMS, len(texts))):
        text = texts[b]
        is_item = kinds[b] == "bullet" if kinds is not None else True
        if not is_item or len(text) > MAX_PASSAGE or len(text.split()) > MAX_BULLET_WORDS:
            return
        lo = len(text) - len(text.lstrip())
        hi = len(text.rstrip())
        yield article.starts[b] + lo, article.starts[b] + hi, (b, lo, hi, text[lo:hi])


def _inline_items(article: _Article, b: int, noun_start: int, noun_end: int):
    """The short items after "issues such as", "issues including", "issues:" in a sentence."""
    text = article.texts[b]
    opener = _INLINE_OPENER.match(text, noun_end)
    if opener is None:
        return
    limit = min(len(text), opener.end() + MAX_PASSAGE)
    stop = _ITEM_REGION_END.search(text, opener.end(), limit)
    region_end = stop.start() if stop else limit
    if region_end <= opener.end():
        return
    passage = article.passage(b, noun_start, opener.end())
    position = opener.end()
    for part in _ITEM_SPLIT.split(text[opener.end() : region_end]):
        start = text.index(part, position) if part else position
        position = start + len(part)
        if not part:
            continue
        if len(part.split()) > MAX_INLINE_ITEM_WORDS:
            return
        yield article.starts[b] + start, article.starts[b] + position, passage
