"""Links saved to read later, kept in the library's saved.yaml until they are fetched.

A read-later export (Pocket, Instapaper, Readwise Reader) holds addresses, not text, and
importing never goes online. So its links wait here, in a file a person can read and edit,
with the tags and read or starred marks they came with; `cuttings fetch` turns the pending ones
into articles and records what happened to each, so a link is fetched once, and a failed one
says why and is tried again on the next fetch.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import yaml

from . import safeyaml
from .fileio import atomic_write

HEADER = "# Links saved to read later. `cuttings fetch` turns pending ones into articles.\n"


class SavedLinksError(RuntimeError):
    """saved.yaml could not be read or written; the message is one line naming the file."""


@dataclass(frozen=True)
class SavedLink:
    url: str
    title: str = ""
    tags: tuple[str, ...] = ()
    added: dt.date | None = None
    read: bool = False
    starred: bool = False
    status: str = "pending"  # "pending" | "fetched" | "failed"
    article: str = ""  # the article's id once fetched
    error: str = ""  # why the last fetch failed


class SavedLinks:
    def __init__(self, library):
        self.library = library
        self.path = Path(library.root) / "saved.yaml"

    def links(self) -> list[SavedLink]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except (OSError, UnicodeDecodeError) as exc:
            raise SavedLinksError(f"{self.path}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
        try:
            rows = safeyaml.parse(text, self.path) or []
            if not isinstance(rows, list):
                raise ValueError("expected a list of links")
            return [_link_of(row) for row in rows if isinstance(row, dict) and row.get("url")]
        except safeyaml.YamlError as exc:
            raise SavedLinksError(f"{exc}; fix or remove it") from None
        except (ValueError, TypeError) as exc:
            raise SavedLinksError(f"{self.path}: not a list of saved links ({exc}); fix or remove it") from None

    def pending(self) -> list[SavedLink]:
        return [link for link in self.links() if link.status != "fetched"]

    def add(self, links: list[SavedLink]) -> int:
        """Keep new links; an address already saved keeps its entry. Returns how many were new."""
        with self.library.lock():
            known = self.links()
            seen = {link.url for link in known}
            new = [link for link in links if link.url not in seen and not seen.add(link.url)]
            if new:
                self._write(known + new)
        return len(new)

    def record(self, results: dict[str, tuple[str, str]]) -> None:
        """What fetching came to, by address: (article id, "") once saved, ("", why) if not."""
        if not results:
            return
        with self.library.lock():
            links = []
            for link in self.links():
                article, error = results.get(link.url, (link.article, link.error))
                status = link.status if link.url not in results else ("fetched" if article else "failed")
                links.append(replace(link, status=status, article=article, error=error))
            self._write(links)

    def _write(self, links: list[SavedLink]) -> None:
        rows = [_row_of(link) for link in links]
        try:
            atomic_write(self.path, HEADER + yaml.safe_dump(rows, allow_unicode=True, sort_keys=False))
        except OSError as exc:
            raise SavedLinksError(f"cannot write {self.path}: {exc.strerror or exc}") from None


def _row_of(link: SavedLink) -> dict:
    """Only the fields that say something, so the file stays short to read."""
    row = {k: v for k, v in asdict(link).items() if v not in ("", (), None, False)}
    row["tags"] = list(link.tags) if link.tags else None
    row["added"] = link.added.isoformat() if link.added else None
    return {k: v for k, v in row.items() if v is not None}


def _link_of(row: dict) -> SavedLink:
    added = row.get("added")
    if isinstance(added, str):
        added = dt.date.fromisoformat(added)
    tags = row.get("tags") or []
    return SavedLink(
        url=str(row["url"]),
        title=str(row.get("title") or ""),
        tags=tuple(str(t) for t in tags) if isinstance(tags, list) else (str(tags),),
        added=added if isinstance(added, dt.date) else None,
        read=bool(row.get("read")),
        starred=bool(row.get("starred")),
        status=str(row.get("status") or "pending"),
        article=str(row.get("article") or ""),
        error=str(row.get("error") or ""),
    )
