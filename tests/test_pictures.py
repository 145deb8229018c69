"""Pictures of the main screens at 80x24 and 140x40, compared with the stored SVG snapshots.

A layout regression (a clipped footer, a reader pane narrower than the list, a sidebar that
covers the text) changes the picture even when every other test passes. After an intended
change of the look, update the pictures with `python -m pytest tests/test_pictures.py
--snapshot-update` and look at them (the failure report shows old and new side by side).
"""

from __future__ import annotations

import shutil

import pytest

from index import open_index
from library.store import Library
from tests.app_support import make_library, screen_text, wait_for
from tui.app import CuttingsApp

SIZES = [(80, 24), (140, 40)]


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    library = make_library(tmp_path_factory.mktemp("pictures") / "lib")
    open_index(library).close()
    return library.root


class StoppedClock:
    """Searches take 0 ms in pictures: the time a search took differs from run to run."""

    @staticmethod
    def perf_counter() -> float:
        return 0.0


@pytest.fixture
def app(indexed, tmp_path, monkeypatch):
    monkeypatch.setattr("index.search.time", StoppedClock)
    # help names the config file: the same path in every run, so the picture is the same
    monkeypatch.setenv("XDG_CONFIG_HOME", "/tmp/cuttings-pictures/config")
    root = shutil.copytree(indexed, tmp_path / "lib", symlinks=True)
    return CuttingsApp(Library(root), name="pictures")


def showing(*texts: str):
    """A run_before step that waits until the screen shows every text (workers fill the
    panes, the list's issue codes and the footer's keys arrive after the first frame)."""

    async def wait(pilot) -> None:
        await wait_for(pilot, lambda: all(text in screen_text(pilot.app) for text in texts))
        await pilot.app.animator.wait_until_complete()
        await pilot.pause()
        await pilot.pause()  # a layout that settles (the help's scroll bar) takes a second frame

    return wait


def keys_then(keys: list[str], *texts: str):
    async def run(pilot) -> None:
        await pilot.press(*keys)
        await showing(*texts)(pilot)

    return run


SCENES = {
    # the list beside the opened article, its issues in the sidebar
    "list_and_reader": keys_then(["enter"], "m: step", " TE"),
    # focus in the reader, the cursor on the first issue evidence passage
    "reader_and_sidebar": keys_then(["enter", "tab", "]"], "3 passages"),
    "search_hits": keys_then(["slash", *"Beijing"], "Blinken meets Xi in Beijing", "Past searches"),
    "tag_picker": keys_then(["enter", "tab", "v", "t"], "Tag"),
    "help": keys_then(["question_mark"], "Keys"),
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("scene", SCENES)
def test_picture(snap_compare, app, scene, size):
    assert snap_compare(app, terminal_size=size, run_before=SCENES[scene])
