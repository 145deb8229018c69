"""Political issues in articles: a taxonomy (shipped + the user's issues.yaml) and detection
with scores and evidence passages."""

from .detect import THRESHOLD, IssueHit, Passage, detect
from .taxonomy import IssueDef, Taxonomy

__all__ = ["THRESHOLD", "IssueDef", "IssueHit", "Passage", "Taxonomy", "detect"]
