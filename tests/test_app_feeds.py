"""Feeds in the app: follow one on the Feeds screen (W), fetch with R, read what came, and see
a failing feed named with its reason. The server is a real one on 127.0.0.1."""

from __future__ import annotations

from textual.widgets import DataTable, Input

from library.web.subscriptions import load_feeds

from tests.app_driving import record_notifications
from tests.app_support import make_library, wait_for
from tests.web_support import paragraphs, rss, site  # noqa: F401  (the fixture)
from tui.app import CuttingsApp
from tui.screens.feeds import FeedsScreen

def feed(site) -> str:
    """A feed of two full-text entries (their pages are never asked for: the log shows it)."""
    items = [
        {"title": f"Strait report {n}", "link": site.url(f"/story/{n}"), "content": "".join(f"<p>{p}</p>" for p in paragraphs(f"Report {n}"))}
        for n in (1, 2)
    ]
    return rss(items)


def rows(app) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def idle(app) -> bool:
    return not any(w.name in ("follow", "fetch") and not w.is_finished for w in app.workers)


async def follow(pilot, app, url: str) -> None:
    await pilot.press("W")
    assert isinstance(app.screen, FeedsScreen)
    await pilot.press("a")
    app.screen.query_one(Input).value = url
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, FeedsScreen) and idle(app) and rows(app))


async def test_follow_fetch_and_read_a_feed_from_the_feeds_screen(tmp_path, site):
    feed_url = site.add("/feed.xml", feed(site), content_type="application/rss+xml")
    library = make_library(tmp_path / "lib")
    app = CuttingsApp(library)
    seen = record_notifications(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await follow(pilot, app, feed_url)
        assert rows(app)[0][0] == "Strait Watch" and rows(app)[0][2] == "never fetched"
        await pilot.press("R")
        await wait_for(pilot, lambda: idle(app) and rows(app)[0][2] == "ok")
        assert rows(app)[0][3] == "2" and rows(app)[0][4] == "2"  # two articles, both unread
        assert ("information", "2 new articles") in seen
        assert len(library.entries()) == 5 and not site.requests("/story/1")
        await pilot.press("enter")  # the list shows this feed's articles
        await wait_for(pilot, lambda: app.screen is app.reading)
        titles = sorted(entry.title for entry in app.reading.article_list.rows)
        assert titles == ["Strait report 1", "Strait report 2"]


async def test_a_failing_feed_is_named_with_its_reason_and_the_app_goes_on(tmp_path, site):
    feed_url = site.add("/feed.xml", feed(site), content_type="application/rss+xml")
    library = make_library(tmp_path / "lib")
    app = CuttingsApp(library)
    seen = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await follow(pilot, app, feed_url)
        site.add("/feed.xml", "down for maintenance", status=500, content_type="text/plain")
        await pilot.press("f")
        await wait_for(pilot, lambda: idle(app) and rows(app)[0][2].startswith("failed"))
        assert any(kind == "error" and "/feed.xml" in message and "500" in message for kind, message in seen)
        assert len(library.entries()) == 3


async def test_a_page_that_is_not_a_feed_is_refused_and_stop_following_takes_two_presses(tmp_path, site):
    page = site.add("/about", "<html><body><p>No feed here.</p></body></html>")
    feed_url = site.add("/feed.xml", feed(site), content_type="application/rss+xml")
    library = make_library(tmp_path / "lib")
    app = CuttingsApp(library)
    seen = record_notifications(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("W", "a")
        app.screen.query_one(Input).value = page
        await pilot.press("enter")
        await wait_for(pilot, lambda: idle(app) and any(kind == "error" for kind, _ in seen))
        assert not rows(app)
        await follow(pilot, app, feed_url)
        await pilot.press("d")
        await pilot.pause()
        assert len(rows(app)) == 1  # not yet: the first press asks
        await pilot.press("d")
        await wait_for(pilot, lambda: not rows(app))
        assert load_feeds(library) == []


async def test_the_feeds_screen_opens_from_the_palette(tmp_path):
    from tests.app_driving import run_command

    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=(100, 30)) as pilot:
        await run_command(pilot, "Feeds")
        await wait_for(pilot, lambda: isinstance(app.screen, FeedsScreen))
        assert "No feeds yet" in str(app.screen.query_one("#feeds-note").content)
