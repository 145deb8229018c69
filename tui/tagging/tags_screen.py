"""`T`: every tag in the library as a tree with passage and article counts; choosing a tag
lists its passages across the library (article, date, quote, note), then the articles tagged
with it in their front matter only, and Enter opens one in the reader.

A tag's counts cover it and the tags below it, each passage and article once, so `trade`
counts the passages tagged `trade/de-risking` too, as the list filter and `tag:` search do.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static, Tree
from textual.widgets.option_list import Option

from library.annotations import TaggedPassage
from library.filters import articles_with_tag, has_tag, tag_names, tags_by_article
from library.safetext import visible

from .lines import article_lines, passage_lines
from .messages import ArticleChosen, FilterByTag, PassageChosen
from .orphans_screen import OrphansScreen


class TagsScreen(Screen):
    HELP_TITLE = "All tags"
    BINDINGS = [
        Binding("escape,q", "close", "Back", id="tags.close"),
        Binding("f", "filter", "Filter list by tag", id="tags.filter"),
        Binding("o", "orphans", "Orphans", id="tags.orphans"),
    ]
    DEFAULT_CSS = """
    TagsScreen #tags-note { height: auto; padding: 0 1; color: $text-muted; }
    TagsScreen #tags-tree { width: 38%; min-width: 24; border-right: vkey $foreground 20%; }
    TagsScreen #tag-passages { width: 1fr; border: none; }
    TagsScreen #tag-passages > .option-list--option { padding: 0 1; }
    """

    def __init__(self, tagging) -> None:
        super().__init__()
        self.tagging = tagging  # controller.py: reads the tags in turn with its writes
        self.passages: list = []
        self.entries: dict = {}
        self.tagged: dict[str, set[str]] = {}
        self.shown: list = []  # passages, then catalogue entries

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Reading the tags…", id="tags-note", markup=False)
        with Horizontal():
            tree: Tree[str] = Tree("tags", id="tags-tree")
            tree.show_root = False
            tree.auto_expand = False
            yield tree
            yield OptionList(id="tag-passages")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Tree).focus()
        self.tagging.read_library(self._fill)

    def _fill(self, passages, entries) -> None:
        self.passages, self.entries = passages, entries
        tree = self.query_one(Tree)
        tree.clear()
        nodes = {}
        self.tagged = tags_by_article(entries.values(), passages)
        for tag in tag_names([*(t for p in passages for t in p.tags), *(t for tags in self.tagged.values() for t in tags)]):
            parent = nodes[tag.rsplit("/", 1)[0].casefold()] if "/" in tag else tree.root
            count = sum(1 for p in passages if has_tag(p.tags, tag))
            articles = len(articles_with_tag(self.tagged, tag))
            label = Text(visible(tag.rsplit("/", 1)[-1]), end="")
            label.append(f"  {count} · {articles} article{'s' if articles != 1 else ''}", "dim")
            nodes[tag.casefold()] = parent.add(label, data=tag, expand=True)
        for node in nodes.values():
            node.allow_expand = bool(node.children)
        orphans = sum(1 for p in passages if p.orphan)
        note = f"{len(nodes)} tags · {len(passages)} tagged passages · {sum(1 for t in self.tagged.values() if t)} tagged articles"
        if orphans:
            note += f" · {orphans} orphaned (o lists them)"
        if not nodes:
            note = "No tags yet. In the reader: ) or } moves the cursor, v selects, t tags."
        self.query_one("#tags-note", Static).update(note + " · enter: passages / open · f: filter the list · esc: back")
        if nodes:
            tree.move_cursor(next(iter(nodes.values())))

    @property
    def tag(self) -> str | None:
        node = self.query_one(Tree).cursor_node
        return node.data if node is not None else None

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted) -> None:
        tag = event.node.data
        if tag is None:
            return
        found = [p for p in self.passages if has_tag(p.tags, tag)]
        found.sort(key=lambda p: (-_date_key(self.entries.get(p.article_id)), p.article_id, p.anchor.block, p.anchor.start))
        with_passages = {p.article_id for p in found}
        others = [self.entries[i] for i in articles_with_tag(self.tagged, tag) if i not in with_passages]
        others.sort(key=lambda e: (-_date_key(e), e.id))
        self.shown = [*found, *others]
        options = self.query_one("#tag-passages", OptionList)
        options.clear_options()
        options.add_options([Option(passage_lines(p, self.entries.get(p.article_id))) for p in found])
        options.add_options([Option(article_lines(e)) for e in others])

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        options = self.query_one("#tag-passages", OptionList)
        if self.shown:
            options.highlighted = 0
            options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        passage = self.shown[event.option_index]
        if not isinstance(passage, TaggedPassage):
            self.post_message(ArticleChosen(passage.id))
        elif passage.orphan:
            self.notify("This passage's words are no longer in its article: o lists the orphans", timeout=4)
        else:
            self.post_message(PassageChosen(passage))

    def action_filter(self) -> None:
        if self.tag:
            self.post_message(FilterByTag(self.tag))

    def action_orphans(self) -> None:
        self.app.push_screen(OrphansScreen(self.tagging))

    def action_close(self) -> None:
        self.app.pop_screen()


def _date_key(entry) -> int:
    date = entry.date if entry is not None else None
    return int(date.replace("-", "")) if date and date[:4].isdigit() else 0
