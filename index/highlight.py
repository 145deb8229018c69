"""Where a hit is in its article: the best block, a snippet of it, and the matched spans.

The matching words are found again in the article's blocks with the index's own tokenizer, so
"tariffs" marks "tariff" and "Tariffs", a phrase marks the whole phrase, and offsets are in the
library's block coordinates. Blocks are first screened with a plain substring test so that a
page of hits costs a few tokenized blocks, not whole articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from whoosh import query as q

from .analysis import exact_analyzer, fold, is_cjk, pair_words, stemmed_analyzer
from .query import NAME_FIELDS

SNIPPET_WIDTH = 220
LEAD = 60  # characters shown before the first match
_EXACT = exact_analyzer()
_STEMMER = stemmed_analyzer()


@dataclass
class Wanted:
    """What to mark, taken from the positive (not negated) parts of a resolved query."""

    stems: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    phrases: list[tuple[str, ...]] = field(default_factory=list)

    @classmethod
    def of(cls, query: q.Query) -> Wanted:
        wanted = cls()
        wanted._collect(query)
        return wanted

    def _collect(self, node: q.Query) -> None:
        if isinstance(node, q.Not):
            return
        if isinstance(node, q.AndNot):
            self._collect(node.a)
            return
        if isinstance(node, q.Term):
            if node.fieldname in ("title", "body"):
                self.stems.add(node.text)
            elif node.fieldname == "pairs":
                self.phrases.append(tuple(pair_words(node.text)))
            elif node.fieldname == "exact" or node.fieldname in NAME_FIELDS:
                self.words.add(node.text)
            return
        if isinstance(node, q.Phrase):
            if node.fieldname == "pairs":
                words = [pair_words(pair)[0] for pair in node.words] + pair_words(node.words[-1])[1:]
                self.phrases.append(tuple(words))
            elif node.fieldname in ("exact", *NAME_FIELDS):
                self.phrases.append(tuple(node.words))
            return
        for child in node.children():
            self._collect(child)

    def keys(self) -> set[str]:
        """Substrings one of which a block must contain to possibly match: a stem less its
        last letter (porter turns "policy" into "polici"), a word, a phrase's longest word."""
        keys = {s[:-1] if len(s) > 2 else s for s in self.stems}
        keys |= self.words
        keys |= {max(p, key=len) for p in self.phrases if p}
        return keys


@dataclass(frozen=True)
class Passage:
    block: int
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    terms: tuple[str, ...]


def spans_in(text: str, wanted: Wanted) -> list[tuple[int, int]]:
    """Character spans of `text` that the query matches, in order, not overlapping."""
    tokens = [(t.text, t.startchar, t.endchar) for t in _EXACT(text, chars=True)]
    spans = []
    for i, (word, start, end) in enumerate(tokens):
        if _wanted_word(word, wanted):
            spans.append((start, end))
        elif end - start == 2 and is_cjk(word):  # a CJK pair: a one-character query matches within it
            spans += [(start + k, start + k + 1) for k, char in enumerate(word) if _wanted_word(char, wanted)]
        for phrase in wanted.phrases:
            if phrase and word == phrase[0] and tuple(t[0] for t in tokens[i : i + len(phrase)]) == phrase:
                spans.append((start, tokens[i + len(phrase) - 1][2]))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _wanted_word(word: str, wanted: Wanted) -> bool:
    return word in wanted.words or bool(wanted.stems and _STEMMER.term(word) in wanted.stems)


def best_passage(blocks: list[str], wanted: Wanted) -> Passage:
    """The block that looks richest in matches (most distinct keys; the first of equals), with
    a snippet of it. Only that block is tokenized, unless the substring test was fooled."""
    keys = wanted.keys()
    ranked = []
    for number, text in enumerate(blocks):
        lowered = fold(text.lower())
        score = sum(1 for key in keys if key in lowered)
        if score:
            ranked.append((-score, number))
    for _, number in sorted(ranked):
        spans = spans_in(blocks[number], wanted)
        if spans:
            text = blocks[number]
            snippet, highlights = cut_snippet(text, spans)
            terms = tuple(dict.fromkeys(text[s:e].lower() for s, e in spans))
            return Passage(number, snippet, highlights, terms)
    snippet, _ = cut_snippet(blocks[0] if blocks else "", [])
    return Passage(0, snippet, (), ())


def cut_snippet(text: str, spans: list[tuple[int, int]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """About SNIPPET_WIDTH characters of `text` around its first span, cut at spaces, with
    the spans moved into the snippet's coordinates."""
    if len(text) <= SNIPPET_WIDTH:
        return text, tuple(spans)
    start = max(0, spans[0][0] - LEAD) if spans else 0
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < (spans[0][0] if spans else len(text)) else start
    end = min(len(text), start + SNIPPET_WIDTH)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    inside = tuple((s + shift, min(e, end) + shift) for s, e in spans if s >= start and s < end)
    return prefix + text[start:end] + suffix, inside
