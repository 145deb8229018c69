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
    ("A letter from the Joint Council for the Welfare of Drovers arrived.", "Joint Council for the Welfare of Drovers"),
    ("The request of the Municipality of Livorno was refused.", "Municipality of Livorno"),
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


CLUB_REPORT = [
    "Brindle beat Harwick 2-1 at the Old Meadow on Saturday, their first win of the season.",
    "Harwick striker Tom Vale scored early, but the referee gave Brindle a penalty and the keeper "
    "could not stop it. The Harwick manager blamed his defence.",
]


def test_clubs_named_by_the_game_in_a_match_report_are_organisations(recogniser):
    found = kinds(recogniser, *CLUB_REPORT)
    assert found.get("Brindle") == "org" and found.get("Harwick") == "org"
    assert found.get("Tom Vale") == "person"


@pytest.mark.parametrize("blocks, name", [
    (["Russian oil giant Zavkos filed for bankruptcy.", "Zavkos said the state wanted its assets."], "Zavkos"),
    (["Zavkos said profits rose.", "Zavkos shares fell 10% in Moscow."], "Zavkos"),
    (["The deal was signed by carmaker Brovane in June."], "Brovane"),
    (["Real Madrid and Real Vallora drew on Sunday."], "Real Madrid"),
    (["Real Madrid and Real Vallora drew on Sunday."], "Real Vallora"),
    (["Fans queued for the Kelso Cup final."], "Kelso Cup"),
    (["MPs in Parliament voted against the plan."], "Parliament"),
    (["The Court ruled against him on Monday."], "Court"),
    (["He briefed the United States National Security Council."], "United States National Security Council"),
])
def test_a_word_of_business_or_sport_around_a_name_makes_it_an_organisation(recogniser, blocks, name):
    found = [m for m in recogniser.find(blocks) if m.text == name]
    assert found and {m.kind for m in found} == {"org"}


def test_listed_companies_come_from_the_shipped_data_with_their_legal_forms(recogniser):
    found = {m.text: (m.kind, m.canonical) for m in recogniser.find(
        ["Shares in Siemens AG and Unilever fell, and Microsoft Corp said it would buy Datadog."])}
    assert found["Siemens AG"] == ("org", "Siemens") and found["Microsoft Corp"] == ("org", "Microsoft")
    assert found["Unilever"][0] == "org" and found["Datadog"][0] == "org"


def test_a_company_name_that_is_also_a_surname_gives_way_to_a_person(recogniser):
    found = kinds(recogniser, "Tom Brady said he would play on.")
    assert found.get("Tom Brady") == "person" and "Brady" not in found


def test_a_name_after_pro_or_anti_names_no_place(recogniser):
    found = kinds(recogniser, "The pro-Beijing camp won, and anti-London feeling grew in Beijing.")
    assert list(found.items()) == [("Beijing", "place")]


def test_two_names_side_by_side_in_a_match_report_are_one_club(recogniser):
    found = kinds(recogniser, "Bayern Munich drew 1-1 with AC Milan in the league.",
                  "The striker scored, the keeper saved a penalty and the referee sent off the defender.")
    assert found.get("Bayern Munich") == "org" and found.get("AC Milan") == "org"
    assert "Munich" not in found and "Milan" not in found


def test_a_club_of_two_plain_words_is_told_from_a_player_by_words_no_player_takes(recogniser):
    found = kinds(recogniser, "Aston Villa beat Norwich 2-0, and Harry Kane scored twice against Aston Villa.",
                  "Aston Villa fans booed the referee; the striker and the keeper argued over the penalty.")
    assert found.get("Aston Villa") == "org" and found.get("Harry Kane") == "person"
