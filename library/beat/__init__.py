"""Seeing the beat: attention per issue over time, and what the library knows of one entity.
Both are counted from the cached analyses (library/analysis.py), so a second run reads no
article text."""
