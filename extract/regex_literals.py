"""What every match of a regular expression contains: a cheap test that a line cannot match.

Cleanup tries ~270 furniture patterns on every line of an article, and on a line of prose
none matches; each ``search`` walks the whole line (the cleanup's main cost, issue 12,
ingest speed). Most patterns name words of their own ("rights reserved", "inbox",
"target price"): a line holding none of a pattern's required literals cannot match it.
``LiteralIndex`` looks each literal up once per line and names the few patterns worth
searching: looping over every pattern in Python costs more than the searches themselves.

``required_literals`` reads the pattern's parse tree (``re._parser``, the parser the ``re``
module itself compiles with) and keeps only what holds for every match: a run of literal
characters in sequence, the union of what each branch of an alternation needs (when every
branch needs something), what a repeat of at least one or a lookaround needs (a lookaround
reads the searched string too). Anything it cannot read (a class, a wildcard, an optional
part) adds nothing; a pattern with no such literal is always searched.

Case: under ``IGNORECASE`` a literal is kept folded (lower case, ASCII letters, digits and
signs only) and looked for in the lowered line. Four characters match an ASCII letter
without lowering to it (``re`` folds dotless "ı" and "İ" to "i", long "ſ" to "s"; the
Kelvin sign lowers to "k" as ``re`` reads it): a line holding one of the first three is
searched by every pattern.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

import re._constants as _sre  # type: ignore[import-not-found]
import re._parser as _sre_parse  # type: ignore[import-not-found]

# Characters that ``re`` under IGNORECASE matches to an ASCII letter but ``str.lower`` does
# not lower to it (or lowers to two characters).
_UNFOLDED = ("\u0131", "\u0130", "\u017f")


class LiteralIndex:
    """Which of a list of patterns may match a text: those whose required literals
    (``required_literals``) the text holds, and those that require none; in list order."""

    def __init__(self, regexes: Sequence[re.Pattern[str]] = ()) -> None:
        self.size = len(regexes)
        always: list[int] = []
        folded: dict[str, list[int]] = {}
        exact: dict[str, list[int]] = {}
        for i, regex in enumerate(regexes):
            need = required_literals(regex)
            if not need:
                always.append(i)
            for text, is_folded in need or ():
                (folded if is_folded else exact).setdefault(text, []).append(i)
        self._always = frozenset(always)
        self._folded = tuple((text, tuple(ids)) for text, ids in folded.items())
        self._exact = tuple((text, tuple(ids)) for text, ids in exact.items())

    def candidates(self, text: str) -> list[int]:
        """Indices of the patterns that may match ``text`` (or any part of it): every
        pattern whose literals are in it, and every pattern that has none."""
        lowered = lowered_for_literals(text)
        if lowered is None:
            return list(range(self.size))
        hit = set(self._always)
        for literal, ids in self._folded:
            if literal in lowered:
                hit.update(ids)
        for literal, ids in self._exact:
            if literal in text:
                hit.update(ids)
        return sorted(hit)


def lowered_for_literals(text: str) -> str | None:
    """``text`` lowered for the folded literals, or None when lowering does not stand for
    ``re``'s case folding there (``_UNFOLDED``)."""
    if any(c in text for c in _UNFOLDED):
        return None
    return text.lower()


def required_literals(regex: re.Pattern[str]) -> frozenset[tuple[str, bool]] | None:
    """Strings one of which every match of ``regex`` contains, as (text, folded): a folded
    one is in lower case and to be looked for in the lowered text. None: no such strings."""
    try:
        tree = _sre_parse.parse(regex.pattern, regex.flags)
    except (re.error, RecursionError, TypeError):
        return None
    return _needs(list(tree), bool(regex.flags & re.IGNORECASE))


def _needs(items: list[tuple[Any, Any]], folded: bool) -> frozenset[tuple[str, bool]] | None:
    """One set of strings (one of which every match of the sequence ``items`` contains), the
    one whose shortest string is longest; None when the sequence promises none."""
    options: list[frozenset[tuple[str, bool]]] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            options.append(frozenset({("".join(run), folded)}))
            run.clear()

    for op, av in items:
        if op is _sre.LITERAL and (not folded or av < 128):
            run.append(chr(av).lower() if folded else chr(av))
            continue
        end_run()
        need: frozenset[tuple[str, bool]] | None = None
        if op is _sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            inner = (folded or bool(add_flags & _sre.SRE_FLAG_IGNORECASE)) and not del_flags & _sre.SRE_FLAG_IGNORECASE
            need = _needs(list(sub), inner)
        elif op is _sre.BRANCH:
            branches = [_needs(list(b), folded) for b in av[1]]
            if all(b for b in branches):
                need = frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            need = _needs(list(av[2]), folded)
        elif op is _sre.ASSERT:
            need = _needs(list(av[1]), folded)
        if need:
            options.append(need)
    end_run()
    if not options:
        return None
    return max(options, key=lambda o: min(len(s) for s, _ in o))
