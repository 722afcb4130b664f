"""The article prose the page-furniture tests put widget lines around (written for the
tests: an invented mayor, bridge and builder). A widget line must go; the prose around it
must stay."""

from pathlib import Path

from newsgraph import KnowledgeGraph
from newsgraph.extract.cleanup import clean_text

PROSE = (
    "Mayor Rosa Delgado opened the new Riverside bridge in Fresno on Tuesday after three years of delays.\n\n"
    "The city council approved the final payment to the builder, Valley Span Works, on Monday night.\n"
)
AFTER = "\n\nThe bridge will carry about 20,000 vehicles a day, officials said.\n"


def assert_line_dropped(line: str) -> None:
    """LINE between two paragraphs of prose is removed; the prose is kept."""
    cleaned = clean_text(PROSE + "\n" + line + AFTER)
    assert " ".join(line.split()) not in cleaned
    assert "Rosa Delgado" in cleaned and "20,000 vehicles" in cleaned


# A second story for the furniture tests of dev pages 71-78 and 109-116 (an invented harbour
# minister and terminal): the lines around it must go, these two sentences must stay.
FERRY_STORY = (
    "Harbour minister Tomas Ferreira opened a new ferry terminal in Setubal on Monday, the port authority said.\n\n"
    "The terminal will handle ten sailings a day to the islands and employ about 200 people from next spring.\n"
)


def ferry_story_kept(text: str) -> str:
    """TEXT cleaned, after checking that the ferry story's two sentences are in it."""
    cleaned = clean_text(text)
    assert "Tomas Ferreira opened a new ferry terminal" in cleaned
    assert "ten sailings a day" in cleaned
    return cleaned


def ingested_names(page: Path) -> set[str]:
    """The names of the entities a page saved as text yields with at least one mention, once
    ingested into a store beside it (what an analyst would see as nodes)."""
    with KnowledgeGraph.open(page.parent / "g.db") as kg:
        kg.ingest([str(page)], workers=1)
        return {row[0] for row in kg.store.conn.execute("SELECT name FROM entities WHERE mentions > 0")}
