"""Find the names in an article: gazetteer hits in one Aho-Corasick pass, and rules that read
the capitalised sequences around them.

Per article, the automaton finds every known name, and one compiled regex finds every run of
capitalised words (joined by single spaces, name particles and "of the"). Only those runs are
read in Python (by `rules.RunReader`), so the cost grows with the names in a text, not with its
length; alias resolution over the whole article then settles what the rules left open.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from itertools import accumulate
from pathlib import Path
from typing import Sequence

from .aliases import Candidate, resolve
from .gazetteer import USER_FILE, Gazetteer, load_shipped, user_layer
from .mention import Mention
from .pieces import CURRENCY, UP, Hit, Word, class_of
from .rules import RunReader
from .teams import sports_report, teams
from .words import words

UPPER_CHAR = re.compile(UP)
LOWER_CHAR = re.compile(class_of(str.islower))
_W = words()
_PARTICLES = "|".join(sorted(_W.particles, key=len, reverse=True))
# A capitalised word: initials ("U.S."), or a word with inner apostrophes ("O'Brien", never the
# possessive "'s") and capitalised hyphen parts ("US-China", never "Trump-era").
# (The capital comes first and the look-behind after it, so the regex engine can skip ahead to
# capitals instead of testing the look-behind at every character.)
_FIRST = rf"{UP}(?<![\w&'’-].)(?:\.(?:{UP}\.)+|[\w&]*(?:['’][^\W\d_]{{2,}})*(?:-[{UP[1:-1]}\d][\w&]*)*)"
# Later words of a run may take a lower-case hyphen part, as in "Kim Jong-un".
_LATER = rf"(?:{UP}\.(?:{UP}\.)+|{UP}[\w&]*(?:['’][^\W\d_]{{2,}})*(?:-[\w&]+)*)"
_TAILS = "|".join(sorted(_W.facility_tails))
RUN = re.compile(
    rf"{_FIRST}(?:(?:\.? | (?:of|for)(?: the)? | (?:(?:{_PARTICLES}) )+){_LATER})*"
    rf"(?P<tail> (?:{_TAILS})\b)?(?![\w&]|-\w)"
)
ITEM = re.compile(rf"(?P<join>\b(?:of|for)(?: the)?\b)|(?P<part>\b(?:{_PARTICLES})\b)|(?P<dot>\.(?= ))|(?P<word>{_LATER})")
LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
NEVER_ALONE = _W.function_words | _W.calendar | _W.titles | _W.demonyms | _W.not_acronyms
SENTENCE_END = ".!?:;•\n"  # and a new block
OPENERS = " \t“\"‘'([—–-*"
STANCES = ("pro-", "anti-", "Pro-", "Anti-")  # "pro-Beijing" takes a side, it names no place


class Recogniser:
    """Compiled once per library and reused: `find` is called for every article opened."""

    _cache: dict[tuple, Recogniser] = {}

    def __init__(self, gazetteer: Gazetteer, automaton) -> None:
        self.gazetteer = gazetteer
        self.automaton = automaton
        self.warnings = list(gazetteer.warnings)
        self._aliases = gazetteer.aliases()
        self.first_words = {name.split()[0].title() for name in gazetteer.names}  # for shouted text

    @classmethod
    def for_library(cls, root: Path | None, cache_dir: Path | None = None) -> Recogniser:
        """The recogniser for a library (None: shipped data only), rebuilt only when the
        library's entities.yaml changes."""
        user = Path(root) / USER_FILE if root else None
        try:
            stat = user.stat() if user else None
            stamp = (stat.st_mtime_ns, stat.st_size) if stat else None
        except OSError:
            stamp = None
        key = (str(Path(root).resolve()) if root else None, stamp)
        if key not in cls._cache:
            shipped, automaton = load_shipped(cache_dir)
            gazetteer = user_layer(root, shipped)
            if gazetteer is not shipped:
                automaton = gazetteer.automaton()
            cls._cache = {k: v for k, v in cls._cache.items() if k[0] != key[0]}
            cls._cache[key] = cls(gazetteer, automaton)
        return cls._cache[key]

    def aliases_of(self, canonical: str) -> list[str]:
        """Every spelling the gazetteer knows for an entity (empty for names found by rules)."""
        return sorted(self._aliases.get(canonical, ()))

    def find(self, texts: Sequence[str]) -> list[Mention]:
        """The names in the blocks of one article, aliases resolved across the article.
        The blocks are read as one text joined by newlines, so the per-call costs of the
        automaton and the regexes are paid once per article, not once per paragraph."""
        text = "\n".join(texts)
        starts = list(accumulate(len(block) + 1 for block in texts[:-1]))
        starts.insert(0, 0)
        hits = self._hits(text)
        lower = set(LOWER_WORD.findall(text))  # words the article writes in lower case
        sports = sports_report(lower, text)
        found: list[Candidate] = []
        used: set[int] = set()  # starts of the hits a run has read
        shouting: dict[int, bool] = {}  # block -> in capitals: then only known names count
        names = self.gazetteer.names
        for run in RUN.finditer(text):
            start = run.start()
            word = run.group()
            one = " " not in word
            if one and (start in hits or word in NEVER_ALONE):
                continue  # most runs are one word: a known name, or "The", "Monday" ...
            block = bisect_right(starts, start) - 1
            if block not in shouting:
                shouting[block] = _shouted_block(texts[block])
            reader = RunReader(names, self.first_words, hits, lower, block, text, _sentence_start(text, start), sports)
            if one:
                found.extend(reader.read_word(Word(start, run.end(), word, "word"), shouting[block]))
                continue
            if shouting[block]:
                items = _shouted_items(run, hits)
                found.extend(reader.read_shouted(items))
            else:
                items = self._items(text, run, hits)
                found.extend(reader.read(items, bool(run.group("tail"))))
            used.update(item.start for item in items if isinstance(item, Hit))
        for start, hit in hits.items():
            if start not in used:
                entry = hit.entry
                found.append(Candidate(bisect_right(starts, start) - 1, start, hit.end, text[start:hit.end],
                                       entry.kind, entry.canonical, entry.from_package))
        found.sort(key=lambda c: c.start)
        ignored = self.gazetteer.ignored
        mentions = [m for m in resolve(found, text, starts, names, lower)
                    if m.text.casefold() not in ignored and m.canonical.casefold() not in ignored]
        if sports:  # "Group G, Belgium faced Panama": a team after the comma
            return teams(mentions, texts)
        return _places_in_areas(mentions, texts, self.gazetteer.areas)

    def _hits(self, text: str) -> dict[int, Hit]:
        """Known names at word boundaries, longest first, keyed by start (not a country's code
        before its dollar sign)."""
        hits: dict[int, Hit] = {}
        n = len(text)
        for end, (length, entry) in self.automaton.iter_long(text):
            start = end - length + 1
            if ((start == 0 or not _is_word(text[start - 1])) and (end + 1 >= n or not _is_word(text[end + 1]))
                    and not text.endswith(STANCES, max(0, start - 5), start)
                    and not text.startswith(CURRENCY, end + 1)):
                hits[start] = Hit(start, end + 1, entry)
        return hits

    def _items(self, text: str, run: re.Match, hits: dict[int, Hit]) -> list:
        """The run as a list of words, separators and known names (a known name replaces the
        words it covers, even where it reaches past the run)."""
        items: list = []
        covered_to = -1
        for m in ITEM.finditer(text, run.start(), run.end() - len(run.group("tail") or "")):
            if m.start() < covered_to:
                continue
            hit = hits.get(m.start()) if m.lastgroup == "word" else None
            if hit is not None:
                items.append(hit)
                covered_to = hit.end
            else:
                items.append(Word(m.start(), m.end(), m.group(), m.lastgroup))
        return items


def _places_in_areas(mentions: list[Mention], texts: Sequence[str], areas: dict[str, int]) -> list[Mention]:
    """ "Irving, Texas" and "Aceh, Indonesia, Asia" name one place, the first, which the larger
    areas after the commas only locate (a list, "Texas, Ohio and Utah", names three)."""
    out: list[Mention] = []
    level = 0  # of the last area joined to out[-1]
    for m in mentions:
        last = out[-1] if out else None
        if (last is not None and m.kind == "place" and last.kind == "place" and m.block == last.block
                and m.start == last.end + 2 and texts[m.block][last.end:m.start] == ", "
                and areas.get(m.canonical, 0) > max(level, areas.get(last.canonical, 0))):
            out[-1] = replace(last, end=m.end, text=texts[m.block][last.start:m.end])
            level = areas[m.canonical]
        else:
            out.append(m)
            level = 0
    return out


def _shouted_items(run: re.Match, hits: dict[int, Hit]) -> list:
    """The words of a run in a shouted block, split at spaces: there are no name particles or
    "of the" joins to read in capitals, and a block of them can be a megabyte long."""
    items: list = []
    at = run.start()
    covered_to = -1
    for part in run.group().split(" "):
        if at >= covered_to:
            hit = hits.get(at)
            if hit is not None:
                items.append(hit)
                covered_to = hit.end
            else:
                word = part[:-1] if part.endswith(".") and part.count(".") == 1 else part
                items.append(Word(at, at + len(word), word, "word"))
        at += len(part) + 1
    return items


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _shouted_block(text: str) -> bool:
    """A block in capitals ("PHOTO: REUTERS / GETTY IMAGES"), where capitals say nothing."""
    sample = text[:400]
    upper = len(UPPER_CHAR.findall(sample))
    return upper > 20 and upper > 1.5 * len(LOWER_CHAR.findall(sample))


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in OPENERS:
        i -= 1
    return i < 0 or text[i] in SENTENCE_END
