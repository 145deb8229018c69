"""The recogniser's rules on sentences written for these tests: titles, head words, place cues,
acronyms, "of the" joins, sentence starts, possessives and hyphen compounds."""

from __future__ import annotations

import pytest

from library.entities import Mention, Recogniser


@pytest.fixture(scope="module")
def recogniser() -> Recogniser:
    return Recogniser.for_library(None)


def names(recogniser, *blocks: str) -> set[tuple[str, str]]:
    return {(m.text, m.kind) for m in recogniser.find(list(blocks))}


def test_a_title_is_not_part_of_the_persons_span(recogniser):
    found = names(recogniser, "On Friday the Peruvian Trade Minister Ximena Fuentealba spoke to reporters.")
    assert ("Ximena Fuentealba", "person") in found
    assert not any("Minister" in text for text, _ in found)


def test_honorifics_and_titles_make_the_following_name_a_person(recogniser):
    found = names(recogniser, "The talks were led by Mr. Okonkwo and Director Halvorsen, and Senator Quist left early.")
    assert {("Okonkwo", "person"), ("Halvorsen", "person"), ("Quist", "person")} <= found


def test_organisation_words_make_an_organisation(recogniser):
    found = names(recogniser, "A statement from the Velmorian Workers Party and the Harbour Safety Commission followed.")
    assert ("Velmorian Workers Party", "org") in found
    assert ("Harbour Safety Commission", "org") in found


def test_an_organisation_before_a_title_is_kept_and_the_title_dropped(recogniser):
    found = names(recogniser, "Yesterday the Fisheries Committee Chairman Arvid Lunde resigned.")
    assert ("Fisheries Committee", "org") in found
    assert ("Arvid Lunde", "person") in found


def test_x_of_the_y_joins_after_a_head_word(recogniser):
    found = names(recogniser, "Delegates met at the Grand Pavilion of the Republic and later at the Bank of Eastland.")
    assert ("Grand Pavilion of the Republic", "place") not in found  # Pavilion is no head word
    assert ("Bank of Eastland", "org") in found


def test_x_of_the_y_joins_for_a_named_hall(recogniser):
    assert ("Old Hall of the Guilds", "place") in names(recogniser, "They dined in the Old Hall of the Guilds on Sunday.")


def test_a_title_before_of_the_leaves_the_organisation(recogniser):
    found = names(recogniser, "She is now Director of the Lowland Water Agency, a post she wanted.")
    assert ("Lowland Water Agency", "org") in found
    assert not any(text.startswith("Director") for text, _ in found)


def test_place_cues_type_an_unknown_single_name(recogniser):
    found = names(recogniser, "The convoy stopped in Qaryat before a visit to Vellmar, then drove on.")
    assert {("Qaryat", "place"), ("Vellmar", "place")} <= found


def test_a_place_cue_does_not_type_a_name_that_qualifies_a_noun(recogniser):
    found = names(recogniser, "He worked in Zorblan marketing for years.")
    assert ("Zorblan", "place") not in found


def test_all_capital_acronyms_are_organisations(recogniser):
    found = names(recogniser, "Officials from the QFRA said the rule was final.")
    assert ("QFRA", "org") in found


def test_common_all_capital_words_are_not_organisations(recogniser):
    found = names(recogniser, "The CEO said GDP and COVID numbers were XVII pages long.")
    assert not found


def test_a_shouted_word_is_not_an_acronym(recogniser):
    assert names(recogniser, "Photo: Ana Lidell / POOL via the wire") == {("Ana Lidell", "person")}


def test_a_capitalised_word_at_a_sentence_start_is_not_a_name_alone(recogniser):
    assert names(recogniser, "Diplomatic channels have dried up. Progress is slow.") == set()


def test_an_unknown_two_word_name_mid_sentence_is_a_person(recogniser):
    assert ("Tamsin Okoro", "person") in names(recogniser, "The report was written by Tamsin Okoro last year.")


def test_a_guessed_name_made_of_everyday_words_is_dropped(recogniser):
    found = names(recogniser, "Pupils entered the Science Fair with a robot. The fair drew crowds.")
    assert ("Science Fair", "person") not in found


def test_possessives_and_hyphen_compounds_yield_the_entities_inside(recogniser):
    found = names(recogniser, "France's ministers reviewed the Germany-France accord and Macron-era reforms.")
    assert ("France", "place") in found and ("Germany", "place") in found and ("Macron", "person") in found
    assert not any("'" in text or "era" in text for text, _ in found)


def test_gazetteer_names_from_the_data_packages(recogniser):
    found = names(recogniser, "Flights from Nairobi to Sao Paulo and Texas resumed, said Kenya.")
    assert {("Nairobi", "place"), ("Texas", "place"), ("Kenya", "place")} <= found


def test_a_first_name_joins_a_known_surname(recogniser):
    mentions = recogniser.find(["Later Tony Blinken flew home."])
    assert [(m.text, m.canonical) for m in mentions] == [("Tony Blinken", "Antony Blinken")]


def test_an_unknown_name_before_a_facility_noun_names_the_facility(recogniser):
    assert ("Kestrel Lodge guesthouse", "place") in names(recogniser, "They met at the Kestrel Lodge guesthouse on Monday.")


def test_shouted_text_finds_only_known_names(recogniser):
    found = names(recogniser, "PHOTO: REUTERS / GETTY IMAGES NORTH AMERICA via the archive")
    assert found == {("REUTERS", "org"), ("GETTY IMAGES", "org")}  # a place inside a longer name is not one


def test_a_thing_someone_owns_is_no_person(recogniser):
    assert names(recogniser, "Start your Zephyr Audio player now.") == set()


def test_offsets_are_code_points_into_each_block(recogniser):
    blocks = ["Ünïcödé — first, then Kenya.", "And Jakarta 🙂 later in Peru."]
    for m in recogniser.find(blocks):
        assert blocks[m.block][m.start:m.end] == m.text
    assert isinstance(recogniser.find(blocks)[0], Mention)


@pytest.mark.parametrize("text", [
    "",
    "no capitals at all in this line, just words and more words " * 200,
    "EVERYTHING IS SHOUTED HERE AND NOTHING ELSE " * 200,
    "北京 与 华盛顿 的 会谈 在 周日 举行。" * 500,
    "Kenya and Peru " * 70_000,  # about 1 MB in one paragraph
    "\x00\x01 ' - -- . .. Mr. . of the of the Of The",
])
def test_odd_text_never_crashes(recogniser, text):
    for m in recogniser.find([text]):
        assert text[m.start:m.end] == m.text


def test_a_title_case_headline_keeps_known_names_and_drops_everyday_words(recogniser):
    found = names(recogniser, "Envoy Meets Putin As Trade Ties Thaw", "He meets him; ties began to thaw as trade grew.")
    assert found == {("Putin", "person")}


def test_a_shouted_dateline_finds_the_known_place(recogniser):
    found = recogniser.find(["NAIROBI, June 3 (Reuters) - Kenya's parliament approved the budget."])
    assert {(m.text, m.kind, m.canonical) for m in found} >= {("NAIROBI", "place", "Nairobi"), ("Reuters", "org", "Reuters")}


def test_a_place_followed_by_its_state_or_country_is_one_place(recogniser):
    found = [(m.text, m.kind, m.canonical) for m in recogniser.find(
        ["A boy from Irving, Texas, was arrested; the fair moved from Aceh, Indonesia, to Texas, Ohio and Utah."])]
    assert found == [("Irving, Texas", "place", "Irving"), ("Aceh, Indonesia", "place", "Aceh"),
                     ("Texas", "place", "Texas"), ("Ohio", "place", "Ohio"), ("Utah", "place", "Utah")]


def test_a_name_before_a_place_and_a_title_is_a_person(recogniser):
    found = {(m.text, m.kind) for m in recogniser.find(
        ["Eldon Marsh, Panama coach, said so, and Ravi Kellan, U.S. Senator, agreed in Lodgeford, Texas."])}
    assert {("Eldon Marsh", "person"), ("Ravi Kellan", "person"), ("Lodgeford, Texas", "place")} <= found
