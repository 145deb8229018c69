"""said:"Xi Jinping" finds the articles where Xi is quoted (by any spelling the article uses),
quote:word the articles with that word inside a quote; a corrected speaker is what is found."""

from __future__ import annotations

import pytest

from index import open_index
from library.analysis import Analyser
from library.beat.quotes import article_quotes
from library.model import Article, Block
from library.quotes.corrections import correct_speaker
from library.store import Library
from tests.conftest import run_cli
from index import sync as library_changed

XI = "Xi warns on tariffs"
BLINKEN = "Blinken in Beijing"
QUIET = "Xi visits a farm"
ARTICLES = [
    Article(title=XI, source="Harbour Times", blocks=(
        Block("paragraph", "Chinese President Xi Jinping spoke in Beijing on Monday."),
        Block("paragraph", "“Tariffs hurt both of our economies and help nobody,” Xi said."),
    )),
    Article(title=BLINKEN, source="Harbour Times", blocks=(
        Block("paragraph", "US Secretary of State Antony Blinken met Xi Jinping in Beijing."),
        Block("paragraph", "Blinked told reporters that the talks had been candid and constructive."),
    )),
    Article(title=QUIET, source="Harbour Times", blocks=(
        Block("paragraph", "Xi Jinping toured a farm where tariffs were discussed by nobody."),
    )),
]


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    library = Library(tmp_path_factory.mktemp("said") / "lib").ensure()
    for article in ARTICLES:
        library.add(article)
    library_changed(library)
    return library


def titles(library, query: str) -> set[str]:
    index = open_index(library)
    try:
        return {hit.title for hit in index.search(query, limit=100).hits}
    finally:
        index.close()


@pytest.mark.parametrize("query, found", [
    ('said:"Xi Jinping"', {XI}),
    ("said:Xi", {XI}),
    ('said:"Antony Blinken"', {BLINKEN}),
    ("said:Blinked", {BLINKEN}),  # the article's own spelling of him
    ("quote:tariff", {XI}),  # stemmed, and only inside quotes: the farm article has it outside
    ('quote:"candid and constructive"', {BLINKEN}),
    ("quote:nobody", {XI}),
])
def test_search_by_speaker_and_by_words_in_quotes(library, query, found):
    assert titles(library, query) == found


def test_a_corrected_speaker_is_searched_after_the_correction(library, tmp_path):
    article = library.get(next(e.id for e in library.entries() if e.title == XI))
    quote = article_quotes(library, Analyser.for_library(library.root), article)[0]
    correct_speaker(library, article.id, quote, "Antony Blinken")
    library_changed(library, changed=[article.id])
    assert titles(library, 'said:"Antony Blinken"') == {XI, BLINKEN}
    assert titles(library, 'said:"Xi Jinping"') == set()
    correct_speaker(library, article.id, quote, "Xi Jinping")
    library_changed(library, changed=[article.id])
    assert titles(library, 'said:"Xi Jinping"') == {XI}


def test_cli_lists_quotes_with_block_offsets(library):
    done = run_cli("quotes", "--speaker", "xi", "--json", library=library)
    assert done.returncode == 0, done.stderr
    import json

    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(r["speaker"], r["block"], r["start"], r["kind"]) for r in rows] == [("Xi Jinping", 1, 1, "direct")]
    assert rows[0]["text"] == "Tariffs hurt both of our economies and help nobody,"
    article = library.get(rows[0]["id"])
    assert article.blocks[1].text[rows[0]["start"]:rows[0]["end"]] == rows[0]["text"]
    text = run_cli("quotes", rows[0]["id"], library=library)
    assert text.returncode == 0 and "1:1-52  Xi Jinping (Xi)" in text.stdout


def test_cli_unknown_speaker_is_one_clear_line(library):
    done = run_cli("quotes", "--speaker", "Xi Jinpeng", library=library)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == ["cuttings: error: no speaker named 'Xi Jinpeng' in the library; did you mean 'Xi Jinping'?"]
    assert done.stdout == ""


def test_entity_page_lists_the_entity_quotes(library):
    done = run_cli("entity", "antony blinken", library=library)
    assert done.returncode == 0, done.stderr
    assert "Quotes (1)" in done.stdout and "the talks had been candid and constructive" in done.stdout


def test_a_broken_quotes_yaml_is_one_line_for_quotes_and_entity(tmp_path):
    library = Library(tmp_path / "lib").ensure()
    library.add(ARTICLES[0])
    (library.root / "quotes.yaml").write_text("corrections:\n  - just a string\n", encoding="utf-8")
    for args in (("quotes",), ("entity", "xi jinping")):
        done = run_cli(*args, library=library)
        assert done.returncode == 1, args
        assert len(done.stderr.splitlines()) == 1 and "quotes.yaml: expected a 'corrections' list" in done.stderr
