"""Relations a noun carries (``data/event_nouns.jsonl``): "Sirhan was sentenced for
Kennedy's murder", "Lincoln's killer, John Wilkes Booth", "King assassin James Earl Ray"."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.relation_base import SUBJECTS, EntityIndex, MentionSpan, _expand, span_relation
from newsgraph.extract.rules import load_confidence, load_event_noun_rules
from newsgraph.graph.model import ExtractedRelation


def _victims(noun: Token, index: EntityIndex) -> list[MentionSpan]:
    """Who the noun is about: "of X", "X's", or a name compounded before it ("King assassin")."""
    found = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            found += [index.at(t) for t in child.children if t.dep_ == "pobj"]
        elif child.dep_ in {"poss", "compound"}:
            found.append(index.at(child))
    return [m for m in found if m is not None]


def _clause_subject(token: Token) -> Token | None:
    """The subject of the clause a noun sits in: through a preposition ("sentenced for X's
    murder", "charged in the slaying of X") or as the object ("confessed the murder of X")."""
    node = token
    for _ in range(4):
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            subject = next((c for c in node.children if c.dep_ in SUBJECTS), None)
            if subject is not None and subject.lower_ in {"who", "that"} and node.dep_ == "relcl":
                return node.head  # "Ray, who is serving a sentence for the murder of King"
            return subject
        if node.dep_ not in {"prep", "pobj", "dobj"} and node.pos_ != "ADP":
            return None
    return None


def event_noun_relations(doc: Doc, index: EntityIndex) -> list[ExtractedRelation]:
    """Relations a noun carries (``data/event_nouns.jsonl``): "Sirhan was sentenced for
    Kennedy's murder", "Lincoln's killer, John Wilkes Booth", "King assassin James Earl Ray"."""
    confidence = load_confidence()["event_noun"]
    rules = load_event_noun_rules()
    out = []
    for token in doc:
        if token.pos_ != "NOUN":
            continue
        for rule in rules:
            if token.lemma_.lower() not in rule.nouns:
                continue
            victims = [v for v in _victims(token, index) if v.type in rule.tail_types]
            doers: list[MentionSpan] = []
            if rule.role == "event":
                subject = _clause_subject(token)
                doers = [m for t in _expand(subject) if (m := index.at(t)) is not None] if subject is not None else []
            else:
                near = [token.head] if token.dep_ in {"appos", "compound", "attr"} else []
                near += [c for c in token.children if c.dep_ == "appos"]
                if token.dep_ == "attr":
                    near += [c for c in token.head.children if c.dep_ in SUBJECTS]
                doers = [m for t in near if (m := index.at(t)) is not None]
            for doer in doers:
                for victim in victims:
                    if doer.type not in rule.head_types or doer.entity_id == victim.entity_id:
                        continue
                    sent = token.sent
                    out.append(
                        span_relation(doc, sent, doer, victim, rule.relation, "event_noun", confidence, token.lemma_.lower())
                    )
    return out
