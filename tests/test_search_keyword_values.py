"""Quoted values of keyword fields (issue:, tag:) are exact values, and an issue is found by its
label as well as its id; whatever still goes wrong in a search is one plain line, never a
traceback or the index's jargon ("field has no positions")."""

from __future__ import annotations

import shutil

import pytest

from index import QueryError, open_index
from index.search import SearchIndex
from library.annotations import Annotations
from library.store import Library
from tests.app_support import make_library, wait_for
from tests.conftest import run_cli
from tests.test_app_search import search_screen, type_query
from tui.app import CuttingsApp
from index import sync

CHIPS = "Washington tightens chip export controls"


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    library = make_library(tmp_path_factory.mktemp("keywords") / "lib")
    chips = next(e.id for e in library.entries() if e.title == CHIPS)
    Annotations(library).add(chips, 0, 0, 12, ["export controls", "trade/de-risking"])
    sync(library, changed=[chips])
    open_index(library).close()
    return library.root


@pytest.fixture(scope="module")
def index(indexed):
    index = open_index(Library(indexed))
    yield index
    index.close()


def titles(index, query: str) -> set[str]:
    return {hit.title for hit in index.search(query, limit=100).hits}


@pytest.mark.parametrize("query", [
    'issue:"Technology and export controls"', 'issue:"technology and export controls"',
    'issue:"export controls"', "issue:export-controls-technology", 'issue:"export-controls-technology"',
])
def test_an_issue_by_label_words_or_id(index, query):
    assert CHIPS in titles(index, query)
    assert titles(index, query) == titles(index, "issue:export-controls-technology")


def test_an_unknown_issue_label_finds_nothing_without_an_error(index):
    assert titles(index, 'issue:"no such issue anywhere"') == set()


@pytest.mark.parametrize("query", ['tag:"export controls"', 'tag:"trade/de-risking"', "tag:trade/de-risking"])
def test_a_quoted_tag_is_one_exact_value(index, query):
    assert titles(index, query) == {CHIPS}


def test_a_quoted_tag_with_a_comma_is_an_answer_not_an_error(index):
    assert titles(index, 'tag:"export, controls"') == {CHIPS}  # tags never hold commas (index/documents.py)
    assert titles(index, 'tag:"controls, export"') == set()


def test_an_error_from_the_search_engine_is_one_plain_line(index, monkeypatch):
    from whoosh import query as whoosh_query

    def broken(*args, **kwargs):
        raise whoosh_query.QueryError("Phrase search: 'x' field has no positions")

    searcher = type("S", (), {"reader": lambda self: None, "collector": lambda self, **kw: None, "search_with_collector": broken})
    monkeypatch.setattr(index, "_fresh_searcher", lambda: searcher())
    with pytest.raises(QueryError) as caught:
        index.search("taiwan")
    assert "positions" not in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize("query", ['issue:"export controls"', 'issue:"Technology and export controls"'])
def test_the_command_line_finds_an_issue_by_quoted_label(indexed, query):
    result = run_cli("search", query, library=indexed)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert CHIPS in result.stdout


async def test_the_app_searches_a_quoted_issue_label(indexed, tmp_path):
    app = CuttingsApp(Library(shutil.copytree(indexed, tmp_path / "lib", symlinks=True)))
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await type_query(pilot, 'issue:"export controls"')
        assert CHIPS in [hit.title for hit in screen.result.hits]


async def test_the_app_shows_a_plain_line_when_a_search_breaks(indexed, tmp_path, monkeypatch):
    def broken(self, *args, **kwargs):
        raise TypeError("ord() expected a character, but string of length 0 found")

    monkeypatch.setattr(SearchIndex, "search", broken)
    app = CuttingsApp(Library(shutil.copytree(indexed, tmp_path / "lib", symlinks=True)))
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("slash", *"taiwan")
        screen = search_screen(app)
        await wait_for(pilot, lambda: screen.shown == "taiwan")
        status = str(screen.query_one("#search-status").render())
        assert "ord()" not in status and "Search failed" in status and "cuttings check" in status
