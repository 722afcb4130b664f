"""One node per real-world entity within an article (issue 12, session 15 duplicates): a body's
name written once with a plural or possessive "s" more or less than elsewhere, read by the real
spaCy model from written sentences."""

import pytest

from extraction_support import node_forms as nodes


def _forms(found: dict[str, tuple[str, set[str]]], name: str) -> set[str]:
    return found.get(name, ("", set()))[1]


@pytest.mark.issue(12)
def test_issue_12_a_long_name_written_once_without_its_plural_s_is_the_name():
    found = nodes(
        "Northwind Airlines cut 400 jobs on Monday. Northwind Airlines said fuel costs had risen by a third. "
        "A Northwind Airline spokesman said the cuts would fall on its Denver base.")
    assert "Northwind Airline" in _forms(found, "Northwind Airlines")
    assert "Northwind Airline" not in found


@pytest.mark.issue(12)
def test_issue_12_a_company_written_once_with_an_s_is_the_company():
    found = nodes(
        "Shares in Tesbury rose 4% after the supermarket chain reported strong Christmas sales. Tesbury said it "
        "would hire 2,000 staff. Analysts at Tesburys rival Asda were less upbeat.")
    assert "Tesburys" in _forms(found, "Tesbury")
    assert "Tesburys" not in found


@pytest.mark.issue(12)
def test_issue_12_a_surname_and_a_first_name_one_s_apart_stay_apart():
    found = nodes(
        "Prince William opened the new hospital wing in Leeds on Friday. The architect, Ruth Williams, showed "
        "him round. Williams said the building had taken three years.")
    assert "William" not in _forms(found, "Ruth Williams")


@pytest.mark.issue(12)
def test_issue_12_a_full_name_the_model_calls_a_body_beside_its_initial_form_is_one_person():
    found = nodes(
        "Wasps beat Leicester 24-10 on Saturday. Josh Lewsey took a short pass and ran through Fabien "
        "Pelletier's weak tackle to score.\n\nLeicester: P Elmore; C Dane, B Lieb, D Trail, J Marr; Y Delaigue, "
        "D Yates; S Bruno, N Mason, F Pelletier.")
    assert "F Pelletier" in _forms(found, "Fabien Pelletier")
    assert found["Fabien Pelletier"][0] == "Person"
    assert "F Pelletier" not in found


@pytest.mark.issue(12)
def test_issue_12_a_train_operator_short_name_is_the_operator():
    found = nodes(
        "Northern Trains will cut 40 services a day from May because of a shortage of drivers. Northern said the "
        "cuts would mostly hit evening trains. A spokesman for Northern added that fares would not rise.")
    assert "Northern" in _forms(found, "Northern Trains")
    assert "Northern" not in found
