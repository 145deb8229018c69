"""The reader: entity highlights, stepping through entities, corrections, issue evidence,
the passage cursor and the remembered reading position."""

import pytest
import yaml

from library.store import Library
from tui.app import CuttingsApp
from tui.reader import Reader

from .app_support import list_line, make_library, screen_text, segments_with, style_of, wait_for

SIZES = [(80, 24), (140, 40)]


def status(app) -> str:
    return str(app.screen.query_one("#reader-status").render())


async def open_analysed(pilot, app, *keys):
    """Press keys in the list, open the article, and wait for its analysis to arrive."""
    await pilot.press(*keys, "enter")
    await wait_for(pilot, lambda: app.screen.query_one(Reader).mentions)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
async def test_entities_are_highlighted_by_kind_and_e_toggles(tmp_path, size):
    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=size) as pilot:
        await open_analysed(pilot, app)
        person = style_of(app, "Xi Jinping")
        place = segments_with(app, "Beijing on Monday")  # plain text after the place name
        assert person.bold and person.color is not None  # a colour and a non-colour cue
        assert not place or not place[0].style.bold
        beijing = [s for s in segments_with(app, "Beijing") if s.text.strip() == "Beijing"][0].style
        assert beijing.italic
        assert "person" in status(app) and "place" in status(app)  # the legend

        await pilot.press("e")
        await pilot.pause()
        assert not style_of(app, "Xi Jinping").bold
        assert "highlights off" in status(app)
        await pilot.press("e")
        await pilot.pause()
        assert style_of(app, "Xi Jinping").bold


async def test_stepping_through_entities_shows_the_canonical_name_and_aliases(tmp_path):
    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=(140, 40)) as pilot:
        await open_analysed(pilot, app)
        await pilot.press("m")
        await pilot.pause()
        assert "Antony Blinken" in status(app) and "2 mentions" in status(app)
        assert "Blinken" in status(app).split("also:")[1]
        # every mention of the selected entity is marked, the short form included
        short = [s for s in segments_with(app, "Blinken") if s.text.strip() == "Blinken"]
        assert short and short[0].style.reverse
        await pilot.press("m")
        await pilot.pause()
        assert "Xi Jinping" in status(app) and "also: Xi" in status(app)
        await pilot.press("M", "M")
        await pilot.pause()
        assert "Antony Blinken" in status(app)


async def test_x_not_an_entity_removes_the_highlight_and_writes_entities_yaml(tmp_path):
    library = make_library(tmp_path / "lib")
    app = CuttingsApp(library)
    async with app.run_test(size=(140, 40)) as pilot:
        await open_analysed(pilot, app)
        await pilot.press("m", "m")  # Xi Jinping
        await pilot.press("x")
        await pilot.pause()
        assert "Not an entity" in screen_text(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: not any(m.text == "Xi Jinping" for m in app.screen.query_one(Reader).mentions))
        await pilot.pause()
        assert not style_of(app, "Xi Jinping").bold
        assert style_of(app, "Antony Blinken").bold  # others keep theirs
    saved = (library.root / "entities.yaml").read_text(encoding="utf-8")
    assert "Xi Jinping" in saved
    yaml.safe_load(saved)


async def test_x_add_as_entity_fixes_the_kind(tmp_path):
    library = make_library(tmp_path / "lib")
    app = CuttingsApp(library)
    async with app.run_test(size=(140, 40)) as pilot:
        await open_analysed(pilot, app, "G")  # the chip controls article
        reader = app.screen.query_one(Reader)
        while not (reader.selected_mention and reader.selected_mention.text == "Applied Materials"):
            await pilot.press("m")
        await pilot.press("x", "down", "down", "enter")  # "Add as organisation"
        await wait_for(
            pilot, lambda: any(m.text == "Applied Materials" and m.kind == "org" for m in reader.mentions)
        )
        await pilot.pause()
        assert style_of(app, "Applied Materials").underline
    assert "Applied Materials" in (library.root / "entities.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("size", SIZES)
async def test_choosing_an_issue_marks_evidence_and_brackets_step_through_it(tmp_path, size):
    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=size) as pilot:
        await open_analysed(pilot, app, "G")
        await pilot.press("i" if size[0] < 120 else "tab", "enter")  # the sidebar, the strongest issue
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        assert app.focused is reader
        assert "evidence 1/7" in status(app) and "Technology and export controls" in status(app)
        assert "┃" in screen_text(app)  # the margin marks evidence without colour
        first = reader.cursor
        await pilot.press("]", "]")
        assert "evidence 3/7" in status(app)
        await pilot.press("[", "[")
        assert "evidence 1/7" in status(app) and reader.cursor == first


async def test_sidebar_entities_jump_and_filter_the_list(tmp_path):
    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=(140, 40)) as pilot:
        await open_analysed(pilot, app, "G")
        await pilot.press("tab")  # the sidebar
        await pilot.press("l")  # its Entities tab
        await pilot.pause()
        assert app.focused.id == "entity-options"
        while "China" not in str(app.focused.highlighted_option.prompt):
            await pilot.press("j")
        await pilot.press("enter")
        await pilot.pause()
        assert "China" in status(app)
        await pilot.press("tab")  # back to the sidebar
        await pilot.press("f")
        await wait_for(pilot, lambda: len(app.screen.query_one("#article-list").rows) == 1)
        await pilot.pause()
        assert "entity: China" in screen_text(app)
        assert "Blinken meets" not in list_line(app, "Washington") + screen_text(app).split("Issues")[0]
        await pilot.press("escape")
        await pilot.pause()
        assert "entity:" not in screen_text(app) and list_line(app, "Blinken meets")


async def test_filter_by_issue_from_the_library_overview_and_clear_it(tmp_path):
    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("I")
        await wait_for(pilot, lambda: "Military and security" in screen_text(app))
        assert "by month" in screen_text(app)
        while "Military and security" not in str(app.screen.query_one("DataTable").get_row_at(app.screen.query_one("DataTable").cursor_row)):
            await pilot.press("j")
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(app.screen.query_one("#article-list").rows) == 2)
        await pilot.pause()
        text = screen_text(app)
        assert "issue: Military and security" in text
        assert list_line(app, "Balloon shot") and list_line(app, "Washington")
        await pilot.press("escape")
        await pilot.pause()
        assert list_line(app, "Blinken meets")


async def test_the_passage_cursor_moves_by_sentence_and_block(tmp_path):
    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=(140, 40)) as pilot:
        await open_analysed(pilot, app)
        reader = app.screen.query_one(Reader)
        await pilot.press(")")
        assert reader.passage[1].startswith("Antony Blinken met Xi Jinping")
        await pilot.press(")")
        assert reader.passage[1] == "Blinken also held long talks with Wang Yi."
        await pilot.press(")")
        assert reader.passage[1].startswith("Both sides said")
        await pilot.press("}")
        assert reader.passage[0].block == 2 and reader.passage[1].startswith("Taiwan remained")
        await pilot.press("{", "(")
        assert reader.passage[1].startswith("Antony Blinken met")
        assert "›" in screen_text(app)


async def test_the_reading_position_is_remembered_across_restarts(tmp_path):
    long_blocks = [f"Paragraph {i}: Blinken and Wang Yi talked about the same things again." for i in range(60)]
    from library.model import Block

    from .app_support import ARTICLES

    long = ARTICLES[1].__class__(title="A long read", blocks=tuple(Block("paragraph", t) for t in long_blocks))
    library = make_library(tmp_path / "lib", [long])
    app = CuttingsApp(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.press(*["ctrl+d"] * 6)
        await pilot.pause()
        top = app.screen.query_one(Reader).position
        assert top and top[0] > 10
        await pilot.press("q")
    again = CuttingsApp(Library(library.root))
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert f"Paragraph {top[0]}:" in screen_text(again)
        assert "Paragraph 0:" not in screen_text(again)


@pytest.mark.parametrize("size", SIZES)
async def test_brackets_step_through_the_issue_highlighted_in_the_sidebar(tmp_path, size):
    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=size) as pilot:
        await open_analysed(pilot, app, "G")
        reader = app.screen.query_one(Reader)
        assert app.focused is reader
        first, second = app.screen.query_one("#issue-options").issues[:2]
        count = len({(p.block, p.start) for p in first.passages})  # the title and standfirst count too
        assert count >= 5
        await pilot.press("]")  # the sidebar's top issue is highlighted: no need to choose it
        assert f"evidence 1/{count}" in status(app) and "Technology and export controls" in status(app)
        await pilot.press("]")
        assert f"evidence 2/{count}" in status(app)
        await pilot.press("i" if size[0] < 120 else "tab", "j")  # highlight the second issue
        app.screen.focus_pane("reader")
        await pilot.press("]")
        assert f"evidence 1/{len({(p.block, p.start) for p in second.passages})}" in status(app)
        assert second.label in status(app)
