"""How one run of capitalised words becomes candidate names.

A run is read left to right: titles ("Foreign Minister") are dropped and make the name after
them a person; an organisation or place head word ("Party", "Ministry", "Square") types the
words it ends; "X of the Y" joins when X ends in such a head; a known name inside a run keeps
its entity; cues around a name ("in Lima", "Montalvo said", in cues.py) type what is left.
What the rules cannot type (a lone "Wang") is left to alias resolution over the whole article.
The pieces a run is read in, and what a word's shape says alone, are in pieces.py.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .aliases import Candidate
from .cues import Cues
from .pieces import CURRENCY, INITIALS, Hit, Word, head_kind, is_acronym, plain_name
from .teams import team_cue
from .words import given_names, words

_W = words()
DIGIT = re.compile(r"\d")
WORD_AT = re.compile(r" ?\w+")
NUMBER_AFTER = re.compile(r" \d")
NUMBER_BEFORE = re.compile(r"\d $")
PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
LOWER_AFTER = re.compile(r"(?:['’]s)? [a-z]")
OWNERS = {"my", "your", "our", "their", "its"}  # "your Zephyr Audio player" is no person
# Endings of English adjectives and nouns, which begin no person's name unless it is a given
# name ("Crystal", "Sterling"): "Restricted Tarvo", "Operation Kestrelwing", "Global Harmony"
WORD_ENDS = ("ful", "ive", "ous", "able", "ible", "less", "ness", "ment", "ity", "ion", "ted", "ized", "ised",
             "ial", "bal", "cal", "nal", "ral", "tal")  # not "-ed" ("Khaled"), "-ic" ("Ludovic"), "-ing" ("Erling")


class RunReader(Cues):
    """Reads one run of capitalised words into candidate names. One class though it is over
    300 lines: its rules read and split the same run in a fixed order, and each needs the run's
    state (the words, the known names in it, the sentence start); the word lists and the cues
    around a name are already apart (pieces.py, cues.py)."""

    def __init__(self, names: dict, firsts: set[str], hits: dict, lower: set[str], block: int, text: str,
                 sentence_start: bool, sports: bool = False) -> None:
        """`names` and `firsts`: the gazetteer's names and their first words (title case);
        `hits`: known names by start; `lower`: the words the article writes in lower case;
        `sports`: the article is a sports report, where names next to the game's words are teams."""
        self.names, self.firsts, self.lower, self.sports = names, firsts, lower, sports
        self.given = given_names()
        self.hits, self.block, self.text, self.sentence_start = hits, block, text, sentence_start
        self.out: list[Candidate] = []

    def read(self, items: list, tail: bool) -> list[Candidate]:
        groups = list(self._sentences(items))
        for i, (group, starts_sentence) in enumerate(groups):
            self._joined(group, starts_sentence, tail and i == len(groups) - 1)
        return self.out

    def read_word(self, word: Word, shouted: bool) -> list[Candidate]:
        """A run of one unknown word, the commonest kind, read without the general machinery."""
        if shouted:
            self._shouted([word])
        else:
            self._piece([word], self.sentence_start, False)
        return self.out

    def read_shouted(self, items: list) -> list[Candidate]:
        for item in items:
            if isinstance(item, Hit):
                self._hit(item)
        self._shouted([item for item in items if isinstance(item, Word) and item.role == "word"])
        return self.out

    def _sentences(self, items: list):
        """Split at a full stop unless it ends an abbreviation or an initial ("Mr.", "W.")."""
        group: list = []
        starts = self.sentence_start
        for item in items:
            if isinstance(item, Word) and item.role == "dot":
                last = group[-1] if group else None
                if isinstance(last, Word) and (last.text in _W.title_heads or len(last.text) == 1):
                    continue
                if group:
                    yield group, starts
                group, starts = [], True
            else:
                group.append(item)
        if group:
            yield group, starts

    def _joined(self, items: list, starts_sentence: bool, tail: bool) -> None:
        """Handle "X of the Y": one name when X ends in a head word, else X and Y apart."""
        segments: list[list] = [[]]
        joins = [""]
        for item in items:
            if isinstance(item, Word) and item.role == "join":
                segments.append([])
                joins.append(item.text)
            else:
                segments[-1].append(item)
        forced = None
        current: list = []
        for index, segment in enumerate(segments):
            if not segment:
                continue
            current = current + segment if forced else segment
            last = segment[-1]
            head = head_kind(last) if isinstance(last, Word) else None
            # "Joint Council for the Welfare of Immigrants" joins on; "University of Sheffield of the UK" stops
            if (head or forced and not isinstance(last, Hit)) and index + 1 < len(segments):
                forced = forced or head
                if forced == "place" and joins[index + 1].startswith("for"):
                    forced = "org"  # "Centre for Policy Studies" is an institution, not a building
                continue
            self._segment(current, starts_sentence and current[0] is items[0], forced)
            forced = None
            current = []
        if current:
            self._segment(current, starts_sentence and current[0] is items[0], forced)
        if tail and self.out:
            self._extend_to_tail(items)

    def _extend_to_tail(self, items: list) -> None:
        """"Diaoyutai State guesthouse": an unknown name before a facility noun names the facility."""
        last = self.out[-1]
        end = items[-1].end
        if last.end == end and not isinstance(items[-1], Hit):
            new_end = WORD_AT.match(self.text, end + 1).end()
            self.out[-1] = replace(last, end=new_end, text=self.text[last.start:new_end], kind="place",
                                   canonical=self.text[last.start:new_end], single=False, weak=False, guess=False)

    def _segment(self, items: list, starts_sentence: bool, forced: str | None) -> None:
        kept = self._strip_front(items, starts_sentence)
        if not kept:
            return
        starts_sentence = starts_sentence and kept[0] is items[0]  # "The Church said": "Church" starts none
        items = kept
        split = self._name_after(items, forced)
        if split:
            # "University of Lisbon Tavira Quenda", "Harbour Council Orlan Veske": a person after the body
            self._segment(items[:split], False, forced)
            self._names(items[split:], False, person=False)
            return
        if forced or isinstance(items[0], Word) and items[0].text in _W.org_leads and len(items) > 1:
            self._emit(items, forced or "org")  # "Instituto Cervantes": "institute" comes first in Spanish
            return
        title = self._title_index(items)
        if title is not None:
            self._title_zone(items[: title + 1])
            self._names(items[title + 1:], starts_sentence=False, person=True)
            return
        last = items[-1]
        head = head_kind(last) if isinstance(last, Word) else None
        if head and isinstance(items[0], Hit) and items[0].entry.kind == "org" and head != "event":
            if len(items) == 2:  # "Microsoft Corp" is Microsoft, "BBC News" a name of its own
                self._emit(items, "org", canonical=items[0].entry.canonical if last.text in _W.legal_forms else None)
                return
            self._hit(items[0])  # "CCP Central Committee": the party, then its body
            self._segment(items[1:], False, None)
        elif head == "event" and len(items) > 1:
            # "Harvest Day", "Lantern Festival": an event, no name of ours, unless someone
            # speaks ("Doris Day said")
            if self._person_cue(items[0].start, last.end):
                self._emit(items, "person")
            for item in items:
                if isinstance(item, Hit):
                    self._hit(item)  # "the Lisbon Book Fair" is still in Lisbon
        elif head and len(items) > 1:
            club = self.sports and head == "place" and last.text in _W.club_place_heads  # "Leicester City won"
            self._emit(items, "org" if club else head)
        else:
            self._names(items, starts_sentence, person=False)

    def _name_after(self, items: list, forced: str | None) -> int | None:
        """Where two or three words of a person's name end a run, or None: after the known place
        of an "X of Y" (`forced`), or after an organisation head word when a cue or a given
        name says person ("Harbour Council Orlan Veske told", not "Arts Council Youth Choir")."""
        for size in (2, 3):
            if len(items) > size + 1:
                rest, before = items[-size:], items[-size - 1]
                if not all(isinstance(w, Word) and plain_name(w) and w.text.lower() not in self.lower for w in rest):
                    continue
                if (isinstance(before, Hit) and forced or isinstance(before, Word) and head_kind(before) == "org"
                        and (rest[0].text in self.given or self._person_cue(rest[0].start, rest[-1].end))):
                    return len(items) - size
        return None

    @staticmethod
    def _strip_front(items: list, starts_sentence: bool = True) -> list:
        """Drop what cannot begin a name; mid-sentence a capitalised "Old" or "First" can."""
        i = 0
        while i < len(items) and isinstance(items[i], Word) and (
                items[i].role != "word" or items[i].text in _W.calendar
                or starts_sentence and items[i].text in _W.function_words):
            i += 1
        return items[i:]

    @staticmethod
    def _title_index(items: list) -> int | None:
        """The last title word that has a name after it ("Foreign Minister Qin Gang")."""
        found = None
        for i, item in enumerate(items[:-1]):
            if isinstance(item, Word) and item.text in _W.title_heads:
                rest = items[i + 1:]
                last = rest[-1]
                if not (isinstance(last, Word) and head_kind(last)):
                    found = i
        if found is None:
            return None
        while found + 1 < len(items) - 1 and isinstance(items[found + 1], Word) and items[found + 1].text in _W.titles:
            found += 1
        return found

    def _title_zone(self, items: list) -> None:
        """Words before a title: only known names and organisations ("US", "Foreign Affairs
        Committee") are names here; "Chinese Foreign" is part of the title."""
        heads = [i for i, item in enumerate(items) if isinstance(item, Word) and head_kind(item) == "org"]
        if heads:
            org = self._strip_front(items[: heads[-1] + 1])
            while org and isinstance(org[0], Word) and (org[0].text in _W.titles):
                org = org[1:]
            if len(org) > 1 or (org and isinstance(org[0], Hit)):
                self._emit(org, "org")
            items = items[heads[-1] + 1:]
        for item in items:
            if isinstance(item, Hit):
                self._hit(item)
            elif item.role == "word" and is_acronym(item.text):
                self._emit([item], "org")

    def _names(self, items: list, starts_sentence: bool, person: bool) -> None:
        """Known names keep their entity; the words between them are grouped into names. A
        title (`person`) types only the name right after it."""
        piece: list[Word] = []
        first = True
        for index, item in enumerate(items):
            if isinstance(item, Hit) and self._given_name_of(item, items[index + 1:index + 2]):
                item = Word(item.start, item.end, self.text[item.start:item.end], "word")
            if isinstance(item, Hit):
                if (len(piece) == 1 and (plain_name(piece[0]) or piece[0].text in _W.club_prefixes)
                        and piece[0].text.lower() not in self.lower):
                    if item.entry.kind == "person":
                        self._hit(item, start=piece[0].start)  # "Anthony Blinken": a first name joins
                    elif item.entry.from_package and piece[0].text not in _W.place_modifiers and (
                            item.entry.kind == "place" or piece[0].text in self.given or piece[0].text in _W.club_prefixes):
                        # a word before a listed company joins it only as a given name ("Henry Ford"), not "Rival Shell"
                        # "Valeska Paris" is no place; "Real Madrid", "Bayern Munich beat" are clubs
                        org = self._org_cue(piece[0].start, item.end) or piece[0].text in _W.club_prefixes
                        self._emit([piece[0], item], "org" if org else "person", guess=not org)
                    elif item.entry.kind == "place" and piece[0].text in _W.place_modifiers:
                        self._emit([piece[0], item], "place")  # "Greater Manchester", "Central Lima"
                    else:
                        self._piece(piece, starts_sentence and first, person)
                        self._hit(item)
                else:
                    self._piece(piece, starts_sentence and first, person)
                    self._hit(item)
            elif item.role == "word" and (item.text in _W.calendar or item.text in _W.function_words
                                          or item.text in _W.not_acronyms):
                self._piece(piece, starts_sentence and first, person)
            else:
                piece.append(item)
                continue
            piece, first, person = [], False, False
        self._piece(piece, starts_sentence and first, person)

    def _given_name_of(self, hit: Hit, following: list) -> bool:
        """ "Florence Okafor", "Regina Marsh": a town that is also a given name, before a word of a
        name, begins a person's name."""
        word = following[0] if following else None
        return (hit.entry.kind == "place" and hit.entry.from_package and isinstance(word, Word)
                and self.text[hit.start:hit.end] in self.given and plain_name(word)
                and word.text.lower() not in self.lower)

    def _piece(self, piece: list[Word], at_start: bool, person: bool) -> None:
        while piece and (piece[0].role != "word" or piece[0].text in _W.demonyms or piece[0].text in _W.titles):
            piece = piece[1:]
        while piece and piece[-1].role != "word":
            piece = piece[:-1]
        last = piece[-1].text if piece else ""
        if not piece or last in _W.demonyms and not last.endswith("s") and LOWER_AFTER.match(self.text, piece[-1].end):
            return  # "South Korean troops": an adjective ("Neo Democrats won" is a party)
        if (self._vessel_cue(piece[0].start) or self._product(piece)) and not self._person_cue(piece[0].start, piece[-1].end):
            self._emit(piece, None, guess=True)  # no kind of ours, here or elsewhere in the article
            return
        if len(piece) == 1:
            word = piece[0]
            if DIGIT.search(word.text) or PLURAL_ACRONYM.fullmatch(word.text):
                return  # "IE6", "STS-135": model and mission numbers; "MPs", "NGOs": plural nouns
            if word.text.isupper() and word.text.title() in self.names:
                self._shouted(piece)  # "NAIROBI, June 3 (Reuters)"
            elif not at_start and word.text in _W.org_heads:
                self._emit(piece, "org", single=True)  # "in Parliament", "the Court ruled"
            elif word.text.lower() in self.lower:
                # the article writes it in lower case too: a word, not a name ("UNLESS"), unless,
                # mid-sentence, it is a word of a name the article gives in full ("Scientology"
                # after "Church of Scientology", in an article with "alt.religion.scientology")
                if not at_start:
                    self._emit(piece, None, single=True, weak=True)
            elif is_acronym(word.text) or self._spelt_out(word):
                if not (NUMBER_BEFORE.search(self.text, max(0, word.start - 8), word.start)
                        or self.text.startswith(CURRENCY, word.end)):
                    self._emit(piece, "org")  # not a unit or a currency: "40 GWE", "15 KPH", "NZ $ 26"
            elif not person and self._org_cue(word.start, word.end):
                self._emit(piece, "org", single=True)
            elif person or self._person_cue(word.start, word.end):
                self._emit(piece, "person", single=True)
            elif self._place_cue(word.start, word.end):
                self._emit(piece, "place", single=True)
            else:  # untyped: kept only when the article names it in full
                self._emit(piece, None, single=True, weak=at_start)
            return
        if all(w.text.isupper() for w in piece):
            self._shouted(piece)
        elif not person and (piece[0].text in _W.club_prefixes or self._org_cue(piece[0].start, piece[-1].end, team=False)
                             or self.sports and team_cue(self.text, piece[0].start, piece[-1].end, strict=True)):
            self._emit(piece, "org")
        elif person or self._person_cue(piece[0].start, piece[-1].end):
            self._emit(piece, "person")
        elif self._before_a_place(piece[-1].end) or piece[0].text in _W.place_modifiers:
            self._emit(piece, "place")  # "Cape Canaveral, Florida"; "West Yorkshire", "Lake Kivu"
        elif len(piece) <= 3 and (plain_name(piece[0]) or INITIALS.fullmatch(piece[0].text)) and all(
                plain_name(w) or w.role == "part" or w.text.isupper() for w in piece[1:]):
            # Everyday words the article also writes in lower case ("Science Fair"), or a thing
            # someone owns ("your Zephyr Audio player"), are no person.
            if any(w.text.lower() in self.lower for w in piece) or self._words_before(piece[0].start)[1] in OWNERS:
                return
            # "Internet Explorer 6" is a product; "the Copper Lanterns." a band: English puts
            # "the" before a person's name only where the name qualifies a noun ("the Nadia Orlenko concert")
            first = piece[0].text
            thing = NUMBER_AFTER.match(self.text, piece[-1].end) or first not in self.given and (
                self._words_before(piece[0].start)[1] == "the" and not LOWER_AFTER.match(self.text, piece[-1].end)
                or len(first) >= 6 and first.endswith(WORD_ENDS))
            self._emit(piece, None if thing else "person", guess=True)
        elif self._place_cue(piece[0].start, piece[-1].end):
            self._emit(piece, "place")
        else:
            self._emit(piece, "org")

    def _shouted(self, piece: list[Word]) -> None:
        """"GETTY IMAGES NORTH AMERICA": capitals hide where names end, so only known names
        count, looked up longest first. A place among other capitalised words is taken for part
        of a longer name ("VOICE OF AMERICA"); only a place standing alone ("NAIROBI,") counts."""
        titled = [w.text.title() for w in piece]
        i = 0
        while i < len(piece):
            if titled[i] not in self.firsts:
                i += 1
                continue
            for j in range(min(len(piece), i + 5), i, -1):
                entry = self.names.get(" ".join(titled[i:j]))
                if entry is not None:
                    if entry.kind != "place" or j - i == len(piece):
                        self._emit(piece[i:j], entry.kind, canonical=entry.canonical)
                    i = j
                    break
            else:
                i += 1

    def _hit(self, hit: Hit, start: int | None = None) -> None:
        start = hit.start if start is None else start
        last = self.out[-1] if self.out else None
        if (hit.entry.kind == "org" and last is not None and last.kind == "place" and last.end == start - 1
                and self.text[last.end] == " " and not last.single):
            start = self.out.pop().start  # "United States National Security Council": the country's own
        self.out.append(Candidate(self.block, start, hit.end, self.text[start:hit.end], hit.entry.kind,
                                  hit.entry.canonical, hit.entry.from_package))

    def _emit(self, items: list, kind: str | None, single: bool = False, weak: bool = False,
              canonical: str | None = None, guess: bool = False) -> None:
        start, end = items[0].start, items[-1].end
        text = self.text[start:end]
        canonical = canonical or text
        self.out.append(Candidate(self.block, start, end, text, kind, canonical, False, single, weak, guess))
