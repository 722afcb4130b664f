"""Titles and appositions: the roles news gives a person in the few tokens around the
name ("US Secretary of State Marco Rubio", "El Salvador's President Nayib Bukele",
"Nayib Bukele, the president of El Salvador"), the government a bare office title belongs to
(``governments.py``), and a possessor's name right before a person's ("ABN Amro's Eddie Wong")."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from itertools import islice
from typing import Callable, Literal

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.clubs import load_clubs
from newsgraph.extract.governments import (
    LEAD_SENTENCES,
    SUBJECT_DEPS,
    CountryMention,
    Office,
    first_conjunct,
    government_country,
    government_title,
    opposition_title,
    home_government,
    implied_country,
    is_actor,
    is_portfolio,
    load_government_rules,
    portfolio_of_listed_title,
    words_before,
)
from newsgraph.extract.mentions import in_dateline, load_context_cues, load_sport_rules
from newsgraph.extract.person_evidence import has_given_name
from newsgraph.extract.place_countries import place_country
from newsgraph.extract.relations_employment import load_employment_rules
from newsgraph.extract.relation_base import (
    POSSESSIVE_MARKS,
    EntityIndex,
    MentionSpan,
    known_place,
    mention_offsets,
    predicated_likeness,
    span_relation,
    staff_title,
    title_text,
)
from newsgraph.extract.rules import (
    Country,
    load_article_club_titles,
    load_article_officer_titles,
    load_article_owner_nouns,
    load_company_roles,
    load_confidence,
    load_gazetteer,
    load_officer_titles,
    load_role_bodies,
    load_sub_units,
    load_title_qualifiers,
    load_titles,
    state_form_words,
)
from newsgraph.graph.model import ExtractedRelation, surname

AFFILIATION_TYPES = {"Country", "Organization", "Group", "Location"}
TITLE_PREFIXES = {"co", "vice", "non", "deputy"}  # before a hyphen inside a title: "co-chairman", "non-executive"


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
    if opposition_title(list(doc[start:end])):
        return False  # "Shadow Europe minister": no government office, nor a role held at "Europe"
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


def _officer_title(tokens: list[Token], titles: frozenset[str] | None = None) -> list[Token] | None:
    """The words before a name if they are exactly an officer title ("chief operating
    officer"; ``titles``, else the officer titles), leading "former"/"then" left out."""
    skip = load_government_rules().skip
    words = list(tokens)
    while words and (words[0].lower_ in skip or words[0].text == "-"):
        words.pop(0)
    text = " ".join(t.lower_ for t in words).replace(" - ", "-")
    return words if words and text in (load_officer_titles() if titles is None else titles) else None


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


def _generic_owner(doc: Doc, first: Token) -> bool:
    """Whether a title's owner is "the company's", "the firm's" … (``article_owner_nouns``):
    the organisation the article is about, not a name."""
    i = first.i
    return i >= 3 and doc[i - 1].text in POSSESSIVE_MARKS and doc[i - 2].lower_ in load_article_owner_nouns() \
        and doc[i - 3].lower_ == "the" and doc[i - 3].sent.start == first.sent.start


def _owned(doc: Doc, first: Token) -> bool:
    """Whether a title has an owner before it the walk did not take for an organisation
    ("May's chairman Gene Kahn", "his spokesman X", "the company's boss X"): that owner, not
    the article's organisation, is whose."""
    if first.i == first.sent.start:
        return False
    before = doc[first.i - 1]
    if before.text == "-" and first.i >= 2 and doc[first.i - 2].lower_ in load_government_rules().skip:
        return False  # "ex-chief financial officer X": a time, not an owner
    # "ex-Yukos boss X" with Yukos no organisation mention: a name before the title owns it.
    return before.text in POSSESSIVE_MARKS | {"'", "’", "-"} or before.dep_ == "poss" or before.tag_ == "PRP$" \
        or before.pos_ == "PROPN" or before.text[:1].isupper()


# The prepositions that hang a name on a subject noun in English ("The head of US TV network
# Fox", "Shares in Acme"); "Bord na Móna" read as "Bord" + "na Móna" is one name, not "Móna".
SUBJECT_PREPOSITIONS = frozenset({"of", "in", "at", "for"})


def _in_subject(token: Token) -> bool:
    """Whether a name's root lies inside a clause's subject, hung on it by English
    prepositions only ("Three directors of Halberd Engineering bought …")."""
    for t in [token, *token.ancestors]:
        if t.dep_ in SUBJECT_DEPS:
            return t.i != token.i
        if t.dep_ == "pobj" and t.head.lower_ not in SUBJECT_PREPOSITIONS:
            return False
    return False


def _article_organisation(doc: Doc, index: EntityIndex) -> MentionSpan | None:
    """The organisation the article is about, for an officer named by title alone ("said
    chief executive Finian O'Sullivan" in a report on Burren Energy): the one organisation
    the headline and lead (``LEAD_SENTENCES``) name as an actor, or the only one the article
    names at all; it must also be named more often than any other. A government's
    institutions and parties are no company with officers ("Downing Street"). None when
    unsure."""
    institutions = load_government_rules().institutions
    sents = list(islice(doc.sents, LEAD_SENTENCES + 1))
    lead_end = sents[LEAD_SENTENCES].start if len(sents) > LEAD_SENTENCES else len(doc)
    counts: Counter[str] = Counter()
    first: dict[str, MentionSpan] = {}
    lead_actors: set[str] = set()
    lead: set[str] = set()
    lead_subjects: set[str] = set()  # named inside a lead sentence's subject: "The head of US TV network Fox has …"
    for m in index.mentions:
        if m.type == "Location" and m.token_start < lead_end \
                and first_conjunct(doc[m.token_start : m.token_end].root).dep_ in {"nsubj", "nsubjpass"}:
            # A place the lead is about ("BT offers …" with BT taken for a place, "Leeds
            # council has …"): its officers, or a company's the model mistyped, not the firm's.
            return None
        if m.type != "Organization" or m.entity_id in institutions:
            continue
        counts[m.entity_id] += 1
        first.setdefault(m.entity_id, m)
        if m.token_start < lead_end:
            lead.add(m.entity_id)
            if is_actor(doc[m.token_start : m.token_end].root):
                lead_actors.add(m.entity_id)
            if _in_subject(doc[m.token_start : m.token_end].root):
                lead_subjects.add(m.entity_id)
    # A lead about two firms ("Federated is to buy rival May Department Stores") is about
    # either's officers: the lead must name one organisation, and as an actor.
    if len(lead_actors) == 1 and lead == lead_actors:
        chosen = next(iter(lead_actors))
    elif len(counts) == 1 and next(iter(counts.values())) > 1:
        chosen = next(iter(counts))  # named once, it may be no more than a source ("told Reuters")
    elif not lead_actors and len(lead) == 1 and lead == lead_subjects and counts[next(iter(lead))] > 1:
        # "Three directors of Halberd Engineering bought shares …", "The head of US TV network
        # Fox has admitted …": the lead names one organisation, inside its subject, and the
        # article names it again (issue 12, recall of roles, session 15).
        chosen = next(iter(lead))
    else:
        return None
    if any(n >= counts[chosen] for org, n in counts.items() if org != chosen):
        return None
    return first[chosen]


# What may hang on "the company" that still means the article's company: its determiner,
# commas and a relative clause ("the company, which is based in Kirkwall, runs …"). An
# adjective or a compound makes it another one ("the rival firm", "the parent company",
# "a Swiss company"; a "<place>-based" one is the article's, placed); a prepositional phrase or a possessive says whose ("the company's unit").
ARTICLE_REF_DEPS = frozenset({"det", "punct", "relcl"})


def article_organisation_reader(doc: Doc, index: EntityIndex) -> Callable[[], MentionSpan | None]:
    """``_article_organisation`` of this article, worked out when first asked and then kept:
    the role, verb and place rules each ask only when a phrase needs it ("the company's chief
    executive", "the company said", "the Leeds-based haulier")."""
    return cache(lambda: _article_organisation(doc, index))


def article_reference(token: Token, index: EntityIndex, organisation: Callable[[], MentionSpan | None]) -> MentionSpan | None:
    """The organisation "the company", "the firm" … (``article_owner_nouns``) stands for as a
    verb's doer or object in a report on one organisation: the one ``_article_organisation``
    settles (the headline and lead name it alone as an actor, or it is the only one named,
    and more often than any other), named before the noun, with no other organisation named
    earlier in the same sentence ("Acme bought Beta, and the company said …": either).
    "Today the company, which is based in Kirkwall, runs …", "King praised the company"."""
    if not _definite_owner_noun(token):
        return None
    org = organisation()
    if org is None or org.token_start >= token.i:
        return None
    sent = token.sent
    if any(m.type == "Organization" and m.entity_id != org.entity_id and sent.start <= m.token_start < token.i
           for m in index.mentions):
        return None
    return org


# How a sentence that goes on in the next line's paragraph ends (a headline or a caption
# on a line of its own ends without one).
SENTENCE_ENDS = (".", "!", "?", '"', "\u201d", "'", "\u2019")


def _definite_owner_noun(token: Token) -> bool:
    """"the company", "the firm", "the Leeds-based haulier" (``article_owner_nouns``): a
    definite noun for an organisation that says nothing of which one."""
    if token.pos_ != "NOUN" or token.tag_ != "NN" or token.lemma_.lower() not in load_article_owner_nouns():
        return False
    kids = list(token.children)
    # "the Perth-based miner" is still the one: a base says where, not which
    return any(c.dep_ == "det" and c.lower_ == "the" for c in kids) and all(
        c.dep_ in ARTICLE_REF_DEPS or (c.dep_ == "amod" and c.lower_ == "based") for c in kids)


def paragraph_reference(token: Token, index: EntityIndex) -> MentionSpan | None:
    """The organisation "the company" stands for when the sentence before it, in the same
    paragraph, names one organisation and no other ("Isla Rendall founded Brough Tidal in a
    shed outside Kirkwall in 2019. Today the company, which is based in Kirkwall, runs three
    turbines"), and its own sentence names none before it. For an article about several
    organisations, where ``article_reference`` settles none; a paragraph's first sentence
    (the one before is another paragraph's) or a sentence after two organisations names no
    one (issue 12, session 12: "resolve only when one antecedent is certain in the
    paragraph")."""
    if not _definite_owner_noun(token):
        return None
    sent = token.sent
    if sent.start == 0:
        return None
    before = token.doc[sent.start - 1].sent
    last = sent.start - 1
    while last > before.start and token.doc[last].is_space:
        last -= 1
    gap = token.doc.text[token.doc[last].idx + len(token.doc[last].text):sent.start_char]
    if "\n\n" in gap or ("\n" in gap and not token.doc[last].text.endswith(SENTENCE_ENDS)):
        # Another paragraph, or a line of its own before this one (a headline, a caption):
        # its organisation is no antecedent here. A wire's one sentence a line goes on.
        return None
    if any(_definite_owner_noun(t) or (t.lower_ == "it" and t.dep_ in {"nsubj", "nsubjpass"}) for t in before):
        # "The company said Sabourin is the former president of Bestop Inc. It said Held
        # has also joined the company": the sentence before speaks of its firm by "the
        # company" or "it" too, so the chain goes on from a firm named earlier, not from the
        # one it names (unlabelled Reuters).
        return None
    named: dict[str, MentionSpan] = {}
    for m in index.mentions:
        if m.type == "Organization" and (before.start <= m.token_start < before.end or sent.start <= m.token_start < token.i):
            if m.token_start >= sent.start:
                return None  # "Acme bought Beta, and the company said …": either
            named.setdefault(m.entity_id, m)
    return next(iter(named.values())) if len(named) == 1 else None


def _its_organisation(doc: Doc, its: Token, index: EntityIndex) -> MentionSpan | None:
    """The organisation a sentence-opening "Its" before a title stands for: the subject of
    the sentence before, when that is an organisation and the only one acting there
    ("The far-right National Rally criticised the plan. Its leader in parliament, Marine
    Le Pen, accused …"). Anything less certain (another organisation acting, a person or a
    thing as the subject, "its" inside a sentence) names no one."""
    sent = its.sent
    if its.lower_ == "its" and its.i != sent.start:
        return _coordinated_its_organisation(doc, its, index)
    if its.lower_ != "its" or its.i != sent.start or sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    actors: dict[str, MentionSpan] = {}
    subject: MentionSpan | None = None
    for m in index.mentions:
        if m.type != "Organization" or not before.start <= m.token_start < before.end:
            continue
        root = doc[m.token_start : m.token_end].root
        named = first_conjunct(root)
        if named.dep_ == "appos" and named.head.dep_ in {"nsubj", "nsubjpass"} and named.head.is_lower:
            named = named.head  # "Local residents' group Save Elvington Fields said …": the name of the subject noun
        if (is_actor(root) or named.i != first_conjunct(root).i) and _clause_verb(named) == before.root.i:
            # One acting in a clause below the main one ("… has asked the court to suspend
            # the rollout until Parliament passes new rules") is no rival for "Its": the
            # main clause's subject is whose (dev page-173, issue 12 session 13).
            actors.setdefault(m.entity_id, m)
        if named.dep_ in {"nsubj", "nsubjpass"} and named.head.i == before.root.i and first_conjunct(root).i == root.i:
            subject = m
    if subject is None or set(actors) != {subject.entity_id}:
        return None
    return subject


def _coordinated_its_organisation(doc: Doc, its: Token, index: EntityIndex) -> MentionSpan | None:
    """"Its" opening the second of two joined clauses, as the subject's possessor: "The
    Rijksmuseum has lent nine works, and its director, Taco Dibbits, visited Liverpool",
    "Pontyberem Community Council objected to the plan, and its chair, Eirwen Thomas, told …"
    (issue 12, recall of roles, session 15). "Its" stands for the first clause's subject when
    that is an organisation and the only one the clause names: "Acme sued Beta, and its
    chief executive …" names two, and "its" may be either's."""
    if its.i < 2 or doc[its.i - 1].lower_ != "and" or doc[its.i - 2].text != ",":
        return None
    holder = its.head
    verb = holder.head
    if its.dep_ != "poss" or holder.dep_ not in {"nsubj", "nsubjpass"} or verb.dep_ != "conj" or verb.head.i >= its.i:
        return None
    first = verb.head
    subject: MentionSpan | None = None
    named: set[str] = set()
    for m in index.mentions:
        if m.type in {"Person", "Organization"} and its.sent.start <= m.token_start < its.i:
            named.add(m.entity_id)
            root = doc[m.token_start : m.token_end].root
            if m.type == "Organization" and root.dep_ in {"nsubj", "nsubjpass"} and root.head.i == first.i:
                subject = m
    if subject is None or named != {subject.entity_id}:
        return None
    return subject


def _clause_verb(token: Token) -> int:
    """The index of the verb whose clause a token belongs to: its nearest verb ancestor (the
    sentence's root when none is)."""
    for t in token.ancestors:
        if t.pos_ in {"VERB", "AUX"}:
            return t.i
    return token.sent.root.i


def _has_role(tokens: list[Token]) -> bool:
    return load_titles().names_role([t.lower_ for t in tokens])


# Prepositions that build a title ("secretary of state", "minister for Europe"); any other
# lowercase preposition before a title word heads its own phrase.
TITLE_PREPOSITIONS = {"of", "for"}


def _leading_title(doc: Doc, person: MentionSpan, index: EntityIndex) -> tuple[list[Token], MentionSpan | None, set[int]]:
    """Walk left from a name over title words and at most one affiliation."""
    title_words = load_titles().bare_words() | {"-"}
    sent_start = doc[person.token_start].sent.start
    title: list[Token] = []
    affiliation: MentionSpan | None = None
    absorbed: set[int] = set()
    modifiers: set[int] = set()
    i = person.token_start - 1
    while i >= sent_start:
        tok = doc[i]
        mention = index.at(tok)
        if title and title[0].text == "-" and tok.lower_ in TITLE_PREFIXES and mention is None:
            title.insert(0, tok)  # "Tory co-chairman Liam Fox": "co", "-", "chairman"
            i -= 1
            continue
        if tok.lower_.rstrip(".") in title_words and (mention is None or mention.type == "Organization" and len(title) > 0):
            if title and tok.is_lower and tok.dep_ == "prep" and tok.pos_ == "ADP" and tok.lower_ not in TITLE_PREPOSITIONS:
                # "head of the OMB under President Clinton": a preposition heading a phrase
                # ends the title; capitalised, "Under Secretary Nicholas Burns" is the title
                # (issue 12 audit, sample 4).
                break
            if mention is not None:
                absorbed.add(id(mention))
            title.insert(0, tok)
            i -= 1
            continue
        if mention is not None and title and _capitalised_qualifier(doc, mention):
            # "Press spokesman Alexander Barkhatov", "Bench coach Andy Etchebarren": a common
            # noun capitalised as the sentence's first word, no organisation (issue 12 audit
            # round 9); read as the lowercase word is ("police spokesman X").
            modifiers.add(tok.i)
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
        if (tok.text in POSSESSIVE_MARKS or tok.text in {"'", "’"} and i > sent_start and doc[i - 1].lower_.endswith("s")) and title:
            # "Oracle's chief executive X", "the Liberal Democrats' economics spokesman X"
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


def _capitalised_qualifier(doc: Doc, mention: MentionSpan) -> bool:
    """A one-word mention opening its sentence (after any quote or bullet) that is a
    common noun of ``title_qualifiers`` and no organisation the gazetteer knows."""
    if mention.token_end - mention.token_start != 1:
        return False
    tok = doc[mention.token_start]
    start = tok.sent.start
    if any(not doc[k].is_punct for k in range(start, tok.i)):
        return False
    return tok.lower_ in load_title_qualifiers() and load_gazetteer().organization(tok.text) is None


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
            if _where(mention, tok.doc):
                continue  # "MP for Wantage in Oxfordshire": where the seat is, not whose MP
            # "George Garang, Nairobi spokesman for the SPLA": a place word before the role noun
            # says where the role is held, the organisation after "for" whose it is (issue 12
            # audit round 9: Nairobi, typed Organization, was his employer).
            scoping = mention.type in {"Country", "Group", "Location"} or known_place(tok.doc, mention)
            if scoping and (employer := _employer_after(tokens, index, mention, person)) is not None:
                return employer
            if (owned := _possessed_organisation(tokens, index, mention)) is not None:
                return owned  # "the leader of Chile's Republican Party": the party's leader
            return mention
    return None


EMPLOYER_PREPOSITIONS = {"at", "for", "with"}
# Prepositions between a role noun and the organisation or place it is held at, when the
# parse hangs the holder's name on that organisation ("the chief executive of Microsoft,
# Steve Ballmer").
OWNER_PREPOSITIONS = {"of", "at"}


def _possessed_organisation(tokens: list[Token], index: EntityIndex, owner: MentionSpan) -> MentionSpan | None:
    """The organisation a country or place owns right after it in the phrase ("Chile's
    Republican Party", "Britain's Labour Party"): it, not the country, is where a role in
    the phrase is held."""
    if owner.type not in {"Country", "Location", "Group"}:
        return None
    doc = tokens[0].doc
    i = owner.token_end
    if i + 1 >= len(doc) or doc[i].text not in POSSESSIVE_MARKS:
        return None
    owned = index.at(doc[i + 1])
    inside = {t.i for t in tokens}
    if owned is None or owned.type != "Organization" or owned.token_start != i + 1 or owned.token_start not in inside:
        return None
    return owned


def _employer_after(tokens: list[Token], index: EntityIndex, scope: MentionSpan, person: MentionSpan) -> MentionSpan | None:
    """The organisation a role is held at when a country word before the role noun only
    says what the role covers ("Cary Leahy, senior US economist at Deutsche Bank
    Securities", "chief US economist for Wells Fargo Bank"; issue 12 audit round 8: the
    edges went to the United States). Only a country word that modifies the role noun the
    organisation's preposition hangs from yields; "Israeli ambassador to the UN" keeps it."""
    doc = tokens[0].doc
    role = doc[scope.token_start : scope.token_end].root
    if role.dep_ not in {"amod", "compound", "nmod"}:
        return None
    role = role.head
    for tok in tokens:
        mention = index.at(tok)
        if mention is None or mention.type != "Organization" or mention.entity_id == person.entity_id \
                or mention.token_start <= role.i:
            continue
        root = doc[mention.token_start : mention.token_end].root
        if root.dep_ == "pobj" and root.head.lower_ in EMPLOYER_PREPOSITIONS and root.head.head.i == role.i:
            return mention
    return None


def _where(mention: MentionSpan, doc: Doc) -> bool:
    """A place named as where something is ("in Oxfordshire", "the Frankfurt-based
    exchange"), not whose role it is; or a word of the title after a possessive that is no
    name ("the venue's Promotions Coordinator")."""
    root = doc[mention.token_start : mention.token_end].root
    after = doc[mention.token_end : mention.token_end + 2]
    if mention.type in {"Location", "Country"} and any(t.lower_ in {"based", "-based"} for t in after):
        return True
    before = doc[mention.token_start - 1] if mention.token_start > 0 else None
    if before is not None and before.text in POSSESSIVE_MARKS and mention.token_start >= 2 and doc[mention.token_start - 2].is_lower:
        return True
    # "a business adviser from Swansea": where the adviser comes from, not whose adviser;
    # "a former Israeli envoy to Egypt", "ambassador to France": where the envoy is sent, not
    # whose envoy (issue 12 audit round 9: HOLDS_ROLE toward Egypt).
    return mention.type in {"Location", "Country"} and root.dep_ == "pobj" and root.head.lower_ in {"in", "near", "from", "to"}


# State offices no party has: before one of them a party's name says whose man holds it.
PARTY_FREE_OFFICES = {"prime minister", "premier", "chancellor"}
DATELINE_SENTENCES = 2  # a dateline opens the article, after a byline at most (sentences 0-2)


def _without_honorific(title: list[Token]) -> list[Token]:
    """A title's words less the honorific that ends them ("lord chancellor Lord" of "lord
    chancellor Lord Mackay": the name's own "Lord")."""
    honorifics = load_titles().honorifics
    end = len(title)
    while end > 0 and title[end - 1].lower_.rstrip(".") in honorifics:
        end -= 1
    return title[:end]


def _party(doc: Doc, mention: MentionSpan) -> bool:
    """Whether an organisation mention is a political party: its name, or the gazetteer's
    name for it ("Labour" -> Labour Party), ends in "Party"."""
    if mention.type != "Organization":
        return False
    text = doc[mention.token_start : mention.token_end].text
    known = load_gazetteer().organization(text)
    return (known[0] if known else text).split()[-1].lower() == "party"


def _standings_leader(doc: Doc, title: list[Token]) -> bool:
    """Whether a bare "leader" follows a word of a contest's standings ("championship leader
    Aaron Slight of New Zealand", "the overall leader X of Spain"): who leads a race, no
    office held in the country after "of" (issue 12 audit round 9; ``sport.json``
    ``standings_words``)."""
    if [t.lower_ for t in title] != ["leader"] or title[0].i == 0:
        return False
    return doc[title[0].i - 1].lower_ in load_sport_rules().standings_words


def _portfolio_object(doc: Doc, affiliation: MentionSpan, head: Token) -> bool:
    """Whether an organisation right after "minister of" / "secretary for" with no article
    ("Minister of Jobs and Economic Growth", "Secretary for Transport"), or after more
    capitalised portfolio words ("Minister of Forests and Rural Development"), is the office's
    portfolio rather than a body: no institution of the governments' data and no organisation
    the gazetteer knows."""
    i = affiliation.token_start
    # "Minister of Forests and Rural Development" tagged "Rural Development" alone: the
    # capitalised portfolio words and their "and" before the name belong to it.
    j = i - 1
    while j > head.i + 1 and (doc[j].is_title or doc[j].lower_ in {"and", "&", ","}):
        j -= 1
    if affiliation.type != "Organization" or j < 1 or doc[j - 1].i != head.i \
            or doc[j].lower_ not in {"of", "for"} or head.lower_ not in load_context_cues().portfolio_titles:
        return False
    if affiliation.entity_id in load_government_rules().institutions:
        return False
    return load_gazetteer().organization(doc[i : affiliation.token_end].text) is None


def _head_words(head: Token) -> list[Token]:
    """The head noun of an apposition with its lowercase modifiers ("chief security
    architect"): the role must be there, not deeper in the phrase ("a friend of the Tory
    leader", "one of Scotland's premier whisky firms" hold no role; issue 12 audit)."""
    return [t for t in head.lefts if t.dep_ in {"compound", "amod", "nmod"} and t.is_lower] + [head]


def _name_fragment(doc: Doc, affiliation: MentionSpan, index: EntityIndex) -> bool:
    """A country or place name that begins a longer capitalised name the model did not
    tag ("UK Online general manager": the firm UK Online, not the United Kingdom)."""
    if affiliation.type not in {"Country", "Location", "Group"} or affiliation.token_end >= len(doc):
        return False
    nxt = doc[affiliation.token_end]
    return (nxt.pos_ == "PROPN" and nxt.is_title and index.at(nxt) is None
            and nxt.lower_ not in load_titles().words())


def _ends_longer_name(doc: Doc, affiliation: MentionSpan, index: EntityIndex) -> bool:
    """A name that ends a longer capitalised name the model did not tag: "director of the
    Institute for the Study of Labour" is no officer of the Labour Party, "director of the
    Pew Internet and American Life Project" none of an "American Life Project" (band audit,
    session 10). The word before "of"/"for"/"and" is capitalised, untagged and no title word."""
    i = affiliation.token_start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ not in {"of", "for", "and", "&"}:
        return False
    word = doc[i - 1]
    return (word.is_title and word.pos_ in {"PROPN", "NOUN"} and index.at(word) is None
            and word.i > word.sent.start and word.lower_ not in load_titles().words())


MODIFIER_DEPS = {"poss", "compound", "amod", "nmod", "npadvmod"}


def _attached_to_role(doc: Doc, affiliation: MentionSpan, head: Token) -> bool:
    """Whether a name inside an apposition is where the role is held: a modifier of the role
    noun itself ("FSA spokesman", "India's finance minister") or the object of a preposition
    ("chief economist at Fannie Mae"). A name that only modifies another common noun is not
    ("chairman of the Commons education select committee", "head of the team behind the
    first Macintosh computer", "spokeswoman for the North Carolina-based bank")."""
    # "minister of France and Germany": as the first conjunct
    root = first_conjunct(doc[affiliation.token_start : affiliation.token_end].root)
    if root.dep_ in MODIFIER_DEPS:
        # "leader of the Labour group on Newham Council": a part of the party (data/body_nouns.json)
        return root.head.i == head.i or (root.head.lower_ in load_role_bodies() and root.head.dep_ == "pobj")
    return root.dep_ in {"pobj", "appos"}


# A title's last preposition and the words before it: what stays when the unit after it is
# replaced by the unit's full name (``role_relations.add``).
UNIT_PREPOSITION = re.compile(r"(.+) (of|at|for|in)(?: [^ ]+)+$", re.IGNORECASE)


def _sub_unit(doc: Doc, affiliation: MentionSpan, head: Token) -> str:
    """The unit a role is held in when the name modifies one ("head of Telekom Austria's
    fixed line division" -> "Fixed Line Division"; ``body_nouns.json`` sub_units), else ""."""
    root = doc[affiliation.token_start : affiliation.token_end].root
    unit = root.head
    if root.dep_ not in MODIFIER_DEPS or unit.i == head.i or unit.i < affiliation.token_end or unit.lower_ not in load_sub_units():
        return ""
    words = [t.text for t in doc[affiliation.token_end : unit.i + 1] if t.text not in POSSESSIVE_MARKS | {"'", "’"}]
    return " ".join(words).replace(" - ", "-").title()


def _role_phrase(head: Token, exclude: set[int]) -> list[Token]:
    """The words of the phrase under ``head``, less clauses hanging in it. (The subtree's
    token set is built once: rebuilding it per ancestor cost a sixth of all extraction.)"""
    subtree = list(head.subtree)
    inside = {t.i for t in subtree}
    # "the new chair of the Internet Engineering Task Force (IETF)": a bracketed acronym or
    # aside is no word of the title (issue 12 audit, sample 5: "Chair of IETF").
    bracketed, depth = set(), 0
    for t in subtree:
        depth += t.text == "("
        if depth:
            bracketed.add(t.i)
        depth -= t.text == ")" and depth > 0
    return [
        t for t in subtree
        if t.i not in exclude and t.i not in bracketed and not t.is_punct and t.dep_ not in {"relcl", "acl"}
        and not any(a.dep_ in {"relcl", "acl"} for a in t.ancestors if a.i in inside and a.i != head.i)
    ]


def role_relations(doc: Doc, index: EntityIndex, group_countries: dict[str, str]) -> list[ExtractedRelation]:
    confidence = load_confidence()
    titles = load_titles()
    out = []
    seen = set()

    def add(person: MentionSpan, affiliation: MentionSpan, title_tokens: list[Token], method: str, unit: str = "") -> None:
        title = title_text(title_tokens)
        if title and unit and not title.lower().endswith(unit.lower()) \
                and not set(unit.lower().split()) <= set(title.lower().split()):
            # Not when the title names the unit already: "the director of the SEC's division
            # of market regulation" is no "… of Market Regulation of Division" (issue 12 band
            # audit, session 9).
            before_unit = UNIT_PREPOSITION.match(title)
            if before_unit is not None and title.lower().split()[-1] == unit.lower().split()[-1]:
                # "chief of BT's new Entertainment unit": the title already names the unit in
                # part ("Chief of New Unit"); the unit's full name replaces it (audit round 8:
                # "Chief of New Unit of New Entertainment Unit"). So too after "at", "for",
                # "in" ("corporate vice president at Microsoft's MSN internet division" was
                # "… At Internet Division of Msn Internet Division": band audit, session 12).
                title = f"{before_unit.group(1)} {before_unit.group(2)} {unit}"
            else:
                title = f"{title} of {unit}"  # "Head of Fixed Line Division"
        if not title or title.lower() in titles.honorifics:
            return
        bare = doc[affiliation.token_start : affiliation.token_end].text.lower()
        if bare in load_employment_rules().owner_nouns and affiliation.entity_id.split(":", 1)[-1] == bare \
                and all(t.is_punct for t in doc[doc[affiliation.token_start].sent.start : affiliation.token_start]):
            # "Committee chairman X" opening a sentence, "Committee" tagged a name and resolved
            # to no fuller one: the kind of body, capitalised as a first word, no name of one;
            # whose it is the article says (relations_definite_owner.py). Not "Commission
            # spokesman X" read as the European Commission, nor "Leader of the Opposition in
            # Parliament".
            return
        if _party(doc, affiliation) and (title.lower() in PARTY_FREE_OFFICES or method == "title"
                                          and (office := government_title(_without_honorific(title_tokens))) is not None
                                          and len(office.tokens) > len(office.head) and office.phrase == title.lower()):
            # "accusing Labour Prime Minister Shimon Peres": the party's man in a state's
            # office, no prime minister of the party (issue 12 audit round 9, sample 21); so
            # too a state office with its portfolio, "former Tory lord chancellor Lord Mackay",
            # "ex-Tory education secretary X" (band audit, session 10). Not a bare "Democratic
            # Senator X", "SNP president X", nor the opposition's "Tory shadow chancellor X", nor
            # the party's role of two joined ("Labour MP and former Cabinet minister X": MP).
            return
        if affiliation.type == "Location" and set(title.lower().split()) & load_company_roles():
            # "Barry Beal, global security manager for Capgemini" with Capgemini typed
            # Location: no place has a manager, founder or analyst, so the name is a company
            # the model took for a place, and the edge would be wrong at its tail.
            return
        tail = group_countries.get(affiliation.entity_id, affiliation.entity_id) if affiliation.type == "Group" else affiliation.entity_id
        named = doc[affiliation.token_start : affiliation.token_end].text
        if affiliation.type != "Group" and (nation := load_gazetteer().nationality(named)) is not None \
                and load_gazetteer().country(named) is None:
            # "Ukrainian Foreign Minister Andrii Sybiha" with "Ukrainian" typed Location: a
            # nationality names its country, no place or organisation of that name (issue 12
            # audit round 9: HOLDS_ROLE toward a Location "Ukrainian"). Only for a state's
            # office: "Milan's new Uruguayan coach Oscar Tabarez" is Uruguayan, no coach of
            # Uruguay's (as with a nationality the model tags as one).
            if government_title(title_tokens) is None:
                return
            tail = f"country:{nation.iso3}"
        if tail == person.entity_id:
            return
        sent = doc[person.token_start].sent
        key = (person.entity_id, tail, sent.start)
        if key in seen:
            return
        seen.add(key)
        # "Priya Nair, an analyst at Carrow & Finch": a job, not a role (LABELLING.md).
        staff = affiliation.type == "Organization" and staff_title(title)
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
        if affiliation.sentence != person.sentence:
            out[-1].tail_start = out[-1].tail_end = None  # named elsewhere in the article (article_officer)

    article_organisation = article_organisation_reader(doc, index)

    def countries_in(mentions: list[MentionSpan]) -> list[CountryMention]:
        out = []
        for m in mentions:
            country = m.entity_id if m.type == "Country" else group_countries.get(m.entity_id) if m.type == "Group" else None
            if country is not None:
                out.append(CountryMention(country, doc[m.token_start : m.token_end].root))
        return out

    @cache
    def article_government() -> tuple[str | None, str | None, set[str], str | None]:
        """The article's government (lenient, strict), the countries it names (or a
        nationality of), and the government it would have without the text naming it (the
        one country it names: a person needs a tie of his own to it, ``tied_to``): read
        once, when a government title first needs them."""
        everywhere = countries_in(index.mentions)
        named = {c.country for c in everywhere}
        lenient, strict = home_government(everywhere, institutions(), government_named())
        guessed = lenient if lenient is not None else home_government(everywhere, institutions(), frozenset(named))[0]
        return lenient, strict, named, guessed

    def tied_to(person: MentionSpan, country: str) -> bool:
        """A sentence that names the person names the country as its actor ("'The UK has a
        rich culture,' said Arts minister X", "Swinney said: 'Scotland deserves better'")."""
        sentences = {m.sentence for m in index.mentions if m.entity_id == person.entity_id}
        return any(c.country == country and is_actor(c.token)
                   for c in countries_in([m for m in index.mentions if m.sentence in sentences]))

    def government_named() -> frozenset[str]:
        """The countries whose government the text itself names, which ties an office the
        article leaves unplaced to it: the country or its nationality right before a state
        noun ("The Jamaican government", "the US administration", "Scotland's executive",
        "the Scottish Executive"; governments.json ``state_nouns``) or a place of it after one
        ("the government in Edinburgh"), or the dateline opening
        the article ("RABAT 1996-08-22", "BANGKOK, Thailand (AP)", after a byline: a wire
        story filed there reports that country)."""
        state_nouns = load_government_rules().state_nouns
        gazetteer = load_gazetteer()
        out = set()
        for t in doc:
            if t.lower_ not in state_nouns or t.i == 0:
                continue
            before = doc[t.i - 2] if t.i > 1 and doc[t.i - 1].lower_ in {"'s", "’s"} else doc[t.i - 1]
            if t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "in" and index.at(doc[t.i + 2]) is not None:
                before = doc[t.i + 2]  # "the government in Edinburgh", "the administration in Rabat"
            m = index.at(before)
            if m is not None and m.type in {"Country", "Group", "Location"}:
                country = m.entity_id if m.type == "Country" else group_countries.get(m.entity_id) if m.type == "Group" \
                    else place_country(doc[m.token_start : m.token_end].text)
            else:
                nation = gazetteer.nationality(before.text) or gazetteer.country(before.text)
                country = f"country:{nation.iso3}" if nation is not None else None
            if country is not None:
                out.add(country)
        for m in index.mentions:
            if m.sentence <= DATELINE_SENTENCES and m.type in {"Country", "Location"} \
                    and in_dateline(doc, m.token_start, m.token_end):
                country = m.entity_id if m.type == "Country" else place_country(doc[m.token_start : m.token_end].text)
                if country is not None:
                    out.add(country)
        return frozenset(out)

    @cache
    def article_implied() -> tuple[str | None, str | None]:
        places = [c for m in index.mentions if m.type == "Location"
                  and (c := place_country(doc[m.token_start : m.token_end].text)) is not None]
        # A nationality the model tagged no mention ("Kenyan factories") names the country too.
        adjectives = [CountryMention(f"country:{found[0].iso3}", t) for t in doc
                      if (found := untagged_nationality(t, len(doc), two_words=False)) is not None]
        return implied_country(countries_in(index.mentions) + adjectives, places, institutions())

    @cache
    def institutions() -> list[str]:
        """The organisations the article names, less portfolio words of a listed title
        ("Labour and Social Welfare Minister X" names no Labour Party)."""
        return [m.entity_id for m in index.mentions
                if not (m.type == "Organization" and portfolio_of_listed_title(list(doc[m.token_start : m.token_end])))]

    def implied_government(office: Office, here: list[MentionSpan], home: str | None) -> str | None:
        """The country the article is about for a national office nothing stricter placed
        ("Prime Minister Dick Schoof opened …" in a report on Rotterdam; method
        ``implied_country``): not a title only another government has, not against the
        article's government, and not when the sentence names any other country or one of
        its places, or this one as a place ("Prime Minister X arrived in Kenya")."""
        rules = load_government_rules()
        if office.phrase in rules.title_countries:
            return None
        if office.head in rules.implied_portfolio_heads and len(office.tokens) == len(office.head):
            return None  # "Secretary X", "said Treasury Under Secretary X": a party's, a firm's, or an under-secretary
        if any(t.is_upper and len(t) > 1 and t.is_alpha for t in office.tokens):
            return None  # "SMFG President X": an acronym before the head names an organisation, not a country
        if any(t.ent_type_ in {"NORP", "GPE"} for t in office.tokens):
            # "Bosnian Prime Minister X arrived in Ankara": a nationality the gazetteer does not
            # know still says the office is that country's, not the article's (issue 12 audit
            # round 9: Turkey's).
            return None
        minister, head_of_state = article_implied()
        country = head_of_state if office.head in rules.heads_of_state else minister
        if country is None or (home is not None and home != country) or office.head in rules.implied_not_heads \
                or office.head not in rules.home_heads.get(country, rules.default_heads):
            return None
        for m in here:
            named = m.entity_id if m.type == "Country" else group_countries.get(m.entity_id) if m.type == "Group" \
                else place_country(doc[m.token_start : m.token_end].text) if m.type == "Location" else None
            if named is not None and (named != country or (m.type == "Country" and not is_actor(doc[m.token_start : m.token_end].root))):
                return None
        if any(c != country for c in untagged_nationalities(office.tokens[0].sent)):
            # "A South African boy ... President Nelson Mandela's old prison island": the
            # sentence's subject is another country's (no mention tags the nationality).
            return None
        return country

    def untagged_nationality(t: Token, end: int, two_words: bool) -> tuple[Country, Token] | None:
        """The nationality of a word the model tagged no mention ("Kenyan factories"), or with
        ``two_words`` of it and the next word before token ``end`` ("South African"), and the
        last of its words."""
        if not t.is_title or index.at(t) is not None:
            return None
        gazetteer = load_gazetteer()
        nxt = doc[t.i + 1] if two_words and t.i + 1 < end else None
        if nxt is not None and nxt.is_title and index.at(nxt) is None \
                and (pair := gazetteer.nationality(f"{t.text} {nxt.text}")) is not None:
            return pair, nxt
        nation = gazetteer.nationality(t.text)
        return (nation, t) if nation is not None else None

    def untagged_nationalities(sent: Span) -> set[str]:
        """The countries of nationality words the model tagged no mention ("South African",
        "Kenyan"), one or two words, that describe a subject of the sentence ("A South African
        boy is writing ..."): issue 12 band audit, session 9, Mandela read as the article's US
        president. Not one describing an object ("signed an agreement with the Danish company
        X" leaves the minister the article's)."""
        out = set()
        for t in sent:
            if (found := untagged_nationality(t, sent.end, two_words=True)) is None:
                continue
            nation, word = found
            if word.head.dep_ in {"nsubj", "nsubjpass"} and word.head.i != word.i:
                out.add(f"country:{nation.iso3}")
        return out

    def add_government(person: MentionSpan, office: Office) -> None:
        if any(t.is_lower and t.lower_ in load_context_cues().org_nouns for t in office.tokens):
            # "the factory's trade union secretary X", "party secretary X": an organisation's
            # officer, no state office (issue 12 audit round 9, sample 21: Serbia's). Not a
            # capitalised "Union Home Minister" (India's federal government).
            return
        home, strict_home, named, guessed = article_government()
        if home is None and guessed is not None and tied_to(person, guessed):
            home = guessed
        number = person.sentence
        here = [m for m in index.mentions if m.sentence == number]
        gazetteer = load_gazetteer()
        # "Russian Energy Minister X" where "Russian" is no mention: the title says whose.
        # Not a word of a longer place's name: "Northern Ireland Minister" is no Irish office.
        said = {f"country:{c.iso3}" for t in office.tokens
                if (c := gazetteer.nationality(t.text) or gazetteer.country(t.text))
                and ((m := index.at(t)) is None or m.type in {"Country", "Group"})}
        # "South Korean deputy Foreign Minister Lee Ki-choo": a nationality of two words
        # (issue 12 audit round 9: read as China's minister from the article).
        pairs = {k: c for k in range(len(office.tokens) - 1)
                 if (c := gazetteer.nationality(f"{office.tokens[k].text} {office.tokens[k + 1].text}"))
                 and ((m := index.at(office.tokens[k])) is None or m.type in {"Country", "Group"})}
        said |= {f"country:{c.iso3}" for c in pairs.values()}
        method = "government_title"
        if said:
            said_heads.add(person.entity_id)  # "Ugandan Energy Minister X": never the article's country
            country = next(iter(said)) if len(said) == 1 and next(iter(said)) in named else None
        else:
            country = government_country(office, countries_in(here), home, named,
                                         doc[person.token_start : person.token_end].root, strict_home)
            if country is None and (country := implied_government(office, here, home)) is not None:
                method = "implied_country"
        if country is None or country == person.entity_id:
            return
        words = list(office.tokens)
        if 0 in pairs and len(words) > 2:
            words = words[2:]
        while said and len(words) > 1 and (gazetteer.nationality(words[0].text) or gazetteer.country(words[0].text)):
            # "Turkish economics minister Ali Babacan", "US Treasury Secretary John Snow": the
            # country word says whose office it is (the tail), it is no part of the title
            # (issue 12 audit, sample 9).
            words.pop(0)
        while said and len(words) > 1 and words[0].lower_ in load_government_rules().skip:
            words.pop(0)  # "Chinese counterpart Minister Li Zhaoxing": no "Counterpart Minister" (audit round 8)
        title = title_text(words)
        sent = doc[person.token_start].sent
        key = (person.entity_id, country, sent.start)
        if not title or key in seen:
            return
        if method == "implied_country":
            # Read from the article as a whole: added at the end, if nothing in the text
            # gives the person a role in this sentence or a country elsewhere.
            implied.append((key, person, office, title))
            return
        seen.add(key)
        # The country's mention in this sentence, if it is named here; the article's
        # government may be named only elsewhere (no tail span then).
        tail = next((m for m in here if m.entity_id == country or group_countries.get(m.entity_id) == country), None)
        offsets = mention_offsets(doc, person, tail if tail is not None else person)
        relation = ExtractedRelation(
            head=person.entity_id, tail=country, type="HOLDS_ROLE", method=method,
            confidence=confidence[method], sentence=sent.text, start=sent.start_char,
            end=sent.end_char, predicate=title.lower(), title=title, **offsets,
        )
        if tail is None:
            relation.tail_start = relation.tail_end = None
        out.append(relation)

    implied: list[tuple[tuple[str, str, int], MentionSpan, Office, str]] = []
    said_heads: set[str] = set()
    for person in index.mentions:
        if person.type != "Person":
            continue
        title, affiliation, _ = _leading_title(doc, person, index)
        if affiliation is not None and affiliation.type in {"Country", "Location"} and affiliation.token_start >= 2 \
                and doc[affiliation.token_start - 1].lower_ == "of" and doc[affiliation.token_start - 2].pos_ == "PROPN" \
                and doc[affiliation.token_start - 2].lower_ not in load_titles().roles | state_form_words():
            # "Royal Bank of Scotland chief executive Fred Goodwin" with the bank's name cut
            # at "of": the place ends a longer name, it is not where the role is held (issue 12
            # audit, sample 6).
            title, affiliation = [], None
        office = _portfolio_office(doc, affiliation, title) if title and affiliation and _has_role(title) else None
        if office is not None:
            # "Education minister Ivan Lewis", "Trade and Industry Secretary Patricia
            # Hewitt": the "organisation" is the office's portfolio; whose government then
            # comes from the sentence or the article. "Shadow Europe minister": no relation.
            if office:
                add_government(person, office)
        elif title and affiliation and _has_role(title):
            add(person, affiliation, title, "possessive_title" if doc[affiliation.token_end].text in POSSESSIVE_MARKS | {"'", "’"} else "title")
        elif title and _has_role(title) and (after := _of_affiliation(doc, person, index)) is not None:
            if not _standings_leader(doc, title):
                add(person, after, title, "title")  # "President Yoweri Museveni of Uganda"
        elif title and _has_role(title) and title[0].i > 0 and (its := _its_organisation(doc, doc[title[0].i - 1], index)) is not None:
            add(person, its, title, "its_title")  # "… criticised the ministry. Its director Apar Gupta said …"
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
            elif (officer := officer or _officer_title(before, load_article_officer_titles())
                  or _officer_title(before, load_article_club_titles())) \
                    and (not _owned(doc, officer[0]) or _generic_owner(doc, officer[0])) \
                    and (org := article_organisation()) is not None \
                    and not any(m.type == "Organization" and m.entity_id != org.entity_id
                                for m in index.mentions if m.sentence == person.sentence) \
                    and (_officer_title(officer, load_article_officer_titles()) is not None
                         or doc[org.token_start : org.token_end].text in load_clubs().forms):
                # "… said chief executive Finian O'Sullivan." in a report on Burren Energy:
                # the sentence names no organisation, the article one above all others.
                add(person, org, officer, "article_officer")
        root = doc[person.token_start : person.token_end].root
        person_tokens = set(range(person.token_start, person.token_end))
        candidates = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            candidates.append(root.head)  # "US Secretary of State, Marco Rubio"
            owner = root.head
            if index.at(owner) is not None and owner.dep_ == "pobj" and owner.head.lower_ in OWNER_PREPOSITIONS \
                    and owner.head.head.pos_ == "NOUN" and owner.head.head.i < owner.i and _has_role(_head_words(owner.head.head)):
                # "the chief executive of Microsoft, Steve Ballmer", "the mayor of Marseille,
                # Benoît Payan": the parse hangs the name on the nearest noun, the organisation
                # or place; the name is the role's holder (issue 12, role recall).
                candidates.append(owner.head.head)
        if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ == "be":
            candidates.extend(c for c in root.head.children if c.dep_ == "attr")  # "Bukele is the president of El Salvador"
        for head in candidates:
            if index.at(head) is not None:
                continue
            if sum(index.at(c) is not None for c in head.conjuncts if c.i > head.i) >= 2:
                # "songs by Will Young, Queen, Kate Bush and Joy Division": a list of names,
                # a band named like a role among them, is no apposition (issue 12 audit
                # round 8: Will Young HOLDS_ROLE "Queen" toward Joy Division). One name after
                # the role is a pair of people: "Damian Hockney, now Veritas deputy leader,
                # and Peter Hulme-Cross".
                continue
            exclude = person_tokens | {t.i for t in root.subtree if head.is_ancestor(root) and t.i in person_tokens}
            if head.is_ancestor(root):
                exclude |= {t.i for t in root.subtree}
            phrase = _role_phrase(head, exclude)
            between = [m for m in index.mentions if m.sentence == person.sentence and m.type == "Person"
                       and m.entity_id != person.entity_id and phrase and person.token_end <= m.token_start < phrase[0].i]
            if between:
                # "by Globe president Arturo Lacson and Hannah Keel, Starlink's regional
                # director": the parser hung the apposition on the first name; it is Keel's.
                nearest = between[-1]
                if doc[nearest.token_end : phrase[0].i].text.strip() in {"", ","}:
                    affiliation = _affiliation_in(phrase, index, nearest)
                    role_tokens = [t for t in phrase if index.at(t) is None and t.dep_ not in {"det", "poss", "case"}]
                    if affiliation is not None and _has_role(role_tokens):
                        add(nearest, affiliation, role_tokens, "apposition")
                continue
            affiliation = _affiliation_in(phrase, index, person)
            if affiliation is not None and _portfolio_object(doc, affiliation, head):
                # "Ravi Kahlon, Minister of Jobs and Economic Growth": the portfolio the model
                # tagged as an organisation; a government office, whose government the sentence
                # or article says (issue 12 audit round 9: toward "Jobs and Economic Growth").
                if head.i < root.i and (office := government_title(phrase)):
                    add_government(person, office)
                continue
            if affiliation is not None and (not _attached_to_role(doc, affiliation, head) or _name_fragment(doc, affiliation, index)
                                            or _ends_longer_name(doc, affiliation, index)):
                continue  # "a spokeswoman for the North Carolina-based bank": not the place's
            if affiliation is None and head.i < root.i and phrase and (its := _its_organisation(doc, phrase[0], index)) is not None:
                # "… agreed to the takeover in January. Its chief executive, Marcus Oyelaran, said …"
                role_tokens = [t for t in phrase[1:] if index.at(t) is None]
                if _has_role(role_tokens):
                    add(person, its, role_tokens, "its_title")
                continue
            if affiliation is None and len(phrase) > 3 and _generic_owner(doc, phrase[3]) and phrase[2].text in POSSESSIVE_MARKS \
                    and (officer := _officer_title(phrase[3:], load_article_officer_titles())) is not None \
                    and (org := article_organisation()) is not None \
                    and not any(m.type == "Organization" for m in index.mentions if m.sentence == person.sentence):
                # "Graham Pell, the company's managing director, said …" in a report on one firm
                add(person, org, officer, "article_officer")
                continue
            if affiliation is None:
                # "The Foreign Secretary, David Lammy, accused …"
                # Not "the Office of the Deputy Prime Minister (ODPM)": an institution's name.
                if head.i < root.i and (office := government_title(phrase)) and head.lower_ == office.head[-1] \
                        and not any(t.lower_ == "of" and t.i < head.i for t in phrase) \
                        and not (head.dep_ == "pobj" and head.head.lower_ == "of") \
                        and doc[person.token_start - 1].text != "(":
                    add_government(person, office)
                continue
            # "spokesman for anti-virus firm Sophos", "evangelist for chip giant Intel": what
            # the name is said to be modifies the name, so it is no word of the title (issue 12
            # audit, sample 6: "Spokesman for Anti Virus Firm").
            name_root = doc[affiliation.token_start : affiliation.token_end].root
            if name_root.dep_ == "appos" and name_root.head.dep_ == "pobj":
                name_root = name_root.head  # "for chip giant Intel" parsed as "giant", then "Intel" in apposition
            describing = {t.i for t in name_root.subtree} if name_root.i != head.i and not name_root.is_ancestor(head) else set()
            # An article after a preposition stays, so the title can tell "head of the threat
            # laboratory" and "economist for the region" from "head of distribution".
            role_tokens = [t for t in phrase if index.at(t) is None and t.i not in describing
                           and (t.dep_ not in {"det", "poss", "case"} or (t.dep_ == "det" and t.head.dep_ == "pobj"))]
            if _has_role(role_tokens) and _has_role(_head_words(head)):
                add(person, affiliation, role_tokens, "apposition", _sub_unit(doc, affiliation, head))
    # A country read from the sentence or the article yields to the one the text gives the
    # person's office outright ("El Salvador's President Nayib Bukele" elsewhere makes
    # "President Bukele confirmed …" no US office, whatever the article's government).
    stated = {(r.head, r.tail) for r in out if r.type == "HOLDS_ROLE" and r.method != "government_title" and r.tail.startswith("country:")}
    stated_heads = {head for head, _ in stated}
    out = [r for r in out if r.method != "government_title" or r.head not in stated_heads or (r.head, r.tail) in stated]
    # The article's country (implied_country) yields to any role the text gives the person
    # in a country ("Japanese trade minister Haruto Sakai" in a report from Jakarta) and to
    # any role beside it in the same sentence.
    placed = {r.head for r in out if r.type == "HOLDS_ROLE" and r.tail.startswith("country:")}
    roled = {(r.head, r.start) for r in out if r.type in {"HOLDS_ROLE", "WORKS_FOR"}}
    for key, person, office, named_title in implied:
        sent = doc[person.token_start].sent
        if key in seen or person.entity_id in placed | said_heads or (person.entity_id, sent.start_char) in roled:
            continue
        if person.token_start > 0 and doc[person.token_start - 1].lower_ in {"for", "of"}:
            continue  # "Minister for Climate Darragh O'Brien" read as a name "Climate Darragh O'Brien"
        seen.add(key)
        relation = ExtractedRelation(
            head=person.entity_id, tail=key[1], type="HOLDS_ROLE", method="implied_country",
            confidence=confidence["implied_country"], sentence=sent.text, start=sent.start_char,
            end=sent.end_char, predicate=named_title.lower(), title=named_title, **mention_offsets(doc, person, person),
        )
        relation.tail_start = relation.tail_end = None
        out.append(relation)
    out += _counterpart_relations(doc, index, group_countries, out, confidence["counterpart"])
    # Likewise the article's organisation yields to one the text ties the person to outright
    # ("Jane Roe, chief executive of Acme" makes "chief executive Jane Roe" no officer of the
    # article's main company).
    employed = {(r.head, r.tail) for r in out if r.method != "article_officer" and r.type in {"HOLDS_ROLE", "WORKS_FOR"}
                and not r.tail.startswith("country:")}
    employed_heads = {head for head, _ in employed}
    return [r for r in out if r.method != "article_officer" or r.head not in employed_heads or (r.head, r.tail) in employed]


# What may close an apposition of a counterpart's name ("his Namibian counterpart, Netumbo
# Nandi-Ndaitwah, at the Union Buildings").
APPOSITION_CLOSERS = frozenset({",", ".", ";", ":", ")", "--", "—", "–"})


def _counterpart_country(doc: Doc, index: EntityIndex, group_countries: dict[str, str], person: MentionSpan) -> tuple[Token, str] | None:
    """"his Namibian counterpart, Netumbo Nandi-Ndaitwah", "her Vietnamese counterpart Pham
    Minh Chinh": the possessive before "counterpart" and the country its nationality word
    names, if the words before the name have that shape."""
    sent = doc[person.token_start].sent
    i = person.token_start - 1
    if i >= sent.start and doc[i].text == ",":
        after = doc[person.token_end] if person.token_end < sent.end else None
        if after is not None and after.text not in APPOSITION_CLOSERS:
            return None  # "his French counterpart, Marc Ferracci and …": a list
        i -= 1
    if i - 2 < sent.start or doc[i].lower_ != "counterpart":
        return None
    gazetteer = load_gazetteer()
    k = i - 1
    m = index.at(doc[k])
    country: str | None = None
    if m is not None and m.type in {"Country", "Group"}:
        country = m.entity_id if m.type == "Country" else group_countries.get(m.entity_id)
        k = m.token_start - 1
    elif m is None and doc[k].is_title:
        pair = gazetteer.nationality(f"{doc[k - 1].text} {doc[k].text}") if k - 1 >= sent.start else None
        nation = pair or gazetteer.nationality(doc[k].text)
        if nation is not None:
            country = f"country:{nation.iso3}"
            k -= 2 if pair is not None else 1
    if country is None or k < sent.start or doc[k].lower_ not in {"his", "her"}:
        return None
    return doc[k], country


def _counterpart_relations(doc: Doc, index: EntityIndex, group_countries: dict[str, str],
                           found: list[ExtractedRelation], confidence: float) -> list[ExtractedRelation]:
    """"President Cyril Ramaphosa hosted his Namibian counterpart, Netumbo Nandi-Ndaitwah":
    the counterpart holds the same office in the country its nationality word names (issue
    12, recall of roles, session 15; method ``counterpart``). The possessive's holder is the
    one person the sentence names before it, and the office is the one the text gives that
    person: a state office toward a country in this sentence ("Spain's energy minister, Sara
    Aagesen, signed the agreement with her French counterpart, Marc Ferracci"), a government
    title right before the name ("President X"), or the one title the article gives that
    person toward a country elsewhere. Not when the two countries are the same, nor when the
    holder has two such titles."""
    out: list[ExtractedRelation] = []
    for person in index.mentions:
        if person.type != "Person" or (shape := _counterpart_country(doc, index, group_countries, person)) is None:
            continue
        possessive, country = shape
        sent = doc[person.token_start].sent
        holders = {m.entity_id: m for m in index.mentions
                   if m.type == "Person" and sent.start <= m.token_start and m.token_end <= possessive.i}
        if len(holders) != 1:
            continue
        holder = next(iter(holders.values()))
        roles = [r for r in found if r.head == holder.entity_id and r.type == "HOLDS_ROLE" and r.tail.startswith("country:")]
        here = {(r.title, r.tail) for r in roles if r.title and r.start == sent.start_char}
        everywhere = {(r.title, r.tail) for r in roles if r.title}
        before, _ = words_before(list(doc[sent.start : holder.token_start]), lambda t: index.at(t) is not None)
        office = government_title(before)
        if len({t for t, _ in here}) == 1:
            title, home = next(iter(here))
        elif not here and office is not None and len(office.tokens) == len(office.head):
            title, home = title_text(office.tokens), None  # "President X": the office, its country unsaid
        elif not here and len({t for t, _ in everywhere}) == 1:
            title, home = next(iter(everywhere))
        else:
            continue
        if country in {home, person.entity_id} or any(r.head == person.entity_id and r.tail == country for r in found):
            continue
        relation = ExtractedRelation(
            head=person.entity_id, tail=country, type="HOLDS_ROLE", method="counterpart", confidence=confidence,
            sentence=sent.text, start=sent.start_char, end=sent.end_char, predicate=title.lower(), title=title,
            **mention_offsets(doc, person, person),
        )
        relation.tail_start = relation.tail_end = None
        out.append(relation)
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
        if person.type != "Person" or i < 2 or not (doc[i - 1].text in {"'s", "’s"} or (doc[i - 1].text in {"'", "’"} and doc[i - 1].tag_ == "POS")):
            continue
        owner = index.at(doc[i - 2])
        if owner is None or owner.token_end != i - 1 or owner.entity_id == person.entity_id:
            continue
        found = POSSESSIVE_RELATIONS.get(owner.type)
        if found is None or predicated_likeness(doc, person):
            continue  # "he is Britain's Tiger Woods": a likeness, not Woods's country
        if owner.type == "Organization" and not any(
                has_given_name(doc[m.token_start : m.token_end].text) for m in index.mentions if m.entity_id == person.entity_id):
            # "Sony's Playstation Portable", "the BBC's Westminster Hour": a product or a show
            # the model typed Person; a person an organisation employs has a given name or
            # initials in some mention ("Manchester United's Brown" beside "Wes Brown"; issue 12
            # session 11 band audit: 3 of 3 such edges wrong, the 17 right ones all had one).
            # Not for a country: "Ethiopia's Tirunesh Dibaba" has a given name gender-guesser
            # does not list.
            continue
        kind, predicate = found
        out.append(span_relation(doc, doc[i].sent, person, owner, kind, "possessive", confidence, predicate))
    return out


def squad_relations(doc: Doc, index: EntityIndex, sports: bool) -> list[ExtractedRelation]:
    """A squad or team list in a sports report: "Dimitri Yachvili (Biarritz)", "Fabien Pelous
    (Stade Toulousain, capt)": the player's club in brackets right after his name (WORKS_FOR,
    as the gold labels a player's club). Only a club the gazetteer lists (``clubs.py``): a
    results line's "Tegla Loroupe (Kenya)" names a country, read as nationality elsewhere."""
    if not sports:
        return []
    confidence = load_confidence()["squad_list"]
    forms = load_clubs().forms
    out: list[ExtractedRelation] = []
    for person in index.mentions:
        i = person.token_end
        if person.type != "Person" or i + 2 >= len(doc) or doc[i].text != "(":
            continue
        club = index.at(doc[i + 1])
        if club is None or club.type != "Organization" or club.token_start != i + 1 or club.token_end >= len(doc) \
                or doc[club.token_end].text not in {")", ","} or doc[i + 1 : club.token_end].text not in forms:
            continue
        if _shared_surname(doc, person, index):
            continue  # "Roberts (Tranmere)" beside Stephen and Gareth Roberts: which one, the list does not say
        out.append(span_relation(doc, doc[i].sent, person, club, "WORKS_FOR", "squad_list", confidence, "plays for"))
    return out


def _shared_surname(doc: Doc, person: MentionSpan, index: EntityIndex) -> bool:
    """A one-word name that ends two other people's full names in the article."""
    if person.token_end - person.token_start != 1:
        return False
    word = doc[person.token_start].text
    owners = {m.entity_id for m in index.mentions if m.type == "Person" and m.entity_id != person.entity_id
              and m.token_end - m.token_start > 1 and surname(doc[m.token_start : m.token_end].text) == word}
    return len(owners) >= 2

