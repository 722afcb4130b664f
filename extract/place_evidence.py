"""Whether a name the small model calls a place is one, from knowledge or from the text
(issue 12: "a name that fits no type is dropped rather than forced").

``en_core_web_sm`` tags films, games, products, ships and fragments of longer names GPE,
LOC or FAC ("Spirited Away", "Halo", "Zanussi", "Crystal Harmony", "Newton" of "Newton
Aycliffe"), and the resolver then makes places of them. A real place is either known (a
country, a region, a geonames town of 15,000 people or more, a US state, an ISO 3166-2
subdivision, a continent, ocean or broad region, a name ending in a place word) or used
as a place somewhere in the article ("in X", "X, Utah", "the X stadium"). A name with
neither is dropped. The word lists are in ``data/place_evidence.json``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc

from newsgraph.extract.mentions import RawMention, covered_tokens, load_context_cues
from newsgraph.extract.person_evidence import gazetteer_place, has_given_name, where_after
from newsgraph.extract.rules import load_gazetteer, word_lists
from newsgraph.graph.model import normalise_name

__all__ = ["drop_unplaced_places", "find_constituencies", "find_prefixed_places", "load_place_rules"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True)
class PlaceRules:
    broad_places: frozenset[str]
    place_words_last: frozenset[str]
    place_prepositions: frozenset[str]
    place_nouns_after: frozenset[str]
    place_words_first: frozenset[str]
    headquarters_nouns: frozenset[str]
    region_nouns: frozenset[str]
    constituency_titles: frozenset[str]
    constituency_joiners: frozenset[str]


@lru_cache(maxsize=1)
def load_place_rules() -> PlaceRules:
    keys = ["broad_places", "place_words_last", "place_prepositions", "place_nouns_after", "place_words_first", "headquarters_nouns",
            "region_nouns", "constituency_titles", "constituency_joiners"]
    return PlaceRules(**word_lists("place_evidence.json", keys))


def known_place_name(text: str, rules: PlaceRules | None = None) -> bool:
    """The gazetteers or the broad-place list know the name, or it ends in a place word."""
    rules = rules or load_place_rules()
    lower = text.lower().removeprefix("the ")
    words = lower.split()
    if not words:
        return False
    if words[0] in rules.place_words_first and len(words) > 1:
        return True  # "Isle of Arran", "Port of Vancouver", "Republic of Georgia", "South East Asia"
    if words[-1] in rules.place_words_last or lower in rules.broad_places or text.lower() in rules.broad_places:
        return True
    if gazetteer_place(text, towns_without_the=True) or load_gazetteer().organization(text) is not None:
        return True
    # a known place opening the name: "Las Vegas Strip", "Vienna State Opera", "Asia Pacific"
    # (left as the model typed them; "Asia" and "Vienna" are given names too)
    return any(_known_word_run(" ".join(words[:k])) for k in range(1, len(words)))


def _known_word_run(lower: str) -> bool:
    return lower in load_place_rules().broad_places or gazetteer_place(lower, regions=False)


def _used_as_place(doc: Doc, m: RawMention, labels: dict[int, str], rules: PlaceRules) -> bool:
    """The sentence uses the name as a place: after a place preposition ("in La Manga"),
    coordinated or in apposition with a known place ("Japan, but also East Asia"), before
    ", <known place>" ("Bryce Canyon National Park, in Utah" is not; "Newton Aycliffe,
    County Durham" is), before "-based", before ", where", visited, or modifying a place
    noun ("Parken stadium")."""
    span = doc[m.token_start: m.token_end]
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in rules.place_prepositions:
        return True
    if m.token_start >= 2 and doc[m.token_start - 1].lower_ == "of" and doc[m.token_start - 2].text == ",":
        return True  # "Kyle Brennan, 34, of Brewer": where a person in the news lives
    if root.dep_ in {"compound", "poss", "nmod"} and root.head.lemma_.lower() in rules.place_nouns_after:
        return True
    if m.token_start >= 2 and doc[m.token_start - 1].lower_ == "of" and doc[m.token_start - 2].is_lower \
            and doc[m.token_start - 2].lower_ in load_context_cues().settlement_nouns_of:
        return True  # "the Urals city of Perm", "the village of Novye Atagi" (context_cues.json settlement_nouns_of)
    after = doc[m.token_end: m.token_end + 3]
    if len(after) >= 2 and after[0].text in {"-", "–"} and after[1].lower_.startswith("based"):
        return True
    if len(after) >= 1 and after[0].lower_ in {"-based", "based"}:
        return True
    if len(after) >= 2 and after[0].text == "," and known_place_name(after[1].text, rules) and after[1].text[:1].isupper():
        return True
    if where_after(doc, m) or (root.dep_ == "dobj" and root.head.lemma_.lower() == "visit"):
        return True  # "visited Gatika, where the converter station will be built"
    near = list(root.conjuncts) + [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    return any(labels.get(t.i) in PLACE_LABELS and known_place_name(t.text, rules) for t in near)


_WHERE = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout"})


def _plainly_a_place(doc: Doc, m: RawMention) -> bool:
    """Uses only a place has, unlike ``_used_as_place``'s "to"/"from" that a firm takes too
    ("access to BT's network", "calls from BT"): "in X", "outside X", "visited X", "X-based",
    "Kyle Brennan, 34, of X"."""
    root = doc[m.token_start: m.token_end].root
    if root.dep_ == "pobj" and root.head.lower_ in _WHERE:
        return True
    if root.dep_ == "dobj" and root.head.lemma_.lower() == "visit":
        return True
    if m.token_start >= 2 and doc[m.token_start - 1].lower_ == "of" and doc[m.token_start - 2].text == ",":
        return True
    after = doc[m.token_end: m.token_end + 2]
    return len(after) >= 2 and after[0].text in {"-", "–"} and after[1].lower_.startswith("based")


def drop_unplaced_places(doc: Doc, mentions: list[RawMention]) -> list[RawMention]:
    """Without the mentions the model calls places (GPE, LOC, FAC) whose name is no known
    place and that no mention in the article uses as one. The name is judged over all its
    place-labelled mentions; other labels of the same name are left as they are, and one the
    model calls an organisation elsewhere in the article becomes one."""
    places: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        if m.label in PLACE_LABELS:
            places.setdefault(normalise_name(m.text), []).append(i)
    if not places:
        return mentions
    rules = load_place_rules()
    labels = {t: m.label for m in mentions for t in range(m.token_start, m.token_end)}
    others = {normalise_name(m.text) for m in mentions}
    bodies = {normalise_name(m.text) for m in mentions if m.label == "ORG"}
    dropped: set[int] = set()
    retyped: dict[int, RawMention] = {}
    for key, members in places.items():
        if not key or known_place_name(mentions[members[0]].text, rules):
            continue
        text = mentions[members[0]].text
        if key in bodies and not any(_plainly_a_place(doc, mentions[i]) for i in members):
            # a name no gazetteer knows as a place, that the model calls an organisation
            # elsewhere in the article and no sentence uses as a place ("BT" GPE in one
            # sentence, ORG in the next; not "Kyle Brennan, of Brewer"): the firm, one node
            for i in members:
                retyped[i] = replace(mentions[i], label="ORG")
            continue
        if text.endswith("s") or "." in text or (text.isupper() and len(text) <= 4) or load_gazetteer().nationality(text):
            continue  # "Londoners", "Prairies" (people, regions), "B.C.", "Calif." (abbreviations)
        if len(text.split()) > 1 and has_given_name(text.split()[0]):
            for i in members:  # "Rio Ferdinand", "Magnus Flett, a Stromness fisherman": a person's name
                retyped[i] = replace(mentions[i], label="PERSON")
            continue
        if any(o != key and (o.endswith(" " + key) or key.endswith(" " + o) or o.startswith(key + " ")
                             or key.startswith(o + " ")) for o in others):
            continue  # "Torao Toshitsune" beside "Mr Toshitsune", "Yellowstone" beside "Yellowstone National
            # Park": part of a longer or shorter name the resolver joins
        if any(_used_as_place(doc, mentions[i], labels, rules) for i in members):
            continue
        if " " not in text.strip():
            # one word: a firm's or a band's name as often as a work's ("Oxfam", "Zanussi",
            # "Busted"); an organisation, not a place, and kept for recall
            for i in members:
                retyped[i] = replace(mentions[i], label="ORG")
            continue
        dropped.update(members)  # "Holy Grail", "Crystal Harmony", "Kooyong Classic"
    return [retyped.get(i, m) for i, m in enumerate(mentions) if i not in dropped]


# The participles a place is glued to in "Leeds-based", "Tullamore-born" (relations_places'
# PREFIX_RELATIONS reads the same two).
PLACE_PREFIX_PARTICIPLES = frozenset({"based", "born"})


def find_prefixed_places(doc: Doc, sentences: list[int], known: list[RawMention]) -> list[RawMention]:
    """A place glued to "-based" or "-born" that the model tagged nothing on ("The Leeds-based
    haulier", "Winnipeg-based Northfield Agri", "the Pune-based company": on dev six such
    places were no node, so the firm's base was lost; issue 12, place recall). Only a
    capitalised word the gazetteers know as a town, region or country ("Internet-based",
    "Java-based" stay words)."""
    taken = covered_tokens(known)
    found = []
    for j in range(1, len(doc) - 1):
        hyphen, word = doc[j], doc[j - 1]
        if hyphen.text not in {"-", "–"} or word.whitespace_ or hyphen.whitespace_ \
                or doc[j + 1].lower_ not in PLACE_PREFIX_PARTICIPLES or word.i in taken:
            continue
        if not word.is_title or word.is_sent_start and word.pos_ != "PROPN" or not gazetteer_place(word.text, regions=False):
            continue
        before = doc[word.i - 1] if word.i > 0 else None
        if before is not None and (before.text == "," or before.is_title and not before.is_sent_start and before.whitespace_):
            # "New Delhi-based", "Hong Kong-based": a longer name the one-word look-up would cut;
            # "The Markfield, Leicestershire-based company": the town's region, not the base
            # itself (unlabelled BBC: the region became the town's base)
            continue
        found.append(RawMention(text=word.text, label="GPE", start=word.idx, end=word.idx + len(word.text),
                                token_start=word.i, token_end=word.i + 1, sentence=sentences[word.i]))
    return found


def _seat_word(doc: Doc, i: int) -> bool:
    """A capitalised word of a constituency's name ("Penrith", "East"), not a title word."""
    t = doc[i]
    return t.is_title and t.is_alpha and t.pos_ == "PROPN" and t.lower_ not in load_context_cues().office_words


def _seat_run(doc: Doc, start: int, step: int, rules: PlaceRules) -> tuple[int, int] | None:
    """The run of capitalised words and joiners from ``start`` going ``step`` (1: forward, -1:
    back), as (first, last + 1), ending on a capitalised word; None if ``start`` opens none."""
    i, last = start, None
    while 0 <= i < len(doc) and doc[i].sent.start == doc[start].sent.start:
        if _seat_word(doc, i):
            last = i
        elif not (doc[i].lower_ in rules.constituency_joiners or doc[i].text == "-" and not doc[i].whitespace_) \
                or last is None:
            break
        i += step
    if last is None:
        return None
    return (start, last + 1) if step == 1 else (last, start + 1)


def find_constituencies(doc: Doc, sentences: list[int], known: list[RawMention]) -> tuple[list[RawMention], set[int]]:
    """The constituency of a member's title, as one place ("the MP for Penrith and Solway",
    "Truro and Falmouth MP Jayne Kirkham", "Galway East TD X"; issue 12, role recall, session
    16: on dev seven seats were no node, or two wrong ones, so the member's HOLDS_ROLE was lost
    or pointed at "Solway"). After "<title> for", or right before "<title> <Person>" where no
    word of the run is a party, a nationality or a country ("Labour MP X", "Welsh MP X",
    "Scottish Labour MSP X" name no seat). The model's mentions inside the run give way (their
    first tokens are returned); a run the model tagged whole as a place is left as it is."""
    rules = load_place_rules()
    gazetteer = load_gazetteer()
    at = {k: m for m in known for k in range(m.token_start, m.token_end)}
    found: list[RawMention] = []
    replaced: set[int] = set()
    titles = {w.upper() for w in rules.constituency_titles}
    for t in doc:
        if t.text not in titles:  # capitals only: "td", "am", "ms" are words
            continue
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if nxt is not None and nxt.lower_ == "for" and t.i + 2 < len(doc):
            run, unlike = _seat_run(doc, t.i + 2, 1, rules), {"NORP"}
        elif nxt is not None and (m := at.get(nxt.i)) is not None and m.label == "PERSON" and t.i > 0:
            run, unlike = _seat_run(doc, t.i - 1, -1, rules), {"NORP", "PERSON"}
        else:
            continue
        if run is None:
            continue
        start, end = run
        words = doc[start:end]
        inside = list({id(at[k]): at[k] for k in range(start, end) if k in at}.values())
        if any(m.token_start < start or m.token_end > end for m in inside):
            continue  # a mention reaching out of the run: no seat's edge read right
        if not inside and end - start == 1 and doc[start].is_sent_start:
            continue  # "Sacked MP Howard Flight said …": a lone capitalised first word the model tagged no name
        if len(inside) == 1 and inside[0].token_start == start and inside[0].token_end == end and inside[0].label in PLACE_LABELS:
            continue  # the model's own place ("the MP for York Central")
        if any(m.label in unlike for m in inside) \
                or any(gazetteer.nationality(w.text) or gazetteer.country(w.text) for w in words if w.is_title) \
                or any((org := gazetteer.organization(m.text)) is not None and org[0].split()[-1].lower() == "party" for m in inside) \
                or gazetteer.organization(words.text) is not None:
            continue  # "Labour MP X", "Welsh MP X", "SNP MSP X": a party or a people, no seat
        replaced.update(m.token_start for m in inside)
        found.append(RawMention(text=words.text, label="GPE", start=words.start_char, end=words.end_char,
                                token_start=start, token_end=end, sentence=sentences[start]))
    return found, replaced
