"""Issue 12 (ingest speed), session 14: work the ingest did twice or on every line, done
once. Texts written for the test."""

from __future__ import annotations

import pytest

from newsgraph.extract.pipeline import load_pipeline
from newsgraph.extract.rules import DEFAULT_MODEL


@pytest.mark.issue(12)
def test_issue_12_one_pipeline_however_the_default_model_is_asked_for(monkeypatch):
    # benchmarks/ingest.py loads with load_pipeline(), then KnowledgeGraph.ingest asks with
    # model=None: keyed by the argument, the cache loaded the model a second time (~1 s).
    monkeypatch.delenv("NEWSGRAPH_MODEL", raising=False)
    nlp = load_pipeline()
    assert load_pipeline(None) is nlp
    assert load_pipeline(DEFAULT_MODEL) is nlp


# English news thick with figures and names and thin in function words: 8 markers ("the",
# "said", "its", "and") among about 130 words, a share between 0.05 and 0.08.
FIGURES = (
    "Copper futures climbed 3.2% to $9,450 a tonne on Thursday, a six-week high, as Chilean "
    "output fell for a fourth month. Codelco, Antofagasta Minerals, Freeport-McMoRan: all "
    "reported lower quarterly volumes. Analysts at Harrow Capital said inventories in "
    "Shanghai dropped 18,000 tonnes, Rotterdam warehouses 6,500 tonnes, Singapore 2,100 "
    "tonnes. Aluminium rose 1.1%, zinc 0.8%, nickel 2.4%, tin 0.6%. Lead slipped 0.3%. "
    "Gold traded near $2,310 an ounce; silver $27.40; platinum $1,020; palladium $985. "
    "Brent crude rose 64 cents to $83.10 a barrel. Peru's energy ministry said its "
    "November shipments reached 212,000 tonnes, up 9% year on year. Zambia's Kansanshi "
    "mine restarted its second smelter line after repairs. Traders expect tighter supply "
    "through January, Harrow Capital's Ines Okafor said. Chinese imports, 470,000 tonnes "
    "last month, eased 5%. Dealers in the Yangshan premium market quoted $58, down $4, "
    "and the dollar index fell 0.2%."
)


@pytest.mark.issue(12)
def test_issue_12_english_thin_in_function_words_needs_no_detector(monkeypatch):
    from newsgraph.extract.readers import language

    words = language._WORD.findall(FIGURES[: language.SAMPLE_CHARS].lower())
    markers = sum(w in language.english_markers() for w in words)
    assert markers >= language.PLAIN_ENGLISH_MIN_MARKERS and 0.05 <= markers / len(words) < 0.08

    def no_detector() -> None:
        raise AssertionError("the detector's model was loaded")

    monkeypatch.setattr(language, "_identifier", no_detector)
    assert language.judge(FIGURES) == language.Verdict("en", True, "detected")


# -- cleanup: a line is searched only by the furniture patterns whose words it holds ----------

PROSE = (
    "The harbour board said on Tuesday that it would close the old ferry pier, which has been "
    "losing money for years, and that the ferries from the island would use the new terminal."
)
# Lines that shipped drop_line patterns take whole (credits, notices, prompts), and lines
# whose only way to a pattern's words is re's case folding ("ſ" is "s", "ı" is "i").
FURNITURE = [
    "© 2024 Harbour Times Ltd. All rights reserved.",
    "Sign up to our newsletter, delivered straight to your inbox",
    "Photograph: Tomas Reyl/Harbour Times",
    "Comments are the views of their authors and not of this site.",
    "All rightſ reserved.",
    "Delıvered to your ınbox",
]


@pytest.mark.issue(12)
def test_issue_12_required_literals_of_a_pattern():
    import re

    from newsgraph.extract.regex_literals import required_literals

    assert required_literals(re.compile(r"\ball rights reserved\.?$", re.I)) == {("all rights reserved", True)}
    assert required_literals(re.compile(r"^(Getty|Reuters) ?/ ?\w+$")) == {("Getty", False), ("Reuters", False)}
    assert required_literals(re.compile(r"(?i:via) A")) == {("via", True)}  # a scoped flag folds its part
    assert required_literals(re.compile(r"^(?=.*\bshares?\b)\d+")) == {("share", False)}
    # nothing every match holds: an optional word, a class, a branch with no word
    assert required_literals(re.compile(r"^(?:photo: )?[A-Z]\w+$")) is None
    assert required_literals(re.compile(r"^(?:credit|\d+)$")) is None


@pytest.mark.issue(12)
def test_issue_12_furniture_patterns_searched_only_where_their_words_are():
    from newsgraph.extract import cleanup

    rules = cleanup.load_rules()
    index, patterns = rules.pattern_index, rules.patterns
    # a line of prose holds the words of few of the ~270 patterns
    assert len(index.candidates(PROSE)) < len(patterns) // 4
    for line in [PROSE, *FURNITURE]:
        candidates = set(index.candidates(line))
        for i, p in enumerate(patterns):
            if p.regex.search(line[-p.tail_chars:] if p.tail_chars else line):
                assert i in candidates, (line, p.regex.pattern)
    # the same verdicts as trying every pattern: the furniture goes, the prose stays
    assert cleanup.clean_text("\n\n".join([PROSE, *FURNITURE[:4]])) == PROSE
