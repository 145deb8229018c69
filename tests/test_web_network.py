"""How fetching behaves when the server does not simply answer 200: redirects, gone, busy,
slow, too big, mislabelled or hostile. Each case is one line for the user, never a traceback."""

from __future__ import annotations

import gzip
import socket

import pytest

from library.web.client import Fetcher
from library.web.pages import fetch_page
from library.web.refresh import refresh_feeds
from library.web.saving import save_pages
from library.web.subscriptions import Subscription, editing_feeds, load_feeds
from tests.web_support import Route, article_page, full_text, rss, site  # noqa: F401 (fixture)

FEED = "application/rss+xml"


def follow(library, url: str, name: str = "Desk") -> None:
    with editing_feeds(library) as feeds:
        feeds.append(Subscription(name, url))


def full_feed(site, path: str = "/new.rss") -> str:
    return site.add(path, rss([{"title": "Whole story", "link": site.url("/s1"), "content": full_text("Whole")}]), content_type=FEED)


@pytest.mark.parametrize("status, updates", [(301, True), (308, True), (302, False), (307, False)])
def test_permanent_redirects_update_the_address_and_temporary_ones_do_not(site, library, status, updates):
    new = full_feed(site)
    site.add("/old.rss", status=status, headers={"Location": new}, content_type=None)
    follow(library, site.url("/old.rss"))
    [report] = refresh_feeds(library)
    assert report.status == "ok" and len(report.new) == 1
    assert report.moved_to == (new if updates else None)
    assert load_feeds(library)[0].url == (new if updates else site.url("/old.rss"))


def test_gone_feed_is_marked_and_not_asked_again(site, library):
    site.add("/gone.rss", status=410, content_type="text/plain")
    follow(library, site.url("/gone.rss"))
    [report] = refresh_feeds(library)
    assert report.status == "gone" and "HTTP 410" in report.error
    [again] = refresh_feeds(library)
    assert again.status == "gone" and len(site.requests("/gone.rss")) == 1
    assert load_feeds(library)[0].state["status"] == "gone"


@pytest.mark.parametrize("status, retry_after", [(429, "3600"), (503, "Fri, 31 Dec 2100 23:59:59 GMT")])
def test_retry_after_is_honoured(site, library, status, retry_after):
    site.add("/busy.rss", status=status, headers={"Retry-After": retry_after}, content_type="text/plain")
    follow(library, site.url("/busy.rss"))
    [report] = refresh_feeds(library)
    assert report.status == "waiting" and "wait until" in report.error
    [again] = refresh_feeds(library)
    assert again.status == "waiting" and len(site.requests("/busy.rss")) == 1


def test_redirect_loop_is_named(site, library):
    site.add("/a.rss", status=302, headers={"Location": site.url("/b.rss")}, content_type=None)
    site.add("/b.rss", status=302, headers={"Location": site.url("/a.rss")}, content_type=None)
    follow(library, site.url("/a.rss"))
    [report] = refresh_feeds(library)
    assert report.status == "failed" and "redirect loop" in report.error


def test_slow_server_times_out(site):
    site.add("/slow", article_page("Slow"), delay=1.0)
    with Fetcher(read_timeout=0.2) as fetcher, pytest.raises(Exception) as caught:
        fetch_page(site.url("/slow"), fetcher)
    assert str(caught.value) == f"{site.url('/slow')}: timed out waiting for an answer (127.0.0.1)"


def test_body_over_the_size_cap_is_refused_even_when_compressed(site):
    huge = b"<html><body><p>" + b"x" * (21 * 1024 * 1024) + b"</p></body></html>"
    site.add("/huge", huge)
    site.add("/bomb", gzip.compress(huge, compresslevel=1), headers={"Content-Encoding": "gzip"})
    with Fetcher() as fetcher:
        for path in ("/huge", "/bomb"):
            with pytest.raises(Exception) as caught:
                fetch_page(site.url(path), fetcher)
            assert "over the 20 MB limit" in str(caught.value)


def test_gzip_and_wrong_or_missing_charsets_still_read(site):
    page = article_page("Café talks in Genève", "Résumé")
    site.add("/gz", gzip.compress(page.encode()), headers={"Content-Encoding": "gzip"})
    site.add("/lying", page.replace("charset='utf-8'", "").encode("cp1252"), content_type="text/html; charset=utf-8")
    site.add("/unknown", page.encode("utf-8"), content_type="text/html; charset=klingon")
    site.add("/meta", page.replace("utf-8", "iso-8859-1").encode("latin-1"), content_type="text/html")
    with Fetcher() as fetcher:
        for path in ("/gz", "/lying", "/unknown", "/meta"):
            article = fetch_page(site.url(path), fetcher).article
            assert article.blocks[0].text.startswith("Résumé: paragraph 1"), path


def test_broken_gzip_pdf_and_dead_server_are_one_line_each(site, library):
    site.add("/broken", b"\x1f\x8b\x08\x00 not really gzip", headers={"Content-Encoding": "gzip"})
    site.add("/paper.pdf", b"%PDF-1.7 ...", content_type="application/pdf")
    site.add("/sneaky", b"%PDF-1.7 ...", content_type="text/html")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}/page"
    urls = [site.url("/broken"), site.url("/paper.pdf"), site.url("/sneaky"), dead]
    outcomes = list(save_pages(library, urls))
    assert [o.status for o in outcomes] == ["error"] * 4
    errors = [o.error for o in outcomes]
    assert errors[0] == f"{urls[0]}: the server sent a broken gzip/deflate body"
    assert errors[1] == f"{urls[1]}: not a web page (a PDF document)"
    assert errors[2] == f"{urls[2]}: not a web page (a PDF document)"
    assert errors[3].startswith(f"{dead}: cannot connect to 127.0.0.1: ")
    assert all("\n" not in e for e in errors)
    assert not (library.root / "articles").exists() or not any((library.root / "articles").iterdir())


def test_billion_laughs_feed_stays_small(site, library):
    laughs = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    site.add("/lol.rss", f"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">{laughs}]>
<rss version="2.0"><channel><title>Laughs &lol9;</title><item><title>Joke &lol9;</title><link>{site.url('/s1')}</link>
<description><![CDATA[{full_text('Joke')}]]></description></item></channel></rss>""", content_type=FEED)
    follow(library, site.url("/lol.rss"))
    [report] = refresh_feeds(library)
    library.refresh()
    sizes = [e.words for e in library.entries()]
    assert report.status in ("ok", "failed") and all(size < 1000 for size in sizes)
    assert all(len(p.read_bytes()) < 100_000 for p in (library.root / "articles").glob("*.md"))


def test_external_entity_cannot_read_local_files(site, library, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-42")
    site.add("/xxe.rss", f"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>
<rss version="2.0"><channel><title>Leak &x;</title><item><title>Leak &x;</title><link>{site.url('/s1')}</link>
<description><![CDATA[&x; {full_text('Leak')}]]></description></item></channel></rss>""", content_type=FEED)
    follow(library, site.url("/xxe.rss"))
    refresh_feeds(library)
    texts = [p.read_text() for p in (library.root / "articles").glob("*.md")]
    assert texts and not any("TOPSECRET" in text for text in texts)
    assert "TOPSECRET" not in (library.root / "feeds.yaml").read_text()


def test_a_page_that_is_not_a_feed_fails_the_feed_in_one_line(site, library):
    site.add("/news", article_page("Not a feed"))
    site.routes["/junk.rss"] = Route(b"<rss><channel><title>x", headers={"Content-Type": FEED})
    follow(library, site.url("/news"), "Page")
    follow(library, site.url("/junk.rss"), "Junk")
    reports = refresh_feeds(library)
    assert reports[0].status == "failed" and reports[0].error == f"{site.url('/news')}: not an RSS or Atom feed (text/html)"
    assert reports[1].status in ("ok", "failed")
