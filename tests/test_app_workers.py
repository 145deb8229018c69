"""Import and reindex run in the background: progress shows, keys keep working, bad files are named."""

from __future__ import annotations

import re

import pytest

from library.fileio import file_lock
from tests.app_support import make_library, screen_text, wait_for
from tests.app_driving import record_notifications, run_command
from tui.app import CuttingsApp
from tui.screens.path_prompt import PathPrompt
from tui.workers import JobProgress, start_import, start_reindex

NEW_ARTICLE = """---
title: Raimondo visits Beijing
date: 2023-08-28
source: Harbour Review
---

Gina Raimondo arrived in Beijing for talks on trade and chip controls with her counterpart.
"""


def notes(app, severity: str) -> list[str]:
    return [message for kind, message in app.seen if kind == severity]


def make_app(library) -> CuttingsApp:
    app = CuttingsApp(library)
    app.seen = record_notifications(app)
    return app


@pytest.fixture
def drop(tmp_path):
    """A folder as a user might pick: one good article, one binary file with an article suffix."""
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "raimondo.md").write_text(NEW_ARTICLE, encoding="utf-8")
    (folder / "broken.md").write_bytes(b"\x00\x01\x02\xff" * 64)
    return folder


@pytest.mark.parametrize("size", [(80, 24), (140, 40)])
async def test_import_shows_progress_keeps_keys_working_and_names_the_bad_file(tmp_path, drop, size):
    library = make_library(tmp_path / "lib")
    app = make_app(library)
    async with app.run_test(size=size) as pilot:
        listing = app.reading.article_list
        with file_lock(library.root / ".lock"):  # another writer holds the library for a moment
            worker = start_import(app, library, [drop])
            await wait_for(pilot, lambda: re.search(r"Importing [01]/2", screen_text(app)))
            await pilot.press("j")  # the UI answers while the import waits
            assert listing.cursor == 1
        await worker.wait()
        await pilot.pause()
        assert not app.query(JobProgress)
        (error,) = notes(app, "error")
        assert str(drop / "broken.md") in error and "\n" not in error
        assert any("1 imported" in n and "1 failed" in n for n in notes(app, "information"))
        assert "Raimondo visits Beijing" in [e.title for e in listing.rows]
        assert listing.current.title == "Balloon shot down off South Carolina"  # the cursor stayed put


async def test_imported_article_is_found_by_search(tmp_path, drop):
    library = make_library(tmp_path / "lib")
    app = make_app(library)
    async with app.run_test(size=(140, 40)) as pilot:
        from index import open_index

        open_index(library).close()
        await (start_import(app, library, [drop / "raimondo.md"])).wait()
        await pilot.press("slash", *"Raimondo")
        screen = app.screen
        await wait_for(pilot, lambda: screen.shown == "Raimondo")
        assert "Raimondo visits Beijing" in [h.title for h in screen.result.hits]


async def test_import_through_the_palette_path_prompt(tmp_path, drop):
    app = make_app(make_library(tmp_path / "lib"))
    async with app.run_test(size=(140, 40)) as pilot:
        await run_command(pilot, "import a file")
        await wait_for(pilot, lambda: isinstance(app.screen, PathPrompt))
        await pilot.press(*str(tmp_path / "nowhere"), "enter")
        assert "No such file or folder" in screen_text(app)
        app.screen.query_one("Input").value = str(drop)
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Raimondo visits Beijing" in [e.title for e in app.reading.article_list.rows])
        assert any("broken.md" in n for n in notes(app, "error"))


async def test_second_job_of_a_kind_is_refused_and_reindex_reports(tmp_path):
    library = make_library(tmp_path / "lib")
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        worker = start_reindex(app, library)
        assert start_reindex(app, library) is None
        await pilot.pause()
        assert any("already running" in n for n in notes(app, "information"))
        await worker.wait()
        await pilot.pause()
        assert any("rebuilt: 3 articles" in n for n in notes(app, "information"))


@pytest.mark.parametrize("fails", [False, True])
async def test_reindex_from_the_app_runs_worker_processes_and_reports_a_failure(tmp_path, monkeypatch, fails):
    from index import writer as index_writer
    from index.documents import DocumentMaker

    monkeypatch.setattr(index_writer, "PARALLEL_FROM", 1)
    monkeypatch.setattr(index_writer.os, "cpu_count", lambda: 2)
    if fails:
        monkeypatch.setattr(DocumentMaker, "document", lambda self, article: 1 / 0)
    library = make_library(tmp_path / "lib")
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        worker = start_reindex(app, library)
        await worker.wait()
        await pilot.pause()
        if fails:
            assert any(n.startswith("Reindexing stopped: ZeroDivisionError") for n in notes(app, "error"))
        else:
            assert any("rebuilt: 3 articles" in n for n in notes(app, "information"))
        await pilot.press("j")  # the app still answers keys
        assert app.reading.article_list.cursor == 1


async def test_background_work_that_fails_is_one_line_and_the_app_keeps_running(tmp_path, monkeypatch):
    """Counting the library's issues trips over something unforeseen: one error notice naming
    the problem (it used to end the app with a traceback), and the keys keep working."""
    def broken(*args, **kwargs):
        raise RuntimeError("the analysis cache is unreadable\nsecond line")

    monkeypatch.setattr("tui.screens.overview.issue_totals", broken)
    app = make_app(make_library(tmp_path / "lib"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("I")
        await wait_for(pilot, lambda: notes(app, "error"))
        assert notes(app, "error") == ["Counting the library stopped (RuntimeError: the analysis cache is unreadable)"]
        await pilot.press("escape", "slash")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "SearchScreen")


@pytest.mark.parametrize("counter, opened, line", [
    ("library.beat.trends.trends", lambda app: app.action_trends(), "Counting the trends stopped"),
    ("library.beat.entity_page.entity_page", lambda app: app.action_entity_page("Taiwan"), "Counting the entity page stopped"),
])
async def test_the_beat_screens_tell_a_failed_count_in_one_line(tmp_path, monkeypatch, counter, opened, line):
    """The trends and entity pages count in workers too: a count that fails is one error
    notice (it used to end the app), and the keys keep working."""
    def broken(*args, **kwargs):
        raise RuntimeError("the analysis cache is unreadable")

    monkeypatch.setattr(counter, broken)
    app = make_app(make_library(tmp_path / "lib"))
    async with app.run_test(size=(120, 40)) as pilot:
        opened(app)
        await wait_for(pilot, lambda: notes(app, "error"))
        assert notes(app, "error") == [f"{line} (RuntimeError: the analysis cache is unreadable)"]
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is app.reading)
