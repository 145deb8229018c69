"""A full build writes the same index Whoosh's own writer would, faster: every term's postings
and statistics match, segments split when a worker's memory is full, and a worker that fails
stops the build with one line, leaving the index in use as it was."""

from __future__ import annotations

import os
import subprocess
import sys
import random
from dataclasses import replace

import pytest
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec, W3FieldWriter

from index import open_index
from index import writer as index_writer
from index.documents import DocumentMaker
from index.location import IndexLocation
from index.repair import rebuild
from index.schema import INDEX_NAME, make_schema
from index.segments import BLOCK, GroupedSegmentWriter
from tests.conftest import ROOT
from tests.test_index_repair import TOPICS, filled, ids_for, snapshot  # noqa: F401 (a fixture)

WORDS = "the of and talks Beijing Washington tariffs chips export controls Taiwan summit trade envoy said".split()


def documents(count: int) -> list[dict]:
    """Index documents like the library's, with every kind of field, some terms in more than one
    block of postings, weights above 1 and a CJK run."""
    rng = random.Random(7)
    docs = []
    for number in range(count):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 60)))
        if number % 5 == 0:
            text += "\u2029习近平会见布林肯, as the envoy said."
        doc = {
            "id": f"doc-{number}",
            "digest": f"{number:040x}",
            "title": f"Briefing {number % 7}: {rng.choice(WORDS)} {rng.choice(WORDS)}",
            "body": text,
            "exact": text,
            "pairs": text,
            "source": rng.choice(["Pacific Ledger", "Harbour Times"]),
            "author": "" if number % 3 else "Li Wen",
            "tag": "quote,evidence" if number % 4 == 0 else "",
            "issue": rng.choice(["taiwan", "trade taiwan", "export-controls"]),
            "entity": "Wang Yi\u2029Beijing",
            "names": "Wang Yi,Beijing",
        }
        if number % 6:
            doc["date"] = f"2023-0{1 + number % 9}-1{number % 10}"
        docs.append(doc)
    return docs


def write(folder, writer_for, commit, docs):
    ix = whoosh_index.create_in(str(folder), make_schema(), indexname=INDEX_NAME)
    writer = writer_for(ix)
    for doc in docs:
        writer.add_document(**doc)
    commit(writer)
    return whoosh_index.open_dir(str(folder), indexname=INDEX_NAME)


def postings(reader, fieldname: str, text: bytes) -> list[tuple]:
    matcher = reader.postings(fieldname, text)
    found = []
    while matcher.is_active():
        found.append((matcher.id(), matcher.weight(), matcher.value(), matcher.block_min_length(),
                      matcher.block_max_length(), matcher.block_max_weight()))
        matcher.next()
    return found


def term_stats(reader, fieldname: str, text: bytes) -> tuple:
    info = reader.term_info(fieldname, text)
    return (info.weight(), info.doc_frequency(), info.min_length(), info.max_length(),
            info.max_weight(), info.min_id(), info.max_id())


class OtherCodec(W3Codec):
    """A codec whose term writer is not the W3 one the grouped writer knows."""

    def field_writer(self, storage, segment):
        return type("OtherFieldWriter", (W3FieldWriter,), {})(self, storage, segment)


@pytest.mark.parametrize("codec", [W3Codec, OtherCodec])
def test_grouped_writer_writes_what_whooshs_own_writer_writes(tmp_path, codec):
    docs = documents(400)
    (tmp_path / "whoosh").mkdir(), (tmp_path / "grouped").mkdir()
    theirs = write(tmp_path / "whoosh", lambda ix: ix.writer(compound=False), lambda w: w.commit(), docs).reader()
    grouped = lambda ix: GroupedSegmentWriter(ix, compound=False, codec=codec())  # noqa: E731
    ours = write(tmp_path / "grouped", grouped, lambda w: w.commit_with([]), docs).reader()
    terms = list(theirs.all_terms())
    assert list(ours.all_terms()) == terms
    assert theirs.doc_frequency("exact", "the") > 2 * BLOCK  # some terms span several blocks
    assert ("exact", "习".encode()) in terms
    for fieldname, text in terms:
        assert term_stats(ours, fieldname, text) == term_stats(theirs, fieldname, text), (fieldname, text)
        assert postings(ours, fieldname, text) == postings(theirs, fieldname, text), (fieldname, text)
    for docnum in (0, 199, 399):
        assert ours.stored_fields(docnum) == theirs.stored_fields(docnum)
        assert ours.doc_field_length(docnum, "body") == theirs.doc_field_length(docnum, "body")
    assert ours.field_length("exact") == theirs.field_length("exact")


def test_grouped_writer_keeps_small_posting_blocks_smaller(tmp_path):
    docs = documents(400)
    (tmp_path / "whoosh").mkdir(), (tmp_path / "grouped").mkdir()
    write(tmp_path / "whoosh", lambda ix: ix.writer(compound=False), lambda w: w.commit(), docs)
    write(tmp_path / "grouped", lambda ix: GroupedSegmentWriter(ix, compound=False), lambda w: w.commit_with([]), docs)
    size = lambda name: sum(p.stat().st_size for p in (tmp_path / name).glob("*.pst"))  # noqa: E731
    assert size("grouped") < 0.9 * size("whoosh")


def test_a_worker_whose_memory_is_full_starts_a_new_segment(filled, monkeypatch):
    monkeypatch.setattr(index_writer, "build_memory_mb", lambda writers: 0)
    index = open_index(filled)
    with index._ix.searcher() as searcher:
        assert len(searcher.reader().leaf_readers()) == len(TOPICS)  # one article per segment
    assert ids_for(index, "officials") == {entry.id for entry in filled.entries()}
    assert len(ids_for(index, '"the status of Taiwan"')) == 1


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failing_article_stops_the_build_and_keeps_the_index_in_use(filled, monkeypatch, workers):
    open_index(filled).close()
    before, in_use = snapshot(filled), IndexLocation(filled.root).current()
    monkeypatch.setattr(index_writer, "PARALLEL_FROM", 1)
    monkeypatch.setattr(index_writer.os, "cpu_count", lambda: workers)
    original = DocumentMaker.document

    def document(self, article):
        if article.title == "Briefing 3":
            raise MemoryError("no room for the postings")
        return original(self, article)

    monkeypatch.setattr(DocumentMaker, "document", document)
    with pytest.raises((index_writer.BuildFailed, MemoryError), match="no room for the postings"):
        rebuild(filled)
    location = IndexLocation(filled.root)
    assert location.current() == in_use and [p for p in location.base.iterdir() if not p.is_symlink()] == [in_use]
    assert snapshot(filled) == before
    monkeypatch.setattr(DocumentMaker, "document", original)
    assert len(ids_for(open_index(filled), "officials")) == len(TOPICS)


def test_a_worker_that_dies_stops_the_build_with_one_line(filled, monkeypatch):
    monkeypatch.setattr(index_writer, "PARALLEL_FROM", 1)
    monkeypatch.setattr(index_writer.os, "cpu_count", lambda: 2)
    original = DocumentMaker.document

    def document(self, article):
        if article.title == "Briefing 2":
            os._exit(9)
        return original(self, article)

    monkeypatch.setattr(DocumentMaker, "document", document)
    with pytest.raises(index_writer.BuildFailed, match="stopped with exit code 9"):
        rebuild(filled)
    assert IndexLocation(filled.root).current() is None


def test_reindex_says_in_one_line_that_a_build_failed(filled, monkeypatch, capsys):
    from tui.cli import main

    def failing(library, folder, progress=None, procs=None):
        raise index_writer.BuildFailed("MemoryError: no room")

    monkeypatch.setattr("index.repair.build", failing)
    assert main(["--library", str(filled.root), "reindex"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("cuttings: error: reindex of ") and "MemoryError: no room" in err and "\n" not in err


def test_articles_added_after_a_parallel_build_are_found(filled, monkeypatch):
    monkeypatch.setattr(index_writer, "PARALLEL_FROM", 1)
    index = open_index(filled)
    entry = filled.entries()[0]
    filled.save(replace(filled.get(entry.id), source="Harbour Times"))
    index.update(changed=[entry.id])
    assert ids_for(index, "source:harbour") == {entry.id}
    assert index.check() == ([], [])


def test_without_fork_the_build_runs_in_this_process(filled, monkeypatch):
    monkeypatch.setattr(index_writer, "PARALLEL_FROM", 1)
    monkeypatch.setattr(index_writer.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(index_writer.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    monkeypatch.setattr(index_writer, "_write_in_processes", None)  # would fail if called
    assert len(ids_for(open_index(filled), "officials")) == len(TOPICS)


@pytest.mark.parametrize("workers", [1, 2])
def test_progress_counts_articles_then_says_the_index_is_being_written(filled, monkeypatch, workers):
    monkeypatch.setattr(index_writer, "PARALLEL_FROM", 1)
    monkeypatch.setattr(index_writer, "CHUNK", 2)
    monkeypatch.setattr(index_writer.os, "cpu_count", lambda: workers)
    calls = []
    rebuild(filled, lambda done, total, stage: calls.append((done, total, stage)))
    total = len(TOPICS)
    counts = [done for done, _, _ in calls]  # chunks of 2, 2 and 1 articles, in the order workers finish them
    assert len(calls) == 3 and counts == sorted(counts) and counts[-1] == total and {t for _, t, _ in calls} == {total}
    assert [stage for _, _, stage in calls] == [index_writer.READING] * 2 + [index_writer.WRITING]



def test_a_failed_build_leaves_nothing_that_keeps_the_process_from_exiting(tmp_path):
    """Chunks no worker took are still queued when the build stops; the process must exit anyway."""
    script = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from whoosh import index as whoosh_index
from index import writer
from index.schema import INDEX_NAME, make_schema
from library.store import Library

def failing(library, maker, article_id):
    raise RuntimeError("no such luck")

writer._document = failing
library = Library({str(tmp_path / "lib")!r}).ensure()
ix = whoosh_index.create_in({str(tmp_path)!r}, make_schema(), indexname=INDEX_NAME)
try:
    writer._write_in_processes(ix, library, [["x" * 1000]] * 500, 2**20, 2, lambda count: None)
except writer.BuildFailed as exc:
    print(exc)
"""
    finished = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=30)
    assert finished.stdout.strip() == "RuntimeError: no such luck"
