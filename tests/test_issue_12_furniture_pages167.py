"""Page furniture that carries names, by its shape (issue 12, dev pages 167-176): a live blog's
counter and its 'updates from' byline, a pull quote's attribution with
an abbreviation ('U.S. attorney'), a chain platform's 'Author of the article:' and 'Article
content' labels and numbered advertisements, share prompts, a news-tip line with a hyphenated
number, a blog's reader comments ('Name says:' ... 'Reply') and a blogging platform's responses
('Name · Feb 21' and the comment), counters and follower lines, disclaimers and 'About the
author:' boxes, a breadcrumb from the home page ending in the headline, stock quotes and quote
chips, stock picks, a byline with its date on one line, an 'Up next' box's fixtures, a player
card's facts, a data provider's credit, a release page's 'From:'/'Tags:'/'Ministers:' labels,
'ENDS', notes to editors and an agency's bracketed credit alone on a line. Texts written for the
test (invented people, places and outlets); the graph is built with the real spaCy model."""

import pytest

from newsgraph.extract.cleanup import clean_text, split_page
from page_support import FERRY_STORY as STORY, ferry_story_kept as _kept, ingested_names

HEADLINE = "Setubal opens its new ferry terminal"


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "line",
    [
        "\u25cf LIVE   9 updates",
        "Staff reports | Terminal updates from Ana Brito and Rui Vaz",
        "Author of the article:",
        "Article content",
        "Advertisement 4",
        "Share this article in your social network",
        "Kindly share this story:",
        "Got a news tip? Send it to us on WhatsApp at 1-351-555-0147.",
        "Disclaimer: Comments expressed here do not reflect the opinions of the Tejo Courier.",
        "About the author: Ana Brito is a shipping correspondent with the Tejo Courier. She tweets @anabrito.",
        "Tejo Ferries 14.20 \u25b2 +0.35 (+2.53%)",
        "Quaylight SA (QLT.LS)  -0.8%",
        "Catch all the Business News, Market News and Latest News Updates on TejoMoney.",
        "Stock picks by Marta Lobo, Quay Securities: buy Tejo Ferries, target \u20ac16.50",
        "Rui Vaz of Quay Securities recommends two stocks for today",
        "By Tejo Sports Wire   May 4, 2026 10:12 PM WET",
        "Mariners: Host Porto Norte on Friday.",
        "Born: Almada, Portugal \u00b7 Draft: 2019, Rd 1, Pick 8",
        "Fantasy Alert: Pedro Couto (knee) is day-to-day. Stats provided by Tejo Data Feed.",
        "2.3K  |  41 responses",
        "3.4K Followers \u00b7 Editor for The Quay Review",
        "From: Ministry of the Sea and Ports",
        "Organisation: Ministry of the Sea and Ports",
        "ENDS",
        "Help us improve tejo.gov",
        "Quaylight makes ferry engines. For media queries contact the Ministry's Press Office: press@sea.example.",
        "Photographs of the opening are available from Quay Images, photographer Ines Pires.",
        "(TNA)",
    ],
)
def test_issue_12_name_carrying_furniture_lines_are_dropped(line: str) -> None:
    cleaned = _kept(STORY + "\n" + line + "\n\nThe mayor welcomed the terminal, officials said.\n")
    assert " ".join(line.split()) not in cleaned
    assert "The mayor welcomed the terminal" in cleaned
    for name in ("Ana Brito", "Marta Lobo", "Rui Vaz", "Ines Pires", "Quaylight", "Pedro Couto", "Porto Norte"):
        if name in line:
            assert name not in cleaned


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "line",
    [
        "Live coverage of the opening was watched by 40,000 people, the broadcaster said.",
        "Ferreira said the ferries would buy more fuel when the price target of 90 cents was met.",
        "The port recommends two routes for tourists, officials said.",
        "From the terminal, ferries sail to the islands ten times a day, the port authority said.",
        "The mariners host a festival on Friday.",
        "Home to 200 workers, the terminal opened on Monday, officials said.",
        "Ends of the old pier will be removed next year, the port authority said.",
    ],
)
def test_issue_12_story_lines_that_look_like_these_widgets_stay(line: str) -> None:
    cleaned = _kept(STORY + "\n" + line + "\n")
    assert " ".join(line.split()) in cleaned


@pytest.mark.issue(12)
def test_issue_12_a_breadcrumb_ending_in_the_headline_is_not_the_headline() -> None:
    text = (
        "TejoMoney | Portugal's Business Destination\nMarkets | Companies | Economy | Opinion\n"
        "Home / Companies / News / " + HEADLINE + "\n\n" + HEADLINE + "\nUpdated: 04 May 2026, 07:52 PM WEST\n\n" + STORY
    )
    page = split_page(text)
    assert page.title == HEADLINE
    assert "Home /" not in page.body


@pytest.mark.issue(12)
def test_issue_12_a_menu_from_home_still_cuts_the_site_head() -> None:
    # a menu that opens with "Home" stays a menu: the tagline above it is no headline
    text = (
        "THE TEJO COURIER\nNews That Matters to the Estuary\nHome | News | Politics | Business | Sports\n\n"
        + HEADLINE + "\n\nBy Ana Brito, Setubal\n\n" + STORY
    )
    assert split_page(text).title == HEADLINE


@pytest.mark.issue(12)
def test_issue_12_a_pull_quotes_attribution_with_an_abbreviation_goes() -> None:
    text = (
        HEADLINE + "\n\n" + STORY
        + "\nThe terminal cost 40 million euros, said Marta Lobo, the U.S. consul in Lisbon. \"It will serve the whole estuary.\"\n\n"
        "\"It will serve the whole estuary.\"\n\u2014 Marta Lobo, U.S. consul\n\nThe mayor welcomed the terminal, officials said.\n"
    )
    page = split_page(text)
    assert page.title == HEADLINE
    assert page.body.count("It will serve the whole estuary.") == 1
    assert "\u2014 Marta Lobo" not in page.body
    assert "said Marta Lobo, the U.S. consul in Lisbon" in page.body and "The mayor welcomed" in page.body


@pytest.mark.issue(12)
def test_issue_12_reader_comments_and_responses_go_with_their_names() -> None:
    text = (
        HEADLINE + "\n\n" + STORY + "\nLeave a Reply\nYour email address will not be published.\n"
        "EstuaryFan77 says:\nMay 4, 2026 at 9:14 am\nAbout time. Ask Pedro Couto why it took so long.\nReply\n\n"
        "Responses (2)\nJoana R.  \u00b7  May 5\nGood piece, but nobody asked Ines Pires.\n"
        "Rui Vaz  \u00b7  May 4\nTen sailings is not enough.\n"
    )
    body = split_page(text).body
    assert "Tomas Ferreira opened a new ferry terminal" in body and "ten sailings a day" in body
    for gone in ("EstuaryFan77", "Pedro Couto", "Ines Pires", "Rui Vaz", "not enough"):
        assert gone not in body, body


@pytest.mark.issue(12)
def test_issue_12_a_bylines_stamp_above_the_story_does_not_take_the_headline() -> None:
    # the response block opens only after the story: the same "Name · May 4" shape above it
    # is the byline, and the headline under it stays
    text = "Ana Brito  \u00b7  May 4\n" + HEADLINE + "\n\n" + STORY
    page = split_page(text)
    assert page.title == HEADLINE
    assert "Tomas Ferreira opened a new ferry terminal" in page.body


@pytest.mark.issue(12)
def test_issue_12_a_release_pages_labels_and_their_values_go() -> None:
    text = (
        "tejo.gov\nServices  Departments  News\n\nHome > Ministry of the Sea, Ports and Fisheries of the Estuary > Press releases\n\n"
        "Press release\n\n" + HEADLINE + "\n\nFrom: Ministry of the Sea and Ports\nPublished on: 4 May 2026\n\n" + STORY
        + "\nENDS\n\nNotes to editors\nPhotographs of the opening are available from Quay Images, photographer Ines Pires.\n\n"
        "Tags:\nPorts, Quay Images, Setubal, Marta Lobo\n\nMinisters:\nMarta Lobo, Rui Vaz\n\n"
        "Part of:\nMaritime investment\n"
    )
    page = split_page(text)
    assert page.title == HEADLINE
    assert page.published == "2026-05-04"
    for gone in ("Ministry", "ENDS", "Ines Pires", "Quay Images", "Marta Lobo", "Rui Vaz", "Maritime investment"):
        assert gone not in page.body, page.body


@pytest.mark.issue(12)
def test_issue_12_a_box_score_pages_fixtures_card_and_credits_make_no_nodes(tmp_path) -> None:
    page = tmp_path / "box.txt"
    page.write_text(
        "TEJO STATS\nScores | Schedule | Standings | Players\n\n" + HEADLINE + "\n"
        "By Tejo Sports Wire   May 4, 2026 10:12 PM WET\n\n" + STORY
        + "\nUP NEXT\nMariners: At Porto Norte on Thursday.\nHarbour: Host Vila Alta on Friday.\n\n"
        "PLAYER CARD\nBorn: Almada, Portugal \u00b7 Draft: 2019, Rd 1, Pick 8\n\n"
        "Fantasy Alert: Pedro Couto (knee) is day-to-day. Stats provided by Tejo Data Feed.\n",
        encoding="utf-8",
    )
    found = ingested_names(page)
    assert "Tomas Ferreira" in found
    assert not found & {"Tejo Sports Wire", "Porto Norte", "Vila Alta", "Almada", "Rd", "Draft", "Pedro Couto",
                        "Tejo Data Feed"}, found
