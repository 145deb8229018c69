"""The sidebar: what the open article is about, in tabs.

Issues lists the article's issues, strongest first, with a strength bar and the number of
evidence passages; choosing one marks its evidence in the reader. Entities lists the people,
organisations and places by kind with mention counts; choosing one jumps to its first mention.
`f` on either narrows the article list to articles sharing it. Quotes (quotes_tab.py) lists who
said what; Tags (tui/tagging/tab.py) lists the article's tagged passages.
"""

from __future__ import annotations

from collections import Counter

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, TabbedContent, TabPane
from textual.widgets.option_list import Option

from ..reader import KIND_NAMES, KINDS
from ..tagging.tab import TagsTab
from .quotes_tab import QuoteOptions
from .vim_options import VimOptionList
from library.safetext import visible

BAR_WIDTH = 8


def strength_bar(score: float) -> str:
    """Eight cells filled in proportion to the issue's strength (a score from 0 to 1)."""
    filled = max(1, min(BAR_WIDTH, round(BAR_WIDTH * score)))
    return "█" * filled + "░" * (BAR_WIDTH - filled)


class FindingOptions(VimOptionList):
    """What the Issues and Entities tabs share: Enter posts the subclass's `Chosen` with the
    item under it, `f` its `FilterBy`; a subclass lists its items and says which one an
    option shows (`item_at`)."""

    Chosen: type[Message]
    FilterBy: type[Message]

    def item_at(self, index: int | None):
        raise NotImplementedError

    def show_none(self, text: str) -> None:
        self.add_option(Option(Text(text, "dim"), disabled=True))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self.item_at(event.option_index)
        if item:
            self.post_message(self.Chosen(item))

    def action_filter(self) -> None:
        item = self.item_at(self.highlighted)
        if item:
            self.post_message(self.FilterBy(item))


class IssueOptions(FindingOptions):
    HELP_TITLE = "Issues of this article"
    BINDINGS = [Binding("f", "filter", "Filter list by issue", id="sidebar.filter_issue")]

    class Chosen(Message):
        def __init__(self, issue) -> None:
            super().__init__()
            self.issue = issue

    class FilterBy(Message):
        def __init__(self, issue) -> None:
            super().__init__()
            self.issue = issue

    class Pointed(Message):
        """The highlight moved to an issue: it is the one `]` and `[` step through."""

        def __init__(self, issue) -> None:
            super().__init__()
            self.issue = issue

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.issues: list = []

    def show_issues(self, issues) -> None:
        self.issues = list(issues)
        self.clear_options()
        if not self.issues:
            self.show_none("No issues found in this article")
            return
        for issue in self.issues:
            count = len(issue.passages)
            line = Text(visible(issue.label), "bold", end="")
            line.append("\n" + strength_bar(issue.score), "bold")
            line.append(f" {count} passage{'s' * (count != 1)}", "dim")
            self.add_option(Option(line, id=issue.id))
        self.highlighted = 0

    def item_at(self, index: int | None):
        return self.issues[index] if index is not None and index < len(self.issues) else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        issue = self.item_at(event.option_index)
        if issue:
            self.post_message(self.Pointed(issue))


class EntityOptions(FindingOptions):
    HELP_TITLE = "Entities of this article"
    BINDINGS = [Binding("f", "filter", "Filter list by entity", id="sidebar.filter_entity")]

    class Chosen(Message):
        def __init__(self, mention) -> None:
            super().__init__()
            self.mention = mention

    class FilterBy(Message):
        def __init__(self, mention) -> None:
            super().__init__()
            self.canonical, self.kind = mention.canonical, mention.kind

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.firsts: dict[str, object] = {}  # option id -> first mention

    def show_mentions(self, mentions) -> None:
        self.clear_options()
        counts = Counter((m.kind, m.canonical) for m in mentions)
        self.firsts = {}
        for m in sorted(mentions, key=lambda m: (m.block, m.start)):
            self.firsts.setdefault(f"{m.kind}\0{m.canonical}", m)
        if not counts:
            self.show_none("No entities found in this article")
            return
        kinds = [k for k in KINDS if any(kind == k for kind, _ in counts)]
        kinds += sorted({kind for kind, _ in counts} - set(KINDS))
        for kind in kinds:
            self.add_option(Option(Text(KIND_NAMES.get(kind, kind).upper() + "S", "bold dim"), disabled=True))
            named = sorted(((n, c) for (k, c), n in counts.items() if k == kind), key=lambda x: (-x[0], x[1]))
            for number, canonical in named:
                line = Text(f"  {visible(canonical)}", end="")
                line.append(f"  {number}", "dim")
                self.add_option(Option(line, id=f"{kind}\0{canonical}"))
        self.highlighted = 1  # the first name, under its kind's heading

    def item_at(self, index: int | None):
        if index is None:
            return None
        option = self.get_option_at_index(index)
        return self.firsts.get(option.id) if option.id else None


class Sidebar(Vertical):
    """Tabs about the open article; other tabs (Tags) join with `tabs.add_pane`."""

    HELP_TITLE = "Sidebar"
    BINDINGS = [
        Binding("l,right", "switch_tab(1)", "Next tab", id="sidebar.next_tab"),
        Binding("h,left", "switch_tab(-1)", "Previous tab", show=False, id="sidebar.previous_tab"),
    ]

    def action_switch_tab(self, delta: int) -> None:
        tabs = self.tabs
        panes = [pane.id for pane in tabs.query(TabPane)]
        tabs.active = panes[(panes.index(tabs.active) + delta) % len(panes)]
        tabs.active_pane.query_one(OptionList).focus()

    def compose(self) -> ComposeResult:
        with TabbedContent(id="sidebar-tabs"):
            with TabPane("Issues", id="tab-issues"):
                yield IssueOptions(id="issue-options")
            with TabPane("Entities", id="tab-entities"):
                yield EntityOptions(id="entity-options")
            with TabPane("Said", id="tab-quotes"):  # who said what; short: four tabs share 26 columns
                yield QuoteOptions(id="quote-options")
            with TabPane("Tags", id="tab-tags"):
                yield TagsTab(id="tag-options")

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one(TabbedContent)

    def show_analysis(self, analysis) -> None:
        self.query_one(IssueOptions).show_issues(analysis.issues)
        self.query_one(EntityOptions).show_mentions(analysis.entities)

    def show_quotes(self, quotes) -> None:
        self.query_one(QuoteOptions).show_quotes(quotes)

    def clear(self, message: str) -> None:
        for options in (self.query_one(IssueOptions), self.query_one(EntityOptions)):
            options.clear_options()
            options.add_option(Option(Text(message, "dim"), disabled=True))
        self.query_one(QuoteOptions).show_quotes([], message)
