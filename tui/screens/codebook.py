"""The codebook: every tag with its counts and memo, and which tags go together.

Memos are shown exactly as typed (square brackets, backslashes and all: never read as markup,
and control characters drawn visibly) and edited here; the co-occurrence table pairs tags
with tags, or with issues (`i`), and is written to CSV or JSON with `x`. Counting runs on the
tag writer's thread, so it sees every edit made before it and never blocks a key.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Header, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from library.safetext import visible

from .text_prompt import TextPrompt


class MemoEditor(ModalScreen[str | None]):
    """A memo over several lines: ctrl+s keeps it, escape leaves it as it was."""

    HELP_TITLE = "Memo"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="memo.save"),
        Binding("escape", "dismiss(None)", "Cancel", id="memo.cancel"),
    ]
    DEFAULT_CSS = """
    MemoEditor { align: center middle; }
    MemoEditor > Vertical { width: 80; max-width: 96%; height: 16; border: round $accent; background: $surface; }
    MemoEditor TextArea { height: 1fr; }
    MemoEditor .hint { color: $text-muted; }
    """

    def __init__(self, tag: str, memo: str) -> None:
        super().__init__()
        self.tag, self.memo = tag, memo

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = f"What {visible(self.tag)} means"
            yield TextArea(self.memo, id="memo-text")
            yield Static("ctrl+s: save · esc: cancel · an empty memo clears it", classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)


class TableExportPrompt(TextPrompt):
    def answer(self, text: str) -> Path | None:
        path = Path(text).expanduser() if text else None
        if path is not None and path.suffix.lower() not in (".csv", ".json"):
            raise ValueError("Name the file .csv or .json")
        return path


class CodebookScreen(Screen):
    HELP_TITLE = "Codebook"
    BINDINGS = [
        Binding("escape,q", "close", "Back", id="codebook.close"),
        Binding("m", "memo", "Edit memo", id="codebook.memo"),
        Binding("i", "pairs", "Tags / issues", id="codebook.pairs"),
        Binding("x", "export", "Export table", id="codebook.export"),
    ]
    DEFAULT_CSS = """
    CodebookScreen #codebook-note { height: auto; padding: 0 1; color: $text-muted; }
    CodebookScreen #codes { width: 45%; border-right: vkey $foreground 20%; }
    CodebookScreen #codes > .option-list--option { padding: 0 1; }
    CodebookScreen #pairs { width: 1fr; }
    """

    def __init__(self, tagging) -> None:
        """`tagging`: the app's tag controller; counting runs on its writer thread."""
        super().__init__()
        self.tagging = tagging
        self.codes: list = []
        self.pairs: list = []
        self.by = "tag"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Reading the codebook…", id="codebook-note", markup=False)
        with Horizontal():
            yield OptionList(id="codes")
            yield DataTable(id="pairs", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#codes", OptionList).focus()
        self.load()

    def load(self) -> None:
        from library.annotations.codebook import codes, read_memos
        from library.annotations.codes import coded_passages
        from library.annotations.cooccurrence import table

        app, by = self.app, self.by
        annotations = self.tagging.annotations

        def read():
            pairs = table(annotations, by, app.facts.analyser if by == "issue" else None)
            return codes(coded_passages(annotations), read_memos(app.library)), pairs

        self.tagging.submit(read, lambda found: self._show(*found))

    def _show(self, codes: list, pairs: list) -> None:
        self.codes, self.pairs = codes, pairs
        options = self.query_one("#codes", OptionList)
        current = options.highlighted
        options.clear_options()
        options.add_options([Option(_code_lines(c)) for c in codes])
        if codes:
            options.highlighted = min(current or 0, len(codes) - 1)
        table = self.query_one("#pairs", DataTable)
        table.clear(columns=True)
        table.add_columns("tag", "tag" if self.by == "tag" else "issue", "articles", "overlapping")
        for pair in pairs:
            table.add_row(Text(visible(pair.a)), Text(visible(pair.label or pair.b)), pair.articles, pair.overlapping)
        with_memo = sum(1 for c in codes if c.memo)
        what = "tag x tag" if self.by == "tag" else "tag x issue"
        note = f"{len(codes)} tags, {with_memo} with a memo · {len(pairs)} {what} pairs"
        if not codes:
            note = "No tags yet: tag passages in the reader (t), then give each tag a memo here"
        elif not pairs:
            note += " (none yet: pairs come from passages in one article)"
        self.query_one("#codebook-note", Static).update(note + " · m memo · i tags/issues · x export · esc back")

    @property
    def code(self):
        index = self.query_one("#codes", OptionList).highlighted
        return self.codes[index] if index is not None and index < len(self.codes) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_memo()

    def action_memo(self) -> None:
        code = self.code
        if code is None:
            return
        self.app.push_screen(MemoEditor(code.tag, code.memo), lambda memo: memo is not None and self._save(code.tag, memo))

    def _save(self, tag: str, memo: str) -> None:
        from library.annotations.codebook import set_memo

        library = self.app.library
        self.tagging.submit(lambda: set_memo(library, tag, memo), lambda _tag: self.load())

    def action_pairs(self) -> None:
        self.by = "issue" if self.by == "tag" else "tag"
        self.query_one("#codebook-note", Static).update("Counting…")
        self.load()

    def action_export(self) -> None:
        self.app.push_screen(TableExportPrompt(f"Write the {len(self.pairs)} pairs shown to a file (.csv or .json)",
                                               placeholder="~/cooccurrence.csv"), lambda path: path and self._export(path))

    def _export(self, path: Path) -> None:
        from library.annotations.cooccurrence import render_csv, render_json
        from library.fileio import atomic_write

        pairs, by = list(self.pairs), self.by
        data = render_csv(pairs) if path.suffix.lower() == ".csv" else render_json(pairs, by)
        self.tagging.submit(lambda: atomic_write(path, data),
                                lambda _none: self.notify(f"Wrote {len(pairs)} pairs to {path}", markup=False, timeout=5))

    def action_close(self) -> None:
        self.app.pop_screen()


def _code_lines(code) -> Text:
    """A tag with its counts, then its memo exactly as written (line breaks kept)."""
    line = Text(visible(code.tag), "bold", end="")
    line.append(f"  {code.passages} passage{'s' * (code.passages != 1)} · {code.articles} article{'s' * (code.articles != 1)}", "dim")
    line.append("\n" + (visible(code.memo, lines=True) if code.memo else "(no memo: m writes one)"), "" if code.memo else "dim italic")
    return line
