"""Where a name is: place pairs ("San Salvador, El Salvador"), a name attached to a place
("Avis Bourg Co. of Folsom", ``data/attachments.jsonl``), an organisation in apposition with a
placed noun, "Miami-based" organisations, wire datelines ("BANGKOK, Thailand (AP)") and
capitals ("Yerevan, the capital of Armenia")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.mentions import find_dateline, find_source_line, glued_hyphen, load_context_cues
from newsgraph.extract.place_evidence import load_place_rules
from newsgraph.extract.relation_base import PLACES, EntityIndex, MentionSpan, is_gathering, known_place, span_relation
from newsgraph.extract.relations_roles import article_organisation_reader, article_reference, paragraph_reference
from newsgraph.extract.rules import load_attachment_rules, load_confidence, load_gazetteer, load_regions, load_titles
from newsgraph.graph.model import ExtractedRelation, normalise_name


def _listed_place(doc: Doc, index: EntityIndex, comma: int, step: int) -> bool:
    """Whether token ``comma`` is a comma with another place beyond it (``step`` +1: after,
    -1: before), as in a list of places."""
    if not 0 <= comma < len(doc) or doc[comma].text != "," or not 0 <= comma + step < len(doc):
        return False
    beyond = index.at(doc[comma + step])
    return beyond is not None and beyond.type in {"Country", "Location"}


CLAUSE_ROLES = {"nsubj", "nsubjpass", "dobj", "csubj", "expl"}


def _joined(doc: Doc, first: MentionSpan, second: MentionSpan) -> bool:
    """Whether the parse joins "A, B" into one phrase (B hangs from A or A from B), rather
    than B opening the next clause (issue 12 audit: "in the draw in Paris, Ireland face ...")."""
    a = doc[first.token_start : first.token_end].root
    b = doc[second.token_start : second.token_end].root
    if b.dep_ in CLAUSE_ROLES and b.head.i != a.i:
        return False
    return first.token_start <= b.head.i < first.token_end or second.token_start <= a.head.i < second.token_end


def _region(name: str) -> bool:
    """A country's region or state ("California", "Co Galway"; ``data/regions.json``)."""
    key = normalise_name(name)
    for prefix in ("co ", "county "):
        if key.startswith(prefix) and key[len(prefix):] in load_regions():
            return True
    return key in load_regions()


def _in_list(doc: Doc, index: EntityIndex, first: MentionSpan, second: MentionSpan) -> bool:
    """Whether "A, B" is part of a list rather than a place and what contains it: another
    name (of any type: the model may tag players or towns wrongly) set off by a comma before
    A or after B, or the parser joining them as conjuncts (issue 12 audit: "in areas such as
    London, Birmingham, Glasgow and Cambridge", "Cech, Ferreira, Carvalho, Terry"). A town
    and the region containing it ("Aston, Birmingham", "Macquarie Park, Sydney") is neither."""
    # ";" too: line-ups ("Saracens: Bartholomeusz; Castaignede, Sorrell; Jackson, Bracken; Yates")
    for comma, step in ((second.token_end, +1), (first.token_start - 1, -1)):
        if 0 <= comma < len(doc) and doc[comma].text in {",", ";"} and 0 <= comma + step < len(doc) \
                and (doc[comma + step].pos_ == "PROPN" or index.at(doc[comma + step]) is not None):
            return True
    a = doc[first.token_start : first.token_end].root
    b = doc[second.token_start : second.token_end].root
    return b.dep_ == "conj" and b.head.i == a.i and any(c.dep_ == "cc" for c in b.children) \
        or any(c.dep_ == "conj" for c in b.children)


def place_relations(doc: Doc, index: EntityIndex) -> list[ExtractedRelation]:
    """"San Salvador, El Salvador": a place, a comma, the larger place containing it."""
    confidence = load_confidence()["city_state"]
    out = []
    for m in index.mentions:
        if m.type != "Location" or m.token_end + 1 >= len(doc) or doc[m.token_end].text != ",":
            continue
        after = m.token_end + 1
        if after + 1 < len(doc) and doc[after].lower_ in COMPASS and doc[after].is_lower:
            after += 1  # "Camden, north London", "Stepney, east London": a district and the side of the city it lies in
        nxt = index.at(doc[after])
        if nxt is None or nxt.type not in {"Country", "Location"} or nxt.entity_id == m.entity_id or nxt.token_start != after:
            continue
        before = doc[m.token_start - 1] if m.token_start > doc[m.token_start].sent.start else None
        if doc[m.token_start].ent_iob_ == "I" or (before is not None and before.pos_ == "PROPN" and before.is_title):
            # "in Kentish Town, London" read as "Kentish" and "Town": a name cut from the
            # capitalised word before it is no place (issue 12 audit, sample 9).
            continue
        if nxt.type == "Location" and not known_place(doc, nxt) and not _region(doc[nxt.token_start : nxt.token_end].text):
            # "Subs Not Used: Warrington, Maloney": a container must be a place the gazetteers
            # know (a region, a town, a place word), not a player the model typed Location
            # (issue 12 audit, sample 9).
            continue
        if not _joined(doc, m, nxt):
            continue  # "after the draw in Paris, Ireland face the Faroe Islands": the next clause's subject
        if nxt.type == "Location" and not _region(doc[nxt.token_start : nxt.token_end].text) and _in_list(doc, index, m, nxt):
            continue  # "London, Birmingham, Glasgow and Cambridge", "Cech, Ferreira, Carvalho": a list
        if nxt.token_end < len(doc) and doc[nxt.token_end].text in {"and", "or"}:
            continue  # a list of places, not a containment
        if _listed_place(doc, index, nxt.token_end, +1) or _listed_place(doc, index, m.token_start - 1, -1):
            continue  # "in London, Frankfurt, New York and San Francisco": a list, not a containment
        sent = doc[m.token_start].sent
        out.append(span_relation(doc, sent, m, nxt, "LOCATED_IN", "city_state", confidence, "located in"))
    return out


PLACE_MODIFIERS = {"ADJ", "DET"}  # "in northern Israel", "in the Bronx"
NAME_MODIFIERS = {"compound", "nmod", "amod", "poss"}
COMPASS = {"north", "south", "east", "west", "central", "north-east", "north-west", "south-east", "south-west"}  # "from north London"


def _place_after(doc: Doc, i: int, index: EntityIndex, types: frozenset[str] | set[str] = PLACES) -> MentionSpan | None:
    """The place (or name of ``types``) at token i, after at most two lowercase modifiers."""
    for _ in range(3):
        if i >= len(doc):
            return None
        mention = index.at(doc[i])
        if mention is not None:
            if mention.type not in types or mention.token_start != i:
                return None
            root = doc[mention.token_start : mention.token_end].root
            if root.dep_ in NAME_MODIFIERS and root.head.i >= mention.token_end:
                # "Karen Walsh, from the UK National Tremor Foundation": the place names
                # the noun after it, not where the person is from (issue 12 audit, sample 5).
                return None
            return mention
        if (doc[i].pos_ not in PLACE_MODIFIERS and doc[i].lower_ not in COMPASS) or not doc[i].is_lower:
            return None
        i += 1
    return None


BARE_CONNECTORS = {("in",), ("at",)}


def attachment_relations(doc: Doc, index: EntityIndex, sports: bool) -> list[ExtractedRelation]:
    """A name followed by a connector and a place: "Avis Bourg Co. of Folsom" (BASED_IN),
    "Daniel Sullivan, 30, of Boothbay, Maine" (LIVES_IN, to both places), "Haifa in
    northern Israel" (LOCATED_IN). Rules in ``data/attachments.jsonl``."""
    confidences = load_confidence()
    out = []
    for head in index.mentions:
        for rule in load_attachment_rules():
            if head.type not in rule.head_types:
                continue
            i = head.token_end
            if head.type == "Person" and head.token_start and doc[head.token_start - 1].lower_.rstrip(".") in load_titles().roles:
                break  # "President Yoweri Museveni of Uganda": a role (role_relations), not a home
            if head.type == "Person" and any(doc[k].lower_ in load_context_cues().peer_titles
                                             for k in range(max(head.token_start - 1, 0), head.token_end)):
                # a peer's title in the name or just before it: "the Duke of Edinburgh", "the
                # Prince of Wales" (issue 12 audit, sample 9), "Lord Campbell of Alloway" (session
                # 12): the peerage's place, no employer or home
                break
            # "Daniel Sullivan, 30, of Boothbay": an age between commas is skipped.
            if i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].like_num and doc[i + 2].text == ",":
                i += 3
            elif i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in {"of", "from"}:
                i += 1  # "Tony Martin, of Burnley, said", "Helen Steel and David Morris, from north London"
            words = [t.lower_ for t in doc[i : i + 3]]
            connector = next((c for c in rule.connectors if tuple(words[: len(c)]) == c), None)
            if connector is None or (rule.relation == "WORKS_FOR" and i != head.token_end):
                # "Tony Martin, of Burnley": set off by commas, "of" gives a home (a town that
                # shares a club's name), not an employer; "Mark Hughes of Goldman Sachs" does.
                continue
            place = _place_after(doc, i + len(connector), index, PLACES | (rule.tail_types or PLACES))
            if place is None or place.entity_id == head.entity_id:
                continue
            if rule.tail_types is not None and place.type not in rule.tail_types:
                break
            if rule.relation in {"BASED_IN", "LOCATED_IN"} and is_gathering(doc, head):
                break  # "at the ... Conference in San Francisco", "a meeting of the Commission for Africa in Cape Town"
            if head.token_end - head.token_start == 1 and doc[head.token_start].tag_ in {"NN", "NNS"}:
                break  # "Slowdowns in the US": a common noun capitalised at a sentence's start, no name
            if head.type == "Person" and head.token_start and doc[head.token_start - 1].lower_ in {"the", "a", "an"}:
                break  # "He's considered the Eminem of Argentina": a person's name with an article is a likeness, not a home
            if connector == ("of",) and i == head.token_end and rule.relation == "LIVES_IN" and place.type != "Country" \
                    and (doc[place.token_start].ent_type_ not in {"GPE", "LOC"} or not known_place(doc, place)):
                # "Doug Williams of BT", "Shigeo Morioka of the International Longevity Centre":
                # a person "of" a name with no comma or age between is the name's staff, and the
                # name a firm the resolver typed Location though the tagger does not read it as a
                # place (0 of 3 homes on unlabelled BBC); "Mark Trotter of California" (a place to
                # the tagger too), "Kyle Brennan, 34, of Brewer" give a home. The tagger too
                # calls a firm a place ("Dr Doug Williams of BT"; issue 12 audit, sample 9): the
                # name must also be a place the gazetteers know.
                break
            if rule.relation == "LOCATED_IN" and not known_place(doc, head):
                # "a move back to Botafogo in Brazil", "Liffe in London", "the Winter Meetings in
                # Orlando": a name the model typed Location is often a club, a firm or an event;
                # a place the gazetteers know, or one named by a place word ("Wollaton Park"),
                # lies in the place after it (issue 12 audit, sample 9).
                break
            if connector == ("of",) and i == head.token_end and rule.relation == "BASED_IN" \
                    and doc[head.token_end - 1].lower_ not in load_context_cues().org_legal_suffixes:
                # "House of Fraser", "Eternal Sunshine of the Spotless Mind": a bare "of" after a
                # name is as often inside a longer name; "Avis Bourg Co. of Folsom" (a firm's legal
                # suffix) or "Contrack International, of Arlington" (a comma) place the firm.
                break
            if head.type == "Organization" and connector in BARE_CONNECTORS:
                # "against Ireland in Dublin", "Chennaiyin FC at the Sree Kanteerava Stadium":
                # in a sports report a team "in" a place is where it plays, not its base.
                if sports:
                    break
            if doc[i].dep_ == "prep" and doc[i].head.pos_ in {"VERB", "AUX"} and doc[i].head.i < head.token_start:
                # "Scotland will host Greece at Hampden Park", "face Belarus in Budapest": the
                # place says where the act happens, not where the name is (issue 12, page-11).
                break
            places = [place]
            j = place.token_end
            if j + 1 < len(doc) and doc[j].text == "," and place.type != "Country":
                region = index.at(doc[j + 1])
                # "of Boothbay, Maine": the region the place is in; not the next item of a list
                # ("in Birmingham, Oxford and Portsmouth", "Basra in Iraq, Kabul in Afghanistan")
                # nor a name the region modifies ("the United States, Germany's Birgit Prinz").
                if region is not None and region.type in PLACES and region.token_start == j + 1 \
                        and region.entity_id != head.entity_id and not _listed(doc, region):
                    root = doc[region.token_start : region.token_end].root
                    if root.dep_ in NAME_MODIFIERS and root.head.i >= region.token_end and root.head.pos_ == "NOUN":
                        # "Dan Jewell of the Whittier, Alaska police department": the place and its
                        # region name the noun after them, where the person works, not a home
                        # (issue 12 band audit, session 9).
                        break
                    places.append(region)
            sent = doc[head.token_start].sent
            # "Helen Steel and David Morris, from north London": set off by a comma, the place
            # is every conjunct's that has none of its own ("Moazzam Begg, from Birmingham, and
            # ... Feroz Abbasi, from London"); "Eddie Jones and Jake White of South Africa" is White's.
            heads = [head]
            if doc[i - 1].text == ",":
                root = doc[head.token_start : head.token_end].root
                heads += [m for c in root.conjuncts if c.i < head.token_start and (m := index.at(c)) is not None
                          and m.type == head.type and m.entity_id != head.entity_id
                          and not (m.token_end + 1 < len(doc) and doc[m.token_end].text == ","
                                   and doc[m.token_end + 1].lower_ in {"of", "from"})]
            for h in heads:
                for p in places:
                    if p.entity_id != h.entity_id:
                        # "Sania Mirza of India", "Hans Blix of Sweden": of a country is whose
                        # national she is or whom she plays for, not a stated home (issue 12
                        # audit); "Daniel Sullivan of Boothbay, Maine" lives there.
                        relation = "FROM" if rule.relation == "LIVES_IN" and p.type == "Country" else rule.relation
                        out.append(
                            span_relation(doc, sent, h, p, relation, rule.method, confidences[rule.method],
                                          "from" if relation != rule.relation else " ".join(connector))
                        )
            break
    return out


def _listed(doc: Doc, place: MentionSpan) -> bool:
    """Whether what follows a place makes it an item of a list or a modifier: "and", "or",
    "'s", a comma and another name, or a preposition ("Kabul in Afghanistan")."""
    k = place.token_end
    if k >= len(doc):
        return False
    after = doc[k]
    return after.lower_ in {"and", "or", "'s", "’s", "in"} or (after.text == "," and k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN")


def _firm_noun(word: str) -> bool:
    """A noun for a firm or a body ("maker", "carmaker", "bank"), not a band: a nationality
    before a person's noun ("the Dutch striker") or a band's ("the Irish band", a home as
    often as an origin) says nothing of a firm's base."""
    nouns = load_context_cues().org_nouns - {"band"}
    return word in nouns or any(word.endswith(n) for n in nouns if len(n) >= 4)


def _nationality_country(token: Token, mention: MentionSpan | None, group_countries: dict[str, str]) -> str | None:
    """The country id of a nationality word ("Brazilian"): its Group's country, or the
    gazetteer's when the model tagged no name there."""
    if mention is not None:
        return group_countries.get(mention.entity_id) if mention.type == "Group" and mention.token_end == token.i + 1 else None
    if token.pos_ in {"ADJ", "PROPN"} and (country := load_gazetteer().nationality(token.text)):
        return f"country:{country.iso3}"
    return None


def org_apposition_relations(doc: Doc, index: EntityIndex, group_countries: dict[str, str] | None = None) -> list[ExtractedRelation]:
    """"Sun Hung Kai Properties, a Hong Kong construction firm": an organisation in
    apposition with a noun that a place modifies is based in that place; "WEG, the
    Brazilian motor maker" in the country of the nationality."""
    group_countries = group_countries or {}
    confidence = load_confidence()["org_apposition"]
    out = []
    for org in index.mentions:
        if org.type != "Organization":
            continue
        root = doc[org.token_start : org.token_end].root
        # The apposed word is a common noun ("a Hong Kong construction firm"); a number or a
        # name is a results list or an expansion ("Argentina (4), South Africa (5)", "SANZAR
        # (South Africa, New Zealand and Australia Rugby)"; issue 12 audit).
        for noun in (c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.is_lower):
            for child in noun.children:
                if child.dep_ not in {"compound", "amod", "nmod"}:
                    continue
                place = index.at(child)
                sent = doc[org.token_start].sent
                if place is not None and place.type in PLACES:
                    out.append(span_relation(doc, sent, org, place, "BASED_IN", "org_apposition", confidence, "based in"))
                    break
                country = _nationality_country(child, place, group_countries) if _firm_noun(noun.lower_) else None
                if country is not None and country != org.entity_id:
                    # "WEG, the Brazilian motor maker": a nationality stands for its country
                    relation = span_relation(doc, sent, org, org, "BASED_IN", "org_apposition", confidence, "based in")
                    relation.tail, relation.tail_start, relation.tail_end = country, None, None
                    out.append(relation)
                    break
    return out


def _apposed_organisation(noun: Token, index: EntityIndex) -> MentionSpan | None:
    """The organisation a common noun stands in apposition with, after it ("a Madrid-based
    charity, the Salvador Allende Foundation"). The other order ("Norland Systems, the
    Reading-based software group") is ``apposition_place``'s."""
    if noun.pos_ != "NOUN":
        return None
    for child in noun.children:
        if child.dep_ == "appos" and (org := index.at(child)) is not None and org.type == "Organization":
            return org
    return None


# "Miami-based", "Tullamore-born": the participle after a place and a hyphen, the relation
# it gives an organisation and a person named after it (data/place_evidence.json
# "prefix_participles"), and the method that reads it.
PREFIX_RELATIONS = {"based": ({"Organization": "BASED_IN", "Person": "LIVES_IN"}, "based_prefix"),
                    "born": ({"Person": "FROM"}, "born_prefix")}
PREDICATES = {"BASED_IN": "based in", "LIVES_IN": "lives in", "FROM": "from"}


def _prefix_place(doc: Doc, index: EntityIndex, j: int, group_countries: dict[str, str]) -> tuple[MentionSpan | None, str | None]:
    """The place before the hyphen at token ``j`` ("Miami-based") and its entity id; a
    nationality ("British-based", "Albanian-born") gives its country, with no span of its own
    when the model tagged no name there."""
    place = index.at(doc[j - 1])
    if place is not None and place.token_end == j:
        if place.type in PLACES:
            return place, place.entity_id
        if place.type == "Group" and (group_country := group_countries.get(place.entity_id)):
            return None, group_country
        return None, None
    if place is None and doc[j - 1].pos_ in {"ADJ", "PROPN"} and (country := load_gazetteer().nationality(doc[j - 1].text)):
        return None, f"country:{country.iso3}"
    return None, None


def _organisation_noun_between(doc: Doc, start: int, end: int) -> bool:
    """"The Vancouver-based firm Wu founded": the words after the participle say an
    organisation is based there ("firm", "charity": context_cues.json ``org_nouns``), so the
    person named after them is not what is based there, whatever the parse makes of the
    clause (issue 12 band audit, session 9: Wu LIVES_IN Vancouver)."""
    org_nouns = load_context_cues().org_nouns  # a frozenset already: no copy per call
    return any(doc[k].lower_ in org_nouns for k in range(start, end))


def based_prefix_relations(doc: Doc, index: EntityIndex, group_countries: dict[str, str] | None = None) -> list[ExtractedRelation]:
    """"the Miami-based cruise operator Carnival": a place, "-based", then an organisation
    (BASED_IN) or a person ("London-based designer Jo Smith": LIVES_IN) within the next few
    words; or the name in apposition with the noun the place modifies ("a Madrid-based
    charity, the Salvador Allende Foundation"). "Tullamore-born TD Carol Nolan": a person
    born in the place is FROM it (``born_prefix``). A nationality stands for its country
    ("British-based investment company X", "Albanian-born missionary X")."""
    confidences = load_confidence()
    out = []
    article_organisation = article_organisation_reader(doc, index)

    for j in range(1, len(doc) - 1):
        if doc[j].text not in {"-", "–"} or doc[j + 1].lower_ not in PREFIX_RELATIONS or doc[j - 1].whitespace_:
            continue
        kinds, method = PREFIX_RELATIONS[doc[j + 1].lower_]
        place, tail = _prefix_place(doc, index, j, group_countries or {})
        if tail is None:
            continue
        named: MentionSpan | None = None
        for k in range(j + 2, min(j + 7, len(doc))):
            found = index.at(doc[k])
            if found is None and doc[k].pos_ == "CCONJ" and doc[k - 1].is_lower and k + 1 < len(doc) and doc[k + 1].is_lower:
                continue  # "London-based options and futures exchange Liffe": nouns joined, the phrase goes on
            if found is None and (doc[k].pos_ in {"VERB", "AUX", "PRON", "ADP", "SCONJ", "CCONJ", "PART"}
                                  or (doc[k].is_punct and not glued_hyphen(doc, k))):
                # The noun phrase ends: "the Mysuru-based surgeon who heads the Hegde
                # Foundation" says where the surgeon is, not the foundation (issue 12, page-22);
                # "the Leeds-based club's striker X" places the club, not the striker.
                if doc[k].text == "," and "Organization" in kinds:
                    named = _apposed_organisation(doc[k - 1], index)
                break
            if found is not None:
                # A person only right after lowercase words saying what they are ("London-based
                # designer Jo Smith"), never straight after the participle ("UK-based Smith" is
                # rare and as often a firm the model took for a person).
                if found.type == "Organization" or (found.type == "Person" and k > j + 2 and found.token_start == k
                                                    and not _organisation_noun_between(doc, j + 2, k)):
                    named = found
                break
        if named is None and "Organization" in kinds and j + 2 < len(doc) \
                and (named := article_reference(doc[j + 2], index, article_organisation)) is not None:
            # "The Leeds-based haulier runs 900 trucks" with no name after it: the article's
            # company, as "the company" is (issue 12, session 9).
            method = "based_article_ref"
        elif named is None and "Organization" in kinds and j + 2 < len(doc) and doc[j + 2].dep_ in {"nsubj", "nsubjpass"} \
                and (named := paragraph_reference(doc[j + 2], index)) is not None:
            # "... president of Fraser Delta Logistics. The Delta-based company has signed …":
            # the one organisation of the sentence before, in the same paragraph, when the
            # phrase is its sentence's subject (not "chief executive of the Frankfurt-based
            # exchange" after a sentence on another firm: dev bbc-business-316).
            method = "based_paragraph_ref"
        if named is None or named.type not in kinds or named.entity_id == tail:
            continue
        kind = kinds[named.type]
        # The evidence is the sentence saying it: the phrase's own ("the Montreal-based firm"),
        # not the article company's first mention.
        sent = doc[j].sent if method in {"based_article_ref", "based_paragraph_ref"} else doc[named.token_start].sent
        relation = span_relation(doc, sent, named, place or named, kind, method, confidences[method], PREDICATES[kind])
        if place is None:
            relation.tail, relation.tail_start, relation.tail_end = tail, None, None
        out.append(relation)
    return out


def dateline_relations(doc: Doc, index: EntityIndex) -> list[ExtractedRelation]:
    """"BANGKOK, Thailand (AP)": the city lies in the region or country named after it, and
    the agency filed the story there (``dateline_agency``). "LD2804174994 Moscow INTERFAX in
    English 1601 GMT": the source a monitoring service quotes is based in the city.

    A wire dateline says where the dispatch was filed, not where the agency has its seat
    (AP in Bangkok, Reuters in Lyon), and the agency's slug is a credit, which the news
    labels never count as a fact of the story (LABELLING.md; every gold page lists its
    dateline agency as furniture). CoNLL04 labels it OrgBased_In, so the edge is still made,
    as its own method: one the confidence model has no fitted weight for (family ``other``
    in method_families.json) stays below the default floor until labelled instances say
    otherwise."""
    confidence = load_confidence()["dateline"]
    out = []
    for sent in doc.sents:
        wire = find_dateline(sent)
        source = find_source_line(sent) if wire is None else None
        dateline = wire or source
        if dateline is None:
            continue
        agency = index.at(doc[dateline.agency[0]])
        places = [p for start, _ in dateline.places if (p := index.at(doc[start])) is not None and p.type in PLACES]
        pairs: list[tuple[MentionSpan, MentionSpan, str, str, str]] = []
        if agency is not None and agency.type == "Organization":
            method = "dateline_agency" if wire is not None else "dateline"
            pairs += [(agency, p, "BASED_IN", "based in", method) for p in places]
        if len(places) == 2 and places[0].entity_id != places[1].entity_id and places[0].type == "Location":
            pairs.append((places[0], places[1], "LOCATED_IN", "located in", "dateline"))
        for head, tail, kind, predicate, method in pairs:
            out.append(span_relation(doc, sent, head, tail, kind, method, confidence, predicate))
    return out


def capital_relations(doc: Doc, index: EntityIndex) -> list[ExtractedRelation]:
    """"Yerevan, the capital of Armenia", "Bosnia's capital, Sarajevo": a place in
    apposition with "capital", and the place the capital is of (its possessor or its "of"
    object), which contains it. Only names the model typed as places on both ends."""
    confidence = load_confidence()["capital"]
    out = []
    for tok in doc:
        if tok.lower_ not in {"capital", "capitals"} or tok.pos_ != "NOUN" or index.at(tok) is not None:
            continue
        cities = [index.at(tok.head)] if tok.dep_ == "appos" else []
        cities += [index.at(c) for c in tok.children if c.dep_ == "appos"]
        city = next((m for m in cities if m is not None), None)
        if city is None or city.type != "Location":
            continue
        country = None
        for child in tok.children:
            if child.dep_ == "poss":
                country = index.at(child)
            elif child.dep_ == "prep" and child.lower_ == "of":
                country = next((index.at(g) for g in child.children if g.dep_ == "pobj"), None)
            if country is not None:
                break
        if country is None or country.type not in PLACES or country.entity_id == city.entity_id:
            continue
        out.append(span_relation(doc, tok.sent, city, country, "LOCATED_IN", "capital", confidence, "located in"))
    return out


def _headquarters_owner(noun: Token, index: EntityIndex) -> MentionSpan | None:
    """The organisation whose headquarters ``noun`` is: its possessor ("Globe Telecom's
    headquarters"), its "of" object ("the headquarters of Gazprom"), or the subject of "has
    its headquarters" ("the Alliance has its headquarters in Asmara")."""
    for child in noun.children:
        if child.dep_ == "poss" and (m := index.at(child)) is not None:
            return m
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((m for g in child.children if g.dep_ == "pobj" and (m := index.at(g)) is not None), None)
    if noun.dep_ == "dobj" and noun.head.lemma_ == "have" and any(c.dep_ == "poss" and c.lower_ == "its" for c in noun.children):
        return next((m for c in noun.head.children if c.dep_ == "nsubj" and (m := index.at(c)) is not None), None)
    return None


def headquarters_relations(doc: Doc, index: EntityIndex) -> list[ExtractedRelation]:
    """"Globe Telecom's headquarters in Taguig", "the headquarters of Gazprom in Moscow", "the
    Alliance has its headquarters in Asmara": an organisation is based where its headquarters
    are (``place_evidence.json`` "headquarters_nouns"). A modifier on the noun leaves it
    unread: "its European headquarters in Dublin" is a regional office, "its former
    headquarters" no longer its base."""
    confidence = load_confidence()["headquarters"]
    nouns = load_place_rules().headquarters_nouns
    out = []
    for noun in doc:
        if noun.lower_ not in nouns or noun.pos_ not in {"NOUN", "PROPN"} or index.at(noun) is not None:
            continue
        if any(c.dep_ in {"amod", "compound", "nmod", "nummod"} for c in noun.children):
            continue
        org = _headquarters_owner(noun, index)
        if org is None or org.type != "Organization":
            continue
        place = next((p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in {"in", "at"}
                      for g in prep.children if g.dep_ == "pobj" and (p := index.at(g)) is not None), None)
        if place is None or place.type not in PLACES or place.entity_id == org.entity_id:
            continue
        out.append(span_relation(doc, noun.sent, org, place, "BASED_IN", "headquarters", confidence, "based in"))
    return out


def region_of_relations(doc: Doc, index: EntityIndex, group_countries: dict[str, str] | None = None) -> list[ExtractedRelation]:
    """"the Sagaing region of central Myanmar", "the Donetsk region of eastern Ukraine": a
    place naming a region noun (``place_evidence.json`` "region_nouns") lies in the place the
    noun is "of". "the Indian state of Kerala", "the US state of Ohio": the place the noun is
    "of" lies in the country of the nationality or country naming the noun. Places must be
    ones the gazetteers know or a region word names."""
    confidence = load_confidence()["region_of"]
    nouns = load_place_rules().region_nouns
    out = []
    for noun in doc:
        if noun.lower_ not in nouns or noun.pos_ != "NOUN" or index.at(noun) is not None:
            continue
        outer = next((m for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
                      for g in prep.children if g.dep_ == "pobj" and (m := index.at(g)) is not None), None)
        if outer is None or outer.type not in {"Country", "Location"}:
            continue
        namer = next((c for c in noun.children if c.dep_ in {"compound", "amod", "nmod"} and c.i == noun.i - 1), None)
        if namer is None:
            continue
        inner = index.at(namer)
        sent = noun.sent
        if inner is not None and inner.type == "Location" and inner.token_end == noun.i and known_place(doc, inner):
            if outer.entity_id != inner.entity_id and (outer.type == "Country" or known_place(doc, outer)):
                out.append(span_relation(doc, sent, inner, outer, "LOCATED_IN", "region_of", confidence, "located in"))
            continue
        if outer.type != "Location" or not known_place(doc, outer):
            continue
        if inner is not None and inner.type == "Country" and inner.token_end == noun.i:
            out.append(span_relation(doc, sent, outer, inner, "LOCATED_IN", "region_of", confidence, "located in"))
            continue
        country = _nationality_country(namer, inner, group_countries or {})
        if country is not None:
            # "the Indian state of Kerala": the country of the nationality, no span of its own
            relation = span_relation(doc, sent, outer, outer, "LOCATED_IN", "region_of", confidence, "located in")
            relation.tail, relation.tail_start, relation.tail_end = country, None, None
            out.append(relation)
    return out
