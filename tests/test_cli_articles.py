"""`cuttings list`, `show` and `remove`, run as a user runs them."""

import datetime as dt
import json

from tests.conftest import make_article, run_cli


def test_list_json_is_newest_first(library):
    library.add(make_article("Older", date=dt.date(2022, 11, 14)))
    library.add(make_article("Newer", date=dt.date(2023, 11, 15)))
    result = run_cli("list", "--json", library=library)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["title"] for r in rows] == ["Newer", "Older"]
    assert set(rows[0]) == {"id", "date", "source", "title"}
    assert rows[0]["date"] == "2023-11-15"


def test_list_of_an_empty_library_says_how_to_import(tmp_path):
    result = run_cli("list", library=tmp_path / "empty")
    assert result.returncode == 0
    assert "cuttings import" in result.stdout


def test_library_location_comes_from_the_environment(library):
    library.add(make_article("From env"))
    result = run_cli("list", "--json", env={"CUTTINGS_LIBRARY": str(library.root)})
    assert json.loads(result.stdout)["title"] == "From env"


def test_show_json_has_blocks_with_kinds(library):
    article_id = library.add(make_article()).id
    result = run_cli("show", article_id, "--json", library=library)
    data = json.loads(result.stdout)
    assert data["id"] == article_id
    assert [b["kind"] for b in data["blocks"]] == ["paragraph", "heading", "bullet", "caption", "quote"]


def test_show_prints_markup_in_text_literally(library):
    article_id = library.add(make_article("Odd [bold]title[/bold]")).id
    result = run_cli("show", article_id, library=library)
    assert "Odd [bold]title[/bold]" in result.stdout


def test_show_unknown_id_is_one_line_error(library):
    result = run_cli("show", "no-such-article", library=library)
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "no-such-article" in result.stderr and "Traceback" not in result.stderr


def test_remove_needs_confirmation_off_a_terminal(library):
    article_id = library.add(make_article()).id
    refused = run_cli("remove", article_id, library=library, input="")
    assert refused.returncode == 1 and "--yes" in refused.stderr
    assert library.path_of(article_id).exists()
    done = run_cli("remove", article_id, "--yes", library=library)
    assert done.returncode == 0
    assert not library.path_of(article_id).exists()


def test_show_prints_the_original_address_from_the_front_matter_in_its_header(library, tmp_path):
    source = tmp_path / "chips.md"
    source.write_text("---\ntitle: Chip rules tighten\ndate: 2022-10-07\nsource: Pacific Ledger\n"
                      "url: https://example.org/2022/10/chip-rules\n---\n\nWashington widened its export controls.\n")
    assert run_cli("import", str(source), library=library).returncode == 0
    (entry,) = library.entries()
    lines = run_cli("show", entry.id, library=library).stdout.splitlines()
    assert lines[:3] == ["Chip rules tighten", "2022-10-07 · Pacific Ledger", "https://example.org/2022/10/chip-rules"]
    assert json.loads(run_cli("show", entry.id, "--json", library=library).stdout)["url"] == "https://example.org/2022/10/chip-rules"
