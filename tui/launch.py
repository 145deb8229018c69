"""`cuttings` with no command: find (or make) the library and open the app.

`--demo` copies the bundled demo into the user's data folder on first use and reuses that copy
afterwards, so stars, read marks and corrections made in the demo survive; the installed
package is never written to.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

from library.location import APP_NAME, library_path
from library.store import Library

from .console import CommandError, console


def demo_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME)) / "demo"


def prepare_demo(dest: Path) -> Library:
    """The demo library at dest, installed there first if it holds no articles yet
    (install_demo also completes an install that was interrupted)."""
    library = Library(dest)
    if library.articles_dir.is_dir() and library.entries():
        return library
    from library.demo import DemoError, install_demo

    console.print(f"Installing the demo library in {dest} …", markup=False)
    try:
        install_demo(dest)
    except DemoError as exc:
        raise CommandError(str(exc)) from None
    library = Library(dest)
    build_index(library)
    return library


def build_index(library: Library) -> None:
    """Index the demo now, so the first search answers at once."""
    from .sync import app_changed

    for notice in app_changed(library):
        console.print(notice, markup=False)


def open_app(args) -> int:
    if args.demo:
        library, name = prepare_demo(demo_path()), "demo"
    else:
        library, name = Library(library_path(args.library), trust_folder=True), None  # tui/watching.py checks the files
    try:
        library.ensure()
    except OSError as exc:
        raise CommandError(f"{library.root}: cannot use this folder as a library ({exc.strerror})") from None
    from .app import CuttingsApp

    app = CuttingsApp(library, name)
    app.run()
    return app.return_code or 0  # non-zero when the app stopped on an error
