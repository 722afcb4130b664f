"""Is a relation stated as a fact? Negation, denial, modality, desire, condition, question
and reported claims around the words that carry it.

"Mr Whitlock denied that he threatened Sarah Penrose" does not say he threatened her;
"he would love to succeed Wigley if …" does not say he replaced him; "does not want to
sell X" does not say anything happened. The cue words are data
(``data/statement_cues.json``); this module only walks the parse: the tokens on the
dependency path between the two names, their lowest common ancestor and its ancestors.
Cheap: a few dozen token reads per relation, and only for relations read from a
predicate (verbs, event nouns, the learned classifier).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from newsgraph.extract.relation_base import tree_path

# Methods whose relation hangs on a predicate the cues can qualify, checked after
# extraction; the verb rules check their own match (relations_verbs.py). Titles, appositions,
# place pairs and datelines are noun phrases a negation elsewhere does not reach.
PREDICATE_METHODS = {"event_noun", "verb_noun", "learned"}
NEGATED, HEDGED = "negated", "hedged"
# Words the model's lemmatiser gets wrong where a cue depends on it: "hopes", "hoped",
# "hoping" come out as "hop", so "Chow said she hopes to meet Carney" read as a meeting.
LEMMA_FIXES = {"hopes": "hope", "hoped": "hope", "hoping": "hope"}


@dataclass(frozen=True)
class StatementCues:
    denial: frozenset[str]
    modal_aux: frozenset[str]
    desire: frozenset[str]
    desire_nouns: frozenset[str]
    condition_marks: frozenset[str]
    reported: frozenset[str]
    hearsay_passive: frozenset[str]
    reported_types_exempt: frozenset[str]
    topic_preps: frozenset[str]
    attributive_adverbs: frozenset[str]
    gerund_governors: frozenset[str]


@lru_cache(maxsize=1)
def load_statement_cues() -> StatementCues:
    text = resources.files("newsgraph.extract").joinpath("data", "statement_cues.json").read_text("utf-8")
    data = json.loads(text)
    return StatementCues(**{k: frozenset(v) for k, v in data.items() if not k.startswith("_")})


def _lca_path(a: Token, b: Token) -> tuple[list[Token], Token | None]:
    """The tokens between a and b in the tree (both ends left out) and their lowest common ancestor."""
    up, down, lca = tree_path(a, b)
    return up[1:] + down[1:], lca


def _infinitive_complement(token: Token) -> bool:
    """The verb of a wish's object: "wants to meet" (xcomp) or, as the model also parses it,
    "is still waiting in Moscow to meet Yeltsin" (an advcl with "to"; issue 12 audit 9)."""
    return token.dep_ == "xcomp" or (
        token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children))


def statement_status(doc: Doc, head: tuple[int, int], tail: tuple[int, int], relation_type: str) -> str | None:
    """``negated``, ``hedged`` or None (stated as a fact) for a relation between the mentions
    at these character spans."""
    head_span = doc.char_span(*head, alignment_mode="expand")
    tail_span = doc.char_span(*tail, alignment_mode="expand")
    if head_span is None or tail_span is None or not len(head_span) or not len(tail_span):
        return None
    return token_status(head_span.root, tail_span.root, relation_type)


def token_status(head: Token, tail: Token, relation_type: str) -> str | None:
    """The same, from the two tokens the relation was read from (for a pronoun subject, the
    pronoun: its antecedent may sit in another sentence)."""
    path, lca = _lca_path(head, tail)
    if lca is None:
        return None
    cues = load_statement_cues()
    sent = lca.sent
    if sent.text.rstrip().rstrip("\"'”’").endswith("?"):
        return HEDGED
    # A verb's clause and the clauses it hangs from, up to the sentence root; a noun phrase
    # ("Lincoln's killer, John Wilkes Booth") holds whatever the sentence around it does.
    chain = [*path, lca, *lca.ancestors] if lca.pos_ in {"VERB", "AUX"} else [*path, lca]
    hedged = False
    for n, t in enumerate(chain):
        lemma = LEMMA_FIXES.get(t.lower_, t.lemma_.lower())
        on_path = n <= len(path)
        if lemma in cues.denial:
            return NEGATED
        for c in t.children:
            if c.dep_ == "neg" and (on_path or t.pos_ in {"VERB", "AUX"}):
                return NEGATED
            if c.dep_ == "aux" and c.lower_ in cues.modal_aux:
                hedged = True
            if c.dep_ == "mark" and c.lower_ in cues.condition_marks:
                hedged = True
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in cues.condition_marks for c in t.children):
            hedged = True
        if on_path and t.dep_ == "pcomp" and t.head.lower_ in cues.topic_preps:
            hedged = True  # "had talks about working for Boeing": a topic, not a fact
        if t.pos_ in {"VERB", "AUX"} and lemma in cues.desire and t.i != lca.i:
            hedged = True  # "would love to succeed X": the relation sits below the wish
        if t.pos_ in {"VERB", "AUX"} and lemma in cues.desire and t.i == lca.i and any(_infinitive_complement(p) for p in path):
            hedged = True
        if t.pos_ == "NOUN" and lemma in cues.desire_nouns and not on_path:
            hedged = True
        if lemma in cues.reported and relation_type not in cues.reported_types_exempt:
            hedged = True
        if lemma in cues.hearsay_passive and any(c.dep_ == "auxpass" for c in t.children) \
                and any(c.dep_ == "xcomp" for c in t.children):
            # "X is reported to have held talks with Y": hearsay, not a stated fact. An
            # accusation too: "is said to have blamed Diana" (issue 12 audit 9) is someone
            # else's word that she blamed her; the exemption is for an accusation's own verb.
            hedged = True
    # "X, who denies …", "the alleged meeting": cues hanging off the predicate itself.
    for c in lca.children:
        if c.lower_ in cues.reported and relation_type not in cues.reported_types_exempt:
            hedged = True
    return HEDGED if hedged else None
