"""What the library knows of one entity: its kind and aliases, mentions per month, the
entities and issues seen with it more often than chance, and its articles."""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field

from ..analysis import Analyser
from ..entities.gazetteer import Gazetteer, user_layer
from .quotes import library_quotes
from .summary import summaries

QUOTED_ARTICLES = 300  # newest articles read for its quotes: each is one cached analysis to read
MIN_TOGETHER = 2  # a pair seen once says nothing; rare pairs would top any ranking by lift


@dataclass(frozen=True)
class Related:
    name: str  # an entity's canonical name, or an issue's label
    kind: str  # person | org | place | issue
    together: int  # articles with both
    articles: int  # articles with this one
    lift: float  # P(both) / (P(entity) P(this)): 1 is chance

    def to_json(self) -> dict:
        return {"name": self.name, "kind": self.kind, "together": self.together, "articles": self.articles,
                "lift": round(self.lift, 3)}


@dataclass
class EntityPage:
    name: str
    kind: str
    aliases: list[str]
    months: dict[str, list[int]]  # "YYYY-MM" | "undated" -> [articles, mentions]
    related: list[Related]
    articles: list[tuple[str, str, str]]  # id, date, title; newest first
    kinds: dict[str, int] = field(default_factory=dict)  # articles per kind, when names disagree
    quotes: list = field(default_factory=list)  # (article id, Quote) it said, newest article first

    def to_json(self) -> dict:
        return {
            "name": self.name, "kind": self.kind, "kinds": self.kinds, "aliases": self.aliases,
            "months": {m: {"articles": a, "mentions": n} for m, (a, n) in self.months.items()},
            "related": [r.to_json() for r in self.related],
            "articles": [{"id": i, "date": d, "title": t} for i, d, t in self.articles],
            "quotes": [{"id": i, **q.to_json()} for i, q in self.quotes],
        }


class UnknownEntity(LookupError):
    """No entity has this name; `close` holds names that look like it."""

    def __init__(self, name: str, close: list[str]):
        super().__init__(name)
        self.close = close


def entity_page(library, analyser: Analyser, name: str, min_together: int = MIN_TOGETHER) -> EntityPage:
    """The page of the entity named `name` (its canonical name or any spelling, any case)."""
    # per article: entry, its (canonical, kind, text, mentions) spellings, its issue ids
    rows = [(entry, _voted(analyser, mentions), {i for i, _ in issues}) for entry, (issues, mentions) in summaries(library, analyser)]
    yaml_aliases = user_layer(library.root, Gazetteer()).aliases()
    canonical = _resolve(name, rows, yaml_aliases)
    total = len(rows)
    counts: Counter = Counter()
    together: Counter = Counter()
    kinds: Counter = Counter()
    months: dict[str, list[int]] = {}
    spellings: set[str] = set(yaml_aliases.get(canonical, ()))
    articles, entries = [], []
    for entry, mentions, issue_ids in rows:
        present = {(c, k) for c, k, _, _ in mentions if c != canonical} | {(i, "issue") for i in issue_ids}
        counts.update(present)
        mine = [(k, text, n) for c, k, text, n in mentions if c == canonical]
        if not mine:
            continue
        together.update(present)
        kinds.update({k for k, _, _ in mine})
        spellings.update(text for _, text, _ in mine)
        tally = months.setdefault(entry.date[:7] if entry.date else "undated", [0, 0])
        tally[0] += 1
        tally[1] += sum(n for _, _, n in mine)
        articles.append((entry.id, entry.date or "", entry.title))
        entries.append(entry)
    labels = {i.id: i.label for i in analyser.taxonomy.issues}
    mine_total = len(articles)
    related = [
        Related(labels.get(key, key) if kind == "issue" else key, kind, n, counts[(key, kind)],
                n * total / (mine_total * counts[(key, kind)]))
        for (key, kind), n in together.items() if n >= min_together
    ]
    related.sort(key=lambda r: (-r.lift, -r.together, r.name))
    articles.sort(key=lambda a: (a[1], a[0]), reverse=True)
    entries.sort(key=lambda e: (e.date or "", e.id), reverse=True)
    quotes = [(e.id, q) for e, q in library_quotes(library, analyser, canonical, entries[:QUOTED_ARTICLES])]
    return EntityPage(
        canonical, kinds.most_common(1)[0][0], sorted(spellings - {canonical}),
        dict(sorted(months.items())), related, articles, dict(kinds) if len(kinds) > 1 else {}, quotes,
    )


def _voted(analyser: Analyser, mentions: list) -> list:
    """The mentions with the library's kind of each entity, as every other view shows it."""
    if analyser.votes is None:
        return mentions
    return [(c, analyser.votes.kind_of(c) or k, text, n) for c, k, text, n in mentions]


def resolve_name(library, analyser: Analyser, name: str) -> str:
    """The canonical name `name` (a canonical name or any spelling, any case) stands for in the
    library; UnknownEntity when none."""
    rows = [(entry, mentions, ()) for entry, (_, mentions) in summaries(library, analyser)]
    return _resolve(name, rows, user_layer(library.root, Gazetteer()).aliases())


def _resolve(name: str, rows, yaml_aliases: dict[str, list[str]]) -> str:
    """The canonical name a text stands for among the library's mentions."""
    known: dict[str, str] = {}  # casefolded canonical name or spelling -> canonical name
    seen = {c for _, mentions, _ in rows for c, _, _, _ in mentions}
    for canonical in seen:
        for alias in yaml_aliases.get(canonical, ()):
            known.setdefault(alias.casefold(), canonical)
    for _, mentions, _ in rows:
        for canonical, _, text, _ in mentions:
            known.setdefault(text.casefold(), canonical)
    for canonical in seen:
        known[canonical.casefold()] = canonical  # a canonical name wins over a spelling
    wanted = " ".join(name.split()).casefold()
    if wanted in known:
        return known[wanted]
    close = difflib.get_close_matches(wanted, list(known), n=5, cutoff=0.6)
    raise UnknownEntity(name, list(dict.fromkeys(known[c] for c in close)))
