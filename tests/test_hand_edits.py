"""An article file edited by hand, in place (which leaves the folder's mtime alone), is seen:
by search, by tags (whose words went, they are orphaned), by `check`, and by a running app."""

from __future__ import annotations

import json

import pytest

from index import open_index
from library.annotations import Annotations
from library.model import Block
from library.store import Library
from tests.app_support import wait_for
from tests.conftest import make_article, run_cli
from tui.app import CuttingsApp

STRIKE = make_article("Port strike", blocks=(
    Block("paragraph", "Dockworkers in Busan went on strike over pay."),
    Block("paragraph", "The port authority said talks would resume."),
))


@pytest.fixture
def edited(tmp_path):
    """A library with one tagged, indexed article, then that article edited in place."""
    library = Library(tmp_path / "lib").ensure()
    article_id = library.add(STRIKE).id
    Annotations(library).add_by_quote(article_id, "Dockworkers in Busan", ["labour"])
    open_index(library).close()
    path = library.path_of(article_id)
    with open(path, "r+", encoding="utf-8") as handle:  # in place: same inode, folder untouched
        text = handle.read().replace("Dockworkers in Busan", "Crane operators at Incheon")
        handle.seek(0)
        handle.write(text)
        handle.truncate()
    return library.root, article_id


def test_search_finds_the_new_words_of_an_edited_article(edited):
    root, article_id = edited
    found = run_cli("search", "--json", "incheon", library=root)
    assert found.returncode == 0, found.stderr
    assert [hit["id"] for hit in json.loads(found.stdout)["hits"]] == [article_id]
    assert json.loads(run_cli("search", "--json", "busan", library=root).stdout)["hits"] == []


def test_a_tag_whose_words_were_edited_away_is_orphaned(edited):
    root, article_id = edited
    result = run_cli("tags", "--orphans", "--json", library=root)
    assert [json.loads(line)["quote"] for line in result.stdout.splitlines()] == ["Dockworkers in Busan"]


def test_check_reports_the_edited_article_and_fix_settles_it(edited):
    root, article_id = edited
    first = run_cli("check", library=root)
    assert first.returncode == 1 and f"out of date in the index: {article_id}" in first.stdout
    assert run_cli("check", "--fix", library=root).returncode == 0
    again = run_cli("check", library=root)
    assert again.returncode == 0 and "up to date" in again.stdout, again.stdout


async def test_the_app_sees_an_edit_made_while_it_runs(tmp_path):
    library = Library(tmp_path / "lib", trust_folder=True).ensure()
    article_id = library.add(STRIKE).id
    open_index(library).close()
    app = CuttingsApp(library)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause(0.5)  # the watcher is watching
        path = library.path_of(article_id)
        path.write_text(path.read_text(encoding="utf-8").replace("Port strike", "Harbour stoppage"), encoding="utf-8")
        await wait_for(pilot, lambda: library.entries()[0].title == "Harbour stoppage")
        fresh = Library(library.root)
        await wait_for(pilot, lambda: open_index(fresh).check() == ([], []))
