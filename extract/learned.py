"""A small learned relation classifier over entity pairs in a sentence.

For every ordered pair of mentions in one sentence whose entity types fit one of the
relation types below, a multinomial logistic regression over sparse features (the
dependency path between the two names, the words between them, their types and order,
which rules already fired on the pair) picks a type or nothing. It was trained on the
CoNLL04 train split by ``benchmarks/train_relations.py`` (deterministic: fixed order,
fixed epochs, no randomness) and ships as ``data/relation_model.json``; nothing is
downloaded at run time. A relation's confidence starts as the classifier's probability and
is then refitted on labelled news (``confidence.py``): on news the classifier is right far
less often than on CoNLL04, so its relations mostly stay below the default floor.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterable, Iterator

from spacy.tokens import Doc, Token

from newsgraph.extract.mentions import load_sport_rules
from newsgraph.extract.relation_base import EntityIndex, MentionSpan, span_relation, tree_path
from newsgraph.extract.rules import load_titles
from newsgraph.graph.model import ExtractedRelation

NONE = "NONE"
LOCATIONS = {"Country", "Location"}
# Relation type → (head types, tail types) the classifier may propose it for.
SCHEMA: dict[str, tuple[set[str], set[str]]] = {
    "WORKS_FOR": ({"Person"}, {"Organization"}),
    "KILLED": ({"Person"}, {"Person"}),
    "BASED_IN": ({"Organization"}, LOCATIONS),
    "LIVES_IN": ({"Person"}, LOCATIONS),
    "LOCATED_IN": ({"Location"}, LOCATIONS),
}
MAX_PATH = 8  # longer dependency paths are summarised by their length only
# Names further apart in the parse than this are not linked: on dev it trades 0.006 F1 for
# 0.02 precision, and on long news sentences it keeps the classifier to what is close.
MAX_LINK = 5
# The classifier's probability is the prior the confidence model reads, and it is learned on
# CoNLL04 sentences, not news: on gold dev news the few learned relations it put above
# 0.98 (and so above the default floor after the fitted model) were all wrong. No learned
# relation starts as near-certain; the fitted model then keeps them below the floor.
PRIOR_CEILING = 0.9


def allowed_labels(head_type: str, tail_type: str) -> list[str]:
    return [label for label, (heads, tails) in SCHEMA.items() if head_type in heads and tail_type in tails]


def candidate_pairs(index: EntityIndex) -> Iterator[tuple[MentionSpan, MentionSpan, list[str]]]:
    by_sentence: dict[int, list[MentionSpan]] = {}
    for m in index.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    for mentions in by_sentence.values():
        for head in mentions:
            for tail in mentions:
                if head is tail or head.entity_id == tail.entity_id:
                    continue
                labels = allowed_labels(head.type, tail.type)
                if labels:
                    yield head, tail, labels


def _root(doc: Doc, m: MentionSpan) -> Token:
    return doc[m.token_start : m.token_end].root


def _path(a: Token, b: Token) -> tuple[list[str], list[str], Token | None]:
    """Dependency path from a up to the lowest common ancestor and down to b: the
    unlexicalised steps and the lemmas of the tokens on the way."""
    up, down, lca = tree_path(a, b)
    if lca is None:
        return [], [], None
    steps = [f"<{t.dep_}" for t in up] + [f">{t.dep_}" for t in reversed(down)]
    words = [t.lemma_.lower() for t in up[1:]] + [lca.lemma_.lower()] + [t.lemma_.lower() for t in reversed(down[1:])]
    if lca.i in {a.i, b.i}:
        words = [w for t, w in zip([*up[1:], lca, *reversed(down[1:])], words) if t.i not in {a.i, b.i}]
    return steps, words, lca


def _joined_by(lca: Token, a: Token, b: Token, lemmas: frozenset[str]) -> bool:
    """The two names are joined by one of ``lemmas``: it is their lowest common ancestor
    ("Federer beat Roddick", "Haas overcame eighth seed Max Mirnyi"), or a relative clause
    on one of them ("Philippoussis, who beat Sampras"). Not a verb further off ("Davis
    homered as the Angels defeated the Yankees": Davis and the Angels are joined by
    "homered")."""
    if lca.lemma_.lower() in lemmas:
        return True
    return lca.i in {a.i, b.i} and any(
        t.dep_ == "relcl" and t.head.i == lca.i and t.lemma_.lower() in lemmas for t in (*a.ancestors, *b.ancestors))


def _bucket(n: int) -> str:
    for limit in (0, 1, 2, 3, 5, 8, 12):
        if n <= limit:
            return str(limit)
    return "far"


def pair_features(doc: Doc, head: MentionSpan, tail: MentionSpan, index: EntityIndex, rules_fired: Iterable[str],
                  path: tuple[Token, Token, tuple[list[str], list[str], Token | None]] | None = None) -> list[str]:
    """The pair's features for the relation model. ``path``: the two mentions' roots and the
    path between them (``_path``) where the caller has them already."""
    types = f"{head.type}>{tail.type}"
    first, second = (head, tail) if head.token_start < tail.token_start else (tail, head)
    order = "ht" if first is head else "th"
    between = [t for t in doc[first.token_end : second.token_start]]
    feats = [f"types={types}", f"order={order}|{types}", f"dist={_bucket(len(between))}|{order}",
             f"dist={_bucket(len(between))}|{order}|{types}"]
    words = [t.lower_ for t in between]
    if len(between) <= 4:
        feats.append(f"between={' '.join(words)}|{order}")
        feats.append(f"between={' '.join(words)}|{types}|{order}")
    if len(between) <= 7:
        # Other names between replaced by their type: ", a LOC construction firm".
        shape, last = [], None
        for t in between:
            m = index.at(t)
            if m is None:
                shape.append(t.lower_)
            elif m is not last:
                shape.append(m.type.upper())
            last = m
        feats.append(f"shape={' '.join(shape)}|{types}|{order}")
    if len(between) <= 10:
        feats += [f"bw={t.lemma_.lower()}|{order}" for t in between if not t.is_punct or t.text in {",", "("}]
    others = {m.entity_id for t in between if (m := index.at(t)) is not None}
    feats.append(f"others_between={min(len(others), 2)}")
    titles = load_titles()
    if any(t.lower_ in titles.roles for t in between):
        feats.append(f"title_between|{order}")
    before = doc[first.token_start - 1] if first.token_start > 0 else None
    after = doc[second.token_end] if second.token_end < len(doc) else None
    feats.append(f"before={before.lower_ if before is not None else '<s>'}|{order}")
    feats.append(f"after={after.lower_ if after is not None else '</s>'}|{order}")
    feats.append(f"head_last={doc[head.token_end - 1].lower_}")
    feats.append(f"tail_last={doc[tail.token_end - 1].lower_}")
    feats.append(f"head_prev={doc[head.token_start - 1].lower_ if head.token_start else '<s>'}")
    feats.append(f"tail_prev={doc[tail.token_start - 1].lower_ if tail.token_start else '<s>'}")

    if path is None:
        a, b = _root(doc, head), _root(doc, tail)
        path = a, b, _path(a, b)
    a, b, (steps, path_words, lca) = path
    if lca is None:
        feats.append("path=none")
    elif len(steps) <= MAX_PATH:
        feats.append(f"path={''.join(steps)}")
        feats.append(f"path={''.join(steps)}|{types}")
        feats.append(f"lexpath={''.join(steps)}|{' '.join(path_words)}")
        feats += [f"pw={w}" for w in path_words]
        feats += [f"pw={w}|{types}" for w in path_words]
        feats.append(f"lca={lca.lemma_.lower()}|{lca.pos_}")
        if lca.pos_ in {"VERB", "AUX"}:
            feats.append(f"lca_verb={lca.lemma_.lower()}|{types}")
    else:
        feats.append(f"pathlen={_bucket(len(steps))}")
    feats.append(f"head_dep={a.dep_}")
    feats.append(f"tail_dep={b.dep_}")
    feats.append(f"deps={a.dep_}|{b.dep_}|{types}")
    feats += [f"rule={r}" for r in rules_fired]
    return feats


@dataclass
class RelationModel:
    labels: list[str]
    weights: dict[str, dict[str, float]]
    bias: dict[str, float]
    thresholds: dict[str, float]  # per relation type, chosen on CoNLL04 dev
    precision: dict[str, float] = field(default_factory=dict)  # per type, on CoNLL04 dev: the confidence

    def probabilities(self, features: Iterable[str], allowed: list[str]) -> dict[str, float]:
        labels = [NONE, *allowed]
        scores = {label: self.bias.get(label, 0.0) for label in labels}
        for f in features:
            row = self.weights.get(f)
            if row:
                for label in labels:
                    scores[label] += row.get(label, 0.0)
        top = max(scores.values())
        exp = {label: math.exp(s - top) for label, s in scores.items()}
        total = sum(exp.values())
        return {label: v / total for label, v in exp.items()}

    def predict(self, features: Iterable[str], allowed: list[str]) -> tuple[str, float]:
        probs = self.probabilities(features, allowed)
        label = max(allowed, key=lambda la: probs[la])
        if probs[label] < self.thresholds.get(label, 0.5):
            return NONE, probs[NONE]
        return label, probs[label]

    def to_json(self) -> str:
        return json.dumps({"labels": self.labels, "thresholds": self.thresholds, "precision": self.precision,
                           "bias": self.bias, "weights": self.weights},
                          sort_keys=True, separators=(",", ":"))


@lru_cache(maxsize=1)
def load_relation_model() -> RelationModel | None:
    path = resources.files("newsgraph.extract").joinpath("data", "relation_model.json")
    if not path.is_file():
        return None
    data = json.loads(path.read_text("utf-8"))
    return RelationModel(data["labels"], data["weights"], data["bias"], {k: float(v) for k, v in data["thresholds"].items()},
                         {k: float(v) for k, v in data.get("precision", {}).items()})


def rule_hits(relations: list[ExtractedRelation]) -> dict[tuple[str, str], list[str]]:
    """(head mention start, tail mention start) → rule types and methods fired on it."""
    hits: dict[tuple[str, str], list[str]] = {}
    for r in relations:
        if r.head_start is None or r.tail_start is None:
            continue
        key = (f"{r.head_start}", f"{r.tail_start}")
        hits.setdefault(key, []).append(f"{r.type}:{r.method}")
        reverse = (f"{r.tail_start}", f"{r.head_start}")
        hits.setdefault(reverse, []).append(f"rev:{r.type}")
    return hits


def learned_relations(doc: Doc, index: EntityIndex, rule_relations: list[ExtractedRelation], sports: bool,
                      model: RelationModel | None = None) -> list[ExtractedRelation]:
    model = model or load_relation_model()
    if model is None:
        return []
    hits = rule_hits(rule_relations)
    results = load_sport_rules().result_verbs
    out = []
    roots: dict[tuple[int, int], Token] = {}  # a mention's root, found once however many pairs it is in

    def root(m: MentionSpan) -> Token:
        key = (m.token_start, m.token_end)
        if key not in roots:
            roots[key] = _root(doc, m)
        return roots[key]

    for head, tail, allowed in candidate_pairs(index):
        if "BASED_IN" in allowed:
            # CoNLL04 has no sports reports: there an organisation beside a place is based
            # there, in a match report a team is where it plays ("host Greece at Hampden Park").
            if sports:
                continue
        a, b = root(head), root(tail)
        path = _path(a, b)
        steps, _, lca = path
        if lca is None or len(steps) > MAX_LINK:
            continue
        if _joined_by(lca, a, b, results):
            continue  # "Federer beat Roddick", "Philippoussis, who beat Sampras": a result, no type of the schema
        fired = hits.get((f"{doc[head.token_start].idx}", f"{doc[tail.token_start].idx}"), [])
        label, probability = model.predict(pair_features(doc, head, tail, index, fired, (a, b, path)), allowed)
        if label == NONE:
            continue
        sent = doc[head.token_start].sent
        # The classifier's probability is the prior the confidence model starts from
        # (extract/confidence.py); on news it is corrected by what the gold dev articles say.
        confidence = round(min(probability, PRIOR_CEILING), 3)
        out.append(span_relation(doc, sent, head, tail, label, "learned", confidence, label.lower().replace("_", " ")))
    return out
