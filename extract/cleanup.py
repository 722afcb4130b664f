"""Remove page furniture from scraped article text before it is parsed.

Scraped news text carries lines that are not the article: share buttons, advertising
slots, photo captions and credits, "Read more" lists of other headlines, menus, cookie
and newsletter prompts, bylines and timestamps. Left in, they become entities and
relations of their own (a related headline names people the article never mentions).

The rules are data, one per line in ``extract/data/boilerplate.jsonl``; the kinds are

- ``drop_line``: a line is dropped when its key (lowercased, outer punctuation and
  symbols stripped) is one of ``exact``, when it contains one of ``contains``, or when
  ``regex`` matches it (in its last ``tail_chars`` characters, if given: credits end a
  caption, and searching a long paragraph from the start is slow);
- ``drop_section``: a header (``exact``) for a list of links to other stories; the header
  and up to ``max_lines`` following short lines without a final period are dropped; with
  ``sentences``, a box of notes under its label ("Corrections and clarifications",
  "Competing interests"): the lines up to the first blank line are dropped, sentences too;
- ``nav_line``: a line of menu items, split on ``separators`` (with ``spaced``, only a
  separator with a space on both sides: "Business / Hong Kong Economy" is a breadcrumb,
  "Tom Reyes/Sentinel" is not) or made only of ``words``;
- ``segment_line``: a short line of parts set apart by ``separators`` ("By X · The
  Canadian Press", "Dublin 9°C | Wednesday, March 5, 2025 | Sign in") where a part is
  furniture by the other rules and the others are furniture too or short names;
- ``drop_block``: a block of lines that opens with a line matching ``start`` and closes,
  within ``max_lines`` lines, with a line matching ``end``; all of it is dropped, sentences
  too (a reader comment: "BarnsleyLad72, Barnsley, 2 hours ago" / the comment / "Reply
  ↑ 45 ↓ 12"). Without its closing line nothing is dropped. With ``after_story``, a block
  opens only after the story's first line of prose (a reader's response under its
  "Name · Feb 21" stamp closes on any line: above the story, a byline of that shape would
  take the headline);
- ``strip_inline``: a fragment cut out of any line where ``regex`` finds it (an exchange
  ticker in a sentence: "Kimberley Iron (ASX: KIM) shares rose ..."); when the regex has
  a group named ``cut``, only that group is cut (a dateline's agency slug: "ACCRA, Feb 18
  (Anchor Wire) - Ghana ..." keeps "ACCRA, Feb 18 - Ghana ...");
- ``link_list``: a list of links to other stories by its shape alone, with no header
  list: after the story has begun (its first line of prose), a short line (at most
  ``max_header_words`` words, no sentence punctuation: "Quick hits", "MORE LOCAL NEWS",
  "Most listened", "In today's brief:") followed by at least ``min_items`` lines that are
  no sentences (no final full stop, at most ``max_item_chars`` characters, few commas),
  one a line with no blank line between them: the header and its items are dropped when
  more than half the items hold five words or more (headlines; a story's own list of
  nominees or fixtures is short names, and a feed's text keeps blank lines between its
  lines). A subheading followed by paragraphs is kept;
- ``repeated_line``: a short line (at most ``max_words`` words, no final full stop) that
  the page holds more than once: a masthead, menu or widget label saved at the head and
  the foot of the page ("☰ Lowlands Today 🔍" three times); a story's own lines do not
  repeat word for word (a repeated caption is longer, and kept once);
- ``pull_quote``: a line in quotation marks (at least ``min_words`` words) whose every
  sentence the story quotes in another, longer line: a magazine's pull quote repeating a quote of the story
  ("\u201cThe rock is warm ... all three.\u201d" beside '"The rock is warm ...," she said.
  "Nobody else ..."'), and the short attribution line under it ("Name, founder, Company");
  a paragraph saved twice word for word is left to the duplicate-line check;
- ``masthead_line``: the page's first line is its masthead when it is a short name (at
  most ``max_words`` words, no sentence); a later line that opens with that name and goes
  on as a description, a bar or an address ("Anchor Wire, the news and media division of
  Thomson Anchor, is ...", "Northbound is published by ...", "The Harbour Dispatch · 1585
  Barrington St ...") is the site's footer; a short title-case line above the story (the
  site's own label under a banner: "Show News") names it too, heard only as its publisher
  line ("Show News is produced by Stoneleigh Events Ltd for the organisers.");
- ``bilingual_line``: a line saved in two languages, two halves joined by one of
  ``separators`` with a space on both sides ("Par / By Sophie Tremblay", "À lire aussi /
  Also read"): when one half is furniture by the line rules (or a list header, or a date
  stamp) and the other half is no much longer, the line is furniture (or a list header);
- ``label_rows``: a box of ``Label: value`` rows, one a line with no blank line between
  them (at least ``min_rows``; each label a capitalised word or up to four words; each line
  at most ``max_line_chars`` characters), at least ``min_known`` of whose labels are in
  ``labels``: an obituary's facts ("Born: 3 March 1938, Sunderland" / "Died: ..." /
  "Survived by: ..."), a preprint's record ("Authors: ..." / "Funding: ..."). Whatever
  its header says, or with none: the labels make the box. A story's own list of labels
  ("Best actor: Jamie Foxx" under an awards story) has labels no list holds. With
  ``max_header_words``, the box's caption goes too: a line of at most that many words right
  above the first row (no blank line between) that ends no sentence ("Meeting of the Full
  Council, Tuesday 24 November 2026, Milton Rooms, 7pm" over "Present:" / "Apologies:");
- ``table_rows``: a table saved as text, one row a line: a run of at least ``min_rows``
  lines with no blank line between them, each cut by ``separators`` (a space on both
  sides) into the same number of cells (at least ``min_parts``, each at most
  ``max_part_words`` words, none ending a sentence); when most of its rows are furniture
  by the other rules, the rest are too: a ferry's "Service status" rows ("Ullapool –
  Stornoway · MV Loch Seaforth · Sailing as scheduled") whose status cell grows longer
  than a menu item on a bad day ("Uig – Tarbert · MV Hebrides · Disrupted: 14:00
  cancelled (weather)");
- ``widget_header``: a short label (at most ``max_words`` words, no sentence) opening a
  block of lines, every other line of which (up to the next blank line, at least one) is
  furniture by the other rules: the label of a widget whose items went ("Match odds" over
  its odds lines, "Media enquiries" over a contact block); with ``after_story``, only a
  label below the story's first line of prose (above it, a headline stands over its
  byline, which other rules drop);
- ``html_drop``: ``tags``, ARIA ``roles`` and ``class_words`` that the HTML reader drops
  before taking text from a page (see ``readers.read_html_file``).

Every row has a ``why``. A bad row fails loading with ``ValueError`` naming file and line
(``boilerplate.jsonl:7: ...``), every bad row at once.

Cleanup works line by line and only drops whole lines, so a sentence is either kept
intact or dropped; the rules are written to match furniture, never prose, and
``find_furniture`` says which rule dropped which line.
"""

from __future__ import annotations

import datetime
import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from newsgraph.extract.regex_literals import LiteralIndex

__all__ = [
    "BoilerplateRules",
    "FurnitureLine",
    "RULES_FILE",
    "clean_text",
    "find_furniture",
    "load_rules",
    "normalise_text",
    "parse_rules",
]

RULES_FILE = "boilerplate.jsonl"

# Zero-width characters, the soft hyphen and bidi controls: invisible in a browser,
# but they split tokens ("Bu\u200bkele") and defeat matching.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_NEWLINES = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028]")
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2043": "-", "\u2212": "-", "\u2012": "\u2013", "\u2015": "\u2014"})
# An apostrophe typed as a right quote inside a word ("Bukele\u2019s") is still an
# apostrophe; later stages strip possessives by looking for "'s".
_WORD_APOSTROPHE = re.compile("(?<=\\w)[\u2019\u02bc\u2018](?=\\w)")
_APOSTROPHES = ("\u2019", "\u02bc", "\u2018")
_SPACES = re.compile(" {2,}")
# control characters (Cc) other than the newline, and every Unicode space (Zs)
_CONTROLS_AND_SPACES = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_LIST_ITEM = re.compile(r"^([-*+\u2022\u2013\u2014]|\d{1,3}[.)])\s")
_SENTENCE_END = (".", "!", "?", ":", ";", '"', "\u201d", "\u2019", "'", ")", "\u2026")

_RULE_KEYS: dict[str, dict[str, type | tuple[type, ...]]] = {
    "drop_line": {"exact": list, "contains": list, "regex": str, "ignore_case": bool, "tail_chars": int},
    "drop_section": {"exact": list, "regex": str, "max_lines": int, "max_line_chars": int, "sentences": bool},
    "strip_tail": {"regex": str},
    "strip_inline": {"regex": str},
    "drop_block": {"start": str, "end": str, "max_lines": int, "after_story": bool},
    "nav_line": {"separators": str, "words": list, "min_items": int, "max_item_words": int, "spaced": bool},
    "segment_line": {"separators": str, "min_segments": int, "max_name_words": int},
    "link_list": {"min_items": int, "max_header_words": int, "max_item_chars": int},
    "repeated_line": {"max_words": int},
    "pull_quote": {"min_words": int},
    "masthead_line": {"max_words": int},
    "bilingual_line": {"separators": str},
    "widget_header": {"max_words": int, "after_story": bool},
    "label_rows": {"labels": list, "min_rows": int, "min_known": int, "max_line_chars": int, "max_header_words": int},
    "table_rows": {"separators": str, "min_rows": int, "min_parts": int, "max_part_words": int},
    "html_drop": {"tags": list, "roles": list, "class_words": list},
}
_ONE_OF = {
    "drop_line": ("exact", "contains", "regex"),
    "drop_section": ("exact", "regex"),
    "strip_tail": ("regex",),
    "strip_inline": ("regex",),
    "drop_block": ("start",),
    "nav_line": ("separators", "words"),
    "segment_line": ("separators",),
    "link_list": ("min_items",),
    "repeated_line": ("max_words",),
    "pull_quote": ("min_words",),
    "masthead_line": ("max_words",),
    "bilingual_line": ("separators",),
    "widget_header": ("max_words",),
    "label_rows": ("labels",),
    "table_rows": ("separators",),
    "html_drop": ("tags", "roles", "class_words"),
}


@dataclass(frozen=True)
class FurnitureLine:
    """A line that cleanup drops, and the rule (``file:line``) that dropped it."""

    line: int  # 1-based, in the text after normalise_text
    text: str
    rule: str
    why: str
    rule_kind: str = ""


@dataclass(frozen=True)
class _Rule:
    ref: str  # "boilerplate.jsonl:7"
    why: str
    kind: str = ""  # drop_line, nav_line, ...


@dataclass(frozen=True)
class _Pattern:
    regex: re.Pattern[str]
    rule: _Rule
    tail_chars: int | None = None  # search only the end of the line


@dataclass(frozen=True)
class _Section:
    max_lines: int
    max_line_chars: int
    rule: _Rule
    sentences: bool = False  # its lines may be sentences; the first blank line closes it


@dataclass(frozen=True)
class _Block:
    start: re.Pattern[str]
    end: re.Pattern[str]
    max_lines: int
    rule: _Rule
    after_story: bool = False  # only after the story's first line of prose


@dataclass(frozen=True)
class _NavRule:
    separators: re.Pattern[str] | None
    words: frozenset[tuple[str, ...]]
    min_items: int
    max_item_words: int
    rule: _Rule


@dataclass(frozen=True)
class _LinkList:
    min_items: int
    max_header_words: int
    max_item_chars: int
    rule: _Rule


@dataclass(frozen=True)
class _LabelRows:
    labels: frozenset[str]  # lower case
    min_rows: int
    min_known: int
    max_line_chars: int
    rule: _Rule
    max_header_words: int = 0  # the caption line above the box (0: none)


@dataclass(frozen=True)
class _TableRows:
    separators: re.Pattern[str]
    min_rows: int
    min_parts: int
    max_part_words: int
    rule: _Rule


@dataclass(frozen=True)
class _SegmentRule:
    separators: re.Pattern[str]
    min_segments: int
    max_name_words: int
    rule: _Rule


@dataclass(frozen=True)
class BoilerplateRules:
    """Compiled boilerplate rules; build with ``load_rules`` or ``parse_rules``."""

    exact: dict[str, _Rule] = field(default_factory=dict)
    contains: tuple[tuple[str, _Rule], ...] = ()
    patterns: tuple[_Pattern, ...] = ()
    sections: dict[str, _Section] = field(default_factory=dict)
    section_patterns: tuple[tuple[re.Pattern[str], _Section], ...] = ()
    tails: tuple[_Pattern, ...] = ()
    inline: tuple[_Pattern, ...] = ()
    blocks: tuple[_Block, ...] = ()
    nav: tuple[_NavRule, ...] = ()
    segments: tuple[_SegmentRule, ...] = ()
    link_lists: tuple[_LinkList, ...] = ()
    repeated: tuple[tuple[int, _Rule], ...] = ()  # (max_words, rule)
    pull_quotes: tuple[tuple[int, _Rule], ...] = ()  # (min_words, rule)
    mastheads: tuple[tuple[int, _Rule], ...] = ()  # (max_words, rule)
    bilingual: tuple[tuple[re.Pattern[str], _Rule], ...] = ()  # (separator, rule)
    widget_headers: tuple[tuple[int, bool, _Rule], ...] = ()  # (max_words, after_story, rule)
    label_rows: tuple[_LabelRows, ...] = ()
    table_rows: tuple[_TableRows, ...] = ()
    html_tags: frozenset[str] = frozenset()
    html_roles: frozenset[str] = frozenset()
    html_class_words: frozenset[str] = frozenset()
    # ``_matching_rule``'s answers by line: a line is asked about twice or more (its credit
    # stripped, then as furniture; ~2.3 times on news), and the ~180 patterns tried on a
    # line that matches none are most of the cleanup's time. Not part of the rules.
    matches: dict[str, "_Rule | None"] = field(default_factory=dict, init=False, compare=False, repr=False)
    # Which ``patterns`` a line may match by the words they require (a line of prose holds
    # the words of few): built from ``patterns``, not part of the rules.
    pattern_index: LiteralIndex = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "pattern_index", LiteralIndex([p.regex for p in self.patterns]))


# Lines remembered by ``BoilerplateRules.matches`` before it starts again (an article has
# tens of lines: asked again within an article, rarely across articles).
MATCH_MEMORY = 4096


def parse_rules(lines: Iterable[str], filename: str = RULES_FILE) -> BoilerplateRules:
    """Compile rule rows; raise ``ValueError`` listing every bad row as ``file:line: ...``."""
    errors: list[str] = []
    exact: dict[str, _Rule] = {}
    contains: list[tuple[str, _Rule]] = []
    patterns: list[_Pattern] = []
    sections: dict[str, _Section] = {}
    section_patterns: list[tuple[re.Pattern[str], _Section]] = []
    tails: list[_Pattern] = []
    inline: list[_Pattern] = []
    blocks: list[_Block] = []
    nav: list[_NavRule] = []
    segments: list[_SegmentRule] = []
    link_lists: list[_LinkList] = []
    repeated: list[tuple[int, _Rule]] = []
    pull_quotes: list[tuple[int, _Rule]] = []
    mastheads: list[tuple[int, _Rule]] = []
    bilingual: list[tuple[re.Pattern[str], _Rule]] = []
    widget_headers: list[tuple[int, bool, _Rule]] = []
    label_rows: list[_LabelRows] = []
    table_rows: list[_TableRows] = []
    tags: set[str] = set()
    roles: set[str] = set()
    class_words: set[str] = set()

    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        where = f"{filename}:{number}"
        problems = _check_row(raw)
        if isinstance(problems, list):
            errors.extend(f"{where}: {p}" for p in problems)
            continue
        row = problems
        rule = _Rule(where, row["why"], row["rule"])
        kind = row["rule"]
        if kind == "drop_line":
            if "exact" in row:
                exact.update((_line_key(w), rule) for w in row["exact"])
            elif "contains" in row:
                contains.extend((_collapse(w.lower()), rule) for w in row["contains"])
            else:
                flags = re.IGNORECASE if row.get("ignore_case", True) else 0
                patterns.append(_Pattern(re.compile(row["regex"], flags), rule, row.get("tail_chars")))
        elif kind == "drop_section":
            section = _Section(row.get("max_lines", 12), row.get("max_line_chars", 150), rule, row.get("sentences", False))
            if "regex" in row:
                section_patterns.append((re.compile(row["regex"], re.IGNORECASE), section))
            else:
                sections.update((_line_key(w), section) for w in row["exact"])
        elif kind == "strip_tail":
            tails.append(_Pattern(re.compile(row["regex"]), rule))
        elif kind == "strip_inline":
            inline.append(_Pattern(re.compile(row["regex"]), rule))
        elif kind == "drop_block":
            blocks.append(_Block(re.compile(row["start"], re.IGNORECASE), re.compile(row["end"], re.IGNORECASE),
                                 row.get("max_lines", 6), rule, row.get("after_story", False)))
        elif kind == "nav_line":
            separators = row.get("separators")
            space = "\\s+" if row.get("spaced") else "\\s*"
            nav.append(
                _NavRule(
                    separators=re.compile(space + "[" + re.escape(separators) + "]" + space) if separators else None,
                    words=frozenset(tuple(_line_key(w).split()) for w in row.get("words", ())),
                    min_items=row.get("min_items", 3),
                    max_item_words=row.get("max_item_words", 4),
                    rule=rule,
                )
            )
        elif kind == "segment_line":
            segments.append(
                _SegmentRule(
                    separators=re.compile("\\s*[" + re.escape(row["separators"]) + "]\\s*"),
                    min_segments=row.get("min_segments", 2),
                    max_name_words=row.get("max_name_words", 5),
                    rule=rule,
                )
            )
        elif kind == "repeated_line":
            repeated.append((row["max_words"], rule))
        elif kind == "pull_quote":
            pull_quotes.append((row["min_words"], rule))
        elif kind == "masthead_line":
            mastheads.append((row["max_words"], rule))
        elif kind == "bilingual_line":
            bilingual.append((re.compile("\\s+[" + re.escape(row["separators"]) + "]\\s+"), rule))
        elif kind == "widget_header":
            widget_headers.append((row["max_words"], row.get("after_story", False), rule))
        elif kind == "label_rows":
            label_rows.append(_LabelRows(frozenset(w.lower() for w in row["labels"]), row.get("min_rows", 3),
                                         row.get("min_known", 2), row.get("max_line_chars", 300), rule,
                                         row.get("max_header_words", 0)))
        elif kind == "table_rows":
            table_rows.append(_TableRows(re.compile("\\s+[" + re.escape(row["separators"]) + "]\\s+"),
                                         row.get("min_rows", 3), row.get("min_parts", 3),
                                         row.get("max_part_words", 8), rule))
        elif kind == "link_list":
            link_lists.append(_LinkList(row["min_items"], row.get("max_header_words", 4),
                                        row.get("max_item_chars", 150), rule))
        else:
            tags.update(w.lower() for w in row.get("tags", ()))
            roles.update(w.lower() for w in row.get("roles", ()))
            class_words.update(w.lower() for w in row.get("class_words", ()))

    if errors:
        raise ValueError("\n".join(errors))
    return BoilerplateRules(
        exact=exact,
        contains=tuple(contains),
        patterns=tuple(patterns),
        sections=sections,
        section_patterns=tuple(section_patterns),
        tails=tuple(tails),
        inline=tuple(inline),
        blocks=tuple(blocks),
        nav=tuple(nav),
        segments=tuple(segments),
        link_lists=tuple(link_lists),
        repeated=tuple(repeated),
        pull_quotes=tuple(pull_quotes),
        mastheads=tuple(mastheads),
        bilingual=tuple(bilingual),
        widget_headers=tuple(widget_headers),
        label_rows=tuple(label_rows),
        table_rows=tuple(table_rows),
        html_tags=frozenset(tags),
        html_roles=frozenset(roles),
        html_class_words=frozenset(class_words),
    )


def _check_row(raw: str) -> dict[str, Any] | list[str]:
    """The row as a dict, or the list of what is wrong with it."""
    try:
        row = json.loads(raw)
    except json.JSONDecodeError as e:
        return [f"malformed JSON: {e.msg} (column {e.colno})"]
    if not isinstance(row, dict):
        return [f"a rule must be a JSON object, not {type(row).__name__}"]
    kind = row.get("rule")
    if kind not in _RULE_KEYS:
        return [f"unknown rule {kind!r} (expected one of {', '.join(sorted(_RULE_KEYS))})"]
    problems: list[str] = []
    allowed = _RULE_KEYS[kind]
    if not isinstance(row.get("why"), str) or not row["why"].strip():
        problems.append("missing 'why': say what the rule removes")
    for key, value in row.items():
        if key in ("rule", "why"):
            continue
        if key not in allowed:
            problems.append(f"unknown key {key!r} for {kind} (expected {', '.join(allowed)})")
            continue
        expected = allowed[key]
        if expected is int and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            problems.append(f"{key!r} must be a positive integer")
        elif expected is list and (
            not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value)
        ):
            problems.append(f"{key!r} must be a non-empty list of non-empty strings")
        elif expected in (str, bool) and not isinstance(value, expected):
            problems.append(f"{key!r} must be a {expected.__name__}")
    present = [k for k in _ONE_OF[kind] if k in row]
    if len(present) != 1:
        problems.append(f"{kind} needs exactly one of {', '.join(_ONE_OF[kind])}")
    for key in ("ignore_case", "tail_chars"):
        if key in row and ("regex" not in row or kind != "drop_line"):
            problems.append(f"{key!r} applies only to 'regex'")
    for key in ("max_item_words", "spaced"):
        if kind == "nav_line" and key in row and "separators" not in row:
            problems.append(f"{key!r} applies only to 'separators'")
    if kind == "drop_block" and not isinstance(row.get("end"), str):
        problems.append("drop_block needs 'end': the line that closes the block")
    for key in ("start", "end"):
        if kind == "drop_block" and isinstance(row.get(key), str):
            try:
                re.compile(row[key])
            except re.error as e:
                problems.append(f"bad {key} regex: {e}")
    if isinstance(row.get("regex"), str):
        try:
            re.compile(row["regex"])
        except re.error as e:
            problems.append(f"bad regex: {e}")
    return problems or row


def load_rules(path: str | Path | None = None) -> BoilerplateRules:
    """The rules in ``path``, or the packaged ``data/boilerplate.jsonl`` (loaded once)."""
    if path is None:
        return _packaged_rules()
    path = Path(path)
    with path.open(encoding="utf-8") as f:
        return parse_rules(f, filename=path.name)


@functools.cache
def _packaged_rules() -> BoilerplateRules:
    text = resources.files("newsgraph.extract").joinpath("data", RULES_FILE).read_text(encoding="utf-8")
    return parse_rules(text.splitlines(), filename=RULES_FILE)


def normalise_text(text: str) -> str:
    """NFC, one kind of newline, no control or invisible characters, single spaces.

    Paragraph breaks survive as blank lines; lines are stripped. Typographic quotes are
    kept except an apostrophe inside a word, which becomes ``'``.
    """
    if "&#" in text:
        text = _CHAR_REF.sub(_char_ref, text)  # "Pap&#233;" left by a feed: "Papé", one name
    text = unicodedata.normalize("NFC", text)
    text = _NEWLINES.sub("\n", text).replace("\u2029", "\n\n")
    text = _INVISIBLE.sub("", text)
    text = _CONTROLS_AND_SPACES.sub(" ", text)
    text = text.translate(_HYPHENS)
    if any(a in text for a in _APOSTROPHES):
        text = _WORD_APOSTROPHE.sub("'", text)
    if "  " in text:
        text = "\n".join(_spaced_menu(line) for line in text.split("\n"))
    text = _SPACES.sub(" ", text)
    lines = [line.strip(" ") for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


_SPACE_RUN = re.compile(" {2,}")
# A numeric character reference a feed left in plain text ("Pascal Pap&#233;", "&#163;5m");
# named ones ("&amp;") are left alone: in plain text they may be meant literally.
_CHAR_REF = re.compile(r"&#(?:([0-9]{2,7})|[xX]([0-9a-fA-F]{2,6}));")


def _char_ref(match: re.Match[str]) -> str:
    code = int(match.group(1)) if match.group(1) else int(match.group(2), 16)
    if code < 32 or 127 <= code < 160 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return match.group(0)  # a control character or no character: kept as written
    return chr(code)


def _spaced_menu(line: str) -> str:
    """A menu a browser saved as items apart by runs of spaces ("World  Business  Markets")
    gets "|" between its items, so the menu rules see it; prose with two spaces after a full
    stop has long items and stays as it is."""
    if "  " not in line or len(line) > 200:
        return line
    items = _SPACE_RUN.split(line.strip(" "))
    if len(items) >= 3 and all(len(i.split()) <= 4 and len(i) <= 30 and not i.endswith(".") for i in items):
        return " | ".join(items)
    return line


def find_furniture(text: str, rules: BoilerplateRules | None = None) -> list[FurnitureLine]:
    """The lines of ``normalise_text(text)`` that are page furniture, with their rules."""
    rules = rules or load_rules()
    return list(_furniture(strip_tails(normalise_text(text).split("\n"), rules), rules))


def clean_text(text: str, rules: BoilerplateRules | None = None) -> str:
    """The article text without page furniture, normalised; ``""`` if nothing is left.

    Paragraphs are separated by one blank line. Inside a paragraph, a line break in the
    middle of a sentence (the line does not end a sentence and the next starts in lower
    case, or the line ends with a comma, and the next is not a list item) is joined with
    a space, so that hard-wrapped text does not split names and clauses across lines.
    """
    rules = rules or load_rules()
    lines = strip_tails(normalise_text(text).split("\n"), rules)
    dropped = {f.line for f in _furniture(lines, rules)}
    paragraphs: list[list[str]] = [[]]
    recent: list[str] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if number in dropped:
            continue
        if line and len(line) >= 20 and line in recent:
            continue  # a caption saved twice (above and below the photo credit)
        if len(line) >= 60 and line in seen:
            continue  # a caption repeated further down (a gallery, a lightbox's copy)
        if line:
            recent = [*recent[-2:], line]
            seen.add(line)
        if not line:
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        paragraphs[-1].append(line)
    return "\n\n".join(_join_wrapped(p) for p in paragraphs if p)


def _join_wrapped(lines: list[str]) -> str:
    out = lines[0]
    for line in lines[1:]:
        mid_sentence = (
            not out.endswith(_SENTENCE_END)
            and (line[0].islower() or out.endswith(","))
            and not _LIST_ITEM.match(line)
        )
        out += (" " if mid_sentence else "\n") + line
    return out


def _furniture(lines: list[str], rules: BoilerplateRules) -> Iterator[FurnitureLine]:
    found = list(_line_furniture(lines, rules))
    if rules.table_rows:
        found = sorted([*found, *_table_rows(lines, {f.line for f in found}, rules)], key=lambda f: f.line)
    if rules.widget_headers:
        found = sorted([*found, *_widget_headers(lines, {f.line for f in found}, rules)], key=lambda f: f.line)
    yield from found


def _halves(line: str, rules: BoilerplateRules) -> tuple[_Rule, list[str]] | None:
    """A line saved in two languages ("Par / By Name"): its rule and its two halves."""
    if len(line) > 400:
        return None
    for separator, rule in rules.bilingual:
        parts = separator.split(line)
        if len(parts) == 2 and all(p.strip() for p in parts):
            return rule, [p.strip() for p in parts]
    return None


def _bilingual_furniture(line: str, rules: BoilerplateRules) -> tuple[_Rule, _Section | None] | None:
    """The rule of a two-language line one of whose halves is furniture (and the list
    header it opens, if the half is one); the other half must not be much longer, so a
    sentence that quotes a label keeps its line."""
    halves = _halves(line, rules)
    if halves is None:
        return None
    rule, parts = halves
    for i, part in enumerate(parts):
        other = len(parts[1 - i].split())
        if other > 2 * len(part.split()) + 4:
            continue
        key = _line_key(part)
        header = rules.sections.get(key) or _section_pattern(part, rules)
        if header is not None:
            return rule, header
        if _matching_rule(part, key, rules) is not None or page_date(part) is not None:
            return rule, None
    return None


def _widget_headers(lines: list[str], dropped: set[int], rules: BoilerplateRules) -> Iterator[FurnitureLine]:
    """Short labels whose block's other lines are all furniture: the widget's label."""
    story = None
    for max_words, after_story, rule in rules.widget_headers:
        if after_story and story is None:
            story = _story_start(lines, rules)
        for i, line in enumerate(lines):
            number = i + 1
            if after_story and i <= (story or 0):
                continue  # above the story a headline over its dropped byline is no widget's label
            if not line or number in dropped or (i and lines[i - 1]) or _is_prose(line):
                continue
            if len(line.split()) > max_words or line.rstrip().endswith((".", "!", "?", ",", ";")):
                continue
            block = []
            for j in range(i + 1, len(lines)):
                if not lines[j]:
                    break
                block.append(j + 1)
            if block and all(n in dropped for n in block):
                yield FurnitureLine(number, line, rule.ref, rule.why, rule.kind)


def _line_furniture(lines: list[str], rules: BoilerplateRules) -> Iterator[FurnitureLine]:
    section: _Section | None = None
    section_left = 0
    blocks = _blocks(lines, rules)
    # lines of a list of links that no other rule names (those are reported by their own rule)
    lists = _link_lists(lines, rules)
    lists.update(_repeated_lines(lines, rules))
    lists.update(_pull_quote_lines(lines, rules))
    lists.update(_masthead_lines(lines, rules))
    lists.update(_label_row_lines(lines, rules))
    # Above the story a list of links ("Up next" over a video playlist) is one block: the
    # headline after the blank line is no item of it, whatever its length.
    story = next((i + 1 for i, line in enumerate(lines) if _is_prose(line)), len(lines) + 1)
    for number, line in enumerate(lines, start=1):
        if not line:
            if number < story or (section is not None and section.sentences):
                section_left = 0
            continue
        if number in blocks:
            block = blocks[number]
            yield FurnitureLine(number, line, block.ref, block.why, block.kind)
            continue
        key = _line_key(line)
        if section_left:
            if _is_link_line(line, section) and key not in rules.sections and _section_pattern(line, rules) is None:
                # "See more top stories ›": the list's own link to the rest closes it
                # "Playlist · 6 videos" closes its list too: the headline may follow
                section_left = 0 if _LINK_ARROW.search(line) or _LIST_COUNTER.search(line) else section_left - 1
                assert section is not None
                yield FurnitureLine(number, line, section.rule.ref, section.rule.why, section.rule.kind)
                continue
            section_left = 0
        header = rules.sections.get(key) or _section_pattern(line, rules)
        both = _bilingual_furniture(line, rules) if header is None and rules.bilingual else None
        if both is not None and both[1] is not None:
            header = both[1]  # "À lire aussi / Also read"
        if header is not None:
            section = header
            section_left = section.max_lines
            yield FurnitureLine(number, line, section.rule.ref, section.rule.why, section.rule.kind)
            continue
        rule = _matching_rule(line, key, rules) or lists.get(number) or (both[0] if both else None)
        if rule is not None:
            yield FurnitureLine(number, line, rule.ref, rule.why, rule.kind)


def _blocks(lines: list[str], rules: BoilerplateRules) -> dict[int, _Rule]:
    """The lines (1-based) inside ``drop_block`` blocks: an opening line, then within
    ``max_lines`` non-empty lines a closing one. A block that never closes drops nothing."""
    out: dict[int, _Rule] = {}
    if not rules.blocks:
        return out
    # the story's first sentence (``_story_start``): a block whose closing line
    # may be any line (a reader's comment under its "Name · Feb 21" stamp) waits for it, so
    # that a byline of the same shape above the story never takes the headline with it
    story = None
    if any(block.after_story for block in rules.blocks):
        story = _story_start(lines, rules)
    for i, line in enumerate(lines):
        if not line or len(line) > 200 or i + 1 in out:
            continue
        for block in rules.blocks:
            if block.after_story and story is not None and i <= story:
                continue
            if not block.start.search(line):
                continue
            seen = 0
            for j in range(i + 1, len(lines)):
                if not lines[j]:
                    continue
                seen += 1
                if seen > block.max_lines:
                    break
                # (a closing line may be a long paragraph: a release's boilerplate under "About X")
                if len(lines[j]) <= 1200 and block.end.search(lines[j]):
                    out.update((k + 1, block.rule) for k in range(i, j + 1) if lines[k])
                    break
            if i + 1 in out:
                break
    return out


_LINK_ARROW = re.compile(r"\s[\u203a\u00bb\u2192]$")
# a list's own count of its items, its last line: "Playlist · 6 videos", "12 photos"
_LIST_COUNTER = re.compile(r"(?i)(^|[\s\u00b7|\u2022:-])\d+\s+(videos?|photos?|images?|pictures?|clips?|episodes?|slides?)$")


def _story_start(lines: list[str], rules: BoilerplateRules) -> int:
    """The story's first line: the first line of prose no furniture rule drops (a
    newsletter's greeting or a consent dialog's paragraph begins no story); past the end
    when there is none."""
    return next((i for i, line in enumerate(lines) if _is_prose(line) and _matching_rule(line, _line_key(line), rules) is None),
                len(lines))


def _link_lists(lines: list[str], rules: BoilerplateRules) -> dict[int, _Rule]:
    """The lines (1-based) of lists of links after the story has begun (``link_list``):
    a short header without sentence punctuation and at least ``min_items`` item lines
    right under it (no blank line), none a sentence, more than half of five words or more. Before the first line
    of prose a page's head holds headline, standfirst and byline, which have the same
    shape, so the rule waits for the story."""
    out: dict[int, _Rule] = {}
    if not rules.link_lists:
        return out
    start = _story_start(lines, rules)
    for link_list in rules.link_lists:
        i = start + 1
        while i < len(lines):
            # a header that a drop_section rule knows keeps that rule's reach
            if not _is_list_header(lines[i], link_list) or _line_key(lines[i]) in rules.sections \
                    or _section_pattern(lines[i], rules) is not None:
                i += 1
                continue
            # a widget's list is a block of lines with no blank line in it (a browser saves
            # list items one a line); a story's paragraphs, and the lists a story holds in a
            # feed's text, stand apart by blank lines
            items, j = [], i + 1
            while j < len(lines) and lines[j] and _is_list_item(lines[j], link_list):
                items.append(j)
                j += 1
            # links to other stories are headlines: more than half hold five words or more. A
            # story's own lists are short names (nominees under "Best film", fixtures under
            # "Fifth round draw": "Chelsea v Birmingham") and stay.
            long = sum(len([w for w in lines[k].split() if any(c.isalnum() for c in w)]) >= 5 for k in items)
            if len(items) < link_list.min_items or 2 * long <= len(items):
                i = j if items else i + 1  # a block is judged once, not again from its second line
                continue
            out.update((k + 1, link_list.rule) for k in (i, *items))
            i = j
    return out


# A label and its value on one line: "Born: 3 March 1938, Sunderland", "Survived by: her
# husband, Alan", "Competing interests: none declared" (bounded: no backtracking on a long line)
_LABEL_ROW = re.compile(r"^([A-Z][\w'\u2019&/-]{0,30}(?: [\w'\u2019&/-]{1,30}){0,3}):\s+\S")


def _label_row_lines(lines: list[str], rules: BoilerplateRules) -> dict[int, _Rule]:
    """The lines (1-based) of ``label_rows`` boxes: runs of ``Label: value`` lines with no
    blank line between them, enough of whose labels are a box's labels."""
    out: dict[int, _Rule] = {}
    for box in rules.label_rows:
        i = 0
        while i < len(lines):
            labels: list[str] = []
            j = i
            while j < len(lines) and lines[j] and len(lines[j]) <= box.max_line_chars:
                m = _LABEL_ROW.match(lines[j])
                if m is None:
                    break
                labels.append(m.group(1).lower())
                j += 1
            if j - i >= box.min_rows and sum(label in box.labels for label in labels) >= box.min_known:
                out.update((k + 1, box.rule) for k in range(i, j))
                if box.max_header_words and _is_box_caption(lines, i - 1, box.max_header_words):
                    out[i] = box.rule  # line i (1-based) is the caption right above row i + 1
            i = max(j, i + 1)  # a run is judged once, not again from its second line
    return out


def _is_box_caption(lines: list[str], i: int, max_words: int) -> bool:
    """Line ``i`` (0-based) is a box's caption: short, no sentence, after a blank line (or
    first), so a story's last paragraph right above a box is never taken for one."""
    if i < 0 or not lines[i] or (i and lines[i - 1]):
        return False
    line = lines[i].rstrip()
    return len(line.split()) <= max_words and not line.endswith(_SENTENCE_END) and not _is_prose(line)


def _table_rows(lines: list[str], dropped: set[int], rules: BoilerplateRules) -> Iterator[FurnitureLine]:
    """Rows of a table most of whose rows other rules drop: the rest of its rows (1-based)."""
    for table in rules.table_rows:
        i = 0
        while i < len(lines):
            j, width = i, 0
            while j < len(lines) and lines[j] and len(lines[j]) <= 300:
                cells = table.separators.split(lines[j])
                if (len(cells) < table.min_parts or (width and len(cells) != width)
                        or any(len(c.split()) > table.max_part_words or c.rstrip().endswith((".", "!", "?"))
                               for c in cells)):
                    break
                width = len(cells)
                j += 1
            rows = range(i + 1, j + 1)
            if j - i >= table.min_rows and 2 * sum(n in dropped for n in rows) > j - i:
                for n in rows:
                    if n not in dropped:
                        yield FurnitureLine(n, lines[n - 1], table.rule.ref, table.rule.why, table.rule.kind)
            i = max(j, i + 1)  # a run is judged once, not again from its second line


def _repeated_lines(lines: list[str], rules: BoilerplateRules) -> dict[int, _Rule]:
    """The lines (1-based) of short non-sentence lines that the page holds more than once."""
    out: dict[int, _Rule] = {}
    if not rules.repeated:
        return out
    seen: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if line and any(c.isalpha() for c in line) and not line.rstrip('"\u201d\u2019\')').endswith((".", "!", "?")):
            seen.setdefault(line, []).append(i)
    for max_words, rule in rules.repeated:
        for line, where in seen.items():
            # a masthead or menu is names and labels in capitals ("Winners meet in final
            # match", repeated under two fixtures of a story's list, is the story's)
            words = [w for w in line.split() if w[:1].isalpha()]
            if len(where) > 1 and len(line.split()) <= max_words and all(w[:1].isupper() for w in words):
                out.update((i + 1, rule) for i in where)
    return out


_QUOTE_MARKS = re.compile("[\"\u201c\u201d\u00ab\u00bb\u2018\u2019']")
_OPENS_QUOTE = re.compile("^[\\u2014\\u2013-]?\\s*[\"\u201c\u00ab\u2018']")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"\u201d\u2019']?\s+")


def _plain(text: str) -> str:
    """Words only, lower case: what a quote says whatever its marks and commas."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _pull_quote_lines(lines: list[str], rules: BoilerplateRules) -> dict[int, _Rule]:
    """The lines (1-based) of pull quotes and of the short attribution line under each."""
    out: dict[int, _Rule] = {}
    if not rules.pull_quotes:
        return out
    plains = [_plain(line) if line else "" for line in lines]
    for min_words, rule in rules.pull_quotes:
        for i, line in enumerate(lines):
            # a pull quote is set in quotation marks and ends a sentence; a headline or a
            # results line the story repeats is not
            if (not line or len(line) > 300 or len(line.split()) < min_words or not _OPENS_QUOTE.match(line)
                    or not _QUOTE_MARKS.sub("", line).rstrip().endswith((".", "!", "?"))):
                continue
            sentences = [_plain(s) for s in _SENTENCE_SPLIT.split(_QUOTE_MARKS.sub("", line).strip())]
            if not sentences or any(len(s.split()) < 3 for s in sentences):
                continue
            # every sentence said again in a longer line that is not this one's copy
            if any(plains[j] == plains[i] for j in range(len(lines)) if j != i and lines[j]):
                continue
            if not all(any(s in plains[j] and len(plains[j]) > len(s) for j in range(len(lines))
                           if j != i and lines[j] and _QUOTE_MARKS.search(lines[j])) for s in sentences):
                continue
            out[i + 1] = rule
            after = next((j for j in range(i + 1, min(i + 3, len(lines))) if lines[j]), None)
            if after is not None and _is_attribution(lines[after]):
                out[after + 1] = rule
    return out


# (an abbreviation's full stops are no sentence's: "— Tessa Marchetti, U.S. attorney")
_ATTRIBUTION = re.compile(r"^[\u2014\u2013-]?\s*[A-Z](?:[^.!?:;]|(?<=\b[A-Z])\.){1,80}$")


def _is_attribution(line: str) -> bool:
    """A pull quote's credit: a name and maybe a role, short, no sentence ("Name, founder, X")."""
    return len(line.split()) <= 10 and bool(_ATTRIBUTION.match(line))


_MASTHEAD_GOES_ON = re.compile(r"^(,\s|\s+(is|are|was)\s|\s*[|\u00b7\u2022\u2013\u2014]\s)")
# A name the page gives itself in a short title-case line above the story ("Show News" under
# a trade fair's banner) goes on only as its publisher line: "Show News is produced by X".
_SITE_LABEL = re.compile(r"^[A-Z][\w&'\u2019.-]*(?: [A-Z][\w&'\u2019.-]*){1,4}$")
_LABEL_PUBLISHED_BY = re.compile(
    r"^([A-Z][\w&'\u2019.-]*(?: [A-Z][\w&'\u2019.-]*){1,4})\s+(?:is|are) (?:produced|published|edited|compiled) (?:by|for)\s"
)


def _masthead_lines(lines: list[str], rules: BoilerplateRules) -> dict[int, _Rule]:
    """The lines (1-based) after the first that open with the page's masthead and describe
    the site ("X, the news division of Y, is ...", "X is published by Y", "X · address", or
    a note that names the site twice: "X shows stories from publishers; X does not write them")."""
    out: dict[int, _Rule] = {}
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is None:
        return out
    # the masthead between icons ("☰ | GULF COAST TIMES | 👤"), matched whatever its case
    name = re.sub(r"^[^\w.!?,:]+|[^\w.!?,:]+$", "", lines[first].strip())
    for max_words, rule in rules.mastheads:
        if (len(name.split()) > max_words or name.endswith((".", "!", "?", ",", ":"))
                or not any(c.isalpha() for c in name)):
            continue
        size = len(name)
        for i in range(first + 1, len(lines)):
            line = lines[i]
            if (line and len(line) <= 300 and line[:size].lower() == name.lower()
                    and (_MASTHEAD_GOES_ON.match(line[size:])
                         # a site's note on itself names it again: "NewsNest shows stories
                         # from publishers; NewsNest does not write them."
                         or (line[size:size + 1] == " " and line.lower().count(name.lower()) >= 2))):
                out[i + 1] = rule
    # the site's short labels above the story, each heard only as its publisher line
    story = next((i for i, line in enumerate(lines) if _is_prose(line)), len(lines))
    labels = {line.strip() for line in lines[first + 1:story] if _SITE_LABEL.match(line.strip())}
    if rules.mastheads and labels:
        rule = rules.mastheads[0][1]
        for i in range(story, len(lines)):
            m = _LABEL_PUBLISHED_BY.match(lines[i]) if len(lines[i]) <= 300 else None
            if m is not None and m.group(1) in labels:
                out.setdefault(i + 1, rule)
    return out


def _is_list_header(line: str, link_list: _LinkList) -> bool:
    words = line.split()
    return (
        0 < len(words) <= link_list.max_header_words and len(line) <= 40
        and not line.endswith((".", "!", "?", ",", ";", '"', "\u201d")) and any(c.isalpha() for c in line)
        and page_date(line) is None
    )


def _is_list_item(line: str, link_list: _LinkList) -> bool:
    """A headline, a name or a short label: not a sentence, and not a team sheet or a
    list of names and results ("Wales: G Thomas; H Luscombe, T Shanklin, ..."), whose
    commas and semicolons carry the story's people."""
    if len(line) > link_list.max_item_chars or line.count(",") + line.count(";") > 2:
        return False
    end = line.rstrip('"\u201d\u2019\')')
    if end.endswith("?") and len(line.split()) <= 12:
        return True  # a headline that asks ("Is Finland really Europe's chip hub?")
    return not end.endswith((".", "!", "?")) or bool(_COMPANY_END.search(line))


def _section_pattern(line: str, rules: BoilerplateRules) -> _Section | None:
    if len(line) > 60:
        return None
    for pattern, section in rules.section_patterns:
        if pattern.fullmatch(line):
            return section
    return None


def strip_tails(lines: list[str], rules: BoilerplateRules) -> list[str]:
    """Lines without a trailing credit: a caption keeps its words. "Graham Whitlock at
    Portcullis House last month (PA Wire)" loses "(PA Wire)" (``strip_tail`` rules), and a
    caption that a drop rule would take whole for its credit ("Bukele greets Rubio in San
    Salvador. (AP Photo/X)", "... on Monday. Image: GCIS") loses only the credit: captions
    are text, their credits are not."""
    out = []
    for line in lines:
        for inline in rules.inline:
            if line and inline.regex.search(line):
                line = inline.regex.sub(_cut, line)
        whole = _matching_rule(line, _line_key(line), rules) if line else None
        if whole is not None:
            out.append(_caption_without_credit(line, rules) or line)
            continue
        for tail in rules.tails:
            end = line[-160:]
            m = tail.regex.search(end)
            if m and m.start() > 0:
                line = line[: len(line) - len(end) + m.start()].rstrip()
        out.append(line)
    return out


def _cut(match: re.Match[str]) -> str:
    """What a ``strip_inline`` match leaves: nothing, or all but its group ``cut``."""
    if "cut" not in match.re.groupindex or match.start("cut") < 0:
        return ""
    whole, start = match.group(0), match.start()
    return whole[: match.start("cut") - start] + whole[match.end("cut") - start:]


# Where a caption may end and its credit begin: after a sentence, before a bracket or a bar.
_CREDIT_CUT = re.compile(r"(?<=[.!?)])\s+(?=\S)|\s+(?=\()|\s+[|\u00b7]\s+")
_CAPTION_MIN_WORDS = 4
_DOI = re.compile(r"(?i)\bdoi\b|\bdoi\.org/")
# A credit names a photo, an agency or a source: "(AP Photo/X)", "Image: GCIS", "REUTERS/X".
_CREDIT_WORDS = re.compile(
    r"(?i)/|\b(photo\w*|pictures?|images?|credit|courtesy|supplied|handout|file|stringer|getty|reuters|ap|afp|"
    r"epa|efe|pa|dpa|wire|xinhua|anadolu|shutterstock|alamy|istock\w*)\b")


def _caption_without_credit(line: str, rules: BoilerplateRules) -> str | None:
    """The caption of a line that ends in a credit, when the credit alone is furniture and
    the caption alone is not (at least four words, some in lower case); else None."""
    if len(line) > 400:
        return None
    cuts = [m for m in _CREDIT_CUT.finditer(line)]
    for m in reversed(cuts):
        caption, credit = line[: m.start()].rstrip(), line[m.end():].strip()
        if not credit or len(credit) > 120 or not _CREDIT_WORDS.search(credit):
            continue
        if _DOI.search(credit):
            return None  # a journal reference (authors. Title. Journal; DOI: ...) is no caption
        words = caption.split()
        if len(words) < _CAPTION_MIN_WORDS or not any(w[:1].islower() for w in words[1:]):
            continue
        credit_rule = _matching_rule(credit, _line_key(credit), rules)
        if credit_rule is None or _matching_rule(caption, _line_key(caption), rules) is not None:
            continue
        return caption
    return None


def _matching_rule(line: str, key: str, rules: BoilerplateRules) -> _Rule | None:
    """The first rule that takes ``line`` whole (``key`` is ``_line_key(line)``)."""
    try:
        return rules.matches[line]
    except KeyError:
        pass
    if len(rules.matches) >= MATCH_MEMORY:
        rules.matches.clear()
    found = rules.matches[line] = _first_matching_rule(line, key, rules)
    return found


def _first_matching_rule(line: str, key: str, rules: BoilerplateRules) -> _Rule | None:
    if key in rules.exact:
        return rules.exact[key]
    lowered = line.lower()
    for phrase, rule in rules.contains:
        if phrase in lowered:
            return rule
    for i in rules.pattern_index.candidates(line):  # the patterns whose words the line holds
        pattern = rules.patterns[i]
        if pattern.regex.search(line[-pattern.tail_chars :] if pattern.tail_chars else line):
            return pattern.rule
    for nav in rules.nav:
        if _is_nav_line(line, key, nav):
            return nav.rule
    for segment_rule in rules.segments:
        if _is_segmented_furniture(line, segment_rule, rules):
            return segment_rule.rule
    return None


# A segment that is furniture on its own although no line rule names it: a weather widget
# ("Dublin 9°C"), a ticker's label or score ("LIVE: ISL 2024-25", "BFC 1-0 MBSG (FT)").
_SEGMENT_FURNITURE = re.compile(
    r"(?i)^(-?\d+\s*°\s*[cf]?\b.*|.*\b-?\d+\s*°\s*[cf]?|(live|breaking|just in|trending( topics)?|tags|topics|follow|share"
    r"|subscribe|sign in|sign up|save|print|email)\b.*"
    r"|.*\b\d+\s*[-\u2013]\s*\d+\b.*|.*\bvs?\.?\s.*|\d+\s*(h|hr|hrs|m|min|mins|minutes?|hours?|d|days?)( ago| read)?)$"
)


def _is_segmented_furniture(line: str, rule: _SegmentRule, rules: BoilerplateRules) -> bool:
    """A short line of parts set apart by separators ("By Karen Dubé · The Canadian Press",
    "Dublin 9°C | Wednesday, March 5, 2025 | Sign in | Subscribe: ...", "Published ... ·
    Last Updated ...") where at least one part is furniture by the other rules and every
    other part is furniture too or a short name (a site, an agency, a city). A sentence in
    any part keeps the line."""
    if len(line) > 250 or not rule.separators.search(line):
        return False
    parts = [p for p in rule.separators.split(line) if p.strip()]
    if len(parts) < rule.min_segments:
        return False
    furniture = 0
    for part in parts:
        if _part_is_furniture(part, rules):
            furniture += 1
            continue
        words = part.split()
        # a short name ("The Canadian Press", "Bengaluru"), or a ticker's item ("Ranji Trophy final, Day 3")
        named = all(w[:1].isupper() or not w[:1].isalpha() for w in words) or any(ch.isdigit() for ch in part)
        if len(words) > rule.max_name_words + 1 or part.rstrip().endswith((".", "!", "?")) or not named:
            return False
    return furniture >= 1


def _part_is_furniture(part: str, rules: BoilerplateRules) -> bool:
    key = _line_key(part)
    if key in rules.exact or _SEGMENT_FURNITURE.match(part.strip()) or page_date(part) is not None:
        return True
    lowered = part.lower()
    if any(phrase in lowered for phrase, _ in rules.contains):
        return True
    if any(p.regex.search(part) for p in rules.patterns):
        return True
    return any(_is_nav_line(part, key, nav) for nav in rules.nav if nav.separators is None)


def _is_link_line(line: str, section: _Section | None) -> bool:
    """A line in a list of other stories: short, and not a sentence."""
    assert section is not None
    if len(line) > section.max_line_chars:
        return False
    if section.sentences:
        return True  # a box of notes under its label: "Corrections and clarifications" / "An article on ..."
    # a company's name ends in a full stop that ends no sentence: "Index Exchange Inc."
    return not line.endswith((".", ":", ";")) or bool(_COMPANY_END.search(line))


_COMPANY_END = re.compile(r"(?<=\w)\W{0,2}\b(Inc|Ltd|Co|Corp|Bros|plc|S\.A|N\.V|B\.V|S\.p\.A|A\.G|L\.P)\.$")


def _is_nav_line(line: str, key: str, nav: _NavRule) -> bool:
    if len(line) > 200:  # a menu is short; this also keeps paragraphs fast
        return False
    if nav.separators is not None:
        items = [i for i in nav.separators.split(line) if i.strip()]
        return len(items) >= nav.min_items and all(
            len(i.split()) <= nav.max_item_words and len(i) <= 30 for i in items
        )
    words = re.sub(r"[^\w\s]+", " ", key).split()
    count = 0
    while words:
        for size in (4, 3, 2, 1):
            if tuple(words[:size]) in nav.words:
                words = words[size:]
                count += 1
                break
        else:
            return False
    return count >= nav.min_items


def _line_key(line: str) -> str:
    """Lowercased, single-spaced, without punctuation, symbols or spaces at either end."""
    start, end = 0, len(line)
    while start < end and _is_edge(line[start]):
        start += 1
    while end > start and _is_edge(line[end - 1]):
        end -= 1
    return _collapse(line[start:end].lower())


def _is_edge(char: str) -> bool:
    return unicodedata.category(char)[0] in "PSZC"


def _collapse(text: str) -> str:
    return " ".join(text.split())


# --- plain-text pages: headline, masthead, date ---------------------------------------

_MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], start=1) for m in names}
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATES = [  # (pattern, order of the groups: d m y)
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)? " + _MONTH + r",? (\d{4})\b", re.IGNORECASE), "dmy"),
    (re.compile(r"\b" + _MONTH + r" (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b", re.IGNORECASE), "mdy"),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), "ymd"),
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"), "dmy"),  # 15.04.2025: day first where dots are used
    # 14.04.26 in a German stamp ("Stand: 14.04.26, 09:31 Uhr"): the year of this century
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{2})\b(?![.\d])"), "dmy"),
]
_SLASH_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
# What else a date line may hold: times, zones, weekdays, labels ("Published 4 March 2025, 18:02 GMT").
_DATE_LINE_WORDS = re.compile(
    r"(?i)\b(published|updated|last updated|first published|originally published|posted|released|modified|on|at|am|pm|a\.m|p\.m|"
    r"gmt|bst|utc|cet|cest|et|est|edt|pt|pst|pdt|ct|cst|cdt|mt|mst|mdt|ist|aedt|aest|acst|awst|nzdt|nzst|sast|eat|wat|cat|"
    r"jst|kst|hkt|sgt|myt|pht|wib|wita|ict|pkt|npt|gst|hst|akst|akdt|eet|eest|nst|ndt|date|msk|ast|adt|uk|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|stand|uhr|embargoed|until)\b\.?"
)
_PROSE_MIN_WORDS = 12
# A video's or photo's crew line is no menu ("Reported by X | Camera: Y | Edited by Z"):
# the headline above it stays the headline.
_CREDIT_ITEM = re.compile(r"\b[A-Za-z]+ by [A-Z]|\b[A-Za-z]+: [A-Z]")
_SHARE_WORDS = re.compile(r"(?i)\b(share|facebook|whatsapp|e-?mail|copy|twitter|linkedin|telegram|reddit|print|save|listen|comments?)\b")


@dataclass(frozen=True)
class Page:
    """A plain-text page split into what a reader sees: headline, date line, body."""

    title: str | None
    body: str
    published: str | None  # YYYY-MM-DD stated on the page's own date line, else None


def page_date(line: str) -> str | None:
    """The date of a line that is only a date stamp ("Published 4 March 2025, 18:02 GMT",
    "March 4, 2025 at 9:12 a.m. ET", "15.04.2025 | 08:40 CET"); the first date when it
    gives two (published, then updated). None for any other line, or an impossible date."""
    if len(line) > 120:
        return None
    found: list[tuple[int, int, str]] = []  # (start, end, ISO date)
    rest = line
    for pattern, order in _DATES:
        for m in pattern.finditer(line):
            parts = dict(zip(order, m.groups()))
            month = _MONTHS.get(parts["m"].lower().rstrip("."), None) if not parts["m"].isdigit() else int(parts["m"])
            try:
                year = int(parts["y"]) + (2000 if len(parts["y"]) == 2 else 0)
                found.append((m.start(), m.end(), datetime.date(year, month or 0, int(parts["d"])).isoformat()))
            except ValueError:
                continue
            rest = rest.replace(m.group(0), " ")
    for m in _SLASH_DATE.finditer(line):
        # 14/05/2025 is day first and 05/14/2025 month first; 04/05/2025 could be either, and
        # a wrong date is worse than none, so it gives none.
        first, second, year = (int(g) for g in m.groups())
        if (first > 12) == (second > 12):
            continue
        day, month = (first, second) if first > 12 else (second, first)
        try:
            found.append((m.start(), m.end(), datetime.date(year, month, day).isoformat()))
        except ValueError:
            continue
        rest = rest.replace(m.group(0), " ")
    if not found:
        return None
    found.sort()
    if any(_SPAN_DASH.fullmatch(line[a[1]:b[0]]) for a, b in zip(found, found[1:])):
        return None  # a span, no stamp: an obituary's life dates ("June 2, 1941 – February 26, 2026")
    rest = _DATE_LINE_WORDS.sub(" ", _PUBLISHED_IN.sub(" ", _POSTED_BY_DESK.sub(" ", _POSTED_BY.sub(" ", rest))))
    rest = re.sub(r"(?i)\b\d{1,2}[:.]\d{2}\s*(am|pm)\b|\b\d{1,2}[:.]\d{2}\b|\b(19|20)\d{2}\b|[+-]\d{1,2}\b|\b\d{1,2} (hours?|minutes?|days?) ago\b", " ", rest)
    if re.search(r"[A-Za-z]{2,}", rest):
        return None  # words other than a stamp's: a sentence that holds a date
    return found[0][2]


# Where a platform says the notice first ran: "Published in the Quad Cities Register on March 1, 2026."
_PUBLISHED_IN = re.compile(r"^[Pp]ublished in (?:the )?[A-Z][\w&'\u2019.-]*(?: [A-Z][\w&'\u2019.-]*){0,4} on ")
# A stamp that names its poster at the end: "Posted 22 July 2026 by Press Team" (the
# poster's name is no sentence's words), perhaps with the poster's role in lower case
# ("Posted 27 November 2026, 11:20 by Lucy Arkwright, news editor").
_POSTED_BY = re.compile(r"(?:,)?\s+by\s+[A-Z][\w'\u2019.-]*(?: [A-Z][\w'\u2019.-]*){0,3}(?:, [a-z][a-z ]{1,40})?$")
# A stamp that names the desk or team that posted it before the date: "Posted by the
# Harbourlight communications team on 27 November 2026" (a team, desk or office: no person's
# name, no sentence's words).
_POSTED_BY_DESK = re.compile(
    r"^[Pp]osted by (?:the )?(?:[A-Z][\w&'\u2019.-]*(?: [A-Z][\w&'\u2019.-]*){0,3} )?(?:[a-z]+ ){0,2}"
    r"(?:team|desk|office|staff|newsroom)(?: on| at)?\s"
)
# Two dates joined by a dash alone are a span (life dates, an event's days), not a stamp.
_SPAN_DASH = re.compile(r"\s*[-\u2013\u2014]\s*")
_STAMP_SEPARATORS = re.compile(r"\s+[|\u00b7\u2022]\s+")


def _line_date(line: str) -> str | None:
    """A stamp line's date, or the date of its stamp part ("From The Meridian Post ·
    Originally published 11 Feb 2025, 07:30 GMT · Read original")."""
    found = page_date(line)
    if found is None and len(line) <= 200 and _STAMP_SEPARATORS.search(line):
        found = next((d for d in (page_date(part) for part in _STAMP_SEPARATORS.split(line)) if d), None)
    if found is None and len(line) <= 200 and _BILINGUAL_STAMP.search(line):
        # a stamp in two languages: "Publié le 4 mars 2026 à 7 h 15 / Published March 4, 2026 at 7:15 a.m."
        parts = _BILINGUAL_STAMP.split(line)
        found = next((d for d in (page_date(part) for part in parts) if d), None) if len(parts) == 2 else None
    return found


_BILINGUAL_STAMP = re.compile(r"\s+/\s+")


def split_page(text: str, rules: BoilerplateRules | None = None) -> Page:
    """A browser's "save as text" of a news page: the cleaned body, the headline and the
    page's date.

    Above the first paragraph of prose (a line of at least 12 words ending a sentence) sit
    the masthead, menus, section labels, headline, standfirst, byline and date. The
    headline is the first line there of at least four words that no furniture rule drops,
    that is not a date stamp or in capitals, and that the browser did not save as a row of
    widget items apart by runs of spaces ("Personalise the news   Log in"); everything
    above it (site name, section label) goes. Date stamps above the prose give the date and
    go; a line that is only a date stamp goes anywhere (a live blog stamps every entry).
    Between the headline and the prose, a line that is only a name or two ("Kelly Ng and
    Rashid Omar", "Susquehanna Sentinel") is the byline or the desk; a line further down
    that opens with such a name and a verb ("Kelly Ng joined the Standard in 2019 ...") is
    the writer's bio. A text whose first line is its headline (the plain ``.txt``
    convention) comes out as before.
    """
    rules = rules or load_rules()
    widget_rows = _widget_rows(text)
    raw = normalise_text(text).split("\n")
    bylines = _byline_pairs(raw)
    # The date stamp, read before cleanup drops it ("Published 4 March 2025" is furniture).
    # Prose that is furniture (a paywall counter: "You've read 2 of your 3 free articles
    # this month. Register now ...") does not end the page's head.
    stripped = strip_tails(raw, rules)
    furniture = list(_furniture(stripped, rules))
    raw_furniture = {f.line - 1 for f in furniture}
    # (prose as cleanup leaves it: a live-blog entry signed "... the handover. — JM" is prose)
    raw_prose = next((i for i, line in enumerate(stripped) if _is_prose(line) and i not in raw_furniture), len(raw))
    # A date in a widget box above the story ("NEXT MATCH" / fixture / "Sat 14 Mar 2026 ·
    # 15:00 · ground") is the box's, not the page's.
    boxed = {f.line - 1 for f in furniture if f.rule_kind in ("drop_section", "drop_block", "link_list")}
    published = next((d for d in (_line_date(line) for i, line in enumerate(raw[:raw_prose])
                                  if line and i not in boxed) if d), None)
    if published is None:
        # A magazine's deck is a sentence ("An Orkney start-up has built a turbine. Now it
        # needs a wire.") with the credits and the date under it: a line that is only a
        # date stamp just below the first sentence-shaped line is still the page's date.
        below = [line for line in raw[raw_prose + 1:raw_prose + 12] if line][:6]
        published = next((d for d in (page_date(line) for line in below) if d), None)
    # The site's name, tagline and menus sit above its last menu line ("NEWS · BUSINESS ·
    # SPORTS", "Sport > Football"); the headline comes after it. A share bar is no menu,
    # nor is a byline that the menu rule reads as items ("By Gareth Lomax | 24 September 2025 | 07:00").
    # (the furniture above the prose: both passes read line by line, front to back)
    menus = [f.line - 1 for f in furniture
             if f.line - 1 < raw_prose and f.rule_kind == "nav_line" and not _SHARE_WORDS.search(f.text)
             and not f.text.startswith("By ") and not _CREDIT_ITEM.search(f.text) and _line_date(f.text) is None
             # a row of counters ("♡ 214 | 💬 38 | ↻ 12") is no menu: it sits under the headline
             and re.search(r"[^\W\d_]{2,}", f.text)
             # nor a results table's row ("Marisa Delgado | 31,406 | 54.2% | ✓") or a player's
             # controls ("▶ Play episode | ⏸ | 1x | ⤓ Download"): both sit under the headline
             and not _TABLE_ROW.search(f.text) and not _PLAYER_ROW.search(f.text)]
    above = set(range(menus[-1] + 1)) if menus else set()
    writers = {name for i in bylines for name in _names_of(raw[i])}
    writers.update(name for line in raw[:raw_prose] for part in _parts(line, rules) for name in _byline_names(part))
    # and the people a credit line names anywhere ("Written by X. Edited by Y.", "Hosted by X
    # and Y", "PHOTO: X / Agency"): their bios at the foot go too
    writers.update(name for i, line in enumerate(raw) if i in raw_furniture or i < raw_prose
                   for part in _SENTENCE_BREAK.split(line)
                   for m in _credited().finditer(part) for name in _names_of(m.group(1)))
    # and the writers a contributor card names ("Name · Brussels correspondent"): their
    # bios and the sign-offs of their live entries go
    writers.update(name for line in raw for name in _card_names(line))
    # a line repeated at head and foot is found on the whole page: with the head cut off
    # above, its foot copy would stand alone
    repeated = {f.line - 1 for f in furniture if f.rule_kind in ("repeated_line", "masthead_line", "pull_quote")}
    lines = clean_text("\n".join(line for i, line in enumerate(raw)
                                 if i not in bylines and i not in above and i not in repeated), rules).split("\n")
    prose = next((i for i, line in enumerate(lines) if _is_prose(line)), len(lines))
    title_at = None
    dropped: set[int] = set()
    for i in range(prose):
        line = lines[i]
        if line and _line_date(line) is not None:
            dropped.add(i)  # a stamp, or a stamp row ("Mar 12, 2026 · 41 min · Hosted by A and B")
            continue
        if title_at is None and _could_be_headline(line) and line not in widget_rows:
            title_at = i
        elif title_at is not None and _names_line().match(line):
            dropped.add(i)  # the byline's writers or desk between headline and story
            writers.update(_names_of(line))
    for i in range(prose, len(lines)):
        line = lines[i]
        if line and (page_date(line) is not None or _is_sign_line(line, writers)
                     or any(_is_bio(part, writers) for part in _parts(line, rules))):
            dropped.add(i)
    if title_at is None:
        # A gallery's or video page's own headline reads like a pointer to one ("In pictures:
        # Kenya opens ..."), which cleanup drops: the first such line of the page's head is
        # its headline, and what is left above the first paragraph is the site's head.
        pointer = next((line for i, line in enumerate(raw[:raw_prose]) if i not in above and i in raw_furniture
                        and _MEDIA_TITLE.match(line) and _could_be_headline(line)), None)
        if pointer is not None and prose < len(lines):
            dropped.update(range(prose))
            body = re.sub(r"\n{3,}", "\n\n", "\n".join(line for i, line in enumerate(lines) if i not in dropped).strip("\n"))
            return Page(pointer, body, published)
        title, body = _first_line_headline("\n".join(line for i, line in enumerate(lines) if i not in dropped))
        return Page(title, body, published)
    dropped.update(range(title_at + 1))
    body = "\n".join(line for i, line in enumerate(lines) if i not in dropped).strip("\n")
    body = re.sub(r"\n{3,}", "\n\n", body)
    return Page(lines[title_at], body, published) if body else Page(None, "\n".join(lines), published)


# A table's row: an item that is only a number ("Marisa Delgado | 31,406 | 54.2% | ✓").
_TABLE_ROW = re.compile(r"(?:^|[|\u00b7\u2022\u203a\u00bb>])\s*[\d.,%+-]*\d[\d.,%+-]*\s*(?=$|[|\u00b7\u2022\u203a\u00bb>])")
# A media player's controls: play/pause/download icons or a speed ("1x").
_PLAYER_ROW = re.compile(r"[\u25b6\u25b7\u23f5\u23f8\u23ef\u23ea\u23e9\u2913]|(?:^|\|)\s*\d(?:\.\d+)?x\s*(?=$|\|)")
# A pointer to a gallery or video ("In pictures: X"), which may be the page's own headline.
_MEDIA_TITLE = re.compile(r"(?i)^(in pictures|in photos|gallery|photos|video|watch)\s*:\s*\S")
# A row of widget items that a browser saved apart by runs of spaces: "Sign in   Get the app".
_WIDGET_ROW = re.compile(r"\S {2,}\S")
# Lower-case words inside a name: a person's particles (context_cues.json name_particles,
# the one list every module reads: "Ana de Souza", "Ahmed bin Saleh") and, in an outlet's or
# a body's name on a names line, "of" and "the" ("Bank of Scotland").
_NAME_JOINERS = ("of", "the")
# ... and inside a place a writer filed from: "Rio de Janeiro", "Frankfurt am Main",
# "Stratford upon Avon", "Boulogne sur Mer", "Rio do Sul".
_PLACE_JOINERS = ("of", "the", "upon", "on", "am", "sur", "do")


@functools.lru_cache(maxsize=None)
def _joiners(extra: tuple[str, ...]) -> str:
    """The name particles and ``extra`` as a regex alternation, longest first."""
    from newsgraph.extract.rules import word_lists  # the rule files' loader (it imports pycountry)

    words = word_lists("context_cues.json", ["name_particles"])["name_particles"] | set(extra)
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


@functools.lru_cache(maxsize=1)
def _name_pattern() -> str:
    """A name: capitalised words, at most five, particles between them ("Kelly Ng",
    "Susquehanna Sentinel", "SBC North Qld", "Luigi del Neri")."""
    return rf"[A-Z][\w'\u2019.-]*(?: (?:{_joiners(_NAME_JOINERS)}) ?[A-Z][\w'\u2019.-]*| [A-Z][\w'\u2019.-]*){{0,4}}"


@functools.lru_cache(maxsize=1)
def _names_line() -> re.Pattern[str]:
    """A name, or names joined by "and" / "&" / ",", and nothing else: "Kelly Ng and Rashid Omar"."""
    name = _name_pattern()
    return re.compile(rf"^{name}(?:(?:,| and| &) {name}){{0,3}}$")


_NAME_SPLIT = re.compile(r",\s*|\s+(?:and|&|und)\s+")
# "By X", and a magazine's credit "Words by X" / "Text by X" / "Reporting by X"
_BYLINE_BY = re.compile(r"^(?:(?:Words|Text|Story|Reporting|Interview|Written|Reported)(?: by|:)|By|Von) ([^|\u00b7\u2022]+)")
# A full stop after a lower-case word ends a credit: "Written by Fergal Quinn. Edited by ..."
_SENTENCE_BREAK = re.compile(r"(?<=[a-z]{2}\.)\s+")


@functools.lru_cache(maxsize=1)
def _credited() -> re.Pattern[str]:
    """People a credit line names: "Written by X. Edited by Y.", "Hosted by X and Y", "PHOTO: X / Agency"."""
    name = _name_pattern()
    return re.compile(
        rf"(?:\b(?:[Ww]ritten|[Rr]eported|[Hh]osted|[Pp]resented|[Pp]roduced|[Ee]dited) by|^(?:PHOTO|Photo|Photograph|Picture|Image)s?\s*:)"
        rf"\s+({name}(?:(?:,| and| &) {name}){{0,3}})")


@functools.lru_cache(maxsize=1)
def _filed_from() -> re.Pattern[str]:
    """Where a writer filed from, after the name in a byline: "By Ana Costa in Rio de Janeiro
    and Tom Hale in London" (a place of one to four capitalised words, particles between them)."""
    return re.compile(rf"\s+in\s+{_place_pattern()}")


@functools.lru_cache(maxsize=1)
def _place_pattern() -> str:
    """A place a writer filed from: one to four capitalised words, particles between them."""
    return rf"[A-Z][\w'\u2019.-]*(?:\s+(?:(?:{_joiners(_PLACE_JOINERS)})\s+)?[A-Z][\w'\u2019.-]*){{0,3}}"


# What a writer's bio says after the name: "covers", "is a reporter", "joined the paper".
_BIO_VERBS = re.compile(
    r"^(is|was|covers|covered|has covered|joined|writes|reports|previously|edits|has been|can be reached|"
    r"is based|was born|lives|holds|studied|has written|has reported|presents|hosts|runs|"
    # a German bio: "Katrin Seidel berichtet für ... aus dem Landtag", "X ist Redakteur"
    r"berichtet|ist|schreibt|arbeitet|leitet)\b")


def _parts(line: str, rules: BoilerplateRules) -> list[str]:
    """The line, and its halves when it is saved in two languages ("Par / By Name")."""
    halves = _halves(line, rules)
    return [line, *halves[1]] if halves else [line]


def _widget_rows(text: str) -> set[str]:
    """Lines (as normalise_text gives them) saved with runs of spaces inside: widget rows."""
    return {normalise_text(line) for line in text.split("\n") if _WIDGET_ROW.search(line.strip())}


def _names_of(line: str) -> set[str]:
    """The writers' names of a byline or names line: two capitalised words or more each."""
    out = set()
    for part in _NAME_SPLIT.split(re.sub(r"^By\s+", "", line.strip())):
        part = part.strip(" .")
        if re.fullmatch(_name_pattern(), part) and len(part.split()) >= 2:
            out.add(part)
    return out


def _byline_names(line: str) -> set[str]:
    """Writers named in a "By ..." line above the story ("By Gareth Lomax | 24 September")."""
    m = _BYLINE_BY.match(line)
    if not m or len(line) > 200:
        return set()
    head = re.split(r"\s+(?:with|for)\s+|\s+[|\u00b7\u2022]\s+", m.group(1))[0]
    return _names_of(_filed_from().sub("", head))


def _is_bio(line: str, writers: set[str]) -> bool:
    """A short bio of one of the page's writers: the line opens with the name and a verb."""
    if not writers or len(line) > 400:
        return False
    for name in writers:
        if line.startswith(name + " ") and _BIO_VERBS.match(line[len(name) + 1:]):
            return True
    return False


def _card_names(line: str) -> set[str]:
    """A contributor card: a name and a writer's role apart by '·' or '|' ("Sophie Marchetti ·
    Brussels correspondent", "Hannah Oyelaran · Live editor, London")."""
    parts = _STAMP_SEPARATORS.split(line)
    if len(parts) == 2 and _NAME_LINE.match(parts[0]) and _ROLE_LINE.match(parts[1]):
        return {parts[0]}
    return set()


def _is_sign_line(line: str, writers: set[str]) -> bool:
    """A live entry's sign-off: one of the page's writers alone on a line, or with the place
    filed from ("Hannah Oyelaran, London" under the entry she wrote)."""
    for name in writers:
        if line == name or (line.startswith(name + ", ") and re.fullmatch(_place_pattern(), line[len(name) + 2:])):
            return True
    return False


def _is_prose(line: str) -> bool:
    return len(line.split()) >= _PROSE_MIN_WORDS and line.rstrip('"\u201d\u2019\')').endswith((".", "!", "?"))


def _could_be_headline(line: str) -> bool:
    words = line.split()
    return (
        4 <= len(words) and len(line) <= 250 and not line.endswith((".", ",", ";", ":"))
        and not line.isupper() and not line.startswith(("By ", "by ")) and not _LIST_ITEM.match(line)
        # a tagline with the edition's date ("Your daily dose of energy news · Thursday,
        # August 7, 2025") or a ticker ("LIVE SA 187/4 (38.1 ov) v AUS • NZ 245 v PAK 96/2")
        and _line_date(line) is None and len(_STAMP_SEPARATORS.findall(line)) < 2
    )


# the role may name the desk after a comma: "Senior Writer, AI & Policy"
_ROLE_LINE = re.compile(r"(?i)^[\w ]{0,40}\b(correspondent|editor|writer|reporter|columnist|contributor|producer)"
                        r"(, [\w&' ]{1,30}| (at|in|for) [\w&' ]{1,30})?$")  # "Cricket correspondent at The Oval"
_NAME_LINE = re.compile(r"^[A-Z][\w'\u2019.-]*( [A-Z][\w'\u2019.-]*){1,3}$")


def _byline_pairs(lines: list[str]) -> set[int]:
    """A writer's name on its own line right above the line with the role
    ("Alan Baird" / "Chief football writer"): both lines."""
    out = set()
    for i in range(len(lines) - 1):
        if _NAME_LINE.match(lines[i]) and _ROLE_LINE.match(lines[i + 1]):
            out.update({i, i + 1})
    return out


def _first_line_headline(text: str) -> tuple[str | None, str]:
    first, _, rest = text.partition("\n")
    rest = rest.strip("\n")
    if rest and 2 <= len(first.split()) and len(first) <= 150 and not first.endswith((".", ",", ";", ":")):
        return first, rest
    return None, text
