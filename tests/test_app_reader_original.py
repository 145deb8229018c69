"""The reader's header shows the article's original address and O opens it in the browser;
n/N say which search hit the cursor is on."""

from __future__ import annotations

import dataclasses
import webbrowser

import pytest

from index import open_index
from tui.app import CuttingsApp
from tui.reader import Reader

from .app_support import ARTICLES, make_library, screen_text, wait_for

URL = "https://example.org/2022/10/chip-rules"


def status(app) -> str:
    return str(app.screen.query_one("#reader-status").render())


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """What the app asked the system's browser to open."""
    calls: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **kw: calls.append(url) or True)
    return calls


def library_with(tmp_path, url: str):
    first = dataclasses.replace(ARTICLES[0], url=url)
    return make_library(tmp_path / "lib", [first, *ARTICLES[1:]])


async def open_first(pilot, app, title: str) -> Reader:
    await pilot.press("G", "enter")  # the oldest article: the chip rules
    reader = app.screen.query_one(Reader)
    await wait_for(pilot, lambda: reader.article is not None and reader.article.title == title)
    await pilot.pause()
    return reader


@pytest.mark.parametrize("size", [(80, 24), (140, 40)])
async def test_the_address_is_in_the_header_and_shift_o_opens_it(tmp_path, opened, size):
    app = CuttingsApp(library_with(tmp_path, URL))
    async with app.run_test(size=size) as pilot:
        await open_first(pilot, app, ARTICLES[0].title)
        lines = screen_text(app).splitlines()
        meta = next(i for i, line in enumerate(lines) if "2022-10-07 · Pacific Ledger" in line)
        assert "example.org/2022/10/" in lines[meta + 1]  # under the date and source
        await pilot.press("O")
        await pilot.pause()
        assert opened == [URL]
        assert any(URL in str(n.message) for n in app._notifications)


async def test_no_address_or_one_that_is_not_the_web_is_not_opened(tmp_path, opened):
    app = CuttingsApp(library_with(tmp_path, ""))
    async with app.run_test(size=(140, 40)) as pilot:
        await open_first(pilot, app, ARTICLES[0].title)
        await pilot.press("O")
        await pilot.pause()
        assert opened == []
        assert [str(n.message) for n in app._notifications] == ["This article has no original address"]

    app = CuttingsApp(library_with(tmp_path / "other", "file:///etc/passwd"))
    async with app.run_test(size=(140, 40)) as pilot:
        await open_first(pilot, app, ARTICLES[0].title)
        await pilot.press("O")
        await pilot.pause()
        assert opened == []
        assert [str(n.message) for n in app._notifications] == ["file:///etc/passwd: not an http or https address, not opened"]


async def test_the_palette_opens_the_original_too(tmp_path, opened):
    app = CuttingsApp(library_with(tmp_path, URL))
    async with app.run_test(size=(140, 40)) as pilot:
        await open_first(pilot, app, ARTICLES[0].title)
        await pilot.press("ctrl+p", *"open the original", "enter")
        await wait_for(pilot, lambda: opened)
        assert opened == [URL]


async def test_n_and_shift_n_say_which_hit_the_cursor_is_on(tmp_path):
    library = make_library(tmp_path / "lib")
    open_index(library).close()
    app = CuttingsApp(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"controls")
        await wait_for(pilot, lambda: getattr(app.screen, "shown", None) == "controls")
        await pilot.press("enter")
        reader = app.screen.query_one(Reader)
        await wait_for(pilot, lambda: reader.cursor is not None)
        await pilot.pause()
        blocks = reader.article.blocks
        count = sum(b.text.lower().count("controls") for b in blocks)
        assert count == 2
        number = 1 + [(s.block, s.start) for s in reader.marks.hits()].index((reader.cursor.block, reader.cursor.start))
        assert f"hit {number} of {count}" in status(app)
        await pilot.press("n" if number == 1 else "N")
        await pilot.pause()
        assert f"hit {3 - number} of {count}" in status(app)


async def test_without_a_browser_the_notice_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **kw: False)
    app = CuttingsApp(library_with(tmp_path, URL))
    async with app.run_test(size=(140, 40)) as pilot:
        await open_first(pilot, app, ARTICLES[0].title)
        await pilot.press("O")
        await pilot.pause()
        assert [str(n.message) for n in app._notifications] == [f"No browser found to open {URL} (the BROWSER variable can name one)"]
