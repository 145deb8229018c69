"""An article file reads back exactly as it was written, whatever its paragraphs start with; a
paragraph that looked like a bullet or a quote used to come back as one, so its hash changed
and `check --fix` never settled."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from library.articlefile import dump_article, load_article
from library.importers.markdown import parse_markdown
from library.model import BLOCK_KINDS, Article, Block, clean_text
from tests.conftest import make_article, run_cli

TRICKY = ["* * *", "+ 5.2% growth", "-", ">", "#", "# hashtags", "1. first", "2) second", "\\", "\\n",
          "*Caption:* not one", "---", "___", "===", "- dash", "> quote", "* star", "+", "*", "10.", "## two"]


def same_after_round_trip(article: Article) -> None:
    article = article.with_id()
    assert load_article(dump_article(article), "a.md") == article


@pytest.mark.parametrize("text", TRICKY)
def test_a_paragraph_that_looks_like_markup_reads_back_as_itself(text):
    article = make_article(blocks=(Block("paragraph", "Before."), Block("paragraph", text), Block("bullet", text)))
    same_after_round_trip(article)


@pytest.mark.parametrize("markdown, text", [
    ("\\* * *", "* * *"), ("\\+ 5.2% growth", "+ 5.2% growth"), ("-", "-"), ("\\>", ">"),
    ("\\# hashtags", "# hashtags"), ("1\\. first", "1. first"), ("\\---", "---"), ("\\\\n", "\\n"),
])
def test_markdown_import_keeps_an_escaped_paragraph(tmp_path, markdown, text):
    article = parse_markdown(f"# Title\n\nFirst paragraph.\n\n{markdown}\n", tmp_path / "a.md")
    assert article.blocks[-1] == Block("paragraph", text)


def test_later_lines_of_a_markdown_paragraph_get_no_backslash(tmp_path):
    article = parse_markdown("# Title\n\nTrade grew\n#fast in May\n", tmp_path / "a.md")
    assert article.blocks == (Block("paragraph", "Trade grew #fast in May"),)


# Text as importers leave it (clean_text: one line, no control characters, folded spaces),
# drawn often from the starts that mean something in Markdown.
_starts = st.sampled_from(["", "* ", "+ ", "- ", "-", ">", "> ", "#", "## ", "1. ", "3)", "\\", "*Caption:* ", "---"])
_text = st.builds(lambda start, rest: clean_text(start + rest), _starts, st.text(max_size=40)).filter(bool)
_blocks = st.lists(st.builds(Block, st.sampled_from(BLOCK_KINDS), _text), min_size=1, max_size=8)
_articles = st.builds(
    Article,
    title=_text,
    blocks=_blocks.map(tuple),
    standfirst=st.one_of(st.just(""), _text),
    date=st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1))),
    source=st.one_of(st.just(""), _text),
    author=st.one_of(st.just(""), _text),
    url=st.one_of(st.just(""), st.text(max_size=30).map(str.strip)),
    tags=st.lists(_text, max_size=3).map(tuple),
    imported=st.just("2024-05-01T10:00:00+00:00"),
)


@given(_articles)
def test_any_article_survives_write_and_read(article):
    same_after_round_trip(article)


def test_check_fix_settles_on_articles_with_markup_like_paragraphs(library):
    library.add(make_article(blocks=tuple(Block("paragraph", text) for text in TRICKY)))
    first = run_cli("check", "--fix", library=library)
    second = run_cli("check", library=library)
    assert first.returncode == 0, first.stderr
    assert "up to date" in second.stdout and second.returncode == 0
