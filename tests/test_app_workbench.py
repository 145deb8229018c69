"""The passage workbench and the codebook in the app, keys in, screen and files out."""

from __future__ import annotations

import csv

from library.annotations import Annotations
from library.annotations.codebook import read_memos, set_memo
from tests.app_support import screen_text, wait_for
from tests.test_app_tagging import ARMS, article_id, lib, settle  # noqa: F401  (lib is a fixture)
from tests.test_app_tagging_screens import tagged  # noqa: F401  (a fixture)
from tui.app import CuttingsApp
from tui.screens.codebook import CodebookScreen
from tui.screens.confirm import ConfirmScreen
from tui.screens.workbench import WorkbenchScreen


async def open_workbench(pilot) -> WorkbenchScreen:
    await pilot.pause()
    await pilot.press("P")
    screen = pilot.app.screen
    assert isinstance(screen, WorkbenchScreen)
    await shown(pilot)
    return screen


async def shown(pilot) -> None:
    """Wait for the list to follow the last filter, sort or edit."""
    screen = pilot.app.screen
    await settle(pilot)
    await wait_for(pilot, lambda: getattr(screen, "settled", True) and not any(
        w.group == "workbench-read" and not w.is_finished for w in pilot.app.workers))
    await settle(pilot)
    await wait_for(pilot, lambda: getattr(screen, "settled", True))
    await pilot.pause()


def tags_on_disk(lib) -> list[tuple]:
    return sorted(p.tags for p in Annotations(lib).all_passages())


async def test_every_passage_with_context_sorted_and_enter_reads_it(tagged):
    async with CuttingsApp(tagged).run_test(size=(140, 40)) as pilot:
        screen = await open_workbench(pilot)
        text = screen_text(pilot.app)
        assert "3 tagged passages · sorted by article date" in text
        assert "It includes anti-ship missiles and radar." in text  # the passage in its line of context
        assert "European officials discussed de-risking supply chains. They named batteries" in text
        assert [i.quote for i in screen.shown] == ["anti-ship missiles", "Beijing protested within hours.",
                                                   "discussed de-risking supply chains"]  # 2022 before 2021
        await pilot.press("s")  # by tag
        await shown(pilot)
        assert [i.quote for i in screen.shown] == ["Beijing protested within hours.", "discussed de-risking supply chains",
                                                   "anti-ship missiles"]
        assert "sorted by tag" in screen_text(pilot.app)
        await pilot.press("end", "enter")
        await settle(pilot)
        reading = pilot.app.reading
        assert pilot.app.screen is reading and reading.open_id == article_id(tagged, ARMS.title)
        assert reading.reader.passage[1] == "anti-ship missiles"


async def test_filter_by_query_tag_and_note_and_an_empty_result(tagged):
    async with CuttingsApp(tagged).run_test(size=(140, 40)) as pilot:
        screen = await open_workbench(pilot)

        async def filter_by(text: str) -> list[str]:
            await pilot.press("slash", "ctrl+u", *text, "enter")
            await shown(pilot)
            return [i.quote for i in screen.shown]

        assert await filter_by("tag:taiwan") == ["anti-ship missiles"]
        assert await filter_by("note:same") == ["Beijing protested within hours."]
        assert await filter_by("Germany") == ["discussed de-risking supply chains"]  # the search language
        assert await filter_by("tag:china Congress") == ["Beijing protested within hours."]
        assert await filter_by("tag:nothing-like-it") == []
        assert "Nothing matches this filter." in screen_text(pilot.app)
        await filter_by("date:2023-13")  # a query the index refuses: why, in the note
        assert "date:2023-13: " in screen_text(pilot.app)


async def test_a_rename_onto_an_existing_tag_asks_to_merge_with_the_count_and_undoes(tagged):
    async with CuttingsApp(tagged).run_test(size=(140, 40)) as pilot:
        await open_workbench(pilot)  # the first row: anti-ship missiles, taiwan/arms
        await pilot.press("r", "ctrl+u", *"china/reaction -> taiwan/arms", "enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ConfirmScreen)
        text = pilot.app.screen.question  # shown wrapped in the dialog
        assert "Merge 'china/reaction' into 'taiwan/arms' (1 passage already tagged 'taiwan/arms'):" in text
        assert "2 passages in 2 articles change" in text
        await pilot.press("n")
        await settle(pilot)
        assert ("taiwan/arms",) in tags_on_disk(tagged) and ("china/reaction",) in tags_on_disk(tagged)
        await pilot.press("r", "ctrl+u", *"china/reaction -> taiwan/arms", "enter")
        await settle(pilot)
        await pilot.press("y")
        await shown(pilot)
        assert tags_on_disk(tagged) == [("taiwan/arms",), ("taiwan/arms",), ("trade/de-risking", "taiwan/arms")]
        assert "china/reaction" not in screen_text(pilot.app)
        await pilot.press("u")
        await shown(pilot)
        assert tags_on_disk(tagged) == [("china/reaction",), ("taiwan/arms",), ("trade/de-risking", "china/reaction")]


async def test_edit_tags_in_place_and_export_what_is_shown(tagged, tmp_path):
    async with CuttingsApp(tagged).run_test(size=(140, 40)) as pilot:
        screen = await open_workbench(pilot)
        await pilot.press("t", "tab", *"check the count", "enter")  # the note of the first row
        await shown(pilot)
        assert "check the count" in screen_text(pilot.app)
        assert next(p.note for p in Annotations(tagged).all_passages() if p.quote == "anti-ship missiles") == "check the count"
        await pilot.press("slash", *"tag:china", "enter")
        await shown(pilot)
        assert len(screen.shown) == 2
        target = tmp_path / "shown.csv"
        await pilot.press("x", *str(target), "enter")
        await settle(pilot)
        rows = list(csv.DictReader(target.read_text(encoding="utf-8-sig").splitlines()))
        assert sorted(r["quote"] for r in rows if r["tag"] == "china/reaction") == [
            "Beijing protested within hours.", "discussed de-risking supply chains"]
        assert "anti-ship missiles" not in target.read_text()


async def test_evidence_passages_come_and_go_with_e(tagged):
    async with CuttingsApp(tagged).run_test(size=(140, 40)) as pilot:
        screen = await open_workbench(pilot)
        await pilot.press("e")
        await wait_for(pilot, lambda: any(i.passage is None for i in screen.shown), timeout=30)
        assert "evidence: Taiwan" in screen_text(pilot.app)
        await pilot.press("e")
        await wait_for(pilot, lambda: all(i.passage is not None for i in screen.shown), timeout=30)


async def test_codebook_shows_memos_literally_edits_them_and_pairs_tags(tagged):
    set_memo(tagged, "china/reaction", "[bold red]Beijing[/] answers \\n [link=x]here[/link]")
    async with CuttingsApp(tagged).run_test(size=(140, 40)) as pilot:
        await open_workbench(pilot)
        await pilot.press("c")
        screen = pilot.app.screen
        assert isinstance(screen, CodebookScreen)
        await shown(pilot)
        text = screen_text(pilot.app)
        assert "[bold red]Beijing[/] answers \\n [link=x]here[/link]" in text  # never read as markup
        assert "china/reaction" in text and "taiwan/arms" in text  # the pairs table
        await pilot.press("down", "m", "f7", *"Arms sales", "enter", *"[b]", "ctrl+s")  # china/reaction: replace its memo
        await shown(pilot)
        assert read_memos(tagged) == {"china/reaction": "Arms sales\n[b]"}
        assert "Arms sales" in screen_text(pilot.app)
        await pilot.press("i")
        await wait_for(pilot, lambda: screen.by == "issue" and "tag x issue" in screen_text(pilot.app), timeout=30)
