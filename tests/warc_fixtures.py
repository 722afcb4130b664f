"""Web archives the tests write themselves with warcio's writer (nothing downloaded): the
sample articles as HTML pages, the project's cluttered page, and the records a real crawl
holds around them (requests, redirects, images, 404s, recaptures)."""

from __future__ import annotations

import html
import io
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CAPTURE_DATE = "2025-06-01T12:00:00Z"

FRENCH = (
    "Le secrétaire d'État américain Marco Rubio a rencontré jeudi le président salvadorien Nayib Bukele "
    "à San Salvador. Les deux hommes ont discuté de la coopération en matière de sécurité et de migration, "
    "selon un communiqué publié par le gouvernement. La rencontre a duré deux heures et s'est terminée "
    "par une conférence de presse commune dans la capitale."
)


@dataclass(frozen=True)
class Record:
    url: str
    body: bytes
    status: str = "200 OK"
    content_type: str = "text/html; charset=utf-8"
    date: str = CAPTURE_DATE
    kind: str = "response"


def page(title: str, text: str, head: str = "", lang: str = "en") -> bytes:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n") if p.strip())
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"{head}</head><body><nav><a href='/'>Home</a> <a href='/w'>World</a> <a href='/s'>Sport</a></nav>"
            f"<article><h1>{html.escape(title)}</h1>{paragraphs}</article><footer>© Test</footer></body></html>"
            ).encode("utf-8")


def sample_pages() -> list[Record]:
    """One 200 HTML page per bundled sample article: the cluttered .html page as it is, every
    other article (read by the project's readers) as a simple page with a menu and footer."""
    from newsgraph.extract.readers import RawArticle, iter_articles

    records = [Record("https://news.example/rubio-sheinbaum", (EXAMPLES / "rubio-sheinbaum-security-talks.html").read_bytes())]
    for i, item in enumerate(iter_articles([EXAMPLES])):
        assert isinstance(item, RawArticle)
        if item.source.endswith(".html"):
            continue
        head = f'<meta property="article:published_time" content="{item.published}">' if item.published else ""
        records.append(Record(item.url or f"https://news.example/article-{i}", page(item.title or "", item.text, head)))
    return records


def write_warc(path: Path, records: list[Record], gzip: bool = True) -> list[int]:
    """Write ``records``; returns each record's byte offset."""
    offsets = []
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=gzip)
        for n, r in enumerate(records):
            offsets.append(f.tell())
            # A fixed record id (warcio draws a random one): the same bytes every run, so a
            # test that damages bytes at an offset damages the same thing every time.
            record_id = f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{n} {r.kind} {r.url}')}>"
            if r.kind == "request":
                headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
                rec = writer.create_warc_record(r.url, "request", payload=io.BytesIO(b""), http_headers=headers,
                                                warc_headers_dict={"WARC-Date": r.date, "WARC-Record-ID": record_id})
            else:
                headers = StatusAndHeaders(r.status, [("Content-Type", r.content_type)], protocol="HTTP/1.1")
                rec = writer.create_warc_record(r.url, "response", payload=io.BytesIO(r.body), http_headers=headers,
                                                warc_headers_dict={"WARC-Date": r.date, "WARC-Record-ID": record_id})
            writer.write_record(rec)
    return offsets


def write_arc(path: Path, records: list[Record], per_record: Callable[[bytes], bytes] = bytes) -> None:
    """An ARC v1 file (the format before WARC): a filedesc record, then one per page;
    ``per_record=gzip.compress`` writes an .arc.gz (one gzip member per record)."""
    desc = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
    out = [b"filedesc://test.arc 0.0.0.0 20250601120000 text/plain %d\n" % len(desc) + desc + b"\n"]
    for r in records:
        http = (f"HTTP/1.1 {r.status}\r\nContent-Type: {r.content_type}\r\n\r\n").encode() + r.body
        out.append(f"{r.url} 192.0.2.1 20250601120000 {r.content_type.split(';')[0]} {len(http)}\n".encode() + http + b"\n")
    path.write_bytes(b"".join(per_record(chunk) for chunk in out))
