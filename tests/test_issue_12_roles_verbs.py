"""Issue 12, relation recall for roles and verbs: each construction on the sentence (from
the gold dev articles, shortened) that used to give no relation or the wrong type. The real
model; no gold or dataset is read."""

from __future__ import annotations

import pytest

from newsgraph.extract.pipeline import extract_doc
from newsgraph.graph.model import document_id


def run(nlp, text):
    return extract_doc(nlp(text), nlp, document_id=document_id(text))


def named(doc, method=None):
    names = {e.id: e.name for e in doc.entities}
    return {(names[r.head], r.type, names[r.tail]) for r in doc.relations if method is None or r.method == method}


def titles(doc):
    names = {e.id: e.name for e in doc.entities}
    return {(names[r.head], r.title, names[r.tail]) for r in doc.relations if r.type == "HOLDS_ROLE"}


# -- national-government titles whose country the noun phrase does not name ---------------


@pytest.mark.issue(12)
def test_issue_12_minister_takes_the_country_the_sentence_names_as_actor(nlp):
    doc = run(nlp, "Thailand may lose 30bn baht in earnings from tourism over the next three months, "
                   "according to tourism minister Sontaya Kunplome.")
    assert ("Sontaya Kunplome", "Tourism Minister", "Thailand") in titles(doc)


@pytest.mark.issue(12)
def test_issue_12_minister_takes_the_articles_government_not_the_place_he_visits(nlp):
    text = ("Britain has offered to send 120 Gurkhas to Indonesia, Downing Street said. "
            "Downing Street said a similar offer might be made to Sri Lanka. "
            "International Development Minister Gareth Thomas said the offer would focus on Aceh. "
            "The offer comes as the Foreign Secretary Jack Straw arrives in Indonesia for a summit.")
    found = titles(run(nlp, text))
    assert ("Gareth Thomas", "International Development Minister", "United Kingdom") in found
    assert ("Jack Straw", "Foreign Secretary", "United Kingdom") in found
    assert not any(person == "Jack Straw" and tail == "Indonesia" for person, _, tail in found)


@pytest.mark.issue(12)
def test_issue_12_no_government_country_without_its_institutions(nlp):
    # page-19: the article talks about Morocco and the Netherlands but names neither's
    # government institutions: no guess (it guessed Morocco).
    text = ("Morocco said it would receive him. Morocco's courts will hear the case. "
            "The deportation was announced by State Secretary for Asylum Rutger Blom on Thursday.")
    assert not any(p == "Rutger Blom" for p, _, _ in titles(run(nlp, text)))


@pytest.mark.issue(12)
def test_issue_12_party_and_company_offices_are_not_national(nlp):
    text = ("Labour said the Commons would vote on Tuesday. Downing Street agreed with Britain's allies. "
            "Party general secretary Anna Smith and shadow chancellor Oliver Letwin disagreed.")
    found = titles(run(nlp, text))
    assert not any(p in {"Anna Smith", "Oliver Letwin"} and t == "United Kingdom" for p, _, t in found)


# -- a job, not a role ------------------------------------------------------------------------


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "text, person, org",
    [
        ("Priya Nair, an analyst at Carrow & Finch, said Norland would probably buy more start-ups.",
         "Priya Nair", "Carrow & Finch"),
        ("said Stephen Baker, a consumer electronics analyst with retail research firm NPD Group.",
         "Stephen Baker", "NPD Group"),
    ],
)
def test_issue_12_analyst_at_a_firm_works_for_it(nlp, text, person, org):
    found = named(run(nlp, text))
    assert (person, "WORKS_FOR", org) in found
    assert (person, "HOLDS_ROLE", org) not in found


# -- verb frames ------------------------------------------------------------------------------


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "text, expected",
    [
        # page-17: the subject is a title, the name in apposition with it
        ("The Foreign Secretary, David Lammy, accused Russia of lying.", ("David Lammy", "ACCUSED", "Russia")),
        # page-26: "took over from"
        ("Mr. Ibáñez, who took over from Gerard Nolan in October, has lost three of his last five matches.",
         ("Ibáñez", "REPLACED", "Gerard Nolan")),
        # bbc-sport-097: "discipline"
        ("Everton manager David Moyes will discipline striker James Beattie after all.",
         ("David Moyes", "SANCTIONED", "James Beattie")),
        # bbc-politics-399: "suspended"
        ("Michael Howard has suspended Slough Conservative Association for refusing to deselect its candidate.",
         ("Michael Howard", "SANCTIONED", "Slough Conservative Association")),
        # bbc-politics-307: "defected to"
        ("Robert Jackson, a Conservative MP, has defected to Labour.", ("Robert Jackson", "WORKS_FOR", "Labour Party")),
        # "held talks with": the preposition hangs from the noun
        ("Tony Blair held talks with Vladimir Putin in Moscow.", ("Tony Blair", "MET_WITH", "Vladimir Putin")),
        # bbc-sport-233: "unveil X as their new manager"
        ("Southampton Football Club will unveil Harry Redknapp as their new manager.",
         ("Southampton Football Club", "APPOINTED", "Harry Redknapp")),
        ("Labour lashed out at the Conservatives on Monday.", ("Labour Party", "CRITICIZED", "Conservative Party")),
    ],
)
def test_issue_12_verb_frames(nlp, text, expected):
    assert expected in named(run(nlp, text))


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "text, wrong",
    [
        # bbc-sport: a gold trap, kicking duties are no one's post
        ("Roland de Marigny took over the kicking duties for Italy from the hapless Orquera.",
         ("Roland de Marigny", "REPLACED", "Orquera")),
        # bbc-sport-097: Gallas misparsed as a second object of "discipline"
        ("Everton manager David Moyes will discipline striker James Beattie after all for his headbutt on "
         "Chelsea defender William Gallas.", ("David Moyes", "SANCTIONED", "William Gallas")),
        # "unveil" without "as" is no appointment
        ("Southampton Football Club will unveil Harry Redknapp at a news conference.",
         ("Southampton Football Club", "APPOINTED", "Harry Redknapp")),
    ],
)
def test_issue_12_verb_frames_that_are_not_relations(nlp, text, wrong):
    assert wrong not in named(run(nlp, text))


@pytest.mark.issue(12)
def test_issue_12_club_signs_player_reads_player_signed_with_club(nlp):
    doc = run(nlp, "Creative Artists Agency has signed Poppy Langridge.")
    found = named(doc)
    assert ("Poppy Langridge", "SIGNED_WITH", "Creative Artists Agency") in found
    assert ("Creative Artists Agency", "SIGNED_WITH", "Poppy Langridge") not in found


@pytest.mark.issue(12)
def test_issue_12_agreed_to_buy_is_a_deal_with_the_target(nlp):
    # page-24: "Norland Systems has agreed to buy Okafor Analytics for £120m"
    found = named(run(nlp, "Norland Systems has agreed to buy Okafor Analytics for 120m pounds."))
    assert ("Norland Systems", "SIGNED_WITH", "Okafor Analytics") in found
    # a wish or a plain purchase is no signed agreement
    assert not any(t == "SIGNED_WITH" for _, t, _ in named(run(nlp, "Norland Systems wants to buy Okafor Analytics.")))


@pytest.mark.issue(12)
def test_issue_12_officer_title_takes_the_company_the_sentence_names(nlp):
    # bbc-business-447
    doc = run(nlp, "According to the Financial Times, chief operating officer Peter Chernin said that News Corp is interested.")
    assert ("Peter Chernin", "Chief Operating Officer", "News Corp") in titles(doc)
    # two companies as actors: no guess
    doc = run(nlp, "Chief executive Peter Chernin said News Corp and Vivendi were talking.")
    assert not any(p == "Peter Chernin" for p, _, _ in titles(doc))


@pytest.mark.issue(12)
def test_issue_12_a_dateline_place_is_not_deported(nlp):
    # page-19: the dateline's city parsed as the passive subject of "was deported"
    text = ("THE HAGUE, Netherlands (PLI) — Karim Benali, a convicted people-smuggler, "
            "was deported to Morocco on Thursday.")
    found = named(run(nlp, text))
    assert not any(t == "DEPORTED_TO" and h != "Karim Benali" for h, t, _ in found)


UK_CONTEXT = " Downing Street said Britain would act. The Commons agreed."


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "text, expected",
    [
        # a portfolio the model took for an organisation: the office is the government's
        ("Education minister Ivan Lewis said the report showed progress." + UK_CONTEXT,
         ("Ivan Lewis", "Education Minister", "United Kingdom")),
        ("In a written statement, Constitutional Affairs Minister Christopher Leslie said the age would fall." + UK_CONTEXT,
         ("Christopher Leslie", "Constitutional Affairs Minister", "United Kingdom")),
        # page-23: the place stops the title walk short of the portfolio words
        ("Saskatchewan Agriculture Minister Daryl Harrison welcomed the deal.",
         ("Daryl Harrison", "Agriculture Minister", "Saskatchewan")),
        ("Russian Energy Minister Viktor Khristenko said so.", ("Viktor Khristenko", "Energy Minister", "Russia")),
    ],
)
def test_issue_12_portfolio_offices(nlp, text, expected):
    assert expected in titles(run(nlp, text))


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "text, person, wrong_tails",
    [
        ("Shadow Europe minister Mr Brady said Britain must keep the rebate." + UK_CONTEXT, "Brady",
         {"Europe", "United Kingdom"}),
        ("Economy and Labour Minister Wolfgang Clement called the dip mild.", "Wolfgang Clement", {"Labour Party"}),
        ("UK house prices dipped slightly in November, the Office of the Deputy Prime Minister (ODPM) has said.",
         "ODPM", {"United Kingdom"}),
    ],
)
def test_issue_12_offices_that_are_not_the_government_s(nlp, text, person, wrong_tails):
    found = titles(run(nlp, text))
    assert not any(p == person and t in wrong_tails for p, _, t in found)


@pytest.mark.issue(12)
def test_issue_12_agreeing_with_someone_is_no_signed_deal(nlp):
    found = named(run(nlp, "Downing Street and the Commons agreed with Britain."))
    assert not any(t == "SIGNED_WITH" for _, t, _ in found)


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "text, expected",
    [
        # page-24, page-23: joining or leaving an organisation's board
        ("Dr Chidi Okafor will join Norland's board when the deal closes.", ("Chidi Okafor", "WORKS_FOR", "Norland")),
        ("Robert Lavoie, 81, retired from the Lavoie Grain board in 2019.", ("Robert Lavoie", "LEFT", "Lavoie Grain")),
        # page-17: "spoke to X by phone"
        ("David Lammy spoke to Malaysia's prime minister, Anwar Ibrahim, by phone on Tuesday.",
         ("David Lammy", "CALLED", "Anwar Ibrahim")),
    ],
)
def test_issue_12_bodies_and_calls(nlp, text, expected):
    assert expected in named(run(nlp, text))


@pytest.mark.issue(12)
def test_issue_12_a_named_academy_is_not_its_owner(nlp):
    # page-11: "the club's La Masia academy" names the academy, not who owns it
    found = named(run(nlp, "Rory Dunlop joined the club's La Masia academy a year later."))
    assert not any(t == "WORKS_FOR" and tail == "La Masia" for _, t, tail in found)


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "text, wrong",
    [
        ("Sir Alex Ferguson has called on the Football Association to punish Arsenal's Thierry Henry.",
         ("Alex Ferguson", "SANCTIONED", "Thierry Henry")),
        ("UKIP chairman Petrina Holdsworth urged the men to step down from the GLA in a letter.",
         ("Petrina Holdsworth", "LEFT", "GLA")),
    ],
)
def test_issue_12_object_control_is_not_the_subject_s_act(nlp, text, wrong):
    assert wrong not in named(run(nlp, text))
