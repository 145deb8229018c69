"""A real HTTP server on 127.0.0.1 for the web tests, with feeds and pages written here.

`Site` serves routes added by path: a body with a content type, a status and headers, an ETag
(answered 304 when the client sends it back), a delay, or a function for anything else. Every
request is logged with its headers, so a test can assert what the client asked and how often.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable

import pytest


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict = field(default_factory=dict)
    etag: str | None = None
    delay: float = 0.0
    handler: Callable | None = None  # (request headers) -> (status, headers, body)


class Site:
    def __init__(self, host: str = "127.0.0.1", delay: float = 0.0):
        self.routes: dict[str, Route] = {}
        self.log: list[tuple[str, dict]] = []
        self.delay = delay  # added to every response (the benchmark's far-away server)
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                site._serve(self)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer((host, 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://{host}:{self.server.server_port}"
        self._thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes | str = b"", content_type: str = "text/html; charset=utf-8", **kw) -> str:
        raw = body.encode("utf-8") if isinstance(body, str) else body
        headers = {"Content-Type": content_type, **kw.pop("headers", {})} if content_type else kw.pop("headers", {})
        self.routes[path] = Route(raw, headers=headers, **kw)
        return self.url(path)

    def requests(self, path: str | None = None) -> list[dict]:
        with self._lock:
            return [headers for p, headers in self.log if path is None or p == path]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _serve(self, request: BaseHTTPRequestHandler) -> None:
        headers = {k.lower(): v for k, v in request.headers.items()}
        with self._lock:
            self.log.append((request.path, headers))
        route = self.routes.get(request.path)
        if self.delay or (route and route.delay):
            time.sleep(self.delay + (route.delay if route else 0))
        if route is None:
            status, out, body = 404, {"Content-Type": "text/plain"}, b"not here"
        elif route.handler:
            status, out, body = route.handler(headers)
        elif route.etag and headers.get("if-none-match") == route.etag:
            status, out, body = 304, {"ETag": route.etag}, b""
        else:
            status, out, body = route.status, dict(route.headers), route.body
            if route.etag:
                out["ETag"] = route.etag
        try:
            request.send_response(status)
            for name, value in out.items():
                request.send_header(name, value)
            if "Content-Length" not in out:
                request.send_header("Content-Length", str(len(body)))
            request.end_headers()
            request.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture
def site():
    server = Site()
    yield server
    server.close()


def rss(items: list[dict], title: str = "Strait Watch") -> str:
    """An RSS 2.0 feed; each item may give title, link, description, content, date, author, guid."""
    parts = []
    for item in items:
        content = f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>" if "content" in item else ""
        parts.append(
            f"<item><title>{item['title']}</title><link>{item['link']}</link>"
            f"<guid>{item.get('guid', item['link'])}</guid>"
            f"<pubDate>{item.get('date', 'Tue, 07 Nov 2023 08:00:00 GMT')}</pubDate>"
            f"<author>{item.get('author', 'desk@strait.example (Mei Lin)')}</author>"
            f"<description><![CDATA[{item.get('description', 'A short teaser.')}]]></description>{content}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{title}</title><link>http://strait.example/</link><description>News</description>"
        + "".join(parts)
        + "</channel></rss>"
    )


def paragraphs(topic: str, count: int = 6) -> list[str]:
    """Distinct article paragraphs, long enough for the extractor to take them as the story."""
    return [
        f"{topic}: paragraph {n} reports that officials in Beijing and Washington met again this week to discuss "
        f"export controls, shipping lanes in the strait and the next round of tariff talks, said people briefed on it."
        for n in range(1, count + 1)
    ]


def article_page(title: str, topic: str | None = None, extra_head: str = "", count: int = 6) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs(topic or title, count))
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>{extra_head}</head>"
        f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>Copyright Strait Watch</footer></body></html>"
    )


def full_text(topic: str) -> str:
    """Entry content long enough to count as the full article (no page fetch)."""
    return "".join(f"<p>{p}</p>" for p in paragraphs(topic, 8))
