"""ctrl+p: the library's commands, found by typing part of their name, and what they do."""

from __future__ import annotations

import pytest
from textual.command import CommandList

from library.annotations import Annotations
from tests.app_support import make_library, screen_text, wait_for
from tests.app_driving import record_notifications, run_command
from tui.app import CuttingsApp
from tui.screens.path_prompt import PathCompleter
from tui.reader import Reader


@pytest.fixture
def app(tmp_path):
    library = make_library(tmp_path / "lib")
    blinken = next(e.id for e in library.entries() if e.title.startswith("Blinken"))
    Annotations(library).add(blinken, 1, 0, 26, ["quote"])
    app = CuttingsApp(library)
    app.seen = record_notifications(app)
    return app


def titles(app) -> list[str]:
    return [e.title for e in app.reading.article_list.rows]


@pytest.mark.parametrize("size", [(80, 24), (140, 40)])
async def test_filter_by_source_and_clear(app, size):
    async with app.run_test(size=size) as pilot:
        await run_command(pilot, "source: harbour", "source: harbour review")
        assert titles(app) == ["Blinken meets Xi in Beijing"]
        assert "source: Harbour Review" in app.sub_title
        await run_command(pilot, "clear the filter")
        assert len(titles(app)) == 3


async def test_filter_by_issue_and_entity_once_analysed(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_for(pilot, lambda: len(app.facts.known) == 3)
        await run_command(pilot, "issue: technology and export", "issue: technology and export controls")
        assert titles(app) == ["Washington tightens chip export controls"]
        await run_command(pilot, "entity: wang yi")
        assert titles(app) == ["Blinken meets Xi in Beijing"]
        assert "entity: Wang Yi" in screen_text(app)


async def test_filter_by_passage_tag(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await run_command(pilot, "tag: quote")
        assert titles(app) == ["Blinken meets Xi in Beijing"]


async def test_toggle_highlights_theme_and_library_folder(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await run_command(pilot, "toggle entity highlights")
        assert app.query_one(Reader).highlights is False
        await run_command(pilot, "show the library folder")
        assert any(str(app.library.root) in message for _, message in app.seen)
        await run_command(pilot, "switch theme")
        await pilot.press(*"nord")
        themes = app.screen.query_one(CommandList)
        await wait_for(pilot, lambda: themes.highlighted_option and themes.highlighted_option.hit.text == "nord")
        await pilot.press("enter")
        assert app.theme == "nord"


async def test_reindex_from_the_palette_reports_when_done(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await run_command(pilot, "reindex")
        await wait_for(pilot, lambda: any("rebuilt: 3 articles" in m for _, m in app.seen))


async def test_import_prompt_completes_paths_from_the_file_system(tmp_path):
    (tmp_path / "feeds").mkdir()
    (tmp_path / "notes.md").write_text("x")
    complete = PathCompleter().get_suggestion
    assert await complete(f"{tmp_path}/fe") == f"{tmp_path}/feeds/"
    assert await complete(f"{tmp_path}/no") == f"{tmp_path}/notes.md"
    assert await complete(f"{tmp_path}/zz") is None
