"""What the library knows of one entity: its kind and aliases, mentions per month and week,
the entities and issues seen with it more often than chance, its quotes and its articles.
All but the quotes are counted from the kept counts (library/beat/counts.py)."""

from __future__ import annotations

import difflib
from collections import Counter
from contextlib import closing
from dataclasses import dataclass, field

from ..analysis import Analyser
from ..entities.gazetteer import Gazetteer, user_layer
from .counts import open_counts
from .periods import UNDATED, period_of
from ..quotes import Quote
from ..quotes.corrections import corrections
from .quotes import library_quotes

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
    weeks: dict[str, list[int]] = field(default_factory=dict)  # "YYYY-Www" | "undated" -> [articles, mentions]
    quotes: list = field(default_factory=list)  # (article id, Quote) it said, newest article first

    COLUMNS = ("section", "name", "kind", "period", "date", "id", "articles", "mentions", "together", "lift")

    def table(self) -> list[tuple]:
        """The page as rows under COLUMNS, one section after another (for CSV)."""
        rows = [("entity", self.name, self.kind, "", "", "", len(self.articles), "", "", "")]
        rows += [("alias", alias, "", "", "", "", "", "", "", "") for alias in self.aliases]
        rows += [("month", "", "", m, "", "", a, n, "", "") for m, (a, n) in self.months.items()]
        rows += [("week", "", "", w, "", "", a, n, "", "") for w, (a, n) in self.weeks.items()]
        rows += [("related", r.name, r.kind, "", "", "", r.articles, "", r.together, round(r.lift, 3)) for r in self.related]
        rows += [("article", title, "", "", date, article_id, "", "", "", "") for article_id, date, title in self.articles]
        rows += [("quote", q.text, q.kind, "", "", article_id, "", "", "", "") for article_id, q in self.quotes]
        return rows

    def to_json(self) -> dict:
        return {
            "name": self.name, "kind": self.kind, "kinds": self.kinds, "aliases": self.aliases,
            "months": {m: {"articles": a, "mentions": n} for m, (a, n) in self.months.items()},
            "weeks": {w: {"articles": a, "mentions": n} for w, (a, n) in self.weeks.items()},
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
    with closing(open_counts(library, analyser)) as db:
        canonical, kinds_of, yaml_aliases = _resolved(db, library, analyser, name)
        (me,) = db.execute("SELECT id FROM name WHERE canonical = ?", (canonical,)).fetchone()
        mine = db.execute("SELECT key, day, title, mentions FROM presence JOIN article ON article.id = article "
                          "WHERE name = ?", (me,)).fetchall()
        together = db.execute(
            "SELECT canonical, count(*) FROM presence p JOIN presence q ON q.article = p.article JOIN name ON id = q.name "
            "WHERE p.name = ? AND q.name != ? GROUP BY q.name HAVING count(*) >= ?", (me, me, min_together)).fetchall()
        issues_together = db.execute(
            "SELECT issue, count(*) FROM presence JOIN issue USING (article) WHERE name = ? GROUP BY issue HAVING count(*) >= ?",
            (me, min_together)).fetchall()
        issue_counts = dict(db.execute("SELECT issue, articles FROM issue_count"))
        spellings = {text for (text,) in db.execute("SELECT text FROM spelling_count WHERE name = ? AND articles > 0", (me,))}
        (total,) = db.execute("SELECT count(*) FROM article").fetchone()
        said = db.execute('SELECT key, block, start, "end", text, kind, said_by FROM quote JOIN article ON article.id = quote.article '
                          "WHERE speaker = ?", (canonical,)).fetchall()
    months, weeks = _per_period(mine, "month"), _per_period(mine, "week")
    labels = {i.id: i.label for i in analyser.taxonomy.issues}
    seen = [(other, kinds_of[other].most_common(1)[0][0], n, sum(kinds_of[other].values())) for other, n in together]
    seen += [(labels.get(issue, issue), "issue", n, issue_counts[issue]) for issue, n in issues_together]
    related = [Related(other, kind, n, count, n * total / (len(mine) * count)) for other, kind, n, count in seen]
    related.sort(key=lambda r: (-r.lift, -r.together, r.name))
    articles = sorted(((key, "" if day == UNDATED else day, title) for key, day, title, _ in mine), key=lambda a: (a[1], a[0]), reverse=True)
    kinds = kinds_of[canonical]
    quotes = _quotes(library, analyser, canonical, said, {key: day for key, day, _, _ in mine})
    return EntityPage(
        canonical, kinds.most_common(1)[0][0], sorted((spellings | set(yaml_aliases.get(canonical, ()))) - {canonical}),
        months, related, articles, dict(kinds) if len(kinds) > 1 else {}, weeks, quotes,
    )


def _quotes(library, analyser: Analyser, canonical: str, said: list[tuple], days: dict[str, str]) -> list[tuple]:
    """(article id, Quote) of the entity, newest article first: the detector's from the counts,
    except in the few articles whose speakers the user corrected, which are read again."""
    fixed = corrections(library.root)
    quotes = [(key, Quote(block, start, end, text, kind, canonical, said_by))
              for key, block, start, end, text, kind, said_by in said if key not in fixed]
    entries = [library.entry(key) for key in fixed if key in library]
    quotes += [(e.id, q) for e, q in library_quotes(library, analyser, canonical, entries)] if entries else []
    for e in entries:
        days.setdefault(e.id, period_of(e.date, "day"))
    return sorted(quotes, key=lambda item: (days.get(item[0], ""), item[0], -item[1].block, -item[1].start), reverse=True)


def resolve_name(library, analyser: Analyser, name: str) -> str:
    """The canonical name `name` (a canonical name or any spelling, any case) stands for in the
    library; UnknownEntity when none."""
    with closing(open_counts(library, analyser)) as db:
        return _resolved(db, library, analyser, name)[0]


def _resolved(db, library, analyser: Analyser, name: str) -> tuple[str, dict[str, Counter], dict[str, list[str]]]:
    """The canonical name, the articles per (voted) kind of every entity, the user's aliases."""
    yaml_aliases = user_layer(library.root, Gazetteer()).aliases()
    kinds_of: dict[str, Counter] = {}
    for canonical, kind, n in db.execute(
            "SELECT canonical, kind, articles FROM name_count JOIN name ON id = name WHERE articles > 0"):
        kinds_of.setdefault(canonical, Counter())[_voted(analyser, canonical, kind)] += n
    spelled = db.execute("SELECT text, canonical FROM spelling_count JOIN name ON id = name WHERE articles > 0").fetchall()
    return _resolve(name, kinds_of, spelled, yaml_aliases), kinds_of, yaml_aliases


def _per_period(mine: list[tuple], by: str) -> dict[str, list[int]]:
    """[articles, mentions] per period, oldest first, undated last."""
    out: dict[str, list[int]] = {}
    for _, day, _, mentions in mine:
        tally = out.setdefault(period_of(day, by), [0, 0])
        tally[0] += 1
        tally[1] += mentions
    return dict(sorted(out.items(), key=lambda item: (item[0] == UNDATED, item[0])))


def _voted(analyser: Analyser, canonical: str, kind: str) -> str:
    """The library's kind of the entity, as every other view shows it."""
    return (analyser.votes.kind_of(canonical) if analyser.votes is not None else None) or kind


def _resolve(name: str, kinds_of: dict, spelled: list[tuple[str, str]], yaml_aliases: dict[str, list[str]]) -> str:
    """The canonical name a text stands for among the library's mentions."""
    known: dict[str, str] = {}  # casefolded canonical name or spelling -> canonical name
    for canonical in kinds_of:
        for alias in yaml_aliases.get(canonical, ()):
            known.setdefault(alias.casefold(), canonical)
    for text, canonical in spelled:
        known.setdefault(text.casefold(), canonical)
    for canonical in kinds_of:
        known[canonical.casefold()] = canonical  # a canonical name wins over a spelling
    wanted = " ".join(name.split()).casefold()
    if wanted in known:
        return known[wanted]
    close = difflib.get_close_matches(wanted, list(known), n=5, cutoff=0.6)
    raise UnknownEntity(name, list(dict.fromkeys(known[c] for c in close)))
