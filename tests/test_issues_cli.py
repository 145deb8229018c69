"""`cuttings analyze` and `cuttings issues`, run as a user or a script runs them."""

import datetime as dt
import json
from pathlib import Path

from library.model import Article, Block
from tests.conftest import run_cli

FIXTURE = Path(__file__).parent / "fixtures" / "issues" / "geneva-trade-talks.txt"
EXPECTED = {"taiwan", "export-controls-technology", "russia-ukraine-war", "human-rights", "trade-decoupling-derisking"}


def lines_of(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_analyze_json_offsets_slice_the_file_text(tmp_path):
    result = run_cli("analyze", str(FIXTURE), "--json", library=tmp_path / "lib")
    assert result.returncode == 0, result.stderr
    [data] = lines_of(result.stdout)
    text = FIXTURE.read_bytes().decode("utf-8")
    assert data["file"] == str(FIXTURE)
    assert {e["canonical"] for e in data["entities"]} >= {"Geneva", "Washington", "Taiwan"}
    for entity in data["entities"]:
        assert set(entity) == {"start", "end", "text", "kind", "canonical"}
        assert text[entity["start"] : entity["end"]] == entity["text"]
    issues = {i["id"]: i for i in data["issues"]}
    assert EXPECTED <= set(issues)
    for issue in data["issues"]:
        assert set(issue) == {"id", "label", "score", "passages"} and 0 < issue["score"] <= 1
        for p in issue["passages"]:
            assert set(p) == {"start", "end", "text"} and text[p["start"] : p["end"]] == p["text"]
    assert "The future of Taiwan and weapons sales to the island." in [p["text"] for p in issues["taiwan"]["passages"]]


def test_analyze_offsets_are_into_the_text_as_decoded_through_crlf_bom_and_wide_characters(tmp_path):
    sample = tmp_path / "crlf.txt"
    body = "\ufeffNotes 🙂 on the Strait\r\n\r\nShips crossed the Taiwan Strait on Monday.\r\nTaipei protested at once.\r\n"
    sample.write_bytes(body.encode("utf-8"))
    result = run_cli("analyze", str(sample), "--json", library=tmp_path / "lib")
    [data] = lines_of(result.stdout)
    assert [i["id"] for i in data["issues"]] == ["taiwan"]
    decoded = body.removeprefix("\ufeff").replace("\r\n", "\n")  # as import reads it
    for p in data["issues"][0]["passages"]:
        assert decoded[p["start"] : p["end"]] == p["text"]


def test_analyze_reports_bad_files_in_one_line_and_does_the_rest(tmp_path):
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    result = run_cli("analyze", str(binary), str(FIXTURE), str(tmp_path / "missing.txt"), "--json", library=tmp_path / "lib")
    assert result.returncode == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert "photo.jpg" in errors[0] and "binary" in errors[0]
    assert "missing.txt" in errors[1] and "no such file" in errors[1].lower()
    assert [d["file"] for d in lines_of(result.stdout)] == [str(FIXTURE)]


def test_analyze_prints_a_readable_summary(tmp_path):
    result = run_cli("analyze", str(FIXTURE), library=tmp_path / "lib", env={"COLUMNS": "120"})
    assert result.returncode == 0, result.stderr
    for words in ("Taiwan", "Human rights", "Trade, decoupling and de-risking", "passage", "Geneva"):
        assert words in result.stdout


def test_a_broken_user_taxonomy_warns_in_one_line_and_analysis_goes_on(tmp_path):
    root = tmp_path / "lib"
    root.mkdir()
    (root / "issues.yaml").write_text("issues:\n  - id: arctic\n    cues: [unclosed\n", encoding="utf-8")
    result = run_cli("analyze", str(FIXTURE), "--json", library=root)
    assert result.returncode == 0
    warnings = [line for line in result.stderr.splitlines() if "issues.yaml" in line]
    assert len(warnings) == 1 and "line" in warnings[0]
    assert EXPECTED <= {i["id"] for i in lines_of(result.stdout)[0]["issues"]}


def store(library, title, blocks, day):
    return library.add(Article(title=title, blocks=tuple(blocks), date=day, source="Harbour Times")).id


def strait_blocks(extra=""):
    return [
        Block("paragraph", f"Warships sailed through the Taiwan Strait on Friday.{extra}"),
        Block("paragraph", "Officials in Taipei said the coast guard shadowed them."),
    ]


def test_issues_of_an_article_use_block_offsets_and_the_cache(library):
    article_id = store(library, "Strait patrol", strait_blocks(), dt.date(2024, 5, 3))
    result = run_cli("issues", article_id, "--json", library=library)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["id"] == article_id
    taiwan = next(i for i in data["issues"] if i["id"] == "taiwan")
    blocks = library.get(article_id).blocks
    for p in taiwan["passages"]:
        assert blocks[p["block"]].text[p["start"] : p["end"]] == p["text"]
    assert len(list((library.root / ".cache" / "analysis").glob("*.json"))) == 1
    human = run_cli("issues", article_id, library=library)
    assert "Taiwan" in human.stdout and "passage" in human.stdout


def test_issue_counts_across_the_library_and_by_month(library):
    store(library, "Strait patrol", strait_blocks(), dt.date(2024, 5, 3))
    store(library, "Second patrol", strait_blocks(" More followed."), dt.date(2024, 6, 9))
    counts = {d["id"]: d["articles"] for d in lines_of(run_cli("issues", "--json", library=library).stdout)}
    assert counts["taiwan"] == 2 and counts["fentanyl-drugs"] == 0
    by_month = {d["id"]: d["months"] for d in lines_of(run_cli("issues", "--by", "month", "--json", library=library).stdout)}
    assert by_month["taiwan"] == {"2024-05": 1, "2024-06": 1}
    table = run_cli("issues", "--by", "month", library=library, env={"COLUMNS": "120"})
    assert table.returncode == 0 and "Taiwan" in table.stdout and "2024-05" in table.stdout


def test_issues_of_an_unknown_article_is_a_one_line_error(library):
    result = run_cli("issues", "no-such-article", library=library)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "no-such-article" in result.stderr


def test_analyze_refuses_an_oversized_file_in_one_line(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50_000_000)
    result = run_cli("analyze", str(huge), library=tmp_path / "lib")
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "huge.txt" in result.stderr and "the limit is 20 MB" in result.stderr


def test_analyze_prints_markup_in_the_text_literally(tmp_path):
    sample = tmp_path / "markup.txt"
    sample.write_text("Officials said [bold red]tariffs[/] would rise.\n\nTariffs on steel rose again in May.\n", encoding="utf-8")
    result = run_cli("analyze", str(sample), library=tmp_path / "lib", env={"COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    assert "[bold red]tariffs[/]" in result.stdout


FEED_ITEM = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Pacific Wire</title><link>https://example.com</link><description>News</description>
<item><title>Taiwan's KMT picks Hou Yu-ih</title><link>https://example.com/kmt</link>
<description>The opposition names the mayor of New Taipei as its choice for January.</description>
<pubDate>Wed, 17 May 2023 08:00:00 GMT</pubDate></item>
</channel></rss>
"""


def test_a_feed_item_gets_the_issue_its_title_names(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text(FEED_ITEM, encoding="utf-8")
    library = tmp_path / "lib"
    assert run_cli("import", str(feed), library=library).returncode == 0
    [listed] = lines_of(run_cli("list", "--json", library=library).stdout)
    result = run_cli("issues", listed["id"], "--json", library=library)
    assert result.returncode == 0, result.stderr
    [data] = lines_of(result.stdout)
    taiwan = next(i for i in data["issues"] if i["id"] == "taiwan")
    assert {"block": -2, "start": 0, "end": 28, "text": "Taiwan's KMT picks Hou Yu-ih"} in taiwan["passages"]
    found = run_cli("search", "issue:taiwan", "--json", library=library)
    assert [hit["id"] for hit in json.loads(found.stdout)["hits"]] == [listed["id"]]
