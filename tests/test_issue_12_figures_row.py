"""A results table's row of comma-grouped figures under a short label (issue 12): the
newsletter-comment block rule of pages 109-116 takes a short capitalised line as a
commenter's name and looks up to four lines down for its '♡ 22 Reply' row. Its end pattern
repeated a group that splits a run of digits in many ways, so on a row like
'17,024,000 18,174,000 31,834,000 24,137,000' (no 'Reply') the match tried every split and
never came back: ingesting a 1996 wire story of quarterly results hung. Text written for
the test (an invented company)."""

import pytest

from newsgraph.extract.cleanup import clean_text

FIGURES = (
    "DENVER 1996-08-29\n"
    "Harrow Lane Mortgage Corporation\n"
    "Quarter ended June 30\n"
    "Unaudited\n"
    "Total revenue\n"
    "12,345,000 23,456,000 34,567,000 45,678,000\n"
    "Total expense\n"
    "6,123,000 7,234,000 18,345,000 19,456,000\n"
)


@pytest.mark.issue(12)
def test_issue_12_figures_row_is_cleaned_and_kept():
    cleaned = clean_text(FIGURES)
    assert "12,345,000 23,456,000 34,567,000 45,678,000" in cleaned
    assert "Total expense" in cleaned


@pytest.mark.issue(12)
def test_issue_12_newsletter_comment_still_dropped():
    text = ("Harbour traffic doubled after the ferry terminal opened in May, the port said.\n\n"
            "Rosa Pinto\nMay 5\nGreat news for the town.\n\u2661 22   Reply\n\n"
            "The port expects more sailings next year.\n")
    cleaned = clean_text(text)
    assert "Rosa Pinto" not in cleaned and "Great news" not in cleaned
    assert "The port expects more sailings" in cleaned
