"""The fields of the search index, and the version that names it.

One document per article. Plain words are matched against stemmed `title` and `body`; prefixes,
fuzzy words and one-word phrases against `exact`, which holds the same text unstemmed with
positions (title, standfirst, then each block, separated by a position gap); phrases of two or
more words against `pairs`, the same text as adjacent word pairs (see index/query.py). The hit's block is
found again in the stored block texts when the snippet is made, so the index stays one document per
article (see index/documents.py for why).

Bump SCHEMA_VERSION whenever a field or analyser changes, or what fills a field (issue detection):
the index is stored under a name that includes it, so an index built by an older version is
noticed and rebuilt.
"""

from __future__ import annotations

from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from .analysis import exact_analyzer, pair_analyzer, stemmed_analyzer, text_analyzer
from .dates import DateField

SCHEMA_VERSION = 8  # 5: person:/org:/place: names by kind (h13a); 6: issues in titles and standfirsts;
# 7: added: (import date), id as a column for is:read/is:starred; 8: said: and quote: (who said what)
INDEX_NAME = f"cuttings_v{SCHEMA_VERSION}"
ENTITY_KINDS = ("person", "org", "place")


def make_schema() -> Schema:
    exact, stemmed = exact_analyzer(), stemmed_analyzer()

    def names() -> TEXT:
        return TEXT(analyzer=exact, phrase=True, multitoken_query="phrase")

    return Schema(
        id=ID(stored=True, unique=True, sortable=True),  # a column: is:starred matches ids (index/marks.py)
        digest=STORED(),
        blocks=STORED(),  # compressed block texts, for snippets without reading the article file
        title=TEXT(analyzer=stemmed, phrase=True, stored=True, field_boost=3.0),
        body=TEXT(analyzer=stemmed, phrase=False),
        exact=TEXT(analyzer=text_analyzer(), phrase=True, multitoken_query="phrase"),
        pairs=TEXT(analyzer=pair_analyzer(), phrase=True),
        source=TEXT(analyzer=exact, phrase=True, stored=True, multitoken_query="phrase"),
        author=names(),
        date=DateField(),
        added=DateField(),  # the day the article was first imported
        entity=names(),
        person=names(),
        org=names(),
        place=names(),
        names=KEYWORD(commas=True, lowercase=False, scorable=False),  # "kind:Name", for completion
        issue=KEYWORD(lowercase=True, scorable=True),
        tag=KEYWORD(commas=True, lowercase=True, scorable=True),
        said=names(),  # the speakers of the article's quotes, with the article's spellings of them
        quote=TEXT(analyzer=stemmed, phrase=True),  # the words inside its quotes
    )
