"""Two writers at once lose nothing: two imports, an import while tagging, a rebuild of the
index while tagging. Afterwards every article and tag is in the library, in its catalogue and
in the search index, and `cuttings check` finds nothing to fix, without any repair first."""

from __future__ import annotations

import json
import subprocess
import sys
import threading

import pytest

from index import open_index
from library.annotations import Annotations
from library.model import Block
from library.store import Library
from tests.conftest import ROOT, make_article, run_cli
from index import sync


def article_files(folder, prefix: str, count: int):
    folder.mkdir(parents=True)
    for n in range(count):
        (folder / f"{prefix}{n}.md").write_text(
            f"# {prefix} report {n}\n\nPort officials in {prefix}ville counted {n} ships delayed by the strike.\n\n"
            f"Shipping lines rerouted cargo {prefix}{n} through other harbours.\n", encoding="utf-8")
    return folder


def start(*args, library):
    return subprocess.Popen([sys.executable, "-m", "tui.cli", "--library", str(library.root), *args],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(process) -> str:
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0 and "Traceback" not in err, err
    return out


def assert_in_step(library: Library, ids) -> None:
    """Every id listed (by a fresh process, and by the catalogue trusted as the app trusts it),
    and the index neither missing nor stale on any article."""
    listed = {json.loads(line)["id"] for line in run_cli("list", "--json", library=library).stdout.splitlines()}
    assert set(ids) <= listed
    assert set(ids) <= {e.id for e in Library(library.root, trust_folder=True).entries()}
    check = run_cli("check", library=library)
    assert check.returncode == 0 and "up to date" in check.stdout, check.stdout + check.stderr


def imported_ids(output: str) -> list[str]:
    return [line.split()[1] for line in output.splitlines() if line.startswith("imported ")]


@pytest.fixture
def indexed(library):
    for n in range(4):
        library.add(make_article(f"Existing story {n}", blocks=(Block("paragraph", f"Tariffs on steel, case {n}."),)))
    open_index(library).close()
    return library


class Tagger(threading.Thread):
    """Tags one article after another (one tag each, as `cuttings tag` does) until stopped."""

    def __init__(self, library: Library, ids, quote: str):
        super().__init__()
        self.root, self.ids, self.quote = library.root, ids, quote
        self.stopping, self.tagged, self.failed = threading.Event(), [], []

    def run(self) -> None:
        annotations = Annotations(Library(self.root))
        try:
            for n, article_id in enumerate(self.ids):
                if self.stopping.is_set() and n >= 2:
                    return
                annotations.add_by_quote(article_id, self.quote, [f"round/{n}"])
                sync(annotations.library, changed=[article_id])
                self.tagged.append((article_id, f"round/{n}"))
        except Exception as exc:
            self.failed.append(exc)

    def stop(self) -> list[tuple[str, str]]:
        self.stopping.set()
        self.join()
        assert not self.failed
        return self.tagged


def assert_tags_searchable(library: Library, tagged) -> None:
    index = open_index(Library(library.root))
    for article_id, tag in tagged:
        assert [hit.id for hit in index.search(f'tag:"{tag}"').hits] == [article_id]


def test_two_imports_at_once_keep_every_article(library, tmp_path):
    first = start("import", str(article_files(tmp_path / "a", "alpha", 20)), library=library)
    second = start("import", str(article_files(tmp_path / "b", "beta", 20)), library=library)
    ids = imported_ids(finish(first)) + imported_ids(finish(second))
    assert len(ids) == 40
    assert_in_step(library, ids)


def test_an_import_that_ends_last_keeps_the_articles_another_saved_meanwhile(library, tmp_path):
    """The interleaving of issue 12: a slow import stores a few articles and reads on (a big
    feed that fails in the end); a second import stores and saves all of its own; then the
    first ends and saves its catalogue."""
    from library.importing import import_paths

    folder = article_files(tmp_path / "slow", "slow", 3)
    (folder / "zz-big-feed.rss").write_text("<rss><channel><item><title>cut off", encoding="utf-8")
    slow = import_paths(Library(library.root), [folder])
    first = [next(slow).id for _ in range(3)]
    quick = [o.id for o in import_paths(Library(library.root), [article_files(tmp_path / "quick", "quick", 10)])]
    assert [o.status for o in slow] == ["error"]
    for reader in (Library(library.root), Library(library.root, trust_folder=True)):
        assert {e.id for e in reader.entries()} == {*first, *quick}


def test_import_while_tagging_keeps_articles_and_tags(indexed, tmp_path):
    existing = [e.id for e in indexed.entries()]
    importing = start("import", str(article_files(tmp_path / "c", "gamma", 40)), library=indexed)
    tagger = Tagger(indexed, existing, "Tariffs on steel")
    tagger.start()
    ids = imported_ids(finish(importing))
    tagged = tagger.stop()
    assert_in_step(indexed, ids + existing)
    assert_tags_searchable(indexed, tagged)


def test_reindex_while_tagging_loses_no_tag(library):
    with library.bulk():
        for n in range(200):
            library.add(make_article(f"Story {n}", blocks=(Block("paragraph", f"In the talks, case {n} of chip exports came up."),)))
    open_index(library).close()
    newest_first = [e.id for e in library.entries()]  # the order a rebuild reads them in
    reindex = start("reindex", library=library)
    tagger = Tagger(library, newest_first, "chip exports")
    tagger.start()
    finish(reindex)
    tagged = tagger.stop()
    print(len(tagged))
    assert_in_step(library, newest_first)
    assert_tags_searchable(library, tagged)
