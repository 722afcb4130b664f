"""A small hand-made store for the query tests (no spaCy model needed).

Five articles with dates, people and countries shared between them:

- 2025-02-03  Rubio visits El Salvador, meets Bukele; Rubio Secretary of State (US)
- 2025-03-10  Rubio visits Mexico, meets Sheinbaum (President of Mexico), Secretary of State again
- 2025-04-20  Bukele speaks at the United Nations; Salvadorans from El Salvador
- (no date)   Trump meets Bukele; Trump President of the United States
- 2025-05-01  Lake Atitlan, with no relation at all
"""

from __future__ import annotations

from pathlib import Path

from newsgraph.graph.model import EntityMention, ExtractedDocument, ExtractedEntity, ExtractedRelation, entity_id
from newsgraph.graph.store import Store

RUBIO = entity_id("Person", "Marco Rubio")
BUKELE = entity_id("Person", "Nayib Bukele")
SHEINBAUM = entity_id("Person", "Claudia Sheinbaum")
TRUMP = entity_id("Person", "Donald Trump")
SLV = "country:SLV"
USA = "country:USA"
MEX = "country:MEX"
UN = entity_id("Organization", "United Nations")
SALVADORANS = entity_id("Group", "Salvadorans")
ATITLAN = entity_id("Location", "Lake Atitlan")

ENTITIES = {
    RUBIO: ExtractedEntity(RUBIO, "Marco Rubio", "Person", {"Rubio", "Secretary Rubio"}),
    BUKELE: ExtractedEntity(BUKELE, "Nayib Bukele", "Person", {"Bukele", "President Bukele"}),
    SHEINBAUM: ExtractedEntity(SHEINBAUM, "Claudia Sheinbaum", "Person", {"Sheinbaum"}),
    TRUMP: ExtractedEntity(TRUMP, "Donald Trump", "Person", {"Trump"}),
    SLV: ExtractedEntity(SLV, "El Salvador", "Country", {"El Salvador's"}, iso3="SLV"),
    USA: ExtractedEntity(USA, "United States", "Country", {"US", "U.S.", "America"}, iso3="USA"),
    MEX: ExtractedEntity(MEX, "Mexico", "Country", set(), iso3="MEX"),
    UN: ExtractedEntity(UN, "United Nations", "Organization", {"UN"}),
    SALVADORANS: ExtractedEntity(SALVADORANS, "Salvadorans", "Group", {"Salvadoran"}),
    ATITLAN: ExtractedEntity(ATITLAN, "Lake Atitlan", "Location", set()),
}


def _doc(
    text: str, published: str | None, title: str, mentions: list[str], relations: list[tuple[str, str, str, str, dict]]
) -> ExtractedDocument:
    """relations: (head, type, tail, sentence, extra) where the sentence is part of ``text``."""
    from newsgraph.graph.model import document_id

    doc = ExtractedDocument(id=document_id(text), text_length=len(text), source=f"{title}.txt", title=title, published=published)
    for n, eid in enumerate(mentions):
        e = ENTITIES[eid]
        doc.entities.append(ExtractedEntity(e.id, e.name, e.type, set(e.aliases), 1, e.iso3))
        doc.mentions.append(EntityMention(eid, e.name, n * 10, n * 10 + len(e.name), 0))
    for head, rtype, tail, sentence, extra in relations:
        start = text.index(sentence)
        method = extra.get("method", "dep")
        doc.relations.append(
            ExtractedRelation(
                head=head,
                tail=tail,
                type=rtype,
                method=method,
                confidence=extra.get("confidence", {"dep": 0.6, "title": 0.85, "cooccurrence": 0.2}.get(method, 0.6)),
                sentence=sentence,
                start=start,
                end=start + len(sentence),
                predicate=extra.get("predicate"),
                title=extra.get("title"),
            )
        )
    return doc


S1 = "US Secretary of State Marco Rubio visited El Salvador on Monday."
S2 = "Rubio met President Nayib Bukele in San Salvador."
S3 = "Rubio visited Mexico on Tuesday."
S4 = "Secretary of State Marco Rubio met Claudia Sheinbaum, the President of Mexico."
S5 = "Bukele spoke at the United Nations in New York."
S6 = "Thousands of Salvadorans from El Salvador watched."
S7 = "President Donald Trump met Bukele at the White House."
S8 = "Tourists returned to Lake Atitlan."


def documents() -> list[ExtractedDocument]:
    cooc = {"method": "cooccurrence"}
    return [
        _doc(
            f"{S1} {S2}",
            "2025-02-03",
            "Rubio visits El Salvador",
            [RUBIO, SLV, BUKELE, USA],
            [
                (RUBIO, "VISITED", SLV, S1, {"predicate": "visit"}),
                (RUBIO, "HOLDS_ROLE", USA, S1, {"method": "title", "title": "Secretary of State"}),
                (RUBIO, "MET_WITH", BUKELE, S2, {"predicate": "meet"}),
                (BUKELE, "HOLDS_ROLE", SLV, S2, {"method": "title", "title": "President", "confidence": 0.7}),
                (RUBIO, "CO_OCCURS_WITH", SLV, S1, cooc),
                (RUBIO, "CO_OCCURS_WITH", BUKELE, S2, cooc),
            ],
        ),
        _doc(
            f"{S3} {S4}",
            "2025-03-10",
            "Rubio in Mexico",
            [RUBIO, MEX, SHEINBAUM, USA],
            [
                (RUBIO, "VISITED", MEX, S3, {"predicate": "visit"}),
                (RUBIO, "HOLDS_ROLE", USA, S4, {"method": "title", "title": "Secretary of State"}),
                (RUBIO, "MET_WITH", SHEINBAUM, S4, {"predicate": "meet"}),
                (SHEINBAUM, "HOLDS_ROLE", MEX, S4, {"method": "title", "title": "President"}),
                (RUBIO, "CO_OCCURS_WITH", SHEINBAUM, S4, cooc),
            ],
        ),
        _doc(
            f"{S5} {S6}",
            "2025-04-20",
            "Bukele at the UN",
            [BUKELE, UN, SALVADORANS, SLV],
            [
                (BUKELE, "VISITED", UN, S5, {"predicate": "speak"}),
                (SALVADORANS, "FROM", SLV, S6, {"method": "nationality", "confidence": 0.9}),
            ],
        ),
        _doc(
            S7,
            None,
            "Trump and Bukele",
            [TRUMP, BUKELE, USA],
            [
                (TRUMP, "MET_WITH", BUKELE, S7, {"predicate": "meet"}),
                (TRUMP, "HOLDS_ROLE", USA, S7, {"method": "title", "title": "President"}),
            ],
        ),
        _doc(S8, "2025-05-01", "Atitlan", [ATITLAN], []),
    ]


def build_sample_store(path: Path) -> Path:
    store = Store(path)
    try:
        store.add_documents(documents())
    finally:
        store.close()
    return path
