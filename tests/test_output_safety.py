"""Text from data reaches the terminal as text: no markup is applied, no escape sequence or
bidi control gets through, nothing crashes, and the hostile text still shows in a visible form.

Each command runs as a user runs it: at a terminal (a pseudo-terminal, colours forced, so the
tables and styles are printed) and through a pipe.
"""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
import unicodedata

import pytest

from library.model import Block
from library.store import Library
from tests.conftest import ROOT, make_article, run_cli

HOSTILE = "Evil \x1b]0;pwned\x07 [/] [bold]B[/bold] [link=https://evil.example/]click[/link] \u202eabc \u2066x\u2069 \x9b31m"
SHOWN = ("]0;pwned", "[/] [bold]B[/bold] [link=https://evil.example/]click[/link]")  # how it must read
MARKUP_TAG = "[link=https:evil.example]click"  # no "/": a tag's levels are split on it
COLOURS = {"FORCE_COLOR": "1", "TERM": "xterm-256color", "COLUMNS": "400", "NO_COLOR": ""}
SGR = re.compile(r"\x1b\[[0-9;]*m")
BIDI = {0x061C, 0x200E, 0x200F, 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def unsafe_in(output: str, allowed: str = "\n\r") -> list[str]:
    """The characters a terminal would obey, once the colour codes are taken out."""
    rest = SGR.sub("", output)
    return [c for c in rest if c not in allowed and (unicodedata.category(c) == "Cc" or ord(c) in BIDI)]


def at_terminal(*args: str, library: Library) -> str:
    """Run the command with a pseudo-terminal as its output, as a user at a terminal does."""
    leader, follower = pty.openpty()
    env = {**os.environ, **COLOURS}
    env.pop("NO_COLOR")
    with subprocess.Popen([sys.executable, "-m", "tui.cli", "--library", str(library.root), *args], cwd=ROOT,
                          env=env, stdin=subprocess.DEVNULL, stdout=follower, stderr=follower) as process:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: the command is done
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=120)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", errors="replace")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Library, str]:
    """A library whose titles, tags, entities, issue labels and file names attack the terminal."""
    library = Library(tmp_path_factory.mktemp("hostile") / "lib").ensure()
    blocks = (Block("paragraph", f"{HOSTILE}: Zorbex Holdings widened export controls on chipmaking tools."),
              Block("paragraph", "Licences are needed for more chipmaking tools, Zorbex Holdings said."))
    article_id = library.add(make_article(HOSTILE, source=HOSTILE, url="https://x.example/\x9b2J\u202e",
                                          blocks=blocks)).id
    (library.root / "entities.yaml").write_text(
        json.dumps({"entities": [{"name": HOSTILE, "kind": "org", "aliases": ["Zorbex Holdings"]}]}))
    (library.root / "issues.yaml").write_text(
        json.dumps({"issues": [{"id": "evil", "label": HOSTILE, "cues": ["chipmaking tools"]}]}))
    tagged = run_cli("tag", article_id, "--quote", "Licences are needed", "--tag", MARKUP_TAG,
                     "--tag", "bidi \u202eflip\u2066", library=library)
    assert tagged.returncode == 0, tagged.stderr
    # a hand-edited tag file: the tag was never checked by `cuttings tag`
    tag_file = library.root / "annotations" / f"{article_id}.yaml"
    tag_file.write_text(tag_file.read_text().replace("- bidi ", "- \"\\e]0;tag\\a\"\n  - bidi ", 1))
    assert run_cli("reindex", library=library).returncode == 0
    return library, article_id


COMMANDS = [
    ["list"], ["show", "{id}"], ["search", "chipmaking"], ["tags"], ["passages"], ["entities"],
    ["entities", "{id}"], ["issues"], ["issues", "{id}"], ["issues", "--by", "month"],
]


def command(words, article_id: str) -> list[str]:
    return [w.format(id=article_id) for w in words]


@pytest.mark.parametrize("words", COMMANDS, ids=" ".join)
def test_at_a_terminal_data_is_printed_as_visible_text(hostile, words):
    library, article_id = hostile
    output = at_terminal(*command(words, article_id), library=library)
    assert "Traceback" not in output and "error" not in output, output
    assert unsafe_in(output) == [], output
    assert "\x1b]" not in output  # no terminal title, no hyperlink
    assert SGR.search(output) or words == ["tags"], "colours were on, so styles show"
    if words[0] in ("tags", "passages"):
        assert MARKUP_TAG in output and "\u241b]0;tag" in output
    elif words[0] != "issues" or len(words) > 1:
        assert all(shown in output for shown in SHOWN), output


@pytest.mark.parametrize("words", [["list"], ["passages"]], ids=" ".join)
def test_through_a_pipe_each_line_is_one_record(hostile, words):
    library, article_id = hostile
    result = run_cli(*words, library=library, env=COLOURS)
    assert result.returncode == 0, result.stderr
    assert unsafe_in(result.stdout, allowed="\n\t") == []
    assert len(result.stdout.splitlines()) == 1


@pytest.mark.parametrize("words", [*COMMANDS[:-1], ["issues", "--json", "--by", "month"]], ids=" ".join)
def test_json_escapes_what_a_terminal_would_obey(hostile, words):
    library, article_id = hostile
    args = command(words, article_id)
    result = run_cli(*args, *(["--json"] if "--json" not in args else []), library=library, env=COLOURS)
    assert result.returncode == 0, result.stderr
    assert unsafe_in(result.stdout, allowed="\n") == []
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    if words[0] in ("list", "show", "search"):
        assert SHOWN[1] + " \u202eabc" in json.dumps(rows, ensure_ascii=False), "the data itself is kept"
    if words[0] == "show":
        assert rows[0]["url"] == "https://x.example/\x9b2J\u202e"


def test_skipped_article_files_are_named_without_markup_or_escapes(library):
    library.add(make_article())
    (library.articles_dir / f"{MARKUP_TAG} \x1b]0;skipped\x07.md").write_text("---\ntitle: [\n")
    output = at_terminal("list", library=library)
    [skipped] = [line for line in output.splitlines() if "skipped" in line]
    assert f"{MARKUP_TAG} \u241b]0;skipped" in skipped
    assert "\x1b]8" not in output and unsafe_in(output) == []
    listed = run_cli("list", "--json", library=library)  # a script reading the records gets records only
    assert [json.loads(line)["title"] for line in listed.stdout.splitlines()] == [make_article().title]
    assert "skipped" in listed.stderr


def test_import_errors_name_a_hostile_file_visibly(hostile, tmp_path):
    library, _ = hostile
    output = at_terminal("import", str(tmp_path / "\x1b]0;pwned\x07 [/].txt"), library=library)
    assert "\u241b]0;pwned" in output and "[/].txt" in output
    assert "Traceback" not in output and unsafe_in(output) == []


def test_analyze_prints_a_hostile_file_visibly(hostile, tmp_path):
    library, _ = hostile
    sample = tmp_path / "\u202eevil.txt"
    sample.write_text("Zorbex Holdings widened export controls on chipmaking tools.\n")
    output = at_terminal("analyze", str(sample), library=library)
    assert "Traceback" not in output and unsafe_in(output) == []
    assert SHOWN[1] in output and "\ufffdevil.txt" in output


def test_entities_add_refuses_control_characters_in_one_line(tmp_path):
    result = run_cli("entities", "add", "Bad\x1b]0;x\x07 Name", "--kind", "org", library=tmp_path / "lib")
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1 and "control" in result.stderr
    assert unsafe_in(result.stderr) == []
    assert not (tmp_path / "lib" / "entities.yaml").exists()


async def test_the_app_shows_hostile_text_without_its_control_characters(tmp_path):
    from library.model import Article
    from tests.app_support import make_library, screen_text
    from tui.app import CuttingsApp

    article = Article(title=HOSTILE, source=HOSTILE, blocks=(Block("paragraph", f"{HOSTILE} in the text"),))
    library = make_library(tmp_path / f"lib {HOSTILE.replace('/', '')}", [article])  # the folder name is the app's title
    app = CuttingsApp(library)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await pilot.press("enter")
        app.notify(f"Import failed: {HOSTILE}.md", markup=False)  # as the import worker names a bad file
        await pilot.pause()
        strips = app.screen._compositor.render_strips()
        assert all(strip.cell_length == 120 for strip in strips), "every line keeps its width"
        shown = screen_text(app)
        assert unsafe_in(shown) == [], shown
        assert "[link=https://evil.example/]click[/link]" in shown, "data is never markup"
        assert "Import failed: Evil ]0;pwned [/]" in shown and "Cuttings — lib Evil ]0;pwned" in shown


async def test_tagging_words_that_look_like_markup_shows_them_as_written(tmp_path):
    from library.model import Article
    from tests.app_support import make_library, screen_text
    from tui.app import CuttingsApp
    from tui.tagging.picker import TagPicker

    words = "Prices [/] rose [bold]sharply[/bold] in May."
    library = make_library(tmp_path / "lib", [Article(title="Prices", blocks=(Block("paragraph", words),))])
    app = CuttingsApp(library)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("enter", ")", "t")  # the picker's title quotes the passage
        await pilot.pause()
        assert isinstance(app.screen, TagPicker)
        assert "Tag “Prices [/] rose [bold]sharply[/bold] in May.”" in screen_text(app)
