"""From article text to an ``ExtractedDocument``: the one place that runs spaCy.

``load_pipeline`` is the only global state (a lazily loaded, cached pipeline).
``extract_doc`` turns one parsed ``Doc`` into plain dataclasses; ``extract_texts``
streams many articles through ``nlp.pipe``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.errors import ModelNotFound
from newsgraph.extract.mentions import (
    dateline_end,
    doc_text,
    find_known_mentions,
    find_mentions,
    find_missed_mentions,
    find_repeated_names,
    find_title_owner_mentions,
    fix_dateline_mentions,
    is_sports_report,
    join_split_forms,
    load_context_cues,
    mark_aliases,
    retype_by_context,
    retype_people,
    retype_teams,
    sentence_index,
)
from newsgraph.extract.clubs import find_clubs
from newsgraph.extract.opening_words import drop_sentence_opening_words, trim_opening_common_nouns
from newsgraph.extract.person_evidence import (
    retype_bodies_as_people, retype_club_or_place_names, retype_people_as_bodies, retype_places_as_companies, retype_regions_as_places,
    retype_unproven_organisations,
    retype_names_only_after_the, retype_unevidenced_people, retype_unproven_people, trim_name_openers,
)
from newsgraph.extract.place_evidence import drop_unplaced_places, find_constituencies, find_prefixed_places
from newsgraph.extract.extractors import run_extractors
from newsgraph.extract.relation_base import EntityIndex, ExtractionInput, MentionSpan
from newsgraph.extract.confidence import finalise
from newsgraph.extract.context import apply_context, lineup_people
from newsgraph.extract.cooccurrence import cooccurrence_relations
from newsgraph.extract.learned import learned_relations
from newsgraph.extract.name_ends import whole_name_ends
from newsgraph.extract.resolve import given_named_surnames, missed_name_labels, resolve
from newsgraph.extract.rules import DEFAULT_MODEL, load_event_noun_rules, load_relation_rules, model_name
from newsgraph.extract.token_attributes import use_token_attribute_tables
from newsgraph.graph.model import EntityMention, ExtractedDocument, ExtractedRelation

# Components newsgraph never reads; skipping them is free speed.
UNUSED_COMPONENTS: tuple[str, ...] = ()


PARAGRAPH_BREAKS = "newsgraph_paragraph_breaks"


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence. Cleaned text keeps paragraphs apart by a blank line,
    and a line that ends without a full stop (a standfirst, a caption, a live-blog entry's
    headline) is no part of the paragraph after it; left to the parser, "... emergency
    department plan is shelved" and the next paragraph's first sentence become one
    sentence, and relations are read across them. So does a single line break that is no
    hard wrap (``line_break_ends_sentence``): a page saved without blank lines keeps its
    deck, a caption's credit, a fact box's "Name, role" rows and a writer's name and desk
    on lines of their own. Runs before the parser, which keeps boundaries set before it."""
    text = doc.text
    window = wrapped_line(text) if "\n" in text else WRAPPED_LINE
    for token in doc[1:-1]:
        if token.is_space and "\n" in token.text and (
                "\n\n" in token.text or line_break_ends_sentence(text, doc[token.i - 1], doc[token.i + 1], window)):
            doc[token.i + 1].is_sent_start = True
    return doc


# A line that ends a sentence: ".", "!", "?" (or ":" before a list), maybe inside quotes
# or brackets, or a bracket ("... in Toronto in 2023. (Harbourview Foods)").
_LINE_END = re.compile(r"""(?:[.!?:]['"\u2019\u201d)\]]*|[)\]])$""")
# Hard-wrapped prose (cleanup joins a wrap whose next line starts in lower case; one
# before a capital stays a line break) fills lines of about this many characters: a line
# ending mid-sentence inside this range may be a wrap ("... met the president of" /
# "Guatemala, ..."), one outside it is a line of its own. The range of a text that shows
# no wrap width of its own (``wrapped_line``): a few lines, or none of one length.
WRAPPED_LINE = (45, 100)
# A text is hard-wrapped when at least WRAP_LINES of its lines (each followed by another
# line), WRAP_SHARE of them, fill it to within WRAP_SLACK of its width (the longest word a
# wrap carries over), a width of WRAP_MIN to WRAP_MAX characters: shorter lines of one
# length are rows of a list or a fact box ("Sara Lind, Malmo FF head coach"), longer ones
# paragraphs saved one a line without blank lines (no one wraps prose that wide).
WRAP_LINES, WRAP_SHARE, WRAP_SLACK, WRAP_MIN, WRAP_MAX = 3, 0.6, 0.4, 50, 160


def wrapped_line(text: str) -> tuple[int, int]:
    """The lengths a hard-wrapped line of this text has: the text's own wrap width (the
    longest of nine in ten lines that another line follows) less the longest carried-over
    word, when most such lines come that close to it ("wrapped at 60", "at 120"); else
    ``WRAPPED_LINE``."""
    lines = [line.strip() for line in text.split("\n")]
    lengths = sorted(len(a) for a, b in zip(lines, lines[1:]) if a and b)
    if len(lengths) < WRAP_LINES:
        return WRAPPED_LINE
    width = lengths[int(0.9 * (len(lengths) - 1))]
    low = int(width * (1 - WRAP_SLACK))
    if not WRAP_MIN <= width <= WRAP_MAX or sum(low <= n <= width for n in lengths) < WRAP_SHARE * len(lengths):
        return WRAPPED_LINE
    return low, width + 2


def line_break_ends_sentence(text: str, last: Token, first: Token,
                             window: tuple[int, int] = WRAPPED_LINE) -> bool:
    """Whether the line break between ``last`` (the line's last word) and ``first`` (the next
    line's first word), one newline and no blank line, ends a sentence: the next line does
    not go on in lower case, and the line before ends a sentence, or is too short or too long
    to be a hard-wrapped line of prose (a headline, a deck, a name, "Derby County chairman",
    "Image: Reuters"), or ends in a lowercase word that is no function word (a wrap falls
    before a name after "of", "the", "with" or inside a name: "Prime Minister" / "Keir
    Starmer"; a deck ends "... pinned to the canteen wall"). ``window``: the lengths a
    hard-wrapped line of the text has (``wrapped_line``)."""
    if first.text[:1].islower() or last.is_space:
        return False
    line = text[text.rfind("\n", 0, last.idx) + 1:last.idx + len(last.text)].strip()
    if _LINE_END.search(line) or not window[0] <= len(line) <= window[1]:
        return True
    return last.is_alpha and last.is_lower and not last.is_stop


def load_pipeline(model: str | None = None) -> Language:
    """The pipeline of ``model`` (``model_name``'s choice when None), loaded once per
    process. Cached by the name it resolves to: ``load_pipeline()``, ``load_pipeline(None)``
    and ``load_pipeline(DEFAULT_MODEL)`` are one pipeline (a cache keyed by the argument
    loaded the model again, about a second, when a caller that had loaded it with no
    argument then ingested, which asks with ``model=None``)."""
    return _loaded_pipeline(model_name(model))


@lru_cache(maxsize=2)
def _loaded_pipeline(name: str) -> Language:
    return build_pipeline(name)


def build_pipeline(model: str | None = None, *, token_tables: bool = True) -> Language:
    """The model with newsgraph's paragraph breaks before its parser and, with
    ``token_tables``, its attribute ruler and lemmatizer answered from tables
    (``token_attributes``: the same attributes; the two pipes' own CPU about a fifth of
    the stock ones', the whole ingest measurably faster only in a warm process, see
    ``benchmarks/token_attributes.py`` and the ingest bench).
    Uncached: ``load_pipeline`` is the one to use; this is for comparing the two."""
    name = model_name(model).replace("-", "_")
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise ModelNotFound(model=model_name(model)) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    if token_tables:
        use_token_attribute_tables(nlp)
    return nlp


def extract_doc(doc: Doc, nlp: Language, *, document_id: str, source: str = "", title: str | None = None,
                url: str | None = None, published: str | None = None, external_id: str | None = None,
                authors: tuple[str, ...] | list[str] = (), cooccurrence: bool = True,
                learned: bool = True, modified: str | None = None, site_name: str | None = None,
                language: str | None = None) -> ExtractedDocument:
    sports = is_sports_report(doc)
    out, index, relations = extract_rules(
        doc, nlp, document_id=document_id, source=source, title=title, url=url, published=published,
        external_id=external_id, sports=sports,
    )
    # Page metadata the extraction does not read, carried to the store (issue 18).
    out.modified, out.site_name, out.language = modified, site_name, language
    _add_authors(out, authors)
    if learned:
        relations += _new_learned(learned_relations(doc, index, relations, sports), relations)
    relations = whole_name_ends(doc, _outside_datelines(doc, relations), out.mentions)
    if cooccurrence:
        relations += cooccurrence_relations(doc, index)
    for r in relations:
        # spaCy's sentences carry the whitespace that follows them; evidence should not.
        stripped = r.sentence.strip()
        r.start += len(r.sentence) - len(r.sentence.lstrip())
        r.end = r.start + len(stripped)
        r.sentence = stripped
    # Statements that are not facts go; every typed relation's confidence becomes its fitted probability.
    out.relations = finalise(doc, relations, [m.entity_id for m in out.mentions], {e.id: e.type for e in out.entities})
    return out


# What a dateline itself states: the city's region or country, the agency's filing place.
DATELINE_METHODS = {"dateline", "dateline_agency", "city_state"}


def _outside_datelines(doc: Doc, relations: list[ExtractedRelation]) -> list[ExtractedRelation]:
    """A dateline's place ("LONDON - Prime Minister Keir Starmer met …", "KUALA LUMPUR,
    March 10 — Petronas has signed …") is where the story was filed, no argument of what
    the sentence says: the parser reads it as a subject or as a title's place ("LONDON Prime
    Minister"). Only what the dateline itself states stays (``DATELINE_METHODS``)."""
    ends: dict[int, int] = {}  # sentence start char → char after its dateline
    for sent in doc.sents:
        end = dateline_end(sent)
        if end is not None and end < len(doc):
            ends[sent.start_char] = doc[end].idx
    if not ends:
        return relations

    def in_dateline(r: ExtractedRelation) -> bool:
        end = ends.get(r.start)
        return end is not None and any(s is not None and r.start <= s < end for s in (r.head_start, r.tail_start))

    return [r for r in relations if r.method in DATELINE_METHODS or not in_dateline(r)]


def _add_authors(out: ExtractedDocument, authors: tuple[str, ...] | list[str]) -> None:
    """The byline's people as Person entities of the article (no mention: the byline is
    not in the text). An author the text also names is that same entity. No relation to an
    agency or publisher is made: who employs a journalist is for the text to say."""
    from newsgraph.graph.model import ExtractedEntity, entity_id

    present = {e.id for e in out.entities}
    for name in authors:
        eid = entity_id("Person", name)
        if eid not in present:
            out.entities.append(ExtractedEntity(id=eid, name=name, type="Person", mentions=0))
            present.add(eid)
        if eid not in out.authors:
            out.authors.append(eid)


def _new_learned(found: list[ExtractedRelation], rules: list[ExtractedRelation]) -> list[ExtractedRelation]:
    """Learned relations between mentions no rule has linked: where a rule read the pair
    ("Rubio visited El Salvador" → VISITED), the rule says what the text says."""
    linked = {(r.head_start, r.tail_start) for r in rules} | {(r.tail_start, r.head_start) for r in rules}
    return [r for r in found if (r.head_start, r.tail_start) not in linked]


def extract_rules(doc: Doc, nlp: Language, *, document_id: str, source: str = "", title: str | None = None,
                  url: str | None = None, published: str | None = None,
                  external_id: str | None = None,
                  sports: bool | None = None) -> tuple[ExtractedDocument, EntityIndex, list[ExtractedRelation]]:
    """Entities, mentions and the rule-based relations (no learned ones, no co-occurrence),
    with the mention index the later steps read. ``sports``: ``is_sports_report(doc)`` where
    the caller has it already (several stages read it; it is counted once per article)."""
    if sports is None:
        sports = is_sports_report(doc)
    sentences = sentence_index(doc)
    raw = join_split_forms(doc, find_mentions(doc, sentences))
    raw = sorted(raw + find_known_mentions(doc, sentences, raw), key=lambda m: m.start)
    raw = sorted(raw + find_prefixed_places(doc, sentences, raw), key=lambda m: m.start)
    raw = trim_name_openers(doc, fix_dateline_mentions(doc, sentences, raw))
    raw = retype_people(
        doc, raw, {v for rule in load_relation_rules() if rule.people for v in rule.verbs},
        {n for rule in load_event_noun_rules() if rule.tail_types == {"Person"} for n in rule.nouns},
    )
    raw = retype_club_or_place_names(doc, retype_by_context(doc, raw), sports)
    raw = lineup_people(doc, apply_context(doc, raw), sports)
    raw = retype_teams(doc, raw, sports, sentences)
    raw = trim_opening_common_nouns(doc, drop_sentence_opening_words(doc, find_clubs(doc, sentences, raw, sports)))
    raw = retype_unproven_people(doc, raw, sports)
    raw = retype_unevidenced_people(doc, retype_people_as_bodies(doc, raw), sports)
    raw = retype_places_as_companies(doc, retype_unproven_organisations(doc, raw, sports), sports)
    raw = retype_regions_as_places(doc, raw, sports)
    raw = retype_names_only_after_the(doc, retype_bodies_as_people(doc, raw), sports)
    raw = drop_unplaced_places(doc, raw)
    seats, replaced = find_constituencies(doc, sentences, raw)
    if seats:  # after the place check: a seat is a place by its title, not by the gazetteers
        raw = sorted([m for m in raw if m.token_start not in replaced] + seats, key=lambda m: m.start)
    raw = mark_aliases(doc, raw)
    resolution = resolve(raw)
    missed = find_missed_mentions(doc, sentences, raw, missed_name_labels(resolution))
    named = [m for m, eid in zip(raw, resolution.mention_entity) if eid is not None]
    # A surname the model tagged a nationality that is none ("criticised Orbán for", Orbán
    # NORP) named no one: its token is free for the search of people's names (only people's:
    # "a Maori named Joe Warbrick" is no organisation "Maori" the article names elsewhere).
    unnamed = {id(m) for m, eid in zip(raw, resolution.mention_entity)
               if eid is None and m.label == "NORP" and m.token_end - m.token_start == 1}
    if unnamed:
        surnames = find_missed_mentions(doc, sentences, [m for m in raw if id(m) not in unnamed] + missed,
                                        given_named_surnames(resolution, {m.text for m in raw if m.label == "ORG"}))
        retagged = {m.token_start for m in surnames}
        raw = [m for m in raw if not (id(m) in unnamed and m.token_start in retagged)]
        missed += surnames
    missed += find_repeated_names(doc, sentences, named + missed)
    if missed:
        raw = sorted(raw + missed, key=lambda m: m.start)
        resolution = resolve(raw)
    ends = [(resolution.entities[eid].type, resolution.entities[eid].name) if eid is not None else None
            for eid in resolution.mention_entity]
    owners = find_title_owner_mentions(doc, sentences, raw, ends)
    if owners:
        raw = sorted(raw + owners, key=lambda m: m.start)
        resolution = resolve(raw)

    out = ExtractedDocument(
        id=document_id, text_length=len(doc_text(doc)), source=source, title=title, url=url,
        published=published, external_id=external_id,
    )
    out.entities = list(resolution.entities.values())
    spans = []
    peers = load_context_cues().peer_titles
    for m, eid in zip(raw, resolution.mention_entity):
        if eid is None:
            continue
        rank = doc[m.token_start - 1] if m.token_start > 0 else None
        if rank is not None and rank.lower_ in peers and rank.is_title and " " not in m.text \
                and resolution.entities[eid].type == "Person":
            resolution.entities[eid].aliases.add(f"{rank.text} {m.text}")  # "Lord Falconer" of "Falconer"
        out.mentions.append(EntityMention(eid, m.text, m.start, m.end, m.sentence))
        spans.append(MentionSpan(eid, resolution.entities[eid].type, m.token_start, m.token_end, m.sentence))
    index = EntityIndex.build(spans)

    relations = run_extractors(ExtractionInput(doc, index, sentences, nlp, resolution.group_countries, sports))
    relations += _nationality_relations(doc, out, resolution.group_countries)
    # A nationality's country, and one a relation reads from a demonym that is no mention
    # ("British energy firm Burren Energy"), is a node even if the article never names it.
    _ensure_countries(out, set(resolution.group_countries.values()) | {r.tail for r in relations if r.tail.startswith("country:")})
    return out, index, relations


def _nationality_relations(doc: Doc, out: ExtractedDocument, group_countries: dict[str, str]) -> list[ExtractedRelation]:
    from newsgraph.extract.rules import load_confidence

    relations = []
    first_mention: dict[str, EntityMention] = {}
    for m in out.mentions:
        first_mention.setdefault(m.entity_id, m)
    for group, country in group_countries.items():
        first = first_mention.get(group)
        if first is None:
            continue
        sent = doc.char_span(first.start, first.end, alignment_mode="expand")
        s = sent.sent if sent is not None else doc[:]
        relations.append(
            ExtractedRelation(group, country, "NATIONALITY_OF", "nationality", load_confidence()["nationality"],
                              s.text, s.start_char, s.end_char, predicate="nationality of")
        )
    return relations


def _ensure_countries(out: ExtractedDocument, countries: set[str]) -> None:
    """A nationality links to its country even if the article never names the country."""
    from newsgraph.extract.rules import load_gazetteer
    from newsgraph.graph.model import ExtractedEntity

    present = {e.id for e in out.entities}
    by_iso = {c.iso3: c for c in load_gazetteer().countries.values()}
    for country_id in sorted(countries - present):  # stable across processes
        iso3 = country_id.split(":", 1)[1]
        country = by_iso[iso3]
        out.entities.append(ExtractedEntity(id=country_id, name=country.name, type="Country", iso3=iso3, mentions=0))


def extract_texts(
    items: Iterable[tuple[str, dict]], nlp: Language, *, batch_size: int = 32, n_process: int = 1,
    cooccurrence: bool = True,
) -> Iterator[ExtractedDocument]:
    """``items`` are (text, metadata) pairs; metadata holds ``document_id`` and the
    optional fields of ``extract_doc``. Streams: one batch in memory at a time."""
    for doc, meta in nlp.pipe(items, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield extract_doc(doc, nlp, cooccurrence=cooccurrence, **meta)
