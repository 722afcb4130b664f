"""Page furniture that carries names, by its shape (issue 12, dev pages 137-146): a live blog's
entries signed with the writer's initials ('... the handover. — JM'), a results table's rows and
a player's controls under the headline (neither is a menu), a staff byline with contributors,
German labels of a regional broadcaster's English service (byline 'Von A und B', credits,
broadcast and stamp lines, a two-digit-year stamp, a German bio), a gallery whose headline reads
'In pictures: ...' and whose photographers' bios follow their credits, a podcast's sponsor read,
credit row, bio boxes and transcript excerpt, a newsletter's sponsor blocks and archive links, a
press release's boilerplate, legal note, investor contact, source line and wire slug, a club's
match box (its date is not the page's), a committee's inquiry box and contact header, a
fact-check's claim box and ratings, and a mobile page's back-to-top link and masthead footer.
Texts written for the test (invented people, places and outlets); the graph is built with the
real spaCy model."""

import pytest

from newsgraph.extract.cleanup import clean_text, split_page
from page_support import FERRY_STORY as STORY, ferry_story_kept as _kept, ingested_names

HEADLINE = "Setubal opens its new ferry terminal"


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "line",
    [
        "Quayside Post staff. Contributing: Ana Brito (AB), Rui Vaz (RV)",
        "RESULTS \u00b7 98% of precincts reporting",
        "Load earlier updates",
        "Von Marta Lobo und Rui Vaz",
        "Bild \u00a9 dpa/Ines Pires",
        "Bildrechte: dpa/Ines Pires",
        "Sendung: Tejo Abend, 04.05.26, 19:30 Uhr",
        "Ende der weiteren Informationen",
        "Audio 03:10 Min. | Mit Audio: Ana Brito on the terminal",
        "Ines Pires is a freelance photographer in Almada.",
        "Photographers on this story",
        "This episode is supported by Quaylight. Quaylight insures ferries. Learn more at quaylight.example/tejo.",
        "Produced by Marta Lobo. Edited by Rui Vaz. Music by Ana Brito.",
        "Rate us on Apple Podcasts \u00b7 Leave a review",
        "Show notes",
        "\u2190 Back to archive",
        "Harbour news in four minutes, every weekday.",
        "Forward-Looking Statements",
        "This news release contains forward-looking statements within the meaning of the Private Securities "
        "Litigation Reform Act of 1995. Actual results may differ.",
        "SOURCE Tejo Ferries",
        "WANT YOUR COMPANY'S NEWS FEATURED ON TEJOWIRE?",
        "GET STARTED",
        "Explore more news releases in: Shipping \u00b7 Ports \u00b7 Appointments",
        "Quayside Town Football Club Ltd \u00b7 The Wharf, Harbour Road, Kingsport KP2 7QT",
        "Inquiry status: Evidence closed",
        "Contact the Ports and Harbours Committee",
        "How we rate claims: TRUE \u00b7 MOSTLY TRUE \u00b7 FALSE",
        "MOSTLY FALSE",
        "THE BOTTOM LINE",
        "Top of page \u2191",
    ],
)
def test_issue_12_name_carrying_furniture_lines_are_dropped(line: str) -> None:
    cleaned = _kept(STORY + "\n" + line + "\n\nThe mayor welcomed the terminal, officials said.\n")
    assert " ".join(line.split()) not in cleaned
    assert "The mayor welcomed the terminal" in cleaned
    for name in ("Ana Brito", "Marta Lobo", "Rui Vaz", "Ines Pires", "Quaylight", "Kingsport"):
        if name in line:
            assert name not in cleaned


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "line",
    [
        "About half the ferry crews voted for the deal, the union said.",
        "The claim was rejected by the port authority on Monday, officials said.",
        "Contact with the islands was lost for two hours on Monday, the coastguard said.",
        "The result was declared at 2am, with 98% of votes counted, officials said.",
        "False alarms cost the coastguard two million euros last year, officials said.",
        "Top officials met Ferreira at the terminal, the port authority said.",
        "Lobo ist nicht zufrieden, she told the German press, and left.",
    ],
)
def test_issue_12_story_lines_that_look_like_these_widgets_stay(line: str) -> None:
    cleaned = _kept(STORY + "\n" + line + "\n")
    assert " ".join(line.split()) in cleaned


@pytest.mark.issue(12)
def test_issue_12_a_live_blogs_signed_entries_and_results_rows_keep_the_headline() -> None:
    text = (
        "THE QUAYSIDE POST\nNews   Politics   Sport\n\nLIVE\n\n" + HEADLINE + "\n\n"
        "Updated May 4, 2026, 11:40 p.m.\nQuayside Post staff. Contributing: Ana Brito (AB), Rui Vaz (RV)\n\n"
        "RESULTS \u00b7 100% of precincts reporting\nTomas Ferreira   12,406   61.2%   \u2713\n"
        "Marta Lobo   7,870   38.8%\n\n"
        "11:40 p.m.\nFerreira thanks the crews\n"
        "Harbour minister Tomas Ferreira opened a new ferry terminal in Setubal on Monday, the port authority said. \u2014 AB\n\n"
        "10:05 p.m.\nThe terminal will handle ten sailings a day to the islands and employ about 200 people from next spring. \u2014 RV\n\n"
        "Terms of Use \u00b7 Privacy Policy \u00b7 Cookies\n"
    )
    page = split_page(text)
    assert page.title == HEADLINE
    assert page.published == "2026-05-04"
    assert "Tomas Ferreira opened a new ferry terminal" in page.body and "ten sailings a day" in page.body
    for gone in ("\u2014 AB", "\u2014 RV", "Ana Brito", "precincts", "12,406"):
        assert gone not in page.body, page.body


@pytest.mark.issue(12)
def test_issue_12_a_german_service_gives_its_date_and_drops_byline_credits_and_bio() -> None:
    text = (
        "tejowelle.de\nNachrichten   Sport   Wetter   English\n\n" + HEADLINE + "\n\n"
        "Stand: 04.05.26, 09:31 Uhr\nVon Marta Lobo und Rui Vaz\n\n" + STORY
        + "\nBild \u00a9 dpa/Ines Pires\nFerries at the new terminal on Monday.\nBildrechte: dpa/Ines Pires\n\n"
        "Sendung: Tejo Abend, 04.05.26, 19:30 Uhr\n\nEnde der weiteren Informationen\n\n"
        "Marta Lobo berichtet f\u00fcr tejowelle aus dem Hafen. Rui Vaz ist Redakteur im Ressort Wirtschaft.\n"
    )
    page = split_page(text)
    assert page.title == HEADLINE
    assert page.published == "2026-05-04"
    assert "Ferries at the new terminal on Monday." in page.body  # the caption is text
    for gone in ("Marta Lobo", "Rui Vaz", "Ines Pires", "Bildrechte", "Sendung", "Informationen"):
        assert gone not in page.body, page.body


@pytest.mark.issue(12)
def test_issue_12_a_gallerys_headline_stays_and_its_photographers_bios_go() -> None:
    text = (
        "TEJO IMAGES\nPhotos   Video   Archive   Licensing\n\nIn pictures: Setubal opens its new ferry terminal\n\n"
        "8 photos \u00b7 Published 4 May 2026\n\n" + STORY
        + "\n1 / 8\nFerries wait at the new terminal in Setubal on Monday.\nPHOTO: Ines Pires / Tejo Images\n"
        "Download   License this photo   Share\n\n2 / 8\nCrews tie up the first ferry at the terminal.\n"
        "PHOTO: Joana Reis / Tejo Images\n\n"
        "Photographers on this story\nInes Pires is a Tejo Images staff photographer based in Lisbon.\n"
        "Joana Reis covers the Setubal coast for Tejo Images from Sesimbra.\n"
    )
    page = split_page(text)
    assert page.title == "In pictures: Setubal opens its new ferry terminal"
    assert page.published == "2026-05-04"
    assert "Ferries wait at the new terminal" in page.body
    for gone in ("Ines Pires", "Joana Reis", "Sesimbra", "Photographers"):
        assert gone not in page.body, page.body


@pytest.mark.issue(12)
def test_issue_12_a_podcast_page_keeps_its_headline_and_drops_hosts_sponsor_and_transcript() -> None:
    text = (
        "THE CROSSING\nA podcast about ports, from Quay Media\nEpisodes   Hosts   Newsletter\n\nEpisode 88\n"
        + HEADLINE + "\n\nMay 4, 2026 \u00b7 38 min \u00b7 Hosted by Ana Brito and Rui Vaz\n\n"
        "\u25b6 Play episode   \u23f8   1x   \u2913 Download   Subscribe\n\nShow notes\n\n" + STORY
        + "\nAbout our guest\nMarta Lobo is a port economist and writes the Quay Notes newsletter.\n\n"
        "About the hosts\nAna Brito is a shipping reporter and the founder of Quay Media.\n"
        "Rui Vaz presents The Crossing and Quay Daily. Follow him @ruivaz.\n\n"
        "This episode is supported by Quaylight. Quaylight insures ferries.\n"
        "Produced by Joana Reis. Edited by Pedro Couto. Music by Ines Pires.\n\n"
        "Transcript\nAna Brito: Welcome back to The Crossing.\nRui Vaz: Today, a terminal.\nRead full transcript \u203a\n"
    )
    page = split_page(text)
    assert page.title == HEADLINE
    assert page.published == "2026-05-04"
    assert page.body.startswith("Harbour minister Tomas Ferreira")
    for gone in ("Ana Brito", "Rui Vaz", "Marta Lobo", "Quay Notes", "Quaylight", "Joana Reis", "Pedro Couto",
                 "Ines Pires", "Show notes", "Transcript"):
        assert gone not in page.body, page.body


@pytest.mark.issue(12)
def test_issue_12_a_newsletter_archives_sponsor_blocks_and_writer_bio_go() -> None:
    text = (
        "The Quay Line\nArchive   About   Subscribe free\n\n\u2190 Back to archive\n\n"
        "The Quay Line \u2014 Monday, 4 May 2026\nHarbour news in four minutes, every weekday.\n\nPosted 4 May 2026 \u00b7 Issue #212 \u00b7 4 min read\n\n"
        "Good morning. It's Monday, and the ferries are running late again. Here's what you need to know.\n\n"
        "\u2014 \u2014 \u2014\nTOGETHER WITH QUAYLIGHT\nInsure every crossing in a minute. \"It changed how we run the line,\" "
        "says Joana Reis, finance director at Sado Freight.\nTry Quaylight free for 30 days \u203a\n\u2014 \u2014 \u2014\n\n"
        "TOP STORY\n" + HEADLINE + "\n\n" + STORY
        + "\nWritten by Ana Brito. Edited by Rui Vaz. Got a tip? Reply to this email.\n"
        "Ana Brito covered ports for Tejo Shipping News for a decade before she founded The Quay Line.\n"
    )
    page = split_page(text)
    assert page.title == HEADLINE
    assert page.published == "2026-05-04"
    for gone in ("Joana Reis", "Sado Freight", "Quaylight", "Ana Brito", "Tejo Shipping News", "every weekday"):
        assert gone not in page.body, page.body


@pytest.mark.issue(12)
def test_issue_12_a_press_releases_boilerplate_contacts_and_wire_slug_go() -> None:
    text = (
        "TEJOWIRE\nNews   Industries   Send a Release\n\n" + HEADLINE + "\n\n"
        "SETUBAL, Portugal, May 4, 2026 /TejoWire/ -- " + STORY
        + "\nAbout Tejo Ferries\nTejo Ferries, S.A. is a ferry operator based in Setubal, Portugal, serving the "
        "estuary and the islands with twelve vessels and a crew of 300, and is owned by Sado Holdings.\n\n"
        "Investor Contact:\nMarta Lobo, Chief Financial Officer\ninvestors@tejoferries.example\n\n"
        "SOURCE Tejo Ferries\n"
    )
    page = split_page(text)
    assert page.title == HEADLINE
    assert "SETUBAL, Portugal, May 4, 2026 -- Harbour minister Tomas Ferreira" in page.body
    for gone in ("TejoWire", "Sado Holdings", "Marta Lobo", "SOURCE"):
        assert gone not in page.body, page.body


@pytest.mark.issue(12)
def test_issue_12_a_match_boxs_date_is_not_the_pages_date() -> None:
    text = (
        "QUAYSIDE TOWN FC\nHome   News   Fixtures   Tickets\n\nNEXT MATCH\nQuayside Town v Setubal Rovers\n"
        "Sat 9 May 2026 \u00b7 15:00 \u00b7 The Wharf\nBuy tickets \u203a\n\n" + HEADLINE + "\n\n"
        "Monday 4 May 2026 \u00b7 By Club Media\n\n" + STORY
    )
    page = split_page(text)
    assert page.title == HEADLINE
    assert page.published == "2026-05-04"
    assert "Setubal Rovers" not in page.body


@pytest.mark.issue(12)
def test_issue_12_a_fact_checks_claim_box_goes_and_its_verdict_stays() -> None:
    text = (
        HEADLINE + "\n\n" + STORY + "\nTHE CLAIM\n\"We built ten terminals in a year.\"\n"
        "Marta Lobo, mayor of Almada, on Tejo TV, May 1, 2026\nOUR RATING\nMISLEADING\n"
        "One terminal opened this year; the other nine are repairs.\n"
    )
    cleaned = _kept(text)
    assert "One terminal opened this year" in cleaned
    for gone in ("Marta Lobo", "Tejo TV", "MISLEADING", "OUR RATING", "THE CLAIM"):
        assert gone not in cleaned, cleaned


@pytest.mark.issue(12)
def test_issue_12_a_mobile_pages_masthead_between_icons_goes_at_the_foot() -> None:
    text = (
        "\u2630   TEJO COAST TIMES   \U0001f464\nOpen in app\n\n" + HEADLINE + "\n\nMay 4, 2026\n\n" + STORY
        + "\nAdvertisement\n\nTop of page \u2191\n\nTejo Coast Times \u00b7 Setubal, Portugal\n"
    )
    page = split_page(text)
    assert page.title == HEADLINE
    assert "Tejo Coast Times" not in page.body and "Top of page" not in page.body


@pytest.mark.issue(12)
def test_issue_12_names_in_a_podcast_pages_credits_make_no_nodes(tmp_path) -> None:
    page = tmp_path / "crossing.txt"
    page.write_text(
        "THE CROSSING\nEpisodes   Hosts   Newsletter\n\n" + HEADLINE + "\n\n"
        "May 4, 2026 \u00b7 38 min \u00b7 Hosted by Ana Brito and Rui Vaz\n\n" + STORY
        + "\nAbout the hosts\nAna Brito is a shipping reporter and the founder of Quay Media.\n"
        "Rui Vaz presents The Crossing and Quay Daily.\n\n"
        "This episode is supported by Quaylight. Quaylight insures ferries.\n"
        "Produced by Joana Reis. Edited by Pedro Couto. Music by Ines Pires.\n",
        encoding="utf-8",
    )
    found = ingested_names(page)
    assert "Tomas Ferreira" in found
    assert not found & {"Ana Brito", "Rui Vaz", "Quay Media", "Quaylight", "Joana Reis", "Pedro Couto", "Ines Pires"}, found


@pytest.mark.issue(12)
def test_issue_12_clean_text_keeps_a_signed_entrys_sentence() -> None:
    cleaned = clean_text(HEADLINE + "\n\nFerreira thanked the crews at the terminal on Monday. \u2014 JM\n")
    assert "Ferreira thanked the crews at the terminal on Monday." in cleaned and "JM" not in cleaned


@pytest.mark.issue(12)
def test_issue_12_an_about_header_takes_a_self_description_but_not_a_story_paragraph() -> None:
    boilerplate = ("About Tejo Ferries\nTejo Ferries, S.A. is a ferry operator based in Setubal, Portugal, "
                   "with twelve vessels and a crew of 300.\n")
    cleaned = _kept(STORY + "\n" + boilerplate)
    assert "ferry operator based in Setubal" not in cleaned
    story_paragraph = "About Tejo Ferries\nThe company ordered two new ferries from a Vigo yard last year, officials said.\n"
    cleaned = _kept(STORY + "\n" + story_paragraph)
    assert "The company ordered two new ferries" in cleaned
