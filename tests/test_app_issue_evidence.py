"""Issue evidence in the reader: found in the title and standfirst too, and drawn as whole
sentences, so the margin mark runs unbroken beside a sentence."""

import datetime as dt

from library.model import STANDFIRST_BLOCK, TITLE_BLOCK, Article, Block
from tui.app import CuttingsApp
from tui.reader import Reader

from .app_support import make_library, screen_text, style_of, wait_for

LONG_SENTENCE = (
    "The administration presented the measures as a response to Chinese industrial policy: state "
    "support, it argues, has created production capacity far beyond domestic demand in electric "
    "vehicles, batteries and solar panels, and the surplus is being exported at prices that threaten "
    "factories built with US climate and infrastructure subsidies and their workers."
)
TARIFFS = Article(
    title="Washington raises tariffs on electric cars",
    date=dt.date(2024, 5, 14),
    source="Pacific Ledger",
    standfirst="The new tariffs cover cars, batteries and solar cells.",
    blocks=(
        Block("paragraph", "Few of the cars are sold in the United States today, so the immediate effect on trade is small. "
              f"{LONG_SENTENCE} Officials pressed the point about overcapacity again in April."),
        Block("paragraph", "Beijing said it would take resolute measures against the tariffs."),
    ),
)


async def open_first_issue(pilot, app):
    """Open the only article, wait for its analysis, and choose its strongest issue."""
    await pilot.press("enter")
    await wait_for(pilot, lambda: app.screen.query_one(Reader).mentions)
    await pilot.press("tab", "enter")
    await pilot.pause()
    return app.screen.query_one(Reader)


def lines_with(app, *words) -> list[str]:
    return [line for line in screen_text(app).splitlines() if any(w in line for w in words)]


async def test_evidence_in_the_title_and_standfirst_is_marked_and_stepped_to(tmp_path):
    app = CuttingsApp(make_library(tmp_path / "lib", [TARIFFS]))
    async with app.run_test(size=(160, 50)) as pilot:
        reader = await open_first_issue(pilot, app)
        assert reader.issue.id == "trade-decoupling-derisking"
        assert reader.cursor.block == TITLE_BLOCK  # the first evidence is the title
        assert "┃Washington raises tariffs" in screen_text(app)  # the margin marks it, as in the body
        assert style_of(app, "Washington raises tariffs").bgcolor is not None
        await pilot.press("]")
        assert reader.cursor.block == STANDFIRST_BLOCK
        assert "›┃The new tariffs cover" in screen_text(app)
        await pilot.press("]")
        assert reader.cursor.block == 0
        await pilot.press("t")  # tagging acts on the body only: the cursor is there now
        await pilot.pause()
        assert "Tag" in screen_text(app)


async def test_a_long_evidence_sentence_is_marked_whole_in_the_margin(tmp_path):
    app = CuttingsApp(make_library(tmp_path / "lib", [TARIFFS]))
    async with app.run_test(size=(160, 50)) as pilot:
        reader = await open_first_issue(pilot, app)
        assert any(p.text == LONG_SENTENCE for p in reader.issue.passages)
        for words in ("The administration presented", "state", "factories built"):
            line = next(line for line in lines_with(app, words))
            assert "┃" in line, line
