"""`cuttings import -`: text copied from a page and piped in becomes one article."""

import json
import subprocess
import sys

from tests.conftest import ROOT, run_cli

COPIED = """Chip rules tighten again

By Ana Ruiz

2 March 2024

The Commerce Department widened its export controls on advanced chips on Tuesday, adding
equipment makers to the list.

Officials in Beijing said the rules would hurt trade between the two largest economies.
"""

PAGE = """<!doctype html><html><head><title>Hou picks a running mate</title></head>
<body><article><h1>Hou picks a running mate</h1>
<p>The Kuomintang candidate named his running mate on Monday, weeks before the vote in Taiwan.</p>
<p>Analysts in Taipei said the choice was meant to reach voters in the south of the island.</p>
</article></body></html>"""


def test_pasted_web_text_is_imported_once(tmp_path):
    first = run_cli("import", "-", "--json", library=tmp_path / "lib", input=COPIED)
    assert first.returncode == 0, first.stderr
    row = json.loads(first.stdout.splitlines()[0])
    assert (row["status"], row["title"], row["path"]) == ("imported", "Chip rules tighten again", "standard input")
    shown = run_cli("show", row["id"], library=tmp_path / "lib")
    assert "Officials in Beijing said the rules would hurt trade" in shown.stdout
    again = run_cli("import", "-", library=tmp_path / "lib", input=COPIED)
    assert again.stdout.splitlines()[0].startswith(f"duplicate of {row['id']}")


def test_pasted_html_is_read_as_html(tmp_path):
    result = run_cli("import", "-", "--json", library=tmp_path / "lib", input=PAGE)
    row = json.loads(result.stdout.splitlines()[0])
    assert row["title"] == "Hou picks a running mate"
    shown = run_cli("show", row["id"], library=tmp_path / "lib").stdout
    assert "<p>" not in shown and "running mate on Monday" in shown


def test_empty_or_binary_input_is_one_line_and_changes_nothing(tmp_path):
    empty = run_cli("import", "-", library=tmp_path / "lib", input="")
    assert empty.returncode == 1
    assert empty.stderr.strip() == "error: standard input: empty file"
    binary = subprocess.run(
        [sys.executable, "-m", "tui.cli", "--library", str(tmp_path / "lib"), "import", "-"],
        input=b"%PDF-1.7\n\x00\x01binary", capture_output=True, cwd=ROOT, timeout=60,
    )
    assert binary.returncode == 1 and b"Traceback" not in binary.stderr
    assert binary.stderr.decode().strip() == "error: standard input: binary file (a PDF document), not text"
    assert not list((tmp_path / "lib" / "articles").glob("*.md"))
