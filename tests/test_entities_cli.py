"""`cuttings entities` run as a user runs it."""

from __future__ import annotations

import json

from library.model import Block

from .conftest import make_article, run_cli

TEXT = (
    Block("paragraph", "Finance Minister Ozrin Vale met officials of the World Bank in Nairobi on Tuesday."),
    Block("paragraph", "Vale said the World Bank would lend more to Kenya."),
)


def test_entities_of_an_article_as_json_lines(library):
    article_id = library.add(make_article("Lending talks", blocks=TEXT)).id
    result = run_cli("entities", article_id, "--json", library=library)
    assert result.returncode == 0, result.stderr
    mentions = [json.loads(line) for line in result.stdout.splitlines()]
    by_text = {(m["text"], m["kind"], m["canonical"]) for m in mentions}
    assert {("Ozrin Vale", "person", "Ozrin Vale"), ("Vale", "person", "Ozrin Vale"),
            ("World Bank", "org", "World Bank"), ("Nairobi", "place", "Nairobi")} <= by_text
    for m in mentions:
        assert TEXT[m["block"]].text[m["start"]:m["end"]] == m["text"]


def test_entities_of_an_article_as_a_table(library):
    article_id = library.add(make_article("Lending talks", blocks=TEXT)).id
    result = run_cli("entities", article_id, library=library)
    assert result.returncode == 0, result.stderr
    assert "Ozrin Vale" in result.stdout and "World Bank" in result.stdout


def test_library_wide_counts(library):
    library.add(make_article("Lending talks", blocks=TEXT))
    library.add(make_article("More lending", blocks=(Block("paragraph", "The World Bank met in Lima."),)))
    result = run_cli("entities", "--json", library=library)
    assert result.returncode == 0, result.stderr
    counts = {(row["canonical"], row["kind"]): row["articles"] for row in map(json.loads, result.stdout.splitlines())}
    assert counts[("World Bank", "org")] == 2 and counts[("Nairobi", "place")] == 1


def test_add_and_ignore_change_what_is_found(library):
    article_id = library.add(make_article("Lending talks", blocks=TEXT)).id
    assert run_cli("entities", "add", "Ozrin Vale", "--kind", "org", "--alias", "OV", library=library).returncode == 0
    assert run_cli("entities", "ignore", "Nairobi", library=library).returncode == 0
    mentions = [json.loads(line) for line in run_cli("entities", article_id, "--json", library=library).stdout.splitlines()]
    assert ("Ozrin Vale", "org") in {(m["text"], m["kind"]) for m in mentions}
    assert "Nairobi" not in {m["text"] for m in mentions}


def test_bad_requests_fail_with_one_line(library):
    for args in (["entities", "add", "Ozrin Vale"], ["entities", "add", "X", "--kind", "wizard"],
                 ["entities", "no-such-article"], ["entities", "ignore"]):
        result = run_cli(*args, library=library)
        assert result.returncode != 0
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_a_broken_user_file_warns_and_still_lists_names(library):
    article_id = library.add(make_article("Lending talks", blocks=TEXT)).id
    (library.root / "entities.yaml").write_text("entities:\n  - {name: Ozrin Vale, kind: wizard}\n")
    result = run_cli("entities", article_id, "--json", library=library)
    assert result.returncode == 0
    assert "entities.yaml:2: unknown kind 'wizard'" in result.stderr
    assert "World Bank" in result.stdout
