"""Any text typed into the search box gives hits or one line saying what is wrong with the
query (QueryError), never another exception: built from the query language's own pieces so the
fuzzer reaches fields, quotes, operators, ranges and expansions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index import QueryError, open_index
from index.query import FIELD_NAMES
from tests.app_support import make_library

TOKENS = [f"{name}:" for name in FIELD_NAMES] + [
    '"', "(", ")", " AND ", " OR ", " NOT ", "-", "+", "*", "~", "~2", "^2", "[", "]", " TO ", "..", ">=", "<",
    "2023", "2023-06", "2023-02-30", "taiwan", "export controls", "Technology and export controls", "the", "of",
    "Wang Yi", "trade/de-risking", ",", "'", "\\", "{", "}", "/", ":", " ", "北京", "é",
]
QUERIES = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=6)), min_size=1, max_size=12).map("".join)


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    index = open_index(make_library(tmp_path_factory.mktemp("fuzzq") / "lib"))
    yield index
    index.close()


@given(QUERIES)
def test_any_query_gives_hits_or_one_line(index, text):
    try:
        result = index.search(text, limit=5)
    except QueryError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert result.total >= len(result.hits)


WORDS = st.lists(st.one_of(st.sampled_from(["export", "controls", "of", ","]), st.text(min_size=1, max_size=8)),
                 min_size=1, max_size=4).map(" ".join)


@given(st.sampled_from([f"{name}:" for name in FIELD_NAMES]), WORDS)
def test_a_quoted_value_of_any_field_is_searchable(index, field, value):
    value = value.replace('"', "")
    try:
        index.search(f'{field}"{value}"', limit=5)
    except QueryError as exc:
        assert "\n" not in str(exc) and "positions" not in str(exc)
