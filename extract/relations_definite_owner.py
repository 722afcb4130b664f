"""A role whose owner is a definite description the article names outright elsewhere (issue 12,
recall of HOLDS_ROLE and WORKS_FOR; method ``definite_owner``):

* "The authority's president, Chris Curry, said …" after "… a lease with the Mobile Airport
  Authority";
* "X, the hospital's chief executive" in a report on Aire Valley Hospital;
* "met the council leader, Iain MacAulay", "Committee chairman Chuck Grassley said".

"the <noun>" stands for the one organisation of the article whose name has that noun as its
head ("Mobile Airport Authority", "Senate Judiciary Committee", "Bank of England" for
"bank"). Only nouns of institutions named by their kind (``employment.json``
``owner_nouns``), and only when exactly one organisation of the article has that head (a
party's name as the gazetteer gives it: "the party" with Labour and the Tories both named is
neither). The title words are a role or an officer's title; the generic company nouns ("the
company's chief executive") are ``article_officer``'s (relations_roles.py)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.relation_base import POSSESSIVE_MARKS, EntityIndex, ExtractionInput, MentionSpan, mention_offsets, staff_title, title_text
from newsgraph.extract.relations_employment import load_employment_rules
from newsgraph.extract.rules import (
    load_article_club_titles,
    load_article_officer_titles,
    load_confidence,
    load_gazetteer,
    load_titles,
)
from newsgraph.graph.model import ExtractedRelation

MAX_TITLE_WORDS = 4
# What may follow an apposition's title: its end ("X, the hospital's chief executive, said").
CLOSERS = {",", ".", ";", ":", ")", "--", "—", "–"}


def _head_noun(name: str) -> str:
    """The kind a name says its holder is: the word before "of" ("Bank of England" → bank),
    else the last word ("Senate Judiciary Committee" → committee)."""
    words = name.lower().split()
    if "of" in words[1:]:
        return words[words.index("of", 1) - 1]
    return words[-1] if words else ""


def _owners(doc: Doc, index: EntityIndex, nouns: frozenset[str]) -> dict[str, MentionSpan]:
    """Each owner noun that exactly one organisation of the article has as its head, with
    that organisation's first mention."""
    gazetteer = load_gazetteer()
    found: dict[str, dict[str, MentionSpan]] = {}
    for m in index.mentions:
        if m.type not in {"Organization", "Location"}:
            continue
        text = doc[m.token_start : m.token_end].text
        if text.lower() in nouns:
            continue  # "Committee" alone: the noun itself, tagged as a name, owns nothing
        known = gazetteer.organization(text) if m.type == "Organization" else None
        for name in {text, known[0]} if known else {text}:
            noun = _head_noun(name)
            # A place is an owner only when its name is an institution's ("Aire Valley
            # Hospital" tagged a place); "Kingsford" or "Lamu County" gives no "council".
            if noun in nouns:
                found.setdefault(noun, {}).setdefault(m.entity_id, m)
    return {noun: next(iter(ids.values())) for noun, ids in found.items() if len(ids) == 1}


def role_title(words: list[Token]) -> str | None:
    """The title the words make, if they are lowercase words of a role or an officer's title
    ("president", "chief executive"); the owner rules of other modules read titles with it
    too (relations_whose_owner.py)."""
    if not words or any(not (t.is_alpha or t.text == "-") or not t.is_lower for t in words):
        return None
    text = " ".join(t.lower_ for t in words).replace(" - ", "-")
    roles = load_titles().roles | load_article_officer_titles() | load_article_club_titles()
    if text not in roles and text.split()[-1] not in roles:
        return None
    return title_text(words)


def _owner_before(doc: Doc, index: EntityIndex, k: int, sent_start: int, nouns: frozenset[str]) -> Token | None:
    """The owner noun ending at token ``k`` ("the authority's", "the council", a capitalised
    "Committee" opening the sentence, which the model may tag as a name of one word), if
    there is one."""
    if k >= sent_start and doc[k].text in POSSESSIVE_MARKS:
        k -= 1
    if k < sent_start or doc[k].lower_ not in nouns or doc[k].pos_ not in {"NOUN", "PROPN"}:
        return None
    noun = doc[k]
    if (m := index.at(noun)) is not None and m.token_end - m.token_start > 1:
        return None  # a name of its own ("Senate Committee chairman X": the title rules read it)
    if k > sent_start and doc[k - 1].lower_ == "the":
        return noun if noun.is_lower else None
    # "Committee chairman Chuck Grassley said": the noun opens the sentence, capitalised as
    # any first word is.
    if all(doc[j].is_punct for j in range(sent_start, k)) and noun.is_title:
        return noun
    return None


def _title_before(doc: Doc, person: MentionSpan, index: EntityIndex, nouns: frozenset[str]) -> tuple[Token, str] | None:
    """"the authority's president, Chris Curry", "Council leader Cllr Paul Hensley": the owner
    noun and the title right before the name (an honorific between them, one comma after the
    title when the name is set off by commas)."""
    sent = doc[person.token_start].sent
    honorifics = load_titles().honorifics
    i = person.token_start - 1
    while i >= sent.start and doc[i].lower_.rstrip(".") in honorifics and index.at(doc[i]) is None:
        i -= 1
    if i >= sent.start and doc[i].text == ",":
        after = doc[person.token_end] if person.token_end < len(doc) else None
        if after is not None and after.sent.start == sent.start and after.text not in CLOSERS:
            return None  # "the council leader, Iain MacAulay and …": a list, not an apposition
        i -= 1
    end = i
    while i >= sent.start and end - i < MAX_TITLE_WORDS and index.at(doc[i]) is None \
            and (doc[i].is_lower and doc[i].is_alpha or doc[i].text == "-") and doc[i].lower_ != "the":
        i -= 1
    words = list(doc[i + 1 : end + 1])
    if len(words) > 1 and words[0].lower_ in nouns:
        # "met the council leader, Iain MacAulay": the owner noun is the first lowercase word.
        i, words = words[0].i, words[1:]
    elif not words:
        return None
    title = role_title(words)
    noun = _owner_before(doc, index, i, sent.start, nouns) if title else None
    return (noun, title) if noun is not None and title is not None else None


def _title_after(doc: Doc, person: MentionSpan, nouns: frozenset[str]) -> tuple[Token, str] | None:
    """"Dr Helen Marsh, the hospital's chief executive, …": the name, a comma, "the", the
    owner noun, "'s", the title, then the apposition's end."""
    i = person.token_end
    sent = doc[person.token_start].sent
    if i + 3 >= sent.end or doc[i].text != "," or doc[i + 1].lower_ != "the":
        return None
    noun = doc[i + 2]
    if noun.lower_ not in nouns or not noun.is_lower or doc[i + 3].text not in POSSESSIVE_MARKS:
        return None
    k = i + 4
    while k < sent.end and k - (i + 4) < MAX_TITLE_WORDS and (doc[k].is_lower and doc[k].is_alpha or doc[k].text == "-"):
        k += 1
    if k < sent.end and doc[k].text not in CLOSERS:
        return None  # "the committee's top Democrat", "the council's plan to …"
    title = role_title(list(doc[i + 4 : k]))
    return (noun, title) if title is not None else None


def definite_owner_relations(x: ExtractionInput) -> list[ExtractedRelation]:
    doc, index = x.doc, x.index
    nouns = load_employment_rules().owner_nouns
    owners = _owners(doc, index, nouns)
    if not owners:
        return []
    confidence = load_confidence()["definite_owner"]
    out: list[ExtractedRelation] = []
    seen: set[tuple[str, str, int]] = set()
    for person in index.mentions:
        if person.type != "Person":
            continue
        found = _title_before(doc, person, index, nouns) or _title_after(doc, person, nouns)
        if found is None:
            continue
        noun, title = found
        org = owners.get(noun.lower_)
        if org is None or org.entity_id == person.entity_id:
            continue
        sent = doc[person.token_start].sent
        key = (person.entity_id, org.entity_id, sent.start)
        if key in seen:
            continue
        seen.add(key)
        staff = org.type == "Organization" and staff_title(title)
        relation = ExtractedRelation(
            head=person.entity_id, tail=org.entity_id, type="WORKS_FOR" if staff else "HOLDS_ROLE",
            method="definite_owner", confidence=confidence, sentence=sent.text, start=sent.start_char,
            end=sent.end_char, predicate="works for" if staff else title.lower(), title=None if staff else title,
            **mention_offsets(doc, person, org),
        )
        if not sent.start <= org.token_start < sent.end:
            relation.tail_start = relation.tail_end = None  # named elsewhere in the article
        out.append(relation)
    return out
