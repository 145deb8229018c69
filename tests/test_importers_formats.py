"""Markdown, HTML and RSS/Atom files read into articles, from the fixtures in tests/fixtures/import."""

import datetime as dt
from pathlib import Path

import pytest

from library.importers import ImportFailure, read_articles

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def blocks(article):
    return [(b.kind, b.text) for b in article.blocks]


def test_markdown_front_matter_gives_the_metadata():
    (article,) = read_articles(FIXTURES / "yellen-front-matter.md")
    assert article.title == "Yellen's four days in Beijing"
    assert article.date == dt.date(2023, 7, 9)
    assert (article.source, article.author) == ("Ledger Weekly", "Hana Kim")
    assert article.url == "https://ledger.example/yellen-beijing"
    assert article.tags == ("economy", "diplomacy")
    assert article.standfirst.startswith("The Treasury Secretary argued")


def test_markdown_body_keeps_structure_and_drops_formatting():
    (article,) = read_articles(FIXTURES / "yellen-front-matter.md")
    kinds = [k for k, _ in blocks(article)]
    assert kinds == ["paragraph", "heading", "paragraph", "bullet", "bullet", "bullet", "quote", "caption", "paragraph"]
    text = " ".join(t for _, t in blocks(article))
    assert "**" not in text and "](" not in text and "*narrowly" not in text
    assert "the world was big enough for both to thrive" in text
    assert "Yellen at a news conference at the US embassy in Beijing. Photo: Pool" in text
    # a paragraph wrapped by hand is one block
    assert blocks(article)[0][1].endswith("party secretary, Pan Gongsheng.")


def test_markdown_without_front_matter_takes_the_first_heading_as_title():
    (article,) = read_articles(FIXTURES / "bali-no-front-matter.md")
    assert article.title == "The Bali meeting"
    assert article.date is None
    assert ("heading", "Points agreed") in blocks(article)
    assert [t for k, t in blocks(article) if k == "bullet"][0].startswith("Climate talks between John Kerry")


def test_markdown_date_in_words_is_left_unknown():
    (article,) = read_articles(FIXTURES / "future-date-text.md")
    assert article.date is None


def test_html_page_main_text_and_metadata_without_page_furniture():
    (article,) = read_articles(FIXTURES / "taiwan-election.html")
    assert article.title == "Lai Ching-te wins Taiwan's presidency"
    assert article.date == dt.date(2024, 1, 13)
    assert (article.author, article.source) == ("Wen-li Huang", "Strait Times Review")
    assert article.url == "https://strait.example/2024/01/lai-wins"
    assert ("heading", "A divided legislature") in blocks(article)
    assert ("bullet", "Kuomintang: 52 seats") in blocks(article)
    assert any(k == "quote" and t.startswith("Taiwan has shown the world") for k, t in blocks(article))
    text = " ".join(t for _, t in blocks(article))
    for furniture in ("Opinion", "cookies", "Share on", "Most read", "Copyright", "newsletter"):
        assert furniture not in text
    assert blocks(article)[0][1].startswith("Voters in Taiwan elected Lai Ching-te")


def test_rss_gives_one_article_per_item_with_full_text_preferred():
    first, second = read_articles(FIXTURES / "strait-watch.rss")
    assert first.title == "Raimondo opens a trade channel"
    assert first.date == dt.date(2023, 8, 29)
    assert (first.author, first.source) == ("Mei Chen", "Strait Watch")
    assert first.url == "https://strait.example/raimondo-trade-channel"
    assert first.tags == ("trade",)
    assert "teaser" not in " ".join(t for _, t in blocks(first))
    assert blocks(first)[1:4] == [
        ("heading", "Limits"),
        ("bullet", "Export controls are not up for negotiation, she said."),
        ("bullet", "The group will meet twice a year."),
    ]
    assert blocks(first)[-1][0] == "quote"
    # an item with only an HTML summary: the summary is the text, tags stripped
    assert second.author == "Ravi Menon"
    assert blocks(second) == [("paragraph", "The Secretary of State will travel to Beijing this weekend, four months after the balloon episode.")]


def test_atom_entry_with_date_link_and_author():
    (article,) = read_articles(FIXTURES / "policy-notes.atom")
    assert article.title == "After Woodside, the hotline question"
    assert article.date == dt.date(2023, 11, 16)  # published, not updated
    assert article.author == "Ana Ruiz"
    assert article.url == "https://policy.example/woodside-hotline"
    assert len(article.blocks) == 2


def test_a_feed_named_txt_is_still_read_as_a_feed(tmp_path):
    copy = tmp_path / "saved-feed.txt"
    copy.write_bytes((FIXTURES / "policy-notes.atom").read_bytes())
    assert read_articles(copy)[0].title == "After Woodside, the hotline question"


def test_a_feed_naming_a_web_address_is_not_fetched(tmp_path):
    path = tmp_path / "link.xml"
    path.write_text("http://127.0.0.1:9/feed.xml", encoding="utf-8")
    with pytest.raises(ImportFailure) as info:
        read_articles(path)
    assert "feed" in info.value.reason
