"""The map step on Apache Spark (issue 18): ``extract --engine spark`` in local mode over the
sample articles and a generated web archive, merged by ``ingest --from-extracted``, gives
the same store as a direct ``ingest`` of the same inputs."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.extract.distributed import Partition, plan

from warc_fixtures import EXAMPLES, Record, page, sample_pages, write_warc
from test_warc import crawl

pytestmark = pytest.mark.issue(18)


def _spark_ready() -> str | None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install -e '.[spark]')"
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "no Java runtime for Spark"
    return None


def _require_spark() -> None:
    reason = _spark_ready()
    if reason:
        if os.environ.get("NEWSGRAPH_REQUIRE_SPARK"):
            pytest.fail(f"NEWSGRAPH_REQUIRE_SPARK is set but {reason}")
        pytest.skip(reason)


def first_json(output: str) -> dict:
    """The JSON object printed on stdout (error lines on stderr come after it in the runner's output)."""
    return json.JSONDecoder().raw_decode(output, output.index("{"))[0]


def snapshot(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:
        return {
            # page metadata too (issue 18): the extracted-document lines carry it to the merge
            "documents": conn.execute("SELECT id, title, source, url, published, date, modified, site_name, language "
                                      "FROM documents ORDER BY id").fetchall(),
            "entities": conn.execute("SELECT id, type, name, mentions, documents, first_seen, last_seen FROM entities "
                                     "ORDER BY id").fetchall(),
            "aliases": conn.execute("SELECT entity_id, norm, kind FROM aliases ORDER BY 1, 2, 3").fetchall(),
            "relations": conn.execute("SELECT head, type, tail, weight, confidence FROM relations ORDER BY 1, 2, 3").fetchall(),
            "evidence": conn.execute("SELECT r.head, r.type, r.tail, count(*) FROM evidence v JOIN relations r "
                                     "ON r.id = v.relation_id GROUP BY 1, 2, 3 ORDER BY 1, 2, 3").fetchall(),
            "bylines": conn.execute("SELECT document_id, entity_id FROM bylines ORDER BY 1, 2").fetchall(),
        }
    finally:
        conn.close()


def test_plan_slices_json_lines_and_keeps_other_files_whole(tmp_path: Path) -> None:
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text("".join(json.dumps({"text": f"Article {i}."}) + "\n" for i in range(5)) + "\n")
    (tmp_path / "b.html").write_text("<p>x</p>")
    parts, failures = plan([tmp_path, tmp_path / "missing"], lines_per_partition=2)
    line = len(json.dumps({"text": "Article 0."})) + 1
    assert parts == [
        Partition(str(jsonl), "lines", 0, 1, 2, 2 * line), Partition(str(jsonl), "lines", 2 * line, 3, 2, 2 * line),
        Partition(str(jsonl), "lines", 4 * line, 5, 2, line + 1), Partition(str(tmp_path / "b.html"), "file"),
    ]
    assert failures == [f"{tmp_path / 'missing'}: no such file or folder"]


def test_spark_job_then_merge_equals_direct_ingest(tmp_path: Path) -> None:
    _require_spark()
    inputs = tmp_path / "inputs"
    shutil.copytree(EXAMPLES, inputs)
    records = sample_pages() + crawl() + [
        Record("https://news.example/long", page("Bukele in Washington", " ".join(
            f"Nayib Bukele met Donald Trump at the White House on day {i}." for i in range(30)),
            head='<meta property="og:site_name" content="Test Wire">'
                 '<meta property="article:modified_time" content="2025-05-20T10:00:00Z">'))]
    write_warc(inputs / "crawl.warc.gz", records)
    bad = inputs / "bad.jsonl"  # a failure in one partition is reported; the rest goes on
    # its good line has a byline (issue 18): JSON Lines authors go the same way in both paths
    bad.write_text('{"text": "Rubio met Bukele in San Salvador.", "authors": ["Jane Doe"]}\nnot json\n', encoding="utf-8")

    runner = CliRunner()
    direct = runner.invoke(app, ["ingest", str(inputs), "--db", str(tmp_path / "direct.db"), "--json"])
    assert direct.exit_code == 1, direct.output  # the bad line
    out = tmp_path / "extracted"
    job = runner.invoke(app, ["extract", str(inputs), "--engine", "spark", "--out", str(out),
                              "--master", "local[2,2]", "--json"])
    assert job.exit_code == 1, job.output
    result = first_json(job.output)
    assert result["failures"] == [f"{bad}:2: malformed JSON: Expecting value (column 1)"]
    assert result["skipped"] == first_json(direct.output)["skipped"]
    assert result["skipped"]["not English (fr)"] == 1
    assert (out / "_SUCCESS").exists() and len(list(out.glob("part-*"))) == result["partitions"]

    merged = runner.invoke(app, ["ingest", "--from-extracted", str(out), "--db", str(tmp_path / "merged.db"), "--json"])
    assert merged.exit_code == 0, merged.output
    a, b = snapshot(tmp_path / "direct.db"), snapshot(tmp_path / "merged.db")
    assert len(a["documents"]) >= 12 and len(a["relations"]) > 50 and a["bylines"]
    assert any(entity == "person:jane-doe" for _, entity in a["bylines"])
    assert any(d[6] and d[7] and d[8] == "en" for d in a["documents"])  # a page with modified, site name, lang
    for table in a:
        assert a[table] == b[table], table


def test_a_slice_keeps_the_file_line_numbers(tmp_path: Path) -> None:
    from collections import Counter

    from newsgraph.extract.distributed import partition_items
    from newsgraph.extract.readers import RawArticle, ReadFailure

    jsonl = tmp_path / "a.jsonl"
    lines = [json.dumps({"text": f"Article {i}."}) for i in range(1, 6)]
    lines[3] = "not json"
    jsonl.write_text("\n".join(lines) + "\n")
    parts, _ = plan([jsonl], lines_per_partition=2)
    items = [item for part in parts for item in partition_items(part, Counter())]
    assert [i.source for i in items if isinstance(i, RawArticle)] == [f"{jsonl}:{n}" for n in (1, 2, 3, 5)]
    assert [i.message() for i in items if isinstance(i, ReadFailure)] == [
        f"{jsonl}:4: malformed JSON: Expecting value (column 1)"]


def test_a_small_file_is_still_cut_for_every_core(tmp_path: Path) -> None:
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text("".join(json.dumps({"text": f"Article {i}."}) + "\n" for i in range(10)))
    parts, _ = plan([jsonl], lines_per_partition=2000, min_partitions=4)
    assert [p.lines for p in parts] == [3, 3, 3, 1]
    parts, _ = plan([jsonl], lines_per_partition=4, min_partitions=2)
    assert [p.lines for p in parts] == [4, 4, 2]


def test_extract_jsonl_skips_what_ingest_skips(tmp_path: Path) -> None:
    import io
    from collections import Counter

    from newsgraph.extracted import extract_jsonl
    from warc_fixtures import FRENCH

    articles = tmp_path / "a.jsonl"
    articles.write_text(json.dumps({"text": FRENCH}) + "\n" + json.dumps({"text": "Rubio met Bukele."}) + "\n")
    out = io.StringIO()
    skipped: Counter[str] = Counter()
    written, failed = extract_jsonl(str(articles), out, workers=1, skipped=skipped)
    assert (written, failed, dict(skipped)) == (1, 0, {"not English (fr)": 1})
