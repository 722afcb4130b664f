"""Cypher split into tokens (strings, backtick names, comments, parameters, words, punctuation).

Not a parser: the engines parse. The checks in :mod:`.guards` only need to know which
words are keywords, property keys, labels or relationship types, and a token stream where
strings and comments cannot be mistaken for code is enough for that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.errors import QueryError

__all__ = ["Token", "tokenize", "significant"]

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<str>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<bt>`(?:[^`]|``)*`)
  | (?P<param>\$[A-Za-z_][A-Za-z_0-9]*|\$`(?:[^`]|``)*`)
  | (?P<num>\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)
  | (?P<word>[A-Za-z_][A-Za-z_0-9]*)
  | (?P<punct><>|<=|>=|=~|\.\.|[-<>=+*/%(){}\[\],.:|;!^&?$])
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Token:
    kind: str  # ws | comment | str | bt | param | num | word | punct
    text: str
    pos: int

    @property
    def name(self) -> str:
        """A word or a backtick-quoted name as the name it stands for."""
        if self.kind == "bt":
            return self.text[1:-1].replace("``", "`")
        return self.text

    @property
    def upper(self) -> str:
        return self.text.upper() if self.kind == "word" else self.text


def tokenize(query: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    while pos < len(query):
        m = _TOKEN.match(query, pos)
        if m is None:
            if query[pos] in "'\"`":
                raise QueryError(detail=f"unterminated {query[pos]} starting at column {pos + 1}")
            if query.startswith("/*", pos):
                raise QueryError(detail=f"unterminated comment starting at column {pos + 1}")
            raise QueryError(detail=f"unexpected character {query[pos]!r} at column {pos + 1}")
        tokens.append(Token(m.lastgroup or "punct", m.group(), pos))
        pos = m.end()
    return tokens


def significant(query: str) -> list[Token]:
    """The tokens without whitespace and comments."""
    return [t for t in tokenize(query) if t.kind not in ("ws", "comment")]
