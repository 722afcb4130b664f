"""One node per club, company and person (issue 12, session 10): a club written without the
"FC" its full name ends with, a club named after a place that the model calls an organisation
beside its prefixed name, and a short given name ("Freddie") joined to the long one, alone too. Sentences
written for the tests; real spaCy model."""

import pytest

from extraction_support import node_forms


@pytest.mark.issue(12)
def test_issue_12_a_club_without_its_fc_is_the_club():
    found = node_forms("The board of Ashford Rangers FC met on Tuesday. Ashford Rangers have won once all season, "
                       "and the chairman said Ashford Rangers would appoint a new manager.")
    assert found["Ashford Rangers FC"] == ("Organization", {"Ashford Rangers", "Ashford Rangers FC"})
    assert "Ashford Rangers" not in found


@pytest.mark.issue(12)
def test_issue_12_a_place_named_club_the_model_calls_an_organisation_is_the_club():
    found = node_forms("FC Aarau lost 2-0 at home on Saturday, and Aarau's coach said the side had not deserved to lose.")
    assert found["FC Aarau"] == ("Organization", {"Aarau", "FC Aarau"})
    # where the text says "in", the town stays a place
    found = node_forms("Fans gathered in Aarau on Saturday before FC Aarau lost 2-0 to Basel.")
    assert found["Aarau"][0] == "Location" and found["FC Aarau"][0] == "Organization"


@pytest.mark.issue(12)
def test_issue_12_a_short_given_name_joins_the_long_one_and_so_does_it_alone():
    found = node_forms("The author Freddie Marsh told MPs the new powers were a threat to liberty. Frederick Marsh, "
                       "66, said he had never seen such a law. Marsh added that he would fight it. Freddie told the "
                       "BBC he had written to the Home Secretary.")
    assert found["Frederick Marsh"] == ("Person", {"Freddie Marsh", "Frederick Marsh", "Marsh", "Freddie"})
    assert "Freddie" not in found and "Marsh" not in found
