"""Page furniture that comes along when a person copies an article out of a browser.

Audio-player prompts, advertisement labels, share buttons, cookie banners, newsletter boxes and
lists of links to other stories are not part of the article. They are recognised only on short
lines, so a paragraph that happens to discuss cookies or newsletters is kept.
"""

from __future__ import annotations

import re

MAX_LENGTH = 220

_FURNITURE = re.compile(
    r"""^(?:
      getting\ your\ .{0,40}?player\ ready.*
    | listen\ to\ (?:this\ |the\ )?(?:article|story|audio|podcast).*
    | \d+\s*(?:mins?|minutes?)\.?\ (?:read|listen)
    | advert(?:isement|isment|s)?|ad|sponsored(?:\ content)?|paid\ (?:post|content)|promoted
    | (?:story|article)\ continues\ (?:below|after).*|scroll\ (?:down\ )?to\ continue.*|continue\ reading.*
    | (?:read|see)\ (?:more|also|next)\b.*|related:.*|more:\ .*|also\ read\b.*
    | (?:follow|like)\ us\ (?:on|for|at|and)\b.*|follow\ @\w+.*|skip\ to\b.*|back\ to\ top|jump\ to\ .*|reuse\ this\ content
    | this\ (?:article|story)\ is\ more\ than\ .{1,20}\ old
    | (?:\d+\ )?comments?(?:\ \(\d+\))?|leave\ a\ comment|(?:view|show)\ comments
    | (?:copyright\b|©).*|all\ rights\ reserved\.?|our\ standards:.*
    | (?:topics|tags|filed\ under|categories)\s*:.*
    | (?:sign\ up|subscribe|register)\b.{0,80}\b(?:newsletter|briefing|inbox|updates|free|email)\b.*
    | subscribe(?:\ now|\ today)?[.!]?|enter\ your\ email.*|thank\ you\ for\ (?:signing\ up|subscribing).*
    | .{0,80}\b(?:we|this\ (?:web)?site|our\ (?:web)?site|our\ partners)\ (?:and\ our\ partners\ )?uses?\ cookies\b.*
    | (?:accept|reject|allow|manage)\b.{0,30}\bcookies?\b.*|cookie\ (?:policy|settings|preferences|notice|consent).*
    | (?:[-*_=~•·]\s*){3,}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# A line made only of these words is a row of share buttons ("Share  Facebook  X  Email").
_SHARE_WORDS = {
    "share", "this", "article", "story", "on", "via", "facebook", "twitter", "x", "linkedin", "whatsapp",
    "email", "e-mail", "mail", "reddit", "telegram", "print", "copy", "link", "pinterest", "flipboard",
    "bluesky", "threads", "tweet", "save", "gift", "messenger", "wechat", "weibo",
}
_FILLER = {"this", "article", "story", "on", "via"}

# A heading that opens a list of links to other stories; the titles under it go too.
_LINK_LIST_HEAD = re.compile(
    r"""^(?:related(?:\ (?:articles?|stories|content|coverage|links|reading|topics|news))?
    | read\ more|more\ (?:on|from|about|in)\b.{0,40}|more\ stories|further\ reading|what\ to\ read\ next
    | explore\ more\b.{0,40}
    | you\ (?:may|might)\ also\ (?:like|enjoy|be\ interested\ in)|recommended(?:\ (?:for\ you|reading|stories))?
    | most\ (?:read|popular|viewed|shared)|trending(?:\ now)?|latest(?:\ news|\ stories)?|top\ stories
    | editor'?s\ picks)\s*:?$""",
    re.IGNORECASE | re.VERBOSE,
)


def is_furniture(line: str) -> bool:
    """A short line that belongs to the page around the article, not to the article."""
    if len(line) > MAX_LENGTH:
        return False
    if _FURNITURE.match(line):
        return True
    words = set(re.findall(r"[\w-]+", line.lower()))
    return len(words) <= 8 and words <= _SHARE_WORDS and bool(words - _FILLER)

def opens_link_list(line: str) -> bool:
    return len(line) <= 60 and bool(_LINK_LIST_HEAD.match(line))


def is_link_title(line: str) -> bool:
    """A line in a list of related stories: a short headline, not a sentence of the article."""
    return len(line) <= 160 and not line.rstrip("”’\"'").endswith((".", ":", ";", ","))
