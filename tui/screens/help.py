"""`?`: every key that works where the user is, grouped by pane, read from the live bindings.

Built from the bindings themselves (with the user's keymap applied), so the help can never
disagree with what the keys do, and a remapped key shows under its new name. The id column
is the name to use in config.yaml to remap a key.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ..config import config_path


@dataclass(frozen=True)
class HelpRow:
    keys: str
    description: str  # the action's name where a binding lacks a description
    binding_id: str
    described: bool = True


def pane_title(node: DOMNode) -> str:
    """The name a user knows a pane by: its HELP_TITLE, its border title, or its class."""
    title = getattr(node, "HELP_TITLE", None) or getattr(node, "border_title", None)
    return str(title) if title else type(node).__name__


SIDEWAYS = {"scroll_left", "scroll_right", "page_left", "page_right"}  # no pane scrolls sideways: text wraps


def help_rows(node: DOMNode) -> list[HelpRow]:
    """The node's own bindings, keys of one action joined ("j / down"), keymap applied."""
    bindings = node._bindings.copy()
    bindings.apply_keymap(node.app._keymap)
    grouped: dict[tuple[str, str], list[Binding]] = {}
    for _key, binding in bindings:
        if not binding.system and binding.action not in SIDEWAYS:
            grouped.setdefault((binding.action, binding.description), []).append(binding)
    return [
        HelpRow(" / ".join(node.app.get_key_display(b) for b in group), description or action, group[0].id or "", bool(description))
        for (action, description), group in grouped.items()
    ]


def help_sections(screen: Screen) -> list[tuple[str, list[HelpRow]]]:
    """Sections in the order a user needs them: the focused pane, the other panes, the
    screen's own keys, then the keys that work everywhere."""
    focused = screen.focused
    chain = [n for n in (focused.ancestors_with_self if focused else []) if isinstance(n, DOMNode)]
    panes = [n for n in screen.walk_children() if n.can_focus and n not in chain and n.display]
    sections: list[tuple[str, list[HelpRow]]] = []
    seen: set[type] = set()
    for node in [*chain[:-2], *panes]:  # the chain ends with the screen and the app
        if type(node) in seen or not (node is focused or getattr(node, "HELP_TITLE", None)):
            continue  # parts of Textual's widgets (the tabs of a TabbedContent) are no panes
        seen.add(type(node))
        rows = help_rows(node)
        if rows:
            title = pane_title(node) + (" (focused)" if node is focused else "")
            sections.append((title, rows))
    for title, node in ((pane_title(screen), screen), ("Everywhere", screen.app)):
        rows = help_rows(node)
        if rows:
            sections.append((title, rows))
    return sections


class HelpScreen(ModalScreen[None]):
    """The key reference for the screen beneath it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
        Binding("j,down", "scroll(1)", "Scroll down", show=False, id="help.down"),
        Binding("k,up", "scroll(-1)", "Scroll up", show=False, id="help.up"),
        Binding("space,pagedown,ctrl+d", "scroll(10)", "Page down", show=False, id="help.page_down"),
        Binding("b,pageup,ctrl+u", "scroll(-10)", "Page up", show=False, id="help.page_up"),
    ]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90%; max-width: 100; height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, beneath: Screen) -> None:
        super().__init__()
        self.sections = help_sections(beneath)

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Keys (escape to close)"
            for title, rows in self.sections:
                yield Static(_section_table(title, rows), classes="help-section")
            yield Static(Text(f"Remap keys by id in {config_path()}", style="dim"))

    def action_scroll(self, lines: int) -> None:
        self.query_one(VerticalScroll).scroll_relative(y=lines, animate=False)

    def text(self) -> str:
        """Everything the screen lists, as plain text (what a user reads)."""
        return "\n".join(
            f"{title}\n" + "\n".join(f"{r.keys}  {r.description}  {r.binding_id}" for r in rows)
            for title, rows in self.sections
        )


def _section_table(title: str, rows: list[HelpRow]) -> Table:
    table = Table(title=Text(title, style="bold"), title_justify="left", show_header=False, box=None, expand=True)
    table.add_column("keys", style="bold", no_wrap=True, width=14)
    table.add_column("does", ratio=1)
    table.add_column("id", style="dim", no_wrap=True, width=26)  # fixed: sections line up
    for row in rows:
        table.add_row(Text(row.keys), Text(row.description), Text(row.binding_id))
    return table
