"""The list's filter line: a filter from the sidebar or palette is written there as a query the
user can edit, and the line takes the whole search query language."""

from __future__ import annotations

import pytest

from tui.app import CuttingsApp

from .app_driving import record_notifications
from .app_support import screen_text, wait_for
from .test_app_inbox import SIZES, header, inbox_library, titles


def line(app) -> str:
    return app.reading.query_one("#list-filter").value


@pytest.mark.parametrize("size", SIZES)
async def test_a_chosen_filter_lands_in_the_line_and_can_be_edited(tmp_path, size):
    app = CuttingsApp(inbox_library(tmp_path / "lib"))
    async with app.run_test(size=size) as pilot:
        app.reading.filter_by_source("Harbour Review")
        await pilot.pause()
        assert line(app) == 'source:"Harbour Review"'
        assert 'source:"Harbour Review"' in screen_text(app)
        await pilot.press("f")
        await pilot.press(*" is:unread", "enter")
        await pilot.pause()
        assert titles(app) == ["Delta", "Bravo"]
        assert header(app).startswith('source:"Harbour Review" is:unread · esc clears · 2 of 5')
        assert app.focused is app.reading.article_list
        await pilot.press("f", "ctrl+u", *"date:2024 OR is:starred", "enter")
        await pilot.pause()
        assert titles(app) == ["Delta", "Echo", "Alpha", "Bravo"]
        await pilot.press("escape")  # in the list: the filter goes, and the line with it
        await pilot.pause()
        assert line(app) == "" and len(titles(app)) == 5
        assert "date:2024" not in screen_text(app)


async def test_words_are_searched_in_the_index(tmp_path):
    app = CuttingsApp(inbox_library(tmp_path / "lib"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f", *"charlie OR echo", "enter")
        await wait_for(pilot, lambda: app.reading.article_list.filter is not None, timeout=60)
        await pilot.pause()
        assert titles(app) == ["Echo", "Charlie"]
        assert line(app) == "charlie OR echo"


async def test_a_bad_query_says_why_in_one_line_and_keeps_the_list(tmp_path):
    app = CuttingsApp(inbox_library(tmp_path / "lib"))
    async with app.run_test(size=(120, 40)) as pilot:
        told = record_notifications(app)
        await pilot.press("f", *"colour:red", "enter")
        await pilot.pause()
        assert len(titles(app)) == 5 and app.reading.article_list.filter is None
        assert any("colour:red: unknown field colour" in message for _, message in told)
        await pilot.press("escape")  # back to the list without applying
        assert app.focused is app.reading.article_list
