"""False issues: sport, entertainment and business news (tests/fixtures/issues/offtopic, written
for this) must rarely get a political issue, while the sample and the demo keep theirs.
`python tests/perf/issue_dev.py` prints the figures and the false issues one by one."""

import pytest

from library.analysis import Analyser
from library.importers import read_articles
from library.issues import Taxonomy, detect
from tests.perf.issue_dev import SAMPLE_ISSUES, demo_articles, offtopic_articles, sample_path

MAX_OFFTOPIC_SHARE = 0.03
DEMO_ISSUES_BEFORE = 74  # the demo's issues before weak cues and context words (all 19 articles)


@pytest.fixture(scope="module")
def analyser():
    return Analyser.for_library(None, cache=False)


@pytest.fixture(scope="module")
def taxonomy():
    return Taxonomy.shipped()


def ids(hits) -> set[str]:
    return {h.id for h in hits}


def test_few_offtopic_articles_get_an_issue(analyser):
    articles = offtopic_articles()
    assert len(articles) >= 50
    flagged = {name: sorted(ids(analyser.analyse(a).issues)) for name, a in articles}
    flagged = {name: found for name, found in flagged.items() if found}
    assert len(flagged) / len(articles) < MAX_OFFTOPIC_SHARE, flagged


def test_the_sample_keeps_all_its_issues(analyser):
    path = sample_path()
    if path is None:
        pytest.skip("the shared sample is not beside this checkout")
    assert SAMPLE_ISSUES <= ids(analyser.analyse(read_articles(path)[0]).issues)


def test_the_demo_keeps_nearly_all_its_issues(analyser):
    articles = demo_articles()
    found = [ids(analyser.analyse(a).issues) for a in articles]
    assert all(found)
    assert sum(map(len, found)) >= DEMO_ISSUES_BEFORE - 4


def test_ballots_and_votes_alone_are_not_an_election(taxonomy):
    texts = ["Oscar ballots were sent to the Academy's members, who vote by February.",
             "Votes are counted in secret; the candidates for best picture wait."]
    assert "elections-democracy" not in ids(detect(taxonomy, texts, title="Oscar ballots sent out"))
    texts = [*texts, "The presidential election is in November."]
    assert "elections-democracy" in ids(detect(taxonomy, texts))  # beside a cue, they count


def test_an_ambassador_alone_is_not_diplomacy(taxonomy):
    texts = ["The actress was named an ambassador for the festival.", "The ambassador will host a gala screening."]
    assert "diplomacy-summits" not in ids(detect(taxonomy, texts))
    texts = ["The ambassador met the foreign minister.", "The ambassador left for home."]
    assert "diplomacy-summits" in ids(detect(taxonomy, texts))


def test_a_film_or_a_match_needs_two_different_cues(taxonomy):
    texts = ["The Cold War spy film topped the box office with a story of counterintelligence.",
             "The actor plays a spy hunting a mole."]
    assert "cyber-espionage" not in ids(detect(taxonomy, texts))
    texts = [*texts, "Critics said its espionage plot was slow."]
    assert "cyber-espionage" in ids(detect(taxonomy, texts))
