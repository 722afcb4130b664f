"""Entity types where analysts see them (issue 12, session 14): a lower-case noun for a kind
of organisation right before a name, itself described by a word before it ("supermarket group
Winn-Dixie", "gaming company Electronic Arts", "Israeli club Hapoel Bnei Sakhnin", "mobile
phone network Orange"), makes the name an organisation whatever the small model said: such
names were Person or Location nodes in 600 unlabelled Reuters and BBC articles. After a bare
determiner the noun may head a relative clause whose subject is a person ("the company Martin
Sayle founded"), so that shape is left to the other rules.

Sentences written for these tests, with the real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import entity_types, model_label


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, name", [
    ("Canadian mining group Harlow Pike cut its output forecast on Tuesday.", "Harlow Pike"),
    ("Online travel company Tripwell Deals said bookings doubled in January.", "Tripwell Deals"),
    ("The deal was agreed with Brazilian club Vila Serrana on Friday.", "Vila Serrana"),
    ("US investment bank Hollis Grant advised on the takeover.", "Hollis Grant"),
])
def test_issue_12_described_kind_noun_makes_an_organisation(nlp, text, name):
    assert model_label(nlp, text, name) == "PERSON"
    assert entity_types(nlp, text).get(name) == "Organization"

