"""Reading comfort: the passage cursor reads well in every theme, and the reader gets the room."""

import pytest
from textual.color import Color

from tui.app import CuttingsApp
from tui.contrast import contrast_ratio
from tui.reader import Reader

from .app_support import make_library, wait_for

SENTENCE = "Antony Blinken met Xi Jinping in Beijing on Monday"  # block 0 is this one sentence


def cursor_segments(app):
    """The styled pieces of the reader's text under the cursor (a sentence that is a whole block)."""
    reader = app.screen.query_one(Reader)
    region = reader.region
    strips = [strip.crop(region.x, region.right) for strip in app.screen._compositor.render_strips()[region.y : region.bottom]]
    on_cursor = [strip for strip in strips if strip.text.startswith("›")]  # the gutter marks the cursor's lines
    return [s for strip in on_cursor for s in list(strip)[1:] if s.text.strip()]


async def test_text_under_the_cursor_has_aa_contrast_in_every_theme(tmp_path):
    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.query_one(Reader).mentions)
        await pilot.press(")")
        assert app.screen.query_one(Reader).passage[1].startswith(SENTENCE)
        weak = []
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause()
            ground = Color.from_rich_color(app.screen.query_one(Reader).rich_style.bgcolor)
            pieces = cursor_segments(app)
            assert "Jinping" in "".join(p.text for p in pieces), theme
            if app.get_theme(theme).ansi:  # the terminal's palette decides: its own text, reversed
                assert all(p.style.reverse and not p.style.dim and p.style.color.is_default for p in pieces), theme
                continue
            for piece in pieces:
                text, tint = Color.from_rich_color(piece.style.color), Color.from_rich_color(piece.style.bgcolor)
                assert tint != ground, f"{theme}: the cursor is not shown"
                ratio = contrast_ratio(text, tint)
                if ratio < 4.5 or piece.style.dim:
                    weak.append(f"{theme}: {piece.text!r} {ratio:.1f}:1")
        assert not weak, weak


def widths(app) -> dict[str, int]:
    return {pane: app.screen.query_one(f"#{pane}").region.width for pane in ("list-pane", "reader-pane", "sidebar")}


@pytest.mark.parametrize("columns", [80, 120, 150, 200])
async def test_the_reader_is_the_widest_pane_and_focus_does_not_move_the_panes(tmp_path, columns):
    app = CuttingsApp(make_library(tmp_path / "lib"))
    async with app.run_test(size=(columns, 40)) as pilot:
        await pilot.pause()
        browsing = widths(app)
        await pilot.press("enter")  # the reader takes the focus
        await pilot.pause()
        reading = widths(app)
        assert reading == browsing
        assert reading["reader-pane"] > max(reading["list-pane"], reading["sidebar"])
        text = app.screen.query_one(Reader)._text_width()
        assert text >= (60 if columns >= 120 else 45) and text <= 84
        if columns >= 120:
            await pilot.press("tab")  # the sidebar
            await pilot.pause()
            assert widths(app) == reading
        else:  # the sidebar comes in place of the list, as wide as the list was
            await pilot.press("i")
            await pilot.pause()
            shown = widths(app)
            assert shown["reader-pane"] == reading["reader-pane"] and shown["sidebar"] == reading["list-pane"]
