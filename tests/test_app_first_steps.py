"""What a new user meets first, at 80 columns too: a footer and list header that fit, a short
notice about a shared library, a key help without internals, and issue marks explained."""

import pytest

from library.issues.taxonomy import Taxonomy
from library.store import Library
from tui.app import CuttingsApp
from tui.facts import issue_codes

from .app_support import make_library, screen_text, wait_for

ESSENTIAL = ("/ Search", "? Keys", "q Quit")


def footer(app) -> str:
    return screen_text(app).splitlines()[-1]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_footer_shows_search_keys_and_quit_whatever_has_the_focus(tmp_path, size):
    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=size) as pilot:
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.reading.reader.mentions)
        for pane in ("list", "reader", "sidebar"):
            app.reading.focus_pane(pane)
            await pilot.pause()
            assert all(key in footer(app) for key in ESSENTIAL), (pane, footer(app))
            assert footer(app).rstrip()[-1] != "▏"  # nothing cut at the edge


async def test_the_filter_header_is_whole_at_80_columns(tmp_path):
    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: len(app.facts.known) == 3)
        app.reading.filter_by_issue("export-controls-technology", "Technology and export controls")
        await pilot.pause()
        header = app.screen.query_one("#list-header")
        text = " ".join(line[header.region.x : header.region.right].strip()
                        for line in screen_text(app).splitlines()[header.region.y : header.region.bottom])
        assert "issue: Technology and export controls" in text and "esc clears" in text


async def test_a_shared_library_notice_is_short_and_brief(tmp_path):
    library = make_library(tmp_path / "lib")
    async with CuttingsApp(library).run_test(size=(140, 40)):
        second = CuttingsApp(Library(library.root))
        async with second.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            [notice] = list(second._notifications)
            assert notice.timeout <= 6 and len(notice.message) <= 80  # two lines of a toast, not a wall
            assert "also open in another window" in second.title  # the header keeps saying it


@pytest.mark.parametrize("pane", ["list", "reader", "sidebar"])
async def test_help_shows_the_keys_of_panes_and_no_internals(tmp_path, pane):
    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.reading.reader.mentions)
        app.reading.focus_pane(pane)
        await pilot.press("question_mark")
        text = app.screen.text()
        for internal in ("ContentTabs", "Scroll Left", "Scroll Right", "Page Left", "Page Right"):
            assert internal not in text
        assert "Filter list by issue" in text and "Next sentence" in text and "Star" in text


def test_issue_marks_are_distinct_and_no_mark_is_another_issues_initials():
    issues = Taxonomy.shipped().issues
    codes = issue_codes(issues)
    assert len(set(codes.values())) == len(issues)
    by_label = {issue.label: codes[issue.id] for issue in issues}
    assert by_label["Alliances in the Indo-Pacific"] != "AI" and by_label["Artificial intelligence"] != "AI"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_list_explains_the_marks_of_the_highlighted_article(tmp_path, size):
    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: len(app.facts.known) == 3)
        await pilot.press("G")  # Washington tightens chip export controls: TE MS
        await pilot.pause()
        legend = app.screen.query_one("#list-legend")
        lines = screen_text(app).splitlines()[legend.region.y : legend.region.bottom]
        text = " ".join(line[legend.region.x : legend.region.right].strip() for line in lines)
        assert text.startswith("TE Technology and export controls")
