"""Cypher on the embedded graph: grand-cypher over a NetworkX MultiDiGraph built from the store.

The graph has the schema of the Neo4j push (see ``newsgraph.graph.nxview``): nodes
labelled ``Entity`` plus their type, relationships typed by relation type, the same
property names. grand-cypher implements a subset of Cypher with a few quirks, so the
query is lexed first and:

- ``$name`` parameters are substituted as literals (grand-cypher has none);
- 'single-quoted' strings become "double-quoted" ones, ``count(...)`` and the other
  aggregations are upper-cased, ``count(*)`` counts the first node of the pattern,
  ``x.p IS NOT NULL`` becomes ``NOT x.p IS NULL``;
- every RETURN item gets an internal alias so that columns come back in RETURN order
  and are named as Neo4j names them (the alias, else the expression as written);
- ``DISTINCT`` with ``SKIP``/``LIMIT`` is applied here (grand-cypher loses aliased
  columns under DISTINCT);
- undirected relationships (grand-cypher would demand edges both ways) run as directed
  ones on a graph holding every relationship both ways, when none has a direction;
- what grand-cypher would silently get wrong or cannot do is refused with one line
  (``UnsupportedQuery``): writes, ``OPTIONAL MATCH``, ``WITH``, ``UNWIND``, ``UNION``,
  ``CALL``, ``CASE``, comma-separated patterns, mixed directed and undirected patterns, ...

Only the part of the graph the query can touch is built: the relation types named on
every relationship of the pattern, the entity types named on every node. The built
graph is cached in the process and, when large enough to be worth it, in a pickle
beside the database, keyed on the store's id and ``data_version``: any ingest makes a
new key.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import networkx as nx

from newsgraph.errors import QueryError, UnsupportedQuery
from newsgraph.graph.model import ENTITY_TYPES
from newsgraph.graph.nxview import GraphFilter, build_graph, node_attributes
from newsgraph.graph.store import Store
from newsgraph.queries.gcpause import no_gc
from newsgraph.queries.results import make_result

__all__ = ["run_cypher", "GraphSpec", "graph_spec", "prepare", "cached_graph", "clear_cache"]

# A graph with at least this many edges is also cached as a pickle beside the db: below
# it, rebuilding from SQLite is about as quick as unpickling (see benchmarks/queries.py).
PICKLE_MIN_EDGES = 20_000
MEMORY_CACHE_SIZE = 4

# -- lexing ------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>//[^\n]*)
  | (?P<str>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<bt>`[^`]*`)
  | (?P<param>\$[A-Za-z_][A-Za-z_0-9]*)
  | (?P<num>\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)
  | (?P<word>[A-Za-z_][A-Za-z_0-9]*)
  | (?P<punct><>|<=|>=|=~|\.\.|[-<>=+*/%(){}\[\],.:|;!^])
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass
class Token:
    kind: str
    text: str
    orig: str = ""  # as the user wrote it: columns are named from this

    def __post_init__(self) -> None:
        self.orig = self.orig or self.text


def tokenize(query: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    while pos < len(query):
        m = _TOKEN.match(query, pos)
        if m is None:
            if query[pos] in "'\"":
                raise QueryError(detail=f"unterminated string starting at column {pos + 1}")
            raise QueryError(detail=f"unexpected character {query[pos]!r} at column {pos + 1}")
        kind = m.lastgroup or "punct"
        tokens.append(Token(kind, m.group()))
        pos = m.end()
    return tokens


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "'": "'", '"': '"', "\\": "\\"}


def _string_value(literal: str) -> str:
    body = literal[1:-1]
    out: list[str] = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            if nxt == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", body[i + 2 : i + 6]):
                out.append(chr(int(body[i + 2 : i + 6], 16)))
                i += 6
                continue
            out.append(_ESCAPES.get(nxt, "\\" + nxt))
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _literal(value: Any, name: str) -> str:
    """A parameter value written as a grand-cypher literal."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)  # ASCII escapes: grand-cypher evaluates string literals as Python
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_literal(v, name) for v in value) + "]"
    raise UnsupportedQuery(detail=f"parameter ${name} is a {type(value).__name__}; only strings, numbers, booleans, null and lists are")


# -- preparing the query -------------------------------------------------------------------

# Clauses and constructs grand-cypher lacks (or would parse and then answer wrongly).
_WRITE_WORDS = {"CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP"}
_UNSUPPORTED_WORDS = {
    "OPTIONAL": "OPTIONAL MATCH",
    "WITH": "WITH",
    "UNWIND": "UNWIND",
    "UNION": "UNION",
    "CALL": "CALL",
    "YIELD": "YIELD",
    "FOREACH": "FOREACH",
    "LOAD": "LOAD CSV",
    "CASE": "CASE expressions",
    "USE": "USE",
    "EXPLAIN": "EXPLAIN",
    "PROFILE": "PROFILE",
    "XOR": "XOR",
    "SHORTESTPATH": "shortestPath()",
    "ALLSHORTESTPATHS": "allShortestPaths()",
    "REDUCE": "reduce()",
    "EXISTS": None,  # EXISTS { subquery } is supported; exists(x.prop) is not
}
_AGGREGATIONS = {"COUNT", "SUM", "AVG", "MAX", "MIN", "COLLECT"}


@dataclass
class Prepared:
    text: str  # what grand-cypher runs
    columns: list[str]  # Neo4j-style column names, in RETURN order
    keys: list[str]  # grand-cypher result keys, same order
    distinct: bool
    skip: int
    limit: int | None
    aggregates: list[str | None]  # per column: the aggregation it is (COUNT, ...), else None
    bare: list[str | None]  # per column: the variable, when the item is just a variable
    undirected: bool = False  # relationships rewritten to run on the both-ways graph


def _significant(tokens: list[Token]) -> list[int]:
    return [i for i, t in enumerate(tokens) if t.kind not in ("ws", "comment")]


def _check_balanced(tokens: list[Token]) -> None:
    pairs = {")": "(", "]": "[", "}": "{"}
    stack: list[str] = []
    for t in tokens:
        if t.kind != "punct":
            continue
        if t.text in "([{":
            stack.append(t.text)
        elif t.text in pairs:
            if not stack or stack[-1] != pairs[t.text]:
                raise QueryError(detail=f"unbalanced {t.text!r}")
            stack.pop()
    if stack:
        raise QueryError(detail=f"unclosed {stack[-1]!r}")


def _check_supported(tokens: list[Token], sig: list[int]) -> None:
    for n, i in enumerate(sig):
        t = tokens[i]
        prev = tokens[sig[n - 1]].text if n else ""
        nxt = tokens[sig[n + 1]].text if n + 1 < len(sig) else ""
        if t.kind == "bt":
            raise UnsupportedQuery(detail=f"backtick-quoted names ({t.text})")
        if t.kind == "punct" and t.text == "=~":
            raise UnsupportedQuery(detail="regular-expression matching (=~)")
        if t.kind == "punct" and t.text == ";" and n + 1 < len(sig):
            raise UnsupportedQuery(detail="several statements in one query")
        if t.kind != "word" or prev in (".", ":") or nxt == ":":
            continue  # a property name, a label or a map key
        word = t.text.upper()
        if word in _WRITE_WORDS:
            raise UnsupportedQuery(
                detail=f"{word} (the embedded graph is read-only: ingest articles to change it, or write in Neo4j with --neo4j URI --write)"
            )
        if word == "WITH" and prev.upper() in ("STARTS", "ENDS"):
            continue
        if word in _UNSUPPORTED_WORDS:
            if word == "EXISTS":
                if nxt == "(":
                    raise UnsupportedQuery(detail="exists(...) as a function (use x.prop IS NOT NULL, or EXISTS { MATCH ... })")
                continue
            raise UnsupportedQuery(detail=str(_UNSUPPORTED_WORDS[word]))
        if word == "RETURN" and nxt == "*":
            raise UnsupportedQuery(detail="RETURN * (name the columns)")
        if word == "DISTINCT" and n and tokens[sig[n - 1]].text == "(":
            raise UnsupportedQuery(detail="DISTINCT inside an aggregation")


def _check_patterns(tokens: list[Token], sig: list[int]) -> list[int]:
    """Refuses comma-separated patterns (grand-cypher cannot parse them); finds the
    undirected relationships, which grand-cypher answers wrongly (it demands edges both
    ways): they are run as directed ones on a graph holding every relationship both ways,
    which is what Neo4j's undirected match sees, so only when no relationship of the query
    has a direction."""
    texts = [tokens[i].text for i in sig]
    upper = [t.upper() if tokens[i].kind == "word" else t for t, i in zip(texts, sig)]
    in_match = False
    depth = 0
    for n, t in enumerate(upper):
        if t in ("(", "[", "{"):
            depth += 1
        elif t in (")", "]", "}"):
            depth -= 1
        elif t == "MATCH":
            in_match = True
        elif t in ("WHERE", "RETURN"):
            in_match = False
        elif t == "," and in_match and depth == 0 and texts[n - 1] == ")":
            raise UnsupportedQuery(detail="comma-separated patterns in MATCH (write one MATCH per pattern)")
    undirected: list[int] = []  # sig positions of the closing '-' of undirected relationships
    directed = 0
    for n, t in enumerate(texts):
        # A relationship is ')' '<'? '-' ('[' ... ']')? '-' '>'? '('.
        if t != ")" or n + 2 >= len(texts):
            continue
        k = n + 1
        left = texts[k] == "<"
        if left:
            k += 1
        if k >= len(texts) or texts[k] != "-":
            continue
        k += 1
        variable_length = False
        if k < len(texts) and texts[k] == "[":
            while k < len(texts) and texts[k] != "]":
                variable_length = variable_length or texts[k] == "*"
                k += 1
            k += 1
        if k >= len(texts) or texts[k] != "-":
            continue
        right = k + 1 < len(texts) and texts[k + 1] == ">"
        if left or right:
            directed += 1
            continue
        if variable_length:
            raise UnsupportedQuery(detail="variable-length relationships without a direction (give one: -[*1..3]->)")
        undirected.append(k)
    if undirected and directed:
        raise UnsupportedQuery(
            detail="directed and undirected relationships in one query (give every relationship a direction, or none)"
        )
    return undirected


def prepare(query: str, params: dict[str, Any] | None = None) -> Prepared:
    """Rewrite a Cypher query into what grand-cypher runs and answers correctly."""
    params = params or {}
    if not query.strip():
        raise QueryError(detail="empty query")
    tokens = tokenize(query)
    _check_balanced(tokens)
    for t in tokens:
        if t.kind == "param":
            name = t.text[1:]
            if name not in params:
                raise QueryError(detail=f"missing parameter ${name} (pass --param {name}=VALUE)")
            t.kind, t.text = "lit", _literal(params[name], name)
        elif t.kind == "str":
            t.text = json.dumps(_string_value(t.text))
    sig = _significant(tokens)
    _check_supported(tokens, sig)
    undirected = _check_patterns(tokens, sig)
    for k in undirected:
        tokens[sig[k]].text = "->"
    if tokens[sig[-1]].text == ";":
        tokens[sig[-1]].text = ""
        sig = sig[:-1]

    # Aggregations in upper case, count(*) on the first node, IS NOT NULL.
    first_var = _first_node_variable(tokens, sig)
    for n, i in enumerate(sig):
        t = tokens[i]
        nxt = tokens[sig[n + 1]].text if n + 1 < len(sig) else ""
        if t.kind == "word" and t.text.upper() in _AGGREGATIONS and nxt == "(":
            t.text = t.text.upper()
            if t.text == "COUNT" and n + 3 < len(sig) and tokens[sig[n + 2]].text == "*" and tokens[sig[n + 3]].text == ")":
                if first_var is None:
                    raise UnsupportedQuery(detail="count(*) when the first node has no variable (use count(n))")
                tokens[sig[n + 2]].text = first_var
        if t.kind == "word" and t.text.upper() == "IS" and n + 2 < len(sig):
            a, b = tokens[sig[n + 1]], tokens[sig[n + 2]]
            if a.text.upper() == "NOT" and b.text.upper() == "NULL":
                # x.p IS NOT NULL -> NOT x.p IS NULL, where x.p is the 3 tokens before IS
                if n < 3 or tokens[sig[n - 2]].text != ".":
                    raise UnsupportedQuery(detail="IS NOT NULL on anything but a property (x.prop IS NOT NULL)")
                tokens[sig[n - 3]].text = "NOT " + tokens[sig[n - 3]].text
                a.text = ""
    for t in tokens:
        if not t.text.strip():
            t.kind = "ws"
    sig = _significant(tokens)
    prepared = _rewrite_return(tokens, sig)
    prepared.undirected = bool(undirected)
    return prepared


def _first_node_variable(tokens: list[Token], sig: list[int]) -> str | None:
    for n, i in enumerate(sig):
        if tokens[i].kind == "word" and tokens[i].text.upper() == "MATCH":
            if n + 2 < len(sig) and tokens[sig[n + 1]].text == "(" and tokens[sig[n + 2]].kind == "word":
                return tokens[sig[n + 2]].text
            return None
    return None


def _rewrite_return(tokens: list[Token], sig: list[int]) -> Prepared:
    depth = 0
    ret = None
    for n, i in enumerate(sig):
        t = tokens[i]
        if t.text in ("(", "[", "{"):
            depth += 1
        elif t.text in (")", "]", "}"):
            depth -= 1
        elif depth == 0 and t.kind == "word" and t.text.upper() == "RETURN":
            ret = n
    if ret is None:
        raise QueryError(detail="no RETURN clause (the embedded graph only answers MATCH ... RETURN ...)")
    # The RETURN items end at ORDER BY / SKIP / LIMIT at depth 0.
    end = len(sig)
    depth = 0
    for n in range(ret + 1, len(sig)):
        t = tokens[sig[n]]
        if t.text in ("(", "[", "{"):
            depth += 1
        elif t.text in (")", "]", "}"):
            depth -= 1
        elif depth == 0 and t.kind == "word" and t.text.upper() in ("ORDER", "SKIP", "LIMIT"):
            end = n
            break
    start = ret + 1
    distinct = start < end and tokens[sig[start]].kind == "word" and tokens[sig[start]].text.upper() == "DISTINCT"
    if distinct:
        tokens[sig[start]].text = ""
        start += 1
    items: list[list[int]] = [[]]
    depth = 0
    for n in range(start, end):
        t = tokens[sig[n]]
        if t.text in ("(", "[", "{"):
            depth += 1
        elif t.text in (")", "]", "}"):
            depth -= 1
        if depth == 0 and t.text == ",":
            items.append([])
        else:
            items[-1].append(n)
    if any(not item for item in items):
        raise QueryError(detail="empty item in RETURN")
    columns: list[str] = []
    keys: list[str] = []
    aggregates: list[str | None] = []
    bare: list[str | None] = []
    for k, item in enumerate(items):
        aggregates.append(_aggregate_of(tokens, sig, item))
        body = item[:-2] if len(item) >= 3 and tokens[sig[item[-2]]].text.upper() == "AS" else item
        bare.append(tokens[sig[body[0]]].text if len(body) == 1 and tokens[sig[body[0]]].kind == "word" else None)
        if (
            len(item) >= 3
            and tokens[sig[item[-2]]].kind == "word"
            and tokens[sig[item[-2]]].text.upper() == "AS"
            and tokens[sig[item[-1]]].kind == "word"
        ):
            alias = tokens[sig[item[-1]]].text
            columns.append(alias)
            keys.append(alias)
            continue
        first, last = sig[item[0]], sig[item[-1]]
        written = "".join(t.orig for t in tokens[first : last + 1]).strip()
        columns.append(written)
        key = f"__c{k}"
        keys.append(key)
        tokens[last].text += f" AS {key}"
    if len(set(columns)) != len(columns):
        raise QueryError(detail="two RETURN columns have the same name; use AS to tell them apart")
    skip, limit = 0, None
    if distinct:
        # Take SKIP/LIMIT out and apply them after de-duplication.
        for n in range(end, len(sig)):
            t = tokens[sig[n]]
            if t.kind == "word" and t.text.upper() in ("SKIP", "LIMIT") and n + 1 < len(sig):
                value = tokens[sig[n + 1]].text
                if not value.isdigit():
                    raise QueryError(detail=f"{t.text.upper()} takes a whole number, not {value!r}")
                if t.text.upper() == "SKIP":
                    skip = int(value)
                else:
                    limit = int(value)
                t.text = tokens[sig[n + 1]].text = ""
    text = "".join(t.text for t in tokens)
    return Prepared(
        text=text, columns=columns, keys=keys, distinct=distinct, skip=skip, limit=limit, aggregates=aggregates,
        bare=bare,
    )


def _aggregate_of(tokens: list[Token], sig: list[int], item: list[int]) -> str | None:
    """COUNT, SUM, ... when the RETURN item is one aggregation call (with or without AS)."""
    body = item
    if len(item) >= 3 and tokens[sig[item[-2]]].text.upper() == "AS":
        body = item[:-2]
    if len(body) < 3 or tokens[sig[body[0]]].text not in _AGGREGATIONS or tokens[sig[body[1]]].text != "(":
        return None
    depth = 0
    for n, i in enumerate(body[1:], start=1):
        t = tokens[sig[i]].text
        depth += t == "("
        depth -= t == ")"
        if depth == 0:
            return tokens[sig[body[0]]].text if n == len(body) - 1 else None
    return None


# -- which part of the graph a query needs ----------------------------------------------


@dataclass(frozen=True)
class GraphSpec:
    entity_types: tuple[str, ...] | None  # None: all
    relation_types: tuple[str, ...] | None  # None: all
    isolated: bool  # a pattern can match an entity without relations
    both_ways: bool = False  # every relationship also reversed (undirected patterns)

    def key(self) -> str:
        et = ",".join(self.entity_types) if self.entity_types is not None else "*"
        rt = ",".join(self.relation_types) if self.relation_types is not None else "*"
        return f"e={et};r={rt};i={int(self.isolated)};b={int(self.both_ways)}"


def _parse(text: str) -> Any:
    from grandcypher import _GrandCypherGrammar
    from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

    try:
        return _GrandCypherGrammar.parse(text)
    except UnexpectedInput as exc:
        # Positions would point into the rewritten text; name the offending piece instead.
        if isinstance(exc, UnexpectedEOF) or (isinstance(exc, UnexpectedToken) and exc.token.type == "$END"):
            what = "the query ends too early"
        elif isinstance(exc, UnexpectedToken):
            what = f"unexpected {str(exc.token)!r}"
        elif isinstance(exc, UnexpectedCharacters):
            pos = exc.pos_in_stream or 0
            rest = text[pos : pos + 20].split("\n")[0]
            what = f"unexpected {rest!r}"
        else:
            what = "syntax error"
        what = re.sub(r"\s+AS __c\d+", "", what)
        raise QueryError(
            detail=f"cannot parse the query: {what} (not Cypher, or beyond what the embedded engine supports: see the README)"
        ) from None


def graph_spec(tree: Any, both_ways: bool = False) -> GraphSpec:
    """The entity and relation types a parsed query can touch."""
    entity_types: set[str] = set()
    all_entities = False
    relation_types: set[str] = set()
    all_relations = False
    isolated = False
    for node in tree.find_data("node_match"):
        labels = {t.value for t in node.scan_values(lambda v: getattr(v, "type", None) == "TYPE")}
        known = labels & set(ENTITY_TYPES)
        if not known:
            all_entities = True  # no label, or only Entity
        entity_types |= known
    for edge in tree.find_data("edge_match"):
        types = {t.value for t in edge.scan_values(lambda v: getattr(v, "type", None) == "TYPE")}
        hops = [t for t in edge.scan_values(lambda v: getattr(v, "type", None) in ("MIN_HOP", "MAX_HOP"))]
        if hops:
            all_entities = True  # unlabelled nodes along the path
            if any(t.type == "MIN_HOP" and int(t.value) == 0 for t in hops):
                isolated = True
        if not types:
            all_relations = True
        relation_types |= types
    for clause in tree.find_data("match_clause"):
        if not any(True for _ in clause.find_data("edge_match")):
            isolated = True
    return GraphSpec(
        entity_types=None if all_entities else tuple(sorted(entity_types)),
        relation_types=None if all_relations else tuple(sorted(relation_types)),
        isolated=isolated,
        both_ways=both_ways,
    )


# -- building and caching the graph ------------------------------------------------------

_memory: dict[tuple[str, str, str, str], nx.MultiDiGraph] = {}


def clear_cache() -> None:
    _memory.clear()
    gc.unfreeze()


def build_for_spec(store: Store, spec: GraphSpec) -> nx.MultiDiGraph:
    flt = GraphFilter(
        entity_types=list(spec.entity_types or []),
        relation_types=list(spec.relation_types or []),
    )
    g = build_graph(store, flt)
    if spec.isolated and spec.relation_types is not None:
        # build_graph keeps only entities with a relation of those types; a lone node
        # pattern can match any entity of its label.
        _add_entities(store, g, spec.entity_types)
    if spec.both_ways:
        # Each relationship once more, reversed, with the same type and properties: a
        # directed match on this graph is Neo4j's undirected match on the original.
        for u, v, k, data in list(g.edges(keys=True, data=True)):
            g.add_edge(v, u, key=f"{k}~reversed", **data)
    return g


def _add_entities(store: Store, g: nx.MultiDiGraph, entity_types: tuple[str, ...] | None) -> None:
    sql, args = "SELECT * FROM entities", []
    if entity_types is not None:
        sql += f" WHERE type IN ({','.join('?' * len(entity_types))})"
        args = list(entity_types)
    missing = [row for row in store.conn.execute(sql, args) if row["id"] not in g]
    for i in range(0, len(missing), 500):
        chunk = missing[i : i + 500]
        aliases: dict[str, list[str]] = {}
        marks = ",".join("?" * len(chunk))
        for eid, alias in store.conn.execute(
            f"SELECT entity_id, alias FROM aliases WHERE kind='alias' AND entity_id IN ({marks}) ORDER BY alias",
            [r["id"] for r in chunk],
        ):
            aliases.setdefault(eid, []).append(alias)
        for row in chunk:
            g.add_node(row["id"], **node_attributes(row, [a for a in aliases.get(row["id"], []) if a != row["name"]]))


def _pickle_path(store: Store, key: tuple[str, str, str, str]) -> Path:
    # The store's state is in the name, so stale caches are found without opening them.
    spec = hashlib.sha1(key[3].encode()).hexdigest()[:12]
    return store.path.with_name(f"{store.path.name}.nxcache-{key[1][:12]}-v{key[2]}-{spec}.pickle")


def _stale_pickles(store: Store, key: tuple[str, str, str, str]) -> Iterator[Path]:
    current = f"{store.path.name}.nxcache-{key[1][:12]}-v{key[2]}-"
    for p in store.path.parent.glob(f"{store.path.name}.nxcache-*.pickle"):
        if not p.name.startswith(current):
            yield p


@dataclass
class CacheInfo:
    source: str  # memory | pickle | built
    seconds: float
    nodes: int
    edges: int


def cached_graph(store: Store, spec: GraphSpec, *, use_pickle: bool = True) -> tuple[nx.MultiDiGraph, CacheInfo]:
    """The graph for ``spec``, from memory, from the pickle beside the db, or built."""
    t0 = time.perf_counter()
    key = (str(store.path.resolve()), store.store_id(), store.data_version(), spec.key())
    g = _memory.get(key)
    source = "memory"
    path = _pickle_path(store, key)
    if g is None and use_pickle and path.exists():
        try:
            with path.open("rb") as fh, no_gc():
                loaded = pickle.load(fh)
            if loaded.get("key") == key:
                g, source = loaded["graph"], "pickle"
        except Exception:  # noqa: BLE001 - a damaged cache is rebuilt, never trusted
            g = None
    if g is None:
        with no_gc():
            g, source = build_for_spec(store, spec), "built"
        g.graph["_edges"] = g.number_of_edges()  # counting is O(nodes): keep it
        if use_pickle and g.graph["_edges"] >= PICKLE_MIN_EDGES:
            _write_pickle(store, path, key, g)
    if source != "memory":
        # The graph lives as long as the cache: keep the cyclic GC from rescanning its
        # millions of objects on every later allocation burst (it made queries 3x slower).
        gc.freeze()
    _memory[key] = g
    while len(_memory) > MEMORY_CACHE_SIZE:
        _memory.pop(next(iter(_memory)))
        gc.unfreeze()  # let the collector reclaim the evicted graph (networkx views make cycles)
    return g, CacheInfo(source, time.perf_counter() - t0, g.number_of_nodes(), g.graph.get("_edges", -1))


def _write_pickle(store: Store, path: Path, key: tuple[str, str, str, str], g: nx.MultiDiGraph) -> None:
    # Older versions of the store are useless: drop their caches.
    for old in _stale_pickles(store, key):
        old.unlink(missing_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    try:
        with tmp.open("wb") as fh:
            pickle.dump({"key": key, "graph": g}, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)  # a read-only folder: no pickle cache, no failure


# -- running -------------------------------------------------------------------------------


def run_cypher(store: Store, query: str, params: dict[str, Any] | None = None, *, use_pickle: bool = True) -> dict[str, Any]:
    """Run a read-only Cypher query on the embedded graph: ``{"columns", "rows"}``."""
    prepared = prepare(query, params)
    tree = _parse(prepared.text)
    spec = graph_spec(tree, both_ways=prepared.undirected)
    graph, _ = cached_graph(store, spec, use_pickle=use_pickle)
    return execute(graph, prepared, tree)


MAX_HINTS = 1000


def _literal_value(node: Any) -> tuple[bool, Any]:
    """The Python value of a literal in a property map, if it is a string or a number."""
    import ast

    if getattr(node, "type", None) in ("ESTRING", "NUMBER"):
        try:
            return True, ast.literal_eval(str(node))
        except (ValueError, SyntaxError):
            return False, None
    return False, None


def pinned_hints(graph: nx.MultiDiGraph, tree: Any) -> list[dict[str, Any]] | None:
    """Starting points for grand-cypher when the pattern pins nodes by a property map
    (``(p:Person {name: "Marco Rubio"})``): without them it tries every node of the graph.

    Returns the partial mappings (motif variable -> entity id), ``[]`` when a pinned node
    matches no entity, or None when hints do not apply (no pinned node, variable-length
    relationships or subqueries, whose motifs grand-cypher rewrites, or too many
    combinations). Candidates satisfy the whole map and the labels, so they are exact.
    """
    if any(True for _ in tree.find_data("sub_query")):
        return None
    if any(True for _ in tree.scan_values(lambda v: getattr(v, "type", None) in ("MIN_HOP", "MAX_HOP"))):
        return None
    pinned: dict[str, list[str]] = {}
    for node in tree.find_data("node_match"):
        name = next((c for c in node.children if getattr(c, "type", None) == "CNAME"), None)
        props = next((c for c in node.children if getattr(c, "data", None) == "json_dict"), None)
        if name is None or props is None:
            continue
        wanted: dict[str, Any] = {}
        for rule in props.children:
            ok, value = _literal_value(rule.children[1]) if len(rule.children) == 2 else (False, None)
            if not ok:
                break
            wanted[str(rule.children[0])] = value
        else:
            labels = {str(t) for t in node.scan_values(lambda v: getattr(v, "type", None) == "TYPE")}
            candidates = [
                n
                for n in _by_property(graph, *next(iter(wanted.items())))
                if all(graph.nodes[n].get(k) == v for k, v in wanted.items())
                and (not labels or labels & graph.nodes[n].get("__labels__", set()))
            ]
            known = pinned.get(str(name))
            pinned[str(name)] = candidates if known is None else [n for n in known if n in set(candidates)]
    if not pinned:
        return None
    if any(not c for c in pinned.values()):
        return []
    combos = 1
    for c in pinned.values():
        combos *= len(c)
    if combos > MAX_HINTS:
        return None
    hints: list[dict[str, Any]] = [{}]
    for var, candidates in pinned.items():
        hints = [{**h, var: n} for h in hints for n in candidates]
    return hints


def _by_property(graph: nx.MultiDiGraph, key: str, value: Any) -> list[str]:
    """Nodes whose ``key`` equals ``value``; ``id`` and ``name`` through an index kept on the graph."""
    if key == "id":
        return [value] if isinstance(value, str) and value in graph else []
    if key == "name":
        index = graph.graph.get("_name_index")
        if index is None:
            index = {}
            for n, data in graph.nodes(data=True):
                index.setdefault(data.get("name"), []).append(n)
            graph.graph["_name_index"] = index
        return list(index.get(value, []))
    return [n for n, data in graph.nodes(data=True) if data.get(key) == value]


def _relationship(value: Any) -> Any:
    if isinstance(value, list):
        return [_relationship(v) for v in value]
    if not isinstance(value, dict):
        return value
    labels = value.get("__labels__") or set()
    rtype = value.get("type") or next(iter(labels), None)
    return {"type": rtype, "properties": {k: v for k, v in value.items() if v is not None and not k.startswith("__")}}


def _graph_values(tree: Any, prepared: Prepared, rows: list[dict[str, Any]]) -> None:
    """Whole nodes and relationships as the Neo4j backend returns them: a node as its
    properties, a relationship as ``{"type", "properties"}``, nulls left out (Neo4j
    stores none)."""
    edge_vars = {
        str(t)
        for edge in tree.find_data("edge_match")
        for t in edge.scan_values(lambda v: getattr(v, "type", None) == "CNAME")
    }
    var_length = {
        str(t)
        for edge in tree.find_data("edge_match")
        if any(True for _ in edge.scan_values(lambda v: getattr(v, "type", None) == "MIN_HOP"))
        for t in edge.scan_values(lambda v: getattr(v, "type", None) == "CNAME")
    }
    for column, var in zip(prepared.columns, prepared.bare):
        if var is None:
            continue
        for row in rows:
            value = row.get(column)
            if var in var_length and isinstance(value, dict):
                value = [value]  # one hop of a variable-length pattern is still a list
            if var in edge_vars:
                row[column] = _relationship(value)
            elif isinstance(value, dict):
                row[column] = {k: v for k, v in value.items() if v is not None}


def _engine(graph: nx.MultiDiGraph, hints: list[dict[str, Any]] | None) -> Any:
    """A grand-cypher engine on ``graph``. grand-cypher indexes every node's attributes
    when it starts (a fifth of a second on 70,000 nodes), for hints it works out itself;
    with our own hints that index is never read, so the engine starts on an empty graph
    and is then pointed at the real one (checked against grand-cypher's internals, else
    the plain way)."""
    from grandcypher import GrandCypher

    if hints:
        engine = GrandCypher(nx.MultiDiGraph())
        transformer = getattr(engine, "_transformer", None)
        executors = getattr(transformer, "_executors", None)
        if (
            transformer is not None
            and hasattr(transformer, "_target_graph")
            and isinstance(executors, list)
            and len(executors) == 1
            and hasattr(executors[0], "_target_graph")
        ):
            engine._host_graph = graph
            transformer._target_graph = graph
            executors[0]._target_graph = graph
            return engine
    return GrandCypher(graph)


def execute(graph: nx.MultiDiGraph, prepared: Prepared, tree: Any | None = None) -> dict[str, Any]:
    tree = tree if tree is not None else _parse(prepared.text)
    hints = pinned_hints(graph, tree)
    if hints == []:
        graph = nx.MultiDiGraph()  # a pinned node matches nothing: no match anywhere
        hints = None
    engine = _engine(graph, hints)
    try:
        transformer = engine._transformer
        transformer.transform(tree, hints=hints)
        raw = transformer._executors[0].returns()
    except NotImplementedError as exc:
        message = str(exc)
        if message.startswith("Unknown entity name"):
            raise QueryError(detail=f"variable not defined: {message.split(':', 1)[1].strip()}") from None
        raise UnsupportedQuery(detail=message) from None
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
        raise QueryError(detail=f"{type(exc).__name__}: {exc}".replace("\n", " ")) from None
    columns = {str(k): v for k, v in raw.items()}
    values = [columns.get(k, []) for k in prepared.keys]
    count = max((len(v) for v in values), default=0)
    rows = [
        {col: (vals[i] if i < len(vals) else None) for col, vals in zip(prepared.columns, values)}
        for i in range(count)
    ]
    _graph_values(tree, prepared, rows)
    if not rows and prepared.aggregates and all(prepared.aggregates):
        # As in Neo4j: aggregating nothing, without grouping keys, is one row.
        empty = {"COUNT": 0, "SUM": 0, "COLLECT": []}
        rows = [{col: empty.get(agg or "") for col, agg in zip(prepared.columns, prepared.aggregates)}]
    result = make_result(prepared.columns, rows)
    if prepared.distinct:
        seen: set[str] = set()
        unique = []
        for row in result["rows"]:
            fingerprint = json.dumps(row, sort_keys=True, default=str)
            if fingerprint not in seen:
                seen.add(fingerprint)
                unique.append(row)
        end = None if prepared.limit is None else prepared.skip + prepared.limit
        result["rows"] = unique[prepared.skip : end]
    return result
