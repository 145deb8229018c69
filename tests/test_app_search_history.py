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
    assert len(json.loads(path.read_text())) == LIMIT
    path.write_text("{not json")
    assert QueryHistory(path).queries == []
