"""Find entity mentions in a parsed ``Doc`` and clean their surface forms.

spaCy's spans come with baggage news writing adds: a leading "the", a possessive
("El Salvador's"), a title ("President Bukele"). Those are stripped here so that the
resolver sees names; the stripped title words stay in the ``Doc`` for the relation rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.rules import load_titles

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


def clean_span(span: Span) -> Span | None:
    titles = load_titles()
    title_words = titles.words()
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in LEADING_NOISE:
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    if span.label_ == "PERSON":
        # "President Nayib Bukele" → "Nayib Bukele"; keep the last word whatever it is.
        while end - start > 1 and doc[start].lower_.rstrip(".") in {w.rstrip(".") for w in title_words}:
            start += 1
    if start >= end:
        return None
    words = {w.rstrip(".") for w in title_words}
    if span.label_ == "ORG" and start > 0 and doc[start - 1].lower_ == "of" and all(
        doc[i].lower_ in words for i in range(start, end)
    ):
        return None  # "State" in "Secretary of State" is part of a title, not an agency
    cleaned = Span(doc, start, end, label=span.label_)
    return cleaned if _looks_like_name(cleaned) else None


def sentence_index(doc: Doc) -> list[int]:
    """Token index → sentence number, computed once per document."""
    index = [0] * len(doc)
    for number, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            index[i] = number
    return index


def _is_break(token: Token) -> bool:
    """A token no name runs across: a line break (table rows, headlines) or a dash set off
    by spaces ("Lithuania - Danius Gleveckas", "SOCCER - JAPAN")."""
    if token.is_space or "\n" in token.text:
        return True
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
