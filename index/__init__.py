"""The library's full-text search index (Whoosh): build, keep in step, repair, search.

Everything Whoosh-specific stays inside this package; the rest of the app uses only these
names (tests/test_layers.py holds it to that): `sync` after the library changed, `rebuild`
to build it afresh, `open_index` to search.
"""

from .keeping import exists, sync
from .query import FIELD_NAMES, QueryError, completions, last_word_start
from .repair import rebuild
from .search import Hit, SearchIndex, SearchResult, open_index
from .writer import READING, BuildFailed

__all__ = [
    "FIELD_NAMES", "READING", "BuildFailed", "Hit", "QueryError", "SearchIndex", "SearchResult", "completions", "exists",
    "last_word_start", "open_index", "rebuild", "sync",
]
