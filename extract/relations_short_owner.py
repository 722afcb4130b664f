"""A role whose owner is named before its title by a short form of its name (issue 12, recall of
HOLDS_ROLE and WORKS_FOR; method ``short_name_title``):

* "Timberwolves coach Chris Finch criticised …" in a report that names the Minnesota
  Timberwolves;
* "Kings owner Vivek Ranadivé said …" after "the Sacramento Kings";
* "Nordlys chief executive Mette Lindholm" after "Nordlys Cloud opened …";
* "Cobalt's sporting director, Helen Strachan, said …" after "Cobalt Racing".

The small model tags the club's or company's full name and leaves the short form untagged, so
the title rules (relations_roles.py) see a title with no owner. One capitalised word that no
mention covers, then a role or an officer's title in lowercase words
(``relations_definite_owner.role_title``), then the person's name: the word stands for the
one organisation of the article whose name (two words or more) it begins or ends. Not when
the word is a place, a country or a nationality ("Denver coach …": the city or the club),
a word the article also writes in lowercase (a common noun, capitalised as a sentence's
first word: "Company spokesman X"), part of a longer capitalised run, a word of a title
("General manager X" with General Motors named), or when the title is a state's office
("Democratic senator X" holds no senator's seat of the Democratic Party's), nor when the
article writes the word in another capitalised name the model tagged as nothing ("the
Bristol Rovers" beside the Carlton Rovers). The full name comes first: a short form is read
only after the article has named the organisation in full in an earlier sentence."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.governments import government_title
from newsgraph.extract.person_evidence import gazetteer_place
from newsgraph.extract.relation_base import POSSESSIVE_MARKS, ExtractionInput, EntityIndex, MentionSpan, mention_offsets, staff_title
from newsgraph.extract.relations_definite_owner import CLOSERS, MAX_TITLE_WORDS, role_title
from newsgraph.extract.rules import load_confidence, load_gazetteer, load_titles
from newsgraph.graph.model import ExtractedRelation


def _short_forms(doc: Doc, index: EntityIndex) -> dict[str, set[str]]:
    """Each word that begins or ends an organisation's name of two words or more (as the
    article writes it, less a leading "the") → the organisations' entity ids."""
    forms: dict[str, set[str]] = {}
    for m in index.mentions:
        if m.type != "Organization":
            continue
        words = [t.text for t in doc[m.token_start : m.token_end] if not t.is_punct]
        if words and words[0].lower() == "the":
            words = words[1:]
        if len(words) < 2:
            continue
        for word in (words[0], words[-1]):
            if word[:1].isupper() and word.isalpha():
                forms.setdefault(word, set()).add(m.entity_id)
    return forms


def _title_before(doc: Doc, person: MentionSpan, index: EntityIndex) -> tuple[Token, list[Token]] | None:
    """The capitalised word and the lowercase title words right before the name ("Timberwolves"
    and "coach" before "Chris Finch"), if the words there have that shape; the word may own the
    title, which is then set off by commas ("Cobalt's sporting director, Helen Strachan, said")."""
    sent = doc[person.token_start].sent
    honorifics = load_titles().honorifics
    i = person.token_start - 1
    while i >= sent.start and doc[i].lower_.rstrip(".") in honorifics and index.at(doc[i]) is None:
        i -= 1
    apposed = i >= sent.start and doc[i].text == ","
    if apposed:
        after = doc[person.token_end] if person.token_end < sent.end else None
        if after is not None and after.text not in CLOSERS:
            return None  # "Cobalt's director, Helen Strachan and …": a list, not an apposition
        i -= 1
    end = i
    while i >= sent.start and end - i < MAX_TITLE_WORDS and index.at(doc[i]) is None \
            and (doc[i].is_lower and doc[i].is_alpha or doc[i].text == "-"):
        i -= 1
    words = list(doc[i + 1 : end + 1])
    if not words or i < sent.start:
        return None
    if i > sent.start and doc[i].text in POSSESSIVE_MARKS:
        i -= 1  # "Cobalt's sporting director"
    elif apposed:
        return None  # "Rovers manager, Dean Pike": no possessive, no apposition of this shape
    word = doc[i]
    if index.at(word) is not None or not word.is_title or not word.is_alpha:
        return None
    if i > sent.start and (doc[i - 1].is_title or doc[i - 1].is_upper) and doc[i - 1].is_alpha:
        return None  # "IFA Offaly chairman X": one word of a longer name the model missed
    return word, words


def _common_word(doc: Doc, word: Token) -> bool:
    """A place, a country, a nationality, a title's word, or a word the article writes in
    lowercase too: no short name of one organisation."""
    gazetteer = load_gazetteer()
    lower = word.lower_
    if gazetteer_place(word.text) or gazetteer.nationality(word.text) is not None:
        return True
    if lower in load_titles().words():
        return True
    return any(t.lower_ == lower and t.is_lower for t in doc)


def _in_other_name(doc: Doc, index: EntityIndex, word: Token, owner: str) -> bool:
    """The word is written elsewhere in the article as part of a capitalised name that is not the
    owner's ("the Bristol Rovers" the model tagged as nothing, beside the Carlton Rovers): then
    two organisations may have that short form."""
    for t in doc:
        if t.text != word.text or t.i == word.i:
            continue
        if (m := index.at(t)) is not None:
            if m.entity_id != owner:
                return True
            continue
        before = doc[t.i - 1] if t.i > t.sent.start else None
        after = doc[t.i + 1] if t.i + 1 < t.sent.end else None
        if any(n is not None and n.is_alpha and (n.is_title or n.is_upper) and n.lower_ != "the" for n in (before, after)):
            return True
    return False


def _introduced_before(doc: Doc, owner: MentionSpan, word: Token) -> bool:
    """A short form stands for a name the article has already given in full: the owner's first
    mention comes in an earlier sentence, and the word is not written alone before it ("Next
    has said its profit will fall … Next chief executive Simon Wolfson …", where "Next
    Directory" comes later and is the retailer's mail-order arm, not Next)."""
    first = owner.token_start
    if first >= word.sent.start:
        return False
    return not any(t.text == word.text for t in doc[:first])


def short_owner_relations(x: ExtractionInput) -> list[ExtractedRelation]:
    doc, index = x.doc, x.index
    forms = _short_forms(doc, index)
    if not forms:
        return []
    owners: dict[str, MentionSpan] = {}
    for m in index.mentions:
        if m.type == "Organization":
            owners.setdefault(m.entity_id, m)  # the first mention: where the article introduces it
    confidence = load_confidence()["short_name_title"]
    out: list[ExtractedRelation] = []
    seen: set[tuple[str, str, int]] = set()
    for person in index.mentions:
        if person.type != "Person" or (found := _title_before(doc, person, index)) is None:
            continue
        word, words = found
        ids = forms.get(word.text, set())
        if len(ids) != 1 or _common_word(doc, word):
            continue
        title = role_title(words)
        if title is None or government_title(words) is not None:
            continue
        org = owners[next(iter(ids))]
        if _in_other_name(doc, index, word, org.entity_id) or not _introduced_before(doc, org, word):
            continue
        sent = doc[person.token_start].sent
        key = (person.entity_id, org.entity_id, sent.start)
        if org.entity_id == person.entity_id or key in seen:
            continue
        seen.add(key)
        staff = staff_title(title)
        relation = ExtractedRelation(
            head=person.entity_id, tail=org.entity_id, type="WORKS_FOR" if staff else "HOLDS_ROLE",
            method="short_name_title", confidence=confidence, sentence=sent.text, start=sent.start_char,
            end=sent.end_char, predicate="works for" if staff else title.lower(), title=None if staff else title,
            **mention_offsets(doc, person, org),
        )
        # The tail's span is the organisation's first mention, wherever it is; the short form
        # in this sentence is no mention, so the edge keeps no tail span.
        relation.tail_start = relation.tail_end = None
        out.append(relation)
    return out
