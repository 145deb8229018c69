"""A second app on the same library: it says so, both keep working, and nothing is lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from library.readstate import ReadState
from library.store import Library
from tests.app_support import make_library
from tests.app_driving import record_notifications
from tui.app import CuttingsApp

HOLDER = """
import sys, time
from tui.instance import InstanceLock
lock = InstanceLock(sys.argv[1])
print("held" if lock.acquire() else "busy", flush=True)
time.sleep(60)
"""


def make_app(library) -> CuttingsApp:
    app = CuttingsApp(library)
    app.seen = record_notifications(app)
    return app


async def test_second_window_is_told_and_both_windows_keep_their_marks(tmp_path):
    library = make_library(tmp_path / "lib")
    first = make_app(library)
    async with first.run_test(size=(140, 40)) as one:
        assert "another window" not in first.title
        second = make_app(Library(library.root))
        async with second.run_test(size=(80, 24)) as two:
            assert "also open in another window" in second.title
            (warning,) = [m for kind, m in second.seen if kind == "warning"]
            assert f"process {os.getpid()}" in warning and "safely" in warning
            await one.press("s")  # star the first article here...
            await two.press("j", "s")  # ...and the second one there, at the same time
            await one.pause()
            await two.pause()
    state = ReadState(library)
    starred = {e.title for e in library.entries() if state.is_starred(e.id)}
    assert starred == {"Blinken meets Xi in Beijing", "Balloon shot down off South Carolina"}
    json.loads((library.root / "state.json").read_text())  # still one whole JSON document

    again = make_app(library)
    async with again.run_test(size=(80, 24)):
        assert "another window" not in again.title  # the first window's claim ended with it


async def test_an_app_in_another_process_is_named_by_its_pid(tmp_path):
    library = make_library(tmp_path / "lib")
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(library.cache_dir)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        app = make_app(library)
        async with app.run_test(size=(80, 24)) as pilot:
            assert "also open in another window" in app.title
            assert any(f"process {holder.pid}" in m for _, m in app.seen)
            await pilot.press("s")
            await pilot.pause()
            assert ReadState(library).is_starred(library.entries()[0].id)
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.05)
    app = make_app(library)
    async with app.run_test(size=(80, 24)):
        assert "another window" not in app.title  # a killed app leaves no stale claim
