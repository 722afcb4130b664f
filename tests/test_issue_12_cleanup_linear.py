"""Every furniture rule stays linear in a line's length (issue 12): a quadratic pattern tried
from every position of a long line hung CI once (the forward-looking-statements row, 6c0265c).
Each line here is 50,000 characters, so a pattern quadratic in it would take minutes: the test
fails by hanging, not by a timed assertion. The lines are run through the whole cleanup stage
(``clean_text`` and ``split_page``), alone, under a section label (where the rows of a box are
read), and between paragraphs of prose."""

import pytest

from newsgraph.extract.cleanup import clean_text, split_page

LENGTH = 50_000


def _line(unit: str) -> str:
    return (unit * (LENGTH // len(unit) + 1))[:LENGTH]


PATHOLOGICAL = {
    "words": _line("word "),
    "pipes": _line("| "),
    "middle dots": _line("\u00b7 "),
    "pipes without spaces": _line("|"),
    "capitalised names": _line("Alan Morris "),
    "caps surnames": _line("MORRIS \u2013 HUGHES. "),
    "spaces": "x" + " " * LENGTH + "y",
    "labels": _line("Turnout: 28.1%  "),
    "ratings": _line("\u25cf\u25cb"),
    "ratings and words": _line("Reliability: \u25cf\u25cf\u25cb "),
    "money": _line("for \u00a316.99 "),
    "files": _line("(PDF, 6.2MB) "),
    "name rows": _line("Rajiv Mehta  Chief Financial Officer  "),
    "court rows": _line("Bruno Faria, 29, of Rua Verde, "),
    "sentences": _line("It was opened by Vitor Lemos. "),
    "digits": _line("17,024,000 "),
    "label rows": _line("Born: 4 May 1941, Azeitao "),
    "labelled dots": "Friday 6 June: " + _line("Lia Mendes \u00b7 "),
    "prices between dots": _line("3 bed house \u00b7 \u00a3325,000 \u00b7 "),
    "supporters": "Supported by " + _line("the Sado Trust and "),
    "bill stage": _line("Sado Ferries (Terminals) Bill ") + ": second reading",
    "attendance": "Att: " + _line("1,"),
    "posted by": "Posted 27 May 2026 by " + _line("Clara Nunes, "),
    "lot rows": "Lot 47: " + _line("Vitor Lemos, "),
    "abbreviation keys": _line("TW = this week "),
    "abbreviation keys with commas": _line("TW = this week, "),
    "sources": _line("Source: Sado Ferries "),
    "not responsible": _line("Quay Markets is not "),
    "ticker caption": "Director/PDMR shareholdings: " + _line("Sado Ferries plc ") + "(SDF)",
    "names between dots": _line("The Sado Family Foundation \u00b7 "),
    "short names between dots": _line("Rui Sena \u00b7 "),
    "publisher line": "Show News is produced by " + _line("Quinta Events Ltd "),
    "reference rows": _line("PL/26/0412 \u00b7 "),
    "web addresses": _line("View the register at quaypost.example "),
    "lap times": "Fastest lap: " + _line("Nuno Arriaga (Sado Racing) ") + "1:12.408",
    "credit label": "Auctioneers: " + _line("Lemos & Pires, "),
    "statute": "Public notice: " + _line("Harbours and Ferry Terminals ") + "Order 2024",
    "case citation": _line("Friends of Troia v Setubal Harbour Board ") + "[2026] EWCA Civ 512",
    "advice": "This summary is not " + _line("legal "),
    "calls to action": _line("Download the ferry app | "),
    "posted by the team": "Posted by the " + _line("Quay Trust communications ") + "team on 27 May 2026",
    "minutes rows": "Present: " + _line("Cllr R Sena (Chair), "),
    "meeting caption": _line("Meeting of the Parish Council, Tuesday 3 March 2026, Village Hall, "),
    "status cells": _line("Setubal \u2013 Troia \u00b7 MV Sado \u00b7 Disrupted: 09:30 cancelled \u00b7 "),
    "wanted adverts": "Deckhand wanted: " + _line("60ft trawler, Troia. ") + "Contact Sado Crew",
    "report by": "Report by " + _line("Ines Amaral, "),
    "charity number": _line("Sado Board of Finance is a registered charity (No. "),
    "long list labels": "Other schools inspected this week: " + _line("Troia Primary (Good) \u00b7 "),
    "dated log rows": "Sat 28 Nov \u00b7 14:10 \u00b7 " + _line("Walker cut off by tide, Troia \u00b7 "),
    "numbered log rows": "No. 87 \u00b7 Sun 22 Nov \u00b7 " + _line("Sado Crag, Troia ") + "\u00b7 6 hrs",
    "initialled names": "Panel: " + _line("Dr K Osei (chair), "),
    "initialled names with and": "Assessors: " + _line("Mr G Harland and "),
    "awards rows": "Champion Ale: " + _line("Sado Porter ") + "(Troia Brewing, Setubal)",
    "awards rows without a close": "Champion Ale: Sado Porter (" + _line("Troia Brewing, "),
    "next meeting": "Next branch meeting: " + _line("The Anchor, Troia, "),
    "of the month": _line("Club of the ") + "Month (March): The Anchor",
    "timetable": "Boats leave Troia at " + _line("09.15, ") + "and 15.30",
    "enquiries": "Group booking enquiries: " + _line("Troia Pier, "),
    "printer": "Newsletter printed by " + _line("Sado Print ") + ", Setubal.",
    "registered charity": _line("Registered charity 1098877 \u00b7 "),
}

LABELS = ("", "Corrections and clarifications\n", "CAST\n", "THIS WEEK AT SETUBAL MAGISTRATES' COURT\n",
          "Competing interests\n", "Board of directors\n", "LIVE RESULT\n", "QUICK HITS\n",
          "With thanks to our lenders\n", "Born: 4 May 1941, Azeitao\nDied: 2 June 2026, Palmela\n",
          "Before: Lady Justice Quintela\nCounsel: Nuno Paiva KC\n", "OBE: Dr Ines Amaral, Palmela\nMBE: Rui Sena, Troia\n",
          "Lot details\n", "Present: Cllr R Sena\nApologies: Cllr T Lemos\n",
          "Setubal \u2013 Troia \u00b7 MV Sado \u00b7 Sailing as scheduled\nTroia \u2013 Setubal \u00b7 MV Sado \u00b7 Sailing as scheduled\n",
          "Project credits\nClient: Troia Harbour Trust\nArchitect: Lemos Studio\nStructural engineer: Sena Build\nMain contractor: Pires\n")
PROSE = "The harbour minister opened a new ferry terminal in Setubal on Monday, the port authority said.\n\n"


@pytest.mark.issue(12)
@pytest.mark.parametrize("label", LABELS)
@pytest.mark.parametrize("kind", sorted(PATHOLOGICAL))
def test_issue_12_cleanup_of_a_50000_character_line_finishes(kind: str, label: str) -> None:
    line = PATHOLOGICAL[kind]
    text = PROSE + label + line + "\n\n" + PROSE
    cleaned = clean_text(text)
    assert "ferry terminal in Setubal" in cleaned
    page = split_page(label + line + "\n\n" + PROSE)
    assert "ferry terminal in Setubal" in page.body
