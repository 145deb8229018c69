"""Links from a read-later export are fetched by `cuttings fetch`: once each, with their tags
and marks, a failed one kept with its reason and tried again next time."""

from __future__ import annotations

import json

from library.readstate import ReadState
from library.savedlinks import SavedLinks
from library.store import Library
from tests.conftest import run_cli
from tests.web_support import article_page, site  # noqa: F401  (the fixture)


def instapaper_export(tmp_path, site):
    rows = [
        (site.add("/drills", article_page("Drills around the Taiwan Strait")), "Drills around the Taiwan Strait", "Starred"),
        (site.add("/chips", article_page("New rules for chip exports")), "New rules for chip exports", "Archive"),
        (site.url("/gone"), "A page that went away", "Beat notes"),
    ]
    export = tmp_path / "instapaper.csv"
    export.write_text("URL,Title,Selection,Folder,Timestamp\n" + "".join(f"{u},{t},,{f},1700000000\n" for u, t, f in rows))
    return export


def test_fetch_saves_pending_links_once_with_their_marks_and_keeps_failures(tmp_path, site):
    root = tmp_path / "lib"
    assert run_cli("import", str(instapaper_export(tmp_path, site)), library=root).returncode == 0
    first = run_cli("fetch", "--json", library=root)
    assert first.returncode == 1, first.stderr  # one link failed
    rows = [json.loads(line) for line in first.stdout.splitlines()]
    by_url = {row["link"]: row for row in rows if "link" in row}
    assert by_url[site.url("/drills")]["status"] == "imported"
    assert by_url[site.url("/gone")]["status"] == "error" and "/gone" in by_url[site.url("/gone")]["error"]
    assert rows[-1]["summary"]["new"] == 2 and rows[-1]["summary"]["links failed"] == 1
    library = Library(root)
    drills = library.get(by_url[site.url("/drills")]["id"])
    chips = library.get(by_url[site.url("/chips")]["id"])
    state = ReadState(library)
    assert state.get(drills.id).starred and not state.get(drills.id).read
    assert state.get(chips.id).read
    links = {link.url: link for link in SavedLinks(library).links()}
    assert links[site.url("/drills")].status == "fetched" and links[site.url("/drills")].article == drills.id
    assert links[site.url("/gone")].status == "failed" and "404" in links[site.url("/gone")].error

    site.add("/gone", article_page("A page that came back"))
    asked = len(site.requests("/drills"))
    second = run_cli("fetch", library=root)
    assert second.returncode == 0, second.stderr
    assert second.stdout.strip().endswith("1 saved links: 1 saved, 0 failed; 1 new articles")
    assert len(site.requests("/drills")) == asked  # fetched once, never again
    assert len(Library(root).entries()) == 3


def test_the_new_articles_of_saved_links_are_searchable(tmp_path, site):
    root = tmp_path / "lib"
    run_cli("import", str(instapaper_export(tmp_path, site)), library=root)
    run_cli("fetch", library=root)
    found = run_cli("search", "title:drills", "--json", library=root)
    assert found.returncode == 0, found.stderr
    assert [hit["title"] for hit in json.loads(found.stdout)["hits"]] == ["Drills around the Taiwan Strait"]
