"""The main screen's entities: the sidebar's Entities tab goes to a mention or filters the
list, `p` opens the page of the entity under the reader's cursor, and a wrong highlight is
corrected in a dialog (kept in the library's entities.yaml, then the analysis runs again).
Part of `ReadingScreen` (see reading_panes.py).
"""

from __future__ import annotations

from textual import on

from ..reader import Reader
from ..widgets.sidebar import EntityOptions
from .reading_analysis import AnalysisPart


class EntitiesPart(AnalysisPart):
    """Needs `library` and `facts` from the screen."""

    @on(EntityOptions.Chosen)
    def _jump_to_entity(self, event: EntityOptions.Chosen) -> None:
        self.reader.select_mention(event.mention)
        self.focus_pane("reader")

    @on(EntityOptions.FilterBy)
    def _filter_entity(self, event: EntityOptions.FilterBy) -> None:
        self.filter_by_entity(event.canonical)

    def action_entity_page(self) -> None:
        """The page of the entity under the reader's cursor (m steps through them)."""
        reader, cursor = self.reader, self.reader.cursor
        mention = reader.selected_mention or next(
            (m for m in reader.mentions if cursor and (m.block, m.start) <= (cursor.block, cursor.start) < (m.block, m.end)), None)
        if mention is None:
            self.notify("No entity under the cursor: m steps through the article's entities", timeout=3)
            return
        self.app.action_entity_page(mention.canonical)

    @on(Reader.EditEntity)
    def _edit_entity(self, event: Reader.EditEntity) -> None:
        from .entity_edit import EntityEditScreen

        self.app.push_screen(EntityEditScreen(event.mention, event.suggestion), self._apply_entity_edit)

    def _apply_entity_edit(self, edit) -> None:
        if not edit:
            return
        from library.entities import user

        action, text, kind = edit
        root = self.library.root
        try:
            if action == "ignore":
                user.ignore_text(root, text)
                self.notify(f"“{text}” will not be highlighted", markup=False)
            else:
                user.add_entity(root, text, kind)
                self.notify(f"Added “{text}” as {kind}", markup=False)
        except Exception as exc:  # a locked or read-only library: say so, change nothing
            self.notify(f"{root / 'entities.yaml'}: {exc}", severity="error", markup=False)
            return
        self.facts.reload()
        if self.reader.article:
            self.analyse_article(self.reader.article)
        self.analyse_library()
