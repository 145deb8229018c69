"""Names of people, organisations and places in articles: a gazetteer, rules for unknown
names, and alias resolution within an article."""

from .mention import KINDS, Mention
from .recogniser import Recogniser

__all__ = ["KINDS", "Mention", "Recogniser"]
