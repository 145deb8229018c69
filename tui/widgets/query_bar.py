"""The search bar: completes the word being typed and cycles through the candidates.

Textual draws a suggestion as the part after what was typed, so a suggestion must begin with
the typed text. A completion may not (`entity:wang` becomes `entity:"Wang Wentao"`: quoted,
capitalised; `person:bli` becomes `person:"Antony Blinken"`), so the grey text shows the rest of
the name, or an arrow to it, and accepting it (Tab, or → at the end) puts in the completion
itself. Tab again replaces it with the next candidate.
"""

from __future__ import annotations

from typing import Callable

from textual.suggester import Suggester
from textual.widgets import Input

from index import last_word_start

Options = Callable[[str], list[str]]  # query typed so far -> completed queries, best first


def grey_text(value: str, option: str) -> str:
    """The suggestion to draw: `value` plus the rest of `option`'s last word when the typed
    word starts it (case and quotes aside), else an arrow to the name it will become."""
    if option.startswith(value):
        return option
    start = last_word_start(value)
    typed, done = value[start:].replace('"', ""), option[start:].replace('"', "")
    if done.lower().startswith(typed.lower()):
        return value + done[len(typed):]
    return f"{value}  → {done.partition(':')[2] or done}"


class QueryCompleter(Suggester):
    def __init__(self, options: Options) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.options = options

    async def get_suggestion(self, value: str) -> str | None:
        if not value or value[-1].isspace():
            return None
        found = self.options(value)
        return grey_text(value, found[0]) if found else None


class QueryBar(Input):
    def __init__(self, options: Options, **kwargs) -> None:
        super().__init__(suggester=QueryCompleter(options), **kwargs)
        self.options = options
        self._cycle: list[str] = []  # the candidates Tab steps through

    def complete(self) -> bool:
        """Put in the next completion of the last word; False if there is nothing to put in."""
        if not self.cursor_at_end:
            return False
        if self.value not in self._cycle:
            self._cycle = self.options(self.value) if self.value.strip() and not self.value[-1].isspace() else []
            following = self._cycle[0] if self._cycle else None
        else:
            following = self._cycle[(self._cycle.index(self.value) + 1) % len(self._cycle)]
        if following is None or following == self.value:
            return False
        self.value = following
        self.cursor_position = len(following)
        return True

    def action_cursor_right(self, select: bool = False) -> None:
        if not select and self.cursor_at_end and self._suggestion and self.complete():
            return
        super().action_cursor_right(select)
