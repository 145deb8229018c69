"""The library's full-text search index (Whoosh): build, keep in step, repair, search.

Everything Whoosh-specific stays inside this package; the rest of the app uses only these
names (tests/test_layers.py holds it to that): `sync` after the library changed, `rebuild`
to build it afresh, `open_index` to search, `catalogue_filter` for list filters.
"""

from .keeping import exists, sync
from .listing import Known, NeedsIndex, catalogue_filter, query_problem
from .query import FIELD_NAMES, QueryError, completions, issue_labels, last_word_start
from .repair import rebuild
from .search import Hit, SearchIndex, SearchResult, open_index
from .writer import READING, BuildFailed

__all__ = [
    "FIELD_NAMES", "READING", "BuildFailed", "Hit", "Known", "NeedsIndex", "QueryError", "SearchIndex", "SearchResult",
    "catalogue_filter", "completions", "exists", "issue_labels", "last_word_start", "open_index", "query_problem",
    "rebuild", "sync",
]
