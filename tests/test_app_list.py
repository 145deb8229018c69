"""The article list: titles, opening, moving between articles, stars and read marks, sorting."""

import pytest

from library.store import Library
from tui.app import CuttingsApp
from tui.widgets.article_list import ArticleList
from tui.reader import Reader

from .app_support import MARKUP_ARTICLE, list_line, list_rows, make_library, screen_text, wait_for

SIZES = [(80, 24), (140, 40)]


@pytest.mark.parametrize("size", SIZES)
async def test_the_list_shows_titles_newest_first(tmp_path, size):
    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        rows = list_rows(app)
        assert len(rows) == 3
        assert "Blinken meets" in rows[0] and "Balloon shot" in rows[1] and "Washington tigh" in rows[2]
        assert all(row.startswith("●") for row in rows)  # all unread
        assert "3 articles" in screen_text(app)


@pytest.mark.parametrize("size", SIZES)
async def test_j_then_enter_reads_the_second_article(tmp_path, size):
    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=size) as pilot:
        await pilot.press("j", "enter")
        await pilot.pause()
        assert "fighter jet shot down the Chinese balloon" in screen_text(app)
        assert isinstance(app.focused, Reader)


async def test_J_and_K_step_through_articles_from_the_reader(tmp_path):
    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert "Antony Blinken met Xi Jinping" in screen_text(app)
        await pilot.press("J")
        await pilot.pause()
        assert "fighter jet" in screen_text(app)
        await pilot.press("J", "K")
        await pilot.pause()
        assert "fighter jet" in screen_text(app)


async def test_star_and_read_marks_survive_a_restart(tmp_path):
    library = make_library(tmp_path / "lib")
    app = CuttingsApp(library)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("j", "s")  # star the balloon article
        await pilot.press("k", "enter")  # read the Blinken one
        await pilot.pause()
    assert (library.root / "state.json").exists()

    again = CuttingsApp(Library(library.root))
    async with again.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        blinken, balloon, chips = (list_line(again, t) for t in ("Blinken meets", "Balloon shot", "Washington tigh"))
        assert "★" in balloon and "★" not in blinken
        assert "●" not in blinken  # read
        assert "●" in chips  # never opened: still unread


async def test_u_marks_unread_again(tmp_path):
    library = make_library(tmp_path / "lib")
    app = CuttingsApp(library)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("enter", "shift+tab", "u")
        await pilot.pause()
        line = list_line(app, "Blinken meets")
        assert "●" in line
        assert not app.readstate.is_read(app.query_one(ArticleList).current.id)


async def test_o_sorts_by_title_then_source(tmp_path):
    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("o", "o")  # date added, then title
        await pilot.pause()
        text = "\n".join(list_rows(app))
        assert text.index("Balloon shot") < text.index("Blinken meets") < text.index("Washington tigh")
        assert "by title" in screen_text(app)
        await pilot.press("o")
        await pilot.pause()
        text = "\n".join(list_rows(app))
        assert text.index("Harbour Review") < text.index("Pacific Ledger")


async def test_markup_and_escapes_in_articles_are_shown_literally(tmp_path):
    app = CuttingsApp(make_library(tmp_path / "lib", [MARKUP_ARTICLE]))
    async with app.run_test(size=(200, 40)) as pilot:  # each text on one line
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "Odd [bold]markup[/bold]" in text
        assert "[bold]fake bold[/bold]" in text
        assert "[link=https://example.com]a link[/link]" in text
        assert "\x1b" not in text and "\x07" not in text
        assert "[31mred" in text  # the escape's printable remainder, as plain text


async def test_an_empty_library_says_how_to_fill_it(tmp_path):
    app = CuttingsApp(Library(tmp_path / "empty").ensure())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "enter", "J")
        await pilot.pause()
        assert "0 articles" in screen_text(app)
        assert "cuttings import" in screen_text(app)


async def test_issue_marks_appear_as_the_library_is_analysed(tmp_path):
    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=(200, 40)) as pilot:  # a list wide enough for every mark
        await wait_for(pilot, lambda: len(app.facts.known) == 3)
        await pilot.pause()
        assert list_line(app, "Washington tigh").endswith("TE MS")  # Technology..., Military...
        assert list_line(app, "Blinken meets").endswith("DS")  # Diplomacy and summits
