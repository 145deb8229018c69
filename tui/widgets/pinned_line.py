"""The pinned collections at the top of the list pane, with live counts: `★ Taiwan 3/12 · …`.

Hidden when no collection is pinned; c opens the switcher with all of them.
"""

from __future__ import annotations

from textual.widgets import Static

from library.safetext import visible


class PinnedLine(Static):
    def __init__(self, **kwargs) -> None:
        super().__init__("", markup=False, **kwargs)
        self.display = False

    def show(self, counted) -> None:
        """`counted`: the pinned collections' Counts (tui/list_query.py)."""
        parts = [f"★ {visible(c.collection.name)} {'?' if c.problem and not c.total else f'{c.unread}/{c.total}'}" for c in counted]
        self.update(" · ".join(parts))
        self.display = bool(parts)
