"""`cuttings serve`: the app reaches a browser over a websocket, on 127.0.0.1 only."""

from __future__ import annotations

import asyncio
import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def isolated_env(tmp_path: Path) -> dict:
    env = dict(os.environ)
    for name in ("DATA", "CONFIG", "CACHE"):
        env[f"XDG_{name}_HOME"] = str(tmp_path / name.lower())
    env.pop("CUTTINGS_LIBRARY", None)
    return env


def cuttings(*args: str, env: dict, **kw):
    return subprocess.Popen([sys.executable, "-m", "tui.cli", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def wait_for_port(port: int, process, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listened on {port}")


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a socket listening on port, from /proc/net/tcp (state 0A = LISTEN)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hexport = local.rsplit(":", 1)
            if state == "0A" and int(hexport, 16) == port:
                found.add(address)
    return found


async def first_screen(port: int, seconds: float = 30) -> str:
    """What the app draws for a browser tab, with the terminal escape sequences left out."""
    received = b""
    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(f"http://127.0.0.1:{port}/ws") as ws:
            await ws.send_str(json.dumps(["resize", {"width": 120, "height": 40}]))
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline and "Cuttings — demo" not in plain(received):
                try:
                    message = await ws.receive(timeout=1)
                except asyncio.TimeoutError:
                    continue
                if message.type != aiohttp.WSMsgType.BINARY:
                    break
                received += message.data
    return plain(received)


def plain(terminal_output: bytes) -> str:
    text = terminal_output.decode("utf-8", "replace")
    return re.sub(r"\x1b\[[0-9;?$]*[A-Za-z]|\x1b\][^\x07]*\x07", "", text)


@pytest.fixture
def server(tmp_path):
    port = free_port()
    process = cuttings("serve", "--demo", "--port", str(port), env=isolated_env(tmp_path))
    try:
        wait_for_port(port, process)
        yield port
    finally:
        process.terminate()
        process.wait(10)


def test_serve_shows_the_app_in_a_browser_tab_on_loopback_only(server):
    page = asyncio.run(_get(f"http://127.0.0.1:{server}/"))
    assert f"ws://127.0.0.1:{server}/ws" in page
    if os.path.exists("/proc/net/tcp"):
        assert listening_addresses(server) == {"0100007F"}  # 127.0.0.1, not 0.0.0.0
    screen = asyncio.run(first_screen(server))
    assert "Cuttings — demo" in screen  # the app's title bar, drawn for the browser


async def _get(url: str) -> str:
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            assert response.status == 200
            return await response.text()


def test_a_port_in_use_is_one_line(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = cuttings("serve", "--port", str(port), env=isolated_env(tmp_path))
        out, err = process.communicate(timeout=30)
    assert process.returncode == 1
    assert err.strip().splitlines() == [f"cuttings: error: cannot listen on 127.0.0.1:{port} (Address already in use)"]
