"""How tagged passages read on screen: in the Tags and Orphans lists, in the Tags tab and on
the reader's status line. Rich text built from data, never markup; no Textual.
"""

from __future__ import annotations

from rich.text import Text

from library.annotations import TaggedPassage
from library.safetext import shorten, visible


def tag_list(tags) -> str:
    return ", ".join(visible(t) for t in tags)


def passage_lines(passage: TaggedPassage, entry) -> Text:
    """A passage as the Tags and Orphans screens list it: article and date, the quote, its
    tags and note."""
    if entry is None:
        line = Text(visible(passage.article_title or passage.article_id), "bold", end="")
        line.append("  " + " · ".join(x for x in (passage.article_date, "removed from the library") if x), "italic")
    else:
        line = Text(visible(entry.title), "bold", end="")
        line.append("  " + " · ".join(x for x in (entry.date or "undated", visible(entry.source)) if x), "dim")
    line.append("\n“" + shorten(passage.quote, 160) + "”")
    line.append("\n# " + tag_list(passage.tags), "dim")
    if passage.orphan:
        line.append("  orphaned: the words are gone from the article", "bold")
    if passage.note:
        line.append("  " + shorten(passage.note, 120), "italic")
    return line


def article_lines(entry) -> Text:
    """An article that carries a tag in its front matter, as the passage lists show it."""
    line = Text(visible(entry.title), "bold", end="")
    line.append("  " + " · ".join(x for x in (entry.date or "undated", visible(entry.source)) if x), "dim")
    line.append("\ntagged in its front matter", "dim italic")
    return line


def tab_lines(passage: TaggedPassage) -> Text:
    """A passage in the Tags tab: its tags, the quote, the note."""
    line = Text("# " + tag_list(passage.tags), "bold", end="")
    if passage.orphan:
        line.append("  (orphaned: its words are gone)", "italic")
    line.append("\n" + shorten(passage.quote, 140), "dim" if passage.orphan else "")
    if passage.note:
        line.append("\n" + shorten(passage.note, 140), "italic")
    return line


def selection_info(words: int, recent: list[str]) -> Text:
    """The status line while words are selected: how many, and the quick tags 1-9."""
    info = Text(f"Selected {words} word{'s' * (words != 1)} · t tag · esc cancel", "bold")
    for number, tag in enumerate(recent, 1):
        info.append(f"  {number} ", "bold reverse")
        info.append(visible(tag))
    return info


def passage_info(passage: TaggedPassage, editing: bool) -> Text:
    """The status line on a tagged passage: its tags and note, and what t and d do."""
    info = Text("# " + tag_list(passage.tags), "bold")
    if passage.note:
        info.append(f" · {shorten(passage.note, 80)}", "italic")
    info.append(f"   t {'edit' if editing else 'tag this'} · d remove", "dim")
    return info
