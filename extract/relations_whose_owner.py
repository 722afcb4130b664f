"""A role whose owner is the name a relative "whose" hangs on (issue 12, recall of HOLDS_ROLE
and WORKS_FOR; method ``whose_title``):

* "Hoffman was backed by the Northwest Ohio Building Trades Council, whose president, Tom
  Sandoval, campaigned with him";
* "the developer, Kirkgate Homes, whose chief executive, Sanjay Mistry, said …";
* "Microsoft, whose chairman Bill Gates said …".

"whose" right after an organisation's (or a country's) name and its comma stands for that
name; the words after it are a role or an officer's title (``relations_definite_owner.role_title``),
then the person's name, set off by commas or directly before the clause's verb. The parse is
not read: spaCy hangs the title on the relative clause's verb, on the name as an apposition or
on neither, so the words in order decide. Not when the name ends an "of" phrase ("the
chairman of Acme, whose wife …": "whose" may be the chairman's), nor a place (a company the
model typed Location would make the edge's tail wrong)."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.relation_base import ExtractionInput, EntityIndex, MentionSpan, mention_offsets, staff_title
from newsgraph.extract.relations_definite_owner import CLOSERS, MAX_TITLE_WORDS, role_title
from newsgraph.extract.rules import load_confidence
from newsgraph.graph.model import ExtractedRelation

OWNER_TYPES = {"Organization", "Country"}


def _owner(doc: Doc, index: EntityIndex, whose: int) -> MentionSpan | None:
    """The organisation or country named right before ", whose" (token ``whose``)."""
    sent_start = doc[whose].sent.start
    if whose - 2 < sent_start or doc[whose - 1].text != ",":
        return None
    owner = index.at(doc[whose - 2])
    if owner is None or owner.type not in OWNER_TYPES or owner.token_end != whose - 1:
        return None
    if owner.token_start > sent_start and doc[owner.token_start - 1].lower_ == "of":
        return None  # "the chairman of Acme, whose …": the chairman's or Acme's, the words do not say
    return owner


def _holder(doc: Doc, index: EntityIndex, whose: int) -> tuple[MentionSpan, str] | None:
    """The person and the title after "whose": "whose president, Tom Sandoval, …" or "whose
    chairman Bill Gates said"."""
    sent = doc[whose].sent
    k = whose + 1
    while k < sent.end and k - whose <= MAX_TITLE_WORDS and index.at(doc[k]) is None \
            and (doc[k].is_lower and doc[k].is_alpha or doc[k].text == "-"):
        k += 1
    title = role_title(list(doc[whose + 1 : k]))
    if title is None or k >= sent.end:
        return None
    comma = doc[k].text == ","
    person = index.at(doc[k + 1] if comma and k + 1 < sent.end else doc[k])
    if person is None or person.type != "Person" or person.token_start != k + comma:
        return None
    after = doc[person.token_end] if person.token_end < sent.end else None
    if comma and after is not None and after.text not in CLOSERS:
        return None  # "whose president, Tom Sandoval and …": a list, not an apposition
    return person, title


def whose_title_relations(x: ExtractionInput) -> list[ExtractedRelation]:
    doc, index = x.doc, x.index
    out: list[ExtractedRelation] = []
    confidence = load_confidence()["whose_title"]
    for token in doc:
        if token.lower_ != "whose" or (owner := _owner(doc, index, token.i)) is None \
                or (found := _holder(doc, index, token.i)) is None:
            continue
        person, title = found
        if person.entity_id == owner.entity_id:
            continue
        sent = token.sent
        staff = owner.type == "Organization" and staff_title(title)
        out.append(ExtractedRelation(
            head=person.entity_id, tail=owner.entity_id, type="WORKS_FOR" if staff else "HOLDS_ROLE",
            method="whose_title", confidence=confidence, sentence=sent.text, start=sent.start_char,
            end=sent.end_char, predicate="works for" if staff else title.lower(), title=None if staff else title,
            **mention_offsets(doc, person, owner),
        ))
    return out
