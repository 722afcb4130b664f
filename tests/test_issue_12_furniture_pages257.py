"""Page furniture that carries names, by its shape (issue 12, dev pages 257-266): a paper's
corrections column and announcements box, a courts page's list, a journal's competing interests,
a newsletter's briefs (boxes of notes under a label, sentences too, up to the first blank line); a
review's fact box, cast and creative-team lists, a company's board list, a journal's affiliations
and an election page's result box (short rows under a label); desk bylines, credit lines, shop,
ticket, box-office, webcast, download, support and preferred-source lines, an election's turnout
line, rating badges and a journal's citation and provenance lines. Texts written for the test
(invented people, places and outlets); the graph is built with the real spaCy model."""

from pathlib import Path

import pytest

from newsgraph.extract.cleanup import parse_rules, split_page
from page_support import FERRY_STORY as STORY, ferry_story_kept as _kept, ingested_names

HEADLINE = "Setubal opens its new ferry terminal"

BLOCKS = {
    "corrections": (
        "Corrections and clarifications\n"
        "A report on 3 May said Joana Pires had opened the Sado marina. It was opened by Vitor Lemos.\n"
        "We misspelled the name of the Palmela Sailing Club secretary Rita Moura on 1 May.\n"
        "Readers' editor: Clara Nunes \u00b7 corrections@quaypost.example\n"
    ),
    "announcements": (
        "ANNOUNCEMENTS\nEngagements\n"
        "COSTA \u2013 REIS. The engagement is announced between Miguel, son of Mr and Mrs Paulo Costa of Azeitao, "
        "and Sofia, daughter of Mr and Mrs Luis Reis of Grandola.\n"
        "Deaths\nMATOS, Helena Maria. Peacefully on 2 May, aged 88, of Sesimbra. Funeral at Palmela Chapel on 9 May.\n"
        "To place an announcement call 0265 555 100\n"
    ),
    "court list": (
        "THIS WEEK AT SETUBAL MAGISTRATES' COURT\n"
        "Bruno Faria, 29, of Rua Verde, Azeitao: speeding, fined \u00a3200.\n"
        "Carla Dias, 41, of Quinta Lane, Palmela: theft, community order.\n"
        "Names and addresses are as given in court.\n"
    ),
    "competing interests": (
        "Competing interests\n"
        "TF has received fees from Porto Pharma and Lisbon Diagnostics. Other authors declare none.\n"
        "Provenance and peer review: commissioned; not externally peer reviewed.\n"
    ),
    "fact box": "BOOK DETAILS\nTitle: The Estuary Years\nAuthor: Marta Quintela\nPublisher: Sado & Lima\nPrice: \u00a320\n",
    "cast": "CAST\nThe Ferryman  Duarte Salvado\nThe Pilot  Ines Amaral\n\nCREATIVE TEAM\nDesign  Pedro Lacerda\n",
    "board": "Board of directors\nAna Sarmento  Chair\nRui Tavares  Chief Financial Officer\nLia Mendes  Non-Executive Director\n",
    "affiliations": "Author affiliations\n1 Harbour Institute, University of Setubal, Setubal, Portugal\n2 Sado Clinic, Palmela, Portugal\n",
    "briefs": (
        "QUICK HITS\n\u2022 Tip from @quayreader: the Arrabida Bridge closes overnight Thursday.\n"
        "\u2022 Tagus Foods is hiring 40 people for its new Sado Park store.\n"
    ),
}


@pytest.mark.issue(12)
@pytest.mark.parametrize("kind", sorted(BLOCKS))
def test_issue_12_name_carrying_boxes_under_a_label_are_dropped(kind: str) -> None:
    block = BLOCKS[kind]
    cleaned = _kept(STORY + "\n" + block + "\nThe mayor welcomed the terminal, officials said.\n")
    for line in block.splitlines():
        if line:
            assert " ".join(line.split()) not in cleaned, cleaned
    for name in ("Joana Pires", "Vitor Lemos", "Rita Moura", "Clara Nunes", "Paulo Costa", "Azeitao", "Helena Maria",
                 "Bruno Faria", "Carla Dias", "Porto Pharma", "Marta Quintela", "Duarte Salvado", "Pedro Lacerda",
                 "Rui Tavares", "Lia Mendes", "Harbour Institute", "Sado Clinic", "Arrabida Bridge", "Tagus Foods"):
        assert name not in cleaned
    assert "The mayor welcomed the terminal" in cleaned


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "line",
    [
        "Politics team",
        "Our reporter",
        "Review by Nuno Arriaga",
        "Buy The Estuary Years from the Quay Post Bookshop for \u00a316.99 (RRP \u00a318.99). Delivery charges may apply.",
        "Add Quay Post to your Google preferred sources",
        "Turnout: 31.4%  Majority: 212",
        "The Ferryman is at the Sado Theatre until 4 June. Tickets from \u00a312.",
        "Box office: 0265 555 222 \u00b7 sadotheatre.example",
        "Annual results for the year to 31 March 2026",
        "Results presentation: webcast at 09:30 BST. Register at tejoferries.example/investors",
        "Download: Annual Report 2026 (PDF, 4.1MB) \u00b7 Results presentation (PDF, 2.2MB)",
        "Local news matters. Support the Quay Post from \u00a31.",
        "Reliability: \u25cf\u25cf\u25cf\u25cb\u25cb Sometimes reliable",
        "How we rate sources: \u25cf\u25cf\u25cf\u25cf\u25cf confirmed, \u25cf\u25cb\u25cb\u25cb\u25cb rarely right.",
        "Cite this as: Quay Med 2026;12:n441",
    ],
)
def test_issue_12_name_carrying_furniture_lines_are_dropped(line: str) -> None:
    cleaned = _kept(STORY + "\n" + line + "\n\nThe mayor welcomed the terminal, officials said.\n")
    assert " ".join(line.split()) not in cleaned
    for name in ("Nuno Arriaga", "Quay Post", "Google", "Sado Theatre", "Turnout"):
        if name in line:
            assert name not in cleaned


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "text",
    [
        "Turnout was 31% in the ward, the council said on Friday.",
        "The board of directors approved the terminal on Monday, the company said.",
        "Our reporter was in the courtroom when the verdict came on Tuesday.",
        "The cast of the show met the mayor at the terminal on Monday, the theatre said.",
        "Buy-to-let landlords from Setubal paid \u00a316,000 for the flats, the agency said.",
        "Supporters can back the appeal from \u00a35 a month, the charity said on Monday.",
        "The magistrates' court in Setubal fined the operator \u00a31,200 on Monday, the port authority said.",
        "Key facts\n\nThe terminal cost \u00a340m and took three years to build, the port authority said.",
        "Corrections\n\nThe port authority corrected its timetable on Monday after complaints from passengers.",
    ],
)
def test_issue_12_story_lines_that_look_like_these_widgets_stay(text: str) -> None:
    cleaned = _kept(STORY + "\n" + text + "\n")
    assert " ".join(text.split("\n")[-1].split()) in cleaned


@pytest.mark.issue(12)
def test_issue_12_an_election_pages_result_box_is_no_part_of_the_story() -> None:
    text = (
        "Quay Today\nNews | Politics | Sport\n\n" + HEADLINE + "\n\nPolitics team\nFriday 8 May 2026, 03:12\n\n"
        "LIVE RESULT\nSado (Setubal Council) by-election\nCandidate  Party  Votes  Share\n"
        "Marco Vieira  Harbour Party  1,204  44.1%  ELECTED\nJoana Paiva  Green  310  11.4%\n"
        "Turnout: 28.1%  Majority: 312\nHP GAIN FROM GRN\n\n" + STORY
    )
    page = split_page(text)
    assert page.title == HEADLINE
    assert page.published == "2026-05-08"
    assert "Tomas Ferreira opened a new ferry terminal" in page.body
    for gone in ("Sado (Setubal Council)", "Joana Paiva", "Turnout", "GAIN", "Politics team"):
        assert gone not in page.body, page.body


@pytest.mark.issue(12)
def test_issue_12_a_sections_sentences_flag_is_checked() -> None:
    with pytest.raises(ValueError, match=r"rules.jsonl:1: 'sentences' must be a bool"):
        parse_rules(['{"rule": "drop_section", "exact": ["corrections"], "sentences": "yes", "why": "x"}'],
                    filename="rules.jsonl")


@pytest.mark.issue(12)
def test_issue_12_a_court_list_and_announcements_give_no_nodes(tmp_path: Path) -> None:
    page = tmp_path / "courts.txt"
    page.write_text(
        "Quay Post\nNews | Courts | Notices\n\n" + HEADLINE + "\n\nOur reporter\nPublished: 12 May 2026\n\n"
        + STORY + "\nTHIS WEEK AT SETUBAL MAGISTRATES' COURT\n"
        "Bruno Faria, 29, of Rua Verde, Azeitao: speeding, fined \u00a3200.\n"
        "Carla Dias, 41, of Quinta Lane, Palmela: theft, community order.\n\n"
        "ANNOUNCEMENTS\nDeaths\nMATOS, Helena Maria. Peacefully on 2 May, aged 88, of Sesimbra. "
        "Funeral at Palmela Chapel on 9 May.\n"
    )
    names = ingested_names(page)
    assert "Tomas Ferreira" in names
    for gone in ("Bruno Faria", "Carla Dias", "Rua Verde", "Azeitao", "Quinta Lane", "Helena Maria", "Sesimbra",
                 "Palmela Chapel"):
        assert gone not in names, names
