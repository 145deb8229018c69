"""The layers hold: the contracts in pyproject.toml ([tool.importlinter]) are kept, no project
modules import each other in a circle, and the command line starts without Textual."""

import os
import subprocess
import sys
from pathlib import Path

import grimp
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("library", "index", "tui")


def test_the_import_contracts_are_kept(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.syspath_prepend(str(ROOT))
    assert lint_imports(no_cache=True, no_logo=True) == 0  # its report names the offending import


def circles(graph) -> list[list[str]]:
    """The groups of modules that import each other round in a circle (Tarjan's components)."""
    found, order, low, stack, on_stack = [], {}, {}, [], set()

    def visit(module: str) -> None:
        order[module] = low[module] = len(order)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in order:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], order[imported])
        if low[module] == order[module]:
            group = []
            while not group or group[-1] != module:
                group.append(stack.pop())
                on_stack.discard(group[-1])
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in order:
            visit(module)
    return found


def test_no_project_modules_import_each_other_in_a_circle(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT))
    assert circles(grimp.build_graph(*PACKAGES, cache_dir=None)) == []


def test_the_circle_finder_sees_a_circle(tmp_path, monkeypatch):
    package = tmp_path / "loop"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from . import b\n")
    (package / "b.py").write_text("def f():\n    from .a import x\n")  # an import inside a function counts
    (package / "c.py").write_text("from . import a\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert circles(grimp.build_graph("loop", cache_dir=None)) == [["loop.a", "loop.b"]]


def test_the_command_line_loads_without_textual():
    """`cuttings search` and every other command start fast: Textual loads only for the app."""
    script = (
        "import importlib, pkgutil, sys\n"
        "import tui.cli, tui.commands\n"
        "for info in pkgutil.iter_modules(tui.commands.__path__):\n"
        "    importlib.import_module('tui.commands.' + info.name)\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] == 'textual'))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    assert done.stdout.strip() == "[]"
