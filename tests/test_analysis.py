"""Article analysis: entities and issues together, cached per article so opening an unchanged
article never analyses it again, invalidated when the user's gazetteer or taxonomy changes."""

import datetime as dt
import json

import pytest

from library.analysis import (
    Analyser,
    issue_counts_by_month,
    library_entity_counts,
    library_issue_counts,
    month_range,
    text_blocks,
)
from library.model import Article, Block

TAIWAN = (
    Block("paragraph", "Warships from the mainland sailed through the Taiwan Strait on Friday."),
    Block("paragraph", "Officials in Taipei said the island's coast guard shadowed them. Lai Ching-te called it a provocation."),
)
TRADE = (
    Block("paragraph", "Brussels raised tariffs on imported electric cars after an anti-dumping inquiry."),
    Block("paragraph", "Ursula von der Leyen said Europe wanted to de-risk, not decouple, from its suppliers."),
)


class Spy:
    """Wraps the real recogniser and counts how often it had to run."""

    def __init__(self, real):
        self.real = real
        self.warnings = real.warnings
        self.calls = 0

    def find(self, texts):
        self.calls += 1
        return self.real.find(texts)


def spied_analyser(root):
    analyser = Analyser.for_library(root)
    spy = Spy(analyser.recogniser)
    analyser.recogniser = spy
    return analyser, spy


def article(title, blocks, day=dt.date(2024, 5, 3)):
    return Article(title=title, blocks=blocks, date=day, source="Harbour Times")


def test_analysis_has_entities_and_issues_with_block_offsets(library):
    analyser = Analyser.for_library(library.root)
    found = analyser.analyse(article("Strait patrol", TAIWAN))
    assert "taiwan" in [h.id for h in found.issues]
    assert any(m.canonical == "Lai Ching-te" and m.kind == "person" for m in found.entities)
    for m in found.entities:
        assert TAIWAN[m.block].text[m.start : m.end] == m.text
    for hit in found.issues:
        for p in hit.passages:
            assert TAIWAN[p.block].text[p.start : p.end] == p.text


def test_second_analysis_reads_the_cache_file(library):
    item = article("Strait patrol", TAIWAN)
    first, spy = spied_analyser(library.root)
    result = first.analyse(item)
    assert spy.calls == 1
    cache_file = library.root / ".cache" / "analysis" / f"{item.content_hash}.json"
    assert cache_file.exists()
    again, spy_again = spied_analyser(library.root)  # a new process opening the same article
    assert again.analyse(item) == result
    assert spy_again.calls == 0


def test_changed_text_is_analysed_again(library):
    analyser, spy = spied_analyser(library.root)
    analyser.analyse(article("Strait patrol", TAIWAN))
    analyser.analyse(article("Strait patrol", TAIWAN + (Block("paragraph", "More ships followed."),)))
    assert spy.calls == 2


def test_editing_issues_yaml_invalidates_the_cache(library):
    item = article("Strait patrol", TAIWAN)
    Analyser.for_library(library.root).analyse(item)
    (library.root / "issues.yaml").write_text("- id: coastguards\n  label: Coast guards\n  cues: [coast guard, warship]\n")
    analyser, spy = spied_analyser(library.root)
    found = analyser.analyse(item)
    assert spy.calls == 1
    assert "coastguards" in [h.id for h in found.issues]


def test_editing_entities_yaml_invalidates_the_cache(library):
    item = article("Strait patrol", TAIWAN)
    Analyser.for_library(library.root).analyse(item)
    (library.root / "entities.yaml").write_text("entities:\n  - name: Harbour Watch\n    kind: org\n")
    analyser, spy = spied_analyser(library.root)
    analyser.analyse(item)
    assert spy.calls == 1


def test_corrupt_cache_file_is_ignored_and_rewritten(library):
    item = article("Strait patrol", TAIWAN)
    expected = Analyser.for_library(library.root).analyse(item)
    cache_file = library.root / ".cache" / "analysis" / f"{item.content_hash}.json"
    for garbage in ("{not json", '{"fingerprint": 3}', "[]", ""):
        cache_file.write_text(garbage)
        analyser, spy = spied_analyser(library.root)
        assert analyser.analyse(item) == expected and spy.calls == 1
        assert json.loads(cache_file.read_text())["fingerprint"] == analyser.fingerprint
    leftovers = [p.name for p in cache_file.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_analysis_works_when_the_cache_cannot_be_written(library):
    (library.root / ".cache").mkdir()
    (library.root / ".cache" / "analysis").write_text("a file where the cache folder should be")
    found = Analyser.for_library(library.root).analyse(article("Strait patrol", TAIWAN))
    assert "taiwan" in [h.id for h in found.issues]


def test_library_wide_counts_per_issue_month_and_entity(library):
    library.add(article("Strait patrol", TAIWAN, dt.date(2024, 5, 3)))
    library.add(article("Strait patrol again", TAIWAN + (Block("paragraph", "A second patrol came."),), dt.date(2024, 6, 9)))
    library.add(article("Car tariffs", TRADE, dt.date(2024, 6, 20)))
    analyser, spy = spied_analyser(library.root)
    counts = library_issue_counts(library, analyser)
    assert counts["taiwan"] == 2 and counts["trade-decoupling-derisking"] == 1
    months = issue_counts_by_month(library, analyser)
    assert months["taiwan"] == {"2024-05": 1, "2024-06": 1}
    assert months["trade-decoupling-derisking"] == {"2024-06": 1}
    entities = library_entity_counts(library, analyser)
    assert entities[("Lai Ching-te", "person")] == 2
    assert spy.calls == 3  # each article analysed once, then read from the cache


@pytest.mark.parametrize(
    "text",
    [
        "Title line\n\nFirst paragraph, wrapped\nonto a second line.\n\n• one bullet\n- another bullet\n\nLast.",
        "\ufeffTitle with a BOM\r\n\r\nA paragraph with CRLF endings.\r\n  * indented bullet\r\n",
        "Café déjà vu 🙂 before\n\n1. numbered item\n2) another item\n   continued line\n",
        "",
        "\n\n   \n",
    ],
)
def test_text_blocks_are_slices_of_the_file_text(text):
    blocks = text_blocks(text)
    for block in blocks:
        assert text[block.offset : block.offset + len(block.text)] == block.text
        assert block.text == block.text.strip() and block.text


def test_text_blocks_split_paragraphs_and_bullets():
    text = "Heading\n\nA paragraph\nwrapped here.\n\nWe disagree on issues:\n• Taiwan\n- Trade\n3. Rights\n"
    blocks = text_blocks(text)
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "Heading"),
        ("paragraph", "A paragraph\nwrapped here."),
        ("paragraph", "We disagree on issues:"),
        ("bullet", "Taiwan"),
        ("bullet", "Trade"),
        ("bullet", "Rights"),
    ]


def test_plain_text_analysis_offsets_point_into_the_text(library):
    text = (
        "Ça va? Émile’s notes 🙂\n\nWarships sailed through the Taiwan\nStrait on Friday.\n\n"
        "Officials in Taipei said the coast guard watched. Lai Ching-te called it a provocation.\n"
    )
    found = Analyser.for_library(library.root, cache=False).analyse_plain_text(text)
    assert found.entities and found.issues
    for m in found.entities:
        assert m.block == 0 and text[m.start : m.end] == m.text
    for hit in found.issues:
        for p in hit.passages:
            assert p.block == 0 and text[p.start : p.end] == p.text
    taiwan = next(h for h in found.issues if h.id == "taiwan")
    assert any("Taiwan\nStrait" in p.text for p in taiwan.passages)  # a cue across a line wrap


def test_month_range_fills_the_gaps_across_years():
    assert month_range({"2023-11", "2024-02"}) == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert month_range(set()) == []


def test_unwrapped_lines_are_blocks_of_their_own():
    sentence = "Each line here is one whole sentence, as some exports of news text put them, and longer than a wrapped line. "
    text = f"A headline without a full stop\nMonday, May 4\n{sentence}\n{sentence}\n"
    assert [b.text for b in text_blocks(text)] == [
        "A headline without a full stop", "Monday, May 4", sentence.strip(), sentence.strip()
    ]
