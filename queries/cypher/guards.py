"""What a query may do, checked on its tokens before an engine sees it.

Embedded engine (:func:`check_embedded`): the engine answers a few things differently
from Neo4j, and those are refused here with one coded line instead of answered wrongly:

- KGLite gives every node virtual keys: ``n.title`` of an entity is its id, ``n.name``
  and ``n.type`` of a document are its title and ``'Document'``, ``n.label`` and
  ``n.node_type`` of any node its label; Neo4j answers null. Such a property read is
  refused unless the variable's label says the key is a stored one (``(d:Document)``
  for ``title``, an entity label for ``name`` and ``type``), or it is a relationship.
- Unbounded variable-length relationships (``*``, ``*2..``): KGLite stops at 10 hops,
  Neo4j does not. ``id()`` / ``elementId()``: internal ids differ between engines.
- Procedures (``CALL db.labels()``...) are KGLite's own, ``LOAD CSV`` would read files,
  ``SHOW ...`` lists KGLite's indexes: none of it is the graph.

Neo4j (:func:`check_neo4j_read_only`): a read transaction still lets ``LOAD CSV`` read
the server's files and procedures and administration commands (``SHOW USERS``,
``CALL dbms.listConfig()``) run; a read-only query reads the graph only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.errors import ProcedureRefused, UnsupportedQuery
from newsgraph.queries.cypher.lexer import Token, significant

__all__ = ["QueryShape", "check_embedded", "check_neo4j_read_only", "VIRTUAL_KEYS"]

# KGLite's virtual node keys and the labels on which the key is a stored property instead.
ENTITY = "entity"
DOCUMENT = "Document"
# The relationship types from a document to an entity (graph/neo4j_sync.py); every other
# type links two entities.
DOCUMENT_TYPES = frozenset({"MENTIONS", "WRITTEN_BY"})
VIRTUAL_KEYS: dict[str, str | None] = {"title": DOCUMENT, "name": ENTITY, "type": ENTITY, "label": None, "node_type": None}
# Map keys that would make a map look like a node, relationship or path in KGLite's values.
_SHAPE_KEYS = {"properties", "relationships"}
# Words after which ``(`` opens a pattern or an expression, not a function's arguments.
_KEYWORDS = {
    "MATCH", "OPTIONAL", "WHERE", "AND", "OR", "XOR", "NOT", "RETURN", "WITH", "MERGE", "CREATE", "IN", "DISTINCT",
    "WHEN", "THEN", "ELSE", "CASE", "UNION", "ALL", "YIELD", "BY", "SKIP", "LIMIT", "IS", "AS", "UNWIND", "CONTAINS",
    "STARTS", "ENDS", "DELETE", "DETACH", "SET", "REMOVE", "ON", "CALL",
}
_ADMIN_WORDS = {"SHOW", "GRANT", "DENY", "REVOKE", "ALTER", "START", "STOP", "TERMINATE", "ENABLE", "DEALLOCATE", "REALLOCATE", "DRYRUN", "RENAME"}


@dataclass
class QueryShape:
    """What the checks learnt about the query, for the engine adapter."""

    relationship_types: set[str] = field(default_factory=set)  # named in patterns
    star_return: bool = False  # the final RETURN is ``RETURN *``: columns sorted, as Neo4j does
    explain: bool = False


def _node_labels(tokens: list[Token]) -> tuple[dict[str, set[str]], set[str]]:
    """Labels each node variable is known to carry (conjunctions only), and the
    relationship variables."""
    labels: dict[str, set[str]] = {}
    rel_vars: set[str] = set()
    n = len(tokens)
    for i, t in enumerate(tokens):
        prev = tokens[i - 1] if i else None
        if t.text == "[" and t.kind == "punct" and prev is not None and prev.text in ("-", "<"):
            if i + 1 < n and tokens[i + 1].kind in ("word", "bt"):
                rel_vars.add(tokens[i + 1].name)
            continue
        if t.text != "(" or t.kind != "punct" or (prev is not None and prev.kind in ("word", "bt") and prev.upper not in _KEYWORDS):
            continue  # a function call's parenthesis, not a node pattern
        j = i + 1
        var = None
        if j < n and tokens[j].kind in ("word", "bt") and (j + 1 < n and tokens[j + 1].text in (":", ")", "{")):
            var = tokens[j].name
            j += 1
        found: set[str] = set()
        disjunction = False
        while j + 1 < n and tokens[j].text in (":", "&"):
            found.add(tokens[j + 1].name)
            j += 2
            if j < n and tokens[j].text in ("|", "!", "%"):
                disjunction = True
        if var is not None:
            labels.setdefault(var, set())
            if not disjunction:
                labels[var] |= found
    for left, right, direction, types in _hops(tokens):
        # Every relationship ends at an entity, and only MENTIONS and WRITTEN_BY start at a document.
        ends = {"->": [right], "<-": [left]}.get(direction, [])
        if types and not types & DOCUMENT_TYPES:
            ends = [left, right]
        starts = {"->": left, "<-": right}.get(direction)
        for var in ends:
            if var is not None:
                labels.setdefault(var, set()).add("Entity")
        if types and types <= DOCUMENT_TYPES and starts is not None:
            labels.setdefault(starts, set()).add(DOCUMENT)
    return labels, rel_vars


def _node_at(tokens: list[Token], i: int) -> tuple[str | None, int] | None:
    """(variable, index after ``)``) of a node pattern starting at ``i``."""
    if i >= len(tokens) or tokens[i].text != "(":
        return None
    var = tokens[i + 1].name if i + 1 < len(tokens) and tokens[i + 1].kind in ("word", "bt") else None
    depth = 0
    for j in range(i, len(tokens)):
        if tokens[j].text in ("(", "[", "{"):
            depth += 1
        elif tokens[j].text in (")", "]", "}"):
            depth -= 1
            if depth == 0:
                return var, j + 1
    return None


def _hops(tokens: list[Token]) -> list[tuple[str | None, str | None, str, set[str] | None]]:
    """(left variable, right variable, '->' / '<-' / '--', types or None) of every
    relationship between two node patterns."""
    hops = []
    for i, t in enumerate(tokens):
        if t.text != "(" or t.kind != "punct":
            continue
        node = _node_at(tokens, i)
        if node is None:
            continue
        left, j = node
        text = [tk.text for tk in tokens[j : j + 2]]
        if not text or text[0] not in ("-", "<"):
            continue
        direction = "--"
        if text[0] == "<":
            direction = "<-"
            j += 1
        if j >= len(tokens) or tokens[j].text != "-":
            continue
        j += 1
        types: set[str] | None = None
        if j < len(tokens) and tokens[j].text == "[":
            k = j + 1
            depth = 1
            found: set[str] = set()
            typed = False
            while k < len(tokens) and depth:
                if tokens[k].text in ("[", "(", "{"):
                    depth += 1
                elif tokens[k].text in ("]", ")", "}"):
                    depth -= 1
                elif depth == 1 and tokens[k].text in (":", "|") and k + 1 < len(tokens) and tokens[k + 1].kind in ("word", "bt"):
                    found.add(tokens[k + 1].name)
                    typed = True
                elif depth == 1 and tokens[k].text in ("!", "%", "&"):
                    typed, found = False, set()
                    break
                k += 1
            while k < len(tokens) and tokens[k].text != "]" and depth:
                k += 1
            types = found if typed else None
            j = k if tokens[k - 1].text == "]" else k + 1
            if j < len(tokens) and tokens[j].text == "]":
                j += 1
        if j >= len(tokens) or tokens[j].text != "-":
            continue
        j += 1
        if j < len(tokens) and tokens[j].text == ">":
            direction = "->" if direction == "--" else "<->"
            j += 1
        right = _node_at(tokens, j)
        if right is None:
            continue
        hops.append((left, right[0], direction, types))
    return hops


def _known(var: str | None, key: str, labels: dict[str, set[str]], rel_vars: set[str]) -> bool:
    """Whether ``var.key`` reads a stored property on every node the variable can be."""
    if var is not None and var in rel_vars:
        return True
    owner = VIRTUAL_KEYS[key]
    have = labels.get(var or "", set()) if var is not None else set()
    if owner is None:
        return False
    if owner == DOCUMENT:
        return DOCUMENT in have
    return bool(have - {DOCUMENT})  # any other label is an entity label (or matches nothing)


def _refuse_virtual(var: str | None, key: str) -> None:
    what = f"{var}.{key}" if var else f"the property {key!r} of an expression"
    if VIRTUAL_KEYS[key] == DOCUMENT:
        hint = f"label the node (:Document), the only nodes with a {key}"
    elif VIRTUAL_KEYS[key] == ENTITY:
        hint = f"label the node (:Entity or its type), the only nodes with a {key}"
    else:
        hint = f"no node has a {key}"
    raise UnsupportedQuery(
        detail=f"{what} on a node of unknown label (the engine would answer with a built-in value where Neo4j answers null; {hint})"
    )


def _enclosing_brace_owner(tokens: list[Token], i: int) -> tuple[int, str | None]:
    """For a token inside ``{...}``, the index of that ``{`` and the variable before it."""
    depth = 0
    for j in range(i - 1, -1, -1):
        text = tokens[j].text
        if tokens[j].kind != "punct":
            continue
        if text in ("}", ")", "]"):
            depth += 1
        elif text in ("{", "(", "["):
            if depth == 0:
                if text != "{":
                    return j, None
                before = tokens[j - 1] if j else None
                return j, before.name if before is not None and before.kind in ("word", "bt") else None
            depth -= 1
    return -1, None


def _brace_is_node_pattern(tokens: list[Token], brace: int) -> int | None:
    """Index of the ``(`` when the ``{`` at ``brace`` is a node pattern's property map."""
    j = brace - 1
    while j >= 0 and (tokens[j].kind in ("word", "bt") or tokens[j].text in (":", "&")):
        j -= 1
    if j >= 0 and tokens[j].text == "(" and j < brace - 1:
        prev = tokens[j - 1] if j else None
        if prev is None or prev.kind not in ("word", "bt") or prev.upper in _KEYWORDS:
            return j
    return None


def _pattern_labels(tokens: list[Token], paren: int, brace: int) -> set[str]:
    return {tokens[k + 1].name for k in range(paren, brace - 1) if tokens[k].text in (":", "&")}


def check_embedded(query: str) -> QueryShape:
    """Refuses what the embedded engine would answer differently from Neo4j; returns the
    query's shape for the adapter."""
    tokens = significant(query)
    shape = QueryShape()
    labels, rel_vars = _node_labels(tokens)
    n = len(tokens)
    last_return = max((i for i, t in enumerate(tokens) if t.upper == "RETURN"), default=-1)
    for i, t in enumerate(tokens):
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < n else None
        after_dot = prev is not None and prev.text == "."
        if t.kind == "word" and not after_dot:
            word = t.upper
            if i == 0 and word in ("EXPLAIN", "PROFILE"):
                shape.explain = True
            if word == "LOAD" and nxt is not None and nxt.upper == "CSV":
                raise UnsupportedQuery(detail="LOAD CSV (the embedded graph is the store's graph; it reads no files)")
            if word == "CALL" and nxt is not None and nxt.kind in ("word", "bt"):
                raise UnsupportedQuery(detail=f"procedure calls (CALL {nxt.text}...: the embedded engine's procedures are not Neo4j's)")
            if word == "SHOW" and (prev is None or prev.text in (";",)):
                raise UnsupportedQuery(detail="SHOW commands")
            if word in ("ID", "ELEMENTID") and nxt is not None and nxt.text == "(":
                raise UnsupportedQuery(detail=f"{t.text}() (internal ids differ between engines; use the id property, n.id)")
        if t.kind == "punct" and t.text == "*" and prev is not None:
            if _in_relationship(tokens, i):
                _check_bounded(tokens, i)
            elif i - 1 == last_return or (prev.upper == "DISTINCT" and i - 2 == last_return):
                end = nxt is None or nxt.upper in ("ORDER", "SKIP", "LIMIT", ";", "UNION")
                if not end:
                    raise UnsupportedQuery(detail="RETURN * with more items (name the columns)")
                shape.star_return = True
        if t.kind == "punct" and t.text == "." and nxt is not None and nxt.kind in ("word", "bt") and nxt.name in VIRTUAL_KEYS:
            key = nxt.name
            if prev is not None and prev.kind in ("word", "bt"):
                if not _known(prev.name, key, labels, rel_vars):
                    _refuse_virtual(prev.name, key)
            elif prev is not None and prev.text in ("{", ","):
                brace, owner = _enclosing_brace_owner(tokens, i)
                if owner is not None and not _known(owner, key, labels, rel_vars):
                    _refuse_virtual(owner, key)
            else:
                _refuse_virtual(None, key)
        if t.kind in ("word", "bt") and nxt is not None and nxt.text == ":" and prev is not None and prev.text in ("{", ","):
            brace, _owner = _enclosing_brace_owner(tokens, i)
            if brace >= 0 and tokens[brace].text == "{":
                paren = _brace_is_node_pattern(tokens, brace)
                if paren is not None:
                    if t.name in VIRTUAL_KEYS:
                        var = tokens[paren + 1].name if tokens[paren + 1].kind in ("word", "bt") else None
                        have = _pattern_labels(tokens, paren, brace) | labels.get(var or "", set())
                        if not _known("\0pattern", t.name, {"\0pattern": have}, set()):
                            _refuse_virtual(var, t.name)
                elif t.name in _SHAPE_KEYS:
                    raise UnsupportedQuery(detail=f"a map with the key {t.name!r} (it would read as a node or path)")
        if t.kind == "punct" and t.text == "[" and prev is not None and prev.kind in ("word", "bt") or (
            t.text == "[" and prev is not None and prev.text in (")", "]")
        ):
            if nxt is not None and nxt.kind == "str" and nxt.text[1:-1] in VIRTUAL_KEYS:
                key = nxt.text[1:-1]
                var = prev.name if prev is not None and prev.kind in ("word", "bt") else None
                if not _known(var, key, labels, rel_vars):
                    _refuse_virtual(var, key)
        if t.kind == "punct" and t.text == ":" and _in_relationship(tokens, i):
            j = i + 1
            while j < n and tokens[j].kind in ("word", "bt"):
                shape.relationship_types.add(tokens[j].name)
                if j + 2 < n and tokens[j + 1].text == "|":
                    j += 3 if tokens[j + 2].text == ":" else 2
                else:
                    break
    return shape


def _in_relationship(tokens: list[Token], i: int) -> bool:
    """Whether token ``i`` is inside a relationship pattern ``-[ ... ]-``."""
    depth = 0
    for j in range(i - 1, -1, -1):
        text = tokens[j].text
        if tokens[j].kind != "punct":
            continue
        if text in ("]", ")", "}"):
            depth += 1
        elif text in ("[", "(", "{"):
            if depth == 0:
                return text == "[" and j > 0 and tokens[j - 1].text in ("-", "<")
            depth -= 1
    return False


def _check_bounded(tokens: list[Token], star: int) -> None:
    """``*``, ``*2..`` have no upper bound: KGLite stops at 10 hops where Neo4j goes on."""
    rest = [t.text for t in tokens[star + 1 : star + 4]]
    if rest and rest[0] == "..":
        if len(rest) > 1 and tokens[star + 2].kind == "num":
            return
    elif rest and tokens[star + 1].kind == "num":
        if len(rest) < 2 or rest[1] != "..":
            return  # *3: exactly three hops
        if len(rest) > 2 and tokens[star + 3].kind == "num":
            return
    raise UnsupportedQuery(
        detail="a variable-length relationship without an upper bound (the engine stops at 10 hops; write one, e.g. *..6)"
    )


def check_neo4j_read_only(query: str) -> None:
    """Refuses, in a read-only Neo4j query, what reads or runs more than the graph."""
    tokens = significant(query)
    start = True  # at the start of a statement (after USE x, EXPLAIN, ';')
    for i, t in enumerate(tokens):
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if t.kind == "punct" and t.text == ";":
            start = True
            continue
        if t.kind != "word" or (prev is not None and prev.text == "."):
            start = False
            continue
        word = t.upper
        if word == "USE" and nxt is not None:
            if nxt.name.lower() == "system":
                raise ProcedureRefused(detail="runs on the system database (USE system)")
            continue
        if word in ("EXPLAIN", "PROFILE", "CYPHER"):
            continue
        if word == "LOAD" and nxt is not None and nxt.upper == "CSV":
            raise ProcedureRefused(detail="reads files (LOAD CSV)")
        if word == "CALL" and nxt is not None and nxt.kind in ("word", "bt"):
            raise ProcedureRefused(detail=f"calls a procedure (CALL {_dotted(tokens, i + 1)})")
        if word == "DBMS" and nxt is not None and nxt.text == ".":
            raise ProcedureRefused(detail=f"calls {_dotted(tokens, i)}")
        if start and word in _ADMIN_WORDS:
            raise ProcedureRefused(detail=f"runs an administration command ({word} ...)")
        if word in ("SHOW", "TERMINATE") and prev is not None and prev.upper in ("YIELD", "RETURN", "WITH", "}"):
            raise ProcedureRefused(detail=f"runs an administration command ({word} ...)")
        start = False


def _dotted(tokens: list[Token], i: int) -> str:
    parts = [tokens[i].name]
    while i + 2 < len(tokens) and tokens[i + 1].text == "." and tokens[i + 2].kind in ("word", "bt"):
        parts.append(tokens[i + 2].name)
        i += 2
    return ".".join(parts)
