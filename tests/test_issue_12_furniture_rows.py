"""Issue 12: page furniture that names people and places, from the session-15 dev pages'
site styles (a town council's minutes box, a ferry's service-status table, an inspection
page's byline and its list of other schools, a charity footer, a classified advert).
Each page here is written for the test; the story's own lines must stay."""

import pytest

from newsgraph.extract.cleanup import clean_text, split_page

STORY = (
    "Kestrel Parish Council has agreed to buy the old library on Mill Lane for a community "
    "cafe, after a vote on Tuesday night.\n\n"
    "The chair, Councillor Ruth Okafor, said the cafe would open in the spring.\n\n"
)


def _page(furniture: str) -> str:
    return "KESTREL PARISH COUNCIL\nHome | News | Meetings | Contact\n\nCouncil buys old library for cafe\n\n" + STORY + furniture


@pytest.mark.issue(12)
def test_issue_12_minutes_box_and_its_caption_go() -> None:
    box = ("Meeting of the Parish Council, Tuesday 3 March 2026, Village Hall, 7.30pm\n"
           "Present: Cllr R Okafor (Chair), Cllr D Pryce, Cllr H Lomas\n"
           "Apologies: Cllr T Fenwick (holiday)\n"
           "In attendance: Mr G Harland (Clerk), PCSO J Beck (Kestrel Police)\n"
           "Next meeting: Tuesday 7 April 2026, Village Hall\n")
    page = split_page(_page(box))
    for gone in ("Village Hall", "Pryce", "Fenwick", "Harland", "Kestrel Police", "Meeting of the Parish Council"):
        assert gone not in page.body
    assert "Councillor Ruth Okafor, said the cafe" in page.body


@pytest.mark.issue(12)
def test_issue_12_a_paragraph_right_above_a_minutes_box_stays() -> None:
    text = ("The clerk read the names of those present at the start of the meeting.\n"
            "Present: Cllr R Okafor, Cllr D Pryce\n"
            "Apologies: Cllr T Fenwick\n"
            "In attendance: Mr G Harland\n")
    cleaned = clean_text(STORY + text)
    assert "The clerk read the names of those present" in cleaned
    assert "Cllr D Pryce" not in cleaned


@pytest.mark.issue(12)
def test_issue_12_a_table_row_among_dropped_rows_goes() -> None:
    table = ("Service status – Monday 2 March 2026\n"
             "Kestrel – Holm · MV Skerry Lass · Sailing as scheduled\n"
             "Kestrel – Brough · MV Westray Belle · Disrupted: 09:30 cancelled (high winds)\n"
             "Holm – Brough · MV Skerry Lass · Sailing as scheduled\n"
             "Holm – Sandwick · MV Sula · Sailing as scheduled\n"
             "Brough – Fladda – Kestrel · MV Fladda Maid · Red: all sailings cancelled today\n")
    cleaned = clean_text(STORY + table)
    for gone in ("Westray Belle", "Fladda Maid", "Skerry Lass", "Service status"):
        assert gone not in cleaned
    assert "Ruth Okafor" in cleaned


@pytest.mark.issue(12)
def test_issue_12_a_story_list_of_three_cells_stays_when_no_row_is_furniture() -> None:
    story_rows = ("Kestrel Rovers signed three players on Friday\n"
                  "Tom Harris · a striker from Holm United · signed until the end of the season\n"
                  "Ben Lowe · a defender who spent last year in Norway · signed for two years\n"
                  "Sam Kerr · a goalkeeper released by Brough Town in May · signed for one year\n")
    cleaned = clean_text(STORY + story_rows)
    assert "Ben Lowe" in cleaned and "Brough Town" in cleaned


@pytest.mark.issue(12)
def test_issue_12_report_by_byline_and_a_long_labelled_list_go() -> None:
    page = split_page(
        "SCHOOLS WEEKLY\nNews | Inspections | Jobs\n\nKestrel primary rated good\n\n"
        "Report by Amara Lindqvist, Education Reporter\n\n" + STORY +
        "Other schools inspected this week: Holm Primary (Good) · St Anne's Catholic Primary, Brough (Outstanding)\n")
    assert "Amara Lindqvist" not in page.body
    assert "St Anne's" not in page.body and "Holm Primary" not in page.body
    assert "Ruth Okafor" in page.body


@pytest.mark.issue(12)
def test_issue_12_report_colon_headline_stays() -> None:
    page = split_page("Report: Kestrel council buys old library\n\n" + STORY)
    assert page.title == "Report: Kestrel council buys old library"


@pytest.mark.issue(12)
def test_issue_12_charity_number_in_brackets_and_classified_advert_go() -> None:
    cleaned = clean_text(STORY + "The Kestrel Board of Finance is a registered charity (No. 512345)\n\n"
                         "Deckhand wanted: 60ft trawler, Holm. Contact Brough Crew Services\n")
    assert "Board of Finance" not in cleaned and "Brough Crew Services" not in cleaned
    assert "Ruth Okafor" in cleaned
