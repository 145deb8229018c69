"""`cuttings analyze FILE... [--json]`: entities and issues of plain text files, not imported.

This is the scripting and evaluation interface: with --json each file gives one line whose
offsets are code points into the file's text exactly as read (UTF-8), so a script can slice the
file with them. A file that cannot be read gets a one-line error; the other files still run.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..console import console, fail, print_json
from .issues import issue_json, print_warnings, show_issues

MAX_BYTES = 20_000_000


def register(sub) -> None:
    p = sub.add_parser("analyze", help="show the entities and issues of plain text files without importing them")
    p.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files")
    p.add_argument("--json", action="store_true", help="one JSON object per file, offsets into the file's text")
    p.set_defaults(func=run_analyze)


class Unreadable(Exception):
    pass


def run_analyze(args) -> int:
    from library.analysis import Analyser

    analyser = Analyser.for_library(args.library_root, cache=False)
    failed = 0
    for name in args.files:
        try:
            text = read_text(Path(name))
        except Unreadable as exc:
            failed += fail(f"{name}: {exc}")
            continue
        found = analyser.analyse_plain_text(text)
        if args.json:
            print_json({
                "file": name,
                "entities": [{"start": m.start, "end": m.end, "text": m.text, "kind": m.kind, "canonical": m.canonical} for m in found.entities],
                "issues": [issue_json(h, blocks=False) for h in found.issues],
            })
        else:
            _show(name, text, found)
    print_warnings(analyser.warnings)
    return 1 if failed else 0


def read_text(path: Path) -> str:
    """The file's text, or Unreadable with the reason in a few words."""
    try:
        if path.is_dir():
            raise Unreadable("is a folder, not a text file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise Unreadable(f"too large ({size / 1e6:.1f} MB; analyze reads files up to {MAX_BYTES // 1_000_000} MB)")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise Unreadable("no such file") from None
    except OSError as exc:
        raise Unreadable(exc.strerror or str(exc)) from None
    if b"\0" in raw[:65536]:
        raise Unreadable("binary data, not a text file")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Unreadable(f"not UTF-8 text (bad byte at offset {exc.start})") from None


def _show(name: str, text: str, found) -> None:
    from rich.rule import Rule
    from rich.table import Table
    from rich.text import Text

    console.print(Rule(Text(f"{name} · {len(text.split()):,} words"), align="left"))
    console.print(Text("Issues", style="bold underline"))
    show_issues(found.issues)
    console.print(Text("Entities", style="bold underline"))
    if not found.entities:
        console.print(Text("No names found.", style="dim"))
        return
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column("kind", style="bold", no_wrap=True)
    table.add_column("names", overflow="fold")
    for kind in ("person", "org", "place"):
        counts = Counter(m.canonical for m in found.entities if m.kind == kind)
        if counts:
            names = ", ".join(f"{name} ({n})" if n > 1 else name for name, n in counts.most_common())
            table.add_row(kind, Text(names))
    console.print(table)
