"""The README's claims, checked against the program on the demo library: the numbers of the
app sketch, and every command example and search query it shows (all of them work offline).

A README line this file cannot run (a new placeholder) fails the test, so new examples get
checked too.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil

import pytest

from library.demo import install_demo
from library.store import Library
from tests.conftest import ROOT, run_cli

README = (ROOT / "README.md").read_text(encoding="utf-8")
DEMO_FILE = ROOT / "library" / "demo" / "bali-summit-2022.txt"
POCKET_EXPORT = ROOT / "tests" / "fixtures" / "archives" / "pocket-export.html"
PASTED = "Envoys meet in Geneva\n\nTrade officials from Washington and Beijing met in Geneva on Monday to discuss tariffs.\n"
QUOTE = "The White House called the call candid"


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Library:
    return Library(install_demo(tmp_path_factory.mktemp("readme") / "demo"))


def section(title: str) -> str:
    start = README.index(title)
    end = README.find("\n#", start + len(title))
    return README[start : end if end != -1 else None]


def sketch() -> list[str]:
    lines = README.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("┌ Cuttings · demo"))
    end = next(i for i, line in enumerate(lines) if i > start and line.startswith("└"))
    return lines[start : end + 1]


def cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip("│").split("│")]


def matches(shown: str, full: str) -> bool:
    """A cut-off cell ("Biden raises tariffs…") shows the start of the full text."""
    return full == shown or (shown.endswith("…") and full.startswith(shown[:-1].rstrip()))


def test_the_demo_is_as_many_articles_as_the_readme_says(demo):
    entries = demo.entries()
    assert f"· demo · {len(entries)} articles" in sketch()[0]
    said = re.search(r"bundled demo library \((\d+)\s+articles on US-China relations, (\d{4})-(\d{4})\)", README)
    assert said is not None
    assert int(said.group(1)) == len(entries)
    years = sorted(e.date[:4] for e in entries if e.date)
    assert (years[0], years[-1]) == (said.group(2), said.group(3))


def test_the_sketch_shows_demo_articles_and_the_open_articles_issues(demo):
    entries = demo.entries()
    rows = [cells(line) for line in sketch()[1:-1]]
    listed = [row[0] for row in rows]
    for shown, entry in zip(listed, entries):  # newest first, as the list opens
        date, title = shown.lstrip("▶ ").split(" ", 1)
        assert date == entry.date and matches(title, entry.title), shown
    (chosen,) = [entries[i] for i, shown in enumerate(listed) if shown.startswith("▶")]
    reader = [row[1] for row in rows]
    assert matches(reader[0], chosen.title)
    assert matches(reader[1], f"{chosen.date} · {chosen.source}")
    article = demo.get(chosen.id)
    words = " ".join(reader[3:]).split()
    assert article.blocks[0].text.startswith(" ".join(words))
    issues = json.loads(run_cli("issues", chosen.id, "--json", library=demo).stdout)["issues"]
    passages = {i["id"]: len(i["passages"]) for i in issues}
    for row in rows[1:]:
        name, count = re.fullmatch(r"(\S+)\s+█+\s+(\d+)", row[2]).groups()
        (issue_id,) = [i for i in passages if matches(name, i)]
        assert passages[issue_id] == int(count), row[2]


def examples() -> list[str]:
    block = section("## Commands").split("```sh", 1)[1].split("```", 1)[0]
    return [line.split("#", 1)[0].strip() for line in block.splitlines() if line.startswith("cuttings ")]


def concrete(example: str, values: dict[str, str]) -> list[str]:
    """The example with its optional parts in, the first of each alternative, and the
    placeholders filled."""
    words = []
    for word in shlex.split(example.replace("[", " ").replace("]", " "))[1:]:
        word = word.split("|")[0] if "|" in word and not word.startswith("-") else word
        word = word.rstrip(".") if word.endswith("...") else word
        if word.startswith("-") or word.islower() or word.isdigit():
            words.append(word)
        else:
            assert word in values, f"README example {example!r}: no value for {word}"
            words.append(values[word])
    return words


def test_every_command_example_of_the_readme_runs_on_the_demo(demo, tmp_path):
    root = tmp_path / "demo"
    shutil.copytree(demo.root, root)
    article_id = next(e.id for e in demo.entries() if e.title.startswith("Biden and Xi speak by phone"))
    values = {"ID": article_id, "PATH": str(DEMO_FILE), "FILE": str(DEMO_FILE), "QUERY": "taiwan", "N": "1",
              "EXPORT": str(POCKET_EXPORT), "NAME": "Jane Roe", "A": "Roe", "TEXT": QUOTE, "T": "trade", "T2": "trade/chips", "S": "0", "E": "20",
              "OLD": "trade/chips", "NEW": "trade/semiconductors", "TAG": "trade/semiconductors", "INTO": "trade"}
    for example in sorted(examples(), key=lambda e: e.startswith("cuttings remove")):  # remove last
        if example.startswith("cuttings serve"):
            continue  # a server that runs until stopped: tests/test_serve.py drives it
        if example.startswith("cuttings export"):
            values["FILE"] = str(tmp_path / "out.md")
        if example.startswith("cuttings untag"):
            values["PASSAGE_ID"] = json.loads(run_cli("passages", "--json", library=root).stdout.splitlines()[0])["id"]
        args = concrete(example, values)
        stdin = {"import": PASTED, "search": "taiwan\nissue:taiwan\n"}.get(args[0]) if args[-1:] == ["-"] else None
        result = run_cli(*args, library=root, input=stdin)
        assert result.returncode == 0, (example, args, result.stderr)
        assert "Traceback" not in result.stderr


def test_every_search_query_the_readme_shows_runs(demo):
    text = section("### Search queries")
    queries = [q for q in re.findall(r"`([^`]+)`", text) if not q.endswith(":") and q not in ("OR", "NOT word")]
    assert len(queries) >= 12
    result = run_cli("search", "--json", "-", library=demo, input="\n".join(queries) + "\n")
    answers = {a["query"]: a for a in map(json.loads, result.stdout.splitlines())}
    assert set(answers) == set(queries)
    assert not [q for q, a in answers.items() if "error" in a]
    assert answers["tariffs"]["total"] == answers["tariff"]["total"] > 0  # stemmed
    assert answers["issue:taiwan"]["total"] > 0 and answers['entity:"Wang Yi"']["total"] > 0
    assert answers["date:2023-06"]["total"] > 0 and answers["date:>=2023-06-01"]["total"] > 0
