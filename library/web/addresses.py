"""One spelling per web address, so the same page saved twice is found to be the same.

Scheme and host are case-insensitive, a default port and a #fragment say nothing about the
page, and utm_* and similar tracking parameters are added by whoever shared the link.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING = ("utm_", "mc_", "fbclid", "gclid", "ocid", "cmpid")


def canonical_url(url: str) -> str:
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return url
    host = parts.hostname
    if parts.port and parts.port != {"http": 80, "https": 443}[parts.scheme]:
        host = f"{host}:{parts.port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.lower().startswith(_TRACKING)]
    return urlunsplit((parts.scheme, host, parts.path or "/", urlencode(query), ""))


def host_of(url: str) -> str:
    return urlsplit(url).hostname or url
