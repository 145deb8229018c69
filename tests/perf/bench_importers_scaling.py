"""Benchmark: does each importer take time in proportion to its input? Each hostile or large
input is parsed at 100 KB and at 1 MB; a linear parser takes about 10 times as long for the
larger one, a quadratic one about 100 times. The 1 MB time should stay under 2 s.

Inputs: Markdown of `[a` repeated and of `*a ` repeated (link and emphasis patterns that once
scanned to the end of the line from every mark), web text of short lines (heading detection
once copied the rest of the list for every line, wrapped lines were joined
one at a time, and every quoted line was looked for in every other line), a long but ordinary Markdown article, and
an HTML page of many paragraphs (trafilatura's extraction) and of one huge paragraph.

Run: python tests/perf/bench_importers_scaling.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from library.importers import ImportFailure  # noqa: E402
from library.importers.feeds import parse_feed  # noqa: E402
from library.importers.html import parse_html  # noqa: E402
from library.importers.markdown import parse_markdown  # noqa: E402
from library.importers.webtext import parse_webtext  # noqa: E402

PARAGRAPH = ("Officials in Geneva said the talks on tariffs would resume next week, after a long "
             "afternoon in which neither side gave ground on export controls. ")


def repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def html_page(size: int, paragraph: str = PARAGRAPH) -> str:
    body = repeat(f"<p>{paragraph}</p>\n", size)
    return f"<html><head><title>Talks</title></head><body><article><h1>Talks</h1>{body}</article></body></html>"


def news_page(size: int) -> str:
    """A page as sites serve it: menus, scripts, inline links and emphasis, figures, asides."""
    nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(60))
    script = "<script>window.__DATA__ = {" + '"k": [1, 2, 3], ' * 2000 + "};</script>"
    unit = (f'<div class="wrap"><p>{PARAGRAPH} <a href="/more">more on this</a> <em>today</em>.</p></div>'
            '<figure><img src="/i.jpg" alt="A photo"><figcaption>Delegates in Geneva. Photo by Staff / AFP</figcaption></figure>'
            '<aside><ul><li><a href="/r/1">Related story</a></li><li><a href="/r/2">Another</a></li></ul></aside>')
    return (f"<html><head><title>Talks</title>{script}</head><body><header><nav><ul>{nav}</ul></nav></header>"
            f"<main><article><h1>Talks</h1>{repeat(unit, size - 40_000)}</article></main><footer>Footer</footer></body></html>")


def link_page(size: int) -> str:
    """One block holding thousands of links, where trafilatura's time grows fastest."""
    return f"<html><body><p>{PARAGRAPH}</p><div>{repeat('<a href=/x>a link</a> ', size)}</div></body></html>"


def feed(size: int) -> str:
    item = f"<item><title>Talks resume</title><description>{PARAGRAPH}</description></item>\n"
    return f"<?xml version='1.0'?><rss><channel><title>Desk</title>{repeat(item, size)}</channel></rss>"


CASES = {
    "markdown [a": (parse_markdown, ".md", lambda n: "# Title\n\n" + repeat("[a", n)),
    "markdown *a": (parse_markdown, ".md", lambda n: "# Title\n\n" + repeat("*a ", n)),
    "markdown article": (parse_markdown, ".md", lambda n: "# Title\n\n" + repeat(f"*Some* [words]({'u'}) {PARAGRAPH}\n\n", n)),
    "web text short lines": (parse_webtext, ".txt", lambda n: "Title\n\n" + repeat("Short line\n", n)),
    "web text sentences": (parse_webtext, ".txt", lambda n: "Title\n\n" + repeat("Short line.\n", n)),
    "web text quoted lines": (parse_webtext, ".txt", lambda n: "Title\n\n" + repeat('"We will talk again in Geneva," she said.\n', n)),
    "web text article": (parse_webtext, ".txt", lambda n: "Title\n\n" + repeat(PARAGRAPH + "\n\n", n)),
    "html paragraphs": (parse_html, ".html", html_page),
    "html one paragraph": (parse_html, ".html", lambda n: html_page(n, repeat("word ", n))[: n + 200]),
    "html news page": (parse_html, ".html", news_page),
    "html of links": (parse_html, ".html", link_page),
    "feed items": (parse_feed, ".rss", feed),
}


def timed(parse, text: str, suffix: str) -> float:
    """CPU seconds, the best of three: other processes on the machine do not count."""
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        try:
            parse(text, Path("bench" + suffix))
        except ImportFailure:
            pass
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    small, large = 100_000, 1_000_000
    print(f"{'input':24} {'100 KB':>8} {'1 MB':>8} {'ratio':>6}")
    for name, (parse, suffix, make) in CASES.items():
        timed(parse, make(1000), suffix)  # warm up: imports, caches
        t_small, t_large = timed(parse, make(small), suffix), timed(parse, make(large), suffix)
        flag = "" if t_large < 2 and t_large / t_small < 20 else "  <-- not linear or too slow"
        print(f"{name:24} {t_small:7.2f}s {t_large:7.2f}s {t_large / t_small:5.1f}x{flag}")


if __name__ == "__main__":
    main()
