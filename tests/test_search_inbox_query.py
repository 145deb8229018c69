"""Inbox terms of the query language, run as a user runs them: `is:read`, `is:unread`,
`is:starred` (from state.json, never indexed), `added:` (the import date) and dates counted
back from today (`date:7d..`, `added:2w..`), alone and combined with the other fields."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from index.search import open_index
from library.model import Block
from library.readstate import ReadState
from library.store import Library
from tests.conftest import make_article, run_cli

TODAY = dt.date.today()  # relative dates count back from the day the test runs


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T09:30:00+00:00"


TAIWAN = (
    Block("paragraph", "Taiwan's president met lawmakers in Taipei as PLA ships crossed the Taiwan Strait."),
    Block("paragraph", "Beijing called the visit a provocation over Taiwan independence and reunification."),
)
ARTICLES = {  # title: (published, imported, read, starred, about Taiwan)
    "Old read": (dt.date(2020, 3, 1), dt.date(2021, 1, 4), True, False, False),
    "Fresh starred": (ago(2), ago(1), False, True, True),
    "Month old": (ago(40), ago(20), True, True, False),
    "New unread": (ago(10), ago(3), False, False, True),
}


@pytest.fixture(scope="module")
def inbox(tmp_path_factory):
    library = Library(tmp_path_factory.mktemp("inbox") / "lib").ensure()
    state = ReadState(library)
    for title, (published, imported, read, starred, taiwan) in ARTICLES.items():
        extra = {"blocks": TAIWAN} if taiwan else {}
        article_id = library.add(make_article(title, date=published, imported=stamp(imported), **extra)).id
        state.set_read(article_id, read)
        state.set_starred(article_id, starred)
    return library


def answers(library, queries) -> dict[str, dict]:
    """Each query's JSON answer, from one `cuttings search --json -` reading them from stdin."""
    result = run_cli("search", "--json", "--limit", "50", "-", library=library, input="".join(f"{q}\n" for q in queries))
    return dict(zip(queries, map(json.loads, result.stdout.splitlines()), strict=True))


QUERIES = [
    ("is:read", {"Old read", "Month old"}),
    ("is:unread", {"Fresh starred", "New unread"}),
    ("-is:unread", {"Old read", "Month old"}),
    ("is:starred", {"Fresh starred", "Month old"}),
    ("is:starred -is:read", {"Fresh starred"}),
    ("is:read OR is:starred", {"Old read", "Fresh starred", "Month old"}),
    ("taiwan is:unread", {"Fresh starred", "New unread"}),
    ("added:7d..", {"Fresh starred", "New unread"}),
    ("added:2021", {"Old read"}),
    ("added:..2021-06", {"Old read"}),
    ("added:2w.. is:read", set()),
    ("date:7d..", {"Fresh starred"}),
    ("date:7d", {"Fresh starred"}),
    ("date:2w..", {"Fresh starred", "New unread"}),
    ("date:3m..", {"Fresh starred", "New unread", "Month old"}),
    ("date:1y..", {"Fresh starred", "New unread", "Month old"}),
    ("date:2020-03..", set(ARTICLES)),
    (f"date:{ago(12).isoformat()[:7]}..", {t for t, a in ARTICLES.items() if a[0] >= ago(12).replace(day=1)}),
    ("date:..1y", {"Old read"}),
    ("issue:taiwan is:unread date:7d..", {"Fresh starred"}),
    ("issue:taiwan is:unread", {"Fresh starred", "New unread"}),
]


@pytest.fixture(scope="module")
def inbox_answers(inbox) -> dict[str, dict]:
    return answers(inbox, [query for query, _ in QUERIES] + list(BAD))


@pytest.mark.parametrize("query, expected", QUERIES)
def test_inbox_terms_find_exactly_these_articles(inbox_answers, query, expected):
    assert {hit["title"] for hit in inbox_answers[query]["hits"]} == expected


BAD = {"date:7x..": "date:7x", "is:bogus": "is:bogus", "added:2021-13": "added:2021-13", "is:unr*": "is:unr"}


@pytest.mark.parametrize("query, named", BAD.items())
def test_a_bad_inbox_term_is_named_in_its_error(inbox_answers, query, named):
    assert named in inbox_answers[query]["error"]


@pytest.mark.parametrize("query, named", [("date:7x..", "date:7x"), ("is:bogus", "is:bogus")])
def test_a_bad_inbox_term_is_one_line_naming_it(inbox, query, named):
    result = run_cli("search", "--", query, library=inbox)
    errors = [line for line in result.stderr.splitlines() if line.startswith("cuttings: error:")]
    assert result.returncode == 1 and len(errors) == 1 and named in errors[0], result.stderr
    assert "Traceback" not in result.stderr


def test_marks_are_read_when_the_search_runs_not_when_the_index_was_built(inbox):
    index = open_index(inbox)
    try:
        assert {h.title for h in index.search("is:starred").hits} == {"Fresh starred", "Month old"}
        state = ReadState(inbox)
        chosen = next(e.id for e in inbox.entries() if e.title == "Old read")
        state.set_starred(chosen, True)
        assert {h.title for h in index.search("is:starred").hits} == {"Fresh starred", "Month old", "Old read"}
    finally:
        ReadState(inbox).set_starred(chosen, False)
        index.close()
