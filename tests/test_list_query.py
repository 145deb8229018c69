"""List filters: a query answered from the catalogue finds what the search index finds, and
one definition of an article's tags (case-insensitive, a tag finds the tags below it)."""

from __future__ import annotations

import pytest

from index import Known, NeedsIndex, QueryError, catalogue_filter, issue_labels, open_index
from library import filters
from library.annotations import Annotations
from library.demo import install_demo
from library.filters import tags_by_article
from library.readstate import ReadState
from library.store import Library

from .conftest import make_article

FIELD_QUERIES = [
    "tag:diplomacy", "tag:DIPLOMACY", "tag:trade -tag:g7", 'source:"Pacific Ledger"', "source:ledger",
    "date:2023", "date:2023-01..2023-06", "date:>=2023-06-01", "date:<2023-06", "added:2020..",
    "is:unread", "is:starred", "is:read OR is:starred", "NOT (date:2022 OR date:2024)",
    "issue:taiwan", 'issue:"export controls" date:2022', "entity:Xi", 'person:"Antony Blinken"', "place:beijing",
]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    library = Library(install_demo(tmp_path_factory.mktemp("demo") / "lib"))
    state = ReadState(library)
    ids = [e.id for e in library.entries()]
    state.mark_many(read=set(ids[:5]), starred={ids[3], ids[8]})
    index = open_index(library)
    yield library, index
    index.close()


def known_from(library: Library) -> Known:
    """What the app would know once its analysis ran: the index's analysis fields stand in."""
    tags = tags_by_article(library.entries(), Annotations(library).all_passages())
    from library.analysis import Analyser

    analysis = {}
    analyser = Analyser.for_library(library.root)
    for entry in library.entries():
        found = analyser.analyse(library.get(entry.id))
        analysis[entry.id] = ([hit.id for hit in found.issues], {(m.canonical, m.kind) for m in found.entities})
    return Known(
        issues_of=lambda i: analysis[i][0],
        names_of=lambda i, kind: [c for c, k in analysis[i][1] if kind in ("entity", k)],
        tags_of=lambda i: tags.get(i, ()), marked=ReadState(library).marked, issue_labels=lambda: issue_labels(library.root),
    )


def test_field_queries_on_the_catalogue_find_what_search_finds(demo):
    library, index = demo
    known = known_from(library)
    for text in FIELD_QUERIES:
        listed = {e.id for e in catalogue_filter(text, known).apply(library.entries())}
        assert listed == index.matching_ids(text), text
        assert listed == {hit.id for hit in index.search(text, limit=1000).hits}, text
    assert any(catalogue_filter(text, known).apply(library.entries()) for text in FIELD_QUERIES)


def test_words_need_the_index_and_bad_queries_say_why(demo):
    library, index = demo
    known = Known()
    for text in ("chips", "tag:trade chips", 'title:"balloon"', "taiw*"):
        with pytest.raises(NeedsIndex):
            catalogue_filter(text, known)
    assert index.matching_ids("balloon") == {hit.id for hit in index.search("balloon", limit=100).hits} != set()
    for text, problem in (("colour:red", "unknown field colour"), ("(tag:x", "unbalanced"), ("is:new", "is:new is not a mark")):
        with pytest.raises(QueryError, match=problem):
            catalogue_filter(text, known)


def test_without_analysis_issue_and_entity_go_to_the_index():
    with pytest.raises(NeedsIndex):
        catalogue_filter("issue:taiwan", Known(analysed=False))
    with pytest.raises(NeedsIndex):
        catalogue_filter("person:xi is:unread", Known(analysed=False))


def test_a_tag_filter_ignores_case_finds_tags_below_and_front_matter_tags(library):
    front = library.add(make_article("Front", tags=("Quote",)))
    below = library.add(make_article("Below"))
    other = library.add(make_article("Other", tags=("quotes",)))
    tags = {front.id: {"Quote"}, below.id: {"quote/xi"}, other.id: {"quotes"}}
    found = filters.by_tag("QUOTE", lambda i: tags.get(i, ())).apply(library.entries())
    assert {e.id for e in found} == {front.id, below.id}


def test_filters_compose_with_labels_and_queries(library):
    a = library.add(make_article("A", source="Reuters"))
    b = library.add(make_article("B", source="Harbour Review"))
    unread = filters.unread(frozenset({a.id}))
    reuters = filters.by_source("Reuters")
    assert [e.id for e in (reuters | unread).apply(library.entries())] == [e.id for e in library.entries()]
    both = ~reuters & unread
    assert [e.id for e in both.apply(library.entries())] == [b.id]
    assert both.query == "NOT source:Reuters is:unread"
    assert both.label == "not source: Reuters · unread"
    assert filters.by_source("Harbour Review").query == 'source:"Harbour Review"'
