"""Read-later exports: Wallabag's articles come in at once, the others' links wait for a fetch."""

import json
import shutil
from pathlib import Path

import yaml

from library.readstate import ReadState
from library.savedlinks import SavedLinks
from library.store import Library
from tests.conftest import run_cli

ARCHIVES = Path(__file__).parent / "fixtures" / "archives"


def saved(root: Path) -> dict:
    return {link.url: link for link in SavedLinks(Library(root)).links()}


def test_pocket_html_export_saves_its_links_with_tags_and_read_marks(tmp_path):
    result = run_cli("import", str(ARCHIVES / "pocket-export.html"), library=tmp_path / "lib")
    assert result.returncode == 0, result.stderr
    assert "Pocket export: 3 links, 3 new" in result.stdout
    assert result.stdout.splitlines()[-1].endswith("3 links saved to read later (`cuttings fetch` gets them)")
    links = saved(tmp_path / "lib")
    assert set(links) == {
        "https://news.example.org/2024/taiwan-strait-drills",
        "https://news.example.org/2024/chip-rules",
        "https://analysis.example.net/de-risking-explained",
    }
    drills = links["https://news.example.org/2024/taiwan-strait-drills"]
    assert drills.tags == ("taiwan", "military") and drills.title == "Drills around the Taiwan Strait"
    assert str(drills.added) == "2024-04-05" and drills.status == "pending" and not drills.read
    assert links["https://analysis.example.net/de-risking-explained"].read
    on_disk = yaml.safe_load((tmp_path / "lib" / "saved.yaml").read_text(encoding="utf-8"))
    assert on_disk[0]["url"] == "https://news.example.org/2024/taiwan-strait-drills"
    again = run_cli("import", str(ARCHIVES / "pocket-export.html"), library=tmp_path / "lib")
    assert "Pocket export: 3 links, 0 new" in again.stdout and len(saved(tmp_path / "lib")) == 3


def test_csv_exports_of_pocket_instapaper_and_readwise(tmp_path):
    for name in ("pocket-export.csv", "instapaper-export.csv", "readwise-export.csv"):
        renamed = tmp_path / f"renamed-{name}.txt"  # recognised by content, not name
        shutil.copy(ARCHIVES / name, renamed)
        result = run_cli("import", str(renamed), "--json", library=tmp_path / "lib")
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout.splitlines()[0])["status"] == "saved"
    links = saved(tmp_path / "lib")
    assert len(links) == 4
    assert links["https://news.example.org/2024/taiwan-strait-drills"].tags == ("taiwan", "military")
    assert links["https://review.example.com/xi-speech"].starred
    assert links["https://review.example.com/sanctions"].tags == ("Beat notes",)


def test_wallabag_export_brings_articles_with_marks_and_saves_empty_ones_as_links(tmp_path):
    result = run_cli("import", str(ARCHIVES / "wallabag-export.json"), "--json", library=tmp_path / "lib")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0]["status"] == "imported" and rows[0]["title"] == "Chip rules tighten again"
    library = Library(tmp_path / "lib")
    article = library.get(rows[0]["id"])
    assert article.tags == ("export-controls",) and article.author == "Ana Ruiz"
    assert str(article.date) == "2024-03-01" and article.source == "wire.example.com"
    state = ReadState(library).get(article.id)
    assert state.read and state.starred
    assert list(saved(tmp_path / "lib")) == ["https://wire.example.com/broken"]


def test_a_broken_saved_links_file_is_one_line_and_kept(tmp_path):
    root = tmp_path / "lib"
    run_cli("import", str(ARCHIVES / "pocket-export.csv"), library=root)
    broken = "- url: &a https://x.example/\n- url: *a\n"
    (root / "saved.yaml").write_text(broken, encoding="utf-8")
    result = run_cli("import", str(ARCHIVES / "pocket-export.html"), library=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{root / 'saved.yaml'}:2: YAML aliases (*name) are not allowed; fix or remove it" in result.stderr
    assert (root / "saved.yaml").read_text(encoding="utf-8") == broken
