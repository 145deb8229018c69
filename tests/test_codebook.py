"""The codebook from the command line: memos, renames and merges across the library and their
undo, co-occurrence tables, and the memos in a .qdpx export; a rename killed part way."""

from __future__ import annotations

import csv
import io
import json
import signal
import subprocess
import sys
import time
import zipfile

import pytest

from library.annotations import Annotations
from library.model import Block
from tests.conftest import ROOT, make_article, run_cli


@pytest.fixture
def tagged(library):
    """Two articles: a passage tagged trade/chips and beijing overlapping one tagged reaction;
    a passage tagged beijing in the other."""
    first = library.add(make_article(blocks=(
        Block("paragraph", "Washington widened export controls on chips. Beijing objected at once."),))).id
    second = library.add(make_article("Talks resume", blocks=(Block("paragraph", "Officials in Beijing said talks would go on."),))).id
    annotations = Annotations(library)
    annotations.add(first, 0, 0, 44, ["trade/chips", "beijing"])
    annotations.add(first, 0, 27, 60, ["reaction"])
    annotations.add(second, 0, 0, 20, ["beijing"])
    return library


def tags_of(library) -> dict[str, tuple]:
    return {p.id: p.tags for p in Annotations(library).all_passages()}


def ok(*args, library, input=None):
    done = run_cli(*args, library=library, input=input)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done


def test_a_memo_is_kept_in_a_readable_file_and_shown_literally(tagged):
    memo = "[bold red]Export rules[/]\x1b[31m on chips\nand tools"
    ok("tags", "memo", "trade/chips", memo, library=tagged)
    text = (tagged.root / "codebook.yaml").read_text()
    assert "trade/chips: |" in text and "\x1b" not in text  # a literal block a person can edit
    shown = ok("tags", "memo", "trade/chips", library=tagged).stdout
    assert shown == "[bold red]Export rules[/][31m on chips\nand tools\n"  # markup as typed, ESC dropped
    rows = [json.loads(line) for line in ok("codebook", "--json", library=tagged).stdout.splitlines()]
    assert {r["tag"]: (r["passages"], r["articles"], r["memo"]) for r in rows} == {
        "beijing": (2, 2, ""), "reaction": (1, 1, ""), "trade": (1, 1, ""),
        "trade/chips": (1, 1, "[bold red]Export rules[/][31m on chips\nand tools")}
    ok("tags", "memo", "trade/chips", "", library=tagged)
    assert "trade/chips" not in (tagged.root / "codebook.yaml").read_text()


def test_a_broken_codebook_is_one_line_naming_it_and_left_alone(tagged):
    path = tagged.root / "codebook.yaml"
    path.write_text("memos:\n  trade: [unclosed\n")
    done = run_cli("tags", "memo", "trade", "what it means", library=tagged)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert str(path) in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert path.read_text() == "memos:\n  trade: [unclosed\n"


def test_rename_moves_a_tag_and_those_below_it_with_its_memo_and_undo_restores_exactly(tagged):
    ok("tags", "memo", "trade", "Trade policy", library=tagged)
    files = {p.name: p.read_text() for p in (tagged.root / "annotations").iterdir()}
    done = ok("tags", "rename", "trade", "commerce", library=tagged)
    assert "renamed trade to commerce on 1 passage in 1 article" in done.stdout
    assert sorted(t for tags in tags_of(tagged).values() for t in tags) == ["beijing", "beijing", "commerce/chips", "reaction"]
    assert "commerce: Trade policy" in (tagged.root / "codebook.yaml").read_text()
    ok("tags", "undo", library=tagged)
    assert {p.name: p.read_text() for p in (tagged.root / "annotations").iterdir()} == files
    assert "trade: Trade policy" in (tagged.root / "codebook.yaml").read_text()
    done = run_cli("tags", "undo", library=tagged)
    assert done.returncode == 1 and "no tag rename or merge to undo" in done.stderr


def test_a_rename_onto_an_existing_tag_is_a_merge_that_must_be_confirmed(tagged):
    before = tags_of(tagged)
    refused = run_cli("tags", "rename", "reaction", "beijing", library=tagged)
    assert refused.returncode == 1 and "--yes" in refused.stderr
    assert "Merge 'reaction' into 'beijing' (2 passages already tagged 'beijing'): 1 passage in 1 article change" in refused.stderr
    assert tags_of(tagged) == before
    ok("tags", "rename", "reaction", "Beijing", "--yes", library=tagged)
    assert sorted(tags_of(tagged).values()) == [("Beijing",), ("beijing",), ("trade/chips", "beijing")]
    ok("tags", "undo", library=tagged)
    assert tags_of(tagged) == before
    ok("tags", "merge", "reaction", "trade/chips", library=tagged)  # merge says it: no --yes needed
    assert ("trade/chips", "beijing") in tags_of(tagged).values() and ("trade/chips",) in tags_of(tagged).values()
    missing = run_cli("tags", "merge", "beijing", "nothing-like-it", library=tagged)
    assert missing.returncode == 1 and "no tag 'nothing-like-it' to merge into" in missing.stderr


def test_a_passage_with_both_tags_keeps_one_after_a_merge_and_both_after_undo(tagged):
    ok("tags", "merge", "trade/chips", "beijing", library=tagged)
    assert sorted(tags_of(tagged).values()) == [("beijing",), ("beijing",), ("reaction",)]
    ok("tags", "undo", library=tagged)
    assert ("trade/chips", "beijing") in tags_of(tagged).values()


def test_cooccurrence_of_tags_as_a_table_csv_and_json(tagged):
    rows = list(csv.DictReader(io.StringIO(ok("cooccurrence", "--csv", library=tagged).stdout)))
    counts = {(r["a"], r["b"]): (int(r["articles"]), int(r["overlapping"])) for r in rows}
    # one article holds all three tags; reaction overlaps the passage tagged beijing and trade/chips
    assert counts == {("beijing", "trade/chips"): (1, 1), ("beijing", "reaction"): (1, 1), ("reaction", "trade/chips"): (1, 1)}
    data = json.loads(ok("cooccurrence", "--json", library=tagged).stdout)
    assert data["by"] == "tag" and len(data["pairs"]) == 3
    assert "beijing\treaction\t1 article\t1 overlapping" in ok("cooccurrence", library=tagged).stdout


def test_cooccurrence_with_issues_counts_evidence_overlaps(tagged):
    data = json.loads(ok("cooccurrence", "--by", "issue", "--json", library=tagged).stdout)
    pairs = {(p["a"], p["b"]): (p["articles"], p["overlapping"]) for p in data["pairs"]}
    assert pairs[("trade/chips", "export-controls-technology")] == (1, 1)


def test_an_empty_library_has_nothing_to_pair(library):
    assert "No two tags occur together yet" in ok("cooccurrence", library=library).stdout
    assert "No tags yet" in ok("codebook", library=library).stdout


def test_the_qdpx_export_carries_memos_as_code_descriptions(tagged, tmp_path):
    ok("tags", "memo", "trade/chips", "Rules on <chips> & tools", library=tagged)
    ok("export", "-o", str(tmp_path / "out.qdpx"), library=tagged)
    with zipfile.ZipFile(tmp_path / "out.qdpx") as archive:
        project = archive.read("project.qde").decode()
    assert 'name="chips"' in project and "<Description>Rules on &lt;chips&gt; &amp; tools</Description>" in project


def test_a_rename_killed_part_way_leaves_every_passage_with_the_old_or_the_new_tag(library):
    with library.bulk():
        ids = [library.add(make_article(f"Story {n}", blocks=(Block("paragraph", f"Harbour cranes idle in case {n}."),))).id
               for n in range(150)]
    annotations = Annotations(library)
    for article_id in ids:
        annotations.add(article_id, 0, 0, 14, ["old"])
    originals = {p.id: p for p in annotations.all_passages()}
    first = library.root / "annotations" / f"{sorted(ids)[0]}.yaml"
    command = [sys.executable, "-m", "tui.cli", "--library", str(library.root), "tags", "rename", "old", "new"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while "- new" not in first.read_text() and process.poll() is None:
        time.sleep(0.001)
    process.send_signal(signal.SIGKILL)
    process.wait()
    tags = [p.tags for p in Annotations(library).all_passages()]
    assert len(tags) == 150 and set(tags) <= {("old",), ("new",)}
    assert ("old",) in tags and ("new",) in tags  # it was killed part way
    ok("tags", "undo", library=library)
    assert {p.id: p for p in Annotations(library).all_passages()} == originals


def test_counts_follow_tags_written_after_the_last_count(tagged):
    first = ok("cooccurrence", "--csv", library=tagged).stdout
    assert (tagged.root / ".cache" / "codes.json").exists()  # kept for the next count
    passage = next(p for p in Annotations(tagged).all_passages() if p.tags == ("beijing",))
    Annotations(tagged).update(passage.id, tags=["beijing", "talks"])
    second = ok("cooccurrence", "--csv", library=tagged).stdout
    assert "beijing,talks,1,1" in second and "talks" not in first
