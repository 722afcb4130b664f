"""Page furniture that carries names, by its shape (issue 12, dev pages 197-206): a live page's
contributor cards ('Name · Brussels correspondent'), their bios and the entries' sign-offs
('Name, City'); a club site's squad list (under its header) and sponsor lines; an obituary's life dates (a span, not
the page's date), service box, guest book and platform lines; a celebrity page's shopping box; an
analyst-ratings box and a paywall's gift counter; a release's embargo line (the page's date) and
paper reference; a results page's call line, refresh stamp and other races' rows; a legal page's
case box and its labelled lists of firms and barristers; a property portal's listing rows, expert
card and regulatory footer. Texts written for the test (invented people, places and outlets); the
graph is built with the real spaCy model."""

import pytest

from newsgraph.extract.cleanup import page_date, split_page
from page_support import FERRY_STORY as STORY, ferry_story_kept as _kept, ingested_names

HEADLINE = "Setubal opens its new ferry terminal"


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "line",
    [
        "Academy Partner: Quay Building Society",
        "Official Kit Supplier: Tejo Sportswear",
        "Funeral Mass: Saturday, May 9, 10 a.m., Church of Santa Clara, Setubal",
        "Visitation: Friday, May 8, 4-7 p.m., Ramos Funeral Home, Almada",
        "Memorials may be made to the Estuary Lifeboat Fund.",
        "\u2605 Sign the Guest Book   \u273f Order Flowers",
        "Published in the Tejo Courier on May 6, 2026.",
        "Tributes hosted by LegacyQuay. \u00a9 2026 Tejo Courier",
        "TejoStar is part of Quay Media Group. \u00a9 TejoStar Online Ltd 2026",
        "ANALYST RATINGS \u00b7 Tejo Ferries (TJF.LS)",
        "Consensus target price \u20ac16.40 (+12%)",
        "Latest: Quay Securities, Marta Lobo \u2014 Buy (4 May) \u00b7 Porto Capital, Rui Vaz \u2014 Hold (28 Apr)",
        "Ratings data: QuayGrid. Not investment advice.",
        "This article is for subscribers. Gift this article: 3 gifts left this month",
        "Embargoed until 00:01 BST Tuesday 5 May 2026",
        "1. Paper: Pires I., Vaz R. et al. \"Hull fouling in estuarine ferries\", Marine Letters (2026).",
        "Call made 9:41 p.m. WEST by TejoVote Decision Desk",
        "Last refreshed 11:02 p.m. WEST",
        "Polls reporting: 118 of 118",
        "Almada Norte: Socialist hold (called 10:12 p.m.)",
        "Data: Tejo Electoral Commission, unofficial results. Map tiles \u00a9 OpenStreetMap contributors.",
        "Case: Tejo Ferries SA v Quaylight Lda [2026] EWHC 911 (Comm)",
        "Judge: Mr Justice Salgueiro",
        "Barristers: Ana Brito KC (Quay Chambers) \u00b7 Pedro Couto KC (Estuary Court Chambers)",
        "Firms: Lobo & Vaz \u00b7 Ramos Pires \u00b7 Brito Legal",
        "PEOPLE AND ORGANISATIONS IN THIS STORY",
        "Subscribers only: download the judgment (PDF)",
        "\u00a3285,000 \u00b7 3 bed semi-detached \u00b7 Vila Alta, Almada \u00b7 Ramos Estates",
        "FEATURED NEW HOMES NEAR SETUBAL",
        "HomeQuay Ltd is an appointed representative of Tejo Mortgage Services Ltd, authorised and regulated by the regulator.",
    ],
)
def test_issue_12_name_carrying_furniture_lines_are_dropped(line: str) -> None:
    cleaned = _kept(STORY + "\n" + line + "\n\nThe mayor welcomed the terminal, officials said.\n")
    assert " ".join(line.split()) not in cleaned
    assert "The mayor welcomed the terminal" in cleaned
    for name in ("Duarte Salgueiro", "Marta Lobo", "Rui Vaz", "Ana Brito", "Pedro Couto", "Ramos Funeral Home",
                 "Quay Building Society", "QuayGrid", "Ramos Estates", "OpenStreetMap"):
        if name in line:
            assert name not in cleaned


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "line",
    [
        "The club's partner: a building society that paid for the new stand, officials said.",
        "Consensus among the ministers was reached late on Monday, officials said.",
        "The court: a panel of three judges, sat for four hours before it ruled on the ferries.",
        "Memorials to the sailors lost in 1953 stand on the quay, the port authority said.",
        "9 ferries sailed on Monday, the port authority said.",
        "Analysts at Quay Securities rate Tejo Ferries a buy, the bank said on Monday.",
        "The judge said he would download the evidence before ruling, the court heard.",
    ],
)
def test_issue_12_story_lines_that_look_like_these_widgets_stay(line: str) -> None:
    cleaned = _kept(STORY + "\n" + line + "\n")
    assert " ".join(line.split()) in cleaned


@pytest.mark.issue(12)
def test_issue_12_a_club_sites_squad_list_goes_but_a_leaderboard_and_a_wires_squad_stay() -> None:
    squad = "UNDER-18 SQUAD 2025/26\n1 Duarte Salgueiro (GK)\n4 Nuno Arriaga (C)\n9 Pedro Couto\n"
    cleaned = _kept(STORY + "\n" + squad + "\nThe mayor welcomed the terminal, officials said.\n")
    for gone in ("SQUAD", "Duarte Salgueiro", "Nuno Arriaga", "Pedro Couto"):
        assert gone not in cleaned
    leaderboard = "Leading scores after the first round:\n68 Duarte Salgueiro\n69 Nuno Arriaga\n"
    assert "68 Duarte Salgueiro" in _kept(STORY + "\n" + leaderboard)
    wire_squad = "Squad:\nDuarte Salgueiro, Nuno Arriaga, Pedro Couto\n"
    assert "Duarte Salgueiro, Nuno Arriaga, Pedro Couto" in _kept(STORY + "\n" + wire_squad)


@pytest.mark.issue(12)
def test_issue_12_a_live_pages_contributor_cards_bios_and_sign_offs_go() -> None:
    text = (
        "TEJO DESK\nPorts | Politics | Business\n\nLIVE\n\n" + HEADLINE + "\n\nLast updated 4 May 2026, 19:05 BST\n\n"
        "OUR TEAM ON THE GROUND\nAna Brito \u00b7 Setubal correspondent\nRui Vaz \u00b7 Live editor, Lisbon\n\n"
        "19:05\nTerminal opens to passengers\n\n" + STORY + "Ana Brito, Setubal\n\n"
        "18:20\nMayor praises the workers\n\nThe mayor of Setubal praised the builders and said the terminal had been "
        "finished on time, officials said.\nRui Vaz, Lisbon\n\n"
        "ABOUT OUR CONTRIBUTORS\nAna Brito has covered the port since 2019. Follow her @anabrito.\n"
        "Rui Vaz runs the live desk in Lisbon.\n"
    )
    page = split_page(text)
    assert page.title == HEADLINE
    assert page.published == "2026-05-04"
    assert "Tomas Ferreira opened a new ferry terminal" in page.body and "praised the builders" in page.body
    for gone in ("Ana Brito", "Rui Vaz", "Lisbon", "OUR TEAM"):
        assert gone not in page.body, page.body


@pytest.mark.issue(12)
def test_issue_12_a_story_line_opening_with_a_writers_name_stays() -> None:
    # a writer's name starts a sign-off only when a place or nothing follows it
    text = (
        HEADLINE + "\n\nOUR TEAM\nAna Brito \u00b7 Setubal correspondent\n\n" + STORY
        + "Ana Brito, the port's former pilot, said the channel was deep enough for larger ferries.\n"
    )
    assert "Ana Brito, the port's former pilot, said" in split_page(text).body


@pytest.mark.issue(12)
def test_issue_12_an_obituarys_life_dates_are_no_page_date_and_its_widgets_go() -> None:
    assert page_date("June 2, 1941 \u2013 February 26, 2026") is None
    assert page_date("Published 6 May 2026 \u2013 10:15") == "2026-05-06"
    text = (
        "TEJO COURIER\nObituaries | Death Notices | Place an Obituary\nSearch obituaries by name\n\n"
        "Tomas Ferreira, harbour minister who built the ferry terminal, dies at 84\n\n"
        "Tomas A. Ferreira\nJune 2, 1941 \u2013 May 4, 2026\n\nPublished in the Tejo Courier on May 6, 2026.\n\n" + STORY
        + "\nSERVICE INFORMATION\nVisitation: Friday, May 8, 4-7 p.m., Ramos Funeral Home, Almada\n"
        "Memorials may be made to the Estuary Lifeboat Fund.\n\n"
        "GUEST BOOK (12 entries)\nMarta Lobo, Almada \u00b7 May 5, 2026\nHe gave my father a job on the ferries.\n"
        "Duarte and Ines Salgueiro, Seixal \u00b7 May 5, 2026\nA gentleman of the old school.\nLoad 10 more entries\n"
    )
    page = split_page(text)
    assert page.title == "Tomas Ferreira, harbour minister who built the ferry terminal, dies at 84"
    assert page.published == "2026-05-06"  # the notice's, not the birth date
    for gone in ("Tejo Courier", "Ramos Funeral Home", "Marta Lobo", "Salgueiro", "Seixal", "old school", "Lifeboat"):
        assert gone not in page.body, page.body


@pytest.mark.issue(12)
def test_issue_12_an_embargo_line_gives_the_release_its_date() -> None:
    text = "Tejo University\nResearch | News\n\nPRESS RELEASE\n\n" + HEADLINE + "\n\nEmbargoed until 00:01 BST Tuesday 5 May 2026\n\n" + STORY
    page = split_page(text)
    assert page.title == HEADLINE
    assert page.published == "2026-05-05"
    assert "Embargoed" not in page.body


@pytest.mark.issue(12)
def test_issue_12_a_results_pages_call_line_is_not_the_headline() -> None:
    text = (
        "TEJOVOTE\nNational | Municipal | Maps\n\nSETUBAL \u2014 RESULTS\nPolls reporting: 118 of 118\n"
        "\u2714 ELECTED  Tomas Ferreira  \u00b7  Socialist  \u00b7  11,902  \u00b7  48.7%\n"
        "Ana Brito  \u00b7  Social Democrat  \u00b7  7,215  \u00b7  29.5%\n"
        "Call made 9:41 p.m. WEST by TejoVote Decision Desk\nLast refreshed 11:02 p.m. WEST\n\n"
        + HEADLINE + "\n\nBy Rui Vaz \u00b7 TejoVote\n\n" + STORY
    )
    page = split_page(text)
    assert page.title == HEADLINE
    assert "Decision Desk" not in page.body


@pytest.mark.issue(12)
def test_issue_12_case_people_and_listing_boxes_make_no_nodes(tmp_path) -> None:
    page = tmp_path / "legal.txt"
    page.write_text(
        "THE QUAY DOCKET\nLitigation | Deals | Firms\n\n" + HEADLINE + "\n\nBy Ines Pires\n4 May 2026\n\n"
        "Case: Tejo Ferries SA v Quaylight Lda [2026] EWHC 911 (Comm)\nCourt: High Court, Commercial Court\n"
        "Judge: Mr Justice Salgueiro\n\n" + STORY
        + "\nPEOPLE AND ORGANISATIONS IN THIS STORY\nFirms: Lobo & Vaz \u00b7 Ramos Pires \u00b7 Brito Legal\n"
        "Barristers: Duarte Couto KC (Quay Chambers) \u00b7 Marta Lobo KC (Estuary Court Chambers)\n\n"
        "FEATURED NEW HOMES NEAR SETUBAL\n\u00a3285,000 \u00b7 3 bed semi-detached \u00b7 Vila Alta, Almada \u00b7 Ramos Estates\n"
        "\u00a3449,950 \u00b7 4 bed detached \u00b7 Quinta Nova, Seixal \u00b7 Couto Homes\n\n"
        "ASK THE EXPERT\nJoana Reis, head of research, Quay Estates\n",
        encoding="utf-8",
    )
    found = ingested_names(page)
    assert "Tomas Ferreira" in found
    assert not found & {"Quaylight", "Quaylight Lda", "Salgueiro", "Duarte Couto", "Marta Lobo", "Quay Chambers",
                        "Estuary Court Chambers", "Lobo & Vaz", "Ramos Pires", "Vila Alta", "Ramos Estates",
                        "Quinta Nova", "Couto Homes", "Joana Reis", "Quay Estates", "EWHC"}, found
