"""Page metadata from HTML (issue 18): meta tags, JSON-LD, <time>, in that order of trust;
authors become Person entities of the article (a byline), never employees of the site."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from newsgraph.extract.readers import RawArticle, read_html_file
from newsgraph.extract.readers.metadata import clean_authors, page_metadata
from newsgraph.graph.relation_filter import RelationFilter
from newsgraph.kg import KnowledgeGraph

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
BODY = "<article><h1>Rubio meets Bukele</h1><p>Marco Rubio met Nayib Bukele in San Salvador on Monday.</p></article>"


def meta_of(head: str, body: str = BODY, lang: str = "") -> object:
    page = f"<!doctype html><html{lang}><head>{head}</head><body>{body}</body></html>"
    return page_metadata(lxml.html.document_fromstring(page))


pytestmark = pytest.mark.issue(18)


def test_open_graph_and_article_meta() -> None:
    m = meta_of(
        '<meta property="og:title" content="Rubio in El Salvador">'
        '<meta property="og:site_name" content="The Meridian Post">'
        '<meta property="article:published_time" content="2025-02-03T08:00:00Z">'
        '<meta property="article:modified_time" content="2025-02-04">'
        '<meta name="author" content="By Laura Mendez and Tom Baker">'
        '<meta property="og:locale" content="en_GB">'
        '<link rel="canonical" href="https://meridian.example/a">'
    )
    assert m.title == "Rubio in El Salvador"
    assert m.published == "2025-02-03T08:00:00+00:00"
    assert m.modified == "2025-02-04"
    assert m.authors == ("Laura Mendez", "Tom Baker")
    assert m.site_name == "The Meridian Post"
    assert m.url == "https://meridian.example/a"
    assert m.language == "en"


@pytest.mark.parametrize(
    "head, published, authors",
    [
        ('<meta name="DC.date.issued" content="2024-11-05"><meta name="DC.creator" content="Ana Ruiz">',
         "2024-11-05", ("Ana Ruiz",)),
        ('<meta name="parsely-pub-date" content="2024-11-06T10:00:00-05:00">'
         '<meta name="parsely-author" content="Sam Okafor">', "2024-11-06T10:00:00-05:00", ("Sam Okafor",)),
        ('<meta name="sailthru.date" content="2024-11-07 09:15:00"><meta name="sailthru.author" content="Li Wei">',
         "2024-11-07T09:15:00", ("Li Wei",)),
    ],
    ids=["dublin-core", "parsely", "sailthru"],
)
def test_other_meta_vocabularies(head: str, published: str, authors: tuple[str, ...]) -> None:
    m = meta_of(head)
    assert (m.published, m.authors) == (published, authors)


def test_json_ld_article_in_a_graph() -> None:
    m = meta_of(
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebSite", "name": "Site", "datePublished": "1999-01-01"},'
        '{"@type": ["NewsArticle"], "headline": "Talks in Mexico City", "datePublished": "2025-05-14T09:30:00Z",'
        ' "dateModified": "2025-05-15", "inLanguage": "en-US",'
        ' "author": [{"@type": "Person", "name": "Laura Mendez"}, {"@type": "Organization", "name": "Meridian Wire"}],'
        ' "publisher": {"@type": "Organization", "name": "The Meridian Post"}}]}</script>'
    )
    # the WebSite's date is not the article's; the Organization author is the publisher, not a person
    assert m.title == "Talks in Mexico City"
    assert m.published == "2025-05-14T09:30:00+00:00"
    assert m.modified == "2025-05-15"
    assert m.authors == ("Laura Mendez",)
    assert m.site_name == "The Meridian Post"
    assert m.language == "en"


def test_order_of_trust_meta_then_json_ld_then_time() -> None:
    ld = '<script type="application/ld+json">{"@type": "Article", "datePublished": "2025-01-02"}</script>'
    time = '<article><p>Text <time datetime="2025-01-03">3 January</time></p></article>'
    assert meta_of('<meta property="article:published_time" content="2025-01-01">' + ld, time).published == "2025-01-01"
    assert meta_of(ld, time).published == "2025-01-02"
    assert meta_of("", time).published == "2025-01-03"
    assert meta_of("<title>No dates</title>").published is None
    # a date that is not ISO is no date (never a guess), and the next source is tried
    assert meta_of('<meta property="article:published_time" content="3 February 2025">' + ld).published == "2025-01-02"


def test_broken_json_ld_is_skipped() -> None:
    m = meta_of('<script type="application/ld+json">{"@type": "NewsArticle", </script>'
                '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-03-01"}</script>')
    assert m.published == "2025-03-01"


def test_language_from_html_lang() -> None:
    assert meta_of("", lang=' lang="fr-FR"').language == "fr"
    assert meta_of("").language is None


@pytest.mark.parametrize(
    "value, expected",
    [
        ("By Jane Doe", ("Jane Doe",)),
        ("Jane Doe, John Roe & Ann Lee", ("Jane Doe", "John Roe", "Ann Lee")),
        ("Jane Doe with AP", ("Jane Doe",)),
        ("https://www.facebook.com/janedoe", ()),
        ("jane@example.org", ()),
        ("Staff", ()),
        ("Associated Press", ()),
        ("Reuters", ()),
        ("The Meridian Post", ()),
        ("breaking news desk 24", ()),
    ],
)
def test_author_cleaning(value: str, expected: tuple[str, ...]) -> None:
    assert clean_authors([value], site_name="The Meridian Post") == expected


def test_html_reader_carries_metadata() -> None:
    [article] = list(read_html_file(EXAMPLES / "rubio-sheinbaum-security-talks.html"))
    assert isinstance(article, RawArticle)
    assert article.authors == ("Laura Mendez",)
    assert article.published == "2025-05-14T09:30:00+00:00"
    assert article.language == "en"


def test_authors_become_person_entities_with_a_byline(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><meta property='og:site_name' content='Reuters'>"
        "<meta name='author' content='By Jane Doe and Omar Haddad'>"
        "<meta property='article:published_time' content='2025-03-04'></head>"
        "<body><article><h1>Rubio visits Panama</h1><p>Marco Rubio travelled to Panama on Sunday. "
        "Omar Haddad, who reported from Panama City, said the talks were short.</p></article></body></html>"
    )
    with KnowledgeGraph.open(tmp_path / "kg.db") as kg:
        summary = kg.ingest([page], workers=1)
        assert summary.documents_new == 1
        conn = kg.store.conn
        rows = conn.execute(
            "SELECT b.entity_id, e.type, e.name, d.date FROM bylines b JOIN entities e ON e.id = b.entity_id "
            "JOIN documents d ON d.id = b.document_id ORDER BY 1"
        ).fetchall()
        assert [tuple(r) for r in rows] == [
            ("person:jane-doe", "Person", "Jane Doe", "2025-03-04"),
            ("person:omar-haddad", "Person", "Omar Haddad", "2025-03-04"),
        ]
        # the author the text names is the same entity; no author works for the site or agency
        assert conn.execute("SELECT mentions FROM entities WHERE id='person:omar-haddad'").fetchone()[0] >= 1
        works = conn.execute(
            "SELECT count(*) FROM relations WHERE type='WORKS_FOR' AND head IN ('person:jane-doe','person:omar-haddad')"
        ).fetchone()[0]
        assert works == 0


def test_authors_survive_the_extract_jsonl_round_trip(tmp_path: Path) -> None:
    from newsgraph.graph.model import ExtractedDocument

    doc = ExtractedDocument(id="x", text_length=1, source="s", authors=["person:jane-doe"])
    assert ExtractedDocument.from_dict(doc.to_dict()).authors == ["person:jane-doe"]


# --- JSON Lines bylines: 'authors' or 'author', a string or a list, cleaned as a page's ------


def jsonl_items(tmp_path: Path, *rows: object) -> list[object]:
    import json

    from newsgraph.extract.readers import read_jsonl_file

    path = tmp_path / "in.jsonl"
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return list(read_jsonl_file(path))


@pytest.mark.parametrize(
    "fields, expected",
    [
        ({"authors": ["Laura Mendez", "Tom Baker"]}, ("Laura Mendez", "Tom Baker")),
        ({"authors": "By Laura Mendez and Tom Baker"}, ("Laura Mendez", "Tom Baker")),
        ({"author": "Laura Mendez"}, ("Laura Mendez",)),
        ({"author": ["Laura Mendez"], "authors": ["Tom Baker", "Laura Mendez"]}, ("Tom Baker", "Laura Mendez")),
        # what a page's byline drops, a JSON line's drops too: agencies, "Staff", URLs, one word
        ({"authors": ["Associated Press", "Staff", "https://x.example/jane", "Madonna"]}, ()),
        ({"authors": []}, ()),
        ({"authors": None}, ()),
        ({}, ()),
    ],
)
def test_jsonl_authors(tmp_path: Path, fields: dict[str, object], expected: tuple[str, ...]) -> None:
    [article] = jsonl_items(tmp_path, {"text": "Marco Rubio visited Panama.", **fields})
    assert isinstance(article, RawArticle)
    assert article.authors == expected


@pytest.mark.parametrize(
    "fields, reason",
    [
        ({"authors": 7}, "'authors' must be a string or a list of strings, not a number"),
        ({"author": {"name": "Jane Doe"}}, "'author' must be a string or a list of strings, not an object"),
        ({"authors": ["Jane Doe", ["John Roe"]]}, "'authors' must be a string or a list of strings; item 2 is an array"),
    ],
)
def test_jsonl_authors_of_another_type_refuse_their_line_only(
    tmp_path: Path, fields: dict[str, object], reason: str
) -> None:
    from newsgraph.extract.readers import ReadFailure

    bad, good = jsonl_items(
        tmp_path, {"text": "Marco Rubio visited Panama.", **fields}, {"text": "Rubio met Bukele.", "author": "Jane Doe"}
    )
    assert isinstance(bad, ReadFailure) and (bad.line, bad.reason) == (1, reason)
    assert isinstance(good, RawArticle) and good.authors == ("Jane Doe",)


def test_jsonl_author_with_a_lone_surrogate_is_refused(tmp_path: Path) -> None:
    from newsgraph.extract.readers import ReadFailure

    [bad] = jsonl_items(tmp_path, '{"text": "Rubio met Bukele.", "authors": ["Jane \\ud800 Doe"]}')
    assert isinstance(bad, ReadFailure)
    assert bad.reason == "'authors' holds a lone surrogate escape (\\ud800): not valid Unicode"


def test_jsonl_authors_become_the_same_bylines_as_a_pages(tmp_path: Path) -> None:
    """One article as a web page with a byline and as a JSON line with 'authors': the same
    document, the same byline rows, the same Person entities."""
    text = "Marco Rubio travelled to Panama on Sunday. Omar Haddad, who reported from Panama City, said the talks were short."
    page = tmp_path / "page" / "page.html"
    page.parent.mkdir()
    page.write_text(
        "<html><head><meta name='author' content='By Jane Doe and Omar Haddad'></head>"
        f"<body><article><p>{text}</p></article></body></html>"
    )
    lines = tmp_path / "lines" / "in.jsonl"
    lines.parent.mkdir()
    lines.write_text(json_line({"text": text, "authors": ["Jane Doe", "Omar Haddad"]}) + "\n")

    def bylines(source: Path, name: str) -> list[tuple[object, ...]]:
        with KnowledgeGraph.open(tmp_path / name) as kg:
            assert kg.ingest([source], workers=1).documents_new == 1
            return [tuple(r) for r in kg.store.conn.execute(
                "SELECT b.document_id, b.entity_id, e.type, e.mentions > 0 FROM bylines b "
                "JOIN entities e ON e.id = b.entity_id ORDER BY 2"
            )]

    from_page, from_line = bylines(page, "page.db"), bylines(lines, "line.db")
    assert from_line == from_page
    assert [r[1:] for r in from_line] == [("person:jane-doe", "Person", 0), ("person:omar-haddad", "Person", 1)]


def json_line(row: dict[str, object]) -> str:
    import json

    return json.dumps(row)


# --- a byline's author is not a person the articles speak of (issue 18) -----------------------


def test_byline_only_author_is_in_no_list_and_marked_on_the_card(examples_db: Path) -> None:
    """The examples' web page has a byline (Laura Mendez) its text never names: she is the
    page's author (bylines 1), not an entity with no evidence in the entity lists, rankings,
    search or the explorer's lists; her card says what she is."""
    import json

    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from newsgraph.cli import app
    from newsgraph.serve import create_app

    def cli(*args: object) -> object:
        result = CliRunner().invoke(app, [*map(str, args), "--db", str(examples_db)])
        assert result.exit_code == 0, result.stderr
        return result.stdout

    author = "person:laura-mendez"
    with KnowledgeGraph.open(examples_db) as kg:
        assert kg.store.conn.execute("SELECT count(*) FROM bylines WHERE entity_id = ?", (author,)).fetchone()[0] == 1
        assert author not in {e["id"] for e in kg.entities(limit=None)}
        assert author not in {e["id"] for e in kg.entities("Person")}
        assert kg.search("Laura Mendez") == []
        assert kg.entities()[-1]["mentions"] > 0
    for by in ("mentions", "degree", "pagerank", "betweenness"):
        ranked = json.loads(cli("top", "--by", by, "--limit", 1000, "--json"))  # type: ignore[arg-type]
        assert author not in json.dumps(ranked), by
    assert "Laura Mendez" not in cli("entities", "--limit", 1000)  # type: ignore[operator]

    card = json.loads(cli("entity", "Laura Mendez", "--json"))  # type: ignore[arg-type]
    assert (card["id"], card["mentions"], card["bylines"], card["connections"]) == (author, 0, 1, [])
    assert "byline of 1 document; not named in any article's text" in cli("entity", "Laura Mendez")  # type: ignore[operator]
    # an entity the text names has no byline mark
    assert json.loads(cli("entity", "Rubio", "--json"))["bylines"] == 0  # type: ignore[arg-type]
    assert "byline of" not in cli("entity", "Rubio")  # type: ignore[operator]

    client = TestClient(create_app(examples_db, allowed_hosts=["testserver"]))
    assert author not in client.get("/api/top", params={"limit": 500}).text
    # the article view names her as its author, not among the entities its text names
    with KnowledgeGraph.open(examples_db) as kg:
        [doc_id] = [r[0] for r in kg.store.conn.execute("SELECT document_id FROM bylines WHERE entity_id = ?", (author,))]
    article = client.get("/api/document", params={"id": doc_id}).json()
    assert article["authors"] == [{"id": author, "name": "Laura Mendez", "type": "Person"}]
    assert author not in {e["id"] for e in article["entities"]}
    found = client.get("/api/search", params={"q": "Laura Mendez"})
    assert found.status_code == 200 and author not in found.text
    assert "person:marco-rubio" in client.get("/api/search", params={"q": "Marco Rubio"}).text


def test_page_dates_feed_first_last_seen_and_the_date_filters(tmp_path: Path) -> None:
    """Two pages about the same meeting, dated only by their metadata (Open Graph, JSON-LD):
    the entities' first/last seen are those dates, and ``--since``/``--until`` on
    connections keep the evidence of the dated page inside the window only."""
    pages = tmp_path / "pages"
    pages.mkdir()
    body = "<article><p>Marco Rubio met Nayib Bukele in San Salvador on Monday.</p>{more}</article>"
    (pages / "a.html").write_text(
        "<html><head><meta property='article:published_time' content='2025-02-03T09:00:00Z'></head><body>"
        + body.format(more="") + "</body></html>")
    (pages / "b.html").write_text(
        "<html><head><script type='application/ld+json'>"
        '{"@type": "NewsArticle", "headline": "Again", "datePublished": "2025-04-10"}'
        "</script></head><body>" + body.format(more="<p>Rubio met Bukele again in April.</p>") + "</body></html>")
    with KnowledgeGraph.open(tmp_path / "kg.db") as kg:
        assert kg.ingest([pages], workers=1).documents_new == 2
        card = kg.card("Marco Rubio")
        assert (card["first_seen"], card["last_seen"]) == ("2025-02-03", "2025-04-10")

        def met(**window: str) -> list[str]:
            found = kg.connections("Marco Rubio", RelationFilter(relation_types=["MET_WITH"], **window), evidence_limit=10)
            return sorted({e["document"] for c in found["connections"] for e in c["evidence"]})

        both, early, late = met(), met(until="2025-03-01"), met(since="2025-03-01")
        assert len(both) == 2 and len(early) == 1 and len(late) == 1 and early != late


@pytest.mark.parametrize(
    "head, body, title",
    [
        # the publisher's headline wins over the page's <h1>, which still leaves the text
        ('<meta property="og:title" content="Rubio and Bukele agree on deportees">',
         "<article><h1>Live: Rubio in El Salvador</h1><p>Marco Rubio met Nayib Bukele on Monday.</p></article>",
         "Rubio and Bukele agree on deportees"),
        # a JSON-LD headline before <title> and its site name
        ('<title>Site | Home</title><script type="application/ld+json">'
         '{"@type": "NewsArticle", "headline": "Rubio meets Bukele"}</script>',
         "<article><p>Marco Rubio met Nayib Bukele on Monday.</p></article>", "Rubio meets Bukele"),
        # no metadata title: the <h1>, then <title> without its site name
        ("<title>Rubio meets Bukele | The Meridian Post</title>",
         "<article><h1>Rubio in San Salvador</h1><p>Marco Rubio met Nayib Bukele on Monday.</p></article>",
         "Rubio in San Salvador"),
        ("<title>Rubio meets Bukele in San Salvador | Post</title>",
         "<article><p>Marco Rubio met Nayib Bukele on Monday.</p></article>", "Rubio meets Bukele in San Salvador"),
    ],
)
def test_html_title_in_the_order_of_trust(tmp_path: Path, head: str, body: str, title: str) -> None:
    page = tmp_path / "page.html"
    page.write_text(f"<!doctype html><html><head>{head}</head><body>{body}</body></html>", encoding="utf-8")
    [article] = list(read_html_file(page))
    assert isinstance(article, RawArticle)
    assert article.title == title
    assert article.text == "Marco Rubio met Nayib Bukele on Monday."  # no headline in the text
