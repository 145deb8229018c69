"""Passage tags: words of an article tagged and annotated by the reader, kept beside the article.

model: what a tagged passage and its anchor are; anchoring: finding the words again after an
edit (fuzzy: the approximate search it needs); storage: the per-article YAML file;
collection: the library-wide API the app and the command line use.
"""

from .anchoring import ArticleText
from .collection import Annotations
from .model import (MAX_NOTE_LENGTH, MAX_TAG_LENGTH, Anchor, AnnotationError, Change, TaggedPassage, check_note,
                    check_tag, tag_matches, tag_tree)

__all__ = [
    "Anchor", "Annotations", "AnnotationError", "ArticleText", "Change", "TaggedPassage", "MAX_NOTE_LENGTH",
    "MAX_TAG_LENGTH", "check_note", "check_tag", "tag_matches", "tag_tree",
]
