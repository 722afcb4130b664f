"""A mention's type, or its removal, read from the words around it (issue 12).

The small model guesses a label from the name alone and often guesses wrong where the
sentence says what the name is: "Def Jam's artists include LL Cool J, DMX and Ashanti"
(people, tagged ORG), "Def Jam's parent company, Universal" (a company, tagged PERSON),
"arcade classics such as Space Invaders, Pac-Man and Donkey Kong" (works, not entities),
"veteran Irish actor Brendan Gleeson" (a description, not the Irish as a people). The cues
are lists in ``data/context_cues.json`` and ``data/non_entities.json``; this module reads
the parse around each mention and returns the mentions relabelled, or without the ones
that name no entity. Names the gazetteer lists (countries, known organisations) are never
touched: the gazetteer wins.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.governments import first_conjunct
from newsgraph.extract.mentions import NonEntityRules, RawMention, doc_text, drop_works, load_context_cues, load_non_entity_rules
from newsgraph.extract.rules import load_gazetteer, load_titles

__all__ = ["apply_context"]

_MODEL_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
_OPENING_QUOTES = {'"', "\u201c", "'", "\u2018"}
_CLOSING_QUOTES = {'"', "\u201d", "'", "\u2019"}
_LIST_PREPOSITIONS = {"as", "including", "like"}  # "such as X", "including X", "like X"
# people, not a description: "performers such as X"; nouns a band, club or show modifies
# when it is the affiliation of the person named after them ("Happy Mondays star Bez")
_MEMBER_NOUNS = {"star", "rapper", "singer", "guitarist", "drummer", "frontman", "bassist",
                 "vocalist"}


def _list_introducer(token: Token) -> Token | None:
    """The noun a name hangs from as an item of a list or in apposition: "classics" in
    "classics such as X, Y and Z", "artists" in "Def Jam's artists include X and Y",
    "company" in "parent company, Universal". None when the name stands on its own."""
    t = token
    for _ in range(12):  # "X, Y and Z": Y and Z are conjuncts of X
        if t.dep_ == "appos" and t.pos_ == "PROPN" and t.head.pos_ == "PROPN" and t.head.i < t.i:
            t = t.head  # "include Hard Knock Life, Dirt Off Your Shoulder and ...": the parse sets
            continue  # the second item beside the first
        if t.dep_ != "conj" or t.head.i == t.i:
            break
        t = t.head
    head = t.head
    if t.dep_ == "appos" and head.pos_ == "NOUN" and t.i - 5 <= head.i < t.i and head.i >= token.i - 5:
        return head  # right before it: "his new book, Lawless World, Philippe Sands" is no book
    if t.dep_ == "pobj" and head.lower_ in _LIST_PREPOSITIONS:
        if head.lower_ == "as" and not any(w.lower_ == "such" for w in t.doc[max(0, head.i - 2) : head.i]):
            return None  # "known as X" names it; only "such as" lists
        return head.head if head.head.pos_ == "NOUN" else None
    if t.dep_ in {"dobj", "attr"} and head.lemma_.lower() == "include":
        subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "NOUN"]
        return subjects[0] if subjects else None
    if t.dep_ == "pobj" and head.lower_ in {"in", "of"} and head.head.pos_ == "NOUN":
        return head.head  # "her role in Salt and Silver", "a remake of Tom Brown's Schooldays"
    if t.dep_ == "attr" and head.lemma_ == "be":
        subjects = [c for c in head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
        return subjects[0] if subjects else None  # "The fourth book in the running is Corpus"
    return None


def _honoured_work(root: Token, rules: NonEntityRules) -> bool:
    """A name after "for" that a verb of honouring governs: "nominated for The Aviator",
    "won an Oscar for Spirited Away", "won best actor for Ray", or an award's category
    ("best actress for Vera Drake"): the work honoured. Not after a noun of honour ("an
    Oscar nomination for Clive Owen"): there the name is as often the person honoured. The
    words are ``non_entities.json``'s honour_verbs, honour_nouns and award_category_nouns."""
    if root.dep_ != "pobj" or root.head.lower_ != "for":
        return False
    verb = root.head.head
    if verb.pos_ == "NOUN" and verb.lemma_.lower() in rules.award_category_nouns and any(c.lower_ == "best" for c in verb.children):
        return True  # "won best actress for Vera Drake": a category's winner is named before, the work after
    if verb.pos_ != "VERB":
        return False
    if verb.lemma_.lower() in rules.honour_verbs:
        return True
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return any(o.lemma_.lower() in rules.honour_nouns or o.lower_ in rules.names
               or any(t.lower_ == "best" for t in o.subtree) for o in objects)


def _anchor(span: Span) -> Token:
    """The token that ties a name to the sentence: its root, or, where the parse broke the
    name up ("a rendition of Whole Lotta Shakin' Goin' On"), the one that is the object of a
    preposition outside it."""
    for t in span:
        if t.dep_ == "pobj" and not span.start <= t.head.i < span.end:
            return t
    return span.root


def _apposed_noun(token: Token) -> Token | None:
    """The common noun set beside a name: "Skyreach, the company's small satellite unit"."""
    for child in token.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i > token.i:
            return child
    return None


def _quoted(doc: Doc, start: int, end: int) -> bool:
    """The name is all that stands between quotation marks: '"the Next Big Thing"',
    'Antonio "LA" Reid' (a title or a nickname, not an entity of its own)."""
    before = start - 1
    if before >= 0 and doc[before].lower_ == "the":
        before -= 1
    return before >= 0 and end < len(doc) and doc[before].text in _OPENING_QUOTES and doc[end].text in _CLOSING_QUOTES \
        and (doc[before].text != "'" or doc[end].text == "'")


def _fragment(doc: Doc, m: RawMention) -> bool:
    """One word cut out of a longer name the model did not tag whole: "Digital" of the
    BBC's "Go Digital" programme, "Files" of "X Files", "Blazin" of "Blazin' Squad", the
    "State" of "State Secretary"."""
    if m.token_end - m.token_start != 1:
        return False
    words = load_titles().words()
    start = m.token_start
    if start > 0:
        prev = doc[start - 1]
        if prev.text[:1].isupper() and prev.is_alpha and not prev.is_sent_start and not prev.ent_type_ \
                and prev.lower_ not in words and prev.lower_ not in {"the", "a", "an", "i"} and not prev.like_num:
            return True
    end = m.token_end
    if end + 1 < len(doc) and doc[end].text in {"'", "\u2019"} and doc[end + 1].is_title and not doc[end + 1].ent_type_:
        return True  # "Blazin' Squad": a name with an apostrophe inside
    if end < len(doc) and doc[start].lower_ in words and doc[end].lower_ in words and doc[end].text[:1].isupper():
        return True
    return False


_PERSONAL_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "they", "them", "their", "it", "its", "we", "our", "i", "my"}


def _said_its(doc: Doc, m: RawMention, root: Token) -> bool:
    """The name, the subject of the verb right after it, and "its" the first pronoun
    after that verb in the sentence ("Pernod Ricard said its profits", "Enarsa expects
    its output"): a company, not a person, however the model read the words. Not after
    "be": "Paul Rhys was its best performer" is the critics' circle's."""
    verb = root.head
    if root.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.lemma_ == "be" or m.token_end >= len(doc) or doc[m.token_end].i != verb.i:
        return False
    for t in doc[verb.i + 1 : min(verb.i + 4, verb.sent.end)]:  # "said (that) its": not a later clause's "its"
        if t.lower_ in _PERSONAL_PRONOUNS:
            return t.lower_ == "its"
    return False


def _role_of_apposed_person(noun: Token) -> bool:
    """A role noun in apposition to a named person ("Rachel Harker, spokeswoman for X",
    "X, the president of Y"): what it is "of", "for" or "at" is where the person holds the
    role, not a second person."""
    if noun.pos_ != "NOUN" or noun.lower_ not in load_titles().words() or noun.lower_ in _SERVING_ROLES:
        return False
    return noun.dep_ == "appos" and noun.head.ent_type_ == "PERSON"


# Roles held for a person as often as for a body ("a spokesman for Tony Blair", "lawyer for
# Michael Jackson"): what follows them may well be a person.
_SERVING_ROLES = frozenset({"spokesman", "spokeswoman", "spokesperson", "lawyer", "attorney", "agent", "adviser",
                            "advisor", "aide", "assistant", "secretary", "counsel", "solicitor", "barrister", "manager",
                            "biographer", "deputy", "press"})


def _relabel(m: RawMention, label: str, adjective_of_thing: bool | None = None) -> RawMention:
    # replace, not a field-by-field copy: a field added to RawMention is carried, never dropped
    if adjective_of_thing is None:
        adjective_of_thing = m.adjective_of_thing
    return replace(m, label=label, adjective_of_thing=adjective_of_thing)


def apply_context(doc: Doc, mentions: list[RawMention]) -> list[RawMention]:
    """The mentions with the types their context gives, without those that name a work, an
    event, a title or a fragment of a longer name."""
    cues = load_context_cues()
    rules = load_non_entity_rules()
    gaz = load_gazetteer()
    out: list[RawMention] = []
    thing_lists: set[int] = set()  # first conjuncts of nationality lists describing things
    cued: dict[str, str] = {}  # name → the label a cue gave it
    works: set[str] = set()  # names a cue showed to be works: their other mentions go too
    for m in mentions:
        if gaz.country(m.text) is not None or gaz.organization(m.text) is not None:
            out.append(m)
            continue
        span = doc[m.token_start : m.token_end]
        root = span.root
        head = root.head
        label = m.label
        if label == "NORP":
            out.extend(_group(doc, m, root, rules, thing_lists))
            continue
        if _quoted(doc, m.token_start, m.token_end) or _fragment(doc, m):
            continue
        if root.dep_ == "compound" and (head.lemma_.lower() in rules.event_heads or head.lower_ in rules.event_heads):
            continue  # "the Hang Seng index", "the Norwich Union Indoor trials"
        if m.token_end - m.token_start == 1 and (root.lower_ in cues.office_words or root.lower_ in load_titles().roles) \
                and (label != "PERSON" or any(c.dep_ in {"det", "poss"} for c in root.children)):
            continue  # "the second TD to leave", "Founder's daughter", "the Taoiseach": an office, not
            # a name; "assassinating King" is a surname the model calls a person
        if root.dep_ == "compound" and head.lemma_.lower() in rules.cue_nouns and (
                (m.token_start >= 2 and doc[m.token_start - 1].tag_ == "POS") or (label == "PERSON" and len(span) > 1)
                or _owned_before(doc, m.token_start)):
            works.add(m.text)
            continue  # "the BBC's Go Digital programme", "the first Harry Potter film", "its new RipGuard technology": a work
        if _honoured_work(root, rules):
            works.add(m.text)
            continue  # "nominated for The Aviator", "won an Oscar for Spirited Away", "won best actor for Ray"
        if root.dep_ == "compound" and head.lemma_.lower() in rules.product_heads:
            works.add(m.text)
            continue  # "the Cabir virus": the thing itself (no maker names a virus)
        if root.dep_ == "compound" and head.lemma_.lower() in rules.work_role_nouns and label in {"PERSON", "ORG"}:
            works.add(m.text)
            continue  # "X Files actress Gillian Anderson", "Superman actor Christopher Reeve"
        if label == "PERSON" and root.dep_ in {"compound", "amod", "nmod"} and head.lower_ in rules.eponym_heads:
            continue  # "the Gershon report", "the Gershon reforms": a document named after him
        if m.token_end - m.token_start == 1 and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in root.children):
            continue  # "sit as an Independent": a common noun with a capital
        if m.token_start > 0 and doc[m.token_start - 1].ent_type_ == "MONEY":
            continue  # "the £25,000 Whitbread": a prize
        anchor = _anchor(span)
        # "veteran Irish actor Brendan Gleeson": a person's role right before the name wins
        # over a parse that hangs him from "her role in ..."
        before_role = m.token_start > 0 and doc[m.token_start - 1].lower_ in cues.role_nouns_before
        noun = _list_introducer(anchor)
        lemma = noun.lemma_.lower() if noun is not None else ""
        via = first_conjunct(anchor).head.lower_
        if noun is not None and via in {"in", "of"} and first_conjunct(anchor).dep_ == "pobj" \
                and lemma not in (rules.work_in_nouns if via == "in" else rules.work_of_nouns):
            noun, lemma = None, ""  # "in X" names a work only after "role", "star"..., "of X" after "remake"...
        by_in_or_of = noun is not None and via in {"in", "of"} and first_conjunct(anchor).dep_ == "pobj"
        if (lemma in rules.cue_nouns or (by_in_or_of and (lemma in rules.work_in_nouns or lemma in rules.work_of_nouns))) \
                and not (before_role and label == "PERSON"):
            if not (by_in_or_of and label in {"GPE", "LOC", "FAC"}):
                works.add(m.text)  # "her performance in Sheffield" leaves the city's other mentions
            continue  # "classics such as Pac-Man", "hits have included X", "her role in X"
        apposed = _apposed_noun(root)
        apposed_lemma = apposed.lemma_.lower() if apposed is not None else ""
        if apposed_lemma in rules.cue_nouns or apposed_lemma in rules.apposed_event_nouns:
            works.add(m.text)
            continue  # "Lawless World, his new book", "Cebit, the world's largest hi-tech fair"
        before = doc[m.token_start - 1] if m.token_start > 0 else None
        if lemma in cues.person_nouns or apposed_lemma in cues.person_nouns:
            label = "PERSON"  # "artists include LL Cool J, DMX and Ashanti", "his father, Graeme"
        elif lemma in cues.org_nouns or apposed_lemma in cues.org_nouns:
            label = "ORG"  # "parent company, Universal", "Skyreach, the company's unit"
        elif root.dep_ == "compound" and head.lemma_.lower() in cues.org_nouns_after:
            label = "ORG"  # "William Hill spokesman Rupert Adams"
        elif root.dep_ == "poss" and ({head.lemma_.lower()} | {c.lemma_.lower() for c in head.children if c.dep_ == "compound"}) \
                & cues.org_possessed_nouns:
            label = "ORG"  # "Def Jam's parent company"
        elif label == "PERSON" and root.dep_ == "pobj" and head.lower_ in {"in", "of"} \
                and head.i > 0 and {head.head.lemma_.lower(), doc[head.i - 1].lemma_.lower()} & cues.org_holding_nouns:
            label = "ORG"  # "shares in Petrobras", "a stake in Enarsa": what one holds shares in is a company
            # (a place stays one: "their holdings in London")
        elif label == "PERSON" and not m.titled and not m.honorific and root.dep_ == "pobj" \
                and head.lower_ in {"of", "for", "at"} and _role_of_apposed_person(head.head):
            label = "ORG"  # "said Michael Heilmann, chief technology officer for Vivendi Universal"
        elif label == "PERSON" and not m.titled and not m.honorific and _said_its(doc, m, root):
            label = "ORG"  # "Pernod Ricard said its profits rose": a company speaks of "its" results
        elif before is not None and (before.lower_ in {"based", "-based"} or (
                (before.lower_ in cues.org_nouns_before or (before.is_lower and before.lemma_ in cues.org_kind_nouns_lower)
                 or (before.is_lower and before.lemma_ in cues.org_kind_nouns_modified and _described(before)))
                and before.pos_ == "NOUN" and before.dep_ != "pobj"
                and doc[before.i - 1].text != "-")):
            label = "ORG"  # "Santa Monica-based Activison", "bookmaker Ladbrokes", "club side Narbonne", "band Muse",
            # "supermarket group Winn-Dixie"
            # (not "on the other side Tony Blair": there the noun closes a phrase of its own;
            # not "open-side Martyn Williams", a player's position)
        elif label == "PERSON" and root.dep_ == "dobj" and head.lemma_.lower() in cues.org_object_verbs:
            label = "ORG"  # "Chris McIntyre runs Podcast Alley"
        elif label == "PERSON" and root.dep_ == "compound" and head.lemma_.lower() in _MEMBER_NOUNS:
            label = "ORG"  # "Happy Mondays star Bez": the band
        elif label in {"ORG", "PERSON"} and root.dep_ == "pobj" and head.lower_ == "in" \
                and head.head.lemma_.lower() in cues.place_verbs_in:
            label = "GPE"  # "born in Tangier"
        if label != m.label:
            cued[m.text] = label
            m = _relabel(m, label)
        out.append(m)
    # The type one sentence gives a name holds for its other mentions in the article
    # ("Def Jam's parent company" makes the "Def Jam" of "Def Jam's artists" a company too).
    out = drop_works(out, works)
    return [_relabel(m, cued[m.text]) if cued.get(m.text, m.label) != m.label and m.label in _MODEL_LABELS else m
            for m in out]


def _described(noun: Token) -> bool:
    """A word that describes the noun stands right before it ("supermarket group", "Israeli
    club", "gaming company"), not a determiner or a possessive: "the company Tony Blair
    founded" is a relative clause the small parser reads as an apposition."""
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    return before is not None and before.pos_ in {"NOUN", "PROPN", "ADJ"} and before.tag_ not in {"DT", "PRP$", "WDT"}


def _owned_before(doc: Doc, start: int) -> bool:
    """A possessive determiner opens the noun phrase the name modifies, maybe before
    adjectives: "its new RipGuard technology", "their latest Halo game" (the owner's work,
    named; the maker of "the Nokia phone" stands after "the", not after "its")."""
    i = start - 1
    while i >= 0 and doc[i].pos_ == "ADJ":
        i -= 1
    return i >= 0 and doc[i].tag_ == "PRP$"


def _group(doc: Doc, m: RawMention, root: Token, rules: object, thing_lists: set[int]) -> list[RawMention]:
    """A nationality is a people ("British officials", "the French") unless it names a
    language ("known in Dutch as"), describes one person or thing ("a Norwegian executive",
    "veteran Irish actor X") or is an item in a list of such descriptions ("Indonesian,
    Indian and Hong Kong stock markets")."""
    from newsgraph.extract.mentions import NonEntityRules

    assert isinstance(rules, NonEntityRules)
    if root.dep_ == "pobj" and root.head.lower_ == "in":
        return []  # the language
    first = first_conjunct(root)
    if m.adjective_of_thing:
        thing_lists.add(first.i)
        return [m]
    if first.i != root.i and first.i in thing_lists:
        return [_relabel(m, m.label, adjective_of_thing=True)]
    head = first.head
    if first.dep_ in {"amod", "compound"} and head.tag_ == "NN" and head.lemma_.lower() not in rules.collective_nouns:
        return [_relabel(m, m.label, adjective_of_thing=True)]  # "a Norwegian executive": one person described
    if first.dep_ in {"amod", "compound"} and _titles_a_person(head):
        # "French Prime Minister François Bayrou", "Saudi Investment Minister Khalid al-Falih":
        # the office's country, one node with the country's name, as for "the Indonesian
        # government" (names_state); no people act (issue 12)
        return [replace(m, names_state=True)]
    return [m]


def _titles_a_person(head: Token) -> bool:
    """The token is the last word of an office's title (``titles.txt``: "Minister",
    "Prime Minister", "Investment Minister") written before a name the model calls a person."""
    roles = load_titles().roles
    if head.pos_ not in {"PROPN", "NOUN"}:
        return False
    words = [head.lower_]
    k = head.i - 1
    while k >= 0 and head.doc[k].dep_ == "compound" and head.doc[k].head.i == head.i and head.doc[k].ent_type_ != "NORP":
        words.insert(0, head.doc[k].lower_)
        k -= 1
    if not any(" ".join(words[i:]) in roles for i in range(len(words))):
        return False
    person = head.head if head.dep_ == "compound" else None
    nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    return (person is not None and person.ent_type_ == "PERSON") or (nxt is not None and nxt.ent_type_ == "PERSON")


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Character bounds of the line of ``text`` that holds ``text[start:end]``."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return a, len(text) if b < 0 else b


# Words a line-up line holds beside the names besides name particles: "Fabien Pelous (Stade
# Toulousain, capt)".
_LINEUP_WORDS = {"and", "capt", "c"}


def lineup_people(doc: Doc, mentions: list[RawMention], sports: bool) -> list[RawMention]:
    """In a team-sheet line ("De Marigny; Mi Bergamasco, Canale, Masi, Nitoglia; Orquera,
    Troncon"; "Yann Delaigue (Castres), Frederic Michalak (Stade Toulousain)") every name
    outside brackets is a player, whatever label the small model gave the odd one (issue 12:
    "Bortolami" GPE, "Yann Delaigue" ORG). A line-up line has no verb, almost no lowercase
    word, at least four commas or semicolons, and the model already calls most of its
    names people; a listed country or organisation keeps its type (a place list has verbs
    or names the model calls places: it is left alone)."""
    gaz = load_gazetteer()
    text = doc_text(doc)
    by_line: dict[tuple[int, int], list[int]] = {}
    for i, m in enumerate(mentions):
        by_line.setdefault(line_bounds(text, m.start, m.end), []).append(i)
    retype: set[int] = set()
    for (a, b), members in by_line.items():
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or len(members) < 4:
            continue
        if any(t.pos_ in {"VERB", "AUX"} for t in span):
            continue
        if sum(t.text in {",", ";"} for t in span) < 4:
            continue
        alpha = [t for t in span if t.is_alpha]
        if not alpha or sum(t.is_lower and t.lower_ not in _LINEUP_WORDS | load_context_cues().name_particles for t in alpha) > len(alpha) // 10:
            continue
        depth, bracketed = 0, set()
        for t in span:
            if t.text == "(":
                depth += 1
            elif t.text == ")":
                depth = max(0, depth - 1)
            elif depth:
                bracketed.add(t.i)
        outside = [i for i in members if mentions[i].token_start not in bracketed]
        people = sum(mentions[i].label == "PERSON" for i in outside)
        # In a sports report three names the model calls people are enough ("Lo Cicero,
        # Ongaro, Castrogiovanni": it calls Italian surnames places and clubs as often)
        if len(outside) < 4 or (people * 2 < len(outside) and not (people >= 3 and sports)):
            continue
        retype.update(i for i in outside if mentions[i].label in _MODEL_LABELS and mentions[i].label != "PERSON"
                      and gaz.country(mentions[i].text) is None and gaz.organization(mentions[i].text) is None)
    return [_relabel(m, "PERSON") if i in retype else m for i, m in enumerate(mentions)]
