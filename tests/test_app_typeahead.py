"""Typing fast: keys typed right after `/`, `f` or the workbench's `/` land in the box that key
opens, in order, and do not act as keys of the list they were first sent to.

Pilot's `press` waits for each key to be handled; a terminal (or a paste) delivers a burst of
keys at once, so the bursts here are posted to the app together, as the driver posts them."""

from __future__ import annotations

import pytest
from textual import events

from library.readstate import ReadState
from tests.app_support import make_library
from tui.app import CuttingsApp

NAMES = {"/": "slash", ":": "colon", " ": "space"}


def burst(app, text: str) -> None:
    for char in text:
        app.post_message(events.Key(NAMES.get(char, char), char))


@pytest.fixture
def app(tmp_path):
    return CuttingsApp(make_library(tmp_path / "lib"))


async def test_a_query_typed_fast_after_slash_is_the_query_every_time(app):
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        burst(app, "/tai")  # the first time, the search screen is not even mounted yet
        await pilot.pause(0.3)
        assert app.screen.bar.value == "tai"
        await pilot.press("escape")
        burst(app, "/chi")  # the next time, the last query is replaced, not appended to
        await pilot.pause(0.3)
        assert app.screen.bar.value == "chi"


async def test_a_filter_typed_fast_after_f_stars_nothing_on_the_way(app):
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        burst(app, "fsource:x")  # s stars an article in the list; u marks it read
        app.post_message(events.Key("enter", "\r"))  # in the same burst: applies the whole line
        await pilot.pause(0.3)
        assert app.reading.article_list.filter.query == "source:x"
        state = ReadState(app.library)
        assert not state.marked("starred") and not state.marked("read")


async def test_the_workbench_filter_typed_fast_toggles_nothing(app):
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("P")
        await pilot.pause(0.5)
        screen = app.screen
        burst(app, "/note:e")  # e shows issue evidence in the workbench
        await pilot.pause(0.3)
        assert app.focused.value == "note:e" and screen is app.screen and not screen.evidence


async def test_a_name_typed_fast_after_the_key_that_asks_for_it_is_the_name(app):
    """C asks for the new collection's name in a prompt that is not mounted yet."""
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("U")  # C saves the list's query: here the unread view
        burst(app, "Cweek")
        await pilot.pause(0.3)
        assert app.focused.value == "week"
