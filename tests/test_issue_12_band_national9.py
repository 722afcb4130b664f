"""Wrong edges of the 0.8-0.9 band and of the national-title methods found on unseen page
styles and Reuters news (issue 12, session 9 band audit: /tmp pool, judged by LABELLING.md).
Each class of fix with sentences written for these tests, with the real spaCy model.

- A portfolio list in a minister's title ("Public Service, Labour and Social Welfare
  Minister") names the office, not the party: "Labour" there must not make the article a
  report on Britain's government and the minister Britain's.
- "The Vancouver-based firm Wu founded": the organisation noun after the participle says
  what is based there, so the person named after it does not live there.
- "- The Geneva-based ...": a capital "The" after a bullet opens the line; it is no word of
  the place's name (a place "The Geneva" was the edge's tail).
"""

from __future__ import annotations

import pytest

from extraction_support import entity_types, relations, ruled, titles, typed

ZIMBABWE = ("The Zimbabwean government fired striking workers. Public Service, Labour and Social "
            "Welfare Minister Grace Moyo told state radio that her ministry was hiring. The strike "
            "was a challenge to President Robert Mugabe, who has ruled since independence from Britain.")


@pytest.mark.issue(12)
def test_issue_12_portfolio_list_labour_is_no_british_government(nlp):
    assert not {t for t in titles(nlp, ZIMBABWE) if t[0] == "Grace Moyo" and t[2] == "United Kingdom"}


@pytest.mark.issue(12)
@pytest.mark.parametrize("text", [
    "Britain will spend more on schools. Labour MPs backed the plan on Tuesday. Education Secretary "
    "Ruth Hale said schools would get more money.",
    "Britain will spend more on schools. Labour and Conservative MPs backed the plan in the House of "
    "Commons on Tuesday. Education Secretary Ruth Hale said schools would get more money.",
])
def test_issue_12_party_outside_a_portfolio_list_leaves_the_minister(nlp, text):
    # "Labour and Conservative MPs": parties joined, no portfolio list before a title.
    assert ("Ruth Hale", "Education Secretary", "United Kingdom") in titles(nlp, text)


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, person, place", [
    ("Police in Shenzhen detained businessman Daniel Wu last week. The Vancouver-based firm Wu "
     "founded, Pacific Rim Logistics, said its staff had been questioned.", "Daniel Wu", "Vancouver"),
    ("Officers arrested the engineer Maria Lindqvist on Monday. The Oslo-based charity Lindqvist "
     "runs, Clean Fjords, said it would keep working.", "Maria Lindqvist", "Oslo"),
])
def test_issue_12_person_after_organisation_noun_is_not_based_there(nlp, text, person, place):
    found = ruled(nlp, text)  # the learned classifier's guesses (below 0.1 here) left out
    assert (person, "LIVES_IN", place) not in found
    assert (person, "BASED_IN", place) not in found


@pytest.mark.issue(12)
def test_issue_12_person_after_a_person_noun_still_lives_there(nlp):
    text = "London-based designer Jo Smith said the show would go ahead."
    assert ("Jo Smith", "LIVES_IN", "London", "based_prefix") in relations(nlp, text)


@pytest.mark.issue(12)
def test_issue_12_bullet_the_is_no_part_of_the_place(nlp):
    text = "- The Geneva-based World Trade Organization publishes its trade forecast."
    names = entity_types(nlp, text)
    assert "The Geneva" not in names
    assert ("World Trade Organization", "BASED_IN", "Geneva") in typed(relations(nlp, text))


@pytest.mark.issue(12)
def test_issue_12_the_inside_a_sentence_stays_the_names(nlp):
    assert entity_types(nlp, "Fans cheered as Bono, The Edge and Adam Clayton walked on stage.").get("The Edge")


@pytest.mark.issue(12)
def test_issue_12_when_a_role_began_is_no_word_of_its_title(nlp):
    text = "Jane Roe, chief operating officer of Acme Corp since 2019, said profits rose."
    found = titles(nlp, "The Greens lost a seat on Thursday. Ruth Hale, a Green Party councillor since 2021, "
                        "said the party would win it back.") | titles(nlp, text)
    assert not {t for t in found if t[1] and "Since" in t[1]}


@pytest.mark.issue(12)
def test_issue_12_unit_named_in_the_title_is_not_added_again(nlp):
    text = ("The head of the Treasury's office of debt management, Carla Mendes, said the auction "
            "had gone well.")
    found = titles(nlp, "The director of the SEC's division of market regulation, Richard Lindsey, said "
                        "Wall Street firms would need to spend about $7 million.") | titles(nlp, text)
    assert not {t for t in found if t[1] and (t[1].endswith("of Division") or t[1].endswith("of Office"))}
    assert any(t[0] == "Richard Lindsey" for t in found)


@pytest.mark.issue(12)
def test_issue_12_place_and_region_naming_a_noun_give_no_home(nlp):
    text = "Tom Reed of the Salem, Oregon police department described the driver as calm."
    found = ruled(nlp, text)
    assert not {r for r in found if r[0] == "Tom Reed" and r[1] in {"LIVES_IN", "FROM"}}


@pytest.mark.issue(12)
def test_issue_12_place_and_region_still_give_a_home(nlp):
    text = "Daniel Sullivan, 30, of Boothbay, Maine, was arrested on Friday."
    found = ruled(nlp, text)
    assert {("Daniel Sullivan", "LIVES_IN", "Boothbay"), ("Daniel Sullivan", "LIVES_IN", "Maine")} <= found


@pytest.mark.issue(12)
def test_issue_12_how_often_a_role_was_held_is_no_word_of_its_title(nlp):
    found = titles(nlp, "Kate Hale, 61, is a three-term Oregon governor who left office in 2011.")
    assert ("Kate Hale", "Governor", "Oregon") in found


@pytest.mark.issue(12)
def test_issue_12_untagged_nationality_in_the_sentence_blocks_the_articles_country(nlp):
    # The article is about the United States (its government named twice); the sentence names
    # a South African president with a nationality the model tags no mention.
    text = ("The White House said on Monday that Congress would vote on the budget. The US Senate "
            "backed it. A South African pupil wrote to an American girl about President Thabo "
            "Mbeki's visit to her school.")
    assert not {t for t in titles(nlp, text) if t[0] == "Thabo Mbeki" and t[2] == "United States"}


@pytest.mark.issue(12)
def test_issue_12_untagged_nationality_of_an_object_leaves_the_articles_country(nlp):
    text = ("The Polish government approved a new wind farm on Monday, Poland's climate ministry said. "
            "Climate Minister Ewa Nowak signed an agreement with the Danish company Vindkraft on Tuesday.")
    assert ("Ewa Nowak", "Climate Minister", "Poland") in titles(nlp, text)
