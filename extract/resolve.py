"""Resolve mentions to entities within one document, without the model.

Input: cleaned mentions with spaCy's labels. Output: one ``ExtractedEntity`` per
real-world entity in the article and each mention's entity id. Decisions, in order:
1. type from the gazetteer first (countries, nationalities, known organisations), then
   from the label;
2. people: a full name is canonical; a lone surname (or a surname the model tagged as an
   organisation or place) resolves to the one full name in the article that ends with it,
   or, when two share it, to the one already introduced where it is written;
3. an all-capitals organisation equal to the initials of a longer one is that one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.extract.mentions import ORG_HEAD_WORDS, RawMention, load_context_cues
from newsgraph.extract.person_evidence import gazetteer_place, has_given_name, place_names as world_places
from newsgraph.extract.rules import Gazetteer, common_nouns, load_gazetteer, load_titles, load_us_state_abbreviations, word_lists, word_map
from newsgraph.graph.model import ExtractedEntity, entity_id, normalise_name, surname


@dataclass
class TypedMention:
    raw: RawMention
    type: str
    name: str
    iso3: str | None = None
    is_agency: bool = False
    group_country: tuple[str, str] | None = None  # (iso3, name) for nationalities
    known: bool = False  # named in the gazetteer: never retyped as someone's surname



_DEMONYM_PERSON = re.compile(r"(wo)?m[ae]n$")


def plausible_person_name(name: str) -> bool:
    """Every word capitalised or a particle: "ofNew Labour" (a typo in the source) is not a name."""
    particles = load_context_cues().name_particles  # "Charles de Gaulle", "Osama bin Laden"
    return all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in particles for w in name.split())


@dataclass
class Resolution:
    entities: dict[str, ExtractedEntity]
    mention_entity: list[str | None]  # parallel to the input mentions; None = dropped
    group_countries: dict[str, str]  # group entity id → country entity id


def type_mention(m: RawMention, gaz: Gazetteer) -> TypedMention | None:
    label = m.label
    if label == "TEAM":  # a club or national team (mentions.retype_teams): the name as written
        if m.canonical:  # a listed club (clubs.py): its name, whatever form the text used
            return TypedMention(m, "Organization", m.canonical, known=True)
        known = gaz.organization(m.text)
        return TypedMention(m, "Organization", known[0] if known else m.text, known=known is not None)
    if label in {"GPE", "LOC", "ORG", "NORP", "FAC", "PERSON"}:  # "Sri Lanka" is never a person
        country = gaz.country(m.text)
        if country is not None and country.iso3 in gaz.territories:
            return TypedMention(m, "Location", country.name, known=True)  # "Hong Kong": a territory
        if country is not None:
            return TypedMention(m, "Country", country.name, iso3=country.iso3, known=True)
    # Listed organisations win whatever the label: "the White House" (FAC), "Lib Dem" (PERSON),
    # and parties the model calls nationalities ("Tories", "Conservative" NORP).
    known = gaz.organization(m.text)
    if known is not None and label in {"ORG", "GPE", "LOC", "FAC", "PERSON", "NORP"}:
        return TypedMention(m, "Organization", known[0], is_agency=known[1], known=True)
    if label != "NORP" and gaz.nationality(m.text) is not None and m.adjective_of_thing:
        return None  # "Guatemalan law" the model called an organisation
    stem = _DEMONYM_PERSON.sub("", m.text)
    if label in {"ORG", "PERSON", "GPE"} and stem != m.text and gaz.nationality(stem) is not None:
        label = "NORP"  # "The Frenchman twisted his ankle" the model called an organisation
    if label == "NORP" and m.titled and plausible_person_name(m.text):
        return TypedMention(m, "Person", m.text)  # "said Mr Irish": a surname (Oliver Irish), not the Irish
    if label == "NORP" and m.names_state and (country := gaz.nationality(m.text)) is not None:
        # "the Indonesian government", "Turkish firms": the country itself, one node with
        # the "Indonesia" of the same article, not a Group of Indonesians (issue 12)
        return TypedMention(m, "Country", country.name, iso3=country.iso3, known=True)
    if label == "NORP":
        if m.adjective_of_thing:
            return None  # "Indonesian shares", "a French film": a description, not a people
        text = m.text
        stem = _DEMONYM_PERSON.sub("", text)
        if stem != text and gaz.nationality(stem):
            text = stem  # "Frenchman", "Welshmen": the French, the Welsh
        country = gaz.nationality(text)
        if country is not None:
            key = normalise_name(text)
            singular = key if key in gaz.demonyms else key[:-1]
            display = " ".join(w.capitalize() for w in singular.split())
            return TypedMention(m, "Group", display, group_country=(country.iso3, country.name), known=True)
        return None  # not a nationality: "Democrat", "Europeans", a club the model took for a people
    if label == "ORG" and m.titled and plausible_person_name(m.text):
        return TypedMention(m, "Person", m.text)  # "Mr Varga": a person, whatever the model says
    if label == "ORG":
        return TypedMention(m, "Organization", m.text)
    if label in {"GPE", "LOC", "FAC"}:
        return TypedMention(m, "Location", m.text)
    if label == "PERSON" and m.locative and not m.titled and " " not in m.text:
        # "at Scotstoun", "in Slough": a place; a two-word name the model calls a person
        # stays one ("lost out to Colman Domingo" parsed as "in ... Domingo")
        return TypedMention(m, "Location", m.text)
    if label == "PERSON" and plausible_person_name(m.text):
        words = m.text.split()
        for k in (2, 1):
            # "Lib Dem Norman Baker", "Labour John Prescott": a listed party (or other
            # listed body) glued before a full name is not part of it (issue 12)
            if len(words) >= k + 2 and gaz.organization(" ".join(words[:k])) is not None:
                return TypedMention(m, "Person", " ".join(words[k:]))
        return TypedMention(m, "Person", m.text)
    return None


def _compound_epithet(name: str) -> bool:
    """A hyphened first word that is no given name ("Euro-Sceptic Kilroy-Silk", "Ex-Minister
    X"): a description before the surname, not a second person sharing it ("Jean-Pierre" is
    a given name)."""
    first = name.split()[0]
    return "-" in first and not has_given_name(first)


def _one_person(keys: list[str]) -> list[str]:
    """Of several full names, those that open with a given name, when some do."""
    if len(keys) < 2:
        return keys
    named = [k for k in keys if has_given_name(k.split()[0])]
    return named or keys


def _unify_one_word_types(typed: list[TypedMention | None]) -> None:
    """One word the model tags PERSON in one sentence and ORG or a place in another
    ("Claxton", "McIlroy" in a results report) is one person, not two nodes; a name it
    never tags PERSON keeps its types. Listed names and teams are left alone."""
    votes: dict[str, int] = {}
    place_votes: dict[str, int] = {}
    for t in typed:
        if t and not t.known and " " not in t.name and t.type in {"Person", "Organization", "Location"}:
            key = normalise_name(t.name)
            votes[key] = votes.get(key, 0) + (1 if t.type == "Person" else -1)
            if t.type != "Organization":  # ORG is the model's weakest guess for a lone place name
                place_votes[key] = place_votes.get(key, 0) + (1 if t.type == "Location" else -1)
    # and one the model calls a place somewhere and an organisation elsewhere ("BANGOR, Maine"
    # tagged ORG, "in Bangor" GPE) is the place: ORG is its weakest guess for a lone name
    places = {normalise_name(t.name) for t in typed if t and t.type == "Location" and not t.known and " " not in t.name}
    # a place when the model said so at least as often as it said person ("in Ballinasloe"
    # twice, '"Nobody has abandoned Ballinasloe"' once; "in Wales", "If Wales decided")
    mostly_places = {n for n, v in place_votes.items() if v >= 0} & places
    # a person when the model said so at least as often as it said anything else
    people = {n for n, v in votes.items() if v >= 0} & {
        normalise_name(t.name) for t in typed if t and t.type == "Person" and not t.known and " " not in t.name} \
        - mostly_places
    # an organisation when the model said so more often than person ("Oracle" ORG five times,
    # PERSON four): one company, not a company and a person of the same name
    firms = {n for n, v in votes.items() if v < 0} & {
        normalise_name(t.name) for t in typed if t and t.type == "Organization" and " " not in t.name} - places
    for t in typed:
        if t is None or t.known or t.raw.label == "TEAM":
            continue
        key = normalise_name(t.name)
        if t.type == "Person" and key in firms and not t.raw.titled:
            t.type = "Organization"
        elif t.type in {"Organization", "Location"} and key in people:
            t.type, t.iso3 = "Person", None
        elif t.type == "Organization" and key in places:
            t.type = "Location"
        elif t.type == "Person" and key in mostly_places and not t.raw.titled:
            t.type = "Location"


def _named_like_a_body(name: str, gaz: Gazetteer) -> bool:
    """A name that begins with a country or nationality or ends with a word that heads
    organisations' or places' names ("Kenya Airways", "Varga Pharmaceuticals", "Scotstoun
    Stadium"): not a person's, whatever surname it shares."""
    from newsgraph.extract.mentions import ORG_HEAD_WORDS, load_context_cues

    words = name.split()
    last = words[-1].lower()
    return bool(gaz.country(words[0]) or gaz.nationality(words[0])) or last in ORG_HEAD_WORDS \
        or last in load_context_cues().place_words_last


def _expand_street_abbreviations(typed: list[TypedMention | None]) -> None:
    """"Downing St" beside "Downing Street": the long form's node (name and type) when the
    article writes it; alone, the short form stays as written."""
    pairs = dict(p.split(" ", 1) for p in load_context_cues().street_abbreviations)
    full = {normalise_name(t.name): t for t in typed if t is not None}
    for t in typed:
        if t is None or " " not in t.name:
            continue
        rest, last = t.name.rsplit(" ", 1)
        long_word = pairs.get(last.lower())
        target = full.get(normalise_name(f"{rest} {long_word}")) if long_word else None
        if target is not None:
            t.name, t.type, t.iso3 = target.name, target.type, target.iso3


def _camel_case(word: str) -> bool:
    """Three capitals or more in one word that is not all capitals: "GlaxoSmithKline",
    "PlayStation"-like company names, never a person's ("McDonald" has two)."""
    return word.isalpha() and not word.isupper() and len(_capitals(word)) >= 3


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _ampersand_initials(name: str) -> str:
    """"Marks & Spencer" → "M&S", "Standard & Poor" → "S&P", "American Telephone & Telegraph"
    → "AT&T": the initials of the words on each side of the name's ampersand ("" without one;
    the model does not tag "Scottish and Newcastle" as one name, so "and" is not read)."""
    words = name.split()
    if "&" not in words[1:-1]:
        return ""
    return "".join("&" if w == "&" else w[0] for w in words if w == "&" or w[:1].isupper())


def _capitals(name: str) -> str:
    """Every capital letter of a name, in order: "GlaxoSmithKline" → "GSK", "AfDB" → "ADB"."""
    return "".join(ch for ch in name if ch.isupper())


def _misspelt(rare: str, usual: str) -> bool:
    """A slip of the keyboard between two names of one article: two adjacent letters swapped
    ("McIlory" for "McIlroy", "Arcleor" for "Arcelor"), a word's plural "s" ("Electronics Arts"),
    or two words swapped in a long name ("State Tobacco Administration Monopoly"), or "of" for
    "for" inside one ("Institute of Fiscal Studies" beside "Institute for Fiscal Studies")."""
    from rapidfuzz.distance import OSA

    a, b = rare.split(), usual.split()
    if len(a) >= 3 and a != b and sorted(a) == sorted(b):
        return True
    if len(a) != len(b) or len(rare) < 6:
        return False
    if sorted(rare) == sorted(usual) and OSA.distance(rare, usual) == 1:
        return True
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    if len(diff) == 1 and _one_letter_variant(*diff[0], shortest=4 if len(a) >= 2 else 6):
        return True  # "Herschelle Gibs" beside "Herschelle Gibbs", "Cricuma" beside "Criciuma"
    if len(a) >= 3 and len(diff) == 1 and {diff[0][0].lower(), diff[0][1].lower()} == {"of", "for"} \
            and a[0] != diff[0][0] and a[-1] != diff[0][0]:
        return True
    return len(a) >= 2 and len(diff) == 1 and _plural_variant(*diff[0])


def _plural_variant(a: str, b: str) -> bool:
    """One word is the other with an "s" added, either way round: a plural or a possessive
    without its apostrophe ("Electronics Arts" beside "Electronic Arts", "Delta Airline" beside
    "Delta Airlines", "McDonalds" beside "McDonald")."""
    return a == b + "s" or b == a + "s"


def _company_plural_slip(name: str, other: str, name_type: str, other_type: str) -> bool:
    """A one-word organisation written with or without a trailing "s" ("McDonalds" beside
    "McDonald"): one company. Not a common noun's plural ("Globe" beside "Globes"), nor a
    person's name ("William" beside "Williams"): only two mentions the article calls bodies."""
    if name_type != "Organization" or other_type != "Organization" or " " in name or " " in other:
        return False
    short = min(name, other, key=len)
    return len(short) >= 5 and _plural_variant(name, other) and short.isalpha() and short.lower() not in common_nouns()


def _one_letter_variant(a: str, b: str, shortest: int = 6) -> bool:
    """Two spellings of one name a source mixes: one vowel more or less ("Yastrezhembsky" for
    "Yastrzhembsky", "Cricuma" for "Criciuma") or one letter doubled ("Gibbs" for "Gibs"), in
    a word of six letters or more (``shortest``). A consonant more or less, or one letter for another,
    changes the name ("Johnson"/"Johnston", "Petersen"/"Peterson", "Maria"/"Mario")."""
    short, long = sorted((a.lower(), b.lower()), key=len)
    if len(long) != len(short) + 1 or len(long) < shortest or not short.isalpha() or not long.isalpha():
        return False
    i = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    if short[i:] != long[i + 1 :]:
        return False
    extra = long[i]
    return extra in "aeiouy" or (i > 0 and long[i - 1] == extra) or (i + 1 < len(long) and long[i + 1] == extra)


def _full_names(typed: list[TypedMention | None]) -> set[str]:
    """The people's names of two words or more: the owners a lone surname, an initial or a
    role glued to a surname may join."""
    return {t.name for t in typed if t and t.type == "Person" and len(t.name.split()) >= 2}


def _slip_of_surname(name: str, other: str, other_type: str) -> bool:
    """A one-word ``name`` is a slip for the surname of ``other``, a person's full name."""
    return " " not in name and " " in other and other_type == "Person" and _misspelt(name, surname(other))


def _rename_people(typed: list[TypedMention | None], renamed: dict[str, str]) -> None:
    """Every person mention whose name ``renamed`` maps takes the name it maps to."""
    for t in typed:
        if t and t.type == "Person" and t.name in renamed:
            t.name = renamed[t.name]


def _join_misspellings(typed: list[TypedMention | None]) -> None:
    """A name written once that is a slip for a name the article writes more often is that
    name's node (issue 12: one node per entity, not one per typo). Listed names are never
    rewritten. Two names written once each (people or bodies) are one node too, under the one
    written first: which is the slip is unknown, but they are one thing ("Electronic Arts ...
    Electronics Arts ... EA": one company, and its initials then find it)."""
    counts: dict[str, int] = {}
    for t in typed:
        if t and t.type in {"Person", "Organization"}:
            counts[t.name] = counts.get(t.name, 0) + 1
    usual = {t.name: t for t in typed if t and t.type in {"Person", "Organization"} and counts[t.name] >= 2}
    once: dict[str, TypedMention] = {}  # names written once, in the order written
    for t in typed:
        if t is None or t.known or t.type not in {"Person", "Organization"} or counts.get(t.name) != 1:
            continue
        matches = [u for n, u in usual.items() if _misspelt(t.name, n) or _slip_of_surname(t.name, n, u.type)
                   or _company_plural_slip(t.name, n, t.type, u.type)]
        if not matches:
            # of any of the two types: the model may call the slip a body ("McIlory" ORG)
            matches = [u for n, u in once.items()
                       if _misspelt(t.name, n) or _misspelt(n, t.name) or _slip_of_surname(t.name, n, u.type)
                       or _company_plural_slip(t.name, n, t.type, u.type)]
        if len(matches) == 1:
            t.name, t.type, t.iso3 = matches[0].name, matches[0].type, matches[0].iso3
        else:
            once[t.name] = t
    # "Yastrezhembsky" said twice beside "Sergei Yastrzhembsky" written once: a lone name one
    # vowel or doubled letter away from the surname of exactly one person of the article, when
    # nobody's surname is that name as written, is that person, however often it is written
    people = _full_names(typed)
    surnames = {normalise_name(surname(n)) for n in people}
    for t in typed:
        if t is None or t.known or t.type not in {"Person", "Organization"} or " " in t.name \
                or normalise_name(t.name) in surnames:
            continue
        owners = [n for n in people if _one_letter_variant(t.name, surname(n))]
        if len(owners) == 1:
            t.name, t.type, t.iso3 = owners[0], "Person", None


@lru_cache(maxsize=1)
def load_short_given_names() -> dict[str, str]:
    """``data/given_names.json``: short form of a given name → its long form ("dave" → "david")."""
    return word_map("given_names.json", "short_forms")


def _join_short_given_names(typed: list[TypedMention | None]) -> dict[str, str]:
    """"Dave Collins" beside "David Collins": one person, under the long form (issue 12).
    Returns the short first names so joined ("dave" → "david"): a lone "Dave" of the article
    is then the long form's person too."""
    short = load_short_given_names()
    people = {normalise_name(t.name): t.name for t in typed if t and t.type == "Person" and len(t.name.split()) == 2}
    renamed = {}
    joined_firsts = {}
    for key, name in people.items():
        parts = key.split()  # "Robert Kilroy-Silk" folds to three words
        if len(parts) != 2:
            continue
        first, last = parts
        long_name = people.get(f"{short.get(first, first)} {last}")
        if long_name is not None and long_name != name:
            renamed[name] = long_name
            joined_firsts[first] = short[first]
    _rename_people(typed, renamed)
    # "Muhammad Yunus" beside "Mohammed Yunus": one person, under the spelling written first
    spellings = load_given_name_spellings()
    first_written: dict[tuple[str, str], str] = {}
    for t in typed:
        if t and t.type == "Person" and len(parts := normalise_name(t.name).split()) == 2 and len(t.name.split()) == 2:
            t.name = first_written.setdefault((spellings.get(parts[0], parts[0]), parts[1]), t.name)
    return joined_firsts


@lru_cache(maxsize=1)
def load_family_names_first() -> frozenset[str]:
    """``data/given_names.json``: family names written first ("wang" of "Wang Xuebing")."""
    return word_lists("given_names.json", ["family_first"])["family_first"]


@lru_cache(maxsize=1)
def load_given_name_spellings() -> dict[str, str]:
    """``data/given_names.json``: a spelling of a given name → its group's first form ("muhammad" → "mohammed")."""
    return word_map("given_names.json", "spellings")


_INITIAL = re.compile(r"[A-Z]\.?")


def _join_initials(typed: list[TypedMention | None]) -> None:
    """"B. Yeltsin" beside "Boris Yeltsin", a scorecard's "M. Atherton" beside "Mike Atherton":
    an initial and a surname are the one full name of the article with that surname whose
    first name opens with that letter (issue 12: otherwise the surname has two owners and a
    lone "Yeltsin" makes a third node). Two candidates ("John" and "Jane Smith") leave it be."""
    # "Yann Delaigue" the model called an organisation beside the squad list's "Y Delaigue" it
    # called a person: a given name and a surname that an initial form of the article opens the
    # same way are a person, whom that form then joins (the mirror of the last loop below)
    initial_forms = {(words[0][0], normalise_name(words[1])) for name in _full_names(typed)
                     if len(words := name.split()) == 2 and _INITIAL.fullmatch(words[0])}
    for t in typed:
        if t is None or t.known or t.raw.label == "TEAM" or t.type not in {"Organization", "Location"} \
                or len(words := t.name.split()) != 2 or len(words[0]) <= 2:
            continue
        if (words[0][0], normalise_name(words[1])) in initial_forms and has_given_name(words[0]) \
                and plausible_person_name(t.name):
            t.type, t.iso3 = "Person", None
    people = _full_names(typed)
    renamed = {}
    for name in people:
        words = name.split()
        if len(words) != 2 or not _INITIAL.fullmatch(words[0]):
            continue
        last = normalise_name(words[1])
        owners = [n for n in people if len(n.split()[0]) > 2 and n.split()[0][0] == words[0][0]
                  and normalise_name(surname(n)) == last]
        if len(owners) == 1:
            renamed[name] = owners[0]
    _rename_people(typed, renamed)
    # a squad list's "S Burger", "C Visagie" the model called organisations beside "Schalk
    # Burger", "Cobus Visagie": the same initial and surname, so the same person (a first name
    # and a surname only: "C Jones" among Sale's replacements is not "Chris Rhys Jones", who
    # starts as "Rhys Jones")
    for t in typed:
        if t is None or t.known or t.raw.label == "TEAM" or t.type not in {"Organization", "Location"} \
                or len(words := t.name.split()) != 2 or not _INITIAL.fullmatch(words[0]) or not words[1][:1].isupper():
            continue
        last = normalise_name(words[1])
        owners = [n for n in people if len(n.split()) == 2 and len(n.split()[0]) > 2 and n.split()[0][0] == words[0][0]
                  and normalise_name(surname(n)) == last]
        if len(owners) == 1:
            t.name, t.type, t.iso3 = owners[0], "Person", None


def _join_middle_names(typed: list[TypedMention | None]) -> None:
    """"George Bush" beside "George W Bush", "Nayib Bukele" beside "Nayib Armando Bukele": a
    given name and a surname are the one longer name of the article that opens with that given
    name and has that surname, its middle names or initials left out (issue 12: otherwise the
    surname has two owners and a lone "Bush" makes a third node). Two such longer names
    ("George W Bush" and "George H W Bush") leave it be, and so do a son's name ("they have a
    son, James Scott Brady Jr." beside his father James Brady) and two forms one sentence
    writes ("Presidents George W Bush, Bill Clinton, George Bush": his father)."""
    people = _full_names(typed)
    sentences: dict[str, set[int]] = {}
    for t in typed:
        if t and t.type == "Person":
            sentences.setdefault(t.name, set()).add(t.raw.sentence)
    renamed = {}
    for name in people:
        words = normalise_name(name).split()
        if len(name.split()) != 2 or len(words) != 2:
            continue
        owners = [n for n in people if len(n.split()) >= 3 and normalise_name(n.split()[0]) == words[0]
                  and normalise_name(surname(n)) == words[1] and surname(n) != n.split()[1]]
        # (a surname that is not the last word: "Jr", "III" or a hyphened given name after it)
        if len(owners) == 1 and surname(owners[0]) == owners[0].split()[-1] \
                and not sentences[name] & sentences[owners[0]]:
            renamed[name] = owners[0]
    _rename_people(typed, renamed)


def _people_typed_as_bodies(typed: list[TypedMention | None], gaz: Gazetteer) -> None:
    """"Magdalena Maleeva" the model called a place and "Maleeva" a body, "Jordan Ayew" an
    organisation beside "Ayew" a person: two words opening with a given name, whose second
    word the article also writes alone, are a person, and the lone word then joins them
    (issue 12: one node, not a full name and its surname under two types). Not a name a
    gazetteer lists, one named like a body or a place ("Jordan Times", "Victoria Station"),
    or one whose last word ends another name of the article too; a country before it
    ("Jordan") or a place's name alone is allowed only when the lone word is tagged a person
    or titled somewhere (a given name may be a town's: "Magdalena", "Florence")."""
    cues = load_context_cues()
    alone: set[str] = set()
    person_said: set[str] = set()  # lone words the model tags PERSON or an honorific names
    for t in typed:
        if t and not t.known and t.raw.label != "TEAM" and " " not in t.name and not t.name.isupper() \
                and t.type in {"Person", "Organization", "Location"} and not t.raw.locative and not t.raw.after_the:
            alone.add(key := normalise_name(t.name))
            if t.raw.titled or t.raw.label == "PERSON":
                person_said.add(key)
    openers: dict[str, set[str]] = {}  # last word of a longer name -> first words it follows
    for t in typed:
        if t and " " in t.name:
            openers.setdefault(normalise_name(t.name.split()[-1]), set()).add(normalise_name(t.name.split()[0]))
    for t in typed:
        if t is None or t.known or t.raw.label == "TEAM" or t.type not in {"Organization", "Location"}:
            continue
        words = t.name.split()
        if len(words) != 2 or not has_given_name(words[0]) or not plausible_person_name(t.name) \
                or _compound_epithet(t.name) or gaz.organization(t.name) is not None:
            continue
        last = normalise_name(words[1])
        if last not in alone or len(openers.get(last, ())) != 1 or last in ORG_HEAD_WORDS \
                or last in cues.place_words_last or last in cues.org_last_words:
            continue
        if last not in person_said and (_named_like_a_body(t.name, gaz) or gazetteer_place(words[1])):
            continue
        t.type, t.iso3 = "Person", None


def _titles_before_full_names(typed: list[TypedMention | None], gaz: Gazetteer) -> None:
    """"General Anatoly Shkirko", "Chief Justice John Roberts": title words (``titles.txt``)
    the model kept before a given name and a surname are no part of the name (LABELLING.md:
    canonical names carry no titles; issue 12: one node with "Anatoly Shkirko" and the lone
    "Shkirko"). Read so only when the surname is also written alone ("General Motors Europe" is
    not "Motors Europe", "Prince William Sound" no person); listed names stay."""
    titles = load_titles()
    single = {w.rstrip(".") for w in titles.roles | titles.honorifics if " " not in w}
    alone = {normalise_name(t.name) for t in typed if t and " " not in t.name and not t.known}
    for t in typed:
        if t is None or t.known or t.raw.label == "TEAM" or t.type not in {"Person", "Organization", "Location"}:
            continue
        words = t.name.split()
        k = 0
        while k < len(words) - 2 and words[k][:1].isupper() and words[k].lower().rstrip(".") in single:
            k += 1
        rest = " ".join(words[k:])
        if k == 0 or len(words) - k > 3 or not has_given_name(words[k]) or not plausible_person_name(rest) \
                or _named_like_a_body(rest, gaz) or gaz.organization(t.name) is not None or gaz.organization(rest) is not None:
            continue
        if normalise_name(surname(rest)) not in alone:
            continue  # only where the text names the person again ("Prince William Sound" is a sound)
        t.name, t.type, t.iso3 = rest, "Person", None


def _given_name_not_place(t: TypedMention) -> bool:
    """A one-word "place" no gazetteer place bears, not written after "in" or "at": the
    model's guess for a rare first name ("Lleyton", "Kanye"), which may then be read as the
    first name of the article's one person whose full name opens with it. "Paris" beside
    Paris Hilton, "Victoria" beside Victoria Beckham are places the gazetteer knows."""
    return not t.known and not t.raw.locative and t.raw.label in {"GPE", "LOC"} \
        and t.name.lower() not in world_places()


def _club_forms_as_clubs(typed: list[TypedMention | None]) -> None:
    """The form a club goes by in the article ("Birmingham" for Birmingham City, clubs.py)
    is that club wherever else the model calls it an organisation ("Savage's future at
    Birmingham" ORG): one node for the club, not the club and a body named "Birmingham"
    (issue 12). The model's places keep their own node: "in Birmingham" is the city."""
    clubs = {normalise_name(t.raw.text): t.name for t in typed if t and t.raw.label == "TEAM"}
    for t in typed:
        if t and t.raw.label == "ORG" and not t.known and t.type == "Organization" \
                and (club := clubs.get(normalise_name(t.raw.text))) is not None:
            t.name, t.known = club, True


def _abbreviates(short: str, long: str) -> bool:
    """``short`` can be read off ``long`` as an abbreviation (Schwartz and Hearst, 2003): its
    letters and digits appear in ``long`` in order, the first one opening a word of it
    ("Afreximbank" of "African Export-Import Bank", "COCOBOD" of "Ghana Cocoa Board")."""
    s, lf = short.lower(), long.lower()
    if not s[:1].isalnum() or len(s) >= len(lf):
        return False
    i, j = len(s) - 1, len(lf) - 1
    while i >= 0:
        c = s[i]
        if not c.isalnum():
            i -= 1
            continue
        while j >= 0 and (lf[j] != c or (i == 0 and j > 0 and lf[j - 1].isalnum())):
            j -= 1
        if j < 0:
            return False
        i, j = i - 1, j - 1
    return True


def _bracketed_short_forms(typed: list[TypedMention | None]) -> None:
    """"the African Export-Import Bank (Afreximbank)": a one-word name in brackets straight
    after an organisation's name, that can be read off it as an abbreviation, is the text
    defining its short form; that form is the organisation wherever the article writes it,
    whatever the model called it (issue 12: one node, not the bank and "Afreximbank")."""
    present = [t for t in typed if t is not None]
    short_of: dict[str, TypedMention] = {}
    for before, t in zip(present, present[1:]):
        if t.raw.in_brackets and " " not in t.name and before.type == "Organization" \
                and 1 <= t.raw.start - before.raw.end <= 2 and _abbreviates(t.name, before.name) \
                and normalise_name(t.name) not in normalise_name(before.name).split():  # not "(Glasgow)", a place
            short_of.setdefault(normalise_name(t.name), before)
    for t in present:
        long = short_of.get(normalise_name(t.name))
        if long is not None and not t.known and t.type in {"Organization", "Person", "Location"}:
            t.type, t.name, t.iso3, t.is_agency = "Organization", long.name, None, long.is_agency


def _nationality_before_surname(typed: list[TypedMention | None], gaz: Gazetteer) -> None:
    """"American Davenport will now face ..." beside "Lindsay Davenport": a nationality glued
    before the surname of the article's one person of that surname is that person, whatever
    the model called the two words (issue 12: one node, not an organisation "American
    Davenport"). Listed names ("British Airways") are never read so."""
    owners: dict[str, set[str]] = {}
    for t in typed:
        if t and t.type == "Person" and len(words := t.name.split()) >= 2:
            owners.setdefault(normalise_name(words[-1]), set()).add(t.name)
    surnames: dict[str, str | None] = {}
    for last, names in owners.items():
        # "Spaniard Costa" the model called a person is no second owner of "Costa" beside
        # Albert Costa, whose name opens with a given name ("Dane Coles" does too)
        named = {n for n in names if has_given_name(n.split()[0])}
        if len(names) > 1 and len(named) == 1:
            names = named | {n for n in names if gaz.nationality(n.split()[0]) is None}
        # and only a name opening with a given name owns it: "Swiss Re" beside a "Munich Re"
        # the model called a person is the other reinsurer, not him
        surnames[last] = next(iter(names)) if len(names) == 1 and names <= named else None
    for t in typed:
        if t is None or t.known or t.raw.label == "TEAM" or len(words := t.name.split()) != 2:
            continue
        owner = surnames.get(normalise_name(words[1]))
        if owner and gaz.nationality(words[0]) is not None and gaz.organization(t.name) is None:
            t.type, t.name, t.iso3 = "Person", owner, None
    # "American Dennis Mitchell upstaged ..." the model called an organisation: a nationality
    # before a given name and a surname is the person (issue 12: one node with "Mitchell"),
    # not "German Marshall Fund" (a body's last word) or a listed name
    for t in typed:
        if t is None or t.known or t.raw.label == "TEAM" or len(words := t.name.split()) != 3 \
                or gaz.nationality(words[0]) is None or gaz.organization(t.name) is not None:
            continue
        rest = " ".join(words[1:])
        if has_given_name(words[1]) and plausible_person_name(rest) and not _named_like_a_body(rest, gaz) \
                and gaz.organization(rest) is None:
            t.type, t.name, t.iso3 = "Person", rest, None


def _unify_long_name_types(typed: list[TypedMention | None]) -> None:
    """One name of several words the model calls a place in one sentence and an organisation
    in another ("La Fenice", "Buenos Aires") is one node, not two of the same name (issue 12):
    the type it gets more often, a place on a tie when gazetteers know a place of that name.
    Teams and listed names keep theirs (a club and its city stay apart)."""
    votes: dict[str, int] = {}
    for t in typed:
        if t and not t.known and t.raw.label != "TEAM" and " " in t.name and t.type in {"Location", "Organization"}:
            key = normalise_name(t.name)
            votes[key] = votes.get(key, 0) + (1 if t.type == "Location" else -1)
    kinds: dict[str, set[str]] = {}
    for t in typed:
        if t and normalise_name(t.name) in votes:
            kinds.setdefault(normalise_name(t.name), set()).add(t.type if not t.known and t.raw.label != "TEAM" else "fixed")
    for t in typed:
        if t is None or t.known or t.raw.label == "TEAM" or " " not in t.name:
            continue
        key = normalise_name(t.name)
        if kinds.get(key) != {"Location", "Organization"}:
            continue
        vote = votes[key]
        t.type = "Location" if vote > 0 or (vote == 0 and t.name.lower() in world_places()) else "Organization"
        t.iso3 = None


def _county_prefixes(typed: list[TypedMention | None]) -> None:
    """"Co Offaly" beside "Offaly" (``context_cues.county_abbreviations``): the county under its
    bare name, one node with the article's other mentions of it; alone it stays as written."""
    cues = load_context_cues()
    bare = {normalise_name(t.name) for t in typed if t and " " not in t.name and t.type in {"Location", "Organization"}}
    for t in typed:
        if t and t.type == "Location" and not t.known and len(words := t.name.split()) == 2 \
                and words[0].lower() in cues.county_abbreviations and normalise_name(words[1]) in bare:
            t.name = words[1]


def _short_names_of_bodies(typed: list[TypedMention | None], gaz: Gazetteer) -> None:
    """A one-word name the model called a person that begins exactly one longer organisation
    of the article ("Vivendi" beside "Vivendi Universal", "Nordvind" beside "Nordvind Energi")
    is that organisation's short name (issue 12: one node; ``Organization`` ones are joined in
    ``resolve``). Not a name a place bears ("Birmingham" beside "Birmingham City Council"), one
    after "in"/"at" or "the" ("on the Maasvlakte", beside Maasvlakte Hydrogen, is the port
    area), an honorific's surname, or the first or last name of a person of the
    article ("Lavoie" beside Robert Lavoie and Lavoie Grain). The model's places stay: a body
    is often named after its place ("Baltic" beside "Baltic Grid Operators")."""
    bodies = {normalise_name(t.name): t.name for t in typed if t and t.type == "Organization" and " " in t.name}
    people = [normalise_name(t.name).split() for t in typed if t and t.type == "Person" and " " in t.name]
    names_of_people = {w[-1] for w in people} | {w[0] for w in people}  # "Lavoie" beside two Lavoies and Lavoie Grain
    for t in typed:
        if t is None or t.known or t.type != "Person" or " " in t.name or t.raw.titled \
                or t.raw.locative or t.raw.after_the or t.raw.label == "TEAM":
            continue
        key = normalise_name(t.name)
        if key in world_places() or key in names_of_people or gaz.country(t.name) or gaz.nationality(t.name):
            continue
        longer = [n for k, n in bodies.items() if k.startswith(key + " ")]
        if len(longer) == 1:
            t.type, t.name, t.iso3 = "Organization", longer[0], None
    # "Pennine Freight" the model called a person beside "Pennine Freight Group": the company
    # less its legal suffix (``context_cues.org_legal_suffixes``), when no given name opens it
    legal = load_context_cues().org_legal_suffixes
    for t in typed:
        if t is None or t.known or t.type != "Person" or " " not in t.name or t.raw.titled or t.raw.label == "TEAM" \
                or has_given_name(t.name.split()[0]):
            continue
        key = normalise_name(t.name)
        with_suffix = [n for k, n in bodies.items() if k.startswith(key + " ")
                       and all(w in legal for w in k[len(key) + 1:].split())]
        if len(with_suffix) == 1:
            t.type, t.name, t.iso3 = "Organization", with_suffix[0], None


def _no_name_before_surname(word: str, nouns: frozenset[str]) -> bool:
    """A word the model glued before a surname that is no name's: a listed noun or sentence
    opener ("Opener", "First", "Sheikh"), or an -ing word ("Joining Chang into the second round
    was ...", "Bumping Agassi up to ..."; the model tags "Bumping" a proper noun). The caller
    asks that it be no given name ("Sterling", "Irving")."""
    lower = word.lower()
    return lower in nouns or (lower.endswith("ing") and len(lower) > 5 and word.isalpha() and word.istitle())


def _opens_with_given_name(name: str, nouns: frozenset[str]) -> bool:
    """"Graham Gooch", and "Sheikh Omar Rashidi" the model tagged with its "Sheikh": a given
    name first, or after one of the words glued before names."""
    words = name.split()
    return has_given_name(words[0]) or (len(words) > 2 and words[0].lower() in nouns and has_given_name(words[1]))


def _role_noun_before_surname(typed: list[TypedMention | None]) -> None:
    """"Opener Gooch" beside "Graham Gooch": a role or occupation noun the model glued to a
    surname ("Opener", "Skipper", "Veteran"; ``mentions.name_opening_nouns``), that is no given
    name, beside exactly one full name of that surname opening with a given name, is that
    person (issue 12: titles left on names; otherwise the surname has two owners and a lone
    "Gooch" makes a third node). Two full names with given names stay apart. So are a
    sentence's first word and "Sheikh" (``context_cues.words_before_surname``: "First Chang",
    "Joining Chang", "Sheikh Yassin" beside "Michael Chang", "Ahmed Yassin")."""
    from newsgraph.extract.mentions import name_opening_nouns

    cues = load_context_cues()
    nouns = name_opening_nouns() | cues.leading_non_name_words | cues.words_before_surname
    people = _full_names(typed)
    renamed = {}
    for name in people:
        first = name.split()[0]
        if len(name.split()) != 2 or not _no_name_before_surname(first, nouns) or has_given_name(first):
            continue
        last = normalise_name(surname(name))
        owners = [n for n in people if n != name and normalise_name(surname(n)) == last and _opens_with_given_name(n, nouns)]
        if len(owners) == 1:
            renamed[name] = owners[0]
    _rename_people(typed, renamed)


def _legal_form(short_key: str, long_key: str, legal: frozenset[str]) -> bool:
    """``long_key`` is ``short_key`` and legal or group suffixes only ("dacom corp", "om gruppen ab")."""
    return long_key.startswith(short_key + " ") and all(w in legal for w in long_key[len(short_key) + 1 :].split())


def _trade_short_form(key: str, long_name: str, typed: list[TypedMention | None], teams: set[str]) -> bool:
    """``key`` (one word, folded) is the short name of ``long_name``, the company it begins whose
    last word is a trade (``context_cues.company_trade_words``: "Delta Airlines", "Asahi
    Breweries") or a legal form, though a town bears the name: no mention of it is written as a
    place ("in Delta", "the Delta") and the long name is no team's."""
    cues = load_context_cues()
    last = normalise_name(long_name).split()[-1]
    if long_name in teams or (last not in cues.company_trade_words and last not in cues.org_legal_suffixes):
        return False
    return not any(t and normalise_name(t.name) == key and (t.raw.locative or t.raw.after_the) for t in typed)


def _company_short_forms_as_places(typed: list[TypedMention | None], gaz: Gazetteer) -> None:
    """"Tarmac", "Berlex", "Sumiden" the model called a place beside "Tarmac Plc", "Berlex
    Laboratories", "Sumiden Metals": a one-word name no gazetteer knows as a place, never
    written where a place goes ("in X", "the X"), that begins exactly one organisation of the
    article (or, of several, the one that adds only a legal suffix) is that organisation's short
    name (issue 12: company short forms). A name a gazetteer knows ("Metro", a city in
    Indonesia; "Arequipa") or one written as a place ("on the Maasvlakte", "from the Baltic")
    keeps its place node: a body is often named after its place."""
    legal = load_context_cues().org_legal_suffixes
    bodies = {normalise_name(t.name): t.name for t in typed if t and t.type == "Organization" and " " in t.name}
    places = {normalise_name(t.name) for t in typed if t and t.type in {"Location", "Country"} and " " in t.name}
    as_place = {normalise_name(t.name) for t in typed if t and (t.raw.locative or t.raw.after_the)}
    for t in typed:
        if t is None or t.known or t.type != "Location" or " " in t.name or t.raw.label == "TEAM" or t.name.isupper():
            continue  # (capitals: "F.C." cut from a club's name is no short name of "F.C. National Bucharest")
        key = normalise_name(t.name)
        if key in as_place or gazetteer_place(t.name) or gaz.country(t.name) or gaz.nationality(t.name) \
                or any(k.startswith(key + " ") for k in places):
            continue
        longer = [k for k in bodies if k.startswith(key + " ")]
        if len(longer) > 1:
            longer = [k for k in longer if _legal_form(key, k, legal)]
        if len(longer) == 1:
            t.type, t.name, t.iso3 = "Organization", bodies[longer[0]], None


@lru_cache(maxsize=1)
def cities_called_new() -> frozenset[str]:
    """Cities of 100,000 people or more that geonames also names "New" + their name
    ("Delhi", whose alternate names hold "New Delhi"): lower-cased. Kept in the table cache
    like the other tables built from geonames' 17 MB city file (a worker parsed it whole the
    first time an article wrote both forms)."""
    from newsgraph.extract.rules import geonames_cities_file
    from newsgraph.extract.table_cache import cached_table

    return cached_table("cities_called_new", [geonames_cities_file(), __file__], _build_cities_called_new)


def _build_cities_called_new() -> frozenset[str]:
    from newsgraph.extract.rules import geonames_cities

    return frozenset(c["name"].lower() for c in geonames_cities() if int(c["population"]) >= 100_000
                     and f"New {c['name']}" in c["alternatenames"])


def _club_prefixes(typed: list[TypedMention | None]) -> None:
    """"Sparta Praha" (the model's person) beside "AC Sparta Praha", "Raith Rovers" beside
    "Raith Rovers FC", "Bochum" beside "VfL Bochum": the club less the prefix or suffix its
    table or statement writes (``context_cues.club_affixes``) is the club (issue 12: one node).
    Not a name a gazetteer knows as a place or one written as a place ("in Milan" beside "AC
    Milan" is the city), unless the model calls that mention an organisation or a team and no
    "in"/"at" says where ("Espinho's Nail Besirovic" beside "SC Espinho", "Gothenburg go
    through" beside "IFK Gothenburg"); and not a form two clubs of the article leave ("Madrid"
    beside "Real Madrid" and "Atletico Madrid" is neither)."""
    affixes = load_context_cues().club_affixes
    clubs: dict[str, str | None] = {}
    for t in typed:
        if t and t.type == "Organization" and len(words := t.name.split()) >= 2:
            if normalise_name(words[0]) in affixes:
                rest = normalise_name(" ".join(words[1:]))
            elif normalise_name(words[-1]) in affixes:
                rest = normalise_name(" ".join(words[:-1]))
            else:
                continue
            clubs[rest] = t.name if clubs.get(rest, t.name) == t.name else None
    if not clubs:
        return
    for t in typed:
        if t is None or t.known or t.type not in {"Organization", "Person", "Location"} or t.raw.locative \
                or (club := clubs.get(normalise_name(t.name))) is None or club == t.name:
            continue
        if gazetteer_place(t.name) and not (t.type == "Organization" and t.raw.label in {"ORG", "TEAM"}):
            continue
        if " " not in t.name and t.raw.text.isupper():
            continue  # "TAIBE, Israel 1996-08-23" beside Hapoel Taibe: a dateline's town
        t.name, t.type, t.iso3 = club, "Organization", None


def _places_playing_as_teams(typed: list[TypedMention | None], gaz: Gazetteer) -> None:
    """"Minnesota" that plays in a sports report ("Anthony Edwards scored 33 for Minnesota":
    mentions.retype_teams labels it TEAM) beside "Minnesota Timberwolves", a team too: the one
    team of the article whose name begins with that place is the team it names (issue 12: US
    teams named by their city). Only a place's name ("South" beside "South Africa" is a
    combined side) and only a team's ("Liverpool" beside the "Liverpool Echo" is not the
    paper); not a country ("Ghana" that plays is not the Ghana Football Association), not a
    place two teams of the article begin ("Manchester" beside United and City is neither),
    and not a place the article also writes as a place: "played for Kerala in the Santosh
    Trophy" beside "Kerala Blasters" and "fans in Kerala" is the state's side, another team.
    The place's own mentions ("in Minneapolis", a dateline) are not labelled TEAM and stay."""
    teams = {normalise_name(t.name): t.name for t in typed
             if t and t.raw.label == "TEAM" and t.type == "Organization" and " " in t.name}
    places = {normalise_name(t.name) for t in typed if t and t.type in {"Location", "Country"}}
    for t in typed:
        if t is None or t.known or t.raw.label != "TEAM" or t.type != "Organization" or gaz.country(t.name) \
                or normalise_name(t.name) in places or not (gazetteer_place(t.name) or t.name.lower() in world_places()):
            continue
        key = normalise_name(t.name)
        longer = [n for k, n in teams.items() if k.startswith(key + " ")]
        if len(longer) == 1 and not gaz.country(longer[0]) and _plural_nickname(longer[0][len(t.name):]):
            t.name = longer[0]


def _plural_nickname(rest: str) -> bool:
    """What a team's name adds to its place is a plural nickname ("Timberwolves", "Red Sox",
    "Rovers"), the US and rugby way of naming a side. Not "United", "City", "Albion": a town
    often has another club under its bare name ("Dundee 2 Greenock Morton 1" beside Dundee
    United is Dundee FC)."""
    last = rest.split()[-1].lower() if rest.split() else ""
    return last.isalpha() and (last.endswith("s") or last == "sox")


def _one_team_per_country(typed: list[TypedMention | None], gaz: Gazetteer) -> None:
    """"Britain have won individual Test matches" beside "Great Britain could end 34 years of
    failure": a country that plays (label TEAM, named as written) under two of its names is
    one national team, under its longest name (issue 12: one node, not "Britain" and "Great
    Britain"; "United States" and "US"). Countries the gazetteer keeps apart stay apart
    ("England" is not "Britain")."""
    playing: list[tuple[TypedMention, str]] = []  # each country that plays and its code, looked up once
    names: dict[str, str] = {}
    for t in typed:
        if t and t.raw.label == "TEAM" and t.type == "Organization" and not t.raw.canonical \
                and (country := gaz.country(t.raw.text)) is not None:
            playing.append((t, country.iso3))
            best = names.get(country.iso3, "")  # the longest, in capitals only if no other
            if (len(t.name), not t.name.isupper()) > (len(best), not best.isupper()):
                names[country.iso3] = t.name
    for t, iso3 in playing:
        t.name = names[iso3]


def _us_state_abbreviations(typed: list[TypedMention | None]) -> None:
    """"LAS CRUCES, N.M.", "Glenview, Ill.-based": an AP abbreviation of a US state written
    after a place and a comma is the state, under its name (one node with a "New Mexico" of
    the article; issue 12: duplicates), whatever the model called it. Not elsewhere:
    "secretary N.J. Bose" is a man's initials."""
    states = load_us_state_abbreviations()
    place_ends = {t.raw.end for t in typed if t and t.type in {"Location", "Country", "Organization"}}
    for t in typed:
        # ("Menlo Park, Calif.." comes tokenised as "Calif" and a full stop)
        if t and (state := states.get(t.raw.text) or states.get(t.raw.text + ".")) and t.raw.start - 2 in place_ends:
            t.type, t.name, t.iso3, t.known = "Location", state, None, True


def _new_city_forms(typed: list[TypedMention | None]) -> None:
    """"Delhi" beside "New Delhi": one city under the longer form, when geonames names the city
    both ways (issue 12: city forms). "York" beside "New York", "Jersey" beside "New Jersey" are
    other places and stay apart (geonames gives York no such name)."""
    longer = {normalise_name(t.name): t.name for t in typed if t and t.type == "Location" and t.name.startswith("New ")}
    for t in typed:  # geonames is read only for an article that writes both forms (speed)
        if t and t.type == "Location" and (long := longer.get("new " + normalise_name(t.name))) is not None \
                and normalise_name(t.name) in cities_called_new():
            t.name = long


def _listed_short_forms(typed: list[TypedMention | None], gaz: Gazetteer) -> None:
    """"the Fed" beside "the Federal Reserve": a listed organisation's short form
    (organizations.jsonl ``short_forms``) is that organisation where the article also names it
    (issue 12: one node). Alone it is left as the model read it: "Fed up with the delays"
    opening a sentence, which the model may tag, is no central bank."""
    named = {t.name for t in typed if t and t.type == "Organization" and t.known}
    for t in typed:
        if t and not t.known and t.type in {"Organization", "Person"} \
                and (listed := gaz.org_short_forms.get(normalise_name(t.name))) in named:
            t.name, t.type, t.iso3, t.known = listed, "Organization", None, True


def resolve(mentions: list[RawMention], gaz: Gazetteer | None = None) -> Resolution:
    gaz = gaz or load_gazetteer()
    typed = [type_mention(m, gaz) for m in mentions]
    _listed_short_forms(typed, gaz)
    _us_state_abbreviations(typed)
    _club_forms_as_clubs(typed)
    _one_team_per_country(typed, gaz)
    _county_prefixes(typed)
    # "Mr McManus" (or a lone "Petrakis" the model calls a person) makes the "JP McManus",
    # "Lachlan Petrakis" it called a company or a place a person: the surname says so.
    surnames = {normalise_name(t.name) for t in typed if t and t.type == "Person" and " " not in t.name
                and (t.raw.titled or t.raw.label == "PERSON")}
    for t in typed:
        if t and not t.known and t.type in {"Organization", "Location"} and 2 <= len(t.name.split()) <= 3 \
                and normalise_name(surname(t.name)) in surnames and plausible_person_name(t.name) \
                and t.raw.label != "TEAM" and not _named_like_a_body(t.name, gaz) and not _compound_epithet(t.name):
            t.type, t.iso3 = "Person", None

    _people_typed_as_bodies(typed, gaz)
    _titles_before_full_names(typed, gaz)
    _nationality_before_surname(typed, gaz)
    short_firsts = _join_short_given_names(typed)
    _join_initials(typed)
    _join_middle_names(typed)
    _role_noun_before_surname(typed)
    # People: full names own their surnames, unless two full names share one.
    surname_owner: dict[str, str | None] = {}
    full_names: dict[str, str] = {}
    for t in typed:
        if t and t.type == "Person" and len(t.name.split()) >= 2:
            full_names[normalise_name(t.name)] = t.name
    # "the Gingrich / Dole Congress" the model called a person beside "Bob Dole": two words
    # opening with the surname of a person whose name opens with a given name, and no given
    # name themselves, are that person's something, not a person owning the surname "Congress"
    # (issue 12 wrong merge: Congress into "Dole Congress")
    taken = {normalise_name(surname(n)) for n in full_names.values() if has_given_name(n.split()[0])}
    for key in [k for k in full_names if len(k.split()) == 2 and k.split()[0] in taken
                and not has_given_name(full_names[k].split()[0])]:
        del full_names[key]
    # "Kilroy Silk" beside "Robert Kilroy-Silk": a full name that ends the one longer full name
    # of the article is that person, before surnames are handed out ("Silk" would otherwise
    # go to a "Kilroy Silk" node of its own, issue 12)
    # (of two longer ones, the one that opens with a given name: "Robert Kilroy-Silk", not
    # "Euro-Sceptic Kilroy-Silk")
    shorter = {key: longer[0] for key in full_names
               if len(longer := _one_person([k for k in full_names if k.endswith(" " + key)])) == 1}
    for t in typed:
        if t and t.type == "Person" and (key := normalise_name(t.name)) in shorter:
            t.name = full_names[shorter[key]]
    for key, longer_key in shorter.items():
        full_names[key] = full_names[longer_key]  # "Kilroy -Silk" the model called a place: the person too
    first_owner: dict[str, str | None] = {}
    for key, name in full_names.items():
        last = normalise_name(surname(name))  # "kilroy silk" of "Robert Kilroy-Silk"
        owner = surname_owner.get(last, name)
        surname_owner[last] = name if owner == name else None
        first = key.split()[0]
        first_owner[first] = name if first_owner.get(first, name) == name else None
    # Where each full name is first written: a surname two people share, used before the
    # second is introduced ("Manish Gupta ... Gupta said ... Its director Apar Gupta"), can
    # only mean the one the reader has met (issue 12); after both, it joins no one.
    introduced: dict[str, int] = {}
    for t in typed:
        if t and t.type == "Person" and normalise_name(t.name) in full_names:
            introduced[t.name] = min(introduced.get(t.name, t.raw.start), t.raw.start)
    # A first name alone ("Paul", after "Paul Boateng") is that person when exactly one full
    # name in the article starts with it and nobody's surname is that word.
    first_names = {f: o for f, o in first_owner.items() if o and f not in surname_owner}
    # A middle word of a long name the text uses alone ("Lula" of "Luiz Inácio Lula da Silva",
    # "Duncan" of "Iain Duncan Smith") is that person when only one full name holds it and it
    # begins or ends no one's name (issue 12: one node for Lula)
    middle_owner: dict[str, str | None] = {}
    for key, name in full_names.items():
        for word in key.split()[1:-1]:
            if len(word) >= 3 and word not in load_context_cues().name_particles:
                middle_owner[word] = name if middle_owner.get(word, name) == name else None
    middle_names = {w: o for w, o in middle_owner.items() if o and w not in surname_owner and w not in first_owner}
    # Words that begin a longer organisation of the article ("Varga" of "Varga Pharmaceuticals"):
    # the model's ORG there is the company's short name, not the surname of a Tamás Varga.
    org_starts = {normalise_name(t.name).split()[0] for t in typed
                  if t and t.type == "Organization" and " " in t.name and normalise_name(t.name) not in full_names}
    # A longer full name absorbs a shorter one ending the same way ("Bukele" vs "Nayib Bukele"
    # is handled by surnames; "Nayib Armando Bukele" vs "Nayib Bukele" by first+last).
    for n, t in enumerate(typed):
        if t is None or t.known:
            continue
        key = normalise_name(t.name)
        words = key.split()
        if t.type in {"Person", "Organization", "Location"} and len(t.name.split()) == 1:
            if t.type == "Organization" and key in org_starts:
                continue
            # "Mr Howard" is a surname; "Sir Ed" and "Dame Judi" are first names, and so is
            # "Mr Wang" beside "Wang Xuebing": a family name Chinese or Korean names put first
            first_ok = not t.raw.titled or t.raw.honorific in {"sir", "dame"} or key in load_family_names_first()
            # a first name the model called a place ("and then Lleyton" beside "Lleyton
            # Hewitt") is the person when no place bears it and no preposition says "where"
            # ("Freddie" alone beside "Freddie Forsyth", joined to "Frederick Forsyth" above)
            by_first = first_names.get(key) or first_names.get(short_firsts.get(key, key)) \
                if (t.type != "Location" or _given_name_not_place(t)) and first_ok else None
            owner = surname_owner.get(key) or by_first or (
                middle_names.get(key) if t.type == "Person" and t.raw.label == "PERSON" else None)
            if owner is None and key in surname_owner and t.type in {"Person", "Organization"}:
                met = [name for name, at in introduced.items() if at < t.raw.start and normalise_name(surname(name)) == key]
                owner = met[0] if len(met) == 1 else None
            if owner:
                t.type, t.name, t.iso3 = "Person", owner, None
            elif key in surname_owner and (t.raw.titled or t.type != "Person"):
                # "Mr Hegde" beside Anil Hegde and Priya Hegde: one of the two, which the
                # surname cannot say; a third node "Hegde" would be nobody (issue 12), and
                # so would a "Menon" the model called a place beside Arjun and Suresh Menon.
                # A bare surname the model calls a person stays (a results list's "Williams")
                typed[n] = None
        elif t.type in {"Organization", "Location"} and key in full_names:
            t.type, t.name = "Person", full_names[key]
        elif t.type in {"Person", "Organization"}:
            # "Juan Carlos" beside "Juan Carlos Ferrero": the one full name it begins;
            # "De Vries" beside "Sanne de Vries": the one it ends (a surname with a particle)
            longer = [n for k, n in full_names.items() if k.startswith(key + " ")] if t.type == "Person" else []
            if not longer and (words[0] in load_context_cues().name_particles or (t.type == "Person" and len(words) >= 2)):
                # "Symmons Roberts" beside "Michael Symmons Roberts": a two-word surname
                longer = [n for k, n in full_names.items() if k.endswith(" " + key)]
            if len(longer) == 1:
                t.type, t.name = "Person", longer[0]
    _unify_one_word_types(typed)
    _unify_long_name_types(typed)
    _places_playing_as_teams(typed, gaz)
    for t in typed:
        if t is not None and not t.known and t.type == "Person" and not t.raw.titled and " " not in t.name \
                and _camel_case(t.name):
            t.type, t.iso3 = "Organization", None  # "GlaxoSmithKline": no one's name has three capitals

    # "National Infrastructure Security Coordination Centre" the model called a place beside
    # "the NISCC" it called an organisation: a long name whose initials an organisation of
    # the article is written as is that organisation (issue 12: one node, not a place and a body)
    # (or a person: "NISCC" the model called one; no one's name is five capitals, and the
    # initials step below makes it the organisation)
    _bracketed_short_forms(typed)
    _join_misspellings(typed)  # before initials: "EA" beside "Electronic Arts" and its slip "Electronics Arts"
    acronyms = {t.name for t in typed if t and t.type in {"Organization", "Person"} and not t.raw.titled
                and t.name.isalpha() and t.name.isupper() and len(t.name) >= 3}
    for t in typed:
        if t and t.type == "Location" and not t.known and len(t.name.split()) >= 3 and _initials(t.name) in acronyms:
            t.type, t.iso3 = "Organization", None
    org_names = {normalise_name(t.name): t.name for t in typed if t and t.type == "Organization" and len(t.name.split()) > 1}
    place_names = {normalise_name(t.name) for t in typed if t and t.type in {"Location", "Country"}}
    cues = load_context_cues()
    by_initials: dict[str, str | None] = {}
    legal = cues.org_legal_suffixes
    teams = {t.name for t in typed if t and t.raw.label == "TEAM"}
    one_word_firms = {t.name for t in typed if t and t.type == "Organization" and " " not in t.name and _camel_case(t.name)
                      and len(t.name) > 6}  # not "AfDB", itself the short form
    # "M&S" beside "Marks & Spencer", "S&P" beside "Standard & Poor's" (issue 12 company short
    # forms): initials around an ampersand, which the all-letter initials below cannot be
    by_ampersand: dict[str, str | None] = {}
    for name in org_names.values():
        if short := _ampersand_initials(name):
            by_ampersand[short] = name if by_ampersand.get(short, name) == name else None
    for name in [*org_names.values(), *one_word_firms]:
        # "GSK" of "GlaxoSmithKline": a one-word name's capitals are its initials
        acronym = _initials(name) if " " in name else _capitals(name)
        if len(acronym) >= 2:
            by_initials[acronym] = name if by_initials.get(acronym, name) == name else None
    for t in typed:
        if t is None:
            continue
        capitals = _capitals(t.name)
        if t.type == "Person":
            # "TfL", "RSA" the model called a person beside "Transport for London", "RSA
            # Security": mostly capitals, the initials or the first word of an organisation
            if t.known or t.raw.titled or " " in t.name or len(capitals) < 2 or 2 * len(capitals) < len(t.name):
                continue
            key = normalise_name(t.name)
            target = by_initials.get(capitals) if t.name.isalpha() else by_ampersand.get(t.name)
            starts = [n for k, n in org_names.items() if k.startswith(key + " ")]
            target = target or (starts[0] if len(starts) == 1 else None)
            if target:
                t.type, t.name, t.iso3 = "Organization", target, None
            continue
        if t.type != "Organization":
            continue
        # "FCC", and "AfDB" (African Development Bank): the capitals of a short all-letter form
        # (mostly capitals: "CalMac" is a contraction of Caledonian MacBrayne, not the initials
        # of a "Clydeport Marine" beside it)
        if " " not in t.name and (long_form := by_ampersand.get(t.name)):
            t.name = long_form
        elif t.name.isalpha() and len(t.name) <= 6 and len(capitals) >= 2 and 2 * len(capitals) >= len(t.name) \
                and t.name[0].isupper() and (long_form := by_initials.get(capitals)) \
                and (long_form.split()[0] != t.name  # "BT" is not "BT Together", a BT package
                     or all(w.lower() in legal for w in long_form.split()[1:])):  # but "LG" is "LG Group"
            t.name = by_initials[capitals]  # type: ignore[assignment]
        elif t.name.isalpha() and 3 <= len(t.name) <= 5 and t.name.istitle() and not t.known \
                and (by_initials.get(t.name.upper()) or "").count(" ") >= 2:
            # "Bat" beside "British American Tobacco": the initials written as a word
            t.name = by_initials[t.name.upper()]  # type: ignore[assignment]
        elif len(t.name.split()) == 1 and not t.known and not (t.raw.label == "TEAM" and gaz.country(t.name)):
            # (a national team, "Ghana" that plays, is not the "Ghana Football Association"
            # that picks it: issue 12 wrong merge)
            # "Brightline" beside "Brightline Cable": the one longer organisation it begins;
            # "Blasters" beside "Kerala Blasters", "United" beside "Manchester United": the one
            # team, place and nickname, listed or national body ("Commission" beside "European
            # Commission", "Executive" beside "Scottish Executive"),
            # or person the model took for a body it ends (a company's
            # last word is another company: "Universal" beside "Vivendi Universal" is Universal
            # Music, issue 12 wrong merge)
            key = normalise_name(t.name)
            longer = [n for k, n in org_names.items() if k.startswith(key + " ")]
            if len(longer) > 1 and len(legal_forms := [n for n in longer if _legal_form(key, normalise_name(n), legal)]) == 1:
                longer = legal_forms  # "Dacom" beside "Dacom Corp" and "Dacom International": the company
            longer = longer or \
                [n for k, n in org_names.items() if k.endswith(" " + key) and len(k.split()) == 2 and ((
                    n in teams or k.split()[0] in place_names or k.split()[0] in world_places()
                    or gaz.organization(n) or gaz.country(n.split()[0]) or gaz.nationality(n.split()[0]))
                    # but a town's name is that town's team: "Clydebank 1 Stirling 0" is Stirling
                    # Albion, not East Stirling; "Milan" is not Inter Milan (issue 12 wrong merge)
                    and not gazetteer_place(t.name)
                    or has_given_name(n.split()[0]))] or \
                [n for k, n in org_names.items() if k.endswith(" " + key) and len(k.split()) == 3
                 and ((town := k.rsplit(" ", 1)[0]) in place_names or town in world_places())
                 and not gazetteer_place(t.name)] or \
                [n for k, n in org_names.items() if k.endswith(" " + key) and len(k.split()) <= 3
                 and key in ORG_HEAD_WORDS and t.raw.label == "ORG"]
            # ("a Council statement" beside "the ruling State Council", "the Assembly" beside
            # "the National Assembly": a body's head noun alone is the one body of the article
            # it ends, issue 12; two such bodies leave it alone)
            # ("the Padres" beside "San Diego Padres": a two-word town, the branch before)
            # but a word the article also writes as a place ("Kerala" beside "Kerala Blasters"),
            # or one a place qualifier follows ("Galway County Council"), is the place's name,
            # not the body's short name (issue 12: a club or council and its place stay apart)
            # or a city a club is named after ("Wollongong" beside "Wollongong Wolves": geonames)
            # (but "Delta" beside "Delta Airlines", "Asahi" beside "Asahi Breweries": a town's name
            # the model calls an organisation, never written as a place, before a company's
            # trade is the company's short name)
            if len(longer) == 1 and (key in place_names or normalise_name(longer[0]).startswith(key + " ") and (
                    normalise_name(longer[0]).split()[1] in cues.place_qualifiers
                    or t.name.lower() in world_places() and not _trade_short_form(key, longer[0], typed, teams))):
                continue
            if len(longer) == 1:
                t.name = longer[0]
        elif len(t.name.split()) >= 2 and not t.known and len(with_suffix := [
                n for k, n in org_names.items() if k.startswith(normalise_name(t.name) + " ")
                and all(w in legal for w in k[len(normalise_name(t.name)) + 1 :].split())]) == 1:
            t.name = with_suffix[0]  # "Pennine Freight" beside "Pennine Freight Group"
        elif len(t.name.split()) >= 2 and not t.known and any(
                k.endswith(" " + normalise_name(t.name)) and (gaz.country(n.split()[0]) or gaz.nationality(n.split()[0]))
                and len(n.split()) == len(t.name.split()) + 1 and gaz.organization(n) for k, n in org_names.items()):
            # "Independence Party" beside "UK Independence Party" (listed under its full name):
            # the same party, its country cut off; unlisted, the country goes (next branch)
            t.name = next(n for k, n in org_names.items() if k.endswith(" " + normalise_name(t.name))
                          and (gaz.country(n.split()[0]) or gaz.nationality(n.split()[0]))
                          and len(n.split()) == len(t.name.split()) + 1 and gaz.organization(n))
        elif len(t.name.split()) >= 3 and not t.known:
            # "Dutch Supreme Court" beside "Supreme Court", "US Federal Communications Commission"
            # beside "FCC"'s long form: a leading country or nationality is not part of the name
            first, rest = t.name.split(" ", 1)
            if (gaz.country(first) or gaz.nationality(first)) and normalise_name(rest) in org_names:
                t.name = org_names[normalise_name(rest)]
    _short_names_of_bodies(typed, gaz)
    _company_short_forms_as_places(typed, gaz)
    places = {normalise_name(t.name): t.name for t in typed if t and t.type == "Location" and " " in t.name}
    for t in typed:
        if t and t.type == "Location" and " " not in t.name and not t.known:
            # a name the model took for a person or a company: "Scotstoun" beside "Scotstoun
            # Stadium"; or any, beside its name and a word for a kind of place ("Yellowstone"
            # beside "Yellowstone National Park", "Heathrow" beside "Heathrow Airport"). "Maine" the model
            # called a place stays the state beside "Maine State Prison"
            longer = [n for k, n in places.items() if k.startswith(normalise_name(t.name) + " ") and (
                t.raw.label in {"PERSON", "ORG"} or len(k.split()) <= 3 and k.split()[-1] in cues.place_words_last)]
            # a city keeps its name beside a district named after it ("Bengaluru Rural")
            if len(longer) == 1 and t.name.lower() not in world_places():
                t.name = longer[0]

    _expand_street_abbreviations(typed)
    _new_city_forms(typed)
    _club_prefixes(typed)
    # "Jay-Z, real name Shawn Carter" (mentions.mark_aliases): every mention of the second
    # name, "Carter" later included, is the first's person; the first name stays canonical
    by_text = {t.raw.text: t for t in typed if t}
    other_name: dict[str, str] = {}
    for t in typed:
        named_before = by_text.get(t.raw.same_as) if t and t.raw.same_as else None
        if t and named_before and t.type == named_before.type == "Person" and named_before.name != t.name:
            other_name[t.name] = named_before.name
    for t in typed:
        if t and t.type == "Person" and t.name in other_name:
            t.name = other_name[t.name]

    entities: dict[str, ExtractedEntity] = {}
    mention_entity: list[str | None] = []
    group_countries: dict[str, str] = {}
    for t in typed:
        if t is None:
            mention_entity.append(None)
            continue
        eid = entity_id(t.type, t.name, t.iso3)
        entity = entities.get(eid)
        if entity is None:
            entity = entities[eid] = ExtractedEntity(
                id=eid, name=t.name, type=t.type, iso3=t.iso3, is_agency=t.is_agency
            )
        entity.mentions += 1
        if entity.name.isupper() and not t.name.isupper() and normalise_name(t.name) == normalise_name(entity.name):
            # a dateline or headline in capitals came first ("BEIJING 1996-08-29"): the body's spelling names the node
            entity.aliases.add(entity.name)
            entity.name = t.name
        if t.raw.text != entity.name:
            entity.aliases.add(t.raw.text)
        if t.group_country:
            group_countries[eid] = entity_id("Country", t.group_country[1], t.group_country[0])
        mention_entity.append(eid)
    for entity in entities.values():
        entity.aliases.discard(entity.name)
    return Resolution(entities, mention_entity, group_countries)


def missed_name_labels(resolution: Resolution) -> dict[str, str]:
    """One-word names worth looking for where the model tagged nothing: people's surnames;
    the one-word forms the article wrote for a person elsewhere ("Lula" of "Luiz Inácio Lula
    da Silva") and one-word organisations ("Loganair signed a deal with Widerøe", untagged
    there, tagged in other sentences) that are no place's name, each written for one entity
    only (issue 12, session 15)."""
    names = {}
    for entity in resolution.entities.values():
        if entity.type == "Person" and len(entity.name.split()) >= 2:
            names[surname(entity.name).lower()] = "PERSON"
    owners: dict[str, set[str]] = {}  # every one-word form → the entities written so
    wanted: dict[str, str] = {}
    for entity in resolution.entities.values():
        forms = {entity.name, *entity.aliases}
        for form in forms:
            if " " not in form:
                owners.setdefault(form.lower(), set()).add(entity.id)
        # A common noun ("Committee", "Yahoo" of a "Yahoo Messenger" the model took for a
        # person) is as often the word; a given name ("Jimmy" of Jimmy Connors) is the person.
        if entity.type == "Person" and len(entity.name.split()) >= 2:
            wanted.update((form.lower(), "PERSON") for form in forms if " " not in form and form[:1].isupper()
                          and (form.lower() not in common_nouns() or has_given_name(form)))
        elif entity.type == "Organization" and entity.mentions >= 2 and " " not in entity.name \
                and entity.name[:1].isupper() and entity.name.lower() not in common_nouns() \
                and not gazetteer_place(entity.name) and load_gazetteer().nationality(entity.name) is None:
            # tagged twice at least (once is as often a work or a word the model misread), and
            # not a team under its town's or country's name ("England", "Leicester"): the
            # place is written so as often
            wanted[entity.name.lower()] = "ORG"
    for form, label in wanted.items():
        if len(owners[form]) == 1:
            names.setdefault(form, label)
    return names


def given_named_surnames(resolution: Resolution, organisation_names: set[str]) -> dict[str, str]:
    """The surnames of the article's people whose names open with a given name and that the
    model never tagged an organisation (``organisation_names``): the only names a word the
    model tagged a nationality is read as ("Dwyer praised Hollis", Hollis NORP, of Kieran
    Hollis; not "Belgium's Interbrew" as the surname of "Sun Interbrew", three times an
    organisation and once a person)."""
    return {surname(e.name).lower(): "PERSON" for e in resolution.entities.values()
            if e.type == "Person" and len(e.name.split()) >= 2 and has_given_name(e.name.split()[0])
            and not ({e.name, *e.aliases} & organisation_names)}
