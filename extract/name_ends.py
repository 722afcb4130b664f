"""No relation whose end is a piece of a longer name (issue 12, shown edges, session 16).

The model sometimes tags part of a name and leaves the rest untagged: "Tourism and Events
Queensland chief executive X" gives an organisation "Events Queensland", "Metro Trains
Melbourne" one called "Trains Melbourne", "Plaid Cymru leader Rhun ap Iorwerth" a "Rhun"
and an "Iorwerth", "Hong Kong Exchanges and Clearing" an "Exchanges", "BioVest Research, Inc's
analyst" an organisation "Inc". An edge to such a node is wrong in the strict count however
right its reading (LABELLING.md: a junk or wrong entity at either end), and fixing the name
is the entity stages' work; here the edge read from that mention is left out. A relation
read from a mention whose words run on into capitalised words that no mention of the
article covers and that are no title ("Foreign Secretary X", "Minister for Climate X")
stops; so does one whose end is a company's legal suffix alone.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.mentions import MONTHS, load_context_cues
from newsgraph.extract.rules import WEEKDAYS, load_gazetteer, load_titles
from newsgraph.graph.model import EntityMention, ExtractedRelation

# Words that join two names ("Truro and Falmouth", "Hong Kong Exchanges and Clearing").
JOINING_WORDS = frozenset({"and", "&"})
# Words that join a capitalised run to a title before it, making the run a portfolio, no
# piece of the name after it: "Minister for Climate Darragh O'Brien", "State Secretary for
# Asylum X", "Minister for Trade and Industry Gan Kim Yong".
PORTFOLIO_WORDS = frozenset({"for", "of", "and", "&", ","})
# A people's noun before a name ("beating Frenchman Gilles Simon", "Dutchwoman X"): no
# part of the name; nor a "-man" word ("Congressman", "Chairman").
DEMONYM_ENDINGS = ("man", "woman", "men", "women")
# Capitalised words that open a name without being part of it ("The Times" is The Times).
ARTICLES = frozenset({"the", "a", "an"})


def _title_word(token: Token) -> bool:
    words = load_titles().words()
    return token.lower_ in words or f"{token.lower_}." in words


def _capitalised(token: Token) -> bool:
    """A word written with a capital that may be part of a name: no article, pronoun or
    title, no nationality ("Slovakia's Karol Beck and Croatian duo Ivan Ljubicic") or people's
    noun ("Frenchman")."""
    # A date is no part of a name: "met President Nayib Bukele Monday", "signed by chief
    # executive John Smith Friday" (American news drops the "on").
    if token.lower_ in WEEKDAYS or token.lower_ in MONTHS or token.ent_type_ in {"DATE", "TIME"}:
        return False
    return (token.is_alpha and token.is_title and token.lower_ not in ARTICLES and token.pos_ != "PRON"
            and not _title_word(token) and load_gazetteer().nationality(token.text) is None
            and token.lower_ not in load_context_cues().person_demonyms and not token.lower_.endswith(DEMONYM_ENDINGS))


def _in_title(token: Token, sent: Span) -> bool:
    """Whether ``token``, the word before a capitalised run, joins the run to a title on its
    left: "Minister for Climate", "Minister for Trade and Industry", "Secretary of State for
    Culture, Media and Sport"."""
    doc = token.doc
    if token.i < sent.start or token.lower_ not in PORTFOLIO_WORDS:
        return False
    k = token.i
    while k >= sent.start and (doc[k].lower_ in PORTFOLIO_WORDS or doc[k].is_title):
        if _title_word(doc[k]):
            return True
        k -= 1
    return False


def _opens_sentence(token: Token) -> bool:
    """The sentence's first word, after any quote or bullet."""
    return all(t.is_punct for t in token.doc[token.sent.start : token.i])


@lru_cache(maxsize=1)
def _lone_suffixes() -> frozenset[str]:
    """Legal suffixes that name no company alone ("Inc", "plc"); "group" and "company" may.
    Built once: ``name_fragment`` asks for every end of every relation."""
    return frozenset(s.rstrip(".") for s in load_context_cues().org_legal_suffixes) - {"group", "company"}


def name_fragment(span: Span, covered: set[int]) -> str | None:
    """Why the mention ``span`` is a piece of a longer name, or None. ``covered``: the
    indices of the tokens inside any mention of the article."""
    doc, sent = span.doc, span.sent
    if span.text.lower().rstrip(".") in _lone_suffixes():
        return "a legal suffix alone"
    if load_gazetteer().country(span.text) is not None or load_gazetteer().organization(span.text) is not None:
        return None  # a name the gazetteer knows is whole: "in Cardiff and Northern Ireland Minister X"
    free = lambda t: t.i not in covered and _capitalised(t)  # noqa: E731
    before = doc[span.start - 1] if span.start > sent.start else None
    after = doc[span.end] if span.end < sent.end else None
    # One capitalised word joined to the mention by "and": "Tourism and Events Queensland".
    if before is not None and before.lower_ in JOINING_WORDS and before.i > sent.start:
        word = doc[before.i - 1]
        if free(word) and (word.i == sent.start or not doc[word.i - 1].is_title):
            return f"'{word.text} {before.text}' before it"
    if after is not None and after.lower_ in JOINING_WORDS and after.i + 1 < sent.end:
        word = doc[after.i + 1]
        if free(word) and (word.i + 1 >= sent.end or not doc[word.i + 1].is_title):
            return f"'{after.text} {word.text}' after it"
    # A name particle between the mention and a capitalised word: "Rhun ap Iorwerth".
    particles = load_context_cues().name_particles
    if before is not None and before.lower_ in particles and before.is_lower and before.i > sent.start \
            and doc[before.i - 1].is_title and doc[before.i - 1].is_alpha:
        return f"'{doc[before.i - 1].text} {before.text}' before it"
    if after is not None and after.lower_ in particles and after.is_lower and after.i + 1 < sent.end \
            and doc[after.i + 1].is_title and doc[after.i + 1].is_alpha:
        return f"'{after.text} {doc[after.i + 1].text}' after it"
    # Capitalised words right against it, no title among them: "Metro Trains Melbourne",
    # "Henk Ten Cate". Not a sentence's opening words, nor a portfolio ("Minister for Climate").
    run = []
    k = span.start - 1
    while k >= sent.start and doc[k].i not in covered and doc[k].is_alpha and doc[k].is_title:
        run.append(doc[k])
        k -= 1
    if run and all(_capitalised(t) for t in run) and not _opens_sentence(run[-1]) and not _in_title(doc[k], sent):
        return f"'{' '.join(t.text for t in reversed(run))}' before it"
    run = []
    k = span.end
    while k < sent.end and doc[k].i not in covered and doc[k].is_alpha and doc[k].is_title:
        run.append(doc[k])
        k += 1
    if run and all(_capitalised(t) for t in run):
        return f"'{' '.join(t.text for t in run)}' after it"
    return None


def whole_name_ends(doc: Doc, relations: list[ExtractedRelation], mentions: list[EntityMention]) -> list[ExtractedRelation]:
    """The relations none of whose ends was read from a piece of a longer name."""
    covered: set[int] = set()
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            covered.update(range(span.start, span.end))

    judged: dict[tuple[int, int], bool] = {}  # a mention ends several relations: judge it once

    def fragment(start: int | None, end: int | None) -> bool:
        if start is None or end is None:
            return False
        if (start, end) not in judged:
            span = doc.char_span(start, end, alignment_mode="expand")
            judged[start, end] = span is not None and name_fragment(span, covered) is not None
        return judged[start, end]

    return [r for r in relations if not (fragment(r.head_start, r.head_end) or fragment(r.tail_start, r.tail_end))]
