"""Every importer does work in proportion to its input. These tests count work (characters
cleaned, lists copied, substring checks, elements handed to trafilatura) instead of timing it;
the Markdown patterns, whose work cannot be counted, run on hostile lines in a child process
with a CPU budget 50 times what they need, which the old patterns overran a hundredfold.
Timings are in tests/perf/bench_importers_scaling.py."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from library.importers import html, webtext
from library.importers.html import parse_html
from library.importers.webtext import parse_webtext
from tests.conftest import ROOT


class CountingList(list):
    """A list that counts the items its slices copy."""

    copied = 0

    def __getitem__(self, key):
        found = super().__getitem__(key)
        if isinstance(key, slice):
            CountingList.copied += len(found)
        return found


class CountingText(str):
    """A string that counts how often it is searched with `in`."""

    searched = 0

    def __contains__(self, other):
        CountingText.searched += 1
        return super().__contains__(other)


def test_wrapped_lines_are_joined_once_not_once_per_line(monkeypatch):
    cleaned = []
    monkeypatch.setattr(webtext, "clean_text", lambda text: cleaned.append(len(text)) or " ".join(text.split()))
    text = "Title\n\n" + "Short line\n" * 20_000  # every line as long as the longest: read as wrapped
    article = parse_webtext(text, Path("wrapped.txt"))
    assert article.word_count >= 40_000
    assert sum(cleaned) < 3 * len(text)


def test_heading_detection_copies_no_list_per_line():
    lines = CountingList(webtext._Line(f"Short line {n}.") for n in range(5_000))
    webtext._mark_headings(lines)
    assert CountingList.copied < len(lines)


def test_pull_quotes_are_looked_for_a_bounded_number_of_times(monkeypatch):
    monkeypatch.setattr(webtext, "key", lambda text: CountingText(" ".join(text.lower().split())))
    lines = []
    for n in range(2_000):
        lines.append(webtext._Line(f"\u201cWe will talk again in Geneva next week, delegate {n} said.\u201d"))
        lines.append(webtext._Line(f"Body paragraph number {n} of the story."))
    webtext._mark_pull_quotes(lines)
    assert CountingText.searched <= webtext.MAX_PULL_QUOTES * len(lines)


def page(paragraphs: int, scripts: int = 0) -> str:
    script = "<script>var data = {" + "x: 1, " * 200 + "};</script>"
    body = "".join(f"<p>Paragraph {n} of the story about tariffs and talks in Geneva.</p>" for n in range(paragraphs))
    return (f"<html><head><title>Talks resume</title>{script * scripts}"
            '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-05-02"}</script>'
            f"</head><body><article><h1>Talks resume</h1>{body}</article></body></html>")


@pytest.fixture
def extracted(monkeypatch):
    """The trees parse_html hands to trafilatura, as (elements, script types)."""
    import trafilatura

    seen = []
    real = trafilatura.bare_extraction

    def recording(tree, **kwargs):
        seen.append((sum(1 for _ in tree.iter()), [s.get("type") for s in tree.iter("script")]))
        return real(tree, **kwargs)

    monkeypatch.setattr("trafilatura.bare_extraction", recording)
    return seen


def test_scripts_are_removed_before_extraction_but_json_ld_stays(extracted):
    article = parse_html(page(20, scripts=50), Path("page.html"))
    assert [types for _, types in extracted] == [["application/ld+json"]]
    assert len(article.blocks) == 20 and str(article.date) == "2024-05-02"


def test_a_normal_page_is_extracted_by_trafilatura(extracted):
    parse_html(page(200), Path("page.html"))
    assert len(extracted) == 1


def test_a_huge_page_is_walked_without_trafilatura_and_keeps_its_text(extracted):
    article = parse_html(page(html.MAX_ELEMENTS + 10), Path("page.html"))
    assert extracted == []
    assert article.title == "Talks resume" and str(article.date) == "2024-05-02"
    assert len(article.blocks) == html.MAX_ELEMENTS + 10
    assert article.blocks[-1].text == f"Paragraph {html.MAX_ELEMENTS + 9} of the story about tariffs and talks in Geneva."


@pytest.mark.parametrize("unit", ["[a", "*a ", "_a ", "**a ", "`a ", "![a](", "[a](", "<!--"])
def test_markdown_of_a_repeated_mark_is_read_within_a_cpu_budget(unit):
    program = textwrap.dedent(f"""
        import resource
        from pathlib import Path
        from library.importers.markdown import parse_markdown
        resource.setrlimit(resource.RLIMIT_CPU, (20, 20))  # the linear patterns need about 0.4 s
        article = parse_markdown("# Title\\n\\n" + {unit!r} * (1_000_000 // {len(unit)}), Path("hostile.md"))
        print(len(article.blocks[0].text))
    """)
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert int(result.stdout) > 100_000
