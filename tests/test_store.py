"""Articles survive the round trip to disk, and the library folder stays the source of truth."""

import datetime as dt
import json

import pytest

from library.articlefile import ArticleFileError, dump_article, load_article
from library.model import Block, clean_text
from library.store import ArticleNotFound, Library

from tests.conftest import make_article


def test_article_file_round_trip_keeps_every_block_and_field(library):
    article = make_article(
        standfirst="A short summary.",
        author="Jane Roe",
        url="https://example.org/a",
        tags=("chips", "trade/de-risking"),
        blocks=(
            Block("heading", "Heading"),
            Block("paragraph", "- this paragraph starts like a bullet"),
            Block("paragraph", "# and this one like a heading"),
            Block("paragraph", "\\ a backslash first"),
            Block("paragraph", "*Caption:* not really a caption"),
            Block("bullet", "A key point"),
            Block("caption", "Photo by A. Person / AFP"),
            Block("quote", "Said with [bold]markup[/bold] inside"),
        ),
    )
    result = library.add(article)
    again = library.get(result.id)
    assert again.blocks == article.blocks
    assert (again.title, again.standfirst, again.date, again.author, again.url, again.tags) == (
        article.title, article.standfirst, article.date, article.author, article.url, article.tags)
    assert again.content_hash == article.content_hash


def test_article_file_is_plain_markdown_with_front_matter(library):
    result = library.add(make_article())
    text = library.path_of(result.id).read_text()
    assert text.startswith("---\n")
    assert "title: Chip rules tighten" in text
    assert "\n## What changes\n" in text
    assert "\n- Licences are needed for more chipmaking tools.\n" in text


def test_id_is_a_readable_slug_plus_a_short_hash(library):
    result = library.add(make_article(title="Xi meets Blinken in Beijing!"))
    assert result.id.startswith("xi-meets-blinken-in-beijing-")
    assert len(result.id.rsplit("-", 1)[1]) == 8


def test_same_content_twice_is_a_duplicate_not_a_second_file(library):
    first = library.add(make_article())
    second = library.add(make_article())
    assert (second.status, second.id) == ("duplicate", first.id)
    assert len(list(library.articles_dir.glob("*.md"))) == 1


def test_new_version_of_an_article_keeps_its_id(library):
    first = library.add(make_article())
    edited = make_article(blocks=(Block("paragraph", "A corrected text."),))
    second = library.add(edited)
    assert (second.status, second.id) == ("updated", first.id)
    assert library.get(first.id).blocks == (Block("paragraph", "A corrected text."),)


def test_entries_are_newest_first_with_undated_last(library):
    library.add(make_article("Old", date=dt.date(2022, 1, 1)))
    library.add(make_article("New", date=dt.date(2024, 1, 13)))
    library.add(make_article("Undated", date=None))
    assert [e.title for e in library.entries()] == ["New", "Old", "Undated"]


def test_entries_follow_each_change_in_the_same_library_object(library):
    old = library.add(make_article("Old", date=dt.date(2022, 1, 1))).id
    listed = library.entries()
    listed.clear()  # the caller's copy: the library's own order is untouched
    assert [e.title for e in library.entries()] == ["Old"]
    library.add(make_article("New", date=dt.date(2024, 1, 13)))
    assert [e.title for e in library.entries()] == ["New", "Old"]
    library.remove(old)
    assert [e.title for e in library.entries()] == ["New"]
    library.refresh()
    assert [e.title for e in library.entries()] == ["New"]


def test_verify_sees_an_article_edited_in_place(library):
    result = library.add(make_article())
    path = library.path_of(result.id)
    path.write_text(path.read_text().replace("title: Chip rules tighten", "title: Edited by hand"))
    fresh = Library(library.root)
    assert [e.title for e in fresh.verify()] == ["Edited by hand"]


def test_a_deleted_catalogue_is_rebuilt_from_the_files(library):
    result = library.add(make_article())
    (library.cache_dir / "catalogue.json").unlink()
    assert [e.id for e in Library(library.root).entries()] == [result.id]


def test_a_corrupt_catalogue_is_ignored(library):
    result = library.add(make_article())
    (library.cache_dir / "catalogue.json").write_text("{not json")
    assert [e.id for e in Library(library.root).entries()] == [result.id]


def test_an_unreadable_article_file_is_reported_and_the_rest_listed(library):
    good = library.add(make_article())
    (library.articles_dir / "broken.md").write_text("---\ntitle: [unclosed\n---\nbody\n")
    fresh = Library(library.root)
    assert [e.id for e in fresh.entries()] == [good.id]
    assert any("broken.md" in p and "YAML" in p for p in fresh.problems)


def test_remove_deletes_the_file_and_the_entry(library):
    result = library.add(make_article())
    library.remove(result.id)
    assert not library.path_of(result.id).exists()
    with pytest.raises(ArticleNotFound):
        library.get(result.id)
    assert Library(library.root).entries() == []


def test_ids_cannot_escape_the_articles_folder(library):
    for bad in ("../etc/passwd", ".hidden", ""):
        with pytest.raises(ArticleNotFound):
            library.get(bad)


def test_broken_front_matter_names_the_file_and_line():
    with pytest.raises(ArticleFileError, match=r"a\.md: line \d+ broken YAML"):
        load_article("---\ntitle: ok\ndate: [2023\n---\ntext\n", "a.md")


def test_clean_text_removes_terminal_escapes_and_folds_space():
    assert clean_text("a\x1b[31mred\x07  b\n c\u200b") == "a [31mred b c"


def test_writes_leave_no_temp_files(library):
    library.add(make_article())
    leftovers = [p.name for p in library.root.rglob("*.tmp")]
    assert leftovers == []


def test_to_json_has_the_documented_shape(library):
    article = library.get(library.add(make_article()).id)
    data = json.loads(json.dumps(article.to_json()))
    assert set(data) == {"id", "title", "standfirst", "date", "source", "author", "url", "tags", "blocks"}
    assert data["date"] == "2022-10-08"
    assert {b["kind"] for b in data["blocks"]} == {"paragraph", "heading", "bullet", "caption", "quote"}


def test_dump_is_stable(library):
    article = make_article().with_id()
    assert dump_article(article) == dump_article(load_article(dump_article(article), "x.md"))


def test_two_library_objects_writing_in_turn_lose_nothing(library):
    other = Library(library.root)
    ids = []
    for n in range(6):
        writer = library if n % 2 else other
        ids.append(writer.add(make_article(f"Article {n}")).id)
    assert sorted(e.id for e in Library(library.root).entries()) == sorted(ids)


def test_bulk_adds_save_the_catalogue_once_at_the_end(library):
    with library.bulk():
        for n in range(5):
            library.add(make_article(f"Bulk {n}"))
        assert library.add(make_article("Bulk 0")).status == "duplicate"
    assert len(Library(library.root).entries()) == 5


def test_a_file_added_by_hand_is_listed_without_verify(library):
    library.add(make_article("First"))
    article = make_article("Copied in by hand").with_id()
    (library.articles_dir / f"{article.id}.md").write_text(dump_article(article))
    assert sorted(e.title for e in Library(library.root).entries()) == ["Copied in by hand", "First"]


def test_two_threads_asking_for_the_list_at_once_read_the_catalogue_once(tmp_path, monkeypatch):
    """The app's list and its file watcher both ask at start; at 100,000 articles a second read
    of catalogue.json would hold up the first paint for another half second."""
    import threading
    import time

    from library import store

    library = Library(tmp_path / "lib").ensure()
    for n in range(3):
        library.add(make_article(title=f"Article {n}"))
    reads = []

    def slow_read(path):
        reads.append(path)
        time.sleep(0.2)
        return real_read(path)

    real_read = store.read_cache
    monkeypatch.setattr(store, "read_cache", slow_read)
    fresh = Library(library.root, trust_folder=True)
    listed = []
    threads = [threading.Thread(target=lambda: listed.append(len(fresh.entries()))) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert listed == [3, 3] and len(reads) == 1
