"""Names the gold excludes (works, products, events, competitions) made into nodes (issue 12):
a product-only noun after the name, an event noun beside it, a listed event's name the model
cut short or ran a team into, a title's colon, a model code after a maker, an event's last
word, a well-known work by name. Sentences written for the tests; real spaCy model."""

import pytest

from extraction_support import nodes


@pytest.mark.issue(12)
def test_issue_12_a_name_before_virus_is_the_virus_in_every_mention():
    found = nodes("The new variants of the Zabrix mobile phone virus use Bluetooth to jump between handsets. "
                  "The Zabrix virus only affects phones running Symbian, said Karen Moss.")
    assert "Zabrix" not in found, found
    assert found.get("Karen Moss") == {"Person"}


@pytest.mark.issue(12)
def test_issue_12_a_name_in_apposition_with_an_exhibition_is_an_event():
    found = nodes("Visitors flocked to Expotech, the annual technology exhibition, in Milan.")
    assert "Expotech" not in found, found
    assert found.get("Milan") == {"Location"}


@pytest.mark.issue(12)
def test_issue_12_a_listed_event_cut_short_by_the_model_leaves_no_fragment():
    found = nodes("The winger missed the entire 2003 Six Nations campaign while recovering from surgery in Cardiff.")
    assert "Nations" not in found, found
    assert found.get("Cardiff") == {"Location"}


@pytest.mark.issue(12)
def test_issue_12_a_product_after_its_maker_leaves_the_maker():
    found = nodes("Shoppers queued for the Nintendo DS in Tokyo. Nintendo said sales were strong.")
    assert found.get("Nintendo") == {"Organization"}, found  # "Nintendo DS" is listed; the maker stays
    found = nodes("Nokia N70 sales rose in Finland, the company said.")
    assert "Nokia N70" not in found and found.get("Nokia") == {"Organization"}, found  # a model code after the maker


@pytest.mark.issue(12)
def test_issue_12_a_colon_inside_a_name_makes_it_a_title():
    found = nodes("The crooner won best album for Swing Hits: Volume Two last year, said Tom Jones.")
    assert not any(":" in name or name.startswith("Swing Hits") for name in found), found
    assert found.get("Tom Jones") == {"Person"}


@pytest.mark.issue(12)
def test_issue_12_a_race_named_with_run_is_an_event():
    found = nodes("Paula Radcliffe will seek to defend her title at the Bupa Great North Run in Newcastle.")
    assert not any(name.endswith("Run") for name in found), found
    assert found.get("Paula Radcliffe") == {"Person"} and found.get("Newcastle") == {"Location"}


@pytest.mark.issue(12)
def test_issue_12_a_well_known_book_series_is_no_person():
    found = nodes("Fans queued at midnight to buy Harry Potter and the Goblet of Fire in Leeds.")
    assert "Harry Potter" not in found, found
    assert found.get("Leeds") == {"Location"}


@pytest.mark.issue(12)
def test_issue_12_a_sequel_read_with_its_number_makes_the_bare_name_the_work():
    found = nodes("The Xbox video game Starfall 2 went on sale in the US on Tuesday. "
                  "Starfall is considered a classic by many reviewers, said Dan Hall.")
    assert "Starfall" not in found, found
    assert found.get("United States") == {"Country"}


@pytest.mark.issue(12)
def test_issue_12_the_last_word_of_a_listed_title_is_no_organisation():
    found = nodes("Fans will get a Lord of the Rings game for Christmas, said the shop owner in Leeds.")
    assert "Rings" not in found, found
    assert found.get("Leeds") == {"Location"}


@pytest.mark.issue(12)
def test_issue_12_the_bill_named_again_is_no_person():
    found = nodes("Peers debated the Identity Cards Bill on Monday. "
                  "The Bill now returns to the Commons, where Charles Clarke hopes to pass it.")
    assert "Bill" not in found, found
    assert found.get("Charles Clarke") == {"Person"}


@pytest.mark.issue(12)
def test_issue_12_the_work_an_award_is_won_for_is_no_entity():
    found = nodes("The rapper won best rap song for Jesus Walks, while Hayao Miyazaki won an Oscar for Spirited Away.")
    assert "Jesus Walks" not in found and "Spirited Away" not in found, found
    assert found.get("Hayao Miyazaki") == {"Person"}
    found = nodes("Clive Owen was nominated for Closer, and Imelda Staunton won best actress for Vera Drake.")
    assert "Closer" not in found and "Vera Drake" not in found, found
    assert found.get("Clive Owen") == {"Person"} and found.get("Imelda Staunton") == {"Person"}


@pytest.mark.issue(12)
def test_issue_12_a_team_or_person_after_for_without_an_award_stays():
    found = nodes("Thierry Henry scored twice for Arsenal and won a penalty for France. "
                  "Clive Owen got an Oscar nomination for Closer.")
    assert found.get("Arsenal") == {"Organization"} and found.get("France") == {"Country"}, found
    assert found.get("Clive Owen") == {"Person"}


@pytest.mark.issue(12)
def test_issue_12_a_listed_technology_spelt_out_is_no_entity():
    found = nodes("Asymmetric Digital Subscriber Line technology lets copper lines carry data. "
                  "ADSL reaches most homes, said Ofcom.")
    assert "Asymmetric Digital Subscriber Line" not in found, found
    # initials alone prove nothing: MSP is listed, but these articles never write it
    found = nodes("The inmate was moved to the Maine State Prison near Warren last week, officials said.")
    assert found.get("Maine State Prison") == {"Location"}, found
    found = nodes("The Manic Street Preachers will headline the festival in Cardiff, said their manager.")
    assert found.get("Manic Street Preachers") == {"Organization"}, found


@pytest.mark.issue(12)
def test_issue_12_the_brands_a_company_lists_are_products():
    found = nodes("Electrolux's subsidiary brands include AEG, Zanussi and Frigidaire, the company said.")
    assert not {"AEG", "Zanussi", "Frigidaire"} & set(found), found
    assert found.get("Electrolux") == {"Organization"}


@pytest.mark.issue(12)
def test_issue_12_a_car_model_with_a_number_leaves_its_maker():
    found = nodes("In 1999, when BMW still owned Rover, the Oxford factory was producing the award-winning Rover 75. "
                  "Rover later moved production of the car to Longbridge.")
    assert "Rover" in found or "MG Rover" in found, found
