"""One polite HTTP client for everything Cuttings fetches.

Every request names Cuttings and its version, has connect and read timeouts, and waits for a
slot: at most 8 requests at once in all and 2 per host, so a fetch of many feeds never hammers
one site. Redirects are followed here, not by httpx, to tell a permanent move (301/308, whose
new address the caller stores) from a temporary one (302/307), and to name a loop. The body is
read in pieces and given up past a size cap, counted after gzip/deflate decoding, so neither a
huge page nor a small compressed bomb can fill memory. Every failure is a `FetchError` whose
message is one line a user can act on.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 10
TOTAL_SLOTS = 8
HOST_SLOTS = 2


def user_agent() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        number = version("cuttings")
    except PackageNotFoundError:  # run from a checkout
        number = "0.1.0"
    return f"Cuttings/{number}"


class FetchError(Exception):
    """A request that brought nothing usable; `str()` is one line naming the address.
    `retry_at` is set when the server asked to be left alone until then (429/503); `transient`
    when trying again later may well work (no connection, a timeout, a server error)."""

    def __init__(
        self, url: str, reason: str, status: int | None = None, retry_at: dt.datetime | None = None, transient: bool = False
    ):
        super().__init__(f"{url}: {reason}")
        self.url, self.reason, self.status, self.retry_at = url, reason, status, retry_at
        self.transient = transient or status in (408, 425, 429) or (status or 0) >= 500


@dataclass(frozen=True)
class Fetched:
    url: str  # where the body came from, after redirects
    status: int  # 200, or 304 for a conditional request answered "not modified"
    body: bytes = b""
    headers: dict = field(default_factory=dict)  # lower-case names
    moved_to: str | None = None  # the new address when every redirect on the way was permanent

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = part.partition("=")
            if name.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None


class Fetcher:
    """A shared client with the slot limits above; safe to use from many threads at once."""

    def __init__(
        self,
        connect_timeout: float = 10.0,
        read_timeout: float = 30.0,
        total_slots: int = TOTAL_SLOTS,
        host_slots: int = HOST_SLOTS,
        max_bytes: int = MAX_BYTES,
    ):
        timeout = httpx.Timeout(connect=connect_timeout, read=read_timeout, write=read_timeout, pool=None)
        self._client = httpx.Client(
            headers={"User-Agent": user_agent(), "Accept-Encoding": "gzip, deflate"},
            timeout=timeout,
            follow_redirects=False,
            limits=httpx.Limits(max_connections=total_slots, max_keepalive_connections=total_slots),
        )
        self._total = threading.BoundedSemaphore(total_slots)
        self._hosts: dict[str, threading.BoundedSemaphore] = defaultdict(lambda: threading.BoundedSemaphore(host_slots))
        self._hosts_lock = threading.Lock()
        self.max_bytes = max_bytes

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None, accept: str = "*/*") -> Fetched:
        """GET `url`, following redirects; with `etag`/`last_modified` a conditional request."""
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        seen = [url]
        moved_to = None
        permanent = True
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            status, location, result = self._request(current, headers)
            if location is None:
                return Fetched(current, status, result[0], result[1], moved_to)
            if location in seen:
                raise FetchError(url, f"redirect loop ({current} sends back to {location})", status)
            permanent = permanent and status in (301, 308)
            if permanent:
                moved_to = location
            seen.append(location)
            current = location
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")

    def _request(self, url: str, headers: dict) -> tuple[int, str | None, tuple[bytes, dict]]:
        """One request in a slot: (status, redirect target or None, (body, headers))."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(url, "not a web address (http:// or https://)")
        with self._hosts_lock:
            host_slot = self._hosts[host_key(url)]
        with host_slot, self._total:
            try:
                with self._client.stream("GET", url, headers=headers) as response:
                    return self._read(url, response)
            except httpx.TimeoutException as exc:
                what = "connecting" if isinstance(exc, (httpx.ConnectTimeout, httpx.PoolTimeout)) else "waiting for an answer"
                raise FetchError(url, f"timed out {what} ({parts.hostname})", transient=True) from None
            except httpx.ConnectError as exc:
                raise FetchError(url, f"cannot connect to {parts.hostname}: {_plain(exc)}", transient=True) from None
            except httpx.DecodingError:
                raise FetchError(url, "the server sent a broken gzip/deflate body") from None
            except httpx.HTTPError as exc:
                raise FetchError(url, f"network error ({type(exc).__name__}: {_plain(exc)})", transient=True) from None

    def _read(self, url: str, response: httpx.Response) -> tuple[int, str | None, tuple[bytes, dict]]:
        status = response.status_code
        headers = {k.lower(): v for k, v in response.headers.items()}
        if status in (301, 302, 303, 307, 308):
            if "location" not in headers:
                raise FetchError(url, f"HTTP {status} redirect without an address", status)
            return status, str(response.url.join(headers["location"])), (b"", headers)
        if status == 304:
            return status, None, (b"", headers)
        if status >= 400:
            retry_at = retry_after(headers.get("retry-after")) if status in (429, 503) else None
            reason = f"HTTP {status} {response.reason_phrase}".rstrip()
            if retry_at:
                reason += f"; the server asks to wait until {retry_at:%Y-%m-%d %H:%M} UTC"
            raise FetchError(url, reason, status, retry_at)
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(url, f"{_megabytes(int(declared))} is over the {_megabytes(self.max_bytes)} limit", status)
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(url, f"the body is over the {_megabytes(self.max_bytes)} limit", status)
            chunks.append(chunk)
        return status, None, (b"".join(chunks), headers)


def host_key(url: str) -> str:
    """What the per-host limit counts by: host and port, as a server is reached."""
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port or parts.scheme}"


def retry_after(value: str | None, now: dt.datetime | None = None) -> dt.datetime | None:
    """The moment a Retry-After header names (seconds from now, or an HTTP date), in UTC."""
    if not value:
        return None
    now = now or dt.datetime.now(dt.timezone.utc)
    value = value.strip()
    if value.isdigit():
        return now + dt.timedelta(seconds=int(value))
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB" if size >= 1024 * 1024 else f"{size} bytes"


def _plain(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[-1] if text else type(exc).__name__
