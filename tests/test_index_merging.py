"""An update commits one small segment and merges nothing; a background process merges the small
segments later, keeping every article findable, an update made meanwhile, and the files a search
that opened the index earlier still reads."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import replace

import pytest
from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC

from index import merging, open_index, retention
from index import writer as index_writer
from index.location import IndexLocation
from index.schema import INDEX_NAME
from index.segments import GroupedSegmentWriter
from library.model import Block
from tests.conftest import ROOT
from tests.test_index_repair import TOPICS, filled, ids_for  # noqa: F401 (a fixture)
from index import sync


@pytest.fixture
def quiet(monkeypatch):
    """No background merging process: the test merges when it chooses."""
    monkeypatch.setattr(index_writer, "start_if_due", lambda ix: False)


def edit(library, article_id: str, marker: str) -> None:
    article = library.get(article_id)
    library.save(replace(article, blocks=(*article.blocks, Block("paragraph", f"Correction {marker} added."))))


def folder_of(library):
    return IndexLocation(library.root).current()


def segments_of(folder) -> list:
    return TOC.read(FileStorage(str(folder)), INDEX_NAME).segments


def live_counts(library) -> list[int]:
    return [segment.doc_count() for segment in segments_of(folder_of(library))]


def edit_round(library, index, round_: int) -> dict[str, str]:
    """Edit every article once (updating the index each time); returns the markers added."""
    markers = {}
    for number, entry in enumerate(library.entries()):
        markers[entry.id] = f"marker{round_}x{number}"
        edit(library, entry.id, markers[entry.id])
        index.update(changed=[entry.id])
    return markers


def test_small_segments_merge_eight_of_a_size_at_a_time():
    class Segment:
        def __init__(self, live):
            self.live = live

        def doc_count(self):
            return self.live

    rebuilt = [Segment(900), Segment(1000)]
    singles = [Segment(1) for _ in range(7)]
    assert merging.due(rebuilt + singles) == []
    empty = Segment(0)  # every document in it was replaced by an update
    assert merging.due(rebuilt + singles + [empty]) == singles + [empty]
    tens = [Segment(10) for _ in range(8)]
    assert merging.due(rebuilt + singles + tens) == tens
    assert merging.due([Segment(600) for _ in range(8)]) == []  # left to a rebuild


def test_each_update_commits_a_segment_of_its_own(filled, quiet):
    index = open_index(filled)
    before = live_counts(filled)
    edit_round(filled, index, 0)
    after = live_counts(filled)
    assert len(after) == len(before) + len(TOPICS)
    assert sum(after) == len(TOPICS)  # each old version was deleted, none merged


def test_a_merge_keeps_every_article_and_drops_deleted_documents(filled, quiet):
    index = open_index(filled)
    for round_ in range(2):
        markers = edit_round(filled, index, round_)
    assert len(live_counts(filled)) == 1 + 2 * len(TOPICS)

    assert merging.merge_due(folder_of(filled)) == 1
    folder = folder_of(filled)
    segments = segments_of(folder)
    # eleven segments, the rebuild's among them (each of its documents replaced): one, without the old versions
    assert [segment.doc_count_all() for segment in segments] == [len(TOPICS)]
    assert not (folder / merging.SCRATCH).exists()
    for article_id, marker in markers.items():
        assert ids_for(index, marker) == {article_id}
        assert ids_for(index, marker.replace("marker1", "marker0")) == {article_id}
    assert len(ids_for(index, '"the status of Taiwan"')) == 1
    assert index.check() == ([], [])


def test_an_update_made_while_a_merge_runs_is_kept(filled, quiet, monkeypatch):
    index = open_index(filled)
    first = edit_round(filled, index, 0)
    second = edit_round(filled, index, 1)
    ids = list(first)
    write_merged = merging._write_merged

    def update_meanwhile(ix, chosen, scratch):
        merged = write_merged(ix, chosen, scratch)
        for article_id in ids[:2]:  # their documents are in the segments being merged
            edit(filled, article_id, f"late{article_id[-4:]}")
            index.update(changed=[article_id])
        return merged

    monkeypatch.setattr(merging, "_write_merged", update_meanwhile)
    assert merging.merge_due(folder_of(filled)) == 1
    for article_id in ids[:2]:
        assert ids_for(index, f"late{article_id[-4:]}") == {article_id}
    for article_id in ids:
        assert ids_for(index, second[article_id]) == {article_id}
        assert ids_for(index, first[article_id]) == {article_id}
    assert len(ids_for(index, "officials")) == len(TOPICS)
    assert index.check() == ([], [])


def test_a_merge_gives_way_when_its_segments_were_merged_meanwhile(filled, quiet, monkeypatch):
    index = open_index(filled)
    edit_round(filled, index, 0)
    markers = edit_round(filled, index, 1)
    write_merged = merging._write_merged

    def optimize_meanwhile(ix, chosen, scratch):
        merged = write_merged(ix, chosen, scratch)
        GroupedSegmentWriter(ix).commit(optimize=True)
        return merged

    monkeypatch.setattr(merging, "_write_merged", optimize_meanwhile)
    assert merging.merge_due(folder_of(filled)) == 0
    assert live_counts(filled) == [len(TOPICS)]
    assert not (folder_of(filled) / merging.SCRATCH).exists()
    assert all(ids_for(index, marker) == {article_id} for article_id, marker in markers.items())


def test_a_merge_gives_up_while_an_update_holds_the_lock(filled, quiet, monkeypatch):
    index = open_index(filled)
    edit_round(filled, index, 0)
    edit_round(filled, index, 1)
    before = live_counts(filled)
    monkeypatch.setattr(merging, "LOCK_WAIT", 0.2)
    writer = GroupedSegmentWriter(index._ix)  # holds the write lock
    try:
        assert merging.merge_due(folder_of(filled)) == 0
    finally:
        writer.cancel()
    assert live_counts(filled) == before
    assert not (folder_of(filled) / merging.SCRATCH).exists()


def test_one_process_merges_an_index_at_a_time(filled, quiet):
    index = open_index(filled)
    edit_round(filled, index, 0)
    edit_round(filled, index, 1)
    lock = index._ix.lock(merging.MERGE_LOCK)
    assert lock.acquire()
    try:
        assert merging.merge_due(folder_of(filled)) == 0
        assert merging.start_if_due(index._ix) is False
    finally:
        lock.release()
    assert merging.merge_due(folder_of(filled)) == 1


def test_a_search_opened_before_a_merge_still_reads_the_files_it_opened(filled, quiet):
    index = open_index(filled)
    edit_round(filled, index, 0)
    edit_round(filled, index, 1)
    searcher = index._ix.searcher()  # this generation's stored fields are read only when asked for
    assert merging.merge_due(folder_of(filled)) == 1
    edit(filled, filled.entries()[0].id, "afterwards")
    index.update(changed=[filled.entries()[0].id])  # a commit that sweeps unused files
    assert len(list(searcher.all_stored_fields())) == len(TOPICS)
    searcher.close()


def test_files_of_replaced_segments_go_after_the_grace_period(filled, quiet, monkeypatch):
    index = open_index(filled)
    edit_round(filled, index, 0)
    folder = folder_of(filled)
    segment_files = lambda: {path.name for path in folder.glob(INDEX_NAME + "_*.*")}  # noqa: E731
    merged_away = segment_files()
    monkeypatch.setattr(retention, "GRACE", 0.0)
    edit_round(filled, index, 1)
    assert merging.merge_due(folder) == 1
    assert len(list(folder.glob("*.toc"))) == 1
    live = {segment.segment_id() for segment in segments_of(folder)}
    assert {name.split(".")[0] for name in segment_files()} == live
    assert merged_away - segment_files()  # the first round's update segments are gone


def test_updates_start_a_merging_process_that_catches_up(filled):
    index = open_index(filled)
    index.close()
    for round_ in range(2):
        for number, entry in enumerate(filled.entries()):
            edit(filled, entry.id, f"bg{round_}x{number}")
            assert sync(filled, changed=[entry.id]) == []
    deadline = time.monotonic() + 60
    while len(live_counts(filled)) > 3 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(live_counts(filled)) <= 3  # the rebuild's segment, the merged one, at most one update after it
    index = open_index(filled)
    assert index.check() == ([], [])
    assert all(ids_for(index, f"bg1x{number}") == {entry.id} for number, entry in enumerate(filled.entries()))


def test_merging_a_folder_that_is_not_an_index_says_so_in_one_line(tmp_path):
    finished = subprocess.run([sys.executable, "-c", merging.RUN, str(tmp_path / "gone")],
                              capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert finished.returncode == 1
    assert finished.stderr == f"cuttings: {tmp_path / 'gone'} is not a cuttings search index\n"
