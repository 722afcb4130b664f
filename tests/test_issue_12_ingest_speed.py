"""Ingest speed without changing answers (issue 12, "Ingest stays fast").

The lookup tables built from other packages' big data files are cached on disk
(extract/table_cache.py): a cached table must equal the built one, follow any change of
its inputs, and never be needed (no folder, a damaged file, a folder that cannot be
written)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from newsgraph.extract import table_cache
from newsgraph.extract.table_cache import cached_table

pytestmark = pytest.mark.issue(12)


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(folder))
    return folder


def _source(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "source.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_issue_12_a_cached_table_is_built_once_then_read_back_equal(cache, tmp_path):
    source = _source(tmp_path, "a b c")
    calls = []

    def build():
        calls.append(1)
        return {"words": frozenset(source.read_text().split()), "pairs": ({"x": 1}, ("y", 2.5))}

    first = cached_table("t", [source], build)
    second = cached_table("t", [source], build)
    assert second == first == {"words": frozenset({"a", "b", "c"}), "pairs": ({"x": 1}, ("y", 2.5))}
    assert len(calls) == 1
    assert len(list(cache.glob("t-*.marshal"))) == 1


def test_issue_12_a_changed_input_builds_the_table_again(cache, tmp_path):
    source = _source(tmp_path, "a b c")
    table_cache._file_digest.cache_clear()
    assert cached_table("t", [source], lambda: source.read_text()) == "a b c"
    source.write_text("d e", encoding="utf-8")
    table_cache._file_digest.cache_clear()  # a new process: the file is hashed again
    assert cached_table("t", [source], lambda: source.read_text()) == "d e"


def test_issue_12_a_damaged_cache_file_is_built_again(cache, tmp_path):
    source = _source(tmp_path, "a")
    cached_table("t", [source], lambda: {"a": 1})
    (path,) = cache.glob("t-*.marshal")
    path.write_bytes(b"\xff\x00garbage")
    assert cached_table("t", [source], lambda: {"a": 2}) == {"a": 2}
    assert cached_table("t", [source], lambda: {"a": 3}) == {"a": 2}  # and stored again


def test_issue_12_the_cache_is_never_required(tmp_path, monkeypatch):
    source = _source(tmp_path, "a")
    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", "")  # turned off: nothing written
    assert cached_table("t", [source], lambda: 1) == 1
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(blocked / "cache"))  # cannot be created
    assert cached_table("t", [source], lambda: 2) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file-not-folder", "source.txt"]


def test_issue_12_given_names_answer_as_gender_guesser_does(cache):
    """The cached table of given names says what gender-guesser's detector says, for names
    in any case, listed or not."""
    import gender_guesser.detector as gender

    from newsgraph.extract import person_evidence

    person_evidence._given_names.cache_clear()
    try:
        built = person_evidence._given_names()
        person_evidence._given_names.cache_clear()
        cached = person_evidence._given_names()
        assert list(cache.glob("given_names-*.marshal"))
        assert cached == built
        detector = gender.Detector(case_sensitive=False)
        for word in ["Tony", "tony", "ALEX", "Jean-Paul", "Sam", "Kim", "Slough", "Windhoek", "Blair", "Nasser", "Yuki"]:
            assert (cached.get(word.lower()) or "unknown") == detector.get_gender(word), word
        assert person_evidence.has_given_name("Tony Blair") and not person_evidence.has_given_name("Slough")
    finally:
        person_evidence._given_names.cache_clear()


def test_issue_12_place_tables_from_the_cache_equal_the_built_ones(cache):
    from newsgraph.extract import person_evidence, place_countries

    builders = [(person_evidence._cities, person_evidence._build_cities),
                (person_evidence.place_names, person_evidence._build_place_names),
                (place_countries._place_countries, place_countries._build_place_countries)]
    try:
        for cached_fn, build in builders:
            cached_fn.cache_clear()
            cached_fn()  # built and stored
            cached_fn.cache_clear()
            assert cached_fn() == build(), cached_fn.__name__
        assert len(list(cache.glob("*.marshal"))) == 3
        assert place_countries.place_country("Johannesburg") == "country:ZAF"
        assert "glasgow" in person_evidence.place_names()
    finally:
        for cached_fn, _ in builders:
            cached_fn.cache_clear()


def test_issue_12_cleanup_remembers_a_line_s_rule_and_answers_the_same(monkeypatch):
    """The cleanup asks about a line more than once; the remembered answer is the rule's
    own, and the memory is bounded."""
    from newsgraph.extract import cleanup

    rules = cleanup.load_rules()
    rules.matches.clear()
    lines = ["Share this article", "Image caption: Getty Images", "The minister met union leaders on Monday.",
             "Advertisement", "Copyright © 2025 Example News. All rights reserved."]
    first = [cleanup._matching_rule(line, cleanup._line_key(line), rules) for line in lines]
    assert first == [cleanup._first_matching_rule(line, cleanup._line_key(line), rules) for line in lines]
    assert first[0] is not None and first[2] is None and first[4] is not None
    assert set(rules.matches) == set(lines)
    again = [cleanup._matching_rule(line, cleanup._line_key(line), rules) for line in lines]
    assert again == first
    monkeypatch.setattr(cleanup, "MATCH_MEMORY", 3)
    for i in range(10):
        cleanup._matching_rule(f"line {i} of prose.", f"line {i} of prose", rules)
    assert len(rules.matches) <= 3
    rules.matches.clear()


def test_issue_12_normalised_names_are_remembered_and_unchanged():
    from newsgraph.graph.model import normalise_name

    for name in ["Tony Blair's", "U.S.", "São Paulo", "ÉLYSÉE  Palace", "Tony Blair's"]:
        assert normalise_name(name) == normalise_name.__wrapped__(name)
    assert normalise_name("U.S.") == "us" and normalise_name("São Paulo") == "sao paulo"


def test_issue_12_a_write_prunes_the_tables_least_used_other_versions(cache, tmp_path):
    """Every change of a table's code or data writes a new version (1.2 MB for the cities):
    a write keeps the few other versions used most recently (checkouts of other code
    sharing the folder) and deletes the rest and any unused for a day, and never another
    table's file, one whose name only starts like it, or a writer's temporary file."""
    cache.mkdir()
    now = time.time()
    versions = []
    for n in range(5):  # used 10, 20, ... 50 s ago
        path = cache / f"t-{n:032x}.marshal"
        path.write_bytes(b"x")
        os.utime(path, (now - 10 * (n + 1), now - 10 * (n + 1)))
        versions.append(path)
    stale = cache / f"t-{'f' * 32}.marshal"
    stale.write_bytes(b"x")
    os.utime(stale, (now - 2 * table_cache.STALE_AFTER_S,) * 2)
    keep = [cache / f"t_other-{'0' * 32}.marshal", cache / f"t-{'0' * 32}.json", cache / ".t-abc.tmp"]
    for path in keep:
        path.write_bytes(b"x")
    source = _source(tmp_path, "newest")
    table_cache._file_digest.cache_clear()
    assert cached_table("t", [source], lambda: "newest") == "newest"
    left = set(cache.glob("t-*.marshal"))
    assert left - set(versions) - {stale} != set()  # the new version
    assert left & set(versions) == set(versions[: table_cache.KEEP_OTHER_VERSIONS])  # the most recently used
    assert not stale.exists()
    assert all(path.exists() for path in keep)


def test_issue_12_a_read_marks_the_version_used(cache, tmp_path):
    source = _source(tmp_path, "a")
    table_cache._file_digest.cache_clear()
    cached_table("t", [source], lambda: 1)
    (path,) = cache.glob("t-*.marshal")
    os.utime(path, (1_000_000, 1_000_000))
    assert cached_table("t", [source], lambda: 2) == 1
    assert path.stat().st_mtime > 1_000_000
