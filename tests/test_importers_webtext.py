"""Raw text copied from web pages, and plain text files, read into articles."""

import datetime as dt
from pathlib import Path

import pytest

from library.importers import read_articles
from library.importers.webtext import parse_webtext

FIXTURES = Path(__file__).parent / "fixtures" / "import"
SEED = Path(__file__).resolve().parents[2] / "shared" / "samples" / "xi-blinken-beijing-2023.txt"


def read_one(name: str):
    (article,) = read_articles(FIXTURES / name)
    return article


def kinds_of(article, kind: str) -> list[str]:
    return [b.text for b in article.blocks if b.kind == kind]


def all_text(article) -> str:
    return "\n".join([article.title, article.standfirst, *(b.text for b in article.blocks)])


def test_date_first_page_gives_title_standfirst_date_and_authors():
    article = read_one("woodside-date-first.txt")
    assert article.title == "Biden and Xi at Woodside: a floor under the relationship"
    assert article.standfirst.startswith("Four hours at a California estate")
    assert article.date == dt.date(2023, 11, 15)
    assert article.author == "Clara Osei, Tomás Reyes"
    assert article.source == "Harbour Review"  # the outlet's name under the byline


def test_page_furniture_is_dropped_and_the_article_kept():
    article = read_one("woodside-date-first.txt")
    text = all_text(article)
    for furniture in ("Skip to content", "Share this article", "LinkedIn", "cookies", "Advertisement",
                      "Read more", "newsletter", "Related stories", "Inside the Bali summit", "All rights reserved",
                      "ANALYSIS", "Home | World"):
        assert furniture not in text
    assert kinds_of(article, "paragraph")[-1].startswith("Hours later, asked at a news conference")


def test_headings_bullets_and_captions_are_told_apart():
    article = read_one("woodside-date-first.txt")
    assert kinds_of(article, "heading") == ["What did they agree?", "Taiwan remains the hardest question"]
    assert len(kinds_of(article, "bullet")) == 3
    assert kinds_of(article, "bullet")[0].startswith("Contacts between the two militaries")
    captions = kinds_of(article, "caption")
    assert captions[0].endswith("Photograph: Dana Holt/Reuters")
    # the image's alt text and its visible caption, with a different dash, become one caption
    assert len([c for c in captions if "walk through the gardens" in c]) == 1
    assert "The White House listed three outcomes:" in kinds_of(article, "paragraph")


def test_byline_with_role_and_labelled_image_credit():
    article = read_one("chip-controls-byline.txt")
    assert article.title == "US tightens chip export rules on China"
    assert article.author == "Priya Natarajan"
    assert article.date == dt.date(2022, 10, 8)
    assert kinds_of(article, "caption") == ["A technician checks a silicon wafer at a plant in Hsinchu, Taiwan (Getty Images)"]
    assert kinds_of(article, "heading") == ["Why now?", "How has China responded?"]
    assert [b[:3] for b in kinds_of(article, "bullet")] == ["1. ", "2. ", "3. "]
    text = all_text(article)
    for furniture in ("Listen to this article", "Tech Decoded", "Subscribe", "You may also like", "Nvidia warns"):
        assert furniture not in text


@pytest.mark.parametrize(
    "byline, author, source",
    [
        ("By Mara Ellison, The Pacific Ledger", "Mara Ellison", "The Pacific Ledger"),
        ("By Jane Roe, Ken Mori and Ann Ho", "Jane Roe, Ken Mori, Ann Ho", ""),
        ("By Jane Roe in Beijing | 20 June 2023", "Jane Roe", ""),
        ("By Thursday, the envoys had agreed on a date for the next round.", "", ""),
        ("By Ana Ruiz, Harbour Notes", "Ana Ruiz", "Harbour Notes"),
        ("Written by Tom Berg | Policy notes", "Tom Berg", "Policy notes"),
        ("By Tom Berg, senior China correspondent | 3 May 2023", "Tom Berg", ""),
    ],
)
def test_byline_forms(byline, author, source):
    text = f"Envoys meet again\n\n{byline}\n\nThe two envoys met for a second day of talks on trade and visas.\n"
    article = parse_webtext(text, Path("byline.txt"))
    assert (article.author, article.source) == (author, source)
    assert article.blocks[-1].text == "The two envoys met for a second day of talks on trade and visas."
    assert len(article.blocks) == (2 if not author else 1)


def test_outlet_line_under_byline_caption_above_bare_credit_and_follow_prompts():
    article = read_one("camp-david-credit-lines.txt")
    assert (article.author, article.source) == ("Ines Duarte", "Northline Notes")
    assert article.standfirst.startswith("The three leaders agreed")
    # the caption's words sit on the line above the credit, which is printed twice
    assert kinds_of(article, "caption") == [
        "Joe Biden, Fumio Kishida and Yoon Suk Yeol walk to a joint news conference at the presidential "
        "retreat in Maryland. Photo by Nora Field / AFP"
    ]
    assert article.blocks[1].text.startswith("President Joe Biden hosted")
    assert kinds_of(article, "heading") == ["What does Beijing make of it?"]
    text = all_text(article)
    assert "Northline Notes" not in text and "Follow us" not in text and "Facebook" not in text
    assert kinds_of(article, "paragraph")[-1].startswith("The missile data-sharing")


def test_a_heading_above_a_bare_credit_stays_a_heading():
    body = "The envoys spent the afternoon on visas, flights and the exchange of journalists, " * 3
    text = f"Envoys meet again\n\n{body}\n\nWhat did they agree on?\n\nPhoto by Li Wen / AFP\n\n{body}\n"
    article = parse_webtext(text, Path("heading.txt"))
    assert [b.kind for b in article.blocks] == ["paragraph", "heading", "caption", "paragraph"]


def test_a_list_label_under_a_byline_is_not_the_outlet():
    text = ("Envoys meet again\n\nBy Jane Roe\n\nKey Points\n\n- Visas were discussed.\n- Trade was discussed.\n\n"
            "The two envoys met for a second day of talks on trade and visas in the capital.\n")
    article = parse_webtext(text, Path("list.txt"))
    assert (article.author, article.source) == ("Jane Roe", "")
    assert article.blocks[0].text == "Key Points"


def test_page_with_a_bare_name_by_the_dateline_and_topic_links():
    article = read_one("munich-bare-byline.txt")
    assert article.title == "Blinken and Wang Yi agree to keep talking after tense Munich meeting"
    assert article.standfirst.startswith("Secretary of state raises balloon incident")
    assert (article.author, article.date) == ("Jane Roe", dt.date(2023, 2, 18))
    assert [b.kind for b in article.blocks] == ["paragraph", "paragraph", "caption", "paragraph"]
    for furniture in ("Skip to", "more than 1 year old", "Explore more", "US foreign policy", "Reuse"):
        assert furniture not in all_text(article)


def test_plain_title_blank_line_body():
    article = read_one("bali-plain.txt")
    assert article.title == "What Biden and Xi said in Bali"
    assert article.standfirst == ""
    assert [b.kind for b in article.blocks] == ["paragraph"] * 3
    assert article.date is None  # a date inside the text is not the article's date


def test_hand_wrapped_text_is_joined_into_paragraphs():
    article = read_one("balloon-plain-wrapped.txt")
    assert article.title == "The balloon that postponed a visit"
    assert len(article.blocks) == 3
    assert "passing over Montana, where the air force keeps intercontinental missiles" in article.blocks[0].text


def test_unreadable_date_label_leaves_the_date_missing():
    article = read_one("unknown-date.txt")
    assert article.date is None
    assert "sometime last spring" not in all_text(article)
    assert article.blocks[0].text.startswith("Treasury Secretary Janet Yellen")


def test_a_paragraph_about_cookies_is_not_furniture():
    text = (
        "Browsers and privacy\n\n"
        "Regulators in Brussels said that a website which uses cookies to follow readers across other "
        "sites must ask first, and that a banner saying we use cookies is not consent on its own when "
        "the reader cannot refuse as easily as accept.\n\nShare\n"
    )
    article = parse_webtext(text, Path("cookies.txt"))
    assert [b.kind for b in article.blocks] == ["paragraph"]
    assert "uses cookies" in article.blocks[0].text


def test_pull_quotes_and_marked_quotes():
    said = "We will not accept a new cold war between the two largest economies"
    text = (
        "Trade envoys meet in Geneva\n\n"
        f"The envoy spoke for an hour. “{said},” she told delegates, before the talks moved to tariffs and "
        "to the rules on investment screening that both sides have tightened this year.\n\n"
        f"“{said}”\n\n"
        "> The talks were useful, a spokesman said afterwards.\n\n"
        "Delegates expect the next round of talks in the spring, after both sides publish their proposals.\n"
    )
    article = parse_webtext(text, Path("quotes.txt"))
    assert [b.kind for b in article.blocks] == ["paragraph", "quote", "quote", "paragraph"]
    assert article.blocks[2].text == "The talks were useful, a spokesman said afterwards."


def test_text_that_is_only_furniture_is_refused(tmp_path):
    path = tmp_path / "junk.txt"
    path.write_text("Advertisement\n\nShare this article\n\nAccept all cookies\n", encoding="utf-8")
    with pytest.raises(Exception) as info:
        read_articles(path)
    assert "no article text" in str(info.value) and str(path) in str(info.value)


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed sample is not present")
def test_the_seed_web_copy():
    (article,) = read_articles(SEED)
    assert article.title == "US-China: the Xi-Blinken meeting in Beijing"
    assert article.standfirst.startswith("Both top officials acknowledged")
    assert article.date == dt.date(2023, 6, 20)
    assert kinds_of(article, "heading") == [
        "What did Xi and Blinken discuss?",
        "How far will the US go to mend relations with China?",
        "Some harsh reality for the US",
    ]
    bullets = kinds_of(article, "bullet")
    assert len(bullets) == 8 and bullets[0].startswith("Blinken is the first")
    captions = kinds_of(article, "caption")
    assert len(captions) == 3
    assert "Photo by" in captions[0] and "Source:" in captions[2]
    assert "Trinity Audio" not in all_text(article)
