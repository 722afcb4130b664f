"""The article prose the page-furniture tests put widget lines around (written for the
tests: an invented mayor, bridge and builder). A widget line must go; the prose around it
must stay."""

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
