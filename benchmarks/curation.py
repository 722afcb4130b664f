"""Speed of the analyst's corrections (issue 15): merge, replay on ingest, search.

    python benchmarks/curation.py                       # the README figures
    python benchmarks/curation.py --relations 500 --corrections 50 --search-entities 20000   # a quick check
    python benchmarks/curation.py --only merge --repeat 9 --background 200000   # the merge in a larger store

1. **merge**: two organisations with ``--relations`` relations each (half of them to the
   same partners, so half fold into existing edges: evidence moved, weights summed) are
   merged by ``KnowledgeGraph.merge``; then ``corrections undo``. Median of ``--repeat``
   runs, each on a fresh copy of the store.
2. **replay**: the same ``--articles`` new extracted articles are stored (``ingest_extracted``,
   the writer's whole path: rules, then the store) into two copies of one store, one with
   ``--corrections`` corrections in its log (merges, alias adds, renames, rejects, confirms,
   a quarter of them touching names the new articles use). The overhead is the time
   difference over the time without corrections: the store's part only, so the share of a
   real ingest (where spaCy's parse is most of the time) is smaller still.
3. **search**: ``KnowledgeGraph.search`` on a store of ``--search-entities`` entities with
   two aliases each: median time per query over typos, prefixes, initials, exact names.

Articles and entities are synthetic (names from a seeded generator); nothing here needs
the datasets or a model.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from newsgraph import KnowledgeGraph
from newsgraph.graph.corrections import Rules
from newsgraph.graph.model import EntityMention, ExtractedDocument, ExtractedEntity, ExtractedRelation

SYLLABLES = ["ka", "ro", "mi", "tan", "sel", "vo", "ri", "den", "lu", "ba", "nor", "ti", "gra", "phe", "us", "lin",
             "mar", "co", "zu", "bel", "ost", "qui", "an", "der"]


def name(rng: random.Random, words: int = 2) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize() for _ in range(words))


def entity(eid: str, label: str, etype: str = "Organization", aliases: set[str] | None = None) -> ExtractedEntity:
    return ExtractedEntity(id=eid, name=label, type=etype, aliases=aliases or set(), mentions=1)


def relation(head: str, tail: str, rtype: str, n: int) -> ExtractedRelation:
    sentence = f"Sentence {n} says {head} and {tail} are linked."
    return ExtractedRelation(head=head, tail=tail, type=rtype, method="dep", confidence=0.7, sentence=sentence,
                             start=n * 60, end=n * 60 + len(sentence), predicate="link")


def document(doc_id: str, entities: list[ExtractedEntity], relations: list[ExtractedRelation]) -> ExtractedDocument:
    d = ExtractedDocument(id=doc_id, text_length=5000, source=f"{doc_id}.txt", title=doc_id, published="2025-03-01")
    d.entities = entities
    d.mentions = [EntityMention(e.id, e.name, i, i + 1, 0) for i, e in enumerate(entities)]
    d.relations = relations
    return d


# -- 1. merge ---------------------------------------------------------------------------------
def merge_store(path: Path, relations: int, background: int = 0) -> None:
    """Alpha and Beta with ``relations`` MET_WITH edges each, 50 per article; Alpha's
    partners are Beta's for the first half (those edges fold on merge). ``background``:
    as many other relations among 5,000 other organisations, 50 per article, so the merge
    runs in a store that holds more than the two (a statement that scans a table shows)."""
    per_doc = 50
    docs = []
    rng = random.Random(3)
    for n in range(background // per_doc):
        ids = [f"org:b{rng.randrange(5000)}" for _ in range(2 * per_doc)]
        ents = {i: entity(i, i.split(":")[1].upper()) for i in ids}
        rels = [relation(ids[2 * k], ids[2 * k + 1], "MET_WITH", k) for k in range(per_doc) if ids[2 * k] != ids[2 * k + 1]]
        docs.append(document(f"b{n}", list(ents.values()), rels))
    for n in range(relations // per_doc):
        ents = [entity("org:alpha", "Alpha"), entity("org:beta", "Beta")]
        rels = []
        for k in range(per_doc):
            i = n * per_doc + k
            shared = f"org:p{i}"
            own = shared if i < relations // 2 else f"org:q{i}"
            ents.append(entity(shared, f"P{i}"))
            if own != shared:
                ents.append(entity(own, f"Q{i}"))
            rels.append(relation("org:alpha", own, "MET_WITH", 2 * k))
            rels.append(relation("org:beta", shared, "MET_WITH", 2 * k + 1))
        docs.append(document(f"m{n}", ents, rels))
    with KnowledgeGraph.open(path) as kg:
        kg.ingest_extracted(docs)


def bench_merge(tmp: Path, relations: int, repeat: int, background: int = 0) -> None:
    base = tmp / "merge-base.db"
    merge_store(base, relations, background)
    with KnowledgeGraph.open(base) as kg:
        n_alpha = kg.store.conn.execute("SELECT count(*) FROM relations WHERE head = 'org:alpha'").fetchone()[0]
        n_beta = kg.store.conn.execute("SELECT count(*) FROM relations WHERE head = 'org:beta'").fetchone()[0]
    merges, undos, merge_cpu = [], [], []
    for r in range(repeat):
        db = tmp / f"merge-{r}.db"
        shutil.copy(base, db)
        with KnowledgeGraph.open(db) as kg:
            t, c = time.perf_counter(), time.process_time()
            kg.merge(["Alpha", "Beta"])
            merges.append(time.perf_counter() - t)
            merge_cpu.append(time.process_time() - c)
            after = kg.store.conn.execute("SELECT count(*) FROM relations WHERE head = 'org:beta'").fetchone()[0]
            t = time.perf_counter()
            kg.undo(1)
            undos.append(time.perf_counter() - t)
        db.unlink()
    # CPU time beside the wall time: on a shared machine the wall time is mostly waiting.
    print(f"merge: Alpha ({n_alpha} relations) into Beta ({n_beta}) -> {after} relations"
          f"{f', {background:,} other relations in the store' if background else ''}: "
          f"median {statistics.median(merges):.3f} s over {repeat} runs (min {min(merges):.3f}, CPU median "
          f"{statistics.median(merge_cpu):.3f} s); undo median {statistics.median(undos):.3f} s")


# -- 2. replay ---------------------------------------------------------------------------------
def replay_corpus(rng: random.Random, articles: int, offset: int, names: list[tuple[str, str]]) -> list[ExtractedDocument]:
    """Articles of 12 entities each drawn from ``names`` (so later ones meet the stored
    entities and the rules about them), 20 relations each."""
    docs = []
    for n in range(articles):
        picked = rng.sample(names, 12)
        ents = [entity(eid, label, aliases={label.split()[-1]}) for eid, label in picked]
        rels = [relation(rng.choice(picked)[0], rng.choice(picked)[0], rng.choice(["MET_WITH", "VISITED", "CRITICISED"]), k)
                for k in range(20)]
        rels = [r for r in rels if r.head != r.tail]
        docs.append(document(f"r{offset + n}", ents, rels))
    return docs


def bench_replay(tmp: Path, articles: int, corrections: int, repeat: int) -> None:
    rng = random.Random(15)
    labels = sorted({name(rng) for _ in range(6000)})
    names = [(f"org:{label.lower().replace(' ', '-')}", label) for label in labels][:5000]
    base = tmp / "replay-base.db"
    with KnowledgeGraph.open(base) as kg:
        kg.ingest_extracted(replay_corpus(rng, 1000, 0, names))
    corrected = tmp / "replay-corrected.db"
    shutil.copy(base, corrected)
    with KnowledgeGraph.open(corrected) as kg:
        conn = kg.store.conn
        stored = [r[0] for r in conn.execute("SELECT id FROM entities ORDER BY id")]
        rel_ids = [r[0] for r in conn.execute("SELECT id FROM relations ORDER BY id")]
        rng.shuffle(stored)
        rng.shuffle(rel_ids)
        made = 0
        while made < corrections:
            kind = made % 5
            try:
                if kind == 0:
                    a, b = stored.pop(), stored.pop()
                    kg.merge([a, b])
                elif kind == 1:
                    kg.alias("add", stored[made % len(stored)], f"Alias {made}")
                elif kind == 2:
                    kg.rename(stored[made % len(stored)], f"Renamed {made}")
                elif kind == 3:
                    kg.reject(rel_ids.pop())
                else:
                    kg.confirm(rel_ids.pop())
            except Exception:  # a relation folded away by an earlier merge: pick another
                continue
            made += 1
    new_docs = replay_corpus(random.Random(16), articles, 10_000, names)
    plain_times, corrected_times = [], []
    for r in range(repeat):
        for src, times in ((base, plain_times), (corrected, corrected_times)):
            db = tmp / f"replay-run-{r}.db"
            shutil.copy(src, db)
            docs = [ExtractedDocument.from_dict(d.to_dict()) for d in new_docs]  # rules rewrite documents in place
            with KnowledgeGraph.open(db) as kg:
                t = time.perf_counter()
                kg.ingest_extracted(docs)
                times.append(time.perf_counter() - t)
            db.unlink()
    # The rules' own cost: compiling the log and rewriting every new article, on the
    # corrected store (the end-to-end difference also holds the work the corrections save:
    # rejected edges and merged entities are rows not written).
    rule_times = []
    with KnowledgeGraph.open(corrected, readonly=True) as kg:
        for _ in range(repeat):
            docs = [ExtractedDocument.from_dict(d.to_dict()) for d in new_docs]
            t = time.perf_counter()
            rules = Rules(kg.store.conn)
            for d in docs:
                rules.apply(d)
            rule_times.append(time.perf_counter() - t)
    plain, fixed, rules_s = statistics.median(plain_times), statistics.median(corrected_times), statistics.median(rule_times)
    print(f"replay: {articles} new articles stored in {plain:.3f} s without corrections, {fixed:.3f} s with "
          f"{corrections} in the log ({100 * (fixed - plain) / plain:+.1f}%, median of {repeat}); the rules themselves "
          f"(compile the log, rewrite every article) {1000 * rules_s:.1f} ms = {100 * rules_s / plain:.2f}% of the store's time")


# -- 3. search ---------------------------------------------------------------------------------
def search_store(db: Path, entities: int, rng: random.Random) -> list[str]:
    """``entities`` synthetic people (two-word names, the surname as an alias), 1,000 per
    article, stored at ``db``; their names. benchmarks/serve_load.py --synthetic uses it too."""
    per_doc = 1000
    labels: list[str] = []
    with KnowledgeGraph.open(db) as kg:
        for n in range(0, entities, per_doc):
            batch = [name(rng, 2) for _ in range(per_doc)]
            labels += batch
            ents = [ExtractedEntity(id=f"person:e{n + i}", name=label, type="Person",
                                    aliases={label.split()[-1]}, mentions=1) for i, label in enumerate(batch)]
            kg.store.add_documents([document(f"s{n}", ents, [])])
    return labels


def bench_search(tmp: Path, entities: int, repeat: int) -> None:
    rng = random.Random(7)
    db = tmp / "search.db"
    labels = search_store(db, entities, rng)
    queries = []
    for label in rng.sample(labels, 20):
        first, last = label.split()
        queries += [label, label.lower(), label[:-1] + "x", f"{first[0]} {last}", label[: max(3, len(label) // 2)]]
    times = []
    with KnowledgeGraph.open(db, readonly=True) as kg:
        kg.search(queries[0])  # warm the page cache
        for _ in range(repeat):
            for q in queries:
                t = time.perf_counter()
                kg.search(q)
                times.append(time.perf_counter() - t)
    times.sort()
    print(f"search: {entities:,} entities, {len(queries)} queries x {repeat}: median {1000 * statistics.median(times):.1f} ms, "
          f"p90 {1000 * times[int(0.9 * len(times))]:.1f} ms, max {1000 * times[-1]:.1f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--relations", type=int, default=10_000, help="relations of each merged entity")
    parser.add_argument("--background", type=int, default=0, help="other relations in the merge's store")
    parser.add_argument("--articles", type=int, default=1000, help="new articles stored in the replay run")
    parser.add_argument("--corrections", type=int, default=1000, help="corrections in the log for the replay run")
    parser.add_argument("--search-entities", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=["merge", "replay", "search"])
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ng-curation-") as tmp:
        if args.only in (None, "merge"):
            bench_merge(Path(tmp), args.relations, args.repeat, args.background)
        if args.only in (None, "replay"):
            bench_replay(Path(tmp), args.articles, args.corrections, args.repeat)
        if args.only in (None, "search"):
            bench_search(Path(tmp), args.search_entities, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
