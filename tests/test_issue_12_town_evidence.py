"""Towns the small model calls organisations (issue 12, typed precision: "Nottingham",
"Spennymoor", "Dayton" typed Organization on dev). People "from" a town ("residents from
Nuneaton"), a town's mayor ("Dayton Mayor X") are places; "phones from Nokia" still names a
firm (and Nokia, a Finnish town of 33,000, is below the gazetteer's 50,000 for this). Sentences written for these tests,
with the real spaCy model (each checks the model's ORG label first)."""

from __future__ import annotations

import pytest

from extraction_support import entity_types as entities
from extraction_support import model_label as _model_label


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, town", [
    ("A group of residents from Nuneaton said the bus route should stay.", "Nuneaton"),
    ("Voters from Swindon said the tax was unfair.", "Swindon"),
    ("The new chief executive will meet Dayton Mayor Shenise Turner-Sloss in February.", "Dayton"),
])
def test_issue_12_town_the_model_calls_a_body_is_a_place(nlp, text, town):
    assert _model_label(nlp, text, town) == "ORG"
    assert entities(nlp, text)[town] == "Location"


@pytest.mark.issue(12)
def test_issue_12_goods_from_a_firm_leave_it_a_firm(nlp):
    assert entities(nlp, "Phones from Nokia sold well in Europe.")["Nokia"] == "Organization"
