"""A relation's confidence: the probability that it is right, from features of the
instance, fitted on labelled news.

Every extractor proposes relations with its method's prior (``data/confidence.json``);
``finalise`` then (1) drops what is not stated as a fact (``statements.py``: negated,
hedged) and (2) replaces each typed relation's confidence with a logistic model over the
instance: the method's family (``data/method_families.json``) and the method, the
dependency path length between the two names, whether several methods agree on the same
fact and whether the article states it in several sentences, on top of the extractor's
prior. (Negation and modality are not features: such statements are dropped before.)
The weights (``data/confidence_model.json``) are fitted by
``benchmarks/train_confidence.py`` on the gold's calibration articles (labelled for this
and never used to tune a rule: a fit on the dev articles the rules were written from learns
their dev precision and is over-confident on unseen news), with the L2 strength chosen by
cross-validation over whole articles, weights of agreement and repetition kept >= 0, and
checked for calibration by ``benchmarks/quality.py --gold`` (reliability table, expected
calibration error).
Without a model file the priors stay. Cheap: a dependency path walk and a few dictionary
reads per relation.

Co-occurrence and nationality keep their fixed confidence: the first is not a claim, the
second comes from the gazetteer.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span

from newsgraph.extract.mentions import sentence_index
from newsgraph.extract.relation_base import tree_path
from newsgraph.extract.statements import PREDICATE_METHODS, statement_status
from newsgraph.graph.model import COOCCURRENCE, ExtractedRelation

FIXED = {COOCCURRENCE, "NATIONALITY_OF"}


def _bucket(n: int, limits: tuple[int, ...]) -> str:
    for limit in limits:
        if n <= limit:
            return str(limit)
    return f">{limits[-1]}"


def _span(doc: Doc, start: int | None, end: int | None) -> Span | None:
    if start is None or end is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _path_length(a: Span, b: Span) -> int | None:
    up, down, lca = tree_path(a.root, b.root)
    return None if lca is None else len(up) + len(down)


CATCH_ALL = "INTERACTED_WITH"
UNSEEN_CEILING = 0.4  # below graph.model.DEFAULT_MIN_CONFIDENCE: not shown by default


@lru_cache(maxsize=1)
def method_families() -> dict[str, str]:
    text = resources.files("newsgraph.extract").joinpath("data", "method_families.json").read_text("utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


@dataclass(frozen=True)
class Instance:
    """What the model reads about one extracted relation: written as is by
    ``benchmarks/train_confidence.py`` (its instances file), so the shipped model can be
    refitted and checked without the texts."""

    method: str
    type: str
    path: int | None  # dependency path length between the two names (None: no path)
    agree: int  # methods that read the same (head, type, tail) in the article
    repeated: int  # sentences of the article that state it
    # (Defaults: what an instance written before these were read means.)
    distance: int = 0  # tokens between the two mentions (0: adjacent)
    sentence_index: int = 0  # the sentence's place in the text (0: the first: headline or lead)
    head_mentions: int = 0  # mentions of the head entity in the article (0: not recorded)
    tail_mentions: int = 0  # mentions of the tail entity in the article


@dataclass
class Context:
    """What the features read about the whole article."""

    mentions: Counter  # entity id → mentions in the article
    agreeing: dict[tuple[str, str, str], set[str]]  # (head, type, tail) → methods
    sentences: dict[tuple[str, str, str], set[int]]  # (head, type, tail) → sentence starts
    entity_types: dict[str, str]


def build_context(relations: list[ExtractedRelation], mention_entities: list[str], entity_types: dict[str, str]) -> Context:
    agreeing: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    sentences: dict[tuple[str, str, str], set[int]] = defaultdict(set)
    for r in relations:
        key = (r.head, r.type, r.tail)
        agreeing[key].add(r.method)
        sentences[key].add(r.start)
    return Context(Counter(mention_entities), agreeing, sentences, entity_types)


def relation_instance(doc: Doc, r: ExtractedRelation, ctx: Context) -> Instance:
    """The instance as ``benchmarks/train_confidence.py`` stores it: what the model reads,
    plus the measures it does not read yet (``distance``, ``sentence_index``, the ends'
    mention counts), which only the fit needs; extraction reads ``_model_instance``."""
    head, tail = _span(doc, r.head_start, r.head_end), _span(doc, r.tail_start, r.tail_end)
    distance = 0
    if head is not None and tail is not None:
        first, last = sorted((head, tail), key=lambda s: s.start)
        distance = max(0, last.start - first.end)
    anchor = head if head is not None else tail
    sentence = sentence_index(doc)[anchor.start] if anchor is not None else 0
    return replace(_model_instance(r, ctx, head, tail), distance=distance, sentence_index=sentence,
                   head_mentions=ctx.mentions.get(r.head, 0), tail_mentions=ctx.mentions.get(r.tail, 0))


def _model_instance(r: ExtractedRelation, ctx: Context,
                    head: Span | None, tail: Span | None) -> Instance:
    length = _path_length(head, tail) if head is not None and tail is not None else None
    key = (r.head, r.type, r.tail)
    return Instance(r.method, r.type, length, len(ctx.agreeing.get(key, ())), len(ctx.sentences.get(key, ())))


def instance_features(x: Instance) -> list[str]:
    """Few and coarse on purpose: a few hundred labelled news relations cannot fit more.
    A candidate is kept only if it lowers the leave-one-article-out log loss over the
    calibration articles (benchmarks/train_confidence.py; figures in benchmarks/README.md,
    issue 12). Tried and dropped: quotation marks, reported speech, ends typed by a table
    (country, nationality, listed organisation), ends mentioned once, one-word ends, the
    relation type's kind (role/place/verb) with or without the family, names in the
    sentence, an end of a dropped (hedged) statement, the token distance (a lower loss only
    with names four or more tokens apart weighted *up*, against what is known, and a worse
    ECE; bounded so that farther never helps, its weights fit to 0) and the sentence opening
    the article (lower loss on the calibration labels of 1 Dec 03:00, higher once the rules
    of 03:50 were in). ``distance`` and ``sentence_index`` stay in the instance so the next
    fit, on more calibration articles, can try them again. Before: finer path buckets and
    mention counts did no better on held-out articles. The method and type pair
    (``method_type``, shrunk at the full rate like the method) is read since session 5: one
    method can be sure of one type and not of another (``occupation`` HOLDS_ROLE right 7/7
    on the calibration articles, WORKS_FOR 1/5); on 98 calibration articles it lowers the
    out-of-fold log loss (benchmarks/README.md). The catch-all type is one feature: the gold
    never labels it."""
    if x.type == CATCH_ALL:
        return ["catch_all"]
    feats = [f"family={method_families().get(x.method, 'other')}", f"method={x.method}",
             f"method_type={x.method}/{x.type}",
             f"path={_bucket(x.path, (2, 3)) if x.path is not None else 'none'}"]
    if x.agree >= 2:
        feats.append("agree")  # two methods read the same fact
    if x.repeated >= 2:
        feats.append("repeated")  # the article states it in two sentences
    return feats


def relation_features(doc: Doc, r: ExtractedRelation, ctx: Context) -> list[str]:
    head, tail = _span(doc, r.head_start, r.head_end), _span(doc, r.tail_start, r.tail_end)
    return instance_features(_model_instance(r, ctx, head, tail))


def logit(p: float) -> float:
    p = min(max(p, 0.01), 0.99)
    return math.log(p / (1 - p))


def prior_term(features: list[str], prior: float, prior_methods: frozenset[str] | None) -> float:
    """What the model reads of the extractor's prior: its logit for the methods whose prior
    is a per-instance probability (``prior_methods``: the classifier's), 0 for a rule, whose
    prior is one constant set by hand or from CoNLL04 dev; the method and family weights,
    fitted on news, say how a rule does (reading a rule's prior as well gave a higher
    out-of-fold log loss on the calibration articles). None: every prior is read (model
    files before session 5)."""
    if prior_methods is None:
        return logit(prior)
    method = next((f[len("method="):] for f in features if f.startswith("method=")), None)
    return logit(prior) if method in prior_methods else 0.0


@dataclass
class ConfidenceModel:
    """z = bias + prior_weight · prior_term(the extractor's prior) + Σ weights of the
    features. The classifier's probability says what the features cannot about one learned
    instance; the features say how each method and family does on news."""

    bias: float
    prior_weight: float
    weights: dict[str, float]
    # The methods the fit saw. A method it did not see, of no known family, has no
    # evidence of how it does on news: it stays below the default floor (UNSEEN_CEILING)
    # until labelled instances of it are fitted. Empty: no such ceiling (a model fitted
    # inside a cross-validation fold).
    methods: frozenset[str] = frozenset()
    # The methods whose prior the model reads (``prior_term``); None: every method's.
    prior_methods: frozenset[str] | None = None

    def probability(self, features: list[str], prior: float) -> float:
        z = (self.bias + self.prior_weight * prior_term(features, prior, self.prior_methods)
             + sum(self.weights.get(f, 0.0) for f in features))
        p = 1 / (1 + math.exp(-z)) if z > -30 else 0.0
        if self.methods and "family=other" in features:
            method = next((f[len("method="):] for f in features if f.startswith("method=")), None)
            if method not in self.methods:
                p = min(p, UNSEEN_CEILING)
        return p


@lru_cache(maxsize=1)
def load_confidence_model() -> ConfidenceModel | None:
    path = resources.files("newsgraph.extract").joinpath("data", "confidence_model.json")
    if not path.is_file():
        return None
    data = json.loads(path.read_text("utf-8"))
    prior_methods = data.get("prior_methods")
    return ConfidenceModel(float(data["bias"]), float(data["prior_weight"]), {k: float(v) for k, v in data["weights"].items()},
                           frozenset(data.get("methods", ())), None if prior_methods is None else frozenset(prior_methods))


def stated_as_fact(doc: Doc, r: ExtractedRelation) -> bool:
    if r.method not in PREDICATE_METHODS or r.head_start is None or r.tail_start is None:
        return True
    assert r.head_end is not None and r.tail_end is not None
    return statement_status(doc, (r.head_start, r.head_end), (r.tail_start, r.tail_end), r.type) is None


def finalise(doc: Doc, relations: list[ExtractedRelation], mention_entities: list[str], entity_types: dict[str, str],
             model: ConfidenceModel | None = None) -> list[ExtractedRelation]:
    """Relations stated as facts, each with its fitted probability as confidence."""
    kept = [r for r in relations if r.type in FIXED or stated_as_fact(doc, r)]
    model = model or load_confidence_model()
    if model is None:
        return kept
    ctx = build_context([r for r in kept if r.type not in FIXED], mention_entities, entity_types)
    for r in kept:
        if r.type not in FIXED:
            r.confidence = round(model.probability(relation_features(doc, r, ctx), r.confidence), 3)
    return kept
