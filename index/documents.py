"""An article as an index document.

One document per article, not one per block: a search for several words must find an article
whose words sit in different paragraphs, and BM25F should weigh whole articles against each
other. Per-block documents would need grouping after every search and still not answer "which
articles"; on 1,000 benchmark articles they are 18.5 times as many documents, take 3.5 times as
long to index and 1.7 times the space (`python tests/perf/bench_search.py --blocks 1000`).
The block a hit opens at is found in the block texts stored with the document when the snippet
is made (index/highlight.py), with the same tokenizer, so offsets agree with the library's own
block coordinates.

What a reader sees also includes entities, issues and tags, which come from the analysis and
annotation modules; the digest stored with each document says which version of all of that it
was made from, so the index can tell which articles are stale without reading their text.
"""

from __future__ import annotations

import hashlib
import re
import zlib

from library.filters import article_tags, with_ancestors
from library.model import Article, CatalogueEntry
from library.quotes.corrections import QuotesFileError, apply, corrections

from .analysis import SEPARATOR
from .schema import ENTITY_KINDS

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # the date part of the ISO import timestamp


def digest_of(content_hash: str, date: str | None, source: str, author: str, tags, speakers=()) -> str:
    """What an index document depends on, besides the analysis data files; `speakers`: the
    user's corrections of its quotes."""
    parts = (content_hash, date or "", source, author, *sorted(set(tags)), *speakers)
    return hashlib.sha1("\0".join(parts).encode()).hexdigest()


class DocumentMaker:
    """Turns articles into index documents, with the library's analysis and passage tags."""

    def __init__(self, library):
        self.library = library
        self.analyser = _analyser(library.root)
        self.annotations = _annotations(library)
        self.corrections = _corrections(library.root)

    def tags(self, article_id: str, front_matter_tags) -> set[str]:
        """The article's tags with every level above them, so `tag:trade` finds `trade/de-risking`."""
        passages = self.annotations.for_article(article_id) if self.annotations is not None else ()
        return with_ancestors(article_tags(front_matter_tags, passages))

    def entry_digest(self, entry: CatalogueEntry) -> str:
        """The digest an article's document should have, from the catalogue alone."""
        return digest_of(entry.content_hash, entry.date, entry.source, entry.author, self.tags(entry.id, entry.tags),
                         self.speakers(entry.id))

    def speakers(self, article_id: str) -> list[str]:
        """The user's corrections of the article's quotes, as digest parts."""
        return [f"{f.get('block')}:{f.get('start')}:{f.get('quote')}:{f.get('speaker')}" for f in self.corrections.get(article_id, ())]

    def document(self, article: Article) -> dict:
        tags = self.tags(article.id, article.tags)
        date = article.date.isoformat() if article.date else None
        texts = [article.standfirst, *(block.text for block in article.blocks)]
        whole = SEPARATOR.join([article.title, *texts])
        doc = {
            "id": article.id,
            "digest": digest_of(article.content_hash, date, article.source, article.author, tags, self.speakers(article.id)),
            "title": article.title,
            "body": SEPARATOR.join(texts),
            "exact": whole,
            "pairs": whole,
            "source": article.source,
            "author": article.author,
            "blocks": pack_blocks([block.text for block in article.blocks]),
            "tag": ",".join(sorted(t.replace(",", " ") for t in tags)),
        }
        if date:
            doc["date"] = date
        if _DAY.match(article.imported):
            doc["added"] = article.imported[:10]
        if self.analyser is not None:
            analysis = self.analyser.analyse(article)
            doc.update(analysis_fields(analysis))
            doc.update(quote_fields(apply(analysis.quotes, self.corrections.get(article.id, [])), analysis.entities))
        return doc


def analysis_fields(analysis) -> dict:
    """Entity names (all, and by kind) and issue ids from one article's analysis."""
    by_kind: dict[str, list[str]] = {kind: [] for kind in ENTITY_KINDS}
    for mention in analysis.entities:
        names = by_kind.setdefault(mention.kind, [])
        if mention.canonical not in names:
            names.append(mention.canonical)
    every = [name for names in by_kind.values() for name in names]
    fields = {kind: SEPARATOR.join(names) for kind, names in by_kind.items() if kind in ENTITY_KINDS}
    fields["entity"] = SEPARATOR.join(every)
    kinded = [f"{kind}:{name}" for kind, names in by_kind.items() for name in names]
    fields["names"] = ",".join(name.replace(",", " ") for name in kinded)
    fields["issue"] = " ".join(hit.id for hit in analysis.issues)
    return fields


def quote_fields(quotes, mentions) -> dict:
    """The speakers of an article's quotes, each with every spelling the article has for it
    (said:Blinked finds what "Blinked said"), and the words inside its quotes."""
    speakers = list(dict.fromkeys(q.speaker for q in quotes if q.speaker))
    spellings = {name: [name] for name in speakers}
    for m in mentions:
        if m.canonical in spellings and m.text not in spellings[m.canonical]:
            spellings[m.canonical].append(m.text)
    return {"said": SEPARATOR.join(s for name in speakers for s in spellings[name]),
            "quote": SEPARATOR.join(q.text for q in quotes)}


def pack_blocks(texts: list[str]) -> bytes:
    """Block texts stored compressed in the index (about a third of their size)."""
    return zlib.compress(SEPARATOR.join(texts).encode("utf-8"), 1)


def unpack_blocks(packed: bytes) -> list[str]:
    return zlib.decompress(packed).decode("utf-8").split(SEPARATOR) if packed else []


def _analyser(root):
    try:
        from library.analysis import Analyser

        return Analyser.for_library(root)
    except ImportError:  # built before the analysis modules: index text and metadata only
        return None


def _corrections(root) -> dict:
    """The user's speakers of quotes; an unreadable quotes.yaml indexes the detector's (the
    app and `cuttings quotes` report the file)."""
    try:
        return corrections(root)
    except QuotesFileError:
        return {}


def _annotations(library):
    try:
        from library.annotations import Annotations
    except ImportError:  # built before the annotation store: front-matter tags only
        return None
    return Annotations(library)
