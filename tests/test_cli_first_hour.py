"""What a new user trips on at the command line (issue 13): each test runs `cuttings` as a user does."""

from __future__ import annotations

import json

from tests.conftest import make_article, run_cli


def test_library_option_is_taken_after_the_command_name_too(library):
    library.add(make_article("Placed after"))
    for args in (("list", "--json"), ("issues", "--json"), ("tags", "--json"), ("search", "placed", "--json")):
        result = run_cli(*args, "--library", str(library.root))
        assert result.returncode == 0, (args, result.stderr)
    listed = run_cli("list", "--json", "--library", str(library.root))
    assert json.loads(listed.stdout)["title"] == "Placed after"


def test_library_option_before_the_command_is_not_undone_by_the_command(library):
    library.add(make_article("Placed before"))
    result = run_cli("list", "--json", library=library)
    assert json.loads(result.stdout)["title"] == "Placed before"
