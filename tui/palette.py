"""ctrl+p: the library's commands in Textual's command palette.

Import, reindex, filters by issue, entity, tag and source (each with how many articles it
keeps), highlights, theme and the library folder: everything the app can do, findable by
typing part of its name. Filter choices come from what the library holds right now (issues
and entities from the analysis done so far, tags from the passage annotations, sources from
the catalogue), gathered off the UI thread when the palette opens.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider

from library.annotations import Annotations
from library.filters import articles_with_tag, tag_names, tags_by_article

from .tagging.orphans_screen import OrphansScreen
from .screens.path_prompt import PathPrompt
from .screens.search import open_search
from .workers import start_import, start_reindex


@dataclass(frozen=True)
class Command:
    title: str
    help: str
    run: Callable[[], object]
    discoverable: bool = True  # listed before the user types anything


def _plural(n: int) -> str:
    return f"{n} article{'s' * (n != 1)}"


def _collections(library) -> list:
    """The saved collections; a damaged file is reported when the switcher opens, not here."""
    from library.smartcollections import Collections, CollectionsError

    try:
        return Collections(library).load()
    except CollectionsError:
        return []


class LibraryCommands(Provider):
    async def startup(self) -> None:
        self.commands = [*self._actions(), *await asyncio.to_thread(self._filters)]

    def _reading(self):
        """The main screen, brought to the top (a filter is pointless under a dialog)."""
        app = self.app
        while len(app.screen_stack) > 1 and app.screen is not app.reading:
            app.pop_screen()
        return app.reading

    def _actions(self) -> list[Command]:
        app = self.app
        root = app.library.root

        def ask_import() -> None:
            app.push_screen(PathPrompt("Import a file or folder (Markdown, text, HTML, RSS/Atom)"), lambda p: p and start_import(app, app.library, [p]))

        def show_folder() -> None:
            app.copy_to_clipboard(str(root))
            app.notify(f"{root}  (copied to the clipboard)", title="Library folder", markup=False, timeout=10)

        return [
            Command("Search the library", "Words, \"phrases\", entity:, issue:, tag:, source:, date: (key /)", lambda: open_search(app)),
            Command("Add an article…", "Paste text copied from a page, or type its web address (key a)", app.action_add),
            Command("Import a file or folder…", "Add articles; bad files are reported by name", ask_import),
            Command("Feeds", "Follow, rename or stop following feeds; see how each fetch went (key W)", app.action_feeds),
            Command("Fetch feeds and saved links", "Bring new articles from the web (key R)", app.action_refresh_feeds),
            Command("Reindex the library", "Rebuild the search index from the article files", lambda: start_reindex(app, app.library)),
            Command("Clear the filter", "Show every article again", lambda: self._reading().set_filter(None)),
            Command("Open the original in the browser", "The open article's web address (key O in the reader)", lambda: self._reading().reader.action_open_original()),
            Command("Collections", "Saved queries with live counts; C saves the list's query as one (key c)", lambda: self._reading().action_collections()),
            Command("Toggle entity highlights", "Show or hide people, organisations and places", lambda: self._reading().reader.action_toggle_highlights()),
            Command("All tags", "The tag tree with counts; open any tagged passage (key T)", app.action_tags),
            Command("Issue trends", "Attention per issue over time, outlets side by side (key V)", app.action_trends),
            Command("Entity page…", "One person, organisation or place across the library (key p in the reader)", self._ask_entity),
            Command("Passage workbench", "Every tagged passage and note: filter, edit, rename tags, export (key P)", app.action_workbench),
            Command("Codebook", "Tag memos and which tags go together (tag x tag, tag x issue)", app.action_codebook),
            Command("Orphaned passages", "Tagged passages whose words left their article", lambda: app.push_screen(OrphansScreen(app.tagging))),
            Command("Switch theme…", "Pick a colour theme (kept in config.yaml)", app.action_change_theme),
            Command("Show the library folder", "Where the article files are (copied to the clipboard)", show_folder),
            Command("Keys and help", "Every key of the pane you are in (key ?)", app.action_help),
            Command("Quit", "Leave Cuttings (key q)", app.action_quit),
        ]

    def _filters(self) -> list[Command]:
        """Runs in a thread: reads the catalogue, the analysis facts and the tag files."""
        app = self.app
        entries = app.library.entries()
        known = dict(app.facts.known)
        issues = Counter(pair for facts in known.values() for pair in facts.issues)
        entities = Counter(name for facts in known.values() for name, _kind in facts.entities)
        sources = Counter(e.source for e in entries if e.source)
        tagged = tags_by_article(entries, Annotations(app.library).all_passages())
        commands = [
            Command(f"Filter by issue: {label}", _plural(n), lambda i=issue_id, l=label: self._reading().filter_by_issue(i, l))
            for (issue_id, label), n in issues.most_common()
        ]
        commands += [
            Command(f"Filter by entity: {name}", _plural(n), lambda c=name: self._reading().filter_by_entity(c), False)
            for name, n in entities.most_common()
        ]
        commands += [
            Command(f"Entity page: {name}", _plural(n), lambda c=name: self.app.action_entity_page(c), False)
            for name, n in entities.most_common()
        ]
        commands += [
            Command(f"Filter by tag: {tag}", _plural(len(ids)), lambda t=tag: self._reading().filter_by_tag(t, lambda i: tagged.get(i, ())))
            for tag in tag_names(t for tags in tagged.values() for t in tags)
            if (ids := articles_with_tag(tagged, tag))
        ]
        commands += [
            Command(f"Filter by source: {source}", _plural(n), lambda s=source: self._reading().filter_by_source(s), False)
            for source, n in sources.most_common()
        ]
        commands += [
            Command(f"Collection: {c.name}", c.query, lambda c=c: self._reading().show_collection(c), c.pinned)
            for c in _collections(app.library)
        ]
        return commands

    def _ask_entity(self) -> None:
        from .screens.text_prompt import TextPrompt

        self.app.push_screen(TextPrompt("Entity page of (a name or any spelling of it)"),
                             lambda name: name and self.app.action_entity_page(name))

    async def discover(self) -> Hits:
        for command in self.commands:
            if command.discoverable:
                yield DiscoveryHit(command.title, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self.commands:
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), command.run, text=command.title, help=command.help)
