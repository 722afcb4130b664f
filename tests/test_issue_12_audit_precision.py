"""Error classes found by hand-judging the default view on unlabelled BBC articles (issue 12,
precision audit, benchmarks/README.md): each test is a sentence written for the test in the
shape of one class, with the real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import relations, titles, typed
from newsgraph.extract.pipeline import extract_doc
from newsgraph.graph.model import document_id


@pytest.mark.issue(12)
def test_issue_12_title_loses_the_preposition_before_its_organisation(nlp):
    # "Chief Economist At", "Spokesman for": the organisation is the tail, not the title's end.
    found = titles(nlp, '"Rates will rise," said Helen Marsh, chief economist at Barclays.')
    assert ("Helen Marsh", "Chief Economist", "Barclays") in found
    found = titles(nlp, "Dr Peter Gray, the Conservative spokesman for the Cabinet Office, said the files were lost.")
    assert all(not title.lower().endswith((" for", " at")) for _, title, _ in found if title)


@pytest.mark.issue(12)
def test_issue_12_apposition_role_is_the_head_noun(nlp):
    # "a friend of the Tory leader", "one of Scotland's biggest brewers": the role word sits
    # deeper in the phrase; the named person or firm holds no role.
    found = typed(relations(nlp, "Ms Walsh, a close friend of the Tory leader, said she was surprised."))
    assert not any(t == "HOLDS_ROLE" for _, t, _ in found)
    found = typed(relations(nlp, "Last year Diageo tried to buy Tennent, one of Scotland's premier brewing firms, but failed."))
    assert not any(t == "HOLDS_ROLE" for _, t, _ in found)
    # The role noun itself keeps the apposition.
    found = typed(relations(nlp, '"Prices are too high," said Anna Berg, an analyst at Nomura.'))
    assert ("Anna Berg", "WORKS_FOR", "Nomura") in found


@pytest.mark.issue(12)
def test_issue_12_apposition_name_that_modifies_another_noun_is_no_affiliation(nlp):
    # The place or product names a common noun ("the Ohio-based bank", "the Commons health
    # committee", "the first iPod player"), not where the role is held.
    found = typed(relations(nlp, '"We acted lawfully," Mary Cole, a spokeswoman for the Ohio-based bank, told reporters.'))
    assert not any(t == "HOLDS_ROLE" and x == "Ohio" for _, t, x in found)
    found = typed(relations(nlp, '"It is a disgrace," said the chairman of the Commons health select committee, Labour MP David Hinton.'))
    assert ("David Hinton", "HOLDS_ROLE", "House of Commons") not in found
    assert ("David Hinton", "HOLDS_ROLE", "Commons") not in found


@pytest.mark.issue(12)
def test_issue_12_country_word_opening_an_untagged_firm_name_is_no_affiliation(nlp):
    # "UK Online general manager": the firm UK Online, not the United Kingdom.
    found = typed(relations(nlp, '"It is a big leap forward," said Chris Holt, UK Online general manager.'))
    assert not any(x == "United Kingdom" for _, t, x in found if t == "HOLDS_ROLE")


@pytest.mark.issue(12)
def test_issue_12_city_state_needs_a_country_or_region(nlp):
    # A list of cities or of players is no containment; "Folsom, California" and
    # "Munich, Germany" are.
    found = typed(relations(nlp, "The service starts in areas such as Leeds, Bristol, Glasgow and Cambridge."))
    assert not any(t == "LOCATED_IN" for _, t, _ in found)
    found = typed(relations(nlp, "Daniel Sullivan was arrested in Folsom, California, on Monday."))
    assert ("Folsom", "LOCATED_IN", "California") in found
    found = typed(relations(nlp, "Guitarist Nick McCarthy moved from Munich, Germany, to the city."))
    assert ("Munich", "LOCATED_IN", "Germany") in found


@pytest.mark.issue(12)
def test_issue_12_predicated_likeness_is_no_home(nlp):
    # "Europe's Enron": what a firm is seen as, a metaphor; "Russia's OAO Mobile Telesystems"
    # stays a home.
    found = typed(relations(nlp, "At the time of the scandal, Parmalat was seen by many as Europe's Enron."))
    assert ("Enron", "BASED_IN", "Europe") not in found
    found = typed(relations(nlp, "Sales of stakes in firms including Russia's OAO Mobile Telesystems raised 1bn euros."))
    assert ("OAO Mobile Telesystems", "BASED_IN", "Russia") in found


@pytest.mark.issue(12)
def test_issue_12_conjoined_subjects_signing_up_did_not_sign_with_each_other(nlp):
    found = typed(relations(nlp, "Hollywood actors Samuel L Jackson and Ben Stiller have signed up for a new sitcom."))
    assert not any(t == "SIGNED_WITH" for _, t, _ in found)
    found = typed(relations(nlp, "Argentine President Nestor Kirchner and Venezuelan President Hugo Chavez signed the deal on Tuesday."))
    assert ("Nestor Kirchner", "SIGNED_WITH", "Hugo Chavez") in found


@pytest.mark.issue(12)
def test_issue_12_hearsay_passive_is_hedged(nlp):
    # "is reported to have held talks", "is said to have met": what others say, not a fact.
    found = typed(relations(nlp, "Tony Blair is said to have met George Bush in secret."))
    assert not any(t == "MET_WITH" for _, t, _ in found)
    found = typed(relations(nlp, "Tony Blair met George Bush in Washington."))
    assert ("Tony Blair", "MET_WITH", "George Bush") in found


# Second sample (seed 3102): classes found after the first round of fixes.


@pytest.mark.issue(12)
def test_issue_12_honorific_before_the_name_is_no_part_of_the_title(nlp):
    found = titles(nlp, "Leeds United manager Sir Bobby Robson said the task would not be easier.")
    assert ("Bobby Robson", "Manager", "Leeds United") in found
    found = titles(nlp, "Bristol mayor Mr Hartley says he is standing by his remarks.")
    assert all("Mr" not in (title or "") for _, title, _ in found)


@pytest.mark.issue(12)
def test_issue_12_role_then_lowercase_description_is_the_role_alone(nlp):
    # "news editor of trade weekly Screen International": "of trade weekly" describes the
    # organisation; "minister for women" is a portfolio and stays.
    found = titles(nlp, '"I liked the film more," said Tom Hale, news editor of trade weekly Screen International.')
    assert any(title == "News Editor" for _, title, _ in found)


@pytest.mark.issue(12)
def test_issue_12_place_opening_the_next_clause_is_no_container(nlp):
    found = typed(relations(nlp, "After Saturday's superb display in the draw in Paris, Ireland face the Faroe Islands in Dublin on Wednesday."))
    assert not any(t == "LOCATED_IN" and h == "Paris" for h, t, _ in found)
    found = typed(relations(nlp, "Henin-Hardenne was speaking after a loss in Charleroi, Belgium, on Sunday."))
    assert ("Charleroi", "LOCATED_IN", "Belgium") in found


@pytest.mark.issue(12)
def test_issue_12_possessive_before_a_plural_role_noun_is_the_role_holders(nlp):
    # "one of Britain's EU commissioners": Britain's commissioners, not the EU's home.
    found = typed(relations(nlp, "Lord Kinnock was until recently one of Britain's EU commissioners."))
    assert not any(t == "BASED_IN" for _, t, _ in found)


@pytest.mark.issue(12)
def test_issue_12_results_list_in_brackets_is_no_apposition(nlp):
    found = typed(relations(nlp, "Fiji (3), Australia (6), Canada, Portugal.  Argentina (4), South Africa (5), Kenya, Tunisia, Russia."))
    assert not any(t == "BASED_IN" for _, t, _ in found)
    found = typed(relations(nlp, "Sun Hung Kai Properties, a Hong Kong construction firm, reported higher profits."))
    assert ("Sun Hung Kai Properties", "BASED_IN", "Hong Kong") in found


@pytest.mark.issue(12)
def test_issue_12_person_of_a_country_is_from_it_not_living_there(nlp):
    found = relations(nlp, "The quarter final pits wild card Sania Mirza of India against Jelena Jankovic on Tuesday.")
    assert ("Sania Mirza", "FROM", "India", "attachment") in found
    assert not any(t == "LIVES_IN" and m.startswith("attachment") for _, t, _, m in found)
    found = typed(relations(nlp, "The lawsuit was filed against Mark Trotter of California on Monday."))
    assert ("Mark Trotter", "LIVES_IN", "California") in found


# Third sample (seed 3103, the fresh "after" sample): classes fixed after it was judged.


@pytest.mark.issue(12)
def test_issue_12_named_player_of_the_year_is_an_award_not_an_appointment(nlp):
    found = typed(relations(nlp, "Tim Henman was named player of the year for 2004 by the Lawn Tennis Association on Monday."))
    assert not any(t == "APPOINTED" for _, t, _ in found)


@pytest.mark.issue(12)
def test_issue_12_two_joined_roles_keep_the_one_the_affiliation_names(nlp):
    found = titles(nlp, "Veteran Labour MP and former Cabinet minister Jack Cunningham has said he will stand down.")
    assert ("Jack Cunningham", "MP", "Labour Party") in found


@pytest.mark.issue(12)
def test_issue_12_semicolon_line_up_is_no_city_state(nlp):
    found = relations(nlp, "Saracens: Bartholomeusz; Castaignede, Sorrell, Harris, Vaikona; Jackson, Bracken; Yates, Ibanez, Visagie.")
    assert not any(m == "city_state" for _, _, _, m in found)


@pytest.mark.issue(12)
def test_issue_12_place_of_an_event_or_a_meeting_is_no_base(nlp):
    # Sample 4: "at the ... Conference in San Francisco" is where an event is held, "a
    # meeting of the Commission for Africa in Cape Town" where the meeting is; neither is a
    # base (data/gatherings.json).
    found = relations(nlp, "The new design will be shown next month at the European Battery Technology Summit in Lisbon.")
    assert not any(t == "BASED_IN" and m.startswith("attachment") for _, t, _, m in found)
    found = relations(nlp, "The minister flew out on Monday to chair a meeting of the Pacific Fisheries Council in Auckland.")
    assert not any(t == "BASED_IN" and m.startswith("attachment") for _, t, _, m in found)
    # An organisation in a place is still based there.
    found = relations(nlp, "Shares in the Orion Shipping Company in Piraeus rose sharply on Tuesday.")
    assert ("Orion Shipping Company", "BASED_IN", "Piraeus", "attachment_in") in found  # a bare "in": its own method


@pytest.mark.issue(12)
def test_issue_12_lowercase_preposition_ends_a_leading_title(nlp):
    # Sample 4: "head of the OMB under President Clinton" gave Clinton the title "Under
    # President" toward the OMB; "under" heads a phrase there, and ends the title.
    found = titles(nlp, "Ms Ortiz, director of the National Water Board under President Alvarez, resigned on Monday.")
    assert not any(person == "Alvarez" and (title or "").lower().startswith("under") for person, title, _ in found)
    assert not any(person == "Alvarez" and tail == "National Water Board" for person, _, tail in found)


@pytest.mark.issue(12)
def test_issue_12_company_role_toward_a_name_typed_place_is_dropped(nlp):
    # Sample 5: "global security manager for Capgemini", "a research director at analyst
    # Gartner" with the firm typed Location: no place has a manager or a research director,
    # so the edge would be wrong at its tail (data/staff_titles.json company_only).
    # (Capgemini, which the model calls a place, is now no place: one unknown word the
    # article never uses as a place is an organisation (place_evidence.py); the role toward
    # it is then right, and it must never hang from a Location.)
    text = '"We expect more attacks," Lucy Hart, chief security manager for Capgemini, told reporters.'
    doc = extract_doc(nlp(text), nlp, document_id=document_id(text), cooccurrence=False)
    types = {e.name: e.type for e in doc.entities}
    assert types.get("Capgemini") != "Location", types
    assert all(types[tail] == "Organization" for _, _, tail in titles(nlp, text) if tail == "Capgemini"), types
    # (Gartner, which the model calls a person, is now read as the firm the apposed role is
    # at (context.py, issue 12 recall): the role toward it is right, the node no place.)
    text = '"Demand is strong," said Paul Dwyer, a research director at analyst Gartner.'
    doc = extract_doc(nlp(text), nlp, document_id=document_id(text), cooccurrence=False)
    types = {e.name: e.type for e in doc.entities}
    assert all(types[tail] == "Organization" for _, _, tail in titles(nlp, text) if tail == "Gartner"), types
    # A place's own office toward a place stays.
    found = titles(nlp, '"Crime is falling," said Miami Beach police spokesman Bobby Hernandez.')
    assert ("Bobby Hernandez", "Police Spokesman", "Miami Beach") in found


@pytest.mark.issue(12)
def test_issue_12_race_or_name_before_an_event_noun_is_no_base(nlp):
    # Sample 5: "the BUPA Great Caledonian Run in Edinburgh" (attachment) and "Hong Kong's
    # Champions Challenge event" (possessive_place) are where an event is held, not a base
    # (data/gatherings.json, relation_base.is_gathering).
    found = relations(nlp, "Kenenisa Bekele will run in the Nike Great Ireland Run in Dublin next month.")
    assert not any(t == "BASED_IN" and m.startswith("attachment") for _, t, _, m in found), found
    found = relations(nlp, "Elena Dementieva beat Venus Williams 6-3 6-2 to win Hong Kong's Champions Challenge event.")
    assert not any(t == "BASED_IN" and m == "possessive_place" for _, t, _, m in found), found


@pytest.mark.issue(12)
def test_issue_12_name_right_before_a_conjoined_verb_is_its_subject(nlp):
    # Sample 5: "Mefin Davies plays at hooker, ... and lock Rob Sidoli replaces veteran Gareth
    # Llewellyn": the parser hung Sidoli on "lock" and gave "replaces" the first clause's
    # subject; a name right before a finite verb is that verb's subject.
    found = typed(relations(nlp, "In the pack, Ross Ford plays at hooker, flanker Ally Hogg is fit to start "
                                 "and lock Jim Hamilton replaces veteran Scott Murray."))
    assert ("Ross Ford", "REPLACED", "Scott Murray") not in found
    # A conjoined verb with no name before it still shares the subject.
    found = typed(relations(nlp, "Joe Smith played well and replaced Tom Brown in the second half."))
    assert ("Joe Smith", "REPLACED", "Tom Brown") in found


@pytest.mark.issue(12)
def test_issue_12_bracketed_acronym_is_no_title_word(nlp):
    # Sample 5: "the new chair of the Internet Engineering Task Force (IETF), Brian Carpenter"
    # gave the title "Chair of IETF".
    found = titles(nlp, '"We have hardly started," the new chair of the Internet Engineering Task Force (IETF), Brian Carpenter, says.')
    assert ("Brian Carpenter", "Chair", "Internet Engineering Task Force") in found, found


@pytest.mark.issue(12)
def test_issue_12_place_that_names_the_noun_after_it_is_no_home(nlp):
    # Sample 5: "Karen Walsh, from the UK National Tremor Foundation" gave FROM United
    # Kingdom; the country names the foundation, it is not the object of "from".
    found = relations(nlp, '"We are delighted," said Karen Walsh, from the UK National Tremor Foundation.')
    assert not any(m.startswith("attachment") and x == "United Kingdom" for _, _, x, m in found), found
    found = typed(relations(nlp, "Daniel Sullivan, 30, of Boothbay, Maine, was charged."))
    assert ("Daniel Sullivan", "LIVES_IN", "Boothbay") in found


@pytest.mark.issue(12)
def test_issue_12_role_in_a_unit_names_the_unit(nlp):
    # Sample 5: "head of the International Cricket Council's anti-corruption unit" is no head
    # of the ICC; the gold's "head of Telekom Austria's fixed line division" keeps the unit.
    found = titles(nlp, "\"It is derisory,\" said Peter Hall, director of Microsoft's research division.")
    assert ("Peter Hall", "Director of Research Division", "Microsoft") in found, found
    found = titles(nlp, '"It is a shame," said Ann Cole, leader of the Labour group on Newham Council.')
    assert ("Ann Cole", "Leader", "Labour Party") in found, found


@pytest.mark.issue(12)
def test_issue_12_title_keeps_its_function_and_drops_what_the_firm_is(nlp):
    # Sample 6: "head of distribution for Newmarket Films" was "Head" of the firm (it is no
    # head of the firm); "spokesman for anti-virus firm Sophos" gave "Spokesman for Anti Virus
    # Firm" (what the firm is, read as title words).
    found = titles(nlp, '"We had higher hopes," said Rob Kaplan, head of distribution for Seaview Films, which released it.')
    assert ("Rob Kaplan", "Head of Distribution", "Seaview Films") in found, found
    found = titles(nlp, '"Staff may think it is a game," said Tom Pryce, spokesman for anti-virus firm Sophos.')
    assert ("Tom Pryce", "Spokesman", "Sophos") in found, found
    # An article after the preposition still marks a description, not a function.
    found = titles(nlp, '"Fiscal policy will relax," Glenn Hart, chief economist for the region at Societe Generale, told AFP.')
    assert ("Glenn Hart", "Chief Economist", "Societe Generale") in found, found


@pytest.mark.issue(12)
def test_issue_12_place_ending_a_longer_name_is_no_affiliation(nlp):
    # Sample 6: "Royal Bank of Scotland chief executive Fred Goodwin" (the bank's name cut at
    # "of") gave HOLDS_ROLE toward Scotland.
    found = titles(nlp, "Previous winners include Royal Bank of Scotland chief executive Fred Goodwin and Vodafone boss Chris Gent.")
    assert not any(tail == "Scotland" for _, _, tail in found), found
    assert ("Chris Gent", "Boss", "Vodafone") in found
    # A state's formal name is the country's: "Republic of Ireland manager".
    found = titles(nlp, "Republic of Ireland manager Brian Kerr admitted he was frustrated.")
    assert ("Brian Kerr", "Manager", "Ireland") in found, found
