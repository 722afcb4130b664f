"""The registry: every relation extractor by name, in the order the pipeline runs them
(issue 16, "registered by name in one registry"). The extractor modules import only what
they share (``relation_base.py``); this module imports them, never the reverse."""

from __future__ import annotations

from newsgraph.extract.noun_relations import (
    apposition_place_relations,
    nationality_prefix_relations,
    occupation_relations,
    possessive_place_relations,
)
from newsgraph.extract.relation_base import ExtractionInput, Extractor
from newsgraph.extract.relations_definite_owner import definite_owner_relations
from newsgraph.extract.relations_employment import employment_relations, shared_title_relations
from newsgraph.extract.relations_event_nouns import event_noun_relations
from newsgraph.extract.relations_regional import regional_title_relations
from newsgraph.extract.relations_places import (
    attachment_relations,
    based_prefix_relations,
    capital_relations,
    dateline_relations,
    headquarters_relations,
    org_apposition_relations,
    place_relations,
    region_of_relations,
)
from newsgraph.extract.relations_roles import possessive_relations, role_relations, squad_relations
from newsgraph.extract.relations_short_owner import short_owner_relations
from newsgraph.extract.relations_verbs import verb_relations
from newsgraph.extract.relations_whose_owner import whose_title_relations
from newsgraph.graph.model import ExtractedRelation

RELATION_EXTRACTORS: dict[str, Extractor] = {
    "verbs": lambda x: verb_relations(x.doc, x.index, x.sentences, x.nlp, x.sports),
    "roles": lambda x: role_relations(x.doc, x.index, x.group_countries),
    "places": lambda x: place_relations(x.doc, x.index),
    "datelines": lambda x: dateline_relations(x.doc, x.index),
    "capitals": lambda x: capital_relations(x.doc, x.index),
    "regions_of": lambda x: region_of_relations(x.doc, x.index, x.group_countries),
    "attachments": lambda x: attachment_relations(x.doc, x.index, x.sports),
    "based_prefix": lambda x: based_prefix_relations(x.doc, x.index, x.group_countries),
    "headquarters": lambda x: headquarters_relations(x.doc, x.index),
    "org_appositions": lambda x: org_apposition_relations(x.doc, x.index, x.group_countries),
    "event_nouns": lambda x: event_noun_relations(x.doc, x.index, x.sports),
    "possessives": lambda x: possessive_relations(x.doc, x.index),
    "squad_lists": lambda x: squad_relations(x.doc, x.index, x.sports),
    "possessive_places": possessive_place_relations,
    "occupations": occupation_relations,
    "apposition_places": apposition_place_relations,
    "employment": employment_relations,
    "shared_titles": shared_title_relations,
    "definite_owner": definite_owner_relations,
    "whose_titles": whose_title_relations,
    "short_owner_titles": short_owner_relations,
    "regional_titles": regional_title_relations,
    "nationality_prefix": nationality_prefix_relations,
}


def run_extractors(inp: ExtractionInput, names: list[str] | None = None) -> list[ExtractedRelation]:
    """The relations of the named extractors (all, in registry order, by default)."""
    out: list[ExtractedRelation] = []
    for name in names or list(RELATION_EXTRACTORS):
        out += RELATION_EXTRACTORS[name](inp)
    return out
