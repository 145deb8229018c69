"""Searching a small library of hand-written articles: phrases, fields, dates, CJK, operators,
snippets and bad queries, checked against what a reader can see in the articles themselves."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from index import QueryError, completions, open_index
from library.analysis import Analyser
from library.annotations import Annotations
from library.model import Article, Block
from library.store import Library
from tests.conftest import make_article
from index import sync

P = lambda text: Block("paragraph", text)  # noqa: E731

ARTICLES = {
    "envoys": Article(
        title="Envoys weigh Beijing's red lines",
        standfirst="A long afternoon of talks in Geneva.",
        blocks=(
            P("Diplomats in Geneva argued over the status of Taiwan for most of the afternoon."),
            Block("quote", "We will not bargain over sovereignty, one delegate said."),
            P("Wang Yi told Antony Blinken that tariffs on steel would stay for now."),
        ),
        date=dt.date(2023, 6, 18), source="Pacific Ledger", author="Mei Lin", tags=("briefing",),
    ),
    "near-misses": Article(
        title="Statuses and near misses",
        blocks=(
            P("The statuses of Taiwanese exporters changed overnight."),
            P("Status in Taiwan remained unclear to the visiting bankers."),
            P("On the status of Taiwanese firms, nobody in the room spoke."),
        ),
        date=dt.date(2023, 1, 5), source="Harbour Review", author="Tom Okafor",
    ),
    "split": Article(
        title="An agenda with gaps",
        blocks=(
            P("The communique said nothing new about the status of"),
            P("Taiwan was not on the printed agenda at all."),
        ),
        date=dt.date(2022, 12, 31), source="Harbour Review",
    ),
    "title-only": Article(
        title="Why the status of Taiwan matters",
        blocks=(P("Shipping insurers in Singapore raised premiums again this quarter."),),
        date=dt.date(2023, 6, 1), source="Straits Observer",
    ),
    "cjk": Article(
        title="北京会见",
        blocks=(P("北京消息：习近平会见了来访的美国国务卿。"), P("The meeting lasted three hours.")),
        date=dt.date(2023, 6, 19), source="Caixin",
    ),
    "accents": Article(
        title="Montréal hosts a tariff forum",
        blocks=(P("Reporters from Montréal followed the tariff talks closely."),),
        date=dt.date(2023, 3, 10), source="Global Affairs Weekly", author="Sofia Bélanger",
    ),
    "chips": Article(
        title="Chip curbs widen",
        blocks=(
            P("Huawei faces new export controls on advanced semiconductors, Gina Raimondo announced."),
            Block("heading", "Negotiations ahead"),
            P("Negotiators expect months of technical talks before any relief."),
        ),
        date=dt.date(2023, 10, 17), source="Reuters", author="James Carter",
    ),
    "shouting": Article(
        title="Headlines in capitals",
        blocks=(P("THE STATUS OF TAIWAN was the only headline that mattered that week."), P("Taiwan's envoy declined to comment on the status of Taiwan's trade office.")),
        date=dt.date(2024, 2, 2), source="Reuters",
    ),
    "punctuated": Article(
        title="Commas and hyphens",
        blocks=(P("Nobody in Manila questioned the status, of Taiwan or of its ports."),
                P("Analysts called U.S.-China ties fragile.")),
        date=dt.date(2023, 4, 4), source="Harbour Review",
    ),
    "spaced": Article(
        title="Plain spelling",
        blocks=(P("Officials said US China ties were steady."),),
        date=dt.date(2023, 4, 5), source="Harbour Review",
    ),
    "undated": Article(
        title="A note without a date",
        blocks=(P("Fishing fleets returned to port before the typhoon."),),
        source="Straits Observer",
    ),
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    library = Library(tmp_path_factory.mktemp("search") / "lib").ensure()
    ids = {key: library.add(article).id for key, article in ARTICLES.items()}
    index = open_index(library)
    Annotations(library).add(ids["envoys"], 1, 0, 10, ["quote"])
    sync(library, changed=[ids["envoys"]])
    yield library, index, ids
    index.close()


def found(index, text: str, **kw) -> set[str]:
    return {hit.id for hit in index.search(text, limit=100, **kw).hits}


def scan(library, phrase: str) -> set[str]:
    """The articles whose title, standfirst or one block contains the phrase as whole words."""
    pattern = re.compile(r"(?<!\w)" + re.escape(phrase.lower()) + r"(?!\w)")
    hits = set()
    for article in library.articles():
        texts = [article.title, article.standfirst, *(b.text for b in article.blocks)]
        if any(pattern.search(t.lower()) for t in texts):
            hits.add(article.id)
    return hits


@pytest.mark.parametrize("phrase", ["the status of Taiwan", "status of", "tariffs on steel", "export controls",
                                    "of the", "Taiwan was not", "the visiting bankers", "status in Taiwan",
                                    "status, of Taiwan", "U.S.-China ties", "US China ties", "Taiwan's envoy"])
def test_a_phrase_finds_exactly_the_articles_containing_it(world, phrase):
    library, index, _ = world
    expected = scan(library, phrase)
    assert expected, f"fixture has no {phrase!r}"
    assert found(index, f'"{phrase}"') == expected


def test_the_stop_word_phrase_skips_near_misses_and_block_boundaries(world):
    _, index, ids = world
    hits = found(index, '"the status of Taiwan"')
    assert {ids["envoys"], ids["title-only"], ids["shouting"]} <= hits
    assert ids["near-misses"] not in hits and ids["split"] not in hits


def test_plain_words_are_stemmed_and_all_required(world):
    _, index, ids = world
    assert found(index, "tariff") == {ids["envoys"], ids["accents"]}
    assert found(index, "negotiation") == {ids["chips"]}
    assert found(index, "tariff steel") == {ids["envoys"]}


def test_operators_and_grouping(world):
    _, index, ids = world
    assert found(index, "typhoon OR semiconductors") == {ids["undated"], ids["chips"]}
    assert found(index, "tariff -steel") == {ids["accents"]}
    assert found(index, "tariff NOT steel") == {ids["accents"]}
    assert found(index, "(typhoon OR semiconductors) huawei") == {ids["chips"]}


def test_prefix_and_fuzzy_words(world):
    _, index, ids = world
    assert found(index, "semicond*") == {ids["chips"]}
    assert found(index, "typhon~") == {ids["undated"]}
    assert found(index, "tyhpoon~2") == {ids["undated"]}
    assert found(index, "zzq*") == set() and found(index, "zzq* tariff") == set()
    assert found(index, "zzq* OR typhoon") == {ids["undated"]}


def test_fields(world):
    library, index, ids = world
    assert found(index, "title:matters") == {ids["title-only"]}
    assert found(index, 'title:"near misses"') == {ids["near-misses"]}
    assert found(index, "source:reuters") == {ids["chips"], ids["shouting"]}
    assert found(index, 'source:"pacific ledger"') == {ids["envoys"]}
    assert found(index, "author:bélanger") == found(index, "author:belanger") == {ids["accents"]}
    assert found(index, "tag:briefing") == {ids["envoys"]}
    assert found(index, "tag:quote") == {ids["envoys"]}


def test_entity_fields_use_the_library_analysis(world):
    library, index, ids = world
    assert found(index, 'entity:"Wang Yi"') == {ids["envoys"]}
    assert found(index, "person:blinken") == {ids["envoys"]}
    assert ids["chips"] in found(index, "org:huawei")
    assert ids["envoys"] in found(index, "place:geneva")


def test_issue_field_matches_the_detected_issues(world):
    library, index, _ = world
    analyser = Analyser.for_library(library.root)
    expected = {a.id for a in library.articles() if "taiwan" in {i.id for i in analyser.analyse(a).issues}}
    assert expected
    assert found(index, "issue:taiwan") == expected


@pytest.mark.parametrize("query,wanted", [
    ("date:2023-06", lambda d: d.year == 2023 and d.month == 6),
    ("date:2023-06-18", lambda d: d == dt.date(2023, 6, 18)),
    ("date:2023", lambda d: d.year == 2023),
    ("date:2023-01..2023-06", lambda d: dt.date(2023, 1, 1) <= d <= dt.date(2023, 6, 30)),
    ("date:>=2023-06-01", lambda d: d >= dt.date(2023, 6, 1)),
    ("date:>2023-06", lambda d: d > dt.date(2023, 6, 30)),
    ("date:<2023", lambda d: d < dt.date(2023, 1, 1)),
    ("date:<=2023-01-05", lambda d: d <= dt.date(2023, 1, 5)),
    ("date:2023-06..", lambda d: d >= dt.date(2023, 6, 1)),
])
def test_date_forms(world, query, wanted):
    library, index, _ = world
    expected = {a.id for a in library.articles() if a.date and wanted(a.date)}
    assert expected
    assert found(index, query) == expected


def test_cjk_names_are_found(world):
    _, index, ids = world
    assert found(index, "习近平") == {ids["cjk"]}
    assert found(index, "国务卿") == {ids["cjk"]}
    assert found(index, "近平会") == {ids["cjk"]}
    assert found(index, "习近东") == set()


@pytest.mark.parametrize("character", ["习", "平", "卿"])
def test_one_cjk_character_finds_the_run_that_holds_it(world, character):
    _, index, ids = world
    assert found(index, character) == {ids["cjk"]}
    hit = index.search(character).hits[0]
    assert [hit.snippet[s:e] for s, e in hit.highlights] == [character]


def test_a_hit_opens_at_the_matching_block_with_marked_words(world):
    _, index, ids = world
    hit = index.search('"tariffs on steel"').hits[0]
    assert (hit.id, hit.block) == (ids["envoys"], 2)
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["tariffs on steel"]
    hit = index.search("习近平").hits[0]
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["习近平"]
    hit = index.search("negotiation").hits[0]
    assert hit.block == 1 and "negotiations" in hit.terms


def test_sort_by_date_puts_newest_first(world):
    _, index, _ = world
    dates = [hit.date for hit in index.search("taiwan", sort="date").hits]
    assert dates == sorted(dates, reverse=True) and len(dates) >= 3


def test_limit_and_total(world):
    _, index, _ = world
    result = index.search("taiwan", limit=2)
    assert len(result.hits) == 2 and result.total > 2


@pytest.mark.parametrize("query", ["taiwan", '"status of taiwan"', "taiwan*", "status OR tariffs"])
@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_a_live_search_shows_the_same_first_hits_and_counts_them_after(world, query, sort):
    """As the user types, only the first hits are ranked (the rest of a common word's
    matches are not scored); the count that follows is the full search's total."""
    _, index, _ = world
    full = index.search(query, limit=2, sort=sort)
    live = index.search(query, limit=2, sort=sort, counted=False)
    assert [h.id for h in live.hits] == [h.id for h in full.hits]
    assert live.total in (None, full.total) and index.count(query) == full.total
    everything = index.search(query, limit=50, counted=False)
    assert everything.total == full.total  # fewer matches than asked for: all counted at once


def test_did_you_mean_offers_index_words_and_entity_names(world):
    _, index, _ = world
    result = index.search("typhooon")
    assert result.total == 0 and result.suggestion == "typhoon"
    assert index.search('entity:"Wang Yl"').suggestion == 'entity:"Wang Yi"'
    assert index.search("typhoon").suggestion is None


def test_completions_list_fields_issues_and_names(world):
    _, index, _ = world
    assert completions("ti") == ["title:"]
    assert completions("taiwan pe") == ["taiwan person:"]
    assert 'person:"Wang Yi"' in completions("person:wang", index)
    assert "issue:taiwan" in completions("issue:tai", index)
    assert completions('talks entity:"Wang Y', index) == ['talks entity:"Wang Yi"']  # a quoted value is one word
    assert not [c for c in completions("place:wang", index) if "Wang Yi" in c]  # names of the field's kind only


@pytest.mark.parametrize("query", [
    "x" * 10_000, '"the status of', "(taiwan OR china", "taiwan)", "the of and", "?!., ;", "colour:red",
    "date:2023-13", "date:2023-02-30", "date:yesterday", "date:2023-06..2023-01", "taiwan~7", "*", '""',
    "exact:taiwan", "title:[a TO z]",
])
def test_bad_queries_get_one_line(world, query):
    _, index, _ = world
    with pytest.raises(QueryError) as caught:
        index.search(query)
    message = str(caught.value)
    assert message and "\n" not in message and "Traceback" not in message


def test_a_year_covers_every_day_of_it(library):
    for day in range(100):  # more distinct days than a prefix* may expand to
        library.add(make_article(f"Day {day}", date=dt.date(2021, 1, 1) + dt.timedelta(days=3 * day)))
    library.add(make_article("Next year", date=dt.date(2022, 1, 1)))
    index = open_index(library)
    assert index.search("date:2021", limit=1).total == 100
    assert index.search("date:2021-01..2021-02", limit=1).total == len([d for d in range(100) if 3 * d < 59])


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_a_search_out_of_budget_says_so_and_the_full_ranking_follows(world, sort):
    """With no time left, live search ranks what it reached (nothing here) and says it is not
    complete; no total and no "did you mean" is claimed from a ranking that stopped early."""
    _, index, _ = world
    cut = index.search("taiwan", limit=2, sort=sort, counted=False, budget=0)
    assert not cut.complete and cut.total is None and cut.suggestion is None
    stopped = index.search("typhooon", limit=2, sort=sort, stop=lambda: True)
    assert not stopped.complete and stopped.suggestion is None
    full = index.search("taiwan", limit=2, sort=sort, budget=60)
    assert full.complete and full.total > 2 and len(full.hits) == 2
