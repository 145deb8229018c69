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


def test_markdown_without_front_matter_reads_the_line_under_the_title_and_image_credits():
    (article,) = read_articles(FIXTURES / "camp-david-no-front-matter.md")
    assert article.title == "Three leaders at Camp David"
    assert (article.source, article.date, article.author) == ("Northline Notes", dt.date(2023, 8, 19), "")
    assert blocks(article) == [
        ("paragraph", "Joe Biden, Fumio Kishida and Yoon Suk Yeol agreed at the presidential retreat to hold a "
                      "summit every year and to consult one another in a crisis."),
        # the alt text and the italic line under the image, which repeats it and adds the credit: one caption
        ("caption", "The three leaders on the lawn at Camp David before their talks. Photo by Nora Field / AFP"),
        ("paragraph", "The agreement was the first of its kind between the three governments, whose relations "
                      "had long been strained by disputes over Japan's wartime history."),
        ("caption", "Photo by Tae-min Park / Reuters"),
        ("paragraph", "China's Foreign Ministry criticised what it called exclusive groupings."),
    ]


@pytest.mark.parametrize("line", ["*Northline Notes, 19 August 2023*", "By Ines Duarte | 19 August 2023"])
def test_markdown_meta_line_does_not_override_front_matter(tmp_path, line):
    path = tmp_path / "note.md"
    path.write_text(f"---\ntitle: A note\ndate: 2023-08-20\nsource: Desk\n---\n\n{line}\n\nThe talks went on.\n", encoding="utf-8")
    (article,) = read_articles(path)
    assert (article.date, article.source) == (dt.date(2023, 8, 20), "Desk")
    assert blocks(article) == [("paragraph", "The talks went on.")]


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


def test_html_lead_by_class_is_the_standfirst_and_figure_captions_are_kept():
    (article,) = read_articles(FIXTURES / "gallium-dek-figure.html")
    assert article.standfirst.startswith("From August, exporters of the two metals")
    assert blocks(article)[0] == ("caption", "Gallium arsenide wafers at a plant in Jiangsu. Photo by Wei Lan / AFP")
    assert blocks(article)[1][1].startswith("China's Ministry of Commerce said")
    text = " ".join(t for _, t in blocks(article))
    assert "From August" not in text and "Short reads" not in text


def test_html_first_paragraph_repeating_the_description_is_the_standfirst(tmp_path):
    lead = "Officials from both navies met in Hawaii for the first maritime safety talks in two years."
    body = "The Military Maritime Consultative Agreement talks covered unsafe encounters at sea and in the air. " * 3
    more = "Both delegations said they would meet again next year, and the Pentagon called the session professional. " * 3
    page = tmp_path / "mmca.html"
    page.write_text(
        f'<html><head><title>Navies talk again</title><meta property="og:description" content="{lead}"></head>'
        f"<body><article><h1>Navies talk again</h1><p><em>{lead}</em></p><p>{body}</p><p>{more}</p></article></body></html>",
        encoding="utf-8",
    )
    (article,) = read_articles(page)
    assert article.standfirst == lead
    assert [k for k, _ in blocks(article)] == ["paragraph", "paragraph"]
    assert blocks(article)[0][1].startswith("The Military Maritime")


def test_rss_gives_one_article_per_item_with_full_text_preferred():
    first, second = read_articles(FIXTURES / "strait-watch.rss")
    assert first.title == "Raimondo opens a trade channel"
    assert first.date == dt.date(2023, 8, 29)
    assert (first.author, first.source) == ("Mei Chen", "Strait Watch")
    assert first.url == "https://strait.example/raimondo-trade-channel"
    assert first.tags == ("trade",)
    # the summary is not the text when the full text is there, but it is the standfirst
    assert first.standfirst == "Officials will meet twice a year on trade, but export controls stay off the table."
    assert "stay off the table" not in " ".join(t for _, t in blocks(first))
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
    assert article.standfirst == ""  # "A teaser." says nothing


def test_feed_summary_that_only_repeats_the_opening_is_not_a_standfirst(tmp_path):
    opening = "Chinese and American climate envoys met at Sunnylands in California for four days of talks."
    path = tmp_path / "climate.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Desk</title><item><title>Sunnylands</title><description>{opening[:60]}...</description>"
        f"<content:encoded><![CDATA[<p>{opening}</p><p>They agreed to restart a working group.</p>]]></content:encoded>"
        "</item></channel></rss>",
        encoding="utf-8",
    )
    (article,) = read_articles(path)
    assert article.standfirst == ""
    assert article.blocks[0].text == opening


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
