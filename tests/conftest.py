"""Shared helpers: a library in a temp folder, and the command line run as a user runs it."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

from library.model import Article, Block
from library.store import Library

ROOT = Path(__file__).resolve().parent.parent

# Property and fuzz tests: a few seconds in the default run; HYPOTHESIS_PROFILE=deep for thousands
# of examples each (README, Testing). No deadline: two cores shared by xdist workers make timings noisy.
settings.register_profile("bounded", max_examples=40, deadline=None)
settings.register_profile("deep", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "bounded"))


def make_article(title="Chip rules tighten", **kw) -> Article:
    blocks = kw.pop("blocks", None) or (
        Block("paragraph", f"{title}: Washington widened its export controls on advanced semiconductors."),
        Block("heading", "What changes"),
        Block("bullet", "Licences are needed for more chipmaking tools."),
        Block("caption", "A wafer fab near Hsinchu. Photo by Staff / AFP"),
        Block("quote", "We are protecting our national security, the Commerce Secretary said."),
    )
    kw.setdefault("date", dt.date(2022, 10, 8))
    kw.setdefault("source", "Pacific Ledger")
    return Article(title=title, blocks=tuple(blocks), **kw)


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path_factory, monkeypatch):
    """No test reads or writes the real user's config file, search history or demo copy."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    return home


@pytest.fixture
def library(tmp_path) -> Library:
    return Library(tmp_path / "lib").ensure()


def run_cli(*args: str, library: Library | Path | None = None, input: str | None = None, env=None):
    """Run `cuttings ARGS` in a subprocess, the way a user or a script does."""
    full_env = {**os.environ, **(env or {})}
    command = [sys.executable, "-m", "tui.cli"]
    if library is not None:
        root = library.root if isinstance(library, Library) else library
        command += ["--library", str(root)]
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, input=input, env=full_env, cwd=ROOT, timeout=120
    )
