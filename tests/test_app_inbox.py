"""Inbox views (A all, U unread, S starred, N new since the last fetch) and the list's sorts,
on a library whose read and starred marks and import times are known."""

from __future__ import annotations

import datetime as dt

import pytest

from library.model import Article, Block
from library.readstate import ReadState
from library.store import Library
from tui.app import CuttingsApp
from tui.screens.help import HelpScreen

from .app_support import list_rows, screen_text, wait_for

SIZES = [(80, 24), (120, 40)]


def _article(title: str, date: dt.date | None, imported: str, source: str = "Pacific Ledger") -> Article:
    body = (Block("paragraph", f"{title}. A short paragraph about trade with enough words to read."),)
    return Article(title=title, date=date, source=source, blocks=body, imported=imported)


# title: (date, date added, source); the last run is the two imported on 1 December
LIBRARY = {
    "Alpha": (dt.date(2024, 3, 1), "2024-03-02T10:00:00+00:00", "Pacific Ledger"),
    "Bravo": (dt.date(2024, 2, 1), "2024-03-02T10:00:05+00:00", "Harbour Review"),
    "Charlie": (dt.date(2023, 1, 1), "2026-12-01T09:00:00+00:00", "Pacific Ledger"),
    "Delta": (None, "2026-12-01T09:00:30+00:00", "Harbour Review"),
    "Echo": (dt.date(2024, 6, 1), "2026-11-30T08:00:00+00:00", "Pacific Ledger"),
}
READ = {"Alpha", "Echo"}
STARRED = {"Bravo", "Delta"}


def inbox_library(root) -> Library:
    library = Library(root).ensure()
    ids = {}
    for title, (date, imported, source) in LIBRARY.items():
        ids[title] = library.add(_article(title, date, imported, source)).id
    ReadState(library).mark_many(read={ids[t] for t in READ}, starred={ids[t] for t in STARRED})
    return library


def titles(app, known=tuple(LIBRARY)) -> list[str]:
    """The titles the list shows, top to bottom."""
    found = []
    for row in list_rows(app):
        found += [title for title in known if f" {title}" in row]
    return found


def header(app) -> str:
    return str(app.screen.query_one("#list-header").render())


@pytest.mark.parametrize("size", SIZES)
async def test_each_view_shows_exactly_its_articles_and_the_header_names_it(tmp_path, size):
    app = CuttingsApp(inbox_library(tmp_path / "lib"))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert titles(app) == ["Delta", "Echo", "Alpha", "Bravo", "Charlie"]
        assert header(app).startswith("5 articles")
        expected = {
            "U": (["Delta", "Bravo", "Charlie"], "3 unread"),
            "S": (["Delta", "Bravo"], "2 starred"),
            "N": (["Delta", "Charlie"], "2 new"),
            "A": (["Delta", "Echo", "Alpha", "Bravo", "Charlie"], "5 articles"),
        }
        for key, (rows, named) in expected.items():
            await pilot.press(key)
            await pilot.pause()
            assert titles(app) == rows, key
            assert header(app).startswith(named), key
            assert named in screen_text(app)


@pytest.mark.parametrize("size", SIZES)
async def test_a_view_combines_with_a_filter(tmp_path, size):
    app = CuttingsApp(inbox_library(tmp_path / "lib"))
    async with app.run_test(size=size) as pilot:
        app.reading.filter_by_source("Harbour Review")
        await pilot.press("U")
        await pilot.pause()
        assert titles(app) == ["Delta", "Bravo"]
        assert header(app) == "source: Harbour Review · esc clears · 2 of 5 unread · by date"
        assert app.sub_title == "2 of 5 articles · unread · source: Harbour Review"
        await pilot.press("escape")  # the filter goes, the view stays
        await pilot.pause()
        assert titles(app) == ["Delta", "Bravo", "Charlie"]
        assert header(app).startswith("3 unread")


@pytest.mark.parametrize("size", SIZES)
async def test_o_sorts_by_date_added_after_date(tmp_path, size):
    app = CuttingsApp(inbox_library(tmp_path / "lib"))
    async with app.run_test(size=size) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert titles(app) == ["Delta", "Charlie", "Echo", "Bravo", "Alpha"]
        assert "by date added" in header(app)
        await pilot.press("N")
        await pilot.pause()
        assert titles(app) == ["Delta", "Charlie"]


@pytest.mark.parametrize("size", [*SIZES, (200, 50)])
async def test_an_undated_article_is_placed_by_the_day_it_was_added(tmp_path, size):
    library = inbox_library(tmp_path / "lib")
    library.add(_article("Foxtrot", None, "2024-02-15T12:00:00+00:00"))
    async with CuttingsApp(library).run_test(size=size) as pilot:
        await pilot.pause()
        assert titles(app := pilot.app, [*LIBRARY, "Foxtrot"]) == ["Delta", "Echo", "Alpha", "Foxtrot", "Bravo", "Charlie"]
        if size[0] >= 200:  # narrower lists give the title their room and show no dates
            assert "undated" in list_rows(app)[3]


async def test_the_help_screen_lists_the_view_keys(tmp_path):
    app = CuttingsApp(inbox_library(tmp_path / "lib"))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.focused is app.reading.article_list)  # the list's keys come first
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        focused = {row.description: row.keys for row in app.screen.sections[0][1]}
        assert focused["View all"] == "A" and focused["View unread"] == "U"
        assert focused["View starred"] == "S" and focused["View new since last fetch"] == "N"
