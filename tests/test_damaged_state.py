"""Every file the program writes, damaged the four ways a crash, a full disk or a careless hand
can damage it (cut short, overwritten with garbage, deleted, replaced by a folder): the commands
that read or write it end in at most one line each (never a traceback), the library keeps
working, and no other user file is changed, moved or lost; a damaged user file is kept (in place
or beside itself), never silently dropped.

The default run damages each file one way (the ways rotate over the files); CUTTINGS_LONG=1
runs every file with every damage.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
from pathlib import Path

import pytest

from library.model import Block
from library.readstate import ReadState
from library.savedlinks import SavedLink, SavedLinks
from library.store import Library
from library.web.subscriptions import Subscription, save_feeds
from tests.app_driving import record_notifications
from tests.conftest import make_article, run_cli
from tui.app import CuttingsApp
from tui.config import config_path
from tui.history import history_path

DAMAGES = ("truncate", "garbage", "remove", "folder")
TOPICS = ("soybean tariffs", "chip export controls", "a typhoon in Luzon")


def _first(pattern: str):
    return lambda root: sorted(root.glob(pattern), key=lambda p: p.name)[-1]  # the newest toc, by generation


# name: (where the file is, whether it is the user's own data, the commands that use it)
TAG_OTHER = ["tag", "{other}", "--quote", "Officials discussed", "--tag", "fresh"]
TARGETS = {
    "article": ("articles/{article}.md", True, [["list"], ["show", "{other}"], ["check", "--fix"]]),
    "annotations": ("annotations/{article}.yaml", True,
                    [["passages"], ["tags"], ["tag", "{article}", "--quote", "at length", "--tag", "again"]]),
    "entities": ("entities.yaml", True, [["entities"], ["entities", "add", "Li Qiang", "--kind", "person"]]),
    "read state": ("state.json", True, [["list"], ["search", "officials"]]),
    "feeds": ("feeds.yaml", True, [["feeds"], ["feeds", "rename", "Wire", "Ledger"]]),
    "saved links": ("saved.yaml", True, [["fetch", "--saved"]]),  # its one link was fetched: no network
    "catalogue": (".cache/catalogue.json", False, [["list"], TAG_OTHER]),
    "backlog": (".cache/backlog", False, [TAG_OTHER, ["check"]]),
    "analysis cache": (_first(".cache/analysis/*.json"), False, [["entities", "{article}"], ["check", "--fix"]]),
    "index link": (".index/current", False, [["search", "officials"], TAG_OTHER]),
    "index contents": (_first(".index/current/*.toc"), False, [TAG_OTHER, ["check", "--fix"]]),
    "index terms": (_first(".index/current/*.trm"), False, [["search", "officials"], ["check"]]),
    "index postings": (_first(".index/current/*.pst"), False, [["check", "--fix"], ["search", "officials"]]),
    "index stored": (_first(".index/current/*_stored.col"), False, [["search", "officials"], TAG_OTHER]),
}


def cases():
    every = os.environ.get("CUTTINGS_LONG") == "1"
    for number, target in enumerate(TARGETS):
        for damage in DAMAGES if every else [DAMAGES[number % len(DAMAGES)]]:
            yield pytest.param(target, damage, id=f"{target}-{damage}")


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A library with an index, a tagged passage, a name taught and an article read: every
    file the commands write."""
    library = Library(tmp_path_factory.mktemp("template") / "lib").ensure()
    for number, topic in enumerate(TOPICS):
        library.add(make_article(f"Briefing {number}", blocks=(Block("paragraph", f"Officials discussed {topic} at length."),)))
    article = library.entries()[0].id
    for args in (["search", "officials"], ["tag", article, "--quote", "Officials", "--tag", "first"],
                 ["entities", "add", "Wang Yi", "--kind", "person"]):
        assert run_cli(*args, library=library).returncode == 0
    ReadState(library).set_read(article)
    save_feeds(library, [Subscription("Wire", "http://127.0.0.1:9/feed.xml", state={"seen": {"a": "2023-01-01"}})])
    SavedLinks(library).add([SavedLink("http://127.0.0.1:9/page", title="A page", status="fetched", article=article)])
    (library.cache_dir / "backlog").write_text(f"\n{article}\n")  # as a writer killed before the index update leaves it
    return library.root


@pytest.fixture
def copy(template, tmp_path) -> Library:
    shutil.copytree(template, tmp_path / "lib", symlinks=True)
    return Library(tmp_path / "lib")


def damage_file(path: Path, damage: str) -> None:
    data = b"" if path.is_symlink() else path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2]) if not path.is_symlink() else path.unlink()
    elif damage == "garbage":
        noise = random.Random(len(data)).randbytes(max(len(data), 64))
        path.unlink()
        path.write_bytes(noise)
    else:
        path.unlink()
        if damage == "folder":
            path.mkdir()


def contents(root: Path, user_only: bool) -> dict[str, str]:
    """Every file below root (the user's own only, or all), with a hash of its bytes."""
    found = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder, name)
            relative = path.relative_to(root).as_posix()
            if user_only and (relative.startswith((".index", ".cache")) or name == ".lock"):
                continue
            found[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def check_run(args: list[str], library: Library) -> None:
    done = run_cli(*args, library=library)
    assert "Traceback" not in done.stderr, (args, done.stderr)
    assert done.returncode in (0, 1), (args, done.returncode, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) <= (1 if done.returncode else 3), (args, done.stderr)


@pytest.mark.parametrize("target, damage", list(cases()))
def test_a_damaged_file_costs_one_line_and_nothing_else(copy, target, damage):
    library = copy
    ids = sorted(entry.id for entry in library.entries())
    article, other = ids[0], ids[1]
    where, users, commands = TARGETS[target]
    path = where(library.root) if callable(where) else library.root / where.format(article=article)
    relative = path.relative_to(library.root).as_posix()
    before = contents(library.root, user_only=True)
    damage_file(path, damage)
    damaged = None if path.is_dir() or not path.exists() else path.read_bytes()

    for args in commands:
        check_run([arg.format(article=article, other=other) for arg in args], library)

    found = run_cli("search", "officials", "--json", library=library)  # the library still works
    assert found.returncode == 0 and "Traceback" not in found.stderr, found.stderr
    hits = json.loads(found.stdout.splitlines()[-1])["total"]
    assert hits == len(TOPICS) or (target == "article" and hits >= len(TOPICS) - 1), found.stdout
    after = contents(library.root, user_only=True)
    for name, digest in before.items():  # every other user file as it was
        if name != relative:
            assert after.get(name) == digest, name
    if users and damaged:  # what is left of a damaged user file is kept: in place, beside it, or carried on
        assert any(damaged in p.read_bytes() for p in library.root.rglob("*") if p.is_file()), relative


# Files only the app writes: its settings, the search history, and what was read (shared with the list)
APP_FILES = {
    "config": (lambda library: config_path(), True),
    "search history": (lambda library: history_path(), False),
    "read state": (lambda library: library.root / "state.json", True),
}


def app_cases():
    every = os.environ.get("CUTTINGS_LONG") == "1"
    for number, target in enumerate(APP_FILES):
        for damage in DAMAGES if every else [DAMAGES[(number + 1) % len(DAMAGES)]]:
            yield pytest.param(target, damage, id=f"{target}-{damage}")


@pytest.mark.parametrize("target, damage", list(app_cases()))
async def test_the_app_starts_searches_and_reads_over_a_damaged_file(copy, target, damage):
    library = copy
    where, users = APP_FILES[target]
    path = where(library)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text({"config": "theme: nord\n", "search history": '["taiwan"]'}[target])
    damage_file(path, damage)
    damaged = None if path.is_dir() or not path.exists() else path.read_bytes()
    before = contents(library.root, user_only=True)
    app = CuttingsApp(library)
    seen = record_notifications(app)
    async with app.run_test(size=(120, 36)) as pilot:  # an error in the app fails the test here
        await pilot.press("enter", "j", "escape", "slash", *"officials")
        await pilot.pause(0.3)
        await pilot.press("enter", "escape")
        await pilot.pause()
    assert all(len(message.splitlines()) <= 2 for _, message in seen), seen
    after = contents(library.root, user_only=True)
    assert {name: digest for name, digest in after.items() if name in before and name != "state.json"} == \
        {name: digest for name, digest in before.items() if name != "state.json"}
    if users and damaged:
        assert any(damaged in p.read_bytes() for p in [*library.root.rglob("*"), *path.parent.rglob("*")] if p.is_file())
