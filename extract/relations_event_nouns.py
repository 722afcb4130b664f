"""Relations a noun carries (``data/event_nouns.jsonl``): "Sirhan was sentenced for
Kennedy's murder", "Lincoln's killer, John Wilkes Booth", "King assassin James Earl Ray"."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.relation_base import SUBJECTS, EntityIndex, MentionSpan, _expand, span_relation
from newsgraph.extract.relations_verbs import _member_body
from newsgraph.extract.rules import EventNounRule, load_confidence, load_event_noun_rules
from newsgraph.extract.statements import load_statement_cues, token_status
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


# Words that make a verb's noun something not (or not yet) done: "the planned visit to
# Kenya", "a proposed merger with Y", "the cancelled meeting with Z", "no talks with X".
NOT_DONE = frozenset({
    "planned", "proposed", "possible", "potential", "expected", "rumoured", "rumored", "mooted", "cancelled",
    "canceled", "postponed", "scrapped", "abandoned", "aborted", "failed", "would-be", "hoped", "prospective",
    "future", "further", "alleged", "no", "any", "delayed", "suspended", "called", "stalled", "collapsed",
})
# Words that make a doer noun a guess or a future: "Blair's likely successor", "his
# heir apparent", "the designated successor" (issue 12, REPLACED from "successor").
NOT_YET = frozenset({"likely", "probable", "presumptive", "apparent", "designated", "designate", "obvious", "natural", "eventual", "chosen", "anointed", "favoured", "favored", "preferred"})
# Verbs that put someone in a post "as" a doer noun names ("named as Wigley's successor").
INSTALLING = frozenset({"name", "appoint", "confirm", "unveil", "choose", "pick", "install", "elect", "announce"})
# Verbs that undo the act their object or subject names: "the visit was cancelled", "called off talks with".
UNDONE_BY = frozenset({"cancel", "postpone", "scrap", "abandon", "delay", "suspend", "shelve", "axe", "call", "rule", "refuse", "deny"})
# Verbs whose subject receives the visitor or the party: "Ruto welcomed Abiy during his visit
# to Nairobi" — the visit is the guest's.
HOSTING = frozenset({"host", "welcome", "receive", "greet", "invite", "meet", "entertain"})


# A possessive pronoun and the types of the clause subject it can stand for.
OWN = {"his": frozenset({"Person"}), "her": frozenset({"Person"}), "its": frozenset({"Organization", "Country"})}


def _own_act(noun: Token, index: EntityIndex) -> tuple[MentionSpan, Token] | None:
    """ "Simpson announced his departure from Busted", "Abiy praised the deal during his visit
    to Nairobi", "Acme confirmed its talks with Norland": a "his"/"her"/"its" possessor is the
    named subject of the clause the noun sits in (its object, or in a phrase hanging from its
    verb), when nobody else of that kind is named before the pronoun and the verb has no
    named object (whose visit "welcomed Abiy during his visit" means is not said) and is no
    wish ("planned his visit to Kenya")."""
    poss = [c for c in noun.children if c.dep_ == "poss"]
    if len(poss) != 1 or poss[0].lower_ not in OWN:
        return None
    kinds = OWN[poss[0].lower_]
    if noun.dep_ == "dobj":
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        verb = noun.head.head
    else:
        return None
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() in HOSTING or verb.lemma_.lower() in load_statement_cues().desire:
        return None
    if any(c.dep_ in {"dobj", "dative"} and c.i != noun.i and index.at(c) is not None for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in {"who", "that"} and verb.dep_ == "relcl":
        subject = verb.head
    if subject is None or (mention := index.at(subject)) is None or mention.type not in kinds:
        return None
    sent = noun.sent
    if any(m.entity_id != mention.entity_id and m.type in kinds and sent.start <= m.token_start and m.token_end <= poss[0].i
           for m in index.mentions):
        return None
    return mention, subject


def _nominal_doers(noun: Token, index: EntityIndex, clause_preps: tuple[str, ...], own: bool = True) -> list[tuple[MentionSpan, Token]]:
    """Who does the act a verb's noun names: the named possessor ("Pryce's criticism"), the
    "by" agent ("a visit to Kenya by Abiy") or, when the noun sits in one of the rule's
    ``clause_preps`` with neither, the subject of the clause ("praised the deal during a
    visit to Tacloban"). A pronoun possessor names nobody here: no guess."""
    found = []
    for child in noun.children:
        if child.dep_ == "poss" and (m := index.at(child)) is not None:
            found.append((m, child))
        elif child.dep_ == "prep" and child.lower_ == "by":
            found += [(m, t) for o in child.children if o.dep_ == "pobj" for t in _expand(o) if (m := index.at(t)) is not None]
    if not found and own and (mine := _own_act(noun, index)) is not None:
        return [mine]
    if found or any(c.dep_ == "poss" for c in noun.children):
        return found
    if noun.dep_ != "pobj" or noun.head.lower_ not in clause_preps:
        return []
    verb = noun.head.head
    if verb.pos_ == "ADJ" and verb.dep_ == "acomp":
        verb = verb.head  # "Smith was full of praise for Jones"
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() in HOSTING:
        return []
    if any(c.dep_ in {"dobj", "dative"} and index.at(c) is not None for c in verb.children):
        return []  # "thanked Abiy during a visit to Nairobi": whose visit is not said
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in {"who", "that"} and verb.dep_ == "relcl":
        subject = verb.head
    return [(m, t) for t in _expand(subject) if (m := index.at(t)) is not None] if subject is not None else []


def _received(doc: Doc, token: Token, rule: EventNounRule, index: EntityIndex, confidence: float) -> list[ExtractedRelation]:
    """ "Howard came under fire from Blair", "Smith won praise from Jones": the "from" object
    does the act the noun names; the clause subject receives it."""
    gov = token.head
    if token.dep_ == "pobj" and gov.lower_ in rule.received_by:
        verb = gov.head
    elif token.dep_ == "dobj" and gov.lemma_.lower() in rule.received_by:
        verb = gov
    else:
        return []
    if verb.pos_ not in {"VERB", "AUX"}:
        return []
    # The parser hangs "from" on the noun or on the verb ("won praise from Jones").
    doers = [m for p in [*token.children, *verb.children] if p.dep_ == "prep" and p.lower_ == "from"
             for o in p.children if o.dep_ == "pobj" for t in _expand(o) if (m := index.at(t)) is not None]
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in {"who", "that"} and verb.dep_ == "relcl":
        subject = verb.head
    targets = [m for t in _expand(subject) if (m := index.at(t)) is not None] if subject is not None else []
    return [
        span_relation(doc, token.sent, doer, target, rule.relation, "verb_noun", confidence, token.lemma_.lower())
        for doer in doers for target in targets
        if doer.type in rule.head_types and target.type in rule.tail_types and doer.entity_id != target.entity_id
    ]


def _nominal_relations(doc: Doc, token: Token, rule: EventNounRule, index: EntityIndex, confidence: float,
                       sports: bool = False) -> list[ExtractedRelation]:
    """ "Pryce's criticism of the Home Office", "Abiy's visit to Kampala", "talks with Ruto"
    (``data/event_nouns.jsonl`` role "nominal"); the statement cues are checked after
    extraction (``statements.PREDICATE_METHODS``)."""
    if any(c.lower_ in NOT_DONE or c.dep_ == "neg" for c in token.children if c.dep_ in {"amod", "compound", "det", "neg", "advmod"}):
        return []
    if token.tag_ == "NNS" and token.lemma_.lower() != "talk":
        return []  # "visits to Kenya", "deals with banks": a habit or a list, not one act
    clause = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if clause is not None:
        if clause.lemma_.lower() in UNDONE_BY:
            return []  # "Reid's visit to Kenya was cancelled"
        if token_status(token, clause, rule.relation) is not None:
            return []  # "… could be cancelled", "denied that her visit to Moscow …": the clause's cues
    tails = [m for p in token.children if p.dep_ == "prep" and p.lower_ in rule.preps
             for o in p.children if o.dep_ == "pobj" for t in _expand(o) if (m := index.at(t)) is not None]
    if not tails and rule.relation == "MET_WITH":
        # "talks with French officials": the body whose people they are (relations_verbs._member_body).
        tails = [body[0] for p in token.children if p.dep_ == "prep" and p.lower_ in rule.preps
                 for o in p.children if o.dep_ == "pobj" and (body := _member_body(o, index)) is not None]
    tails = [m for m in tails if m.type in rule.tail_types]
    if rule.received_by and not any(c.dep_ == "poss" for c in token.children):
        received = _received(doc, token, rule, index, confidence)
        if received:
            return received
    # "Before her meeting with Martinez, Davenport …" is as often a match as a meeting
    # (LABELLING.md: a fixture is no meeting), and a sports report is not always known as
    # one: a "her" takes only "talks", and none in a sports report.
    own = rule.relation != "MET_WITH" or (not sports and token.lemma_.lower() == "talk")
    doers = [m for m, _ in _nominal_doers(token, index, rule.clause_preps, own=own)]
    if "with" in rule.preps:
        # "talks between Israel and Syria": the two sides named after "between" meet each other.
        for p in token.children:
            if p.dep_ == "prep" and p.lower_ == "between":
                sides = [m for o in p.children if o.dep_ == "pobj" for t in _expand(o) if (m := index.at(t)) is not None]
                if len(sides) == 2 and not doers:
                    doers, tails = sides[:1], sides[1:]
    out = []
    for doer in doers:
        for tail in tails:
            if tail.type in rule.tail_types and doer.type in rule.head_types and doer.entity_id != tail.entity_id:
                out.append(span_relation(doc, token.sent, doer, tail, rule.relation, "verb_noun", confidence, token.lemma_.lower()))
    return out


def event_noun_relations(doc: Doc, index: EntityIndex, sports: bool = False) -> list[ExtractedRelation]:
    """Relations a noun carries (``data/event_nouns.jsonl``): "Sirhan was sentenced for
    Kennedy's murder", "Lincoln's killer, John Wilkes Booth", "King assassin James Earl Ray"."""
    confidences = load_confidence()
    confidence = confidences["event_noun"]
    rules = load_event_noun_rules()
    out = []
    for token in doc:
        if token.pos_ != "NOUN":
            continue
        for rule in rules:
            if token.lemma_.lower() not in rule.nouns:
                continue
            if rule.role == "nominal":
                out += _nominal_relations(doc, token, rule, index, confidences["verb_noun"], sports)
                continue
            victims = [v for v in _victims(token, index) if v.type in rule.tail_types]
            doers: list[MentionSpan] = []
            if rule.role == "event":
                subject = _clause_subject(token)
                doers = [m for t in _expand(subject) if (m := index.at(t)) is not None] if subject is not None else []
            else:
                if any(c.dep_ in {"amod", "advmod", "compound"} and c.lower_ in NOT_DONE | NOT_YET for c in token.children):
                    continue  # "Brown, Blair's likely successor": not (yet) one
                near = [token.head] if token.dep_ in {"appos", "compound", "attr"} else []
                near += [c for c in token.children if c.dep_ == "appos"]
                if token.dep_ == "attr":
                    near += [c for c in token.head.children if c.dep_ in SUBJECTS]
                if token.dep_ == "pobj" and token.head.lower_ == "as" and token.head.head.lemma_.lower() in INSTALLING:
                    # "was named as Wigley's successor", "appointed Redknapp as Wigley's successor"
                    near += [c for c in token.head.head.children if c.dep_ in {"nsubjpass", "dobj"}]
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
