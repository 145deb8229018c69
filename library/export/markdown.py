"""Tagged passages as Markdown grouped by tag, ready to paste into a report.

Tags nest as headings (trade, then de-risking under it); each passage is a block quote followed
by where it comes from and the reader's note. Article text is escaped so that a stray
asterisk or bracket in a quote cannot turn into formatting.
"""

from __future__ import annotations

import datetime as dt
import re

from ..annotations import tag_tree
from .records import Record

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def render(records: list[Record], tag_filter: str | None = None) -> str:
    tags = tag_tree(t for r in records for t in r.tags)
    today = dt.date.today().isoformat()
    scope = f" under “{tag_filter}”" if tag_filter else ""
    lines = ["# Tagged passages", "",
             f"Exported from Cuttings on {today}: {len(records)} passages{scope}, {len(tags)} tags.", ""]
    for tag in tags:
        depth = tag.count("/")
        mine = [r for r in records if tag in r.tags]
        lines += [f"{'#' * min(depth + 2, 6)} {_escape(tag.rsplit('/', 1)[-1])}"
                  + (f" ({len(mine)})" if mine else ""), ""]
        for record in mine:
            lines += _passage(record)
    return "\n".join(lines).rstrip() + "\n"


def _passage(record: Record) -> list[str]:
    passage, article = record.passage, record.article
    lines = []
    for i, block in enumerate(passage.quote.split("\n")):
        lines += [">"] if i else []
        lines.append(f"> {_escape(block)}")
    title = f"[{_escape(article.title)}](<{article.url}>)" if article.url else f"*{_escape(article.title)}*"
    cite = ", ".join([title, *(_escape(x) for x in (article.source, article.date or "") if x)])
    if passage.orphan:
        cite += " (these words are no longer in the article)"
    lines += ["", f"— {cite}", ""]
    if passage.note:
        lines += ["*Note:* " + "  \n".join(_escape(line) for line in passage.note.split("\n")), ""]
    return lines


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)
