"""The index keeps in step with the library and mends itself: killed writers, damaged or
missing files and old index versions lead to a rebuild (with one line saying so), never to a
traceback or to a change in the library's own files."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import textwrap
from dataclasses import replace

import pytest
from whoosh import index as whoosh_index
from whoosh.fields import TEXT, Schema

from index import open_index
from index import writer as index_writer
from index.location import IndexLocation
from library.model import Block
from library.store import Library
from tests.conftest import ROOT, make_article
from index import sync

TOPICS = ["soybean tariffs", "chip export controls", "a typhoon in Luzon", "the status of Taiwan", "solar panel duties"]


@pytest.fixture
def filled(library):
    for number, topic in enumerate(TOPICS):
        library.add(make_article(f"Briefing {number}", blocks=(Block("paragraph", f"Officials discussed {topic} at length."),)))
    return library


def snapshot(library: Library) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(library.articles_dir.iterdir())}


def ids_for(index, text: str) -> set[str]:
    return {hit.id for hit in index.search(text).hits}


def test_a_new_library_gets_an_index_with_a_notice(filled):
    index = open_index(filled)
    assert len(index.notices) == 1 and "missing" in index.notices[0]
    assert len(ids_for(index, "officials")) == len(TOPICS)
    assert open_index(filled).notices == []


def test_deleted_index_is_rebuilt(filled):
    open_index(filled).close()
    before = snapshot(filled)
    IndexLocation(filled.root).remove_all()
    index = open_index(filled)
    assert len(index.notices) == 1 and "missing" in index.notices[0]
    assert len(ids_for(index, "typhoon")) == 1
    assert snapshot(filled) == before


@pytest.mark.parametrize("suffix", [".trm", ".pst", "_stored.col"])
@pytest.mark.parametrize("damage", ["garbage", "truncate", "delete"])
def test_a_damaged_segment_file_is_rebuilt(filled, suffix, damage):
    open_index(filled).close()
    before = snapshot(filled)
    folder = IndexLocation(filled.root).current()
    target = next(folder.glob(f"*{suffix}"))
    if damage == "garbage":
        target.write_bytes(os.urandom(target.stat().st_size))
    elif damage == "truncate":
        target.write_bytes(target.read_bytes()[: target.stat().st_size // 3])
    else:
        target.unlink()
    index = open_index(filled)
    assert len(ids_for(index, "officials")) == len(TOPICS)
    assert len(ids_for(index, '"the status of Taiwan"')) == 1
    assert len(index.notices) == 1 and ("damaged" in index.notices[0] or "failed" in index.notices[0]), index.notices
    assert snapshot(filled) == before


def test_an_index_from_an_older_version_is_replaced(filled):
    old = filled.root / ".index"
    old.mkdir()
    whoosh_index.create_in(str(old), Schema(content=TEXT(stored=True)))  # the layout of an earlier version
    index = open_index(filled)
    assert len(index.notices) == 1 and "older version" in index.notices[0]
    assert len(ids_for(index, "tariffs")) == 1
    assert not list(old.glob("*.toc"))  # the old files are gone; only the new build remains


def test_a_writer_killed_mid_write_blocks_nothing(filled):
    open_index(filled).close()
    before = snapshot(filled)
    script = textwrap.dedent(f"""
        import sys, time
        from library.store import Library
        from index.repair import open_checked
        from index.location import IndexLocation
        ix = open_checked(IndexLocation(Library({str(filled.root)!r}).root))
        writer = ix.writer()
        writer.add_document(id="ghost", title="ghost article", body="poltergeist", exact="poltergeist")
        print("writing", flush=True)
        time.sleep(60)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "writing"
    lock = next(IndexLocation(filled.root).current().glob("*WRITELOCK"))
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert lock.exists()  # the lock file stays behind...
    index = open_index(filled)  # ...but it is an flock the kernel released, so nothing is stuck
    assert index.notices == []
    assert ids_for(index, "poltergeist") == set()
    added = filled.add(make_article("Late news", blocks=(Block("paragraph", "A ferry strike closed the harbour."),)))
    index.update(changed=[added.id])
    assert ids_for(index, "ferry") == {added.id}
    assert snapshot(filled) == {**before, f"{added.id}.md": snapshot(filled)[f"{added.id}.md"]}


def test_changes_reach_the_index_through_library_changed(filled):
    index = open_index(filled)
    added = filled.add(make_article("Port news", blocks=(Block("paragraph", "Dockworkers in Busan went on strike."),)))
    sync(filled, changed=[added.id])
    assert ids_for(index, "dockworkers") == {added.id}
    edited = replace(filled.get(added.id), blocks=(Block("paragraph", "Crane operators in Busan went on strike."),))
    filled.save(edited)
    sync(filled, changed=[added.id])
    assert ids_for(index, "dockworkers") == set() and ids_for(index, "crane") == {added.id}
    filled.remove(added.id)
    sync(filled, removed=[added.id])
    assert ids_for(index, "crane") == set()


def test_library_changed_without_an_index_builds_one_and_says_so(filled):
    added = filled.add(make_article("Quiet", blocks=(Block("paragraph", "Nothing happened."),)))
    assert sync(filled, changed=[added.id]) == ["search index built (6 articles)"]
    assert ids_for(open_index(filled), "happened") == {added.id}


def test_check_finds_missing_stale_and_orphaned_articles(filled):
    index = open_index(filled)
    assert index.check() == ([], []) and index.orphans() == []
    entries = filled.entries()
    added = filled.add(make_article("Unindexed", blocks=(Block("paragraph", "Unseen words."),)))
    filled.save(replace(filled.get(entries[0].id), source="Another Source"))
    filled.remove(entries[1].id)
    missing, stale = index.check()
    assert missing == [added.id] and stale == [entries[0].id] and index.orphans() == [entries[1].id]
    index.update(changed=[*missing, *stale], removed=index.orphans())
    assert index.check() == ([], []) and index.orphans() == []
    assert ids_for(index, "unseen") == {added.id}


def test_parallel_build_indexes_the_same_articles(filled, monkeypatch):
    serial = open_index(filled)
    expected = {q: ids_for(serial, q) for q in ("officials", '"the status of Taiwan"', "tariffs", "source:pacific")}
    serial.close()
    monkeypatch.setattr(index_writer, "PARALLEL_FROM", 1)
    parallel = open_index(filled)
    assert parallel.rebuild() == len(TOPICS)
    assert {q: ids_for(parallel, q) for q in expected} == expected


def _damage_newest_toc(library: Library, damage: str) -> None:
    """What a power cut can leave of the table of contents Whoosh writes without fsync."""
    folder = IndexLocation(library.root).current()
    toc = max(folder.glob("*.toc"), key=lambda p: int(p.stem.rsplit("_", 1)[1]))
    data = toc.read_bytes()
    toc.write_bytes({"empty": b"", "truncate": data[: len(data) // 2], "garbage": os.urandom(len(data))}[damage])


@pytest.mark.parametrize("damage", ["empty", "truncate", "garbage"])
def test_a_damaged_table_of_contents_is_repaired_by_every_command(filled, damage):
    from tests.conftest import run_cli

    open_index(filled).close()
    article = filled.entries()[0].id
    quote = filled.get(article).blocks[0].text.split(":")[0]
    passage = None
    for args in (["search", "officials"], ["check"], ["check", "--fix"],
                 ["tag", article, "--quote", quote, "--tag", "kept", "--tag", "dropped", "--json"], ["untag", "PASSAGE", "--tag", "dropped"]):
        _damage_newest_toc(filled, damage)
        done = run_cli(*[passage if arg == "PASSAGE" else arg for arg in args], library=filled)
        assert done.returncode == 0 and "Traceback" not in done.stderr, (args, done.stderr)
        assert "damaged" in done.stderr and len(done.stderr.splitlines()) == 1, (args, done.stderr)
        if args[0] == "tag":
            passage = json.loads(done.stdout)["id"]
    index = open_index(filled)
    assert len(ids_for(index, "officials")) == len(TOPICS)
    assert ids_for(index, "tag:kept") == {article} and not ids_for(index, "tag:dropped")


def test_the_merging_process_stops_in_one_line_on_a_damaged_table_of_contents(filled):
    open_index(filled).close()
    _damage_newest_toc(filled, "truncate")
    done = subprocess.run([sys.executable, "-c", "import sys; from index.merging import main; sys.exit(main())",
                           str(IndexLocation(filled.root).current())], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 1 and "Traceback" not in done.stderr and len(done.stderr.splitlines()) == 1, done.stderr


def test_two_threads_that_find_no_index_build_it_once_and_both_get_it(filled):
    """The app's launch check and a fetch worker, say: neither sweeps away the other's build."""
    from concurrent.futures import ThreadPoolExecutor

    from index.repair import open_or_rebuild

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda _: open_or_rebuild(Library(filled.root)), range(2)))
    assert [ix.doc_count() for ix, _ in results] == [len(TOPICS)] * 2
    assert sum(bool(notices) for _, notices in results) == 1  # built, and said so, once
    folders = [p.name for p in IndexLocation(filled.root).base.iterdir() if p.name.startswith("build-")]
    assert len(folders) == 1
