"""Files that are not articles: each is refused with a reason naming the file, never a traceback."""

import os
from pathlib import Path

import pytest

from library.importers import ImportFailure, read_articles

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def refusal(path: Path) -> str:
    with pytest.raises(ImportFailure) as info:
        read_articles(path)
    assert str(info.value).startswith(f"{path}: ")
    assert "\n" not in str(info.value)
    return info.value.reason


def test_binary_files_are_refused(tmp_path):
    pdf = tmp_path / "report.txt"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n")
    assert "binary file (a PDF document)" in refusal(pdf)
    blob = tmp_path / "blob.txt"
    blob.write_bytes(bytes(range(256)) * 40)
    assert "binary" in refusal(blob)


def test_empty_and_blank_files_are_refused(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert refusal(empty) == "empty file"
    blank = tmp_path / "blank.md"
    blank.write_text("\n  \n\t\n", encoding="utf-8")
    assert "white space" in refusal(blank)


def test_a_50_mb_file_is_refused_without_being_read(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:  # sparse: made instantly, 50 MB by size
        handle.truncate(50 * 1024 * 1024)
    assert refusal(big) == "file is 50.0 MB; the limit is 20 MB"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_old_western_encodings_are_detected(tmp_path, encoding):
    text = (
        "Détente in Beijing\n\n"
        "The minister's café meeting with his counterpart was described as naïve by critics, "
        "but officials in Genève and Zürich welcomed the résumé of talks.\n"
    )
    if encoding == "cp1252":
        text = text.replace("minister's", "minister’s").replace("described as", "described – by some – as")
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    (article,) = read_articles(path)
    assert article.title == "Détente in Beijing"
    assert "café" in article.blocks[0].text and "Zürich" in article.blocks[0].text
    if encoding == "cp1252":
        assert "minister’s" in article.blocks[0].text and "–" in article.blocks[0].text


def test_broken_front_matter_names_the_problem():
    reason = refusal(FIXTURES / "broken-front-matter.md")
    assert "broken YAML front matter" in reason


def test_a_feed_without_entries_is_an_error():
    assert refusal(FIXTURES / "empty-feed.xml") == "feed has no entries"


def test_an_unreadable_or_vanished_file_is_refused(tmp_path):
    gone = tmp_path / "gone.txt"
    gone.symlink_to(tmp_path / "nowhere.txt")  # a dangling link fails to read even for root
    assert refusal(gone).startswith("cannot read")
    locked = tmp_path / "locked.txt"
    locked.write_text("Title\n\nBody text.\n", encoding="utf-8")
    locked.chmod(0)
    try:
        if os.geteuid() != 0:  # root reads it anyway
            assert refusal(locked) == "cannot read: Permission denied"
    finally:
        locked.chmod(0o644)


def test_a_folder_is_not_a_file(tmp_path):
    assert refusal(tmp_path) == "not a regular file"
