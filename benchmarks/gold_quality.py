"""newsgraph's own gold (``benchmarks/gold``): what an analyst sees by default, scored.

Each gold article is ingested into a fresh store exactly as ``newsgraph ingest`` would (BBC
rows as a one-line JSONL file, pages as the saved ``.txt``), then the store is read at the
default output (``DEFAULT_MIN_CONFIDENCE``) and compared with the labels:

* Entities, at the node level. A node matches a gold entity when its canonical name or one
  of its aliases equals, folded (``normalise_name``: case, accents, punctuation), the gold
  entity's name or one of its surface forms. A node matching two gold entities is a wrong
  merge; a second node matching one gold entity is a duplicate; a node matching none is
  junk (furniture junk when its name is inside a labelled furniture line and nowhere in the
  page's other lines — a body name that a menu or caption happens to repeat is body junk;
  the looser count, any junk name inside a furniture line, is reported beside it —
  excluded junk when it is a labelled non-entity). Precision = nodes matching a gold entity / nodes;
  recall = gold entities some node matches / gold entities; a matched node of another
  type is a wrong type. Countries added only because a nationality implies them (no
  mention in the text) are not nodes the text produced and are left out.
* Relations shown by default (confidence ≥ the default, ``CO_OCCURS_WITH`` left out: it is
  labelled as proximity, not a claim; ``NATIONALITY_OF`` left out: the gold does not label
  it, the gazetteer implies it). A relation is right when its head and tail nodes match
  the gold head and (one of the) gold tails and the type is equal (``MET_WITH`` either
  way). ``INTERACTED_WITH`` is never in the gold, so one shown by default counts as wrong.
* Calibration: every typed relation in the store (any confidence) against whether it is
  right, in ten confidence bins, and the expected calibration error.
"""

from __future__ import annotations

import json
import math
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

SYMMETRIC = {"MET_WITH"}
NOT_SCORED = {"CO_OCCURS_WITH", "NATIONALITY_OF"}
CATCH_ALL = "INTERACTED_WITH"
BINS = 10


def body_part(folded_line: str, furniture: list[str]) -> str:
    """A folded page line less the labelled furniture inside it (a caption keeps its words,
    loses its credit)."""
    line = f" {folded_line} "
    for f in furniture:
        if f:
            line = line.replace(f" {f} ", " | ")
    return line.strip()


def fold(name: str) -> str:
    from newsgraph.graph.model import normalise_name

    return normalise_name(name)


@dataclass
class GoldEntity:
    number: int
    name: str
    type: str
    keys: set[str]


@dataclass
class GoldRelation:
    head: int
    type: str
    tails: set[int]
    sentence: str


@dataclass
class GoldArticle:
    id: str
    split: str
    source: str  # bbc | page
    path: str | None
    title: str | None
    published: str | None
    entities: list[GoldEntity]
    relations: list[GoldRelation]
    traps: list[tuple[int, str, set[int], str]]
    excluded: set[str]
    furniture: list[str]
    problems: list[str] = field(default_factory=list)
    # A page's lines that are not labelled furniture, folded (set when the page is read).
    body: list[str] = field(default_factory=list)
    by_key: dict[str, set[int]] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "GoldArticle":
        entities = []
        problems: list[str] = []
        by_name: dict[str, int] = {}
        for n, e in enumerate(data.get("entities", [])):
            kind = "Organization" if e.get("sense") == "team" else e["type"]
            keys = {fold(e["name"])} | {fold(s) for s in e.get("surface", []) if fold(s)}
            entities.append(GoldEntity(n, e["name"], kind, keys))
            by_name[fold(e["name"])] = n
        by_key: dict[str, set[int]] = defaultdict(set)
        for e in entities:
            for k in e.keys:
                by_key[k].add(e.number)

        def ref(name: Any) -> int | None:
            number = by_name.get(fold(str(name)))
            if number is None:
                problems.append(f"{data['id']}: relation names {name!r}, not an entity of the file")
            return number

        def triple(r: dict[str, Any]) -> tuple[int, str, set[int], str] | None:
            head = ref(r["head"])
            tails_raw = r["tail"] if isinstance(r["tail"], list) else [r["tail"]]
            tails = {t for t in (ref(x) for x in tails_raw) if t is not None}
            if head is None or not tails:
                return None
            sentence = r.get("sentence") or " | ".join(r.get("sentences", []))
            return head, r["type"], tails, sentence

        relations = [GoldRelation(*t) for r in data.get("relations", []) if (t := triple(r)) is not None]
        traps = [t for r in data.get("traps", []) if (t := triple(r)) is not None]
        excluded = {fold(x["name"] if isinstance(x, dict) else str(x)) for x in data.get("excluded", [])}
        return cls(
            id=data["id"], split=data.get("split", ""), source=data.get("source", "bbc"), path=data.get("path"),
            title=data.get("title"), published=data.get("published"), entities=entities, relations=relations,
            traps=traps, excluded=excluded, furniture=[fold(f) for f in data.get("furniture", [])],
            problems=problems, by_key=dict(by_key),
        )

    def matching(self, names: Iterable[str]) -> set[int]:
        """Gold entities any of these names (a node's name and aliases) is a form of."""
        out: set[int] = set()
        for name in names:
            out |= self.by_key.get(fold(name), set())
        return out

    def relation_right(self, heads: set[int], kind: str, tails: set[int]) -> GoldRelation | None:
        for g in self.relations:
            if g.type != kind:
                continue
            if g.head in heads and g.tails & tails:
                return g
            if kind in SYMMETRIC and g.head in tails and g.tails & heads:
                return g
        return None

    def trap_shown(self, heads: set[int], kind: str, tails: set[int]) -> bool:
        return any(t == kind and h in heads and ts & tails for h, t, ts, _ in self.traps)


# The test split as first drawn (20 BBC of the Random(2026) draw, the even pages 02-20),
# before the sixth draw enlarged it: `--split test30` reports it alone, to compare with
# figures measured before the enlargement.
FIRST_TEST = frozenset(
    [f"bbc-{s}" for s in ("business-164", "business-495", "business-335", "business-053", "entertainment-319",
                          "entertainment-295", "entertainment-304", "entertainment-259", "politics-410", "politics-226",
                          "politics-002", "politics-042", "sport-150", "sport-052", "sport-006", "sport-463",
                          "tech-165", "tech-214", "tech-189", "tech-203")]
    + [f"page-{n:02d}" for n in range(2, 21, 2)])


# Session 16 added 20 test pages written blind in new site styles (page-407 onward):
# `--split test68` is the test split before them, to compare with earlier figures.
FIRST_ADDED_TEST_PAGE = 407


def _page_number(article_id: str) -> int | None:
    number = article_id.removeprefix("page-")
    return int(number) if article_id.startswith("page-") and number.isdigit() else None


def load_gold(gold_dir: Path, split: str | None) -> tuple[list[GoldArticle], list[str]]:
    """The labelled articles of a split (labels not written yet are listed as missing);
    ``test30`` is the test split as first drawn (``FIRST_TEST``), ``test68`` the test split
    before session 16's pages (``FIRST_ADDED_TEST_PAGE``)."""
    splits: dict[str, str] = json.loads((gold_dir / "splits.json").read_text("utf-8"))
    articles, missing = [], []
    for article_id, article_split in splits.items():
        if split == "test30":
            if article_id not in FIRST_TEST:
                continue
        elif split == "test68":
            number = _page_number(article_id)
            if article_split != "test" or (number is not None and number >= FIRST_ADDED_TEST_PAGE):
                continue
        elif split and article_split != split:
            continue
        path = gold_dir / "labels" / f"{article_id}.json"
        if not path.is_file():
            missing.append(article_id)
            continue
        articles.append(GoldArticle.from_json(json.loads(path.read_text("utf-8"))))
    return articles, missing


def bbc_rows(path: Path, ids: set[str]) -> dict[str, dict[str, Any]]:
    out = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row.get("id") in ids:
                out[row["id"]] = row
    return out


# ---------------------------------------------------------------------------------------
# Scoring one article's store


@dataclass
class Node:
    id: str
    name: str
    type: str
    names: list[str]
    gold: set[int]


@dataclass
class Edge:
    id: int
    head: str
    tail: str
    type: str
    method: str
    confidence: float
    sentence: str
    right: bool = False
    trap: bool = False


@dataclass
class ArticleResult:
    id: str
    nodes: list[Node]
    edges: list[Edge]  # every scored relation in the store, any confidence
    shown: list[Edge]  # the ones shown by default
    found: set[int]  # gold relations some shown edge states
    gold: GoldArticle
    # Nodes no mention made (a country read from a demonym, "British firm X"): only ends of
    # edges, scored by name with them, not counted as entities.
    edge_nodes: list[Node] = field(default_factory=list)


def read_store(store: Any) -> tuple[list[Node], list[Edge], list[Node]]:
    conn = store.conn
    aliases: dict[str, list[str]] = defaultdict(list)
    for row in conn.execute("SELECT entity_id, alias FROM aliases WHERE kind != 'surname'"):
        aliases[row[0]].append(row[1])
    nodes = [
        Node(row["id"], row["name"], row["type"], [row["name"], *aliases.get(row["id"], [])], set())
        for row in conn.execute("SELECT id, name, type FROM entities WHERE mentions > 0 ORDER BY id")
    ]
    edge_nodes = [
        Node(row["id"], row["name"], row["type"], [row["name"], *aliases.get(row["id"], [])], set())
        for row in conn.execute("SELECT id, name, type FROM entities WHERE mentions = 0 ORDER BY id")
    ]
    edges = []
    for row in conn.execute(
        "SELECT r.id, r.head, r.tail, r.type, r.method, r.confidence, "
        "(SELECT v.sentence FROM evidence v WHERE v.relation_id = r.id ORDER BY v.confidence DESC LIMIT 1) AS sentence "
        "FROM relations r ORDER BY r.id"
    ):
        if row["type"] in NOT_SCORED:
            continue
        edges.append(Edge(row["id"], row["head"], row["tail"], row["type"], row["method"], row["confidence"], row["sentence"] or ""))
    return nodes, edges, edge_nodes


def score_store(gold: GoldArticle, store: Any, min_confidence: float) -> ArticleResult:
    nodes, edges, edge_nodes = read_store(store)
    for node in nodes + edge_nodes:
        node.gold = gold.matching(node.names)
    gold_of = {n.id: n.gold for n in nodes + edge_nodes}
    found: set[int] = set()
    shown = []
    for e in edges:
        heads, tails = gold_of.get(e.head, set()), gold_of.get(e.tail, set())
        hit = gold.relation_right(heads, e.type, tails) if heads and tails else None
        e.right = hit is not None
        e.trap = bool(heads and tails) and gold.trap_shown(heads, e.type, tails)
        if e.confidence >= min_confidence:
            shown.append(e)
            if hit is not None:
                found.add(id(hit))
    return ArticleResult(gold.id, nodes, edges, shown, {n for n, g in enumerate(gold.relations) if id(g) in found}, gold, edge_nodes)


def ingest_article(gold: GoldArticle, text_row: dict[str, Any] | None, gold_dir: Path, model: str | None,
                   floor: float | None = None) -> ArticleResult | None:
    from newsgraph.kg import KnowledgeGraph
    from newsgraph.queries.filters import DEFAULT_MIN_CONFIDENCE

    with tempfile.TemporaryDirectory(prefix="newsgraph-gold-") as tmp:
        if gold.source == "page":
            if not gold.path:
                gold.problems.append(f"{gold.id}: page label without a path")
                return None
            source = gold_dir / gold.path
            gold.body = [body_part(fold(line), gold.furniture) for line in source.read_text("utf-8", errors="replace").splitlines()]
        else:
            if text_row is None:
                gold.problems.append(f"{gold.id}: not in the BBC data set")
                return None
            source = Path(tmp) / f"{gold.id}.jsonl"
            row = {k: text_row[k] for k in ("id", "title", "text", "published", "url") if text_row.get(k) is not None}
            source.write_text(json.dumps(row) + "\n", "utf-8")
        with KnowledgeGraph.open(Path(tmp) / "gold.db") as kg:
            summary = kg.ingest([str(source)], model=model, workers=1)
            if summary.documents_failed:
                gold.problems.append(f"{gold.id}: ingest failed: {'; '.join(summary.failures)}")
                return None
            return score_store(gold, kg.store, DEFAULT_MIN_CONFIDENCE if floor is None else floor)


# ---------------------------------------------------------------------------------------
# Aggregates


def wilson(successes: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return 0.0, 1.0
    p = successes / n
    centre = p + z * z / (2 * n)
    margin = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, (centre - margin) / (1 + z * z / n)), min(1.0, (centre + margin) / (1 + z * z / n))


def _prf(tp: int, shown: int, gold: int) -> dict[str, Any]:
    p = tp / shown if shown else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "shown": shown, "gold": gold}


def entity_summary(results: list[ArticleResult]) -> dict[str, Any]:
    nodes = matched = typed = junk = furniture_junk = furniture_named = excluded_junk = merges = wrong_types = 0
    gold_total = gold_found = duplicates = 0
    for res in results:
        per_gold: Counter = Counter()
        for node in res.nodes:
            nodes += 1
            if not node.gold:
                junk += 1
                key = fold(node.name)
                if key in res.gold.excluded:
                    excluded_junk += 1
                elif key and any(f" {key} " in f" {line} " for line in res.gold.furniture):
                    furniture_named += 1
                    if not any(f" {key} " in f" {line} " for line in res.gold.body):
                        furniture_junk += 1
                continue
            matched += 1
            if len(node.gold) > 1:
                merges += 1
            if any(res.gold.entities[g].type == node.type for g in node.gold):
                typed += 1
            else:
                wrong_types += 1
            for g in node.gold:
                per_gold[g] += 1
        gold_total += len(res.gold.entities)
        gold_found += len(per_gold)
        duplicates += sum(c - 1 for c in per_gold.values())
    p = matched / nodes if nodes else 0.0
    r = gold_found / gold_total if gold_total else 0.0
    low, high = wilson(matched, nodes)
    return {
        "nodes": nodes, "gold_entities": gold_total, "precision": round(p, 4), "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "precision_95": [round(low, 4), round(high, 4)],
        "typed_precision": round(typed / nodes, 4) if nodes else 0.0,
        "junk_nodes": junk, "furniture_junk_nodes": furniture_junk, "furniture_named_junk_nodes": furniture_named, "excluded_junk_nodes": excluded_junk,
        "duplicate_nodes": duplicates, "duplicate_rate": round(duplicates / gold_total, 4) if gold_total else 0.0,
        "wrong_merges": merges, "wrong_types": wrong_types,
    }


def relation_summary(results: list[ArticleResult]) -> dict[str, Any]:
    shown_by_type: Counter = Counter()
    right_by_type: Counter = Counter()
    gold_by_type: Counter = Counter()
    found_by_type: Counter = Counter()
    shown_by_method: Counter = Counter()
    right_by_method: Counter = Counter()
    traps = 0
    for res in results:
        for e in res.shown:
            shown_by_type[e.type] += 1
            shown_by_method[e.method] += 1
            right_by_type[e.type] += e.right
            right_by_method[e.method] += e.right
            traps += e.trap
        for n, g in enumerate(res.gold.relations):
            gold_by_type[g.type] += 1
            found_by_type[g.type] += n in res.found
    shown, right = sum(shown_by_type.values()), sum(right_by_type.values())
    gold, found = sum(gold_by_type.values()), sum(found_by_type.values())
    p = right / shown if shown else 0.0
    r = found / gold if gold else 0.0
    low, high = wilson(right, shown)
    types = sorted(set(shown_by_type) | set(gold_by_type))
    return {
        "shown": shown, "right": right, "gold": gold, "found": found,
        "precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "precision_95": [round(low, 4), round(high, 4)], "traps_shown": traps,
        "per_type": {
            t: {"shown": shown_by_type[t], "right": right_by_type[t], "gold": gold_by_type[t], "found": found_by_type[t],
                "precision": round(right_by_type[t] / shown_by_type[t], 4) if shown_by_type[t] else None,
                "recall": round(found_by_type[t] / gold_by_type[t], 4) if gold_by_type[t] else None}
            for t in types
        },
        "per_method": {
            m: {"shown": shown_by_method[m], "right": right_by_method[m],
                "precision": round(right_by_method[m] / shown_by_method[m], 4)}
            for m in sorted(shown_by_method)
        },
    }


def reliability(pairs: list[tuple[float, bool]]) -> dict[str, Any]:
    """Confidence bins against observed precision, and the expected calibration error
    (the bins' |precision - mean confidence| weighted by their share of relations)."""
    bins: list[list[tuple[float, bool]]] = [[] for _ in range(BINS)]
    for confidence, right in pairs:
        bins[min(BINS - 1, int(confidence * BINS))].append((confidence, right))
    rows, ece = [], 0.0
    for n, items in enumerate(bins):
        if not items:
            continue
        mean = sum(c for c, _ in items) / len(items)
        observed = sum(r for _, r in items) / len(items)
        ece += abs(observed - mean) * len(items) / len(pairs)
        rows.append({"bin": f"{n / BINS:.1f}-{(n + 1) / BINS:.1f}", "relations": len(items),
                     "mean_confidence": round(mean, 3), "precision": round(observed, 3)})
    return {"relations": len(pairs), "ece": round(ece, 4), "bins": rows}


def evaluate_gold(gold_dir: Path, bbc_path: Path, split: str, model: str | None,
                  floor: float | None = None) -> tuple[dict[str, Any], list[ArticleResult]]:
    """Score the split's articles; relations are shown from ``floor`` up (default: the
    shipped default floor, what an analyst sees)."""
    import time

    from newsgraph.queries.filters import DEFAULT_MIN_CONFIDENCE

    floor = DEFAULT_MIN_CONFIDENCE if floor is None else floor

    started = time.perf_counter()
    articles, missing = load_gold(gold_dir, split)
    rows = bbc_rows(bbc_path, {a.id for a in articles if a.source != "page"}) if bbc_path.is_file() else {}
    results = []
    for article in articles:
        res = ingest_article(article, rows.get(article.id), gold_dir, model, floor)
        if res is not None:
            results.append(res)
    problems = [p for a in articles for p in a.problems]
    pairs = [(e.confidence, e.right) for res in results for e in res.edges]
    floors = {}
    total_gold = sum(len(res.gold.relations) for res in results)
    for level in (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9):
        shown = [e for res in results for e in res.edges if e.confidence >= level]
        right = sum(e.right for e in shown)
        found = sum(len({id(g) for e in res.edges if e.confidence >= level and e.right
                         for g in [res.gold.relation_right(*_ends(res, e))] if g is not None}) for res in results)
        floors[str(level)] = {"shown": len(shown), "precision": round(right / len(shown), 4) if shown else None,
                                  "recall": round(found / total_gold, 4) if total_gold else None}
    return {
        "split": split, "articles": len(results), "missing_labels": missing, "problems": problems,
        "default_min_confidence": DEFAULT_MIN_CONFIDENCE, "min_confidence": floor,
        "seconds": round(time.perf_counter() - started, 1),
        "entities": entity_summary(results),
        "relations": relation_summary(results),
        "calibration": reliability(pairs),
        "floors": floors,
    }, results


def _ends(res: ArticleResult, e: Edge) -> tuple[set[int], str, set[int]]:
    gold_of = {n.id: n.gold for n in res.nodes + res.edge_nodes}
    return gold_of.get(e.head, set()), e.type, gold_of.get(e.tail, set())


def print_gold(report: dict[str, Any]) -> None:
    e, r, c = report["entities"], report["relations"], report["calibration"]
    at = ("the default output" if report["min_confidence"] == report["default_min_confidence"]
          else "--min-confidence (not the default)")
    print(f"\nnewsgraph gold {report['split']}: {report['articles']} articles at {at} "
          f"(min confidence {report['min_confidence']}), {report['seconds']} s")
    if report["missing_labels"]:
        print(f"  labels not written yet: {len(report['missing_labels'])} ({', '.join(report['missing_labels'][:6])}"
              f"{', …' if len(report['missing_labels']) > 6 else ''})")
    for p in report["problems"]:
        print(f"  label problem: {p}")
    print(f"  entities: P {e['precision']:.3f} [{e['precision_95'][0]:.3f}, {e['precision_95'][1]:.3f}]  R {e['recall']:.3f}  "
          f"F1 {e['f1']:.3f}   ({e['nodes']} nodes, {e['gold_entities']} gold)")
    print(f"    typed precision {e['typed_precision']:.3f}; junk nodes {e['junk_nodes']} (furniture {e['furniture_junk_nodes']}, "
          f"named in furniture {e['furniture_named_junk_nodes']}, "
          f"excluded names {e['excluded_junk_nodes']}); duplicates {e['duplicate_nodes']} ({e['duplicate_rate']:.1%} of entities); "
          f"wrong merges {e['wrong_merges']}; wrong types {e['wrong_types']}")
    print(f"  relations: P {r['precision']:.3f} [{r['precision_95'][0]:.3f}, {r['precision_95'][1]:.3f}]  R {r['recall']:.3f}  "
          f"F1 {r['f1']:.3f}   ({r['right']}/{r['shown']} shown right, {r['found']}/{r['gold']} gold found, "
          f"{r['traps_shown']} traps shown)")
    print(f"    {'type':18} {'shown':>6} {'P':>6} {'gold':>5} {'R':>6}")
    for t, s in r["per_type"].items():
        p = f"{s['precision']:.3f}" if s["precision"] is not None else "-"
        rr = f"{s['recall']:.3f}" if s["recall"] is not None else "-"
        print(f"    {t:18} {s['shown']:6} {p:>6} {s['gold']:5} {rr:>6}")
    print(f"    {'method':18} {'shown':>6} {'P':>6}")
    for m, s in r["per_method"].items():
        print(f"    {m:18} {s['shown']:6} {s['precision']:6.3f}")
    print(f"  calibration (every typed relation in the store, {c['relations']}): ECE {c['ece']:.3f}")
    print(f"    {'confidence':12} {'relations':>9} {'mean':>6} {'P':>6}")
    for b in c["bins"]:
        print(f"    {b['bin']:12} {b['relations']:9} {b['mean_confidence']:6.3f} {b['precision']:6.3f}")
    print("  relations at other floors (--min-confidence):")
    for floor, f in report["floors"].items():
        p = f"{f['precision']:.3f}" if f["precision"] is not None else "-"
        print(f"    ≥ {floor}  shown {f['shown']:4}  P {p}  R {f['recall']:.3f}")


def print_errors(results: list[ArticleResult], floor: float) -> None:
    for res in results:
        names = {n.id: n.name for n in res.nodes + res.edge_nodes}
        lines = []
        for e in res.shown:
            if not e.right:
                tag = "TRAP" if e.trap else "FP"
                lines.append(f"  {tag} {names.get(e.head, e.head)} {e.type} {names.get(e.tail, e.tail)} "
                             f"[{e.method} {e.confidence:.2f}] {e.sentence[:160]!r}")
        for e in res.edges:
            if e.right and e.confidence < floor:
                lines.append(f"  HIDDEN-RIGHT {names.get(e.head, e.head)} {e.type} {names.get(e.tail, e.tail)} [{e.method} {e.confidence:.2f}]")
        ents = res.gold.entities
        for n, g in enumerate(res.gold.relations):
            if n not in res.found:
                tails = "/".join(ents[t].name for t in g.tails)
                lines.append(f"  FN {ents[g.head].name} {g.type} {tails} {g.sentence[:160]!r}")
        per_gold: dict[int, list[str]] = defaultdict(list)
        for node in res.nodes:
            if not node.gold:
                lines.append(f"  JUNK {node.type} {node.name!r}")
            elif len(node.gold) > 1:
                lines.append(f"  MERGE {node.name!r} = {', '.join(ents[g].name for g in sorted(node.gold))}")
            elif all(ents[g].type != node.type for g in node.gold):
                lines.append(f"  TYPE {node.name!r} {node.type} (gold {ents[next(iter(node.gold))].type})")
            for g in node.gold:
                per_gold[g].append(node.name)
        for g, found in per_gold.items():
            if len(found) > 1:
                lines.append(f"  DUP {ents[g].name}: {', '.join(repr(x) for x in found)}")
        matched = set(per_gold)
        for ent in ents:
            if ent.number not in matched:
                lines.append(f"  MISSED {ent.type} {ent.name!r}")
        if lines:
            print(f"\n{res.id}")
            print("\n".join(lines))

