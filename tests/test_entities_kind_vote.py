"""One entity, one kind across the library: an article that alone reads a name as another
kind follows the library's evidence, after a restart too, unless the user typed the name."""

import datetime as dt
import json

from library.analysis import Analyser, library_entity_counts
from library.entities.user import add_entity
from library.model import Article, Block
from .conftest import run_cli

# Each of these reads "Vantor" as a company: the article puts "the" before it again and again.
COMPANY = (Block("paragraph", "Shares in the Vantor group fell. Analysts said the Vantor deal was late, "
                              "and the Vantor board met twice."),)
# Alone, this one reads it as a person: someone who "said" something.
SPEAKER = (Block("paragraph", "Vantor said on Monday that prices would rise."),)


def article(title, blocks, day):
    return Article(title=title, blocks=blocks, date=day, source="Harbour Times")


def kinds_of(found, canonical="Vantor"):
    return {m.kind for m in found.entities if m.canonical == canonical}


def add_articles(library):
    for day in (1, 2):
        library.add(article(f"Vantor results {day}", COMPANY, dt.date(2024, 5, day)))
    return library.add(article("Vantor speaks", SPEAKER, dt.date(2024, 5, 9)))


def test_a_name_gets_the_kind_most_of_the_library_gives_it(library):
    speaker = add_articles(library)
    analyser = Analyser.for_library(library.root)
    assert kinds_of(analyser.analyse_texts([b.text for b in SPEAKER])) == {"person"}  # the article alone
    counts = library_entity_counts(library, analyser)
    assert counts[("Vantor", "org")] == 3 and ("Vantor", "person") not in counts
    assert kinds_of(analyser.analyse(library.get(speaker.id))) == {"org"}


def test_the_vote_is_kept_with_the_analysis_cache_across_restarts(library):
    speaker = add_articles(library)
    assert run_cli("entities", library=library).returncode == 0  # counts the whole library
    shown = run_cli("entities", speaker.id, "--json", library=library)  # a new process
    found = [json.loads(line) for line in shown.stdout.splitlines()]
    assert {m["kind"] for m in found if m["canonical"] == "Vantor"} == {"org"}


def test_the_users_entities_yaml_wins_over_the_vote(library):
    speaker = add_articles(library)
    add_entity(library.root, "Vantor", "person")
    analyser = Analyser.for_library(library.root)
    library_entity_counts(library, analyser)
    assert kinds_of(analyser.analyse(library.get(speaker.id))) == {"person"}


# Match reports name the club by the game's words around it; a property piece names the district.
MATCH = (Block("paragraph", "Chelsea beat Arsenal 2-1 on Saturday. The Chelsea striker scored twice, the "
                            "referee sent off a defender and the Arsenal manager blamed the keeper."),)
DISTRICT = (Block("paragraph", "House prices rose again in Chelsea, agents said."),)


def test_a_name_read_as_a_club_and_as_a_place_gets_one_kind_across_the_library(library):
    for day in (1, 2, 3):
        library.add(article(f"Match report {day}", MATCH, dt.date(2024, 5, day)))
    district = library.add(article("Prices", DISTRICT, dt.date(2024, 5, 9)))
    analyser = Analyser.for_library(library.root)
    assert kinds_of(analyser.analyse_texts([b.text for b in DISTRICT]), "Chelsea") == {"place"}  # alone
    counts = library_entity_counts(library, analyser)
    assert ("Chelsea", "org") in counts and ("Chelsea", "place") not in counts
    assert ("Arsenal", "org") in counts
    assert kinds_of(analyser.analyse(library.get(district.id)), "Chelsea") == {"org"}
