"""Exports carry every tagged passage to reports, spreadsheets, scripts and QDA tools."""

import csv
import datetime as dt
import json
import os
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest

from library.annotations import Annotations
from library.export import ExportError, export_passages
from library.model import Article, Block

NS = {"q": "urn:QDA-XML:project:1.0"}
GUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


@pytest.fixture
def coded(library):
    first = library.add(Article(
        title="Chip rules *tighten*", source="Pacific Ledger", date=dt.date(2022, 10, 8), url="https://example.org/chips",
        blocks=(Block("paragraph", "Washington widened its export controls on advanced chips."),
                Block("paragraph", "Beijing called the rules “bullying” and vowed a response — 中国 said more."),
                Block("bullet", "=SUM(A1) is not a formula here."))),
    ).id
    second = library.add(Article(
        title="Hotline talks", source="Harbour Review",
        blocks=(Block("paragraph", "Both militaries agreed to restore a hotline."),))).id
    annotations = Annotations(library)
    annotations.add_by_quote(first, "export controls on advanced chips", ["trade/chips", "quote"], note="Key line.\nSecond line.")
    annotations.add_by_quote(first, "advanced chips. Beijing called", ["trade"])
    annotations.add_by_quote(first, "“bullying” and vowed a response — 中国", ["china/reaction"])
    annotations.add_by_quote(first, "=SUM(A1)", ["odd"])
    annotations.add_by_quote(second, "restore a hotline", ["security/hotlines"])
    return library, annotations


def test_markdown_groups_passages_under_nested_tag_headings(coded, tmp_path):
    library, _ = coded
    summary = export_passages(library, "md", tmp_path / "report.md")
    text = (tmp_path / "report.md").read_text()
    assert summary.passages == 5
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == ["# Tagged passages", "## china", "### reaction (1)", "## odd (1)", "## quote (1)",
                        "## security", "### hotlines (1)", "## trade (1)", "### chips (1)"]
    assert "> export controls on advanced chips\n\n— [Chip rules \\*tighten\\*](<https://example.org/chips>), " \
           "Pacific Ledger, 2022-10-08" in text
    assert "> advanced chips.\n>\n> Beijing called" in text
    assert "*Note:* Key line.  \nSecond line." in text
    assert "— *Hotline talks*, Harbour Review\n" in text


def test_a_tag_filter_exports_that_branch_only(coded, tmp_path):
    library, _ = coded
    export_passages(library, "md", tmp_path / "trade.md", tag="trade")
    text = (tmp_path / "trade.md").read_text()
    assert "## trade (1)" in text and "### chips (1)" in text
    assert "hotline" not in text and "## quote" not in text


def test_csv_has_one_row_per_passage_and_tag_and_defuses_formulas(coded, tmp_path):
    library, _ = coded
    export_passages(library, "csv", tmp_path / "p.csv")
    with open(tmp_path / "p.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 6
    assert {r["tag"] for r in rows if r["quote"] == "export controls on advanced chips"} == {"trade/chips", "quote"}
    assert any(r["quote"] == "advanced chips.\nBeijing called" for r in rows)
    assert [r["quote"] for r in rows if r["tag"] == "odd"] == ["'=SUM(A1)"]
    assert {r["source"] for r in rows} == {"Pacific Ledger", "Harbour Review"}


def test_json_holds_the_full_records(coded, tmp_path):
    library, annotations = coded
    export_passages(library, "json", tmp_path / "p.json")
    data = json.loads((tmp_path / "p.json").read_text())
    by_id = {p["id"]: p for p in data["passages"]}
    for passage in annotations.all_passages():
        record = by_id[passage.id]
        assert (record["tags"], record["note"], record["quote"]) == (list(passage.tags), passage.note, passage.quote)
        assert record["anchor"] == passage.anchor.to_dict() and record["article"]["id"] == passage.article_id


def test_qdpx_archive_reads_back_with_every_selection_slicing_its_quote(coded, tmp_path):
    library, annotations = coded
    export_passages(library, "qdpx", tmp_path / "project.qdpx")
    with zipfile.ZipFile(tmp_path / "project.qdpx") as archive:
        names = archive.namelist()
        project = ET.fromstring(archive.read("project.qde"))
        texts = {n: archive.read(n).decode("utf-8") for n in names if n.startswith("sources/")}
    assert project.tag == "{urn:QDA-XML:project:1.0}Project"
    assert all(n == "project.qde" or (n.startswith("sources/") and n.endswith(".txt")) for n in names)
    codes = {c.get("guid"): c for c in project.iter("{urn:QDA-XML:project:1.0}Code")}
    trade = project.find("q:CodeBook/q:Codes/q:Code[@name='trade']", NS)
    assert [c.get("name") for c in trade.findall("q:Code", NS)] == ["chips"]
    assert all(c.get("isCodable") == "true" and c.get("color").startswith("#") for c in codes.values())
    user = project.find("q:Users/q:User", NS).get("guid")
    quotes = {p.id: p for p in annotations.all_passages()}
    seen = 0
    for source in project.iter("{urn:QDA-XML:project:1.0}TextSource"):
        path = source.get("plainTextPath")
        assert path == f"internal://{source.get('guid')}.txt"
        text = texts[f"sources/{path.removeprefix('internal://')}"]
        for selection in source.findall("q:PlainTextSelection", NS):
            quote = text[int(selection.get("startPosition")):int(selection.get("endPosition"))]
            matching = [p for p in quotes.values() if p.quote == quote]
            assert matching, f"selection {selection.get('name')!r} slices {quote!r}"
            assert selection.get("creatingUser") == user
            refs = [c.find("q:CodeRef", NS).get("targetGUID") for c in selection.findall("q:Coding", NS)]
            assert sorted(_full_name(codes, r, project) for r in refs) == sorted(matching[0].tags)
            description = selection.find("q:Description", NS)
            assert (description.text if description is not None else "") == matching[0].note
            seen += 1
    assert seen == len(quotes)
    guids = [e.get(a) for e in project.iter() for a in ("guid", "targetGUID") if e.get(a)]
    assert all(re.fullmatch(GUID, g) for g in guids)
    variables = {v.get("name") for v in project.iter("{urn:QDA-XML:project:1.0}Variable")}
    assert variables == {"Outlet", "Date", "URL"}


def _full_name(codes, guid, project):
    parents = {child: parent for parent in project.iter() for child in parent}
    names, node = [], codes[guid]
    while node.tag.endswith("}Code"):
        names.append(node.get("name"))
        node = parents[node]
    return "/".join(reversed(names))


def test_orphans_are_left_out_of_a_qdpx_and_said_so(coded, tmp_path):
    library, annotations = coded
    second = [p for p in annotations.all_passages() if p.quote == "restore a hotline"][0].article_id
    article = library.get(second)
    library.save(article.__class__(**{**article.__dict__, "blocks": (Block("paragraph", "The talks ended."),)}))
    summary = export_passages(library, "qdpx", tmp_path / "p.qdpx")
    assert (summary.passages, summary.left_out) == (4, 1)
    md = export_passages(library, "md", tmp_path / "p.md")
    assert md.passages == 5 and "no longer in the article" in (tmp_path / "p.md").read_text()


def test_bad_targets_fail_with_one_line_and_leave_no_half_file(coded, tmp_path):
    library, _ = coded
    with pytest.raises(ExportError, match="does not exist"):
        export_passages(library, "md", tmp_path / "missing" / "x.md")
    assert not (tmp_path / "missing").exists()
    with pytest.raises(ExportError, match="is a folder"):
        export_passages(library, "md", tmp_path)
    with pytest.raises(ExportError, match="cannot write"):
        export_passages(library, "md", tmp_path / ("x" * 250 + ".md"))  # the temp file's name is too long
    assert [p.name for p in tmp_path.iterdir()] == ["lib"]
    with pytest.raises(ExportError, match="no tagged passages under tag 'nothing'"):
        export_passages(library, "csv", tmp_path / "none.csv", tag="nothing")
    assert not (tmp_path / "none.csv").exists()


def test_a_folder_without_write_permission_is_refused(coded, tmp_path):
    library, _ = coded
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "old.md").write_text("keep me")
    os.chmod(locked, 0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        with pytest.raises(ExportError, match="permission"):
            export_passages(library, "md", locked / "old.md")
        assert (locked / "old.md").read_text() == "keep me"
    finally:
        os.chmod(locked, 0o700)
