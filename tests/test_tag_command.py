"""`cuttings tag`, `untag`, `tags`, `passages` and `export` as a user or a script runs them."""

import json
import zipfile

import pytest

from library.model import Block

from tests.conftest import make_article, run_cli


@pytest.fixture
def article_id(library):
    return library.add(make_article(blocks=(
        Block("paragraph", "Washington widened export controls on chips. Beijing objected."),
        Block("paragraph", "Officials in Beijing said talks would go on."),
    ))).id


def tag(library, *args):
    return run_cli("tag", *args, library=library)


def test_tag_by_quote_prints_the_passage_and_lists_it(library, article_id):
    done = tag(library, article_id, "--quote", "export controls", "--tag", "trade/de-risking", "--note", "key")
    assert done.returncode == 0, done.stderr
    assert "trade/de-risking" in done.stdout and "export controls" in done.stdout
    listed = run_cli("passages", "--json", library=library)
    (passage,) = [json.loads(line) for line in listed.stdout.splitlines()]
    assert passage["quote"] == "export controls" and passage["note"] == "key"
    assert passage["title"] == "Chip rules tighten" and passage["date"] == "2022-10-08"
    assert passage["anchor"]["block"] == 0 and passage["id"] in done.stdout


def test_tag_by_position_across_blocks_and_the_tag_tree(library, article_id):
    done = tag(library, article_id, "--block", "0", "--start", "45", "--end-block", "1", "--end", "9",
               "--tag", "china", "--tag", "trade", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["quote"] == "Beijing objected.\nOfficials"
    tag(library, article_id, "--quote", "export controls", "--tag", "trade/de-risking")
    counts = [json.loads(line) for line in run_cli("tags", "--json", library=library).stdout.splitlines()]
    assert counts == [{"tag": "china", "count": 1, "total": 1, "articles": 1},
                      {"tag": "trade", "count": 1, "total": 2, "articles": 1},
                      {"tag": "trade/de-risking", "count": 1, "total": 1, "articles": 1}]
    shown = run_cli("passages", "--tag", "trade/de-risking", library=library).stdout
    assert "export controls" in shown and "Officials" not in shown
    unknown = run_cli("passages", "--article", "no-such-id", library=library)
    assert unknown.returncode == 1 and "no article with id 'no-such-id'" in unknown.stderr


@pytest.mark.parametrize("args, message", [
    (["--quote", "Beijing", "--tag", "x"], "occurs 2 times"),
    (["--quote", "Shanghai", "--tag", "x"], "quote not found"),
    (["--quote", "chips", "--tag", "trade/"], "must not start or end with '/'"),
    (["--quote", "chips", "--tag", ""], "empty tag name"),
    (["--quote", "chips", "--tag", "a//b"], "empty level"),
    (["--quote", "chips", "--tag", "x", "--note", "n" * 20_001], "limit is 20,000"),
    (["--block", "0", "--tag", "x"], "--block N --start S --end E"),
    (["--block", "5", "--start", "0", "--end", "3", "--tag", "x"], "block 5 does not exist"),
])
def test_bad_tag_requests_fail_with_one_line(library, article_id, args, message):
    done = tag(library, article_id, *args)
    assert done.returncode == 1
    assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not (library.root / "annotations" / f"{article_id}.yaml").exists()


def test_unknown_article_and_a_long_note(library, article_id):
    done = tag(library, "no-such-id", "--quote", "x", "--tag", "x")
    assert done.returncode == 1 and "no article with id 'no-such-id'" in done.stderr
    note = "word " * 2_000
    done = tag(library, article_id, "--quote", "Beijing", "--occurrence", "2", "--tag", "x", "--note", note)
    assert done.returncode == 0, done.stderr
    (passage,) = [json.loads(line) for line in run_cli("passages", "--json", library=library).stdout.splitlines()]
    assert passage["note"] == note.strip() and passage["anchor"]["block"] == 1


def test_untag_one_tag_then_the_passage(library, article_id):
    done = tag(library, article_id, "--quote", "export controls", "--tag", "a", "--tag", "b", "--json")
    passage_id = json.loads(done.stdout)["id"]
    assert "now has: b" in run_cli("untag", passage_id, "--tag", "a", library=library).stdout
    removed = run_cli("untag", passage_id, library=library)
    assert removed.returncode == 0 and "removed passage" in removed.stdout
    assert run_cli("passages", "--json", library=library).stdout == ""
    missing = run_cli("untag", passage_id, library=library)
    assert missing.returncode == 1 and "no tagged passage" in missing.stderr


def test_orphans_are_listed_with_their_quote(library, article_id):
    tag(library, article_id, "--quote", "talks would go on", "--tag", "talks")
    article = library.get(article_id)
    library.save(article.__class__(**{**article.__dict__, "blocks": article.blocks[:1]}))
    listed = run_cli("tags", "--orphans", library=library)
    assert listed.returncode == 0 and "talks would go on" in listed.stdout and article_id in listed.stdout


def test_export_writes_each_format_and_refuses_a_missing_folder(library, article_id, tmp_path):
    tag(library, article_id, "--quote", "export controls", "--tag", "trade")
    for fmt in ("md", "csv", "json", "qdpx"):
        done = run_cli("export", "--format", fmt, "-o", str(tmp_path / f"out.{fmt}"), library=library)
        assert done.returncode == 0, done.stderr
        assert "exported 1 passages from 1 article" in done.stdout
    assert "> export controls" in (tmp_path / "out.md").read_text()
    assert "project.qde" in zipfile.ZipFile(tmp_path / "out.qdpx").namelist()
    done = run_cli("export", "-o", str(tmp_path / "nope" / "x.md"), library=library)
    assert done.returncode == 1 and "does not exist" in done.stderr and len(done.stderr.splitlines()) == 1


def test_a_corrupt_tag_file_is_reported_in_one_line_and_moved_aside_only_by_a_change(library, article_id):
    folder = library.root / "annotations"
    folder.mkdir()
    (folder / f"{article_id}.yaml").write_text("passages: {broken: [\n")
    for command in ("tags", "passages"):
        done = run_cli(command, library=library)
        assert done.returncode == 0
        (warning,) = done.stderr.strip().splitlines()
        assert "broken YAML" in warning and "left out" in warning
        assert list(folder.glob("*.corrupt-*")) == []
    done = tag(library, article_id, "--quote", "export controls", "--tag", "trade")
    assert done.returncode == 0 and "moved aside" in done.stderr
    assert len(list(folder.glob("*.corrupt-*"))) == 1


def test_a_bad_passage_is_one_warning_and_the_others_are_listed(library, article_id):
    for quote in ("export controls", "talks would go on"):
        assert tag(library, article_id, "--quote", quote, "--tag", "t").returncode == 0
    path = library.root / "annotations" / f"{article_id}.yaml"
    path.write_text(path.read_text().replace("  start:", "  start: many #", 1))
    done = run_cli("passages", "--json", library=library)
    assert done.returncode == 0 and "Traceback" not in done.stderr
    (warning,) = done.stderr.strip().splitlines()
    assert str(path) in warning and "passage" in warning
    assert [json.loads(line)["quote"] for line in done.stdout.splitlines()] == ["talks would go on"]


def test_a_new_tag_is_found_by_search_right_away(library, article_id):
    assert run_cli("search", "chips", library=library).returncode == 0  # builds the index
    tag(library, article_id, "--quote", "export controls", "--tag", "trade/de-risking")
    found = run_cli("search", "tag:trade/de-risking", "--json", library=library)
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["total"] == 1
