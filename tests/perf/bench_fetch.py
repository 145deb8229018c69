"""Benchmark: `cuttings fetch` of 200 feeds x 20 summary-only entries from local servers that
add 50 ms to every response (the latency of a far-away site).

Ten servers on 127.0.0.1-127.0.0.10 stand for ten sites, 20 feeds each; every entry links to
its own page, so the first fetch makes 200 feed requests and 4,000 page requests, extracts
4,000 articles and stores them. Measured, each in a fresh process:
- the first `cuttings fetch` (8 requests at once, 2 per host);
- the second `cuttings fetch`: every feed answers 304 (must stay well under 5 s);
- the baseline: the same first fetch with one request at a time, into a fresh library.
Then the disk the kept originals take, per 1,000 articles.

Measured on 2 shared cores (load about 6): first fetch 61.0 s, second 2.2 s (200 requests,
all 304), one request at a time 275.2 s (4.5x slower). The first fetch is bound by extraction:
trafilatura takes about 15 ms a page, 60 s of one core for 4,000 pages, which the threads
overlap with the 26 s the requests need 8 at a time.

Run: python tests/perf/bench_fetch.py [FEEDS] [--no-baseline]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.web_support import Site, rss  # noqa: E402

HOSTS = 10
ENTRIES = 20
DELAY = 0.05
SERIAL = """
import sys
from library.store import Library
from library.web.client import Fetcher
from library.web.refresh import refresh_feeds
with Fetcher(total_slots=1, host_slots=1) as fetcher:
    reports = refresh_feeds(Library(sys.argv[1]), fetcher=fetcher)
assert all(r.status == "ok" for r in reports), [r.error for r in reports if r.error]
"""


def page(feed: int, entry: int) -> str:
    """A news page: navigation, the story (about 600 words), related links, a footer."""
    nav = "".join(f"<li><a href='/section/{n}'>Section {n}</a></li>" for n in range(40))
    story = "".join(
        f"<p>Feed {feed}, story {entry}, paragraph {n}: negotiators from Beijing and Washington met again to "
        f"discuss export controls on chips, shipping lanes in the strait and tariffs on {feed * 31 + entry * 7 + n} "
        f"categories of goods, officials briefed on talks number {entry} said on condition of anonymity.</p>"
        for n in range(15)
    )
    related = "".join(f"<li><a href='/story/{feed}-{n}'>Related story {n} from desk {feed}</a></li>" for n in range(12))
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>Story {feed}-{entry}</title>"
        f"<style>{'.c{margin:0;padding:0}' * 50}</style></head><body><nav><ul>{nav}</ul></nav>"
        f"<article><h1>Talks round {feed}-{entry}</h1>{story}</article><aside><ul>{related}</ul></aside>"
        "<footer>Copyright Desk. All rights reserved.</footer></body></html>"
    )


def serve(feeds: int) -> tuple[list[Site], str]:
    """The servers, and feeds.yaml text following every feed."""
    sites = [Site(f"127.0.0.{n + 1}", delay=DELAY) for n in range(HOSTS)]
    lines = []
    for feed in range(feeds):
        site = sites[feed % HOSTS]
        items = []
        for entry in range(ENTRIES):
            link = site.add(f"/f{feed}/s{entry}", page(feed, entry))
            items.append({"title": f"Talks round {feed}-{entry}", "link": link, "description": "A short teaser."})
        url = site.add(f"/f{feed}.rss", rss(items, f"Desk {feed}"), content_type="application/rss+xml", etag=f'"f{feed}"')
        lines.append(f"- name: Desk {feed}\n  url: {url}\n")
    return sites, "".join(lines)


def timed(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {result.stderr.strip()[-800:]}")
    return elapsed


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.glob("*") if p.is_file())


def main() -> None:
    feeds = int(next((a for a in sys.argv[1:] if a.isdigit()), 200))
    sites, feeds_yaml = serve(feeds)
    requests = lambda: sum(len(s.log) for s in sites)  # noqa: E731
    with tempfile.TemporaryDirectory(prefix="bench-fetch-") as tmp:
        env = {**os.environ, "XDG_CONFIG_HOME": f"{tmp}/config", "XDG_DATA_HOME": f"{tmp}/data"}
        lib = Path(tmp) / "lib"
        lib.mkdir()
        (lib / "feeds.yaml").write_text(feeds_yaml)
        fetch = [sys.executable, "-m", "tui.cli", "--library", str(lib), "fetch"]

        first = timed(fetch, env)
        articles = len(list((lib / "articles").glob("*.md")))
        first_requests = requests()
        second = timed(fetch, env)
        second_requests = requests() - first_requests
        print(f"{feeds} feeds x {ENTRIES} summary-only entries, {DELAY * 1000:.0f} ms per response, {HOSTS} hosts")
        print(f"first fetch:  {first:6.1f} s  ({first_requests} requests, {articles} articles)")
        print(f"second fetch: {second:6.1f} s  ({second_requests} requests, all 304)")
        originals = lib / "originals"
        kept = len(list(originals.glob("*.html.gz")))
        html = len(page(0, 0).encode())
        print(f"originals: {folder_size(originals) / kept / 1024:.1f} KB per article kept "
              f"({folder_size(originals) / kept * 1000 / 1024 / 1024:.1f} MB per 1,000; pages of {html / 1024:.1f} KB)")

        if "--no-baseline" not in sys.argv:
            serial_lib = Path(tmp) / "serial"
            serial_lib.mkdir()
            (serial_lib / "feeds.yaml").write_text(feeds_yaml)
            serial = timed([sys.executable, "-c", SERIAL, str(serial_lib)], env)
            print(f"baseline, one request at a time: {serial:6.1f} s  (first fetch {serial / first:.1f}x faster)")
    for site in sites:
        site.close()


if __name__ == "__main__":
    main()
