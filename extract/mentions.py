"""Find entity mentions in a parsed ``Doc`` and clean their surface forms.

spaCy's spans come with baggage news writing adds: a leading "the", a possessive
("El Salvador's"), a title ("President Bukele"). Those are stripped here so that the
resolver sees names; the stripped title words stay in the ``Doc`` for the relation rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy
from spacy.attrs import IS_SPACE, ORTH, SENT_START
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.governments import is_portfolio, load_government_rules
from newsgraph.extract.rules import (
    WEEKDAYS,
    Titles,
    adjective_words,
    load_gazetteer,
    load_occupations,
    load_regions,
    load_titles,
    word_lists,
)
from newsgraph.graph.model import normalise_name

# spaCy labels kept, and the rough type each suggests before the gazetteer decides.
LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
POSSESSIVE = {"'s", "’s", "'", "’"}
LEADING_NOISE = {"the", "a", "an", "and", "of"}
DASHES = {"-", "–", "—", "--"}
# Lower-case words inside a name besides a person's name particles (context_cues.json
# name_particles): an organisation's "of", "and", "upon" ("Bank of Scotland", "Stratford-upon-Avon").
_JOINERS = {"of", "and", "the", "for", "on", "in", "at", "upon", "des", "los", "las"}
_MONTH_NAMES = {"january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
                "december"}
SCORE = re.compile(r"[\d][\d.,:/-]*")
_DEMONYM_PERSON = re.compile(r"(wo)?m[ae]n$")


@dataclass(frozen=True)
class RawMention:
    text: str
    label: str
    start: int  # character offsets in the document text
    end: int
    token_start: int
    token_end: int
    sentence: int
    adjective_of_thing: bool = False  # a nationality describing a thing: "Indonesian shares"
    titled: bool = False  # after an honorific ("Mr Howard", "Dr Nielsen"): a surname, not a first name
    locative: bool = False  # object of "in", "at", "near"...: said of a place ("in Slough")
    honorific: str = ""  # the honorific before it, lowercased ("sir" of "Sir Ed": a first name there)
    canonical: str = ""  # a club's name from the gazetteer ("Heart of Midlothian" for "Hearts"; clubs.py)
    same_as: str = ""  # the person named just before under another name ("Jay-Z, real name Shawn Carter")
    names_state: bool = False  # a nationality before a state's institution or firm: "the Indonesian government"
    after_the: bool = False  # "on the Maasvlakte": a place's or a thing's name, never a person's
    in_brackets: bool = False  # "(Afreximbank)": alone in brackets, as a short form is defined


def covered_tokens(mentions: Iterable[RawMention]) -> set[int]:
    """The token indices the mentions cover (where a finder must not add another)."""
    return {i for m in mentions for i in range(m.token_start, m.token_end)}


LOCATIVE_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "into"}
MOTION_VERBS = {"travel", "fly", "go", "move", "return", "arrive", "head", "sail", "drive", "deport", "relocate", "flee",
                "emigrate", "journey"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "baroness", "baron", "dame", "prof", "professor",
              "judge", "justice", "rev", "reverend", "mister"}


def glued_hyphen(doc: Doc, k: int) -> bool:
    """Token ``k`` is a hyphen inside a word ("anti-spyware", "start-up", "Russian-built"),
    glued to a token on each side: not a dash between phrases."""
    return 0 < k < len(doc) - 1 and doc[k].text == "-" and not doc[k - 1].whitespace_ and not doc[k].whitespace_


def _hyphen_glued(doc: Doc, i: int) -> bool:
    """Token ``i`` is the lower-case half of a hyphenated name part, written with no space
    ("Mo-po" in "Paul Chan Mo-po", "Ka-chiu"): the name's, not a verb after it."""
    return i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
        and doc[i - 2].text[:1].isupper()


def _whole_hyphened_name(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A person's name the model cut at a hyphen ("Ashby" or "Silk" of "Mr Ashby-Crewe",
    "Robert Hinds" of "Robert Hinds-Carver"): the whole double-barrelled surname, so that one
    person is not two nodes, a first half and a second half (issue 12)."""
    def glued(i: int) -> bool:  # tokens i-1, i, i+1 are "Word", "-", "Word" with no space
        return 0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_ \
            and not doc[i].whitespace_ and doc[i - 1].text[:1].isupper() and doc[i + 1].text[:1].isupper() \
            and doc[i - 1].is_alpha and doc[i + 1].is_alpha
    while end < len(doc) - 1 and glued(end):
        end += 2
    while start > 1 and glued(start - 1):
        start -= 2
    return start, end


def _looks_like_name(span: Span) -> bool:
    if not any(ch.isalpha() for ch in span.text):
        return False
    if len(span) > 8:
        return False
    # A name has at least one capitalised word (or is an acronym); "the close button" has none.
    # Abbreviations count: "Tenn.", "U.N." and "N.Y." are names too.
    return any(t.text[:1].isupper() for t in span if any(ch.isalpha() for ch in t.text))


# Last words that make a name an organisation's ("Kenya Association of Manufacturers", "the
# Farmer-Citizen Movement"): they extend a cut name, retype a place the model guessed, and let
# a body's head noun alone stand for its one body in resolve. Not employment.json's
# owner_nouns, though most words are in both: those are the kinds of institution whose "the
# <noun>'s chief" stands for one named body (relations_definite_owner), and they differ on
# purpose. Buildings that are places as often as bodies ("hospital", "university", "court",
# "museum", "college", "parliament") are owners there but no head here, where they would make
# "Aire Valley Hospital" an organisation whatever its use; firms' heads ("company", "bank",
# "group", "corporation", "services") are heads here but no owners there, where "the company's
# chief executive" is the article's company (staff_titles.json article_owner_nouns).
ORG_HEAD_WORDS = {"union", "association", "society", "federation", "council", "group", "party", "services", "manufacturers",
                  "movement", "institute", "commission", "committee", "foundation", "trust", "league", "club", "corporation",
                  "company", "bank", "agency", "authority", "board", "organisation", "organization", "confederation",
                  "alliance", "front", "congress", "assembly", "ministry", "department", "office", "service", "fund"}


def _extend_org(span: Span) -> Span:
    """An organisation's name the model cut before "of"/"and" ("Kenya Association" of
    "Kenya Association of Manufacturers", "Public" of "Public and Commercial Services
    Union"): extended over the capitalised words that follow when they end in a word that
    heads organisations' names and no other entity sits there."""
    doc = span.doc
    k = span.start
    if span.label_ == "ORG" and k >= 2 and doc[k - 1].lower_ in {"and", "&"} and doc[k - 2].is_title \
            and not doc[k - 2].ent_type_ and (k == 2 or doc[k - 3].lower_ == "the") and span[-1].lower_ in ORG_HEAD_WORDS:
        return Span(doc, k - 2, span.end, label=span.label_)  # "the Public and Commercial Services Union"
    i = span.end
    if span.label_ == "ORG" and i < len(doc) and doc[i].is_title and doc[i].ent_type_ == "NORP" \
            and doc[i].lower_ in load_context_cues().member_nouns_ending_bodies \
            and any(t.lower_ in {"of", "for"} for t in span[1:]):
        return Span(doc, span.start, i + 1, label=span.label_)  # "the Movement of Socialist | Democrats"
    if span.label_ != "ORG" or i + 1 >= len(doc) or doc[i].lower_ not in {"of", "and", "&", "for"}:
        return span
    j = i + 1
    while j < len(doc) and j - i <= 6:
        token = doc[j]
        if token.lower_ in {"and", "of", "&"}:
            j += 1
            continue
        if not (token.is_title or token.is_upper) or (token.ent_type_ and token.ent_type_ != "ORG"):
            break
        j += 1
        if token.lower_ in ORG_HEAD_WORDS:
            if j < len(doc) and doc[j].ent_iob_ == "I" and token.ent_type_ == "ORG":
                # the head word is inside a name of the model's that goes on: one body with it when
                # that name ends in a head word too ("the Public and | Commercial Services Union"),
                # else another body ("Treasury and | Bank of England forecasts")
                while j < len(doc) and doc[j].ent_iob_ == "I":
                    j += 1
                return Span(doc, span.start, j, label=span.label_) if doc[j - 1].lower_ in ORG_HEAD_WORDS else span
            return Span(doc, span.start, j, label=span.label_)
    return span


def _extend_known(span: Span) -> Span:
    """A listed organisation the model cut short at the left ("Democrat" NORP of "Liberal
    Democrat leader Sir Ed Davey", issue 12): extended over the one or two words before it
    when with them it is a form the gazetteer lists and those words are no other entity."""
    doc = span.doc
    forms = load_gazetteer().organization_forms
    for n in (2, 1):
        k = span.start - n
        # A nationality word may join: "Scottish Labour" is a party of its own, not Labour.
        if k >= 0 and not any(doc[i].ent_type_ not in {"", "NORP"} or doc[i].is_punct for i in range(k, span.start)) \
                and doc[k : span.end].text in forms:
            return Span(doc, k, span.end, label=span.label_)
    return span


def _opens_line(token: Token) -> bool:
    """A bullet or dash that opens its sentence ("- The Geneva-based World Trade
    Organization publishes ..."): the capital "The" after it starts the line, it is no
    part of the name after it (issue 12 band audit, session 9: a place "The Geneva")."""
    return bool(token.is_punct and token.is_sent_start)


def clean_span(span: Span) -> Span | None:
    titles = load_titles()
    span = _extend_station(_extend_known(_extend_org(span)))
    start, end = span.start, span.end
    doc = span.doc
    if start > 0 and doc[start - 1].text == "THE" and span.text.isupper():
        start -= 1  # "THE HAGUE, Netherlands": the dateline's capitals hold the name's "The"
    while start < end and doc[start].lower_ in LEADING_NOISE and not (doc[start].is_upper and end - start > 1 and doc[start + 1].is_upper):
        start += 1  # not "THE HAGUE" of a dateline: a capitalised "The" there is the name's
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    while start < end and not any(c.isalnum() for c in doc[start].text):
        start += 1  # "• Sobeys is hiring": a list's bullet (or a dash) opening the line is no part of the name
    words = titles.bare_words()
    label = span.label_
    while end - start > 1 and doc[start].lower_ in load_context_cues().leading_non_name_words:
        start += 1  # "Past Congressional Budget Office forecasts": a sentence's first word, not the name's
    start = _extend_person(doc, start, titles, initials=label == "PERSON")
    end = _extend_compound(doc, start, end)
    if label == "PERSON":
        start, end = _whole_hyphened_name(doc, start, end)
    if end - start == 1 and start > 1 and doc[start - 1].text == "The" and not doc[start - 1].is_sent_start \
            and not doc[start].is_upper and doc[start - 2].text not in {"\"", "\u201c", "(", "["} \
            and not _opens_line(doc[start - 2]):  # a quote opens "The FCC should...", a bullet "- The Geneva-based ..."
        start -= 1  # "Bono, The Edge, Adam Clayton": a capital "The" inside a sentence is the name's
    if start < end and doc[start].lower_ in load_context_cues().org_nouns_before and doc[start].is_title and end - start > 1:
        start, label = start + 1, "ORG"  # "Bookmaker Ladbrokes": the kind of firm, then its name
    while end - start > 1 and _single_role(doc[end - 1].lower_, titles, plural_only=label == "PERSON"):
        end -= 1  # "Labour MPs", "Tory leader": the party, not a person
    if end - start > 1 and label == "ORG" and doc[end - 1].lower_ in load_context_cues().office_words:
        end, label = end - 1, "GPE"  # "Galway East TD": the seat
    if end - start > 1 and doc[start].text == "New" and doc[start].is_sent_start \
            and load_gazetteer().organization(doc[start + 1 : end].text) is not None \
            and load_gazetteer().organization(doc[start:end].text) is None and load_gazetteer().country(doc[start:end].text) is None:
        start += 1  # "New EU trade commissioner Peter Mandelson": the sentence's adjective before a listed body
    if end - start > 1 and label == "ORG":
        end = _cut_portfolio(doc, start, end)  # "EU Farm Commissioner": the EU's commissioner for farming
    if end - start > 1 and doc[end - 1].lower_ in load_non_entity_rules().names:
        end -= 1  # "Apple iPod": the company, not its product
    if end - start > 1 and _MODEL_CODE.match(doc[end - 1].text) and doc[end - 2].is_alpha:
        end -= 1  # "Citroen C4", "Sony Ericsson W800": the maker, not its model
    for k in (3, 2):  # "the France v Scotland Six Nations match": the team, not the event
        if end - start > k and " ".join(t.lower_ for t in doc[end - k : end]) in load_non_entity_rules().names \
                and load_gazetteer().country(doc[start : end - k].text) is not None:
            end -= k
            break
    cues = load_context_cues()
    if label != "PERSON" and end - start > 1 and doc[start].lower_.rstrip(".") in HONORIFICS and doc[start + 1].is_title \
            and load_gazetteer().country(doc[start:end].text) is None:  # "DR Congo's Alain Masudi": the country's "DR"
        start += 1  # "Ms Lomax" the model called an organisation: the surname, titled (a person, see resolve)
    if label == "PERSON":
        while end - start > 1 and doc[end - 1].is_lower and doc[end - 1].is_alpha and doc[end - 1].lower_ not in cues.name_particles \
                and not _hyphen_glued(doc, end - 1):
            end -= 1  # "Larry Mullen Jr sang": the model ran on into the verb; "Paul Chan Mo-po" keeps "po"
        while end - start > 1 and (doc[start].tag_ == "VB" or doc[start].lower_ in cues.role_nouns_before
                                   or _glued_common_noun(doc, start, end)):
            start += 1  # "Vote Blair" (a slogan's verb), "Producer Brian Grazer" (a role opening a sentence)
        inner = [i for i in range(start + 1, end - 1) if doc[i].lower_ in cues.office_words or doc[i].lower_ in titles.roles
                 or (doc[i].is_upper and doc[i].lower_ in load_non_entity_rules().names)]  # "Virgin Radio DJ Pete Mitchell"
        if inner:
            start = inner[-1] + 1  # "Galway East TD Ciarán Moloney": a seat and an office before the name
    if label in {"ORG", "PERSON"} and end - start > 2:
        lower = [i for i in range(start + 1, end - 1) if doc[i].is_lower and doc[i].is_alpha and doc[i].lower_ not in _JOINERS | cues.name_particles
                 and not _hyphen_glued(doc, i)]  # "Ata-ur-Rehman", "Inzamam-ul-Haq": the name's own particle
        if lower:
            start = lower[-1] + 1  # "Devon county Labour": a description, then the name
    if end - start > 1 and label == "ORG" and load_gazetteer().nationality(doc[end - 1].text) is not None \
            and load_gazetteer().country(doc[end - 1].text) is None:
        end -= 1  # "the Tampa Bay Buccaneers American football team"
    if end - start > 1 and doc[end - 1].is_lower and doc[end - 1].is_alpha and not _hyphen_glued(doc, end - 1):
        return None  # "South coast": a description, not a name
    if span.label_ == "PERSON":
        # "President Nayib Bukele" → "Nayib Bukele"; keep the last word whatever it is.
        while end - start > 1 and doc[start].lower_.rstrip(".") in words:
            start += 1
        start = _after_portfolio(doc, start, end)  # "Minister for Climate | Darragh O'Brien"
        # "Frenchman Ronald Pognon" → "Ronald Pognon", "American Dennis Mitchell" → "Dennis Mitchell"
        if end - start > 2 and (load_gazetteer().nationality(_DEMONYM_PERSON.sub("", doc[start].text)) and
                                (_DEMONYM_PERSON.search(doc[start].lower_) or doc[start].pos_ == "ADJ"
                                 or load_gazetteer().nationality(doc[start].text))):
            start += 1
    elif end - start > 2 and _person_demonym(doc[start]) and all(doc[i].is_title for i in range(start + 1, end)):
        start, label = start + 1, "PERSON"  # "Spaniard Conchita Martinez" the model called an organisation
    if end < len(doc) and end - start <= 2 and f"{doc[end - 1].lower_} {doc[end].lower_}" in titles.roles:
        return None  # "New Home" of "New Home Secretary": a title's first words, not a name
    if start >= end:
        return None
    if label == "PERSON" and (doc[end - 1].lower_.rstrip(".") in HONORIFICS or doc[end - 1].lower_ in cues.office_words) \
            and end < len(doc) and doc[end].is_title:
        # "former Tory Treasurer Lord | Ashcroft": the model stopped at the honorific; the
        # name is the capitalised words after it (their own mention if the model tagged them)
        if doc[end].ent_type_:
            return None
        k = end
        while k < len(doc) and k - end < 3 and doc[k].is_title and doc[k].pos_ == "PROPN" and not doc[k].ent_type_:
            k += 1
        if k == end:
            return None
        start, end = end, k
    if span.label_ == "ORG" and start > 0 and doc[start - 1].lower_ == "of" and all(
        doc[i].lower_ in words for i in range(start, _first_for(doc, start, end))
    ):
        # "State" in "Secretary of State" is part of a title, not an agency; so is "State for
        # Constitutional Affairs" of "Secretary of State for Constitutional Affairs"
        return None
    while start < end and doc[start].lower_ in {"based", "-based", "-", "based-"}:
        start += 1  # "Based Body" of "Geneva-based body": no name's first word
    if start >= end or all(doc[i].is_stop and not doc[i].is_upper for i in range(start, end)):
        return None  # "At", "The": a sentence's first word the model took for a name
    cleaned = Span(doc, start, end, label=label)
    return cleaned if _looks_like_name(cleaned) else None


def _first_for(doc: Doc, start: int, end: int) -> int:
    """The index of the first "for" between ``start`` and ``end`` (``end`` if none): where a
    title's office ends and its portfolio begins ("State | for Constitutional Affairs")."""
    return next((i for i in range(start + 1, end) if doc[i].lower_ == "for"), end)


@lru_cache(maxsize=1)
def name_opening_nouns() -> frozenset[str]:
    """The common nouns that may open a person's span without being part of the name: the
    role nouns, the occupation and staff nouns and ``name_opening_nouns`` (one word each)."""
    cues = load_context_cues()
    occupations = {w for w in load_occupations() if " " not in w}
    return cues.role_nouns_before | cues.name_opening_nouns | frozenset(occupations)


def _glued_common_noun(doc: Doc, start: int, end: int) -> bool:
    """The first word of a person's span is a common noun the model glued to the name after
    it ("Model Sophie Anderton", "Comptroller Alan Hevesi", "Contestants Paul Burrell", issue
    12): a known role or occupation noun in capitals before a capitalised word. A singular
    noun is dropped only when two words of name stay ("Taylor Swift", "Hunter Thompson" keep
    their first name); a plural one always (no given name is a plural role noun)."""
    word = doc[start].lower_
    if not (doc[start].is_title and doc[start + 1].is_title and doc[start].is_alpha):
        return False
    nouns = name_opening_nouns()
    if word.endswith("s") and (word[:-1] in nouns or (word.endswith("es") and word[:-2] in nouns)):
        return True
    return word in nouns and end - start > 2


def _person_demonym(token: Token) -> bool:
    """A noun that names one person by nationality: "Spaniard", "Frenchman", "Briton" (not
    the adjective "Spanish" that opens "Spanish Football Federation")."""
    word = token.lower_
    gaz = load_gazetteer()
    if _DEMONYM_PERSON.search(word):
        return gaz.nationality(_DEMONYM_PERSON.sub("", word)) is not None
    return word in load_context_cues().person_demonyms and gaz.nationality(word) is not None


def _single_role(word: str, titles: Titles, plural_only: bool) -> bool:
    """A one-word role title ("leader"), or its plural ("MPs", "ministers"); only the plural
    after a name the model calls a person: "John Major" ends in a rank."""
    return (word in titles.roles and not plural_only) or (word.endswith("s") and word[:-1] in titles.roles)


def _extend_compound(doc: Doc, start: int, end: int) -> int:
    """A name the model ended one word early: "Gedeon" of "Gedeon Richter", where the parse
    makes the name a compound of the capitalised word right after it and the model tagged
    that word as nothing."""
    if end >= len(doc) or end - start > 4:
        return end
    nxt = doc[end]
    if nxt.pos_ == "PROPN" and nxt.is_title and not nxt.ent_type_ and doc[end - 1].dep_ == "compound" \
            and doc[end - 1].head.i == end and not nxt.is_sent_start:
        return end + 1
    return end


def _extend_person(doc: Doc, start: int, titles: Titles, initials: bool) -> int:
    """A name the model began one word late: the initial of "R Kelly" (people only), the
    first word of "Colman Domingo" or "Football Australia" when the parse makes it part of
    the name (a compound of it) but the model left it out."""
    if start == 0:
        return start
    prev = doc[start - 1]
    if prev.ent_type_ or prev.lower_.rstrip(".") in HONORIFICS or prev.lower_ in titles.words():
        return start
    if start >= 2 and load_gazetteer().nationality(doc[start - 2 : start].text) is not None:
        return start  # "New Zealander Graham Henry": the last word of a nationality, not a first name
    if initials and len(prev.text.rstrip(".")) == 1 and prev.text[:1].isupper() and prev.text not in {"A", "I"}:
        return start - 1
    if prev.pos_ == "PROPN" and prev.is_title and prev.dep_ == "compound" and prev.head.i >= start \
            and load_gazetteer().nationality(prev.text) is None and load_gazetteer().country(prev.text) is None \
            and prev.lower_ not in load_context_cues().leading_non_name_words:  # "Rival Sony has said"
        return start - 1
    return start


_TEXT = "newsgraph.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document and kept on it like the dateline memos:
    spaCy joins every token's text anew at each read (a Token object each, ~0.4 ms for a news
    article), and some rules read it per mention or per pair of mentions."""
    text: str | None = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def sentence_index(doc: Doc) -> list[int]:
    """Token index → sentence number, computed once per document. Read from the
    sentence-start column rather than ``doc.sents``, which builds a ``Span`` per sentence
    (as much as a tenth of extraction); same boundaries: the first token always starts one."""
    starts = doc.to_array(SENT_START) == 1
    starts[:1] = False
    numbers: list[int] = numpy.cumsum(starts).tolist()
    return numbers


def _is_break(token: Token) -> bool:
    """A token no name runs across: a line break (table rows, headlines), a bracket, or a
    dash set off by spaces ("Lithuania - Danius Gleveckas", "SOCCER - JAPAN")."""
    if token.is_space or "\n" in token.text or token.text in {"(", ")", "[", "]"}:
        return True  # "National Insurance (NI": a bracket ends a name
    return token.text in DASHES and bool(token.whitespace_) and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)


def _is_score(token: Token) -> bool:
    """Figures trailing a name in results tables: "J. Adams 123", "Kent 108-3"."""
    return token.like_num or bool(SCORE.fullmatch(token.text))


def split_span(span: Span) -> list[Span]:
    """An entity span cut at line breaks and spaced dashes, with trailing figures dropped."""
    parts, start = [], span.start
    for token in span:
        # "Ferry, Mackay": two people the model joined into one name (issue 12)
        # "Pohang 3 Ulsan", "Atlanta 5 PITTSBURGH": a results line's score between two names
        score = token.like_num and start < token.i < span.end - 1 and token.text.isdigit() and \
            span.doc[token.i + 1].text[:1].isupper() and span.doc[token.i - 1].text[:1].isupper()
        if _is_break(token) or score or (token.text in {",", ";"} and span.label_ == "PERSON") or _joins_two_names(span, token):
            if token.i > start:
                parts.append(Span(span.doc, start, token.i, label=span.label_))
            start = token.i + 1
    if span.end > start:
        parts.append(Span(span.doc, start, span.end, label=span.label_))
    out = []
    for part in parts:
        end = part.end
        first = part.start
        # "August National Association of ...", "64 Bob Estes": a date or a figure before the name
        while first < end - 1 and (span.doc[first].text.isdigit() or (span.label_ != "PERSON" and (
                span.doc[first].lower_ in _MONTH_NAMES or span.doc[first].lower_ in WEEKDAYS))):
            first += 1
        if first != part.start:
            part = Span(span.doc, first, end, label=span.label_)
        if _numbered_name(part):
            out.append(part)
            continue
        # "Elena Bovina 1-6 6-1": the model took a set score's "1 - 6" into the name
        while end > part.start + 1 and (_is_score(span.doc[end - 1]) or (
                span.doc[end - 1].text in {"-", "\u2013"} and end - 2 > part.start and _is_score(span.doc[end - 2]))):
            end -= 1
        out.append(Span(span.doc, part.start, end, label=span.label_))
    return out


_NAME_LINKS = {"and", ","}  # not "&": "Marsh & McLennan", "Johnson & Johnson" are firms


def _joins_two_names(span: Span, token: Token) -> bool:
    """An "and" or comma between two names the model read as one organisation or person
    ("Carragher and Brown", "Vivendi and Electronics Arts", "Wright-Phillips, Downing"):
    a side's word next to it is written in another name of the article (the players' and
    companies' full names: "Jamie Carragher", "Vivendi Universal"). A name with "and" in it ("Procter and Gamble",
    "Department of Trade and Industry") has sides nowhere else, or a lower-case word."""
    if span.label_ not in {"ORG", "PERSON"} or token.lower_ not in _NAME_LINKS or not span.start < token.i < span.end - 1:
        return False
    doc = span.doc
    if any(t.is_lower and t.is_alpha and t.lower_ not in _NAME_LINKS for t in span):
        return False
    left, right = doc[token.i - 1], doc[token.i + 1]
    if not (left.text[:1].isupper() and right.text[:1].isupper()):
        return False
    # in another name, not in a repeat of this one ("Marsh & McLennan" twice is one firm)
    return any(_entity_text(doc[int(i)]) not in ("", span.text) for i in tokens_with_orth(doc, (left.orth, right.orth)))


def tokens_with_orth(doc: Doc, orths: tuple[int, ...]) -> numpy.ndarray:
    """Indices of the tokens spelt like one of ``orths``, found in C: building ``doc.ents``
    (a Span per entity) for each query cost 3 ms, 6% of extraction."""
    return numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), numpy.array(orths, dtype=numpy.uint64)))


def _entity_text(token: Token) -> str:
    """Text of the named entity ``token`` is in ('' outside any)."""
    if token.ent_iob_ not in ("B", "I"):
        return ""
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text


def _numbered_name(part: Span) -> bool:
    """An organisation whose name ends in a small number ("Channel 4", "Radio 1") in running
    text, not a results line ("Kent 108-3", "Leeds 2 Sheffield Wednesday 1"): one word, a
    number of one or two digits, then a word in lower case; or, whatever follows, a number
    after a broadcaster's word (context_cues ``numbered_station_words``: "BBC Radio 2")."""
    doc = part.doc
    if part.label_ != "ORG" or len(part) < 2:
        return False
    if part[-2].lower_ in load_context_cues().numbered_station_words and _station_number(part[-1]):
        return True  # "BBC Radio 2", "Channel Five"
    if len(part) != 2 or not part[0].is_title or not part[1].text.isdigit() or len(part[1].text) > 2:
        return False
    return part.end < len(doc) and (doc[part.end].is_lower or doc[part.end].text in {"'s", "\u2019s"})


def _extend_station(span: Span) -> Span:
    """A broadcaster's name the model ended before its number ("BBC Radio" of "BBC Radio 1 DJ
    Trevor Nelson", "BBC Radio Five Live"): extended over a number of one or two figures after
    a word of context_cues ``numbered_station_words``, or over a number spelt with a capital
    ("BBC Radio Four's PM programme"), with the capitalised word after it if any ("Five Live")."""
    doc, end = span.doc, span.end
    if span.label_ != "ORG" or end >= len(doc) or span[-1].lower_ not in load_context_cues().numbered_station_words \
            or doc[end].ent_type_ not in _STATION_NUMBER_TAGS:
        return span
    number = doc[end]
    if not _station_number(number):
        return span
    if number.is_alpha and end + 1 < len(doc) and doc[end + 1].is_title and doc[end + 1].pos_ == "PROPN" \
            and doc[end + 1].ent_type_ in _STATION_NUMBER_TAGS:
        return Span(doc, span.start, end + 2, label=span.label_)  # "BBC Radio Five Live": a spelt number and the station's word
    return Span(doc, span.start, end + 1, label=span.label_)  # "BBC Radio 1 DJ", "BBC Radio Four's PM programme"


def _station_number(token: Token) -> bool:
    """A station's number: one or two figures ("Radio 1") or a number spelt with a capital ("Radio Five")."""
    return (token.text.isdigit() and len(token.text) <= 2) or (token.like_num and token.is_alpha and token.is_title)


# What the model calls the number after a station's word: nothing, a number, the station
# itself, or a programme or product ("Five Live's Sportsweek" a work of art, "Five Live" a product)
_STATION_NUMBER_TAGS = frozenset({"", "CARDINAL", "ORG", "WORK_OF_ART", "PRODUCT"})


def find_mentions(doc: Doc, sentences: list[int]) -> list[RawMention]:
    mentions = []
    ents = doc.ents  # built anew (a Span each) at every read: read once
    parts = [part for ent in ents if ent.label_ in LABELS for part in split_span(ent)]
    covered = -1  # end of an organisation's name extended over the next entity
    orth = doc.count_by(ORTH)  # once per document, in C
    works: set[str] = set()  # names a sentence shows to be a work, an event or a disease
    for part in parts:
        ent = part
        if part.start < covered:
            continue
        span = clean_span(part)
        if span is None:
            continue
        if is_non_entity(span) or _cited_work(span) or _title_shaped(span) or _made_work(span):
            works.add(span.text)
            continue
        if _inside_listed_name(span) or _eponym_of(span):
            continue
        if _common_word(span, orth) or _period(span) or _portfolio(span):
            continue
        covered = max(covered, span.end)
        text = _without_full_stop(span)
        mentions.append(
            RawMention(
                text=text,
                label=span.label_,
                start=span.start_char,
                end=span.start_char + len(text),
                token_start=span.start,
                token_end=span.end,
                sentence=sentences[span.start],
                # "Nigerian banks United Bank of Africa and ...": where the named firms are based
                # (nationality_prefix's edge), not a people
                adjective_of_thing=_describes_thing(span[-1]) or (_state_noun(span[-1]) and _named_after(span[-1].head)),
                names_state=_names_state(span[-1]),
                after_the=span.start > 0 and doc[span.start - 1].lower_ == "the",
                in_brackets=span.start > 0 and doc[span.start - 1].text == "(" and span.end < len(doc)
                and doc[span.end].text == ")",
                titled=span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in HONORIFICS,
                # ("shares in Kelvex", "a stake in Berlex": a company's, not a place's "in";
                # context_cues org_holding_nouns, issue 12 company short forms)
                locative=span[-1].dep_ == "pobj" and (span[-1].head.lower_ in LOCATIVE_PREPOSITIONS and not (
                    span[-1].head.head.lemma_.lower() in load_context_cues().org_holding_nouns) or (
                    span[-1].head.lower_ in {"to", "from"} and span[-1].head.head.lemma_.lower() in MOTION_VERBS)),
                honorific=doc[span.start - 1].lower_.rstrip(".") if span.start > 0 and
                doc[span.start - 1].lower_.rstrip(".") in HONORIFICS else "",
            )
        )
    return drop_works(mentions, works | _numbered_work_stems(ents))


_WORK_LABELS = {"WORK_OF_ART", "PRODUCT", "LAW", "EVENT"}


def _without_full_stop(span: Span) -> str:
    """A person's name without the sentence's full stop the tokenizer left on its last word
    ("said ISM survey chairman Norbert Ore." at a paragraph's end: a node "Norbert Ore.",
    issue 12, entity precision, session 12). Only a word of three letters or more that ends
    the sentence: "Jr.", initials ("John D.") and abbreviations keep their point."""
    last, k = span[-1], span.end
    while k < len(span.doc) and span.doc[k].is_space:
        k += 1  # the paragraph's break after it
    if span.label_ != "PERSON" or not last.text.endswith(".") or (k < last.sent.end and k < len(span.doc) and not span.doc[k].is_sent_start) \
            or len(last.text) < 4 or not last.text[:-1].isalpha() or last.text[:-1].isupper() \
            or last.lower_ in load_context_cues().name_suffixes:
        return span.text
    return span.text[:-1]


def _numbered_work_stems(ents: Sequence[Span]) -> set[str]:
    """The names of works the model read with their sequel's number: "Halo 2", "Shrek 2"
    (the model calls them laws or works of art) make "Halo" and "Shrek" in the same article
    the work too. Only a number of one or two figures (one for what the model calls a
    product): a maker's model ("Boeing 747", "Nokia 6600", "Rover 75") keeps its maker."""
    stems = set()
    for ent in ents:
        # a product only with one figure: "the award-winning Rover 75" is the maker's car
        if ent.label_ in _WORK_LABELS and len(ent) > 1 and ent[-1].text.isdigit() \
                and len(ent[-1].text) <= (1 if ent.label_ == "PRODUCT" else 2) \
                and ent[-2].is_alpha and ent[-2].text[:1].isupper():
            stem = ent[1:-1] if ent[0].lower_ == "the" else ent[:-1]
            stems.add(stem.text)
    return stems


def drop_works(mentions: list[RawMention], works: set[str]) -> list[RawMention]:
    """Without the mentions of names one sentence showed to be a work ("the game Manhunt
    was blamed ..." makes the "Manhunt" of "Manhunt was not part of its case" the game too):
    one name keeps one sense in an article. Names the gazetteer lists keep their mentions
    ("the film Paris" leaves the city alone)."""
    if not works:
        return mentions
    gaz = load_gazetteer()
    works = {w for w in works if gaz.country(w) is None and gaz.organization(w) is None and gaz.nationality(w) is None}
    return [m for m in mentions if m.text not in works]


def _portfolio_title_at(doc: Doc, i: int) -> bool:
    """Whether a title after which listed portfolio words name the office ("Commissioner",
    "Minister": context_cues.json ``portfolio_word_titles``) is token ``i`` or follows its
    possessive ("Children's Minister")."""
    if i < len(doc) and doc[i].text in POSSESSIVE:
        i += 1
    return i < len(doc) and doc[i].lower_ in load_context_cues().portfolio_word_titles


def _cut_portfolio(doc: Doc, start: int, end: int) -> int:
    """The end of a listed body or country the model ran on into the portfolio of a title
    after it: "EU Farm" of "EU Farm Commissioner Franz Fischler" is the EU (issue 12, entity
    precision, session 12: an Organization node "EU Farm" on unlabelled Reuters). Only
    listed portfolio words are cut, and only off a listed name."""
    if not _portfolio_title_at(doc, end):
        return end
    gaz = load_gazetteer()
    for k in range(end - 1, start, -1):
        if not is_portfolio([t.text for t in doc[k:end]]):
            break
        rest = doc[start:k].text
        if gaz.organization(rest) is not None or gaz.country(rest) is not None:
            return k
    return end


def _after_portfolio(doc: Doc, start: int, end: int) -> int:
    """Where a person's name starts when the model ran the portfolio of the title before it
    into the name: "Minister for Climate Darragh O'Brien", "Minister for Trade and Industry
    Gan Kim Yong", "State Secretary for Asylum Rutger Blom", "Secretary of State for Work
    and Pensions X" (issue 12, entity junk: nodes "Climate Darragh O'Brien", "Industry Gan
    Kim Yong"). Only listed portfolio words (governments.json ``portfolios``) after a title's
    "for" ("Minister", "Secretary", "Commissioner", "Secretary of State") are cut, and two
    words of name stay."""
    rules = load_government_rules()
    k = start
    while k > 0 and (doc[k - 1].lower_ in rules.portfolios or doc[k - 1].text in rules.portfolio_joiners):
        k -= 1  # "Trade and" of "Trade and Industry Gan Kim Yong" before the span
    if k < 2 or doc[k - 1].lower_ != "for":
        return start
    title = doc[k - 2].lower_
    if title == "state" and k >= 4 and doc[k - 3].lower_ == "of":
        title = doc[k - 4].lower_  # "Secretary of State for ..."
    if title not in load_context_cues().portfolio_word_titles:
        return start
    i = start
    while end - i > 2 and (doc[i].lower_ in rules.portfolios or doc[i].text in rules.portfolio_joiners):
        i += 1
    return i if doc[i].is_title else start


def _portfolio(span: Span) -> bool:
    """A minister's portfolio, part of a title: "Transport Secretary", "Trade and Industry
    Secretary", each of "Culture, Media and Sport Secretary". The capitalised title word
    ends a run of capitalised words, commas and "and" after the name; a name alone before
    it is a portfolio only when the model called it an organisation ("Northern Ireland
    Secretary" keeps its place), and a listed organisation stays ("Labour Minister").
    Listed portfolio words the model called a body are one before a commissioner too, or
    before the title's possessive ("Transport Commissioner X", "Children's Minister X")."""
    doc, titles = span.doc, load_context_cues().portfolio_titles
    if span.label_ not in {"GPE", "LOC", "NORP"} and is_portfolio([t.text for t in span]) \
            and _portfolio_title_at(doc, span.end) and load_gazetteer().organization(span.text) is None:
        return True  # the model calls "Children" of "Children's Minister" a person
    if span.label_ == "PERSON":
        return False
    j = span.end
    while j < len(doc) and j - span.end < 6 and doc[j].text.lower() not in titles and (
            doc[j].is_title or doc[j].text in {",", "and"}):
        j += 1
    if j >= len(doc) or not doc[j].is_title or doc[j].lower_ not in titles:
        return False
    # alone before the title, only a name the model called an organisation; in a run, only a
    # list of portfolios ("..., Media and Sport"), not a place before another office
    # ("Edinburgh, Wales Secretary", "Saskatchewan Agriculture Minister")
    listed = any(t.lower_ == "and" for t in doc[span.end:j]) and not any(
        t.ent_type_ in {"GPE", "LOC", "NORP"} for t in doc[span.end:j])  # "Cardiff and Northern Ireland Minister"
    return (span.label_ == "ORG" and j == span.end or listed and span.label_ != "NORP") \
        and load_gazetteer().organization(span.text) is None


def _cited_work(span: Span) -> bool:
    """A title cited with its year in brackets, as reviews and obituaries list films, books
    and albums: "Wheels (1971), The Moneychangers (1975) and Overload (1979)". A person's
    dates are a range ("(1920-2004)") or an age, never one bare year."""
    doc, end = span.doc, span.end
    if span.label_ in {"GPE", "LOC", "NORP"} or end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return False
    year = doc[end + 1].text
    return len(year) == 4 and year.isdigit() and 1800 <= int(year) <= 2100


def _title_shaped(span: Span) -> bool:
    """A name written as a work's title (``non_entities.json`` title_words): a capitalised
    function word after its first word ("Meet The Parents", "Orange Film Of The Year",
    "Grief Never Grows Old"), or, in a name the model calls a person, a kind of work as its
    first word ("Comedy Meet The Fockers", "Comedy Fat Albert"). People, firms and places write those words in lower case.
    The headline (the text's first line) capitalises every word and is left alone, and so
    are listed organisations."""
    doc, rules = span.doc, load_non_entity_rules()
    if len(span) < 2:
        return False
    first = span[0]
    # a kind of work opening a name of three words or more the model calls a person: no
    # one's first name is "Comedy"; a firm's two-word name may start so ("Podcast Alley")
    shaped = (span.label_ == "PERSON" and len(span) >= 3 and first.lower_ in rules.genre_nouns and first.is_title) or any(
        t.is_title and t.lower_ in rules.title_words and not _hyphen_glued(doc, t.i) for t in span[1:])  # not "Roc-A-Fella"
    # the headline test reads the span's whole line: only for a name already title-shaped
    # (it cost 1 ms a name on a long paragraph line, most of the stage's time)
    return (shaped and not _title_case_line(doc, span)  # a headline capitalises every word
            and load_gazetteer().organization(span.text) is None and load_gazetteer().country(span.text) is None)


def _title_case_line(doc: Doc, span: Span) -> bool:
    """The span's line capitalises most of its words outside the span, as headlines of some
    sites do ("Blair Meets The Press On Tuesday")."""
    text = doc_text(doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = (text[start:span.start_char] + " " + text[span.end_char:end if end >= 0 else len(text)]).split()
    words = [w for w in line if w[:1].isalpha()]
    return len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def _made_work(span: Span) -> bool:
    """A name a participle of making describes: "The Last Samurai, starring Tom Cruise",
    "Fat Albert - co-written by Bill Cosby" (``made_work_verbs``): a work or a product.
    Only the participle attached to the name itself ("a film starring X" describes the
    film, not X)."""
    verbs = load_non_entity_rules().made_work_verbs
    return span.label_ != "NORP" and any(
        c.dep_ == "acl" and c.tag_ in {"VBG", "VBN"} and c.lemma_.lower() in verbs and c.i >= span.end
        for t in span for c in t.children)


def _period(span: Span) -> bool:
    """An era named by a period and a place: "Victorian England", "Tudor England", "Nazi
    Germany" (LABELLING.md: a name that fits no type is left out)."""
    if len(span) < 2 or span[0].lower_ not in load_non_entity_rules().period_words or span.label_ == "PERSON":
        return False
    rest = span[1:]
    return span.label_ in {"GPE", "LOC", "FAC"} or load_gazetteer().country(rest.text) is not None


def _common_word(span: Span, orth: dict[int, int]) -> bool:
    """One capitalised word the article also writes in lower case ("the Budget" beside "the
    budget", "Wireless" beside "wireless networks", "Cabinet" beside "cabinet ministers"): a
    common noun with a capital, not a name. Only words the model did not call a person (a
    "Brown" beside "brown" is still Gordon Brown) and not listed in the gazetteer."""
    if len(span) != 1 or span.label_ == "PERSON":
        return False
    word = span[0].text
    if not (word[:1].isupper() and word[1:].islower()):
        return False
    lower = span.doc.vocab.strings[word.lower()] if word.lower() in span.doc.vocab.strings else None
    if lower is None or lower not in orth:
        return False
    gaz = load_gazetteer()
    return gaz.country(word) is None and gaz.organization(word) is None and gaz.nationality(word) is None


def _describes_thing(token: Token) -> bool:
    """A nationality as an adjective of a noun that is not people ("Indonesian shares",
    "a French film"); "British officials", "Mexican troops" stay groups. Glued by a hyphen
    to a participle ("Russian-built", "Serb-held", "British-based") or a listed noun
    ("American-style"), it names no people either; glued to another nationality or name
    ("Israeli-Syrian peace talks"), the compound's last word is the adjective read."""
    rules = load_non_entity_rules()
    glued = _hyphened_to(token)
    if glued is not None:
        if glued.lower_ in rules.hyphened_nationality_people_words:
            return False  # "British-born actress Kate Winslet"
        if glued.tag_ in {"VBN", "VBG"} or glued.lower_ in rules.hyphened_nationality_words:
            return True
        token = glued
    head = token.head
    return token.dep_ in {"amod", "compound"} and head.pos_ == "NOUN" and head.lemma_.lower() not in rules.group_nouns


def _hyphened_to(token: Token) -> Token | None:
    """The word a hyphen glues right after ``token`` ("built" of "Russian-built"), if any."""
    doc = token.doc
    i = token.i
    if glued_hyphen(doc, i + 1) and doc[i + 2].is_alpha:
        return doc[i + 2]
    return None


def _names_state(token: Token) -> bool:
    """A nationality as the adjective of a country's institution or firm ("the Indonesian
    government", "Turkish firms"): the country, not a people (``context_cues.state_nouns``).
    Not before a name ("Dutch firm Tulip Computers"): there it only says where the named
    firm is based, which ``nationality_prefix`` reads as an edge (the gold lists no node)."""
    return _state_noun(token) and not _named_after(token.head)


def _state_noun(token: Token) -> bool:
    head = token.head
    return token.dep_ in {"amod", "compound"} and head.pos_ == "NOUN" and head.lemma_.lower() in load_context_cues().state_nouns


def _named_after(noun: Token) -> bool:
    """The noun introduces a name: "firm Tulip Computers", "the Danish company Nordvind", "banks United Bank of Africa"."""
    def named(t: Token) -> bool:  # the model's tags miss some ("BRL Hardy" NOUN, ADV): capitals say it
        return t.pos_ == "PROPN" or (t.text[:1].isupper() and t.is_alpha)
    return (noun.dep_ == "compound" and named(noun.head)) or (noun.i + 1 < len(noun.doc) and named(noun.doc[noun.i + 1]))


def find_missed_mentions(
    doc: Doc, sentences: list[int], known: list[RawMention], names: dict[str, str]
) -> list[RawMention]:
    """Capitalised tokens equal to a known name (a surname the model did not tag in one
    sentence, as in "Rubio and Bukele signed", or tagged a nationality: "Tusk criticised
    Orbán", Orbán NORP, which names no people and so no one) become mentions too.

    ``names`` maps a lowercase one-word name to the spaCy label to give it.
    """
    if not names:
        return []
    taken = covered_tokens(known)
    found = _missed_hyphenated(doc, sentences, taken, names)
    for m in found:
        taken.update(range(m.token_start, m.token_end))
    for token in doc:
        if token.i in taken or not token.is_title:
            continue
        label = names.get(token.lower_)
        if label is None:
            continue
        if label == "ORG" and (token.pos_ != "PROPN" or (token.i > 0 and doc[token.i - 1].lower_ in {"a", "an"})):
            continue  # "Next, the shares fell", "a Maori named Joe Warbrick": a word, no firm's name
        # Inside a longer proper-noun run ("Rubio Street") it is another name.
        prev_propn = token.i > 0 and doc[token.i - 1].pos_ == "PROPN" and doc[token.i - 1].i not in taken
        next_propn = token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN" and doc[token.i + 1].i not in taken
        if prev_propn or next_propn:
            continue
        found.append(
            RawMention(
                text=token.text,
                label=label,
                start=token.idx,
                end=token.idx + len(token.text),
                token_start=token.i,
                token_end=token.i + 1,
                sentence=sentences[token.i],
            )
        )
    return found


def _missed_hyphenated(doc: Doc, sentences: list[int], taken: set[int], names: dict[str, str]) -> list[RawMention]:
    """"Mr Kilroy-Silk" the model did not tag, after "Robert Kilroy-Silk": the model's tokens
    split the surname in three ("Kilroy", "-", "Silk"), so the one-token search cannot see it;
    without it "Silk" alone would become a surname of its own (issue 12)."""
    parts_of = {name: name.split("-") for name in names if "-" in name and " " not in name}
    found: list[RawMention] = []
    if not parts_of:
        return found
    for name, parts in parts_of.items():
        width = 2 * len(parts) - 1
        for token in doc:
            end = token.i + width
            if end > len(doc) or not token.is_title or any(i in taken for i in range(token.i, end)):
                continue
            span = doc[token.i : end]
            if span.text.lower() != name:
                continue
            if any(0 <= i < len(doc) and doc[i].pos_ == "PROPN" and i not in taken
                   and doc[i].lower_.rstrip(".") not in HONORIFICS for i in (token.i - 1, end)):
                continue  # inside a longer name ("Mr" before it is no part of one)
            found.append(RawMention(text=span.text, label=names[name], start=span.start_char, end=span.end_char,
                                    token_start=token.i, token_end=end, sentence=sentences[token.i],
                                    titled=token.i > 0 and doc[token.i - 1].lower_.rstrip(".") in HONORIFICS,
                                    honorific=doc[token.i - 1].lower_.rstrip(".") if token.i > 0 and
                                    doc[token.i - 1].lower_.rstrip(".") in HONORIFICS else ""))
            taken.update(range(token.i, end))
    return found


def find_repeated_names(doc: Doc, sentences: list[int], known: list[RawMention]) -> list[RawMention]:
    """A name of two or more words the article has tagged, written again word for word where
    the model tagged nothing: "Sumiden Metals, which is based in Osaka, ..." after "executives
    of Sumiden Metals" (issue 12, relation recall: the small model often misses a
    sentence-initial organisation, so its relations are lost). Each new mention takes the
    label of the tagged one; a run of proper nouns around it is a longer, other name."""
    labels: dict[tuple[str, ...], str] = {}
    for m in known:
        words = tuple(t.text for t in doc[m.token_start : m.token_end])
        # "The Office", "The Simpsons": a name opening with "The" is as often a work the
        # model took for a body (unlabelled BBC: "The Office's Ricky Gervais" WORKS_FOR)
        if len(words) >= 2 and words[0][:1].isupper() and words[-1][:1].isupper() and words[0] != "The":
            labels.setdefault(words, m.label)
    if not labels:
        return []
    taken = covered_tokens(known)
    firsts = {words[0] for words in labels}
    found = []
    for token in doc:
        if token.text not in firsts or token.i in taken:
            continue
        for words, label in labels.items():
            end = token.i + len(words)
            if words[0] != token.text or end > len(doc) or any(i in taken for i in range(token.i, end)):
                continue
            if tuple(t.text for t in doc[token.i : end]) != words or sentences[token.i] != sentences[end - 1]:
                continue
            if any(0 <= i < len(doc) and i not in taken and doc[i].pos_ == "PROPN" and doc[i].is_title
                   for i in (token.i - 1, end)) or (end < len(doc) and doc[end].text == "-"):
                continue  # "Sumiden Metals Group", "Sumiden Metals-owned": another name or no name
            span = doc[token.i : end]
            found.append(RawMention(text=span.text, label=label, start=span.start_char, end=span.end_char,
                                    token_start=token.i, token_end=end, sentence=sentences[token.i],
                                    after_the=token.i > 0 and doc[token.i - 1].lower_ == "the"))
            taken.update(range(token.i, end))
            break
    return found


OWNER_TYPES = frozenset({"Organization", "Location", "Country"})
MAX_OWNER_WORDS = 4  # "Sedenak Digital Hub", "Tourism Tropical North Queensland"
# Titles held by birth, not in a body: an owner word before them is part of the rank.
RANKS_BY_BIRTH = frozenset({"prince", "princess", "king", "queen", "emperor", "empress", "duke", "duchess"})
MAX_TITLE_RUN = 4  # "industries minister", "assistant coach", "chief executive", "Senate Majority Leader"


def find_title_owner_mentions(doc: Doc, sentences: list[int], known: list[RawMention],
                              ends: list[tuple[str, str] | None]) -> list[RawMention]:
    """A name the article tags elsewhere as an organisation or a place, written again right
    before a title and a person's name where the model tagged nothing ("Cairns Mayor Amy
    Eden", "Ather Energy co-founder Tarun Mehta", "Ontario Premier Doug Ford": issue 12, role recall;
    the small model often takes the owner for part of the title). The new mention copies the
    tagged one's label, so it resolves to the same entity. ``ends``: each known mention's
    resolved (type, name) (None: dropped). Only a mention written as its entity's whole name
    or as an acronym is copied: a short form ("Lions" of "British and Irish Lions", "Barclays"
    of "Barclays Capital") may stand for another body of the same name."""
    forms: dict[str, RawMention] = {}
    kinds: dict[str, str] = {}
    people: set[int] = set()
    taken: set[int] = set()
    for m, end in zip(known, ends):
        taken.update(range(m.token_start, m.token_end))
        kind, name = end if end is not None else (None, "")
        if kind == "Person":
            people.add(m.token_start)
        elif kind in OWNER_TYPES and m.token_end - m.token_start <= MAX_OWNER_WORDS \
                and (m.text == name or (m.text.isupper() and m.text.isalpha() and len(m.text) >= 2)):
            forms.setdefault(m.text, m)
            kinds.setdefault(m.text, kind)
    if not forms or not people:
        return []
    offices = {" ".join(head) for head in load_government_rules().heads} | load_context_cues().office_words
    titles = load_titles()
    title_words = titles.bare_words()
    found: list[RawMention] = []
    for token in doc:
        i = token.i
        if i in taken or not (token.is_title or token.is_upper):
            continue
        for n in range(MAX_OWNER_WORDS, 0, -1):
            stop = i + n
            if stop >= len(doc) or any(k in taken for k in range(i, stop)):
                continue
            text = doc[i:stop].text
            template = forms.get(text)
            if template is None:
                continue
            if _inside_longer_name(doc, i, taken, title_words):
                break
            after = stop
            if after < len(doc) and doc[after].text in POSSESSIVE:
                after += 1  # "Stena Line's chief executive Niclas Mårtensson"
            run: list[str] = []
            while after < len(doc) and len(run) < MAX_TITLE_RUN and after not in taken and sentences[after] == sentences[i] \
                    and (doc[after].lower_.rstrip(".") in title_words or (doc[after].is_lower and doc[after].is_alpha
                                                                       and doc[after].pos_ in {"NOUN", "ADJ"})
                         or (doc[after].text == "-" and run)):  # "co-founder"
                if doc[after].text != "-":
                    run.append(doc[after].lower_.rstrip("."))
                after += 1
            while after < len(doc) and doc[after].lower_.rstrip(".") in HONORIFICS and after not in taken:
                after += 1  # "Sedenak Digital Hub chief executive Datuk Farid Hamzah", "Dr"
            if not run or after not in people or not (titles.names_role(run) or run[-1] in held_nouns()):
                continue
            if is_portfolio(text.split()) and load_gazetteer().organization(text) is None:
                continue  # "Health Minister X" with "Health" tagged elsewhere: the office's portfolio, no body
            if run[-1] in RANKS_BY_BIRTH:
                continue  # "Denmark's Crown Prince Frederik": "Crown" elsewhere is no body he heads
            if kinds[text] != "Organization" and not _public_office(run, offices):
                continue  # "U.S. film director Edward Dmytryk": a place's word before a job says where he is from

            found.append(replace(template, text=text, start=doc[i].idx, end=doc[stop - 1].idx + len(doc[stop - 1].text),
                                 token_start=i, token_end=stop, sentence=sentences[i], locative=False,
                                 after_the=False, in_brackets=False))
            taken.update(range(i, stop))
            break
    return found


@lru_cache(maxsize=1)
def held_nouns() -> frozenset[str]:
    """Occupation nouns that name a position held in the organisation beside them
    (``occupations.jsonl`` HOLDS_ROLE rows: "Chelsea winger Arjen Robben"), which end an
    owner's title run as a listed role does (``find_title_owner_mentions``: "Injured Chelsea
    winger X" with "Chelsea" tagged elsewhere, issue 12 role recall, session 11)."""
    return frozenset(n for n, relation in load_occupations().items() if relation == "HOLDS_ROLE")


def _public_office(words: list[str], offices: set[str] | frozenset[str]) -> bool:
    """Whether a title names a public office a place or a country has (``offices``: the
    governments' heads, "Treasury Secretary", "industries minister", "Premier", and office
    words, "Mayor", "governor", "MP")."""
    return any(w in offices or " ".join(words[i:i + 2]) in offices for i, w in enumerate(words))


def _inside_longer_name(doc: Doc, i: int, taken: set[int], title_words: frozenset[str]) -> bool:
    """Whether the token before ``i`` carries on a capitalised name the model did not tag:
    "Port Cairns", or past a lowercase joiner "Bord na Móna", "Isle of Man" (issue 12: "Móna"
    tagged alone elsewhere is no owner of "Bord na Móna chief executive X")."""
    j = i - 1
    if j >= 1 and doc[j].is_lower and (doc[j].lower_ in _JOINERS or doc[j].lower_ in NAME_JOINERS):
        # past a joiner any capitalised word carries the name on (the parse may call "Bord" a noun)
        return j - 1 not in taken and (doc[j - 1].is_title or doc[j - 1].is_upper) \
            and doc[j - 1].lower_.rstrip(".") not in title_words
    if j < 0 or j in taken or doc[j].is_sent_start:
        return False
    return doc[j].pos_ == "PROPN" and (doc[j].is_title or doc[j].is_upper) and doc[j].lower_.rstrip(".") not in title_words


# Lowercase words inside names of bodies and places beyond the English joiners: Irish "na",
# "an"; Romance and Dutch particles ("Banco de España", "Port of Spain" has "of").
NAME_JOINERS = frozenset({"na", "an", "de", "del", "la", "le", "du", "da", "van", "von", "y", "e"})


@lru_cache(maxsize=2)
def _form_starts(forms: frozenset[str]) -> frozenset[str]:
    """Every leading substring of every form: a span's text starts with its first token's."""
    return frozenset(f[:k] for f in forms for k in range(1, len(f) + 1))


def find_known_mentions(doc: Doc, sentences: list[int], known: list[RawMention]) -> list[RawMention]:
    """Organisations of the gazetteer written exactly as listed ("AP", "ITAR-TASS", "Xinhua")
    where the model tagged nothing: wire-service credits and datelines are where it misses them."""
    forms = load_gazetteer().organization_forms
    longest = max((len(f.split()) for f in forms), default=0)
    taken = covered_tokens(known)
    starts = _form_starts(frozenset(forms))
    text = doc_text(doc)
    found = []
    i = 0
    while i < len(doc):
        if doc[i].text not in starts:  # speed: no listed form begins with this token
            i += 1
            continue
        start_char = doc[i].idx
        for n in range(min(longest + 2, len(doc) - i), 0, -1):  # "ITAR-TASS" is three tokens
            last = doc[i + n - 1]
            end_char = last.idx + len(last.text)
            name = text[start_char:end_char]  # the span's text, without building the span
            if name in forms and not taken.intersection(range(i, i + n)):
                found.append(RawMention(name, "ORG", start_char, end_char, i, i + n, sentences[i]))
                taken.update(range(i, i + n))
                i += n - 1
                break
        i += 1
    return found


def join_split_forms(doc: Doc, mentions: list[RawMention]) -> list[RawMention]:
    """The mentions with each listed organisation the model tagged in pieces made one
    mention: "Liberal Democrat leader Charles Kennedy" tagged "Liberal" (ORG) and "Democrat"
    (NORP) is the Liberal Democrats' leader, not a "Liberal" organisation's (issue 12, role
    recall: ``find_known_mentions`` adds a listed form only where the model tagged nothing).
    Only when two or more mentions cover the form exactly, word for word, in one sentence."""
    forms = load_gazetteer().organization_forms
    by_start = {m.token_start: m for m in mentions}
    text = doc_text(doc)
    out: list[RawMention] = []
    i = 0
    ordered = sorted(mentions, key=lambda m: m.token_start)
    while i < len(ordered):
        first = ordered[i]
        pieces = [first]
        joined = None
        while (nxt := by_start.get(pieces[-1].token_end)) is not None and nxt.sentence == first.sentence:
            pieces.append(nxt)
            name = text[first.start : nxt.end]
            if name in forms:
                joined = (name, len(pieces))
        if joined is None:
            out.append(first)
            i += 1
            continue
        name, n = joined
        last = pieces[n - 1]
        out.append(RawMention(name, "ORG", first.start, last.end, first.token_start, last.token_end, first.sentence))
        i += n
    return out


@dataclass(frozen=True)
class Dateline:
    places: list[tuple[int, int]]  # token spans: the city, then the region or country if given
    agency: tuple[int, int]


MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
          "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"}


def _date_words_end(doc: Doc, i: int, end: int, most: int | None = None) -> int:
    """End of the numbers and month names from ``i`` ("March 10", "29 Apr"; at most ``most``
    words): a date in a dateline, or ``i`` when none is there."""
    j = i
    while j < end and (most is None or j - i < most) and (doc[j].like_num or doc[j].lower_.rstrip(".") in MONTHS):
        j += 1
    return j


def _place_run(doc: Doc, i: int, end: int) -> int:
    """End of a run of 1-3 capitalised words from i ("BANGKOK", "Fort Worth", "N.Y.")."""
    j = i
    while j < end and j - i < 3 and doc[j].text[:1].isupper() and any(ch.isalpha() for ch in doc[j].text) and doc[j].text not in {"Text"}:
        j += 1
    return j


# Where a document keeps what was found of each sentence's dateline (keyed by the sentence's
# token span): the mention fixes, the dateline relations, the verb rules and the pipeline's
# filter all ask; it is looked for once per sentence.
_WIRE_DATELINES, _DATELINE_ENDS = "newsgraph.wire_datelines", "newsgraph.dateline_ends"


def find_dateline(sent: Span) -> Dateline | None:
    """A wire-story dateline opening a sentence: "BANGKOK, Thailand (AP)", "Sofia, February
    15 (BTA)", "(Text) Ulaanbaatar, 29 Apr (XINHUA)", "MOSCOW (Reuters)". Also a team sheet's
    first player ("Dimitri Yachvili (Biarritz)"): ``wire_shaped`` tells them apart."""
    memo: dict[tuple[int, int], Dateline | None] = sent.doc.user_data.setdefault(_WIRE_DATELINES, {})
    key = (sent.start, sent.end)
    if key not in memo:
        memo[key] = _find_dateline(sent)
    return memo[key]


def wire_shaped(doc: Doc, dateline: Dateline) -> bool:
    """A "Place (Agency)" opening that reads as a wire dateline, not as a name and a club:
    the place in capitals ("MOSCOW (Reuters)"), a date before the agency ("Sofia, February
    15 (BTA)"), or an agency in capitals or listed ("Gdansk (VPA)", "(Reuters)")."""
    place = doc[dateline.places[0][0] : dateline.places[0][1]]
    agency = doc[dateline.agency[0] : dateline.agency[1]]
    dated = any(t.like_num for t in doc[dateline.places[-1][1] : dateline.agency[0]])
    return (place.text.isupper() and len(place.text) > 2) or dated or agency.text.isupper() \
        or agency.text in load_gazetteer().organization_forms


def dateline_end(sent: Span) -> int | None:
    """The token after the dateline opening a sentence, wire ("THE HAGUE, Netherlands
    (PLI)") or bare ("KUALA LUMPUR, March 10 —"); None if it opens with none. Its places say
    where the story was filed, no argument of what the sentence says. A team sheet ("Dimitri
    Yachvili (Biarritz), Pierre Mignoni (Clermont), …") is no dateline: its players and clubs
    are what the sentence states (LABELLING.md: people and sports clubs are entities)."""
    memo: dict[tuple[int, int], int | None] = sent.doc.user_data.setdefault(_DATELINE_ENDS, {})
    key = (sent.start, sent.end)
    if key not in memo:
        wire = find_dateline(sent)
        if wire is None:
            memo[key] = find_bare_dateline(sent)
        else:
            memo[key] = wire.agency[1] + 1 if wire_shaped(sent.doc, wire) else None
    return memo[key]


def _find_dateline(sent: Span) -> Dateline | None:
    doc, i, end = sent.doc, sent.start, sent.end
    if i + 2 < end and doc[i].text == "(" and doc[i + 2].text == ")":
        i += 3  # "( Text )"
    places = []
    j = _place_run(doc, i, end)
    if j == i:
        return None
    places.append((i, j))
    i = j
    while i < end and doc[i].text == ",":
        k = _date_words_end(doc, i + 1, end)
        if k > i + 1:
            i = k  # a date
            continue
        j = _place_run(doc, i + 1, end)
        if j == i + 1 or len(places) > 1:
            return None
        places.append((i + 1, j))
        i = j
    if i + 2 < end + 1 and i < end and doc[i].text == "(":
        j = _place_run(doc, i + 1, end)
        if j > i + 1 and j < end and doc[j].text == ")":
            return Dateline(places, (i + 1, j))
    return None


# What closes a dateline that names no agency: "KUALA LUMPUR, March 10 —", "BENGALURU:".
DATELINE_DASHES = {"\u2014", "\u2013", "-", "--", ":", "\u2015"}


def find_bare_dateline(sent: Span) -> int | None:
    """The token after a dateline without an agency opening a sentence: a place of one to
    three capitalised words, maybe a second place and a date after commas, then a dash after
    a space or a colon before one ("KUALA LUMPUR, March 10 — Petronas has signed …", "BANGOR,
    Maine — A Brewer man …", "BENGALURU: Kaveri Cells …"). The place must be in capitals,
    dated, or (before a dash) one the model tagged a place, so that "Sydney FC - the
    champions - …" is no dateline. None if the sentence opens with none."""
    doc, start, end = sent.doc, sent.start, sent.end
    i = _place_run(doc, start, end)
    if i == start:
        return None
    places, dated = 1, False
    while i < end and doc[i].text == ",":
        k = _date_words_end(doc, i + 1, end)
        if k > i + 1:
            i, dated = k, True
            continue
        k = _place_run(doc, i + 1, end)
        if k == i + 1 or places > 1:
            return None
        i, places = k, places + 1
    if i >= end - 1 or doc[i].text not in DATELINE_DASHES:
        return None
    if doc[i].text == ":":
        if not doc[i].whitespace_:
            return None
    elif not doc[i - 1].whitespace_:
        return None  # a hyphen inside a word: "Santa Monica-based Activision"
    first = doc[start:_place_run(doc, start, end)]
    capitals = first.text.isupper() and len(first.text) > 2
    # A title-case place before a colon opens a team sheet ("France: Dimitri Yachvili
    # (Biarritz), …"), not a dateline; before a dash it is one ("Gdansk - The agreement …").
    if not (dated or capitals or doc[i].text != ":" and doc[start].ent_type_ in {"GPE", "LOC"}):
        return None
    return i + 1


# A monitoring service's item id: two letters (the desk) and ten digits (date and time).
SOURCE_ID = re.compile(r"[A-Z]{2}\d{10}")


def _source_time(doc: Doc, g: int, end: int) -> bool:
    if g + 1 < end and doc[g + 1].text == "GMT":
        return len(doc[g].text) == 4 and doc[g].text.isdigit()
    return (g + 2 < end and doc[g].text.isdigit() and len(doc[g].text) <= 2 and doc[g + 1].lower_.rstrip(".") in MONTHS
            and doc[g + 2].text.isdigit() and len(doc[g + 2].text) in (2, 4))


# Where a document keeps each sentence's source line (keyed like ``_WIRE_DATELINES``): the
# mention fixes and the place relations both ask; it is looked for once per sentence.
_SOURCE_LINES = "newsgraph.source_lines"


def find_source_line(sent: Span) -> Dateline | None:
    """A monitoring service's source line opening or inside a sentence (``_find_source_line``),
    looked for once per sentence however many stages ask."""
    memo: dict[tuple[int, int], Dateline | None] = sent.doc.user_data.setdefault(_SOURCE_LINES, {})
    key = (sent.start, sent.end)
    if key not in memo:
        memo[key] = _find_source_line(sent)
    return memo[key]


def _find_source_line(sent: Span) -> Dateline | None:
    """A monitoring service's source line (FBIS, BBC Monitoring): "LD2804174994 Moscow
    INTERFAX in English 1601 GMT 28 Apr 94", "PA2904034294 Guatemala City Teleonce
    Television in Spanish 0400 GMT": the item id, the city, the source (agency, paper, radio)
    that published it there, then its language and the time of day in GMT (or the date, for a
    paper: "NC1404123794 Cairo AL-AHALI in Arabic 6 Apr 94 p 6"). The city is the
    place the model tags right after the id (else that one word); the source runs to "in"."""
    doc = sent.doc
    for i in range(sent.start, sent.end - 5):
        if not SOURCE_ID.fullmatch(doc[i].text):
            continue
        for k in range(i + 3, min(i + 10, sent.end - 3)):
            if doc[k].text != "in" or not doc[k + 1].text[:1].isupper():
                continue
            # the language ("English", "Serbo-Croatian"), then four digits of time and "GMT"
            # (a broadcast) or the day, month and year (a paper: "in Arabic 6 Apr 94 p 6")
            if any(_source_time(doc, g, sent.end) for g in range(k + 2, min(k + 5, sent.end))):
                break
        else:
            return None
        city_end = i + 2
        if doc[i + 1].ent_type_ in {"GPE", "LOC"}:
            while city_end < k and doc[city_end].ent_iob_ == "I":
                city_end += 1
        if city_end < k - 1 and doc[city_end].text == "City":
            city_end += 1  # "Guatemala City", "Panama City": the model often tags the country alone
        if city_end >= k or not doc[i + 1].text[:1].isupper():
            return None
        return Dateline([(i + 1, city_end)], (city_end, k))
    return None


def _fix_source_line(doc: Doc, sentences: list[int], mentions: list[RawMention], line: Dateline) -> list[RawMention]:
    """The city of a source line as a place and its source as an organisation, whatever the
    model made of those capitalised words (often one name across both, or nothing)."""
    (start, end), (agency_start, agency_end) = line.places[0], line.agency
    out = [m for m in mentions if m.token_end <= start or m.token_start >= agency_end]
    for a, b, label in ((start, end, "GPE"), (agency_start, agency_end, "ORG")):
        span = doc[a:b]
        out.append(RawMention(span.text, label, span.start_char, span.end_char, a, b, sentences[a]))
    return out


def _capital_run(doc: Doc, i: int, end: int) -> int:
    """End of a place's name in capitals from ``i``: up to four words, hyphen-joined parts
    kept whole ("SPA-FRANCORCHAMPS", "RIO DE JANEIRO", "N.J.")."""
    j, words = i, 0
    while j < end and words < 4:
        t = doc[j]
        if t.text[:1].isupper() and any(ch.isalpha() for ch in t.text):
            j, words = j + 1, words + 1
        elif t.text in DASHES and j > i and not doc[j - 1].whitespace_ and not t.whitespace_ and j + 1 < end \
                and doc[j + 1].text[:1].isupper():
            j += 1
        else:
            break
    return j


def _date_at(doc: Doc, i: int) -> int:
    """End of a date at ``i`` ("1996-08-29", "Aug 29", "29 August"), or ``i`` when there is none."""
    if i + 4 < len(doc) and len(doc[i].text) == 4 and doc[i].text.isdigit() and doc[i + 1].text == "-" \
            and doc[i + 2].text.isdigit() and doc[i + 3].text == "-" and doc[i + 4].text.isdigit():
        return i + 5
    if i < len(doc) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc[i].text):
        return i + 1
    j = _date_words_end(doc, i, len(doc), most=3)
    return j if j - i >= 2 and any(doc[k].lower_.rstrip(".") in MONTHS for k in range(i, j)) else i


def find_dated_line(doc: Doc, i: int) -> list[tuple[int, int]]:
    """The places of a line that is a dateline and nothing else, a wire story's form without
    the agency: "MANCHESTER, England 1996-08-29", "RIO DE JANEIRO 1996-08-26", "SPA-FRANCORCHAMPS,
    Belgium 1996-08-23". The first place is in capitals, a date closes the line. Empty if the
    line at ``i`` is none."""
    end = len(doc)
    j = _capital_run(doc, i, end)
    if j == i or not doc[i:j].text.isupper() or len(doc[i:j].text) < 3:
        return []
    places = [(i, j)]
    if j < end and doc[j].text == ",":
        k = _capital_run(doc, j + 1, end)
        if k == j + 1:
            return []
        places.append((j + 1, k))
        j = k
    k = _date_at(doc, j)
    if k == j or (k < end and "\n" not in doc[k].text):
        return []
    return places


def _fix_dated_lines(doc: Doc, sentences: list[int], mentions: list[RawMention]) -> list[RawMention]:
    """A dateline line's places ("MANCHESTER, England 1996-08-29") as places: the model often
    calls the capitalised city an organisation or a person, and in a sports report nothing
    after would make it a place again (issue 12: Reuters' MANCHESTER, AMSTERDAM typed
    Organization). A second place the model missed stays missed; one cut short ("RIO DE" of
    "RIO DE JANEIRO") is made whole."""
    for line in _line_starts(doc):
        for n, (start, end) in enumerate(find_dated_line(doc, line)):
            inside = [m for m in mentions if m.token_start < end and m.token_end > start]
            if len(inside) == 1 and (inside[0].token_start, inside[0].token_end) == (start, end):
                if inside[0].label in {"ORG", "PERSON"}:
                    mentions = [replace(m, label="GPE") if m is inside[0] else m for m in mentions]
                continue
            if inside and not all(start <= m.token_start and m.token_end <= end for m in inside):
                continue  # a name running past the place: leave it to the other rules
            if inside or n == 0:
                span = doc[start:end]
                mentions = [m for m in mentions if m not in inside]
                mentions.append(RawMention(span.text, "GPE", span.start_char, span.end_char, start, end, sentences[start]))
    return sorted(mentions, key=lambda m: m.start)


def fix_dateline_mentions(doc: Doc, sentences: list[int], mentions: list[RawMention]) -> list[RawMention]:
    """The places of a dateline ("BANGKOK, Thailand (AP)") as places: the model, trained on
    running text, often leaves an all-capitals city untagged or calls it an organisation.
    A monitoring service's source line ("LD2804174994 Moscow INTERFAX in English 1601 GMT")
    gives a place and an organisation. Returns the mentions with those fixed, in text order."""
    for sent in doc.sents:
        line = find_source_line(sent)
        if line is not None:
            mentions = _fix_source_line(doc, sentences, mentions, line)
    by_start = {m.token_start: m for m in mentions}
    taken = covered_tokens(mentions)
    forms = load_gazetteer().organization_forms
    out = list(mentions)
    for sent in doc.sents:
        dateline = find_dateline(sent)
        if dateline is None:
            continue
        agency = doc[dateline.agency[0] : dateline.agency[1]]
        agency_known = agency.text in forms or any(m.label == "ORG" for m in mentions if m.token_start == agency.start)
        for start, end in dateline.places:
            span = doc[start:end]
            current = by_start.get(start)
            if current is not None and current.token_end == end and current.label in {"ORG", "PERSON"} and span.text.isupper():
                out[out.index(current)] = replace(current, label="GPE")
            elif not taken.intersection(range(start, end)) and (span.text.isupper() and len(span.text) > 2 or agency_known):
                out.append(RawMention(span.text, "GPE", span.start_char, span.end_char, start, end, sentences[start]))
    return _fix_dated_lines(doc, sentences, sorted(out, key=lambda m: m.start))


def retype_people(doc: Doc, mentions: list[RawMention], verbs: set[str], nouns: frozenset[str] | set[str] = frozenset()) -> list[RawMention]:
    """A one-word name as subject, object or agent of a verb only people do to people
    ("Booth shot Lincoln", "Lincoln was assassinated by Booth"), or owning such a noun
    ("Lincoln's killer", "the murder of Lennon"), is a person, whatever label the model
    gave it (Lincoln: ORG, Lennon: FAC). Countries are never retyped."""
    if not verbs and not nouns:
        return mentions
    gaz = load_gazetteer()
    out = []
    for m in mentions:
        token = doc[m.token_start]
        if m.token_end - m.token_start == 1 and m.label in {"ORG", "FAC", "LOC", "GPE"} and gaz.country(m.text) is None:
            head = token.head.head if token.dep_ == "pobj" and token.head.dep_ in {"agent", "prep"} else token.head
            by_verb = token.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"} and head.pos_ == "VERB" and head.lemma_.lower() in verbs
            by_noun = token.dep_ in {"poss", "pobj", "compound"} and head.pos_ == "NOUN" and head.lemma_.lower() in nouns
            if by_verb or by_noun:
                m = replace(m, label="PERSON")
        out.append(m)
    return out


@dataclass(frozen=True)
class SportRules:
    cue_lemmas: frozenset[str]
    min_cues: int
    subject_verbs: frozenset[str]
    object_verbs: frozenset[str]
    for_verbs: frozenset[str]
    against: frozenset[str]
    role_nouns: frozenset[str]
    county_teams: frozenset[str] = frozenset()  # names as written, not lower-cased
    to_heads: frozenset[str] = frozenset()  # "lost to X", "defeat to X": X played
    table_words: frozenset[str] = frozenset()  # "Attendance 23,000", "Extras 12": a table's labels
    result_words: frozenset[str] = frozenset()  # "a 17-16 win": a score beside one of these is a sports cue
    contest_nouns: frozenset[str] = frozenset()  # "meet Y in the final": a fixture, not a meeting
    over_heads: frozenset[str] = frozenset()  # "a victory over X", "won over X": X played
    standings_words: frozenset[str] = frozenset()  # "championship leader X of Y": leads a contest, holds no office
    result_verbs: frozenset[str] = frozenset()  # "X beat Y": a result, no relation of the schema
    min_result_lines: int = 0  # "Cincinnati 3 ATLANTA 2" lines that make a report a sports one without cue words
    team_words: frozenset[str] = frozenset()  # "batsman", "provincial team": a region's name beside them may be its team
    # cue lemma -> the parts of speech in which it counts ("try" as a noun: "scored a try")
    cue_pos: Mapping[str, frozenset[str]] = field(default_factory=dict)


@lru_cache(maxsize=1)
def load_sport_rules() -> SportRules:
    """``data/sport.json``: the words that make an article a sports report and the
    grammatical roles in which a place there is a team. A missing or mistyped key fails
    loading with the file's name."""
    import json
    from importlib import resources

    from newsgraph.errors import RuleFileError

    raw = json.loads(resources.files("newsgraph.extract").joinpath("data", "sport.json").read_text("utf-8"))
    lists = ["cue_lemmas", "subject_verbs", "object_verbs", "for_verbs", "against", "role_nouns", "to_heads", "table_words",
             "result_words", "contest_nouns", "over_heads", "standings_words", "result_verbs", "team_words"]
    bad = [k for k in [*lists, "county_teams"] if not isinstance(raw.get(k), list) or not all(isinstance(w, str) for w in raw[k])]
    cue_pos = raw.get("cue_pos", {})
    if not isinstance(cue_pos, dict) or not all(isinstance(v, list) for v in cue_pos.values()):
        bad.append("cue_pos")
    numbers = [k for k in ("min_cues", "min_result_lines") if not isinstance(raw.get(k), int)]
    if bad or numbers:
        raise RuleFileError(detail=f"sport.json: {', '.join(bad + numbers)} must be a list of words (min_cues, min_result_lines a number)")
    return SportRules(**{k: frozenset(w.lower() for w in raw[k]) for k in lists}, min_cues=raw["min_cues"],
                      min_result_lines=raw["min_result_lines"],
                      county_teams=frozenset(raw["county_teams"]),
                      cue_pos={w.lower(): frozenset(pos) for w, pos in cue_pos.items()})


def is_sports_report(doc: Doc, rules: SportRules | None = None) -> bool:
    """At least ``min_cues`` different sports words among the document's lemmas (counted in
    C by ``count_by``, not token by token in Python)."""
    from spacy.attrs import LEMMA

    rules = rules or load_sport_rules()
    strings = doc.vocab.strings
    counts = doc.count_by(LEMMA)
    if len(rules.cue_lemmas) < len(counts):
        present = {w for w in rules.cue_lemmas if strings[w] in counts}
    else:
        present = {strings[h].lower() for h in counts} & rules.cue_lemmas
    # a cue word present only outside its sports sense ("tried to", "the International
    # Monetary Fund") is no sports word
    gated = present & rules.cue_pos.keys()
    if gated:
        present -= gated - {t.lemma_.lower() for t in doc if t.pos_ in rules.cue_pos.get(t.lemma_.lower(), ())}
    found = len(present)
    if found == rules.min_cues - 1 and _result_score(doc, rules):
        found += 1  # "Gloucester's 17-16 win over Bath": a result is a sports word too
    # a results table says it without words: "Cincinnati 3 ATLANTA 2", line after line
    return found >= rules.min_cues or _has_results_table(doc, rules)


def _whole_score(doc: Doc, i: int) -> bool:
    """A team's score in a results line: a whole number of one to three figures ("3", "12"),
    never a price or a date ("117.00", "1996-08-22")."""
    return i < len(doc) and doc[i].text.isdigit() and len(doc[i].text) <= 3


def _line_closes(doc: Doc, i: int) -> bool:
    """The end of a results line at token ``i``: the text's end, a line break, or a bracket
    with the line's note ("(in 10)", "(11 innings)")."""
    return i >= len(doc) or "\n" in doc[i].text or doc[i].text == "("


def _has_results_table(doc: Doc, rules: SportRules) -> bool:
    """At least ``rules.min_result_lines`` lines of two names and two scores: a results table
    (a sports report without cue words, and one whose table lines name clubs)."""
    return rules.min_result_lines > 0 and _result_lines(doc, rules) >= rules.min_result_lines


def _result_lines(doc: Doc, rules: SportRules) -> int:
    """Lines of two names and two scores ("Cincinnati 3 ATLANTA 2", "Texas 10 CLEVELAND 8
    (in 10)"), counted up to ``rules.min_result_lines``: a results table."""
    count = 0
    for i in _line_starts(doc):
        j = _table_name(doc, i, rules)
        if j == i or not _whole_score(doc, j):
            continue
        j2 = _table_name(doc, j + 1, rules)
        if j2 > j + 1 and _whole_score(doc, j2) and _line_closes(doc, j2 + 1):
            count += 1
            if count >= rules.min_result_lines:
                break
    return count


_RESULT = re.compile(r"\d{1,3}-\d{1,3}")


def _result_score(doc: Doc, rules: SportRules) -> bool:
    """A score ("17-16", "2-1") right before or after a result word ("win", "beat")."""
    for token in doc:
        i = token.i
        if _RESULT.fullmatch(token.text):
            end = i + 1
        elif token.is_digit and len(token) <= 3 and i + 2 < len(doc) and doc[i + 1].text in {"-", "–"} \
                and doc[i + 2].is_digit and len(doc[i + 2]) <= 3:
            end = i + 3  # the tokenizer's "17", "-", "16"
        else:
            continue
        near = doc[max(0, i - 2) : end + 2]
        if any(t.lower_ in rules.result_words or t.lemma_.lower() in rules.result_words for t in near):
            return True
    return False


def retype_teams(doc: Doc, mentions: list[RawMention], sports: bool, sentences: list[int] | None = None) -> list[RawMention]:
    """In a sports report, a place or country named as what plays, signs, is beaten or has a
    manager ("Glasgow beat Leinster", "Scotland manager Steve Clarke", "signed for
    Barcelona", "against Greece", "Liverpool's last two matches") is the team: label TEAM,
    typed Organization under the name written. Elsewhere places stay places."""
    if not sports:
        return mentions
    rules = load_sport_rules()
    if sentences is not None:
        mentions = _table_teams(doc, mentions, sentences, rules)
    gaz = load_gazetteer()
    places = {"GPE", "LOC", "FAC"}  # not ORG: the model's ORG is as often a surname ("Redknapp")
    # ... but a country the model called ORG ("Italy led 9-8") is no surname: it plays too
    teams = {m.text for m in mentions if (m.label in places or (m.label == "ORG" and gaz.country(m.text) is not None))
             and (_plays(doc[m.token_end - 1], rules) or _scored(doc, m) or _plural_subject(doc[m.token_end - 1], m.text))}
    place_tokens = {i for m in mentions if m.label in places or gaz.country(m.text) is not None
                    for i in range(m.token_start, m.token_end)}
    out = []
    for m in mentions:
        # Once a place plays in the report, its other mentions are the team too ("Italy led
        # 9-8", "lost to Wales": one node, issue 12), except where it is plainly the place:
        # "born in Kilmarnock", "lives in Barcelona", "flew to Rome", "fans from Cardiff".
        locative = _plainly_where(doc, m, place_tokens)
        county = m.text in rules.county_teams  # "Surrey", whatever the model called it
        # a playing country's other ORG mentions too ("Wales" ORG beside "lost to Wales"): the
        # gazetteer would make them the country, a second node beside the team
        # (and PERSON: the model's "Wales" PERSON beside "Wales" GPE that plays)
        country = gaz.country(m.text) if m.label in {"ORG", "PERSON"} else None
        plays = m.text in teams and (m.label in places or country is not None)
        # England, Scotland, Wales the model calls ORG in a sports report are the team, as
        # they were before the gazetteer listed them
        plays = plays or (country is not None and country.part_of is not None)
        if (plays or county) and not locative:
            m = replace(m, label="TEAM")
        out.append(m)
    # A name made a team by its results row or as a home nation the model called an
    # organisation ("Wales" ORG beside "Wales put the outcome beyond doubt" GPE) plays too: its
    # other place mentions are the team where they are not plainly the place, nor a
    # dateline's ("PRETORIA, South Africa"), as for a place that plays (issue 12: one node)
    played = {m.text for m in out if m.label == "TEAM"} - teams
    if played:
        out = [replace(m, label="TEAM") if m.label in places and m.text in played
               and not _plainly_where(doc, m, place_tokens) and not in_dateline(doc, m.token_start, m.token_end) else m for m in out]
    return out


def _plainly_where(doc: Doc, m: RawMention, place_tokens: set[int]) -> bool:
    """A place's mention as where something is or goes: "born in Kilmarnock", "flew to Rome",
    "fans from Cardiff"; each of a list after such a word ("games in France, Britain and
    Ireland", not "at the Blues, Wales")."""
    token = doc[m.token_end - 1]
    while token.dep_ == "conj" and token.head.i < token.i and token.head.i in place_tokens:
        token = token.head
    prep = token.head.lower_ if token.dep_ == "pobj" else ""
    return prep in {"in", "at", "near", "into", "outside", "inside"} or (
        prep in {"from", "to"} and token.head.head.lemma_.lower() in MOTION_VERBS | {"come"})


def in_dateline(doc: Doc, token_start: int, token_end: int) -> bool:
    """The mention (its tokens) is in the dateline opening its sentence ("PRETORIA, South Africa
    (AP)"), or a date or figure follows it (a wire dateline "NEW YORK 1996-08-29" opening a
    results list)."""
    if token_end < len(doc) and (doc[token_end].text[:1].isdigit() or doc[token_end].lower_.rstrip(".") in MONTHS):
        return True
    end = dateline_end(doc[token_start].sent)
    return end is not None and token_start < end


def _plural_subject(token: Token, text: str) -> bool:
    """A place's name as the subject of a verb agreeing in the plural ("Ireland are unbeaten",
    "Southampton were relegated", "Italy have won"): British sports writing's team, which a
    country or town as such never is ("Ireland is"). Names plural in form ("the Netherlands",
    "Philippines") say nothing."""
    if token.dep_ not in {"nsubj", "nsubjpass"} or text.endswith("s"):
        return False
    head = token.head
    verbs = [head, *(c for c in head.children if c.dep_ in {"aux", "auxpass"} and c.i > token.i)]
    first = min(verbs, key=lambda t: t.i if t.i > token.i else len(token.doc))  # the finite verb after it
    return first.i > token.i and (first.tag_ == "VBP" or first.lower_ == "were")


def _line_starts(doc: Doc) -> Iterator[int]:
    """Tokens that open a line; the whitespace tokens are found in C, not token by token."""
    yield 0
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)).tolist():
        if "\n" in doc[i].text and i + 1 < len(doc):
            yield i + 1


def _is_figure(token: Token) -> bool:
    return token.like_num or bool(SCORE.fullmatch(token.text)) or (token.text[:1] == "." and token.text[1:].isdigit())


def _table_name(doc: Doc, i: int, rules: SportRules) -> int:
    """End of the club's name opening a results or standings line at ``i`` (1-4 capitalised
    words), or ``i`` when there is none: "NEW YORK 72 53 .576", "St Helens 21 19 0 2"."""
    j = i
    while j < len(doc) and j - i < 4 and doc[j].text[:1].isupper() and doc[j].text.rstrip(".").isalpha():
        j += 1
    if j == i or len(doc[i].text.rstrip(".")) == 1:  # "J. Adams 123": a player's line
        return i
    name = doc[i:j].text.lower()
    if name in rules.table_words or doc[i].lower_ in _MONTH_NAMES or doc[i].lower_ in WEEKDAYS or len(name) < 3:
        return i
    return j


def _table_teams(doc: Doc, mentions: list[RawMention], sentences: list[int], rules: SportRules) -> list[RawMention]:
    """Clubs in a sports report's tables: a line opening with a name followed by two figures
    or more (standings: "Wigan 22 19 1 2 902 326 39"), by a score and the end of the line
    or a bracket (an innings: "Gloucestershire 280 ( J. Russell 63"), or a result line of
    two names and two scores ("Halifax 64 Leeds 24"). Those names are teams (TEAM), whatever
    the model said or missed; a two-word name the model calls a person stays one (a golf
    leaderboard's "Nick Faldo 70 68 71"), except in a report with a results table (lines of
    two names and two scores), whose table lines name clubs ("Legia Warsaw 3 GKS Belchatow 2",
    "Slovan Bratislava 4 3 0 1 7 2 9": the model's people)."""
    by_start = {m.token_start: n for n, m in enumerate(mentions)}
    taken = covered_tokens(mentions)
    out = list(mentions)
    added = []
    table = _has_results_table(doc, rules)
    for i in _line_starts(doc):
        j = _table_name(doc, i, rules)
        if j == i:
            continue
        k = j
        while k < len(doc) and _is_figure(doc[k]):
            k += 1
        figures = k - j
        names = []
        if figures >= 2:
            names.append((i, j))
        elif figures == 1:
            after = doc[k] if k < len(doc) else None
            if after is None or "\n" in after.text or after.text == "(":
                names.append((i, j))
            else:
                j2 = _table_name(doc, k, rules)
                # "Halifax 64 Leeds 24", "Texas 10 CLEVELAND 8 (in 10)": the line's note in brackets after it
                if j2 > k and j2 < len(doc) and _is_figure(doc[j2]) and _line_closes(doc, j2 + 1):
                    names += [(i, j), (k, j2)]
        for start, end in names:
            n = by_start.get(start)
            if n is not None and out[n].token_end == end:
                m = out[n]
                if not (m.label == "PERSON" and end - start > 1) or table:
                    out[n] = replace(m, label="TEAM")
            elif not taken.intersection(range(start, end)):
                span = doc[start:end]
                added.append(RawMention(span.text, "TEAM", span.start_char, span.end_char, start, end, sentences[start]))
    return sorted(out + added, key=lambda m: m.start) if added else out


def _scored(doc: Doc, m: RawMention) -> bool:
    """A name followed by a score in a results line: "Leeds 2 Sheffield Wednesday 1"."""
    end = m.token_end
    return end < len(doc) and doc[end].text.isdigit() and len(doc[end].text) <= 2 and (
        end + 1 >= len(doc) or doc[end + 1].text[:1].isupper() or doc[end + 1].is_space or "\n" in doc[end + 1].text)


def _plays(token: Token, rules: SportRules) -> bool:
    head = token.head
    dep = token.dep_
    if dep in {"nsubj", "nsubjpass"} and head.lemma_.lower() in rules.subject_verbs:
        return True
    if dep == "dobj" and head.lemma_.lower() in rules.object_verbs:
        return True
    if dep == "pobj":
        prep = head.lower_
        if prep in rules.against:
            return True
        if prep == "for" and head.head.lemma_.lower() in rules.for_verbs:
            return True
        if prep == "to" and head.head.lemma_.lower() in rules.to_heads:
            return True  # "lost 24-18 to Wales", "a defeat to Italy"
        if prep == "over" and head.head.lemma_.lower() in rules.over_heads:
            return True  # "a convincing victory over Scotland", "their wins over England"
    if dep in {"compound", "poss", "nmod", "amod"} and head.pos_ in {"NOUN", "PROPN"} and head.lemma_.lower() in rules.role_nouns:
        return True
    # conjoined with a team: "Greece and Belarus" after "against"
    if dep == "conj" and head.i < token.i:  # "against Greece and Belarus": as its first conjunct
        return _plays(head, rules)
    return False


@dataclass(frozen=True)
class NonEntityRules:
    names: frozenset[str]
    last_words: frozenset[str]
    cue_nouns: frozenset[str]
    group_nouns: frozenset[str]
    work_verbs: frozenset[str]
    work_in_verbs: frozenset[str]
    work_in_nouns: frozenset[str]
    event_heads: frozenset[str]
    collective_nouns: frozenset[str]
    work_of_nouns: frozenset[str]
    period_words: frozenset[str]
    common_nouns: frozenset[str]
    disease_names: frozenset[str]
    work_role_nouns: frozenset[str]
    eponym_heads: frozenset[str]
    title_words: frozenset[str]
    made_work_verbs: frozenset[str]
    genre_nouns: frozenset[str]
    apposed_event_nouns: frozenset[str]
    product_heads: frozenset[str]
    honour_verbs: frozenset[str]
    honour_nouns: frozenset[str]
    award_category_nouns: frozenset[str]
    peoples_and_faiths: frozenset[str]
    label_words: frozenset[str]
    possessive_eponym_heads: frozenset[str]
    hyphened_nationality_words: frozenset[str]
    hyphened_nationality_people_words: frozenset[str]


@lru_cache(maxsize=1)
def load_non_entity_rules() -> NonEntityRules:
    """``data/non_entities.json``: works, products, events and awards by name, by their
    last word ("... Awards", "... Treaty") and by the noun that introduces them ("the film X")."""
    keys = ["names", "last_words", "cue_nouns", "group_nouns", "work_verbs", "work_in_verbs", "work_in_nouns", "event_heads",
            "collective_nouns", "work_of_nouns", "period_words", "common_nouns", "disease_names", "work_role_nouns",
            "eponym_heads", "title_words", "made_work_verbs", "genre_nouns", "apposed_event_nouns", "product_heads",
            "honour_verbs", "honour_nouns", "award_category_nouns", "peoples_and_faiths", "label_words",
            "possessive_eponym_heads", "hyphened_nationality_words", "hyphened_nationality_people_words"]
    return NonEntityRules(**word_lists("non_entities.json", keys))


_MODEL_CODE = re.compile(r"^[A-Z]{1,3}-?[0-9]{1,4}[a-z]?$")


def _spelt_out_listed(span: Span, names: frozenset[str]) -> bool:
    """A listed product, technology or office spelt out: "Really Simple Syndication" (RSS),
    "Asymmetric Digital Subscriber Line" (ADSL): the initials of three words or more are a
    listed name the article also writes."""
    words = [t for t in span if t.is_alpha]
    if len(words) < 3:
        return False
    every = "".join(t.text[0] for t in words).lower()
    capitals = "".join(t.text[0] for t in words if t.text[0].isupper()).lower()
    found = {i for i in (every, capitals) if len(i) >= 3 and i in names}
    # the article writes the short form too: initials alone collide ("Manic Street
    # Preachers", "Maine State Prison" are no MSP)
    return bool(found) and any(t.is_upper and t.lower_.replace("-", "") in found for t in span.doc)


def _ends_listed_name(span: Span, names: frozenset[str]) -> bool:
    """The span ends with a listed name of several words: "RBS Six Nations"."""
    return any(len(span) > k and " ".join(t.lower_ for t in span[-k:]) in names for k in (2, 3))


def _inside_listed_name(span: Span) -> bool:
    """The model left a word of a listed name of several words outside the span: "Six
    Nations" read as "Nations", "Tour de France" as "France", "the US Open" as "US", "a Lord
    of the Rings game" as "Rings"; or it is the last word of a listed kind of event or law
    after "the" ("The Bill now faces peers", "the Cup"): that word alone names no one.
    After the span, only an event's last word ("Heineken Cup", "US Open") or a word after a
    place ("the Tampa Bay Lightning" is no listed name): "the Nintendo DS" keeps its maker.
    Only this mention goes: the name is no work elsewhere ("Nintendo said")."""
    doc, lower, rules = span.doc, span.text.lower(), load_non_entity_rules()
    before = [" ".join(t.lower_ for t in doc[span.start - k : span.start]) for k in (1, 2, 3) if span.start >= k]
    if any(f"{b} {lower}" in rules.names for b in before):
        return True
    if len(span) == 1 and lower in rules.last_words and span.start > 0 and doc[span.start - 1].lower_ == "the":
        return True
    if span.end >= len(doc) or f"{lower} {doc[span.end].lower_}" not in rules.names:
        return False
    return doc[span.end].lower_ in rules.last_words or span.label_ in {"GPE", "NORP", "LOC"}


def _eponym_of(span: Span) -> bool:
    """The name is a possessive inside the name of a thing called after someone, a disease
    ("Crohn's disease", "Legionnaire's disease", "Hodgkin's lymphoma": ``non_entities.json``
    possessive_eponym_heads): this mention names the disease, not a person or a body. Not a
    place's possessive ("the country's disease" is a description); only this mention goes."""
    doc = span.doc
    return span.label_ not in {"GPE", "LOC", "NORP"} and span.end + 1 < len(doc) \
        and doc[span.end].lower_ in POSSESSIVE \
        and doc[span.end + 1].lower_ in load_non_entity_rules().possessive_eponym_heads


def _work_shaped(span: Span) -> bool:
    """A name shaped as a work's title, not a person's, firm's or place's name: a colon
    inside it ("Great American Songbook: Volume III"), or, in a name the model calls a
    person, a number ending it ("Blinx 2", "Halo 2": no one's name ends in a figure)."""
    if any(t.text == ":" for t in span[1:-1]):
        return True
    last = span[-1]
    return span.label_ == "PERSON" and len(span) > 1 and last.text.isdigit() and len(last.text) <= 2 \
        and span[-2].is_alpha and span[-2].is_title and last.idx > span[-2].idx + len(span[-2].text)


def _title_of(span: Span) -> bool:
    """A role title with what it is the title of, tagged as one name: "the King of Belgium",
    "Minister of Trade and Industry", "the Prince of Wales" (issue 12, unlabelled Reuters and
    BBC: Organization nodes). A title alone is no entity (LABELLING.md), and the words after
    "of" are the country or body, which the title's own rules read; "Bank of England",
    "Court of Appeal", "House of Lords" open with no title and stay."""
    words = [t.lower_ for t in span]
    if "of" not in words[1:-1]:
        return False
    return load_titles().is_title(" ".join(words[: words.index("of", 1)]))


def _cue_noun_tagged(doc: Doc, i: int, span: Span) -> bool:
    """The cue word is used as a noun: tagged one, or, for the cue words that are also
    adjectives ("single", "novel", "classic", "epic"), tagged an adjective of the name itself
    right after a determiner or a possessive ("whose single Slow Burn", "the novel
    Ringworld"), where the small model reads the word as the name's adjective; not one of a
    noun after the name ("a single Tesco store")."""
    token = doc[i]
    if token.pos_ == "NOUN":
        return True
    return token.pos_ == "ADJ" and i > 0 and doc[i - 1].tag_ in {"DT", "PRP$", "WP$", "POS"} \
        and span.start <= token.head.i < span.end


def is_non_entity(span: Span, rules: NonEntityRules | None = None) -> bool:
    """A work, product, event or award rather than a person, place or organisation; or a
    people or a faith named alone ("Hutus", "Islam")."""
    rules = rules or load_non_entity_rules()
    lower = span.text.lower()
    if lower in rules.names or lower in rules.common_nouns or lower in rules.disease_names or lower in rules.peoples_and_faiths \
            or lower in rules.label_words \
            or (len(span) > 1 and span[-1].lower_ in rules.last_words) or _ends_listed_name(span, rules.names) \
            or _spelt_out_listed(span, rules.names) \
            or _work_shaped(span) or _title_of(span):
        return True
    before = span.start - 1
    doc = span.doc
    if before >= 0 and doc[before].lower_ in rules.cue_nouns and _cue_noun_tagged(doc, before, span) and (
            span.start <= doc[before].head.i < span.end or span.root.head.i == before
            or not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in doc[before].children)):
        # "the film Million Dollar Baby", "his hit When a Man Loves a Woman"; after "a" the
        # name opens a relative clause unless the parse ties them: "a downloaded movie NEC is
        # showing" (NEC shows it)
        return True
    root = span.root
    if span.label_ == "PERSON":
        return False  # "directed Clint Eastwood" is rare; a person's name is not a work's
    if root.dep_ == "dobj" and root.head.lemma_.lower() in rules.work_verbs:
        return True  # "performed My City Was Gone"
    return root.dep_ == "pobj" and root.head.lower_ == "in" and root.head.head.lemma_.lower() in rules.work_in_verbs


@dataclass(frozen=True)
class ContextCues:
    role_nouns_before: frozenset[str]
    place_words_last: frozenset[str]
    place_nouns_after: frozenset[str]
    person_nouns: frozenset[str]
    office_words: frozenset[str]
    org_nouns: frozenset[str]
    org_nouns_before: frozenset[str]
    org_kind_nouns_lower: frozenset[str]
    org_kind_nouns_modified: frozenset[str]  # "supermarket group Winn-Dixie": lower case, a word before them
    org_nouns_after: frozenset[str]
    org_possessed_nouns: frozenset[str]
    org_holding_nouns: frozenset[str]
    org_object_verbs: frozenset[str]
    place_verbs_in: frozenset[str]
    org_last_words: frozenset[str]
    event_last_words: frozenset[str]
    leading_non_name_words: frozenset[str]
    portfolio_titles: frozenset[str]
    portfolio_word_titles: frozenset[str]  # "Transport Commissioner": listed portfolio words before them are the office's
    person_demonyms: frozenset[str]
    org_legal_suffixes: frozenset[str]
    company_trade_words: frozenset[str]  # "Airlines" of "Delta Airlines": a company's trade after its short name
    street_abbreviations: frozenset[str]
    place_qualifiers: frozenset[str]
    county_abbreviations: frozenset[str]
    peer_titles: frozenset[str]
    alias_cues: frozenset[str]
    state_nouns: frozenset[str]
    name_opening_nouns: frozenset[str]
    name_particles: frozenset[str]  # "del", "van", "bin": lower-case words inside a person's name
    club_or_place_last_words: frozenset[str]  # "Kettering Town", "Cape Town"
    club_name_words: frozenset[str]  # "Atletico Mineiro", "Roda JC Kerkrade"
    club_affixes: frozenset[str]  # "VfL" of "VfL Bochum", "FC" of "Raith Rovers FC": not in the report's form
    title_count_words: frozenset[str]  # "three" of "a three-term governor": no word of the title
    name_suffixes: frozenset[str]  # "Jr.", "Snr.": a name's last word that keeps its point
    member_nouns_ending_bodies: frozenset[str]  # "Democrats" of "the Movement of Socialist Democrats"
    settlement_nouns_of: frozenset[str]  # "city" of "the city of Perm"
    words_before_surname: frozenset[str]  # "First" of "First Chang approached the umpire", "Sheikh"
    party_member_words: frozenset[str]  # "Democrat Charles Kennedy": a party's member word, no given name
    holder_mood_words: frozenset[str]  # "crestfallen" of "a crestfallen France coach": no word of the title
    numbered_station_words: frozenset[str]  # "Radio" of "BBC Radio 2": a number after it is the name's


@lru_cache(maxsize=1)
def load_context_cues() -> ContextCues:
    """``data/context_cues.json``: words around a name that settle its type."""
    keys = ["role_nouns_before", "place_words_last", "place_nouns_after", "person_nouns", "office_words", "org_nouns",
            "org_nouns_before", "org_kind_nouns_lower", "org_kind_nouns_modified",
            "org_nouns_after", "org_possessed_nouns", "org_holding_nouns", "org_object_verbs", "place_verbs_in", "org_last_words", "event_last_words",
            "leading_non_name_words", "portfolio_titles", "portfolio_word_titles", "person_demonyms", "org_legal_suffixes", "company_trade_words", "street_abbreviations",
            "place_qualifiers", "county_abbreviations",
            "peer_titles", "alias_cues", "state_nouns", "name_opening_nouns", "name_particles", "club_or_place_last_words",
            "title_count_words", "club_name_words", "club_affixes", "name_suffixes", "member_nouns_ending_bodies", "settlement_nouns_of",
            "words_before_surname", "party_member_words", "holder_mood_words", "numbered_station_words"]
    return ContextCues(**word_lists("context_cues.json", keys))


def _event_name(doc: Doc, m: RawMention, cues: ContextCues) -> bool:
    """A name of two or more capitalised words whose last one or two words name an event
    ("Grand Prix", "Film Market", "Festival", "Cup"): a competition, a fair or an award."""
    if m.label not in {"ORG", "PERSON", "GPE", "LOC", "FAC"} or m.token_end - m.token_start < 2:
        return False
    words = doc[m.token_start : m.token_end]
    if not all(t.text[:1].isupper() or not t.is_alpha or t.is_stop for t in words):
        return False
    last = words[-1].lower_
    two = f"{words[-2].lower_} {last}"
    return last in cues.event_last_words or two in cues.event_last_words


def _club_named(span: Span, words: frozenset[str]) -> bool:
    """A name of two words or more holding a word of a club's name (context_cues.json
    ``club_name_words``): "Atletico Mineiro", "Roda JC Kerkrade". A short one ("AC", "JC")
    counts only after the first word, where it is no person's initials ("AC Grayling")."""
    return len(span) > 1 and any(t.lower_ in words and (k > 0 or len(t.text) > 3) for k, t in enumerate(span))


_MINUTE = re.compile(r"^\d{1,3}(st|nd|rd|th)$")  # "39th": a goal's minute after its scorer


def _country_in_brackets(doc: Doc, i: int) -> bool:
    """Whether a country or a nationality of one to three words follows token ``i`` in
    brackets: "( Kenya )", "(South Africa)", "(Czech Republic)" (issue 12: a country of two
    words left "Ernie Els (South Africa) 71 71 287" an organisation)."""
    if i >= len(doc) or doc[i].text != "(":
        return False
    k = i + 1
    while k < len(doc) and k - i <= 3 and doc[k].text != ")":
        k += 1
    if not (i + 1 < k < len(doc) and doc[k].text == ")"):
        return False
    gaz, inside = load_gazetteer(), doc[i + 1 : k].text
    return gaz.country(inside) is not None or gaz.nationality(inside) is not None


def _initial_and_surname(span: Span) -> bool:
    """An initial and a surname as a scorecard writes a player: "D. Cox", "C Hoeft"."""
    words = span.text.split()
    return len(words) == 2 and len(words[0].rstrip(".")) == 1 and words[0][0].isupper() \
        and words[1][:1].isupper() and words[1][1:].islower() and words[1].replace("'", "").replace("-", "").isalpha()


def _club_in_brackets(doc: Doc, i: int) -> bool:
    """Whether a squad list's club follows token ``i``: one to three capitalised words, not
    in capitals (a body's acronym, "(KDP)") and no country (a competitor's, read above), in
    brackets."""
    if i >= len(doc) or doc[i].text != "(":
        return False
    k = i + 1
    while k < len(doc) and k - i <= 3 and doc[k].is_title:
        k += 1
    return i + 1 < k < len(doc) and doc[k].text == ")" and load_gazetteer().country(doc[i + 1 : k].text) is None


def _role_before(doc: Doc, m: RawMention, cues: ContextCues) -> bool:
    """A person's role right before the name ("rapper DMX", "chief executive Randy Abbey")."""
    before = doc[m.token_start - 1] if m.token_start > 0 else None
    return before is not None and before.lower_ in cues.role_nouns_before and before.pos_ in {"NOUN", "PROPN"}


def listed_region(doc: Doc, m: RawMention) -> bool:
    """A country's region, state or territory (``data/regions.json``: ISO 3166-2 subdivisions and
    the extra names) named in full. Not a state's postal code ("PA" is the Press Association),
    not an English adjective that names a region somewhere ("Northern", "Central": "Northern's
    managing director" is the rail company), and not the first words of a longer name ("Ohio"
    of "Ohio State", the university), not after a figure ("the 1,000 Lakes" rally), and not
    before a noun only a body has ("the Norfolk club", "the Kent chairman": ``context_cues``
    org_nouns, org_nouns_after, org_possessed_nouns)."""
    after = doc[m.token_end] if m.token_end < len(doc) else None
    if len(m.text) <= 3 or (after is not None and after.is_title and after.is_alpha):
        return False
    if m.token_start > 0 and doc[m.token_start - 1].like_num:
        return False  # "the 1,000 Lakes": a figure opens the name (a rally's), no region
    if after is not None and after.text in POSSESSIVE and m.token_end + 1 < len(doc):
        after = doc[m.token_end + 1]
    cues = load_context_cues()
    if after is not None and after.lower_ in cues.org_nouns | cues.org_nouns_after | cues.org_possessed_nouns:
        return False
    if " " not in m.text and m.text.lower() in adjective_words():
        return False
    return normalise_name(m.text) in load_regions()


def region_plays(doc: Doc, m: RawMention, rules: SportRules) -> bool:
    """Whether a region's name may be its team here, though the report as a whole is no sports
    report: a listed county side ("Surrey", sport.json county_teams), a score right after it
    ("Kent 250 for six"), a club's affix after it ("Munster RFC", context_cues club_affixes and
    org_last_words), or a sports word in its sentence ("batsman", "bowler", "captain",
    "provincial team": sport.json cue_lemmas, result_verbs and team_words).
    Session 13's sample typed a cricket county and two clubs as places without these guards."""
    if m.text in rules.county_teams:
        return True
    after = doc[m.token_end] if m.token_end < len(doc) else None
    cues = load_context_cues()
    if after is not None and (_whole_score(doc, m.token_end) or after.lower_ in cues.club_affixes | cues.org_last_words):
        return True
    sentence = doc[m.token_start].sent
    words = rules.cue_lemmas | rules.result_verbs | rules.team_words
    return any(t.lemma_.lower() in words or t.lower_ in words for t in sentence)


def retype_by_context(doc: Doc, mentions: list[RawMention]) -> list[RawMention]:
    """Labels the words around a name contradict: a person's role before it ("rapper DMX"),
    an age after it ("Troy Akers, 34,") or "who" → PERSON; a place word ending an
    organisation's name ("Maine State Prison", "State House") → a place. Gazetteer names
    (countries, listed organisations) are typed later and win over this."""
    cues = load_context_cues()
    gaz = load_gazetteer()
    sports_report = lru_cache(maxsize=1)(lambda: is_sports_report(doc))
    out = []
    for m in mentions:
        label = m.label
        if _event_name(doc, m, cues) and gaz.organization(m.text) is None and gaz.country(m.text) is None:
            # "the Norwich Union Grand Prix", "the Bangkok Film Market": an event, no node
            out.append(replace(m, label="EVENT"))
            continue
        if m.token_end - m.token_start > 1 and doc[m.token_end - 1].lower_ in cues.org_last_words \
                and label in {"PERSON", "GPE", "LOC", "FAC"} and gaz.country(m.text) is None:
            # "Manchester United", "Sydney FC", "Samuel Goldwyn Films": the last word says a
            # club or a company, whatever the model guessed from the first
            out.append(replace(m, label="ORG"))
            continue
        if label == "PERSON" and _club_named(doc[m.token_start: m.token_end], cues.club_name_words):
            out.append(replace(m, label="ORG"))  # "Atletico Mineiro 0", "Roda JC Kerkrade 1": a club
            continue
        if label in {"ORG", "GPE", "LOC", "FAC"} and gaz.country(m.text) is None and gaz.organization(m.text) is None:
            before = doc[m.token_start - 1] if m.token_start > 0 else None
            nxt = doc[m.token_end : m.token_end + 3]
            aged = len(nxt) >= 2 and nxt[0].text == "," and nxt[1].like_num and nxt[1].text.isdigit() and \
                10 <= int(nxt[1].text) <= 110 and (len(nxt) < 3 or nxt[2].text in {",", ")", "."})
            # ", who" only after a two-word name: "Congress, who said" is British usage for a body
            who = len(nxt) >= 2 and nxt[0].text == "," and nxt[1].lower_ == "who" and m.token_end - m.token_start >= 2
            # "Tegla Loroupe ( Kenya ) 31:17.66", "Ernie Els (South Africa) 71 71 287", "Carl-Uwe Steeb
            # (Germany)": a results line's competitor and her country (two or three words as
            # written: a hyphened given name is one)
            who = who or (2 <= len(m.text.split()) <= 3 and _country_in_brackets(doc, m.token_end))
            # "Durham 326 (D. Cox 95 not out", "C Hoeft (NZ)": an initial and a surname before
            # a figure or a bracket, a scorecard's or a squad list's player
            who = who or (_initial_and_surname(doc[m.token_start : m.token_end]) and len(nxt) >= 1
                          and (nxt[0].text == "(" or nxt[0].text.isdigit()))
            # "Nice 1 (Debbah 39th, Vairelles 70th)": a scorer and his minute in a results line
            # "Milan - Dejan Savicevic (21st)", "Fiorentina - Gabriel Batistuta (11th, 83rd)": the minutes after him
            who = who or (before is not None and before.text in {"(", ","} and len(nxt) >= 1 and _MINUTE.match(nxt[0].text) is not None) \
                or (len(nxt) >= 2 and nxt[0].text == "(" and _MINUTE.match(nxt[1].text) is not None)
            # "Strikers - Kubilay Turkyilmaz (Grasshoppers), Adrian Knup (Galatasaray)": a squad
            # list's player, his club's name in brackets after him (a body's acronym is in capitals)
            who = who or (2 <= m.token_end - m.token_start <= 3 and m.token_start > 0
                          and doc[m.token_start - 1].text in {"-", ",", ";", ":", "\u2013"} and _club_in_brackets(doc, m.token_end)
                          and sports_report())
            role = _role_before(doc, m, cues)
            if (aged or who or role) and all(t.text[:1].isupper() for t in doc[m.token_start : m.token_end] if t.is_alpha):
                label = "PERSON"
            elif label == "ORG" and m.token_end - m.token_start > 1 and doc[m.token_end - 1].lower_ in cues.place_words_last:
                label = "FAC"
            elif label in {"GPE", "LOC", "FAC"} and m.token_end - m.token_start > 1 and doc[m.token_end - 1].lower_ in ORG_HEAD_WORDS:
                label = "ORG"  # "the Farmer-Citizen Movement": a body, whatever the model says
        elif label == "PERSON" and m.token_end - m.token_start > 1 and doc[m.token_end - 1].lower_ in cues.place_words_last \
                and gaz.organization(m.text) is None and not _role_before(doc, m, cues):
            label = "FAC"  # "at Portcullis House", not "chief executive Randy Abbey" (issue 12: a surname that is a place word)
        if label in {"PERSON", "ORG"} and m.token_start >= 2 and doc[m.token_start - 1].lower_ == "of" \
                and doc[m.token_start - 2].is_lower and doc[m.token_start - 2].lower_ in cues.settlement_nouns_of \
                and gaz.organization(m.text) is None:
            label = "GPE"  # "the Urals city of Perm": a place
        last = doc[m.token_end - 1]
        if label in {"PERSON", "ORG"} and last.dep_ == "compound" and last.head.lemma_.lower() in cues.place_nouns_after \
                and gaz.organization(m.text) is None:
            label = "LOC"  # "the Darién jungle", "the Miraflores locks"
        if label != m.label:
            m = replace(m, label=label)
        out.append(m)
    # an event's short form defined in brackets after it ("the Indian Super League (ISL)"):
    # the event too, wherever the article uses it
    ends = {m.token_end for m in out if m.label == "EVENT"}
    short = {m.text for m in out if m.token_start - 1 in ends and doc[m.token_start - 1].text == "("
             and m.token_end < len(doc) and doc[m.token_end].text == ")" and m.text.isupper()}
    return [replace(m, label="EVENT") if m.text in short else m for m in out] if short else out


# How far back an alias cue is looked for before a name: the longest cue's words ("whose real
# name is") with the punctuation before them.
ALIAS_CUE_TOKENS = 4


def alias_cue_before(doc: Doc, start: int, gap_start: int | None = None) -> bool:
    """Whether the words right before token ``start`` give a person's other name ("real name",
    "better known as", "aka": context_cues alias_cues), read as words, punctuation and line
    breaks left out. With ``gap_start`` (the token after the name before), the words from
    there on must be the cue and nothing else: "Jay-Z, real name Shawn Carter" (``mark_aliases``);
    without it, any run of the words of the last ``ALIAS_CUE_TOKENS`` tokens that ends there:
    "Daniel Okafor, better known as Skepto" says Skepto is someone's name (person_evidence)."""
    cues = load_context_cues().alias_cues
    first = gap_start if gap_start is not None else max(0, start - ALIAS_CUE_TOKENS)
    words = [t.lower_ for t in doc[first:start] if not (t.is_punct or t.is_space)]
    if gap_start is not None:
        return " ".join(words) in cues
    return any(" ".join(words[k:]) in cues for k in range(len(words)))


def mark_aliases(doc: Doc, mentions: list[RawMention]) -> list[RawMention]:
    """A person named twice in a row under two names with an alias cue between ("Jay-Z, real
    name Shawn Carter", "Shawn Carter, better known as Jay-Z"): the second is the first's
    other name (``same_as``), one node for the one person (issue 12)."""
    out = list(mentions)
    for n in range(1, len(out)):
        prev, m = out[n - 1], out[n]
        if prev.label != "PERSON" or m.label != "PERSON" or prev.sentence != m.sentence:
            continue
        if alias_cue_before(doc, m.token_start, gap_start=prev.token_end):
            out[n] = replace(m, same_as=prev.text)
    return out
