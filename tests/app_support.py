"""A small library of hand-written articles for the app tests, and ways to read the screen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.style import Style

from library.model import Article, Block
from library.store import Library
from tui.app import CuttingsApp

ARTICLES = [
    Article(
        title="Washington tightens chip export controls",
        date=dt.date(2022, 10, 7),
        source="Pacific Ledger",
        standfirst="New licence rules reach chipmaking tools and the engineers who service them.",
        blocks=(
            Block("paragraph", "The Commerce Department announced sweeping export controls on advanced semiconductors on Friday. "
                  "Gina Raimondo said the rules protect national security. Officials in Beijing called them a blockade."),
            Block("heading", "Who is affected"),
            Block("bullet", "Chipmaking equipment makers such as Applied Materials need licences to ship to China."),
            Block("bullet", "American engineers may no longer service some fabs in China."),
            Block("caption", "A clean room in a wafer plant. Photo by Staff / AFP"),
            Block("quote", "We will not let our most advanced technology power their military, Raimondo said."),
            Block("paragraph", "Analysts expect Nvidia to lose sales of data-centre chips in China because of the export controls."),
        ),
    ),
    Article(
        title="Blinken meets Xi in Beijing",
        date=dt.date(2023, 6, 19),
        source="Harbour Review",
        blocks=(
            Block("paragraph", "Antony Blinken met Xi Jinping in Beijing on Monday, the first visit by a US secretary of state in five years."),
            Block("paragraph", "Blinken also held long talks with Wang Yi. Both sides said they wanted to stabilise relations."),
            Block("paragraph", "Taiwan remained the most sensitive subject, and Xi warned against support for independence."),
        ),
    ),
    Article(
        title="Balloon shot down off South Carolina",
        date=dt.date(2023, 2, 4),
        source="Pacific Ledger",
        blocks=(
            Block("paragraph", "A fighter jet shot down the Chinese balloon off the coast of South Carolina on Saturday."),
            Block("paragraph", "The Pentagon said the balloon had crossed Montana. Blinken postponed his trip to Beijing."),
        ),
    ),
]

MARKUP_ARTICLE = Article(
    title="Odd [bold]markup[/bold] in a title",
    date=dt.date(2021, 1, 1),
    source="Test Wire",
    blocks=(
        Block("paragraph", "Text with [bold]fake bold[/bold] and [link=https://example.com]a link[/link] stays literal."),
        Block("paragraph", "An escape \x1b[31mred\x1b[0m and a bell \x07 are harmless."),
    ),
)


def make_library(root: Path, articles=ARTICLES) -> Library:
    library = Library(root).ensure()
    for article in articles:
        library.add(article)
    return library


def screen_text(app: CuttingsApp) -> str:
    """What the terminal shows, as plain text lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def list_rows(app: CuttingsApp) -> list[str]:
    """The article list as the screen shows it, one string per row."""
    listing = app.screen.query_one("#article-list")
    lines = screen_text(app).splitlines()[listing.region.y : listing.region.bottom]
    rows = [line[listing.region.x : listing.region.right].rstrip() for line in lines]
    return [row for row in rows if row.strip()]


def list_line(app: CuttingsApp, title_start: str) -> str:
    """The article list's row for a title."""
    for row in list_rows(app):
        if title_start in row:
            return row
    raise AssertionError(f"no list row for {title_start!r}")


def segments_with(app: CuttingsApp, text: str) -> list:
    """The styled pieces of the screen whose text contains `text`."""
    return [s for strip in app.screen._compositor.render_strips() for s in strip if text in s.text]


def style_of(app: CuttingsApp, text: str) -> Style:
    """The style the screen draws `text` in (the first piece that holds it)."""
    found = segments_with(app, text)
    assert found, f"{text!r} is not on the screen"
    return found[0].style or Style.null()


async def wait_for(pilot, condition, timeout: float = 10.0) -> None:
    """Let workers finish until condition() holds (analysis runs in threads)."""
    waited = 0.0
    while not condition():
        if waited > timeout:
            raise AssertionError("condition not met in time")
        await pilot.pause(0.05)
        waited += 0.05
