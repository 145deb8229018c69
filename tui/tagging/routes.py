"""Where the tagging messages land: the app mixes these handlers in, so a message from the
reader, the Tags tab, the Tags or Orphans screen (or any later screen) reaches the controller
in one place. Showing something in the reader first closes the screens above it.
"""

from __future__ import annotations

import sys

from ..reader import Reader
from .messages import ArticleChosen, FilterByTag, PassageChosen, TagEditRequested, TagRemoveRequested, TagRequested, WordsSelected


class TaggingRoutes:
    """Handlers for CuttingsApp (which has `tagging`, `reading` and the screen stack)."""

    def on_tag_requested(self, message: TagRequested) -> None:
        self.tagging.run(message.reader, message.command, *message.args)

    def on_words_selected(self, message: WordsSelected) -> None:
        self.tagging.mouse_selected(message.reader, message.found)

    def on_reader_passage_moved(self, message: Reader.PassageMoved) -> None:
        self.tagging.cursor_moved(message.span)

    def on_tag_edit_requested(self, message: TagEditRequested) -> None:
        self.tagging.edit(message.passage)

    def on_tag_remove_requested(self, message: TagRemoveRequested) -> None:
        self.tagging.remove(message.passage)

    def on_passage_chosen(self, message: PassageChosen) -> None:
        """The passage's article in the reader with the cursor on the passage (an orphan's
        words are gone: at the start of the block they were in; a passage that runs on: to
        the end of its first block)."""
        passage, a = message.passage, message.passage.anchor
        if passage.orphan:
            self.reading.open_at(passage.article_id, a.block, 0)
        else:
            self.reading.open_at(passage.article_id, a.block, a.start, a.end if a.last_block == a.block else sys.maxsize)

    def on_article_chosen(self, message: ArticleChosen) -> None:
        self.reading.open_at(message.article_id)

    def on_filter_by_tag(self, message: FilterByTag) -> None:
        self._back_to_reading()
        self.tagging.filter_by_tag(message.tag)

    def _back_to_reading(self) -> None:
        while self.screen is not self.reading:
            self.pop_screen()
