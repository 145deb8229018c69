"""`cuttings import`, run as a user runs it: one line per file, a summary, and an exit code."""

import json
import shutil
from pathlib import Path

from tests.conftest import run_cli

FIXTURES = Path(__file__).parent / "fixtures" / "import"
GOOD = ["woodside-date-first.txt", "yellen-front-matter.md", "taiwan-election.html", "strait-watch.rss"]


def copy_fixtures(folder: Path, names) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(FIXTURES / name, folder / name)
    return folder


def snapshot(library_root: Path) -> dict:
    return {p.name: p.read_bytes() for p in sorted((library_root / "articles").glob("*.md"))}


def test_import_a_folder_prints_a_line_per_article_and_a_summary(tmp_path):
    folder = copy_fixtures(tmp_path / "in", GOOD)
    (folder / "taiwan-election_files").mkdir()  # a saved page's images: part of the page, not skipped
    (folder / "taiwan-election_files" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not imported from a folder")
    result = run_cli("import", str(folder), library=tmp_path / "lib")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "5 imported, 0 duplicates, 0 updated, 0 failed"
    assert any(line.startswith("imported ") and line.endswith("  Lai Ching-te wins Taiwan's presidency") for line in lines)
    listed = run_cli("list", "--json", library=tmp_path / "lib")
    assert len(listed.stdout.splitlines()) == 5


def test_reimport_is_a_duplicate_and_a_changed_version_an_update(tmp_path):
    folder = copy_fixtures(tmp_path / "in", ["yellen-front-matter.md"])
    first = run_cli("import", str(folder), "--json", library=tmp_path / "lib")
    imported = json.loads(first.stdout.splitlines()[0])
    assert imported["status"] == "imported" and imported["title"] == "Yellen's four days in Beijing"
    again = run_cli("import", str(folder), library=tmp_path / "lib")
    assert again.stdout.splitlines()[0].startswith(f"duplicate of {imported['id']}")
    assert again.stdout.splitlines()[-1] == "0 imported, 1 duplicates, 0 updated, 0 failed"
    edited = folder / "yellen-front-matter.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA correction was added later.\n", encoding="utf-8")
    third = run_cli("import", str(edited), "--json", library=tmp_path / "lib")
    rows = [json.loads(line) for line in third.stdout.splitlines()]
    assert rows[0]["status"] == "updated" and rows[0]["id"] == imported["id"]
    assert rows[-1] == {"summary": {"imported": 0, "duplicate": 0, "updated": 1, "failed": 0, "skipped": 0}}


def test_bad_files_fail_one_line_each_and_the_rest_is_imported(tmp_path):
    library = tmp_path / "lib"
    before_import = run_cli("import", str(FIXTURES / "bali-plain.txt"), library=library)
    assert before_import.returncode == 0
    before = snapshot(library)

    folder = copy_fixtures(tmp_path / "in", ["broken-front-matter.md", "empty-feed.xml", "chip-controls-byline.txt"])
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (folder / "empty.txt").write_bytes(b"")
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    (folder / "old.txt").write_bytes("Café diplomacy\n\nThe envoy’s résumé – long and naïve – impressed nobody in Genève.\n".encode("cp1252"))
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")

    result = run_cli("import", str(folder), library=library)
    assert result.returncode == 1
    errors = result.stderr.splitlines()
    assert len(errors) == 6, result.stderr
    assert "Traceback" not in result.stderr
    expected = {
        "binary.txt": "binary file",
        "broken-front-matter.md": "broken YAML front matter",
        "empty-feed.xml": "feed has no entries",
        "empty.txt": "empty file",
        "gone.txt": "cannot read",
        "huge.txt": "the limit is 20 MB",
    }
    for line, (name, reason) in zip(sorted(errors), sorted(expected.items())):
        assert line.startswith(f"error: {folder / name}: ") and reason in line
    assert result.stdout.splitlines()[-1] == "2 imported, 0 duplicates, 0 updated, 6 failed"
    after = snapshot(library)
    assert {k: v for k, v in after.items() if k in before} == before
    titles = [json.loads(line)["title"] for line in run_cli("list", "--json", library=library).stdout.splitlines()]
    assert sorted(titles) == ["Café diplomacy", "US tightens chip export rules on China", "What Biden and Xi said in Bali"]


def test_imported_article_shows_with_its_blocks(tmp_path):
    result = run_cli("import", str(FIXTURES / "woodside-date-first.txt"), "--json", library=tmp_path / "lib")
    article_id = json.loads(result.stdout.splitlines()[0])["id"]
    shown = json.loads(run_cli("show", article_id, "--json", library=tmp_path / "lib").stdout)
    assert shown["date"] == "2023-11-15"
    assert shown["author"] == "Clara Osei, Tomás Reyes"
    assert [b["text"] for b in shown["blocks"] if b["kind"] == "heading"] == [
        "What did they agree?",
        "Taiwan remains the hardest question",
    ]


def test_a_missing_path_is_a_failed_file(tmp_path):
    result = run_cli("import", str(tmp_path / "no-such.txt"), library=tmp_path / "lib")
    assert result.returncode == 1
    assert result.stderr.strip() == f"error: {tmp_path / 'no-such.txt'}: cannot read: No such file or directory"
