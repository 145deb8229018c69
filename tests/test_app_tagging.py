"""Tagging in the reader, as a user does it: select with the passage cursor, tag, undo, remove.

Every check reads the tags back from the files on disk through a fresh `Annotations`.
"""

from __future__ import annotations

import asyncio
import time

import pytest

from library.annotations import Annotations
from library.model import Block
from library.store import Library
from tests.app_driving import record_notifications
from tests.app_support import screen_text, wait_for
from tests.conftest import make_article
from tui.app import CuttingsApp
from tui.tagging.picker import TagPicker

ARMS = make_article(
    "Taiwan arms package approved",
    blocks=(
        Block("paragraph", "The State Department approved a new arms package for Taiwan on Tuesday. "
              "It includes anti-ship missiles and radar. Beijing protested within hours."),
        Block("paragraph", "Analysts said the sale was smaller than expected. Congress had pushed for faster deliveries."),
        Block("heading", "Reaction"),
        Block("quote", "We oppose any arms sales to the island, a foreign ministry spokesman said."),
    ),
)
EU = make_article(
    "Brussels weighs de-risking",
    date=ARMS.date.replace(year=2021),
    blocks=(
        Block("paragraph", "European officials discussed de-risking supply chains. They named batteries and solar panels."),
        Block("paragraph", "Germany was cautious about new tariffs."),
    ),
)


@pytest.fixture
def lib(tmp_path) -> Library:
    library = Library(tmp_path / "lib").ensure()
    for article in (ARMS, EU):
        library.add(article)
    return library


def article_id(lib: Library, title: str) -> str:
    return next(e.id for e in lib.entries() if e.title == title)


def on_disk(lib: Library, title: str = ARMS.title):
    """The article's passages as a fresh reader of the tag file sees them."""
    return Annotations(Library(lib.root)).for_article(article_id(lib, title))


async def settle(pilot) -> None:
    """Let queued tag writes reach the disk and their results reach the screen."""
    await wait_for(pilot, lambda: pilot.app.tagging.pending == 0)
    await pilot.pause()


async def open_article(pilot, lib: Library, title: str = ARMS.title) -> None:
    app = pilot.app
    await pilot.pause()
    app.reading.article_list.select_id(article_id(lib, title))
    await pilot.press("enter")
    await settle(pilot)
    assert app.focused is app.reading.reader


async def tag_with_keys(pilot, keys, tag: str) -> None:
    await pilot.press(*keys, "t")
    assert isinstance(pilot.app.screen, TagPicker)
    await pilot.press(*tag, "enter")
    await settle(pilot)


async def test_selection_by_sentence_tagged_with_a_typed_tag(lib):
    async with CuttingsApp(lib).run_test(size=(80, 24)) as pilot:
        await open_article(pilot, lib)
        # the second and third sentence of the first paragraph
        await pilot.press(")", ")", "v", ")", "t")
        assert "Selected 11 words" in screen_text(pilot.app) or isinstance(pilot.app.screen, TagPicker)
        await pilot.press(*"taiwan/arms-sales", "enter")
        await settle(pilot)
        [passage] = on_disk(lib)
        assert passage.tags == ("taiwan/arms-sales",)
        assert passage.quote == "It includes anti-ship missiles and radar. Beijing protested within hours."
        assert (passage.anchor.block, passage.anchor.start) == (0, ARMS.blocks[0].text.index("It includes"))
        assert "# taiwan/arms-sales" in screen_text(pilot.app)  # the status line names the tag


async def test_escape_cancels_a_selection_and_a_selection_spans_two_blocks(lib):
    async with CuttingsApp(lib).run_test(size=(140, 40)) as pilot:
        await open_article(pilot, lib)
        await pilot.press(")", "v", ")", "escape")
        assert pilot.app.tagging.selection.range is None and "Selected" not in screen_text(pilot.app)
        await pilot.press(")", "v", ")", ")")
        await tag_with_keys(pilot, [], "reaction")
        [passage] = on_disk(lib)
        assert (passage.anchor.block, passage.anchor.last_block) == (0, 1)
        assert passage.quote == (
            "Beijing protested within hours.\nAnalysts said the sale was smaller than expected. "
            "Congress had pushed for faster deliveries.")


async def test_without_a_selection_t_tags_what_the_cursor_is_on(lib):
    async with CuttingsApp(lib).run_test(size=(140, 40)) as pilot:
        await open_article(pilot, lib)
        await tag_with_keys(pilot, ["}"], "whole-block")
        await tag_with_keys(pilot, ["}", "v", "}"], "two-blocks")  # block moves extend a selection
        reader = pilot.app.reading.reader
        reader.set_terms(["radar"])  # a search hit: its sentence is tagged
        reader.goto_term(0)
        await tag_with_keys(pilot, [], "defence")
        passages = {p.tags[0]: p for p in on_disk(lib)}
        assert passages["whole-block"].quote == ARMS.blocks[0].text
        assert passages["two-blocks"].quote == ARMS.blocks[1].text + "\n" + ARMS.blocks[2].text
        assert passages["defence"].quote == "It includes anti-ship missiles and radar."


async def test_quick_tags_apply_recent_tags_in_one_key(lib):
    async with CuttingsApp(lib).run_test(size=(140, 40)) as pilot:
        await open_article(pilot, lib)
        await tag_with_keys(pilot, [")"], "beijing")
        await tag_with_keys(pilot, [")"], "weapons")
        await pilot.press(")", "2")  # 1 = weapons (newest), 2 = beijing
        await settle(pilot)
        await pilot.press("9")  # no ninth tag yet: a message, nothing saved
        await settle(pilot)
        quotes = {p.quote: p.tags for p in on_disk(lib)}
        assert quotes["Beijing protested within hours."] == ("beijing",)
        assert len(quotes) == 3


async def test_several_tags_and_a_note(lib):
    async with CuttingsApp(lib).run_test(size=(80, 24)) as pilot:
        await open_article(pilot, lib)
        await pilot.press(")", "t", *"taiwan, us/congress", "tab")
        assert pilot.app.focused.id == "tag-note"
        await pilot.press(*"check the delivery dates", "enter")
        await settle(pilot)
        [passage] = on_disk(lib)
        assert passage.tags == ("taiwan", "us/congress")
        assert passage.note == "check the delivery dates"
        await pilot.press(")", "(")  # off the passage and back onto it: its tags and note show
        status = screen_text(pilot.app).splitlines()[-2]
        assert "# taiwan, us/congress" in status and "check the delivery" in status


async def test_fuzzy_suggestion_completes_an_existing_tag(lib):
    async with CuttingsApp(lib).run_test(size=(140, 40)) as pilot:
        await open_article(pilot, lib)
        await tag_with_keys(pilot, [")"], "trade/de-risking")
        await pilot.press(")", "t", *"drisk")
        assert "trade/de-risking" in screen_text(pilot.app)
        await pilot.press("tab", "enter")
        await settle(pilot)
        assert [p.tags for p in on_disk(lib)] == [("trade/de-risking",), ("trade/de-risking",)]


async def test_invalid_tag_name_gets_a_message_and_nothing_is_saved(lib):
    async with CuttingsApp(lib).run_test(size=(80, 24)) as pilot:
        await open_article(pilot, lib)
        await pilot.press(")", "t", *"trade/", "enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TagPicker)
        assert "must not start or end with '/'" in screen_text(pilot.app)
        await pilot.press("escape")
        await settle(pilot)
        assert on_disk(lib) == []


async def test_undo_and_redo_reach_the_disk(lib):
    async with CuttingsApp(lib).run_test(size=(140, 40)) as pilot:
        await open_article(pilot, lib)
        await tag_with_keys(pilot, [")"], "first")
        await tag_with_keys(pilot, [], "second")  # the same passage gets a second tag
        assert [p.tags for p in on_disk(lib)] == [("first", "second")]
        await pilot.press("u")
        await settle(pilot)
        assert [p.tags for p in on_disk(lib)] == [("first",)]
        await pilot.press("u")
        await settle(pilot)
        assert on_disk(lib) == []
        await pilot.press("ctrl+r", "ctrl+r")
        await settle(pilot)
        assert [p.tags for p in on_disk(lib)] == [("first", "second")]


async def test_d_removes_a_tag_only_after_confirming(lib):
    async with CuttingsApp(lib).run_test(size=(80, 24)) as pilot:
        await open_article(pilot, lib)
        await pilot.press(")", "t", *"keep, drop", "enter")
        await settle(pilot)
        await pilot.press("d", "escape")  # changed its mind
        await settle(pilot)
        assert [p.tags for p in on_disk(lib)] == [("keep", "drop")]
        await pilot.press("d", "down", "enter")  # the second option: the tag "drop"
        await settle(pilot)
        assert [p.tags for p in on_disk(lib)] == [("keep",)]
        await pilot.press("d", "y")
        await settle(pilot)
        assert on_disk(lib) == []


async def test_mouse_selection_tags_exactly_the_dragged_words(lib):
    async with CuttingsApp(lib).run_test(size=(140, 40)) as pilot:
        await open_article(pilot, lib)
        reader = pilot.app.reading.reader
        text = ARMS.blocks[0].text
        row = next(i for i, line in enumerate(screen_text(pilot.app).splitlines()) if "The State Department" in line)
        column = screen_text(pilot.app).splitlines()[row].index("State Department")
        y = row - reader.region.y
        x = column - reader.region.x
        await pilot.mouse_down(reader, offset=(x, y))
        await pilot.hover(reader, offset=(x + len("State Department") - 1, y))
        await pilot.mouse_up(reader, offset=(x + len("State Department") - 1, y))
        await pilot.pause()
        assert pilot.app.tagging.selection.range is not None
        await tag_with_keys(pilot, [], "us/state-department")
        [passage] = on_disk(lib)
        assert passage.quote == "State Department"
        assert passage.anchor.start == text.index("State Department")


async def test_a_tag_confirmed_just_before_quitting_is_saved(lib):
    async with CuttingsApp(lib).run_test(size=(140, 40)) as pilot:
        await open_article(pilot, lib)
        await tag_with_keys(pilot, [")"], "first")
        await pilot.press(")", "1", "q")  # no pause between the quick tag and quitting
    deadline = time.monotonic() + 10
    while len(on_disk(lib)) < 2 and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    assert [p.tags for p in on_disk(lib)] == [("first",), ("first",)]


async def test_ctrl_c_copies_the_selection_and_says_so(lib):
    async with CuttingsApp(lib).run_test(size=(80, 24)) as pilot:
        seen = record_notifications(pilot.app)
        await open_article(pilot, lib)
        await pilot.press(")", ")", "v", ")", "ctrl+c")
        await pilot.pause()
        assert pilot.app.clipboard == "It includes anti-ship missiles and radar. Beijing protested within hours."
        assert ("information", "Copied 10 words to the clipboard") in seen
        assert not any("quit" in message.lower() for _, message in seen)
        await pilot.press("escape", "ctrl+c")  # nothing selected: ctrl+c means what it always meant
        await pilot.pause()
        assert any("quit" in message.lower() for _, message in seen)


async def test_a_bad_passage_in_the_tag_file_is_one_warning_and_the_others_are_shown(lib):
    annotations = Annotations(lib)
    arms = article_id(lib, ARMS.title)
    for quote, tag in (("anti-ship missiles", "defence"), ("radar", "sensors")):
        annotations.add_by_quote(arms, quote, [tag])
    path = lib.root / "annotations" / f"{arms}.yaml"
    path.write_text(path.read_text().replace("  start:", "  start: many #", 1))
    damaged = path.read_bytes()
    app = CuttingsApp(lib)
    seen = record_notifications(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_article(pilot, lib)
        assert len(app.tagging.article.passages) == 1
        (warning,) = [message for kind, message in seen if kind == "warning"]
        assert str(path) in warning and "malformed" in warning
    assert path.read_bytes() == damaged and not list(path.parent.glob("*.corrupt-*"))
