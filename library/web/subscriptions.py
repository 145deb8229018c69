"""The feeds a library follows, and what the last fetch of each found: `feeds.yaml`.

One readable YAML file in the library folder, a list with one mapping per feed:

    - name: Pacific Ledger
      url: https://pacific-ledger.example/china.rss
      tags: [china, trade]
      state:                      # written by `cuttings fetch`
        checked: '2026-12-05T21:00:00+00:00'
        status: ok                # ok | not modified | failed | gone | waiting
        error: ''
        etag: '"abc"'
        last_modified: Sat, 05 Dec 2026 20:00:00 GMT
        retry_at: ''              # set by 429/503 with Retry-After
        articles: 12              # articles this feed brought, all told
        seen:                     # entry id or link -> the article it became ('' if none)
          https://pacific-ledger.example/a1: chip-rules-tighten-1a2b3c4d

Every change re-reads the file under the library lock and writes it atomically, so the app and
a cron job fetching at once lose nothing, and a crash leaves the old file or the new one.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterator

import yaml

from .. import safeyaml
from ..fileio import atomic_write

FILE_NAME = "feeds.yaml"
_HEADER = "# Feeds this library follows (cuttings feeds --help). `state` is written by cuttings fetch.\n"
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class FeedsFileError(ValueError):
    """feeds.yaml cannot be used; the message names it and says why in one line."""


@dataclass(frozen=True)
class Subscription:
    name: str
    url: str
    tags: tuple[str, ...] = ()
    state: dict = field(default_factory=dict, compare=False)

    @property
    def seen(self) -> dict[str, str]:
        return dict(self.state.get("seen") or {})


def feeds_path(library) -> Path:
    return Path(library.root) / FILE_NAME


def load_feeds(library) -> list[Subscription]:
    path = feeds_path(library)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise FeedsFileError(f"{path}: cannot read it ({getattr(exc, 'strerror', None) or exc})") from None
    try:
        data = safeyaml.parse(text, path)
    except safeyaml.YamlError as exc:
        raise FeedsFileError(str(exc)) from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise FeedsFileError(f"{path}: expected a list of feeds (- name: ... url: ...)")
    return [_subscription(path, n, item) for n, item in enumerate(data, start=1)]


def _subscription(path: Path, number: int, item) -> Subscription:
    if not isinstance(item, dict) or not item.get("name") or not item.get("url"):
        raise FeedsFileError(f"{path}: feed {number} needs a name and a url")
    tags = item.get("tags") or []
    tags = [tags] if isinstance(tags, str) else tags
    state = item.get("state") if isinstance(item.get("state"), dict) else {}
    return Subscription(str(item["name"]), str(item["url"]).strip(), tuple(str(t) for t in tags), state)


def save_feeds(library, feeds: list[Subscription]) -> None:
    rows = []
    for feed in feeds:
        row = {"name": feed.name, "url": feed.url, "tags": list(feed.tags)}
        if feed.state:
            row["state"] = feed.state
        rows.append(row)
    text = yaml.dump(rows, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096, default_flow_style=False)
    atomic_write(feeds_path(library), _HEADER + text)


@contextmanager
def editing_feeds(library) -> Iterator[list[Subscription]]:
    """The feed list to change in place; saved on leaving without an exception."""
    library.ensure()
    with library.lock():
        feeds = load_feeds(library)
        yield feeds
        save_feeds(library, feeds)


def update_states(library, states: dict[str, tuple[dict, str | None]]) -> None:
    """Store fetch results: feed name -> (new state, new address or None after a 301/308).
    A feed removed meanwhile (by the app, say) stays removed."""
    if not states:
        return
    with editing_feeds(library) as feeds:
        for i, feed in enumerate(feeds):
            if feed.name in states:
                state, moved_to = states[feed.name]
                feeds[i] = replace(feed, state=state, url=moved_to or feed.url)


def find_feed(feeds: list[Subscription], name: str) -> int:
    """The position of the feed called `name` (case-insensitive), or -1."""
    wanted = name.casefold()
    return next((i for i, feed in enumerate(feeds) if feed.name.casefold() == wanted), -1)


def remove_feed(library, name: str) -> Subscription:
    """Stop following a feed (its articles stay); FeedsFileError if there is none by that name."""
    with editing_feeds(library) as feeds:
        return feeds.pop(_position(feeds, name))


def rename_feed(library, name: str, new: str) -> Subscription:
    """The feed under its new name; a name that is empty or taken is refused in one line."""
    new = new.strip()
    with editing_feeds(library) as feeds:
        at = _position(feeds, name)
        other = find_feed(feeds, new)
        if not new or (other >= 0 and other != at):
            raise FeedsFileError(f"cannot rename to {new!r}: " + ("a feed has that name" if new else "the name is empty"))
        old = feeds[at]
        feeds[at] = replace(old, name=new)
        return old


def _position(feeds: list[Subscription], name: str) -> int:
    at = find_feed(feeds, name)
    if at < 0:
        raise FeedsFileError(f"no feed called {name!r} (cuttings feeds lists them)")
    return at


def feed_summary(library, readstate, feed: Subscription) -> dict:
    """What the feed list shows of a feed: its last fetch, and its articles not yet read."""
    state = feed.state
    brought = [i for i in feed.seen.values() if i and i in library]
    return {
        "name": feed.name,
        "url": feed.url,
        "tags": list(feed.tags),
        "checked": str(state.get("checked") or ""),
        "status": state.get("status") or "never fetched",
        "error": state.get("error") or "",
        "articles": int(state.get("articles") or 0),
        "new": sum(1 for i in brought if not readstate.is_read(i)),
    }
