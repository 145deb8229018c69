"""Quotes in the app: the open article's quotes with the user's speakers, and a correction
kept in quotes.yaml, then brought into the search index off the UI thread."""

from __future__ import annotations

from library.quotes.corrections import QuotesFileError, correct_speaker, corrected



def shown_quotes(library, article_id: str, quotes) -> tuple[list, str | None]:
    """The quotes to show, and a one-line problem with quotes.yaml (then the detector's speakers)."""
    try:
        return corrected(library.root, article_id, quotes), None
    except QuotesFileError as exc:
        return list(quotes), f"{exc}; showing the speakers as found"


def keep_correction(app, article_id: str, quote, speaker: str) -> bool:
    """Write the correction (False, with a notice, when it cannot be kept) and re-index."""
    try:
        correct_speaker(app.library, article_id, quote, speaker)
    except (QuotesFileError, OSError) as exc:
        app.notify(f"speaker not corrected: {exc}", severity="error", markup=False)
        return False

    def work() -> None:
        for notice in app.library_search.sync([article_id]):
            app.notify(notice, severity="warning", markup=False)

    app.run_worker(work, thread=True, group="quote-sync", exit_on_error=False)
    return True
