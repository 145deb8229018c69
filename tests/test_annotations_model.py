"""Tag names, notes and tag filters behave as a reader expects."""

import pytest

from library.annotations import MAX_NOTE_LENGTH, AnnotationError, check_note, check_tag, tag_matches, tag_tree


@pytest.mark.parametrize("name, message", [
    ("", "empty tag name"),
    ("   ", "empty tag name"),
    ("/trade", "must not start or end with '/'"),
    ("trade/", "must not start or end with '/'"),
    ("trade//de-risking", "empty level"),
    ("trade/ /x", "empty level"),
    ("x" * 101, "the limit is 100"),
    ("bad\x1b[31mred", "control characters"),
])
def test_bad_tag_names_are_refused_with_one_line(name, message):
    with pytest.raises(AnnotationError) as info:
        check_tag(name)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_tag_names_are_tidied_but_keep_their_case_and_hierarchy():
    assert check_tag("  trade / de-risking ") == "trade/de-risking"
    assert check_tag("Taiwan  arms sales") == "Taiwan arms sales"


def test_a_ten_thousand_character_note_is_kept_whole_and_a_pasted_book_is_refused():
    note = ("A long memo line.\n" * 600)[:10_000]
    assert check_note(note) == note.strip()
    with pytest.raises(AnnotationError, match="limit is 20,000"):
        check_note("x" * (MAX_NOTE_LENGTH + 1))


def test_notes_keep_line_breaks_but_lose_terminal_escapes():
    assert check_note("first\r\nsecond\x1b[2J\tend") == "first\nsecond[2J\tend"


def test_a_tag_filter_selects_the_tag_and_the_tags_below_it():
    assert tag_matches("trade/de-risking", "Trade")
    assert tag_matches("trade", "trade")
    assert not tag_matches("trade-war", "trade")
    assert not tag_matches("trade", "trade/de-risking")


def test_tag_tree_lists_parents_before_children():
    assert tag_tree(["trade/de-risking", "china", "trade/chips/export"]) == [
        "china", "trade", "trade/chips", "trade/chips/export", "trade/de-risking"]
