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


def test_a_family_named_in_the_plural_stays_a_person(recogniser):
    names = found(recogniser, "Doctors told Ravi Tamm and Mira Tamm to act.", "The Tamms refused, Ravi Tamm said.")
    assert ("Ravi Tamm", "person") in names


def test_a_surname_goes_to_the_person_not_to_the_foundation_named_after_them(recogniser):
    names = found(recogniser, "The Orla Venn Foundation for Arts funds the show.",
                  "The prints came from the Orla Venn collection.", "Venn made them in 1970.")
    assert ("Venn", "person") in names
