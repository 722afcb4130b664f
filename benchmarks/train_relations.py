"""Train newsgraph's relation classifier (``extract/learned.py``) on CoNLL04 train, pick
its per-type decision thresholds on CoNLL04 dev, then (unless ``--train-only``) retrain
the weights on train and dev together with the same settings; writes
``extract/data/relation_model.json``.

    python benchmarks/train_relations.py [--datasets DIR] [--epochs N]

Deterministic: sentences in file order, fixed epochs and learning rate, no random
initialisation, so the same data, spaCy model and code give the same file. The test
split is never read here.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quality import DEFAULT_DATASETS, REPO, Conll04Sentence, birthplace_spans, conll04_span, eval_conll04, read_conll04  # noqa: E402

CONLL04_TO_LABEL = {
    "Work_For": "WORKS_FOR",
    "Kill": "KILLED",
    "OrgBased_In": "BASED_IN",
    "Live_In": "LIVES_IN",
    "Located_In": "LOCATED_IN",
}
MODEL_FILE = REPO / "extract" / "data" / "relation_model.json"


def mention_spans(sentence: Conll04Sentence, doc: Any, index: Any) -> dict[tuple[int, int], tuple[int, int] | None]:
    """Each mention's (token start, token end) → its span in the data set's tokens and
    convention, as ``quality.newsgraph_relations`` scores it."""
    out = {}
    for m in index.mentions:
        start = doc[m.token_start].idx
        end = doc[m.token_end - 1].idx + len(doc[m.token_end - 1].text)
        out[(m.token_start, m.token_end)] = conll04_span(sentence, start, end, m.type)
    places = [sp for m in index.mentions if m.type in {"Country", "Location"} and (sp := out[(m.token_start, m.token_end)])]
    joined = birthplace_spans(sentence, places)
    return {k: joined.get(v, v) if v else v for k, v in out.items()}


def examples(sentences: list[Conll04Sentence], nlp: Any) -> list[tuple[list[str], list[str], str]]:
    from newsgraph.extract.learned import candidate_pairs, pair_features, rule_hits
    from newsgraph.extract.pipeline import extract_rules

    out = []
    for number, doc in enumerate(nlp.pipe((s.text for s in sentences), batch_size=64)):
        sentence = sentences[number]
        gold = {(h, t): CONLL04_TO_LABEL[k] for h, t, k in sentence.gold}
        gold_spans = set(sentence.entities)
        _, index, rules = extract_rules(doc, nlp, document_id=str(number))
        hits = rule_hits(rules)
        converted = mention_spans(sentence, doc, index)
        for head, tail, allowed in candidate_pairs(index):
            spans = [converted[(m.token_start, m.token_end)] for m in (head, tail)]
            # A name the data set spans differently ("President Kennedy" vs "Kennedy") says
            # nothing either way about the relation: leave it out of training.
            if any(sp not in gold_spans and any(g[0] < sp[1] and g[1] > sp[0] for g in gold_spans) for sp in spans if sp):
                continue
            label = gold.get((spans[0], spans[1]), "NONE")
            if label not in allowed:
                label = "NONE"
            fired = hits.get((f"{doc[head.token_start].idx}", f"{doc[tail.token_start].idx}"), [])
            out.append((pair_features(doc, head, tail, index, fired), allowed, label))
    return out


def train(data: list[tuple[list[str], list[str], str]], *, epochs: int, rate: float, l2: float, prune: float) -> tuple[dict, dict]:
    """Multinomial logistic regression by AdaGrad, with L2 applied to the weights touched."""
    weights: dict[str, dict[str, float]] = {}
    squares: dict[tuple[str, str], float] = {}
    bias: dict[str, float] = {}
    bias_sq: dict[str, float] = {}
    for _ in range(epochs):
        for feats, allowed, gold in data:
            labels = ["NONE", *allowed]
            scores = {la: bias.get(la, 0.0) + sum(weights.get(f, {}).get(la, 0.0) for f in feats) for la in labels}
            top = max(scores.values())
            exp = {la: math.exp(s - top) for la, s in scores.items()}
            total = sum(exp.values())
            for la in labels:
                grad = exp[la] / total - (1.0 if la == gold else 0.0)
                bias_sq[la] = bias_sq.get(la, 0.0) + grad * grad
                bias[la] = bias.get(la, 0.0) - rate * grad / math.sqrt(bias_sq[la] + 1e-8)
                for f in feats:
                    row = weights.setdefault(f, {})
                    w = row.get(la, 0.0)
                    g = grad + l2 * w
                    key = (f, la)
                    squares[key] = squares.get(key, 0.0) + g * g
                    row[la] = w - rate * g / math.sqrt(squares[key] + 1e-8)
    pruned = {}
    for f, row in weights.items():
        kept = {la: round(w, 3) for la, w in row.items() if abs(w) >= prune}
        if kept:
            pruned[f] = kept
    return pruned, {la: round(b, 3) for la, b in bias.items()}




def tune_thresholds(model: Any, sentences: list[Conll04Sentence], nlp: Any,
                    floor: float) -> tuple[dict[str, float], float, dict[str, float]]:
    """Per-type decision thresholds maximising dev strict F1 of the whole pipeline (rules
    plus classifier), by coordinate ascent over a fixed grid, in a fixed order."""
    from newsgraph.extract.learned import MAX_LINK, _path, _root, candidate_pairs, pair_features, rule_hits
    from newsgraph.extract.pipeline import extract_rules
    from quality import map_relation

    fixed: list[set] = []  # per sentence: what the rules alone predict
    scored: list[list[tuple[tuple, str, float]]] = []  # per sentence: (relation, label, probability)
    golds = []
    for number, doc in enumerate(nlp.pipe((s.text for s in sentences), batch_size=64)):
        sentence = sentences[number]
        out, index, rules = extract_rules(doc, nlp, document_id=str(number))
        types = {e.id: e.type for e in out.entities}
        rule_set = set()
        joined = birthplace_spans(sentence, [sp for m in index.mentions if m.type in {"Country", "Location"}
                                             and (sp := conll04_span(sentence, doc[m.token_start].idx,
                                                                     doc[m.token_end - 1].idx + len(doc[m.token_end - 1].text), m.type))])
        for r in rules:
            target = map_relation(r.type, types.get(r.head, ""), types.get(r.tail, ""))
            head = conll04_span(sentence, r.head_start, r.head_end, types.get(r.head, ""))
            tail = conll04_span(sentence, r.tail_start, r.tail_end, types.get(r.tail, ""))
            head, tail = joined.get(head, head), joined.get(tail, tail)  # type: ignore[arg-type]
            if target and head and tail and head != tail:
                rule_set.add((head, tail, target))
        hits = rule_hits(rules)
        linked = {(r.head_start, r.tail_start) for r in rules} | {(r.tail_start, r.head_start) for r in rules}
        items = []
        converted = mention_spans(sentence, doc, index)
        for head_m, tail_m, allowed in candidate_pairs(index):
            # The same gates as learned_relations and the pipeline apply.
            steps, _, lca = _path(_root(doc, head_m), _root(doc, tail_m))
            if lca is None or len(steps) > MAX_LINK or (doc[head_m.token_start].idx, doc[tail_m.token_start].idx) in linked:
                continue
            fired = hits.get((f"{doc[head_m.token_start].idx}", f"{doc[tail_m.token_start].idx}"), [])
            probs = model.probabilities(pair_features(doc, head_m, tail_m, index, fired), allowed)
            label = max(allowed, key=lambda la: probs[la])
            target = map_relation(label, head_m.type, tail_m.type)
            spans = [converted[(m.token_start, m.token_end)] for m in (head_m, tail_m)]
            if target and spans[0] and spans[1] and spans[0] != spans[1]:
                items.append(((spans[0], spans[1], target), label, probs[label]))
        fixed.append(rule_set)
        scored.append(items)
        golds.append(sentence.gold)

    def f1(thresholds: dict[str, float]) -> float:
        tp = fp = fn = 0
        for rule_set, items, gold in zip(fixed, scored, golds):
            predicted = set(rule_set) | {rel for rel, label, p in items if p >= thresholds[label]}
            tp += len(predicted & gold)
            fp += len(predicted - gold)
            fn += len(gold - predicted)
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    grid = [round(floor + 0.05 * i, 2) for i in range(int(round((0.9 - floor) / 0.05)) + 1)]
    thresholds = {label: max(0.5, floor) for label in model.thresholds}
    best = f1(thresholds)
    for _ in range(3):
        for label in sorted(thresholds):
            for value in grid:
                trial = {**thresholds, label: value}
                score = f1(trial)
                if score > best + 1e-9:
                    best, thresholds = score, trial
    # Each type's precision on dev at its threshold (learned predictions alone, the rules'
    # own not counted) is the confidence its relations carry: how far to trust the pattern.
    hits: dict[str, list[int]] = {label: [0, 0] for label in thresholds}
    for items, gold in zip(scored, golds):
        for rel, label, p in items:
            if p >= thresholds[label]:
                hits[label][0 if rel in gold else 1] += 1
    precision = {label: round((tp + 1) / (tp + fp + 2), 2) for label, (tp, fp) in hits.items()}
    print(f"learned precision on dev per type (tp, fp): {hits}")
    return thresholds, best, precision


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datasets", default=os.environ.get("NEWSGRAPH_DATASETS", str(DEFAULT_DATASETS)))
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument("--rate", type=float, default=0.1)
    parser.add_argument("--l2", type=float, default=0.001)
    parser.add_argument("--min-count", type=int, default=2, help="Features seen fewer times are dropped.")
    parser.add_argument("--min-threshold", type=float, default=0.5,
                        help="Lowest decision threshold tried: below an even chance the classifier is too noisy on news.")
    parser.add_argument("--train-only", action="store_true", help="Ship the train-only model (no retraining on train+dev).")
    parser.add_argument("--prune", type=float, default=0.1, help="Drop weights smaller than this (file size).")
    parser.add_argument("--out", default=str(MODEL_FILE), help="Where to write the model (default the shipped file).")
    args = parser.parse_args(argv)
    base = Path(args.datasets) / "conll04"
    train_file, dev_file = base / "conll04_train.json", base / "conll04_dev.json"
    if not train_file.is_file() or not dev_file.is_file():
        sys.stderr.write(f"Error: CoNLL04 not found in {base}; pass --datasets DIR or set NEWSGRAPH_DATASETS.\n")
        return 2

    from newsgraph.extract import learned
    from newsgraph.extract.pipeline import load_pipeline

    nlp = load_pipeline()
    data = examples(read_conll04(train_file), nlp)
    # Features seen once are names and noise; dropping them keeps the shipped file small.
    counts = Counter(f for feats, _, _ in data for f in set(feats))
    data = [([f for f in feats if counts[f] >= args.min_count], allowed, label) for feats, allowed, label in data]
    print(f"training examples: {len(data)}  labels: {dict(Counter(label for _, _, label in data))}")
    weights, bias = train(data, epochs=args.epochs, rate=args.rate, l2=args.l2, prune=args.prune)
    print(f"features kept: {len(weights)}")
    model = learned.RelationModel(["NONE", *learned.SCHEMA], weights, bias, {label: 0.5 for label in learned.SCHEMA})
    thresholds, f1, precision = tune_thresholds(model, read_conll04(dev_file), nlp, args.min_threshold)
    model.thresholds, model.precision = thresholds, precision
    if not args.train_only:
        # Thresholds and settings chosen on dev; the shipped weights then learn from train
        # and dev together (the test split is never read).
        data = examples(read_conll04(train_file) + read_conll04(dev_file), nlp)
        counts = Counter(f for feats, _, _ in data for f in set(feats))
        data = [([f for f in feats if counts[f] >= args.min_count], allowed, label) for feats, allowed, label in data]
        model.weights, model.bias = train(data, epochs=args.epochs, rate=args.rate, l2=args.l2, prune=args.prune)
        print(f"retrained on train+dev: {len(data)} examples, {len(model.weights)} features")
    out = Path(args.out)
    out.write_text(model.to_json() + "\n", "utf-8")
    if out.resolve() != MODEL_FILE.resolve():
        print(f"wrote {out}: thresholds {thresholds}, dev F1 {f1:.3f}")
        return 0
    learned.load_relation_model.cache_clear()
    check = eval_conll04(dev_file, nlp, with_textacy=False, limit=None)["newsgraph"]["f1"]
    print(f"wrote {MODEL_FILE.relative_to(REPO)}: thresholds {thresholds}, dev F1 {f1:.3f} (train-only model; "
          f"shipped model on dev {check:.3f}{'' if args.train_only else ', optimistic: dev was trained on'}), "
          f"{MODEL_FILE.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
