"""Fit the relation confidence model (``extract/confidence.py``) and write
``extract/data/confidence_model.json``.

    python benchmarks/train_confidence.py [--datasets DIR] [--gold-dir DIR] [--c 0.5] [--with-conll]

The shipped model is fitted on the gold dev articles alone: with CoNLL04 added, the fit
learned CoNLL04's conventions, not news correctness (a "US Secretary of State Marco
Rubio" HOLDS_ROLE toward the United States is CoNLL04 Live_In, mostly unlabelled there,
so Person→Country relations were pushed down: gold dev ECE 0.115 and precision 0.857 at
0.5, against 0.06-0.09 and 0.91 without). ``--with-conll`` keeps the comparison reproducible.

Labelled instances: every typed relation newsgraph extracts (after the statement filter)
from (a) the gold **dev** articles (right when its two ends match the gold head and tail
and the type is equal; ``INTERACTED_WITH`` is never right) and (b) CoNLL04 train and dev
(only relations that map to a CoNLL04 type: right when the mapped triple is gold; the
learned classifier's only on dev, since it was trained on train). Gold
dev instances weigh ``GOLD_WEIGHT`` each because they are the news an analyst reads.
L2-regularised logistic regression (scipy L-BFGS), deterministic. The test splits are
never read.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gold_quality import GoldArticle, bbc_rows, load_gold  # noqa: E402
from quality import DEFAULT_DATASETS, REPO, conll04_span, map_relation, read_conll04  # noqa: E402

MODEL_FILE = REPO / "extract" / "data" / "confidence_model.json"
GOLD_WEIGHT = 8.0
COARSE = 10.0  # how much less the method features are shrunk
COARSE_PREFIXES = ("method=",)


def priors_only() -> None:
    """Extraction keeps each extractor's prior confidence (no fitted model is applied): the
    prior is an input of the model being fitted."""
    from newsgraph.extract import confidence

    confidence.load_confidence_model = lambda: None  # type: ignore[assignment]


def instance_features(doc: Any, extracted: Any) -> list[tuple[Any, tuple[list[str], float]]]:
    from newsgraph.extract.confidence import FIXED, build_context, relation_features

    typed = [r for r in extracted.relations if r.type not in FIXED]
    ctx = build_context(typed, [m.entity_id for m in extracted.mentions], {e.id: e.type for e in extracted.entities})
    return [(r, (relation_features(doc, r, ctx), r.confidence)) for r in typed]


def gold_instances(gold_dir: Path, bbc_path: Path, nlp: Any, groups: list[str]) -> list[tuple[tuple[list[str], float], bool, float]]:
    from newsgraph.extract.pipeline import extract_doc
    from newsgraph.extract.readers import ReadFailure, iter_articles

    articles, _ = load_gold(gold_dir, "dev")
    rows = bbc_rows(bbc_path, {a.id for a in articles})
    out = []
    for article in articles:
        with tempfile.TemporaryDirectory() as tmp:
            if article.source == "page":
                path = gold_dir / str(article.path)
            else:
                row = rows[article.id]
                path = Path(tmp) / "a.jsonl"
                path.write_text(json.dumps({k: row[k] for k in ("id", "title", "text") if k in row}) + "\n", "utf-8")
            items = [a for a in iter_articles([str(path)]) if not isinstance(a, ReadFailure)]
        for item in items:
            doc = nlp(item.text)
            extracted = extract_doc(doc, nlp, document_id=article.id, title=item.title, cooccurrence=False)
            names: dict[str, set[int]] = {e.id: article.matching([e.name, *e.aliases]) for e in extracted.entities}
            for r, feats in instance_features(doc, extracted):
                heads, tails = names.get(r.head, set()), names.get(r.tail, set())
                right = bool(heads and tails and article.relation_right(heads, r.type, tails))
                out.append((feats, right, GOLD_WEIGHT))
                groups.append(article.id)
    return out


def conll_instances(path: Path, nlp: Any, *, learned: bool = True) -> list[tuple[tuple[list[str], float], bool, float]]:
    from newsgraph.extract.pipeline import extract_doc

    sentences = read_conll04(path)
    out = []
    for number, doc in enumerate(nlp.pipe((s.text for s in sentences), batch_size=64)):
        sentence = sentences[number]
        extracted = extract_doc(doc, nlp, document_id=str(number), cooccurrence=False)
        types = {e.id: e.type for e in extracted.entities}
        for r, feats in instance_features(doc, extracted):
            target = map_relation(r.type, types.get(r.head, ""), types.get(r.tail, ""))
            if target is None or (r.method == "learned" and not learned):
                continue  # CoNLL04 cannot say whether a MET_WITH is right
            head = conll04_span(sentence, r.head_start, r.head_end, types.get(r.head, ""))
            tail = conll04_span(sentence, r.tail_start, r.tail_end, types.get(r.tail, ""))
            out.append((feats, (head, tail, target) in sentence.gold, 1.0))
    return out


def fit(instances: list[tuple[tuple[list[str], float], bool, float]], c: float) -> tuple[float, dict[str, float]]:
    import numpy as np
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    from newsgraph.extract.confidence import logit

    vocab = sorted({f for (feats, _), _, _ in instances for f in feats})
    column = {f: n + 1 for n, f in enumerate(vocab)}  # column 0: logit of the prior
    rows, cols, values = [], [], []
    for n, ((feats, prior), _, _) in enumerate(instances):
        rows.append(n)
        cols.append(0)
        values.append(logit(prior))
        for f in set(feats):
            rows.append(n)
            cols.append(column[f])
            values.append(1.0)
    x = csr_matrix((values, (rows, cols)), shape=(len(instances), len(vocab) + 1))
    y = np.array([1.0 if right else 0.0 for _, right, _ in instances])
    w = np.array([weight for _, _, weight in instances])

    def loss(theta: Any) -> tuple[float, Any]:
        bias, coef = theta[0], theta[1:]
        z = x @ coef + bias
        p = 1 / (1 + np.exp(-z))
        eps = 1e-12
        nll = -np.sum(w * (y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)))
        # The prior's weight is not shrunk toward 0 (that would throw the prior away), only toward 1.
        shrink = coef.copy()
        shrink[0] -= 1.0
        reg = 0.5 * float(shrink @ (shrink * strength))
        g = w * (p - y)
        return float(nll + reg), np.concatenate([[g.sum()], x.T @ g + shrink * strength])

    # A method's weight is shrunk less than the finer features: every method has enough
    # instances to say how it does on news (the learned classifier: 10 of 51 right), a
    # method and type pair or a distance bucket often has a handful.
    strength = np.array([1 / c] + [1 / (c * COARSE) if f.startswith(COARSE_PREFIXES) else 1 / c for f in vocab])
    start = np.zeros(len(vocab) + 2)
    start[1] = 1.0  # the prior as it is
    result = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 2000})
    theta = result.x
    weights = {f: round(float(theta[n + 1]), 4) for f, n in column.items() if abs(theta[n + 1]) >= 1e-4}
    return round(float(theta[0]), 4), round(float(theta[1]), 4), weights


def predict(bias: float, prior_weight: float, weights: dict[str, float], instance: tuple[list[str], float]) -> float:
    from newsgraph.extract.confidence import ConfidenceModel

    feats, prior = instance
    return ConfidenceModel(bias, prior_weight, weights).probability(feats, prior)


def cross_validate(instances: list[tuple[tuple[list[str], float], bool, float]], groups: list[str], c: float,
                   folds: int = 5) -> None:
    """Out-of-fold probabilities, articles kept whole within a fold: how the fit does on
    articles it has not seen (the in-sample dev figures flatter it)."""
    articles = sorted(set(groups))
    fold_of = {a: n % folds for n, a in enumerate(articles)}
    predicted: list[tuple[float, bool]] = []
    for k in range(folds):
        train = [x for x, g in zip(instances, groups) if fold_of[g] != k]
        held = [x for x, g in zip(instances, groups) if fold_of[g] == k]
        if not train or not held:
            continue
        bias, prior_weight, weights = fit(train, c)
        predicted += [(predict(bias, prior_weight, weights, x[0]), x[1]) for x in held]
    bins: dict[int, list[tuple[float, bool]]] = {}
    for p, right in predicted:
        bins.setdefault(min(9, int(p * 10)), []).append((p, right))
    ece = sum(abs(sum(r for _, r in b) / len(b) - sum(p for p, _ in b) / len(b)) * len(b) for b in bins.values()) / len(predicted)
    shown = [r for p, r in predicted if p >= 0.5]
    print(f"{folds}-fold cross-validation on gold dev (by article, C={c}): ECE {ece:.3f}; "
          f"at 0.5: {len(shown)} shown, precision {sum(shown) / len(shown) if shown else 0:.3f}, "
          f"{sum(shown)}/{sum(r for _, r in predicted)} right ones kept")
    for floor in (0.6, 0.7, 0.8):
        shown = [r for p, r in predicted if p >= floor]
        print(f"  at {floor}: {len(shown)} shown, precision {sum(shown) / len(shown) if shown else 0:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datasets", default=os.environ.get("NEWSGRAPH_DATASETS", str(DEFAULT_DATASETS)))
    parser.add_argument("--gold-dir", default=str(REPO / "benchmarks" / "gold"))
    parser.add_argument("--c", type=float, default=0.5, help="Inverse L2 strength.")
    parser.add_argument("--with-conll", action="store_true", help="Add CoNLL04 train+dev instances (see below).")
    args = parser.parse_args(argv)
    from newsgraph.extract.pipeline import load_pipeline

    datasets = Path(args.datasets)
    nlp = load_pipeline()
    priors_only()
    groups: list[str] = []
    instances = gold_instances(Path(args.gold_dir), datasets / "news" / "bbc_news.jsonl", nlp, groups)
    cross_validate(instances, groups, args.c)
    gold_n = len(instances)
    if args.with_conll:
        # The classifier was trained on CoNLL04 train: its relations there are its own
        # training data, too good to say how it does on unseen text.
        instances += conll_instances(datasets / "conll04" / "conll04_train.json", nlp, learned=False)
        instances += conll_instances(datasets / "conll04" / "conll04_dev.json", nlp)
    bias, prior_weight, weights = fit(instances, args.c)
    right = sum(r for _, r, _ in instances[:gold_n])
    print(f"instances: gold dev {gold_n} ({right} right), CoNLL04 train+dev {len(instances) - gold_n} "
          f"({sum(r for _, r, _ in instances[gold_n:])} right); {len(weights)} weights")
    MODEL_FILE.write_text(json.dumps({
        "_comment": "Relation confidence model (extract/confidence.py): logistic regression weights, written by "
                    f"`python benchmarks/train_confidence.py` (C={args.c}, gold dev weight {GOLD_WEIGHT}, "
                    f"{gold_n} gold dev and {len(instances) - gold_n} CoNLL04 train+dev instances).",
        "bias": bias, "prior_weight": prior_weight, "weights": dict(sorted(weights.items())),
    }, indent=1, sort_keys=True) + "\n", "utf-8")
    print(f"wrote {MODEL_FILE.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
