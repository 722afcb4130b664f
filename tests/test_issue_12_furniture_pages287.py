"""Page furniture that carries names, by its shape (issue 12, dev pages 287-296): a box of
``Label: value`` rows known by its labels whatever its header (an obituary's Born / Died /
Survived by, a preprint's Authors / Funding), a labelled row of names set apart by ' · ' (a
festival's line-up day), a listing's row with a price part of its own, an exhibition's lenders
list, a supporters line, a public data licence's attribution, a match report's 'Att:' line, a
parliamentary record's bill-and-stage line, and a 'Posted <date> by Name, role' stamp. Texts
written for the test (invented people, places and outlets); the graph is built with the real
spaCy model."""

from pathlib import Path

import pytest

from newsgraph.extract.cleanup import parse_rules, split_page
from page_support import FERRY_STORY as STORY, ferry_story_kept as _kept, ingested_names

HEADLINE = "Setubal opens its new ferry terminal"

BLOCKS = {
    "obituary facts": (
        "Born: 4 May 1941, Azeitao\nDied: 2 June 2026, Palmela\n"
        "Survived by: his wife, Marta; his sons, Rui and Hugo\nFuneral: Chapel of Sao Lourenco, Palmela, 9 June\n"
    ),
    "preprint record": (
        "The preprint\nTitle: Tidal scour under ferry berths in the Sado estuary\n"
        "Authors: Ines Amaral, Duarte Salvado, Pedro Lacerda, Joana Paiva, Rui Tavares, Marta Quintela, Nuno Arriaga, "
        "the Sado Estuary Group at the Harbour Institute\nPosted: 3 May 2026\n"
        "Funding: Lusitania Marine Trust (LMT/2026/14)\n"
    ),
    "line-up": "Friday 6 June: Duarte Salvado \u00b7 The Gulls \u00b7 Lia Mendes \u00b7 Harbour Lights\n",
    "listings": (
        "3 bed house, Rua Verde, Azeitao \u00b7 \u00a3325,000 \u00b7 Listed by Quinta Homes, Palmela\n"
        "2 bed flat, Quay Lane, Setubal \u00b7 \u00a3180,000 \u00b7 Listed by Sado Estates\n"
    ),
    "lenders": "With thanks to our lenders\nPalmela Museum, Palmela\nPrivate collection, courtesy of Lemos & Pires Ltd\n",
    "supporters": "Supported by the Sado Trust and the Azeitao Foundation\n",
    "data licence": "Prices on this page come from Quay Registry. Contains Quay Registry data \u00a9 Crown copyright 2026\n",
    "attendance": "Att: 612\n",
    "bill stage": "Sado Ferries (Terminals and Berths) Bill: second reading\n",
}
NAMES = ("Azeitao", "Marta", "Rui and Hugo", "Sao Lourenco", "Ines Amaral", "Duarte Salvado", "Pedro Lacerda",
         "Lusitania Marine Trust", "The Gulls", "Lia Mendes", "Rua Verde", "Quinta Homes", "Sado Estates",
         "Palmela Museum", "Lemos & Pires", "Sado Trust", "Azeitao Foundation", "Quay Registry", "Att",
         "Terminals and Berths")


@pytest.mark.issue(12)
@pytest.mark.parametrize("kind", sorted(BLOCKS))
def test_issue_12_name_carrying_furniture_of_pages_287_is_dropped(kind: str) -> None:
    block = BLOCKS[kind]
    cleaned = _kept(STORY + "\n" + block + "\nThe mayor welcomed the terminal, officials said.\n")
    for line in block.splitlines():
        assert " ".join(line.split()) not in cleaned, cleaned
    for name in NAMES:
        if name in block:
            assert name not in cleaned, (name, cleaned)
    assert "The mayor welcomed the terminal" in cleaned


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "text",
    [
        # an awards story's own list: its labels are no fact box's
        "Best actor: Duarte Salvado\nBest actress: Ines Amaral\nBest film: The Estuary Years\n",
        # two labels a box knows are not a box of three rows
        "Born: 4 May 1941, Azeitao\nDied: 2 June 2026, Palmela\n",
        "The terminal was supported by the Sado Trust and the Azeitao Foundation, the port authority said.",
        "Attendance: 8,000",
        "The second reading of the Sado Ferries Bill is due on Tuesday, the minister said.",
        "Tickets cost \u00a312 \u00b7 the ferry company said on Monday that fares would rise.",
    ],
)
def test_issue_12_story_lines_that_look_like_the_pages_287_widgets_stay(text: str) -> None:
    cleaned = _kept(STORY + "\n" + text + "\n")
    for line in text.splitlines():
        assert " ".join(line.split()) in cleaned, cleaned


@pytest.mark.issue(12)
def test_issue_12_a_posted_by_stamp_with_a_role_gives_the_date_and_no_writer() -> None:
    text = ("Quay Post\nNews | Ferries | Jobs\n\n" + HEADLINE + "\n"
            "Posted 27 May 2026, 11:20 by Clara Nunes, news editor\n\n" + STORY)
    page = split_page(text)
    assert page.title == HEADLINE
    assert page.published == "2026-05-27"
    assert "Clara Nunes" not in page.body, page.body


@pytest.mark.issue(12)
def test_issue_12_a_label_rows_rule_is_checked() -> None:
    with pytest.raises(ValueError, match=r"rules.jsonl:1: 'min_known' must be a positive integer"):
        parse_rules(['{"rule": "label_rows", "labels": ["born"], "min_known": 0, "why": "x"}'], filename="rules.jsonl")


@pytest.mark.issue(12)
def test_issue_12_an_obituary_box_and_a_line_up_give_no_nodes(tmp_path: Path) -> None:
    page = tmp_path / "obituary.txt"
    page.write_text(
        "Quay Post\nNews | Obituaries | Notices\n\n" + HEADLINE + "\n\nBy Clara Nunes\nPublished: 12 May 2026\n\n"
        + STORY + "\nBorn: 4 May 1941, Azeitao\nDied: 2 June 2026, Palmela\n"
        "Survived by: his wife, Marta; his sons, Rui and Hugo\nEducated: Sesimbra Grammar School\n\n"
        "Friday 6 June: Duarte Salvado \u00b7 The Gulls \u00b7 Lia Mendes \u00b7 Harbour Lights\n"
    )
    names = ingested_names(page)
    assert "Tomas Ferreira" in names
    for gone in ("Azeitao", "Marta", "Rui", "Hugo", "Sesimbra Grammar School", "Duarte Salvado", "Lia Mendes",
                 "Harbour Lights"):
        assert gone not in names, names


@pytest.mark.issue(12)
def test_issue_12_a_sites_note_that_names_it_twice_is_its_footer() -> None:
    text = ("QuayNest\nHome | For you | Saved\n\n" + HEADLINE + "\n\nPublished: 12 May 2026\n\n" + STORY
            + "\nQuayNest shows stories from publishers; QuayNest does not write them.\n")
    page = split_page(text)
    assert "Tomas Ferreira opened a new ferry terminal" in page.body
    assert "QuayNest" not in page.body, page.body


@pytest.mark.issue(12)
def test_issue_12_a_story_line_that_opens_with_the_sites_name_once_stays() -> None:
    text = ("Quay Post\nHome | News | Sport\n\n" + HEADLINE + "\n\nPublished: 12 May 2026\n\n" + STORY
            + "\nQuay Post readers raised \u00a35,000 for the terminal's lifeboat, the harbour master said.\n")
    page = split_page(text)
    assert "Quay Post readers raised" in page.body, page.body
