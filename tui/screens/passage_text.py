"""A tagged passage as the Tags and Orphans screens list it (its own module: both use it)."""

from __future__ import annotations

from rich.text import Text

from library.safetext import visible


def passage_lines(passage, entry) -> Text:
    """A passage as the lists show it: article and date, the quote, its tags and note."""
    if entry is None:
        line = Text(visible(passage.article_title or passage.article_id), "bold", end="")
        line.append("  " + " · ".join(x for x in (passage.article_date, "removed from the library") if x), "italic")
    else:
        line = Text(visible(entry.title), "bold", end="")
        line.append("  " + " · ".join(x for x in (entry.date or "undated", visible(entry.source)) if x), "dim")
    quote = visible(" ".join(passage.quote.split()))
    line.append("\n“" + (quote if len(quote) <= 160 else quote[:159] + "…") + "”")
    line.append("\n# " + ", ".join(visible(t) for t in passage.tags), "dim")
    if passage.orphan:
        line.append("  orphaned: the words are gone from the article", "bold")
    if passage.note:
        line.append("  " + visible(" ".join(passage.note.split()))[:120], "italic")
    return line
