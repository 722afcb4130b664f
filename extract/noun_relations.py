"""Relations read from the nouns around names (issue 12, recall): where news says who works
where, or where a firm or a place is, without a verb. The registry (``extractors.py``) runs
them after the extractors of ``relations_*.py``.

* ``possessive_places``: "India's Bombay Stock Exchange" (BASED_IN), "London's Leicester
  Square" (LOCATED_IN): a country or place, "'s", then an organisation or a place.
* ``occupations``: "Westlife star Brian McFadden", "Marc Ostwald, a strategist at Monument
  Securities", "Ross, who is the presenter of BBC One's Film 2005", "Kirsten Pfeifer from
  the Consumer Electronics Association" (WORKS_FOR): an occupation noun
  (``data/occupations.jsonl``) or "from" between a person and an organisation; a
  player's position or a seat ("Hearts winger Saulius Mikoliunas", "a member of the
  Council") is HOLDS_ROLE with the noun as title. Roles that head something are titles
  (``role_relations``).
* ``apposition_places``: "Brightline Cable, the Denver-based broadband provider" and "the
  O'Jays, a gospel-style quartet from Ohio" (BASED_IN), "Doug Kaye, a California-based
  podcaster" (LIVES_IN).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from newsgraph.extract.mentions import load_context_cues
from newsgraph.extract.relation_base import (
    PLACES,
    POSSESSIVE_MARKS,
    EntityIndex,
    ExtractionInput,
    MentionSpan,
    is_gathering,
    known_place,
    predicated_likeness,
    span_relation,
)
from newsgraph.extract.rules import (
    OccupationMethod,
    load_confidence,
    load_gazetteer,
    load_occupation_methods,
    load_occupations,
    load_titles,
)
from newsgraph.graph.model import ExtractedRelation

@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    """Words of titles and occupations: after a possessive name, they make it a role's."""
    return frozenset({w.rstrip(".") for w in load_titles().words()} | set(load_occupations())) - {"of", "for", "and", "the"}


@lru_cache(maxsize=1)
def _occupations() -> dict[str, str]:
    """The occupation nouns; one that is also a title ("analyst") is read by
    relations_roles.py's role_relations instead."""
    roles = load_titles().roles
    return {noun: kind for noun, kind in load_occupations().items() if noun not in roles}


POSSESSIVE_PLACE_RELATIONS = {"Organization": ("BASED_IN", "based in"), "Location": ("LOCATED_IN", "located in")}


def possessive_place_relations(x: ExtractionInput) -> list[ExtractedRelation]:
    """A country or place, "'s", an organisation or place named right after it."""
    doc, index = x.doc, x.index
    confidence = load_confidence()["possessive_place"]
    role_words = _role_words()
    out = []
    for m in index.mentions:
        found = POSSESSIVE_PLACE_RELATIONS.get(m.type)
        i = m.token_start
        if found is None or i < 2:
            continue
        if doc[i - 1].text not in POSSESSIVE_MARKS and not (doc[i - 1].text in {"'", "’"} and doc[i - 2].lower_.endswith("s")):
            continue  # "Los Angeles' Kodak Theatre": a name ending in "s" takes the apostrophe alone
        owner = index.at(doc[i - 2])
        if owner is None or owner.token_end != i - 1 or owner.type not in PLACES or owner.entity_id == m.entity_id:
            continue
        if m.token_end < len(doc) and (doc[m.token_end].lower_.rstrip(".") in role_words or doc[m.token_end].lemma_.lower() in role_words):
            continue  # "London's Labour mayor Ken Livingstone", "Iraq's Trade Minister", "Britain's EU commissioners": a role, not a firm
        if m.token_end < len(doc) and doc[m.token_end].lower_ in {"to", "-", "–"}:
            continue  # "the UK's London to Brighton service": a route
        if predicated_likeness(doc, m):
            continue  # "Ahold was seen as Europe's Enron": a metaphor, not Enron's home
        if owner.type == "Location" and not known_place(doc, owner):
            continue  # "Canon's EOS 300D camera": a firm the model typed Location owns no place or firm's home
        if m.type == "Location" and owner.type == "Country" and not known_place(doc, m):
            # "France's Ubisoft", "Japan's Ai Sugiyama": after a country's possessive a name the
            # model typed Location is as often a firm or a player; a district of a city
            # ("London's Docklands") is named after the city, not the country.
            continue
        if found[0] == "BASED_IN" and is_gathering(doc, m):
            continue  # "Hong Kong's Champions Challenge event": where it is held, no base
        kind, predicate = found
        out.append(span_relation(doc, doc[i].sent, m, owner, kind, "possessive_place", confidence, predicate))
    return out


# Prepositions that tie an occupation to its organisation: "a strategist at X", "an analyst
# with X", "the presenter of X", "a lawyer for X".
OCCUPATION_PREPS = {"at", "with", "of", "for"}
# Lower-case words allowed between the organisation and the occupation: "Labour election
# campaign coordinator", "BBC sports presenter".
MAX_MODIFIERS = 2


def _org(token: Token, index: EntityIndex, person: MentionSpan) -> MentionSpan | None:
    m = index.at(token)
    return m if m is not None and m.type == "Organization" and m.entity_id != person.entity_id else None


def _leading_org(doc: Doc, person: MentionSpan, index: EntityIndex, occupations: dict[str, str]) -> MentionSpan | None:
    """ "Happy Mondays star Bez": the organisation right before the occupation noun(s)."""
    i = person.token_start - 1
    sent_start = doc[person.token_start].sent.start
    if i < sent_start or doc[i].lower_ not in occupations or index.at(doc[i]) is not None:
        return None
    j = i - 1
    for _ in range(MAX_MODIFIERS):
        if j >= sent_start and index.at(doc[j]) is None and doc[j].is_lower and doc[j].pos_ in {"NOUN", "ADJ"}:
            j -= 1
    if j >= sent_start and doc[j].text in POSSESSIVE_MARKS:
        j -= 1
    if j < sent_start:
        return None
    org = _org(doc[j], index, person)
    return org if org is not None and org.token_end == j + 1 else None


def _cut_name(doc: Doc, org: MentionSpan, index: EntityIndex) -> bool:
    """ "Sunday Telegraph journalist Robert Peston", "So Solid Crew rapper Asher D.": a
    capitalised word right before the organisation's name is part of it, cut off; the stub
    is no employer."""
    k = org.token_start - 1
    sent_start = doc[org.token_start].sent.start
    return k >= sent_start and index.at(doc[k]) is None and doc[k].is_title and (k > sent_start or doc[k].pos_ == "PROPN")


def _org_of_noun(noun: Token, index: EntityIndex, person: MentionSpan) -> MentionSpan | None:
    """The organisation an occupation noun names: "a Monument Securities strategist", "a
    strategist at Monument Securities", "the presenter of BBC One's Film 2005"."""
    near = [c for c in noun.children if c.dep_ in {"compound", "poss", "nmod"}]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in OCCUPATION_PREPS:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    near += [obj, *[c for c in obj.children if c.dep_ in {"poss", "compound"}]]
    for token in near:
        org = _org(token, index, person)
        if org is not None:
            return org
    return None


def occupation_relations(x: ExtractionInput) -> list[ExtractedRelation]:
    """A person, an occupation noun and an organisation in one noun phrase (WORKS_FOR)."""
    doc, index = x.doc, x.index
    occupations = _occupations()
    methods = load_occupation_methods()
    confidences = load_confidence()
    out = []
    seen: set[tuple[str, str, int]] = set()

    def add(person: MentionSpan, org: MentionSpan, noun: str) -> None:
        sent = doc[person.token_start].sent
        key = (person.entity_id, org.entity_id, sent.start)
        named = doc[org.token_start : org.token_end].text
        if org.type != "Group" and load_gazetteer().nationality(named) is not None and load_gazetteer().country(named) is None:
            # "Montenegrin midfielder Dejan Savicevic" with the nationality typed Organization:
            # what he is, not whom he plays for (issue 12 audit round 9).
            return
        if key not in seen and not _cut_name(doc, org, index):
            seen.add(key)
            kind = occupations.get(noun, "WORKS_FOR")
            rule = methods.get(noun, OccupationMethod())
            method = rule.sports_method if x.sports else rule.method
            relation = span_relation(doc, sent, person, org, kind, method, confidences[method], noun)
            if kind == "HOLDS_ROLE":
                relation.title = noun.capitalize()
            out.append(relation)

    for person in index.mentions:
        if person.type != "Person":
            continue
        org = _leading_org(doc, person, index, occupations)
        if org is not None:
            add(person, org, doc[person.token_start - 1].lower_)
        root = doc[person.token_start : person.token_end].root
        nouns = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos" and root.head.i < root.i:
            nouns.append(root.head)  # "Rangers' striker Dado Prso": the name hangs from the noun
        for clause in root.children:
            # "Ross, who is the presenter of BBC One's Film 2005"
            if clause.dep_ == "relcl" and clause.lemma_ == "be" and any(c.lower_ in {"who", "that"} for c in clause.children):
                nouns += [c for c in clause.children if c.dep_ == "attr"]
        for noun in nouns:
            if noun.lower_ in occupations and index.at(noun) is None:
                org = _org_of_noun(noun, index, person)
                if org is None:
                    continue
                holder = _nearest_person_before(doc, index, person, noun)
                if holder is None:
                    continue
                add(holder, org, noun.lower_)
        # "Kirsten Pfeifer from the Consumer Electronics Association"; not a name something
        # moves from ("signed Robin van Persie from Feyenoord", "an offer for Ferguson from
        # Everton": the club he leaves or the bidder), nor in a sports report, where a
        # player "from" a club may be leaving it.
        i = person.token_end
        if i + 1 < len(doc) and doc[i].lower_ == "from" and not x.sports and not _moved(root):
            j = i + 2 if doc[i + 1].lower_ == "the" else i + 1
            org = _org(doc[j], index, person) if j < len(doc) else None
            if org is not None and org.token_start == j and (org.token_end >= len(doc) or doc[org.token_end].text not in POSSESSIVE_MARKS):
                add(person, org, "from")  # not "Jonathan Ross from ITV's London Studios": a place
    return out


def _nearest_person_before(doc: Doc, index: EntityIndex, person: MentionSpan, noun: Token) -> MentionSpan | None:
    """Whose an apposition after a name is: "founded by Natarajan and Gareth Moss, a former
    engineer at JCB": the parser hung the apposition on the first name; a person named
    between it and the noun phrase is the one it describes, when nothing but a comma parts
    them, as ``role_relations``' "apposition" reads it (issue 12, session 15: dev page-320
    Natarajan WORKS_FOR JCB). Another name further off leaves the noun nobody's. A noun
    before the name ("Rangers' striker Dado Prso") has no name between."""
    start = noun.left_edge.i
    if start < person.token_end:
        return person
    between = [m for m in index.mentions if m.type == "Person" and m.entity_id != person.entity_id
               and person.token_end <= m.token_start and m.token_end <= start]
    if not between:
        return person
    nearest = max(between, key=lambda m: m.token_start)
    return nearest if doc[nearest.token_end : start].text.strip() in {"", ","} else None


def _moved(root: Token) -> bool:
    """Whether a name is the object of a verb or a preposition ("signed X", "an offer for
    X"), where a "from" after it tells where the thing came from; "according to X" is a
    source's attribution like "said X"."""
    if root.dep_ in {"dobj", "dative", "nsubjpass", "oprd"}:
        return True
    return root.dep_ == "pobj" and not (root.head.lower_ == "to" and root.head.head.lower_ == "according")


def _based_place(noun: Token, index: EntityIndex) -> MentionSpan | None:
    """ "the Denver-based broadband provider": the place before "-based" modifying the noun."""
    for amod in noun.children:
        if amod.dep_ == "amod" and amod.lower_ == "based" and amod.i > 1 and amod.nbor(-1).text in {"-", "–"}:
            place = index.at(amod.nbor(-2))
            if place is not None and place.type in PLACES and place.token_end == amod.i - 1:
                return place
    return None


def _from_place(noun: Token, index: EntityIndex) -> MentionSpan | None:
    """ "a gospel-style quartet from Ohio": the place after "from" ("in" is not enough: "McCafe,
    now the biggest coffee shop brand in Australia")."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            for obj in prep.children:
                place = index.at(obj) if obj.dep_ == "pobj" else None
                if place is not None and place.type in PLACES:
                    return place
    return None


def apposition_place_relations(x: ExtractionInput) -> list[ExtractedRelation]:
    """A name in apposition with a noun that places it: "Brightline Cable, the Denver-based
    broadband provider" and "the O'Jays, a gospel-style quartet from Ohio" (BASED_IN),
    "Doug Kaye, a California-based podcaster" (LIVES_IN). A compound place ("a Hong Kong
    construction firm") is ``org_apposition``'s."""
    doc, index = x.doc, x.index
    confidence = load_confidence()["apposition_place"]
    out = []
    for m in index.mentions:
        if m.type not in {"Organization", "Person"}:
            continue
        root = doc[m.token_start : m.token_end].root
        for noun in (c for c in root.children if c.dep_ == "appos" and index.at(c) is None):
            # Names joined with the head share a plural apposition ("both from Italy"); a
            # singular one is the nearest name's ("by Natarajan and Gareth Moss, a
            # California-based engineer": Moss's alone; issue 12, session 15).
            joined = {c.i for c in root.conjuncts} if noun.tag_ in {"NNS", "NNPS"} or any(
                c.lower_ in {"both", "all"} for c in noun.subtree) else set()
            between = [b for t in doc[m.token_end : noun.left_edge.i] if (b := index.at(t)) is not None]
            if any(doc[b.token_start : b.token_end].root.i not in joined for b in between):
                # "John Palmer, political director at the European Policy Centre, a
                # Brussels-based think-tank": a name nearer the apposition is the one it
                # describes (issue 12 audit, sample 10b); names joined with the head share it
                # ("Banca Nazionale del Lavoro and Monte dei Paschi di Siena, both from Italy").
                continue
            if m.type == "Person" and _firm_noun(noun.lower_):
                continue  # "Lumora, a Helsinki-based chipmaker" with the firm typed Person: no one's home
            place = _based_place(noun, index)
            if place is None and m.type == "Organization":
                place = _from_place(noun, index)
            if place is None or place.entity_id == m.entity_id:
                continue
            kind = "BASED_IN" if m.type == "Organization" else "LIVES_IN"
            out.append(span_relation(doc, doc[m.token_start].sent, m, place, kind, "apposition_place", confidence,
                                     "based in" if kind == "BASED_IN" else "lives in"))
            break
    return out



@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Nouns that say a name is a person's (``context_cues.json`` ``person_nouns``, the
    occupation nouns); not ``role_nouns_before``, which holds "rival" and "champion" ("German
    rival Siemens" is a firm)."""
    return load_context_cues().person_nouns | frozenset(load_occupations())


def _firm_noun(word: str) -> bool:
    """A noun for a firm or a body (``context_cues.json`` ``org_nouns``), or a compound ending
    in one ("chipmaker", "carmaker")."""
    nouns = load_context_cues().org_nouns
    return word in nouns or any(word.endswith(n) for n in nouns if len(n) >= 4)


def _person_noun(word: str) -> bool:
    """A noun for a person: one of ``_person_nouns`` or an agent noun in "-ist" ("pianist",
    "economist", "scientist")."""
    if word in load_context_cues().org_nouns:
        return False  # "US insurance broker Marsh & McLennan": a firm's noun too
    return word in _person_nouns() or (word.endswith("ist") and len(word) > 5)


NATIONALITY_HEADS = {"Organization": ("BASED_IN", "based in", {"Country", "Group", "Location"}),
                     "Person": ("FROM", "from", {"Country", "Group"})}


def _noun_modifiers(doc: Doc, end: int, limit: int = 3, name: Token | None = None) -> int:
    """Where the lowercase nouns (and adjectives) right before token ``end`` start, if at
    least one noun is among them: "energy firm", "business tycoon", "fashion house". The
    last may be the head the name stands in apposition with ("the Polish state company
    Baltic Grid Operators", parsed company ← appos Operators)."""
    i, noun = end, False
    while i > 0 and end - i < limit:
        tok = doc[i - 1]
        head_noun = i == end and name is not None and name.dep_ == "appos" and name.head.i == tok.i and tok.pos_ == "NOUN"
        if not (tok.is_lower and tok.is_alpha and tok.pos_ in {"NOUN", "ADJ"} and (tok.dep_ in {"compound", "amod", "nmod"} or head_noun)):
            break
        noun = noun or tok.pos_ == "NOUN"
        i -= 1
    return i if noun else end


def nationality_prefix_relations(x: ExtractionInput) -> list[ExtractedRelation]:
    """"British energy firm Burren Energy", "German carmaker Volkswagen" (BASED_IN the
    country), "US business tycoon Malcolm Glazer", "Dutch winger Arjen Robben" (FROM): a
    country, a nationality or (for a firm) a place, lowercase nouns saying what the name is,
    then the name. A title among the nouns ("French President X") is a role, read by
    ``role_relations``; a hyphen before the place ("Anglo-Dutch", "pro-Russian") leaves it
    unread."""
    doc, index = x.doc, x.index
    confidence = load_confidence()["nationality_prefix"]
    role_words = _role_words()
    titles = frozenset(w.rstrip(".") for w in load_titles().words())
    out = []
    for m in index.mentions:
        found = NATIONALITY_HEADS.get(m.type)
        if found is None:
            continue
        kind, predicate, place_types = found
        start = _noun_modifiers(doc, m.token_start, name=doc[m.token_start : m.token_end].root if m.type == "Organization" else None)
        if start == m.token_start or start == 0:
            continue
        nouns = {t.lower_ for t in doc[start : m.token_start]}
        if m.type == "Organization" and _person_noun(doc[m.token_start - 1].lower_):
            continue  # "Cuban pianist Bebo Valdes": a person the model typed Organization (issue 12 audit, sample 9)
        if m.type == "Person" and doc[m.token_start - 1].lower_ in load_context_cues().org_nouns:
            continue  # "US wine maker Robert Mondavi": a firm the model typed Person (issue 12 audit, sample 9b)
        before = doc[start - 1]
        place = index.at(before)
        # "Scotland striker X" is the national team's player (``occupations``), "Dutch
        # striker X" is Dutch; a title ("French President X") is always a role.
        if m.type == "Person" and nouns & (role_words if place is not None else titles):
            continue
        if place is not None:
            if place.token_end != start or place.type not in place_types or place.entity_id == m.entity_id:
                continue
            if place.type == "Location" and not known_place(doc, place):
                continue  # "Suprnova administrator Sloncek": a website the model typed Location is no home (issue 12 audit, sample 10)
            if place.token_start > doc[place.token_start].sent.start and (word := doc[place.token_start - 1]).is_title \
                    and (word.pos_ == "PROPN" or word.i > word.sent.start) and index.at(word) is None:
                # "Little Britain comedy duo Matt Lucas": the country word ends a longer name
                # the model did not tag (a show, a firm), it says nothing of where the person
                # is from (issue 12 audit round 8).
                continue
            tail = x.group_countries.get(place.entity_id) if place.type == "Group" else place.entity_id
            first = place.token_start
        elif m.type == "Person":
            # "Irish actor X", "Chilean ruler X": the gold labels a person's nationality
            # adjective as no relation of its own (dev: 4 of 4 unlabelled).
            continue
        else:
            # A demonym the model did not tag as a name ("British", "German").
            country = load_gazetteer().nationality(before.text) if before.pos_ in {"ADJ", "PROPN"} else None
            tail, first = (f"country:{country.iso3}" if country is not None else None), start - 1
        if tail is None or (first > 0 and doc[first - 1].text in {"-", "–"}):
            continue
        relation = span_relation(doc, doc[m.token_start].sent, m, place or m, kind, "nationality_prefix", confidence, predicate)
        relation.tail = tail
        if place is None:
            relation.tail_start = relation.tail_end = None
        out.append(relation)
    return out
