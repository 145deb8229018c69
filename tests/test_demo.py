"""The bundled demo: every file imports, the result looks like a real library, and installing
it never harms a library or the installed package."""

from __future__ import annotations

from dataclasses import replace
from importlib.resources import files
from pathlib import Path

import pytest

from library.demo import DemoError, install_demo
from library.importers import read_articles
from library.store import Library
from tests.conftest import make_article

DEMO_DIR = Path(str(files("library") / "demo"))
BOILERPLATE = ("Advertisement", "Share this article", "Listen to this article", "Accept all cookies")


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Library:
    return Library(install_demo(tmp_path_factory.mktemp("demo") / "library"))


def test_every_bundled_article_arrives(demo):
    bundled = [article for path in sorted(DEMO_DIR.iterdir()) for article in read_articles(path)]
    entries = demo.entries()
    assert len(entries) >= 14
    assert len(entries) == len(bundled)  # no file failed and no entry was taken for a duplicate
    assert {e.title for e in entries} == {a.title for a in bundled}


def test_demo_spans_every_import_format():
    suffixes = {p.suffix for p in DEMO_DIR.iterdir()}
    assert {".txt", ".md", ".html", ".rss", ".atom"} <= suffixes


def test_articles_have_titles_dates_and_varied_blocks(demo):
    articles = list(demo.articles())
    assert all(a.title and len(a.blocks) >= 5 for a in articles)
    dated = [a.date for a in articles if a.date]
    assert len(dated) >= 12
    assert all(2022 <= d.year <= 2024 for d in dated)
    kinds = {b.kind for a in articles for b in a.blocks}
    assert {"heading", "paragraph", "bullet", "caption", "quote"} <= kinds


def test_feeds_give_one_article_per_entry_with_link_and_author(demo):
    from_feeds = [a for a in demo.articles() if a.url.startswith("https://example.org/") and a.author]
    titles = {a.title for a in from_feeds}
    assert "Blinken ends Beijing trip with Xi meeting and few breakthroughs" in titles  # RSS
    assert "Biden and Xi speak by phone for the first time since Woodside" in titles  # Atom


def test_page_furniture_is_not_article_text(demo):
    texts = {b.text for a in demo.articles() for b in a.blocks}
    assert not texts & set(BOILERPLATE)
    assert not any(t.startswith("Read more:") for t in texts)


def test_installing_twice_adds_and_changes_nothing(tmp_path):
    root = install_demo(tmp_path / "lib")
    before = _snapshot(root / "articles")
    assert install_demo(root) == root
    assert _snapshot(root / "articles") == before


def test_reinstall_restores_a_removed_article_and_keeps_an_edit(tmp_path):
    library = Library(install_demo(tmp_path / "lib"))
    gone, edited = library.entries()[:2]
    library.remove(gone.id)
    changed = library.get(edited.id)
    library.save(replace(changed, tags=("mine",)))
    install_demo(library.root)
    again = Library(library.root)
    assert gone.title in {e.title for e in again.entries()}
    assert again.get(edited.id).tags == ("mine",)
    assert len(again.entries()) == len({e.title for e in again.entries()})


def test_refuses_a_folder_holding_another_library(library):
    library.add(make_article("My own notes on the Taiwan Strait"))
    before = _snapshot(library.root / "articles")
    with pytest.raises(DemoError, match="not from the demo"):
        install_demo(library.root)
    assert _snapshot(library.root / "articles") == before


def test_refuses_a_file_as_destination(tmp_path):
    target = tmp_path / "notes.txt"
    target.write_text("keep me")
    with pytest.raises(DemoError, match="not a folder"):
        install_demo(target)
    assert target.read_text() == "keep me"


def test_installing_never_writes_into_the_package(tmp_path):
    before = _snapshot(DEMO_DIR)
    install_demo(tmp_path / "lib")
    assert _snapshot(DEMO_DIR) == before
