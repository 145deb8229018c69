"""The tag picker (`t` in the reader): choose existing tags by fuzzy search, or create new
ones by typing them, several at once (comma-separated), with an optional note.

Enter saves what is typed, with the suggestion the user moved to (up/down) put in place of
the word being typed; tab completes that word to the best match. Nothing is saved while a
tag name is invalid: the reason shows on one line and the picker stays open.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.fuzzy import Matcher
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from library.annotations import AnnotationError, check_note, check_tag

from library.safetext import visible

HINT = "enter save · tab complete, then note · ↑↓ choose · esc cancel"


@dataclass(frozen=True)
class TagChoice:
    tags: tuple[str, ...]
    note: str


def split_tags(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


class TagPicker(ModalScreen[TagChoice | None]):
    HELP_TITLE = "Tag picker"
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="tag_picker.cancel"),
        Binding("down", "move(1)", "Next suggestion", show=False, id="tag_picker.next"),
        Binding("up", "move(-1)", "Previous suggestion", show=False, id="tag_picker.previous"),
        Binding("tab", "complete", "Complete", show=False, id="tag_picker.complete"),
    ]
    DEFAULT_CSS = """
    TagPicker { align: center middle; }
    TagPicker > Vertical {
        width: 72; max-width: 96%; height: auto; max-height: 96%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    TagPicker #tag-suggestions { height: auto; max-height: 8; border: none; padding: 0; }
    TagPicker #tag-error { color: $error; height: auto; }
    TagPicker #tag-hint { color: $text-muted; }
    """

    def __init__(self, title: str, choices: list[tuple[str, int]], tags=(), note: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices  # (tag, passages), recent tags first
        self.counts = dict(choices)
        self.recent = {tag: n for n, (tag, _count) in enumerate(choices[:9], 1)}
        self.initial = ", ".join(tags) + (", " if tags else "")
        self.initial_note = note
        self.shown: list[str] = []  # the tag each option stands for ("" = create what is typed)

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = Content(self.title_text)  # it quotes the article: never markup
            yield Input(self.initial, placeholder="tags, comma-separated: taiwan, trade/de-risking", id="tag-input",
                        select_on_focus=False)  # typing adds to the tags already there
            suggestions = OptionList(id="tag-suggestions")
            suggestions.can_focus = False  # up/down work from the input; tab goes on to the note
            yield suggestions
            yield Input(self.initial_note, placeholder="note (optional)", id="tag-note")
            yield Static("", id="tag-error", markup=False)
            yield Static(HINT, id="tag-hint", markup=False)

    def on_mount(self) -> None:
        tags_input = self.query_one("#tag-input", Input)
        tags_input.cursor_position = len(tags_input.value)
        self._suggest()

    @property
    def typing(self) -> str:
        """The tag being typed: the text after the last comma."""
        return self.query_one("#tag-input", Input).value.rsplit(",", 1)[-1].strip()

    @on(Input.Changed, "#tag-input")
    def _suggest(self) -> None:
        """Matches for the word being typed, best first, with "new tag" on top when it is
        not a tag yet; with nothing typed, every tag (recent ones numbered as on 1-9)."""
        query = self.typing
        if query:
            matcher = Matcher(query)
            scored = [(matcher.match(tag), tag, count) for tag, count in self.choices]
            found = sorted((x for x in scored if x[0] > 0), key=lambda x: (-x[0], -x[2]))
            exact = any(tag.casefold() == query.casefold() for tag, _ in self.choices)
            self.shown = ([] if exact else [""]) + [tag for _, tag, _ in found]
        else:
            matcher = None
            self.shown = [tag for tag, _ in self.choices]
        options = self.query_one("#tag-suggestions", OptionList)
        options.clear_options()
        for tag in self.shown:
            options.add_option(Option(self._label(tag, query, matcher)))
        options.highlighted = 0 if query and self.shown else None
        options.display = bool(self.shown)

    def _label(self, tag: str, query: str, matcher: Matcher | None) -> Content:
        """A suggestion: its 1-9 number if it is a recent tag, the name with the typed
        letters marked, and how many passages have it."""
        if not tag:
            return Content.assemble(("new tag: ", "bold"), visible(query))
        number = self.recent.get(tag)
        name = matcher.highlight(visible(tag)) if matcher else Content(visible(tag))
        return Content.assemble((f"{number} " if number else "  ", "dim"), name, (f"  {self.counts[tag]}", "dim"))

    def action_move(self, delta: int) -> None:
        options = self.query_one("#tag-suggestions", OptionList)
        if not self.shown:
            return
        current = options.highlighted
        options.highlighted = (0 if delta > 0 else len(self.shown) - 1) if current is None else (current + delta) % len(self.shown)

    def action_complete(self) -> None:
        """Put the suggestion in place of the word being typed, ready for another tag; with
        no suggestion to take, move on to the note."""
        tag = self._chosen()
        if self.typing and not tag:
            tag = next((t for t in self.shown if t), None)
        if tag and self.focused is self.query_one("#tag-input"):
            self._replace_typing(tag, then=", ")
        else:
            self.focus_next()

    def _chosen(self) -> str | None:
        """The existing tag the highlight is on, if any."""
        index = self.query_one("#tag-suggestions", OptionList).highlighted
        return self.shown[index] or None if index is not None and index < len(self.shown) else None

    def _replace_typing(self, tag: str, then: str = "") -> None:
        tags_input = self.query_one("#tag-input", Input)
        head = tags_input.value.rsplit(",", 1)[0] + ", " if "," in tags_input.value else ""
        tags_input.value = head + tag + then
        tags_input.cursor_position = len(tags_input.value)

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        tag = self.shown[event.option_index] or self.typing
        self._replace_typing(tag, then=", ")
        self.query_one("#tag-input", Input).focus()

    @on(Input.Submitted)
    def _save(self) -> None:
        chosen = self._chosen()
        if chosen:
            self._replace_typing(chosen)
        try:
            tags = tuple(dict.fromkeys(check_tag(t) for t in split_tags(self.query_one("#tag-input", Input).value)))
            note = check_note(self.query_one("#tag-note", Input).value)
        except AnnotationError as exc:
            self.query_one("#tag-error", Static).update(str(exc))
            return
        if not tags:
            self.query_one("#tag-error", Static).update("Type a tag name (or esc to cancel)")
            return
        self.dismiss(TagChoice(tags, note))
