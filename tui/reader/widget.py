"""The reader: the article view with its keys, which step the cursor through sentences,
blocks, entities, issue evidence and search hits, and hand tagging keys to tui/tagging/."""

from __future__ import annotations

import webbrowser
from urllib.parse import urlsplit

from textual.actions import SkipAction

from library.model import TITLE_BLOCK
from library.safetext import visible

from ..tagging.messages import TagRequested
from .keys import KEYS
from .marks import Span, next_span
from .view import ArticleView


class Reader(ArticleView, can_focus=True, inherit_bindings=False):
    HELP_TITLE = "Reader"
    BINDINGS = KEYS

    def show_issue(self, issue) -> None:
        """Mark the evidence passages of an issue (None clears) and go to the first."""
        self._restyle(self.marks.set_issue(issue))
        if issue and issue.passages:
            self._restyle(self.marks.set_cursor(None))
            self.action_evidence(1)
        self._status()

    # -- moving --------------------------------------------------------------------------------
    def action_scroll_lines(self, delta: int) -> None:
        self.scroll_to(y=self.scroll_offset.y + delta, animate=False, immediate=True)

    def action_half_page(self, halves: int) -> None:
        step = max(1, self.size.height // 2)
        self.scroll_to(y=self.scroll_offset.y + halves * step, animate=False, immediate=True)

    def action_top(self) -> None:
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_bottom(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    def _step(self, spans: list[Span], delta: int) -> bool:
        """Move the cursor to the next/previous span after (before) where it is now."""
        if not spans:
            return False
        position = self.position
        here = self.cursor or Span(position[0] if position else TITLE_BLOCK, -1, -1)
        target = next_span(spans, here, delta)
        if target is None:
            self.app.bell()
            return False
        self._move_cursor(target)
        return True

    def action_sentence(self, delta: int) -> None:
        self._step(self.marks.sentences(), delta)

    def action_block(self, delta: int) -> None:
        self._step(self.marks.blocks(), delta)

    def action_evidence(self, delta: int) -> None:
        pointed = self.pointed_issue
        if pointed is not None and pointed is not self.issue:
            self.show_issue(pointed)  # marks its evidence and goes to the first passage
            return
        if not self.issue:
            self.notify("No issues found in this article", timeout=2)
            return
        self._step(self.marks.evidence(), delta)

    def action_term(self, delta: int) -> None:
        self._step(self.marks.hits(), delta)

    def action_entity(self, delta: int) -> None:
        if not self.mentions:
            self.notify("No entities found in this article", timeout=2)
            return
        if self._step(self.marks.entities(), delta):
            c = self.cursor
            self.select_mention(next(m for m in self.mentions if (m.block, m.start) == (c.block, c.start)))

    def select_mention(self, mention) -> None:
        """Show this entity's name and aliases and highlight all its mentions."""
        self._restyle(self.marks.select_mention(mention))
        span = Span(mention.block, mention.start, mention.end)
        if self.cursor != span:
            self._move_cursor(span, center=True)
        else:
            self._status()

    def action_tagging(self, command: str, *args) -> None:
        """Selection and tag keys (v, t, d, u, ctrl+r, 1-9): tui/tagging/ acts on this reader."""
        self.post_message(TagRequested(self, command, *args))

    def action_copy_selection(self) -> None:
        if not (self.article and self.marks.spans.get("selection")):
            raise SkipAction()  # nothing selected: ctrl+c keeps its usual meaning
        self.action_tagging("copy")

    def action_clear_selection(self) -> None:
        if self.marks.spans.get("selection"):
            self.action_tagging("cancel")
            return
        if self.selected_mention or self.cursor:
            self._restyle(self.marks.select_mention(None))
            self._move_cursor(None)

    def action_toggle_highlights(self) -> None:
        self._restyle(self.marks.set_highlights(not self.highlights))
        self._status()

    def action_edit_entity(self) -> None:
        if not self.article:
            return
        passage = self.passage
        suggestion = self.selected_mention.text if self.selected_mention else (passage[1] if passage else "")
        self.post_message(self.EditEntity(self.selected_mention, suggestion))

    def action_open_original(self) -> None:
        """Open the article's web address in the system's browser (the `webbrowser` module;
        under `cuttings serve`, the user's own browser tab). Only http and https addresses
        open: a file: or javascript: address in a front matter stays shut."""
        url = self.article.url if self.article else ""
        parts = urlsplit(url)
        if not url:
            self.notify("This article has no original address" if self.article else "No article open", timeout=3)
        elif parts.scheme.lower() not in ("http", "https") or not parts.netloc or url != visible(url):
            self.notify(f"{visible(url)}: not an http or https address, not opened", severity="warning", markup=False)
        elif self.app.is_web:
            self.app.open_url(url)
        elif webbrowser.open(url):
            self.notify(f"Opening {url}", timeout=3, markup=False)
        else:
            self.notify(f"No browser found to open {url} (the BROWSER variable can name one)", severity="warning", markup=False)

