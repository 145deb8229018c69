"""Where the library lives: --library DIR, else $CUTTINGS_LIBRARY, else the platform data dir."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "cuttings"


def library_path(explicit: str | os.PathLike | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("CUTTINGS_LIBRARY")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME)) / "library"


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME))
