"""Relations read from the parse: verbs, titles and appositions, place pairs, and
sentence co-occurrence. Each extractor is registered by name in ``RELATION_EXTRACTORS``
(``extractors.py``); the pipeline runs them through ``run_extractors``.

Verb rules come from ``data/relations.jsonl`` and are compiled into spaCy
``DependencyMatcher`` patterns (active, passive, relative clause, xcomp and conjoined
verbs), matched by ``TreeRuleMatcher`` (spaCy's matches, found faster). Title and
apposition rules walk the few tokens around a person's name, which is where news puts
roles: "US Secretary of State Marco Rubio", "El Salvador's President Nayib Bukele",
"Nayib Bukele, the president of El Salvador".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.governments import (
    CountryMention,
    Office,
    government_country,
    government_title,
    home_government,
    is_actor,
    is_portfolio,
    load_government_rules,
    words_before,
)
from newsgraph.extract.matcher import TreeRuleMatcher
from newsgraph.extract.mentions import find_dateline, is_sports_report
from newsgraph.extract.relation_base import PLACES, EntityIndex, MentionSpan, mention_offsets, span_relation
from newsgraph.extract.rules import (
    RelationRule,
    load_attachment_rules,
    load_body_nouns,
    load_confidence,
    load_event_noun_rules,
    load_gazetteer,
    load_officer_titles,
    load_relation_rules,
    load_staff_titles,
    load_titles,
)
from newsgraph.extract.statements import token_status
from newsgraph.graph.model import COOCCURRENCE, ExtractedRelation

PRONOUNS = {"he", "she"}
# Where an untagged proper noun acts as a person would: subject, object, agent's object, apposition.
UNTAGGED_ACTOR_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj"}
SUBJECTS = ["nsubj", "nsubjpass"]
MAX_COOCCURRING = 12  # sentences listing more entities than this are tables, not statements


def _verb_attrs(rule: RelationRule) -> dict[str, Any]:
    if rule.verbs == ("*",):
        return {"POS": "VERB"}
    return {"LEMMA": {"IN": list(rule.verbs)}}


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
                    {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "object",
                     "RIGHT_ATTRS": {"DEP": "dobj", "LEMMA": {"IN": list(rule.objects)}}},
                    {"LEFT_ID": "object", "REL_OP": ">", "RIGHT_ID": "prep",
                     "RIGHT_ATTRS": {"DEP": "prep", "LOWER": {"IN": list(rule.object_preps)}}},
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
            patterns.append((f"{tail_name}:{way}", [verb_node, *subject, *tail]))
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
                    {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "agent", "RIGHT_ATTRS": {"DEP": "agent"}},
                    {"LEFT_ID": "agent", "REL_OP": ">", "RIGHT_ID": "head", "RIGHT_ATTRS": {"DEP": "pobj"}},
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
                    {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "agent", "RIGHT_ATTRS": {"DEP": "agent"}},
                    {"LEFT_ID": "agent", "REL_OP": ">", "RIGHT_ID": "head", "RIGHT_ATTRS": {"DEP": "pobj"}},
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


def _expand(token: Token) -> list[Token]:
    """A subject or object and the names conjoined with it ("Rubio and Bukele")."""
    return [token, *[c for c in token.conjuncts if c.i != token.i]]


def _object_control(governor: Token) -> bool:
    """A verb whose complement's doer is its object, not its subject: "urged the men to
    step down", "asked Smith to sign", "called on the FA to punish Henry"."""
    return any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in {"on", "upon"}) for c in governor.children)


# Verbs whose "for/of V-ing" complement is their object's act, not their subject's:
# "criticised the ministry for signing a deal with Google", "accused Y of meeting Z",
# "thanked the council for backing Oxfam". The judging verbs are those of the rules below.
JUDGING_RELATIONS = frozenset({"ACCUSED", "CRITICIZED", "PRAISED", "SANCTIONED", "INVESTIGATED"})


@lru_cache(maxsize=1)
def _judging_verbs() -> frozenset[str]:
    return frozenset(v for rule in load_relation_rules() if rule.relation in JUDGING_RELATIONS for v in rule.verbs if v != "*")


def _judged_object_acts(verb: Token) -> bool:
    """A gerund after "for"/"of" of a judging verb with an object: the object does it."""
    prep = verb.head
    governor = prep.head
    return (
        prep.dep_ == "prep" and prep.lower_ in {"for", "of"} and governor.lemma_.lower() in _judging_verbs()
        and any(c.dep_ == "dobj" for c in governor.children)
    )


def _second_object(verb: Token, tail: Token) -> bool:
    """A second direct object of one verb is a misparse ("discipline striker James Beattie
    … for his headbutt on Chelsea defender William Gallas": Gallas hangs from "discipline")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return len(objects) > 1 and tail.i != objects[0].i


def _apposed(token: Token, index: EntityIndex) -> tuple[MentionSpan, Token] | None:
    """The name a common noun or title stands in apposition with: "the Foreign Secretary,
    David Lammy, accused …", "killed by a drunken driver, Troy Akers"."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    for child in token.children:
        if child.dep_ == "appos" and (mention := index.at(child)) is not None:
            return mention, child
    return None


def _named(token: Token, index: EntityIndex, relation: str | None = None) -> tuple[MentionSpan, Token] | None:
    """The mention at a subject or object token, or at the name in apposition with it, or
    (for joining and leaving) the organisation owning the body it names ("joined
    Norland's board")."""
    mention = index.at(token)
    if mention is not None:
        return mention, token
    if relation is not None:
        relations, nouns = load_body_nouns()
        if relation in relations and token.lemma_.lower() in nouns:
            # The owner is the possessor; a name compounded with the noun is the owner only
            # when nothing possesses the body ("the club's La Masia academy" names the academy).
            kids = [c for c in token.children if c.dep_ == "poss"] or [c for c in token.children if c.dep_ == "compound"]
            for child in kids:
                owner = index.at(child)
                if owner is not None and owner.type == "Organization":
                    return owner, child
    return _apposed(token, index)


def _antecedent(token: Token, index: EntityIndex, sentences: list[int]) -> MentionSpan | None:
    """The person a "he"/"she" subject means, only when it is certain: exactly one person
    is named before it in the same sentence and the previous one. With two candidates
    ("Mandaric said Redknapp … he") the pronoun links nothing: on news, the nearest-person
    guess was right a quarter of the time."""
    here = sentences[token.i]
    found: dict[str, MentionSpan] = {}
    for m in index.mentions:
        if m.type == "Person" and m.token_end <= token.i and 0 <= here - m.sentence <= 1:
            found[m.entity_id] = m
    if len(found) != 1:
        return None
    # A name the model did not tag is a candidate too: "Ruto welcomed Abiy at the airport.
    # He later praised the bank" may mean either (issue 12, gold dev page-07).
    first = min(m.token_start for m in index.mentions if 0 <= here - m.sentence <= 1 and m.token_end <= token.i)
    start = min(first, token.sent.start)
    for t in token.doc[start : token.i]:
        if (t.pos_ == "PROPN" and t.dep_ in UNTAGGED_ACTOR_DEPS and t.ent_type_ in {"", "PERSON"}
                and index.at(t) is None and not t.is_sent_start):
            return None
    return next(iter(found.values()))


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
    ranges = []
    for number, (start, end) in sorted(bounds.items()):
        if per_sentence[number] == 1 and not any(doc[i].lower_ in PRONOUNS for i in range(start, end)):
            continue
        ranges.append((start, end))
    return compiled.matcher(doc, ranges) if ranges else []


def _dateline_end(sent: Span, cache: dict[int, int]) -> int:
    """The token after a sentence's wire dateline ("THE HAGUE, Netherlands (PLI)"), or its start."""
    if sent.start not in cache:
        dateline = find_dateline(sent)
        cache[sent.start] = dateline.agency[1] + 1 if dateline is not None else sent.start
    return cache[sent.start]


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return frozenset(w.rstrip(".") for w in load_titles().words())


def _title_modifier(doc: Doc, mention: MentionSpan, index: EntityIndex) -> bool:
    """A place or organisation premodifying a title and a name ("Colorado Senator Michael
    Bennet criticized …", "Tory leader Michael Howard said"): the parser may make it a second
    subject, but the person does the verb (issue 12, gold dev page-05)."""
    if mention.type == "Person":
        return False
    title_words = _title_words()
    i = mention.token_end
    sent_end = doc[mention.token_start].sent.end
    while i < sent_end and doc[i].lower_.rstrip(".") in title_words and index.at(doc[i]) is None:
        i += 1
    after = index.at(doc[i]) if mention.token_end < i < sent_end else None
    return after is not None and after.type == "Person" and after.token_start == i


def verb_relations(doc: Doc, index: EntityIndex, sentences: list[int], nlp: Language) -> list[ExtractedRelation]:
    compiled = compiled_rules(nlp)
    datelines: dict[int, int] = {}
    sports: list[bool] = []  # computed once, on the first meeting of two organisations
    confidence = load_confidence()
    found: dict[tuple[str, str, int, int], ExtractedRelation] = {}
    specific_verbs: set[int] = set()
    matches = _candidate_matches(compiled, doc, index, sentences)
    # Specific rules first, so the catch-all verb rule only fills gaps.
    matches.sort(key=lambda m: compiled.keys[m[0]][0].verbs == ("*",))
    for match_id, token_ids in matches:
        rule, voice, names = compiled.keys[match_id]
        nodes = dict(zip(names, token_ids))
        verb = doc[nodes["verb"]]
        if rule.verbs == ("*",) and verb.i in specific_verbs:
            continue
        if voice.endswith(":relcl") and not any(c.dep_ in SUBJECTS and c.lower_ in {"who", "which", "that"} for c in verb.children):
            continue
        if voice.endswith(":xcomp") and verb.dep_ == "conj" and any(c.dep_ in SUBJECTS for c in verb.children):
            continue  # a conjoined verb with its own subject is not sharing the first one's
        if voice.endswith(":xcomp") and verb.dep_ == "xcomp" and _object_control(verb.head):
            continue  # "urged the men to step down", "called on the FA to punish X": not the subject's act
        if voice.endswith(":pcomp") and _judged_object_acts(verb):
            continue  # "criticised the ministry for signing a deal with Google": the ministry signed
        if rule.intransitive and any(c.dep_ == "dobj" for c in verb.children):
            continue
        if voice.startswith("dobj:") and _second_object(verb, doc[nodes["tail"]]):
            continue
        if voice.startswith("prep:passive") and rule.relation == "VISITED":
            continue  # "He was flown to Casablanca": being taken somewhere is no visit (issue 12, page-19)
        method = "dep_passive" if "passive" in voice else "dep"
        heads = []
        for tok in _expand(doc[nodes["head"]]):
            mention = index.at(tok)
            if mention is None and tok.lower_ in PRONOUNS:
                mention = _antecedent(tok, index, sentences)
                method = "dep_pronoun"
            elif mention is None and (named := _apposed(tok, index)) is not None:
                mention, tok = named  # "The Foreign Secretary, David Lammy, accused …"
            if mention is not None:
                heads.append((mention, tok))
        if voice == "conj:subjects":
            # One relation per pair of the conjoined names, in text order, not both ways.
            heads = [(m, t) for m, t in heads if t.i == nodes["head"]]
            tails = [(m, tok) for tok in [doc[nodes["tail"]]] if (m := index.at(tok)) is not None]
        else:
            tails = [pair for tok in _expand(doc[nodes["tail"]]) if (pair := _named(tok, index, rule.relation)) is not None]
        if not heads or not tails:
            continue
        sent = verb.sent
        for head, head_token in heads:
            for tail, tail_token in tails:
                if head.entity_id == tail.entity_id:
                    continue
                # Conjoined subjects meet only in each other: the verb carries the cues.
                other = verb if voice == "conj:subjects" else tail_token
                if token_status(head_token, other, rule.relation) is not None:
                    continue  # negated or hedged: not a fact (statements.py)
                if rule.head_types and head.type not in rule.head_types:
                    continue
                if rule.tail_types and tail.type not in rule.tail_types:
                    continue
                if rule.reverse:
                    head, tail = tail, head
                # A wire dateline's place ("THE HAGUE, Netherlands (PLI) — X was deported to
                # Morocco") is no argument of the sentence's verb, whatever the parse says.
                if any(sent.start <= m.token_start < _dateline_end(sent, datelines) for m in (head, tail)):
                    continue
                if _title_modifier(doc, head, index):
                    continue
                if rule.relation == "MET_WITH" and head.type == tail.type == "Organization":
                    # "Scotland will host Greece": in a sports report, two teams meeting is a
                    # fixture, not a meeting (LABELLING.md).
                    if not sports:
                        sports.append(is_sports_report(doc))
                    if sports[0]:
                        specific_verbs.add(verb.i)  # nor is it a catch-all interaction
                        continue
                key = (head.entity_id, tail.entity_id, sent.start, verb.i)
                if key in found:
                    continue
                if rule.verbs != ("*",):
                    specific_verbs.add(verb.i)
                found[key] = ExtractedRelation(
                    head=head.entity_id,
                    tail=tail.entity_id,
                    type=rule.relation,
                    method=method,
                    confidence=rule.confidence if rule.confidence is not None else confidence[method],
                    sentence=sent.text,
                    start=sent.start_char,
                    end=sent.end_char,
                    predicate=verb.lemma_.lower(),
                    **mention_offsets(doc, head, tail),
                )
    # A catch-all found first for a verb later claimed by a specific rule gives way.
    return [
        r for (h, t, s, v), r in found.items() if not (r.type == "INTERACTED_WITH" and v in specific_verbs)
    ]


# ---------------------------------------------------------------------------------------
# Titles and appositions

AFFILIATION_TYPES = {"Country", "Organization", "Group", "Location"}


def _title_text(tokens: list[Token]) -> str:
    words = [t.text for t in tokens]
    while words and words[0].lower() in {"the", "a", "an", "of", ",", "'s", "’s"}:
        words.pop(0)
    while words and words[-1].lower() in {"of", "the", ",", "'s", "’s"}:
        words.pop()
    words = _role_only(words)
    text = " ".join(words).replace(" - ", "-")
    return " ".join(w if w.isupper() and len(w) > 1 else w.capitalize() if w.lower() not in {"of", "the", "for", "and"} else w.lower() for w in text.split())


def _role_only(words: list[str]) -> list[str]:
    """A known role followed by "of" and words that are no name ("president of the
    Zurich-based body", issue 12: "President of Based Body") is the role alone; "Secretary of
    State" and "President of the European Commission" keep their words."""
    roles = load_titles().roles
    lower = [w.lower() for w in words]
    for end in range(len(words), 0, -1):
        if " ".join(lower[:end]) in roles:
            rest = words[end:]
            if rest and rest[0].lower() == "of" and any(
                w in {"-", "based", "-based"} or (w[:1].islower() and w.lower() not in {"of", "the", "and", "for"})
                for w in rest[1:]
            ):
                return words[:end]
            break
    return words


def _staff_title(title: str) -> bool:
    """A job title whose holder works for the organisation (``data/staff_titles.json``)."""
    staff, unless = load_staff_titles()
    words = set(title.lower().replace("-", " - ").split()) | set(title.lower().split())
    return bool(words & staff) and not words & unless


def _portfolio_office(doc: Doc, affiliation: MentionSpan | None, title: list[Token]) -> Office | Literal[False] | None:
    """The government office when the affiliation before a title is its portfolio
    ("Education minister"); False for the opposition's ("Shadow Europe minister"); None
    when the affiliation is a real one ("Scotland manager", "Labour leader")."""
    if affiliation is None or not _portfolio(doc, affiliation, title):
        return None
    start = affiliation.token_start
    while start > doc[start].sent.start and is_portfolio([doc[start - 1].text]):
        start -= 1  # "Economy and" before "Labour Minister"
    end = title[-1].i + 1
    honorifics = load_titles().honorifics
    while end > start and doc[end - 1].lower_.rstrip(".") in honorifics:
        end -= 1  # "Shadow Europe minister Mr Brady"
    office = government_title(list(doc[start:end]))
    if office is None:
        return None
    if start > doc[start].sent.start and doc[start - 1].lower_ in load_government_rules().not_national:
        return False
    return office


def _portfolio(doc: Doc, affiliation: MentionSpan, title: list[Token]) -> bool:
    """The affiliation right before a government title is made of portfolio words and is
    no organisation the gazetteer or the governments' institutions know ("Labour" is a
    party, "Home Office" a ministry)."""
    # Right before the title, or sharing its first word ("Constitutional Affairs" + "Affairs Minister").
    if affiliation.type not in {"Organization", "Location"} or not affiliation.token_start < title[0].i <= affiliation.token_end:
        return False
    words = [t.text for t in doc[affiliation.token_start : affiliation.token_end]]
    i = affiliation.token_start
    if i >= 2 and doc[i - 1].lower_ in {"and", "&", ","} and is_portfolio([doc[i - 2].text]) and is_portfolio(words):
        return True  # "Economy and Labour Minister Wolfgang Clement": not the Labour Party
    if affiliation.entity_id in load_government_rules().institutions:
        return False
    if load_gazetteer().organization(" ".join(words)) is not None:
        return False
    return is_portfolio(words)


def _officer_title(tokens: list[Token]) -> list[Token] | None:
    """The words before a name if they are exactly an officer title ("chief operating
    officer"), leading "former"/"then" left out."""
    skip = load_government_rules().skip
    words = list(tokens)
    while words and (words[0].lower_ in skip or words[0].text == "-"):
        words.pop(0)
    return words if words and " ".join(t.lower_ for t in words) in load_officer_titles() else None


def _acting_organisation(doc: Doc, person: MentionSpan, index: EntityIndex) -> MentionSpan | None:
    """The one organisation the person's sentence names as an actor (a subject, a
    possessor, a modifier), if there is exactly one."""
    found: dict[str, MentionSpan] = {}
    for m in index.mentions:
        if m.sentence != person.sentence or m.type != "Organization" or m.entity_id == person.entity_id:
            continue
        if is_actor(doc[m.token_start : m.token_end].root):
            found.setdefault(m.entity_id, m)
    return next(iter(found.values())) if len(found) == 1 else None


def _has_role(tokens: list[Token]) -> bool:
    titles = load_titles()
    words = [t.lower_ for t in tokens]
    # Any run of words that is a known role ("secretary of state", "president").
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + titles.max_words) + 1):
            if " ".join(words[i:j]) in titles.roles:
                return True
    return False


def _leading_title(doc: Doc, person: MentionSpan, index: EntityIndex) -> tuple[list[Token], MentionSpan | None, set[int]]:
    """Walk left from a name over title words and at most one affiliation."""
    title_words = {w.rstrip(".") for w in load_titles().words()} | {"-"}
    sent_start = doc[person.token_start].sent.start
    title: list[Token] = []
    affiliation: MentionSpan | None = None
    absorbed: set[int] = set()
    modifiers: set[int] = set()
    i = person.token_start - 1
    while i >= sent_start:
        tok = doc[i]
        mention = index.at(tok)
        if tok.lower_.rstrip(".") in title_words and (mention is None or mention.type == "Organization" and len(title) > 0):
            if mention is not None:
                absorbed.add(id(mention))
            title.insert(0, tok)
            i -= 1
            continue
        if mention is not None and mention.type in AFFILIATION_TYPES and title:
            affiliation = mention
            i = mention.token_start - 1
            # "President of Mexico Claudia Sheinbaum": the title goes on before "of".
            if i >= sent_start and doc[i].lower_ == "of" and i - 1 >= sent_start and doc[i - 1].lower_ in title_words:
                title = [doc[i - 1]] + title
            break
        if tok.text in {"'s", "’s"} and title:
            i -= 1
            continue
        if title and mention is None and _role_modifier(tok, modifiers):
            # "Plaid Cymru's economics spokesman X", "Labour election campaign coordinator
            # X": lowercase nouns that narrow the role sit between it and the affiliation.
            modifiers.add(tok.i)
            title.insert(0, tok)
            i -= 1
            continue
        break
    if affiliation is None:
        while title and title[0].i in modifiers:
            title.pop(0)  # no affiliation before them: the nouns were no part of a title
    return title, affiliation, absorbed


MAX_ROLE_MODIFIERS = 3


def _role_modifier(tok: Token, modifiers: set[int]) -> bool:
    """A lowercase noun or adjective modifying the title inside the name's noun phrase."""
    return (len(modifiers) < MAX_ROLE_MODIFIERS and tok.is_lower and tok.is_alpha
            and tok.pos_ in {"NOUN", "ADJ"} and tok.dep_ in {"compound", "amod", "nmod"})


def _of_affiliation(doc: Doc, person: MentionSpan, index: EntityIndex) -> MentionSpan | None:
    """The country or organisation named right after "<name> of"."""
    i = person.token_end
    if i + 1 >= len(doc) or doc[i].lower_ != "of":
        return None
    start = i + 2 if doc[i + 1].lower_ == "the" else i + 1  # "Judge X of the 2nd Circuit Court"
    after = index.at(doc[start]) if start < len(doc) else None
    if after is None or after.token_start != start or after.type not in AFFILIATION_TYPES - {"Group"}:
        return None
    return after if after.entity_id != person.entity_id else None


def _affiliation_in(tokens: list[Token], index: EntityIndex, person: MentionSpan) -> MentionSpan | None:
    for tok in tokens:
        mention = index.at(tok)
        if mention is not None and mention.type in AFFILIATION_TYPES and mention.entity_id != person.entity_id:
            return mention
    return None


def _role_phrase(head: Token, exclude: set[int]) -> list[Token]:
    """The words of the phrase under ``head``, less clauses hanging in it. (The subtree's
    token set is built once: rebuilding it per ancestor cost a sixth of all extraction.)"""
    subtree = list(head.subtree)
    inside = {t.i for t in subtree}
    return [
        t for t in subtree
        if t.i not in exclude and not t.is_punct and t.dep_ not in {"relcl", "acl"}
        and not any(a.dep_ in {"relcl", "acl"} for a in t.ancestors if a.i in inside and a.i != head.i)
    ]


def role_relations(doc: Doc, index: EntityIndex, group_countries: dict[str, str]) -> list[ExtractedRelation]:
    confidence = load_confidence()
    titles = load_titles()
    out = []
    seen = set()

    def add(person: MentionSpan, affiliation: MentionSpan, title_tokens: list[Token], method: str) -> None:
        title = _title_text(title_tokens)
        if not title or title.lower() in titles.honorifics:
            return
        tail = group_countries.get(affiliation.entity_id, affiliation.entity_id) if affiliation.type == "Group" else affiliation.entity_id
        if tail == person.entity_id:
            return
        sent = doc[person.token_start].sent
        key = (person.entity_id, tail, sent.start)
        if key in seen:
            return
        seen.add(key)
        # "Priya Nair, an analyst at Carrow & Finch": a job, not a role (LABELLING.md).
        staff = affiliation.type == "Organization" and _staff_title(title)
        out.append(
            ExtractedRelation(
                head=person.entity_id,
                tail=tail,
                type="WORKS_FOR" if staff else "HOLDS_ROLE",
                method=method,
                confidence=confidence[method],
                sentence=sent.text,
                start=sent.start_char,
                end=sent.end_char,
                predicate="works for" if staff else title.lower(),
                title=None if staff else title,
                **mention_offsets(doc, person, affiliation),
            )
        )

    home: list[str | None] = []  # the article's government (lenient, strict), found when first needed
    named: set[str] = set()  # the countries the article names (or a nationality of)

    def countries_in(mentions: list[MentionSpan]) -> list[CountryMention]:
        out = []
        for m in mentions:
            country = m.entity_id if m.type == "Country" else group_countries.get(m.entity_id) if m.type == "Group" else None
            if country is not None:
                out.append(CountryMention(country, doc[m.token_start : m.token_end].root))
        return out

    def add_government(person: MentionSpan, office: Office) -> None:
        if not home:
            everywhere = countries_in(index.mentions)
            home.extend(home_government(everywhere, [m.entity_id for m in index.mentions]))
            named.update(c.country for c in everywhere)
        number = person.sentence
        here = [m for m in index.mentions if m.sentence == number]
        gazetteer = load_gazetteer()
        # "Russian Energy Minister X" where "Russian" is no mention: the title says whose.
        said = {f"country:{c.iso3}" for t in office.tokens if (c := gazetteer.nationality(t.text) or gazetteer.country(t.text))}
        if said:
            country = next(iter(said)) if len(said) == 1 and next(iter(said)) in named else None
        else:
            country = government_country(office, countries_in(here), home[0], named,
                                         doc[person.token_start : person.token_end].root, home[1])
        if country is None or country == person.entity_id:
            return
        title = _title_text(office.tokens)
        sent = doc[person.token_start].sent
        key = (person.entity_id, country, sent.start)
        if not title or key in seen:
            return
        seen.add(key)
        # The country's mention in this sentence, if it is named here; the article's
        # government may be named only elsewhere (no tail span then).
        tail = next((m for m in here if m.entity_id == country or group_countries.get(m.entity_id) == country), None)
        offsets = mention_offsets(doc, person, tail if tail is not None else person)
        relation = ExtractedRelation(
            head=person.entity_id, tail=country, type="HOLDS_ROLE", method="government_title",
            confidence=confidence["government_title"], sentence=sent.text, start=sent.start_char,
            end=sent.end_char, predicate=title.lower(), title=title, **offsets,
        )
        if tail is None:
            relation.tail_start = relation.tail_end = None
        out.append(relation)

    for person in index.mentions:
        if person.type != "Person":
            continue
        title, affiliation, _ = _leading_title(doc, person, index)
        office = _portfolio_office(doc, affiliation, title) if title and affiliation and _has_role(title) else None
        if office is not None:
            # "Education minister Ivan Lewis", "Trade and Industry Secretary Patricia
            # Hewitt": the "organisation" is the office's portfolio; whose government then
            # comes from the sentence or the article. "Shadow Europe minister": no relation.
            if office:
                add_government(person, office)
        elif title and affiliation and _has_role(title):
            add(person, affiliation, title, "possessive_title" if doc[affiliation.token_end].text in {"'s", "’s"} else "title")
        elif title and _has_role(title) and (after := _of_affiliation(doc, person, index)) is not None:
            add(person, after, title, "title")  # "President Yoweri Museveni of Uganda"
        elif not affiliation:
            # "International Development Minister Gareth Thomas": whose government, from the
            # sentence or the article (governments.py).
            sent = doc[person.token_start].sent
            before, named_before = words_before(list(doc[sent.start : person.token_start]), lambda t: index.at(t) is not None)
            office = government_title(before)
            beside = index.at(named_before) if named_before is not None else None
            if office and beside is not None:
                # "Russian Energy Minister Viktor Khristenko", "Saskatchewan Agriculture
                # Minister X", "Home Office Minister X": the portfolio words are no title
                # words, so the title walk stopped short of the place or institution.
                if beside.type in {"Country", "Group", "Location"} or beside.entity_id in load_government_rules().institutions:
                    add(person, beside, office.tokens, "title")
            elif office:
                add_government(person, office)
            elif (officer := _officer_title(before)) and (org := _acting_organisation(doc, person, index)) is not None:
                # "chief operating officer Peter Chernin said that News Corp is …"
                add(person, org, officer, "officer_title")
        root = doc[person.token_start : person.token_end].root
        person_tokens = set(range(person.token_start, person.token_end))
        candidates = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            candidates.append(root.head)  # "US Secretary of State, Marco Rubio"
        if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ == "be":
            candidates.extend(c for c in root.head.children if c.dep_ == "attr")  # "Bukele is the president of El Salvador"
        for head in candidates:
            if index.at(head) is not None:
                continue
            exclude = person_tokens | {t.i for t in root.subtree if head.is_ancestor(root) and t.i in person_tokens}
            if head.is_ancestor(root):
                exclude |= {t.i for t in root.subtree}
            phrase = _role_phrase(head, exclude)
            affiliation = _affiliation_in(phrase, index, person)
            if affiliation is None:
                # "The Foreign Secretary, David Lammy, accused …"
                # Not "the Office of the Deputy Prime Minister (ODPM)": an institution's name.
                if head.i < root.i and (office := government_title(phrase)) and head.lower_ == office.head[-1] \
                        and not any(t.lower_ == "of" and t.i < head.i for t in phrase) \
                        and not (head.dep_ == "pobj" and head.head.lower_ == "of") \
                        and doc[person.token_start - 1].text != "(":
                    add_government(person, office)
                continue
            role_tokens = [t for t in phrase if index.at(t) is None and t.dep_ not in {"det", "poss", "case"}]
            if _has_role(role_tokens):
                add(person, affiliation, role_tokens, "apposition")
    # A country read from the sentence or the article yields to the one the text gives the
    # person's office outright ("El Salvador's President Nayib Bukele" elsewhere makes
    # "President Bukele confirmed …" no US office, whatever the article's government).
    stated = {(r.head, r.tail) for r in out if r.type == "HOLDS_ROLE" and r.method != "government_title" and r.tail.startswith("country:")}
    stated_heads = {head for head, _ in stated}
    return [r for r in out if r.method != "government_title" or r.head not in stated_heads or (r.head, r.tail) in stated]


def _listed_place(doc: Doc, index: EntityIndex, comma: int, step: int) -> bool:
    """Whether token ``comma`` is a comma with another place beyond it (``step`` +1: after,
    -1: before), as in a list of places."""
    if not 0 <= comma < len(doc) or doc[comma].text != "," or not 0 <= comma + step < len(doc):
        return False
    beyond = index.at(doc[comma + step])
    return beyond is not None and beyond.type in {"Country", "Location"}


def place_relations(doc: Doc, index: EntityIndex) -> list[ExtractedRelation]:
    """"San Salvador, El Salvador": a place, a comma, the larger place containing it."""
    confidence = load_confidence()["city_state"]
    out = []
    for m in index.mentions:
        if m.type != "Location" or m.token_end + 1 >= len(doc) or doc[m.token_end].text != ",":
            continue
        nxt = index.at(doc[m.token_end + 1])
        if nxt is None or nxt.type not in {"Country", "Location"} or nxt.entity_id == m.entity_id:
            continue
        if nxt.token_end < len(doc) and doc[nxt.token_end].text in {"and", "or"}:
            continue  # a list of places, not a containment
        if _listed_place(doc, index, nxt.token_end, +1) or _listed_place(doc, index, m.token_start - 1, -1):
            continue  # "in London, Frankfurt, New York and San Francisco": a list, not a containment
        sent = doc[m.token_start].sent
        out.append(span_relation(doc, sent, m, nxt, "LOCATED_IN", "city_state", confidence, "located in"))
    return out


PLACE_MODIFIERS = {"ADJ", "DET"}  # "in northern Israel", "in the Bronx"
COMPASS = {"north", "south", "east", "west", "central", "north-east", "north-west", "south-east", "south-west"}  # "from north London"


def _place_after(doc: Doc, i: int, index: EntityIndex, types: frozenset[str] | set[str] = PLACES) -> MentionSpan | None:
    """The place (or name of ``types``) at token i, after at most two lowercase modifiers."""
    for _ in range(3):
        if i >= len(doc):
            return None
        mention = index.at(doc[i])
        if mention is not None:
            return mention if mention.type in types and mention.token_start == i else None
        if (doc[i].pos_ not in PLACE_MODIFIERS and doc[i].lower_ not in COMPASS) or not doc[i].is_lower:
            return None
        i += 1
    return None


BARE_CONNECTORS = {("in",), ("at",)}


def attachment_relations(doc: Doc, index: EntityIndex) -> list[ExtractedRelation]:
    """A name followed by a connector and a place: "Avis Bourg Co. of Folsom" (BASED_IN),
    "Daniel Sullivan, 30, of Boothbay, Maine" (LIVES_IN, to both places), "Haifa in
    northern Israel" (LOCATED_IN). Rules in ``data/attachments.jsonl``."""
    confidences = load_confidence()
    out = []
    sports: list[bool] = []  # whether the document is a sports report, found when first needed
    for head in index.mentions:
        for rule in load_attachment_rules():
            if head.type not in rule.head_types:
                continue
            i = head.token_end
            if head.type == "Person" and head.token_start and doc[head.token_start - 1].lower_.rstrip(".") in load_titles().roles:
                break  # "President Yoweri Museveni of Uganda": a role (role_relations), not a home
            # "Daniel Sullivan, 30, of Boothbay": an age between commas is skipped.
            if i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].like_num and doc[i + 2].text == ",":
                i += 3
            elif i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in {"of", "from"}:
                i += 1  # "Tony Martin, of Burnley, said", "Helen Steel and David Morris, from north London"
            words = [t.lower_ for t in doc[i : i + 3]]
            connector = next((c for c in rule.connectors if tuple(words[: len(c)]) == c), None)
            if connector is None or (rule.relation == "WORKS_FOR" and i != head.token_end):
                # "Tony Martin, of Burnley": set off by commas, "of" gives a home (a town that
                # shares a club's name), not an employer; "Mark Hughes of Goldman Sachs" does.
                continue
            place = _place_after(doc, i + len(connector), index, PLACES | (rule.tail_types or PLACES))
            if place is None or place.entity_id == head.entity_id:
                continue
            if rule.tail_types is not None and place.type not in rule.tail_types:
                break
            if head.type == "Organization" and connector in BARE_CONNECTORS:
                # "against Ireland in Dublin", "Chennaiyin FC at the Sree Kanteerava Stadium":
                # in a sports report a team "in" a place is where it plays, not its base.
                if not sports:
                    sports.append(is_sports_report(doc))
                if sports[0]:
                    break
            if doc[i].dep_ == "prep" and doc[i].head.pos_ in {"VERB", "AUX"} and doc[i].head.i < head.token_start:
                # "Scotland will host Greece at Hampden Park", "face Belarus in Budapest": the
                # place says where the act happens, not where the name is (issue 12, page-11).
                break
            places = [place]
            j = place.token_end
            if j + 1 < len(doc) and doc[j].text == ",":
                region = index.at(doc[j + 1])
                if region is not None and region.type in PLACES and region.token_start == j + 1 and region.entity_id != head.entity_id:
                    places.append(region)
            sent = doc[head.token_start].sent
            # "Helen Steel and David Morris, from north London": set off by a comma, the place
            # is every conjunct's that has none of its own ("Moazzam Begg, from Birmingham, and
            # ... Feroz Abbasi, from London"); "Eddie Jones and Jake White of South Africa" is White's.
            heads = [head]
            if doc[i - 1].text == ",":
                root = doc[head.token_start : head.token_end].root
                heads += [m for c in root.conjuncts if c.i < head.token_start and (m := index.at(c)) is not None
                          and m.type == head.type and m.entity_id != head.entity_id
                          and not (m.token_end + 1 < len(doc) and doc[m.token_end].text == ","
                                   and doc[m.token_end + 1].lower_ in {"of", "from"})]
            for h in heads:
                for p in places:
                    if p.entity_id != h.entity_id:
                        out.append(
                            span_relation(doc, sent, h, p, rule.relation, rule.method, confidences[rule.method], " ".join(connector))
                        )
            break
    return out


def org_apposition_relations(doc: Doc, index: EntityIndex) -> list[ExtractedRelation]:
    """"Sun Hung Kai Properties, a Hong Kong construction firm": an organisation in
    apposition with a noun that a place modifies is based in that place."""
    confidence = load_confidence()["org_apposition"]
    out = []
    for org in index.mentions:
        if org.type != "Organization":
            continue
        root = doc[org.token_start : org.token_end].root
        for noun in (c for c in root.children if c.dep_ == "appos"):
            for child in noun.children:
                place = index.at(child)
                if child.dep_ in {"compound", "amod", "nmod"} and place is not None and place.type in PLACES:
                    sent = doc[org.token_start].sent
                    out.append(span_relation(doc, sent, org, place, "BASED_IN", "org_apposition", confidence, "based in"))
                    break
    return out


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


def based_prefix_relations(doc: Doc, index: EntityIndex) -> list[ExtractedRelation]:
    """"the Miami-based cruise operator Carnival": a place, "-based", then an organisation
    within the next few words."""
    confidence = load_confidence()["based_prefix"]
    out = []
    for place in index.mentions:
        j = place.token_end
        if place.type not in PLACES or j + 1 >= len(doc) or doc[j].text not in {"-", "–"} or doc[j + 1].lower_ != "based":
            continue
        for k in range(j + 2, min(j + 7, len(doc))):
            org = index.at(doc[k])
            if org is None and (doc[k].pos_ in {"VERB", "AUX", "PRON", "ADP", "SCONJ", "CCONJ"} or doc[k].is_punct):
                # The noun phrase ends: "the Mysuru-based surgeon who heads the Hegde
                # Foundation" says where the surgeon is, not the foundation (issue 12, page-22).
                break
            if org is not None:
                if org.type == "Organization":
                    sent = doc[org.token_start].sent
                    out.append(span_relation(doc, sent, org, place, "BASED_IN", "based_prefix", confidence, "based in"))
                break
    return out


def dateline_relations(doc: Doc, index: EntityIndex) -> list[ExtractedRelation]:
    """"BANGKOK, Thailand (AP)": the news agency is based in the city, the city lies in the
    region or country named after it."""
    confidence = load_confidence()["dateline"]
    out = []
    for sent in doc.sents:
        dateline = find_dateline(sent)
        if dateline is None:
            continue
        agency = index.at(doc[dateline.agency[0]])
        places = [p for start, _ in dateline.places if (p := index.at(doc[start])) is not None and p.type in PLACES]
        pairs: list[tuple[MentionSpan, MentionSpan, str, str]] = []
        if agency is not None and agency.type == "Organization":
            pairs += [(agency, p, "BASED_IN", "based in") for p in places]
        if len(places) == 2 and places[0].entity_id != places[1].entity_id and places[0].type == "Location":
            pairs.append((places[0], places[1], "LOCATED_IN", "located in"))
        for head, tail, kind, predicate in pairs:
            out.append(span_relation(doc, sent, head, tail, kind, "dateline", confidence, predicate))
    return out


POSSESSIVE_RELATIONS = {"Organization": ("WORKS_FOR", "works for"), "Country": ("FROM", "from")}


def possessive_relations(doc: Doc, index: EntityIndex) -> list[ExtractedRelation]:
    """"ABN Amro's Eddie Wong" (WORKS_FOR), "Germany's Tommy Haas" (FROM): an organisation or
    a country, "'s", then a person's name directly. With a title in between ("Mexico's
    President Claudia Sheinbaum") it is a role, read by ``role_relations`` instead."""
    confidence = load_confidence()["possessive"]
    out = []
    for person in index.mentions:
        i = person.token_start
        if person.type != "Person" or i < 2 or doc[i - 1].text not in {"'s", "’s"}:
            continue
        owner = index.at(doc[i - 2])
        if owner is None or owner.token_end != i - 1 or owner.entity_id == person.entity_id:
            continue
        found = POSSESSIVE_RELATIONS.get(owner.type)
        if found is None:
            continue
        kind, predicate = found
        out.append(span_relation(doc, doc[i].sent, person, owner, kind, "possessive", confidence, predicate))
    return out


def cooccurrence_relations(doc: Doc, index: EntityIndex) -> list[ExtractedRelation]:
    confidence = load_confidence()["cooccurrence"]
    by_sentence: dict[int, list[MentionSpan]] = {}
    for m in index.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    sents = list(doc.sents)
    out = []
    for number, mentions in by_sentence.items():
        ids = sorted({m.entity_id for m in mentions})
        if len(ids) < 2 or len(ids) > MAX_COOCCURRING:
            continue
        sent: Span = sents[number]
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                out.append(
                    ExtractedRelation(
                        head=a, tail=b, type=COOCCURRENCE, method="cooccurrence", confidence=confidence,
                        sentence=sent.text, start=sent.start_char, end=sent.end_char,
                    )
                )
    return out


# ---------------------------------------------------------------------------------------
