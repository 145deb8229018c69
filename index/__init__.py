"""The library's full-text search index (Whoosh): build, keep in step, repair, search.

Everything Whoosh-specific stays inside this package; the rest of the app uses these names.
"""

from .listing import Known, NeedsIndex, catalogue_filter, query_problem
from .query import FIELD_NAMES, QueryError, completions, issue_labels, last_word_start
from .search import Hit, SearchIndex, SearchResult, open_index

__all__ = ["FIELD_NAMES", "Hit", "Known", "NeedsIndex", "catalogue_filter", "issue_labels", "query_problem", "QueryError", "SearchIndex", "SearchResult", "completions", "last_word_start", "open_index"]
