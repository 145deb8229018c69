"""Searching the library: ranked hits with the passage they open at, and "did you mean".

A SearchIndex keeps one Whoosh searcher open and refreshes it only when the index changed, so
searching as the user types costs the query, not opening files. If a search trips over a
damaged index file, the index is rebuilt from the library and the search runs again.
"""

from __future__ import annotations

import difflib
import re
import threading
import time
from dataclasses import dataclass
from typing import Callable

from whoosh import query as whoosh_query
from whoosh.scoring import BM25F

from library.fileio import explain
from library.readstate import ReadState

from .budget import Budgeted
from .documents import DocumentMaker, unpack_blocks
from .marks import ids_of
from .highlight import Wanted, best_passage
from .location import IndexLocation
from .catchup import catch_up
from .query import NAME_FIELDS, QueryError, fuzzy_terms, issue_labels, parse, plain_words, resolve
from .damage import DAMAGE, describe
from .repair import open_or_rebuild, rebuild
from .writer import Progress

SUGGEST_DISTANCE = 2


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    date: str | None
    source: str
    score: float
    block: int
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    terms: tuple[str, ...] = ()  # the matched words and phrases, lower-cased, to mark in the reader

    def to_json(self) -> dict:
        return {
            "id": self.id, "title": self.title, "date": self.date, "source": self.source,
            "score": round(self.score, 4), "block": self.block, "snippet": self.snippet,
            "highlights": [list(span) for span in self.highlights],
        }


@dataclass(frozen=True)
class SearchResult:
    query: str
    took_ms: float
    total: int | None  # None: not counted yet (a live search); SearchIndex.count gives it
    hits: list[Hit]
    suggestion: str | None = None
    complete: bool = True  # False: the budget ran out and the hits are the best of the matches reached

    def to_json(self) -> dict:
        return {
            "query": self.query, "took_ms": round(self.took_ms, 2), "total": self.total,
            "hits": [hit.to_json() for hit in self.hits], "suggestion": self.suggestion,
        }


def open_index(library, progress: Progress | None = None) -> SearchIndex:
    """The library's search index, built or repaired first if it has to be."""
    ix, notices = open_or_rebuild(library, progress)
    return SearchIndex(library, ix, notices)


class SearchIndex:
    def __init__(self, library, ix, notices: list[str]):
        self.library = library
        self.notices = list(notices)
        self._location = IndexLocation(library.root)
        self._lock = threading.RLock()
        self._maker: DocumentMaker | None = None  # made on the first update; loading the analysis data is slow
        self._caught_up = False  # the first search takes in what earlier commands left in the backlog
        self._use(ix)

    def _use(self, ix) -> None:
        self._ix = ix
        self._folder = self._location.current()
        self._searcher = ix.searcher(weighting=BM25F())

    def _fresh_searcher(self):
        """The open searcher, reopened if another process rebuilt or updated the index."""
        if self._location.current() != self._folder:
            self._searcher.close()
            ix, notices = open_or_rebuild(self.library)
            self.notices += notices
            self._use(ix)
        else:
            self._searcher = self._searcher.refresh()
        return self._searcher

    def close(self) -> None:
        with self._lock:
            self._searcher.close()

    # -- searching -----------------------------------------------------------------------
    def search(self, text: str, limit: int = 20, sort: str = "relevance", counted: bool = True,
               budget: float | None = None, stop: Callable[[], bool] = lambda: False) -> SearchResult:
        """Hits for a query; QueryError (one line) if the query is malformed. `counted=False`
        (search as the user types): only the first `limit` hits are ranked, skipping blocks of
        postings that cannot reach them, and the total is None when there are more (`count`
        gives it): a common word matches most of a large library, and scoring every match
        costs more than a keystroke may. With a `budget` (seconds) ranking stops when it runs
        out, as it does when `stop()` turns true; the result then says it is not `complete`."""
        if sort not in ("relevance", "date"):
            raise QueryError(f"unknown sort {sort!r}: use relevance or date")
        started = time.perf_counter()
        parsed = parse(text)
        if not self._caught_up:
            self._caught_up = True
            try:
                self.update()
            except OSError as exc:  # searching still works on the index as it is
                self.notices.append(f"search index not brought up to date ({explain(exc)}); results may be stale")

        def run() -> tuple:
            return self._run(text, parsed, limit, sort, counted, budget, stop)

        with self._lock:
            try:
                hits, total, suggestion, complete = run()
            except DAMAGE as exc:  # a damaged index file: rebuild from the library, search again
                self._repair(f"failed while searching ({describe(exc)})")
                hits, total, suggestion, complete = run()
            except whoosh_query.QueryError:  # a combination resolve() did not foresee
                raise QueryError("this query cannot be searched as written; try fewer quotes or operators") from None
        took = (time.perf_counter() - started) * 1000
        return SearchResult(text, took, total, hits, suggestion, complete)

    def _run(self, text: str, parsed, limit: int, sort: str, counted: bool, budget: float | None, stop):
        searcher = self._fresh_searcher()
        resolved = self._resolve(parsed, searcher)
        # limit=None scores every match in one pass, which gives the exact total; a top-N search
        # skips blocks and then runs the query a second time to count (twice the cost here)
        ranked = None if counted else limit
        dated = sort == "date"
        collector = Budgeted(searcher.collector(limit=ranked, sortedby="date" if dated else None, reverse=dated), budget, stop)
        searcher.search_with_collector(resolved, collector)
        results = collector.results()
        wanted = Wanted.of(resolved)
        hits = [self._hit(result, wanted, sort == "relevance") for result in results[:limit]]
        if collector.stopped:
            total = None
        elif counted or results.has_exact_length():
            total = results.scored_length() if counted else len(results)
        else:  # blocks were skipped only once `limit` hits were in hand: fewer means all
            total = len(hits) if len(hits) < limit else None
        suggestion = None if hits or collector.stopped else self._suggest(text, parsed, searcher)
        return hits, total, suggestion, not collector.stopped

    def _resolve(self, parsed, searcher):
        return resolve(parsed, searcher.reader(), lambda: issue_labels(self.library.root), self._marked)

    def count(self, text: str, stop=lambda: False) -> int | None:
        """How many articles match a query (without ranking them); None if `stop()` turned
        true on the way (the user typed on)."""
        parsed = parse(text)
        with self._lock:
            searcher = self._fresh_searcher()
            found = 0
            for found, _ in enumerate(searcher.docs_for_query(self._resolve(parsed, searcher)), 1):
                if found % 1024 == 0 and stop():
                    return None
            return found

    def matching_ids(self, text: str) -> frozenset[str]:
        """The ids of every article a query finds, unranked: a list filter or a collection
        that needs the index (words, phrases, title:) costs matching, not scoring."""
        parsed = parse(text)
        with self._lock:
            searcher = self._fresh_searcher()
            resolved = resolve(parsed, searcher.reader(), lambda: issue_labels(self.library.root), self._marked)
            ids = ids_of(searcher.reader())
            return frozenset(ids[n] for n in searcher.docs_for_query(resolved))

    def _marked(self, flag: str) -> frozenset[str]:
        """The ids marked read or starred in state.json now (another window may have marked more)."""
        return ReadState(self.library).marked(flag)

    @staticmethod
    def _hit(result, wanted: Wanted, scored: bool) -> Hit:
        stored = result.fields()
        passage = best_passage(unpack_blocks(stored.get("blocks", b"")), wanted)
        return Hit(
            id=stored["id"], title=stored.get("title", ""), date=stored.get("date"),
            source=stored.get("source", ""), score=float(result.score) if scored else 0.0, block=passage.block,
            snippet=passage.snippet, highlights=passage.highlights, terms=passage.terms,
        )

    def _suggest(self, text: str, parsed, searcher) -> str | None:
        """The query with each unknown word replaced by the most frequent close word of the
        index, or an unknown name by the closest entity name; None if nothing is close."""
        reader = searcher.reader()
        original = text
        changes = {}
        for word in plain_words(parsed):
            if reader.doc_frequency("exact", word):
                continue
            close = [(w, reader.doc_frequency("exact", w)) for w in _close_words(reader, word)]
            if close:
                changes[word] = max(close, key=lambda pair: (pair[1], pair[0]))[0]
        for leaf in parsed.leaves():
            if leaf.fieldname in NAME_FIELDS:  # a person: query suggests people only
                names = self.names(leaf.fieldname)
                value = " ".join(getattr(leaf, "words", None) or [leaf.text])
                match = difflib.get_close_matches(value, [n.lower() for n in names], n=1, cutoff=0.7)
                if match and match[0] != value:
                    changes[value] = next(n for n in names if n.lower() == match[0])
        if not changes:
            return None
        for old, new in changes.items():
            text = re.sub(rf"(?i)(?<!\w){re.escape(old)}(?!\w)", new.replace("\\", "\\\\"), text)
        return text if text != original else None

    def names(self, field: str) -> list[str]:
        """Every value of a field in the index: entity names (canonical spelling; of one kind
        for person:, org: and place:), issue ids, tags."""
        source = "names" if field in NAME_FIELDS else field
        with self._lock:
            reader = self._fresh_searcher().reader()
            values = [raw.decode("utf-8") for raw in reader.lexicon(source)]
        if source != "names":
            return values
        kinded = [value.partition(":") for value in values]
        if field == "entity":
            return sorted({name for _, _, name in kinded})
        return [name for kind, _, name in kinded if kind == field]

    # -- keeping the index in step ---------------------------------------------------------
    def update(self, changed=(), removed=()) -> None:
        """Re-index these articles (after an import, edit, tag or removal), and whatever else
        the library's backlog lists."""
        with self._lock:
            if self._maker is None:
                self._maker = DocumentMaker(self.library)
            self._fresh_searcher()  # into the index in use now (another process may have rebuilt it)
            self.notices += catch_up(self._ix, self.library, changed, removed, self._maker)

    def rebuild(self, progress: Progress | None = None) -> int:
        with self._lock:
            self._searcher.close()
            self._use(rebuild(self.library, progress))
            return self._ix.doc_count()

    def _repair(self, problem: str) -> None:
        self.notices.append(f"search index {problem}: rebuilt it from the library")
        self.rebuild()

    def check(self) -> tuple[list[str], list[str]]:
        """Articles missing from the index, and articles whose indexed version is out of date."""
        maker = DocumentMaker(self.library)
        with self._lock:
            searcher = self._fresh_searcher()
            indexed = {fields["id"]: fields.get("digest") for fields in searcher.all_stored_fields()}
        missing, stale = [], []
        for entry in self.library.entries():
            if entry.id not in indexed:
                missing.append(entry.id)
            elif indexed[entry.id] != maker.entry_digest(entry):
                stale.append(entry.id)
        return missing, stale

    def orphans(self) -> list[str]:
        """Indexed ids whose article is no longer in the library."""
        with self._lock:
            ids = {fields["id"] for fields in self._fresh_searcher().all_stored_fields()}
        return sorted(ids - {entry.id for entry in self.library.entries()})


def _close_words(reader, word: str) -> list[str]:
    return [w for w in fuzzy_terms(reader, "exact", word, SUGGEST_DISTANCE if len(word) > 4 else 1) if w != word]

