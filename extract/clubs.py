"""Sports clubs (issue 12): the clubs of ``data/sports_clubs.jsonl`` found in a text and
typed as organisations under one name, whatever the small model guessed.

The model calls "Everton" a person in one sentence and an organisation in the next, misses
"Hearts" and "Bourgoin", reads "Bath" (in "Bath prop David Barnes") as a person and
"Newcastle" as the city. A club is an organisation (LABELLING.md), so every form the
gazetteer lists for a club becomes a TEAM mention carrying the club's name; the relation
rules then read "Everton manager David Moyes" and "Hearts' boss John Robertson" as roles.

Which forms count where (the file's header says the same):

* a club's name and aliases ("Heart of Midlothian", "Hearts") always name it when the model
  tagged them; in a sports report (``mentions.is_sports_report``) also where it tagged
  nothing;
* a form that is also a place, a word or a surname ("Newcastle", "Sale", "Celtic") names the
  club only in a sports report where, somewhere in it, that form plays, signs or has staff
  or players ("Bath prop David Barnes", "Newcastle have fined ..."), and never where the
  sentence says the place ("in Newcastle");
* a nickname ("Pompey", "Magpies") only in a sports report; one that several clubs answer to
  ("Saints", "Blues", "Victory") only when the article names the club by another form too.

A form two clubs share ("Newcastle": the football club or the rugby one) goes to the one
whose other forms the article names, else to the one of the report's sport
(``sport.json`` ``club_sport_cues``); if neither decides, the mention is still a team but
keeps the name as written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from newsgraph.errors import RuleFileError
from newsgraph.extract.mentions import (
    MOTION_VERBS,
    POSSESSIVE,
    RawMention,
    SportRules,
    _plays,
    load_sport_rules,
)
from newsgraph.extract.rules import _jsonl
from newsgraph.graph.model import surname

# How sure a form is of its club: see the module's docstring.
ALIAS, CONTEXT, NICKNAME, CONTEXT_NICKNAME = "alias", "context", "nickname", "context_nickname"
_KINDS = {"aliases": ALIAS, "context_forms": CONTEXT, "nicknames": NICKNAME, "context_nicknames": CONTEXT_NICKNAME}


@dataclass(frozen=True)
class Club:
    name: str
    sport: str
    country: str
    also_place: bool


@dataclass(frozen=True)
class ClubGazetteer:
    # form as written → (club, kind) for every club that form may name
    forms: dict[str, tuple[tuple[Club, str], ...]]
    longest: int  # most tokens-ish words in a form
    sport_cues: dict[str, frozenset[str]]

    @cached_property
    def prefixes(self) -> frozenset[str]:
        """Every leading piece of a form ("Q", "Qu", … "Queens Park"): a word no form starts
        with starts no club (speed: the scan tries each capitalised word at every length otherwise)."""
        return frozenset(f[:k] for f in self.forms for k in range(1, len(f) + 1))


@lru_cache(maxsize=1)
def load_clubs() -> ClubGazetteer:
    """``data/sports_clubs.jsonl`` and the sport cues of ``data/sport.json``; a bad row
    fails loading with its file and line."""
    forms: dict[str, list[tuple[Club, str]]] = {}
    problems = []
    for number, row in _jsonl("sports_clubs.jsonl"):
        name, sport = row.get("name"), row.get("sport")
        lists = {k: row.get(k, []) for k in _KINDS}
        if not isinstance(name, str) or not name or not isinstance(sport, str) or not all(
                isinstance(v, list) and all(isinstance(f, str) and f.strip() for f in v) for v in lists.values()):
            problems.append(f"sports_clubs.jsonl:{number}: needs 'name', 'sport' and lists of forms")
            continue
        club = Club(name, sport, str(row.get("country", "")), bool(row.get("also_place", False)))
        # a national team's row ("national": true) lists only its nicknames: the country's
        # own name stays the country's wherever sport does not make it play (mentions.retype_teams)
        written = {name: ALIAS} if name not in lists["context_forms"] and not row.get("national") else {}
        for key, kind in _KINDS.items():
            for form in lists[key]:
                written.setdefault(form, kind)
        for form, kind in written.items():
            forms.setdefault(form, []).append((club, kind))
    if problems:
        raise RuleFileError(detail="; ".join(problems))
    raw = json.loads(resources.files("newsgraph.extract").joinpath("data", "sport.json").read_text("utf-8"))
    cues = raw.get("club_sport_cues")
    if not isinstance(cues, dict) or not all(isinstance(v, list) for v in cues.values()):
        raise RuleFileError(detail="sport.json: club_sport_cues must map a sport to a list of words")
    return ClubGazetteer(
        forms={f: tuple(v) for f, v in forms.items()},
        longest=max(len(f.split()) for f in forms) + 2,  # "Brighton & Hove Albion", "Neath-Swansea"
        sport_cues={sport: frozenset(w.lower() for w in words) for sport, words in cues.items()},
    )


def _report_sport(doc: Doc, clubs: ClubGazetteer) -> str | None:
    """The sport with most different cue lemmas in the report, if one has most."""
    lemmas = {t.lemma_.lower() for t in doc} | {t.lower_ for t in doc}
    scores = sorted(((len(words & lemmas), sport) for sport, words in clubs.sport_cues.items()), reverse=True)
    if not scores or scores[0][0] == 0 or (len(scores) > 1 and scores[1][0] == scores[0][0]):
        return None
    return scores[0][1]


def _staff_after(doc: Doc, end: int, rules: SportRules) -> bool:
    """The club's name right before a role noun, or its possessive before one: "Bath prop",
    "Gloucester director of rugby", "Hearts' boss", "Rangers' striker"."""
    i = end
    if i < len(doc) and doc[i].text in POSSESSIVE:
        i += 1
    return i < len(doc) and doc[i].is_lower and (doc[i].lemma_.lower() in rules.role_nouns or doc[i].lower_ in rules.role_nouns)


def _club_of_person(doc: Doc, start: int, end: int, covered: dict[int, RawMention]) -> bool:
    """A player's club: "Southampton's David Prutton", a squad list's "Dimitri Yachvili
    (Biarritz)" (the name in brackets right after a person's, alone or before ", capt")."""
    if end + 1 < len(doc) and doc[end].text in {"'s", "’s"}:
        person = covered.get(end + 1)
        return person is not None and person.label == "PERSON" and person.token_start == end + 1
    if start >= 2 and doc[start - 1].text == "(" and end < len(doc) and doc[end].text in {")", ","}:
        person = covered.get(start - 2)
        return person is not None and person.label == "PERSON" and person.token_end == start - 1
    return False


def _role_tail(doc: Doc, m: RawMention, start: int, end: int) -> bool:
    """The model's span is the club and lower-case words after it: "Melbourne Victory
    playmaker" (then the club's span replaces it)."""
    return m.token_start == start and m.token_end > end and all(t.is_lower for t in doc[end : m.token_end])


def _locative(token: Token) -> bool:
    """ "in Newcastle", "flew to Barcelona": the place, not the club."""
    if token.dep_ != "pobj":
        return False
    prep = token.head.lower_
    return prep in {"in", "at", "near", "into", "outside", "inside"} or (
        prep in {"from", "to"} and token.head.head.lemma_.lower() in MOTION_VERBS | {"come", "born"})


def _in_longer_name(doc: Doc, start: int, end: int, covered: dict[int, RawMention]) -> bool:
    """Part of a longer name the model did not tag whole: "Celtic League", "Stade de France"
    (a capitalised word on either side that belongs to no mention)."""
    if end < len(doc):
        nxt = doc[end]
        if nxt.is_alpha and nxt.text[:1].isupper() and end not in covered:
            return True
    if start > 0:
        prev = doc[start - 1]
        if prev.is_alpha and prev.text[:1].isupper() and not prev.is_sent_start and start - 1 not in covered:
            return True
    return False


def find_clubs(doc: Doc, sentences: list[int], mentions: list[RawMention], sports: bool) -> list[RawMention]:
    """The mentions with every listed club's form a TEAM carrying the club's name (found
    where the model tagged nothing too, in a sports report); see the module's docstring."""
    clubs = load_clubs()
    covered: dict[int, RawMention] = {}
    by_span: dict[tuple[int, int], int] = {}
    for n, m in enumerate(mentions):
        by_span[(m.token_start, m.token_end)] = n
        for i in range(m.token_start, m.token_end):
            covered[i] = m
    # Surnames of the article's people ("Bobby Charlton"): a bare form that is one is no club
    # unless the sentence makes it play.
    surnames = {surname(m.text) for m in mentions if m.label == "PERSON" and len(m.text.split()) >= 2}

    # Every place a listed form is written: (start, end, form)
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(doc):
        hit = None
        first = doc[i].text
        if (first[:1].isupper() or first[:1].isdigit()) and first in clubs.prefixes:
            for n in range(min(clubs.longest, len(doc) - i), 0, -1):
                text = doc[i : i + n].text
                if text in clubs.forms:
                    hit = (i, i + n, text)
                    break
        if hit is None:
            i += 1
            continue
        found.append(hit)
        i = hit[1]
    if not found:
        return mentions

    # A report that names two listed clubs the model tagged ("Arsenal", "Sheffield United")
    # is about sport, however few of sport.json's cue words it uses.
    tagged = {c.name for start, end, form in found if (start, end) in by_span
              for c, k in clubs.forms[form] if k == ALIAS}
    sport_report = len(tagged) >= 2 or sports
    rules = load_sport_rules()
    sport = _report_sport(doc, clubs) if sport_report else None
    # Forms the article uses that name a club outright (not a shared nickname): they decide
    # which club a shared form or nickname means.
    named: set[str] = set()
    playing: set[str] = set()  # context forms that play or have staff somewhere in the report
    for start, end, form in found:
        kinds = {kind for _, kind in clubs.forms[form]}
        if kinds & {ALIAS, NICKNAME}:
            named.update(c.name for c, k in clubs.forms[form] if k in {ALIAS, NICKNAME})
        mention = mentions[by_span[(start, end)]] if (start, end) in by_span else None
        if CONTEXT in kinds and (_staff_after(doc, end, rules) or _plays(doc[end - 1], rules) or _club_of_person(doc, start, end, covered)
                                 or (mention is not None and mention.label in {"TEAM", "ORG"})):
            # "Chelsea's complaint" the model tagged ORG: the club, not the district
            playing.add(form)

    # A place's name that plays here and is only one listed club's ("Southampton"): the
    # nicknames of that club join it under the name as written ("Saints").
    written_as: dict[str, str] = {}
    for form in playing:
        clubs_of = {c.name for c, k in clubs.forms[form] if k == CONTEXT}
        if len(clubs_of) == 1:
            written_as.setdefault(next(iter(clubs_of)), form)

    out = list(mentions)
    added: list[RawMention] = []
    dropped: set[int] = set()  # mentions a club's longer name takes in: "Glasgow" of "Glasgow Warriors"
    for start, end, form in found:
        existing = by_span.get((start, end))
        inside: set[int] = set()
        if existing is None and any(i in covered for i in range(start, end)):
            parts = {id(covered[i]) for i in range(start, end) if i in covered}
            within = [n for n, m in enumerate(mentions) if id(m) in parts and (start <= m.token_start and m.token_end <= end
                                                                              or _role_tail(doc, m, start, end))]
            if len(within) != len(parts):
                continue  # inside a longer name: "Newcastle Evening Chronicle", "Celtic League"
            inside = set(within)
        if end - start == 1 and _in_longer_name(doc, start, end, covered):
            continue
        if existing is not None and out[existing].label in {"NORP"} and not sport_report:
            continue
        candidates = []
        for club, kind in clubs.forms[form]:
            if kind == ALIAS:
                ok = sport_report or (existing is not None and (len(form.split()) > 1 or club.name == form))
            elif kind == NICKNAME:
                ok = sport_report
            elif kind == CONTEXT:
                ok = sport_report and form in playing and not _locative(doc[end - 1]) and (
                    form not in surnames or _staff_after(doc, end, rules) or _plays(doc[end - 1], rules))
            else:
                ok = sport_report and (club.name in named or club.name in written_as)
            if ok:
                candidates.append((club, kind))
        if not candidates:
            continue
        if form in surnames and all(k != CONTEXT for _, k in candidates) and not _staff_after(doc, end, rules):
            continue  # "Chelsea" beside "Chelsea Clinton" ... or a player called "Hearts"
        chosen = _choose([c for c, _ in candidates], named, written_as, sport)
        if chosen is None and all(k == CONTEXT_NICKNAME for _, k in candidates):
            continue  # "Blues" of which club, the text does not say
        if chosen is not None and all(k == CONTEXT for _, k in candidates) and chosen.name not in named:
            # "Leeds", "Wigan" alone: a team, but of which sport's club the list may not
            # know (rugby league's, an athletics club): the name as written
            chosen = None
        canonical = chosen.name if chosen is not None else ""
        if chosen is not None and chosen.name not in named and chosen.name in written_as:
            canonical = written_as[chosen.name]
        if existing is not None:
            m = out[existing]
            out[existing] = replace(m, label="TEAM", canonical=canonical)
        else:
            span = doc[start:end]
            added.append(RawMention(span.text, "TEAM", span.start_char, span.end_char, start, end, sentences[start],
                                    canonical=canonical))
            dropped |= inside
    if dropped:
        out = [m for n, m in enumerate(out) if n not in dropped]
    return sorted(out + added, key=lambda m: m.start) if added else out


def _choose(candidates: list[Club], named: set[str], written_as: dict[str, str], sport: str | None) -> Club | None:
    """The one club a form means: the only one, the one the article names otherwise, or the
    one of the report's sport."""
    unique = {c.name: c for c in candidates}
    if len(unique) == 1:
        return next(iter(unique.values()))
    for narrowed in ([c for c in unique.values() if c.name in named or c.name in written_as],
                     [c for c in unique.values() if sport is not None and c.sport == sport]):
        if len(narrowed) == 1:
            return narrowed[0]
    return None
