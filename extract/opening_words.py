"""A common word opening a sentence is no name (issue 12, entity junk).

The small model tags a capitalised word at a sentence's start as a name when the tagger
itself reads it as a common word: "Recriminations built up over ...", "Garlic pills may not
lower ...", "Quirky comedy Sideways was named ...", "Note: the figures were unaudited",
"Freezing temperatures ...". Each became an organisation or a person. Such a word is no
mention when the article writes it capitalised nowhere but at a sentence's start (a name is
capitalised wherever it stands: "Sky will activate ..." beside "Sky's boxes"). Not a place
(GPE, LOC, FAC: "Hollywood stars"), a listed country, organisation or nationality, a listed
club's form ("Wanderers", "Spurs": mentions with a club's name after ``clubs.find_clubs``), a
given name, the first word of a results row (a figure or a bracket after it: "Stoke 2
Manchester City 1"), nor the owner of a role after it ("Apple chief executive Tim Cook", "Bath prop
David Barnes": a word of ``titles.txt`` or an occupation noun next).

Nor is such a word the first word of a person's name the model runs on into ("Agent Scott
Boras criticized ...", "Cinematographer John Mathieson was nominated ...", "Reliever Mark
Acre ...", "Backbencher Stephen Pound said ..."): a word WordNet lists as a common noun and
that is no given name, opening the sentence before a given name and at least one more word
of name, and written nowhere else in the article with its capital, is cut from the person's
mention (``trim_opening_common_nouns``; the role and occupation nouns
``mentions.name_opening_nouns`` lists are cut wherever they stand, in ``clean_span``). A
given name ("Hope Solo", "Mark Acre"), a surname written again ("Park Ji-sung ... Park")
and a word the dictionary does not know ("Tengku") stay.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from newsgraph.extract.mentions import RawMention, tokens_with_orth
from newsgraph.extract.person_evidence import has_given_name
from newsgraph.extract.rules import common_nouns, load_gazetteer, load_occupations, load_titles

__all__ = ["drop_sentence_opening_words", "trim_opening_common_nouns"]

COMMON_WORD_TAGS = frozenset({"NOUN", "ADJ", "VERB", "ADV"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def drop_sentence_opening_words(doc: Doc, mentions: list[RawMention]) -> list[RawMention]:
    """The mentions less those that are a common word opening a sentence (see the module)."""
    return [m for m in mentions if not _opening_common_word(doc, m)]


def trim_opening_common_nouns(doc: Doc, mentions: list[RawMention]) -> list[RawMention]:
    """The mentions with a common noun that opens the sentence cut from the front of a
    person's name ("Agent Scott Boras" -> "Scott Boras"; see the module)."""
    return [_without_opening_noun(doc, m) if m.label == "PERSON" and m.token_end - m.token_start >= 3 else m
            for m in mentions]


def _without_opening_noun(doc: Doc, m: RawMention) -> RawMention:
    token, given = doc[m.token_start], doc[m.token_start + 1]
    if not (token.is_title and token.is_alpha and given.is_title and _opens_sentence(token)) \
            or token.lower_ not in common_nouns() or has_given_name(token.text) or not has_given_name(given.text):
        return m
    if len(tokens_with_orth(doc, (token.orth,))) > 1:
        return m  # a name's word the article writes again, even opening a sentence ("Park Ji-sung ... Park said")
    start = given.idx
    return replace(m, text=m.text[start - m.start:], start=start, token_start=given.i)


def _opening_common_word(doc: Doc, m: RawMention) -> bool:
    if m.token_end - m.token_start != 1 or m.label in PLACE_LABELS or m.canonical:
        return False
    token = doc[m.token_start]
    if not (token.is_title and token.is_alpha) or token.pos_ not in COMMON_WORD_TAGS or not _opens_sentence(token):
        return False
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and (after.like_num or after.text == "(" or after.lower_ in load_titles().words()
                              or after.lower_ in load_occupations()):
        return False  # a results row; "Apple chief executive Tim Cook", "Bath prop X": the role's owner
    if any(not _opens_sentence(doc[int(i)]) for i in tokens_with_orth(doc, (token.orth,))):
        return False
    gaz = load_gazetteer()
    if gaz.country(token.text) or gaz.organization(token.text) or gaz.nationality(token.text):
        return False
    return not has_given_name(token.text)


def _opens_sentence(token: Token) -> bool:
    """The token starts its sentence, maybe after an opening quote or bracket."""
    i = token.i
    while i > 0 and not token.doc[i].is_sent_start and token.doc[i - 1].is_punct and token.doc[i - 1].is_left_punct:
        i -= 1
    return bool(token.doc[i].is_sent_start) or i == 0
