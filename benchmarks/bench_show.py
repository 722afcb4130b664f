"""Where the time of `newsgraph show` goes, on an existing store.

    python benchmarks/bench_show.py --db bbc.db "George W Bush" --depth 1 2 3

For each depth: the indexed walk that finds the ego network's entity ids, building its
NetworkX graph (graph/nxview.build_graph with entity_ids), gathering the page data
(evidence, documents), rendering the HTML and counting what the confidence floor hides
(the floor-0 walk a non-JSON ``show`` adds, show.below_floor); as a baseline, build_graph of the whole
store in the same run. Prints seconds (best of --repeat) and each stage as a ratio to
the baseline. Nothing is timed in the tests; this script is the measurement.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any, Callable

from newsgraph import KnowledgeGraph
from newsgraph.graph.nxview import build_graph
from newsgraph.graph.relation_filter import RelationFilter
from newsgraph.graph.reads import ego_walk
from newsgraph.show import EgoNetwork, EgoOptions, _relation_filter, below_floor, page_data, render_html


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("name")
    ap.add_argument("--db", required=True)
    ap.add_argument("--depth", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--cooccurrence", action="store_true")
    ap.add_argument("--max-nodes", type=int, default=150)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if not Path(args.db).exists():
        print(f"no store at {args.db}: ingest something first (newsgraph ingest ... --db {args.db})", file=sys.stderr)
        return 1
    with KnowledgeGraph.open(args.db) as kg:
        stats = kg.stats()
        print(f"store {args.db}: {stats['documents']} documents, {stats['entities']} entities, "
              f"{stats['relations']} relations, {stats['evidence']} evidence rows")
        center = kg.resolve(args.name)
        flt = RelationFilter(include_cooccurrence=args.cooccurrence)
        base, whole = best(lambda: build_graph(kg.store, flt), args.repeat)
        print(f"baseline build_graph(whole store): {base:.3f}s ({whole.number_of_nodes()} nodes, "
              f"{whole.number_of_edges()} edges)")
        print("depth  nodes  edges  walk s (x)      build_graph s (x)  page data s (x)   render s (x)     below floor s (x)  page KB")
        for depth in args.depth:
            opts = EgoOptions(depth=depth, include_cooccurrence=args.cooccurrence, max_nodes=args.max_nodes)
            t_walk, (hops, cut) = best(lambda: ego_walk(kg.store, center, opts.depth, opts, opts.max_nodes), args.repeat)
            t_build, graph = best(lambda: build_graph(kg.store, _relation_filter(opts), entity_ids=set(hops)), args.repeat)
            ego = EgoNetwork(center=center, graph=graph, hops=hops, truncated=cut)
            t_data, data = best(lambda: page_data(kg, ego, opts), args.repeat)
            t_render, html = best(lambda: render_html(data), args.repeat)
            t_floor, _hidden = best(lambda: below_floor(kg, opts, ego), args.repeat)
            print(f"{depth:>5}  {graph.number_of_nodes():>5}{'*' if cut else ' '} {graph.number_of_edges():>5}  "
                  f"{t_walk:.4f} ({t_walk / base:.3f})  {t_build:.3f} ({t_build / base:.2f})     "
                  f"{t_data:.3f} ({t_data / base:.2f})    {t_render:.3f} ({t_render / base:.2f})   "
                  f"{t_floor:.3f} ({t_floor / base:.2f})      {len(html.encode()) / 1024:.0f}")
        print("(x) = ratio to the baseline; * = cut at --max-nodes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
