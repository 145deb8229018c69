"""Smart collections in the app: C saves the list's query under a name, c lists collections
with live counts (pinned first), Enter shows one; bad files and queries are one line each."""

from __future__ import annotations

from library.smartcollections import Collections
from tui.app import CuttingsApp

from .app_driving import record_notifications
from .app_support import screen_text, wait_for
from .test_app_inbox import header, inbox_library, titles


def switcher_text(app) -> str:
    listing = app.screen.query_one("#collections-list")
    return "\n".join(str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count))


async def test_save_the_list_query_then_switch_to_it_with_counts(tmp_path):
    library = inbox_library(tmp_path / "lib")
    Collections(library).add("Old ones", "date:..2023")
    app = CuttingsApp(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f", *'source:"Harbour Review"', "enter", "U", "C")
        await pilot.pause()
        await pilot.press(*"Harbour unread", "enter")
        await pilot.pause()
        assert 'Harbour unread: source:"Harbour Review" is:unread' in (library.root / "collections.yaml").read_text()
        await pilot.press("A", "escape")  # every article again
        await pilot.pause()
        assert len(titles(app)) == 5
        await pilot.press("c")
        await wait_for(pilot, lambda: "2/2" in switcher_text(app))
        assert "1/1" in switcher_text(app)  # Old ones: Charlie, unread
        await pilot.press("j", "enter")
        await pilot.pause()
        assert titles(app) == ["Delta", "Bravo"]
        assert header(app).startswith("collection Harbour unread · esc clears · 2 of 5")
        assert app.reading.query_one("#list-filter").value == 'source:"Harbour Review" is:unread'


async def test_pinned_first_and_pinning_writes_the_file(tmp_path):
    library = inbox_library(tmp_path / "lib")
    Collections(library).add("First", "is:starred")
    Collections(library).add("Second", "is:unread")
    app = CuttingsApp(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await wait_for(pilot, lambda: "3/3" in switcher_text(app))
        assert switcher_text(app).index("First") < switcher_text(app).index("Second")
        await pilot.press("j", "p")
        await wait_for(pilot, lambda: "★ Second" in switcher_text(app))
        assert switcher_text(app).index("Second") < switcher_text(app).index("First")
        assert [c.name for c in Collections(library).load() if c.pinned] == ["Second"]
        await pilot.press("d")  # the highlighted one: Second, pinned at the top
        await wait_for(pilot, lambda: "Second" not in switcher_text(app))
        assert [c.name for c in Collections(library).load()] == ["First"]


async def test_a_malformed_file_is_one_line_and_left_alone(tmp_path):
    library = inbox_library(tmp_path / "lib")
    path = library.root / "collections.yaml"
    path.write_text("Ledger: [source:ledger\n")
    app = CuttingsApp(library)
    async with app.run_test(size=(120, 40)) as pilot:
        told = record_notifications(app)
        await pilot.press("c")
        await pilot.pause()
        assert any("collections.yaml:" in message and severity == "error" for severity, message in told)
        assert "collections.yaml" in screen_text(app)
        await pilot.press("escape", "f", *"is:starred", "enter", "C", *"Starred", "enter")
        await pilot.pause()
        assert path.read_text() == "Ledger: [source:ledger\n"
        assert any("not rewritten" in message or "was not changed" in message for _, message in told)


async def test_a_collection_that_cannot_run_says_why_and_the_others_count(tmp_path):
    library = inbox_library(tmp_path / "lib")
    (library.root / "collections.yaml").write_text("Broken: (is:unread\nGone: tag:removed\nStarred: is:starred\n")
    app = CuttingsApp(library)
    async with app.run_test(size=(120, 40)) as pilot:
        told = record_notifications(app)
        await pilot.press("c")
        await wait_for(pilot, lambda: "2/2" in switcher_text(app))
        text = switcher_text(app)
        assert "unbalanced parentheses" in text and "no article is tagged 'removed'" in text
        assert sum("collection 'Broken'" in message for _, message in told) == 1


async def test_pinned_collections_show_above_the_list(tmp_path):
    library = inbox_library(tmp_path / "lib")
    Collections(library).add("Stars", "is:starred", pinned=True)
    Collections(library).add("Unpinned", "is:unread")
    app = CuttingsApp(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: "★ Stars 2/2" in screen_text(app))
        assert "Unpinned" not in screen_text(app)


async def test_the_palette_shows_a_collection_in_the_filter_line(tmp_path):
    from .app_driving import run_command

    library = inbox_library(tmp_path / "lib")
    Collections(library).add("Harbour", 'source:"Harbour Review"')
    app = CuttingsApp(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await run_command(pilot, "collection: harbour")
        await wait_for(pilot, lambda: titles(app) == ["Delta", "Bravo"])
        assert app.reading.query_one("#list-filter").value == 'source:"Harbour Review"'
        assert header(app).startswith("collection Harbour")
