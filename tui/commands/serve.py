"""`cuttings serve`: the same app in a web browser, through textual-serve.

The server listens on 127.0.0.1 only: the app reads and writes the user's library, so it is not
offered to the network. Each browser tab starts its own `cuttings` process on the library.
"""

from __future__ import annotations

import shlex
import socket
import sys

from ..console import CommandError, console

HOST = "127.0.0.1"


def register(sub) -> None:
    p = sub.add_parser("serve", help="open the app in a web browser (on 127.0.0.1 only)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    p.add_argument("--demo", action="store_true", help="serve the bundled demo library")
    p.set_defaults(func=run_serve)


def app_command(args) -> str:
    """The command line each browser tab runs: this Python, this library."""
    words = [sys.executable, "-m", "tui.cli"]
    words += ["--demo"] if args.demo else ["--library", str(args.library_root)]
    return shlex.join(words)


def check_port(port: int) -> None:
    """Fail in one line before the server starts, instead of in an aiohttp traceback."""
    if not 0 < port < 65536:
        raise CommandError(f"--port {port}: not a port number (1-65535)")
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((HOST, port))
        except OSError as exc:
            raise CommandError(f"cannot listen on {HOST}:{port} ({exc.strerror})") from None


def run_serve(args) -> int:
    from textual_serve.server import Server

    check_port(args.port)
    console.print(f"Cuttings at http://{HOST}:{args.port} (this computer only); Ctrl+C stops it", markup=False)
    Server(app_command(args), host=HOST, port=args.port, title="Cuttings").serve()
    return 0
