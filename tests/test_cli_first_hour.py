"""What a new user trips on at the command line (issue 13): each test runs `cuttings` as a user does."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

from library.model import Block

from tests.conftest import ROOT, make_article, run_cli


def test_library_option_is_taken_after_the_command_name_too(library):
    library.add(make_article("Placed after"))
    for args in (("list", "--json"), ("issues", "--json"), ("tags", "--json"), ("search", "placed", "--json")):
        result = run_cli(*args, "--library", str(library.root))
        assert result.returncode == 0, (args, result.stderr)
    listed = run_cli("list", "--json", "--library", str(library.root))
    assert json.loads(listed.stdout)["title"] == "Placed after"


def test_library_option_before_the_command_is_not_undone_by_the_command(library):
    library.add(make_article("Placed before"))
    result = run_cli("list", "--json", library=library)
    assert json.loads(result.stdout)["title"] == "Placed before"


def test_import_of_a_folder_counts_and_names_the_files_it_skips(library, tmp_path):
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "story.txt").write_text("Chip rules tighten\n\nWashington widened its export controls on chips.\n")
    for name in ("report.pdf", "doc.docx", "blob.bin"):
        (folder / name).write_bytes(b"\x00\x01 not an article")
    result = run_cli("import", str(folder), library=library)
    assert result.returncode == 0, result.stderr
    assert "1 imported" in result.stdout and "3 skipped: not an article format" in result.stdout
    rows = [json.loads(line) for line in run_cli("import", str(folder), "--json", library=library).stdout.splitlines()]
    skipped = sorted(r["path"].rsplit("/", 1)[-1] for r in rows if r.get("status") == "skipped")
    assert skipped == ["blob.bin", "doc.docx", "report.pdf"]
    assert rows[-1]["summary"]["skipped"] == 3


def test_import_of_a_web_address_says_it_is_not_a_file(library):
    url = "https://www.bbc.co.uk/news/world-asia-china-123"
    result = run_cli("import", url, library=library)
    assert result.returncode == 1
    assert f"{url}: a web address, not a file" in result.stderr
    assert "cuttings add URL" in result.stderr
    assert "No such file" not in result.stderr and "Traceback" not in result.stderr


def test_analyze_reads_html_as_html_and_latin1_as_text_like_import(library, tmp_path):
    page = ROOT / "library" / "demo" / "chip-rules-update-2023.html"
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Tariffs in Genève\n\nThe café owners in Genève said Washington's tariffs on China hurt trade.\n".encode("latin-1"))
    result = run_cli("analyze", str(page), str(latin), "--json", library=library)
    assert result.returncode == 0, result.stderr
    html, text = [json.loads(line) for line in result.stdout.splitlines()]
    assert html["title"] == "US tightens chip export rules to close gaps left in 2022"
    evidence = [p["text"] for issue in html["issues"] for p in issue["passages"]]
    assert evidence and not any("<title>" in t or "<meta" in t for t in evidence)
    assert "export-controls-technology" in {i["id"] for i in html["issues"]}
    decoded = latin.read_bytes().decode("latin-1")
    assert {e["canonical"] for e in text["entities"]} >= {"Washington", "China"}
    assert all(decoded[e["start"]:e["end"]] == e["text"] for e in text["entities"])


LONG = ("Washington widened its export controls on advanced semiconductors and the tools that make them, "
        "and officials in Beijing said the rules would hurt trade between the two largest economies. ") * 3


def test_piped_show_is_plain_one_block_per_line_with_the_address(library):
    article = make_article("Chip rules tighten", url="https://example.org/2022/10/chip-rules",
                           blocks=(Block("paragraph", LONG.strip()), Block("bullet", "Licences are needed for more tools.")))
    article_id = library.add(article).id
    result = run_cli("show", article_id, library=library, env={"COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "https://example.org/2022/10/chip-rules" in lines
    assert LONG.strip() in lines  # not hard-wrapped at 80 columns
    assert "• Licences are needed for more tools." in lines
    assert not [line for line in lines if line.endswith(" ")]


def test_piped_reports_keep_each_record_on_one_line(library):
    long_title = "A very long title about export controls " * 4
    article_id = library.add(make_article(long_title.strip())).id
    run_cli("tag", article_id, "--quote", "Licences are needed", "--tag", "trade/licences", library=library)
    for args in (("check",), ("issues", article_id), ("entities", article_id), ("tags",), ("passages",), ("search", "licences")):
        result = run_cli(*args, library=library, env={"COLUMNS": "40"})
        assert result.returncode in (0, 1), (args, result.stderr)
        lines = result.stdout.splitlines()
        assert not [line for line in lines if line.endswith(" ")], args
    check = run_cli("check", library=library, env={"COLUMNS": "40"}).stdout
    assert any(line.endswith("(1 articles)") or "up to date" in line for line in check.splitlines())
    assert long_title.strip() in run_cli("search", "licences", library=library, env={"COLUMNS": "40"}).stdout


def search_total(library, query: str) -> int:
    result = run_cli("search", query, "--json", library=library)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)["total"]


def test_a_tag_finds_the_tags_below_it_in_search_also_after_reindex(library):
    article_id = library.add(make_article()).id
    other = library.add(make_article("Untagged story")).id
    tagged = run_cli("tag", article_id, "--quote", "Licences are needed", "--tag", "trade/de-risking", library=library)
    assert tagged.returncode == 0, tagged.stderr
    assert other and search_total(library, "tag:trade") == 1
    assert search_total(library, "tag:Trade") == 1  # tags match ignoring case
    assert search_total(library, "tag:trade/de-risking") == 1
    assert search_total(library, "tag:tra") == 0  # a level, not a prefix
    assert run_cli("reindex", library=library).returncode == 0
    assert search_total(library, "tag:trade") == 1


def test_front_matter_tags_are_tags_everywhere(library):
    article_id = library.add(make_article(tags=("export-controls", "Trade/chips"))).id
    run_cli("tag", article_id, "--quote", "Licences are needed", "--tag", "trade/licences", library=library)
    rows = {r["tag"]: r for r in map(json.loads, run_cli("tags", "--json", library=library).stdout.splitlines())}
    assert rows["export-controls"] == {"tag": "export-controls", "count": 0, "total": 0, "articles": 1}
    assert rows["trade"]["articles"] == 1 and rows["trade"]["total"] == 1
    assert "Trade" not in rows  # one tag whatever its case
    assert "export-controls" in run_cli("tags", library=library).stdout
    assert search_total(library, "tag:export-controls") == 1
    assert search_total(library, "tag:trade") == 1


def test_removing_a_tagged_article_says_so_and_its_orphans_keep_title_and_date(library, tmp_path):
    doomed = library.add(make_article("Chip rules tighten")).id
    kept = library.add(make_article("Talks resume", date=dt.date(2023, 6, 18))).id
    for article_id, words in ((doomed, "Licences are needed"), (doomed, "protecting our national security"),
                              (kept, "Licences are needed")):
        assert run_cli("tag", article_id, "--quote", words, "--tag", "trade", library=library).returncode == 0
    removed = run_cli("remove", doomed, "--yes", library=library)
    assert removed.returncode == 0, removed.stderr
    assert "2 tagged passages are kept as orphans" in removed.stdout
    orphans = [json.loads(line) for line in run_cli("passages", "--json", library=library).stdout.splitlines()
               if json.loads(line)["article_id"] == doomed]
    assert [(o["title"], o["date"]) for o in orphans] == [("Chip rules tighten", "2022-10-08")] * 2
    piped = run_cli("passages", library=library).stdout
    assert "\t2022-10-08\tChip rules tighten\t" in piped
    exported = run_cli("export", "--format", "qdpx", "-o", str(tmp_path / "out.qdpx"), library=library)
    assert exported.returncode == 0, exported.stderr
    assert "from 1 article " in exported.stdout
    with zipfile.ZipFile(tmp_path / "out.qdpx") as archive:
        assert len([n for n in archive.namelist() if n.startswith("sources/")]) == 1


def test_removing_an_untagged_article_says_nothing_of_passages(library):
    article_id = library.add(make_article()).id
    removed = run_cli("remove", article_id, "--yes", library=library)
    assert removed.stdout.strip() == f"removed {article_id}"
