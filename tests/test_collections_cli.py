"""`cuttings collections`, `list --collection`, `search --collection`: saved queries with live
counts, kept in collections.yaml; bad input is one line, and the other collections still work."""

from __future__ import annotations

import datetime as dt
import json

from library.readstate import ReadState

from .conftest import make_article, run_cli


def stocked(library):
    ids = {}
    for title, source, date, tags in (
        ("Chips one", "Pacific Ledger", dt.date.today() - dt.timedelta(days=2), ("quote/xi",)),
        ("Chips two", "Pacific Ledger", dt.date(2021, 5, 1), ()),
        ("Balloon", "Harbour Review", dt.date.today(), ("Quote",)),
    ):
        ids[title] = library.add(make_article(title, source=source, date=date, tags=tags)).id
    ReadState(library).set_read(ids["Chips one"])
    return ids


def test_add_list_pin_and_remove_collections_with_live_counts(library):
    stocked(library)
    assert run_cli("collections", "add", "Ledger", 'source:"Pacific Ledger"', library=library).returncode == 0
    assert run_cli("collections", "add", "This week", "date:7d..", library=library).returncode == 0
    assert run_cli("collections", "add", "Quotes", "tag:quote", library=library).returncode == 0
    assert run_cli("collections", "pin", "quotes", library=library).returncode == 0
    shown = run_cli("collections", "--json", library=library)
    assert shown.returncode == 0, shown.stderr
    rows = [json.loads(line) for line in shown.stdout.splitlines()]
    assert [(r["name"], r["unread"], r["total"], r["pinned"]) for r in rows] == [
        ("Quotes", 1, 2, True), ("Ledger", 1, 2, False), ("This week", 1, 2, False),
    ]
    text = (library.root / "collections.yaml").read_text()
    assert "Ledger: source:\"Pacific Ledger\"" in text and "pinned: true" in text
    assert run_cli("collections", "remove", "Ledger", library=library).returncode == 0
    assert "Ledger" not in run_cli("collections", library=library).stdout


def test_list_and_search_within_a_collection(library):
    ids = stocked(library)
    run_cli("collections", "add", "Ledger unread", 'source:"Pacific Ledger" is:unread', library=library)
    listed = run_cli("list", "--collection", "ledger unread", library=library)
    assert listed.returncode == 0 and [line.split("\t")[0] for line in listed.stdout.splitlines()] == [ids["Chips two"]]
    run_cli("collections", "add", "Ledger", 'source:"Pacific Ledger"', library=library)
    found = run_cli("search", "--collection", "Ledger", "two", "--json", library=library)
    assert [hit["id"] for hit in json.loads(found.stdout)["hits"]] == [ids["Chips two"]]


def test_a_hand_edited_comment_survives_a_change(library):
    stocked(library)
    (library.root / "collections.yaml").write_text("# my beats\nLedger: source:ledger  # the main one\n")
    assert run_cli("collections", "add", "Quotes", "tag:quote", library=library).returncode == 0
    text = (library.root / "collections.yaml").read_text()
    assert "# my beats" in text and "# the main one" in text and "Quotes: tag:quote" in text


def test_a_malformed_file_is_one_line_and_never_rewritten(library):
    stocked(library)
    path = library.root / "collections.yaml"
    path.write_text("Ledger: [source:ledger\n")
    for args in (("collections",), ("collections", "add", "X", "tag:quote"), ("list", "--collection", "Ledger")):
        result = run_cli(*args, library=library)
        assert result.returncode != 0 and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "collections.yaml:" in result.stderr
    assert path.read_text() == "Ledger: [source:ledger\n"


def test_bad_entries_are_named_and_the_others_still_count(library):
    stocked(library)
    path = library.root / "collections.yaml"
    path.write_text(
        "Ledger: source:ledger\nBroken: (tag:quote\nOdd field: colour:red\nGone tag: tag:removed\n"
        "No query: {pinned: true}\nTypo: {query: tag:quote, pinnned: true}\n"
    )
    result = run_cli("collections", library=library)
    assert result.returncode == 0
    assert [line.split("\t")[2] for line in result.stdout.splitlines()] == ["Ledger", "Broken", "Odd field", "Gone tag", "Typo"]
    assert "1/2\tLedger" in result.stdout
    problems = result.stderr.strip().splitlines()
    assert any("'Broken'" in p and "(tag:quote" in p and "unbalanced parentheses" in p for p in problems)
    assert any("'Odd field'" in p and "unknown field colour" in p for p in problems)
    assert any("'Gone tag'" in p and "no article is tagged 'removed'" in p for p in problems)
    assert any("collections.yaml" in p and "'No query' has no query" in p for p in problems)
    assert any("'Typo'" in p and "unknown key 'pinnned'" in p for p in problems)
    assert "Traceback" not in result.stderr
    bad = run_cli("list", "--collection", "Odd field", library=library)
    assert bad.returncode != 0 and "colour:red: unknown field colour" in bad.stderr
    assert run_cli("collections", "add", "Bad", "colour:red", library=library).returncode != 0
    assert "Bad" not in path.read_text()
