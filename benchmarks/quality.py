"""Extraction quality: newsgraph's own gold, CoNLL-2003 entities and CoNLL04 relations.

    python benchmarks/quality.py [--split dev|test] [--json] [--datasets DIR]
    python benchmarks/quality.py --gold --split dev --errors     # only the gold, with errors to tune
    python benchmarks/quality.py --split calibration             # the gold articles the confidence model is fitted on

* newsgraph's gold (``benchmarks/gold``, scored by ``gold_quality.py``): BBC articles and
  saved news pages ingested as ``newsgraph ingest`` would, scored at the default output:
  entity nodes, relations per type and method, a Wilson 95% interval for precision, and
  a reliability table of confidence against observed precision (expected calibration error).

* CoNLL-2003 (Reuters news, PER/ORG/LOC/MISC): entity micro-F1, exact span match, of
  newsgraph's mentions (Person → PER; Organization → ORG; Country, Location → LOC;
  Group left out) against the same score for raw spaCy ``doc.ents`` (PERSON → PER;
  ORG → ORG; GPE, LOC, FAC → LOC; the rest left out). MISC is left out of the gold side.
  Each ``-DOCSTART-`` document is one text (tokens joined with spaces, sentences with a
  newline), so within-document resolution works; spans are compared as character offsets,
  which equal the gold token offsets because tokens are joined with single spaces.
* CoNLL04 (TREC newswire sentences): strict relation micro-F1. A predicted relation counts
  when its type and both entity spans match a gold relation. newsgraph's relation types
  are mapped to CoNLL04's with ``CONLL04_MAPPING`` below (types it does not list are not
  predictions); each relation's head and tail mention character spans are mapped back to
  the data set's tokens (the tokens they overlap). Peer baseline: textacy's
  ``subject_verb_object_triples`` with spaCy's entities inside subject and object and
  the verb mapped through newsgraph's verb lexicon (``extract/data/relations.jsonl``) to a
  newsgraph type, then through the same mapping.

``--calibrate`` measures the precision of each extraction method on CoNLL04 dev and writes
it to ``extract/data/confidence.json`` (the confidence every relation carries).

The data sets are read from ``../shared/datasets`` beside the repository (or
``--datasets``/``NEWSGRAPH_DATASETS``); they are never part of the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATASETS = REPO.parent / "shared" / "datasets"

# newsgraph relation type → CoNLL04 type, with the head/tail entity types CoNLL04 allows
# (Work_For: Peop→Org; Kill: Peop→Peop; OrgBased_In: Org→Loc; Live_In: Peop→Loc;
# Located_In: Loc→Loc). newsgraph's Country and Location are both CoNLL04 Loc. A role held
# in a country ("the president of Peru") is CoNLL04 Live_In, not Work_For.
CONLL04_MAPPING: dict[str, list[tuple[str, set[str], set[str]]]] = {
    "HOLDS_ROLE": [("Work_For", {"Person"}, {"Organization"}), ("Live_In", {"Person"}, {"Country", "Location"})],
    "WORKS_FOR": [("Work_For", {"Person"}, {"Organization"}), ("Live_In", {"Person"}, {"Country", "Location"})],
    "KILLED": [("Kill", {"Person"}, {"Person"})],
    "BASED_IN": [("OrgBased_In", {"Organization"}, {"Country", "Location"})],
    "LIVES_IN": [("Live_In", {"Person"}, {"Country", "Location"})],
    "FROM": [("Live_In", {"Person"}, {"Country", "Location"})],
    "LOCATED_IN": [("Located_In", {"Country", "Location"}, {"Country", "Location"})],
}
CONLL04_TYPES = ["Work_For", "Kill", "OrgBased_In", "Live_In", "Located_In"]

NEWSGRAPH_TO_CONLL03 = {"Person": "PER", "Organization": "ORG", "Country": "LOC", "Location": "LOC"}
SPACY_TO_CONLL03 = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
SPACY_TO_NEWSGRAPH = {"PERSON": "Person", "ORG": "Organization", "GPE": "Location", "LOC": "Location", "FAC": "Location"}


class DatasetsMissing(SystemExit):
    pass


# ---------------------------------------------------------------------------------------
# Scoring


@dataclass
class Score:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)

    def add(self, gold: set[tuple], predicted: set[tuple], type_of: int = -1) -> None:
        for item in predicted & gold:
            self.tp[item[type_of]] += 1
        for item in predicted - gold:
            self.fp[item[type_of]] += 1
        for item in gold - predicted:
            self.fn[item[type_of]] += 1

    @staticmethod
    def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def micro(self) -> tuple[float, float, float]:
        return self.prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))

    def per_type(self, types: Iterable[str]) -> dict[str, dict[str, float]]:
        out = {}
        for t in types:
            p, r, f = self.prf(self.tp[t], self.fp[t], self.fn[t])
            out[t] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                      "tp": self.tp[t], "fp": self.fp[t], "fn": self.fn[t]}
        return out

    def summary(self, types: Iterable[str]) -> dict[str, Any]:
        p, r, f = self.micro()
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "per_type": self.per_type(types)}


# ---------------------------------------------------------------------------------------
# CoNLL-2003


@dataclass
class Conll03Document:
    text: str
    gold: set[tuple[int, int, str]]  # (start char, end char, PER|ORG|LOC)


def read_conll03(path: Path) -> list[Conll03Document]:
    docs: list[list[list[tuple[str, str]]]] = []
    sentence: list[tuple[str, str]] = []
    for line in path.read_text("utf-8").splitlines():
        parts = line.split()
        if not parts:
            if sentence and docs:
                docs[-1].append(sentence)
            sentence = []
            continue
        if parts[0] == "-DOCSTART-":
            docs.append([])
            continue
        sentence.append((parts[0], parts[-1]))
    if sentence and docs:
        docs[-1].append(sentence)
    out = []
    for sentences in docs:
        pieces: list[str] = []
        gold: set[tuple[int, int, str]] = set()
        offset = 0
        for s_number, sent in enumerate(sentences):
            if s_number:
                pieces.append("\n")
                offset += 1
            current: list[Any] | None = None  # [start, end, type]
            for t_number, (token, tag) in enumerate(sent):
                if t_number:
                    pieces.append(" ")
                    offset += 1
                start, end = offset, offset + len(token)
                pieces.append(token)
                offset = end
                kind = tag[2:] if tag != "O" else None
                # IOB1: I-X continues an X entity; B-X starts a new one right after another X.
                if kind and current and current[2] == kind and not tag.startswith("B-"):
                    current[1] = end
                    continue
                if current:
                    gold.add(tuple(current))  # type: ignore[arg-type]
                current = [start, end, kind] if kind else None
            if current:
                gold.add(tuple(current))  # type: ignore[arg-type]
        gold = {g for g in gold if g[2] != "MISC"}
        out.append(Conll03Document("".join(pieces), gold))
    return out


def eval_conll03(path: Path, nlp: Any, limit: int | None) -> dict[str, Any]:
    from newsgraph.extract.pipeline import extract_doc

    from newsgraph.extract.rules import load_gazetteer

    gaz = load_gazetteer()
    docs = read_conll03(path)[:limit]
    newsgraph_score, spacy_score = Score(), Score()
    started = time.perf_counter()
    for number, doc in enumerate(nlp.pipe((d.text for d in docs), batch_size=16)):
        gold = docs[number].gold
        raw = {(e.start_char, e.end_char, SPACY_TO_CONLL03[e.label_]) for e in doc.ents if e.label_ in SPACY_TO_CONLL03}
        spacy_score.add(gold, raw)
        extracted = extract_doc(doc, nlp, document_id=str(number), cooccurrence=False)
        # CoNLL-2003 annotates a national team by its country (LOC: "Japan beat Syria");
        # newsgraph types it Organization (issue 12), so a team named as a country maps to LOC.
        types = {e.id: "Country" if e.type == "Organization" and gaz.country(e.name) else e.type for e in extracted.entities}
        ours = {
            (m.start, m.end, NEWSGRAPH_TO_CONLL03[types[m.entity_id]])
            for m in extracted.mentions
            if types[m.entity_id] in NEWSGRAPH_TO_CONLL03
        }
        newsgraph_score.add(gold, ours)
    return {
        "documents": len(docs),
        "seconds": round(time.perf_counter() - started, 1),
        "newsgraph": newsgraph_score.summary(["PER", "ORG", "LOC"]),
        "raw_spacy": spacy_score.summary(["PER", "ORG", "LOC"]),
    }


# ---------------------------------------------------------------------------------------
# CoNLL04


@dataclass
class Conll04Sentence:
    tokens: list[str]
    text: str
    token_chars: list[tuple[int, int]]
    gold: set[tuple[tuple[int, int], tuple[int, int], str]]  # (head tokens, tail tokens, type)
    entities: list[tuple[int, int]]  # gold entity token spans

    def token_span(self, start: int | None, end: int | None) -> tuple[int, int] | None:
        """The data set's tokens a character span overlaps (so "Fitzmaurice" finds the
        gold token "Fitzmaurice.")."""
        if start is None or end is None:
            return None
        covered = [i for i, (s, e) in enumerate(self.token_chars) if s < end and e > start]
        return (covered[0], covered[-1] + 1) if covered else None


def read_conll04(path: Path) -> list[Conll04Sentence]:
    out = []
    for item in json.loads(path.read_text("utf-8")):
        tokens = item["tokens"]
        chars, offset = [], 0
        for token in tokens:
            chars.append((offset, offset + len(token)))
            offset += len(token) + 1
        ents = item["entities"]
        gold = {
            ((ents[r["head"]]["start"], ents[r["head"]]["end"]), (ents[r["tail"]]["start"], ents[r["tail"]]["end"]), r["type"])
            for r in item["relations"]
        }
        out.append(Conll04Sentence(tokens, " ".join(tokens), chars, gold, [(e["start"], e["end"]) for e in ents]))
    return out


def map_relation(kind: str, head_type: str, tail_type: str) -> str | None:
    for target, heads, tails in CONLL04_MAPPING.get(kind, []):
        if head_type in heads and tail_type in tails:
            return target
    return None


def conll04_span(sentence: Conll04Sentence, start: int | None, end: int | None, entity_type: str) -> tuple[int, int] | None:
    """A mention's tokens in CoNLL04's span convention, which keeps what newsgraph moves out
    of a name: a capitalised title or honorific right before a person ("President Lincoln",
    "Mrs. Higgins", but not "Illinois Gov. James Thompson": 106 to 47 on train and dev) and
    a capitalised "The" before an organisation ("The Associated Press").
    Only the text decides; the gold spans are never looked at."""
    span = sentence.token_span(start, end)
    if span is None:
        return None
    first = span[0]
    if entity_type == "Person":
        titles = _title_words()
        start = first
        while start > 0 and sentence.tokens[start - 1][:1].isupper() and sentence.tokens[start - 1].lower().rstrip(".") in titles:
            start -= 1
        # ... but not after an affiliation ("Illinois Gov. James Thompson" is "James Thompson").
        if start == 0 or not sentence.tokens[start - 1][:1].isupper():
            first = start
    elif entity_type == "Organization" and first > 0 and sentence.tokens[first - 1] == "The":
        first -= 1
    return (first, span[1])


_TITLE_WORDS: set[str] = set()


def _title_words() -> set[str]:
    if not _TITLE_WORDS:
        from newsgraph.extract.rules import load_titles

        titles = load_titles()
        _TITLE_WORDS.update(p.rstrip(".") for p in titles.roles | titles.honorifics if " " not in p)
    return _TITLE_WORDS


def birthplace_spans(sentence: Conll04Sentence, places: Iterable[tuple[int, int]]) -> dict[tuple[int, int], tuple[int, int]]:
    """CoNLL04's span of a birthplace: in a sentence that says "born", a place followed by a
    comma and another place is one entity ("was born in West Branch , Iowa": one Loc, no
    Located_In), elsewhere two (Located_In between them). Counted on train: in sentences
    with "born" 60 such places are one span and none two; in the others 24 are one span and
    162 two. Each of the two places (token spans, in the data set's convention) → the
    joined span; only the text and newsgraph's own places decide, never the gold."""
    if not any(t.lower() == "born" for t in sentence.tokens):
        return {}
    starts = {start: (start, end) for start, end in places}
    out = {}
    for start, end in places:
        nxt = starts.get(end + 1)
        if nxt is not None and end < len(sentence.tokens) and sentence.tokens[end] == ",":
            out[(start, end)] = out[nxt] = (start, nxt[1])
    return out


def newsgraph_relations(sentence: Conll04Sentence, extracted: Any) -> dict[tuple, list[str]]:
    """Predicted CoNLL04 relations → the newsgraph methods that produced each."""
    types = {e.id: e.type for e in extracted.entities}
    out: dict[tuple, list[str]] = defaultdict(list)
    places = [sentence.token_span(m.start, m.end) for m in extracted.mentions if types.get(m.entity_id) in {"Country", "Location"}]
    joined = birthplace_spans(sentence, [p for p in places if p is not None])
    for r in extracted.relations:
        target = map_relation(r.type, types.get(r.head, ""), types.get(r.tail, ""))
        if target is None:
            continue
        head = conll04_span(sentence, r.head_start, r.head_end, types.get(r.head, ""))
        tail = conll04_span(sentence, r.tail_start, r.tail_end, types.get(r.tail, ""))
        head, tail = joined.get(head, head), joined.get(tail, tail)  # type: ignore[arg-type]
        if head is None or tail is None or head == tail:
            continue
        out[(head, tail, target)].append(r.method)
    return out


def textacy_relations(sentence: Conll04Sentence, doc: Any, verb_types: dict[str, str]) -> set[tuple]:
    from textacy.extract import subject_verb_object_triples

    out = set()
    ents = [e for e in doc.ents if e.label_ in SPACY_TO_NEWSGRAPH]
    for triple in subject_verb_object_triples(doc):
        kind = verb_types.get(triple.verb[-1].lemma_.lower())
        if kind is None:
            continue
        subject_ids = {t.i for t in triple.subject}
        object_ids = {t.i for t in triple.object}
        heads = [e for e in ents if any(t.i in subject_ids for t in e)]
        tails = [e for e in ents if any(t.i in object_ids for t in e)]
        for h in heads:
            for t in tails:
                target = map_relation(kind, SPACY_TO_NEWSGRAPH[h.label_], SPACY_TO_NEWSGRAPH[t.label_])
                if target is None and kind in {"LIVES_IN", "FROM", "BASED_IN", "LOCATED_IN", "HOLDS_ROLE", "WORKS_FOR"}:
                    # GPE → Country where the gazetteer says so, as newsgraph would type it
                    target = map_relation(kind, SPACY_TO_NEWSGRAPH[h.label_], "Country")
                if target is None:
                    continue
                head = conll04_span(sentence, h.start_char, h.end_char, SPACY_TO_NEWSGRAPH[h.label_].replace("Location", "-"))
                tail = conll04_span(sentence, t.start_char, t.end_char, SPACY_TO_NEWSGRAPH[t.label_].replace("Location", "-"))
                if head and tail and head != tail:
                    out.add((head, tail, target))
    return out


def verb_lexicon() -> dict[str, str]:
    """Verb lemma → newsgraph relation type, from the rule file (first rule wins)."""
    from newsgraph.extract.rules import load_relation_rules

    lexicon: dict[str, str] = {}
    for rule in load_relation_rules():
        for verb in rule.verbs:
            if verb != "*":
                lexicon.setdefault(verb, rule.relation)
    return lexicon


def eval_conll04(path: Path, nlp: Any, *, with_textacy: bool, limit: int | None) -> dict[str, Any]:
    from newsgraph.extract.pipeline import extract_doc

    sentences = read_conll04(path)[:limit]
    ours, peer = Score(), Score()
    method_hits: dict[str, Counter] = defaultdict(Counter)  # method → {"tp", "fp"}
    textacy_ok = with_textacy
    if with_textacy:
        try:
            import textacy  # noqa: F401
        except ImportError:
            textacy_ok = False
    lexicon = verb_lexicon()
    started = time.perf_counter()
    for number, doc in enumerate(nlp.pipe((s.text for s in sentences), batch_size=64)):
        sentence = sentences[number]
        extracted = extract_doc(doc, nlp, document_id=str(number), cooccurrence=False)
        predicted = newsgraph_relations(sentence, extracted)
        ours.add(sentence.gold, set(predicted))
        for item, methods in predicted.items():
            for method in set(methods):
                method_hits[method]["tp" if item in sentence.gold else "fp"] += 1
        if textacy_ok:
            peer.add(sentence.gold, textacy_relations(sentence, doc, lexicon))
    result: dict[str, Any] = {
        "sentences": len(sentences),
        "seconds": round(time.perf_counter() - started, 1),
        "newsgraph": ours.summary(CONLL04_TYPES),
        "methods": {m: {"tp": c["tp"], "fp": c["fp"], "precision": round(c["tp"] / (c["tp"] + c["fp"]), 4)}
                    for m, c in sorted(method_hits.items())},
    }
    if textacy_ok:
        result["textacy_svo"] = peer.summary(CONLL04_TYPES)
    else:
        result["textacy_svo"] = None
    return result


# ---------------------------------------------------------------------------------------
# Output


def print_table(title: str, rows: dict[str, dict[str, Any]]) -> None:
    print(f"\n{title}")
    print(f"  {'':22} {'P':>7} {'R':>7} {'F1':>7}")
    for name, score in rows.items():
        print(f"  {name:22} {score['precision']:7.3f} {score['recall']:7.3f} {score['f1']:7.3f}")
        for t, s in score["per_type"].items():
            print(f"    {t:20} {s['precision']:7.3f} {s['recall']:7.3f} {s['f1']:7.3f}   tp={s['tp']} fp={s['fp']} fn={s['fn']}")


PRIOR_WEIGHT = 4  # a method seen on dev a few times stays near its prior


def calibrate(methods: dict[str, dict[str, Any]], path: Path) -> dict[str, Any]:
    """Write each method's precision on dev into the confidence file, smoothed toward the
    method's prior (``_prior``) as if the prior had been seen PRIOR_WEIGHT times; methods
    CoNLL04 cannot measure keep their prior. Re-running gives the same file."""
    current = json.loads(path.read_text("utf-8"))
    prior = current["_prior"]
    for method, value in prior.items():  # "learned" is not here: it carries its own probability
        counts = methods.get(method, {"tp": 0, "fp": 0})
        seen = counts["tp"] + counts["fp"]
        current[method] = round((counts["tp"] + PRIOR_WEIGHT * value) / (seen + PRIOR_WEIGHT), 2)
    current["_comment"] = (
        "Confidence per extraction method: its precision on CoNLL04 dev smoothed toward _prior "
        f"(weight {PRIOR_WEIGHT}), written by `python benchmarks/quality.py --split dev --calibrate`. "
        "A row in relations.jsonl may override it; learned relations carry the classifier's probability."
    )
    path.write_text(json.dumps(current, indent=2, sort_keys=True) + "\n", "utf-8")
    return current


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=["dev", "test", "train", "calibration", "test30", "test68"], default="test",
                        help="calibration: the gold's articles the confidence model is fitted on; test30: the gold's test "
                             "split as first drawn; test68: the test split before session 16 added pages 407-426 "
                             "(all three gold only).")
    parser.add_argument("--json", action="store_true", help="Print one JSON object as the last line.")
    parser.add_argument("--datasets", default=os.environ.get("NEWSGRAPH_DATASETS", str(DEFAULT_DATASETS)))
    parser.add_argument("--model", default=None, help="spaCy pipeline (default newsgraph's).")
    parser.add_argument("--only", choices=["conll03", "conll04", "gold"], default=None)
    parser.add_argument("--gold", action="store_true", help="Only newsgraph's own gold (benchmarks/gold); same as --only gold.")
    parser.add_argument("--gold-dir", default=str(REPO / "benchmarks" / "gold"), help="The gold labels (default benchmarks/gold).")
    parser.add_argument("--min-confidence", type=float, default=None,
                        help="Gold: score the relations shown from this floor up (default: the shipped default floor).")
    parser.add_argument("--errors", action="store_true", help="Gold: print each article's errors (dev only: tune on dev).")
    parser.add_argument("--limit", type=int, default=None, help="First N documents/sentences (quick runs).")
    parser.add_argument("--no-textacy", action="store_true", help="Skip the textacy SVO baseline.")
    parser.add_argument("--calibrate", action="store_true", help="Write per-method precision to extract/data/confidence.json.")
    args = parser.parse_args(argv)

    datasets = Path(args.datasets)
    if args.gold:
        args.only = "gold"
    if args.errors and args.split != "dev":
        sys.stderr.write("Error: --errors lists what to tune, and tuning looks at dev only; add --split dev.\n")
        return 2
    if args.split in ("calibration", "test30", "test68"):
        args.only = "gold"  # the gold's own splits: CoNLL has neither
    conll03_file = datasets / "conll2003" / {"dev": "valid.txt", "test": "test.txt", "train": "train.txt"}.get(args.split, "-")
    conll04_file = datasets / "conll04" / f"conll04_{args.split}.json"
    bbc_file = datasets / "news" / "bbc_news.jsonl"
    needed = {"conll03": [conll03_file], "conll04": [conll04_file], "gold": [bbc_file]}
    missing = [p for key, files in needed.items() if args.only in (None, key) for p in files if not p.is_file()]
    if missing:
        sys.stderr.write(
            f"Error: data set file(s) missing: {', '.join(map(str, missing))}. The benchmark reads CoNLL-2003, "
            "CoNLL04 and the BBC news set from ../shared/datasets beside the repository; pass --datasets DIR or set "
            "NEWSGRAPH_DATASETS.\n"
        )
        return 2
    if args.calibrate and args.split != "dev":
        sys.stderr.write("Error: --calibrate measures on dev only; add --split dev.\n")
        return 2

    from newsgraph.extract.pipeline import load_pipeline

    nlp = load_pipeline(args.model)
    result: dict[str, Any] = {"split": args.split, "model": nlp.meta.get("name"), "spacy_version": nlp.meta.get("spacy_version")}
    if args.only in (None, "conll03"):
        c03 = eval_conll03(conll03_file, nlp, args.limit)
        result["conll2003"] = c03
        result["conll2003_entity_f1"] = c03["newsgraph"]["f1"]
        result["conll2003_entity_f1_raw_spacy"] = c03["raw_spacy"]["f1"]
        print_table(f"CoNLL-2003 {args.split}: entity micro-F1, exact span, PER/ORG/LOC ({c03['documents']} documents, {c03['seconds']} s)",
                    {"newsgraph": c03["newsgraph"], "raw spaCy doc.ents": c03["raw_spacy"]})
    if args.only in (None, "conll04"):
        c04 = eval_conll04(conll04_file, nlp, with_textacy=not args.no_textacy, limit=args.limit)
        result["conll04"] = c04
        result["conll04_relation_f1"] = c04["newsgraph"]["f1"]
        result["conll04_relation_f1_textacy_svo"] = c04["textacy_svo"]["f1"] if c04["textacy_svo"] else None
        rows = {"newsgraph": c04["newsgraph"]}
        if c04["textacy_svo"]:
            rows["textacy SVO"] = c04["textacy_svo"]
        print_table(f"CoNLL04 {args.split}: strict relation micro-F1 ({c04['sentences']} sentences, {c04['seconds']} s)", rows)
        print("\n  precision per method:")
        for method, c in c04["methods"].items():
            print(f"    {method:20} {c['precision']:.3f}  (tp={c['tp']} fp={c['fp']})")
        if c04["textacy_svo"] is None and not args.no_textacy:
            print("  (textacy not installed: pip install -e '.[bench]')")
        if args.calibrate:
            path = REPO / "extract" / "data" / "confidence.json"
            calibrate(c04["methods"], path)
            print(f"\n  wrote {path.relative_to(REPO)}")
    if args.only in (None, "gold") and args.split != "train":
        from gold_quality import evaluate_gold, print_errors, print_gold

        gold, gold_results = evaluate_gold(Path(args.gold_dir), bbc_file, args.split, args.model, args.min_confidence)
        if not gold["articles"]:
            sys.stderr.write(f"Error: no labelled gold article in split {args.split!r} (benchmarks/gold/splits.json).\n")
            return 2
        result["gold"] = gold
        print_gold(gold)
        if args.errors:
            print_errors(gold_results, gold["min_confidence"])
    if args.json:
        print(json.dumps(result, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
