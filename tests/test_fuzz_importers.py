"""Every importer, fed hostile or broken text, either gives articles that store and read back
exactly, or refuses the file with an ImportFailure: never another exception. Inputs are built
from the pieces each format is made of, so the fuzzer reaches the parsers' corners quickly.
The number of examples comes from the profile in conftest.py (HYPOTHESIS_PROFILE=deep for more)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from library.articlefile import dump_article, load_article
from library.importers import ImportFailure
from library.importers.decoding import decode
from library.importers.feeds import parse_feed
from library.importers.html import parse_html
from library.importers.markdown import parse_markdown
from library.importers.webtext import parse_webtext


def pieces(*tokens: str, size: int = 60) -> st.SearchStrategy[str]:
    """Text made of format tokens, words and arbitrary characters in any order."""
    token = st.one_of(st.sampled_from(tokens), st.text(max_size=8), st.sampled_from(["Trade", "talks", "\n", " ", "\n\n"]))
    return st.lists(token, max_size=size).map("".join)


MARKDOWN = pieces("# ", "## ", "#", "* ", "*", "**", "_", "`", "```", "- ", "-", "+ ", "1. ", "2) ", "> ", ">",
                  "[", "](", ")", "[a", "![", "]", "\\", "---", "---\n", "===", "***", "<!--", "-->", "title: x\n",
                  "date: 2024-01-02\n", "tags: [a, b]\n", "Caption:", "By Jane Roe", "\t", "    ")
WEBTEXT = pieces("By Jane Roe", "Reuters", "Photo: AFP", "Image caption, ", "Getty Images", "• ", "- ", "* ", "1. ",
                 "> ", "\u201c", "\u201d", "?", ".", "12 May 2024", "Updated", "Share", "Advertisement", "ASIA", " | ",
                 "Read more:", "Related", "A" * 130, "a sentence that runs on. And on", "  ")
HTML = pieces("<html>", "<body>", "<article>", "<p>", "</p>", "<h1>", "</h1>", "<h2>", "<li>", "<ul>", "<br>",
              "<blockquote>", "<figure>", "<figcaption>", "</figcaption>", "<script>", "</script>", "<div class=dek>",
              "</div>", "<meta name=description content='x'>", "<title>", "</title>", "&amp;", "&#0;", "<!--", "<",
              ">", "\"", "'")
FEED = pieces("<?xml version='1.0'?>", "<rss>", "<channel>", "</channel>", "<item>", "</item>", "<item", "<title>",
              "</title>", "<title", "<description>", "</description>", "<content:encoded>", "</content:encoded>",
              "<![CDATA[", "]]>", "<p>", "<link>", "</link>", "<author>", "<pubDate>", "<category>", "<feed>",
              "<entry>", "<content type='html'>", "</content>", "<summary/>", "&lt;p&gt;", "&", "<")


def accepted_or_refused(parse, text: str, suffix: str) -> None:
    try:
        articles = parse(text, Path(f"fuzz{suffix}"))
    except ImportFailure:
        return
    for article in articles if isinstance(articles, list) else [articles]:
        assert article.title and article.blocks
        stored = article.with_id()
        assert load_article(dump_article(stored), "a.md") == stored


@given(MARKDOWN)
def test_markdown_importer(text):
    accepted_or_refused(parse_markdown, text, ".md")


@given(WEBTEXT)
def test_webtext_importer(text):
    accepted_or_refused(parse_webtext, text, ".txt")


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(HTML)
def test_html_importer(text):
    accepted_or_refused(parse_html, text, ".html")


@given(FEED)
def test_feed_importer(text):
    accepted_or_refused(parse_feed, text, ".rss")


@given(st.binary(max_size=300))
def test_decoding_any_bytes(data):
    try:
        assert isinstance(decode(data, Path("fuzz.txt")), str)
    except ImportFailure:
        pass


@pytest.mark.parametrize("feed", [
    "<item<title</content:encoded>",
    "<rss><channel><item<title</content:encoded></channel></rss>",
    "<rss><channel><title>Desk</title><item><title>One</title><description/><link/></item></channel></rss>",
])
def test_a_feed_item_with_missing_fields_is_refused_not_a_crash(feed):
    accepted_or_refused(parse_feed, feed, ".rss")


def test_a_feed_item_without_title_is_titled_from_its_first_words():
    long = "word " * 40
    feed = f"<rss><channel><item><description>{long}</description></item></channel></rss>"
    [article] = parse_feed(feed, Path("f.rss"))
    assert article.title == long[:100].strip()
