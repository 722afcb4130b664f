"""``TreeRuleMatcher``: the verb rules' ``DependencyMatcher`` patterns, matched by walking
the dependency tree (the engine; its patterns are compiled in ``verb_patterns.py``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.attrs import DEP, HEAD, LEMMA, LOWER, ORTH, POS, TAG
from spacy.tokens import Doc


# Token attributes the node patterns of ``compile_rule`` test, as ``Doc.to_array`` columns.
_COLUMNS = {"LEMMA": LEMMA, "POS": POS, "DEP": DEP, "TAG": TAG, "LOWER": LOWER, "ORTH": ORTH, "TEXT": ORTH}
_NodeTests = tuple[tuple[int, frozenset[int]], ...]  # (column, allowed values), all must hold


@dataclass
class _Pattern:
    key: int  # match id
    order: int  # rank of the pattern, the order spaCy's matcher reports patterns in
    tests: list[_NodeTests]  # per node, in pattern order
    links: list[tuple[int, bool]]  # per node after the first: (earlier node, True for ">" child, False for "<" head)


class TreeRuleMatcher:
    """The verb rules' ``DependencyMatcher`` patterns, matched by walking the tree.

    spaCy's ``DependencyMatcher`` runs every node of every pattern as its own token
    pattern (hundreds here, many ``{}``, which every token matches), then tries the
    Cartesian product of the positions, tree by tree: on news it cost more than a third of
    everything newsgraph does around the parse. The patterns here use only ``>`` (child)
    and ``<`` (head), so each match can be grown from its first node along the tree,
    reading token attributes once per document from ``Doc.to_array``. Same matches in the
    same order as spaCy's matcher (tested); a pattern with another operator or attribute
    is refused at compile time, so the rules cannot silently drift from what spaCy does.
    """

    def __init__(self, vocab: Any) -> None:
        self.vocab = vocab
        self.patterns: list[_Pattern] = []
        self._columns: list[int] = []  # to_array attributes, in column order
        self._by_first: dict[tuple[int, int], list[_Pattern]] = {}  # (column, value) → patterns whose first node needs it
        self._always: list[_Pattern] = []  # patterns whose first node has no test
        self._first_columns: list[int] = []  # the columns ``_by_first`` is keyed on

    def add(self, key: str, pattern: list[dict[str, Any]]) -> int:
        names: dict[str, int] = {}
        tests: list[_NodeTests] = []
        links: list[tuple[int, bool]] = []
        for n, node in enumerate(pattern):
            if n:
                if node["REL_OP"] not in {">", "<"}:
                    raise ValueError(f"{key}: REL_OP {node['REL_OP']!r} is not supported by TreeRuleMatcher")
                links.append((names[node["LEFT_ID"]], node["REL_OP"] == ">"))
            names[node["RIGHT_ID"]] = n
            tests.append(tuple(self._test(key, attr, value) for attr, value in sorted(node["RIGHT_ATTRS"].items())))
        match_id: int = self.vocab.strings.add(key)
        compiled = _Pattern(match_id, len(self.patterns), tests, links)
        self.patterns.append(compiled)
        if tests[0]:
            # Indexed on the lemma test when there is one (a "conj" verb then meets the rules of
            # its own lemma, not every rule's conjoined-verb pattern), else on the first test.
            column, allowed = min(tests[0], key=lambda test: 0 if self._columns[test[0]] == LEMMA else 1)
            for value in allowed:
                self._by_first.setdefault((column, value), []).append(compiled)
            self._first_columns = sorted({c for c, _ in self._by_first})
        else:
            self._always.append(compiled)
        return match_id

    def _test(self, key: str, attr: str, value: Any) -> tuple[int, frozenset[int]]:
        if attr not in _COLUMNS:
            raise ValueError(f"{key}: attribute {attr!r} is not supported by TreeRuleMatcher")
        if isinstance(value, str):
            values = [value]
        elif isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
            values = value["IN"]
        else:
            raise ValueError(f"{key}: {attr} {value!r}: only a string or {{'IN': [strings]}} is supported")
        column = _COLUMNS[attr]
        if column not in self._columns:
            self._columns.append(column)
        return self._columns.index(column), frozenset(self.vocab.strings.add(v) for v in values)

    def __call__(self, doc: Doc, ranges: list[tuple[int, int]] | None = None) -> list[tuple[int, list[int]]]:
        """Matches as ``(match id, token indices in pattern node order)``, in the order
        spaCy's ``DependencyMatcher(doc)`` gives them; with ``ranges`` (token start, end of
        whole sentences), only the matches inside them."""
        if not len(doc):
            return []
        ranges = ranges if ranges is not None else [(0, len(doc))]
        values = doc.to_array(self._columns + [HEAD]).tolist()
        heads = [i + (h if h < 2**63 else h - 2**64) for i, (*_, h) in enumerate(values)]
        children: dict[int, list[int]] = {}
        roots = _tree_roots(heads)
        first_of_tree: dict[int, int] = {}
        for start, end in ranges:
            for i in range(start, end):
                first_of_tree.setdefault(roots[i], i)
                if heads[i] != i:
                    children.setdefault(heads[i], []).append(i)  # ascending: i grows
        found: list[tuple[int, int, list[int]]] = []
        for start, end in ranges:
            for i in range(start, end):
                row = values[i]
                candidates = list(self._always)
                for column in self._first_columns:
                    candidates.extend(self._by_first.get((column, row[column]), ()))
                for pattern in candidates:
                    if all(row[c] in allowed for c, allowed in pattern.tests[0]):
                        for match in self._grow(pattern, [i], values, heads, children):
                            found.append((pattern.order, first_of_tree[roots[i]], match))
        # spaCy's order: pattern by pattern, tree by tree, then the product of positions.
        found.sort(key=lambda f: (f[0], f[1], f[2]))
        return [(self.patterns[order].key, match) for order, _, match in found]

    def _grow(self, pattern: _Pattern, match: list[int], values: list[list[int]], heads: list[int],
              children: dict[int, list[int]]) -> Any:
        n = len(match)
        if n == len(pattern.tests):
            yield list(match)
            return
        left, down = pattern.links[n - 1]
        anchor = match[left]
        options: list[int] | tuple[int, ...]
        if down:
            options = children.get(anchor, ())
        else:
            options = (heads[anchor],) if heads[anchor] != anchor else ()
        for j in options:
            row = values[j]
            if all(row[c] in allowed for c, allowed in pattern.tests[n]):
                match.append(j)
                yield from self._grow(pattern, match, values, heads, children)
                match.pop()


def _tree_roots(heads: list[int]) -> list[int]:
    """Token index → index of the root of its dependency tree (the last of its ancestors)."""
    roots = list(range(len(heads)))
    for i in range(len(heads)):
        path = []
        j = i
        while heads[j] != j and roots[j] == j:
            path.append(j)
            j = heads[j]
        root = roots[j] if heads[j] != j else j
        for k in path:
            roots[k] = root
    return roots
