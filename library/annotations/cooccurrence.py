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
from bisect import bisect_left
import io
import json
from collections import Counter
from dataclasses import asdict, dataclass, replace
from itertools import combinations
from typing import Iterable

from ..export.tables import inert
from .codes import Coded, Evidence, coded_passages, evidence

COLUMNS = ("a", "b", "articles", "overlapping")
_BLOCK = 1 << 40  # (block, offset) as one number, block first: no block is this long


@dataclass(frozen=True)
class Pair:
    a: str  # a tag
    b: str  # a tag, or an issue id
    articles: int
    overlapping: int
    label: str = ""  # the issue's label, for tag x issue


def tag_pairs(coded: Iterable[Coded]) -> list[Pair]:
    """Tag x tag, most overlapping first, from `codes.coded_passages`."""
    articles: Counter = Counter()
    overlapping: Counter = Counter()
    for mine in _by_article(coded).values():
        articles.update(combinations(sorted({t for p in mine for t in p.tags}), 2))
        for p, q in _overlaps(mine):
            overlapping.update({(a, b) if a < b else (b, a) for a in p.tags for b in q.tags if a != b})
    return _ranked(articles, overlapping, {})


def issue_pairs(coded: Iterable[Coded], evidence: dict[str, list[Evidence]]) -> list[Pair]:
    """Tag x issue, from `codes.coded_passages` and `codes.evidence` of their articles."""
    articles: Counter = Counter()
    overlapping: Counter = Counter()
    labels: dict[str, str] = {}
    for article_id, mine in _by_article(coded).items():
        tags = {t for p in mine for t in p.tags}
        mine_at = [(p, p.start[0] * _BLOCK + p.start[1], p.end[0] * _BLOCK + p.end[1]) for p in mine]
        for issue in evidence.get(article_id, ()):
            labels[issue.id] = issue.label
            articles.update((tag, issue.id) for tag in tags)
            starts, reach = _reaches(issue.spans)
            for p, lo, hi in mine_at:
                before = bisect_left(starts, hi)  # evidence starting before the passage ends...
                if before and reach[before - 1] > lo:  # ...one of which ends after it starts
                    overlapping.update((tag, issue.id) for tag in p.tags)
    return _ranked(articles, overlapping, labels)


def table(annotations, by: str, analyser=None) -> list[Pair]:
    """The co-occurrence table the codebook shows: `by` "tag", or "issue" (with the analyser)."""
    coded = coded_passages(annotations)
    if by == "tag":
        return tag_pairs(coded)
    return issue_pairs(coded, evidence(annotations.library, analyser, {c.article_id for c in coded}))


def render_csv(pairs: list[Pair]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*COLUMNS, "label"])
    for pair in pairs:
        writer.writerow([inert(pair.a), inert(pair.b), pair.articles, pair.overlapping, inert(pair.label)])
    return "\ufeff" + out.getvalue()


def render_json(pairs: list[Pair], by: str) -> str:
    return json.dumps({"by": by, "pairs": [asdict(p) for p in pairs]}, ensure_ascii=False, indent=2) + "\n"


def _by_article(coded: Iterable[Coded]) -> dict[str, list[Coded]]:
    """The passages whose words are in their article, by article, each tag in one spelling
    (tags match ignoring case: the most used spelling, lower case on a tie)."""
    coded = [c for c in coded if not c.orphan]
    uses = Counter(t for c in coded for t in c.tags)
    spelling: dict[str, str] = {}
    for tag in sorted(uses, key=lambda t: (-uses[t], t != t.lower(), t)):
        spelling.setdefault(tag.casefold(), tag)
    by_article: dict[str, list[Coded]] = {}
    for c in coded:
        tags = tuple(dict.fromkeys(spelling[t.casefold()] for t in c.tags))
        by_article.setdefault(c.article_id, []).append(replace(c, tags=tags) if tags != c.tags else c)
    return by_article


def _reaches(spans) -> tuple[list[int], list[int]]:
    """Evidence spans as numbers in start order, with how far the spans so far reach."""
    ordered = sorted((b * _BLOCK + s, b * _BLOCK + e) for b, s, e in spans)
    reach, furthest = [], -1
    for _, end in ordered:
        furthest = max(furthest, end)
        reach.append(furthest)
    return [start for start, _ in ordered], reach


def _overlaps(coded: list[Coded]):
    """Each passage with itself, and each pair whose words overlap (a sweep in reading order)."""
    ordered = sorted(coded, key=lambda c: (c.start, c.end))
    for i, p in enumerate(ordered):
        yield p, p
        for q in ordered[i + 1:]:
            if q.start >= p.end:
                break
            yield p, q


def _ranked(articles: dict, overlapping: dict, labels: dict[str, str]) -> list[Pair]:
    pairs = [Pair(a, b, n, overlapping.get((a, b), 0), labels.get(b, "")) for (a, b), n in articles.items()]
    return sorted(pairs, key=lambda p: (-p.overlapping, -p.articles, p.a.casefold(), p.b.casefold()))

