"""What the tagging widgets and screens ask for, as messages: they bubble up to the app, where
routes.py hands them to the controller (and TagsChanged, the one going down, tells the screen
on top that tags changed). So a widget names what the user wants and never
reaches into an app service; any new screen (a workbench, an entity page) posts the same ones.
"""

from __future__ import annotations

from textual.message import Message


class TagRequested(Message):
    """A tagging key in the reader: `command` is select, tag, quick (args: the number), remove,
    undo, redo, cancel or copy."""

    def __init__(self, reader, command: str, *args) -> None:
        super().__init__()
        self.reader = reader
        self.command = command
        self.args = args


class WordsSelected(Message):
    """The mouse selection in the reader changed: `found` is ((block, start), (block, end)),
    or None when it holds no words any more."""

    def __init__(self, reader, found) -> None:
        super().__init__()
        # posted from the screen's selection watcher: as its sender the screen would stop it
        self.set_sender(reader)
        self.reader = reader
        self.found = found


class PassageMessage(Message):
    """A request about one tagged passage."""

    def __init__(self, passage) -> None:
        super().__init__()
        self.passage = passage


class PassageChosen(PassageMessage):
    """Show this tagged passage in the reader, with the cursor on its words."""


class ArticleChosen(Message):
    """Show this article in the reader (one tagged in its front matter, say)."""

    def __init__(self, article_id: str) -> None:
        super().__init__()
        self.article_id = article_id


class FilterByTag(Message):
    """Narrow the article list to the articles with this tag (or a tag below it)."""

    def __init__(self, tag: str) -> None:
        super().__init__()
        self.tag = tag


class TagEditRequested(PassageMessage):
    """The tag picker for this passage's tags and note."""


class TagRemoveRequested(PassageMessage):
    """Ask which of this passage's tags to take off, then do it."""


class TagsChanged(Message):
    """Sent down to the screen on top once a tag change is on disk, so a list of tags or
    passages there can read them again."""

    def __init__(self, article_id: str) -> None:
        super().__init__()
        self.article_id = article_id
