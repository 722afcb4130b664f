"""Page furniture that carries names, removed without HTML tags (issue 12): family notices
and classifieds, wire slugs and editors' notes, reader comments with user names, video
blocks, magazine credits and bios, a government release's media contacts, market tickers
and quote tables, cookie-consent vendor lists and language switches. Every text here is
written for the test (invented outlets and people); entities are checked with the real
spaCy model."""

import pytest

from newsgraph.extract.cleanup import clean_text, split_page

from page_support import AFTER, PROSE, assert_line_dropped, ingested_names


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "line",
    [
        "HALVORSEN, Ingrid Mary \u2013 Peacefully at Valley Hospice, aged 91. Funeral at St Jude's, Clovis.",
        "OKAFOR, Peter (Pete) \u2013 Of Sanger. Much loved husband of Ada.",
        "Delgado & Sons Roofing, Clovis \u2013 Call 0559 555 210",
        "559 555-0101",
        "This story was produced by a Local Democracy Reporter. The service covers councils across the valley.",
        "BC-US-Fresno-Bridge/1st Ld-Writethru",
        "Eds: UPDATES with comment from mayor; ADDS byline. With AP Photos.",
        "___",
        "Follow TVC's coverage of the Central Valley at https://valleycourier.test/central-valley",
        "Connect with the City of Fresno at: fresno.test/connect",
        "Valley Hub is not responsible for the content of wire stories.",
        "The views expressed in the contents above are those of our users and do not necessarily reflect the views of TVC.",
        "General advice only. The Valley Report does not consider your objectives or financial situation.",
        "Market data provided by Quotewell. Delayed at least 20 minutes.",
        "Closed captions available",
        "2:14",
        "Lena Fisk \u00b7 TVC News",
        "This article appears in the Winter 2026 issue of Span. Subscribe from \u00a36 an issue.",
        "Words by Lena Fisk",
        "Illustrations by Omar Haddad",
        "Span is published by Harbourline Editions Ltd, Fresno. Registered charity 000000.",
        "\u2014 Rosa Delgado",
        "2025CITY0042-000311",
        "Office of the Mayor",
        "Add VSW to watchlist",
        "Related Quotes",
        "We and our 412 partners store and access information on your device, such as cookies.",
        "Valley Courier values your privacy",
        "Show all 412 vendors",
        "Lees dit artikel in het Nederlands",
        "Tip the newsdesk: tips@valleycourier.test",
        "Search Valley Courier",
        "Valley Courier Newsdesk",
        "(Reporting by Lena Fisk in Fresno; Editing by Omar Haddad)",
        "With reporting by Lena Fisk and Omar Haddad",
        "tomw \u2022 3 days ago",
        "View all obituaries",
        "Duration 2:14",
        "Media contact: Lena Fisk, 559 555-0190",
        "VSW.N 41.22 +0.9%",
        "Span Partners Ltd 19.87 -1.3%",
        "Our partners: Quotewell, Brightline Exchange, Harbour Media",
        "In partnership with Westgate Bank",
        "Photographer: Ana Ruiz",
        "Photo by Ana Ruiz on Unsplash",
        "Register for free to continue reading",
        "This content is not available in your region",
        "Turn on notifications",
        "Enable notifications",
        "Add us as a preferred source on Google",
        "Print this article",
        "Text size A A A",
        "Posted in Politics | Tagged Wales, Senedd",
        "Editor's choice",
        "Must read",
        "Sponsored links",
        "Promoted links by Taboola",
        "Recommended by Outbrain",
        "AdChoices",
        "Why this ad?",
        "Report this ad",
        "Click to expand",
        "Show less",
        "Read the full story",
        "Allow notifications",
        "Leave a Reply",
        "Cancel reply",
        "Your email address will not be published. Required fields are marked *",
        "Save my name, email, and website in this browser for the next time I comment.",
        "Click to share on Twitter (Opens in new window)",
        "Related posts:",
        "You might also be interested in",
        "Hot Topics",
        "Want more stories like this? Sign up for our daily briefing.",
        "Have a news tip? Email tips@valleycourier.test",
        "Send us your pictures",
        "Terms & Conditions",
        "Comments are moderated and will appear after approval.",
        "This article was amended on 3 March 2025 to correct the spelling of a name.",
        "Source: Reuters",
        "Sources: AP, Reuters",
        "Watch the full interview below.",
        "Click here to read more.",
        "Tap here to download our app",
        "Scan the QR code to join our WhatsApp channel",
        "Join our WhatsApp channel for the latest news",
        "Join our Telegram channel",
        "Free newsletter",
        "Breaking News Alerts",
        "Top Stories delivered daily",
        "Previous post",
        "Next post",
        "Older posts",
        "About Lena Fisk",
        "More stories by Lena Fisk",
        "Other stories by Lena Fisk",
        "View all posts by Lena Fisk",
        "See all articles by Lena Fisk",
        "Read more from Lena Fisk",
        "Follow Lena Fisk",
        "Lena Fisk @lenafisk",
        "Edited by Omar Haddad",
        "Fact-checked by Omar Haddad",
        "Translated by Omar Haddad",
        "\u2014 Lena Fisk (@lenafisk) March 3, 2025",
        "https://valleycourier.test/bridge",
        "A post shared by Lena Fisk (@lenafisk)",
        "View this post on Instagram",
        "Copy embed code",
        "Top comments",
        "Featured comment",
        "Most liked",
        "Jane Doe for The Valley Courier",
        "Courtesy of Valley Span Works",
        "Photo courtesy Valley Span Works",
        "Handout via Reuters",
        "Supplied",
        "Pool photo",
        "Ana Ruiz/Getty Images for Netflix",
        "Ana Ruiz for Bloomberg News",
        "Images: Ana Ruiz, Omar Haddad",
        "Ana Ruiz | Valley Courier",
        "Ana Ruiz/The Valley Courier via AP",
    ],
)
def test_issue_12_named_widget_lines_are_dropped(line: str) -> None:
    assert_line_dropped(line)


@pytest.mark.issue(12)
def test_issue_12_prose_near_these_widget_shapes_stays() -> None:
    kept = [
        "Anyone who saw the crash should call 0559 555 0101, police said.",
        "This story was first reported by the Fresno Courier in 2019, when the bridge was approved.",
        "Delgado said the bridge was published in the state's list of priority projects in 2021.",
        "The Office of the Mayor said the bridge had come in under budget.",
        "Words by the mayor were read out at the opening, then the band played.",
        "Partners in the project include the state and two counties, the council said.",
        "FRESNO, Calif. (TVC) \u2014 The bridge opened on Tuesday, three years late.",
        "Traffic on the old crossing fell 12 per cent, to 41,000 cars a day, a rise of 3%.",
        "Photo by photo, the exhibition at the civic centre tells the bridge's story.",
        "Our partners in the state government have been patient, Delgado said.",
        "Sources close to the mayor said the bridge was late.",
        "Click-through rates on the council's website rose after the opening.",
        "Join us on the bridge at noon, Delgado told residents in a letter.",
        "About 300 people attended the opening, the council said.",
        "Rosa Delgado for Mayor signs still stand along the river, three years after the vote.",
        "Courtesy calls to the builder went unanswered, the council said.",
        "Edited by Omar Haddad, the council's report was published on Monday.",
    ]
    cleaned = clean_text(PROSE + "\n" + "\n\n".join(kept) + "\n")
    for line in kept:
        assert line in cleaned


@pytest.mark.issue(12)
def test_issue_12_notices_and_classifieds_go_with_their_headers() -> None:
    widget = (
        "Family Notices\n"
        "HALVORSEN, Ingrid Mary \u2013 Peacefully at Valley Hospice, aged 91.\n"
        "Place a notice\n\n"
        "Classifieds\nFind a local tradesperson\nOkafor Motors \u2013 Used cars, MOT while you wait\n"
    )
    cleaned = clean_text(PROSE + "\n" + widget + AFTER)
    for gone in ("Notices", "HALVORSEN", "Hospice", "Classifieds", "tradesperson", "Okafor"):
        assert gone not in cleaned
    assert "20,000 vehicles" in cleaned


@pytest.mark.issue(12)
def test_issue_12_a_section_label_or_menu_item_above_the_headline_opens_no_list() -> None:
    for label in ("Obituaries", "Home\nNews\nContact\nPartners"):
        page = split_page("Valley Courier\n\n" + label + "\n\nRosa Delgado, Fresno's first woman mayor, dies at 91\n\n" + PROSE)
        assert page.title == "Rosa Delgado, Fresno's first woman mayor, dies at 91"


@pytest.mark.issue(12)
def test_issue_12_a_reader_comment_goes_whole_and_an_unclosed_one_drops_nothing() -> None:
    comments = (
        "Comments\n\n"
        "FresnoFan72, Clovis, 2 hours ago\n"
        "Delgado should fix the potholes before cutting ribbons.\n"
        "Reply   \u2191 45   \u2193 12\n\n"
        "Ada from Sanger, Sanger, 3 hours ago\n"
        "Petrov never turns up to anything.\n"
        "Reply   \u2191 8   \u2193 30\n"
    )
    cleaned = clean_text(PROSE + "\n" + comments + AFTER)
    for gone in ("FresnoFan72", "potholes", "Petrov", "Sanger", "Reply", "\u2191"):
        assert gone not in cleaned
    plugin = "Ivan Petrov\nDelgado should resign over the delays.\nLike \u00b7 Reply \u00b7 3h\n"
    cleaned = clean_text(PROSE + "\n" + plugin + AFTER)
    assert "Petrov" not in cleaned and "resign" not in cleaned and "20,000 vehicles" in cleaned
    # no closing "Reply" row: a sentence after a line that merely looks like a comment's heading stays
    open_block = "Clovis, Sanger, 2 hours ago\nPetrov said the bridge would open on time.\n"
    assert "Petrov said the bridge would open on time." in clean_text(PROSE + "\n" + open_block + AFTER)


@pytest.mark.issue(12)
def test_issue_12_a_consent_vendor_list_goes_with_company_names_ending_in_inc() -> None:
    dialog = (
        "List of partners (vendors)\nQuotewell Advertising Products\nBrightline Exchange Inc.\n"
        "Harbour Media, Inc.\nThe Span Desk\nShow all 412 vendors\nAccept all   Reject all   Manage options\n"
    )
    cleaned = clean_text(PROSE + "\n" + dialog + AFTER)
    for gone in ("Quotewell", "Brightline", "Harbour Media", "Span Desk", "vendors", "Reject"):
        assert gone not in cleaned
    assert "20,000 vehicles" in cleaned


@pytest.mark.issue(12)
def test_issue_12_a_release_contact_block_goes_and_its_story_stays() -> None:
    release = (
        "Contact:\nLena Fisk\nCommunications Director\nOffice of the Mayor\n559 555-0190\n\n"
        "Omar Haddad\nMedia Relations\nDepartment of Public Works\n559 555-0142\n"
    )
    cleaned = clean_text(PROSE + "\n" + release + AFTER)
    for gone in ("Lena Fisk", "Omar Haddad", "Communications Director", "Public Works", "555-0142"):
        assert gone not in cleaned
    assert cleaned.startswith("Mayor Rosa Delgado opened") and "20,000 vehicles" in cleaned


@pytest.mark.issue(12)
def test_issue_12_exchange_tickers_and_file_markers_are_cut_from_their_sentence() -> None:
    text = (
        "Valley Span Works (NYSE: VSW) shares rose 12 per cent on Tuesday after the bridge opened.\n\n"
        "Its rival Span Partners (SPN.TO) fell 3 per cent.\n\n"
        "FILE - Mayor Rosa Delgado speaks to reporters in Fresno on Sept. 11, 2025.\n"
    )
    cleaned = clean_text(text)
    assert "Valley Span Works shares rose 12 per cent on Tuesday after the bridge opened." in cleaned
    assert "Its rival Span Partners fell 3 per cent." in cleaned
    assert "Mayor Rosa Delgado speaks to reporters in Fresno on Sept. 11, 2025." in cleaned
    assert "VSW" not in cleaned and "SPN" not in cleaned and "FILE" not in cleaned


MAGAZINE = """SPAN
Long reads on bridges and cities
Issues   Essays   Podcast   Subscribe

REPORTAGE / CITIES

The bridge that took three years

Fresno finally has its river crossing. Now it needs the traffic to use it.

Words by Lena Fisk
Illustrations by Omar Haddad
12 min read
5 February 2026

""" + PROSE + """
About the contributor
Lena Fisk is a writer based in Sacramento. Her book The River Roads is published by Tideway.
"""


@pytest.mark.issue(12)
def test_issue_12_magazine_credits_and_contributor_bio_go() -> None:
    page = split_page(MAGAZINE)
    assert page.title == "The bridge that took three years"
    assert page.published == "2026-02-05"  # the date under a deck that reads as a sentence
    for gone in ("Lena Fisk", "Omar Haddad", "Sacramento", "Tideway", "contributor"):
        assert gone not in page.body
    assert "Mayor Rosa Delgado opened" in page.body


@pytest.mark.issue(12)
def test_issue_12_names_in_notices_comments_and_vendor_lists_are_not_entities(tmp_path) -> None:
    page = tmp_path / "bridge.txt"
    page.write_text(
        "Valley Courier\n\nFresno opens Riverside bridge after three-year delay\n\n" + PROSE
        + "\nFamily Notices\nHALVORSEN, Ingrid Mary \u2013 Peacefully at Valley Hospice, aged 91.\n"
        + "\nFresnoFan72, Clovis, 2 hours ago\nPetrov should be ashamed of the delays.\nReply   \u2191 45   \u2193 12\n"
        + "\nList of partners (vendors)\nBrightline Exchange Inc.\nHarbour Media, Inc.\n" + AFTER,
        "utf-8",
    )
    found = ingested_names(page)
    for junk in ("Ingrid Mary", "HALVORSEN", "Valley Hospice", "Clovis", "Petrov", "Brightline Exchange Inc.", "Harbour Media"):
        assert not any(junk in name for name in found), found
    assert "Rosa Delgado" in found and "Fresno" in found
