"""The config file in the running app: remapped keys work, a bad file warns and changes nothing."""

from __future__ import annotations

import pytest

from tests.app_support import make_library
from tests.app_driving import record_notifications
from tui.app import CuttingsApp
from tui.config import config_path
from tui.screens.help import HelpScreen
from tui.screens.search import SearchScreen


def write_config(text: str) -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def make_app(tmp_path) -> CuttingsApp:
    app = CuttingsApp(make_library(tmp_path / "lib"))
    app.seen = record_notifications(app)
    return app


def warnings_of(app) -> list[str]:
    return [message for kind, message in app.seen if kind == "warning"]


async def test_remapped_key_runs_the_action_and_the_old_key_does_not(tmp_path):
    write_config("theme: nord\nkeys:\n  app.search: ctrl+f\n  reading.next_article: ctrl+n\n")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == "nord" and warnings_of(app) == []
        await pilot.press("slash")
        assert app.screen is app.reading
        await pilot.press("ctrl+f")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("escape", "question_mark")
        rows = {row.binding_id: row.keys for _, rows in app.screen.sections for row in rows}
        assert isinstance(app.screen, HelpScreen)
        assert rows["app.search"] == "^f" and rows["reading.next_article"] == "^n"


async def test_broken_yaml_warns_in_one_line_and_keeps_the_defaults(tmp_path):
    write_config("keys:\n  app.search: [ctrl+f\ntheme: nord\n")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        (warning,) = warnings_of(app)
        assert str(config_path()) in warning and "YAML" in warning and "\n" not in warning
        assert app.theme != "nord"
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)


async def test_unknown_action_and_wrong_type_warn_and_the_rest_applies(tmp_path):
    write_config("keys:\n  app.serach: ctrl+f\n  app.help: 12\n  app.quit: ctrl+q\n")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        warnings = warnings_of(app)
        assert len(warnings) == 2
        assert any("'app.serach'" in w for w in warnings) and any("'app.help'" in w for w in warnings)
        await pilot.press("question_mark")  # help keeps its default key
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "q")  # q was remapped away: the app keeps running
        assert app.is_running
        await pilot.press("ctrl+q")
    assert not app.is_running


@pytest.fixture
def settles_fast(monkeypatch):
    monkeypatch.setattr("tui.config.THEME_SETTLED", 0.05)


async def app_after_picking(tmp_path, config: str, theme: str) -> CuttingsApp:
    """Start the app on this config file, pick a theme in the theme picker, and quit."""
    write_config(config)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_change_theme()
        await pilot.pause()
        await pilot.press(*theme, "enter")
        await pilot.pause(0.3)  # longer than THEME_SETTLED
    return app


async def test_a_picked_theme_is_saved_with_the_users_comments_and_used_next_time(tmp_path, settles_fast):
    config = "# my settings\nkeys:\n  app.search: ctrl+f   # muscle memory from browsers\ntheme: nord\n"
    app = await app_after_picking(tmp_path, config, "gruvbox")
    assert app.theme == "gruvbox" and warnings_of(app) == []
    assert config_path().read_text() == config.replace("nord", "gruvbox")
    again = make_app(tmp_path)
    async with again.run_test(size=(80, 24)):
        assert again.theme == "gruvbox"


async def test_starting_or_leaving_the_theme_picker_writes_no_config(tmp_path, settles_fast):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_change_theme()
        await pilot.pause()
        await pilot.press("down", "down", "escape")
        await pilot.pause(0.3)
    assert not config_path().exists()


@pytest.mark.parametrize("config", ["keys: [unclosed\n", "theme: nord\ntheme: gruvbox\n"])
async def test_a_theme_is_not_saved_over_a_config_it_cannot_keep(tmp_path, settles_fast, config):
    app = await app_after_picking(tmp_path, config, "dracula")
    assert app.theme == "dracula"
    assert any("the theme was not saved" in w and "\n" not in w for w in warnings_of(app))
    assert config_path().read_text() == config
