"""YAML alias bombs: a few hundred bytes of nested aliases expand into gigabytes. Every YAML file
the program reads refuses aliases with one line naming the file, and nothing is expanded."""

from __future__ import annotations

import pytest

from library import safeyaml
from library.annotations.storage import CorruptTagFile, parse_tag_file
from library.articlefile import ArticleFileError, read_article_file
from tests.conftest import run_cli
from tui.config import read_config


def bomb(field: str, levels: int = 4) -> str:
    """Nested aliases ending in `field: *aN` (9**levels strings once expanded); small enough that
    a loader without the refusal finishes quickly, so the test fails instead of hanging."""
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for n in range(1, levels + 1):
        lines.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]")
    return "\n".join(lines) + f"\n{field}: *a{levels}\n"


@pytest.mark.parametrize("field", ["author", "authors", "tags", "keywords", "date", "title"])
def test_front_matter_with_aliases_is_refused_naming_the_file(tmp_path, field):
    path = tmp_path / "bomb.md"
    path.write_text(f"---\ntitle: Plain\n{bomb(field)}---\nA paragraph of text.\n", encoding="utf-8")
    with pytest.raises(ArticleFileError) as caught:
        read_article_file(path)
    message = str(caught.value)
    assert str(path) in message and "aliases" in message and "\n" not in message


def test_importing_a_markdown_file_with_aliases_says_so_in_one_line(tmp_path):
    path = tmp_path / "bomb.md"
    path.write_text(f"---\ntitle: Plain\n{bomb('author')}---\nA paragraph of text.\n", encoding="utf-8")
    result = run_cli("import", str(path), library=tmp_path / "lib")
    lines = [line for line in (result.stdout + result.stderr).splitlines() if "bomb.md" in line]
    assert "Traceback" not in result.stderr
    assert result.returncode == 1 and "1 failed" in result.stdout
    assert len(lines) == 1 and "line 4" in lines[0] and "aliases" in lines[0]


def test_a_tag_file_with_aliases_is_refused(tmp_path):
    path = tmp_path / "x.yaml"
    raw = bomb("content_hash") + "passages: []\n"
    with pytest.raises(CorruptTagFile) as caught:
        parse_tag_file(raw, path, "x")
    assert str(path) in str(caught.value) and "aliases" in str(caught.value)


def test_a_config_file_with_aliases_gives_one_warning_and_the_defaults(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text(bomb("theme") + "keys: {}\n", encoding="utf-8")
    config, warnings = read_config(path, {"quit"}, {"nord"})
    assert len(warnings) == 1 and str(path) in warnings[0] and "aliases" in warnings[0]
    assert len(warnings[0]) < 300


def test_entities_add_refuses_a_user_file_with_aliases(tmp_path):
    library = tmp_path / "lib"
    library.mkdir()
    (library / "entities.yaml").write_text(bomb("extra") + "entities: []\n", encoding="utf-8")
    result = run_cli("entities", "add", "Ada Quill", "--kind", "person", library=library)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "entities.yaml:2:" in result.stderr + result.stdout and "aliases" in result.stderr + result.stdout


def test_stars_and_anchors_that_are_not_aliases_still_load():
    text = "title: '*Starred* headline'\nnote: \"a * b\"\nbase: &base {x: 1}\n"
    assert safeyaml.parse(text, "f.yaml") == {"title": "*Starred* headline", "note": "a * b", "base": {"x": 1}}


def test_the_error_names_the_line_of_the_alias():
    with pytest.raises(safeyaml.YamlError) as caught:
        safeyaml.parse("a: &x 1\nb: 2\nc: *x\n", "f.yaml")
    assert str(caught.value) == "f.yaml:3: YAML aliases (*name) are not allowed"
