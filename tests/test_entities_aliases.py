"""Alias resolution inside one article, on articles written for these tests."""

from __future__ import annotations

import pytest

from library.entities import Recogniser


@pytest.fixture(scope="module")
def recogniser() -> Recogniser:
    return Recogniser.for_library(None)


def canonicals(recogniser, *blocks: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for m in recogniser.find(list(blocks)):
        found.setdefault(m.text, set()).add(m.canonical)
    return found


def test_a_later_surname_is_the_person_named_in_full_earlier(recogniser):
    found = canonicals(recogniser, "Trade envoy Marisol Quintero arrived on Tuesday.",
                       "Talks with Quintero ran late, aides said.")
    assert found["Quintero"] == {"Marisol Quintero"}


def test_a_family_name_written_first_resolves_too(recogniser):
    found = canonicals(recogniser, "Vice Premier Zhou Minghai met the delegation.", "Officials said Zhou pressed hard.")
    assert found["Zhou"] == {"Zhou Minghai"}


def test_a_surname_at_a_sentence_start_resolves_when_named_before(recogniser):
    found = canonicals(recogniser, "The envoy Marisol Quintero spoke first.", "Quintero then left.")
    assert found["Quintero"] == {"Marisol Quintero"}


def test_an_acronym_in_brackets_names_the_organisation_before_it(recogniser):
    found = canonicals(recogniser, "The Northern Grain Exchange Board (NGEB) set prices.", "Later the NGEB relented.")
    assert found["NGEB"] == {"Northern Grain Exchange Board"}


def test_an_acronym_of_the_initials_of_an_earlier_name_resolves(recogniser):
    found = canonicals(recogniser, "The Coastal Defence Council met.", "A CDC spokesman declined to comment.")
    assert found["CDC"] == {"Coastal Defence Council"}


def test_a_misspelt_surname_one_letter_off_resolves_to_the_article_entity(recogniser):
    found = canonicals(recogniser, "Envoy Marisol Quintero landed.", "“We are ready,” Quintaro said.")
    assert found["Quintaro"] == {"Marisol Quintero"}


def test_a_short_name_one_letter_off_is_not_merged(recogniser):
    found = canonicals(recogniser, "Minister Wang Jun arrived.", "Aides to Wan said little.")
    assert found.get("Wan", {"Wan"}) != {"Wang Jun"}


def test_gazetteer_aliases_share_one_canonical(recogniser):
    found = canonicals(recogniser, "The European Union and the EU's members agreed.")
    assert found["European Union"] == found["EU"] == {"European Union"}


def test_hyphen_compounds_resolve_each_part(recogniser):
    found = canonicals(recogniser, "Joe Biden met Xi Jinping.", "The Biden-Xi talks ended.")
    assert found["Biden"] == {"Joe Biden"} and found["Xi"] == {"Xi Jinping"}


def test_a_surname_that_is_also_a_city_follows_the_person(recogniser):
    found = canonicals(recogniser, "The campaigner Valeska Paris spoke.", "Paris said she would return.")
    assert found["Paris"] == {"Valeska Paris"}


def test_aliases_of_lists_the_gazetteer_spellings(recogniser):
    assert {"Xi", "Xi Jinping"} <= set(recogniser.aliases_of("Xi Jinping"))
    assert recogniser.aliases_of("Nobody Known") == []


def test_a_word_the_article_also_writes_in_lower_case_is_still_part_of_a_full_name(recogniser):
    found = {(m.text, m.kind, m.canonical) for m in recogniser.find([
        "Hackers attacked the website of the Church of Zorvanity on Sunday.",
        "Posters on alt.religion.zorvanity cheered, and traffic to the Zorvanity website fell.",
        "Young and old joined in, the young first, said Ann Young."])}
    assert ("Zorvanity", "org", "Church of Zorvanity") in found
    assert not any(text == "Young" for text, _, _ in found)  # at a sentence start, a word


def test_an_entity_with_evidence_of_its_kind_has_that_kind_all_through_the_article(recogniser):
    found = {(m.text, m.kind) for m in recogniser.find(
        ["A Fisheries Canada report was leaked.", "Fisheries Canada spokesperson Ann Vale said sorry."])}
    assert ("Fisheries Canada", "org") in found and ("Fisheries Canada", "person") not in found
