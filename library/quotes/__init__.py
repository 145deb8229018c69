"""Who said what: direct and indirect quotes with their speakers, and the user's corrections."""

from .detect import find_quotes
from .model import Quote

__all__ = ["Quote", "find_quotes"]
