"""Refreshing feeds against a real server on 127.0.0.1: what lands in the library, and what
the server is asked (pages only for summary-only entries, nothing new after a 304)."""

from __future__ import annotations

import threading
import time

import pytest

from library.articlefile import read_article_file
from library.web.client import Fetcher
from library.web.refresh import refresh_feeds
from library.web.subscriptions import Subscription, editing_feeds, load_feeds
from tests.web_support import Route, Site, article_page, full_text, rss, site  # noqa: F401 (fixture)


def follow(library, url: str, name: str = "Strait Watch", tags=()) -> None:
    with editing_feeds(library) as feeds:
        feeds.append(Subscription(name, url, tuple(tags)))


def two_teasers_and_one_full(site: Site) -> str:
    site.add("/a1", article_page("Ships cross the strait", "Ships"))
    site.add("/a2", article_page("Chip talks resume", "Chips"))
    return site.add(
        "/feed.rss",
        rss([
            {"title": "Ships cross the strait", "link": site.url("/a1"), "author": "desk@strait.example (Mei Lin)"},
            {"title": "Chip talks resume", "link": site.url("/a2"), "date": "Wed, 08 Nov 2023 09:00:00 GMT"},
            {"title": "Full story", "link": site.url("/a3"), "content": full_text("Full story")},
        ]),
        content_type="application/rss+xml",
        etag='"v1"',
    )


def stored(library) -> dict[str, object]:
    library.refresh()
    return {e.url: read_article_file(library.path_of(e.id)) for e in library.entries()}


def test_summary_entries_bring_their_page_and_full_entries_do_not(site, library):
    follow(library, two_teasers_and_one_full(site), tags=["china", "shipping"])
    [report] = refresh_feeds(library)
    assert report.status == "ok" and len(report.new) == 3
    articles = stored(library)
    ships = articles[site.url("/a1")]
    assert ships.title == "Ships cross the strait"
    assert ships.blocks[0].text.startswith("Ships: paragraph 1 reports")  # the page's text, not the teaser
    assert ships.author == "Mei Lin" and ships.date.isoformat() == "2023-11-07"
    assert ships.tags == ("china", "shipping") and ships.source == "Strait Watch"
    assert articles[site.url("/a2")].date.isoformat() == "2023-11-08"
    assert articles[site.url("/a3")].blocks[0].text.startswith("Full story: paragraph 1")
    assert site.requests("/a3") == []  # full content: the page was never asked for
    assert (library.root / "originals" / f"{ships.id}.html.gz").exists()
    assert not (library.root / "originals" / f"{articles[site.url('/a3')].id}.html.gz").exists()
    assert site.requests("/feed.rss")[0]["user-agent"].startswith("Cuttings/")


def test_second_fetch_is_one_conditional_request_and_changes_nothing(site, library):
    follow(library, two_teasers_and_one_full(site))
    refresh_feeds(library)
    files = sorted(p.name for p in (library.root / "articles").iterdir())
    before = len(site.log)
    [report] = refresh_feeds(library)
    assert report.status == "not modified" and report.new == []
    assert len(site.log) == before + 1  # the feed only; no page fetched again
    assert site.log[-1][1]["if-none-match"] == '"v1"'
    assert sorted(p.name for p in (library.root / "articles").iterdir()) == files


def test_a_changed_feed_brings_only_its_new_entry(site, library):
    url = two_teasers_and_one_full(site)
    follow(library, url)
    refresh_feeds(library)
    site.add("/a4", article_page("Tariff round ends", "Tariffs"))
    site.add("/feed.rss", rss([
        {"title": "Tariff round ends", "link": site.url("/a4")},
        {"title": "Ships cross the strait", "link": site.url("/a1")},
    ]), content_type="application/rss+xml", etag='"v2"')
    [report] = refresh_feeds(library)
    assert len(report.new) == 1 and len(site.requests("/a1")) == 1 and len(site.requests("/a4")) == 1
    assert len(stored(library)) == 4


def test_atom_and_rss_1_0_summary_feeds(site, library):
    site.add("/p1", article_page("Atom piece", "Atom"))
    site.add("/p2", article_page("RDF piece", "RDF"))
    site.add("/atom", f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title><id>urn:desk</id><updated>2023-11-07T08:00:00Z</updated>
<entry><title>Atom piece</title><id>urn:p1</id><link href="{site.url('/p1')}"/><updated>2023-11-07T08:00:00Z</updated>
<author><name>Ana Ruiz</name></author><summary>Short.</summary></entry></feed>""", content_type="application/atom+xml")
    site.add("/rdf", f"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="{site.url('/rdf')}"><title>RDF Desk</title><link>{site.base}</link><description>d</description></channel>
<item rdf:about="{site.url('/p2')}"><title>RDF piece</title><link>{site.url('/p2')}</link><description>Short.</description><dc:date>2023-11-06</dc:date></item>
</rdf:RDF>""", content_type="application/rdf+xml")
    follow(library, site.url("/atom"), "Atom Desk")
    follow(library, site.url("/rdf"), "RDF Desk")
    reports = refresh_feeds(library)
    assert [(r.name, r.status, len(r.new)) for r in reports] == [("Atom Desk", "ok", 1), ("RDF Desk", "ok", 1)]
    articles = stored(library)
    assert articles[site.url("/p1")].author == "Ana Ruiz"
    assert articles[site.url("/p2")].date.isoformat() == "2023-11-06"
    assert articles[site.url("/p2")].blocks[0].text.startswith("RDF: paragraph 1")


def test_an_entry_in_two_feeds_is_imported_once(site, library):
    url = two_teasers_and_one_full(site)
    follow(library, url)
    site.add("/other.rss", rss([{"title": "Ships cross the strait", "link": site.url("/a1"), "guid": "other-1"}], "Other"),
             content_type="application/rss+xml")
    follow(library, site.url("/other.rss"), "Other")
    refresh_feeds(library, ["Strait Watch"])
    [report] = refresh_feeds(library, ["other"])
    assert report.new == [] and len(site.requests("/a1")) == 1


def test_a_failed_page_is_tried_again_and_the_feed_not_taken_as_unchanged(site, library):
    url = two_teasers_and_one_full(site)
    site.routes["/a2"].status = 500
    follow(library, url)
    [report] = refresh_feeds(library)
    assert len(report.new) == 2 and "HTTP 500" in report.page_errors[0]
    site.routes["/a2"].status = 200
    [report] = refresh_feeds(library)
    assert len(report.new) == 1 and "if-none-match" not in site.requests("/feed.rss")[-1]


def test_at_most_two_requests_per_host_and_eight_in_all(library):
    sites = [Site() for _ in range(5)]
    busy = {"all": 0, "most": 0}
    per_site = {}
    lock = threading.Lock()

    def slow(name):
        def handler(headers):
            with lock:
                busy["all"] += 1
                per_site[name] = per_site.get(name, 0) + 1
                busy["most"] = max(busy["most"], busy["all"])
                busy[name] = max(busy.get(name, 0), per_site[name])
            time.sleep(0.15)
            with lock:
                busy["all"] -= 1
                per_site[name] -= 1
            return 304, {}, b""
        return handler

    try:
        for s, server in enumerate(sites):
            for f in range(4):
                server.routes[f"/f{f}"] = Route(handler=slow(s))
                follow(library, server.url(f"/f{f}"), f"feed {s}-{f}")
        with Fetcher() as fetcher:
            reports = refresh_feeds(library, fetcher=fetcher)
    finally:
        for server in sites:
            server.close()
    assert {r.status for r in reports} == {"not modified"}
    assert max(busy[s] for s in range(5)) == 2
    assert busy["most"] == 8


def test_interrupted_refresh_keeps_whole_articles_and_the_next_one_finishes(site, library):
    url = two_teasers_and_one_full(site)
    follow(library, url)
    follow(library, site.add("/second.rss", rss([{"title": "Chip talks resume", "link": site.url("/a2")}], "Second"),
                             content_type="application/rss+xml"), "Second")
    stop = threading.Event()
    first = refresh_feeds(library, stop=stop, on_progress=lambda done, total, report: stop.set())
    assert len(first) == 1
    refresh_feeds(library)
    library.refresh()
    assert sorted(e.url for e in library.entries()) == [site.url(p) for p in ("/a1", "/a2", "/a3")]
    assert {feed.state["status"] for feed in load_feeds(library)} <= {"ok", "not modified"}


def test_a_page_that_will_never_come_leaves_the_entry_text_and_is_not_asked_again(site, library):
    url = two_teasers_and_one_full(site)
    site.add("/a2", b"%PDF-1.7", content_type="application/pdf")
    follow(library, url)
    [report] = refresh_feeds(library)
    assert len(report.new) == 3 and report.page_errors == [f"{site.url('/a2')}: not a web page (a PDF document)"]
    assert stored(library)[site.url("/a2")].blocks[0].text == "A short teaser."
    [again] = refresh_feeds(library)
    assert again.status == "not modified" and len(site.requests("/a2")) == 1


def test_unknown_names_and_broken_files_are_one_line(library, tmp_path):
    from library.web.opml import OpmlError, read_opml
    from library.web.refresh import UnknownFeed
    from library.web.subscriptions import FeedsFileError

    with pytest.raises(UnknownFeed, match="no feed called 'nope'"):
        refresh_feeds(library, ["nope"])
    (library.root / "feeds.yaml").write_text("- name: a\n  url: &x http://a\n- name: b\n  url: *x\n")
    with pytest.raises(FeedsFileError, match=r"feeds.yaml:4: YAML aliases"):
        load_feeds(library)
    (library.root / "feeds.yaml").write_text("name: just one\n")
    with pytest.raises(FeedsFileError, match="expected a list of feeds"):
        load_feeds(library)
    broken = tmp_path / "broken.opml"
    broken.write_text("<opml><body><outline text='x'></body>")
    with pytest.raises(OpmlError, match=f"{broken}: not valid XML"):
        read_opml(broken)


def test_opml_entities_are_not_expanded(tmp_path):
    from library.web.opml import OpmlError, read_opml

    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-42")
    laughs = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
    opml = tmp_path / "evil.opml"
    opml.write_text(f"""<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY l0 "lol">{laughs}<!ENTITY x SYSTEM "file://{secret}">]>
<opml version="2.0"><body><outline text="&x;&l9;" xmlUrl="http://127.0.0.1/f.rss"/></body></opml>""")
    with pytest.raises(OpmlError) as refused:
        read_opml(opml)
    assert "TOPSECRET" not in str(refused.value)
    opml.write_text(opml.read_text().replace("&x;", ""))
    try:
        names = [feed.name for feed in read_opml(opml)]
    except OpmlError as exc:  # refusing the file is as safe as not expanding
        names = [str(exc)]
    assert all(len(name) < 1000 for name in names)


def test_a_fetched_feed_with_broken_items_is_read_without_a_crash():
    """feedparser leaves None where markup is broken (`<item<title`); the web path copes as
    the file importer does."""
    from library.web.client import Fetched
    from library.web.feeddoc import entry_key, read_feed

    body = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
            b'<item<title</content:encoded><link>http://a.example/1</link></item></channel></rss>')
    document = read_feed(Fetched("http://feed.example/rss", 200, body, {"content-type": "application/rss+xml"}))
    (entry,) = document.entries
    assert entry_key(entry) == "http://a.example/1"
    entry["id"], entry["link"], entry["title"] = ["not", "text"], None, None  # as broken markup leaves them
    assert entry_key(entry).startswith("sha256:")
