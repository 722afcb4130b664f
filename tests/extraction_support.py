"""What the relation tests of issue 12 read from an extraction: the typed relations of one
text, by entity name, with the real spaCy model."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import replace
from typing import Any, Callable, Iterator

from newsgraph import KnowledgeGraph
from newsgraph.extract.mentions import RawMention
from newsgraph.extract.pipeline import extract_doc
from newsgraph.graph.model import document_id


def relations(nlp, text: str) -> set[tuple[str, str, str, str]]:
    """(head name, type, tail name, method) of every typed relation."""
    doc = extract_doc(nlp(text), nlp, document_id=document_id(text), cooccurrence=False)
    names = {e.id: e.name for e in doc.entities}
    return {(names[r.head], r.type, names[r.tail], r.method) for r in doc.relations}


def titles(nlp, text: str) -> set[tuple[str, str | None, str]]:
    """(person, title, tail) of every HOLDS_ROLE relation."""
    doc = extract_doc(nlp(text), nlp, document_id=document_id(text), cooccurrence=False)
    names = {e.id: e.name for e in doc.entities}
    return {(names[r.head], r.title, names[r.tail]) for r in doc.relations if r.type == "HOLDS_ROLE"}


def entity_types(nlp, text: str) -> dict[str, str]:
    """Each entity's name → its type."""
    doc = extract_doc(nlp(text), nlp, document_id=document_id(text), cooccurrence=False)
    return {e.name: e.type for e in doc.entities}


def ruled(nlp, text: str) -> set[tuple[str, str, str]]:
    """(head, type, tail) of every relation a rule made (the learned classifier's weak guesses,
    below any default floor, left out)."""
    return typed({r for r in relations(nlp, text) if r[3] != "learned"})


def model_label(nlp, text: str, name: str) -> str:
    """The small model's own label for a name ('' if it tags none): the entity tests check
    it first, so that a model that stops making the mistake shows as a failing premise."""
    return {e.text: e.label_ for e in nlp(text).ents}.get(name, "")


def typed(found: set[tuple[str, str, str, str]]) -> set[tuple[str, str, str]]:
    """The same without the method: (head name, type, tail name)."""
    return {(h, t, x) for h, t, x, _ in found}


def nodes(text: str) -> dict[str, set[str]]:
    """Each name → the types of the nodes carrying it (two types = two nodes)."""
    doc = KnowledgeGraph.extract_text(text)
    out: dict[str, set[str]] = {}
    for e in doc.entities:
        if e.mentions:
            out.setdefault(e.name, set()).add(e.type)
    return out


def node_forms(text: str) -> dict[str, tuple[str, set[str]]]:
    """Each node with a mention: name → (type, the forms the text wrote it as)."""
    doc = KnowledgeGraph.extract_text(text)
    forms: dict[str, set[str]] = {e.id: set() for e in doc.entities}
    for m in doc.mentions:
        forms[m.entity_id].add(m.text)
    return {e.name: (e.type, forms[e.id]) for e in doc.entities if e.mentions}


@contextmanager
def extra_rule_rows(monkeypatch, name: str, rows: list[tuple[int, dict[str, Any]]], *caches: Callable) -> Iterator[None]:
    """The rule loaders read ``rows`` (line number, row) after the real rows of the data file
    ``name``: a bad row no shipped file holds. The loaders' ``caches`` are cleared on entry and
    exit, so the real rules are read again afterwards."""
    from newsgraph.extract import rules

    real = rules._jsonl

    def patched(file: str) -> Iterator[tuple[int, dict[str, Any]]]:
        yield from real(file)
        if file == name:
            yield from rows

    monkeypatch.setattr(rules, "_jsonl", patched)
    for cache in caches:
        cache.cache_clear()  # type: ignore[attr-defined]
    try:
        yield
    finally:
        monkeypatch.undo()
        for cache in caches:
            cache.cache_clear()  # type: ignore[attr-defined]


def mention(text: str, label: str, sentence: int = 0, at: int = 0, **flags: object) -> RawMention:
    """A hand-made mention carrying the model's label (and any flag), for the resolver tests
    where the small model's mistake cannot be provoked on demand: ``text`` at character and
    token offset ``at`` of sentence ``sentence``."""
    return replace(RawMention(text, label, at, at + len(text), at, at + len(text.split()), sentence), **flags)
