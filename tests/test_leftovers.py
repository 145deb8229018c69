"""What killed writers leave behind is cleared, and a held library lock fails a command once,
quickly, naming the process that holds it."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from library.annotations import Annotations
from tests.conftest import ROOT, make_article, run_cli

HOUR_AGO = time.time() - 3600


def leftover(folder, name: str, age: float = HOUR_AGO):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("half a write")
    os.utime(path, (age, age))
    return path


def test_old_temp_files_go_with_the_next_write(library):
    article_id = library.add(make_article()).id
    old = [leftover(library.root / "annotations", f".{article_id}.yaml.k2j3.tmp"),
           leftover(library.cache_dir / "tmp", f".{article_id}.md.x8f1.tmp"),
           leftover(library.root, ".state.json.q0q0.tmp")]
    young = leftover(library.cache_dir / "tmp", ".other.md.a1b2.tmp", age=time.time())  # a write under way
    mine = leftover(library.root / "annotations", "notes.tmp")  # not one of ours: no leading dot
    fresh = type(library)(library.root)
    Annotations(fresh).add_by_quote(article_id, "export controls", ["trade"])
    assert [p.exists() for p in old] == [False, False, False]
    assert young.exists() and mine.exists()


def test_a_held_lock_fails_an_import_once_naming_the_holder(library, tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    for n in range(3):
        (folder / f"note{n}.md").write_text(f"# Note {n}\n\nSome words about shipping lanes, number {n}.\n")
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from library.store import Library\n"
         "with Library(sys.argv[1]).lock():\n print('held', flush=True); time.sleep(60)", str(library.root)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        result = run_cli("import", str(folder), library=library)
    finally:
        holder.kill()
        holder.wait()
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert result.returncode == 1 and len(errors) == 1, result.stderr
    assert f"pid {holder.pid}" in errors[0] and "Traceback" not in result.stderr
