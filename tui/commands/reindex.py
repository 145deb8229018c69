"""`cuttings reindex`: rebuild the search index from the library, with a progress bar."""

from __future__ import annotations

from ..console import CommandError, console
from .search import existing_library


def register(sub) -> None:
    p = sub.add_parser("reindex", help="rebuild the search index from the library")
    p.set_defaults(func=run_reindex)


def run_reindex(args) -> int:
    import time

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from index import BuildFailed, rebuild
    from library.fileio import explain

    library = existing_library(args)
    started = time.perf_counter()
    columns = TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("indexing", total=None)
        try:
            ix = rebuild(library, lambda done, total, stage: bar.update(task, completed=done, total=total, description=stage))
        except (BuildFailed, OSError) as exc:
            reason = explain(exc) if isinstance(exc, OSError) else exc
            raise CommandError(f"reindex of {library.root} failed ({reason}); the index in use is unchanged") from None
    console.print(f"indexed {ix.doc_count()} articles in {time.perf_counter() - started:.1f} s", markup=False)
    return 0
