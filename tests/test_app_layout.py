"""Terminal sizes: three panes from 120 columns, a sidebar toggle from 80, one pane below 80."""

from tui.app import CuttingsApp
from tui.widgets.article_list import ArticleList
from tui.reader import Reader

from .app_support import make_library, screen_text


def shown(app, selector: str) -> bool:
    widget = app.screen.query_one(selector)
    return widget.display and widget.region.width > 0


async def test_wide_terminal_shows_list_reader_and_sidebar(tmp_path):
    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert all(shown(app, s) for s in ("#list-pane", "#reader-pane", "#sidebar"))
        text = screen_text(app)
        assert "Issues" in text and "Entities" in text and "Blinken meets" in text


async def test_at_80_columns_the_sidebar_takes_the_lists_place_when_wanted(tmp_path):
    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert shown(app, "#list-pane") and shown(app, "#reader-pane")
        assert not shown(app, "#sidebar")
        await pilot.press("i")
        await pilot.pause()
        assert shown(app, "#sidebar") and shown(app, "#reader-pane") and not shown(app, "#list-pane")
        assert "Issues" in screen_text(app)
        assert app.screen.query_one(Reader).region.width >= 40  # the reader keeps a readable width
        await pilot.press("i")
        await pilot.pause()
        assert not shown(app, "#sidebar") and shown(app, "#list-pane")
        assert isinstance(app.focused, Reader)
        await pilot.press("tab")  # tab reaches the sidebar too, and then the list again
        await pilot.pause()
        assert shown(app, "#sidebar") and not shown(app, "#list-pane")
        await pilot.press("tab")
        await pilot.pause()
        assert shown(app, "#list-pane") and not shown(app, "#sidebar")
        assert isinstance(app.focused, ArticleList)


async def test_below_80_columns_one_pane_at_a_time_and_tab_switches(tmp_path):
    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert shown(app, "#list-pane") and not shown(app, "#reader-pane")
        await pilot.press("j", "enter")
        await pilot.pause()
        assert shown(app, "#reader-pane") and not shown(app, "#list-pane")
        assert "fighter jet" in screen_text(app)
        await pilot.press("tab")
        await pilot.pause()
        assert shown(app, "#sidebar") and not shown(app, "#reader-pane")
        await pilot.press("tab")
        await pilot.pause()
        assert shown(app, "#list-pane") and isinstance(app.focused, ArticleList)
        await pilot.press("shift+tab")
        await pilot.pause()
        assert shown(app, "#sidebar")


async def test_tab_moves_between_panes_and_resizing_keeps_working(tmp_path):
    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("tab")
        assert isinstance(app.focused, Reader)
        await pilot.press("tab")
        assert app.focused.id in ("issue-options", "entity-options")
        await pilot.press("tab")
        assert isinstance(app.focused, ArticleList)
        await pilot.resize_terminal(70, 20)
        await pilot.pause()
        assert shown(app, "#list-pane") and not shown(app, "#sidebar")
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert shown(app, "#list-pane") and shown(app, "#reader-pane") and not shown(app, "#sidebar")
