"""Tagged passages are saved beside the article, survive edits and re-imports, and are never lost."""

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import replace

import pytest
import yaml

from library.annotations import Annotations, AnnotationError, ArticleText
from library.model import Article, Block

from tests.conftest import ROOT

V1 = (
    Block("heading", "Talks resume in Beijing"),
    Block("paragraph", "The envoy met the premier in Beijing on Monday, the first such visit in five years."),
    Block("paragraph", "Both sides agreed to keep channels open, but no deal on military hotlines was reached."),
    Block("paragraph", "Analysts said the tone was warmer than expected, though export controls remain in place."),
    Block("bullet", "Officials urged Washington to stop suppressing their technology sector."),
    Block("paragraph", "A follow-up meeting of trade officials is planned for the autumn."),
)


def envoy_article(blocks=V1) -> Article:
    return Article(title="Envoy in Beijing", blocks=tuple(blocks), source="Harbour Review", date=dt.date(2023, 6, 19))


@pytest.fixture
def tagged(library):
    article_id = library.add(envoy_article()).id
    return library, Annotations(library), article_id


def words_at(library, passage) -> str:
    text = ArticleText.of(library.get(passage.article_id))
    lo, hi = text.span(passage.anchor)
    return text.text[lo:hi]


def test_a_tag_is_saved_in_a_sidecar_file_and_the_article_file_is_untouched(tagged):
    library, annotations, article_id = tagged
    article_file = library.path_of(article_id)
    before = article_file.read_bytes()
    change = annotations.add_by_quote(article_id, "no deal on military hotlines", ["security/hotlines"], note="compare May")
    assert article_file.read_bytes() == before
    data = yaml.safe_load((library.root / "annotations" / f"{article_id}.yaml").read_text())
    (saved,) = data["passages"]
    assert saved["id"] == change.after.id and saved["tags"] == ["security/hotlines"]
    assert saved["anchor"]["exact"] == "no deal on military hotlines" and saved["note"] == "compare May"
    assert Annotations(library).for_article(article_id) == [change.after]


def test_tagging_the_same_words_again_adds_tags_to_one_passage(tagged):
    library, annotations, article_id = tagged
    first = annotations.add(article_id, 1, 4, 9, ["people"]).after
    again = annotations.add(article_id, 1, 4, 9, ["envoys", "people"], note="who?")
    assert again.before == first and again.after.id == first.id
    assert again.after.tags == ("people", "envoys") and again.after.note == "who?"
    assert len(annotations.for_article(article_id)) == 1


def test_untag_update_and_undo_redo_through_changes(tagged):
    library, annotations, article_id = tagged
    made = annotations.add_by_quote(article_id, "export controls", ["trade", "chips"], note="n")
    passage_id = made.after.id
    less = annotations.untag(passage_id, "trade")
    assert annotations.passage(passage_id).tags == ("chips",)
    annotations.apply(less.inverse())                        # undo
    assert annotations.passage(passage_id).tags == ("trade", "chips")
    gone = annotations.untag(passage_id)
    assert annotations.for_article(article_id) == []
    annotations.apply(gone.inverse())                        # undo a removal brings the note back too
    assert annotations.passage(passage_id).note == "n"
    annotations.apply(gone)                                  # redo
    assert annotations.for_article(article_id) == []
    annotations.apply(made.inverse().inverse())              # redo of the first tag after undoing all
    edited = annotations.update(passage_id, note="rewritten")
    assert annotations.passage(passage_id).note == "rewritten"
    with pytest.raises(AnnotationError, match="changed elsewhere"):
        annotations.apply(made.inverse().inverse())          # stale: the passage exists again already
    annotations.apply(edited.inverse())
    assert annotations.passage(passage_id).note == "n"


def test_recent_tags_come_newest_first_and_counts_add_up(tagged):
    library, annotations, article_id = tagged
    annotations.add_by_quote(article_id, "Talks resume", ["a"])
    annotations.add_by_quote(article_id, "the premier", ["b", "a"])
    annotations.add_by_quote(article_id, "export controls", ["c/d"])
    assert annotations.recent_tags(2) == ["c/d", "b"] or annotations.recent_tags(2) == ["c/d", "a"]
    assert annotations.tag_counts() == {"a": 2, "b": 1, "c/d": 1}
    assert {p.quote for p in annotations.passages(tag="C")} == {"export controls"}


def test_bad_requests_are_refused_with_one_line_and_write_nothing(tagged):
    library, annotations, article_id = tagged
    folder = library.root / "annotations"
    cases = [
        (lambda: annotations.add_by_quote(article_id, "Beijing", ["x"]), "occurs 2 times"),
        (lambda: annotations.add_by_quote(article_id, "Beijing", ["x"], occurrence=3), "no occurrence 3"),
        (lambda: annotations.add_by_quote(article_id, "Shanghai", ["x"]), "quote not found"),
        (lambda: annotations.add_by_quote("no-such-article", "x", ["x"]), "no article with id 'no-such-article'"),
        (lambda: annotations.add(article_id, 0, 0, 5, ["trade/"]), "must not start or end"),
        (lambda: annotations.untag("ffffffffff"), "no tagged passage"),
    ]
    for call, message in cases:
        with pytest.raises(AnnotationError, match=message) as info:
            call()
        assert "\n" not in str(info.value)
    assert not folder.exists() or not list(folder.glob("*.yaml"))


def test_reimporting_an_edited_article_keeps_every_tag_on_its_words(tagged):
    library, annotations, article_id = tagged
    expected = {
        annotations.add_by_quote(article_id, "the first such visit in five years", ["visits"]).after.id:
            "the first such visit in five years",
        annotations.add_by_quote(article_id, "no deal on military hotlines was reached", ["security"]).after.id:
            "no deal on military hot lines was reached",
        annotations.add_by_quote(article_id, "Beijing", ["places"], occurrence=2).after.id: "Beijing",
        annotations.add_by_quote(article_id, "technology sector. A follow-up meeting", ["tech"]).after.id:
            "technology sector.\nA follow-up meeting",
        annotations.add(article_id, 5, 0, len(V1[5].text), ["plans"]).after.id: V1[5].text,
    }
    gone = annotations.add_by_quote(article_id, "export controls remain in place", ["trade"]).after.id
    v2 = (
        V1[0],
        Block("paragraph", "This report was corrected on Tuesday."),
        V1[1],
        Block("paragraph", V1[2].text.replace("hotlines", "hot lines")),
        Block("paragraph", "Analysts said the tone was warmer than expected."),
        V1[4],
        Block("paragraph", V1[5].text + " It may be held in Washington."),
    )
    result = library.add(envoy_article(v2))
    assert (result.status, result.id) == ("updated", article_id)

    fresh = Annotations(library)
    passages = {p.id: p for p in fresh.for_article(article_id)}
    assert {pid for pid, p in passages.items() if p.orphan} == {gone}
    for passage_id, words in expected.items():
        assert words_at(library, passages[passage_id]) == words
    assert "premier in " in passages[[i for i, w in expected.items() if w == "Beijing"][0]].anchor.prefix
    assert passages[gone].quote == "export controls remain in place"           # kept, quote and all
    saved = yaml.safe_load((library.root / "annotations" / f"{article_id}.yaml").read_text())
    assert saved["content_hash"] == library.get(article_id).content_hash      # re-anchoring was saved
    assert [p.id for p in Annotations(library).orphans()] == [gone]


def test_a_removed_articles_passages_are_listed_as_orphans(tagged):
    library, annotations, article_id = tagged
    annotations.add_by_quote(article_id, "export controls", ["trade"])
    library.remove(article_id)
    (orphan,) = Annotations(library).orphans()
    assert orphan.quote == "export controls"


def test_a_corrupt_tag_file_is_reported_on_reading_and_moved_aside_only_by_a_change(tagged):
    library, annotations, article_id = tagged
    path = library.root / "annotations" / f"{article_id}.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text("passages: [ {id: x, tags: [unclosed\n")
    fresh = Annotations(library)
    assert fresh.for_article(article_id) == [] and fresh.passages() == []
    (problem,) = fresh.problems
    assert str(path) in problem and "broken YAML" in problem and "left out" in problem
    assert list(path.parent.glob("*.corrupt-*")) == [] and path.read_text() == "passages: [ {id: x, tags: [unclosed\n"
    fresh.add_by_quote(article_id, "export controls", ["trade"])
    assert "moved aside" in fresh.problems[-1]
    (aside,) = path.parent.glob(f"{article_id}.yaml.corrupt-*")
    assert aside.read_text() == "passages: [ {id: x, tags: [unclosed\n"
    assert [p.quote for p in Annotations(library).for_article(article_id)] == ["export controls"]


WRITER = """
import sys
from library.store import Library
from library.annotations import Annotations
annotations = Annotations(Library(sys.argv[1]))
article_id, name, count = sys.argv[2], sys.argv[3], int(sys.argv[4])
blocks = annotations.library.get(article_id).blocks
for i in range(count):
    block = i % len(blocks)
    start = (i // len(blocks)) % max(1, len(blocks[block].text) - 6)
    change = annotations.add(article_id, block, start, start + 5, [f"{name}/{i}"])
    print(change.after.id, f"{name}/{i}", flush=True)
"""


def start_writer(library, article_id, name, count):
    return subprocess.Popen([sys.executable, "-c", WRITER, str(library.root), article_id, name, str(count)],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT)


def acknowledged(output: str) -> list[tuple[str, str]]:
    return [tuple(line.split()) for line in output.splitlines() if len(line.split()) == 2]


def assert_all_there(library, article_id, acks):
    annotations = Annotations(library)
    by_id = {p.id: p for p in annotations.for_article(article_id)}
    assert annotations.problems == []
    missing = [(pid, tag) for pid, tag in acks if pid not in by_id or tag not in by_id[pid].tags]
    assert missing == []


def test_two_writers_at_once_lose_nothing(tagged):
    library, annotations, article_id = tagged
    writers = [start_writer(library, article_id, name, 40) for name in ("app", "script")]
    acks = []
    for writer in writers:
        out, _ = writer.communicate(timeout=120)
        assert writer.returncode == 0
        acks += acknowledged(out)
    assert len(acks) == 80
    assert_all_there(library, article_id, acks)


def test_killing_a_writer_at_random_points_loses_no_acknowledged_tag(tagged):
    library, annotations, article_id = tagged
    rng = random.Random(os.getpid())
    acks = []
    for round_number in range(4):
        writer = start_writer(library, article_id, f"round{round_number}", 100_000)
        first = writer.stdout.readline()  # it is writing now; kill it somewhere in the next stretch
        time.sleep(rng.random() * 0.3)
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate(timeout=30)
        acks += acknowledged(first + out)
        yaml.safe_load((library.root / "annotations" / f"{article_id}.yaml").read_text())  # still parseable
    assert len(acks) >= 4
    assert_all_there(library, article_id, acks)


def test_a_passage_edited_by_hand_out_of_place_is_put_back_on_its_words(tagged):
    library, annotations, article_id = tagged
    passage = annotations.add_by_quote(article_id, "export controls", ["trade"]).after
    path = library.root / "annotations" / f"{article_id}.yaml"
    path.write_text(path.read_text().replace(f"start: {passage.anchor.start}", "start: 0"))
    annotations.add_by_quote(article_id, "Talks resume", ["x"])  # any write re-checks the anchors
    again = {p.id: p for p in Annotations(library).for_article(article_id)}[passage.id]
    assert words_at(library, again) == "export controls"
    assert replace(again, anchor=passage.anchor) == passage


def three_passages(tagged) -> tuple:
    library, annotations, article_id = tagged
    for quote, tag in (("premier in Beijing", "people"), ("military hotlines", "defence"), ("export controls", "trade")):
        annotations.add_by_quote(article_id, quote, [tag])
    return library, article_id, library.root / "annotations" / f"{article_id}.yaml"


def test_one_bad_passage_hides_only_itself_and_is_set_aside_by_the_next_change(tagged):
    library, article_id, path = three_passages(tagged)
    data = yaml.safe_load(path.read_text())
    del data["passages"][1]["anchor"]  # the defence passage
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    damaged = path.read_bytes()
    reader = Annotations(library)
    assert sorted(p.tags[0] for p in reader.passages()) == ["people", "trade"]
    (problem,) = reader.problems
    assert str(path) in problem and "passage 2 is incomplete or malformed" in problem
    assert path.read_bytes() == damaged and list(path.parent.glob("*.corrupt-*")) == []  # reading moves nothing
    writer = Annotations(library)
    writer.add_by_quote(article_id, "follow-up meeting", ["diplomacy"])
    assert "kept the passages that could be read" in writer.problems[-1]
    (aside,) = path.parent.glob(f"{article_id}.yaml.corrupt-*")
    assert aside.name in writer.problems[-1] and aside.read_bytes() == damaged
    after = Annotations(library)
    assert sorted(p.tags[0] for p in after.passages()) == ["diplomacy", "people", "trade"] and after.problems == []


@pytest.mark.parametrize("kept", [0, 1, 2])
def test_a_tag_file_cut_short_is_noticed_though_what_is_left_is_valid_yaml(tagged, kept):
    library, article_id, path = three_passages(tagged)
    text = path.read_text()
    starts = [i for i in range(len(text)) if text.startswith("\n- id:", i)]
    cut = (starts + [text.index("\ncount:")])[kept + 1] + 1  # just before passage kept+2, or before the count
    path.write_text(text[:cut])
    yaml.safe_load(path.read_text())  # still valid YAML
    reader = Annotations(library)
    assert len(reader.passages()) == kept + 1
    (problem,) = reader.problems
    assert str(path) in problem and "cut short" in problem


def test_a_tag_file_of_the_first_format_without_a_count_reads_without_a_warning(tagged):
    library, article_id, path = three_passages(tagged)
    text = path.read_text()
    path.write_text(text[: text.index("count:")].replace("version: 2", "version: 1"))
    reader = Annotations(library)
    assert len(reader.passages()) == 3 and reader.problems == []
