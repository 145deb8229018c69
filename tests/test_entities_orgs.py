"""Organisations by rule: club, company, party, ministry, court, university and outlet words,
and places that play as teams in a match report."""

from __future__ import annotations

import pytest

from library.entities import Recogniser


@pytest.fixture(scope="module")
def recogniser() -> Recogniser:
    return Recogniser.for_library(None)


def kinds(recogniser, *blocks: str) -> dict[str, str]:
    return {m.text: m.kind for m in recogniser.find(list(blocks))}


@pytest.mark.parametrize("sentence, name", [
    ("Fans of Dunmore Rovers FC waited outside.", "Dunmore Rovers FC"),
    ("Fans of Kelso Athletic waited outside.", "Kelso Athletic"),
    ("A deal with Halvard Pharma was signed.", "Halvard Pharma"),
    ("Shares in Brennick Holdings Ltd fell sharply.", "Brennick Holdings Ltd"),
    ("Shares in Ostrava Mining Incorporated fell sharply.", "Ostrava Mining Incorporated"),
    ("The Velmorian Greens Party won four seats.", "Velmorian Greens Party"),
    ("The Ministry of Fisheries in Tarvonia said nothing.", "Ministry of Fisheries"),
    ("An appeal reached the Quellmark Appeals Court last year.", "Quellmark Appeals Court"),
    ("She studied at the University of Quellmark before that.", "University of Quellmark"),
    ("The story ran in the Harwick Evening Post on Sunday.", "Harwick Evening Post"),
])
def test_an_organisation_word_makes_the_name_an_organisation(recogniser, sentence, name):
    assert kinds(recogniser, sentence).get(name) == "org"


MATCH_REPORT = [
    "Sweden defeated Tunisia 2 – 0 in the opening match of the tournament.",
    "The referee gave a penalty after the striker fell, and the goalkeeper saved it.",
    "Tunisia had more possession but Sweden scored twice.",
]


def test_a_country_that_plays_in_a_match_report_is_a_team(recogniser):
    found = {(m.text, m.kind, m.canonical) for m in recogniser.find(MATCH_REPORT)}
    assert ("Sweden", "org", "Sweden (team)") in found
    assert ("Tunisia", "org", "Tunisia (team)") in found
    assert not any(kind == "place" for _, kind, _ in found)


def test_a_country_outside_a_sports_report_stays_a_place(recogniser):
    found = kinds(recogniser, "Sweden defeated the motion 2 – 0 in committee, and Tunisia faced protests.")
    assert found.get("Sweden") == "place" and found.get("Tunisia") == "place"
