"""Page furniture that carries names, by its shape (issue 12, dev pages 71-78): live-blog
stamps and key-event lists, gallery counters opening a caption, an agency's initials after a
dateline's city, sponsored boxes, reporter contact lines, video lists, agency-input credits,
bylines with handles, icon link prompts, follow/advertise lines, Canadian addresses, comment
prompts and disclaimers, one-line reader polls, pull quotes with their attribution, the
masthead's self-description at the foot, a crew line that is no menu, and a "Text: Name"
credit whose writer's bio then goes. Texts written for the test (invented people and places);
the graph is built with the real spaCy model."""

import pytest

from newsgraph import KnowledgeGraph
from newsgraph.extract.cleanup import clean_text, split_page
from page_support import FERRY_STORY as STORY, ferry_story_kept as _kept, ingested_names


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "line",
    [
        "6.58pm",
        "11.15am",
        "9:02 a.m.",
        "2h ago  Ferreira and Lobo open the terminal",
        "35 mins ago  Opposition calls for a cost audit",
        "Key event",
        "Show key events only",
        "Contact reporter Ana Brito at abrito@example.com or follow her on X @AnaBritoNews.",
        "\u25b6 12:30  Sunday Panel: Is the new ferry worth the debt?",
        "(With inputs from PTI)",
        "With agency inputs",
        "Check out all the latest news from Setubal, Portugal and the world.",
        "By Ana Brito (@anabrito.bsky.social)",
        "\U0001f449 Read the port authority's report (PDF)",
        "Find us: @HarbourPost, @harbourpost.bsky.social",
        "Want to advertise? Write to ads@example.ca",
        "The Harbour Post \u00b7 1585 Barrington St, Suite 300, Halifax, NS B3J 1Z8",
        "Join the discussion. Please log in or register to comment.",
        "Load more comments",
        "Comments are the views of the individual users and not of the Harbour Post. Report a comment.",
        "Reader poll: Should the port pay for the terminal?   Yes   No   Not sure   View results",
        "Tidewater is published by Nordur Media ehf., Reykjavik.",
    ],
)
def test_issue_12_name_carrying_furniture_lines_are_dropped(line: str) -> None:
    cleaned = _kept(STORY + "\n" + line + "\n\nThe mayor welcomed the terminal, officials said.\n")
    assert " ".join(line.split()) not in cleaned
    assert "The mayor welcomed the terminal" in cleaned


@pytest.mark.issue(12)
def test_issue_12_live_blog_entries_keep_their_text_without_their_stamps() -> None:
    text = (
        "Key events\n2h ago  Ferreira opens the terminal\n4h ago  Union praises dock workers\nShow key events only\n\n"
        "From\n4.51pm\nAna Brito\n\n" + STORY + "\nKey event\n11.15am\n\n"
        "Opposition leader Rui Matos criticised the cost of the terminal, which rose to 90 million euros.\n"
    )
    cleaned = _kept(text)
    for gone in ("2h ago", "4.51pm", "11.15am", "Key event", "Show key events only"):
        assert gone not in cleaned, gone
    assert "Rui Matos criticised the cost" in cleaned


@pytest.mark.issue(12)
@pytest.mark.parametrize("counter", ["Item 1 of 2 ", "[1/2] "])
def test_issue_12_a_gallery_counter_opening_a_caption_leaves_the_caption(counter: str) -> None:
    caption = "Harbour minister Tomas Ferreira speaks at the new terminal in Setubal, Portugal, March 2, 2026."
    cleaned = _kept(STORY + "\n" + counter + caption + "\n")
    assert caption in cleaned and counter.strip() not in cleaned


@pytest.mark.issue(12)
def test_issue_12_an_agencys_initials_after_a_datelines_city_are_cut() -> None:
    cleaned = _kept("Setubal (LPA) - " + STORY)
    assert cleaned.startswith("Setubal - Harbour minister") and "LPA" not in cleaned


@pytest.mark.issue(12)
def test_issue_12_a_sponsored_box_inside_the_story_goes_and_the_story_goes_on() -> None:
    text = STORY + "\nSponsored\nSetubal homeowners are switching to this solar plan\nSunPath Energy\n\n" \
        "Ferreira said the second terminal would open in 2028, the ministry said in a statement.\n"
    cleaned = _kept(text)
    assert "SunPath" not in cleaned and "solar plan" not in cleaned
    assert "second terminal would open in 2028" in cleaned


@pytest.mark.issue(12)
def test_issue_12_a_pull_quote_and_its_attribution_go_the_quote_in_the_story_stays() -> None:
    quote = '"The sea is our road," Ferreira said. "We are only paving it."'
    text = (STORY + '\n"The sea is our road. We are only paving it."\nTomas Ferreira, minister, Port of Setubal\n\n'
            + quote + "\n")
    cleaned = _kept(text)
    assert quote in cleaned
    assert "Port of Setubal" not in cleaned and '"The sea is our road. We are' not in cleaned


@pytest.mark.issue(12)
def test_issue_12_lines_the_story_repeats_that_are_no_quotes_stay() -> None:
    # a results line repeated in the next line, and a paragraph saved twice, are not pull quotes
    results = "K Rocha (Setubal Athletic Club)."
    text = STORY + "\n" + results + "\n\nJ Lima (Porto AC), " + results[:-1] + ", P Dias (Faro AC).\n"
    assert results in _kept(text)
    said = '"We will build it," Ferreira said.'
    assert said in _kept(STORY + "\n" + said + "\n\n" + said + "\n")


@pytest.mark.issue(12)
def test_issue_12_the_mastheads_self_description_at_the_foot_goes() -> None:
    text = ("Harbour Wire\n\nFerry terminal opens in Setubal\n\n" + STORY +
            "\nHarbour Wire, the news division of Tide Media Group, is the region's largest news provider.\n")
    page = split_page(text)
    assert page.title == "Ferry terminal opens in Setubal"
    assert "Tide Media Group" not in page.body and "Tomas Ferreira opened" in page.body


@pytest.mark.issue(12)
def test_issue_12_a_story_line_opening_with_the_sites_name_stays() -> None:
    # the masthead rule reads a description, a bar or an address after the name, not a sentence
    text = "Harbour Wire\n\nFerry terminal opens in Setubal\n\n" + STORY + \
        "\nHarbour Wire could not reach the minister's office for comment on Tuesday evening.\n"
    assert "could not reach the minister's office" in split_page(text).body


@pytest.mark.issue(12)
def test_issue_12_a_video_crew_line_is_no_menu_and_the_headline_stays() -> None:
    text = (
        "LTS\nLusitania Television\nHome | Local | Business | Sport\n\n"
        "Portugal opens ferry terminal at Setubal\n\nLTS Reporter\n\n"
        "Reported by Ana Brito | Camera: Rui Matos | Edited by Joana Dias\n\n" + STORY
    )
    page = split_page(text)
    assert page.title == "Portugal opens ferry terminal at Setubal"
    assert "Camera" not in page.body and "Tomas Ferreira opened" in page.body


@pytest.mark.issue(12)
def test_issue_12_a_text_credit_names_the_writer_whose_bio_then_goes() -> None:
    text = (
        "FEATURE\n\nThe terminal at the end of the line\n\nText: Ana Brito\n\n" + STORY +
        "\nAna Brito is a journalist based in Lisbon who writes about ports. "
        "She was previously a correspondent for Radio Tejo.\n"
    )
    page = split_page(text)
    assert "Radio Tejo" not in page.body and "Tomas Ferreira opened" in page.body


@pytest.mark.issue(12)
def test_issue_12_credits_and_footers_of_the_pages_make_no_nodes(tmp_path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "Harbour Wire\n\nFerry terminal opens in Setubal\n\n" + STORY +
        "\nContact reporter Marta Quintela at mquintela@example.com or follow her on X @MartaQ.\n\n"
        "(With inputs from Lusa Press Service)\n\n"
        "Harbour Wire, the news division of Okavango Media Holdings, is the region's largest news provider.\n",
        encoding="utf-8",
    )
    found = ingested_names(page)
    assert "Tomas Ferreira" in found
    assert not found & {"Marta Quintela", "Lusa Press Service", "Okavango Media Holdings"}, found


@pytest.mark.issue(12)
def test_issue_12_a_bullet_opening_the_line_is_no_part_of_a_name() -> None:
    doc = KnowledgeGraph.extract_text("\u2022 Sobeys is hiring 40 people for its new Bayers Lake store.")
    names = {e.name for e in doc.entities}
    assert "Sobeys" in names and not any(n.startswith("\u2022") for n in names), names


@pytest.mark.issue(12)
def test_issue_12_a_newsletters_tagline_is_no_headline() -> None:
    text = (
        "The Harbour Post\nSetubal news, every weekday morning\nSign up free \u2192\n\n"
        "Issue #88 \u00b7 Wednesday, October 15, 2025\n\nBy Ana Brito (@anabrito.bsky.social)\n\n"
        "THE BIG STORY\n\nSetubal opens its new ferry terminal\n\n" + STORY
    )
    page = split_page(text)
    assert page.title == "Setubal opens its new ferry terminal"
    assert page.published == "2025-10-15"
    assert "every weekday morning" not in page.body and "Tomas Ferreira opened" in page.body
