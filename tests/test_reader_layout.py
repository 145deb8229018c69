"""The reader's layout model without an app: word wrap in terminal cells, the parts of an
article on lines, and the way back from a drawn line and column to a text position."""

import dataclasses
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from library.model import STANDFIRST_BLOCK, TITLE_BLOCK, Article, Block
from tui.reader.layout import BLANK, GUTTER, Layout, article_parts, hint_parts, text_width, wrap


def lines_of(text: str, width: int) -> list[str]:
    starts = wrap(text, width)
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)])]


def test_wrap_breaks_before_the_word_that_does_not_fit():
    assert lines_of("the quick brown fox jumps", 10) == ["the quick ", "brown fox ", "jumps"]


def test_a_word_longer_than_the_line_is_cut_where_the_line_is_full():
    assert lines_of("see Donaudampfschifffahrt now", 8) == ["see ", "Donaudam", "pfschiff", "fahrt ", "now"]


def test_wide_characters_take_two_cells():
    assert lines_of("中国 外交部 发言人 表示", 7) == ["中国 ", "外交部 ", "发言人 ", "表示"]


@given(st.text(st.sampled_from("ab 中\u00e9"), max_size=60), st.integers(1, 20))
def test_every_line_fits_and_no_character_is_lost(text, width):
    lines = lines_of(text, width)
    assert "".join(lines) == text
    assert all(cell_len(line.rstrip()) <= max(width, 2) for line in lines)  # a wide char fits a line alone
    assert all(line.strip() or i == 0 for i, line in enumerate(lines))  # no line of only spaces after the first


ARTICLE = Article(
    title="Blinken meets Xi",
    standfirst="A short visit.",
    date=dt.date(2024, 4, 26),
    source="Reuters",
    blocks=(
        Block("paragraph", "First paragraph here."),
        Block("bullet", "one"),
        Block("bullet", "two"),
        Block("paragraph", "Last words of the article, long enough to wrap over lines."),
    ),
)


def drawn(layout: Layout) -> list[str]:
    return [
        "" if line == BLANK else layout.prefix(line) + layout.parts[line.part].text[line.start : line.end]
        for line in layout.lines
    ]


def test_parts_are_laid_out_in_reading_order_with_blank_lines_between():
    layout = Layout(article_parts(ARTICLE), 30)
    assert drawn(layout) == [
        "Blinken meets Xi",
        "2024-04-26 · Reuters",  # the meta line follows the title directly
        "",
        "A short visit.",
        "",
        "First paragraph here.",
        "",
        "  • one",  # a list's items follow one another
        "  • two",
        "",
        "Last words of the article, ",
        "long enough to wrap over ",
        "lines.",
        "",
    ]


def test_line_numbers_of_positions():
    layout = Layout(article_parts(ARTICLE), 30)
    assert layout.line_of(TITLE_BLOCK, 5) == 0
    assert layout.line_of(STANDFIRST_BLOCK, 0) == 3
    assert layout.line_of(3, 0) == 10 and layout.line_of(3, 30) == 11
    assert layout.lines_of(3) == range(10, 13)


def test_top_position_is_none_at_the_start_and_a_body_position_below():
    layout = Layout(article_parts(ARTICLE), 30)
    assert layout.top(0) is None
    assert layout.top(11) == (3, 27)
    assert layout.top(9) == (3, 0)  # a blank line: the text below it


def test_columns_map_back_to_text_and_snap_off_the_text():
    layout = Layout(article_parts(ARTICLE), 30)
    assert layout.text_position(GUTTER + 5, 10, end=False) == (3, 5)
    assert layout.text_position(GUTTER + 4 + 1, 7, end=False) == (1, 1)  # after the bullet
    assert layout.text_position(0, 0, end=False) == (0, 0)  # the title: forward to the body
    assert layout.text_position(0, 6, end=True) == (0, len("First paragraph here."))  # a blank: back


def test_a_selection_reads_the_text_across_blocks():
    layout = Layout(article_parts(ARTICLE), 30)
    found = layout.selected((GUTTER + 6, 5), (GUTTER + 4 + 2, 8))
    assert found == ((0, 6), (2, 2))
    assert layout.text_between(*found) == "paragraph here.\none\ntw"
    assert layout.selected((GUTTER + 6, 5), (GUTTER + 6, 5)) is None  # nothing between


def test_a_hint_is_muted_lines_and_the_width_stays_readable():
    assert [p.kind for p in hint_parts("one\ntwo")] == ["meta", "meta"]
    assert text_width(200) == 96 and text_width(5) == 12 and text_width(60) == 57


def test_the_original_address_follows_the_meta_line():
    parts = article_parts(dataclasses.replace(ARTICLE, url="https://example.org/a"))
    assert [p.kind for p in parts[:4]] == ["title", "meta", "link", "standfirst"]
    assert drawn(Layout(parts, 30))[:4] == ["Blinken meets Xi", "2024-04-26 · Reuters", "https://example.org/a", ""]
