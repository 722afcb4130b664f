"""Page furniture removed by its shape, with no site's words in the rules (issue 12): a
list of links under any short header once the story has begun, link and call-to-action
lines ending in an arrow, two-level breadcrumbs, ticker lines under a label in capitals,
gallery counters, credit and disclaimer lines, newsroom contact lines, postal addresses,
registration footers, newsletter chrome, and headlines that are not taglines or tickers.
Texts written for the test; the graph is built with the real spaCy model."""

import pytest

from newsgraph.extract.cleanup import clean_text, split_page
from page_support import ingested_names

STORY = (
    "Harbour minister Tomas Ferreira opened a new ferry terminal in Setubal on Monday, the port authority said.\n\n"
    "The terminal will handle ten sailings a day to the islands and employ about 200 people from next spring.\n"
)


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "block",
    [
        "Around the region\nFloods close coastal road near Sines\nMayor Rita Lobo unveils new tram map\nCyclists return to the bridge",
        "WHAT WE'RE READING\nOlympic champion Nuno Sal retires at 34\nWhy the sardine season came early",
        "Podcasts\nThe Morning Tide with Ana Brito\nHarbour Talk with Jorge Mota",
        "Careers\nSenior port engineer — Lusoport — Lisbon\nCustoms officer — Atlantic Freight — Porto",
        "In this edition:\n• Ferry terminal opens in Setubal today\n• Fuel prices rise again across the region",
    ],
)
def test_issue_12_a_list_of_links_under_any_header_is_dropped(block: str) -> None:
    text = STORY + "\n" + block + "\n"
    cleaned = clean_text(text)
    for line in block.split("\n"):
        assert line.lstrip("• ") not in cleaned, line
    assert "Tomas Ferreira opened a new ferry terminal" in cleaned


@pytest.mark.issue(12)
def test_issue_12_a_subheading_over_paragraphs_and_a_team_sheet_stay() -> None:
    text = (
        STORY
        + "\nThe vote\n\nCouncillors approved the plan by nine votes to four after a long debate.\n\n"
        + "Teams\nSetubal: R Costa; P Dias, L Neves, J Reis\nFaro: A Lima; B Rocha, C Pires, D Sousa\n"
    )
    cleaned = clean_text(text)
    assert "The vote" in cleaned and "Councillors approved the plan" in cleaned
    assert "Setubal: R Costa; P Dias, L Neves, J Reis" in cleaned  # commas carry the story's people


@pytest.mark.issue(12)
def test_issue_12_a_storys_own_lists_of_names_stay() -> None:
    # a feed keeps blank lines between a list's lines; a list of short names or fixtures
    # is the story's, not links to other stories
    nominees = "Best actress\n\nMarta Sousa for The Quiet Harbour (Lusofilmes, RTP1)\n\nAna Brito for Tides of Home (SIC)\n"
    fixtures = "Fifth round draw\nSetubal v Faro\nBenfica v Braga or Porto\nSporting v Maritimo\n"
    cleaned = clean_text(STORY + "\n" + nominees + "\n" + fixtures)
    assert "Marta Sousa for The Quiet Harbour" in cleaned and "Ana Brito for Tides of Home" in cleaned
    assert "Benfica v Braga or Porto" in cleaned


@pytest.mark.issue(12)
def test_issue_12_lists_before_the_story_are_left_to_the_headline_rule() -> None:
    # the head of a page (section label, headline, writer, date) has the shape of a list
    page = "Business\n\nFerry terminal opens in Setubal as islands get daily sailings\nMarta Sousa\n12 May 2025\n\n" + STORY
    result = split_page(page)
    assert result.title == "Ferry terminal opens in Setubal as islands get daily sailings"
    assert "Tomas Ferreira" in result.body


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "line",
    [
        "See all port stories \u203a",
        "Explore the full timeline \u00bb",
        "Setubal ferries get new timetable. Read the guide \u2192",
        "Business \u203a Shipping",
        "BREAKING \u25b8 Dock strike called off at Leixoes",
        "LATEST: Storm warning for the Azores",
        "Tap to see the full image",
        "Author: Marta Sousa (LPA)",
        "Editor: Rui Tavares",
        "ab/ cd/ ef/",
        "The opinions expressed in this column are the writer's own. The views expressed here do not necessarily reflect ours.",
        "This article was translated from Portuguese with a machine translation tool.",
        "Have a tip? Email the newsdesk at tips@harbourpost.example or call us on 0800 123 4567.",
        "Harbour Post Media, 12 Quay Street, Bristol, BS1 4QA",
        "Harbour Post Media, 400 Main St, Portland, ME 04101",
        "Harbour Post is published by Quayside Media Ltd. Registered in England and Wales, company number 01234567.",
        "Cite this article: Sousa M. (2025) Ferry terminal opens. Port J 3(2).",
        "Competing interests: none declared.",
        "Forwarded this newsletter? Subscribe for free.",
        "You're receiving this because you subscribed at harbourpost.example.",
        "Good morning. Today: ferries, fuel and the fishing quota.",
        "That's all for today. See you tomorrow.",
        "\u23f1 4 min read",
    ],
)
def test_issue_12_furniture_shapes_without_site_words_are_dropped(line: str) -> None:
    text = STORY + "\n" + line + "\n\nThe first sailing leaves at six in the morning, officials said.\n"
    cleaned = clean_text(text)
    assert line not in cleaned and line.split()[-1] not in cleaned.replace("officials said.", "")
    assert "Tomas Ferreira" in cleaned and "The first sailing leaves" in cleaned


@pytest.mark.issue(12)
def test_issue_12_a_gallery_counter_leaves_its_caption() -> None:
    cleaned = clean_text("[Photo 2/5] Tomas Ferreira cuts the ribbon at the Setubal terminal on Monday.\n\n" + STORY)
    assert "[Photo" not in cleaned
    assert "Tomas Ferreira cuts the ribbon at the Setubal terminal on Monday." in cleaned


@pytest.mark.issue(12)
def test_issue_12_an_image_courtesy_credit_leaves_its_caption() -> None:
    cleaned = clean_text("Tomas Ferreira at the new terminal. Image courtesy of Lusoport\n\n" + STORY)
    assert "Lusoport" not in cleaned and "Tomas Ferreira at the new terminal." in cleaned


@pytest.mark.issue(12)
def test_issue_12_a_more_link_closes_a_list_of_links() -> None:
    page = (
        "Top stories\nDock strike called off at Leixoes\nLisbon Post \u00b7 2 hours ago\nSee more top stories \u203a\n\n"
        "Ferry terminal opens in Setubal as islands get daily sailings\n\n" + STORY
    )
    assert split_page(page).title == "Ferry terminal opens in Setubal as islands get daily sailings"


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "head",
    [
        "THE HARBOUR BRIEF\nYour weekly shipping news \u00b7 Monday, May 12, 2025",
        "LIVE  LIS 2-1 POR (78')  \u2022  BEN 0-0 SCP  \u2022  BRA 1-3 GUI\n",
        "In this edition:\n\u2022 Terminal opens in Setubal today",
    ],
)
def test_issue_12_taglines_tickers_and_bullets_are_no_headline(head: str) -> None:
    page = head + "\n\nFerry terminal opens in Setubal as islands get daily sailings\n\n" + STORY
    assert split_page(page).title == "Ferry terminal opens in Setubal as islands get daily sailings"


@pytest.mark.issue(12)
def test_issue_12_a_role_line_with_a_place_goes_with_the_writer() -> None:
    page = (
        "Ferry terminal opens in Setubal as islands get daily sailings\n\nMarta Sousa\nShipping correspondent in Lisbon\n\n"
        + STORY
    )
    assert "correspondent" not in split_page(page).body


@pytest.mark.issue(12)
def test_issue_12_names_in_a_trailing_list_make_no_nodes(tmp_path) -> None:
    page = tmp_path / "ferry.txt"
    page.write_text(
        "Ferry terminal opens in Setubal as islands get daily sailings\n\n" + STORY
        + "\nMost listened\nThe Morning Tide with Ana Brito\nWeekend Harbour with Jorge Mota\n",
        encoding="utf-8",
    )
    found = ingested_names(page)
    assert "Tomas Ferreira" in found
    assert not found & {"Ana Brito", "Jorge Mota", "Morning Tide"}


@pytest.mark.issue(12)
@pytest.mark.parametrize("line", ["12 replies", "1.2K shares", "345 views", "42 Comments \u25be", "Share 1.2k", "12 min listen"])
def test_issue_12_lines_of_counters_are_dropped(line: str) -> None:
    cleaned = clean_text(STORY + "\n" + line + "\n")
    assert line not in cleaned and "Tomas Ferreira" in cleaned


@pytest.mark.issue(12)
def test_issue_12_any_most_header_heads_a_ranking_list() -> None:
    text = STORY + "\nMost Recent\nFerry fares to rise in June\nNew lighthouse keeper named for Berlengas\n"
    cleaned = clean_text(text)
    assert "Most Recent" not in cleaned and "lighthouse keeper" not in cleaned


@pytest.mark.issue(12)
def test_issue_12_a_short_line_repeated_at_head_and_foot_is_furniture() -> None:
    page = (
        "\u2630 Harbour Post \U0001f50d\nNews   Ports   Setubal   Lisbon   Sport\n\n"
        "Ferry terminal opens in Setubal as islands get daily sailings\n\n" + STORY
        + "\nWinners meet in final match\n\nA second paragraph says the ferries will run all year.\n\n"
        + "Winners meet in final match\n\n\u2630 Harbour Post \U0001f50d\nNews   Ports   Setubal   Lisbon   Sport\n"
    )
    body = split_page(page).body
    assert "Harbour Post" not in body and "Ports" not in body
    assert "Winners meet in final match" in body  # a story's own line in lower case stays
