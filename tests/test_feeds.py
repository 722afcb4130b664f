"""RSS/Atom feeds and sitemaps on disk (issue 18): items' links, titles, dates and authors;
the article when the feed carries it; parsed safely, nothing fetched."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from newsgraph.extract.readers import RawArticle, ReadFailure, iter_articles
from newsgraph.extract.readers.feeds import read_feed_file
from newsgraph.kg import KnowledgeGraph

pytestmark = pytest.mark.issue(18)

STORY = ("<p>Marco Rubio met Nayib Bukele in San Salvador on Monday to discuss migration.</p>"
         "<p>The two men spoke for two hours, officials said.</p>")

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>The Meridian Post</title><link>https://meridian.example/</link>
  <item>
    <title>Rubio meets Bukele</title>
    <link>https://meridian.example/rubio-bukele</link>
    <pubDate>Mon, 03 Feb 2025 08:00:00 GMT</pubDate>
    <dc:creator>Laura Mendez</dc:creator>
    <description>Teaser only.</description>
    <content:encoded><![CDATA[{STORY}<div class="share">Share this on X</div>]]></content:encoded>
  </item>
  <item>
    <title>Teaser-only story</title><link>https://meridian.example/teaser</link>
    <pubDate>Tue, 04 Feb 2025 08:00:00 GMT</pubDate><description>Just a teaser.</description>
  </item>
</channel></rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Wire</title>
  <entry>
    <title>Sheinbaum speaks to Carney</title>
    <link rel="alternate" href="https://wire.example/sheinbaum-carney"/>
    <link rel="self" href="https://wire.example/api/1"/>
    <published>2025-06-05T14:20:00-05:00</published><updated>2025-06-06T10:00:00Z</updated>
    <author><name>Tom Baker</name></author>
    <content type="html">&lt;p&gt;Claudia Sheinbaum spoke to Mark Carney by phone about trade on Thursday.&lt;/p&gt;</content>
  </entry>
</feed>
"""

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://meridian.example/a</loc><lastmod>2025-02-03</lastmod>
    <news:news><news:publication_date>2025-02-03</news:publication_date><news:title>A</news:title></news:news></url>
  <url><loc>https://meridian.example/b</loc></url>
</urlset>
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_rss_item_with_content_is_an_article(tmp_path: Path) -> None:
    skipped: Counter[str] = Counter()
    items = list(read_feed_file(write(tmp_path, "feed.xml", RSS), skipped))
    assert len(items) == 1 and isinstance(items[0], RawArticle)
    article = items[0]
    assert article.title == "Rubio meets Bukele"
    assert article.url == "https://meridian.example/rubio-bukele"
    assert article.published == "2025-02-03T08:00:00+00:00"
    assert article.authors == ("Laura Mendez",)
    assert article.text == ("Marco Rubio met Nayib Bukele in San Salvador on Monday to discuss migration.\n\n"
                            "The two men spoke for two hours, officials said.")
    assert skipped == {"feed item without article text": 1}


def test_atom_entry(tmp_path: Path) -> None:
    [article] = list(read_feed_file(write(tmp_path, "wire.atom", ATOM)))
    assert isinstance(article, RawArticle)
    assert (article.title, article.url, article.published, article.authors) == (
        "Sheinbaum speaks to Carney", "https://wire.example/sheinbaum-carney", "2025-06-05T14:20:00-05:00", ("Tom Baker",))
    assert article.text.startswith("Claudia Sheinbaum spoke to Mark Carney")


def test_sitemap_entries_are_links_only(tmp_path: Path) -> None:
    skipped: Counter[str] = Counter()
    assert list(read_feed_file(write(tmp_path, "sitemap.xml", SITEMAP), skipped)) == []
    assert skipped == {"feed item without article text": 2}


def test_ingest_a_feed(tmp_path: Path) -> None:
    feed = write(tmp_path, "feed.xml", RSS)
    with KnowledgeGraph.open(tmp_path / "kg.db") as kg:
        summary = kg.ingest([feed], workers=1)
        row = kg.store.conn.execute("SELECT title, url, date FROM documents").fetchone()
        byline = kg.store.conn.execute("SELECT entity_id FROM bylines").fetchall()
    assert summary.documents_new == 1 and summary.skipped == {"feed item without article text": 1}
    assert tuple(row) == ("Rubio meets Bukele", "https://meridian.example/rubio-bukele", "2025-02-03")
    assert [b[0] for b in byline] == ["person:laura-mendez"]


def test_an_entity_bomb_is_refused(tmp_path: Path) -> None:
    entities = "".join(f'<!ENTITY {n} "{("&" + p + ";") * 20}">' for p, n in zip("abcde", "bcdef"))
    bomb = f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">{entities}]>
<rss xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<item><title>&f;</title><content:encoded>Marco Rubio met Nayib Bukele.</content:encoded></item>
</channel></rss>"""
    items = list(read_feed_file(write(tmp_path, "bomb.rss", bomb)))
    assert [type(i) for i in items] == [ReadFailure]  # one line, no gigabytes of "a"
    assert "malformed XML" in items[0].message()


def test_external_entities_are_not_read_or_fetched(tmp_path: Path) -> None:
    secret = write(tmp_path, "secret.txt", "TOP SECRET")
    xxe = f"""<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY xxe SYSTEM "file://{secret}">
  <!ENTITY remote SYSTEM "http://192.0.2.1/evil.dtd">
]>
<rss xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<item><title>Leak &xxe;</title><link>https://x.example/1</link>
<content:encoded>&xxe; &remote; Marco Rubio met Nayib Bukele in San Salvador.</content:encoded></item>
</channel></rss>"""
    [item] = list(read_feed_file(write(tmp_path, "xxe.rss", xxe)))
    assert isinstance(item, RawArticle)
    assert item.text.endswith("Marco Rubio met Nayib Bukele in San Salvador.")
    assert "TOP SECRET" not in item.text + (item.title or "")


def test_malformed_xml_keeps_the_items_before(tmp_path: Path) -> None:
    broken = RSS.replace("<item>\n    <title>Teaser-only story", "<item>\n    <title>Teaser-only story</oops>")
    items = list(read_feed_file(write(tmp_path, "broken.xml", broken)))
    assert isinstance(items[0], RawArticle)
    assert isinstance(items[-1], ReadFailure) and items[-1].message().startswith(f"{tmp_path / 'broken.xml'}:")
    assert "malformed XML" in items[-1].message()


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    items = list(iter_articles([write(tmp_path, "config.xml", "<config><a>1</a></config>")]))
    assert [i.message() for i in items if isinstance(i, ReadFailure)] == [
        f"{tmp_path / 'config.xml'}: no items: not an RSS/Atom feed or a sitemap"]
