"""The model's attribute ruler and rule lemmatizer as one component answering from tables.

en_core_web_sm's ``attribute_ruler`` (it runs after the parser) gives each token its POS
and MORPH from its tag, with exceptions keyed on the word, the dependency label or
whitespace: 179 Matcher patterns, of which every token matches at least one, and each
match is a ``Span`` and a walk over a dict of attributes in Python. Its rule
``lemmatizer`` then gives every token still without a LEMMA one, through a
``MorphAnalysis`` and a string set for each token. The two took a quarter of the parse's
CPU time (issue 12: ingest speed).

What they set depends on few things: a one-token pattern on the token's TAG, DEP, LOWER
and IS_SPACE; a lemma on ORTH, POS and MORPH (the key spaCy's own lemmatizer caches on).
So this component keeps the model's own patterns and lemmatizer, asks them once for each
key it meets (the tables fill while parsing; nothing is copied into the repository),
and reads and writes the doc's columns with ``to_array``/``from_array``. Only the
patterns of two or more tokens ("gon na", "let 's", the verb after an expletive "there")
still run through a ``Matcher``. ``benchmarks/token_attributes.py`` checks that every
token comes out as the stock pipeline leaves it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, cast

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

TOKEN_ATTRIBUTES = "newsgraph_token_attributes"

# The attributes a one-token pattern may test, as the columns of the key read for each
# token; IS_SPACE is a bool, the others strings.
TESTED = ("TAG", "DEP", "LOWER", "IS_SPACE")
KEY_COLUMNS = [TAG, DEP, LOWER, IS_SPACE]
# The attributes a rule may set, in the order of the columns written back.
WRITTEN = [TAG, POS, MORPH, LEMMA, DEP]

Test = Callable[[Any], bool]


def _test(attribute: str, value: Any) -> Test | None:
    """A pattern's test of one attribute as spaCy's Matcher reads it: a plain value is
    equality; a dict holds IN, NOT_IN and REGEX tests, all of which must pass. None for
    anything else (another operator, a hash for a string), which this component leaves to
    the stock pipes."""
    kind = bool if attribute == "IS_SPACE" else str
    if not isinstance(value, dict):
        return _equal(value) if isinstance(value, kind) else None
    tests: list[Test] = []
    for op, arg in value.items():
        if op in ("IN", "NOT_IN") and kind is str and all(isinstance(a, str) for a in arg):
            words = frozenset(arg)
            tests.append(words.__contains__ if op == "IN" else _negated(words.__contains__))
        elif op == "REGEX" and kind is str and isinstance(arg, str):
            tests.append(_searched(re.compile(arg)))
        else:
            return None
    return _all(tests)


def _equal(value: str | bool) -> Test:
    return lambda v: v == value


def _negated(test: Test) -> Test:
    return lambda v: not test(v)


def _searched(regex: re.Pattern[str]) -> Test:
    return lambda v: bool(regex.search(v))


def _all(tests: list[Test]) -> Test:
    return lambda v: all(t(v) for t in tests)


def _words(value: Any) -> frozenset[str] | None:
    """The only words a LOWER test passes (a word, or IN a list), else None (a REGEX)."""
    if isinstance(value, str):
        return frozenset([value])
    if isinstance(value, dict) and set(value) == {"IN"}:
        return frozenset(value["IN"])
    return None


@dataclass(frozen=True)
class OneTokenRule:
    """One one-token pattern of the ruler: its rule number (a later rule's attributes win
    over an earlier one's) and its tests (None: the pattern does not test the attribute)."""

    rule: int
    tests: tuple[Test | None, ...]  # in the order of TESTED
    words: frozenset[str] | None  # the only words its LOWER test passes, when it names them


class TokenAttributeTables:
    """The ruler's rules and the lemmatizer, answering for a token's key; see the module."""

    def __init__(self, vocab: Vocab, ruler: AttributeRuler, lemmatizer: Lemmatizer,
                 one_token: list[OneTokenRule], longer: list[tuple[int, list[Any]]]) -> None:
        self.vocab = vocab
        self.rule_attrs: list[dict[int, int]] = ruler.attrs  # normalised: attribute id -> value
        self.rule_index: list[int] = ruler.indices  # which token of a longer pattern a rule sets
        self.lemmatize = lemmatizer.lemmatize
        self.overwrite_lemmas = lemmatizer.overwrite
        self.one_token = one_token
        self.matcher = Matcher(vocab)
        for rule, patterns in longer:
            self.matcher.add(str(rule), patterns)
        # A word's LOWER test results, as the positions in ``one_token`` of the patterns
        # whose test it passes: the words a pattern names are indexed; only the few REGEX
        # tests run on a new word.
        lower = TESTED.index("LOWER")
        self.named_words: dict[str, tuple[int, ...]] = {}
        self.word_patterns: list[tuple[int, Test]] = []
        for n, r in enumerate(one_token):
            test = r.tests[lower]
            if test is not None and r.words is None:
                self.word_patterns.append((n, test))
            for w in r.words or ():
                self.named_words[w] = self.named_words.get(w, ()) + (n,)
        self.word_passes: dict[int, frozenset[int]] = {}  # LOWER hash -> patterns its LOWER test passes
        self.key_rules: dict[tuple[int, int, frozenset[int], int], tuple[int, ...]] = {}
        self.effects: dict[tuple[int, ...], tuple[int | None, ...]] = {}  # rules -> WRITTEN values
        self.lemmas: dict[tuple[int, int, int], str] = {}  # (ORTH, POS, MORPH) -> lemma

    @classmethod
    def from_pipes(cls, vocab: Vocab, ruler: Any, lemmatizer: Any) -> TokenAttributeTables | None:
        """The tables for this ruler and lemmatizer, or None when they do what this
        component does not read (another lemmatizer mode, a pattern operator, a test of
        another attribute, a rule setting another attribute): the stock pipes then stay."""
        if not isinstance(ruler, AttributeRuler) or not isinstance(lemmatizer, Lemmatizer) \
                or lemmatizer.mode != "rule":
            return None
        one_token: list[OneTokenRule] = []
        longer: list[tuple[int, list[Any]]] = []
        for rule, entry in enumerate(ruler.patterns):
            if not set(ruler.attrs[rule]) <= set(WRITTEN):
                return None
            multi = []
            patterns: list[list[dict[str, Any]]] = entry["patterns"]  # type: ignore[assignment]
            for pattern in patterns:
                if len(pattern) > 1:
                    multi.append(pattern)
                    continue
                spec = {str(k).upper(): v for k, v in pattern[0].items()}
                if not set(spec) <= set(TESTED):
                    return None
                tests = tuple(_test(a, spec[a]) if a in spec else None for a in TESTED)
                if any(t is None for a, t in zip(TESTED, tests) if a in spec):
                    return None
                one_token.append(OneTokenRule(rule, tests, _words(spec["LOWER"]) if "LOWER" in spec else None))
            if multi:
                longer.append((rule, multi))
        lemmatizer._validate_tables()  # what the stock lemmatizer does on its first call
        _index_as_sets(lemmatizer)
        return cls(vocab, ruler, lemmatizer, one_token, longer)

    def word_passes_of(self, lower: int) -> frozenset[int]:
        word = self.vocab.strings[lower]
        passed = self.named_words.get(word, ()) + tuple(n for n, test in self.word_patterns if test(word))
        self.word_passes[lower] = found = frozenset(passed)
        return found

    def rules_of_key(self, key: tuple[int, int, frozenset[int], int]) -> tuple[int, ...]:
        tag, dep, word_passes, space = key
        values = (self.vocab.strings[tag], self.vocab.strings[dep], None, bool(space))
        lower = TESTED.index("LOWER")
        rules = tuple(sorted({
            r.rule for n, r in enumerate(self.one_token)
            if (r.tests[lower] is None or n in word_passes)
            and all(t is None or t(v) for i, (t, v) in enumerate(zip(r.tests, values)) if i != lower)
        }))
        self.key_rules[key] = rules
        return rules

    def effect(self, rules: tuple[int, ...]) -> tuple[int | None, ...]:
        """The WRITTEN values these rules set (None: left as it is), applied in order as the
        ruler applies its matches: sorted by rule, a later rule's value winning."""
        found = self.effects.get(rules)
        if found is None:
            merged: dict[int, int] = {}
            for rule in rules:
                merged.update(self.rule_attrs[rule])
            self.effects[rules] = found = tuple(merged.get(a) for a in WRITTEN)
        return found

    def longer_matches(self, doc: Doc) -> dict[int, list[int]]:
        """Token -> the rules of longer patterns that set it."""
        found: dict[int, list[int]] = {}
        for match_id, start, end in self.matcher(doc, allow_missing=True):
            rule = int(self.vocab.strings[match_id])
            found.setdefault(range(start, end)[self.rule_index[rule]], []).append(rule)
        return found

    def set_attributes(self, doc: Doc) -> None:
        """What the ruler sets: the key of each token looked up, its rules' values written."""
        longer = self.longer_matches(doc) if len(self.matcher) else {}
        written = doc.to_array(WRITTEN).tolist()
        word_passes, key_rules = self.word_passes, self.key_rules
        for i, (tag, dep, lower, space) in enumerate(doc.to_array(KEY_COLUMNS).tolist()):
            passes = word_passes.get(lower)
            if passes is None:
                passes = self.word_passes_of(lower)
            key = (tag, dep, passes, space)
            rules = key_rules.get(key)
            if rules is None:
                rules = self.rules_of_key(key)
            if i in longer:
                rules = tuple(sorted(set(rules) | set(longer[i])))
            row = written[i]
            for column, value in enumerate(self.effect(rules)):
                if value is not None:
                    row[column] = value
        doc.from_array(WRITTEN, cast(Any, numpy.array(written, dtype=numpy.uint64)))

    def set_lemmas(self, doc: Doc) -> None:
        """What the lemmatizer sets: a token without a lemma (or every token, when the
        lemmatizer overwrites) gets the lemmatizer's first form for its (ORTH, POS, MORPH),
        asked once per key. The lemma string is kept, not its hash, and added to the
        string store for each doc, as the stock lemmatizer does."""
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas, add = self.lemmas, self.vocab.strings.add
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if lemma and not self.overwrite_lemmas:
                continue
            key = (orth, pos, morph)
            form = lemmas.get(key)
            if form is None:
                lemmas[key] = form = self.lemmatize(doc[i])[0]
            columns[i, 3] = add(form)
            changed = True
        if changed:
            doc.from_array([LEMMA], cast(Any, columns[:, 3]))


def _index_as_sets(lemmatizer: Lemmatizer) -> None:
    """The lemmatizer's ``lemma_index`` (the known words of each part of speech) as sets.
    spaCy keeps them as lists (57,528 nouns) and ``rule_lemmatize`` asks ``form in index``
    for each form a suffix rule makes: a scan of the list, about half a millisecond, for
    every new (ORTH, POS, MORPH) key, some 14,500 in 300 articles of a fresh process, where
    the tables start empty. Its only uses of the index are ``in`` and truthiness, which a
    set answers alike; the lemmatizer is this component's alone (its pipe is removed)."""
    index = lemmatizer.lookups.get_table("lemma_index", {})
    for pos, words in list(index.items()):
        if isinstance(words, list):
            index[pos] = frozenset(words)


class TokenAttributes:
    """The component: empty until ``use_token_attribute_tables`` hands it the tables."""

    def __init__(self, name: str = TOKEN_ATTRIBUTES) -> None:
        self.name = name
        self.tables: TokenAttributeTables | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self.tables is None or not len(doc):
            return doc
        self.tables.set_attributes(doc)
        self.tables.set_lemmas(doc)
        return doc


@Language.factory(TOKEN_ATTRIBUTES)
def make_token_attributes(nlp: Language, name: str) -> TokenAttributes:
    return TokenAttributes(name)


def use_token_attribute_tables(nlp: Language) -> bool:
    """Put ``TokenAttributes`` in place of the model's ``attribute_ruler`` and
    ``lemmatizer`` when the lemmatizer follows the ruler and the component reads all
    their rules (``TokenAttributeTables.from_pipes``). Whether it did."""
    names = nlp.pipe_names
    if "attribute_ruler" not in names or "lemmatizer" not in names \
            or names.index("lemmatizer") != names.index("attribute_ruler") + 1:
        return False
    tables = TokenAttributeTables.from_pipes(nlp.vocab, nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))
    if tables is None:
        return False
    component = cast(TokenAttributes, nlp.add_pipe(TOKEN_ATTRIBUTES, before="attribute_ruler"))
    component.tables = tables
    nlp.remove_pipe("attribute_ruler")
    nlp.remove_pipe("lemmatizer")
    return True
