"""What a new user trips on in the app (issue 13), driven with Pilot."""

from __future__ import annotations

import dataclasses

from library.annotations import Annotations
from library.store import Library
from tests.app_support import screen_text
from tests.test_app_tagging import ARMS, EU, article_id, settle
from tests.test_app_tagging_screens import open_tags_screen
from tui.app import CuttingsApp


def tagged_library(tmp_path) -> Library:
    """EU carries `export-controls` in its front matter only; ARMS has a tagged passage."""
    library = Library(tmp_path / "lib").ensure()
    library.add(ARMS)
    library.add(dataclasses.replace(EU, tags=("export-controls",)))
    Annotations(library).add_by_quote(article_id(library, ARMS.title), "anti-ship missiles", ["trade/arms"])
    return library


async def test_front_matter_tags_are_in_the_tags_screen_and_open_their_article(tmp_path):
    library = tagged_library(tmp_path)
    async with CuttingsApp(library).run_test(size=(120, 36)) as pilot:
        screen = await open_tags_screen(pilot)
        text = screen_text(pilot.app)
        assert "export-controls  0 · 1 article" in text and "arms  1 · 1 article" in text
        assert screen.tag == "export-controls"
        assert EU.title in text and "tagged in its front matter" in text
        await pilot.press("enter", "enter")  # to the list, and open the article
        await settle(pilot)
        assert pilot.app.screen is pilot.app.reading
        assert pilot.app.reading.open_id == article_id(library, EU.title)


async def test_filtering_the_list_by_a_front_matter_tag_keeps_its_article(tmp_path):
    library = tagged_library(tmp_path)
    async with CuttingsApp(library).run_test(size=(120, 36)) as pilot:
        await open_tags_screen(pilot)
        await pilot.press("f")  # filter the list by the highlighted tag, export-controls
        await settle(pilot)
        listing = pilot.app.reading.article_list
        assert listing.filter is not None and listing.filter.query == "tag:export-controls"
        assert [e.title for e in listing.rows] == [EU.title]


async def test_orphans_of_a_removed_article_show_its_title_and_date(tmp_path):
    """The title and date were written with the passage when it was tagged."""
    library = tagged_library(tmp_path)
    arms = article_id(library, ARMS.title)
    library.remove(arms)
    async with CuttingsApp(library).run_test(size=(120, 36)) as pilot:
        await open_tags_screen(pilot)
        await pilot.press("o")
        await settle(pilot)
        text = screen_text(pilot.app)
        assert ARMS.title in text and ARMS.date.isoformat() in text and "removed from the library" in text
