"""The shapes of reported speech as regexes: the verbs of speech, quotation marks, sentence
ends, and the words around a speaker (titles, roles, pronouns, appositions). Used by detect.py
(where the quotes are) and speakers.py (who said them)."""

from __future__ import annotations

import re

from ..entities.words import words

SPEECH = (r"said|says|say|told|tells|added|adds|warned|warns|noted|notes|stated|explained|explains|argued|argues"
          r"|insisted|insists|stressed|stresses|replied|wrote|writes|tweeted|announced|declared|declares|claimed"
          r"|claims|acknowledged|admitted|conceded|suggested|recalled|emphasi[sz]ed|emphasi[sz]es|reiterated"
          r"|observed|remarked|commented|complained|cautioned|pointed out|predicted|confirmed|responded|vowed|repeated|reaffirmed")
NEEDS_THAT = re.compile(r"announced|declared|declares|confirmed|acknowledged|admitted|predicted|vowed|recalled"
                        r"|observed|suggested|noted|notes|stressed|stresses|emphasi[sz]e[sd]|claimed|claims|wrote|writes|repeated"
                        r"|reaffirmed")
# verbs that attribute quotation marks in their sentence ("accused the US of “...”") but no clause
QUOTING = r"accused|urged|called|described|praised|criticised|criticized|blamed|dismissed|lamented|hailed"
QUOTING_WORDS = frozenset(QUOTING.split("|"))


def _by_first_letter(words: str) -> str:
    """An alternation grouped by first letter: the regex engine tries one group per position."""
    groups: dict[str, list[str]] = {}
    for word in words.split("|"):
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{first}(?:{'|'.join(sorted(rest, key=len, reverse=True))})" for first, rest in groups.items())


CUE = re.compile(rf"\b(?:[Aa]ccording to|{_by_first_letter(SPEECH + '|' + QUOTING)})\b")
QUOTED = re.compile(r"“([^”]*)(?:”|$)|\"([^\"]*)(?:\"|$)")
END = re.compile(r"[.!?]+[”\"’)]*(?=\s*$|\s+[^a-z\s])")  # not before a lower-case word
LAST_WORD = re.compile(r"(\w+)\.*$")
ABBREVIATIONS = {"Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Jr", "Sr", "Prof", "No", "vs",
                 "Adm", "Capt", "Maj", "Sgt", "Rev", "Inc", "Co", "Corp", "Ltd"}
ADVERBS = {"also", "even", "later", "then", "further", "again", "previously", "once", "has", "had", "have",
           "repeatedly", "reportedly", "separately", "earlier", "recently", "publicly", "privately", "simply",
           "only", "bluntly", "flatly", "openly", "would", "will", "has also"}
PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Ii]t)$")
SUBJECT_START = re.compile(r"\s*(?:[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*|[Hh]e|[Ss]he|[Ii]t)(?= )(?= [a-z])")
ORG_ROLES = {"ministry", "department", "government", "embassy", "agency", "company", "office", "council",
             "committee", "commission", "administration", "party", "firm", "group", "bank", "court", "military", "army"}
ROLES = {w.lower() for w in words().title_heads} | {
    "official", "officials", "leader", "diplomat", "envoy", "spokesperson", "spokesman", "spokeswoman", "analyst",
    "economist", "lawmaker", "negotiator", "minister", "secretary", "president", "premier", "chancellor"} | ORG_ROLES
ROLE = re.compile(r"\b[Tt]he (?:[\w’'-]+ ){0,3}?([a-z]+)$")
OBJECT = re.compile(r"\s+(?:\w+ly\s+)?(?:(?:in|at|on|during|after|before|to|with)\b[^,.;:“\"]{0,60}?\sthat\s+|that\s+)?")
NOT_CLAUSE = re.compile(r"(?:as|to|of|for|in|on|by|with|from|about|at|into|against|so|yes|no)\b")
TOLD = re.compile(r"\s+(?:[\w’'-]+ ){1,5}?that\s+|\s+(?:(?:the |a |an )?[\w’'-]+(?: [A-Z][\w’'-]*)*?(?: in [a-z ]+?)?)\s+(?:that\s+)?|\s*[,:]\s*")
WORD = re.compile(r"\w+")
ACTS = re.compile(r" (?!(?:of|and|or|in|at|on|to|for|with|as|from|by|is|was)\b)[a-z]+")
AFTER_PREPOSITION = re.compile(r"\b(?:in|of|from|at|for|with|on|by|to|as)\s+(?:(?:the\s+)?[A-Z][\w’'-]*\s+(?:and\s+)?)*$")
UNNAMED = re.compile(r"\b(?:[Oo]fficials|[Aa]nalysts|sides?|[Dd]iplomats|[Ee]xperts|[Oo]bservers|[Cc]ritics|[Ss]ources"
                     r"|[Ll]awmakers)(?: (?:in|from|of|on) (?:the )?(?:[A-Z][\w’'-]*(?: and | )?)+)?$")
MODIFIED = re.compile(r" (?!(?:said|says|told|added|and|or|in|on|at|of|for|to|with|as|by)\b)[a-z]+(?=[,.])")
SPEAKS = re.compile(rf" (?:\w+ )?(?:{SPEECH})\b")
PUNCTUATION = re.compile(r"[\s,.!?]*")
CLOSING = re.compile(r"[\s,.!?”\"]*")
LEADS_IN = re.compile(r"[^.!?”\"]*[,:]\s*[“\"]")
SENTENCE_DONE = re.compile(r"[\s,.!?]*$|[^.!?]{0,40}[.!?]")
TO_COMMA = re.compile(r"[^,.]*?,\s*")
APPOSITION_BREAK = re.compile(r"[.!?;“”\"]")
LEAD = re.compile(r"\s+(?:the\s+)?")
ROLE_AFTER = re.compile(r"\s+[Tt]he ((?:[\w’'-]+ ){0,3}?)([a-z]+)\b")
PRONOUN_AFTER = re.compile(r"\s+(he|she)\b")
NEAR = 80  # characters between a quotation and the verb that attributes it
TITLE_BEFORE = re.compile(r"(?:[A-Z][\w.’'-]* )+$")
APPOSITION = re.compile(r",? (?:the |a |an )?(?:[\w’'-]+ ){0,3}[\w-]+")
