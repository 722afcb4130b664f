"""Employment a person's clause states with no title before the name (issue 12, recall of
WORKS_FOR and HOLDS_ROLE; extract/relations_employment.py): "as <job> at <organisation>",
years spent at an organisation, and an organisation appointing a person "as" a role. Written
sentences, the real spaCy model."""

from __future__ import annotations

import pytest

from extraction_support import relations, titles


def _methods(found: set[tuple[str, str, str, str]]) -> set[tuple[str, str, str, str]]:
    return {r for r in found if r[3] in {"as_role", "tenure", "appointed_as"}}


@pytest.mark.issue(12)
def test_issue_12_job_after_as_is_employment(nlp):
    found = relations(nlp, "Eero Lehtinen spent a decade as an engineer at Nokia before he left.")
    assert ("Eero Lehtinen", "WORKS_FOR", "Nokia", "as_role") in found
    found = relations(nlp, "Arthur Hailey served as a pilot with the Royal Air Force during the war.")
    assert ("Arthur Hailey", "WORKS_FOR", "Royal Air Force", "as_role") in found


@pytest.mark.issue(12)
def test_issue_12_role_after_as_is_a_title(nlp):
    text = "Maria Lopez stepped down as chairman of Microsoft in March."
    assert ("Maria Lopez", "HOLDS_ROLE", "Microsoft", "as_role") in relations(nlp, text)
    assert ("Maria Lopez", "Chairman", "Microsoft") in titles(nlp, text)


@pytest.mark.issue(12)
def test_issue_12_years_spent_at_an_organisation(nlp):
    found = relations(nlp, "Tyler Brandt, 29, spent six seasons with the Seattle Mariners and grew up in Tampa.")
    assert ("Tyler Brandt", "WORKS_FOR", "Seattle Mariners", "tenure") in found
    found = relations(nlp, "Maria Lopez, who spent a decade at Nokia, joined the board.")
    assert ("Maria Lopez", "WORKS_FOR", "Nokia", "tenure") in found


@pytest.mark.issue(12)
def test_issue_12_organisation_appoints_a_person_as_its_role(nlp):
    text = ("Varga Pharmaceuticals has appointed Ingrid Solberg, a Norwegian executive who spent 15 years at "
            "Novartis, as its chief executive.")
    found = relations(nlp, text)
    assert ("Ingrid Solberg", "HOLDS_ROLE", "Varga Pharmaceuticals", "appointed_as") in found
    assert ("Ingrid Solberg", "WORKS_FOR", "Novartis", "tenure") in found
    assert ("Ingrid Solberg", "Chief Executive", "Varga Pharmaceuticals") in titles(nlp, text)
    assert ("Johnson", "HOLDS_ROLE", "Orioles", "appointed_as") in relations(nlp, "Johnson was named Orioles manager in the off-season.")


@pytest.mark.issue(12)
def test_issue_12_no_employment_when_negated_or_refused(nlp):
    assert _methods(relations(nlp, "Maria Lopez worked as a consultant at Nokia."))
    assert _methods(relations(nlp, "The board appointed Tom Smith as chairman of Nokia."))
    assert not _methods(relations(nlp, "Maria Lopez did not work as a consultant at Nokia."))
    assert not _methods(relations(nlp, "The board refused to appoint Tom Smith as chairman of Nokia."))


@pytest.mark.issue(12)
def test_issue_12_time_spent_is_no_employment_at_a_university_or_for_days(nlp):
    assert _methods(relations(nlp, "Tom Smith spent three years at Nokia before moving to London."))
    assert not _methods(relations(nlp, "Tom Smith spent three years at Oxford University before moving to London."))
    assert not _methods(relations(nlp, "Maria Lopez spent three days at Nokia last week."))


@pytest.mark.issue(12)
def test_issue_12_no_employment_from_a_noun_that_is_no_job(nlp):
    # "as a witness for": a part in a case, no job
    assert not _methods(relations(nlp, "Maria Lopez appeared as a witness for Nokia in the trial."))
    assert not _methods(relations(nlp, "Maria Lopez served as a witness for Nokia in the trial."))
    assert _methods(relations(nlp, "Maria Lopez served as a consultant for Nokia in the trial."))


@pytest.mark.issue(12)
def test_issue_12_role_owned_by_someone_else_is_not_the_appointers(nlp):
    assert ("Tom Smith", "HOLDS_ROLE", "Nokia", "appointed_as") in relations(nlp, "Nokia appointed Tom Smith as its spokesman in May.")
    found = relations(nlp, "Nokia appointed Tom Smith as Maria Lopez's spokesman in May.")
    assert not any(h == "Tom Smith" and m == "appointed_as" for h, _, _, m in found)


@pytest.mark.issue(12)
def test_issue_12_role_a_person_became_or_took_over(nlp):
    text = "Maria Lopez, who became chairman of Microsoft in 2003, retired."
    assert ("Maria Lopez", "HOLDS_ROLE", "Microsoft", "became_role") in relations(nlp, text)
    assert ("Maria Lopez", "Chairman", "Microsoft") in titles(nlp, text)
    assert ("Maria Lopez", "HOLDS_ROLE", "Arsenal", "as_role") in relations(nlp, "Maria Lopez took over as manager of Arsenal in 1996.")
    # no job: a fan; not said to have happened
    assert not _methods(relations(nlp, "Maria Lopez became a fan of Arsenal in 1996."))
    assert not _methods(relations(nlp, "Maria Lopez did not become chairman of Microsoft."))


@pytest.mark.issue(12)
def test_issue_12_country_word_in_its_role_is_no_employer(nlp):
    # "its UK managing director": the role is the firm's ("its"), the country only its scope
    found = relations(nlp, "Sarah Whitlock spent 11 years at DHL Supply Chain, most recently as its UK managing director for retail.")
    assert ("Sarah Whitlock", "WORKS_FOR", "DHL Supply Chain", "tenure") in found
    assert not any(m == "as_role" for _, _, _, m in found)
    assert ("Callaghan", "HOLDS_ROLE", "Labour Party", "as_role") in relations(nlp, "Lord Callaghan resigned as Labour leader.")


@pytest.mark.issue(12)
def test_issue_12_plural_role_before_a_list_of_names_is_each_ones(nlp):
    found = relations(nlp, "Former Enron chief executives Ken Lay and Jeff Skilling were charged.")
    assert ("Jeff Skilling", "HOLDS_ROLE", "Enron", "shared_title") in found
    assert ("Ken Lay", "HOLDS_ROLE", "Enron", "shared_title") in found
    found = relations(nlp, "He praised Chelsea strikers Didier Drogba and Hernan Crespo on Monday.")
    assert ("Hernan Crespo", "HOLDS_ROLE", "Chelsea", "shared_title") in found


@pytest.mark.issue(12)
def test_issue_12_plural_noun_that_is_no_role_or_a_governments_is_no_shared_title(nlp):
    # rivals hold no role; a party's ministers are the government's
    assert not any(m == "shared_title" for _, _, _, m in relations(nlp, "Microsoft rivals Larry Ellison and Steve Jobs spoke."))
    assert not any(m == "shared_title" for _, _, _, m in relations(nlp, "Labour ministers Tessa Jowell and Ruth Kelly visited the school."))
