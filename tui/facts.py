"""What the app knows about each article's issues and entities, for list marks and filters.

Analysis runs in worker threads (the analyser is built once, on first use, off the UI thread).
Facts fill in article by article in the background; the list shows marks and filters on what
is known so far, and says when the analysis is still running.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from library.store import Library


_MINOR = {"and", "the", "of", "in", "on", "for", "to", "a", "an", "&"}


@dataclass(frozen=True)
class Facts:
    issues: tuple[tuple[str, str], ...]  # (id, label), strongest first
    entities: frozenset[tuple[str, str]]  # (canonical, kind)


def issue_codes(issues) -> dict[str, str]:
    """A distinct two-letter mark per issue of the taxonomy (id -> mark), for the list:
    the initials of its label when no other issue has the same initials (two issues whose
    initials are both AI get neither), else its first letter with a later one."""
    words_of = {
        issue.id: [w for w in issue.label.replace("-", " ").replace(",", " ").split() if w.lower() not in _MINOR]
        for issue in issues
    }
    initials = {i: w[0][0].upper() + w[1][0].upper() for i, w in words_of.items() if len(w) >= 2}
    shared = {mark for mark in initials.values() if list(initials.values()).count(mark) > 1}
    codes: dict[str, str] = {}
    for issue in issues:
        letters = "".join(c for c in "".join(words_of[issue.id]).upper() if c.isalnum()) or issue.id.upper()
        own = [initials[issue.id]] if issue.id in initials and initials[issue.id] not in shared else []
        later = [letters[0] + c for c in letters[1:] if letters[0] + c not in initials.values()]
        candidates = [*own, *later, issue.id[:2].upper()]
        codes[issue.id] = next((c for c in candidates if c not in codes.values()), candidates[-1])
    return codes


class ArticleFacts:
    def __init__(self, library: Library):
        self.library = library
        self.known: dict[str, Facts] = {}
        self.warnings: list[str] = []
        self.codes: dict[str, str] = {}  # issue id -> two-letter mark
        self._analyser = None
        self._lock = threading.Lock()

    @property
    def analyser(self):
        """The library's analyser, built on first use (call from a worker thread)."""
        with self._lock:
            if self._analyser is None:
                from library.analysis import Analyser

                self._analyser = Analyser.for_library(self.library.root)
                self.warnings = list(self._analyser.warnings)
                self.codes = issue_codes(self._analyser.taxonomy.issues)
            return self._analyser

    def reload(self) -> None:
        """Forget the analyser and facts after the user's gazetteer or taxonomy changed."""
        with self._lock:
            self._analyser = None
        self.known = {}

    def analyse(self, article):
        analysis = self.analyser.analyse(article)
        self._keep(article.id, analysis)
        return analysis

    def cached(self, article):
        """The article's analysis if it is ready without work (the analyser is built and the
        cache holds it), so opening an article can show it at once; else None."""
        analyser = self._analyser
        found = analyser.cached(article.content_hash) if analyser is not None else None
        if found is not None:
            self._keep(article.id, found)
        return found

    def analyse_entry(self, entry) -> None:
        """Facts for a listed article: from the analysis cache when it is there, so the
        article file is only read when it was never analysed."""
        analysis = self.analyser.cached(entry.content_hash)
        if analysis is None:
            analysis = self.analyser.analyse(self.library.get(entry.id))
        self._keep(entry.id, analysis)

    def _keep(self, article_id: str, analysis) -> None:
        self.known[article_id] = Facts(
            tuple((hit.id, hit.label) for hit in analysis.issues),
            frozenset((m.canonical, m.kind) for m in analysis.entities),
        )

    def aliases_of(self, canonical: str) -> list[str]:
        recogniser = getattr(self.analyser, "recogniser", None)
        return list(recogniser.aliases_of(canonical)) if recogniser else []

    def marks_of(self, article_id: str) -> tuple[str, ...]:
        """Two-letter marks of the article's strongest issues (none until it is analysed)."""
        return tuple(mark for mark, _ in self.marks_explained(article_id))

    def marks_explained(self, article_id: str) -> tuple[tuple[str, str], ...]:
        """(mark, issue label) of the article's strongest issues, for the list's legend."""
        facts = self.known.get(article_id)
        return tuple((self.codes.get(issue_id, "?"), label) for issue_id, label in facts.issues[:3]) if facts else ()

    def issue_ids(self, article_id: str) -> tuple[str, ...]:
        """The article's issue ids, for list filters (none until it is analysed)."""
        facts = self.known.get(article_id)
        return tuple(i for i, _ in facts.issues) if facts else ()

    def names(self, article_id: str, kind: str = "entity") -> tuple[str, ...]:
        """The canonical names the article mentions, of one kind (person, org, place) or all."""
        facts = self.known.get(article_id)
        return tuple(c for c, k in facts.entities if kind in ("entity", k)) if facts else ()
