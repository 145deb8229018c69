"""Anchors find their words again after the text around them changed."""

import random

import pytest

from library.annotations import AnnotationError, ArticleText
from library.annotations.anchoring import relocate
from library.annotations.fuzzy import approximate_matches, edit_scores

BLOCKS = [
    "Talks resume in Beijing",
    "The envoy met the premier in Beijing on Monday, the first such visit in five years.",
    "Both sides agreed to keep channels open, but no deal on military hotlines was reached.",
]


def anchor_of(text: ArticleText, words: str, occurrence: int = 1):
    return text.anchor(*text.find_quote(words)[occurrence - 1])


def sliced(text: ArticleText, anchor) -> str:
    lo, hi = text.span(anchor)
    return text.text[lo:hi]


def test_a_selection_across_blocks_keeps_the_line_break_in_its_quote():
    text = ArticleText(BLOCKS)
    lo, hi = text.selection(1, 72, 10, end_block=2)
    anchor = text.anchor(lo, hi)
    assert anchor.exact == "five years.\nBoth sides"
    assert (anchor.block, anchor.last_block, anchor.end) == (1, 2, 10)
    assert len(anchor.prefix) == 32 and anchor.suffix.startswith(" agreed")
    assert anchor.block_ranges([len(b) for b in BLOCKS]) == [(1, 72, len(BLOCKS[1])), (2, 0, 10)]


def test_selection_edges_lose_white_space_and_bad_ranges_are_refused():
    text = ArticleText(BLOCKS)
    assert text.anchor(*text.selection(0, 5, 16)).exact == "resume in"
    with pytest.raises(AnnotationError, match="block 7 does not exist"):
        text.selection(7, 0, 1)
    with pytest.raises(AnnotationError, match="end 99 is outside block 0"):
        text.selection(0, 0, 99)
    with pytest.raises(AnnotationError, match="empty"):
        text.selection(0, 5, 5)


def test_a_quote_matches_across_white_space_and_block_breaks():
    text = ArticleText(BLOCKS)
    assert len(text.find_quote("Beijing")) == 2
    (span,) = text.find_quote("five   years. Both sides")
    assert text.text[span[0]:span[1]] == "five years.\nBoth sides"


def test_words_that_moved_to_another_block_are_found():
    old = ArticleText(BLOCKS)
    anchor = anchor_of(old, "first such visit")
    new = ArticleText(["Correction appended.", *BLOCKS])
    moved = relocate(anchor, new)
    assert sliced(new, moved) == "first such visit" and moved.block == 2


def test_of_two_exact_copies_the_one_with_the_same_context_wins():
    old = ArticleText(BLOCKS)
    anchor = anchor_of(old, "Beijing", occurrence=2)
    new = ArticleText(["Beijing, again", BLOCKS[0], "Extra paragraph.", BLOCKS[1]])
    moved = relocate(anchor, new)
    assert moved.block == 3 and moved.prefix.endswith("premier in ")


def test_edited_words_are_found_by_an_approximate_match():
    old = ArticleText(BLOCKS)
    anchor = anchor_of(old, "no deal on military hotlines was reached")
    new = ArticleText([BLOCKS[0], BLOCKS[1], BLOCKS[2].replace("hotlines", "hot lines")])
    assert sliced(new, relocate(anchor, new)) == "no deal on military hot lines was reached"


def test_words_that_are_gone_are_not_forced_onto_other_words():
    old = ArticleText(BLOCKS)
    anchor = anchor_of(old, "no deal on military hotlines was reached")
    new = ArticleText([BLOCKS[0], BLOCKS[1], "Both sides agreed to keep channels open."])
    assert relocate(anchor, new) is None


def test_the_approximate_search_agrees_with_the_textbook_edit_distance():
    rng = random.Random(7)

    def textbook(pattern, text):
        previous, scores = list(range(len(pattern) + 1)), []
        for char in text:
            row = [0]
            for i in range(1, len(pattern) + 1):
                row.append(min(previous[i] + 1, row[i - 1] + 1, previous[i - 1] + (pattern[i - 1] != char)))
            scores.append(row[-1])
            previous = row
        return scores

    for _ in range(200):
        pattern = "".join(rng.choice("abc") for _ in range(rng.randint(1, 70)))
        text = "".join(rng.choice("abcd") for _ in range(rng.randint(1, 80)))
        assert edit_scores(pattern, text) == textbook(pattern, text)


def test_an_edited_quote_is_found_in_a_long_article():
    filler = " ".join(f"word{i}" for i in range(15_000))
    text = filler + " the delegation left without a joint statement on chips " + filler
    (lo, hi, errors), *_ = approximate_matches("the delegation left without joint statements on chips", text, 12)
    assert text[lo:hi].strip() == "the delegation left without a joint statement on chips" and errors == 3


def test_a_passage_across_two_blocks_survives_the_blocks_being_merged():
    old = ArticleText(BLOCKS)
    anchor = anchor_of(old, "five years. Both sides")
    new = ArticleText([BLOCKS[0], BLOCKS[1] + " " + BLOCKS[2]])
    moved = relocate(anchor, new)
    assert sliced(new, moved) == "five years. Both sides" and moved.last_block == moved.block == 1
