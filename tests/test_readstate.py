"""Read marks, stars and reading positions in state.json."""

import json

from library.readstate import ReadState, ReadStateError
from library.store import Library


def test_marks_are_saved_and_read_back(library):
    state = ReadState(library)
    state.set_read("a")
    state.set_starred("b", True)
    state.set_position("a", 3, 120)
    again = ReadState(Library(library.root))
    assert again.is_read("a") and not again.is_read("b")
    assert again.is_starred("b") and not again.is_starred("a")
    assert again.get("a").position == (3, 120)
    assert again.get("c").position is None


def test_two_instances_lose_nothing(library):
    first, second = ReadState(library), ReadState(Library(library.root))
    first.set_read("a")
    second.set_starred("b", True)  # second never saw first's mark
    first.set_starred("a", True)
    data = json.loads((library.root / "state.json").read_text())["articles"]
    assert data == {"a": {"read": True, "starred": True}, "b": {"starred": True}}
    second.reload()
    assert second.is_read("a")


def test_unsetting_a_mark_removes_it(library):
    state = ReadState(library)
    state.set_starred("a", True)
    state.set_starred("a", False)
    assert json.loads((library.root / "state.json").read_text())["articles"] == {}
    assert not ReadState(library).is_starred("a")


def test_a_broken_state_file_is_set_aside_not_overwritten(library):
    (library.root / "state.json").write_text("{not json", encoding="utf-8")
    state = ReadState(library)
    assert len(state.warnings) == 1 and "state.json" in state.warnings[0]
    aside = list(library.root.glob("state.broken-*.json"))
    assert [p.read_text() for p in aside] == ["{not json"]
    state.set_read("a")
    assert ReadState(library).is_read("a")


def test_a_state_file_that_cannot_be_written_gives_a_one_line_error(library):
    (library.root / "state.json").mkdir()  # stands in for any write failure, even as root
    state = ReadState(library)
    try:
        state.set_read("a")
    except ReadStateError as exc:
        message = str(exc)
    assert "state.json" in message and "\n" not in message
    assert not state.is_read("a")
