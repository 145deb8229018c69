"""import_paths and count_files as the app's import uses them: folders walked, progress reported."""

import shutil
from pathlib import Path

from library.importing import count_files, import_paths

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def test_folders_are_walked_for_article_files_only(tmp_path, library):
    folder = tmp_path / "saved"
    (folder / "deeper").mkdir(parents=True)
    shutil.copy(FIXTURES / "bali-plain.txt", folder / "bali.txt")
    shutil.copy(FIXTURES / "strait-watch.rss", folder / "deeper" / "feed.rss")
    (folder / "deeper" / "photo.png").write_bytes(b"\x89PNG\r\n")  # not an article: skipped
    (folder / ".hidden.txt").write_text("Hidden\n\nNot for import.\n", encoding="utf-8")
    (folder / ".git").mkdir()
    (folder / ".git" / "notes.txt").write_text("Internal\n\nNot for import.\n", encoding="utf-8")

    assert count_files([folder]) == 2
    calls = []
    outcomes = list(import_paths(library, [folder], on_progress=lambda done, path: calls.append((done, path.name))))
    assert calls == [(1, "bali.txt"), (2, "feed.rss")]
    assert [o.status for o in outcomes] == ["imported"] * 3 + ["skipped"]  # the feed holds two articles
    assert outcomes[-1].path.name == "photo.png"
    assert {o.title for o in outcomes[:3]} == {"What Biden and Xi said in Bali", "Raimondo opens a trade channel", "Blinken's visit is back on"}
    assert len(library.entries()) == 3


def test_a_file_named_explicitly_is_tried_whatever_its_suffix(tmp_path, library):
    image = tmp_path / "photo.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    (outcome,) = import_paths(library, [image])
    assert (outcome.status, outcome.error) == ("error", "binary file (a PNG image), not text")
    assert library.entries() == []
