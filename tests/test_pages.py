"""Plain-text pages (a browser's "save as text" of a news site): furniture without HTML
tags, the headline as title, the page's own date, and names in the body kept (issue 12)."""

import pytest

from newsgraph.extract.cleanup import page_date, split_page
from newsgraph.extract.readers import read_text_file

PAGE = """THE NATIONAL LEDGER
Subscribe | Sign in
UK | World | Politics | Business | Opinion | Culture | Sport | Puzzles
World  Business  Markets  Sustainability  Legal  Breakingviews
Sport > Rugby

This website uses cookies. By continuing you accept our cookie policy. OK

Tory MP denies threatening whip as row over housing vote deepens

Whitlock says account of corridor confrontation is "simply untrue"

Alan Baird
Chief political writer
Tom Reed, Political Correspondent
By Maria Lopez with AP
Published 11 February 2025, 18:02 GMT

Share on Facebook | Share on X | Share by email | Copy link
Facebook  X  WhatsApp  Email  Copy link

Graham Whitlock at Portcullis House last month (PA Wire)
Photo: Iain Kerr/SNS Group
Graham Whitlock at Portcullis House last month (PA Wire)

A senior Conservative MP has denied that he threatened a party whip during a heated row over the government's housing bill.

Kenya's President William Ruto walks with Abiy Ahmed at State House in Nairobi, June 3, 2025. Atlas Wire/Brian Otieno
Purchase Licensing Rights

Reporting by Wanjiru Kamau in Nairobi; Editing by Helen Marsh
The Associated Press contributed to this report.
Comments (23)
Sign up to our Warriors newsletter for the latest team news every Friday

More from Politics
Davey sets out Lib Dem plan for care workers' pay
Reform UK names new candidate for Runcorn
"""


@pytest.mark.issue(12)
def test_issue_12_headline_not_masthead_and_furniture_gone():
    page = split_page(PAGE)
    assert page.title == "Tory MP denies threatening whip as row over housing vote deepens"
    assert page.published == "2025-02-11"
    body = page.body
    for furniture in ("LEDGER", "Subscribe", "Breakingviews", "Rugby", "cookies", "Alan Baird", "political writer",
                      "Tom Reed", "Maria Lopez", "Facebook", "PA Wire", "Iain Kerr", "Brian Otieno", "Licensing",
                      "Wanjiru Kamau", "Associated Press", "Comments", "newsletter", "Davey", "Runcorn"):
        assert furniture not in body, furniture
    # the standfirst, one copy of the caption (its credit cut) and the prose stay
    assert body.count("Graham Whitlock at Portcullis House last month") == 1
    assert 'Whitlock says account of corridor confrontation is "simply untrue"' in body
    assert "A senior Conservative MP has denied" in body
    assert "William Ruto walks with Abiy Ahmed at State House in Nairobi, June 3, 2025." in body


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published 4 March 2025", "2025-03-04"),
        ("March 4, 2025 at 9:12 a.m. ET", "2025-03-04"),
        ("Published: 09:15 GMT, 4 March 2025 | Updated: 12:31 GMT, Tue 4 Mar 2025", "2025-03-04"),
        ("15.04.2025 | 08:40 CET", "2025-04-15"),
        ("Sep 18, 2025 \u2014 10:47 am", "2025-09-18"),
        ("Last updated 18 March 2025 at 14:05", "2025-03-18"),
        ("The vote on 4 March 2025 was lost", None),  # a sentence holding a date is no stamp
        ("Updated 2 hours ago", None),
        ("31 February 2025", None),
    ],
)
def test_issue_12_page_date_lines(line, expected):
    assert page_date(line) == expected


@pytest.mark.issue(12)
def test_issue_12_a_page_without_a_date_line_is_undated(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE.replace("Published 11 February 2025, 18:02 GMT\n", ""))
    [article] = read_text_file(path)
    assert article.published is None and article.title.startswith("Tory MP denies")


@pytest.mark.issue(12)
def test_issue_12_plain_headline_first_text_is_read_as_before(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Rubio visits El Salvador\n\nMarco Rubio visited El Salvador on Monday.\n")
    [article] = read_text_file(path)
    assert (article.title, article.text, article.published) == (
        "Rubio visits El Salvador", "Marco Rubio visited El Salvador on Monday.", None)


# Furniture of other site styles, without HTML tags: a tagline above the menus, separator
# lines mixing bylines, stamps, weather and tickers, audio/size/gallery widgets, credits
# after a separator or in brackets, labelled topic lists, wire footers, summary and
# comment-policy boxes.
OTHER_STYLES = """The Prairie Current
Local news for Saskatoon, Regina and the North
Dublin 9°C  |  Wednesday, March 5, 2025  |  Sign in  |  Subscribe: €1 for your first 3 months
NEWS · BUSINESS · AGRICULTURE · SPORTS · ARTS · OPINION · OBITUARIES
LIVE: ISL 2024-25 | BFC 1-0 MBSG (FT) | KBFC vs OFC 7:30 PM | Ranji Trophy final, Day 3

Business

Family-owned Lavoie Grain sells majority stake to Northfield Agri

By Karen Dubé · The Canadian Press
Published Mar. 4, 2025 4:05 p.m. CST · Last Updated Mar. 4, 2025 6:30 p.m. CST
Special Correspondent | Bengaluru

Share this item via Email · Facebook · X · Reddit · LinkedIn
Listen to this article 4 minutes
A A A

Image 1 of 3
Michelle Lavoie at one of the company's elevators near Saskatoon in 2023. (Liam Richards/The Canadian Press)
Ramesh Gowda being welcomed at the party office in Bengaluru on Tuesday. | Photo Credit: K. Murali Kumar

SASKATOON — Lavoie Grain Co., the family-owned grain handler founded by Robert Lavoie in 1978, has agreed to sell a majority stake to Northfield Agri Inc., the companies said Tuesday.

Key points
Summarised by NewsPulse. Key points are generated automatically and may contain errors.
Was this summary helpful?  Yes  No
Get the week's political stories straight to your inbox. Sign up
Related Topics: Karnataka / Bharatiya Janata Party / Indian National Congress / Bengaluru
This report by The Canadian Press was first published March 4, 2025.
COMMENTS
Comments have to be in English, and in full sentences. They cannot be abusive or personal.
"""


@pytest.mark.issue(12)
def test_issue_12_furniture_of_other_site_styles_goes_by_kind_not_by_string():
    page = split_page(OTHER_STYLES)
    assert page.title == "Family-owned Lavoie Grain sells majority stake to Northfield Agri"
    body = page.body
    for furniture in ("Saskatoon, Regina and the North", "9°C", "Subscribe", "OBITUARIES", "ISL", "Ranji",
                      "Karen Dubé", "Canadian Press", "CST", "Special Correspondent", "Facebook", "Listen",
                      "A A A", "Image 1", "Liam Richards", "Murali", "Key points", "NewsPulse", "helpful",
                      "inbox", "Related Topics", "Bharatiya", "first published", "abusive"):
        assert furniture not in body, furniture
    assert "Michelle Lavoie at one of the company's elevators near Saskatoon in 2023." in body
    assert "Ramesh Gowda being welcomed at the party office in Bengaluru on Tuesday." in body
    assert body.startswith("Michelle Lavoie") or "Lavoie Grain Co., the family-owned grain handler" in body


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "line",
    ["Story by Dana Whitfield", "Words: Dana Whitfield", "Photograph by Jane Doe for The Bugle",
     "Dana Whitfield is a staff writer at The Capitol Tribune.", "Follow Dana Whitfield on X",
     "Contact the author: dana@example.com", "Download the app", "Have your say", "WATCH NOW",
     "VIDEO: Wales fans celebrate", "Sat 8 Mar 2025 17:45, UK", "February 24, 2025 11:58pm PT",
     "Updated: Mar 04, 2025, 21:40 IST"],
)
def test_issue_12_credit_widget_and_stamp_lines_of_other_styles_go(line):
    text = ("Site\nHome | News | Sport\n\nHeadline about the story goes here today\n\n" + line + "\n\n"
            "Lead line of the story that is long enough to count as a sentence of prose for the page.")
    page = split_page(text)
    assert line not in page.body and page.title == "Headline about the story goes here today"


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    ("line", "expected"),
    [("Sat 8 Mar 2025 17:45, UK", "2025-03-08"), ("February 24, 2025 11:58pm PT", "2025-02-24"),
     ("Updated 4 March 2025 \u2014 6:12pm AEDT", "2025-03-04"), ("Updated: Mar 04, 2025, 21:40 IST", "2025-03-04")],
)
def test_issue_12_stamps_with_zones_and_glued_times_are_dates(line, expected):
    assert page_date(line) == expected


@pytest.mark.issue(12)
def test_issue_12_the_stamp_part_of_a_source_line_dates_the_page():
    page = split_page("NewsPulse\nFor You | Top Stories | Tech\n\nNorland Systems to buy data start-up Okafor Analytics\n\n"
                      "From The Meridian Post \u00b7 Originally published 11 Feb 2025, 07:30 GMT \u00b7 Read original\n\n"
                      "Norland Systems, the Reading-based software group, has agreed to buy Okafor Analytics for a sum.")
    assert page.published == "2025-02-11" and "Meridian" not in page.body
