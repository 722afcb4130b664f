"""Issue 12: what an analyst sees by default is right. Statements that are not facts,
uncertain pronouns, and confidence as a per-instance probability, each on a sentence that
used to give a wrong edge (real spaCy model)."""

from __future__ import annotations

import pytest

from newsgraph.extract.confidence import load_confidence_model
from newsgraph.extract.pipeline import extract_doc
from newsgraph.extract.statements import load_statement_cues
from newsgraph.graph.model import document_id
from newsgraph.queries.filters import DEFAULT_MIN_CONFIDENCE


def run(nlp, text):
    return extract_doc(nlp(text), nlp, document_id=document_id(text), cooccurrence=False)


def names(doc):
    by_id = {e.id: e.name for e in doc.entities}
    return {(by_id[r.head], r.type, by_id[r.tail]) for r in doc.relations}


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "text, wrong",
    [
        # reported denial: the page-03 trap
        ("Tony Blair denied accusations that he threatened Gordon Brown.", ("Tony Blair", "THREATENED", "Gordon Brown")),
        # desire + hypothetical (bbc-sport-233: "would love to succeed … if")
        ("Tony Blair said he would love to succeed Gordon Brown if the party asked him.",
         ("Tony Blair", "REPLACED", "Gordon Brown")),
        # negated desire: "does not want to sell X" was INTERACTED_WITH
        ("Bill Gates does not want to sell Microsoft.", ("Bill Gates", "INTERACTED_WITH", "Microsoft")),
        # question
        ("Did Tony Blair meet Gordon Brown?", ("Tony Blair", "MET_WITH", "Gordon Brown")),
        # condition
        ("If Tony Blair visits France, Jacques Chirac will meet him.", ("Tony Blair", "VISITED", "France")),
        # a pronoun subject: the cue sits by the pronoun, its antecedent in another sentence (page-09)
        ("Poppy Langridge was cast in the film. She says she would love to succeed Ncuti Gatwa in Doctor Who.",
         ("Poppy Langridge", "REPLACED", "Ncuti Gatwa")),
        ("Poppy Langridge was cast. Her representatives denied that she had quit the BBC.",
         ("Poppy Langridge", "LEFT", "BBC")),
        # "warned X that …" is not a threat (bbc-politics-324)
        ("Lord Goldsmith had warned Tony Blair that the use of force could be illegal.",
         ("Lord Goldsmith", "THREATENED", "Tony Blair")),
        # plain negation
        ("Tony Blair did not meet Gordon Brown on Monday.", ("Tony Blair", "MET_WITH", "Gordon Brown")),
    ],
)
def test_statements_that_are_not_facts_give_no_relation(nlp, text, wrong):
    assert wrong not in names(run(nlp, text))


@pytest.mark.issue(12)
def test_the_same_verbs_stated_as_facts_still_give_relations(nlp):
    assert ("Tony Blair", "MET_WITH", "Gordon Brown") in names(run(nlp, "Tony Blair met Gordon Brown in London."))
    assert ("Harry Redknapp", "REPLACED", "Steve Wigley") in names(
        run(nlp, "Harry Redknapp replaced Steve Wigley at Southampton.")
    )


@pytest.mark.issue(12)
def test_pronoun_links_only_when_one_person_can_be_meant(nlp):
    certain = run(nlp, "Tony Blair arrived on Monday. He met Gordon Brown later.")
    assert ("Tony Blair", "MET_WITH", "Gordon Brown") in names(certain)
    assert any(r.method == "dep_pronoun" for r in certain.relations)
    # Two people named before "he": no guess (the nearest-person guess was right 25% of the time).
    ambiguous = run(nlp, "Tony Blair spoke after John Prescott left. He met Gordon Brown later.")
    assert not any(r.method == "dep_pronoun" for r in ambiguous.relations)


@pytest.mark.issue(12)
def test_cue_words_are_data():
    cues = load_statement_cues()
    assert {"deny", "refute"} <= cues.denial and "would" in cues.modal_aux and "want" in cues.desire
    assert "if" in cues.condition_marks and "ACCUSED" in cues.reported_types_exempt


@pytest.mark.issue(12)
def test_confidence_is_a_probability_of_the_instance_not_a_constant_per_method(nlp):
    from dataclasses import replace

    from newsgraph.extract.confidence import finalise

    assert load_confidence_model() is not None
    text = "Tony Blair met Gordon Brown in London."
    doc = nlp(text)
    met = next(r for r in run(nlp, text).relations if r.type == "MET_WITH")
    assert 0.0 < met.confidence < 1.0
    mentions = ["person:tony-blair", "person:gordon-brown"]
    types = {"person:tony-blair": "Person", "person:gordon-brown": "Person"}
    alone = finalise(doc, [replace(met, confidence=0.62)], mentions, types)
    # The classifier's probability for the instance counts; a rule's hand-set prior does
    # not once the model records whose prior it reads (prior_methods, session 5), the
    # method's fitted weight says how the rule does.
    learned = [replace(met, method="learned", confidence=p) for p in (0.62, 0.9)]
    assert finalise(doc, [learned[1]], mentions, types)[0].confidence > finalise(doc, [learned[0]], mentions, types)[0].confidence
    surer = finalise(doc, [replace(met, confidence=0.9)], mentions, types)
    model = load_confidence_model()
    assert model is not None
    if model.prior_methods is None:  # a model file written before
        assert surer[0].confidence > alone[0].confidence
    else:
        assert surer[0].confidence == alone[0].confidence
    # The same fact read by a second method never lowers it (the fit keeps that weight >= 0).
    agreed = finalise(doc, [replace(met, confidence=0.62), replace(met, method="learned", confidence=0.62)], mentions, types)
    assert agreed[0].confidence >= alone[0].confidence


@pytest.mark.issue(12)
def test_catch_all_is_below_the_default(nlp):
    doc = run(nlp, "Tony Blair thanked voters and Gordon Brown praised Tony Blair, then Bill Gates bought Microsoft.")
    catch_all = [r for r in doc.relations if r.type == "INTERACTED_WITH"]
    assert catch_all and all(r.confidence < DEFAULT_MIN_CONFIDENCE for r in catch_all)


@pytest.mark.issue(12)
def test_possessive_owner_and_deal_with_give_relations(nlp):
    # gold dev misses: bbc-business-260, bbc-sport-424, page-01
    assert ("Eddie Wong", "WORKS_FOR", "ABN Amro") in names(run(nlp, "said ABN Amro's Eddie Wong."))
    assert ("Tommy Haas", "FROM", "Germany") in names(
        run(nlp, "The American top seed overcame Germany's Tommy Haas, the third seed.")
    )
    assert ("Callum Dreghorn", "SIGNED_WITH", "Glasgow Warriors") in names(
        run(nlp, "Callum Dreghorn has signed a three-year contract with Glasgow Warriors.")
    )
    # With a title between, it is a role (role_relations), not a second reading.
    titled = names(run(nlp, "Mexico's President Claudia Sheinbaum spoke."))
    assert ("Claudia Sheinbaum", "HOLDS_ROLE", "Mexico") in titled
    assert ("Claudia Sheinbaum", "FROM", "Mexico") not in titled


@pytest.mark.issue(12)
def test_title_then_of_place_is_a_role_not_a_home(nlp):
    # page-07: "President Yoweri Museveni of Uganda" was LIVES_IN (attachment)
    found = names(run(nlp, "Abiy will travel to Kampala to meet President Yoweri Museveni of Uganda, officials said."))
    assert ("Yoweri Museveni", "HOLDS_ROLE", "Uganda") in found
    assert ("Yoweri Museveni", "LIVES_IN", "Uganda") not in found


@pytest.mark.issue(12)
def test_conjoined_subjects_sign_with_each_other_once(nlp):
    # page-07: "Kenya and Ethiopia signed a $1.1 billion agreement"
    found = names(run(nlp, "Kenya and Ethiopia signed a $1.1 billion agreement on Tuesday."))
    assert ("Kenya", "SIGNED_WITH", "Ethiopia") in found and ("Ethiopia", "SIGNED_WITH", "Kenya") not in found
    assert not any(t == "SIGNED_WITH" for _, t, _ in names(run(nlp, "Kenya and Ethiopia did not sign the deal.")))


@pytest.mark.issue(12)
def test_place_before_a_title_is_not_the_subject(nlp):
    # gold dev page-05: "Colorado" was a second subject of "criticized"
    # (after a paragraph break the parser makes "Colorado" a second nsubj)
    found = names(run(nlp, "Erik Halvorsen spoke on Monday.\n\nColorado Senator Michael Bennet criticized Halvorsen "
                           "in a statement."))
    assert ("Michael Bennet", "CRITICIZED", "Erik Halvorsen") in found
    assert ("Colorado", "CRITICIZED", "Erik Halvorsen") not in found


@pytest.mark.issue(12)
def test_dateline_place_is_no_argument_of_the_verb(nlp):
    # gold dev page-19: the dateline's city was the one deported
    text = ("THE HAGUE, Netherlands (PLI) — Karim Benali, a convicted people-smuggler, "
            "was deported to Morocco on Friday.")
    found = names(run(nlp, text))
    assert not any(t == "DEPORTED_TO" and h == "THE HAGUE" for h, t, _ in found)
    assert ("THE HAGUE", "LOCATED_IN", "Netherlands") in found  # the dateline itself still reads


SPORT = ("Scotland manager Steve Clarke named his squad. Scotland will host Greece at Hampden Park on 20 March "
         "before travelling to face Belarus in Budapest three days later. The captain and the coach said the "
         "club's striker would play in the cup.")


@pytest.mark.issue(12)
def test_a_fixture_is_neither_a_meeting_nor_a_home(nlp):
    # gold dev page-11 (a trap: "Scotland will host Greece" is not MET_WITH), and the venue
    # of a match is not where the visiting team is based
    found = names(run(nlp, SPORT))
    assert not any(t in {"MET_WITH", "INTERACTED_WITH"} for _, t, _ in found)
    assert ("Greece", "BASED_IN", "Hampden Park") not in found and ("Belarus", "BASED_IN", "Budapest") not in found
    assert ("Steve Clarke", "HOLDS_ROLE", "Scotland") in found
    # Outside sport, hosting is meeting; a name's own "in <place>" is still read.
    assert ("Microsoft", "MET_WITH", "Google") in names(run(nlp, "Microsoft met Google in London on Monday."))
    assert ("Creative Artists Agency", "BASED_IN", "Los Angeles") in names(
        run(nlp, "The star has signed with Creative Artists Agency in Los Angeles."))


@pytest.mark.issue(12)
def test_an_analyst_at_a_firm_works_for_it(nlp):
    # gold dev bbc-tech-193 and page-24: an indefinite job is employment, not an office
    assert ("Stephen Baker", "WORKS_FOR", "NPD Group") in names(run(
        nlp, '"It is driven by the ability to do it," said Stephen Baker, a consumer electronics analyst '
             'with retail research firm NPD Group.'))
    nair = names(run(nlp, "Priya Nair, an analyst at Carrow & Finch, said Norland would buy more."))
    assert ("Priya Nair", "WORKS_FOR", "Carrow & Finch") in nair
    assert ("Priya Nair", "HOLDS_ROLE", "Carrow & Finch") not in nair
    assert ("Michael Cherkasky", "HOLDS_ROLE", "Marsh & McLennan") in names(
        run(nlp, "Michael Cherkasky, the chief executive of Marsh & McLennan, is trying to negotiate."))


@pytest.mark.issue(12)
def test_based_prefix_stays_in_its_noun_phrase(nlp):
    # gold dev page-22: the surgeon is Mysuru-based, not the foundation she heads
    found = names(run(nlp, "Mr. Hegde is not related to Dr. Priya Hegde, the Mysuru-based surgeon who heads the "
                           "Hegde Foundation, a charity."))
    assert ("Hegde Foundation", "BASED_IN", "Mysuru") not in found
    assert ("Carnival", "BASED_IN", "Miami") in names(run(nlp, "The Miami-based cruise operator Carnival said profits rose."))


@pytest.mark.issue(12)
def test_a_firm_in_a_country_is_not_based_there(nlp):
    # gold dev bbc-tech-041: "T-Mobile in the UK" is its UK arm; a city after "in" still reads
    tmobile = run(nlp, "Brian McBride, managing director of T-Mobile in the UK, said the trend was growing.")
    assert not [r for r in tmobile.relations if r.type == "BASED_IN" and (r.method.startswith("attachment") or r.confidence >= DEFAULT_MIN_CONFIDENCE)]
    assert ("European Court of Human Rights", "BASED_IN", "Strasbourg") in names(
        run(nlp, "Sanne de Vries said she would take the case to the European Court of Human Rights in Strasbourg."))


@pytest.mark.issue(12)
def test_an_untagged_name_competes_for_the_pronoun(nlp):
    # gold dev page-07 (a trap): "Abiy" is no entity to the model, but "he" may be him
    text = ("President William Ruto signed the deal in Nairobi. Ruto welcomed Abiy at the airport on Monday evening. "
            "He later praised the African Development Bank for moving fast.")
    assert not any(t == "PRAISED" for _, t, _ in names(run(nlp, text)))
    alone = "William Ruto arrived at the airport on Monday evening. He later praised the African Development Bank."
    assert ("William Ruto", "PRAISED", "African Development Bank") in names(run(nlp, alone))


@pytest.mark.issue(12)
def test_being_flown_somewhere_is_no_visit(nlp):
    # gold dev page-19: "He was flown to Casablanca" was VISITED
    assert not any(t == "VISITED" for _, t, _ in names(run(nlp, "Karim Benali was flown to Casablanca on a chartered plane.")))
    assert ("Karim Benali", "VISITED", "Casablanca") in names(run(nlp, "Karim Benali flew to Casablanca on Monday."))
