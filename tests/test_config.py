"""The config file: whatever a user writes in it, the app gets usable settings and a clear line."""

from __future__ import annotations

from tui.config import Config, read_config

IDS = {"search", "help", "quit"}
THEMES = {"textual-dark", "nord"}


def read(tmp_path, text: str | bytes):
    path = tmp_path / "config.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return read_config(path, IDS, THEMES)


def test_missing_file_means_defaults_without_a_warning(tmp_path):
    assert read_config(tmp_path / "nope.yaml", IDS, THEMES) == (Config(), [])


def test_keys_and_theme_are_read(tmp_path):
    config, warnings = read(tmp_path, "theme: nord\nkeys:\n  search: ctrl+f\n  quit: [q, ctrl+q]\n")
    assert warnings == []
    assert config.theme == "nord"
    assert config.keymap == {"search": "ctrl+f", "quit": "q,ctrl+q"}


def test_broken_yaml_gives_one_line_naming_the_file_and_line(tmp_path):
    config, warnings = read(tmp_path, "theme: nord\nkeys: [unclosed\n")
    assert config == Config()
    assert len(warnings) == 1 and "\n" not in warnings[0]
    assert "config.yaml" in warnings[0] and "line" in warnings[0] and "defaults" in warnings[0]


def test_unknown_action_is_named_and_the_other_keys_still_apply(tmp_path):
    config, warnings = read(tmp_path, "keys:\n  serach: ctrl+f\n  help: f1\n")
    assert config.keymap == {"help": "f1"}
    assert len(warnings) == 1 and "'serach'" in warnings[0]


def test_wrong_types_fall_back_to_defaults(tmp_path):
    config, warnings = read(tmp_path, "theme: 3\nkeys:\n  search: 5\n  help: 'two words'\n")
    assert config == Config()
    assert len(warnings) == 3
    assert any("theme" in w and "nord" in w for w in warnings)  # the warning lists the choices
    config, warnings = read(tmp_path, "keys: ctrl+f\n")
    assert config == Config() and "'keys' should map" in warnings[0]
    config, warnings = read(tmp_path, "- a list\n")
    assert config == Config() and "found a list" in warnings[0]


def test_unknown_setting_and_binary_file(tmp_path):
    config, warnings = read(tmp_path, "colour: red\ntheme: nord\n")
    assert config.theme == "nord" and "'colour'" in warnings[0]
    config, warnings = read(tmp_path, b"\xff\xfe\x00binary")
    assert config == Config() and len(warnings) == 1 and "config.yaml" in warnings[0]


def test_empty_file_is_fine(tmp_path):
    assert read(tmp_path, "") == (Config(), [])
