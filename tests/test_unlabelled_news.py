"""benchmarks/unlabelled_news.py: CoNLL tokens back to text, documents split at -DOCSTART-,
and a clear refusal when the data sets are missing (no dependence on ../shared)."""

import importlib.util
import json
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "unlabelled_news.py"
spec = importlib.util.spec_from_file_location("unlabelled_news", SCRIPT)
unlabelled_news = importlib.util.module_from_spec(spec)
spec.loader.exec_module(unlabelled_news)

CONLL = """-DOCSTART- -X- O O

Harbour NNP I-NP I-ORG
board NN I-NP O
quits VBZ I-VP O
. . O O

The DT I-NP O
chairman NN I-NP O
, , O O
Ana NNP I-NP I-PER
Ruiz NNP I-NP I-PER
, , O O
said VBD I-VP O
it PRP I-NP O
did VBD I-VP O
n't RB I-ADVP O
matter VB I-VP O
( ( O O
AP NNP I-NP I-ORG
) ) O O
. . O O

-DOCSTART- -X- O O

Second NNP I-NP O
story NN I-NP O
"""


def test_documents_split_and_tokens_joined(tmp_path):
    (tmp_path / "conll2003").mkdir()
    (tmp_path / "conll2003" / "train.txt").write_text(CONLL, encoding="utf-8")
    rows = unlabelled_news.reuters_rows(tmp_path)
    assert [row["id"] for row in rows] == ["reuters-train-000", "reuters-train-001"]
    assert rows[0]["title"] == "Harbour board quits."
    assert rows[0]["text"] == "The chairman, Ana Ruiz, said it didn't matter (AP)."
    assert rows[1] == {"id": "reuters-train-001", "title": "Second story", "text": ""}


def test_sample_is_seeded(tmp_path):
    (tmp_path / "conll2003").mkdir()
    (tmp_path / "conll2003" / "train.txt").write_text(CONLL * 3, encoding="utf-8")
    out_a, out_b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    for out in (out_a, out_b):
        assert unlabelled_news.main(["reuters", str(out), "3", "7", "--datasets", str(tmp_path)]) == 0
    ids = [json.loads(line)["id"] for line in out_a.read_text(encoding="utf-8").splitlines()]
    assert len(ids) == 3 and out_a.read_text() == out_b.read_text()


def test_missing_data_set_is_one_clear_line(tmp_path, capsys):
    assert unlabelled_news.main(["bbc", str(tmp_path / "o.jsonl"), "--datasets", str(tmp_path / "none")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "missing" in err[0] and "NEWSGRAPH_DATASETS" in err[0]
    assert not (tmp_path / "o.jsonl").exists()
