"""A full disk: every command that writes stops with one line naming the file, exits 1, leaves
no half-written file, and says what it kept. The disk is full for the command's process only
(tests/full_disk.py), below the library or below its search index."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

import pytest

from index import open_index
from library.model import Block
from library.store import Library
from tests.conftest import ROOT, make_article, run_cli

FULL = "no space left on device"


@pytest.fixture
def tagged(library):
    """A library with an index and one tagged passage: what every command below may change."""
    for number, topic in enumerate(["soybean tariffs", "chip export controls", "a typhoon in Luzon"]):
        library.add(make_article(f"Briefing {number}", blocks=(Block("paragraph", f"Officials discussed {topic} at length."),)))
    open_index(library).close()
    article = library.entries()[0].id
    done = run_cli("tag", article, "--quote", "Officials discussed", "--tag", "first", "--tag", "second", "--json", library=library)
    assert done.returncode == 0, done.stderr
    return library, article, json.loads(done.stdout)["id"]


def on_full_disk(folder, *args, library):
    return subprocess.run([sys.executable, "-m", "tests.full_disk", str(folder), "--library", str(library.root), *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def user_files(library) -> dict[str, str]:
    """Everything but the derived index, with a hash of its contents."""
    found = {}
    for folder, _, names in os.walk(library.root):
        for name in names:
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, library.root)
            if not relative.startswith((".index", ".cache")) and name != ".lock":
                with open(path, "rb") as handle:
                    found[relative] = hashlib.sha256(handle.read()).hexdigest()
    return found


def leftovers(library) -> list[str]:
    return [os.path.join(folder, name) for folder, dirs, names in os.walk(library.root)
            for name in [*names, *dirs] if name.endswith(".tmp") or ".toc." in name]


def one_line(done, *wanted: str) -> str:
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and all(text in lines[0] for text in wanted), done.stderr
    return lines[0]


COMMANDS = {
    "tag": lambda article, passage: ["tag", article, "--quote", "at length", "--tag", "third"],
    "untag": lambda article, passage: ["untag", passage, "--tag", "second"],
    "entities add": lambda article, passage: ["entities", "add", "Wang Yi", "--kind", "person"],
    "remove": lambda article, passage: ["remove", article, "--yes"],
    "check --fix": lambda article, passage: ["check", "--fix"],
    "reindex": lambda article, passage: ["reindex"],
}


@pytest.mark.parametrize("command", COMMANDS)
def test_a_full_disk_changes_nothing_and_says_so_in_one_line(tagged, command):
    library, article, passage = tagged
    if command == "check --fix":  # something to fix: an article the index does not have yet
        library.add(make_article("Briefing late", blocks=(Block("paragraph", "Officials discussed rice."),)))
    before = user_files(library)
    done = on_full_disk(library.root, *COMMANDS[command](article, passage), library=library)
    one_line(done, "cannot write", str(library.root), FULL)
    assert user_files(library) == before
    assert leftovers(library) == []
    assert run_cli("check", "--fix", library=library).returncode == 0
    assert run_cli("check", library=library).returncode == 0


def test_a_removal_when_only_the_index_cannot_be_written_is_kept_and_said(tagged):
    library, article, passage = tagged
    done = on_full_disk(library.root / ".index", "remove", article, "--yes", library=library)
    one_line(done, f"removed {article}", "search index not updated", FULL, "cuttings check --fix")
    assert article not in {entry.id for entry in Library(library.root).entries()}
    assert leftovers(library) == []
    assert run_cli("check", "--fix", library=library).returncode == 0
    assert json.loads(run_cli("search", "officials", "--json", library=library).stdout)["total"] == 2


@pytest.mark.parametrize("command", ["tag", "untag"])
def test_a_tag_saved_when_only_the_index_cannot_be_written_is_kept_and_said(tagged, command):
    library, article, passage = tagged
    done = on_full_disk(library.root / ".index", *COMMANDS[command](article, passage), library=library)
    kept = "tag saved" if command == "tag" else "tag taken off"
    one_line(done, kept, "search index not updated", FULL, "cuttings check --fix")
    assert leftovers(library) == []
    assert "out of date in the index" in run_cli("check", library=library).stdout
    assert run_cli("check", "--fix", library=library).returncode == 0
    found = run_cli("search", "tag:third" if command == "tag" else "tag:second", "--json", library=library)
    assert json.loads(found.stdout)["total"] == (1 if command == "tag" else 0), found.stdout
