"""Find entity mentions in a parsed ``Doc`` and clean their surface forms.

spaCy's spans come with baggage news writing adds: a leading "the", a possessive
("El Salvador's"), a title ("President Bukele"). Those are stripped here so that the
resolver sees names; the stripped title words stay in the ``Doc`` for the relation rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.rules import load_gazetteer, load_titles

# spaCy labels kept, and the rough type each suggests before the gazetteer decides.
LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
POSSESSIVE = {"'s", "’s", "'", "’"}
LEADING_NOISE = {"the", "a", "an", "and", "of"}
DASHES = {"-", "–", "—", "--"}
SCORE = re.compile(r"[\d][\d.,:/-]*")


@dataclass(frozen=True)
class RawMention:
    text: str
    label: str
    start: int  # character offsets in the document text
    end: int
    token_start: int
    token_end: int
    sentence: int


def _looks_like_name(span: Span) -> bool:
    if not any(ch.isalpha() for ch in span.text):
        return False
    if len(span) > 8:
        return False
    # A name has at least one capitalised word (or is an acronym); "the close button" has none.
    # Abbreviations count: "Tenn.", "U.N." and "N.Y." are names too.
    return any(t.text[:1].isupper() for t in span if any(ch.isalpha() for ch in t.text))


@lru_cache(maxsize=2)
def _bare_words(title_words: frozenset[str]) -> frozenset[str]:
    return frozenset(w.rstrip(".") for w in title_words)


def clean_span(span: Span) -> Span | None:
    titles = load_titles()
    title_words = titles.words()
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in LEADING_NOISE:
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    words = _bare_words(title_words)
    if span.label_ == "PERSON":
        # "President Nayib Bukele" → "Nayib Bukele"; keep the last word whatever it is.
        while end - start > 1 and doc[start].lower_.rstrip(".") in words:
            start += 1
    if start >= end:
        return None
    if span.label_ == "ORG" and start > 0 and doc[start - 1].lower_ == "of" and all(
        doc[i].lower_ in words for i in range(start, end)
    ):
        return None  # "State" in "Secretary of State" is part of a title, not an agency
    cleaned = Span(doc, start, end, label=span.label_)
    return cleaned if _looks_like_name(cleaned) else None


def sentence_index(doc: Doc) -> list[int]:
    """Token index → sentence number, computed once per document. Read from the
    sentence-start column rather than ``doc.sents``, which builds a ``Span`` per sentence
    (as much as a tenth of extraction); same boundaries: the first token always starts one."""
    starts = doc.to_array(SENT_START) == 1
    starts[:1] = False
    return numpy.cumsum(starts).tolist()


def _is_break(token: Token) -> bool:
    """A token no name runs across: a line break (table rows, headlines), a bracket, or a
    dash set off by spaces ("Lithuania - Danius Gleveckas", "SOCCER - JAPAN")."""
    if token.is_space or "\n" in token.text or token.text in {"(", ")", "[", "]"}:
        return True  # "National Insurance (NI": a bracket ends a name
    return token.text in DASHES and bool(token.whitespace_) and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)


def _is_score(token: Token) -> bool:
    """Figures trailing a name in results tables: "J. Adams 123", "Kent 108-3"."""
    return token.like_num or bool(SCORE.fullmatch(token.text))


def split_span(span: Span) -> list[Span]:
    """An entity span cut at line breaks and spaced dashes, with trailing figures dropped."""
    parts, start = [], span.start
    for token in span:
        if _is_break(token):
            if token.i > start:
                parts.append(Span(span.doc, start, token.i, label=span.label_))
            start = token.i + 1
    if span.end > start:
        parts.append(Span(span.doc, start, span.end, label=span.label_))
    out = []
    for part in parts:
        end = part.end
        while end > part.start + 1 and _is_score(span.doc[end - 1]):
            end -= 1
        out.append(Span(span.doc, part.start, end, label=span.label_))
    return out


def find_mentions(doc: Doc, sentences: list[int]) -> list[RawMention]:
    mentions = []
    parts = [part for ent in doc.ents if ent.label_ in LABELS for part in split_span(ent)]
    for part in parts:
        ent = part
        span = clean_span(part)
        if span is None:
            continue
        mentions.append(
            RawMention(
                text=span.text,
                label=ent.label_,
                start=span.start_char,
                end=span.end_char,
                token_start=span.start,
                token_end=span.end,
                sentence=sentences[span.start],
            )
        )
    return mentions


def find_missed_mentions(
    doc: Doc, sentences: list[int], known: list[RawMention], names: dict[str, str]
) -> list[RawMention]:
    """Capitalised tokens equal to a known name (a surname the model did not tag in one
    sentence, as in "Rubio and Bukele signed") become mentions too.

    ``names`` maps a lowercase one-word name to the spaCy label to give it.
    """
    if not names:
        return []
    taken: set[int] = set()
    for m in known:
        taken.update(range(m.token_start, m.token_end))
    found = []
    for token in doc:
        if token.i in taken or not token.is_title:
            continue
        label = names.get(token.lower_)
        if label is None:
            continue
        # Inside a longer proper-noun run ("Rubio Street") it is another name.
        prev_propn = token.i > 0 and doc[token.i - 1].pos_ == "PROPN" and doc[token.i - 1].i not in taken
        next_propn = token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN" and doc[token.i + 1].i not in taken
        if prev_propn or next_propn:
            continue
        found.append(
            RawMention(
                text=token.text,
                label=label,
                start=token.idx,
                end=token.idx + len(token.text),
                token_start=token.i,
                token_end=token.i + 1,
                sentence=sentences[token.i],
            )
        )
    return found


@lru_cache(maxsize=2)
def _form_starts(forms: frozenset[str]) -> frozenset[str]:
    """Every leading substring of every form: a span's text starts with its first token's."""
    return frozenset(f[:k] for f in forms for k in range(1, len(f) + 1))


def find_known_mentions(doc: Doc, sentences: list[int], known: list[RawMention]) -> list[RawMention]:
    """Organisations of the gazetteer written exactly as listed ("AP", "ITAR-TASS", "Xinhua")
    where the model tagged nothing: wire-service credits and datelines are where it misses them."""
    forms = load_gazetteer().organization_forms
    longest = max((len(f.split()) for f in forms), default=0)
    taken: set[int] = set()
    for m in known:
        taken.update(range(m.token_start, m.token_end))
    starts = _form_starts(frozenset(forms))
    found = []
    i = 0
    while i < len(doc):
        if doc[i].text not in starts:  # speed: no listed form begins with this token
            i += 1
            continue
        for n in range(min(longest + 2, len(doc) - i), 0, -1):  # "ITAR-TASS" is three tokens
            span = doc[i : i + n]
            if span.text in forms and not taken.intersection(range(i, i + n)):
                found.append(RawMention(span.text, "ORG", span.start_char, span.end_char, i, i + n, sentences[i]))
                taken.update(range(i, i + n))
                i += n - 1
                break
        i += 1
    return found


@dataclass(frozen=True)
class Dateline:
    places: list[tuple[int, int]]  # token spans: the city, then the region or country if given
    agency: tuple[int, int]


MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
          "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"}


def _place_run(doc: Doc, i: int, end: int) -> int:
    """End of a run of 1-3 capitalised words from i ("BANGKOK", "Fort Worth", "N.Y.")."""
    j = i
    while j < end and j - i < 3 and doc[j].text[:1].isupper() and any(ch.isalpha() for ch in doc[j].text) and doc[j].text not in {"Text"}:
        j += 1
    return j


def find_dateline(sent: Span) -> Dateline | None:
    """A wire-story dateline opening a sentence: "BANGKOK, Thailand (AP)", "Sofia, February
    15 (BTA)", "(Text) Ulaanbaatar, 29 Apr (XINHUA)", "MOSCOW (Reuters)"."""
    doc, i, end = sent.doc, sent.start, sent.end
    if i + 2 < end and doc[i].text == "(" and doc[i + 2].text == ")":
        i += 3  # "( Text )"
    places = []
    j = _place_run(doc, i, end)
    if j == i:
        return None
    places.append((i, j))
    i = j
    while i < end and doc[i].text == ",":
        k = i + 1
        while k < end and (doc[k].like_num or doc[k].lower_.rstrip(".") in MONTHS):
            k += 1
        if k > i + 1:
            i = k  # a date
            continue
        j = _place_run(doc, i + 1, end)
        if j == i + 1 or len(places) > 1:
            return None
        places.append((i + 1, j))
        i = j
    if i + 2 < end + 1 and i < end and doc[i].text == "(":
        j = _place_run(doc, i + 1, end)
        if j > i + 1 and j < end and doc[j].text == ")":
            return Dateline(places, (i + 1, j))
    return None


def fix_dateline_mentions(doc: Doc, sentences: list[int], mentions: list[RawMention]) -> list[RawMention]:
    """The places of a dateline ("BANGKOK, Thailand (AP)") as places: the model, trained on
    running text, often leaves an all-capitals city untagged or calls it an organisation.
    Returns the mentions with those fixed, in text order."""
    by_start = {m.token_start: m for m in mentions}
    taken: set[int] = set()
    for m in mentions:
        taken.update(range(m.token_start, m.token_end))
    forms = load_gazetteer().organization_forms
    out = list(mentions)
    for sent in doc.sents:
        dateline = find_dateline(sent)
        if dateline is None:
            continue
        agency = doc[dateline.agency[0] : dateline.agency[1]]
        agency_known = agency.text in forms or any(m.label == "ORG" for m in mentions if m.token_start == agency.start)
        for start, end in dateline.places:
            span = doc[start:end]
            current = by_start.get(start)
            if current is not None and current.token_end == end and current.label in {"ORG", "PERSON"} and span.text.isupper():
                out[out.index(current)] = RawMention(current.text, "GPE", current.start, current.end, start, end, current.sentence)
            elif not taken.intersection(range(start, end)) and (span.text.isupper() and len(span.text) > 2 or agency_known):
                out.append(RawMention(span.text, "GPE", span.start_char, span.end_char, start, end, sentences[start]))
    return sorted(out, key=lambda m: m.start)


def retype_people(doc: Doc, mentions: list[RawMention], verbs: set[str], nouns: frozenset[str] | set[str] = frozenset()) -> list[RawMention]:
    """A one-word name as subject, object or agent of a verb only people do to people
    ("Booth shot Lincoln", "Lincoln was assassinated by Booth"), or owning such a noun
    ("Lincoln's killer", "the murder of Lennon"), is a person, whatever label the model
    gave it (Lincoln: ORG, Lennon: FAC). Countries are never retyped."""
    if not verbs and not nouns:
        return mentions
    gaz = load_gazetteer()
    out = []
    for m in mentions:
        token = doc[m.token_start]
        if m.token_end - m.token_start == 1 and m.label in {"ORG", "FAC", "LOC", "GPE"} and gaz.country(m.text) is None:
            head = token.head.head if token.dep_ == "pobj" and token.head.dep_ in {"agent", "prep"} else token.head
            by_verb = token.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"} and head.pos_ == "VERB" and head.lemma_.lower() in verbs
            by_noun = token.dep_ in {"poss", "pobj", "compound"} and head.pos_ == "NOUN" and head.lemma_.lower() in nouns
            if by_verb or by_noun:
                m = RawMention(m.text, "PERSON", m.start, m.end, m.token_start, m.token_end, m.sentence)
        out.append(m)
    return out
