"""How text becomes index terms: one tokenizer for every text field.

Words are lower-cased and accent-folded ("Bélanger" is found by "belanger"); runs of Chinese,
Japanese or Korean script become overlapping character pairs, so 习近平 is the phrase 习近 近平
and a query for it matches exactly where it appears. When indexing, each character of a longer
run is indexed on its own as well, so a one-character query (习) finds the run that holds it.
Stop words are kept in the index (the query side drops them from plain word searches), so
"the status of Taiwan" as a phrase matches only that wording. A paragraph separator (U+2029,
which `clean_text` never leaves in article text) between blocks or names opens a wide position
gap, so no phrase spans two blocks or two names.

Phrases are answered from word pairs (see `pair_terms`). A pair records whether its words are
separated by space alone or by punctuation ("status of" is not "status, of"; "U.S." is u|s),
so a phrase matches exactly the wording a substring search would. One generator does
tokenizing, folding and stemming at once: a chain of Whoosh filters costs a generator layer per
token, and analysis is a large part of the time spent indexing.
"""

from __future__ import annotations

import re
import unicodedata

from whoosh.analysis import STOP_WORDS, Token, Tokenizer
from whoosh.lang.porter import stem

SEPARATOR = "\u2029"
GAP = 100
STOPS = frozenset(STOP_WORDS) | {"s"}
JOINED, PUNCTUATED = " ", "|"  # between the two words of a pair term
AFTER_PUNCTUATION = "\x01"  # marks a query word that follows punctuation (the `exact` field only)

_CJK = "\u3040-\u30ff\u3100-\u312f\u3131-\u318e\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f"
_RECENT: dict[tuple, list] = {}  # (text, start position, stemming) -> its pieces
_PATTERN = re.compile(rf"(?P<cjk>[{_CJK}]+)|(?P<word>[^\W_{_CJK}]+)|(?P<sep>{SEPARATOR})")
_CJK_CHARACTER = re.compile(f"[{_CJK}]")
WORD, CJK_PAIR, CJK_CHARACTER = 0, 1, 2  # kinds of piece


def fold(word: str) -> str:
    """Lower case without accents (only called for words outside CJK scripts)."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_cjk(text: str) -> bool:
    """Whether `text` starts with a Chinese, Japanese or Korean character."""
    return _CJK_CHARACTER.match(text) is not None


class TextTokenizer(Tokenizer):
    """Folded words (stemmed when `stemming`) and CJK character pairs, with positions and
    offsets; with `pairs`, each two adjacent words of the text as one term instead; with
    `marks`, query words that follow punctuation carry AFTER_PUNCTUATION, so the query side
    can build the same pair terms."""

    def __init__(self, stemming: bool = False, pairs: bool = False, marks: bool = False):
        self.stemming = stemming
        self.pairs = pairs
        self.marks = marks
        self._cache: dict[str, str] = {}

    def _key(self) -> tuple:
        return (type(self), self.stemming, self.pairs, self.marks)

    def __eq__(self, other) -> bool:
        return isinstance(other, TextTokenizer) and other._key() == self._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __getstate__(self) -> dict:  # pickled into the index; not the cache
        return {"stemming": self.stemming, "pairs": self.pairs, "marks": self.marks}

    def __setstate__(self, state: dict) -> None:
        self.__init__(**state)

    def term(self, word: str) -> str:
        """The index term of one word (lower-case, folded, stemmed if this tokenizer stems)."""
        cached = self._cache.get(word)
        if cached is None:
            cached = fold(word.lower())
            if self.stemming:
                cached = stem(cached)
            if len(self._cache) < 200_000:
                self._cache[word] = cached
        return cached

    def pieces(self, value: str, start_pos: int = 0) -> list:
        """(term, position, start, end, kind, joined) for each word, CJK pair or extra CJK
        character of `value`; `joined` is False when punctuation comes between this piece and
        the one before. Remembered for a few texts, since `exact` and `pairs` index the same
        text one after the other."""
        key = (value, start_pos, self.stemming)
        found = _RECENT.get(key)
        if found is None:
            if len(_RECENT) >= 4:
                _RECENT.clear()
            found = _RECENT[key] = list(self._pieces(value, start_pos))
        return found

    def _pieces(self, value: str, start_pos: int):
        pos = start_pos
        term = self.term
        previous_end = 0
        for match in _PATTERN.finditer(value):
            kind = match.lastgroup
            start, end = match.span()
            joined = previous_end == start or value[previous_end:start].isspace()
            previous_end = end
            if kind == "sep":
                pos += GAP
                continue
            if kind == "word":
                yield term(match.group()), pos, start, end, WORD, joined
                pos += 1
                continue
            run = match.group()
            if len(run) == 1:
                yield run, pos, start, end, CJK_PAIR, joined
                pos += 1
                continue
            for i in range(len(run) - 1):
                yield run[i : i + 2], pos, start + i, start + i + 2, CJK_PAIR, joined or i > 0
                yield run[i], pos, start + i, start + i + 1, CJK_CHARACTER, True
                pos += 1
            yield run[-1], pos - 1, end - 1, end, CJK_CHARACTER, True

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        pieces = self.pieces(value, start_pos)
        if self.pairs:
            pieces = adjacent_pairs(pieces)
        elif mode != "index":  # a query or a snippet: a run's pairs are the way to match it
            pieces = [piece for piece in pieces if piece[4] != CJK_CHARACTER]
        mark = self.marks and mode == "query"
        for i, (text, pos, start, end, _, joined) in enumerate(pieces):
            token.text = AFTER_PUNCTUATION + text if mark and i and not joined else text
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = value[start:end]
            if positions:
                token.pos = pos
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token


def adjacent_pairs(pieces):
    """"a b" (or "a|b" across punctuation) at a's position for each word a followed directly
    by b, not across a block gap; CJK characters indexed on their own take no part."""
    previous = None
    for piece in pieces:
        if piece[4] == CJK_CHARACTER:
            continue
        if previous is not None and piece[1] == previous[1] + 1:
            between = JOINED if piece[5] else PUNCTUATED
            yield f"{previous[0]}{between}{piece[0]}", previous[1], previous[2], piece[3], WORD, True
        previous = piece


def pair_terms(words: list[str]) -> list[str]:
    """A phrase of two or more query words as the pairs that cover it, one per position: a
    two-word phrase is one term, found without reading positions at all."""
    pairs = []
    for a, b in zip(words, words[1:]):
        between = PUNCTUATED if b.startswith(AFTER_PUNCTUATION) else JOINED
        pairs.append(f"{unmarked(a)}{between}{unmarked(b)}")
    return pairs


def unmarked(word: str) -> str:
    return word.lstrip(AFTER_PUNCTUATION)


def pair_words(pair: str) -> list[str]:
    return re.split(r"[ |]", pair)


def exact_analyzer() -> TextTokenizer:
    """Unstemmed terms: names, sources, prefixes, fuzzy matches, finding matches for snippets."""
    return TextTokenizer(stemming=False)


def text_analyzer() -> TextTokenizer:
    """Unstemmed terms of an article's text, marking query words after punctuation for phrases."""
    return TextTokenizer(stemming=False, marks=True)


def pair_analyzer() -> TextTokenizer:
    """Adjacent unstemmed word pairs: phrases."""
    return TextTokenizer(stemming=False, pairs=True)


def stemmed_analyzer() -> TextTokenizer:
    """Stemmed terms: plain word searches ("tariffs" finds "tariff")."""
    return TextTokenizer(stemming=True)
