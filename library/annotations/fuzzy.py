"""Approximate search of a quote in a long text, for passages whose words were edited.

Myers' bit-parallel algorithm gives, for every position of the text, the fewest edits that turn
the quote into some substring ending there, in one pass with a handful of integer operations per
character (Python's big integers hold the whole quote as one bit vector). A second pass over a
short reversed window finds where the best substrings begin. So an article of 100,000
characters is searched in well under a second, whatever the length of the quote.
"""

from __future__ import annotations


def edit_scores(pattern: str, text: str) -> list[int]:
    """For each index j of text: the edit distance between pattern and the best substring of
    text ending at j (inclusive)."""
    m = len(pattern)
    peq: dict[str, int] = {}
    for i, char in enumerate(pattern):
        peq[char] = peq.get(char, 0) | (1 << i)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    pv, mv, score = mask, 0, m
    scores = []
    for char in text:
        eq = peq.get(char, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = (ph << 1) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
        scores.append(score)
    return scores


def approximate_matches(pattern: str, text: str, max_errors: int, limit: int = 12) -> list[tuple[int, int, int]]:
    """Up to `limit` non-overlapping substrings of text within max_errors edits of pattern,
    as (start, end, errors), fewest errors first."""
    m = len(pattern)
    if not m or not text:
        return []
    scores = edit_scores(pattern, text)
    ends = sorted((s, j) for j, s in enumerate(scores) if s <= max_errors)
    found: list[tuple[int, int, int]] = []
    taken: list[int] = []
    for errors, j in ends:
        if any(abs(j - k) < max(1, m // 2) for k in taken):
            continue
        taken.append(j)
        found.append((_start_of(pattern, text, j, max_errors), j + 1, errors))
        if len(found) >= limit:
            break
    return found


def _start_of(pattern: str, text: str, last: int, max_errors: int) -> int:
    """Where the best match ending at index `last` begins: the same search run backwards."""
    lo = max(0, last + 1 - len(pattern) - max_errors)
    window = text[lo : last + 1][::-1]
    scores = edit_scores(pattern[::-1], window)
    best = min(range(len(scores)), key=lambda i: (scores[i], i))
    return last - best
