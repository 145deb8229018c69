"""The words around a name that say what it is: "Montalvo said" (a person), "oil giant Yukos"
(an organisation), "in Lima" (a place), "the ship Aurelian" or "Siemens Lumora" (none of our
kinds), read by `rules.RunReader` for the names its word shapes leave open. Cues look only at
the words next to a name, in the article's text."""

from __future__ import annotations

import re

from .pieces import Word
from .teams import team_cue
from .words import words

_W = words()
CUE_AFTER = re.compile(r",? ([a-z]+)")
NOUN_AFTER = re.compile(r"(?:['’]s)? ([a-z]+)")
TITLE_AFTER = re.compile(rf"(?:['’]s)? (?:{'|'.join(sorted(_W.titles))})\b")
DEMONYM_ENDS = ("ian", "ean", "ese", "ish")  # "Panamanian players" are no team
PLURAL_VERB_AFTER = re.compile(r" (?:were|are|have) ")
CAPITALISED_BEFORE = re.compile(r"\b[A-Z]\w*$")
VESSEL_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(_W.vessel_nouns))}),? $", re.IGNORECASE)
ADJECTIVE_ENDS = DEMONYM_ENDS + ("al", "ive", "ist", "ic")  # "the Provisional government" is led by no Provisional


class Cues:
    """Cue tests over the attributes below, which the reader sets: `hits` are the known names
    by start, `sports` says the article is a sports report."""

    text: str
    hits: dict
    sports: bool
    names: dict  # the gazetteer's names
    given: frozenset  # common given names
    out: list  # the candidates read so far

    def _person_cue(self, start: int, end: int) -> bool:
        """ "Montalvo said", "said Mauer", "novelist Okri", "the Tavares government" (not "the
        Federal government")."""
        after = CUE_AFTER.match(self.text, end)
        before = self._words_before(start)[1]
        if after and after.group(1) in _W.person_cues or before in _W.person_cues or before in _W.roles_before:
            return True
        if self.text.startswith("By ", start - 3) and (start == 3 or self.text[start - 4] == "\n"):
            return True  # a byline: "By Mara Ellison, Pacific Ledger"
        led = NOUN_AFTER.match(self.text, end)
        return bool(led and led.group(1) in _W.led_by_person and self._words_before(start)[1] == "the"
                    and not self.text.endswith(ADJECTIVE_ENDS, start, end))

    def _org_cue(self, start: int, end: int, team: bool = True) -> bool:
        """ "oil giant Yukos", "carmaker Rover", "Yukos shares", "Tesco's profits", "Tesco have"; in a sports
        report (`team`: for a name a person's name cannot be) "Arsenal beat", "a goal for Celtic",
        "Chelsea striker"."""
        if team and self.sports and team_cue(self.text, start, end) and not self.text.endswith(DEMONYM_ENDS, start, end):
            return True
        before = self._words_before(start)[1]
        if before in _W.org_cues_before or before.endswith("maker"):
            return True
        if PLURAL_VERB_AFTER.match(self.text, end) and " " not in self.text[start:end] and (
                before.isalpha() and before.islower() and before not in ("and", "the", "or")
                or (not before or before[-1] in '.!?:"“') and not self.text.endswith("s", start, end)
                and self.text[start:end] not in _W.plural_nouns):
            # "then Kelso were relegated", "Quillmart have cut jobs": a body, spoken of as many
            # (a plural noun starting a sentence is not: "Farmers were angry")
            return True
        after = NOUN_AFTER.match(self.text, end)
        return bool(after) and after.group(1) in _W.org_cues_after

    def _place_cue(self, start: int, end: int) -> bool:
        """ "in Lima", "near Kherson", "a visit to Hanoi", "Cape Canaveral, Florida"; not "in
        Scientology jargon" or "in Amy Chen's book", where the name qualifies the noun after it."""
        if self._before_a_place(end):
            return True
        after = CUE_AFTER.match(self.text, end)
        if after and after.group(0)[0] == " " and after.group(1).title() not in _W.function_words:
            return False
        if self.text.startswith(("'s", "’s"), end):
            return False
        before, word = self._words_before(start)
        if word == "to" or word == "from":
            return before in _W.place_cue_verbs_for_to
        return word in _W.place_cues

    def _before_a_place(self, end: int) -> bool:
        """A name written "Name, Known Place" is a place in that place ("Cape Canaveral, Florida"),
        unless a title follows the place ("John Cornyn, U.S. Senator", "Hernan Gomez, Panama coach")."""
        hit = self.hits.get(end + 2) if self.text.startswith(", ", end) else None
        if hit is None or hit.entry.kind != "place":
            return False
        after = NOUN_AFTER.match(self.text, hit.end)
        return not (after and after.group(1).title() in _W.titles) and not TITLE_AFTER.match(self.text, hit.end)

    def _words_before(self, start: int) -> tuple[str, str]:
        """The two words before a name, lower case, when only a space separates them from it."""
        window = self.text[max(0, start - 30):start]
        if not window.endswith(" "):
            return "", ""
        words = window.lower().split()
        return (words[-2] if len(words) > 1 else ""), (words[-1] if words else "")

    def _vessel_cue(self, start: int) -> bool:
        """ "the cruise ship Aurelian", "the vessel, Aurelian": a ship, craft or probe, named
        like a person or a place but none of our kinds."""
        return VESSEL_BEFORE.search(self.text, max(0, start - 16), start) is not None

    def _spelt_out(self, word: Word) -> bool:
        """ "Union of Archive Editors and Tutors (AEIU)": capitals in brackets after a
        name abbreviate it, whatever their vowels."""
        text, start, end = self.text, word.start, word.end
        return (word.text.isupper() and text[start - 2:start] == " (" and text[end:end + 1] == ")"
                and CAPITALISED_BEFORE.search(text, max(0, start - 40), start - 2) is not None)

    def _product(self, piece: list[Word]) -> bool:
        """ "Zentro Photos", "Zentro Lumen X": unknown words right after a known company name
        the product it makes (not a given name: "Image: Zentro Bill Okafor" credits a person)."""
        last = self.out[-1] if self.out else None
        return (last is not None and last.kind == "org" and last.end == piece[0].start - 1 and len(piece) <= 2
                and self.text[last.end] == " " and last.text in self.names and piece[0].text not in self.given)
