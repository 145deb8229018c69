"""Name shapes that are no person: "the" before a name standing alone, things counted in the
plural, and organisations named after a person of the article (sentences written for these tests)."""

from __future__ import annotations

import pytest

from library.entities import Recogniser


@pytest.fixture(scope="module")
def recogniser() -> Recogniser:
    return Recogniser.for_library(None)


def found(recogniser, *blocks: str) -> set[tuple[str, str]]:
    return {(m.text, m.kind) for m in recogniser.find(list(blocks))}


def test_a_name_after_the_standing_alone_is_no_person(recogniser):
    names = found(recogniser, "All night they played old records by the Copper Lanterns.",
                  "Guests then toured the Brisco Tower.")
    assert not {text for text, kind in names if kind == "person"}


def test_a_name_after_the_that_qualifies_a_noun_can_be_a_person(recogniser):
    names = found(recogniser, "Fans queued for the Nadia Orlenko concert in the rain.")
    assert ("Nadia Orlenko", "person") in names


def test_a_word_counted_in_the_plural_is_a_thing_not_a_person(recogniser):
    names = found(recogniser, "The gallery shows several Kodachromes by Lena Varga.",
                  "Each Kodachrome was framed, and the Varga Kodachromes sold out.",
                  "Visitors loved the Kodachromes, Varga said.")
    assert not {text for text, _ in names if "Kodachrome" in text}
    assert ("Lena Varga", "person") in names


def test_a_name_before_a_thing_counted_is_still_read(recogniser):
    names = found(recogniser, "The gallery shows several Kodachromes by Lena Varga.",
                  "Each Kodachrome was framed, and the Varga Kodachromes sold out.")
    assert ("Varga", "person") in names


def test_a_family_named_in_the_plural_stays_a_person(recogniser):
    names = found(recogniser, "Doctors told Ravi Tamm and Mira Tamm to act.", "The Tamms refused, Ravi Tamm said.")
    assert ("Ravi Tamm", "person") in names


def test_a_surname_goes_to_the_person_not_to_the_foundation_named_after_them(recogniser):
    names = found(recogniser, "The Orla Venn Foundation for Arts funds the show.",
                  "The prints came from the Orla Venn collection.", "Venn made them in 1970.")
    assert ("Venn", "person") in names


def test_an_event_is_no_person_but_a_place_in_its_name_stays(recogniser):
    names = found(recogniser, "Thousands marched on Harvest Day in Kelmora.", "Crowds filled the Lisbon Book Fair.")
    assert not {text for text, _ in names if "Day" in text or "Fair" in text}
    assert ("Lisbon", "place") in names


def test_a_word_with_a_year_or_annual_before_it_is_an_event(recogniser):
    names = found(recogniser, "Boats gathered for the annual Regatta on the bay.",
                  "The 2019 Regatta drew thousands, and the Regatta grows.",
                  "Sponsors of the Regatta were pleased; after the Regatta, all went home.")
    assert not {text for text, _ in names if text == "Regatta"}


def test_a_word_the_article_mostly_writes_in_lower_case_is_no_name_of_its_own(recogniser):
    names = found(recogniser, "The Marvell Board for Cocoa Standards met on Monday.",
                  "Growers said cocoa prices fell, cocoa exports slowed and cocoa stocks grew.",
                  "Buyers fear that Cocoa shortages will follow.")
    assert ("Cocoa", "org") not in names


def test_a_town_that_is_a_given_name_begins_a_persons_name_and_stays_a_town_alone(recogniser):
    names = found(recogniser, "The motion was backed by Florence Okafor and two others.")
    assert ("Florence Okafor", "person") in names
    assert ("Florence", "place") not in names
    names = found(recogniser, "The motion was backed by Florence Okafor.", "She then flew to Florence.")
    assert ("Florence", "place") in names


def test_a_given_name_repeated_without_cues_is_a_person_even_after_the(recogniser):
    names = found(recogniser, "He painted the Marisol canvases in one winter.",
                  "Buyers could choose a red Marisol, a blue Marisol or a grey Marisol.")
    assert ("Marisol", "person") in names


def test_a_name_that_leads_a_government_is_a_person(recogniser):
    names = found(recogniser, "Critics of the Tavares government and the Okoro era spoke, as did the Provisional government.")
    assert {("Tavares", "person"), ("Okoro", "person")} <= names
    assert not {text for text, _ in names if text == "Provisional"}


def test_a_compass_word_before_a_known_place_is_part_of_the_place(recogniser):
    names = found(recogniser, "Police in Greater Manchester and West Yorkshire searched two houses.")
    assert {("Greater Manchester", "place"), ("West Yorkshire", "place")} <= names


def test_a_compass_word_begins_a_place_and_a_demonym_ends_no_name(recogniser):
    names = found(recogniser, "Floods hit West Quarrington again.", "South Sudanese troops crossed the river.")
    assert ("West Quarrington", "place") in names
    assert not {text for text, _ in names if "Sudanese" in text}


def test_a_name_beginning_with_an_english_adjective_or_noun_is_no_person(recogniser):
    names = found(recogniser, "Files marked Restricted Tarvo went missing.", "He ran Operation Kestrelwing for a year.",
                  "A letter from Khaled Obeidat, Erling Vatne and Crystal Voss arrived.")
    assert not {text for text, _ in names if "Tarvo" in text or "Kestrelwing" in text}
    assert {("Khaled Obeidat", "person"), ("Erling Vatne", "person"), ("Crystal Voss", "person")} <= names


def test_a_ship_is_none_of_our_kinds_anywhere_in_the_article(recogniser):
    names = found(recogniser, "Crew boarded the cruise ship Aurelian in Lisbon.", "On Monday the Aurelian sailed south, as Aurelian crews do.",
                  "Nobody left the boat, Marta Quell said.")
    assert not {text for text, _ in names if text == "Aurelian"}
    assert ("Marta Quell", "person") in names


def test_a_word_right_after_a_known_company_is_its_product(recogniser):
    names = found(recogniser, "Sales of the Siemens Lumora grew fast.", "Critics said Lumora ran hot.",
                  "Image: Siemens Bill Okafor.")
    assert not {text for text, _ in names if "Lumora" in text}
    assert ("Siemens", "org") in names and ("Bill Okafor", "person") in names


def test_capitals_in_brackets_after_a_name_abbreviate_it_and_a_unit_is_no_organisation(recogniser):
    names = found(recogniser, "The Union of Archive Editors and Tutors (AEIU) complained.",
                  "The plant adds 40 GWE to the grid, and growth (GDP) slowed.")
    assert ("AEIU", "org") in names
    assert not {text for text, _ in names if text in ("GWE", "GDP")}


def test_a_person_named_after_a_body_is_not_part_of_it(recogniser):
    names = found(recogniser, "A student at University of Lisbon Tavira Quenda heard of it.",
                  "Later the Harbour Council Orlan Veske told reporters the same.",
                  "Crowds cheered the Kelso Arts Council Youth Choir.")
    assert {("Tavira Quenda", "person"), ("Orlan Veske", "person"), ("Harbour Council", "org")} <= names
    assert not {text for text, kind in names if "Choir" in text and kind == "person"}


def test_a_name_spoken_of_in_the_plural_is_a_body(recogniser):
    names = found(recogniser, "After the final whistle Dunmorrow were relegated, and Ravi Tamm and Pellow were not.")
    assert ("Dunmorrow", "org") in names
    assert ("Pellow", "org") not in names


def test_a_name_starting_a_sentence_with_a_plural_verb_is_a_body_but_a_plural_noun_is_not(recogniser):
    names = found(recogniser, "Kelvarra have signed two players.", "Growers were angry. People were too.")
    assert ("Kelvarra", "org") in names
    assert not {text for text, _ in names if text in ("Growers", "People")}


def test_a_club_prefix_before_a_city_makes_a_club_and_a_newspaper_is_an_organisation(recogniser):
    names = found(recogniser, "They lost to AC Milan twice.", "Kurier newspaper said so, and I'll agree.")
    assert {("AC Milan", "org"), ("Kurier", "org")} <= names
    assert not {text for text, _ in names if text.startswith("I")}


@pytest.mark.parametrize("sentence, name, kind", [
    ("Classes at Instituto Ferrandi resumed on Monday.", "Instituto Ferrandi", "org"),  # the head first
    ("Votes for Partido Verdeal rose again.", "Partido Verdeal", "org"),
    ("Pupils visited the Harlan Planetarium yesterday.", "Harlan Planetarium", "place"),
    ("A report by the Halden Centre for Coastal Studies came out.", "Halden Centre for Coastal Studies", "org"),
    ("Dunhollow manager Tom Bryce praised the players.", "Dunhollow", "org"),
    ("Quillmart boss Ada Renk said the stores would stay open.", "Quillmart", "org"),
    ("Nobody expected it, Marla Day said.", "Marla Day", "person"),  # an event's last word, but she speaks
])
def test_the_shape_of_a_name_or_the_word_beside_it_gives_its_kind(recogniser, sentence, name, kind):
    assert (name, kind) in found(recogniser, sentence)


def test_a_role_before_a_name_makes_a_person_and_a_founder_after_it_an_organisation(recogniser):
    names = found(recogniser, "The club signed midfielder Ravelo from Porto.", "Ravelo is fast.", "Ravelo trains daily.",
                  "Quillmart founder Ada Renk told MPs about it.")
    assert {("Ravelo", "person"), ("Quillmart", "org"), ("Ada Renk", "person")} <= names
    assert not {text for text, _ in names if text == "MPs"}


def test_a_byline_names_a_person(recogniser):
    names = found(recogniser, "Talks resume", "By Tavi Rennick, Pacific Ledger", "Officials met on Monday.")
    assert ("Tavi Rennick", "person") in names


def test_a_country_code_before_a_dollar_sign_is_a_currency(recogniser):
    names = found(recogniser, "Bail was set at US$ 5,000, or NZ $ 8,000, in Auckland.")
    assert {text for text, _ in names} == {"Auckland"}


def test_scorelines_make_a_match_report_and_its_clubs_organisations(recogniser):
    names = found(recogniser, "Leicester City moved up to fourth with a 2-0 win over Southampton.",
                  "Harvey Okoro opened the scoring after 20 minutes.",
                  "Elsewhere, Everton drew 1-1 with Burnley, and Wolves lost 3-1 to Fulham.")
    clubs = {"Leicester City", "Southampton", "Everton", "Burnley", "Wolves", "Fulham"}
    assert {text for text, kind in names if kind == "org"} >= clubs


def test_a_word_before_a_listed_company_joins_it_only_as_a_given_name(recogniser):
    assert found(recogniser, "Rival Siemens saw its shares rise.") == {("Siemens", "org")}
    assert ("Henry Siemens", "person") in found(recogniser, "The plant was opened by Henry Siemens in 1902.")
