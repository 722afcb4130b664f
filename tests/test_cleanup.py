import json
import os
from pathlib import Path

import pytest

from newsgraph.extract.cleanup import (
    RULES_FILE,
    clean_text,
    find_furniture,
    load_rules,
    normalise_text,
    parse_rules,
)

REAL_PARAGRAPHS = [
    "US Secretary of State Marco Rubio visited El Salvador on Monday and met with Bukele in San Salvador.",
    "Nayib Bukele, the president of El Salvador, said the talks had gone well.",
    "By January, prices had risen by 4% in San Salvador, the central bank said.",
    "Updated figures released on Tuesday showed growth of 3% in the first quarter.",
    "Published in 2019, the report found that 60 migrants had died on the route.",
    "Photographs of the meeting were released by the State Department on Wednesday.",
    "The AP/NORC poll found support for the plan fell to 41%.",
    "Reuters reported that the two leaders spoke for more than an hour.",
    "Share prices fell 3% in Mexico City after the tariffs were announced.",
    "Close allies of Claudia Sheinbaum said she would not accept US troops.",
    "Home Secretary Yvette Cooper said the UK would support the plan.",
    "Read the full statement, officials said, and you will see no new commitments.",
    "More than 200 people were deported from the U.S. to Guatemala last week.",
    "Related talks in Panama City ended without an agreement on the canal.",
    "Advertisements for the new visa programme appeared in Mexican newspapers.",
    "The prime minister of Canada, Mark Carney, said: \u201cWe will respond.\u201d",
    "Sign-up for the programme closes in June, the State Department said.",
    "World leaders, including Rubio and Carney, gathered at the United Nations.",
]


def test_real_paragraphs_survive_intact():
    text = "\n\n".join(REAL_PARAGRAPHS)
    assert clean_text(text) == text
    assert find_furniture(text) == []


@pytest.mark.parametrize(
    "furniture",
    [
        "Share this article",
        "Share",
        "Copy link",
        "Advertisement",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "Skip to content",
        "Close",
        "Close Button",
        "\u00d7",
        "Image caption",
        "Image caption, Nayib Bukele speaks in San Salvador",
        "Image source, Getty Images",
        "Getty Images",
        "Photo: Nayib Bukele and Marco Rubio in San Salvador on Monday. /Reuters",
        "Published 3 hours ago",
        "Updated 14 March 2025, 10:32 GMT",
        "Updated",
        "5 min read",
        "By Laura M\u00e9ndez, Americas correspondent",
        "By Jane Doe and John Roe",
        "Read more: Bukele offers El Salvador's prisons to US deportees",
        "Home | World | Politics | Business | Sport",
        "Home News Sport Weather",
        "We use cookies to improve your experience. By continuing to browse, you agree to our use of cookies.",
        "Accept all",
        "Sign up for our Americas newsletter",
        "Subscribe to our newsletter for the latest news from the region.",
        "\u00a9 2025 The Meridian Post. All rights reserved.",
    ],
)
def test_furniture_line_is_dropped_between_real_paragraphs(furniture):
    text = f"{REAL_PARAGRAPHS[0]}\n\n{furniture}\n\n{REAL_PARAGRAPHS[1]}"
    assert clean_text(text) == f"{REAL_PARAGRAPHS[0]}\n\n{REAL_PARAGRAPHS[1]}"


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "caption, credit",
    [
        ("Nayib Bukele greets Marco Rubio in San Salvador.", "(AP Photo/Salvador Melendez)"),
        ("Marco Rubio arrives in Panama City.", "Photograph: Jane Doe/Reuters"),
        ("Claudia Sheinbaum at the National Palace.", "REUTERS/Henry Romero"),
        ("Mark Carney in Ottawa on Monday.", "AFP via Getty Images"),
        ("John Swinney on the quayside at Port Glasgow on Friday", "(Image: Jeff J Mitchell/Getty Images)"),
        ("President Cyril Ramaphosa welcomes his guest at the Union Buildings on Monday.", "Image: GCIS"),
        ("Arjun Menon during a training session at the academy.", "| Photo Credit: Special Arrangement"),
    ],
)
def test_a_caption_loses_its_credit_and_keeps_its_words(caption, credit):
    # Captions are text (their facts repeat the story), credits are furniture: a line that
    # a credit rule would take whole keeps the caption before the credit.
    text = f"{REAL_PARAGRAPHS[0]}\n\n{caption} {credit}\n\n{REAL_PARAGRAPHS[1]}"
    assert clean_text(text) == f"{REAL_PARAGRAPHS[0]}\n\n{caption}\n\n{REAL_PARAGRAPHS[1]}"


def test_read_more_header_drops_the_link_list_that_follows_and_nothing_else():
    text = "\n".join(
        [
            REAL_PARAGRAPHS[0],
            "",
            "Read more",
            "Carney names new trade envoy to Washington",
            "",
            "Ar\u00e9valo promises stronger border controls after Rubio visit",
            "Panama quits China's Belt and Road Initiative",
            "",
            REAL_PARAGRAPHS[1],
            "",
            "More on this story",
            "1. Sheinbaum says Mexico will not accept US troops",
            "2. Bukele hosts regional security summit",
        ]
    )
    assert clean_text(text) == f"{REAL_PARAGRAPHS[0]}\n\n{REAL_PARAGRAPHS[1]}"


def test_a_section_header_stops_at_the_first_sentence():
    text = f"Related\nWhy Panama matters\n{REAL_PARAGRAPHS[2]}"
    assert clean_text(text) == REAL_PARAGRAPHS[2]


def test_find_furniture_names_the_rule_row():
    found = find_furniture(f"{REAL_PARAGRAPHS[0]}\nCopy link\nRead more\nBukele hosts summit")
    assert [(f.line, f.text) for f in found] == [(2, "Copy link"), (3, "Read more"), (4, "Bukele hosts summit")]
    assert found[0].rule.startswith(f"{RULES_FILE}:")
    assert found[0].why == "share and follow buttons"
    assert found[1].rule == found[2].rule


def test_whitespace_and_characters_are_normalised():
    raw = (
        "\ufeffBukele\u2019s  government\u00a0said\ton Monday\r\n"
        "that it would\x07 act.\r\n\r\n\r\n\r\n"
        "Cafe\u0301 owners in San\u200b Salvador \u2010 and \u201cothers\u201d \u2014 agreed.\u2029"
        "Last line."
    )
    assert normalise_text(raw) == (
        "Bukele's government said on Monday\n"
        "that it would act.\n\n"
        "Caf\u00e9 owners in San Salvador - and \u201cothers\u201d \u2014 agreed.\n\n"
        "Last line."
    )


def test_hard_wrapped_lines_are_joined_but_headings_and_list_items_are_not():
    text = (
        "Rubio's tour of Central America\n"
        "US Secretary of State Marco Rubio met the president of\n"
        "Guatemala, Bernardo Ar\u00e9valo, on Wednesday,\n"
        "and the two agreed on deportation flights.\n"
        "They listed three goals:\n"
        "- more flights,\n"
        "- a joint task force."
    )
    assert clean_text(text) == (
        "Rubio's tour of Central America\n"
        "US Secretary of State Marco Rubio met the president of\n"
        "Guatemala, Bernardo Ar\u00e9valo, on Wednesday, and the two agreed on deportation flights.\n"
        "They listed three goals:\n"
        "- more flights,\n"
        "- a joint task force."
    )


def test_nothing_but_furniture_cleans_to_empty_string():
    assert clean_text("Share this article\n\nAdvertisement\n  \nClose Button\n") == ""


def test_packaged_rules_load_and_include_html_rules():
    rules = load_rules()
    assert {"nav", "footer", "aside", "script", "figcaption"} <= rules.html_tags
    assert {"cookie", "share", "related", "newsletter"} <= rules.html_class_words
    assert "navigation" in rules.html_roles


def test_bad_rule_rows_are_all_reported_with_file_and_line():
    rows = [
        '{"rule": "drop_line", "exact": ["copy link"], "why": "share buttons"}',
        '{"rule": "drop_line", "exact": ["x"], "why": "share", }',
        "",
        '{"rule": "drop_lines", "exact": ["x"], "why": "typo in the kind"}',
        '{"rule": "drop_line", "regex": "(unclosed", "why": "bad regex"}',
        '{"rule": "drop_line", "exact": [], "contains": ["a"], "why": "two matchers"}',
        '{"rule": "drop_section", "exact": ["related"], "max_lines": 0}',
        '["not", "an", "object"]',
    ]
    with pytest.raises(ValueError) as error:
        parse_rules(rows)
    assert str(error.value).split("\n") == [
        "boilerplate.jsonl:2: malformed JSON: Expecting property name enclosed in double quotes (column 55)",
        "boilerplate.jsonl:4: unknown rule 'drop_lines' (expected one of bilingual_line, drop_block, drop_line, drop_section, html_drop, label_rows, link_list, masthead_line, nav_line, pull_quote, repeated_line, segment_line, strip_inline, strip_tail, table_rows, widget_header)",
        "boilerplate.jsonl:5: bad regex: missing ), unterminated subpattern at position 0",
        "boilerplate.jsonl:6: 'exact' must be a non-empty list of non-empty strings",
        "boilerplate.jsonl:6: drop_line needs exactly one of exact, contains, regex",
        "boilerplate.jsonl:7: missing 'why': say what the rule removes",
        "boilerplate.jsonl:7: 'max_lines' must be a positive integer",
        "boilerplate.jsonl:8: a rule must be a JSON object, not list",
    ]


def test_load_rules_from_a_file_names_that_file(tmp_path):
    path = tmp_path / "house_rules.jsonl"
    path.write_text('{"rule": "drop_line", "exact": ["Meridian Post"], "why": "our masthead"}\n{"rule": 1}\n')
    with pytest.raises(ValueError, match=r"^house_rules\.jsonl:2: unknown rule 1 "):
        load_rules(path)
    path.write_text('{"rule": "drop_line", "exact": ["The Meridian Post"], "why": "our masthead"}\n')
    assert clean_text("The Meridian Post\nRubio met Bukele.", load_rules(path)) == "Rubio met Bukele."


def _datasets() -> Path:
    # DESIGN.md: datasets live in ../shared/datasets next to the repository
    return Path(os.environ.get("NEWSGRAPH_DATASETS", Path(__file__).resolve().parents[2] / "shared" / "datasets"))


def test_bbc_articles_lose_no_real_line():
    """Real news text (2,225 BBC articles) has no furniture but one stray '.' line and the
    closing author bios of BBC technology columns ("Clark Boyd is technology correspondent
    for The World, ..."): a writer's bio is no fact of the story (LABELLING.md: bylines and
    credits; the gold labels Clark Boyd's as a trap)."""
    corpus = _datasets() / "news" / "bbc_news.jsonl"
    if not corpus.exists():
        pytest.skip(f"{corpus} not found (set NEWSGRAPH_DATASETS)")
    dropped = []
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            dropped.extend((row["id"], found.text) for found in find_furniture(row["text"]))
    boyd = "Clark Boyd is technology correspondent for The World, a BBC World Service and WGBH-Boston co-production."
    assert dropped == [("bbc-politics-174", "."), *((f"bbc-tech-{n}", boyd) for n in ("090", "106", "110", "142", "312")),
                       ("bbc-tech-396", "Owain Bennallack is the editor of Develop magazine.")]
