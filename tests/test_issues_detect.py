"""Issue detection: cue variants, lists of issues in the text, related entities, scores that
mean the same across articles, a threshold against passing words, and readable passages."""

from pathlib import Path

import pytest

from library.entities import Mention
from library.issues import THRESHOLD, IssueDef, Taxonomy, detect
from library.issues.passages import MAX_PASSAGE
from library.model import STANDFIRST_BLOCK, TITLE_BLOCK

FIXTURE = Path(__file__).parent / "fixtures" / "issues" / "geneva-trade-talks.txt"
FILLER = "The weather stayed mild and the markets were calm through the afternoon session. " * 3


@pytest.fixture(scope="module")
def taxonomy():
    return Taxonomy.shipped()


def issue(hits, issue_id):
    return next((h for h in hits if h.id == issue_id), None)


def own_taxonomy(cues):
    return Taxonomy([IssueDef("probe", "Probe", "A test issue.", tuple(cues), ())])


def cue_texts(taxonomy, text):
    """The matched texts of a one-block article."""
    return [text[m.start : m.end] for m in taxonomy.matcher.find(text)]


@pytest.mark.parametrize("written", ["de-risk", "de-risking", "de risk", "de-risked"])
def test_cue_matches_hyphen_space_and_inflected_spellings(written):
    taxonomy = own_taxonomy([written])
    text = "They de-risk. We are derisking. It was de-risked. Firms de risk slowly. Fewer derisks now."
    assert cue_texts(taxonomy, text) == ["de-risk", "derisking", "de-risked", "de risk", "derisks"]


def test_cue_variants_include_plurals_and_y_endings():
    taxonomy = own_taxonomy(["chip", "technology", "ally", "decouple"])
    text = "Chips and chipping; technologies; allies allied; decoupling, decoupled."
    assert cue_texts(taxonomy, text) == ["Chips", "chipping", "technologies", "allies", "allied", "decoupling", "decoupled"]


def test_cues_match_whole_words_only():
    taxonomy = own_taxonomy(["war", "tech"])
    assert cue_texts(taxonomy, "A warm welcome for the technician at Warsaw.") == []
    assert cue_texts(taxonomy, "A trade war, a post-war plan and a tech-savvy crowd.") == ["war", "war", "tech"]


def test_capitalised_cues_match_only_that_case():
    taxonomy = own_taxonomy(["Quad", "PLA"])
    assert cue_texts(taxonomy, "The Quad met; the PLA drilled.") == ["Quad", "PLA"]
    assert cue_texts(taxonomy, "He rode a quad bike through the pla stall.") == []


def test_longest_cue_wins_over_one_inside_it(taxonomy):
    matches = taxonomy.matcher.find("New export controls bite.")
    assert len(matches) == 1
    assert {taxonomy.issues[t.issue].id for t in matches[0].targets} == {"export-controls-technology"}


def test_shipped_cues_cover_the_usual_spellings(taxonomy):
    texts = [
        "Chipmakers warned that new curbs would hurt. Sales of semiconductors fell.",
        "Officials spoke of de-risking. Others called it derisking. Some had already de-risked.",
    ]
    hits = detect(taxonomy, texts)
    tech = issue(hits, "export-controls-technology")
    trade = issue(hits, "trade-decoupling-derisking")
    assert tech and trade
    assert [p.text for p in tech.passages] == ["Chipmakers warned that new curbs would hurt.", "Sales of semiconductors fell."]
    assert len(trade.passages) == 3


def test_a_single_passing_word_is_not_an_issue(taxonomy):
    texts = [FILLER, "A retired military band played at the opening of the flower show.", FILLER]
    assert issue(detect(taxonomy, texts), "military-security") is None


def test_repeated_evidence_makes_an_issue(taxonomy):
    texts = [
        FILLER,
        "A retired military band played at the opening of the flower show.",
        "Later, navy warships sailed past as the army staged a drill nearby.",
    ]
    hit = issue(detect(taxonomy, texts), "military-security")
    assert hit and THRESHOLD <= hit.score <= 1
    assert [p.block for p in hit.passages] == [1, 2]


def test_one_sentence_full_of_cues_is_still_a_single_passing_mention(taxonomy):
    texts = [FILLER, "Chips, semiconductors and export controls were all mentioned once.", FILLER]
    assert issue(detect(taxonomy, texts), "export-controls-technology") is None


def test_issues_listed_as_bullets_count_with_each_bullet_as_evidence(taxonomy):
    texts = [
        "The talks ended without agreement.",
        "The two sides still differ on a handful of issues:",
        "The future of Taiwan.",
        "The development of advanced technologies.",
        "Human rights.",
        "Nobody expected a breakthrough.",
    ]
    kinds = ["paragraph", "paragraph", "bullet", "bullet", "bullet", "paragraph"]
    for given in (kinds, None):  # with block kinds, and guessing from short blocks
        hits = detect(taxonomy, texts, kinds=given)
        for issue_id, block in (("taiwan", 2), ("export-controls-technology", 3), ("human-rights", 4)):
            hit = issue(hits, issue_id)
            assert hit, issue_id
            assert any(p.block == block and p.text == texts[block] for p in hit.passages)


def test_bullets_after_an_ordinary_colon_are_not_an_issue_list(taxonomy):
    texts = ["The menu at the dinner:", "Grilled fish.", "Human rights.", "Fruit."]
    kinds = ["paragraph", "bullet", "bullet", "bullet"]
    assert issue(detect(taxonomy, texts, kinds=kinds), "human-rights") is None


def test_issues_listed_inline_count(taxonomy):
    text = "Beijing and Washington remain split on issues such as Taiwan, tariffs and human rights."
    hits = detect(taxonomy, [FILLER, text])
    for issue_id in ("taiwan", "trade-decoupling-derisking", "human-rights"):
        hit = issue(hits, issue_id)
        assert hit and hit.passages[0].text == text, issue_id


def test_related_entities_add_weight(taxonomy):
    base = [FILLER, "Troops rehearsed a landing near the Taiwan Strait.", "Taiwan's coast guard watched."]
    with_names = [*base, "Tsai Ing-wen visited a TSMC plant the next day."]
    plain = issue(detect(taxonomy, base), "taiwan")
    richer = issue(detect(taxonomy, with_names), "taiwan")
    assert plain and richer and richer.score > plain.score
    assert any(p.block == 3 for p in richer.passages)


def test_recogniser_mentions_count_by_canonical_name(taxonomy):
    texts = [FILLER, "Troops rehearsed near the Taiwan Strait.", "Later Tsai told reporters she was calm."]
    start = texts[2].index("Tsai")
    mention = Mention(2, start, start + 4, "Tsai", "person", "Tsai Ing-wen")
    without = issue(detect(taxonomy, texts), "taiwan")
    with_mention = issue(detect(taxonomy, texts, [mention]), "taiwan")
    assert without is None
    assert with_mention and any(p.block == 2 for p in with_mention.passages)


def test_a_mention_inside_a_cue_is_not_counted_twice(taxonomy):
    texts = [FILLER, "Ships crossed the Taiwan Strait.", "Another convoy followed."]
    start = texts[1].index("Taiwan")
    mention = Mention(1, start, start + 6, "Taiwan", "place", "Taiwan")
    assert detect(taxonomy, texts, [mention]) == detect(taxonomy, texts)


def test_scores_fall_with_length_for_the_same_evidence(taxonomy):
    evidence = ["Ships crossed the Taiwan Strait.", "Taipei protested."]
    short = issue(detect(taxonomy, [*evidence, FILLER]), "taiwan")
    long = issue(detect(taxonomy, [*evidence, *[FILLER] * 60]), "taiwan")
    assert short and 0 < short.score <= 1
    assert long is None or long.score < short.score


def test_hits_come_strongest_first(taxonomy):
    hits = detect(taxonomy, FIXTURE.read_text(encoding="utf-8").split("\n"))
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_passage_is_the_sentence_holding_the_cue(taxonomy):
    text = "Mr. Lee arrived on Monday. Officials said tariffs on steel would rise in May. Dinner followed."
    hits = detect(taxonomy, [text, "Dumping of steel was also raised."])
    passage = issue(hits, "trade-decoupling-derisking").passages[0]
    assert passage.text == "Officials said tariffs on steel would rise in May."
    assert text[passage.start : passage.end] == passage.text


def test_passage_of_a_huge_sentence_is_the_clause_around_the_cue(taxonomy):
    words = " ".join(["and the delegates argued at length over procedure"] * 8)
    text = f"The meeting began {words}, while tariffs on steel rose again, {words}."
    hits = detect(taxonomy, [text, "Tariffs on cars rose too."])
    passage = issue(hits, "trade-decoupling-derisking").passages[0]
    assert "tariffs on steel" in passage.text and len(passage.text) <= MAX_PASSAGE
    assert text[passage.start : passage.end] == passage.text


@pytest.mark.parametrize(
    "texts",
    [
        ["no capitals at all in this text about tariffs and trade wars and sanctions. " * 50],
        ["ALL CAPITALS ABOUT TARIFFS AND THE TAIWAN STRAIT AND SANCTIONS. " * 50],
        ["台湾海峡局势紧张。美国宣布新的出口管制。" * 200],
        ["tariffs " + "word " * 200_000],  # one paragraph of 1 MB
        ["", " ", "\u00a0"],
    ],
)
def test_odd_text_never_crashes_and_passages_stay_readable(taxonomy, texts):
    for hit in detect(taxonomy, texts):
        assert 0 < hit.score <= 1
        for p in hit.passages:
            assert len(p.text) <= MAX_PASSAGE and texts[p.block][p.start : p.end] == p.text


def test_fixture_article_finds_its_issues_with_listed_evidence(taxonomy):
    lines = FIXTURE.read_text(encoding="utf-8").split("\n")
    texts = [line.lstrip("• ") for line in lines]
    hits = detect(taxonomy, texts)
    found = {h.id: h for h in hits}
    assert {"taiwan", "export-controls-technology", "russia-ukraine-war", "human-rights", "trade-decoupling-derisking"} <= set(found)
    assert any("invasion of Ukraine" in p.text for p in found["russia-ukraine-war"].passages)
    assert "climate" not in found and "fentanyl-drugs" not in found


def test_names_alone_add_weight_but_do_not_make_an_issue(taxonomy):
    texts = [FILLER, "Lai Ching-te opened a library in Taipei.", "Later Lai Ching-te toured a TSMC museum."]
    assert issue(detect(taxonomy, texts), "taiwan") is None


def test_a_cue_inside_an_unrelated_organisation_name_does_not_count(taxonomy):
    texts = [FILLER, "The Military Road Trust said roads were shut.", "The Military Road Trust later reopened them."]
    mentions = [Mention(b, 4, 23, "Military Road Trust", "org", "Military Road Trust") for b in (1, 2)]
    assert issue(detect(taxonomy, texts), "military-security")  # without the names, "military" twice
    assert issue(detect(taxonomy, texts, mentions), "military-security") is None


def test_a_cue_inside_a_related_organisation_name_still_counts(taxonomy):
    texts = [FILLER, "The Military Commission said the exercise went well.", "The Military Commission later said it had ended."]
    mentions = [Mention(b, 4, 23, "Military Commission", "org", "Central Military Commission") for b in (1, 2)]
    assert issue(detect(taxonomy, texts, mentions), "military-security")


def test_a_long_sentence_with_a_colon_is_kept_whole(taxonomy):
    """A reader judges evidence by its sentence: the half before a colon belongs to it."""
    sentence = (
        "The administration presented the measures as a response to Chinese industrial policy: state "
        "support, it argues, has created production capacity far beyond domestic demand in electric "
        "vehicles, batteries and solar panels, and the surplus is being exported at prices that threaten "
        "factories built with US climate and infrastructure subsidies and their workers."
    )
    text = f"Few electric cars are sold today. {sentence} Officials pressed the point about overcapacity."
    hits = detect(taxonomy, [text, "Tariffs on cars rose too."])
    passages = [p.text for p in issue(hits, "trade-decoupling-derisking").passages]
    assert sentence in passages


def test_the_title_and_standfirst_are_evidence_with_their_own_block_numbers(taxonomy):
    title, standfirst = "Taiwan's KMT picks Hou Yu-ih", "Troops drilled near the Taiwan Strait."
    hit = issue(detect(taxonomy, [], title=title), "taiwan")  # a feed item with a title alone
    assert hit and [(p.block, p.text) for p in hit.passages] == [(TITLE_BLOCK, title)]
    hit = issue(detect(taxonomy, ["The party met in Taipei."], title=title, standfirst=standfirst), "taiwan")
    assert [p.block for p in hit.passages] == [TITLE_BLOCK, STANDFIRST_BLOCK, 0]
