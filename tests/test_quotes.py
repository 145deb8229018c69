"""Who said what: quotes found with their speakers in block offsets, kept with the analysis,
and speakers the user corrected kept in quotes.yaml across re-analysis."""

import pytest

from library.analysis import Analyser
from library.model import Article, Block
from library.quotes.corrections import QuotesFileError, correct_speaker, corrected

TALKS = [
    "Chinese President Xi Jinping met US Secretary of State Antony Blinken in Beijing on Monday.",
    "“The two sides have made progress and agreed on specific issues,” Xi said.",
    "Blinken told reporters that the talks had been candid and constructive.",
    "“Progress is hard, it takes time,” he added. “It is not the product of one visit.”",
    "Foreign Minister Qin Gang met Blinken on Sunday. The minister said Washington must stop suppressing China.",
    "According to the South China Morning Post, Xi said China hoped for the return of “healthy and stable” ties.",
    "The US sought “de-risking” rather than decoupling, said Blinken.",
    "Wang Yi, China's top diplomat, said the United States should lift its sanctions on Chinese firms.",
    "Washington must respect China's legitimate interests, Xi said, according to the SCMP.",
    "Wang Yi said: “The United States must stop interfering in our internal affairs.”",
]


@pytest.fixture(scope="module")
def quotes():
    analyser = Analyser.for_library(None, cache=False)
    return analyser.analyse_texts(TALKS).quotes


def said(quotes, words):
    """(kind, speaker, said_by) of the one quote that holds `words`."""
    found = [q for q in quotes if words in q.text]
    assert len(found) == 1, (words, found)
    return found[0].kind, found[0].speaker, found[0].said_by


def test_offsets_point_into_the_blocks(quotes):
    assert quotes
    for q in quotes:
        assert TALKS[q.block][q.start:q.end] == q.text


def test_direct_quote_with_the_verb_after_it(quotes):
    q = next(q for q in quotes if q.block == 1)
    assert q.text == "The two sides have made progress and agreed on specific issues,"
    assert (q.kind, q.speaker) == ("direct", "Xi Jinping")


def test_told_reporters_that_is_an_indirect_quote(quotes):
    q = next(q for q in quotes if q.block == 2)
    assert (q.kind, q.speaker, q.text) == ("indirect", "Antony Blinken", "the talks had been candid and constructive")


def test_he_is_the_nearest_person_outside_quotation_marks(quotes):
    assert said(quotes, "Progress is hard") == ("direct", "Antony Blinken", "he")


def test_a_quote_continued_after_its_verb_keeps_the_speaker(quotes):
    assert said(quotes, "not the product of one visit") == ("direct", "Antony Blinken", "he")


def test_the_minister_is_the_nearest_person_with_that_title(quotes):
    # Blinken is named after Qin Gang, but only Qin Gang is a minister
    assert said(quotes, "Washington must stop suppressing") == ("indirect", "Qin Gang", "The minister")


def test_according_to_a_paper_the_speaker_is_who_said_it(quotes):
    kind, speaker, _ = said(quotes, "China hoped for the return")
    assert (kind, speaker) == ("indirect", "Xi Jinping")


def test_a_short_quotation_inside_a_reported_clause_is_not_a_quote_of_its_own(quotes):
    assert not [q for q in quotes if q.text == "healthy and stable"]


def test_a_scare_quote_is_no_quote(quotes):
    assert not [q for q in quotes if "de-risking" in q.text and q.kind == "direct"]


def test_said_after_the_clause_with_the_name_after_the_verb(quotes):
    assert said(quotes, "rather than decoupling") == ("indirect", "Antony Blinken", "Blinken")


def test_an_apposition_between_the_name_and_the_verb(quotes):
    assert said(quotes, "lift its sanctions") == ("indirect", "Wang Yi", "Wang Yi")


def test_clause_before_said_and_according_to(quotes):
    assert said(quotes, "Washington must respect") == ("indirect", "Xi Jinping", "Xi")


def test_direct_quote_after_said_and_a_colon(quotes):
    q = next(q for q in quotes if q.block == 9)
    assert (q.kind, q.speaker, q.text) == ("direct", "Wang Yi", "The United States must stop interfering in our internal affairs.")


def test_no_speech_no_quotes():
    analyser = Analyser.for_library(None, cache=False)
    found = analyser.analyse_texts(["Ships sailed through the Taiwan Strait.", "The “new normal” began."]).quotes
    assert found == ()


# -- kept with the analysis, corrected by the user ------------------------------------------------


def article():
    return Article(title="Talks in Beijing", blocks=tuple(Block("paragraph", t) for t in TALKS), source="Harbour Times")


def test_quotes_come_back_from_the_analysis_cache(library):
    item = article()
    first = Analyser.for_library(library.root).analyse(item).quotes
    assert list((library.root / ".cache" / "analysis").glob("*.json"))
    Analyser.for_library(library.root).recogniser = None  # a cached read needs no recogniser
    assert Analyser.for_library(library.root).cached(item.content_hash).quotes == first


def test_a_corrected_speaker_is_kept_in_quotes_yaml_and_survives_reanalysis(library):
    item = library.get(library.add(article()).id)
    analyser = Analyser.for_library(library.root)
    quote = next(q for q in analyser.analyse(item).quotes if q.block == 1)
    correct_speaker(library, item.id, quote, "Wang Yi")
    text = (library.root / "quotes.yaml").read_text(encoding="utf-8")
    assert "speaker: Wang Yi" in text and "article: " + item.id in text
    for cache in (library.root / ".cache" / "analysis").glob("*.json"):
        cache.unlink()  # analysed again from scratch
    again = corrected(library.root, item.id, Analyser.for_library(library.root).analyse(item).quotes)
    fixed = next(q for q in again if q.block == 1)
    assert (fixed.speaker, fixed.corrected) == ("Wang Yi", True)
    assert all(q.speaker != "Wang Yi" or q.block in (7, 9) or q is fixed for q in again)


def test_a_correction_follows_its_quote_when_the_text_before_it_moves(library):
    item = library.get(library.add(article()).id)
    quote = next(q for q in Analyser.for_library(library.root).analyse(item).quotes if q.block == 1)
    correct_speaker(library, item.id, quote, "")
    moved = [q.__class__(q.block + 1, q.start, q.end, q.text, q.kind, q.speaker, q.said_by) for q in [quote]]
    assert corrected(library.root, item.id, moved)[0].speaker == ""


def test_an_unreadable_quotes_yaml_is_one_line_and_never_overwritten(library):
    item = library.get(library.add(article()).id)
    path = library.root / "quotes.yaml"
    path.write_text("corrections: [unclosed\n", encoding="utf-8")
    quote = Analyser.for_library(library.root).analyse(item).quotes[0]
    with pytest.raises(QuotesFileError) as caught:
        correct_speaker(library, item.id, quote, "Xi Jinping")
    assert "quotes.yaml" in str(caught.value) and "\n" not in str(caught.value)
    assert path.read_text(encoding="utf-8") == "corrections: [unclosed\n"
    with pytest.raises(QuotesFileError):
        corrected(library.root, item.id, [quote])
