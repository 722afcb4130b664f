"""Whose government a title speaks of when its noun phrase names no country (issue 12).

"International Development Minister Gareth Thomas said …", "the Foreign Secretary Jack
Straw arrives in Indonesia", "according to tourism minister Sontaya Kunplome": a national
office, no country beside it. A careful reader takes the country from the sentence when it
names one as an actor ("Thailand may lose … according to tourism minister X") and
otherwise from the article: the government whose institutions and parties it keeps naming
(Downing Street, the Commons, the Tories → the United Kingdom). A country the sentence
names only as a place ("arrives in Indonesia") is where the minister is, not whose.

Rules are data (``data/governments.json``); ``role_relations`` (relations_roles.py) asks
``government_title`` whether the words before a name (or in apposition with it) are such a
title and ``government_country`` for the country, so no relation is made when either is
unsure.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from importlib import resources
from typing import Callable, Iterable

from spacy.tokens import Token

from newsgraph.extract.rules import WEEKDAYS, load_gazetteer, load_titles
from newsgraph.graph.model import entity_id

PORTFOLIO_LINKS = {"for", "of", "and"}  # "Minister for Health", "Secretary of State for Trade and Industry"


@dataclass(frozen=True)
class GovernmentRules:
    heads: tuple[tuple[str, ...], ...]  # longest first
    heads_lowercase: frozenset[tuple[str, ...]]
    not_national: frozenset[str]
    skip: frozenset[str]
    institutions: dict[str, str]  # organisation entity id → country entity id
    title_countries: dict[str, str]  # a title only one government has → country entity id
    home_heads: dict[str, frozenset[tuple[str, ...]]]  # country entity id → heads of its offices
    default_heads: frozenset[tuple[str, ...]]  # a country not in home_heads
    portfolios: frozenset[str]
    heads_of_state: frozenset[tuple[str, ...]]  # take the article's government only when it dominates
    implied_not_heads: frozenset[tuple[str, ...]] = frozenset()  # never the article's country (implied_country)
    implied_portfolio_heads: frozenset[tuple[str, ...]] = frozenset()  # … unless a portfolio comes with them
    portfolio_joiners: frozenset[str] = frozenset()  # "and", "&", ",": a list of portfolios
    state_nouns: frozenset[str] = frozenset()  # "the Jamaican government": names a country's government


@dataclass(frozen=True)
class Office:
    """A national-government title: its words and its head ("minister", "prime minister")."""

    tokens: list[Token]
    head: tuple[str, ...]

    @property
    def phrase(self) -> str:
        return " ".join(t.lower_ for t in self.tokens).replace(" - ", "-")


@lru_cache(maxsize=1)
def load_government_rules() -> GovernmentRules:
    text = resources.files("newsgraph.extract").joinpath("data", "governments.json").read_text("utf-8")
    data = json.loads(text)
    by_iso = {c.iso3 for c in load_gazetteer().countries.values()}
    institutions = {}
    for iso3, names in data["institutions"].items():
        if iso3 not in by_iso:
            from newsgraph.errors import RuleFileError

            raise RuleFileError(detail=f"governments.json: unknown ISO 3166 alpha-3 code {iso3!r}")
        for name in names:
            institutions[entity_id("Organization", name)] = f"country:{iso3}"
    heads = sorted((tuple(h.split()) for h in data["heads"]), key=len, reverse=True)
    return GovernmentRules(
        heads=tuple(heads),
        heads_lowercase=frozenset(tuple(h.split()) for h in data["heads_lowercase"]),
        not_national=frozenset(data["not_national"]),
        skip=frozenset(data["skip"]),
        institutions=institutions,
        title_countries={k: f"country:{v}" for k, v in data["title_countries"].items()},
        home_heads={f"country:{k}": frozenset(tuple(h.split()) for h in v) for k, v in data["home_heads"].items() if k != "default"},
        default_heads=frozenset(tuple(h.split()) for h in data["home_heads"]["default"]),
        portfolios=frozenset(data["portfolios"]),
        heads_of_state=frozenset(tuple(h.split()) for h in data["heads_of_state"]),
        implied_not_heads=frozenset(tuple(h.split()) for h in data["implied_not_heads"]),
        implied_portfolio_heads=frozenset(tuple(h.split()) for h in data["implied_portfolio_heads"]),
        portfolio_joiners=frozenset(data["portfolio_joiners"]),
        state_nouns=frozenset(data["state_nouns"]),
    )


def words_before(tokens: list[Token], is_name: Callable[[Token], bool]) -> tuple[list[Token], Token | None]:
    """The words of a title read leftwards from a name: ``tokens`` are the sentence's tokens
    before it, nearest last; stops at a determiner, a verb, punctuation or a name. Also
    the name it stopped at, if any ("Russian Energy Minister": "Russian")."""
    honorifics = load_titles().honorifics
    out: list[Token] = []
    stop = None
    for t in reversed(tokens):
        low = t.lower_.rstrip(".")
        if is_name(t):
            stop = t
            break
        if not out and low in honorifics:
            continue  # "Prime Minister Sir Keir Starmer"
        if len(out) >= 8:
            break
        if t.lower_ in WEEKDAYS or t.ent_type_ in {"DATE", "TIME"}:
            break  # "But on Wednesday Prime Minister X said": the day is no word of the title (band audit, session 10)
        if t.pos_ in {"PROPN", "NOUN", "ADJ"} or low in PORTFOLIO_LINKS or t.text in {"-", "ex"}:
            out.insert(0, t)
            continue
        break
    while out and (out[0].lower_ in PORTFOLIO_LINKS or out[0].text == "-"):
        out.pop(0)
    return out, stop if stop is not None and (not out or stop.i == out[0].i - 1) else None


def government_title(tokens: list[Token]) -> Office | None:
    """The title if ``tokens`` are one of a national government ([portfolio] HEAD [for|of
    Portfolio]: "International Development Minister", "Minister for Health", "State
    Secretary for Asylum", "the Foreign Secretary"), else None."""
    rules = load_government_rules()
    words = [t for t in tokens if t.dep_ != "det" and t.lower_ not in {"the", "a", "an"}]
    lower = [t.lower_ for t in words]
    for k in range(len(words) - 1, -1, -1):
        head = next((h for h in rules.heads if tuple(lower[k : k + len(h)]) == h), None)
        if head is None:
            continue
        # The longest head ending here: "Welsh First Minister" is a first minister, not a
        # minister with "first" before it (a word that makes an office no national one).
        end = k + len(head)
        longer = next(((j, h) for j in range(max(0, end - 3), k) for h in rules.heads
                       if len(h) == end - j and tuple(lower[j:end]) == h), None)
        if longer is not None:
            k, head = longer
        rest = words[k + len(head) :]
        # After the head only a portfolio: "for Health", "of State for Trade and Industry".
        if rest and (rest[0].lower_ not in {"for", "of"} or not all(
            t.lower_ in PORTFOLIO_LINKS or t.text[:1].isupper() for t in rest
        )):
            return None
        if words[k].text[:1].islower() and head not in rules.heads_lowercase:
            return None
        before = words[:k]
        # "the resignation of immigration minister X", "the likes of Health Secretary X":
        # the title starts after the last "of"/"for" before its head.
        cut = max((n + 1 for n, t in enumerate(before) if t.lower_ in {"of", "for"}), default=0)
        before = before[cut:]
        while before and (before[0].lower_ in rules.skip or before[0].text == "-" or before[0].is_punct
                          or before[0].lower_ in {"and", "&"}):
            before.pop(0)  # ", Wales Secretary", "and Northern Ireland Minister": a list's joints
        if any(t.lower_ in rules.not_national for t in before):
            return None
        if opposition_title(tokens):
            return None
        return Office(before + words[k:], head)
    return None


def opposition_title(tokens: list[Token]) -> bool:
    """"Mr Howard and shadow chancellor Oliver Letwin", "Shadow Europe minister Mr Brady":
    the opposition's spokesman, no office of the government (issue 12 audit round 8: Letwin
    Chancellor of the UK). "Shadow" is among the title's words or right before them (the
    title walk may stop short of it: the parser often reads it as a verb)."""
    if not tokens:
        return False
    first = tokens[0]
    before = [first.doc[first.i - 1]] if first.i > first.sent.start else []
    return any(t.lower_.startswith("shadow") for t in before + list(tokens))


def is_portfolio(words: list[str]) -> bool:
    """A name made of portfolio words only ("Education", "Trade and Industry", "Europe")."""
    portfolios = load_government_rules().portfolios
    return bool(words) and all(w.lower() in portfolios for w in words)


def portfolio_of_listed_title(tokens: list[Token]) -> bool:
    """"Public Service, Labour and Social Welfare Minister X": ``tokens`` (a name the model
    tagged) are portfolio words in a list of portfolios that a government title ends, so
    they name the minister's office, not the party or institution of that name (issue 12
    band audit, session 9: "Labour" there made a Zimbabwean minister Britain's). Only a
    list ("and", a comma, more portfolio words before the head): "Labour minister Peter
    Hain" alone may well be the party's."""
    if not tokens or not is_portfolio([t.text for t in tokens]):
        return False
    rules = load_government_rules()
    doc = tokens[0].doc
    joiners = rules.portfolio_joiners
    k, listed = tokens[-1].i + 1, tokens[0].i > 0 and doc[tokens[0].i - 1].text in joiners
    while k < len(doc) and (doc[k].lower_ in rules.portfolios or doc[k].lower_ in joiners):
        listed = listed or doc[k].lower_ in joiners
        k += 1
    lower = tuple(t.lower_ for t in doc[k : k + 3])
    return listed and k < len(doc) and doc[k].text[:1].isupper() and any(lower[: len(h)] == h for h in rules.heads)


@dataclass
class CountryMention:
    country: str  # country entity id (a nationality group's country for a group)
    token: Token  # the mention's root


# A country or nationality in one of these roles acts or owns ("Thailand may lose …",
# "Britain's offer", "the Thai government"); as an object or a place it is acted on or
# visited ("accused Russia", "arrives in Indonesia").
ACTOR_DEPS = {"nsubj", "nsubjpass", "poss", "compound", "amod", "nmod"}
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def first_conjunct(token: Token) -> Token:
    """The head of the coordination ``token`` is in ("News Corp" for "Vivendi" in "News
    Corp and Vivendi were …"), else ``token``. No step bound: a parse is a tree, so the
    walk up the ``conj`` arcs ends."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def is_actor(token: Token) -> bool:
    """A subject, possessor or modifier, or conjoined with one ("News Corp and Vivendi were …")."""
    return first_conjunct(token).dep_ in ACTOR_DEPS


def home_government(countries: Iterable[CountryMention], organisations: Iterable[str],
                    government_named: frozenset[str] = frozenset()) -> tuple[str | None, str | None]:
    """The country whose government the article is about, as (lenient, strict): its
    institutions and parties count twice, its name or nationality as an actor once; it must
    be named in the article, have one of its institutions named (a country the article only
    talks about has no government in it: "Netherlands deports … to Morocco"), and lead every
    other country twice over — counted as actors (lenient) or by every mention in any role
    (strict, for heads of state: ``heads_of_state`` in governments.json). Without an
    institution, the one country the article names (or its lead's subject) is the home only
    when the text names its government (``government_named``: its dateline's countries, "the
    Jamaican government")."""
    rules = load_government_rules()
    countries = list(countries)
    score: Counter[str] = Counter()
    named: Counter[str] = Counter()  # every mention, in any role
    for c in countries:
        named[c.country] += 1
        if is_actor(c.token):
            score[c.country] += 1
    governed = set()  # countries one of whose institutions the article names
    for org in organisations:
        if org in rules.institutions:
            score[rules.institutions[org]] += 2
            governed.add(rules.institutions[org])
    ranked = [(n, c) for c, n in score.most_common() if c in named and c in governed]
    if not ranked:
        # No institution named: the one country the article names or the one its lead
        # makes the actor ("India has raised the limit …") is the government of every title
        # only when the text names that government ("The Indian government", a dateline
        # "NEW DELHI 1996-08-22"). "Morocco said it would receive him. … announced by State
        # Secretary for Asylum Rutger Blom" names the one country, not the minister's
        # (issue 12, session 15: Blom held a Moroccan office); the caller asks each person
        # for a tie of his own (relations_roles ``tied_to``).
        implied = _implied_government(countries, named)
        if implied is None or score[implied] < 1 or implied not in government_named:
            return None, None
        # Lenient only: a president or prime minister named in an article about one other
        # country is most often a foreign leader ("President Bush" in a report on Iraq,
        # "President Bill Clinton will visit Minsk"): heads of state need an institution.
        return implied, None
    elif ranked[0][0] < 2:
        return None, None
    best, country = ranked[0]
    # For a head of government, England, Scotland, Wales and Northern Ireland are no rival
    # to the United Kingdom: they have no prime minister, and a report on Westminster names
    # them as the places its policies reach ("Deputy Prime Minister John Prescott" in an
    # article on housing in England and Scotland). They stay rivals for ministers and
    # secretaries, which their own governments have ("Health Minister" in Edinburgh).
    parts = {f"country:{c.iso3}" for c in load_gazetteer().countries.values() if c.part_of and f"country:{c.part_of}" == country}
    lenient = max((n for c, n in score.items() if c != country), default=0)
    strict = max((max(score[c], named[c]) for c in score.keys() | named.keys() if c != country and c not in parts), default=0)
    return (country if best >= 2 * lenient else None), (country if best >= 2 * strict else None)


LEAD_SENTENCES = 2  # a headline, then the lead: the sentences that say what the article is about


def _implied_government(countries: Iterable[CountryMention], named: Counter[str]) -> str | None:
    """The one country the article names, or the one its lead (first sentences) has as a
    subject; None when the article names several and the lead does not single one out."""
    if len(named) == 1:
        return next(iter(named))
    leads: set[str] = set()
    lead_end: int | None = None  # one document: where its lead ends, read once
    for c in countries:
        if lead_end is None:
            doc = c.token.doc
            starts = [s.start for s in islice(doc.sents, LEAD_SENTENCES + 1)]
            lead_end = starts[LEAD_SENTENCES] if len(starts) > LEAD_SENTENCES else len(doc)
        if c.token.i < lead_end and first_conjunct(c.token).dep_ in {"nsubj", "nsubjpass"}:
            leads.add(c.country)
    return next(iter(leads)) if len(leads) == 1 else None


def governs(token: Token, person: Token) -> bool:
    """Whether the clause ``token`` acts in holds the person: "Thailand may lose … according
    to minister X" does; "President Bukele said the US would pay" does not (the US acts in
    what Bukele said, not in the sentence he is named in)."""
    head = first_conjunct(token).head
    if not (head.i == person.i or head in person.ancestors):
        return False
    # "France has played a lead role in Ivory Coast after President Laurent Gbagbo broke a
    # ceasefire": the person is the subject of an adverbial clause of his own, so the country
    # acting in the clause above is not the one whose office he holds (issue 12 band audit,
    # session 12: read as France's president). Only a subject of an adverbial clause: "Iran
    # said President X would visit" (a reported clause) stays Iran's, as before.
    t = person
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ in SUBJECT_DEPS and t.head.dep_ == "advcl" and t.head.i != head.i:
            return False
        t = t.head
    return True


def government_country(office: Office, in_sentence: list[CountryMention], home: str | None,
                       named: set[str], person: Token, strict_home: str | None = None) -> str | None:
    """The country of a national office in this sentence, the first that holds of: the one
    government with such a title ("Foreign Secretary" → United Kingdom), named in the
    article; the article's government, if it has such offices and this sentence does not
    name it as a place or an object ("Prime Minister X arrived in Kenya" is no Kenyan prime
    minister); the one country the sentence names as an actor in the clause that holds the
    person (``person``, the name's root: "Thailand may lose …, according to tourism minister
    X", not "President Bukele said the US would pay"). Heads of state take the article's
    government only by ``strict_home``."""
    rules = load_government_rules()
    only = rules.title_countries.get(office.phrase)
    if only is not None:
        return only if only in named else None
    if office.head in rules.heads_of_state:
        home = strict_home
        if any(c.country != home for c in in_sentence):
            # "a US-led plan to unite the Kurdish region in northern Iraq against President
            # Saddam Hussein": a sentence naming another country may speak of its leader; a
            # bare head of state is the article's only where no other is in view (band
            # audit, session 10).
            home = None
    if home is not None and office.head in rules.home_heads.get(home, rules.default_heads):
        if not any(c.country == home and not is_actor(c.token) for c in in_sentence):
            return home
    actors = {c.country for c in in_sentence if is_actor(c.token) and governs(c.token, person)}
    return next(iter(actors)) if len(actors) == 1 else None


IMPLIED_MIN_MENTIONS = 3  # an article about a country names it, its people or its places this often
IMPLIED_LEAD = 2  # … and this many times as often as any other country
IMPLIED_HEAD_OF_STATE_LEAD = 3  # a president or prime minister: more often still (foreign leaders)


def implied_country(countries: Iterable[CountryMention], places: Iterable[str],
                    organisations: Iterable[str]) -> tuple[str | None, str | None]:
    """The country an article is about when nothing stricter says whose government it
    reports (``home_government`` found none): its name and nationality (any role), its
    places (``place_countries.py``: "Pretoria", "the Western Cape") and its institutions
    (twice) counted together; it must be named by name or nationality at least once,
    ``IMPLIED_MIN_MENTIONS`` times in all and lead every
    other country ``IMPLIED_LEAD`` times over — (for ministers, for heads of state, which must
    lead ``IMPLIED_HEAD_OF_STATE_LEAD`` times over). England, Scotland, Wales and Northern
    Ireland count apart from the United Kingdom (their cities too) and are never the answer:
    which government a minister in a report on Edinburgh serves is no count's to say."""
    rules = load_government_rules()
    score: Counter[str] = Counter()
    countries = list(countries)
    for c in countries:
        score[c.country] += 1
    for p in places:
        score[p] += 1
    for org in organisations:
        if org in rules.institutions:
            score[rules.institutions[org]] += 2
    ranked = score.most_common(2)
    if not ranked or ranked[0][1] < IMPLIED_MIN_MENTIONS:
        return None, None
    country, best = ranked[0]
    # Named outright (its name or nationality): a country whose places and institutions
    # alone are named is left for the reader to supply (LABELLING.md).
    if country not in {c.country for c in countries}:
        return None, None
    if any(c.part_of and f"country:{c.iso3}" == country for c in load_gazetteer().countries.values()):
        return None, None
    second = ranked[1][1] if len(ranked) > 1 else 0
    return (country if best >= IMPLIED_LEAD * second else None), (country if best >= IMPLIED_HEAD_OF_STATE_LEAD * second else None)
