"""Sentence co-occurrence: every pair of entities one sentence names, the weakest relation.
No registered extractor: ``extract_doc`` adds it after the rules and the learned relations,
unless asked not to."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsgraph.extract.relation_base import EntityIndex, MentionSpan
from newsgraph.extract.rules import load_confidence
from newsgraph.graph.model import COOCCURRENCE, ExtractedRelation

MAX_COOCCURRING = 12  # sentences listing more entities than this are tables, not statements


def cooccurrence_relations(doc: Doc, index: EntityIndex) -> list[ExtractedRelation]:
    confidence = load_confidence()["cooccurrence"]
    by_sentence: dict[int, list[MentionSpan]] = {}
    for m in index.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    sents = list(doc.sents)
    out = []
    for number, mentions in by_sentence.items():
        ids = sorted({m.entity_id for m in mentions})
        if len(ids) < 2 or len(ids) > MAX_COOCCURRING:
            continue
        sent: Span = sents[number]
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                out.append(
                    ExtractedRelation(
                        head=a, tail=b, type=COOCCURRENCE, method="cooccurrence", confidence=confidence,
                        sentence=sent.text, start=sent.start_char, end=sent.end_char,
                    )
                )
    return out
