"""The `cuttings` command: subcommands for scripting, and the app when run alone."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from typing import Sequence

from library.fileio import explain
from library.location import library_path

from . import commands
from .console import CommandError, error_console, fail

LIBRARY_HELP = "library folder (default: $CUTTINGS_LIBRARY or the platform data dir)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cuttings",
        description="A keyboard-driven terminal reader for your library of news and analysis articles.",
    )
    parser.add_argument("--library", metavar="DIR", help=LIBRARY_HELP)
    parser.add_argument("--demo", action="store_true", help="open the app on a copy of the bundled demo library")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        importlib.import_module(f"{commands.__name__}.{info.name}").register(sub)
    for command in sub.choices.values():
        # also after the command name; SUPPRESS keeps a --library given before it
        command.add_argument("--library", metavar="DIR", default=argparse.SUPPRESS, help=LIBRARY_HELP)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from .launch import open_app

            return open_app(args)
        args.library_root = library_path(args.library)
        return int(args.func(args) or 0)
    except CommandError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        error_console.print("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a full disk, a read-only folder: what failed, in one line
        return fail(explain(exc))


if __name__ == "__main__":
    sys.exit(main())
