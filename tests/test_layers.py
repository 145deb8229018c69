"""The domain and index packages must never depend on the UI toolkit."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_library_and_index_never_import_textual_or_tui():
    offenders = []
    for package in ("library", "index"):
        for path in (ROOT / package).rglob("*.py"):
            bad = imported_modules(path) & {"textual", "tui"}
            if bad:
                offenders.append(f"{path.relative_to(ROOT)} imports {sorted(bad)}")
    assert offenders == []


def test_library_never_imports_index():
    offenders = [
        str(p.relative_to(ROOT)) for p in (ROOT / "library").rglob("*.py") if "index" in imported_modules(p)
    ]
    assert offenders == []


def test_the_checker_sees_an_import(tmp_path):
    sample = tmp_path / "m.py"
    sample.write_text("def f():\n    from textual.app import App\n")
    assert "textual" in imported_modules(sample)
