"""Live search in the app: `/`, type, read the results, Enter to the hit, n/N, Escape back."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from index import open_index
from library.model import Article, Block
from library.store import Library
from tests.app_support import make_library, screen_text, segments_with, wait_for
from tui.app import CuttingsApp
from tui.screens.search import SearchScreen
from tui.reader import Reader

SIZES = [(80, 24), (140, 40)]


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    """The library with its index built, as `cuttings import` leaves it (built once: slow)."""
    library = make_library(tmp_path_factory.mktemp("indexed") / "lib")
    open_index(library).close()
    return library.root


@pytest.fixture
def app(indexed, tmp_path):
    root = shutil.copytree(indexed, tmp_path / "lib", symlinks=True)
    return CuttingsApp(Library(root))


def search_screen(app) -> SearchScreen:
    screen = app.screen
    assert isinstance(screen, SearchScreen)
    return screen


async def type_query(pilot, text: str) -> SearchScreen:
    """Press `/`, type the query key by key, and wait for its results."""
    await pilot.press("slash", *text)
    screen = search_screen(pilot.app)
    await wait_for(pilot, lambda: screen.shown == text.strip())
    await pilot.pause()
    return screen


@pytest.mark.parametrize("size", SIZES)
async def test_typing_shows_results_with_title_date_and_marked_snippet(app, size):
    async with app.run_test(size=size) as pilot:
        await type_query(pilot, "balloon")
        text = screen_text(app)
        assert "Balloon shot down" in text and "2023-02-04" in text
        assert "1 result" in text
        marked = [s for s in segments_with(app, "balloon") if s.style and (s.style.bold or s.style.bgcolor)]
        assert marked, "the matched word in the snippet is highlighted"


async def test_results_follow_the_typing_and_old_answers_are_dropped(app):
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await type_query(pilot, "Beijing")
        assert screen.result.total == 3
        await pilot.press(*" balloon")
        await wait_for(pilot, lambda: screen.shown == "Beijing balloon")
        assert [h.title for h in screen.result.hits] == ["Balloon shot down off South Carolina"]
        assert screen.results.option_count == 1


async def test_phrase_query_finds_only_articles_with_the_phrase(app):
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await type_query(pilot, '"export controls"')
        assert [h.title for h in screen.result.hits] == ["Washington tightens chip export controls"]
        await pilot.press("ctrl+u", *'"controls export"')
        await wait_for(pilot, lambda: screen.shown == '"controls export"')
        await pilot.pause()
        assert screen.results.option_count == 0


@pytest.mark.parametrize("size", SIZES)
async def test_enter_opens_the_article_at_the_hit_with_terms_marked_and_n_steps(app, size):
    async with app.run_test(size=size) as pilot:
        screen = await type_query(pilot, "Nvidia")
        hit = screen.result.hits[0]
        await pilot.press("enter")
        await pilot.pause()
        reader = app.query_one(Reader)
        assert app.screen is app.reading and app.focused is reader
        assert reader.article.title == "Washington tightens chip export controls"
        assert reader.cursor.block == hit.block and "Nvidia" in reader.article.blocks[hit.block].text
        assert any("Nvidia" in s.text for s in segments_with(app, "Nvidia")), "the hit is on screen"
        text = reader.article.blocks[hit.block].text
        assert text[reader.cursor.start : reader.cursor.end] == "Nvidia"


async def test_n_and_shift_n_step_through_matches_in_the_article(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await type_query(pilot, "export controls")
        await pilot.press("enter")
        await pilot.pause()
        reader = app.query_one(Reader)
        blocks = reader.article.blocks
        seen = [reader.cursor]
        for _ in range(3):
            await pilot.press("n")
            seen.append(reader.cursor)
        words = [blocks[c.block].text[c.start : c.end].lower() for c in seen]
        assert set(words) <= {"export", "controls", "export controls"}
        assert [(c.block, c.start) for c in seen] == sorted((c.block, c.start) for c in seen)
        assert len({(c.block, c.start) for c in seen}) == 4
        await pilot.press("N")
        assert reader.cursor == seen[-2]


@pytest.mark.parametrize("size", SIZES)
async def test_escape_returns_to_the_results_with_the_selection_kept(app, size):
    async with app.run_test(size=size) as pilot:
        screen = await type_query(pilot, "Beijing")
        await pilot.press("tab", "down")  # into the results, second hit
        second = screen.result.hits[1]
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one(Reader).article.id == second.id
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert screen.results.highlighted == 1 and app.focused is screen.results
        assert screen.bar.value == "Beijing"
        await pilot.press("escape")  # closes the search: back to the article
        assert app.screen is app.reading


async def test_the_last_query_comes_back_selected_so_typing_replaces_it(app):
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await type_query(pilot, "balloon")
        await pilot.press("escape", "slash")
        assert screen.bar.value == "balloon" and screen.result.total == 1
        await pilot.press(*"Taiwan")
        assert screen.bar.value == "Taiwan"
        await pilot.press("escape", "slash", "end", *" -Beijing")
        assert screen.bar.value == "Taiwan -Beijing"


async def test_escape_in_the_list_still_clears_the_filter(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await type_query(pilot, "Beijing")
        await pilot.press("enter")
        await pilot.pause()
        app.reading.filter_by_source("Pacific Ledger")
        await pilot.pause()
        assert app.reading.article_list.filter is not None
        app.reading.article_list.focus()
        await pilot.press("escape")
        assert app.screen is app.reading and app.reading.article_list.filter is None


async def test_history_up_and_down_survive_a_restart(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await type_query(pilot, "balloon")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("slash", "ctrl+u", *"Taiwan", "enter")  # Enter before results: opens the first
        await wait_for(pilot, lambda: app.screen is app.reading)
        assert app.query_one(Reader).article.title == "Blinken meets Xi in Beijing"
    again = CuttingsApp(app.library)
    async with again.run_test(size=(140, 40)) as pilot:
        await pilot.press("slash")
        screen = search_screen(again)
        await pilot.press("up")
        assert screen.bar.value == "Taiwan"
        await pilot.press("up")
        assert screen.bar.value == "balloon"
        await pilot.press("down", "down")
        assert screen.bar.value == ""


async def test_did_you_mean_is_one_key_away(app):
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await type_query(pilot, "ballon")
        assert screen.result.total == 0 and screen.result.suggestion == "balloon"
        assert "Did you mean balloon?" in screen_text(app)
        await pilot.press("ctrl+y")
        await wait_for(pilot, lambda: screen.shown == "balloon")
        assert screen.result.hits[0].title.startswith("Balloon shot down")


async def test_tab_completes_field_names_and_entity_names(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("slash")
        screen = search_screen(app)
        await wait_for(pilot, lambda: screen.index is not None)
        for typed, grey, completed in [
            ("iss", "issue:", "issue:"), ("title:chip sour", "title:chip source:", "title:chip source:"),
            ("entity:wan", "entity:wang Yi", 'entity:"Wang Yi"'),
        ]:
            await pilot.press("ctrl+u", *typed)
            await wait_for(pilot, lambda: screen.bar._suggestion == grey)  # shown grey after the cursor
            await pilot.press("tab")
            assert screen.bar.value == completed
        await pilot.press("space", "tab")  # nothing to complete after a space: into the results
        assert app.focused is screen.results


async def test_a_malformed_query_says_why_in_one_line_and_keys_keep_working(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await type_query(pilot, "date:2023-13")
        status = str(screen.query_one("#search-status").render())
        assert status and "\n" not in status.strip() and screen.result is None
        assert screen.query_one("#search-status").has_class("-error")
        await pilot.press("ctrl+u", *"Wang")
        await wait_for(pilot, lambda: screen.shown == "Wang")
        assert screen.result.hits[0].title == "Blinken meets Xi in Beijing"


async def test_history_keeps_every_submitted_query_not_only_opened_ones(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await type_query(pilot, "taiwan")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is app.reading)
        for query in ('"export controls"', "blinkn", "chips~"):
            if app.screen is app.reading:
                await pilot.press("slash")
            await pilot.press("ctrl+u", *query, "enter")
            await wait_for(pilot, lambda: app.screen is app.reading or search_screen(app).shown == query)
        if app.screen is app.reading:
            await pilot.press("slash")
        screen = search_screen(app)
        await pilot.press("ctrl+u")
        walked = []
        for _ in range(4):
            await pilot.press("up")
            walked.append(screen.bar.value)
        assert walked == ["chips~", "blinkn", '"export controls"', "taiwan"]


NAMES = Article(
    title="Trade ministers meet in Bali", date=dt.date(2023, 5, 1), source="Wire",
    blocks=(Block("paragraph", "Commerce Minister Wang Wentao met officials in Bali on Monday. "
                  "Foreign Minister Wang Yi joined later. Antony Blinken said the talks were useful."),),
)


@pytest.fixture(scope="module")
def names_library(tmp_path_factory):
    library = make_library(tmp_path_factory.mktemp("names") / "lib", [NAMES])
    open_index(library).close()
    return library.root


async def test_completion_shows_the_name_not_garbled_and_tab_cycles(names_library):
    app = CuttingsApp(Library(names_library))
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.press("slash")
        screen = search_screen(app)
        await wait_for(pilot, lambda: screen.index is not None)
        bar_line = lambda: screen_text(app).splitlines()[screen.bar.region.y + 1]  # inside the border
        for typed, shown in [("entity:wang", "entity:wang Wentao"), ("person:bli", "person:bli  → Antony Blinken")]:
            await pilot.press("ctrl+u", *typed)
            await wait_for(pilot, lambda: shown in bar_line())
            assert '"' not in bar_line()
        await pilot.press("ctrl+u", *'entity:"Wang Y', "tab")
        assert screen.bar.value == 'entity:"Wang Yi"'
        await pilot.press("ctrl+u", *'entity:"Wan', "tab")
        assert screen.bar.value == 'entity:"Wang Wentao"'
        await pilot.press("tab")
        assert screen.bar.value == 'entity:"Wang Yi"'
        await pilot.press("tab")
        assert screen.bar.value == 'entity:"Wang Wentao"'
        await pilot.press("ctrl+u", *"person:bli", "right")  # → at the end accepts too
        assert screen.bar.value == 'person:"Antony Blinken"'


async def test_did_you_mean_keeps_to_the_kind_of_the_field(names_library):
    app = CuttingsApp(Library(names_library))
    async with app.run_test(size=(100, 24)) as pilot:
        screen = await type_query(pilot, "person:bli")
        assert screen.result.total == 0 and screen.result.suggestion is None  # not the place Bali
        await pilot.press("ctrl+u", *'person:"Antony Blinkn"')
        await wait_for(pilot, lambda: screen.shown == 'person:"Antony Blinkn"')
        assert screen.result.suggestion == 'person:"Antony Blinken"'


async def test_the_app_opens_the_search_index_once(app, monkeypatch):
    """Search, reindex from the palette and search again: one opening of the index in use
    (the search screen and the reindex job each opened their own, and the search reopened the
    rebuilt one)."""
    from index import repair
    from tests.app_driving import record_notifications, run_command

    opened = []
    check = repair.open_checked
    monkeypatch.setattr(repair, "open_checked", lambda location: opened.append(location) or check(location))
    async with app.run_test(size=(140, 40)) as pilot:
        notices = record_notifications(app)
        await type_query(pilot, "balloon")
        await pilot.press("escape")
        await run_command(pilot, "Reindex the library")
        await wait_for(pilot, lambda: any("rebuilt" in text for _, text in notices))
        screen = await type_query(pilot, "talks")
        assert screen.result.total > 0
    assert len(opened) == 1


async def test_more_matches_than_shown_are_counted_after_the_first_hits(app, monkeypatch):
    """The first hits come without ranking every match; the status then says how many match."""
    monkeypatch.setattr("tui.screens.search.LIMIT", 1)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("slash")
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen) and app.screen.bar.has_focus)
        await pilot.pause()
        await pilot.press(*"beijing")
        screen = search_screen(app)
        await wait_for(pilot, lambda: "results (first 1)" in screen_text(app))
        assert len(screen.result.hits) == 1 and screen.result.total > 1


async def test_hits_ranked_within_the_budget_are_replaced_by_the_full_ranking(app, monkeypatch):
    """At 100,000 articles live search shows the best of the matches it reached in time, then
    every match ranked and counted: with no budget at all, the full ranking is what stays."""
    monkeypatch.setattr("tui.screens.search.LIVE_BUDGET", 0)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await type_query(pilot, "beijing")
        await wait_for(pilot, lambda: screen.result is not None and screen.result.complete)
        assert screen.result.total > 0 and len(screen.result.hits) == screen.result.total
        assert "ranking every match" not in screen_text(app) and "results · " in screen_text(app)
