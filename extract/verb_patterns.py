"""The find step of the verb extractor (``relations_verbs.py``): the verb rules of
``data/relations.jsonl`` compiled into spaCy ``DependencyMatcher`` patterns (active, passive,
relative clause, xcomp and conjoined verbs) and the matches ``TreeRuleMatcher`` (``matcher.py``,
spaCy's matches, found faster) finds in the sentences that can hold a relation."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.matcher import TreeRuleMatcher
from newsgraph.extract.relation_base import SUBJECTS, EntityIndex
from newsgraph.extract.rules import RelationRule, load_article_owner_nouns, load_relation_rules, load_titles

PRONOUNS = {"he", "she"}
# A passive's "by" phrase: its object is the doer, the head ("criticised by the UN", "led by
# Chrissie Hynde", "signed by Kenya Power and ..."). Three voices read it.
BY_AGENT: list[dict[str, Any]] = [
    {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "agent", "RIGHT_ATTRS": {"DEP": "agent"}},
    {"LEFT_ID": "agent", "REL_OP": ">", "RIGHT_ID": "head", "RIGHT_ATTRS": {"DEP": "pobj"}},
]


def _verb_attrs(rule: RelationRule) -> dict[str, Any]:
    if rule.verbs == ("*",):
        return {"POS": "VERB"}
    return {"LEMMA": {"IN": list(rule.verbs)}}


def _object_attrs(rule: RelationRule) -> dict[str, Any]:
    """The object an "object-prep" tail hangs from: one of the rule's nouns, or ("*") any
    noun ("visited the plant in Wisbech": where the thing visited stands is visited too)."""
    if rule.objects == ("*",):
        return {"DEP": "dobj", "POS": {"IN": ["NOUN", "PROPN"]}}
    return {"DEP": "dobj", "LEMMA": {"IN": list(rule.objects)}}


def compile_rule(rule: RelationRule) -> list[tuple[str, list[dict[str, Any]]]]:
    """Patterns for one rule, each named by the voice it reads: the head is always the
    token whose entity does the verb's action."""
    verb_attrs = _verb_attrs(rule)
    verb: dict[str, Any] = {"RIGHT_ID": "verb", "RIGHT_ATTRS": verb_attrs}
    subject_ways: dict[str, list[dict[str, Any]]] = {
        "active": [{"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "head", "RIGHT_ATTRS": {"DEP": "nsubj"}}],
        "relcl": [{"LEFT_ID": "verb", "REL_OP": "<", "RIGHT_ID": "head", "RIGHT_ATTRS": {}}],
        "xcomp": [
            {"LEFT_ID": "verb", "REL_OP": "<", "RIGHT_ID": "governor", "RIGHT_ATTRS": {}},
            {"LEFT_ID": "governor", "REL_OP": ">", "RIGHT_ID": "head", "RIGHT_ATTRS": {"DEP": {"IN": SUBJECTS}}},
        ],
        # "Oswald was arrested after shooting Kennedy", "Ray is serving 99 years for
        # assassinating King": the gerund's doer is the subject of the verb it hangs from.
        "pcomp": [
            {"LEFT_ID": "verb", "REL_OP": "<", "RIGHT_ID": "pcomp_prep", "RIGHT_ATTRS": {"DEP": "prep"}},
            {"LEFT_ID": "pcomp_prep", "REL_OP": "<", "RIGHT_ID": "governor", "RIGHT_ATTRS": {"POS": {"IN": ["VERB", "AUX"]}}},
            {"LEFT_ID": "governor", "REL_OP": ">", "RIGHT_ID": "head", "RIGHT_ATTRS": {"DEP": {"IN": SUBJECTS}}},
        ],
        # "Abiy flew to Kampala to meet Museveni": an infinitive of purpose; its doer is the
        # subject of the verb it hangs from (the build step asks for its "to" and refuses a
        # governor with an object: "hired Smith to replace Jones" is Smith's act).
        "purpose": [
            {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "to", "RIGHT_ATTRS": {"DEP": "aux", "LOWER": "to"}},
            {"LEFT_ID": "verb", "REL_OP": "<", "RIGHT_ID": "governor", "RIGHT_ATTRS": {"POS": "VERB"}},
            {"LEFT_ID": "governor", "REL_OP": ">", "RIGHT_ID": "head", "RIGHT_ATTRS": {"DEP": "nsubj"}},
        ],
        # '"…," said Pryce, criticising the Home Office', "Abiy left Addis Ababa on Monday,
        # flying to Kampala": an adverbial participle; its doer is the subject of the
        # clause it hangs from (the build step refuses one with a subject of its own).
        "advcl": [
            {"LEFT_ID": "verb", "REL_OP": "<", "RIGHT_ID": "governor", "RIGHT_ATTRS": {"POS": {"IN": ["VERB", "AUX"]}}},
            {"LEFT_ID": "governor", "REL_OP": ">", "RIGHT_ID": "head", "RIGHT_ATTRS": {"DEP": "nsubj"}},
        ],
        # "named Dan Kessler as pitching coach, replacing Mark Doyle": after a verb that puts
        # its object in a post the participle is the object's act (the build step keeps only
        # those governors).
        "advcl-object": [
            {"LEFT_ID": "verb", "REL_OP": "<", "RIGHT_ID": "governor", "RIGHT_ATTRS": {"POS": "VERB"}},
            {"LEFT_ID": "governor", "REL_OP": ">", "RIGHT_ID": "head", "RIGHT_ATTRS": {"DEP": "dobj"}},
        ],
    }
    tails = []
    if rule.dobj:
        tails.append(("dobj", [{"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "tail", "RIGHT_ATTRS": {"DEP": {"IN": ["dobj", "dative"]}}}]))
    if rule.preps:
        tails.append(
            (
                "prep",
                [
                    {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "prep", "RIGHT_ATTRS": {"DEP": "prep", "LOWER": {"IN": list(rule.preps)}}},
                    {"LEFT_ID": "prep", "REL_OP": ">", "RIGHT_ID": "tail", "RIGHT_ATTRS": {"DEP": "pobj"}},
                ],
            )
        )
    if rule.object_preps:
        tails.append(
            (
                "oprep",
                [
                    {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "object", "RIGHT_ATTRS": _object_attrs(rule)},
                    {"LEFT_ID": "object", "REL_OP": ">", "RIGHT_ID": "prep",
                     "RIGHT_ATTRS": {"DEP": "prep", "LOWER": {"IN": list(rule.object_preps)}}},
                    {"LEFT_ID": "prep", "REL_OP": ">", "RIGHT_ID": "tail", "RIGHT_ATTRS": {"DEP": "pobj"}},
                ],
            )
        )
        if rule.objects != ("*",):
            # The parser often hangs the preposition on the verb instead ("paid tribute to
            # Okoro": "to" a dative of "paid"); with the rule's noun as the object it is the same act.
            tails.append(
                (
                    "oprep-verb",
                    [
                        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "object", "RIGHT_ATTRS": _object_attrs(rule)},
                        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "prep",
                         "RIGHT_ATTRS": {"DEP": {"IN": ["prep", "dative"]}, "LOWER": {"IN": list(rule.object_preps)}}},
                        {"LEFT_ID": "prep", "REL_OP": ">", "RIGHT_ID": "tail", "RIGHT_ATTRS": {"DEP": "pobj"}},
                    ],
                )
            )
    # Words the verb must govern in every voice: a particle ("took over from") or a
    # preposition ("unveiled X as manager").
    required: list[dict[str, Any]] = []
    if rule.particle:
        required.append({"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "particle",
                         "RIGHT_ATTRS": {"DEP": "prt", "LOWER": rule.particle.lower()}})
    if rule.needs_prep:
        required.append({"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "needed_prep",
                         "RIGHT_ATTRS": {"DEP": "prep", "LOWER": rule.needs_prep.lower()}})
    tails = [(name, [*required, *tail]) for name, tail in tails]
    patterns = []
    if rule.conjoined:
        patterns.append(
            (
                "conj:subjects",
                [
                    verb,
                    {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "head", "RIGHT_ATTRS": {"DEP": "nsubj"}},
                    {"LEFT_ID": "head", "REL_OP": ">", "RIGHT_ID": "tail", "RIGHT_ATTRS": {"DEP": "conj"}},
                ],
            )
        )
        # The same pair as the passive's agents: "the deal, signed by Kenya Power and
        # Ethiopian Electric Power", "an accord was sealed by Kenya and Ethiopia".
        patterns.append(
            (
                "conj:agents",
                [
                    verb,
                    *BY_AGENT,
                    {"LEFT_ID": "head", "REL_OP": ">", "RIGHT_ID": "tail", "RIGHT_ATTRS": {"DEP": "conj"}},
                ],
            )
        )
    if rule.governors:
        # Only as the complement of a governing verb ("agreed to buy X"), its subject the head.
        subject_ways = {"xcomp": [
            {"LEFT_ID": "verb", "REL_OP": "<", "RIGHT_ID": "governor", "RIGHT_ATTRS": {"LEMMA": {"IN": list(rule.governors)}}},
            {"LEFT_ID": "governor", "REL_OP": ">", "RIGHT_ID": "head", "RIGHT_ATTRS": {"DEP": {"IN": SUBJECTS}}},
        ]}
    for tail_name, tail in tails:
        for way, subject in subject_ways.items():
            verb_node = dict(verb)
            if way == "relcl":
                verb_node = {"RIGHT_ID": "verb", "RIGHT_ATTRS": {**verb_attrs, "DEP": "relcl"}}
            elif way == "xcomp":
                verb_node = {"RIGHT_ID": "verb", "RIGHT_ATTRS": {**verb_attrs, "DEP": {"IN": ["xcomp", "conj"]}}}
            elif way == "pcomp":
                verb_node = {"RIGHT_ID": "verb", "RIGHT_ATTRS": {**verb_attrs, "DEP": "pcomp", "TAG": "VBG"}}
            elif way in {"advcl", "advcl-object"}:
                verb_node = {"RIGHT_ID": "verb", "RIGHT_ATTRS": {**verb_attrs, "DEP": "advcl", "TAG": "VBG"}}
            elif way == "purpose":
                verb_node = {"RIGHT_ID": "verb", "RIGHT_ATTRS": {**verb_attrs, "DEP": "advcl", "TAG": "VB"}}
            patterns.append((f"{tail_name}:{way}", [verb_node, *subject, *tail]))
        if tail_name == "dobj" and rule.verbs != ("*",) and not rule.governors:
            # "Solberg, 51, replaces Péter Horváth": after a name and an age between commas
            # the small model makes the object a second subject. The build step takes it as
            # the object only when one subject precedes the verb, it follows, and the verb
            # has no object of its own.
            patterns.append(
                (
                    "dobj:second-subject",
                    [verb, *required,
                     {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "head", "RIGHT_ATTRS": {"DEP": "nsubj"}},
                     {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "tail", "RIGHT_ATTRS": {"DEP": "nsubj"}}],
                )
            )
        if tail_name == "prep" and not rule.governors:
            # "X was deported to El Salvador", "X was born in Y": the passive subject is the head.
            patterns.append(
                (
                    "prep:passive-subject",
                    [verb, {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "head", "RIGHT_ATTRS": {"DEP": "nsubjpass"}}, *tail],
                )
            )
            # The same passive as a participle: "Louis Parker, born in Budapest," (hanging
            # from the name) and "Born in Leeds, Pinter was …" (the clause's subject).
            patterns.append(
                (
                    "prep:passive-participle",
                    [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {**verb_attrs, "DEP": "acl", "TAG": "VBN"}},
                     {"LEFT_ID": "verb", "REL_OP": "<", "RIGHT_ID": "head", "RIGHT_ATTRS": {}}, *tail],
                )
            )
            patterns.append(
                (
                    "prep:passive-clause",
                    [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {**verb_attrs, "DEP": "advcl", "TAG": "VBN"}},
                     {"LEFT_ID": "verb", "REL_OP": "<", "RIGHT_ID": "governor", "RIGHT_ATTRS": {}},
                     {"LEFT_ID": "governor", "REL_OP": ">", "RIGHT_ID": "head", "RIGHT_ATTRS": {"DEP": {"IN": SUBJECTS}}},
                     *tail],
                )
            )
    if rule.dobj and not rule.governors:
        # "Microsoft, founded by Bill Gates", "the Pretenders, led by Chrissie Hynde": a
        # participle hanging from a name; its agent is the head, the name the tail.
        patterns.append(
            (
                "participle",
                [
                    {"RIGHT_ID": "verb", "RIGHT_ATTRS": {**verb_attrs, "DEP": "acl", "TAG": "VBN"}},
                    {"LEFT_ID": "verb", "REL_OP": "<", "RIGHT_ID": "tail", "RIGHT_ATTRS": {}},
                    *BY_AGENT,
                    *required,
                ],
            )
        )
        # "Bukele was criticised by the UN": the agent is the head, the passive subject the tail.
        patterns.append(
            (
                "passive",
                [
                    verb,
                    {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "tail", "RIGHT_ATTRS": {"DEP": "nsubjpass"}},
                    *BY_AGENT,
                    *required,
                ],
            )
        )
    return patterns


@dataclass
class CompiledRules:
    matcher: "TreeRuleMatcher"
    keys: dict[int, tuple[RelationRule, str, list[str]]]  # match id → rule, voice, node names


@lru_cache(maxsize=4)
def compiled_rules(nlp: Language) -> CompiledRules:
    matcher = TreeRuleMatcher(nlp.vocab)
    keys = {}
    for rule in load_relation_rules():
        for voice, pattern in compile_rule(rule):
            match_id = matcher.add(f"{rule.line}:{rule.relation}:{voice}", pattern)
            keys[match_id] = (rule, voice, [node["RIGHT_ID"] for node in pattern])
    return CompiledRules(matcher, keys)


def _reference_after_the(doc: Doc, i: int, end: int, org_heads: frozenset[str] = frozenset()) -> bool:
    """ "the governor", "the Prime Minister" (a title that may stand for a person named before:
    relations_verbs.title_holders), "the company", "the firm" (a noun that may stand for the
    article's organisation: relations_verbs.article_reference), "the council" after
    "Cumberland Council" (``org_heads``: the last words of the article's organisations' names,
    relations_verbs._title_reference): "the" and such a word, both before ``end``."""
    if doc[i].lower_ != "the" or i + 1 >= end:
        return False
    word = doc[i + 1].lower_
    return word.rstrip(".") in load_titles().words() or word in load_article_owner_nouns() or word in org_heads


def _candidate_matches(compiled: CompiledRules, doc: Doc, index: EntityIndex, sentences: list[int]) -> list[tuple[int, list[int]]]:
    """The matcher's matches, read only in sentences that can hold a relation: two
    mentions, or one and a "he"/"she". A match never leaves its sentence (a parse tree
    is a sentence). Same matches, in the same order, as ``compiled.matcher(doc)``
    keeps for them."""
    per_sentence: dict[int, int] = {}
    for m in index.mentions:
        per_sentence[m.sentence] = per_sentence.get(m.sentence, 0) + 1
    if not per_sentence:
        return []
    bounds: dict[int, list[int]] = {}  # sentence number → [first token, end token]
    for i, number in enumerate(sentences):
        if number in per_sentence:
            bounds.setdefault(number, [i, i])[1] = i + 1
    # The head nouns relations_verbs.title_holders reads ("Cumberland Council": "the council").
    org_heads = frozenset(doc[m.token_end - 1].lower_ for m in index.mentions
                          if m.type == "Organization" and m.token_end - m.token_start >= 2 and doc[m.token_end - 1].is_title)
    ranges = []
    for number, (start, end) in sorted(bounds.items()):
        if per_sentence[number] == 1 and not any(doc[i].lower_ in PRONOUNS or _reference_after_the(doc, i, end, org_heads)
                                                  for i in range(start, end)):
            continue
        ranges.append((start, end))
    return compiled.matcher(doc, ranges) if ranges else []
