"""The Add dialog: paste copied text, see the preview, save it, and read it at once."""

from __future__ import annotations

from textual import events
from textual.widgets import Static

from tests.app_driving import record_notifications
from tests.app_support import make_library, screen_text, wait_for
from tui.app import CuttingsApp
from tests.web_support import article_page, site  # noqa: F401  (the fixture)
from tui.screens.add import AddScreen

COPIED = """Hou picks a running mate

By Mei Lin

14 November 2023

The Kuomintang candidate named his running mate on Monday, weeks before the vote in Taiwan.

Analysts in Taipei said the choice was meant to reach voters in the south of the island.
"""


def preview_text(app) -> str:
    return str(app.screen.query_one("#add-preview", Static).content)


async def paste(pilot, text: str) -> None:
    pilot.app.post_message(events.Paste(text))  # as the terminal delivers a bracketed paste
    await pilot.pause()


async def test_pasted_text_is_previewed_saved_and_opened(tmp_path):
    library = make_library(tmp_path / "lib")
    app = CuttingsApp(library)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, AddScreen)
        await paste(pilot, COPIED)
        await wait_for(pilot, lambda: "Hou picks a running mate" in preview_text(app))
        assert "2023-11-14" in preview_text(app) and "Mei Lin" in preview_text(app)
        assert "The Kuomintang candidate named" in preview_text(app)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.reading.open_id and library.get(app.reading.open_id).title == "Hou picks a running mate")
        assert not isinstance(app.screen, AddScreen)
        assert "Analysts in Taipei" in screen_text(app)
        assert app.reading.article_list.current.id == app.reading.open_id
    assert len(library.entries()) == 4


async def test_saving_right_after_a_paste_waits_for_the_preview(tmp_path):
    library = make_library(tmp_path / "lib")
    app = CuttingsApp(library)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("a")
        await paste(pilot, COPIED)
        await pilot.press("ctrl+s")  # before the preview's wait has passed
        await wait_for(pilot, lambda: len(library.entries()) == 4)


async def test_a_paste_that_cannot_be_read_says_why_and_saves_nothing(tmp_path):
    library = make_library(tmp_path / "lib")
    app = CuttingsApp(library)
    seen = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await paste(pilot, "<html><head><script>track()</script></head><body></body></html>")
        await wait_for(pilot, lambda: "Cannot save this" in preview_text(app))
        await pilot.press("ctrl+s")
        await pilot.pause(0.2)
        assert isinstance(app.screen, AddScreen)
        assert any("Cannot save this" in message for _, message in seen)
        await pilot.press("escape")
        assert not isinstance(app.screen, AddScreen)
    assert len(library.entries()) == 3


async def test_a_pasted_duplicate_is_named_not_stored_twice(tmp_path):
    library = make_library(tmp_path / "lib")
    app = CuttingsApp(library)
    seen = record_notifications(app)
    async with app.run_test(size=(100, 32)) as pilot:
        for _ in range(2):
            await pilot.press("a")
            await paste(pilot, COPIED)
            await pilot.press("ctrl+s")
            await wait_for(pilot, lambda: not isinstance(app.screen, AddScreen))
            await wait_for(pilot, lambda: not any(w.name == "add" and not w.is_finished for w in app.workers))
        assert len(library.entries()) == 4
        assert ("information", "Hou picks a running mate") in seen


async def test_a_typed_address_is_fetched_saved_and_opened(tmp_path, site):
    url = site.add("/hou", article_page("Hou picks a running mate"))
    library = make_library(tmp_path / "lib")
    app = CuttingsApp(library)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("a")
        await paste(pilot, url)
        await wait_for(pilot, lambda: "ctrl+s fetches the page" in preview_text(app))
        assert not site.requests("/hou")  # nothing is fetched before the user saves
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.reading.open_id and library.get(app.reading.open_id).title == "Hou picks a running mate")
        assert library.get(app.reading.open_id).url == url
