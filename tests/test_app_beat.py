"""The beat in the app: entity pages (from the reader, the Entities overview and the palette)
and issue trends, and the save keys that write what a view shows."""

from __future__ import annotations

import csv
import json

import pytest
import yaml

from tests.app_driving import record_notifications, run_command
from tests.app_support import make_library, screen_text, wait_for
from tui.app import CuttingsApp
from tui.screens.entity_page import EntityPageScreen
from tui.screens.trends import TrendsScreen
from tui.reader import Reader

SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def app(tmp_path):
    app = CuttingsApp(make_library(tmp_path / "lib"))
    app.seen = record_notifications(app)
    return app


def titles(app) -> list[str]:
    return [e.title for e in app.reading.article_list.rows]


def saved(app, suffix: str):
    """The one file a save key wrote, once the notification says where."""
    lines = [m for _, m in app.seen if m.startswith(f"Saved {suffix.upper()} to ")]
    assert len(lines) == 1
    path = lines[0].split(" to ", 1)[1]
    assert path.startswith(str(app.library.root / "exports")) and path.endswith(f".{suffix}")
    return open(path, encoding="utf-8").read()


async def entity_page_shown(pilot, app, name: str) -> None:
    await wait_for(pilot, lambda: isinstance(app.screen, EntityPageScreen) and app.screen.page is not None
                   and app.screen.page.name == name)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
async def test_p_in_the_reader_opens_the_page_of_the_entity_under_the_cursor(app, size):
    async with app.run_test(size=size) as pilot:
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.query_one(Reader).mentions)
        await pilot.press("m", "p")  # Antony Blinken
        await entity_page_shown(pilot, app, "Antony Blinken")
        shown = screen_text(app)
        assert "Antony Blinken  person · 2 articles" in shown and "also written Blinken" in shown
        assert "Articles by month, 2023-02 … 2023-06" in shown
        assert "Beijing" in shown and "2 of 3" in shown  # in both his articles, and in all three
        await pilot.press("s", "S")
        await wait_for(pilot, lambda: len([m for _, m in app.seen if m.startswith("Saved")]) == 2)
        table = list(csv.reader(saved(app, "csv").splitlines()))
        assert table[0][:2] == ["section", "name"] and ["entity", "Antony Blinken", "person"] == table[1][:3]
        assert [row[1] for row in table if row[0] == "article"] == ["Blinken meets Xi in Beijing", "Balloon shot down off South Carolina"]
        page = json.loads(saved(app, "json"))
        assert page["name"] == "Antony Blinken" and page["months"]["2023-06"] == {"articles": 1, "mentions": 2}


async def test_enter_on_the_page_opens_a_related_entity_then_an_article(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.query_one(Reader).mentions)
        await pilot.press("m", "p")
        await entity_page_shown(pilot, app, "Antony Blinken")
        await pilot.press("enter")  # the first of "Seen with": Beijing
        await entity_page_shown(pilot, app, "Beijing")
        await pilot.press("tab")  # its articles, newest first
        await pilot.press("j", "enter")
        await wait_for(pilot, lambda: app.screen is app.reading)
        assert app.reading.open_id == next(e.id for e in app.library.entries() if e.title.startswith("Balloon"))


async def test_f_on_the_page_filters_the_list_to_its_articles(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: len(app.facts.known) == 3)
        app.action_entity_page("blinken")
        await entity_page_shown(pilot, app, "Antony Blinken")
        await pilot.press("f")
        await wait_for(pilot, lambda: app.screen is app.reading)
        assert titles(app) == ["Blinken meets Xi in Beijing", "Balloon shot down off South Carolina"]


async def test_p_in_the_entities_overview_and_the_kind_and_spellings_editor(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("E")
        await wait_for(pilot, lambda: "entities in 3 articles" in screen_text(app))
        await pilot.press("p")  # the first row
        await wait_for(pilot, lambda: isinstance(app.screen, EntityPageScreen) and app.screen.page is not None)
        name = app.screen.page.name
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#entity-aliases").value = "The Capital"
        await pilot.press("down", "enter")  # "Add as organisation"
        await wait_for(pilot, lambda: "saved as organisation" in " ".join(m for _, m in app.seen))
        data = yaml.safe_load((app.library.root / "entities.yaml").read_text(encoding="utf-8"))
        entry = next(e for e in data["entities"] if e["name"] == name)
        assert entry["kind"] == "org" and "The Capital" in entry["aliases"]
        await wait_for(pilot, lambda: app.screen.page is not None and "The Capital" in app.screen.page.aliases)
        assert "organisation" in screen_text(app)


async def test_a_name_that_matches_nothing_says_so_and_offers_close_names(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await run_command(pilot, "entity page", "entity page…")
        await pilot.press(*"Antony Blinkn", "enter")
        await wait_for(pilot, lambda: "No entity named" in screen_text(app))
        assert "Did you mean “Antony Blinken”" in screen_text(app)
        await pilot.press("enter")
        await entity_page_shown(pilot, app, "Antony Blinken")


@pytest.mark.parametrize("size", SIZES)
async def test_trends_per_issue_then_outlets_and_a_period_lists_its_articles(app, size):
    async with app.run_test(size=size) as pilot:
        await pilot.press("V")
        await wait_for(pilot, lambda: isinstance(app.screen, TrendsScreen) and app.screen.rows)
        await pilot.pause()
        assert "Attention per issue, articles per month · period 2023-06" in screen_text(app)
        issue = app.screen._series()[app.screen._row_key()][0].label
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.issue is not None and app.screen.rows and app.screen.rows[0].source)
        await pilot.pause()
        assert "by outlet" in screen_text(app)
        period = app.screen.periods[app.screen.selected]
        source = app.screen.rows[0].source
        counted = sum(r.articles for r in app.screen.rows if r.period == period and r.source == source)
        await pilot.press("f")
        if counted:
            await wait_for(pilot, lambda: app.screen is app.reading)
            assert len(titles(app)) == counted and f"{issue} in {source}, {period}" in app.sub_title
        else:
            await wait_for(pilot, lambda: any(m.startswith("No articles on") for _, m in app.seen))


async def test_an_empty_period_says_so_and_keeps_the_chart(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("V")
        await wait_for(pilot, lambda: isinstance(app.screen, TrendsScreen) and app.screen.rows)
        screen = app.screen
        quiet = next(i for i, r in enumerate(screen._series()[screen._row_key()]) if r.articles == 0)
        await pilot.press(*["h"] * (screen.selected - quiet), "f")
        await wait_for(pilot, lambda: any(m.startswith("No articles on") for _, m in app.seen))
        assert app.screen is screen and len(titles(app)) == 3  # the chart stays, the list untouched


async def test_trends_and_overviews_save_what_they_show(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("V")
        await wait_for(pilot, lambda: isinstance(app.screen, TrendsScreen) and app.screen.rows)
        await pilot.press("s")
        await wait_for(pilot, lambda: any(m.startswith("Saved CSV") for _, m in app.seen))
        table = list(csv.reader(saved(app, "csv").splitlines()))
        assert table[0] == ["issue", "label", "period", "articles", "passages"]
        assert len(table) - 1 == len(app.screen.rows)
        app.seen.clear()
        await pilot.press("escape", "I")
        await wait_for(pilot, lambda: "issues in 3 articles" in screen_text(app))
        await pilot.press("S")
        await wait_for(pilot, lambda: any(m.startswith("Saved JSON") for _, m in app.seen))
        issues = json.loads(saved(app, "json"))
        assert issues[0]["articles"] >= 1 and "2023-06" in issues[0]


async def test_the_quotes_tab_lists_what_it_said_and_opens_the_article_there(app):
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_entity_page("Raimondo")
        await entity_page_shown(pilot, app, "Gina Raimondo")
        article_id, quote = app.screen.page.quotes[0]
        assert "Quotes (" in screen_text(app)
        await pilot.press("tab", "tab")
        await pilot.pause()
        assert quote.text[:40] in screen_text(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is app.reading and app.reading.open_id == article_id)
        await pilot.pause()
        cursor = app.reading.reader.cursor
        assert (cursor.block, cursor.start) == (quote.block, quote.start)
