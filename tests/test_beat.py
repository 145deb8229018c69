"""Issue trends and entity pages: the library computations directly, the commands as a user runs them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil

import pytest

from library.analysis import Analyser
from library.beat.entity_page import UnknownEntity, entity_page
from library.beat.periods import period_of, period_range
from library.beat.trends import trends
from library.model import Block

from .conftest import make_article, run_cli

EXPORT = ("Washington widened its export controls on advanced semiconductors and chipmaking tools; the Commerce "
          "Department said export controls on chips to China would tighten.")
ISSUE = "export-controls-technology"


def add(library, title, text, date, source="Ledger"):
    library.add(make_article(title, blocks=(Block("paragraph", text),), date=date, source=source))


@pytest.fixture
def beat(library):
    """Export controls in October (two outlets) and December 2022; a quiet November."""
    add(library, "Chip export rules one", EXPORT, dt.date(2022, 10, 8))
    add(library, "Chip export rules two", EXPORT, dt.date(2022, 10, 20), source="Review")
    add(library, "Chip export rules three", EXPORT, dt.date(2022, 12, 1))
    add(library, "Four", "Antony Blinken met Wang Yi.", dt.date(2022, 11, 5))
    return library


@pytest.fixture
def people(library):
    """Joe Biden with Xi Jinping in 2 articles (Xi nowhere else), with Paris in 3 (Paris alone in 5
    more), with Olaf Scholz once: Xi is the likelier company though Paris is seen with him more."""
    texts = ["Joe Biden spoke with Xi Jinping."] * 2 + ["Joe Biden arrived in Paris."] * 3
    texts += ["Emmanuel Macron stayed in Paris."] * 5 + ["Biden called Olaf Scholz."]
    for n, text in enumerate(texts):
        add(library, f"Story {n}", text, dt.date(2023, 1 + n % 3, 10))
    return library


def test_trends_count_articles_and_passages_per_period_and_outlet(beat):
    rows = trends(beat, Analyser.for_library(beat.root), [ISSUE], by="month", split_sources=True)
    got = {(r.source, r.period): (r.articles, r.passages) for r in rows}
    assert got == {
        ("Ledger", "2022-10"): (1, 2), ("Ledger", "2022-11"): (0, 0), ("Ledger", "2022-12"): (1, 2),
        ("Review", "2022-10"): (1, 2), ("Review", "2022-11"): (0, 0), ("Review", "2022-12"): (0, 0),
    }
    merged = trends(beat, Analyser.for_library(beat.root), None, sources=["review"], by="month")
    assert [(r.issue, r.period, r.articles) for r in merged] == [(ISSUE, "2022-10", 1)]


def test_periods_by_day_week_and_month():
    assert period_of("2022-10-08", "week") == "2022-W40"
    assert period_of("2023-01-01", "week") == "2022-W52"
    assert period_of(None, "day") == "undated" and period_of("2022-13-40", "week") == "undated"
    assert period_range({"2022-W52", "2023-W02"}, "week") == ["2022-W52", "2023-W01", "2023-W02"]
    assert period_range({"2024-02-28", "2024-03-01"}, "day") == ["2024-02-28", "2024-02-29", "2024-03-01"]


def test_trends_json_has_one_object_per_issue_period_and_outlet(beat):
    done = run_cli("trends", "--issue", "export controls", "--json", library=beat)
    assert done.returncode == 0, done.stderr
    objects = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(objects) == 6
    assert objects[0] == {"issue": ISSUE, "label": "Technology and export controls", "period": "2022-10",
                          "source": "Ledger", "articles": 1, "passages": 2}


def test_trends_csv_by_week_across_issues(beat):
    done = run_cli("trends", "--by", "week", "--csv", library=beat)
    table = list(csv.reader(io.StringIO(done.stdout)))
    assert table[0] == ["issue", "label", "period", "articles", "passages"]
    counts = {row[2]: int(row[3]) for row in table[1:] if row[0] == ISSUE}
    assert counts["2022-W40"] == 1 and counts["2022-W42"] == 1 and counts["2022-W48"] == 1
    assert counts["2022-W44"] == 0 and len(counts) == 9  # every week from W40 to W48


def test_trends_chart_names_issue_and_outlets(beat):
    done = run_cli("trends", "--issue", ISSUE, library=beat)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Technology and export controls"
    ledger = next(line for line in lines if line.startswith("Ledger"))
    assert ledger.split()[-2:] == ["2", "4"]
    assert "2022-10 … 2022-12" in done.stdout


def test_trends_unknown_issue_and_empty_selection_are_one_line(beat):
    done = run_cli("trends", "--issue", "no such thing", library=beat)
    assert done.returncode == 1 and len(done.stderr.splitlines()) == 1
    assert "no issue named 'no such thing'" in done.stderr and "Traceback" not in done.stderr
    done = run_cli("trends", "--source", "Nobody", library=beat)
    assert done.returncode == 0 and done.stdout.strip() == "No issues found in articles from Nobody."


def test_entity_page_ranks_company_by_lift_with_counts(people):
    page = entity_page(people, Analyser.for_library(people.root), "joe biden")
    assert page.name == "Joe Biden" and page.kind == "person" and page.aliases == ["Biden"]
    assert [(r.name, r.together, r.articles) for r in page.related] == [("Xi Jinping", 2, 2), ("Paris", 3, 8)]
    assert page.related[0].lift == pytest.approx(2 * 11 / (6 * 2))
    assert page.months == {"2023-01": [2, 2], "2023-02": [3, 3], "2023-03": [1, 1]}
    assert len(page.articles) == 6 and page.articles[0][1] >= page.articles[-1][1]


def test_entity_found_by_an_alias_from_entities_yaml(people):
    (people.root / "entities.yaml").write_text("entities:\n  - name: Joe Biden\n    kind: person\n    aliases: [JRB]\n")
    page = entity_page(people, Analyser.for_library(people.root), "JRB")
    assert page.name == "Joe Biden" and "JRB" in page.aliases


def test_unknown_entity_suggests_close_names(people):
    with pytest.raises(UnknownEntity) as caught:
        entity_page(people, Analyser.for_library(people.root), "Joe Bidden")
    assert caught.value.close[0] == "Joe Biden"
    done = run_cli("entity", "Joe Bidden", library=people)
    assert done.returncode == 1 and len(done.stderr.splitlines()) == 1
    assert "did you mean 'Joe Biden'" in done.stderr


def test_entity_command_text_and_json(people):
    done = run_cli("entity", "Biden", library=people)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "Joe Biden  person"
    assert "Xi Jinping" in done.stdout and "2 of 2" in done.stdout and "Olaf Scholz" not in done.stdout
    page = json.loads(run_cli("entity", "Biden", "--json", library=people).stdout)
    assert page["related"][0] == {"name": "Xi Jinping", "kind": "person", "together": 2, "articles": 2, "lift": 1.833}
    assert set(page) == {"name", "kind", "kinds", "aliases", "months", "weeks", "related", "articles", "quotes"}


def test_hostile_names_are_printed_as_text(library):
    add(library, "[bold red]Loud[/] \x1b[31mtitle\u202e", "Joe Biden spoke with Xi Jinping.", dt.date(2023, 1, 1),
        source="[/]\x1b]0;pwn\x07Outlet")
    add(library, "Chip export rules", EXPORT, dt.date(2023, 1, 2), source="[/]\x1b]0;pwn\x07Outlet")
    page = run_cli("entity", "Xi Jinping", library=library)
    assert "[bold red]Loud[/]" in page.stdout and "\x1b" not in page.stdout and "\u202e" not in page.stdout
    chart = run_cli("trends", "--issue", ISSUE, library=library)
    assert "[/]" in chart.stdout and "pwn" in chart.stdout and "\x1b" not in chart.stdout and "\x07" not in chart.stdout
    unknown = run_cli("entity", "\x1b[2J[/]", library=library)
    assert unknown.returncode == 1 and "\x1b" not in unknown.stderr and "[/]" in unknown.stderr


def test_counts_follow_new_articles_and_survive_a_corrupt_counts_file(beat):
    analyser = Analyser.for_library(beat.root)
    assert sum(r.articles for r in trends(beat, analyser, [ISSUE])) == 3
    counts = beat.root / ".cache" / "beat.sqlite"
    assert counts.is_file()
    add(beat, "Chip export rules four", EXPORT, dt.date(2022, 11, 9))
    assert [r.articles for r in trends(beat, analyser, [ISSUE])] == [2, 1, 1]
    counts.write_bytes(b"SQLite format 3\0" + b"\xff" * 200)
    assert [r.articles for r in trends(beat, analyser, [ISSUE])] == [2, 1, 1]
    beat.remove(next(e.id for e in beat.entries() if e.title == "Chip export rules four"))
    assert [r.articles for r in trends(beat, analyser, [ISSUE])] == [2, 0, 1]


def test_a_second_look_reads_only_what_changed(beat):
    """Counts kept from the first look serve the second without the per-article analyses; an
    article moved to another month by a hand edit is counted again there."""
    analyser = Analyser.for_library(beat.root)
    trends(beat, analyser, [ISSUE])
    shutil.rmtree(beat.root / ".cache" / "analysis")
    assert [r.articles for r in trends(beat, analyser, [ISSUE])] == [2, 0, 1]
    assert entity_page(beat, analyser, "Wang Yi").months == {"2022-11": [1, 1]}
    assert not (beat.root / ".cache" / "analysis").exists()
    moved = next(e for e in beat.entries() if e.title == "Chip export rules three")
    path = beat.path_of(moved.id)
    path.write_text(path.read_text(encoding="utf-8").replace("2022-12-01", "2022-11-02"), encoding="utf-8")
    beat.refresh()
    assert [r.articles for r in trends(beat, analyser, [ISSUE])] == [2, 1]


def test_entity_command_csv_has_every_section(people):
    done = run_cli("entity", "Joe Biden", "--csv", library=people)
    assert done.returncode == 0, done.stderr
    table = list(csv.reader(io.StringIO(done.stdout)))
    assert table[0] == ["section", "name", "kind", "period", "date", "id", "articles", "mentions", "together", "lift"]
    sections = [row[0] for row in table[1:]]
    assert sections.count("month") == 3 and sections.count("article") == 6 and "alias" in sections
    assert ["related", "Xi Jinping", "person", "", "", "", "2", "", "2", "1.833"] in table
