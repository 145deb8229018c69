"""`cuttings search`, `reindex` and `check` run the way a user or a script runs them."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from dataclasses import replace

import pytest

from library.model import Block
from tests.conftest import ROOT, make_article, run_cli


@pytest.fixture
def news(library):
    library.add(make_article("Soy deal", blocks=(Block("paragraph", "Beijing agreed to buy soybeans from Iowa farmers."),)))
    library.add(make_article("Fab rules", blocks=(Block("paragraph", "New rules cover chipmaking tools and soybeans."),),
                             date=dt.date(2024, 1, 2)))
    return library


def test_search_json_has_the_documented_shape(news):
    result = run_cli("search", "soybeans", "--json", library=news)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ["query", "took_ms", "total", "hits", "suggestion"]
    assert data["query"] == "soybeans" and data["total"] == 2 and data["suggestion"] is None
    hit = data["hits"][0]
    assert list(hit) == ["id", "title", "date", "source", "score", "block", "snippet", "highlights"]
    assert all(hit["snippet"][s:e].lower() == "soybeans" for s, e in hit["highlights"])


def test_search_sorts_by_date_and_limits(news):
    data = json.loads(run_cli("search", "soybeans", "--json", "--sort", "date", "--limit", "1", library=news).stdout)
    assert data["total"] == 2 and [h["title"] for h in data["hits"]] == ["Fab rules"]


def test_search_reads_queries_from_stdin_one_json_line_each(news):
    result = run_cli("search", "--json", "-", library=news, input='soybeans\n"buy soybeans"\n(broken\nsoybeens\n')
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line.get("total") for line in lines] == [2, 1, None, 0]
    assert "parentheses" in lines[2]["error"]
    assert lines[3]["suggestion"] == "soybeans"


def test_search_prints_hits_for_people(news):
    result = run_cli("search", "iowa", library=news)
    assert result.returncode == 0 and "Soy deal" in result.stdout and "1 match" in result.stdout


@pytest.mark.parametrize("query", ["x" * 10_000, '"open', "date:2023-13", "colour:red", "the of"])
def test_bad_query_is_one_line_on_stderr(news, query):
    result = run_cli("search", query, library=news)
    errors = [line for line in result.stderr.splitlines() if line.startswith("cuttings: error:")]
    assert result.returncode == 1 and len(errors) == 1 and "Traceback" not in result.stderr


def test_search_does_not_import_textual(news):
    code = (
        "import sys\nfrom tui.cli import main\n"
        f"main(['--library', {str(news.root)!r}, 'search', 'soybeans', '--json'])\n"
        "print('textual' in sys.modules, 'whoosh' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.stdout.splitlines()[-1] == "False True", result.stderr


def test_reindex_and_check(news):
    result = run_cli("reindex", library=news)
    assert result.returncode == 0 and "indexed 2 articles" in result.stdout
    assert run_cli("check", library=news).returncode == 0
    entry = news.entries()[0]
    news.save(replace(news.get(entry.id), blocks=(Block("paragraph", "Rewritten behind the index's back."),)))
    result = run_cli("check", library=news)
    assert result.returncode == 1 and f"out of date in the index: {entry.id}" in result.stdout
    assert run_cli("check", "--fix", library=news).returncode == 0
    assert "up to date" in run_cli("check", library=news).stdout
    assert json.loads(run_cli("search", "rewritten", "--json", library=news).stdout)["total"] == 1


@pytest.mark.parametrize("command", [("search", "taiwan"), ("reindex",), ("check",)])
def test_commands_on_a_missing_library_say_so_and_create_nothing(tmp_path, command):
    result = run_cli(*command, library=tmp_path / "nowhere")
    assert result.returncode == 1 and "no library at" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "nowhere").exists()
