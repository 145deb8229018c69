"""Finding tags again: the Tags screen (tree with counts, passages, Enter to read), the
sidebar's Tags tab, the article list filtered by tag, and the orphans screen."""

from __future__ import annotations

import dataclasses

import pytest

from library.annotations import Annotations
from library.model import Block
from tests.app_driving import run_command
from tests.app_support import screen_text
from tests.test_app_tagging import ARMS, EU, article_id, lib, open_article, settle  # noqa: F401  (lib is a fixture)
from tui.app import CuttingsApp
from tui.tagging.orphans_screen import OrphansScreen
from tui.tagging.tags_screen import TagsScreen


@pytest.fixture
def tagged(lib):  # noqa: F811
    notes = Annotations(lib)
    arms, eu = article_id(lib, ARMS.title), article_id(lib, EU.title)
    notes.add_by_quote(arms, "Beijing protested within hours.", ["china/reaction"], note="same day")
    notes.add_by_quote(arms, "anti-ship missiles", ["taiwan/arms"])
    notes.add_by_quote(eu, "discussed de-risking supply chains", ["trade/de-risking", "china/reaction"])
    return lib


async def open_tags_screen(pilot) -> TagsScreen:
    await pilot.pause()
    await pilot.press("T")
    await settle(pilot)
    assert isinstance(pilot.app.screen, TagsScreen)
    return pilot.app.screen


async def test_tags_screen_tree_counts_and_enter_opens_the_passage(tagged):
    async with CuttingsApp(tagged).run_test(size=(80, 24)) as pilot:
        screen = await open_tags_screen(pilot)
        text = screen_text(pilot.app)
        assert "china  2" in text and "reaction  2" in text and "taiwan  1" in text and "de-risking  1" in text
        assert screen.tag == "china"
        await pilot.press("down", "down", "down")  # china, reaction, taiwan, arms
        assert screen.tag == "taiwan/arms"
        await pilot.press("enter")  # to the passages
        assert "anti-ship missiles" in screen_text(pilot.app)
        await pilot.press("enter")  # read it
        await settle(pilot)
        reading = pilot.app.reading
        assert pilot.app.screen is reading and pilot.app.focused is reading.reader
        assert reading.open_id == article_id(tagged, ARMS.title)
        span, words = reading.reader.passage
        assert words == "anti-ship missiles"
        assert "# taiwan/arms" in screen_text(pilot.app)


async def test_passages_of_a_tag_across_the_library_with_title_and_date(tagged):
    async with CuttingsApp(tagged).run_test(size=(140, 40)) as pilot:
        await open_tags_screen(pilot)
        text = screen_text(pilot.app)  # "china" is chosen: a passage from each article
        assert ARMS.title in text and EU.title in text
        assert ARMS.date.isoformat() in text and EU.date.isoformat() in text
        assert "same day" in text  # the note


async def test_tags_tab_lists_this_articles_passages(tagged):
    async with CuttingsApp(tagged).run_test(size=(140, 40)) as pilot:
        await open_article(pilot, tagged)
        await pilot.press("i", "right", "right", "right")  # the sidebar, then its Tags tab (after Issues, Entities, Quotes)
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "# taiwan/arms" in text and "# china/reaction" in text
        assert "anti-ship missiles" in text and "same day" in text
        assert "supply chains" not in text  # that passage is in the other article
        await pilot.press("t", "tab", *"check the count", "enter")  # edit the note of the first
        await settle(pilot)
        missiles = next(p for p in Annotations(tagged).passages(tag="taiwan"))
        assert (missiles.tags, missiles.note) == (("taiwan/arms",), "check the count")
        await pilot.press("enter")  # the first passage in reading order
        await settle(pilot)
        assert pilot.app.focused is pilot.app.reading.reader
        assert pilot.app.reading.reader.passage[1] == "anti-ship missiles"


async def test_the_list_filtered_by_tag(tagged):
    async with CuttingsApp(tagged).run_test(size=(140, 40)) as pilot:
        await open_tags_screen(pilot)
        await pilot.press("down", "down", "down", "down")  # trade
        await pilot.press("f")
        await settle(pilot)
        listing = pilot.app.reading.article_list
        assert [e.title for e in listing.rows] == [EU.title]
        assert "tag: trade" in screen_text(pilot.app)
        await pilot.press("T", "f")  # china: both articles
        await settle(pilot)
        assert sorted(e.title for e in listing.rows) == sorted([ARMS.title, EU.title])


async def test_orphans_screen_keeps_the_quote_of_words_that_are_gone(tagged):
    notes = Annotations(tagged)
    arms = tagged.get(article_id(tagged, ARMS.title))
    edited = dataclasses.replace(arms, blocks=(Block("paragraph", "The State Department approved a package."), *arms.blocks[1:]))
    tagged.save(edited)
    assert notes.orphans()  # the re-anchoring found the words gone
    async with CuttingsApp(tagged).run_test(size=(80, 24)) as pilot:
        await open_tags_screen(pilot)
        assert "orphaned" in screen_text(pilot.app)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(pilot.app.screen, OrphansScreen)
        text = screen_text(pilot.app)
        assert "2 orphaned passages" in text and "anti-ship missiles" in text
        await pilot.press("d", "y")
        await settle(pilot)
        assert "1 orphaned passage:" in screen_text(pilot.app)
        assert len(Annotations(tagged).orphans()) == 1


async def test_enter_on_an_orphan_opens_its_article_near_where_the_words_were(tagged):
    arms = tagged.get(article_id(tagged, ARMS.title))
    tagged.save(dataclasses.replace(arms, blocks=(Block("paragraph", "The State Department approved a package."), *arms.blocks[1:])))
    async with CuttingsApp(tagged).run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await run_command(pilot, "Orphaned passages")
        await settle(pilot)
        assert isinstance(pilot.app.screen, OrphansScreen)
        await pilot.press("enter")
        await settle(pilot)
        reading = pilot.app.reading
        assert pilot.app.screen is reading and pilot.app.focused is reading.reader
        assert reading.open_id == arms.id
        assert reading.reader.cursor.block == 0


async def test_a_passage_chosen_in_the_tags_screen_over_the_search_screen_shows_in_the_reader(tagged):
    async with CuttingsApp(tagged).run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await run_command(pilot, "All tags")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TagsScreen)
        await pilot.press("down", "down", "down", "enter", "enter")  # taiwan/arms, its passage
        await settle(pilot)
        reading = pilot.app.reading
        assert pilot.app.screen is reading  # not the search screen it was opened from
        assert reading.reader.passage[1] == "anti-ship missiles"
