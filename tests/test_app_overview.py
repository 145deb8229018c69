"""`E`, all entities: a name found as two kinds is two rows; a crash ends the app with an error status."""

import datetime as dt

from library.model import Article, Block
from tui.app import CuttingsApp
from tui.cli import main

from .app_support import make_library, screen_text, wait_for

TWO_KINDS = [
    Article(title="Talks in Montalvo", date=dt.date(2022, 1, 1), source="Wire",
            blocks=(Block("paragraph", "Talks were held in Montalvo on Monday. Officials arrived in Montalvo by train."),)),
    Article(title="Montalvo speaks", date=dt.date(2022, 1, 2), source="Wire",
            blocks=(Block("paragraph", "Montalvo said on Monday that the plan would work. Montalvo said it twice."),)),
]


async def test_a_name_with_two_kinds_is_listed_once_per_kind(tmp_path):
    app = CuttingsApp(make_library(tmp_path / "lib", TWO_KINDS))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("E")
        await wait_for(pilot, lambda: "entities in 2 articles" in screen_text(app) and "Montalvo" in screen_text(app))
        rows = [line for line in screen_text(app).splitlines() if "Montalvo" in line]
        assert len(rows) == 2
        assert any("person" in row for row in rows) and any("place" in row for row in rows)
        await pilot.press("enter")
        await wait_for(pilot, lambda: "entity: Montalvo" in screen_text(app))
    assert not app.return_code  # no crash


def test_the_app_exits_with_an_error_status_when_it_crashed(tmp_path, monkeypatch):
    def crash(self):
        self.exit(return_code=1)  # what Textual does when a handler raises

    monkeypatch.setattr(CuttingsApp, "run", crash)
    assert main(["--library", str(tmp_path / "lib")]) == 1
