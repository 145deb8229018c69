"""`cuttings feeds`, `fetch`, `add` and `reextract` run as a user runs them, against a local server."""

from __future__ import annotations

import gzip
import json
import os
import signal
import socket
import subprocess
import sys
import time

from library.store import Library
from tests.conftest import ROOT, run_cli
from tests.web_support import article_page, rss, site  # noqa: F401 (fixture)

FEED = "application/rss+xml"


def teaser_feed(site, count: int = 2, path: str = "/feed.rss", title: str = "Strait Watch") -> str:
    items = []
    for n in range(1, count + 1):
        site.add(f"/story{n}", article_page(f"Story number {n}", f"Story {n}"))
        items.append({"title": f"Story number {n}", "link": site.url(f"/story{n}")})
    return site.add(path, rss(items, title), content_type=FEED, etag='"v1"')


def test_follow_a_page_fetch_list_and_fetch_again(site, tmp_path):
    lib = tmp_path / "lib"
    teaser_feed(site)
    page = site.add("/", article_page("Front page", extra_head=f'<link rel="alternate" type="application/rss+xml" href="/feed.rss">'))
    added = run_cli("feeds", "add", page, "--tag", "china", library=lib)
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == f"following 'Strait Watch'  {site.url('/feed.rss')}"

    fetched = run_cli("fetch", library=lib)
    assert fetched.returncode == 0, fetched.stderr
    assert fetched.stdout.splitlines()[-1] == "1 feeds: 1 ok, 0 failed; 2 new articles"

    [row] = [json.loads(line) for line in run_cli("feeds", "--json", library=lib).stdout.splitlines()]
    assert row["name"] == "Strait Watch" and row["tags"] == ["china"] and row["status"] == "ok"
    assert row["articles"] == 2 and row["new"] == 2

    again = run_cli("fetch", "--json", library=lib)
    lines = [json.loads(line) for line in again.stdout.splitlines()]
    assert lines[0]["status"] == "not modified" and lines[0]["new"] == 0
    assert lines[-1] == {"summary": {"ok": 0, "not modified": 1, "failed": 0, "gone": 0, "waiting": 0, "new": 0}}
    assert sorted(e.title for e in Library(lib).entries()) == ["Story number 1", "Story number 2"]


def test_not_a_feed_and_taken_names_are_one_line(site, tmp_path):
    lib = tmp_path / "lib"
    plain = site.add("/plain", article_page("No feed here"))
    refused = run_cli("feeds", "add", plain, library=lib)
    assert refused.returncode == 1
    assert refused.stderr.strip() == f"cuttings: error: {plain}: not a feed, and the page links to none (text/html)"
    feed = teaser_feed(site)
    assert run_cli("feeds", "add", feed, library=lib).returncode == 0
    twice = run_cli("feeds", "add", feed, library=lib)
    assert twice.stderr.strip() == f"cuttings: error: {feed}: already followed as 'Strait Watch'"


def test_rename_remove_and_an_opml_round_trip_keeps_folders(site, tmp_path):
    lib = tmp_path / "lib"
    opml = tmp_path / "subs.opml"
    opml.write_text(f"""<?xml version="1.0"?>
<opml version="1.0"><head><title>mine</title></head><body>
  <outline text="China"><outline text="Trade"><outline text="Chip Desk" type="rss" xmlUrl="{site.url('/chips.rss')}"/></outline>
    <outline text="Strait" type="rss" xmlUrl="{site.url('/strait.rss')}"/></outline>
  <outline text="Shipping"><outline text="Strait" type="rss" xmlUrl="{site.url('/strait.rss')}"/></outline>
  <outline title="Loose" type="rss" xmlUrl="{site.url('/loose.rss')}"/>
</body></opml>""")
    imported = run_cli("feeds", "import", str(opml), library=lib)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.splitlines()[-1].startswith("3 feeds added, 0 already followed")
    assert run_cli("feeds", "rename", "loose", "Loose Desk", library=lib).returncode == 0

    out = tmp_path / "out.opml"
    assert run_cli("feeds", "export", "-o", str(out), library=lib).returncode == 0
    again = run_cli("feeds", "import", str(out), library=tmp_path / "lib2")
    assert again.returncode == 0, again.stderr
    rows = {r["name"]: r["tags"] for r in map(json.loads, run_cli("feeds", "--json", library=tmp_path / "lib2").stdout.splitlines())}
    assert rows == {"Chip Desk": ["China", "Trade"], "Strait": ["China", "Shipping"], "Loose Desk": []}

    removed = run_cli("feeds", "remove", "Strait", library=lib)
    assert removed.stdout.strip() == "no longer following 'Strait'; its articles stay in the library"
    missing = run_cli("feeds", "remove", "Strait", library=lib)
    assert missing.returncode == 1 and "no feed called 'Strait'" in missing.stderr


def test_no_network_is_one_line_per_feed_and_changes_nothing(tmp_path):
    lib = tmp_path / "lib"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    (lib).mkdir()
    (lib / "feeds.yaml").write_text(
        f"- name: One\n  url: http://127.0.0.1:{port}/one.rss\n- name: Two\n  url: http://127.0.0.1:{port}/two.rss\n"
    )
    result = run_cli("fetch", library=lib)
    assert result.returncode == 1
    errors = sorted(result.stderr.splitlines())
    assert len(errors) == 2 and all(f"cannot connect to 127.0.0.1: " in line for line in errors)
    assert errors[0].startswith(f"error: One: http://127.0.0.1:{port}/one.rss: cannot connect")
    assert result.stdout.splitlines()[-1] == "2 feeds: 0 ok, 2 failed; 0 new articles"
    assert not (lib / "articles").exists() or not list((lib / "articles").iterdir())


def test_add_saves_pages_reports_duplicates_and_reextracts(site, tmp_path):
    lib = tmp_path / "lib"
    one = site.add("/one", article_page("Saved page", "Saved"))
    copy = site.add("/copy", article_page("Saved page", "Saved"))
    added = run_cli("add", one, "--tag", "later", "--json", library=lib)
    [row] = [json.loads(line) for line in added.stdout.splitlines()]
    assert row["status"] == "imported" and row["title"] == "Saved page"
    again = run_cli("add", one + "?utm_source=feed#top", copy, library=lib)
    assert again.returncode == 0
    assert again.stdout.splitlines() == [f"duplicate of {row['id']}  {one}?utm_source=feed#top", f"duplicate of {row['id']}  {copy}"]

    original = lib / "originals" / f"{row['id']}.html.gz"
    html = gzip.decompress(original.read_bytes()).decode()
    original.write_bytes(gzip.compress(html.replace("paragraph 1 reports", "paragraph 1 now says").encode()))
    redone = run_cli("reextract", row["id"], library=lib)
    assert redone.returncode == 0, redone.stderr
    shown = Library(lib).get(row["id"])
    assert "paragraph 1 now says" in shown.blocks[0].text and shown.tags == ("later",)


def test_keep_originals_false_keeps_none(site, tmp_path):
    config = tmp_path / "config"
    (config / "cuttings").mkdir(parents=True)
    (config / "cuttings" / "config.yaml").write_text("keep_originals: false\n")
    result = run_cli("add", site.add("/p", article_page("Unkept page")), library=tmp_path / "lib", env={"XDG_CONFIG_HOME": str(config)})
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "lib" / "originals").exists()


def test_killed_fetch_leaves_whole_articles_and_the_next_imports_each_entry_once(site, tmp_path):
    lib = tmp_path / "lib"
    teaser_feed(site, count=6)
    for n in range(1, 7):
        site.routes[f"/story{n}"].delay = 0.15
    lib.mkdir()
    (lib / "feeds.yaml").write_text(f"- name: Strait Watch\n  url: {site.url('/feed.rss')}\n")
    command = [sys.executable, "-m", "tui.cli", "--library", str(lib), "fetch"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ.copy())
    deadline = time.monotonic() + 30
    while not list((lib / "articles").glob("*.md")) if (lib / "articles").exists() else True:
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    for path in (lib / "articles").glob("*.md"):
        assert path.read_text().count("paragraph 6 reports") == 1  # whole, never half
    finished = run_cli("fetch", "--json", library=lib)
    assert finished.returncode == 0, finished.stderr
    assert sorted(e.title for e in Library(lib).entries()) == [f"Story number {n}" for n in range(1, 7)]


def test_feeds_counts_the_saved_links_waiting_and_fetch_saved_gets_only_them(site, tmp_path):
    lib = tmp_path / "lib"
    teaser_feed(site)
    drills = site.add("/drills", article_page("Drills around the strait", "Drills"))
    export = tmp_path / "ril_export.csv"
    export.write_text(f"title,url,time_added,cursor,tags,status\nDrills,{drills},1712300400,,taiwan|military,archive\n")
    assert run_cli("import", str(export), library=lib).returncode == 0
    (lib / "feeds.yaml").write_text(f"- name: Strait Watch\n  url: {site.url('/feed.rss')}\n")
    assert "1 saved links wait to be fetched" in run_cli("feeds", library=lib).stdout
    fetched = run_cli("fetch", "--saved", library=lib)
    assert fetched.returncode == 0, fetched.stderr
    assert site.requests("/feed.rss") == [] and len(site.requests("/drills")) == 1
    [entry] = Library(lib).entries()
    assert entry.title == "Drills around the strait" and list(entry.tags) == ["taiwan", "military"]
