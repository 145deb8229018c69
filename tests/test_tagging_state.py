"""Tagging's session state without an app: what `v` and the mouse select, which passage the
cursor is on, what undo and redo give back, which tags the 1-9 keys and the picker offer, how
a change is worded, and the order tag files are written in.
"""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from library.annotations import Anchor, Change, TaggedPassage
from library.model import Block
from tui.tagging.state import ArticlePassages, History, Nothing, Range, Selection, TagTally, describe
from tui.tagging.writer import SerialWriter

BLOCKS = [Block("paragraph", "Xi warned Washington. Biden replied."), Block("paragraph", "Tariffs rose again.")]


def passage(pid: str, block: int, start: int, end: int, tags=("taiwan",), end_block=None, orphan=False, note="") -> TaggedPassage:
    last = block if end_block is None else end_block
    exact = BLOCKS[block].text[start:end] if last == block else "…"
    return TaggedPassage(pid, "a1", tuple(tags), note, "t0", "t0", Anchor(block, start, end, exact, end_block=end_block),
                         orphan=orphan)


def test_the_state_loads_without_textual():
    code = "import sys, tui.tagging.state, tui.tagging.writer; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_a_range_over_two_blocks_gives_its_words_and_its_spans():
    words = Range(0, 22, 1, 7)
    assert words.text(BLOCKS) == "Biden replied.\nTariffs"
    assert words.per_block(BLOCKS) == {0: [(22, 36)], 1: [(0, 7)]}
    assert words.contains(1, 6) and not words.contains(1, 7) and not words.contains(0, 21)


def test_v_then_moving_the_cursor_selects_from_where_v_was_pressed_backwards_too():
    selection = Selection()
    selection.start(Range(0, 22, 0, 36))
    selection.extend(Range(0, 0, 0, 21))
    assert selection.range == Range(0, 0, 0, 36)
    selection.extend(Range(1, 0, 1, 19))
    assert selection.range == Range(0, 22, 1, 19)  # the anchor stays where v was pressed


def test_a_mouse_selection_replaces_v_and_only_a_mouse_selection_is_cleared_by_its_end():
    selection = Selection()
    selection.start(Range(0, 0, 0, 21))
    assert selection.mouse(None) is False and selection.range == Range(0, 0, 0, 21)
    assert selection.mouse(Range(0, 3, 0, 9)) is True
    assert (selection.range, selection.anchor, selection.from_mouse) == (Range(0, 3, 0, 9), None, True)
    assert selection.mouse(None) is True and selection.range is None


def test_the_cursor_is_on_the_smallest_passage_holding_it_and_orphans_have_no_place():
    passages = ArticlePassages()
    whole, words = passage("p1", 0, 0, 36), passage("p2", 0, 0, 9)
    passages.show([whole, words, passage("p3", 0, 0, 36, orphan=True)])
    assert passages.at(0, 4) is words
    assert passages.at(0, 25) is whole
    assert passages.at(1, 0) is None
    assert passages.on(Range(0, 0, 0, 36)) is whole
    assert passages.marks(BLOCKS) == {0: [(0, 36), (0, 9)]}


def test_undo_gives_back_the_last_edit_and_redo_gives_it_again_until_a_new_edit():
    history, applied = History(), []

    def apply(change):
        applied.append(change)
        return change

    first, second = Change(None, passage("p1", 0, 0, 9)), Change(None, passage("p2", 1, 0, 7))
    history.record(first, "edit")
    history.record(second, "edit")
    history.undo(apply)
    assert applied[-1] == second.inverse()
    history.record(history.redo(apply), "redo")
    assert applied[-1] == second
    history.undo(apply)
    history.record(Change(None, passage("p3", 0, 22, 36)), "edit")
    with pytest.raises(Nothing, match="Nothing to redo"):
        history.redo(apply)


def test_undo_with_no_history_says_so():
    with pytest.raises(Nothing, match="Nothing to undo"):
        History().undo(lambda change: change)


def test_counts_follow_changes_and_the_newest_tags_come_first_on_the_quick_keys():
    tally = TagTally()
    tally.load({"trade": 2, "taiwan": 1}, ["trade"])
    tagged = passage("p1", 0, 0, 9, tags=("taiwan", "us"))
    tally.count(Change(None, tagged), "edit")
    assert tally.counts == {"trade": 2, "taiwan": 2, "us": 1}
    assert tally.recent == ["taiwan", "us", "trade"]
    tally.count(Change(tagged, None), "undo")
    assert tally.counts == {"trade": 2, "taiwan": 1}  # "us" is on no passage any more
    assert tally.recent == ["taiwan", "us", "trade"]  # undo leaves the quick keys alone
    assert tally.choices() == [("taiwan", 1), ("us", 0), ("trade", 2)]


def test_the_picker_lists_unrecent_tags_by_use_then_name():
    tally = TagTally()
    tally.load({"b": 1, "A": 1, "c": 5}, [])
    assert [tag for tag, _ in tally.choices()] == ["c", "A", "b"]


def test_a_change_is_worded_by_what_it_did():
    before = passage("p1", 0, 0, 21, tags=("taiwan",))
    both = TaggedPassage(**{**before.__dict__, "tags": ("taiwan", "us")})
    assert describe(Change(None, before), "edit") == "Tagged “Xi warned Washington.”: taiwan"
    assert describe(Change(both, before), "edit") == "Removed us from “Xi warned Washington.”"
    assert describe(Change(before, None), "undo") == "Undo: Removed the tags of “Xi warned Washington.”"
    noted = TaggedPassage(**{**before.__dict__, "note": "a note"})
    assert describe(Change(before, noted), "edit") == "Note saved on “Xi warned Washington.”"


def test_the_writer_runs_jobs_in_order_on_one_thread_and_goes_on_after_a_failure():
    delivered, threads, drains = [], set(), []

    def start(drain):
        drains.append(drain)

    def job(n):
        def work():
            threads.add(threading.get_ident())
            if n == 2:
                raise OSError("disk full")
            return n
        return work

    writer = SerialWriter(start, lambda callback, value: callback(value))
    for n in range(5):
        writer.submit(job(n), delivered.append, lambda exc: delivered.append(str(exc)))
    assert len(drains) == 1  # one drain for all five jobs
    worker = threading.Thread(target=drains[0])
    worker.start()
    worker.join()
    assert delivered == [0, 1, "disk full", 3, 4]
    assert threads == {worker.ident}
    writer.submit(job(5), delivered.append, print)
    assert len(drains) == 2  # the queue ran dry: the next job starts a new drain
