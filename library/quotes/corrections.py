"""Speakers corrected by hand, kept in `quotes.yaml` in the library folder.

The detector's speakers live in the analysis cache, which is derived and rebuilt whenever the
code or the gazetteer changes; a correction must outlive that, so it is kept apart, in a file
a person can read and edit, and laid over the detector's quotes whenever they are shown,
searched or listed. A correction names the article, where its quote starts (block and offset)
and the quote's first words: when the article's text moves the quote, the words still find it.
A file that does not parse is never overwritten, and is reported in one line.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Iterable

from .. import safeyaml, yamledit
from ..fileio import atomic_write
from ..safetext import visible
from .model import Quote

FILE = "quotes.yaml"
HEADER = ("# Speakers of quotes corrected by hand in Cuttings (the Quotes tab of the reader).\n"
          "# Each entry: an article, where its quote starts (block, offset) and its first words, and who\n"
          "# said it (an empty speaker: nobody). Kept when articles are analysed again.\n")
WORDS = 60  # characters of the quote kept to find it again


class QuotesFileError(ValueError):
    """quotes.yaml cannot be read or edited safely; the message is one line."""


_READ: dict[str, tuple[tuple, dict]] = {}  # path -> (stamp, corrections), re-read only when it changes


def corrections(root: Path | str | None) -> dict[str, list[dict]]:
    """Article id -> its corrections ({"block", "start", "quote", "speaker"}); raises
    QuotesFileError for a file that is not a list of such entries."""
    if root is None:
        return {}
    path = Path(root) / FILE
    try:
        stat = path.stat()
    except OSError:
        return {}
    stamp = (stat.st_mtime_ns, stat.st_size)
    known = _READ.get(str(path))
    if known is not None and known[0] == stamp:
        return known[1]
    found: dict[str, list[dict]] = {}
    for entry in _entries(_parse(path), path):
        found.setdefault(str(entry["article"]), []).append(entry)
    _READ[str(path)] = (stamp, found)
    return found


def corrected(root: Path | str | None, article_id: str, quotes: Iterable[Quote]) -> list[Quote]:
    """An article's quotes as the user sees them: their corrections laid over the detector's."""
    return apply(quotes, corrections(root).get(article_id, []))


def apply(quotes: Iterable[Quote], fixes: list[dict]) -> list[Quote]:
    """The quotes with the user's speakers laid over the detector's."""
    out = []
    for q in quotes:
        fix = next((f for f in fixes if _same(q, f)), None)
        out.append(q if fix is None else replace(q, speaker=str(fix["speaker"] or ""), corrected=True))
    return out


def correct_speaker(library, article_id: str, quote: Quote, speaker: str) -> None:
    """Keep `speaker` ("" for nobody) as who said `quote`, replacing an earlier correction."""
    speaker = " ".join(str(speaker).split())
    if visible(speaker) != speaker:
        raise QuotesFileError(f"the speaker {visible(speaker)!r} holds control or bidi characters: leave them out")
    path = Path(library.root) / FILE
    with library.lock():
        prefix, data = HEADER, {}
        if path.exists():
            text = path.read_text(encoding="utf-8")
            _entries(_parse(path), path)  # refuse to rewrite a file we could not read back
            if text.strip():
                try:
                    loaded = yamledit.load(text)
                except yamledit.UneditableYaml as exc:
                    raise QuotesFileError(f"{path}: {exc}; fix it by hand before correcting here") from None
                if loaded is None:
                    prefix = text.rstrip("\n") + "\n"
                else:
                    prefix, data = "", loaded
        entries = data.setdefault("corrections", [])
        for i in reversed(range(len(entries))):
            if str(entries[i].get("article")) == article_id and _same(quote, entries[i]):
                del entries[i]
        entries.append({"article": article_id, "block": quote.block, "start": quote.start,
                        "quote": quote.text[:WORDS], "speaker": speaker, "was": quote.speaker})
        atomic_write(path, prefix + yamledit.dump(data))


def _same(q: Quote, fix: dict) -> bool:
    if fix.get("block") == q.block and fix.get("start") == q.start:
        return True
    words = str(fix.get("quote") or "")
    return bool(words) and q.text.startswith(words)


def _parse(path: Path):
    try:
        return safeyaml.parse(path.read_text(encoding="utf-8"), path)
    except UnicodeDecodeError:
        raise QuotesFileError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise QuotesFileError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except safeyaml.YamlError as exc:
        raise QuotesFileError(str(exc)) from None


def _entries(data, path: Path) -> list[dict]:
    if data is None:
        return []
    items = data.get("corrections") if isinstance(data, dict) else None
    if not isinstance(items, list) or not all(
            isinstance(e, dict) and e.get("article") and isinstance(e.get("block", 0), int)
            and isinstance(e.get("start", 0), int) and isinstance(e.get("speaker", ""), (str, type(None))) for e in items):
        raise QuotesFileError(f"{path}: expected a 'corrections' list of entries with article, block, start and speaker")
    return items

