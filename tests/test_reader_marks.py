"""The reader's marks model without an app: what each highlight marks, which blocks must be
drawn again when it changes, the margin signs, and where the cursor is among hits and evidence."""

from dataclasses import dataclass

import pytest

from library.model import TITLE_BLOCK, Article, Block
from tui.reader.marks import MARK_KINDS, Marks, Span, next_span

ARTICLE = Article(
    title="Chips",
    blocks=(
        Block("paragraph", "Export controls tighten. Exporters object."),
        Block("paragraph", "Nothing here."),
        Block("paragraph", "EXPORT rules again; re-export too."),
    ),
)


@dataclass(frozen=True)
class Mention:
    block: int
    start: int
    end: int
    kind: str
    canonical: str
    text: str = ""


@dataclass(frozen=True)
class Passage:
    block: int
    start: int
    end: int


@dataclass(frozen=True)
class Issue:
    label: str
    passages: tuple


def test_terms_mark_word_starts_in_any_case_and_report_the_blocks_that_changed():
    marks = Marks(ARTICLE)
    assert marks.set_terms(["export"]) == {0, 2}
    assert marks.spans["term"] == {0: [(0, 6), (25, 31)], 2: [(0, 6), (23, 29)]}  # "re-export": a word start
    assert marks.set_terms(["export"]) == set()  # nothing changed: nothing to draw
    assert marks.set_terms(["nothing"]) == {0, 1, 2}
    assert marks.set_terms([" "]) == {1} and marks.terms == []


def test_hits_are_counted_where_the_cursor_is():
    marks = Marks(ARTICLE)
    marks.set_terms(["export"])
    hits = marks.hits()
    assert marks.place(hits) == (0, 4)
    marks.set_cursor(hits[2])
    assert marks.place(hits) == (3, 4)


def test_mentions_are_marked_by_kind_and_the_selected_entity_everywhere():
    xi = Mention(0, 0, 6, "person", "Xi Jinping")
    beijing = Mention(1, 0, 7, "place", "Beijing")
    other = Mention(2, 0, 6, "event", "Expo")
    again = Mention(2, 8, 13, "person", "Xi Jinping")
    marks = Marks(ARTICLE)
    assert marks.set_mentions([again, other, beijing, xi]) == {0, 1, 2}
    assert marks.mentions == [xi, beijing, other, again]
    assert marks.spans["person"] == {0: [(0, 6)], 2: [(8, 13)]} and marks.spans["entity"] == {2: [(0, 6)]}
    assert marks.select_mention(xi) == {0, 2}
    assert marks.spans["selected-entity"] == {0: [(0, 6)], 2: [(8, 13)]}
    assert marks.set_highlights(False) == {0, 1, 2}
    assert not any(marks.spans[k] for k in ("person", "place", "entity", "selected-entity"))
    assert marks.select_mention(beijing) and marks.highlights  # choosing an entity shows highlights
    marks.set_highlights(False)
    marks.select_mention(None)
    assert not marks.highlights  # letting go of one leaves them as they were


def test_evidence_is_numbered_by_where_passages_start():
    issue = Issue("Trade", (Passage(TITLE_BLOCK, 0, 5), Passage(2, 0, 19), Passage(0, 25, 42), Passage(2, 0, 19)))
    marks = Marks(ARTICLE)
    assert marks.set_issue(issue) == {TITLE_BLOCK, 0, 2}
    evidence = marks.evidence()
    assert [s.block for s in evidence] == [TITLE_BLOCK, 0, 2]
    marks.set_cursor(evidence[1])
    assert marks.place(evidence) == (2, 3)
    assert marks.set_issue(None) == {TITLE_BLOCK, 0, 2}


def test_marks_are_drawn_in_table_order_with_the_cursor_on_top():
    marks = Marks(ARTICLE)
    marks.set_cursor(Span(0, 0, 24))
    marks.put("tagged", {0: [(0, 15)]})
    marks.set_terms(["export"])
    assert list(marks.styles_in(0)) == [("term", 0, 6), ("term", 25, 31), ("tagged", 0, 15), ("cursor", 0, 24)]
    assert [k.name for k in MARK_KINDS][-1] == "cursor"


def test_the_margin_shows_the_cursor_and_the_topmost_sign():
    marks = Marks(ARTICLE)
    marks.set_issue(Issue("Trade", (Passage(0, 0, 24),)))
    assert marks.gutter(0, 0, 10) == " ┃"
    marks.put("tagged", {0: [(5, 8)]})
    marks.set_cursor(Span(0, 25, 42))
    assert marks.gutter(0, 0, 10) == " #"  # a tag outranks evidence
    assert marks.gutter(0, 25, 42) == "› "
    assert marks.gutter(1, 0, 13) == "  "


def test_a_kind_not_in_the_table_is_refused():
    with pytest.raises(ValueError, match="MARK_KINDS"):
        Marks(ARTICLE).put("quotes", {0: [(0, 1)]})


def test_the_cursor_steps_through_sentences_blocks_and_spans():
    marks = Marks(ARTICLE)
    sentences = marks.sentences()
    assert [(s.block, s.start, s.end) for s in sentences[:2]] == [(0, 0, 24), (0, 25, 42)]
    assert [s.block for s in marks.blocks()] == [0, 1, 2]
    assert next_span(sentences, Span(TITLE_BLOCK, -1, -1), 1) == sentences[0]
    assert next_span(sentences, sentences[1], -1) == sentences[0]
    assert next_span(sentences, sentences[0], -1) is None
    assert next_span(sentences, sentences[-1], 1) is None
