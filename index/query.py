"""The query language, on Whoosh's QueryParser with plugins.

    china tariffs          all words must match (stemmed, in title or body; stop words ignored)
    "the status of Taiwan" the exact phrase, stop words included, never across two blocks
    a OR b, NOT a, -a      alternatives and exclusions; parentheses group
    negotiat*  taiwn~  taiwn~2     prefix and fuzzy words (expanded to at most MAX_EXPANSION terms)
    title: source: author: entity: person: org: place: issue: tag: date: added:   fields
    said:"Xi Jinping"  quote:tariffs   quotes by a speaker (any spelling the article uses), words in quotes
    is:unread is:read is:starred   read marks (index/marks.py); date:7d.. added:2w.. count back
    issue:"Technology and export controls"  tag:"trade deal"   a quoted value of a keyword field
                           is one exact value; an issue is named by its id or its label (or
                           words of its label: issue:"export controls")

Parsing happens in two steps: Whoosh parses the text against the unstemmed `exact` field, then
`resolve` rewrites plain words into stemmed title/body terms, drops stop words outside phrases,
turns phrases into word pairs and expands prefixes and fuzzy words against the open index,
bounded, so no query can make a search scan the whole vocabulary. Anything malformed raises
QueryError with one line to show.

A phrase of two words is one pair term, so it costs what a single word costs; a longer phrase is
a phrase of its pairs ("the status of taiwan" is "the status", "status of", "of taiwan" at
consecutive positions), whose position lists are far shorter than those of "the" and "of".
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from whoosh import query as q
from whoosh.fields import ID
from whoosh.qparser import QueryParser, plugins

from library.issues import Taxonomy
from library.issues.taxonomy import issue_ids_named

from .analysis import STOPS, pair_terms, stemmed_analyzer, unmarked
from .marks import MARKS, mark_query
from .schema import make_schema

FIELD_NAMES = ("title", "source", "author", "entity", "person", "org", "place", "issue", "tag", "date", "added", "is",
               "said", "quote")
DATE_FIELDS = ("date", "added")
NAME_FIELDS = ("entity", "person", "org", "place")
MAX_LENGTH = 1000
MAX_EXPANSION = 64  # terms a prefix or fuzzy word may stand for (the most frequent win)
SCAN_LIMIT = 5000  # vocabulary entries a prefix may look at
_FIELD_PREFIX = re.compile(r"(?<![\w:])([^\W\d]\w*):")
_QUOTED = re.compile(r'"[^"]*"')
_SIGN = re.compile(r"(?<![^\s(])([-+])(?=[^\s+-])")  # a sign that starts a word: -word, +word


class QueryError(ValueError):
    """A query that cannot be searched; str() is one line to show the user."""


@lru_cache(maxsize=1)
def _parser() -> QueryParser:
    schema = make_schema()
    schema.add("is", ID())  # read marks: resolved from state.json, never indexed
    parser = QueryParser("exact", schema)
    parser.remove_plugin_class(plugins.SingleQuotePlugin)  # apostrophes are part of words here
    parser.remove_plugin_class(plugins.WildcardPlugin)  # leading and inner wildcards scan everything
    parser.remove_plugin_class(plugins.EveryPlugin)
    parser.add_plugin(plugins.PrefixPlugin())
    parser.add_plugin(plugins.FuzzyTermPlugin())
    return parser


_STEMMER = stemmed_analyzer()


def check_text(text: str) -> str:
    """The query text, or QueryError for what the parser would silently misread."""
    text = text.strip()
    if not text:
        raise QueryError("empty query: type words to search for")
    if len(text) > MAX_LENGTH:
        raise QueryError(f"query too long ({len(text):,} characters; at most {MAX_LENGTH:,})")
    if text.count('"') % 2:
        raise QueryError('unbalanced quote: a phrase needs a closing "')
    outside = _QUOTED.sub(" ", text)
    depth = 0
    for char in outside:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            raise QueryError("unbalanced parentheses: a ) without its (")
    if depth:
        raise QueryError("unbalanced parentheses: a ( is never closed")
    for name in _FIELD_PREFIX.findall(outside):
        if name not in FIELD_NAMES:
            raise QueryError(f"unknown field {name}: (fields are {', '.join(FIELD_NAMES)})")
    return text


def parse(text: str) -> q.Query:
    """Whoosh's reading of the query, before words are resolved against an index."""
    try:
        parsed = _parser().parse(signs_to_operators(check_text(text)))
    except QueryError:
        raise
    except Exception as exc:  # a combination the parser cannot handle
        raise QueryError(f"cannot read this query ({type(exc).__name__}); check its operators and brackets") from None
    _raise_errors(parsed)
    for leaf in parsed.leaves():
        if getattr(leaf, "fieldname", None) == "is" and not (type(leaf) is q.Term and leaf.text.lower() in MARKS):
            marks = ", ".join(f"is:{mark}" for mark in MARKS)
            value = getattr(leaf, "text", None) or " ".join(getattr(leaf, "words", ()))
            raise QueryError(f"is:{value} is not a mark; use {marks}")
    return parsed


def signs_to_operators(text: str) -> str:
    """-word means NOT word and +word just word (all words are required anyway); signs
    inside quotes and hyphens inside words ("e-mail", "2023-06") are left alone."""
    pieces = re.split(r'("[^"]*")', text)
    for i in range(0, len(pieces), 2):
        pieces[i] = _SIGN.sub(lambda m: "NOT " if m.group(1) == "-" else "", pieces[i])
    return "".join(pieces)


def resolve(
    parsed: q.Query, reader, issue_labels: Callable[[], dict[str, str]] = dict,
    marked: Callable[[str], frozenset[str]] = lambda mark: frozenset(),
) -> q.Query:
    """The query to run: words stemmed into title/body, stop words dropped, expansions bounded,
    issue labels turned into ids (`issue_labels()` gives label in lower case -> id; it is
    called only for a query with issue:, as reading the taxonomy takes a few milliseconds),
    read marks into the ids so marked (`marked("read")`, called only for a query with is:)."""
    dropped: list[str] = []

    def rewrite(node: q.Query) -> q.Query:
        if isinstance(node, q.Term) and node.fieldname == "is":
            return mark_query(node.text.lower(), marked, node.boost)
        if isinstance(node, (q.Term, q.Phrase)) and node.fieldname == "issue":
            return _issue_query(_value(node), issue_labels(), node.boost)
        if isinstance(node, q.Phrase) and not _has_positions(node.fieldname):
            return q.Term(node.fieldname, _value(node), boost=node.boost)  # a keyword: the whole value is one term
        if isinstance(node, q.FuzzyTerm):
            if node.maxdist > 2:
                raise QueryError(f"{node.text}~{node.maxdist}: fuzzy distance is 1 or 2")
            return _expanded(node.fieldname, fuzzy_terms(reader, node.fieldname, node.text, node.maxdist), node.boost)
        if isinstance(node, q.Prefix) and node.fieldname in DATE_FIELDS:
            return node  # a year or a month: at most 366 days, and every one of them is wanted
        if isinstance(node, q.Prefix):
            if not node.text:
                raise QueryError("a prefix* needs at least one letter before the *")
            return _expanded(node.fieldname, prefix_terms(reader, node.fieldname, node.text), node.boost)
        if isinstance(node, q.TermRange) and node.fieldname not in DATE_FIELDS:
            raise QueryError(f"ranges [a TO b] work only on date: and added:, not {node.fieldname}:")
        if isinstance(node, q.Phrase) and node.fieldname == "exact":
            if node.slop == 1:
                return _pair_query(node)
            return q.Phrase("exact", [unmarked(w) for w in node.words], slop=node.slop, boost=node.boost)
        if isinstance(node, q.Term) and node.fieldname == "exact":
            if node.text in STOPS:
                dropped.append(node.text)
                return q.NullQuery
            stem = _STEMMER.term(node.text)
            return q.Or([q.Term("title", stem, boost=node.boost), q.Term("body", stem, boost=node.boost)])
        return node.apply(rewrite)

    result = rewrite(parsed).normalize()
    if result is q.NullQuery:
        if dropped:
            words = ", ".join(dict.fromkeys(dropped))
            raise QueryError(f"only common words ({words}): put them in quotes to search for the exact phrase")
        raise QueryError("nothing to search for: the query has no words")
    return result


def _value(node: q.Query) -> str:
    return " ".join(node.words) if isinstance(node, q.Phrase) else node.text


@lru_cache(maxsize=None)
def _has_positions(field: str) -> bool:
    return make_schema()[field].format.supports("positions")


def issue_labels(root) -> dict[str, str]:
    """The library's issue labels in lower case, each to its issue id."""
    return {issue.label.lower(): issue.id for issue in Taxonomy.for_library(root).issues}


def _issue_query(value: str, labels: dict[str, str], boost: float) -> q.Query:
    """An issue by id or label; else every issue whose label or id holds these words in order."""
    ids = issue_ids_named(labels, value)
    return _expanded("issue", ids, boost) if ids else q.Term("issue", value.lower(), boost=boost)


def _pair_query(phrase: q.Phrase) -> q.Query:
    pairs = pair_terms(phrase.words)
    if len(pairs) == 1:
        return q.Term("pairs", pairs[0], boost=phrase.boost)
    if pairs:
        return q.Phrase("pairs", pairs, boost=phrase.boost)
    return q.Phrase("exact", [unmarked(w) for w in phrase.words], boost=phrase.boost)


def prefix_terms(reader, field: str, prefix: str) -> list[str]:
    found = []
    for raw in reader.expand_prefix(field, prefix):
        term = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        found.append(term)
        if len(found) >= SCAN_LIMIT:
            break
    return _most_frequent(reader, field, found)


def fuzzy_terms(reader, field: str, word: str, maxdist: int) -> list[str]:
    """Words within `maxdist` edits sharing the first letter, looked up segment by segment
    (each segment has an automaton for this; the combined reader would compare every word)."""
    found: set[str] = set()
    for leaf, _ in reader.leaf_readers():
        found.update(leaf.terms_within(field, word, maxdist, prefix=1))
    return _most_frequent(reader, field, sorted(found))


def _most_frequent(reader, field: str, terms: list[str]) -> list[str]:
    if len(terms) <= MAX_EXPANSION:
        return terms
    return sorted(terms, key=lambda t: -reader.doc_frequency(field, t))[:MAX_EXPANSION]


NOTHING = q.Term("id", "")  # matches no article (ids are never empty), unlike NullQuery, which And drops


def _expanded(field: str, terms: list[str], boost: float) -> q.Query:
    return q.Or([q.Term(field, t, boost=boost) for t in terms]) if terms else NOTHING


def _raise_errors(node: q.Query) -> None:
    error = getattr(node, "error", None)  # how Whoosh marks a part it could not parse
    if error:
        raise QueryError(str(error).splitlines()[0])
    for child in node.children():
        _raise_errors(child)


def plain_words(parsed: q.Query) -> list[str]:
    """The plain (unfielded, unquoted) words of a parsed query, for "did you mean"."""
    words = []
    for node in parsed.leaves():
        if type(node) is q.Term and node.fieldname == "exact" and node.text not in STOPS:
            words.append(node.text)
    return words


def completions(prefix: str, index=None, limit: int = 20) -> list[str]:
    """Ways to finish the last word of a query: field names, then the read marks after `is:`
    and (after `issue:`, `tag:`, `entity:` and its kinds) the issue ids, tags and entity names
    in the index."""
    start = last_word_start(prefix)
    lead, last = prefix[:start], prefix[start:]
    field, colon, value = last.partition(":")
    if not colon:
        return [f"{lead}{name}:" for name in FIELD_NAMES if name.startswith(last.lower())][:limit]
    wanted = value.strip('"').lower()
    if field == "is":
        return [f"{lead}is:{mark}" for mark in MARKS if mark.startswith(wanted)]
    if index is None or field not in ("issue", "tag", *NAME_FIELDS):
        return []
    options = index.names(field)  # person: completes people only
    matches = [name for name in options if name.lower().startswith(wanted)]
    if len(matches) < limit:
        matches += [name for name in options if wanted in name.lower() and name not in matches]
    return [f'{lead}{field}:"{name}"' if " " in name else f"{lead}{field}:{name}" for name in matches[:limit]]


def last_word_start(text: str) -> int:
    """Where the last word of a query starts; a quoted value is one word (`entity:"Wang Y`)."""
    start, quoted = 0, False
    for position, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char.isspace() and not quoted:
            start = position + 1
    return start
