"""The user's entities.yaml: it adds and overrides names, ignores texts, and a broken or
hostile file gives one-line warnings naming the file and line while shipped data keeps working."""

from __future__ import annotations

import pickle

import pytest

from library.entities import Recogniser
from library.entities.gazetteer import load_shipped
from library.entities.user import EntityFileError, add_entity, ignore_text, unignore_text


def recogniser_for(root, text: str | bytes | None = None) -> Recogniser:
    root.mkdir(parents=True, exist_ok=True)
    if text is not None:
        path = root / "entities.yaml"
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return Recogniser.for_library(root)


def found(recogniser, text: str) -> set[tuple[str, str, str]]:
    return {(m.text, m.kind, m.canonical) for m in recogniser.find([text])}


def test_user_entities_add_names_and_aliases(tmp_path):
    r = recogniser_for(tmp_path / "lib", "entities:\n  - {name: Brightwater Holdings, kind: org, aliases: [BWH]}\n")
    assert ("BWH", "org", "Brightwater Holdings") in found(r, "Shares of BWH rose on Monday.")
    assert r.warnings == []


def test_user_entities_override_the_shipped_kind(tmp_path):
    r = recogniser_for(tmp_path / "lib", "entities:\n  - {name: Reuters, kind: person}\n")
    assert ("Reuters", "person", "Reuters") in found(r, "A report by Reuters said so.")


def test_ignored_texts_are_never_reported(tmp_path):
    r = recogniser_for(tmp_path / "lib", "ignore: [Kenya]\n")
    assert not any(text == "Kenya" for text, _, _ in found(r, "Officials in Kenya and Peru agreed."))


@pytest.mark.parametrize("text, line, words", [
    ("entities: [\n", 2, "entities.yaml:2:"),
    ("entities:\n  - {name: Ada Quill, kind: wizard}\n", 2, "unknown kind 'wizard'"),
    ("entities:\n  - {name: [1, 2], kind: person}\n", 2, "needs a 'name'"),
    ("entities:\n  - {name: Ada Quill, kind: person, aliases: Quill}\n", 2, "'aliases' of 'Ada Quill' must be a list"),
    ("entities: 42\n", 1, "'entities' must be a list"),
    ("- just a list\n", 1, "expected a mapping"),
    ("a: &a [x, x]\nb: &b [*a, *a]\nentities: [*b, *b]\n", 2, "aliases (*name) are not allowed"),
])
def test_a_broken_user_file_warns_with_file_and_line_and_keeps_shipped_data(tmp_path, text, line, words):
    r = recogniser_for(tmp_path / "lib", text)
    assert len(r.warnings) == 1
    warning = r.warnings[0]
    assert "\n" not in warning and str(tmp_path / "lib" / "entities.yaml") in warning
    assert f"entities.yaml:{line}:" in warning and words in warning
    assert ("Kenya", "place", "Kenya") in found(r, "Talks in Kenya resumed.")


def test_one_bad_entry_does_not_lose_the_good_ones(tmp_path):
    r = recogniser_for(tmp_path / "lib", "entities:\n  - {name: Ada Quill, kind: wizard}\n  - {name: Ozrin Vale, kind: person}\n")
    assert ("Ozrin Vale", "person", "Ozrin Vale") in found(r, "Later Ozrin Vale spoke.")
    assert len(r.warnings) == 1


def test_a_binary_user_file_warns_once(tmp_path):
    r = recogniser_for(tmp_path / "lib", b"\xff\xfe\x00garbage\x00")
    assert len(r.warnings) == 1 and "not UTF-8" in r.warnings[0]


def test_editing_the_user_file_is_picked_up_without_restarting(tmp_path):
    root = tmp_path / "lib"
    before = recogniser_for(root)
    add_entity(root, "Ozrin Vale", "person", ["the Vale"])
    after = Recogniser.for_library(root)
    assert after is not before
    assert ("Ozrin Vale", "person", "Ozrin Vale") in found(after, "Later Ozrin Vale spoke.")
    assert Recogniser.for_library(root) is after  # unchanged file: compiled once


def test_add_merges_aliases_and_ignore_round_trips(tmp_path):
    root = tmp_path / "lib"
    root.mkdir()
    add_entity(root, "Ozrin Vale", "person", ["Vale"])
    add_entity(root, "Ozrin Vale", "person", ["O. Vale", "Vale"])
    ignore_text(root, "Kenya")
    ignore_text(root, "KENYA")
    import yaml
    data = yaml.safe_load((root / "entities.yaml").read_text())
    assert data["entities"] == [{"name": "Ozrin Vale", "kind": "person", "aliases": ["Vale", "O. Vale"]}]
    assert data["ignore"] == ["Kenya"]
    assert unignore_text(root, "kenya") is True
    assert unignore_text(root, "kenya") is False


HAND_WRITTEN = """# My own entities, kept by hand.
entities:
  # think tanks I follow
  - name: Ozrin Vale   # made up for a story
    kind: org
    aliases: [OV, "O. Vale"]
  - {name: Li Wen, kind: person}
ignore:
  - Nairobi   # a surname in my sources
  - Beijing Review   # a magazine, not a place
"""


def test_edits_keep_the_users_comments_and_layout(tmp_path):
    root = tmp_path / "lib"
    root.mkdir()
    (root / "entities.yaml").write_text(HAND_WRITTEN)
    add_entity(root, "Harbour Institute", "org", ["HI"])
    add_entity(root, "Li Wen", "person", ["Wen"])
    ignore_text(root, "Summit")
    assert unignore_text(root, "nairobi") is True
    text = (root / "entities.yaml").read_text()
    for kept in ("# My own entities, kept by hand.", "  # think tanks I follow", "# made up for a story",
                 'aliases: [OV, "O. Vale"]', "  - {name: Li Wen, kind: person, aliases: [Wen]}",
                 "  - Beijing Review   # a magazine, not a place"):
        assert kept in text
    assert "Nairobi" not in text and "a surname in my sources" not in text
    r = Recogniser.for_library(root)
    assert ("HI", "org", "Harbour Institute") in found(r, "Staff at HI disagreed.")
    assert ("Wen", "person", "Li Wen") in found(r, "Li Wen spoke first. Later Wen said more.")
    assert r.warnings == []


def test_a_file_of_comments_alone_keeps_them_above_the_first_entry(tmp_path):
    root = tmp_path / "lib"
    root.mkdir()
    (root / "entities.yaml").write_text("# To do: add the think tanks\n")
    ignore_text(root, "Summit")
    assert (root / "entities.yaml").read_text() == "# To do: add the think tanks\nignore:\n  - Summit\n"


def test_a_broken_user_file_is_never_overwritten_by_an_edit(tmp_path):
    root = tmp_path / "lib"
    root.mkdir()
    (root / "entities.yaml").write_text("entities: [\n  my careful notes\n")
    with pytest.raises(EntityFileError, match="entities.yaml:"):
        add_entity(root, "Ozrin Vale", "person")
    assert (root / "entities.yaml").read_text() == "entities: [\n  my careful notes\n"


def test_a_file_the_round_trip_cannot_keep_is_named_and_left_alone(tmp_path):
    root = tmp_path / "lib"
    root.mkdir()
    text = "ignore:\n  - Nairobi\nignore:\n  - Kenya   # the second list wins for the gazetteer\n"
    (root / "entities.yaml").write_text(text)
    with pytest.raises(EntityFileError, match=r"entities.yaml: line 3: found duplicate key"):
        ignore_text(root, "Summit")
    assert (root / "entities.yaml").read_text() == text


def test_add_rejects_an_unknown_kind(tmp_path):
    with pytest.raises(EntityFileError, match="unknown kind"):
        add_entity(tmp_path, "Ozrin Vale", "wizard")


def test_the_compiled_gazetteer_is_cached_and_a_corrupt_cache_is_rebuilt(tmp_path):
    gazetteer, automaton = load_shipped(tmp_path)
    [cached] = list(tmp_path.glob("gazetteer-*.pickle"))
    assert pickle.loads(cached.read_bytes())[0].names == gazetteer.names
    cached.write_bytes(b"not a pickle")
    again, _ = load_shipped(tmp_path)
    assert again.names == gazetteer.names
    assert pickle.loads(cached.read_bytes())[0].names == gazetteer.names
