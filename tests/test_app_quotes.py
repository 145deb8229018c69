"""The sidebar's Quotes tab: who said what in the open article; Enter puts the reader on the
quote, `s` corrects its speaker, and the correction is kept in quotes.yaml."""

from __future__ import annotations

import datetime as dt

import yaml

from library.model import Article, Block
from tui.app import CuttingsApp
from tui.reader import Reader

from .app_support import make_library, screen_text, segments_with, wait_for

TALKS = Article(
    title="Blinken and Xi in Beijing",
    date=dt.date(2023, 6, 19),
    source="Harbour Review",
    blocks=(
        Block("paragraph", "Antony Blinken met Xi Jinping and Wang Yi in Beijing on Monday."),
        Block("paragraph", "“The two sides have made progress and agreed on specific issues,” Xi said."),
        Block("paragraph", "Blinken told reporters that the talks had been candid and constructive."),
    ),
)


async def quotes_tab(pilot, app):
    """Open the article, wait for its analysis, and focus the sidebar's Quotes tab."""
    await pilot.press("enter")
    await wait_for(pilot, lambda: app.screen.query_one(Reader).mentions)
    await pilot.press("tab", "l", "l")  # the sidebar: Issues, Entities, Quotes
    await pilot.pause()
    assert app.focused.id == "quote-options"
    return app.focused


async def test_quotes_tab_lists_speakers_and_enter_jumps_to_the_quote(tmp_path):
    app = CuttingsApp(make_library(tmp_path / "lib", [TALKS]))
    async with app.run_test(size=(140, 40)) as pilot:
        quotes = await quotes_tab(pilot, app)
        text = screen_text(app)
        assert "Xi Jinping" in text and "The two sides have made progress" in text
        assert [q.speaker for q in quotes.quotes] == ["Xi Jinping", "Antony Blinken"]
        await pilot.press("j", "enter")
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        assert app.focused is reader
        cursor = reader.cursor
        assert cursor.block == 2 and TALKS.blocks[2].text[cursor.start:cursor.end] == "the talks had been candid and constructive"


async def test_s_corrects_the_speaker_and_the_correction_is_kept(tmp_path):
    library = make_library(tmp_path / "lib", [TALKS])
    app = CuttingsApp(library)
    async with app.run_test(size=(140, 40)) as pilot:
        quotes = await quotes_tab(pilot, app)
        await pilot.press("s")
        await pilot.pause()
        assert "Who said this?" in screen_text(app)
        options = app.screen.query_one("#speaker-options")
        while options.highlighted_option.id != "Wang Yi":
            await pilot.press("down")
        await pilot.press("enter")
        await wait_for(pilot, lambda: quotes.quotes[0].speaker == "Wang Yi")
        assert quotes.quotes[0].corrected and "corrected" in screen_text(app)
    kept = yaml.safe_load((library.root / "quotes.yaml").read_text(encoding="utf-8"))
    assert [(c["block"], c["start"], c["speaker"]) for c in kept["corrections"]] == [(1, 1, "Wang Yi")]
    app = CuttingsApp(library)  # a new session, with the analysis cache thrown away
    for cache in (library.root / ".cache" / "analysis").glob("*.json"):
        cache.unlink()
    async with app.run_test(size=(140, 40)) as pilot:
        quotes = await quotes_tab(pilot, app)
        assert quotes.quotes[0].speaker == "Wang Yi"


async def test_quotes_are_their_own_mark_in_the_reader(tmp_path):
    app = CuttingsApp(make_library(tmp_path / "lib", [TALKS]))
    async with app.run_test(size=(140, 40)) as pilot:
        await quotes_tab(pilot, app)
        reader = app.screen.query_one(Reader)
        marked = {(kind, block, start, end) for block in range(3) for kind, start, end in reader.marks.styles_in(block)}
        told = TALKS.blocks[2].text.index("the talks")
        assert sorted(m for m in marked if m[0] == "said") == [("said", 1, 1, 64), ("said", 2, told, told + 42)]
        assert "“" in screen_text(app)  # the margin sign beside the quoted lines
        italic = [s for s in segments_with(app, "specific issues") if s.style and s.style.italic]
        assert italic
