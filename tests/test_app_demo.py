"""`cuttings --demo`: the bundled demo is installed once into user space and reused."""

from library.readstate import ReadState
from tui.app import CuttingsApp
from tui.launch import demo_path, prepare_demo

from .app_support import list_rows, screen_text, wait_for


async def test_the_demo_opens_on_its_articles_and_keeps_the_users_marks(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    dest = demo_path()
    assert dest.is_relative_to(tmp_path)
    library = prepare_demo(dest)
    titles = [e.title for e in library.entries()]
    assert len(titles) >= 12
    ReadState(library).set_starred(library.entries()[0].id, True)

    again = prepare_demo(dest)  # a second run reuses the copy
    assert ReadState(again).is_starred(library.entries()[0].id)
    app = CuttingsApp(again, "demo")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        rows = "\n".join(list_rows(app))
        assert titles[0][:15] in rows and "★" in rows
        assert "Cuttings — demo" in screen_text(app)
        export = next(e for e in again.entries() if "export" in e.title.lower() or "chip" in e.title.lower())
        app.screen.article_list.select_id(export.id)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.reader.mentions)
        await pilot.pause()
        assert "export controls" in screen_text(app).lower()
