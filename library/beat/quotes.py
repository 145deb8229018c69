"""Quotes across the library: an article's quotes as the user sees them (their corrections
laid over the detector's speakers), and every quote of one speaker."""

from __future__ import annotations

from ..analysis import Analyser, _analyses
from ..model import Article
from ..quotes import Quote
from ..quotes.corrections import corrected, corrections


def article_quotes(library, analyser: Analyser, article: Article) -> list[Quote]:
    return corrected(library.root, article.id, analyser.analyse(article).quotes)


def library_quotes(library, analyser: Analyser, speaker: str | None = None, entries=None) -> list[tuple[object, Quote]]:
    """(catalogue entry, quote) of every article (or the given entries), in catalogue order;
    only `speaker`'s (a canonical name) when given."""
    fixes = corrections(library.root)
    out = []
    for entry, found in _analyses(library, analyser, entries):
        for q in corrected(library.root, entry.id, found.quotes) if entry.id in fixes else found.quotes:
            if speaker is None or q.speaker == speaker:
                out.append((entry, q))
    return out
