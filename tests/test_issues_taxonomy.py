"""The issue taxonomy: the shipped issues, and the user's issues.yaml adding, editing and
disabling them, with bad files reported in one line and never breaking the shipped data."""

import time

import pytest

from library.issues import Taxonomy, detect

EXPECTED = {
    "taiwan", "export-controls-technology", "trade-decoupling-derisking", "military-security",
    "human-rights", "russia-ukraine-war", "sanctions", "climate", "diplomacy-summits",
    "south-china-sea", "north-korea", "hong-kong", "xinjiang-tibet", "cyber-espionage",
    "fentanyl-drugs", "supply-chains",
}


def write_user_file(tmp_path, text: str):
    (tmp_path / "issues.yaml").write_text(text, encoding="utf-8")
    return Taxonomy.for_library(tmp_path)


def test_shipped_taxonomy_has_twenty_complete_issues_and_no_warnings():
    taxonomy = Taxonomy.shipped()
    assert taxonomy.warnings == []
    ids = [i.id for i in taxonomy.issues]
    assert len(ids) >= 20 and len(set(ids)) == len(ids)
    assert EXPECTED <= set(ids)
    for issue in taxonomy.issues:
        assert issue.label and issue.description and len(issue.cues) >= 5, issue.id


def test_library_without_a_user_file_uses_the_shipped_issues(tmp_path):
    assert [i.id for i in Taxonomy.for_library(tmp_path).issues] == [i.id for i in Taxonomy.shipped().issues]


def test_user_file_adds_edits_extends_and_disables_issues(tmp_path):
    taxonomy = write_user_file(tmp_path, """
issues:
  - id: arctic
    label: The Arctic
    description: Shipping lanes and claims in the far north.
    cues: [arctic, polar silk road, icebreaker]
  - id: taiwan
    label: Taiwan and the Strait
  - id: sanctions
    extra_cues: [export blacklist]
    extra_weak_cues: [freeze]
  - id: climate
    disabled: true
""")
    assert taxonomy.warnings == []
    by_id = {i.id: i for i in taxonomy.issues}
    assert by_id["arctic"].label == "The Arctic" and "icebreaker" in by_id["arctic"].cues
    assert by_id["taiwan"].label == "Taiwan and the Strait"
    assert by_id["taiwan"].cues == Taxonomy.shipped().get("taiwan").cues  # fields not given are kept
    assert "export blacklist" in by_id["sanctions"].cues and "price cap" in by_id["sanctions"].cues
    assert by_id["sanctions"].weak_cues == (*Taxonomy.shipped().get("sanctions").weak_cues, "freeze")
    assert "climate" not in by_id


def test_a_user_issue_is_detected_in_text(tmp_path):
    taxonomy = write_user_file(tmp_path, "- id: arctic\n  label: The Arctic\n  cues: [icebreaker, polar route]\n")
    texts = ["Two icebreakers left port on Monday.", "The polar route saves ten days of sailing."]
    assert [h.id for h in detect(taxonomy, texts)] == ["arctic"]


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("issues:\n  - id: taiwan\n    label: [unclosed\n", 4, "issues.yaml"),  # broken YAML
        ("issues:\n  - id: x\n    label: X\n    cues: 5\n", 4, "must be a list"),  # wrong type
        ("issues:\n  - label: no id here\n    cues: [a]\n", 2, "needs an id"),
        ("issues:\n  - id: Not An Id\n    label: X\n    cues: [a]\n", 2, "bad id"),
        ("issues:\n  - id: fresh\n    label: Fresh\n", 2, "needs a label and cues"),
        ("issues:\n  - id: taiwan\n    colour: red\n", 3, "unknown field"),
        ("issues:\n  - id: taiwan\n    disabled: maybe\n", 3, "true or false"),
        ("issues: {}\n", 1, "expected a list"),
    ],
)
def test_bad_user_files_give_one_line_naming_file_and_line(tmp_path, text, line, words):
    taxonomy = write_user_file(tmp_path, text)
    assert len(taxonomy.warnings) == 1
    warning = taxonomy.warnings[0]
    assert "\n" not in warning
    assert str(tmp_path / "issues.yaml") in warning and f"line {line}" in warning and words in warning
    assert {i.id for i in taxonomy.issues} >= EXPECTED  # the shipped issues are still there


def test_one_bad_entry_does_not_lose_the_good_ones(tmp_path):
    taxonomy = write_user_file(tmp_path, """
- id: arctic
  label: The Arctic
  cues: [icebreaker]
- id: broken
  label: Broken
  cues: {not: a list}
""")
    assert len(taxonomy.warnings) == 1 and "line 7" in taxonomy.warnings[0]
    assert taxonomy.get("arctic") is not None and taxonomy.get("broken") is None


def test_alias_bomb_is_refused_quickly(tmp_path):
    bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 9):
        prev = chr(ord("a") + n - 1)
        bomb.append(f"{chr(ord('a') + n)}: &{chr(ord('a') + n)} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]")
    text = "\n".join(bomb) + "\nissues:\n  - id: boom\n    label: Boom\n    cues: *i\n"
    started = time.process_time()
    taxonomy = write_user_file(tmp_path, text)
    assert time.process_time() - started < 5  # generous: an expanded bomb would take hours
    assert len(taxonomy.warnings) == 1 and "line" in taxonomy.warnings[0]
    assert taxonomy.get("boom") is None and taxonomy.get("taiwan") is not None


def test_a_file_with_an_alias_is_refused_whole(tmp_path):
    taxonomy = write_user_file(tmp_path, """
- id: one
  label: One
  cues: &shared [alpha, beta]
- id: two
  label: Two
  cues: *shared
""")
    assert taxonomy.get("one") is None and taxonomy.get("two") is None
    assert taxonomy.get("taiwan") is not None and len(taxonomy.warnings) == 1
    assert "aliases" in taxonomy.warnings[0] and "line 7" in taxonomy.warnings[0]


@pytest.mark.parametrize(
    "content, words",
    [
        (b"\xff\xfe\x00i\x00s", "not UTF-8"),
        (b"[" * 200_000, "issues.yaml"),  # nested deeper than any parser's stack
        (b"- id: big\n  label: Big\n  cues: [" + b"word, " * 200_000 + b"]\n", "too large"),
    ],
)
def test_hostile_files_fall_back_to_the_shipped_issues(tmp_path, content, words):
    (tmp_path / "issues.yaml").write_bytes(content)
    taxonomy = Taxonomy.for_library(tmp_path)
    assert len(taxonomy.warnings) == 1 and words in taxonomy.warnings[0]
    assert {i.id for i in taxonomy.issues} >= EXPECTED


def test_fingerprint_changes_with_the_definitions_not_with_comments(tmp_path):
    first = write_user_file(tmp_path, "- id: arctic\n  label: Arctic\n  cues: [icebreaker]\n").fingerprint
    again = write_user_file(tmp_path, "# a comment\n- id: arctic\n  label: Arctic\n  cues: [icebreaker]\n").fingerprint
    changed = write_user_file(tmp_path, "- id: arctic\n  label: Arctic\n  cues: [icebreakers, sea ice]\n").fingerprint
    assert first == again != changed
