"""Tagged passages as a REFI-QDA project (.qdpx) that QualCoder, ATLAS.ti, MAXQDA and NVivo open.

The archive holds project.qde (XML, namespace urn:QDA-XML:project:1.0) and a sources/ folder
with each tagged article as plain text: its blocks joined by newlines, the text anchors already
count in, so a passage's offsets are its PlainTextSelection's start and end positions as they
are. Tags become the CodeBook's nested Codes, each tag on a passage a Coding, the note the
selection's Description. GUIDs are UUIDs derived from the article, tag and passage ids, so
exporting twice gives the same GUIDs and a QDA tool can match a re-export to an earlier one.
"""

from __future__ import annotations

import datetime as dt
import getpass
import io
import uuid
import xml.etree.ElementTree as ET
import zipfile
import zlib

from ..annotations import ArticleText
from ..articlefile import ArticleFileError
from ..safetext import shorten
from ..store import ArticleNotFound
from ..annotations import tag_tree
from ..annotations.codebook import memo_of
from .records import Record

NS = "urn:QDA-XML:project:1.0"
_GUIDS = uuid.UUID("5b1f0c1e-8d5e-4c59-9a57-2f1c6a3e7d40")  # the namespace of Cuttings' export GUIDs
_PALETTE = ("#E6194B", "#3CB44B", "#4363D8", "#F58231", "#911EB4", "#46A0A0", "#F032E6", "#9A6324",
            "#800000", "#808000", "#000075", "#469990")
_VARIABLES = (("Outlet", "Text", "source"), ("Date", "Date", "date"), ("URL", "Text", "url"), ("Author", "Text", "author"))


def guid(kind: str, key: str) -> str:
    return str(uuid.uuid5(_GUIDS, f"{kind}:{key}"))


def render(library, records: list[Record], project_name: str = "Cuttings passages",
           memos: dict[str, str] | None = None) -> tuple[bytes, list[Record]]:
    """The .qdpx archive and the records it holds: orphans, whose words are not in the article
    any more, cannot be placed in its text and are left out. `memos` (tag -> what it means,
    from the codebook) become the codes' descriptions."""
    ET.register_namespace("", NS)
    user = _user_name()
    user_guid = guid("user", user)
    now = _xml_time(dt.datetime.now(dt.timezone.utc).isoformat())
    project = _el(None, "Project", name=project_name, origin="Cuttings", creatingUserGUID=user_guid,
                  creationDateTime=now, modifyingUserGUID=user_guid, modifiedDateTime=now)
    _el(_el(project, "Users"), "User", guid=user_guid, name=user, id=user)
    placed, texts = _place(library, records)
    tags = tag_tree(t for r, _ in placed for t in r.tags)
    if tags:
        _codebook(project, tags, memos or {})
    used = [v for v in _VARIABLES if any(getattr(r.article, v[2]) for r, _ in placed)]
    if used:
        variables = _el(project, "Variables")
        for name, kind, _ in used:
            _el(variables, "Variable", guid=guid("variable", name), name=name, typeOfVariable=kind)
    sources = _el(project, "Sources") if texts else None
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for article_id, text in texts.items():
            mine = [(r, span) for r, span in placed if r.article.id == article_id]
            source_guid = guid("article", article_id)
            zf.writestr(f"sources/{source_guid}.txt", text.encode("utf-8"))
            _text_source(sources, mine, source_guid, user_guid, now, used)
        ET.indent(project)
        document = '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(project, encoding="unicode")
        zf.writestr("project.qde", document.encode("utf-8"))
    return archive.getvalue(), [r for r, _ in placed]


def _place(library, records):
    """Each passage that can be placed with its offsets in its article's text."""
    placed, texts = [], {}
    for record in records:
        article_id = record.article.id
        if article_id not in texts:
            try:
                texts[article_id] = ArticleText.of(library.get(article_id))
            except (ArticleNotFound, ArticleFileError):
                texts[article_id] = None
        text = texts[article_id]
        span = None if text is None or record.passage.orphan else text.span(record.passage.anchor)
        if span is None or text.text[span[0] : span[1]] != record.passage.quote:
            continue
        placed.append((record, span))
    used = {r.article.id for r, _ in placed}
    return placed, {i: t.text for i, t in texts.items() if i in used}


def _codebook(project, tags: list[str], memos: dict[str, str]) -> None:
    codes = _el(_el(project, "CodeBook"), "Codes")
    parents = {"": codes}
    for tag in tags:
        parent = parents[tag.rpartition("/")[0]]
        parents[tag] = _el(parent, "Code", guid=guid("tag", tag), name=tag.rsplit("/", 1)[-1], isCodable="true",
                           color=_PALETTE[zlib.crc32(tag.encode()) % len(_PALETTE)])
        memo = memo_of(memos, tag)
        if memo:
            _el(parents[tag], "Description").text = memo


def _text_source(sources, placed, source_guid: str, user_guid: str, now: str, variables) -> None:
    article = placed[0][0].article
    source = _el(sources, "TextSource", guid=source_guid, name=article.title,
                 plainTextPath=f"internal://{source_guid}.txt", creatingUser=user_guid, creationDateTime=now)
    for record, (lo, hi) in placed:
        p = record.passage
        selection = _el(source, "PlainTextSelection", guid=guid("passage", p.id),
                        name=shorten(p.quote, 60), startPosition=str(lo), endPosition=str(hi),
                        creatingUser=user_guid, creationDateTime=_xml_time(p.created),
                        modifyingUser=user_guid, modifiedDateTime=_xml_time(p.changed))
        if p.note:
            _el(selection, "Description").text = p.note
        for tag in record.tags:
            coding = _el(selection, "Coding", guid=guid("coding", f"{p.id}:{tag}"), creatingUser=user_guid,
                         creationDateTime=_xml_time(p.changed))
            _el(coding, "CodeRef", targetGUID=guid("tag", tag))
    for name, kind, field in variables:
        value = getattr(article, field)
        if value:
            holder = _el(source, "VariableValue")
            _el(holder, "VariableRef", targetGUID=guid("variable", name))
            _el(holder, "DateValue" if kind == "Date" else "TextValue").text = value


def _user_name() -> str:
    try:
        return getpass.getuser() or "Cuttings user"
    except (OSError, KeyError):
        return "Cuttings user"


def _el(parent, tag: str, **attrs) -> ET.Element:
    attrs = {k: v for k, v in attrs.items() if v}
    name = f"{{{NS}}}{tag}"
    return ET.Element(name, attrs) if parent is None else ET.SubElement(parent, name, attrs)


def _xml_time(iso: str) -> str:
    """An xsd:dateTime in UTC, or "" (the attribute is left out) if the stored time is unreadable."""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
