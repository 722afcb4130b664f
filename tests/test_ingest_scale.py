"""Ingest on every core and as a map step: the worker pool, ``extract --jsonl`` and
``ingest --from-extracted`` (issue 7)."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph import KnowledgeGraph
from newsgraph.cli import app
from newsgraph.errors import ModelNotFound, UnknownEntity
from newsgraph.extract.parallel import POOL_MIN_ARTICLES

PEOPLE = ["Marco Rubio", "Claudia Sheinbaum", "Nayib Bukele", "Mark Carney", "Bernardo Arevalo", "Jose Raul Mulino"]
PLACES = ["El Salvador", "Mexico", "Canada", "Guatemala", "Panama", "Brazil"]


def _articles(n: int) -> list[dict[str, str]]:
    """``n`` distinct short news articles that share people and countries."""
    out = []
    for i in range(n):
        person, other = PEOPLE[i % len(PEOPLE)], PEOPLE[(i + 1 + i // len(PEOPLE)) % len(PEOPLE)]
        place = PLACES[(i // 2) % len(PLACES)]
        surname = person.split()[-1]
        text = (
            f"{person} visited {place} on day {i + 1} of the tour. "
            f"{surname} met {other} in the capital to discuss trade and migration. "
            f"Officials from the United Nations said the talks with {other} were useful."
        )
        out.append({"id": f"a{i}", "title": f"Talks {i}", "text": text})
    return out


def _write_jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


def _stats(db: Path) -> dict[str, object]:
    with KnowledgeGraph.open(db) as kg:
        return kg.stats()


def _graph_rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with KnowledgeGraph.open(db) as kg:
        c = kg.store.conn
        return {
            "entities": sorted(tuple(r) for r in c.execute("SELECT id, type, name, mentions, documents FROM entities")),
            "relations": sorted(tuple(r) for r in c.execute("SELECT head, type, tail, weight, predicate FROM relations")),
            "aliases": sorted(tuple(r) for r in c.execute("SELECT entity_id, norm, kind FROM aliases")),
            "evidence": sorted(tuple(r) for r in c.execute("SELECT document_id, start, end, sentence FROM evidence")),
        }


def test_worker_pool_stores_the_same_graph_as_one_process(tmp_path: Path, monkeypatch) -> None:
    import newsgraph.extract.parallel as parallel

    pools = []
    real = parallel.extract_parallel
    monkeypatch.setattr(parallel, "extract_parallel", lambda *a, **k: pools.append(k["workers"]) or real(*a, **k))
    rows = _articles(POOL_MIN_ARTICLES + 13)  # enough to start the pool
    corpus = _write_jsonl(tmp_path / "articles.jsonl", rows)
    with KnowledgeGraph.open(tmp_path / "one.db") as kg:
        one = kg.ingest([corpus], workers=1)
    with KnowledgeGraph.open(tmp_path / "pool.db") as kg:
        pool = kg.ingest([corpus], workers=2)
    assert pools == [2]
    assert one.documents_new == pool.documents_new == len(rows)
    assert one.relations > 0
    assert _graph_rows(tmp_path / "one.db") == _graph_rows(tmp_path / "pool.db")


def test_worker_pool_reports_a_missing_model(tmp_path: Path) -> None:
    corpus = _write_jsonl(tmp_path / "articles.jsonl", _articles(POOL_MIN_ARTICLES))
    with KnowledgeGraph.open(tmp_path / "ng.db") as kg, pytest.raises(ModelNotFound):
        kg.ingest([corpus], workers=2, model="no_such_pipeline_xyz")


def test_errors_survive_pickling_from_worker_processes() -> None:
    err = UnknownEntity(query="Atlantis", closest="none")
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is UnknownEntity and str(back) == str(err) and back.fields == err.fields


def test_extract_jsonl_then_ingest_from_extracted_equals_direct_ingest(tmp_path: Path) -> None:
    rows = _articles(6) + [_articles(6)[0]]  # a duplicate article: extracted twice, stored once
    corpus = _write_jsonl(tmp_path / "articles.jsonl", rows)
    runner = CliRunner()

    extracted = runner.invoke(app, ["extract", "--jsonl", str(corpus), "--workers", "1"])
    assert extracted.exit_code == 0, extracted.stderr
    assert extracted.stderr == ""
    lines = [json.loads(line) for line in extracted.stdout.splitlines()]
    assert len(lines) == len(rows)
    assert [d["external_id"] for d in lines] == [r["id"] for r in rows]
    assert all(d["entities"] and d["relations"] for d in lines)
    out = tmp_path / "extracted.jsonl"
    out.write_text(extracted.stdout, encoding="utf-8")

    merged = runner.invoke(app, ["ingest", "--from-extracted", str(out), "--db", str(tmp_path / "merged.db"), "--json"])
    assert merged.exit_code == 0, merged.stderr
    summary = json.loads(merged.stdout)
    assert summary["documents"] == {"new": 6, "present": 1, "failed": 0}

    direct = runner.invoke(app, ["ingest", str(corpus), "--db", str(tmp_path / "direct.db"), "--workers", "1", "--json"])
    assert direct.exit_code == 0, direct.stderr
    assert _stats(tmp_path / "merged.db") == _stats(tmp_path / "direct.db")
    assert _graph_rows(tmp_path / "merged.db") == _graph_rows(tmp_path / "direct.db")

    # Idempotent like ingest: a second load changes nothing.
    before = _graph_rows(tmp_path / "merged.db")
    again = runner.invoke(app, ["ingest", "--from-extracted", str(out), "--db", str(tmp_path / "merged.db"), "--json"])
    assert again.exit_code == 0
    assert json.loads(again.stdout)["documents"] == {"new": 0, "present": 7, "failed": 0}
    assert _graph_rows(tmp_path / "merged.db") == before


def test_extract_jsonl_reads_stdin_and_reports_bad_lines(tmp_path: Path) -> None:
    good = _articles(2)
    text = json.dumps(good[0]) + "\nnot json\n" + json.dumps({"title": "no text"}) + "\n" + json.dumps(good[1]) + "\n"
    result = CliRunner().invoke(app, ["extract", "--jsonl", "-", "--workers", "1"], input=text)
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: [NG103] <stdin>:2: malformed JSON: Expecting value (column 1)\n"
        "Error: [NG103] <stdin>:3: missing 'text'\n"
    )
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["external_id"] for d in docs] == ["a0", "a1"]
    assert [d["source"] for d in docs] == ["<stdin>:1", "<stdin>:4"]


def test_ingest_from_extracted_reports_bad_lines_and_stores_the_rest(tmp_path: Path) -> None:
    runner = CliRunner()
    corpus = _write_jsonl(tmp_path / "articles.jsonl", _articles(2))
    extracted = runner.invoke(app, ["extract", "--jsonl", str(corpus), "--workers", "1"])
    first, second = extracted.stdout.splitlines()
    bad = _write_jsonl(tmp_path / "bad.jsonl", [first, "{oops", json.dumps({"title": "x"}), "[1, 2]", second])
    missing = tmp_path / "missing.jsonl"
    db = tmp_path / "ng.db"
    result = runner.invoke(app, ["ingest", "--from-extracted", str(bad), str(missing), "--db", str(db), "--json"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: [NG103] {bad}:2: malformed JSON: Expecting property name enclosed in double quotes (column 2)\n"
        f"Error: [NG103] {bad}:3: not an extracted document: missing 'id'\n"
        f"Error: [NG103] {bad}:4: a line must be a JSON object (an extracted document)\n"
        f"Error: [NG103] {missing}: cannot read: No such file or directory\n"
    )
    summary = json.loads(result.stdout)
    assert summary["documents"] == {"new": 2, "present": 0, "failed": 4}
    assert _stats(db)["documents"] == 2


SENTENCES = (
    "US Secretary of State Marco Rubio visited El Salvador on Monday, where he met President Nayib Bukele. "
    "Bukele was criticised by the United Nations. The migrants who were deported to El Salvador by the US "
    "were held in a prison. Claudia Sheinbaum and Mark Carney agreed to meet in Ottawa. "
    "It rained. Rubio, who had travelled to Panama, said he wanted to visit Guatemala."
)


def test_tree_rule_matcher_finds_what_spacys_dependency_matcher_finds(nlp) -> None:
    """The speed fix in extract/verb_patterns.py: same matches, same order, as spaCy's matcher."""
    from spacy.matcher import DependencyMatcher

    from newsgraph.extract.matcher import _tree_roots
    from newsgraph.extract.verb_patterns import compile_rule, compiled_rules
    from newsgraph.extract.rules import load_relation_rules

    plain = DependencyMatcher(nlp.vocab, validate=True)
    for rule in load_relation_rules():
        for voice, pattern in compile_rule(rule):
            plain.add(f"{rule.line}:{rule.relation}:{voice}", [pattern])
    examples = Path(__file__).resolve().parents[1] / "examples"
    texts = [SENTENCES] + [p.read_text(encoding="utf-8") for p in sorted(examples.glob("*.txt"))]
    for doc in nlp.pipe(texts):
        expected = plain(doc)
        assert expected  # every text does exercise the rules
        assert compiled_rules(nlp).matcher(doc) == expected
    # Only the matches inside the given sentences, in the same order.
    doc = nlp(SENTENCES)
    sents = list(doc.sents)
    inside = [m for m in plain(doc) if sents[1].start <= m[1][0] < sents[1].end or sents[3].start <= m[1][0] < sents[3].end]
    assert inside
    assert compiled_rules(nlp).matcher(doc, [(sents[1].start, sents[1].end), (sents[3].start, sents[3].end)]) == inside
    assert _tree_roots([t.head.i for t in doc]) == [([t] + list(t.ancestors))[-1].i for t in doc]


def test_verb_relations_read_only_in_sentences_with_two_mentions_lose_nothing(nlp, monkeypatch) -> None:
    import newsgraph.extract.relations_verbs as relations_verbs
    from newsgraph.extract.pipeline import extract_doc

    doc = nlp(SENTENCES)
    fast = extract_doc(doc, nlp, document_id="d").to_dict()
    monkeypatch.setattr(relations_verbs, "_candidate_matches", lambda compiled, doc, index, sentences: compiled.matcher(doc))
    whole = extract_doc(doc, nlp, document_id="d").to_dict()
    assert any(r["method"].startswith("dep") for r in whole["relations"])
    assert fast == whole


def test_tree_rule_matcher_refuses_what_it_does_not_walk(nlp) -> None:
    """A rule using an operator or attribute the walk does not implement fails loudly
    at compile time instead of matching differently from spaCy."""
    from newsgraph.extract.matcher import TreeRuleMatcher

    matcher = TreeRuleMatcher(nlp.vocab)
    verb = {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB"}}
    with pytest.raises(ValueError, match="REL_OP '>>'"):
        matcher.add("k1", [verb, {"LEFT_ID": "verb", "REL_OP": ">>", "RIGHT_ID": "x", "RIGHT_ATTRS": {}}])
    with pytest.raises(ValueError, match="ENT_TYPE"):
        matcher.add("k2", [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"ENT_TYPE": "GPE"}}])
    with pytest.raises(ValueError, match="NOT_IN"):
        matcher.add("k3", [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"NOT_IN": ["be"]}}}])
