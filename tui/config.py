"""The user's settings file: key remapping and the theme (the app saves the theme picked in it).

`config.yaml` in the platform config folder, for example:

    theme: nord
    keys:
      app.search: ctrl+f    # binding id (shown on the help screen): key or "key1,key2"
      app.quit: q,ctrl+q
    keep_originals: false   # do not keep fetched pages in the library's originals/ folder

A bad file never stops the app: each problem becomes a one-line warning naming the file, and
the setting it spoils keeps its default. Keys go through Textual's keymap (`Binding(id=...)`
plus `App.set_keymap`), so a remapped key shows in the footer and on the help screen too.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Collection

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode

from library import safeyaml, yamledit
from library.fileio import atomic_write
from library.location import config_dir

KNOWN_SETTINGS = ("theme", "keys", "keep_originals")
THEME_SETTLED = 1.0  # seconds
_KEY = re.compile(r"^[^\s,]+$")


@dataclass(frozen=True)
class Config:
    keymap: dict[str, str] = field(default_factory=dict)
    theme: str | None = None


def config_path() -> Path:
    return config_dir() / "config.yaml"


class SettingsError(ValueError):
    """The config file cannot be used; the message names it and says why, in one line."""


def read_config(path: Path, binding_ids: Collection[str], themes: Collection[str]) -> tuple[Config, list[str]]:
    """The settings in `path` that make sense, and a one-line warning for each that does not."""
    try:
        _, data = _parse(path)
    except SettingsError as problem:
        return Config(), [f"{problem}; using defaults"]
    if data is None:
        return Config(), []
    warnings = [
        f"{path}: unknown setting {name!r} ignored (known: {', '.join(KNOWN_SETTINGS)})"
        for name in data
        if name not in KNOWN_SETTINGS
    ]
    keymap = _read_keys(path, data.get("keys"), set(binding_ids), warnings)
    theme = _read_theme(path, data.get("theme"), themes, warnings)
    return Config(keymap=keymap, theme=theme), warnings


def save_theme(path: Path, theme: str) -> str | None:
    """Set `theme:` in the config file, keeping the rest of it and its comments; a one-line
    warning instead when the file cannot be read as settings (it is then left as it is)."""
    try:
        text, data = _parse(path)
        if data is None:  # no file, or comments only
            new = (text.rstrip("\n") + "\n" if text.strip() else "") + f"theme: {theme}\n"
        else:
            document = yamledit.load(text)
            document["theme"] = theme
            new = yamledit.dump(document)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, new)
    except SettingsError as problem:
        return f"{problem}; the theme was not saved"
    except yamledit.UneditableYaml as exc:
        return f"{path}: {exc}; the theme was not saved"
    except OSError as exc:
        return f"{path}: cannot save the theme ({exc.strerror or exc})"
    return None


def _parse(path: Path) -> tuple[str, dict | None]:
    """The file's text and settings ("" and None when there is no file)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return "", None
    except UnicodeDecodeError:
        raise SettingsError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    try:
        data = safeyaml.parse(text, path)
    except safeyaml.YamlError as exc:
        where = f" at line {exc.line}" if exc.line else ""
        raise SettingsError(f"{path}: not valid YAML{where} ({exc.problem})") from None
    if data is not None and not isinstance(data, dict):
        raise SettingsError(f"{path}: expected settings such as 'theme:' and 'keys:', found a {type(data).__name__}")
    return text, data


def keep_originals(path: Path | None = None) -> tuple[bool, list[str]]:
    """The `keep_originals` setting (true unless set false), and a warning if it is unusable."""
    path = path or config_path()
    try:
        _, data = _parse(path)
    except SettingsError as problem:
        return True, [f"{problem}; keeping originals"]
    value = (data or {}).get("keep_originals", True)
    if not isinstance(value, bool):
        return True, [f"{path}: keep_originals should be true or false, found {value!r}; keeping originals"]
    return value, []


def _read_keys(path: Path, keys: object, binding_ids: set[str], warnings: list[str]) -> dict[str, str]:
    if keys is None:
        return {}
    if not isinstance(keys, dict):
        warnings.append(f"{path}: 'keys' should map action ids to keys, found a {type(keys).__name__}; default keys kept")
        return {}
    keymap: dict[str, str] = {}
    for binding_id, value in keys.items():
        if binding_id not in binding_ids:
            warnings.append(f"{path}: unknown action {binding_id!r} in 'keys' (the help screen, '?', lists the ids)")
            continue
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = ",".join(value)
        if not isinstance(value, str) or not all(_KEY.match(k.strip()) for k in value.split(",")):
            warnings.append(f"{path}: keys for {binding_id!r} should be a key name such as 'ctrl+f', found {value!r}; default kept")
            continue
        keymap[str(binding_id)] = ",".join(k.strip() for k in value.split(","))
    return keymap


def _read_theme(path: Path, theme: object, themes: Collection[str], warnings: list[str]) -> str | None:
    if theme is None:
        return None
    if not isinstance(theme, str) or theme not in themes:
        choices = ", ".join(sorted(themes))
        warnings.append(f"{path}: unknown theme {theme!r}; default kept (themes: {choices})")
        return None
    return theme


def binding_ids(app: App) -> set[str]:
    """Every binding id the app's own classes declare (the names a config may remap),
    including screens not opened yet, so a remap of a search key is not called unknown."""
    _import_panes()
    app_module = type(app).__module__.split(".")[0]
    ids: set[str] = set()
    for cls in _subclasses(DOMNode):
        if cls.__module__.split(".")[0] in ("tui", app_module):
            ids.update(b.id for b in Binding.make_bindings(cls.__dict__.get("BINDINGS", [])) if b.id)
    return ids


def _import_panes() -> None:
    from . import screens, widgets

    for package in (screens, widgets):
        for info in pkgutil.iter_modules(package.__path__):
            try:
                importlib.import_module(f"{package.__name__}.{info.name}")
            except ImportError:
                continue  # a pane whose optional part is missing has no keys to remap


def _subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found.append(sub)
        found.extend(_subclasses(sub))
    return found


def apply_user_config(app: App, path: Path | None = None) -> Config:
    """Read the config file and put it into effect; warnings go to notifications. From then on
    a theme the user picks is saved in the file."""
    path = path or config_path()
    config, warnings = read_config(path, binding_ids(app), app.available_themes)
    if config.keymap:
        app.set_keymap(config.keymap)
    if config.theme:
        app.theme = config.theme
    for warning in warnings:
        _warn(app, warning)
    _remember_themes(app, path)
    return config


def _remember_themes(app: App, path: Path) -> None:
    """Save the theme once it has stayed put for THEME_SETTLED seconds: the theme picker
    switches to each theme it passes over, and Escape switches back."""
    saved, timer = app.theme, None

    def save() -> None:
        nonlocal saved
        if app.theme != saved:
            warning = save_theme(path, app.theme)
            if warning:
                _warn(app, warning)
            else:
                saved = app.theme

    def changed(_theme) -> None:
        nonlocal timer
        if timer is not None:
            timer.stop()
        timer = app.set_timer(THEME_SETTLED, save)

    app.theme_changed_signal.subscribe(app, changed)


def _warn(app: App, warning: str) -> None:
    app.notify(warning, title="Config", severity="warning", markup=False, timeout=10)
