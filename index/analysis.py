"""How text becomes index terms: one tokenizer for every text field.

Words are lower-cased and accent-folded ("Bélanger" is found by "belanger"); runs of Chinese,
Japanese or Korean script become overlapping character pairs, so 习近平 is the phrase 习近 近平
and a query for it matches exactly where it appears. Stop words are kept in the index (the query
side drops them from plain word searches), so "the status of Taiwan" as a phrase matches only
that wording. A paragraph separator (U+2029, which `clean_text` never leaves in article text)
between blocks or names opens a wide position gap, so no phrase spans two blocks or two names.

Phrases with stop words are made fast by common grams (see `with_grams`). One generator
does tokenizing, folding and stemming at once: a chain of Whoosh filters costs a
generator layer per token, and analysis is most of the time spent indexing.
"""

from __future__ import annotations

import re
import unicodedata

from whoosh.analysis import STOP_WORDS, Token, Tokenizer
from whoosh.lang.porter import stem

SEPARATOR = "\u2029"
GAP = 100
STOPS = frozenset(STOP_WORDS) | {"s"}

_CJK = "\u3040-\u30ff\u3100-\u312f\u3131-\u318e\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f"
_PATTERN = re.compile(rf"(?P<cjk>[{_CJK}]+)|(?P<word>[^\W_{_CJK}]+)|(?P<sep>{SEPARATOR})")


def fold(word: str) -> str:
    """Lower case without accents (only called for words outside CJK scripts)."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class TextTokenizer(Tokenizer):
    """Folded words (stemmed when `stemming`) and CJK character pairs, with positions and
    offsets; with `grams`, also the common-word pairs described in `with_grams`."""

    def __init__(self, stemming: bool = False, grams: bool = False):
        self.stemming = stemming
        self.grams = grams
        self._cache: dict[str, str] = {}

    def _key(self) -> tuple:
        return (type(self), self.stemming, self.grams)

    def __eq__(self, other) -> bool:
        return isinstance(other, TextTokenizer) and other._key() == self._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __getstate__(self) -> dict:
        return {"stemming": self.stemming, "grams": self.grams}  # pickled into the index; not the cache

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

    def pieces(self, value: str, start_pos: int = 0):
        """(term, position, start, end) for each word or CJK pair of `value`."""
        pos = start_pos
        term = self.term
        for match in _PATTERN.finditer(value):
            kind = match.lastgroup
            if kind == "sep":
                pos += GAP
                continue
            start, end = match.span()
            if kind == "word":
                yield term(match.group()), pos, start, end
                pos += 1
                continue
            run = match.group()
            for i in range(max(1, len(run) - 1)):
                yield run[i : i + 2], pos, start + i, min(start + i + 2, end)
                pos += 1

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        pieces = self.pieces(value, start_pos)
        if self.grams and mode == "index":
            pieces = with_grams(pieces)
        elif self.grams and mode == "query":
            pieces = query_grams(list(pieces))
        for text, pos, start, end in pieces:
            token.text = text
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


def _gram(first, second):
    """The pair of two adjacent pieces if one of them is a stop word, else None."""
    if second[1] == first[1] + 1 and (first[0] in STOPS or second[0] in STOPS):
        return f"{first[0]} {second[0]}", first[1], first[2], second[3]
    return None


def with_grams(pieces):
    """Every piece, plus "a b" at a's position wherever a or b is a stop word (common grams).
    A phrase with common words then matches through these rarer pairs instead of walking the
    positions of "the" and "of" in every article."""
    previous = None
    for piece in pieces:
        yield piece
        if previous is not None:
            gram = _gram(previous, piece)
            if gram:
                yield gram
        previous = piece


def query_grams(pieces: list) -> list:
    """A phrase as one piece per position: the pair starting there if it is indexed, else the
    word; a last word already inside the previous pair is left out."""
    out = []
    for i, piece in enumerate(pieces):
        gram = _gram(piece, pieces[i + 1]) if i + 1 < len(pieces) else None
        if gram:
            out.append(gram)
        elif not (i and out and out[-1][0].count(" ") and out[-1][1] == piece[1] - 1 and i == len(pieces) - 1):
            out.append(piece)
    return out


def phrase_words(terms) -> list[str]:
    """The words of a phrase given as `query_grams` terms."""
    words = [t.split(" ")[0] for t in terms]
    if terms and " " in terms[-1]:
        words.append(terms[-1].split(" ")[1])
    return words


def exact_analyzer() -> TextTokenizer:
    """Unstemmed terms: names, sources, and finding matches again for snippets."""
    return TextTokenizer(stemming=False)


def phrase_analyzer() -> TextTokenizer:
    """Unstemmed terms plus common-word pairs: phrases, prefixes, fuzzy matches."""
    return TextTokenizer(stemming=False, grams=True)


def stemmed_analyzer() -> TextTokenizer:
    """Stemmed terms: plain word searches ("tariffs" finds "tariff")."""
    return TextTokenizer(stemming=True)
