"""Employment a person's clause states with no title before the name (issue 12, recall of
WORKS_FOR and HOLDS_ROLE):

* ``as_role``: "X served as a pilot with the Royal Air Force", "X spent a decade as an
  engineer at Nokia", "X stepped down as chairman of Barclays": the person is the subject
  of a verb of working (``data/employment.json``), "as" a job noun, and the organisation
  hangs from the job noun. A job of ``staff_titles.json`` or ``occupations.jsonl`` is
  WORKS_FOR; a role of ``titles.txt`` is HOLDS_ROLE with the role as title.
* ``tenure``: "X spent 15 years at Novartis", "X, who spent six seasons with the Seattle
  Mariners": a stretch of years at an organisation (WORKS_FOR).
* ``signed_from``: "Sunderland signed forward Tom Ashworth from Bristol City": the club or
  firm a person is signed from is a past employer (WORKS_FOR).
* ``appointed_as``: "Lumora appointed Hanna Koski as its chief operating officer", "Southampton
  are set to unveil Harry Redknapp as their new manager": the organisation that appoints is
  where the role is held (HOLDS_ROLE), unless the role names its own ("as chairman of X").

Only a named person the parse makes the subject (or the object appointed) counts; a
pronoun, an apposition's noun or a person named elsewhere in the sentence do not. A
negated or hedged clause ("did not work at", "would appoint") gives nothing
(``statements.token_status``)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Callable

from spacy.tokens import Doc, Token

from newsgraph.extract.relation_base import (
    EntityIndex,
    ExtractionInput,
    MentionSpan,
    span_relation,
    staff_title,
    title_case,
    title_text,
)
from newsgraph.extract.rules import load_confidence, load_occupations, load_officer_titles, load_titles, word_lists
from newsgraph.extract.statements import token_status
from newsgraph.graph.model import ExtractedRelation

ROLE_TAILS = {"Organization", "Country"}  # "served as prime minister of Italy"
RELATIVE_PRONOUNS = {"who", "that"}
# Words that may stand between "as" and the job noun as part of the job ("a senior
# research engineer", "its chief operating officer"): the job noun's left modifiers.
JOB_MODIFIER_DEPS = {"compound", "amod", "nmod"}
# (person, the token naming them, organisation, type, title, method, predicate)
Add = Callable[[MentionSpan, Token, MentionSpan, str, "str | None", str, str], None]


@dataclass(frozen=True)
class EmploymentRules:
    as_verbs: frozenset[str]
    tenure_verbs: frozenset[str]
    time_nouns: frozenset[str]
    tenure_preps: frozenset[str]
    job_preps: frozenset[str]
    job_nouns: frozenset[str]
    tenure_org_preps: frozenset[str]
    appoint_verbs: frozenset[str]
    appoint_report_verbs: frozenset[str]
    become_verbs: frozenset[str]
    shared_title_unless: frozenset[str]
    tenure_unless: frozenset[str]
    owner_nouns: frozenset[str]
    signing_verbs: frozenset[str]


@lru_cache(maxsize=1)
def load_employment_rules() -> EmploymentRules:
    return EmploymentRules(**word_lists("employment.json", [f.name for f in fields(EmploymentRules)]))


def _person_at(token: Token, index: EntityIndex) -> MentionSpan | None:
    m = index.at(token)
    return m if m is not None and m.type == "Person" else None


def _subject(verb: Token, index: EntityIndex) -> tuple[MentionSpan, Token] | None:
    """The named person a verb's clause is about, and the token that names it: its subject;
    "who" in a relative clause on the name ("Ingrid Solberg, a Norwegian executive who spent
    …" too, the clause hanging from the name's apposition); the first verb's subject for a
    verb joined to it with no subject of its own."""
    for c in verb.children:
        if c.dep_ in {"nsubj", "nsubjpass"}:
            if c.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                noun = verb.head
                found = _person_at(noun, index)
                if found is None and noun.dep_ == "appos":
                    found = _person_at(noun.head, index)
                return (found, noun) if found is not None else None
            found = _person_at(c, index)
            return (found, c) if found is not None else None
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        return _subject(verb.head, index)
    return None


def _job(noun: Token, index: EntityIndex, tails: set[str]) -> tuple[MentionSpan, list[Token]] | None:
    """The organisation a job noun hangs ("an engineer at Nokia", "chairman of Barclays") or
    has inside its noun phrase ("as Manchester City manager", "Sakigake secretary general"),
    and the job's words (its modifiers and the noun, no name among them)."""
    rules = load_employment_rules()
    words = [t for t in noun.lefts if t.dep_ in JOB_MODIFIER_DEPS and index.at(t) is None
             and not any(index.at(s) is not None for s in t.subtree)]
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in rules.job_preps:
            continue
        for obj in prep.children:
            org = index.at(obj) if obj.dep_ == "pobj" else None
            if org is not None and org.type in tails:
                return org, [*words, noun]
    # "Sakigake secretary general": the parse hangs the title's first word and the name
    # before it from the last word; a name that ends right before the title's words.
    # Only an organisation: "its UK managing director" is a scope, the role is "its".
    if any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in noun.children):
        return None
    first = min([noun, *words], key=lambda t: t.i)
    for left in noun.lefts:
        org = index.at(left)
        if org is not None and left.dep_ in {"compound", "nmod", "poss"} and org.type == "Organization" \
                and org.token_end == first.i and org.token_start >= noun.left_edge.i:
            return org, [*words, noun]
    return None


def _kind(words: list[Token]) -> tuple[str, str] | None:
    """WORKS_FOR or HOLDS_ROLE for a job's words, with the title a role carries; None for a
    noun that is no known job ("as a guest of", "as a favour to")."""
    lower = " ".join(t.lower_ for t in words)
    noun = words[-1].lower_
    titles = load_titles().roles | load_officer_titles()
    occupations = load_occupations()
    title = title_text(words)
    if not title:
        return None
    if staff_title(title):
        return "WORKS_FOR", title
    if any(lower.endswith(role) and (lower == role or lower[: -len(role)].endswith(" ")) for role in titles) \
            or noun in titles:
        return "HOLDS_ROLE", title
    if noun in occupations:
        return occupations[noun], title
    if noun in load_employment_rules().job_nouns:
        return "WORKS_FOR", title
    return None


def employment_relations(x: ExtractionInput) -> list[ExtractedRelation]:
    doc, index = x.doc, x.index
    rules = load_employment_rules()
    confidence = load_confidence()
    out: list[ExtractedRelation] = []
    seen: set[tuple[str, str, str, int]] = set()

    def add(person: MentionSpan, person_token: Token, org: MentionSpan, kind: str, title: str | None,
            method: str, predicate: str) -> None:
        if org.entity_id == person.entity_id:
            return
        tail_token = doc[org.token_start : org.token_end].root
        if token_status(person_token, tail_token, kind) is not None:
            return  # "did not work at", "would appoint"
        sent = doc[person.token_start].sent
        key = (person.entity_id, org.entity_id, kind, sent.start)
        if key in seen:
            return
        seen.add(key)
        relation = span_relation(doc, sent, person, org, kind, method, confidence[method], predicate)
        if kind == "HOLDS_ROLE":
            relation.title = title
        out.append(relation)

    for token in doc:
        lemma = token.lemma_.lower()
        if token.lower_ == "as" and token.dep_ == "prep":
            _as_role(doc, token, index, rules, add)
        elif lemma in rules.time_nouns and token.pos_ == "NOUN":
            _tenure(doc, token, index, rules, add)
        elif token.pos_ == "VERB" and lemma in rules.appoint_verbs:
            _appointed(doc, token, index, add)
        elif lemma in rules.become_verbs and token.pos_ in {"VERB", "AUX"}:
            _became(doc, token, index, add)
        elif token.pos_ == "VERB" and lemma in rules.signing_verbs:
            _signed_from(token, index, add)
    return out


def _clause_verb(token: Token, rules: EmploymentRules) -> Token | None:
    """The verb a stretch of time belongs to: "spent [a decade]" (its object), "founded …
    after [ten years]" (a time preposition's object)."""
    if token.dep_ == "dobj" and token.head.pos_ == "VERB":
        return token.head
    if token.dep_ == "pobj" and token.head.lower_ in rules.tenure_preps and token.head.head.pos_ == "VERB":
        return token.head.head
    return None


def _as_role(doc: Doc, as_: Token, index: EntityIndex, rules: EmploymentRules, add: Add) -> None:
    head = as_.head
    if head.pos_ == "VERB":
        lemma = head.lemma_.lower()
        particle = next((c.lower_ for c in head.children if c.dep_ == "prt"), None)
        # "took over as manager of Arsenal"; not "took Smith as a hostage"
        verb = head if lemma in rules.as_verbs or f"{lemma} {particle}" in rules.as_verbs else None
    elif head.lemma_.lower() in rules.time_nouns:
        verb = _clause_verb(head, rules)  # "spent a decade as", "after ten years as"
    else:
        verb = None
    if verb is None:
        return
    subject = _subject(verb, index)
    noun = next((c for c in as_.children if c.dep_ == "pobj"), None)
    if subject is None or noun is None or index.at(noun) is not None:
        return
    _add_role(noun, subject, index, add, "as_role", verb.lemma_.lower())


def _tenure(doc: Doc, time: Token, index: EntityIndex, rules: EmploymentRules, add: Add) -> None:
    verb = _clause_verb(time, rules)
    if verb is None or (time.dep_ == "dobj" and verb.lemma_.lower() not in rules.tenure_verbs):
        return
    subject = _subject(verb, index)
    if subject is None:
        return
    # "spent 15 years at Novartis" (the place hangs from the verb or from the time), "after
    # ten years at Rolls-Royce" (from the time).
    holders = [time, verb] if time.dep_ == "dobj" else [time]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in rules.tenure_org_preps:
                continue
            for obj in prep.children:
                org = index.at(obj) if obj.dep_ == "pobj" else None
                if org is None or org.type != "Organization":
                    continue
                name = doc[org.token_start : org.token_end].text.lower().split()
                if rules.tenure_unless & set(name):
                    continue  # a student's university, a patient's hospital
                person, person_token = subject
                add(person, person_token, org, "WORKS_FOR", None, "tenure", "spent " + time.lemma_.lower() + "s at")


def _appointee(verb: Token, index: EntityIndex) -> tuple[MentionSpan, Token] | None:
    """The person appointed: the object ("appointed Hanna Koski"), the passive subject ("Maria
    Lopez was appointed"), or the name beside the passive subject's noun ("goalkeeper Bruce
    Grobbelaar has been appointed")."""
    for c in verb.children:
        if c.dep_ in {"dobj", "nsubjpass"}:
            if (found := _person_at(c, index)) is not None:
                return found, c
            if c.dep_ == "nsubjpass":
                for a in c.children:
                    if a.dep_ == "appos" and (found := _person_at(a, index)) is not None:
                        return found, a
    return None


def _appointer(verb: Token, index: EntityIndex) -> MentionSpan | None:
    """The organisation that appoints: the subject ("Lumora appointed …"; "Southampton are set
    to unveil …"), the agent of a passive ("was named by the South African Hockey
    Association"), or the one that says "it" appointed ("Eletropaulo said it has named …")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "xcomp":
        subject = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subject is not None and subject.lower_ == "it" and verb.dep_ == "ccomp" and verb.head.lemma_.lower() \
            in load_employment_rules().appoint_report_verbs:
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    org = index.at(subject) if subject is not None else None
    return org if org is not None and org.type == "Organization" else None


def _appointed(doc: Doc, verb: Token, index: EntityIndex, add: Add) -> None:
    """"ORG appointed X as (its) ROLE", "X was appointed chairman of Y": X holds the role at the
    organisation the role names, or else at the one that appoints."""
    found_person = _appointee(verb, index)
    if found_person is None:
        return
    person, person_token = found_person
    as_ = next((c for c in [*verb.children, *person_token.children] if c.dep_ == "prep" and c.lower_ == "as"), None)
    noun = next((c for c in as_.children if c.dep_ == "pobj"), None) if as_ is not None \
        else next((c for c in verb.children if c.dep_ == "oprd"), None)
    if noun is None or index.at(noun) is not None:
        return
    found = _job(noun, index, ROLE_TAILS)
    if found is not None:
        org, words = found
    else:
        # The role names no organisation: the appointing one's. A possessor other than
        # its/their ("as Smith's deputy") is someone else's.
        if any(c.dep_ == "poss" and c.lower_ not in {"its", "their"} for c in noun.children) \
                or any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
            return  # "as the new coach of the men's national side": of something unnamed
        appointer = _appointer(verb, index)
        if appointer is None:
            return
        org = appointer
        words = [t for t in noun.lefts if t.dep_ in JOB_MODIFIER_DEPS and index.at(t) is None] + [noun]
    kind = _kind(words)
    if kind is None or kind[0] != "HOLDS_ROLE":
        return
    add(person, person_token, org, "HOLDS_ROLE", kind[1], "appointed_as", verb.lemma_.lower())


def _signed_from(verb: Token, index: EntityIndex, add: Add) -> None:
    """"Sunderland signed forward Tom Ashworth from Bristol City", "Robben was bought from PSV":
    the club or firm the person is signed from is one they played or worked for (a past
    WORKS_FOR, as "joined X from Y"; benchmarks/gold/README.md). The person is the object or
    the passive subject; "from" hangs from the verb or the name; its object is a named
    organisation (not "from next season", "from Brazil", nor "from Arsenal's academy", whose
    object is the academy)."""
    found = _appointee(verb, index)
    if found is None:
        return
    person, person_token = found
    for prep in [*verb.children, *person_token.children]:
        if prep.dep_ != "prep" or prep.lower_ != "from":
            continue
        for obj in prep.children:
            org = index.at(obj) if obj.dep_ == "pobj" else None
            if org is not None and org.type == "Organization":
                add(person, person_token, org, "WORKS_FOR", None, "signed_from", "signed from")


def _add_role(noun: Token, subject: tuple[MentionSpan, Token], index: EntityIndex, add: Add,
              method: str, predicate: str) -> None:
    """The job NOUN names ("chief executive of Microsoft", "a pilot with the RAF") as the
    subject's HOLDS_ROLE (a title) or WORKS_FOR (an ordinary job, at an organisation only)."""
    found = _job(noun, index, ROLE_TAILS)
    if found is None:
        return
    org, words = found
    kind = _kind(words)
    if kind is None or (kind[0] == "WORKS_FOR" and org.type != "Organization"):
        return
    person, person_token = subject
    add(person, person_token, org, kind[0], kind[1], method, predicate)


def _became(doc: Doc, verb: Token, index: EntityIndex, add: Add) -> None:
    """"X became chief executive of Microsoft", "X, who became chairman of Y in 2003": the role
    the person came to hold, with the organisation it names."""
    subject = _subject(verb, index)
    noun = next((c for c in verb.children if c.dep_ in {"attr", "oprd"}), None)
    if subject is None or noun is None or index.at(noun) is not None:
        return
    _add_role(noun, subject, index, add, "became_role", "become")


def _names_after(doc: Doc, first: MentionSpan, index: EntityIndex) -> list[MentionSpan]:
    """The people named in a list that starts with ``first`` ("Ken Lay and Jeff Skilling",
    "X, Y and Z"); [] unless the list closes with "and" and a name."""
    names = [first]
    i = first.token_end
    while i + 1 < len(doc) and doc[i].text in {",", "and"}:
        j = i + 1
        if doc[i].text == "," and doc[j].lower_ == "and":
            j += 1
        found = _person_at(doc[j], index)
        if found is None or found.token_start != j:
            return []
        names.append(found)
        if doc[j - 1].lower_ == "and":
            return names
        i = found.token_end
    return []


def shared_title_relations(x: ExtractionInput) -> list[ExtractedRelation]:
    """"Former Enron chief executives Ken Lay and Jeff Skilling", "Microsoft founders Bill
    Gates and Paul Allen": an organisation, a role in the plural, then a list of names; each
    holds the role there (``shared_title``). A government's office ("Labour ministers X and
    Y") is left to the title rules: the party names no government."""
    doc, index = x.doc, x.index
    confidence = load_confidence()["shared_title"]
    heads = load_employment_rules().shared_title_unless
    out: list[ExtractedRelation] = []
    for first in index.mentions:
        i = first.token_start - 1
        if first.type != "Person" or i < 1 or doc[i].tag_ != "NNS" or not doc[i].is_lower or index.at(doc[i]) is not None:
            continue
        noun = doc[i]
        j = i - 1
        while j >= doc[i].sent.start and index.at(doc[j]) is None and (doc[j].is_lower or doc[j].text == "-") \
                and doc[j].pos_ in {"ADJ", "NOUN", "PUNCT", "PROPN", "X"} and i - j <= 3:
            j -= 1  # "chief", "co-", "non-executive"
        if j >= 1 and doc[j].text in POSSESSIVE_MARKS:
            j -= 1
        org = index.at(doc[j]) if j >= doc[i].sent.start else None
        if org is None or org.type != "Organization" or org.token_end != j + 1:
            continue
        words = [t for t in doc[j + 1 : i] if t.text not in POSSESSIVE_MARKS]
        singular = noun.lemma_.lower()
        if singular in heads or singular == noun.lower_:
            continue
        lower = [t.lower_ for t in words] + [singular]
        kind = _kind_words(lower)
        names = _names_after(doc, first, index)
        if kind is None or len(names) < 2:
            continue
        relation, title = kind
        for person in names:
            r = span_relation(doc, doc[i].sent, person, org, relation, "shared_title", confidence, " ".join(lower))
            if relation == "HOLDS_ROLE":
                r.title = title
            out.append(r)
    return out


POSSESSIVE_MARKS = {"'s", "’s", "'", "’"}


def _kind_words(lower: list[str]) -> tuple[str, str] | None:
    """WORKS_FOR or HOLDS_ROLE, with its title, for a role's words in the singular."""
    while lower and lower[0] in {"former", "ex", "then", "-", "new", "current"}:
        lower = lower[1:]
    text = " ".join(lower).replace(" - ", "-").replace("co - ", "co-")
    if not text:
        return None
    title = title_case(text)
    if staff_title(text):
        return "WORKS_FOR", title
    roles = load_titles().roles | load_officer_titles()
    if text in roles or text.split()[-1] in roles:
        return "HOLDS_ROLE", title
    occupations = load_occupations()
    if text.split()[-1] in occupations:
        return occupations[text.split()[-1]], title
    return None
