"""Which codes go together: tag x tag and tag x issue co-occurrence, as QDA tools count it.

Two counts per pair. `articles`: articles where both occur (a passage tagged A and a passage
tagged B, or for an issue, a passage tagged A in an article about the issue). `overlapping`:
pairs of passages whose words overlap, one tagged A and the other B (a passage carrying both
tags counts once, as a pair with itself); for an issue, passages tagged A that overlap one of
the issue's evidence passages. Own tags only, not the levels above them, so `trade/chips` and
`trade` are two codes here as in a QDA codebook.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass
from itertools import combinations
from typing import Callable, Iterable

from ..export.tables import inert
from ..filters import tag_names

COLUMNS = ("a", "b", "articles", "overlapping")


@dataclass(frozen=True)
class Pair:
    a: str  # a tag
    b: str  # a tag, or an issue id
    articles: int
    overlapping: int
    label: str = ""  # the issue's label, for tag x issue


def tag_pairs(passages: Iterable) -> list[Pair]:
    """Tag x tag, most overlapping first."""
    by_article = _by_article(passages)
    spelling = _spelling(p for ps in by_article.values() for p in ps)
    articles: dict[tuple[str, str], int] = {}
    overlapping: dict[tuple[str, str], int] = {}
    for mine in by_article.values():
        tags = sorted({spelling[t.casefold()] for p in mine for t in p.tags})
        for pair in combinations(tags, 2):
            articles[pair] = articles.get(pair, 0) + 1
        for p, q in _overlaps(mine):
            for pair in {tuple(sorted((spelling[a.casefold()], spelling[b.casefold()]))) for a in p.tags for b in q.tags}:
                if pair[0] != pair[1]:
                    overlapping[pair] = overlapping.get(pair, 0) + 1
    return _ranked(articles, overlapping, {})


def issue_pairs(passages: Iterable, evidence_of: Callable[[str], Iterable]) -> list[Pair]:
    """Tag x issue. `evidence_of(article_id)` gives the article's issues, each with `id`,
    `label` and `passages` (block, start, end): the analysis' IssueHits."""
    by_article = _by_article(passages)
    spelling = _spelling(p for ps in by_article.values() for p in ps)
    articles: dict[tuple[str, str], int] = {}
    overlapping: dict[tuple[str, str], int] = {}
    labels: dict[str, str] = {}
    for article_id, mine in by_article.items():
        tags = {spelling[t.casefold()] for p in mine for t in p.tags}
        for hit in evidence_of(article_id):
            labels[hit.id] = hit.label
            for tag in tags:
                articles[(tag, hit.id)] = articles.get((tag, hit.id), 0) + 1
            spans = [((e.block, e.start), (e.block, e.end)) for e in hit.passages]
            for p in mine:
                lo, hi = _span(p)
                if any(lo < e_hi and e_lo < hi for e_lo, e_hi in spans):
                    for tag in {spelling[t.casefold()] for t in p.tags}:
                        overlapping[(tag, hit.id)] = overlapping.get((tag, hit.id), 0) + 1
    return _ranked(articles, overlapping, labels)


def render_csv(pairs: list[Pair]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*COLUMNS, "label"])
    for pair in pairs:
        writer.writerow([inert(pair.a), inert(pair.b), pair.articles, pair.overlapping, inert(pair.label)])
    return "\ufeff" + out.getvalue()


def render_json(pairs: list[Pair], by: str) -> str:
    return json.dumps({"by": by, "pairs": [asdict(p) for p in pairs]}, ensure_ascii=False, indent=2) + "\n"


def _by_article(passages: Iterable) -> dict[str, list]:
    by_article: dict[str, list] = {}
    for p in passages:
        if not p.orphan:  # words no longer in the article overlap nothing
            by_article.setdefault(p.article_id, []).append(p)
    return by_article


def _spelling(passages: Iterable) -> dict[str, str]:
    """One spelling per tag (tags match ignoring case)."""
    return {t.casefold(): t for t in tag_names(t for p in passages for t in p.tags)}


def _span(p) -> tuple[tuple[int, int], tuple[int, int]]:
    a = p.anchor
    return (a.block, a.start), (a.last_block, a.end)


def _overlaps(passages: list):
    """Each passage with itself, and each pair whose words overlap (a sweep in reading order)."""
    ordered = sorted(passages, key=_span)
    for i, p in enumerate(ordered):
        yield p, p
        hi = _span(p)[1]
        for q in ordered[i + 1:]:
            if _span(q)[0] >= hi:
                break
            yield p, q


def _ranked(articles: dict, overlapping: dict, labels: dict[str, str]) -> list[Pair]:
    pairs = [Pair(a, b, n, overlapping.get((a, b), 0), labels.get(b, "")) for (a, b), n in articles.items()]
    return sorted(pairs, key=lambda p: (-p.overlapping, -p.articles, p.a.casefold(), p.b.casefold()))


def issues_from(library, analyser) -> Callable[[str], Iterable]:
    """`evidence_of` for `issue_pairs`: an article's issues from the analysis cache (analysed
    now if it is not there yet); an article gone from the library has none."""
    from ..articlefile import ArticleFileError
    from ..store import ArticleNotFound

    def evidence_of(article_id: str):
        try:
            found = analyser.cached(library.entry(article_id).content_hash) or analyser.analyse(library.get(article_id))
        except (ArticleNotFound, ArticleFileError):
            return ()
        return found.issues

    return evidence_of
