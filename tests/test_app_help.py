"""`?`: the key reference, built from the live bindings of the pane in focus and the app."""

from __future__ import annotations

import pytest

from tests.app_support import make_library, screen_text
from tui.app import CuttingsApp
from tui.screens.help import HelpScreen

SIZES = [(80, 24), (140, 40)]


def rows_of(screen: HelpScreen) -> dict[str, list]:
    return {title: rows for title, rows in screen.sections}


@pytest.mark.parametrize("size", SIZES)
async def test_question_mark_lists_the_focused_pane_first_then_everywhere(tmp_path, size):
    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=size) as pilot:
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        titles = [title for title, _ in help_screen.sections]
        assert titles[0].endswith("(focused)") and titles[-1] == "Everywhere"
        focused = {row.description for row in help_screen.sections[0][1]}
        assert {"Star", "Sort", "Read"} <= focused
        everywhere = {row.description: row for row in rows_of(help_screen)["Everywhere"]}
        assert everywhere["Search"].keys == "/" and everywhere["Search"].binding_id == "app.search"
        assert {"Keys", "Quit"} <= set(everywhere)
        reading = {row.description for row in rows_of(help_screen)["Reading"]}
        assert {"Next pane", "Next article", "Sidebar"} <= reading
        text = screen_text(app)
        assert "Keys (escape to close)" in text and "Star" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_every_key_of_every_pane_has_a_description(tmp_path):
    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=(140, 40)) as pilot:
        for pane in ("list", "reader", "sidebar"):
            app.reading.focus_pane(pane)
            await pilot.press("question_mark")
            sections = app.screen.sections
            undescribed = [(title, row.keys) for title, rows in sections for row in rows if not row.described]
            assert undescribed == []
            assert len(sections) >= 3  # the focused pane, the other panes, everywhere
            await pilot.press("escape")


async def test_help_in_the_reader_names_the_reading_keys(tmp_path):
    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("enter", "question_mark")
        focused_title, rows = app.screen.sections[0]
        assert focused_title.endswith("(focused)")
        by_description = {row.description: row.keys for row in rows}
        assert by_description["Next hit"] == "n" and by_description["Highlights"] == "e"
        assert set(by_description["Scroll down"].split(" / ")) == {"j", "↓"}


async def test_help_on_the_search_screen_lists_search_keys(tmp_path):
    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        app.screen.results.focus()
        await pilot.press("question_mark")
        search_keys = {row.description for row in rows_of(app.screen)["Search"]}
        assert {"Close search", "Did you mean", "Complete / results"} <= search_keys
