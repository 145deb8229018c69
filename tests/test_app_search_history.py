"""Query history: up/down walk past queries like a shell, and they survive a restart."""

from __future__ import annotations

import json

from tui.history import LIMIT, QueryHistory


def test_walks_back_and_forward_and_persists(tmp_path):
    path = tmp_path / "data" / "search-history.json"
    history = QueryHistory(path)
    for query in ("taiwan", '"export controls"', "balloon"):
        history.add(query)
    again = QueryHistory(path)  # a new session
    assert [again.older(), again.older(), again.older(), again.older()] == ["balloon", '"export controls"', "taiwan", None]
    assert [again.newer(), again.newer(), again.newer(), again.newer()] == ['"export controls"', "balloon", "", None]


def test_repeat_moves_to_newest_and_blank_is_not_kept(tmp_path):
    history = QueryHistory(tmp_path / "h.json")
    for query in ("a", "b", "a", "   "):
        history.add(query)
    assert history.queries == ["b", "a"]


def test_long_history_is_capped_and_a_broken_file_starts_empty(tmp_path):
    path = tmp_path / "h.json"
    history = QueryHistory(path)
    for n in range(LIMIT + 5):
        history.add(f"q{n}")
    assert len(json.loads(path.read_text())["queries"]) == LIMIT
    path.write_text("{not json")
    assert QueryHistory(path).queries == []


def test_search_finds_past_queries_pinned_first_and_pins_outlive_the_limit(tmp_path):
    path = tmp_path / "h.json"
    history = QueryHistory(path)
    for query in ("Taiwan strait", "balloon", "issue:taiwan is:unread"):
        history.add(query)
    history.pin("Taiwan strait")
    assert history.search("TAIWAN") == ["Taiwan strait", "issue:taiwan is:unread"]
    for n in range(LIMIT + 5):
        history.add(f"q{n}")
    again = QueryHistory(path)
    assert "Taiwan strait" in again.queries and again.pinned == ["Taiwan strait"]
    assert "balloon" not in again.queries and len(again.queries) == LIMIT + 1
    again.pin("Taiwan strait", False)
    assert QueryHistory(path).pinned == []


def test_a_history_file_of_the_older_form_is_read(tmp_path):
    path = tmp_path / "h.json"
    path.write_text(json.dumps(["a", "b"]))
    assert QueryHistory(path).queries == ["a", "b"]


async def test_ctrl_r_searches_past_queries_pins_and_runs_one_again(tmp_path):
    from tui.app import CuttingsApp

    from .app_support import make_library, wait_for

    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"nothingmatchesthis", "enter")  # submitted, no hit opened: kept
        await pilot.pause()
        await pilot.press("ctrl+u", *"export", "enter")  # opens the first hit
        search = app.get_screen("search")
        await wait_for(pilot, lambda: app.screen is app.reading)
        await pilot.press("slash")
        assert search.history.queries[-2:] == ["nothingmatchesthis", "export"]
        await pilot.press("ctrl+r", *"nothing", "ctrl+s")
        await pilot.pause()
        assert "★ nothingmatchesthis" in str(app.screen.query_one("#history-list").get_option_at_index(0).prompt)
        assert json.loads(search.history.path.read_text())["pinned"] == ["nothingmatchesthis"]
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is search and search.bar.value == "nothingmatchesthis")
