"""Web archives (issue 18): WARC/ARC read streaming with warcio; 200 HTML responses become
articles with their URL and capture date; everything else is skipped and counted; a damaged
record is one error line and the rest of the archive is read."""

from __future__ import annotations

import gzip
import os
import tracemalloc
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.extract.readers import RawArticle, ReadFailure, iter_articles
from newsgraph.extract.readers.warc import read_warc_file
from newsgraph.kg import KnowledgeGraph

from warc_fixtures import FRENCH, Record, page, sample_pages, write_arc, write_warc

pytestmark = pytest.mark.issue(18)

BODY = ("Marco Rubio met Nayib Bukele in San Salvador on Monday to discuss migration. "
        "The two men spoke for two hours, officials said.")


def crawl() -> list[Record]:
    """A crawl's worth of records around two articles, one of each kind to skip."""
    return [
        Record("https://news.example/a", b"", kind="request"),
        Record("https://news.example/a", page("Rubio meets Bukele", BODY), date="2025-06-01T08:00:00Z"),
        Record("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, content_type="image/png"),
        Record("https://news.example/gone", page("Gone", "Not here."), status="404 Not Found"),
        Record("https://news.example/old", b"", status="301 Moved Permanently"),
        # the same URL captured later, edited: the first capture wins
        Record("https://news.example/a", page("Rubio meets Bukele", BODY + " Updated at noon."),
               date="2025-06-02T08:00:00Z"),
        # the same text under another URL (a syndicated copy)
        Record("https://mirror.example/a", page("Rubio meets Bukele", BODY)),
        Record("https://news.example/fr", page("Rubio rencontre Bukele", FRENCH, lang="fr")),
        Record("https://news.example/b", page(
            "Sheinbaum speaks to Carney", "Claudia Sheinbaum spoke to Mark Carney by phone on trade.",
            head='<meta property="article:published_time" content="2025-05-30">')),
    ]


def articles(items: list) -> list[RawArticle]:
    return [i for i in items if isinstance(i, RawArticle)]


@pytest.mark.parametrize("compressed", [True, False], ids=["warc.gz", "warc"])
def test_responses_become_articles_and_the_rest_is_counted(tmp_path: Path, compressed: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc")
    offsets = write_warc(path, crawl(), gzip=compressed)
    skipped: Counter[str] = Counter()
    items = list(read_warc_file(path, skipped))
    assert not [i for i in items if isinstance(i, ReadFailure)]
    found = articles(items)
    assert [(a.url, a.title, a.published) for a in found] == [
        # no date on the page: the capture date (WARC-Date); the first capture, not the later edit
        ("https://news.example/a", "Rubio meets Bukele", "2025-06-01T08:00:00+00:00"),
        ("https://news.example/fr", "Rubio rencontre Bukele", "2025-06-01T12:00:00+00:00"),
        # the page's own date wins over the capture date
        ("https://news.example/b", "Sheinbaum speaks to Carney", "2025-05-30"),
    ]
    assert found[0].text.endswith("officials said.") and "Home" not in found[0].text
    assert found[0].source == f"{path}:{offsets[1]}"  # path:OFFSET finds the record again
    assert found[1].language == "fr"
    assert skipped == {
        "not a response record": 1, "not HTML": 1, "HTTP status not 200": 2,
        "duplicate URL (later capture)": 1, "duplicate text": 1,
    }


def test_ingest_counts_skipped_and_non_english(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, crawl())
    with KnowledgeGraph.open(tmp_path / "kg.db") as kg:
        summary = kg.ingest([path], workers=1)
        docs = kg.store.conn.execute("SELECT url, date FROM documents ORDER BY url").fetchall()
    assert summary.documents_new == 2 and summary.documents_failed == 0
    assert summary.skipped["not English (fr)"] == 1
    assert summary.skipped["duplicate URL (later capture)"] == 1
    assert [tuple(d) for d in docs] == [("https://news.example/a", "2025-06-01"), ("https://news.example/b", "2025-05-30")]


def test_ingest_cli_prints_skipped(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, crawl())
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", str(tmp_path / "kg.db"), "--workers", "1", "--json"])
    assert result.exit_code == 0, result.output
    assert '"not English (fr)": 1' in result.output
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", str(tmp_path / "kg.db"), "--workers", "1"])
    assert "skipped: " in result.output and "1 duplicate text" in result.output


def test_sample_articles_from_an_archive(tmp_path: Path) -> None:
    path = tmp_path / "samples.warc.gz"
    records = sample_pages()
    write_warc(path, records)
    found = articles(list(iter_articles([tmp_path])))  # a folder walk takes .warc.gz
    assert len(found) == len(records)
    cluttered = found[0]
    assert cluttered.authors == ("Laura Mendez",) and "cookies" not in cluttered.text


def test_a_damaged_record_is_one_error_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    records = [Record(f"https://news.example/{i}", page(f"Story {i}", f"{BODY} Story number {i}.")) for i in range(5)]
    offsets = write_warc(path, records)
    data = bytearray(path.read_bytes())
    middle = (offsets[2] + offsets[3]) // 2
    data[middle:middle + 40] = b"\x00" * 40  # corrupt the third record's compressed bytes
    path.write_bytes(bytes(data))
    items = list(read_warc_file(path))
    failures = [i for i in items if isinstance(i, ReadFailure)]
    assert len(failures) == 1
    assert failures[0].message().startswith(f"{path}:{offsets[2]}: damaged archive record")
    assert [a.url for a in articles(items)] == [f"https://news.example/{i}" for i in (0, 1, 3, 4)]


def test_a_truncated_archive_keeps_what_came_before(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    records = [Record(f"https://news.example/{i}", page(f"Story {i}", f"{BODY} Story number {i}.")) for i in range(3)]
    offsets = write_warc(path, records)
    data = path.read_bytes()
    path.write_bytes(data[: offsets[2] + (len(data) - offsets[2]) // 2])  # the download stopped mid-record
    items = list(read_warc_file(path))
    assert [a.url for a in articles(items)] == ["https://news.example/0", "https://news.example/1"]
    assert [f.message().split(": ")[0] for f in items if isinstance(f, ReadFailure)] == [f"{path}:{offsets[2]}"]


def test_a_damaged_uncompressed_record_is_skipped_too(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    records = [Record(f"https://news.example/{i}", page(f"Story {i}", f"{BODY} Story number {i}.")) for i in range(3)]
    offsets = write_warc(path, records, gzip=False)
    data = bytearray(path.read_bytes())
    data[offsets[1]:offsets[1] + 8] = b"GARBAGE!"  # the second record's header line
    path.write_bytes(bytes(data))
    items = list(read_warc_file(path))
    assert [a.url for a in articles(items)] == ["https://news.example/0", "https://news.example/2"]
    assert len([i for i in items if isinstance(i, ReadFailure)]) == 1


def test_arc_files_are_read(tmp_path: Path) -> None:
    path = tmp_path / "old-crawl.arc"
    records = [Record("https://news.example/a", page("Rubio meets Bukele", BODY)),
               Record("https://news.example/x.css", b"body{}", content_type="text/css")]
    write_arc(path, records)
    compressed = tmp_path / "old-crawl.arc.gz"
    write_arc(compressed, records, per_record=gzip.compress)
    for archive in (path, compressed):
        skipped: Counter[str] = Counter()
        found = articles(list(read_warc_file(archive, skipped)))
        assert [(a.url, a.published) for a in found] == [("https://news.example/a", "2025-06-01T12:00:00+00:00")]
        assert skipped["not HTML"] == 1


def test_an_archive_is_streamed_not_loaded(tmp_path: Path) -> None:
    """A 60 MB archive (videos around three articles) is read in a few MB: one record at a time."""
    path = tmp_path / "big.warc.gz"
    video = os.urandom(2 * 1024 * 1024)  # incompressible
    records = [Record(f"https://news.example/v{i}.mp4", video, content_type="video/mp4") for i in range(30)]
    for i in (0, 15, 29):
        records.insert(i, Record(f"https://news.example/{i}", page(f"Story {i}", f"{BODY} Story number {i}.")))
    write_warc(path, records)
    assert path.stat().st_size > 60_000_000
    list(read_warc_file(path.with_name("warm.warc.gz") if write_warc(path.with_name("warm.warc.gz"), records[:1]) else path))
    tracemalloc.start()  # after one read: rules and parsers loaded once are not the archive
    found = articles(list(read_warc_file(path)))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(found) == 3
    assert peak < 5_000_000, f"peak {peak / 1e6:.1f} MB"


def test_an_unreadable_archive_is_one_failure(tmp_path: Path) -> None:
    items = list(read_warc_file(tmp_path / "missing.warc.gz"))
    assert len(items) == 1 and isinstance(items[0], ReadFailure)
    junk = tmp_path / "junk.warc.gz"
    junk.write_bytes(b"this is not an archive at all\n" * 10)
    items = list(read_warc_file(junk))
    assert [i.message() for i in items if isinstance(i, ReadFailure)] == [f"{junk}: not a WARC or ARC archive"]
    whole = tmp_path / "whole.warc.gz"  # gzip of the whole file, not one member per record
    write_warc(tmp_path / "plain.warc", crawl(), gzip=False)
    whole.write_bytes(gzip.compress((tmp_path / "plain.warc").read_bytes()))
    items = list(read_warc_file(whole))
    assert len(items) == 1 and "one gzip member per record" in items[0].message(), items
