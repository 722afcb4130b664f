"""Page furniture that carries names, by its shape (issue 12, dev pages 227-236): a magazine's
contributors block ('Name  role' rows), a results page's score box, award box and scoring summary,
an agency's transmission slug, a station's staff bylines and people cards ('Name — bio'), news-tip
prompts, an announcement's number, About box and forward-looking statements notice, logo alt texts,
a charity's registration footer and donate asks, a live blog's pins and sign-off, a radio page's
playlist and schedule; stamps that say 'Released:' or end with 'by <poster>' give the page's date.
Texts written for the test (invented people, places and outlets); the graph is built with the
real spaCy model."""

from pathlib import Path

import pytest

from newsgraph.extract.cleanup import page_date, split_page
from page_support import FERRY_STORY as STORY, ferry_story_kept as _kept, ingested_names

HEADLINE = "Setubal opens its new ferry terminal"


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "line",
    [
        "Setubal 24 \u2013 19 Almada",
        "Scoring: Setubal \u2013 Tries: Brito, Couto; Cons: Vaz 2; Pens: Vaz 3. Almada \u2013 Tries: Lobo; Con: Pires.",
        "TJA 071533 WEST MAY 26",
        "TJA 071533 GMT",
        "By TVQ 9 Digital Staff",
        "Quay 7 Web Staff",
        "Rui Vaz \u2014 Rui anchors the evening news. He joined TVQ from Porto Radio in 2020.",
        "Ana Brito \u2014 Chief Meteorologist. Ana grew up in Almada.",
        "Got a story? Call Ines on 0265 555 431",
        "Got a news story? Text NEWS to 84964 \u00b7 Standard network charges apply",
        "RNS Number: 7731Q",
        "Tejo Ferries SA builds and operates ferries on the Tejo estuary. Its shares are listed on Euronext Lisbon.",
        "This announcement contains forward-looking statements. Actual results may differ materially, and neither "
        "Tejo Ferries SA nor Quay Securities undertakes any obligation to update them.",
        "[Logo: Estuary Lifeboat Fund]",
        "[Partner logo: Quay Building Society]",
        "Registered charity number 1188776 (England and Wales) \u00b7 SC041234 (Scotland)",
        "\u00a310 could pay for a life jacket.",
        "That's all from the terminal. Thanks for following, and goodnight from Ana and Rui.",
    ],
)
def test_issue_12_name_carrying_furniture_lines_are_dropped(line: str) -> None:
    text = STORY + "\n" + line + "\n\nThe mayor welcomed the terminal, officials said.\n"
    if line.startswith("Tejo Ferries SA builds"):
        text = STORY + "\nAbout Tejo Ferries SA\n" + line + "\n"
    cleaned = _kept(text)
    assert " ".join(line.split()) not in cleaned
    for name in ("Brito", "Rui Vaz", "Ana Brito", "Ines", "TVQ", "Euronext", "Quay Securities", "Estuary Lifeboat Fund",
                 "Quay Building Society", "Scotland", "Ana and Rui", "Digital Staff", "Web Staff"):
        if name in line:
            assert name not in cleaned


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "line",
    [
        "Setubal beat Almada 24-19 on Saturday, the club said.",
        "Porto 2-1 win over Benfica sealed the title, the league said.",
        "Rui Vaz \u2014 the port's longest-serving pilot \u2014 said the channel was deep enough.",
        "The company said the forward-looking statements in its plan were cautious.",
        "Have you got a ticket for the first sailing, officials asked on Monday.",
        "\u00a310 million could pay for a second terminal, the mayor said on Monday.",
        "Thanks for following the rules, the harbour master told the crews.",
        "The charity number of visitors rose by 12% last year, the port authority said.",
    ],
)
def test_issue_12_story_lines_that_look_like_these_widgets_stay(line: str) -> None:
    cleaned = _kept(STORY + "\n" + line + "\n")
    assert " ".join(line.split()) in cleaned


@pytest.mark.issue(12)
def test_issue_12_a_results_pages_score_box_is_no_headline_and_its_boxes_go() -> None:
    text = (
        "QUAYSPORT\nHome | Results | Fixtures\n\nFULL TIME\nSetubal 24 \u2013 19 Almada\n\n"
        + HEADLINE + "\n\nSaturday 9 May 2026\n\n" + STORY
        + "\nMAN OF THE MATCH\nDuarte Salgueiro (Setubal)\nPoints: 14 \u00b7 Tackles: 9\n\n"
        "CONTRIBUTORS\nNuno Arriaga  Sports reporter\nMarta Lobo  Photographer\n\n"
        "Key events\n\U0001f4cc 14:05 Salgueiro opens the scoring\n\U0001f4cc 15:30 Almada reply\n\n"
        "RECENTLY PLAYED\n7:24 Quay Lights \u2013 Harbour Song!\n7:19 Estuary \u2013 Blue Water\n"
    )
    page = split_page(text)
    assert page.title == HEADLINE
    assert page.published == "2026-05-09"
    assert "Tomas Ferreira opened a new ferry terminal" in page.body
    for gone in ("Salgueiro", "Nuno Arriaga", "Marta Lobo", "Almada reply", "Quay Lights", "Harbour Song", "RECENTLY"):
        assert gone not in page.body, page.body


@pytest.mark.issue(12)
def test_issue_12_released_and_posted_by_stamps_give_the_date() -> None:
    assert page_date("Released: 07:00 GMT 12 May 2026") == "2026-05-12"
    assert page_date("Posted 12 May 2026 by Press Team") == "2026-05-12"
    assert page_date("The terminal was opened on 12 May 2026 by Tomas Ferreira") is None


@pytest.mark.issue(12)
def test_issue_12_a_stations_anchor_cards_give_no_nodes(tmp_path: Path) -> None:
    page = tmp_path / "station.txt"
    page.write_text(
        "TVQ 9 News\nWatch Live | News | Weather\n\n" + HEADLINE + "\n\nBy TVQ 9 Digital Staff\nPublished: May 12, 2026\n\n"
        + STORY + "\nMEET THE ANCHORS\n"
        "Rui Vaz \u2014 Rui anchors TVQ 9 News at 6. He joined TVQ from Porto Radio in 2020.\n"
        "Ines Calado \u2014 Chief Meteorologist. Ines grew up in Braga and loves storm chasing.\n"
    )
    names = ingested_names(page)
    assert "Tomas Ferreira" in names
    for gone in ("Rui Vaz", "Ines Calado", "Porto Radio", "Braga", "Digital Staff"):
        assert gone not in names, names
