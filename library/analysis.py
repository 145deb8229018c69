"""An article's entities and issues, computed once and cached on disk.

Opening an article must be instant, so each result is kept in root/.cache/analysis/<content
hash>.json with a fingerprint of everything it was computed from: the gazetteer and taxonomy
code and data, and the user's entities.yaml and issues.yaml. Editing any of them changes the
fingerprint and the next look re-analyses. The cache is derived data: a corrupt file is ignored
and rewritten, and a read-only library still analyses, only without keeping the result.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Callable, Iterator, Sequence

from . import entities as entities_package
from . import issues as issues_package
from . import quotes as quotes_package
from .articlefile import ArticleFileError
from .fileio import atomic_write
from .entities import Mention
from .entities.kindvote import KindVote
from .issues import IssueHit, Passage, Taxonomy, detect
from .model import Article
from .quotes import Quote, find_quotes
from .store import ArticleNotFound

CACHE_FORMAT = 3  # bump when the cached layout or the analysis code's output changes


@dataclass(frozen=True)
class Analysis:
    entities: tuple[Mention, ...]
    issues: tuple[IssueHit, ...]
    quotes: tuple[Quote, ...] = ()  # the detector's speakers; library/quotes/corrections.py has the user's

    def to_json(self) -> dict:
        return {
            "entities": [[m.block, m.start, m.end, m.text, m.kind, m.canonical] for m in self.entities],
            "issues": [[h.id, h.label, h.score, [[p.block, p.start, p.end, p.text] for p in h.passages]] for h in self.issues],
            "quotes": [q.to_row() for q in self.quotes],
        }

    @classmethod
    def from_json(cls, data: dict) -> Analysis:
        return cls(
            tuple(Mention(b, s, e, text, kind, canonical) for b, s, e, text, kind, canonical in data["entities"]),
            tuple(IssueHit(i, label, score, tuple(Passage(*p) for p in passages)) for i, label, score, passages in data["issues"]),
            tuple(Quote.from_row(row) for row in data["quotes"]),
        )


class Analyser:
    def __init__(self, taxonomy: Taxonomy, make_recogniser: Callable, cache_dir: Path | None = None, fingerprint: str = "",
                 votes: KindVote | None = None):
        """`votes`: the library's kind vote, which makes an entity's kind the same in every
        article (None: each article's own kinds)."""
        self.taxonomy = taxonomy
        self._make_recogniser = make_recogniser
        self.cache_dir = cache_dir
        self.fingerprint = fingerprint
        self.votes = votes

    @classmethod
    def for_library(cls, root: Path | None, cache: bool = True) -> Analyser:
        """The analyser of a library: its gazetteer and taxonomy, caching under root/.cache.
        One per library and process, made again only when the user's entities.yaml or
        issues.yaml changes: the app and the indexer ask for it per article."""
        from .entities import Recogniser

        key = (str(root), cache)
        stamp = _user_files_stamp(root)
        known = _ANALYSERS.get(key)
        if known is not None and known[0] == stamp:
            return known[1]
        taxonomy = Taxonomy.for_library(root)
        cache_dir = Path(root) / ".cache" / "analysis" if cache and root is not None else None
        fingerprint = data_fingerprint(root, taxonomy)
        votes = KindVote.for_library(root, cache_dir, fingerprint) if root is not None else None
        analyser = cls(taxonomy, lambda: Recogniser.for_library(root), cache_dir, fingerprint, votes)
        _ANALYSERS[key] = (stamp, analyser)
        return analyser

    @cached_property
    def recogniser(self):
        """Built on first use: reading cached results needs no gazetteer."""
        return self._make_recogniser()

    @property
    def warnings(self) -> list[str]:
        """Problems with the user's issues.yaml, and entities.yaml once the gazetteer is loaded."""
        loaded = "recogniser" in self.__dict__
        return self.taxonomy.warnings + (list(self.recogniser.warnings) if loaded else [])

    def analyse(self, article: Article) -> Analysis:
        """The article's analysis, from the cache when its text and our data are unchanged."""
        found = self._cached(article.content_hash)
        if found is None:
            texts, kinds = [b.text for b in article.blocks], [b.kind for b in article.blocks]
            found = self.analyse_texts(texts, kinds, article.title, article.standfirst)
            self._store(article.content_hash, found)
        return self._voted(article.content_hash, found)

    def analyse_texts(self, texts: Sequence[str], kinds: Sequence[str] | None = None, title: str = "", standfirst: str = "") -> Analysis:
        """Entities and quotes of the blocks; issues of the blocks, title and standfirst."""
        mentions = self.recogniser.find(texts)
        issues = detect(self.taxonomy, texts, mentions, kinds, title, standfirst)
        return Analysis(tuple(mentions), tuple(issues), tuple(find_quotes(texts, mentions)))

    def analyse_plain_text(self, text: str) -> Analysis:
        """Analysis of a plain text file, with every offset an offset into `text` (block 0)."""
        blocks = text_blocks(text)
        found = self.analyse_texts([b.text for b in blocks], [b.kind for b in blocks])
        shift = [b.offset for b in blocks]
        return Analysis(
            tuple(replace(m, block=0, start=m.start + shift[m.block], end=m.end + shift[m.block]) for m in found.entities),
            tuple(
                replace(h, passages=tuple(Passage(0, p.start + shift[p.block], p.end + shift[p.block], p.text) for p in h.passages))
                for h in found.issues
            ),
            tuple(replace(q, block=0, start=q.start + shift[q.block], end=q.end + shift[q.block]) for q in found.quotes),
        )

    # -- the cache -----------------------------------------------------------------------
    def cached(self, content_hash: str) -> Analysis | None:
        found = self._cached(content_hash)
        return None if found is None else self._voted(content_hash, found)

    def _voted(self, content_hash: str, found: Analysis) -> Analysis:
        """The article's own analysis (as cached) with the library's kinds: its mentions are
        counted in the vote first."""
        if self.votes is None:
            return found
        self.votes.add(content_hash, found.entities)
        return replace(found, entities=self.votes.apply(found.entities))

    def _cached(self, content_hash: str) -> Analysis | None:
        if self.cache_dir is None:
            return None
        try:
            data = json.loads((self.cache_dir / f"{content_hash}.json").read_text(encoding="utf-8"))
            if data.get("fingerprint") != self.fingerprint:
                return None
            return Analysis.from_json(data)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # missing, or corrupt: analysed again and rewritten

    def _store(self, content_hash: str, analysis: Analysis) -> None:
        if self.cache_dir is None:
            return
        data = {"fingerprint": self.fingerprint, **analysis.to_json()}
        try:
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            atomic_write(self.cache_dir / f"{content_hash}.json", text, durable=False)
        except OSError:
            pass  # a read-only library: analysis still works, it is just not kept


_ANALYSERS: dict[tuple, tuple[tuple, Analyser]] = {}


def _user_files_stamp(root: Path | None) -> tuple:
    stamp = []
    for name in ("entities.yaml", "issues.yaml"):
        try:
            stat = (Path(root) / name).stat() if root is not None else None
        except OSError:
            stat = None
        stamp.append((stat.st_size, stat.st_mtime_ns) if stat else None)
    return tuple(stamp)


def data_fingerprint(root: Path | None, taxonomy: Taxonomy) -> str:
    """Changes when anything an analysis depends on changes: the user's entities.yaml, the
    effective taxonomy, or the installed code and data of the entity and issue packages."""
    digest = hashlib.sha256(f"{CACHE_FORMAT}:{taxonomy.fingerprint}".encode())
    if root is not None:
        try:
            digest.update((Path(root) / "entities.yaml").read_bytes())
        except OSError:
            pass
    digest.update(_code_stamp().encode())
    return digest.hexdigest()[:20]


@lru_cache(maxsize=1)
def _code_stamp() -> str:
    """The installed code and data of the analysis, as sizes and mtimes (fixed per process)."""
    parts = []
    for package in (entities_package, issues_package, quotes_package):
        folder = Path(package.__file__).parent
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                stat = path.stat()
                parts.append(f"{path.relative_to(folder)}:{stat.st_size}:{stat.st_mtime_ns}")
    stat = Path(__file__).stat()
    parts.append(f"analysis:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(parts)


# -- plain text files --------------------------------------------------------------------------


@dataclass(frozen=True)
class TextBlock:
    """A slice of a plain text file: text == file_text[offset : offset + len(text)]."""

    offset: int
    kind: str  # paragraph | bullet
    text: str


WRAP_WIDTH = 100  # hard-wrapped text has lines no longer than this
_LINE = re.compile(r"[^\n]*\n?")
_BULLET = re.compile(r"[ \t]*(?:[•◦▪‣●∙]\s*|[-*–]\s+|\d{1,3}[.)]\s+)(?=\S)")


def text_blocks(text: str) -> list[TextBlock]:
    """Paragraphs split at blank lines, a bulleted line starting a block of its own. Blocks are
    slices of the text, so offsets carry over. The lines of a hard-wrapped paragraph stay
    together; a paragraph with a line longer than any wrapping width was not wrapped, so each
    of its lines (a title, a dateline, one sentence a line) is a block of its own."""
    blocks: list[TextBlock] = []
    lines: list[tuple[int, int]] = []
    kind = "paragraph"

    def flush() -> None:
        if not lines:
            return
        if max(hi - lo for lo, hi in lines) > WRAP_WIDTH:
            blocks.extend(TextBlock(lo, kind if n == 0 else "paragraph", text[lo:hi]) for n, (lo, hi) in enumerate(lines))
        else:
            blocks.append(TextBlock(lines[0][0], kind, text[lines[0][0] : lines[-1][1]]))
        lines.clear()

    for line in _LINE.finditer(text):
        content = line.group().rstrip()
        lo = line.start() + len(content) - len(content.lstrip().lstrip("\ufeff").lstrip())
        hi = line.start() + len(content)
        if lo >= hi:
            flush()
            continue
        bullet = _BULLET.match(text, line.start(), hi)
        if bullet:
            flush()
            lo, kind = bullet.end(), "bullet"
        elif not lines:
            kind = "paragraph"
        lines.append((lo, hi))
    flush()
    return blocks


# -- library-wide figures ------------------------------------------------------------------------


def _analyses(library, analyser: Analyser, entries=None) -> Iterator[tuple[object, Analysis]]:
    """Every article's (or the given entries') catalogue entry and analysis; cached results are
    read without parsing."""
    for entry in library.entries() if entries is None else entries:
        found = analyser.cached(entry.content_hash)
        if found is None:
            try:
                found = analyser.analyse(library.get(entry.id))
            except (ArticleFileError, ArticleNotFound):
                continue
        yield entry, found
    if analyser.votes is not None:
        analyser.votes.save()  # a pass over the library is the vote's best moment to keep


def library_issue_counts(library, analyser: Analyser) -> Counter:
    """Issue id -> number of articles that discuss it."""
    return Counter(hit.id for _, found in _analyses(library, analyser) for hit in found.issues)


def issue_counts_by_month(library, analyser: Analyser) -> dict[str, Counter]:
    """Issue id -> Counter of "YYYY-MM" (or "undated") -> number of articles."""
    months: dict[str, Counter] = {}
    for entry, found in _analyses(library, analyser):
        month = entry.date[:7] if entry.date else "undated"
        for hit in found.issues:
            months.setdefault(hit.id, Counter())[month] += 1
    return months


def month_range(months: set[str]) -> list[str]:
    """Every month ("YYYY-MM") from the first to the last given, gaps included, so a chart of
    counts per month shows quiet months as quiet."""
    if not months:
        return []
    first, last = min(months), max(months)
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def library_entity_counts(library, analyser: Analyser) -> Counter:
    """(canonical name, kind) -> number of articles that mention the entity."""
    counts: Counter = Counter()
    for _, found in _analyses(library, analyser):
        counts.update({(m.canonical, m.kind) for m in found.entities})
    if analyser.votes is None:
        return counts
    voted: Counter = Counter()  # the articles read before the vote settled, with its kinds too
    for (canonical, kind), n in counts.items():
        voted[(canonical, analyser.votes.kind_of(canonical) or kind)] += n
    return voted
