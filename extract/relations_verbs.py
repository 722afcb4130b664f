"""Relations a verb states (the build step of the verb rules; the rules are compiled and
matched in ``verb_patterns.py``): which matches hold a relation (negation, hedging, control
verbs, datelines, sports fixtures), who the doer and the object are (a name, the name in
apposition, an unambiguous "he"/"she") and the relation built from them."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.extract.mentions import dateline_end, glued_hyphen, load_context_cues, load_sport_rules
from newsgraph.extract.person_evidence import gazetteer_place, has_given_name, noun_gender, person_gender, pronoun_gender, unnamed_person_nouns
from newsgraph.extract.relations_employment import load_employment_rules
from newsgraph.extract.relation_base import PLACES, SUBJECTS, EntityIndex, MentionSpan, _expand, mention_offsets
from newsgraph.extract.relations_roles import article_organisation_reader, article_reference, paragraph_reference
from newsgraph.extract.rules import (
    load_article_owner_nouns,
    load_body_nouns,
    load_confidence,
    load_institution_nouns,
    load_member_nouns,
    load_occupations,
    load_relation_rules,
    load_titles,
    load_undergone_nouns,
)
from newsgraph.extract.statements import load_statement_cues, token_status
from newsgraph.extract.verb_patterns import PRONOUNS, _candidate_matches, compiled_rules
from newsgraph.graph.model import ExtractedRelation

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})

# Where an untagged proper noun acts as a person would: subject, object, agent's object, apposition.
UNTAGGED_ACTOR_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj"}


def _named_right_before(doc: Doc, verb: Token, index: EntityIndex, head: int) -> bool:
    """A name (not the matched subject) ending right before a finite verb."""
    if verb.i == 0 or verb.tag_ not in {"VBZ", "VBD", "VBP"}:
        return False
    before = index.at(doc[verb.i - 1])
    return before is not None and before.token_end == verb.i and not before.token_start <= head < before.token_end


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


@lru_cache(maxsize=1)
def _appointing_verbs() -> frozenset[str]:
    """The verbs of the APPOINTED rules: their object takes the post ("named Kessler as
    coach, replacing Doyle")."""
    return frozenset(v for rule in load_relation_rules() if rule.relation == "APPOINTED" for v in rule.verbs if v != "*")


# What a mover joins when "from" names the employer left: a named organisation, "them",
# "the company", "the club" (gold dev: "joined the company from Shell in 2021").
EMPLOYER_NOUNS = frozenset({"company", "club", "firm", "team", "side", "group", "bank", "board", "party", "business", "agency", "network", "band", "label", "studio", "airport"})


def _joined_employer(verb: Token, index: EntityIndex) -> bool:
    """ "joined Kimberley Iron from BHP", "moved from Anderlecht": the verb's object, if any,
    is the new employer; "joined two girls from a school" is company of another kind."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return True
    obj = objects[0]
    mention = index.at(obj)
    if mention is not None:
        return mention.type == "Organization"
    if obj.pos_ == "PROPN" and obj.is_title and not any(c.dep_ in {"det", "poss", "nummod"} for c in obj.children):
        # "Oyelowo joined Calder from Persimmon": a name the model tagged nothing (a short form
        # of the company named before); people are joined with "with", not from a firm.
        return True
    return obj.lower_ in {"them", "it", "us"} or obj.lemma_.lower() in _joined_nouns()


@lru_cache(maxsize=1)
def _joined_nouns() -> frozenset[str]:
    """What "joined the <noun> from X" may join, X the employer left: the company nouns, and
    an institution named by its kind ("joined the hospital from Bradford Teaching Hospitals",
    "joined the university from Imperial College London"; ``owner_nouns`` of employment.json,
    issue 12 role recall, session 11)."""
    return EMPLOYER_NOUNS | load_article_owner_nouns() | load_employment_rules().owner_nouns


def _judged_object_acts(verb: Token) -> bool:
    """A gerund after "for"/"of" of a judging verb with an object: the object does it."""
    prep = verb.head
    governor = prep.head
    return (
        prep.dep_ == "prep" and prep.lower_ in {"for", "of"} and governor.lemma_.lower() in _judging_verbs()
        and any(c.dep_ == "dobj" for c in governor.children)
    )


def _word_part(token: Token) -> bool:
    """A piece of a hyphenated word: the hyphen of "co-founder" or a word glued to it."""
    return glued_hyphen(token.doc, token.i) or glued_hyphen(token.doc, token.i + 1)


def _third_party(verb: Token) -> bool:
    """The conjoined subjects of ``verb`` each deal with someone else: "each" qualifies the
    act, or a "with" phrase names the other side, on the verb or its object ("signed deals
    with the club")."""
    for child in verb.children:
        if child.lower_ == "each" and child.dep_ in {"advmod", "dobj", "npadvmod"}:
            return True
        if child.dep_ == "prep" and child.lower_ == "with":
            return True
        if child.dep_ == "dobj" and any(c.dep_ == "prep" and c.lower_ == "with" for c in child.children):
            return True
    return False


def _participle_apposed(token: Token, verb: Token, index: EntityIndex) -> tuple[MentionSpan, Token] | None:
    """The name a common noun in apposition stands for when the matched participle hangs
    from the noun: "Everactive Leisure Trust, a charity based in Gloucester", "Jo Hale, a
    lawyer born in Leeds": the participle says where the named thing is based or born."""
    if token.dep_ != "appos" or token.pos_ != "NOUN" or verb.head != token or verb.dep_ != "acl":
        return None
    mention = index.at(token.head)
    return (mention, token.head) if mention is not None else None


def _participle_place_owner(antecedent: Token, verb: Token, index: EntityIndex) -> Token | None:
    """The name a "which" clause is about when the parser hung it on the place of a participle
    phrase: "Everactive Leisure Trust, a charity based in Gloucester, which signed a contract
    with the council" (the charity signed, not Gloucester; dev page-110). The participle's
    noun, or the name that noun stands in apposition with."""
    if not any(c.dep_ in SUBJECTS and c.lower_ == "which" for c in verb.children):
        return None
    place = index.at(antecedent)
    prep = antecedent.head
    if place is None or place.type != "Location" or antecedent.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    participle = prep.head
    if participle.dep_ != "acl" or participle.tag_ != "VBN":
        return None
    noun = participle.head
    if index.at(noun) is not None:
        return noun
    named = _participle_apposed(noun, participle, index)
    return named[1] if named is not None else None


def _second_object(verb: Token, tail: Token) -> bool:
    """A second direct object of one verb is a misparse ("discipline striker James Beattie
    … for his headbutt on Chelsea defender William Gallas": Gallas hangs from "discipline").
    The pieces of a hyphenated word the parser made objects of their own ("will replace
    co-founder Michael Brandt": "co", "-" and "Brandt" all objects) are no second object."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and not _word_part(c)]
    return len(objects) > 1 and tail.i != objects[0].i


def _apposed(token: Token, index: EntityIndex, relative: bool = False) -> tuple[MentionSpan, Token] | None:
    """The name a common noun or title stands in apposition with: "the Foreign Secretary,
    David Lammy, accused …", "killed by a drunken driver, Troy Akers". With ``relative``,
    also the person a noun in apposition stands for when a "who" clause hangs from the noun:
    "Priya Hegde, the surgeon who heads the Hegde Foundation" (issue 12, role and employer
    recall). Not "Vickery - a list which leaves Robinson short": "which" is no person."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    for child in token.children:
        if child.dep_ == "appos" and (mention := index.at(child)) is not None:
            if token.dep_ in {"dobj", "pobj"} and mention.token_end < len(token.doc) \
                    and token.doc[mention.token_end].tag_ in FINITE_TAGS:
                # "headed the record company Joy Division were signed to": a name right
                # before a finite verb is the subject of a relative clause left without its
                # "that", not the object's other name (issue 12 audit 7).
                break
            return mention, child
    if not relative or token.dep_ != "appos" or token.pos_ != "NOUN":
        return None
    if not any(c.dep_ == "relcl" and any(s.dep_ in SUBJECTS and s.lower_ == "who" for s in c.children) for c in token.children):
        return None
    mention = index.at(token.head)
    return (mention, token.head) if mention is not None and mention.type == "Person" else None


# Kinds of body whose people (officials, ministers, a spokesman) act for it.
BODY_TYPES = frozenset({"Organization", "Country", "Group"})
# Relations whose place end a place typed a person may fill (``_place_typed_person``): going,
# living, coming from, being based, sent or leaving; not joining or working at ("joined
# Preston" is a club).
PLACE_VERB_RELATIONS = frozenset({"VISITED", "LIVES_IN", "FROM", "BASED_IN", "DEPORTED_TO", "LEFT"})
# The bodies a member noun names in the singular ("the company's board", "a Chinese delegation").
COLLECTIVE_MEMBERS = frozenset({"board", "delegation", "management"})


def _member_body(token: Token, index: EntityIndex) -> tuple[MentionSpan, Token] | None:
    """The one body whose people a common noun names: "Namibian energy officials", "Bord na
    Móna managers", "officials from Ivory Coast", "union representatives from Unite", "a
    Chinese delegation". Meeting them is meeting the body (the gold's convention, MET_WITH
    only); with two bodies named ("officials from France and Spain") or none, nothing."""
    members, _ = load_member_nouns()
    word = token.lemma_.lower()
    if token.pos_ != "NOUN" or word not in members or (token.tag_ != "NNS" and word not in COLLECTIVE_MEMBERS):
        return None
    # The parser often hangs the "from" on the verb: "met officials from Ivory Coast".
    after = [c for c in token.head.children if token.dep_ == "dobj" and c.i == token.i + 1 and c.lower_ == "from"]
    return _one_body([*token.children, *after], index, MEMBER_MODIFIERS, MEMBER_PREPS, _expand)


def _one_body(children: list[Token], index: EntityIndex, modifiers: frozenset[str], preps: frozenset[str],
              names_in: Callable[[Token], list[Token]]) -> tuple[MentionSpan, Token] | None:
    """The one body (``BODY_TYPES``) a noun's ``children`` name: a modifier ("Namibian
    officials", "a Labour Party spokesman") or the object of one of ``preps`` ("officials
    from Ivory Coast", "a spokeswoman for Acme"; ``names_in`` gives the object's tokens to
    look up); None when two bodies or none are named."""
    found: dict[str, tuple[MentionSpan, Token]] = {}
    for child in children:
        if child.dep_ in modifiers and (m := index.at(child)) is not None and m.type in BODY_TYPES:
            found.setdefault(m.entity_id, (m, child))
        elif child.dep_ == "prep" and child.lower_ in preps:
            for obj in child.children:
                for t in names_in(obj) if obj.dep_ == "pobj" else []:
                    if (m := index.at(t)) is not None and m.type in BODY_TYPES:
                        found.setdefault(m.entity_id, (m, t))
    return next(iter(found.values())) if len(found) == 1 else None


MEMBER_MODIFIERS = frozenset({"amod", "compound", "nmod"})
MEMBER_PREPS = frozenset({"from", "of"})
SPOKESMAN_MODIFIERS = MEMBER_MODIFIERS | {"poss"}  # "Labour's spokesman"
SPOKESMAN_PREPS = frozenset({"for"})


# What a spokesman for a body voices: the body's stance, not the spokesman's own act.
VOICED_RELATIONS = frozenset({"ACCUSED", "CRITICIZED", "PRAISED", "SUPPORTED", "OPPOSED", "THREATENED"})


def _spokesman_body(token: Token, index: EntityIndex, relation: str) -> tuple[MentionSpan, Token] | None:
    """ "A Labour Party spokesman criticised Michael Howard's record", "a spokeswoman for
    Acme praised …": the body the spokesman speaks for takes the stance (one body named
    with the noun, none else)."""
    _, spokespeople = load_member_nouns()
    if relation not in VOICED_RELATIONS or token.lemma_.lower() not in spokespeople:
        return None
    return _one_body(list(token.children), index, SPOKESMAN_MODIFIERS, SPOKESMAN_PREPS, lambda obj: [obj])


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
    if relation == "MET_WITH" and (body := _member_body(token, index)) is not None:
        return body
    apposed = _apposed(token, index)
    if apposed is None and relation is not None:
        return _possessor(token, index, relation)
    return apposed


# Relations one holder has with one other: conjoined doers and conjoined objects pair off in
# order ("X and Y replace A and B"), never each with each.
RESPECTIVE_RELATIONS = frozenset({"REPLACED"})


# Judgements of something the object belongs to: "attacked Labour's six new pledges",
# "praised Owen's contribution" judge its owner. Backing or rejecting someone's view, bid or
# proposal is not SUPPORTED/OPPOSED of them (the gold's convention: "LSE rejecting Deutsche
# Boerse's proposal targets a bid, not an entity"; dev: "backs the US's policy" was wrong).
STANCE_RELATIONS = frozenset({"CRITICIZED", "PRAISED"})


def _possessor(token: Token, index: EntityIndex, relation: str) -> tuple[MentionSpan, Token] | None:
    """For a stance, the named owner of a common-noun object ("criticised Hardie's actions").
    A role noun ("praised Chelsea's goalkeeper") means the person, not the owner: none."""
    if relation not in STANCE_RELATIONS or token.pos_ != "NOUN" or token.lemma_.lower() in load_titles().bare_words():
        return None
    if token.lemma_.lower() in load_undergone_nouns() or token.lower_ in load_undergone_nouns():
        return None  # "condemned Kuznetsova's naming": the act of whoever named her (issue 12 audit 8)
    for child in token.children:
        if child.dep_ == "poss" and (owner := index.at(child)) is not None:
            if owner.type == "Person" and token.lemma_.lower() in load_institution_nouns():
                return None  # "thanked Bukele's government": the government, not Bukele
            return owner, child
    return None


def _other_gender(pronoun: Token, person: MentionSpan, index: EntityIndex) -> bool:
    """ "Clara Furse … He told reporters": the one person named near the pronoun is of the other
    gender than it needs, so it means someone else (issue 12: same gender; an honorific or a
    given name of any of the person's mentions in the article says which, ``person_gender``)."""
    needed = pronoun_gender(pronoun.lower_)
    if needed is None:
        return False
    spans = [(m.token_start, m.token_end) for m in index.mentions if m.entity_id == person.entity_id]
    shown = person_gender(pronoun.doc, spans)
    return shown is not None and shown != needed


def _chain_before(pronoun: Token, person: MentionSpan, index: EntityIndex, sentences: list[int]) -> bool:
    """ "At 18 she became a Loretto nun. She was sent to India": the same pronoun is a subject
    before the person's first mention in the pronoun's sentence or the one before, in that
    mention's sentence, so the two pronouns carry on from someone named earlier, and the one
    name between them is not the nearest subject that fits (issue 12 session 11 pronoun audit:
    "Loretto" was read as the one sent to India)."""
    here = sentences[pronoun.i]
    first = min(m.token_start for m in index.mentions
                if m.entity_id == person.entity_id and 0 <= here - m.sentence <= 1 and m.token_end <= pronoun.i)
    doc = pronoun.doc
    return any(t.lower_ == pronoun.lower_ and t.dep_ in SUBJECTS for t in doc[doc[first].sent.start : first])


def _pronoun_beside(pronoun: Token, person: MentionSpan, index: EntityIndex, sentences: list[int]) -> bool:
    """ "She met Margaret Thatcher in 1983. Thatcher, she said later, 'gave me nothing'. After
    retiring she lived in Durham": in the sentence before the pronoun's, the same pronoun is
    the subject of a verb the one named person hangs from, so that pronoun cannot be her ("she
    said Thatcher …", "she met Thatcher": someone else, a second antecedent of the pronoun's
    gender named earlier); the later pronoun may be either, so it links nothing (issue 12,
    session 15: dev page-294 Thatcher LIVES_IN Durham; "a pronoun with two possible
    antecedents gets no edge"). "Voters backed Lund and he won": "he" heads its own clause,
    not Lund's, and may well be Lund."""
    here = sentences[pronoun.i]
    doc = pronoun.doc
    for m in index.mentions:
        if m.entity_id != person.entity_id or here - m.sentence != 1:
            continue
        root = doc[m.token_start : m.token_end].root
        if any(t.lower_ == pronoun.lower_ and t.dep_ in SUBJECTS and t.head.is_ancestor(root) for t in root.sent):
            return True
    return False


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
    person = next(iter(found.values()))
    if _other_gender(token, person, index) or _chain_before(token, person, index, sentences) \
            or _pronoun_beside(token, person, index, sentences):
        return None
    if _unnamed_titled_subject(token, index, doc_start=token.doc[person.token_start].sent.start):
        return None
    return person


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Nouns that name a person without a name: context cues' person nouns, the unnamed
    person nouns ("husband", "friend") and one-word occupations; built once, not per pronoun."""
    return load_context_cues().person_nouns | unnamed_person_nouns() \
        | frozenset(w for w in load_occupations() if " " not in w)


def _unnamed_titled_subject(pronoun: Token, index: EntityIndex, doc_start: int) -> bool:
    """A person named by a title alone is a subject between the named person's sentence and
    the pronoun: "On Monday the Pakistani president met Prime Minister Tony Blair. He is due
    to visit the Pakistani community in Manchester" ("he" is the president, not Blair:
    unlabelled BBC, issue 12 session 13). "The minister, Jo Hale, ..." names its holder."""
    # "Tom Walker's brother joined the army. He later criticised …", "Her husband met …", "A
    # friend of Lund spoke …": a person noun with a possessor or an indefinite article is an
    # unnamed person too, as a title with an article is (issue 12, session 15), unless it
    # names the other gender than the pronoun needs. "The Swiss star" may be the named
    # person again, so a definite article alone does not make one.
    titles = load_titles().bare_words()
    person_nouns = _person_nouns()
    needed = pronoun_gender(pronoun.lower_)
    for t in pronoun.doc[doc_start : pronoun.i]:
        if t.dep_ not in SUBJECTS or t.pos_ != "NOUN" or index.at(t) is not None \
                or any(c.dep_ == "appos" and index.at(c) is not None for c in t.children):
            continue
        lemma = t.lemma_.lower()
        if lemma in titles and any(c.dep_ == "det" for c in t.children):
            return True
        if lemma in person_nouns and any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in INDEFINITE_ARTICLES)
                                         for c in t.children) \
                and not (needed is not None and noun_gender(lemma) not in {None, needed}):
            return True
    return False


PERSON_RELATIVES = frozenset({"who", "whose", "whom"})
# Articles that bring in someone new: "a friend of Lund", "another lawyer".
INDEFINITE_ARTICLES = frozenset({"a", "an", "another"})


def _after_unnamed_relative(token: Token, index: EntityIndex) -> bool:
    """A relative clause on a common noun opens before the pronoun in its sentence: "Desailly
    fouled the Argentine, whose coach at Boca Juniors before he joined Fiorentina was ...":
    "he" may well be the Argentine, so no name is certain (issue 12 audit 9; the model hung
    "whose" as a possessive and "joined" from "fouled", so the parse does not show it)."""
    doc = token.doc
    for t in doc[token.sent.start : token.i]:
        if t.lower_ in PERSON_RELATIVES:
            before = t.i - 2 if t.i - 2 >= token.sent.start and doc[t.i - 1].text == "," else t.i - 1
            if before < token.sent.start:
                continue
            word = doc[before]
            # "Smith, the chief executive who founded Acme, said he ...": the name's own apposition.
            owner = word.head if word.dep_ == "appos" else word
            if (m := index.at(owner)) is None or m.type != "Person":
                return True
    return False


def _clause_antecedent(token: Token, index: EntityIndex) -> MentionSpan | None:
    """The person a "he"/"she" subject means when its own sentence settles it: the one
    person named before it in the sentence is the subject of a clause that holds the
    pronoun's ("Stern recently announced he was leaving Viacom", "Mr Curry is American,
    but he grew up in the Netherlands", "Mr Kennedy is … as he visits Manchester"). A
    reporter's "X said he …" means X; with a second person named before the pronoun
    ("Mandaric told Redknapp he …") nothing is settled."""
    if token.dep_ not in SUBJECTS:
        return None
    sent = token.sent
    before = [m for m in index.mentions if sent.start <= m.token_start and m.token_end <= token.i]
    people = {m.entity_id for m in before if m.type == "Person"}
    if len(people) != 1:
        return None
    person = next(m for m in before if m.type == "Person")
    root = token.doc[person.token_start : person.token_end].root
    if root.dep_ not in SUBJECTS or root.head.i == token.head.i or root.head not in token.ancestors:
        return None
    # A relative clause between them brings its own antecedent: "Desailly fouled the
    # Argentine, whose coach before he joined Fiorentina was Tabarez": "he" is the Argentine
    # (issue 12 audit 9).
    for t in token.ancestors:
        if t.i == root.head.i:
            break
        if t.dep_ == "relcl" and not person.token_start <= t.head.i < person.token_end:
            return None
    # A name the model did not tag could be the one meant ("Ruto told Abiy he …").
    for t in token.doc[sent.start : token.i]:
        if (t.pos_ == "PROPN" and t.dep_ in UNTAGGED_ACTOR_DEPS and t.ent_type_ in {"", "PERSON"}
                and index.at(t) is None and not t.is_sent_start):
            return None
    return None if _other_gender(token, person, index) else person


# What a company calls itself in the clause its own statement introduces: "Metrolinx said it
# had signed a contract with Lakeshore", "Lehigh Rail Parts said the company had signed a
# deal with Norfolk Southern" (issue 12, recall of verb relations: page and wire text state a
# firm's deals this way). The company nouns are staff_titles.json's article_owner_nouns (what
# stands for the article's company before an officer title); a clause names its own actor, so
# "the club", "the agency" and "the government" (a country) may stand for it here, where the
# article's company is no club, agency or government (sports clubs have their own titles).
CLAUSE_SELF_NOUNS = frozenset({"club", "agency", "government"})


def _clause_organisation(token: Token, index: EntityIndex) -> MentionSpan | None:
    """The organisation (or country) an "it" or "the company" subject means when its own
    sentence settles it: the one organisation or country named before it is the subject of
    a clause that holds it ("Metrolinx said it had signed …", "Kenya said the government had
    signed …"). With a second organisation, country or a person named before it ("Smith told
    Acme it …"), or a name the model did not tag, nothing is settled."""
    if token.dep_ not in SUBJECTS:
        return None
    if token.lower_ != "it":
        kids = list(token.children)
        if token.lemma_.lower() not in load_article_owner_nouns() | CLAUSE_SELF_NOUNS or token.tag_ != "NN" or [c.lower_ for c in kids] != ["the"]:
            return None
    sent = token.sent
    before = [m for m in index.mentions if sent.start <= m.token_start and m.token_end <= token.i]
    actors = {m.entity_id for m in before if m.type in {"Organization", "Country", "Person"}}
    if len(actors) != 1:
        return None
    named = next(m for m in before if m.entity_id in actors)
    if named.type not in ({"Organization", "Country"} if token.lower_ == "it" else {"Organization"} if token.lemma_.lower() != "government" else {"Country"}):
        return None
    root = token.doc[named.token_start : named.token_end].root
    if root.dep_ not in SUBJECTS or root.head.i == token.head.i or root.head not in token.ancestors:
        return None
    for t in token.doc[sent.start : token.i]:
        if (t.pos_ == "PROPN" and t.dep_ in UNTAGGED_ACTOR_DEPS and index.at(t) is None and not t.is_sent_start):
            return None
    return named


# Words that make a title someone else's or another time's: "former foreign secretary
# Robin Cook" is not "the foreign secretary" of the article.
NOT_THE_HOLDER = frozenset({"former", "ex", "acting", "shadow", "interim", "outgoing", "then", "late", "deputy", "vice", "assistant", "junior"})


ORG_HEAD = "<organisation>"  # key prefix of an organisation's head noun in title_holders
ORG_INNER = "<organisation word>"  # key prefix of another word of an organisation's name


def title_holders(doc: Doc, index: EntityIndex) -> dict[tuple[str, ...], dict[str, int]]:
    """Each title the article gives a person by name ("Prime Minister Tony Blair", "Gov.
    Josh Shapiro" is none: an abbreviation) → the people holding it and where each is
    first titled: the run of title words right before the name, whole."""
    titles = load_titles()
    words, honorifics = titles.bare_words(), titles.honorifics
    held: dict[tuple[str, ...], dict[str, int]] = {}
    for m in index.mentions:
        if m.type != "Person":
            continue
        start = doc[m.token_start].sent.start
        i = m.token_start
        while i > start and doc[i - 1].lower_.rstrip(".") in words and index.at(doc[i - 1]) is None:
            i -= 1
        run = tuple(t.lower_.rstrip(".") for t in doc[i : m.token_start] if t.lower_.rstrip(".") not in honorifics)
        if not run or NOT_THE_HOLDER & set(run) or (i > start and doc[i - 1].lower_ in NOT_THE_HOLDER):
            continue
        held.setdefault(run, {}).setdefault(m.entity_id, m.token_start)
    for m in index.mentions:
        # "Public Investment Fund … praised the fund", "Riggs Bank … the bank": the head
        # noun of an organisation's name (ORG_HEAD keys).
        if m.type == "Organization" and m.token_end - m.token_start >= 2 and doc[m.token_end - 1].is_title:
            held.setdefault((ORG_HEAD, doc[m.token_end - 1].lower_), {}).setdefault(m.entity_id, m.token_start)
        if m.type == "Organization":
            # "Major League Baseball" beside "American League": "the league" may be either
            # (ORG_INNER keys only make a reference uncertain; dev page-54).
            for t in doc[m.token_start : m.token_end - 1]:
                if t.is_title:
                    held.setdefault((ORG_INNER, t.lower_), {}).setdefault(m.entity_id, m.token_start)
    return held


def _title_reference(token: Token, index: EntityIndex, held: dict[tuple[str, ...], dict[str, int]]) -> MentionSpan | None:
    """The person "the <title>" stands for when the article titles one person so and names
    them before: "Governor Josh Shapiro … Joe Pittman criticized the governor", "Prime Minister
    Anthony Albanese … The Prime Minister will travel to Darwin". Only the whole title
    (no "the secretary" for a "Transport Secretary"), with nothing else said of the noun
    ("the centrist prime minister", "the minister for X", "his minister": none). Likewise
    the one organisation whose name ends in the noun ("the fund", "the bank")."""
    if token.pos_ not in {"NOUN", "PROPN"} or token.tag_ in {"NNS", "NNPS"}:
        return None
    # "The council, which is based in Carlisle, will pay": a relative clause set off by a
    # comma adds to the one named before and does not choose another (issue 12, session 14;
    # without a comma, "the minister who resigned" may be another minister).
    aside = token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == "," \
        and any(c.dep_ == "relcl" for c in token.rights)
    kids = [c for c in token.children if not (aside and c.i > token.i and c.dep_ in {"punct", "relcl"})]
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids):
        return None
    if any(c.dep_ not in {"det", "compound", "amod"} for c in kids):
        return None
    key = tuple(t.lower_.rstrip(".") for t in token.lefts if t.dep_ in {"compound", "amod"}) + (token.lower_.rstrip("."),)
    holders = held.get(key, {})
    if not holders and len(kids) == 1:
        holders = held.get((ORG_HEAD, token.lower_), {})  # "the fund": the one Investment Fund named before
        sent = token.sent
        if any(org not in holders and not sent.start <= first < sent.end
               for org, first in held.get((ORG_INNER, token.lower_), {}).items()):
            # Another organisation has the word in its name ("Major League Baseball" beside
            # "American League"); one named in this very sentence is another party of it
            # ("Crowe joined the airport from Brisbane Airport Corporation").
            return None
    if len(holders) != 1:
        return None
    person, first = next(iter(holders.items()))
    if first >= token.i:
        return None  # named after the reference: no antecedent yet
    return next((m for m in index.mentions if m.entity_id == person and m.token_start == first), None)


def _relative_antecedent(token: Token) -> Token:
    """The name a relative pronoun subject stands for: "Abiy, who will travel to Kampala to
    meet Museveni" (the purpose clause hangs from "travel", whose subject is "who")."""
    if token.lower_ in {"who", "that"} and token.dep_ in SUBJECTS and token.head.dep_ == "relcl":
        return token.head.head
    return token


def _title_modifier(doc: Doc, mention: MentionSpan, index: EntityIndex) -> bool:
    """A place or organisation premodifying a title and a name ("Colorado Senator Michael
    Bennet criticized …", "Tory leader Michael Howard said"): the parser may make it a second
    subject, but the person does the verb (issue 12, gold dev page-05)."""
    if mention.type == "Person":
        return False
    title_words = load_titles().bare_words()
    i = mention.token_end
    sent_end = doc[mention.token_start].sent.end
    while i < sent_end and doc[i].lower_.rstrip(".") in title_words and index.at(doc[i]) is None:
        i += 1
    after = index.at(doc[i]) if mention.token_end < i < sent_end else None
    return after is not None and after.type == "Person" and after.token_start == i


# "player of the year", "manager of the month", "man of the match": what an award names the
# winner, read from the period or occasion after "of".
AWARD_OCCASIONS = {"year", "month", "week", "season", "decade", "century", "match", "tournament", "series", "championship", "championships", "games"}


def _award_title(complement: Token) -> bool:
    return any(p.lower_ == "of" and any(o.lemma_.lower() in AWARD_OCCASIONS for o in p.children if o.dep_ == "pobj")
               for p in complement.children if p.dep_ == "prep")


def _closed_pair(token: Token) -> bool:
    """One name conjoined with the token through ", and" / ", or": a pair takes no comma
    before its conjunction, so the comma ends the clause the token is in."""
    conjuncts = [c for c in token.conjuncts if c.i != token.i]
    if len(conjuncts) != 1:
        return False
    cc = next((c for c in token.children if c.dep_ == "cc" and c.lower_ in {"and", "or"}), None)
    return cc is not None and cc.i > 0 and token.doc[cc.i - 1].text == ","


def _carries_word(verb: Token, tail: Token, words: tuple[str, ...]) -> bool:
    """One of ``words`` (a lemma or as written) hangs from the verb or its object: a
    complement or adverb ("shot dead", "fatally shot"), a prepositional phrase ("stabbed to
    death"), a conjoined or following verb ("shot and killed", "shot him, killing him"), or a
    relative clause on the object ("shot Walker, who died"). Not anywhere in the sentence:
    "Brady was shot by Hinckley, who tried to kill Reagan" says nothing of Brady's death."""
    def said(t: Token) -> bool:
        return t.lemma_.lower() in words or t.lower_ in words

    for c in verb.children:
        if said(c) and c.dep_ in {"acomp", "oprd", "advmod", "npadvmod", "ccomp", "xcomp", "advcl", "conj", "dep"}:
            return True
        if c.dep_ == "prep" and any(said(g) for g in c.children):
            return True
    return any(said(c) for c in verb.conjuncts) or any(c.dep_ == "relcl" and said(c) for c in tail.children)


def _contest_prediction(verb: Token, complements: tuple[str, ...]) -> bool:
    """ "backed Ireland to win the series", "backs Smith to beat Jones": the object's
    to-infinitive of a contest verb, said of the object."""
    return any(
        c.dep_ in {"xcomp", "advcl", "ccomp"} and c.lemma_.lower() in complements
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


def _placing(verb: Token) -> bool:
    """ "came second in Berlin", "finished third at the Games": an ordinal on the verb
    makes it a result in a contest, not a movement ("flew to Brussels ..., his first since
    taking office" is a first trip: an ordinal with an owner is no placing)."""
    return any(
        c.ent_type_ == "ORDINAL" and c.dep_ in {"advmod", "npadvmod", "acomp", "oprd", "attr", "dobj"}
        and not any(k.dep_ == "poss" for k in c.children)
        for c in verb.children
    )


def _named_object(verb: Token, index: EntityIndex) -> bool:
    """The verb's direct object is a name or stands in apposition with one."""
    return any(c.dep_ == "dobj" and (index.at(c) is not None or _apposed(c, index) is not None) for c in verb.children)


def _in_contest(verb: Token) -> bool:
    """ "meet X in the final", "meet X in Saturday's charity match": the verb's
    in/at/during phrase names a sports contest (``data/sport.json`` ``contest_nouns``).
    One with "of" after it is a contest only when a name follows: "in the first round of the
    Australian Open" is a fixture (issue 12 band audit, session 12), "in the next round of
    talks" is not."""
    contests = load_sport_rules().contest_nouns
    return any(
        p.dep_ == "prep" and p.lower_ in {"in", "at", "during"}
        and any(o.dep_ == "pobj" and (o.lemma_.lower() in contests or o.lower_ in contests)
                and not any(k.dep_ == "prep" and k.lower_ == "of" and not _names_event(k) for k in o.children)
                for o in p.children)
        for p in verb.children
    )


def _beside_result(verb: Token) -> bool:
    """ "Si Jiahui beat Jack Lisowski 6-2 and meets Judd Trump on Thursday": a verb conjoined
    with a sports result verb (``data/sport.json`` ``result_verbs``: beat, defeat, thrash …)
    is the next fixture, not a meeting (issue 12, session 15: dev page-356 MET_WITH 0.94)."""
    results = load_sport_rules().result_verbs
    return any(c.lemma_.lower() in results for c in verb.conjuncts)


def _names_event(of: Token) -> bool:
    """An "of" whose object is a proper name ("the final of the FA Cup"), not a common noun
    ("the round of talks")."""
    return any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in of.children)


def _object_complement(verb: Token) -> bool:
    """ "left Labour divided", "left the party weaker": a past participle or adjective after
    the object, said of it (a small clause), not a to-infinitive of purpose ("left Liverpool
    to join Real Madrid"). A gerund is left alone: "left UKIP saying …" is the subject's
    own act as often as "left Howard facing a revolt" is the object's state."""
    if not any(c.dep_ == "dobj" for c in verb.children):
        return False
    return any(
        (c.dep_ in {"oprd", "acomp"} or c.dep_ in {"xcomp", "ccomp"}) and c.tag_ in {"VBN", "JJ", "JJR"}
        and not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children if c.i > verb.i
    )


def _noun_word(token: Token) -> str:
    """A noun's lemma, or the hyphenated word it ends ("line-up" is "line", "-", "up")."""
    if token.i >= 2 and token.doc[token.i - 1].text == "-" and not token.doc[token.i - 1].whitespace_ \
            and not token.doc[token.i - 2].whitespace_:
        return f"{token.doc[token.i - 2].lower_}-{token.lower_}"
    return token.lemma_.lower()


def _given_name_person(doc: Doc, person: MentionSpan, index: EntityIndex) -> bool:
    """Whether one of the person's mentions opens with a given name (gender-guesser's list):
    "Tony Blair" before "visited Mr Blair"; none for a place typed a person ("Boora")."""
    return person.type == "Person" and any(
        m.entity_id == person.entity_id and has_given_name(doc[m.token_start].text) for m in index.mentions)


def _place_typed_person(doc: Doc, name: MentionSpan, index: EntityIndex) -> bool:
    """A name the model typed a person that is a place the gazetteers know: written as one
    word every time, never after a capitalised word ("Mr", "President", a given name), and a
    city, town, region or country by name ("will visit Kyiv next week", "leaves for Garissa by
    helicopter", "had visited Hamilton twice during the campaign"; issue 12, session 16: the
    small model types a place a person beside a person subject). A person written so ("met
    Hamilton") is rare outside sports reports, which the callers leave out."""
    if name.type != "Person":
        return False
    spans = [m for m in index.mentions if m.entity_id == name.entity_id]
    words = {doc[m.token_start : m.token_end].text for m in spans}
    if len(words) != 1 or any(m.token_end - m.token_start != 1 for m in spans):
        return False
    if any(m.token_start > 0 and doc[m.token_start - 1].is_title and not doc[m.token_start].is_sent_start for m in spans):
        return False
    return gazetteer_place(next(iter(words)))


def _attributive_participle(verb: Token) -> bool:
    """ "briefed visiting Congressman Dana Rohrabacher": a bare "-ing" form right before its
    object, hung on a verb that then has no object of its own, is an adjective on the object
    (the visitor is the object), whatever the parser made of it; "kept visiting X" after a
    verb that takes a gerund is an act of the subject (``statement_cues.json``
    ``gerund_governors``)."""
    if verb.tag_ != "VBG" or any(c.dep_ in {"aux", "auxpass", *SUBJECTS} for c in verb.children):
        return False
    governor = verb.head
    if governor.i == verb.i or governor.i > verb.i or any(c.dep_ in {"dobj", "dative"} for c in governor.children):
        return False
    if governor.lemma_.lower() in load_statement_cues().gerund_governors:
        return False
    return verb.i + 1 < len(verb.doc) and any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children) \
        and all(t.pos_ in {"PROPN", "NOUN", "ADJ", "DET", "PUNCT"} for t in verb.doc[verb.i + 1 : max(c.i for c in verb.children if c.dep_ == "dobj")])


def _attributive(verb: Token) -> bool:
    """ "Walter Salles critically acclaimed The Motorcycle Diaries … received": an adverb of
    acclaim right before a bare past-tense verb (no auxiliary) makes it a participle
    modifying the next noun, an apostrophe having gone missing, not a verb with a subject
    (``statement_cues.json`` ``attributive_adverbs``; issue 12 audit 8)."""
    if verb.i == 0 or verb.tag_ not in {"VBD", "VBN"} or any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False
    before = verb.doc[verb.i - 1]
    return before.head.i == verb.i and before.dep_ == "advmod" and before.lower_ in load_statement_cues().attributive_adverbs


def verb_relations(doc: Doc, index: EntityIndex, sentences: list[int], nlp: Language, sports: bool) -> list[ExtractedRelation]:
    compiled = compiled_rules(nlp)
    confidence = load_confidence()
    found: dict[tuple[str, str, int, int], ExtractedRelation] = {}
    specific_verbs: set[int] = set()
    matches = _candidate_matches(compiled, doc, index, sentences)
    @cache
    def held() -> dict[tuple[str, ...], dict[str, int]]:
        """The article's titled people, read when first needed."""
        return title_holders(doc, index)

    article_organisation = article_organisation_reader(doc, index)

    def referenced(tokens: list[Token], paragraph: bool) -> tuple[list[tuple[int, tuple[MentionSpan, Token]]], str]:
        """The mentions ``tokens`` stand for as "the <title>" or an organisation's head noun
        ("the governor", "the fund": ``_title_reference``), else as the article's
        organisation ("the company": ``article_reference``), else as the one organisation
        of the sentence before in its paragraph (``paragraph_reference``; ``paragraph``: only
        for a typed rule: "The group also includes Bath flanker Andy Beattie" read by the
        catch-all is a squad, not the club named before), each with its token's place among
        ``tokens``; and the method that says which (the first one's)."""
        refs = [(slot, (m, tok)) for slot, tok in enumerate(tokens) if (m := _title_reference(tok, index, held())) is not None]
        if refs:
            return refs, "dep_title_ref" if refs[0][1][0].type == "Person" else "dep_name_ref"
        refs = [(slot, (m, tok)) for slot, tok in enumerate(tokens)
                if (m := article_reference(tok, index, article_organisation)) is not None]
        if refs or not paragraph:
            return refs, "dep_article_ref"
        # No organisation the article is about: the one the sentence before names, in the
        # same paragraph (its own method: a nearer, other kind of certainty).
        return [(slot, (m, tok)) for slot, tok in enumerate(tokens)
                if (m := paragraph_reference(tok, index)) is not None], "dep_paragraph_ref"

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
        if voice.endswith(":relcl") and any(c.dep_ in SUBJECTS and c.lower_ == "which" for c in verb.children) \
                and (m := index.at(doc[nodes["head"]])) is not None and m.type == "Person":
            continue  # "Stena Line, which is based in Gothenburg" typed a person: "which" says it is none
        if voice.endswith(":xcomp") and verb.dep_ == "conj" and any(c.dep_ in SUBJECTS for c in verb.children):
            continue  # a conjoined verb with its own subject is not sharing the first one's
        if voice.endswith(":xcomp") and verb.dep_ == "conj" and _named_right_before(doc, verb, index, nodes["head"]):
            # "Mefin Davies plays at hooker ... and lock Rob Sidoli replaces Gareth
            # Llewellyn": a name right before a finite verb is its subject, whatever the
            # parser hung it on, so the verb does not share the first clause's subject.
            continue
        if voice.endswith(":xcomp") and verb.dep_ == "xcomp" and _object_control(verb.head):
            continue  # "urged the men to step down", "called on the FA to punish X": not the subject's act
        if voice.endswith(":xcomp") and _attributive_participle(verb):
            continue  # "Masood briefed visiting Congressman Rohrabacher": the visitor is the object
        if voice.endswith(":purpose") and any(c.dep_ in {"dobj", "dative", "acomp", "attr", "oprd"} for c in verb.head.children):
            # "hired Smith to replace Jones": the object's act, not the subject's; "looked
            # set to move to Chelsea", "is keen to meet X": a state, not an act with a purpose.
            continue
        if (voice.endswith(":advcl") or voice.endswith(":advcl-object")) and (
                rule.verbs == ("*",) or any(c.dep_ in {*SUBJECTS, "mark"} for c in verb.children)):
            # "…, leaving Smith to face Jones": a participle with its own subject is not the
            # clause subject's act; nor one after "while"/"when"/"as"; the catch-all takes
            # no participles.
            continue
        if rule.relation == "WORKS_FOR" and "prep" in nodes and doc[nodes["prep"]].lower_ == "from" \
                and not _joined_employer(verb, index):
            continue  # "joined two girls from St Egwin's School": the "from" is the object's
        if (voice.endswith(":advcl") or voice.endswith(":advcl-object")) and rule.relation == "CALLED":
            continue  # "praised the choice, calling Ellison 'one of the finest'": naming, not a call
        if voice.endswith(":advcl") and any(c.dep_ in {"dobj", "dative", "oprd"} for c in verb.head.children):
            continue  # "appointed Whitlock as chief executive, replacing Hale": whose act is not the subject's
        if voice.endswith(":advcl-object") and verb.head.lemma_.lower() not in _appointing_verbs():
            continue
        if voice == "dobj:second-subject" and not (
            nodes["head"] < verb.i < nodes["tail"] and not any(c.dep_ in {"dobj", "dative"} for c in verb.children)
        ):
            continue
        if voice.endswith(":pcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.head.head.children):
            # "Barkley allowed England to kick better after replacing Tait": the subject of an
            # infinitive after "allow"/"let"/"want" is the first verb's object, so the gerund's
            # doer is not settled by it (Barkley replaced Tait; issue 12 audits 7c and 8).
            continue
        if voice.endswith(":pcomp") and _judged_object_acts(verb):
            continue  # "criticised the ministry for signing a deal with Google": the ministry signed
        if rule.intransitive and any(c.dep_ == "dobj" for c in verb.children):
            continue
        if voice.startswith("dobj:") and _second_object(verb, doc[nodes["tail"]]):
            continue
        if voice.startswith("conj:") and rule.relation == "MET_WITH" and (verb.pos_ != "VERB" or verb.tag_ == "VBZ"):
            # "Iraq and Afghanistan in WTO talks": a headline's noun, not two sides meeting
            # (two subjects take no singular "talks": the parse is wrong).
            continue
        if voice == "conj:subjects" and rule.relation == "SIGNED_WITH" and any(
                c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ == "for") for c in verb.children):
            continue  # "X and Y have signed up for a sitcom", "signed for Chelsea": each signed, not with the other
        if voice == "conj:subjects" and rule.relation == "SIGNED_WITH" and _third_party(verb):
            # "Reid, Mensah and Pendleton have each signed two-year deals with the club": each
            # signed with the "with" party, not with one another (dev page-143).
            continue
        if rule.relation == "APPOINTED" and any(c.dep_ == "oprd" and _award_title(c) for c in verb.children):
            continue  # "was named player of the year": an award, not a post (issue 12 audit)
        if rule.needs_words and not _carries_word(verb, doc[nodes["tail"]], rule.needs_words):
            continue  # "Booth shot Lincoln": nothing says Lincoln died
        if rule.not_with and any(c.dep_ in {"prt", "prep"} and c.lower_ in rule.not_with for c in verb.children):
            continue  # "called up Peter Mills", "had to settle for silver in Spain": another verb
        if rule.verbs == ("*",) and verb.lemma_.lower() in load_sport_rules().result_verbs:
            continue  # "Federer (Switzerland) beat Roddick (United States)": a result, no interaction
        if rule.not_complements and _contest_prediction(verb, rule.not_complements):
            continue  # "backed Ireland to win the series": a tip, not support (issue 12 audit 7)
        if rule.not_objects and any(c.dep_ == "dobj" and c.lower_ in rule.not_objects for c in verb.children):
            continue  # "led the American League in strikeouts": a ranking, not a post (issue 12, session 15)
        if rule.not_prep_objects and any(
                p.dep_ == "prep" and any(o.dep_ == "pobj" and _noun_word(o) in rule.not_prep_objects for o in p.children)
                for p in verb.children):
            continue  # "will support U2 on their tour": a support act, not support (issue 12 audit 8)
        if rule.not_in_sports and sports:
            specific_verbs.add(verb.i)
            continue  # "will fight Danny Williams": a bout, not opposition (issue 12 audit 8)
        if rule.no_object_complement and voice.startswith("dobj:") and _object_complement(verb):
            continue  # "left Labour divided": causative, no departure (issue 12 audit 8)
        if rule.preps and _placing(verb):
            continue  # "came second in Berlin": a result, not a journey (issue 12 audit 7)
        if "prep" in nodes and doc[nodes["prep"]].lower_ == "with" and _named_object(verb, index):
            # "partnered striker Carlos Diaz with Peter Mills": the "with" pairs the object,
            # not the subject (issue 12 audit 7).
            continue
        if rule.relation == "MET_WITH" and (_in_contest(verb) or _beside_result(verb)):
            # "will meet Tom Walker in Saturday's charity match": a fixture, not a meeting
            # (LABELLING.md), whatever the article's other words (issue 12 audit 7); nor
            # is it a catch-all interaction.
            specific_verbs.add(verb.i)
            continue
        if rule.relation == "VISITED" and sports and "head" in nodes and (m := index.at(doc[nodes["head"]])) is not None \
                and m.type != "Person":
            # "With England and France visiting Lansdowne Road": in a sports report a side
            # visiting a ground or a country is an away fixture, not a visit (issue 12 audit 7;
            # motion verbs already take people only).
            continue
        if "passive" not in voice and voice != "participle" and _attributive(verb):
            continue  # "Salles critically acclaimed The Motorcycle Diaries": no verb (issue 12 audit 8)
        if voice.startswith("prep:passive") and rule.relation == "VISITED":
            continue  # "He was flown to Casablanca": being taken somewhere is no visit (issue 12, page-19)
        # "signed a deal with X", "held talks with X", "paid a visit to X": the object noun
        # names the act, so the name sits four arcs from the subject, and the model's
        # path > 3 weight (fitted on loose long paths) held every such edge below the floor
        # ("signed a contract with" 0.81 on dev, right 24 of 25): its own method lets the
        # refit weigh the shape by itself (issue 12, session 12). Not a row taking any object
        # ("*": "visited the plant in Wisbech"): the place of what was visited, another shape.
        # "X is based in Leeds", "was born in Galway", "a charity based in Gloucester": a place
        # rule's passive without an agent is a state said of the subject, not the far doer of
        # an agent passive ("was set up by X"), which the model weighs down; and two conjoined
        # doers who sign or meet ("Kenya and Ethiopia signed an agreement") sit one arc apart,
        # unlike the transfers and takeovers of "dep" SIGNED_WITH. Each its own method, so the
        # refit weighs it apart (issue 12, session 13; dev right 12 of 12 and 6 of 6).
        method = "dep_passive_place" if voice.startswith("prep:passive") \
            and rule.tail_types is not None and rule.tail_types <= PLACES else \
            "dep_passive" if "passive" in voice else \
            "dep_conjoined" if voice.startswith("conj:") else \
            "dep_object_prep" if voice.startswith("oprep") and rule.objects != ("*",) else "dep"
        heads = []
        # Each name's place among the conjoined words, named or not, to pair them off in order.
        head_token = doc[nodes["head"]]
        if voice.endswith(":relcl") and (owner := _participle_place_owner(head_token, verb, index)) is not None:
            head_token = owner  # "X, a charity based in Gloucester, which signed …": X signed
        head_words = sorted(_expand(_relative_antecedent(head_token)), key=lambda t: t.i)
        head_slots: list[int] = []
        for slot, tok in enumerate(head_words):
            mention = index.at(tok)
            if mention is None and tok.lower_ in PRONOUNS and _after_unnamed_relative(tok, index):
                continue
            if mention is None and tok.lower_ in PRONOUNS:
                mention = _clause_antecedent(tok, index)
                if mention is not None:
                    method = "dep_pronoun_clause"  # settled by its own sentence: a verb's own reliability
                else:
                    mention = _antecedent(tok, index, sentences)
                    method = "dep_pronoun"
            elif mention is None and (named := _spokesman_body(tok, index, rule.relation)) is not None:
                mention, tok = named  # "a Labour Party spokesman criticised …": the party's stance
                method = "dep_name_ref"
            elif mention is None and (mention := _clause_organisation(tok, index)) is not None:
                method = "dep_pronoun_clause"  # "Metrolinx said it had signed …": its own sentence settles it
            elif mention is None and voice == "prep:passive-participle" and (named := _participle_apposed(tok, verb, index)) is not None:
                mention, tok = named
            elif mention is None and (named := _apposed(tok, index, relative=rule.relation != "INTERACTED_WITH")) is not None:
                # "The Foreign Secretary, David Lammy, accused …"; "Priya Hegde, the surgeon who
                # heads …" only for a typed rule: the catch-all verb rule reads any verb ("the
                # dictator who ruled Argentina"), only a typed rule's says what the person did.
                mention, tok = named
            elif mention is None:
                # "The Prime Minister will travel …", "the company, which is based in Kirkwall"
                refs, ref_method = referenced([tok], rule.verbs != ("*",))
                if refs:
                    mention, method = refs[0][1][0], ref_method
            if mention is not None:
                heads.append((mention, tok))
                head_slots.append(slot)
        if voice == "conj:agents" and any((m := index.at(doc[nodes[n]])) is None or m.type == "Person" for n in ("head", "tail")):
            # "signed … by Globe president Arturo Lacson and Hannah Keel": people signing a
            # deal sign for their firms; the parties are the organisations (gold dev page-44).
            continue
        if voice.startswith("conj:"):
            # One relation per pair of the conjoined names, in text order, not both ways.
            heads = [(m, t) for m, t in heads if t.i == nodes["head"]]
            # "Nowak and his Czech counterpart, Jan Dvorak, met": the name in apposition.
            tails = [pair for tok in [doc[nodes["tail"]]] if (pair := _named(tok, index)) is not None]
            head_words, head_slots, tail_words, tail_slots = [], [0] * len(heads), [], [0] * len(tails)
        else:
            tail_tokens = sorted(_expand(doc[nodes["tail"]]), key=lambda t: t.i)
            if verb.dep_ == "relcl" and _closed_pair(doc[nodes["tail"]]):
                # "includes hooker Tom Walker, who replaces the retired Peter Mills, and Sale
                # wing Mark Jones": a comma before the "and" of a pair closes the relative
                # clause; the second name belongs to the list outside it (issue 12 audit 7).
                tail_tokens = [doc[nodes["tail"]]]
            tail_words = tail_tokens
            named_tails = [(slot, pair) for slot, tok in enumerate(tail_tokens) if (pair := _named(tok, index, rule.relation)) is not None]
            if not named_tails:
                # "criticized the governor", "King praised the company"
                named_tails, ref_method = referenced(tail_tokens, rule.verbs != ("*",))
                if named_tails:
                    method = ref_method
            tails = [pair for _, pair in named_tails]
            tail_slots = [slot for slot, _ in named_tails]
        if not heads or not tails:
            continue
        pairs = [(h, t) for h in heads for t in tails]
        if rule.relation in RESPECTIVE_RELATIONS and len(tail_words) > 1 and len(head_words) == 1 \
                and head_words[0].tag_ in {"NNS", "NNPS"}:
            continue  # "all-rounders Boje and Crookes replace Pollock and Adams": several doers, the pairs unsaid
        if rule.relation in RESPECTIVE_RELATIONS and len(head_words) > 1 and len(tail_words) > 1:
            # "Heymans and Valbon come in for Rougerie and Grandclaude": each replaces one,
            # in order; with uneven lists who replaces whom is not said. One for two ("Walker,
            # who replaces Mills and Jones") replaces both. The order counts every conjoined
            # word, named or not: "Boje and Crookes replace Pollock and Adams" with Pollock
            # unrecognised pairs Crookes with Adams, not Boje (issue 12 audit 9).
            if len(head_words) != len(tail_words):
                continue
            pairs = [(h, t) for h, hs in zip(heads, head_slots) for t, ts in zip(tails, tail_slots) if hs == ts]
        sent = verb.sent
        for (head, head_token), (tail, tail_token) in pairs:
            if True:
                if head.entity_id == tail.entity_id:
                    continue
                # Conjoined subjects meet only in each other: the verb carries the cues.
                other = verb if voice.startswith("conj:") else tail_token
                if token_status(head_token, other, rule.relation) is not None:
                    continue  # negated or hedged: not a fact (statements.py)
                if rule.head_types and head.type not in rule.head_types:
                    continue
                pair_method = method
                if rule.tail_types and tail.type not in rule.tail_types and not (
                        rule.relation == "MET_WITH" and tail.type in BODY_TYPES and tail_token.i != nodes["tail"]
                        and _member_body(doc[nodes["tail"]], index) is not None):
                    if not (rule.relation in PLACE_VERB_RELATIONS and rule.tail_types & PLACES and not sports
                            and _place_typed_person(doc, tail, index)):
                        continue  # "met Namibian officials": the body, of whatever kind
                    pair_method = "dep_gazetteer_place"
                if rule.tail_given_name and (not _given_name_person(doc, tail, index)
                                             or (not sports and _place_typed_person(doc, tail, index))):
                    continue  # "visited Marlow Fields", "had visited Hamilton" typed a person: no one met
                if rule.reverse:
                    head, tail = tail, head
                # A wire dateline's place ("THE HAGUE, Netherlands (PLI) — X was deported to
                # Morocco") is no argument of the sentence's verb, whatever the parse says.
                if any(sent.start <= m.token_start < (dateline_end(sent) or sent.start) for m in (head, tail)):
                    continue
                if sent.start <= head.token_start < sent.end and _title_modifier(doc, head, index):
                    # Only a name in this sentence: "The council, which is based in Carlisle"
                    # stands for "Cumberland Council" of "Cumberland Council leader Mark
                    # Fryer" earlier, a modifier there, the doer here (issue 12, session 14).
                    continue
                if rule.relation == "MET_WITH" and "Organization" in {head.type, tail.type}:
                    # "Scotland will host Greece": in a sports report, two teams meeting is a
                    # fixture, not a meeting (LABELLING.md); so is a team meeting a side the
                    # model typed otherwise ("Exeter City … to meet holders Manchester United").
                    if sports:
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
                    method=pair_method,
                    confidence=rule.confidence if rule.confidence is not None else confidence[pair_method],
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
