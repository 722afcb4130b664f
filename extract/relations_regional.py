"""A region's office named before a person with no place beside it (issue 12, role recall;
method ``regional_title``): "Gov. Josh Shapiro toured the factory", "Chief Minister
Siddaramaiah met the board", "Premier David Eby announced …", "the state's attorney general,
…" in a report set in one state or province.

The title rules (``relations_roles.py``) read "Texas Gov. X" and "Governor X of Lagos"; the
government rules read national offices only. A reader takes a bare regional office's region
from the article: this extractor does so only when the article names exactly one first-level
region (ISO 3166-2 subdivision without a parent, or an alias of ``data/regional_titles.json``)
of the countries that have the office, typed Location, and no mention of the person has a
name or organisation right before its title ("Bank of Japan Governor X" is the bank's)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from newsgraph.extract.relation_base import POSSESSIVE_MARKS, ExtractionInput, MentionSpan, mention_offsets
from newsgraph.extract.rules import load_confidence, load_titles, load_us_state_abbreviations
from newsgraph.extract.governments import load_government_rules
from newsgraph.graph.model import ExtractedRelation, normalise_name


@dataclass(frozen=True)
class RegionalOffice:
    words: tuple[str, ...]  # lowercase, as tokenised ("minister", "-", "president")
    countries: frozenset[str]  # ISO 3166-1 alpha-3 codes of the countries whose regions have it
    unless_org_words: frozenset[str] = frozenset()  # other bodies with the office ("bank": a central bank's governor)
    needs_owner: bool = False  # regional only after "the state's" ("Attorney General X" alone is national)


@dataclass(frozen=True)
class RegionalRules:
    offices: tuple[RegionalOffice, ...]  # longest first
    owner_words: frozenset[str]
    spelled: dict[str, str]  # an abbreviation → the word it stands for in a title ("gov." → "Governor")
    regions: dict[str, frozenset[str]]  # normalised name → ISO 3166-2 codes of first-level regions


@lru_cache(maxsize=1)
def load_regional_rules() -> RegionalRules:
    import pycountry

    from newsgraph.errors import RuleFileError

    data = json.loads(resources.files("newsgraph.extract").joinpath("data", "regional_titles.json").read_text("utf-8"))
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    known = set(alpha3.values())
    offices = []
    for n, row in enumerate(data["titles"], 1):
        bad = [c for c in row["countries"] if c not in known]
        if bad or not row["words"]:
            raise RuleFileError(detail=f"regional_titles.json: title {n}: unknown country code {bad!r} or no words")
        offices.append(RegionalOffice(tuple(w.lower() for w in row["words"]), frozenset(row["countries"]),
                                      frozenset(row.get("unless_org_words", ())), bool(row.get("needs_owner", False))))
    not_regions = {normalise_name(n) for n in data["not_regions"]}
    regions: dict[str, set[str]] = {}
    for s in pycountry.subdivisions:
        if s.parent_code is None and normalise_name(s.name) not in not_regions:
            regions.setdefault(normalise_name(s.name), set()).add(s.code)
    for name, code in data["aliases"].items():
        if pycountry.subdivisions.get(code=code) is None:
            raise RuleFileError(detail=f"regional_titles.json: alias {name!r}: unknown ISO 3166-2 code {code!r}")
        regions.setdefault(normalise_name(name), set()).add(code)
    states = {normalise_name(s.name): s.code for s in pycountry.subdivisions.get(country_code="US") or []}
    for short, state in load_us_state_abbreviations().items():
        if state is not None and normalise_name(state) in states:
            regions.setdefault(normalise_name(short), set()).add(states[normalise_name(state)])  # "Pa.", "Calif."
    return RegionalRules(
        offices=tuple(sorted(offices, key=lambda o: len(o.words), reverse=True)),
        owner_words=frozenset(data["owner_words"]),
        spelled=dict(data["spelled"]),
        regions={k: frozenset(v) for k, v in regions.items()},
    )


def _region_country(code: str) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_2=code.split("-")[0])
    return country.alpha_3 if country is not None else ""


TIED = "tied"  # a regional office with a name or organisation before it: whose, the title rules read


def bare_office(doc: Doc, person: MentionSpan, x: ExtractionInput) -> tuple[RegionalOffice, list[Token]] | str | None:
    """The regional office right before the name (an honorific between them allowed), when
    nothing before it names whose it is: the sentence's start, punctuation, a lowercase word,
    "former"/"then"…, or "the state's". ``TIED`` when a name or another owner comes before it."""
    sent = doc[person.token_start].sent
    honorifics = load_titles().honorifics
    end = person.token_start
    while end > sent.start and doc[end - 1].lower_.rstrip(".") in honorifics and x.index.at(doc[end - 1]) is None:
        end -= 1
    set_off = end > sent.start and doc[end - 1].text == ","  # "the state's attorney general, X"
    end -= set_off
    rules = load_regional_rules()
    for office in rules.offices:
        start = end - len(office.words)
        if start < sent.start or tuple(t.lower_ for t in doc[start:end]) != office.words:
            continue
        if any(x.index.at(t) is not None for t in doc[start:end]):
            return TIED  # a word of the title tagged as (part of) a name
        before = start - 1
        while before >= sent.start and doc[before].lower_ in load_government_rules().skip:
            before -= 1
        tok = doc[before] if before >= sent.start else None
        if tok is not None and tok.text in POSSESSIVE_MARKS:
            owner = doc[before - 1] if before - 1 >= sent.start else None
            if owner is not None and owner.lower_ in rules.owner_words and owner.is_lower:
                return office, list(doc[start:end])  # "the state's governor, X"
            return TIED
        after = doc[person.token_end] if person.token_end < sent.end else None
        inside = doc[person.token_end + 1] if person.token_end + 1 < sent.end else None
        if after is not None and (after.lower_ == "of" or after.text == "(" and inside is not None and not inside.is_lower):
            # "Gov. Pete Wilson of California", "Gov. X (R-Calif.)": the text says whose. A
            # caption's "(left)" does not.
            return TIED
        if office.needs_owner or set_off:
            return None  # "Attorney General X" alone is a national office; ", X" after a bare title is a list
        if tok is None:
            return office, list(doc[start:end])
        if x.index.at(tok) is not None or (tok.is_title and tok.pos_ == "PROPN") or tok.is_upper and tok.is_alpha:
            return TIED  # "Texas Gov. X", "Ogun State Governor X", "BOJ Governor X": named before the title
        return office, list(doc[start:end])
    return None


REGION_LEAD = 2  # of several regions, the article's is named this often, and this many times as often as any other


def _article_region(places: dict[str, list[MentionSpan]]) -> str | None:
    """The region the article is set in: the only one it names, or the one it names at least
    ``REGION_LEAD`` times and ``REGION_LEAD`` times as often as any other ("Gov. Josh Shapiro"
    in a report naming Pennsylvania twice and New York once)."""
    ranked = sorted(places.items(), key=lambda kv: len(kv[1]), reverse=True)
    if not ranked:
        return None
    if len(ranked) == 1:
        return ranked[0][0]
    best, second = len(ranked[0][1]), len(ranked[1][1])
    return ranked[0][0] if best >= REGION_LEAD and best >= REGION_LEAD * second else None


def _title(words: list[Token], spelled: dict[str, str]) -> str:
    """The office's title, abbreviations written out and each word capitalised ("Lt. Gov."
    → "Lieutenant Governor", "Minister-President")."""
    parts = [spelled.get(t.lower_, t.text) for t in words if t.text != "."]
    text = " ".join(parts).replace(" - ", "-")
    return "-".join(" ".join(w[:1].upper() + w[1:] for w in piece.split(" ")) for piece in text.split("-"))


def regional_title_relations(x: ExtractionInput) -> list[ExtractedRelation]:
    doc, index = x.doc, x.index
    if x.sports:
        return []
    rules = load_regional_rules()
    places: dict[str, list[MentionSpan]] = {}  # ISO 3166-2 code → the article's mentions of it
    for m in index.mentions:
        if m.type != "Location":
            continue
        for code in rules.regions.get(normalise_name(doc[m.token_start : m.token_end].text), ()):
            places.setdefault(code, []).append(m)
    if not places:
        return []
    org_words = {w for m in index.mentions if m.type == "Organization" for w in doc[m.token_start : m.token_end].text.lower().split()}
    offices: dict[str, list[tuple[MentionSpan, RegionalOffice, list[Token]]]] = {}
    tied: set[str] = set()  # people one of whose titles has a name before it
    for person in index.mentions:
        if person.type != "Person":
            continue
        office_found = bare_office(doc, person, x)
        if office_found == TIED:
            tied.add(person.entity_id)
        elif isinstance(office_found, tuple):
            offices.setdefault(person.entity_id, []).append((person, *office_found))
    confidence = load_confidence()["regional_title"]
    out: list[ExtractedRelation] = []
    for person_id, held in offices.items():
        if person_id in tied:
            continue
        person, office, words = held[0]
        if office.unless_org_words & org_words:
            continue  # "Governor X" beside the Bank of Japan: the bank's, as like as the region's
        chosen = _article_region({code: named for code, named in places.items() if _region_country(code) in office.countries})
        if chosen is None:
            continue  # no region of such an office named, or several none leads: whose, the article does not fix
        region = places[chosen]
        sent = doc[person.token_start].sent
        here = next((m for m in region if sent.start <= m.token_start < sent.end), None)
        title = _title(words, rules.spelled)
        relation = ExtractedRelation(
            head=person_id, tail=region[0].entity_id, type="HOLDS_ROLE", method="regional_title",
            confidence=confidence, sentence=sent.text, start=sent.start_char, end=sent.end_char,
            predicate=title.lower(), title=title, **mention_offsets(doc, person, here if here is not None else person),
        )
        if here is None:
            relation.tail_start = relation.tail_end = None  # named elsewhere in the article
        out.append(relation)
    return out
