import io
import json
from pathlib import Path

import pytest

from newsgraph.extract.readers import (
    SUPPORTED_SUFFIXES,
    RawArticle,
    ReadFailure,
    decode_bytes,
    iter_articles,
    read_html_file,
    read_jsonl_file,
    read_text_file,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
BODY = "Rubio met with Bukele in San Salvador on Monday.\n\nThe two men discussed migration."


def test_interface_constants():
    assert SUPPORTED_SUFFIXES == {".txt", ".md", ".html", ".htm", ".jsonl", ".ndjson"}


# --- decoding ---------------------------------------------------------------------------


def test_decode_bytes():
    assert decode_bytes("Ar\u00e9valo".encode("utf-8")) == "Ar\u00e9valo"
    assert decode_bytes(b"\xef\xbb\xbfRubio") == "Rubio"
    assert decode_bytes("Ar\u00e9valo".encode("utf-16")) == "Ar\u00e9valo"
    assert decode_bytes(b"\x93Ar\xe9valo\x94") == "\u201cAr\u00e9valo\u201d"  # cp1252
    # 0x81 is undefined in cp1252 and a control in latin-1: not Western text (issue 14)
    assert decode_bytes(b"Ar\xe9valo \x81") is None
    assert decode_bytes(b"PK\x03\x04\x00\x00zip") is None
    assert decode_bytes(b"Rubio met Bukele.\x00" + b" " * 100) is None  # one NUL is enough
    assert decode_bytes(bytes(range(1, 32)) * 10) is None
    assert decode_bytes(b"") == ""


def test_binary_file_is_a_failure(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    assert list(iter_articles([path])) == [ReadFailure(str(path), "binary file")]
    assert ReadFailure(str(path), "binary file").message() == f"{path}: binary file"


def test_binary_jsonl_and_html_are_failures(tmp_path):
    for name in ("feed.jsonl", "page.html"):
        path = tmp_path / name
        path.write_bytes(b"\x00\x01\x02" * 100)
        assert list(iter_articles([path])) == [ReadFailure(str(path), "binary file")]


def test_latin1_file_is_decoded(tmp_path):
    path = tmp_path / "arevalo.txt"
    path.write_bytes(
        "Ar\u00e9valo meets Rubio in Guatemala City\n\n"
        "Guatemala's President Bernardo Ar\u00e9valo met Rubio, the se\u00f1or from Washington.\n".encode("latin-1")
    )
    assert list(iter_articles([path])) == [
        RawArticle(
            text="Guatemala's President Bernardo Ar\u00e9valo met Rubio, the se\u00f1or from Washington.",
            source=str(path),
            title="Ar\u00e9valo meets Rubio in Guatemala City",
        )
    ]


def test_utf8_bom_and_crlf(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfRubio in Panama\r\n\r\nRubio travelled to Panama.\r\n")
    assert list(read_text_file(path)) == [RawArticle("Rubio travelled to Panama.", str(path), "Rubio in Panama")]


# --- empty input ------------------------------------------------------------------------


FURNITURE_ONLY = b"Share this article\n\nAdvertisement\nClose Button\n"
FURNITURE_ONLY_PAGE = b"<html><body><p>Share this article</p><div>Advertisement</div><p>Close Button</p></body></html>"


@pytest.mark.parametrize(
    "name, content",
    [
        (name, content)
        for name in ("a.txt", "a.md", "a.html")
        for content in (b"", b"  \n\n\t \r\n", FURNITURE_ONLY_PAGE if name == "a.html" else FURNITURE_ONLY)
    ],
)
def test_empty_file_is_a_failure(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    assert list(iter_articles([path])) == [ReadFailure(str(path), "empty file")]


def test_empty_jsonl_is_a_failure(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n\n")
    assert list(iter_articles([path])) == [ReadFailure(str(path), "empty file")]


# --- plain text and Markdown ------------------------------------------------------------


def test_txt_headline_becomes_title(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Rubio visits El Salvador\n\n" + BODY + "\n")
    assert list(read_text_file(path)) == [RawArticle(BODY, str(path), "Rubio visits El Salvador")]


@pytest.mark.parametrize(
    "content",
    [
        BODY,  # first line is a sentence
        "Rubio visits El Salvador",  # a headline with no body is the body
        "x" * 151 + "\n\nBody.",  # too long for a headline
    ],
)
def test_txt_without_headline_has_no_title(tmp_path, content):
    path = tmp_path / "a.txt"
    path.write_text(content)
    [article] = read_text_file(path)
    assert article.title is None
    assert article.text == content


def test_markdown(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "# Bukele *hosts* Rubio\n\n"
        "![Rubio and Bukele](photo.jpg)\n\n"
        "**San Salvador** \u2014 [Marco Rubio](https://state.gov) met with _Bukele_ in San Salvador.\n\n"
        "## The talks\n\n"
        "> The two men discussed `migration` and ~~trade~~ security.\n\n"
        "- first, deportations;\n"
        "- second, energy.\n\n"
        "[1]: https://example.org\n"
    )
    assert list(read_text_file(path)) == [
        RawArticle(
            text="San Salvador \u2014 Marco Rubio met with Bukele in San Salvador.\n\n"
            "The talks\n\n"
            "The two men discussed migration and trade security.\n\n"
            "first, deportations;\nsecond, energy.",
            source=str(path),
            title="Bukele hosts Rubio",
        )
    ]


def test_markdown_front_matter(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        '---\ntitle: "Rubio in Panama"\ndate: 2025-02-01\nurl: https://example.org/a\ntags:\n  - panama\n---\n'
        "# Rubio in Panama\n\nRubio travelled to Panama.\n"
    )
    assert list(read_text_file(path)) == [
        RawArticle("Rubio travelled to Panama.", str(path), "Rubio in Panama", "https://example.org/a", "2025-02-01")
    ]


# --- HTML -------------------------------------------------------------------------------

SMALL_PAGE = """<!doctype html>
<html><head><title>Rubio meets Bukele | Daily Example</title>
<meta charset="windows-1252"></head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav></header>
<div id="content">
  <h1>Rubio meets Bukele</h1>
  <p>Published <time datetime="2025-02-03">3 February</time></p>
  <p>Rubio met with <a href="/bukele">Bukele</a> in
     San Salvador on Monday.</p>
  <figure><img src="a.jpg"><figcaption>Bukele and Rubio. (AP Photo/X)</figcaption></figure>
  <p>The two men discussed migration.<br>Ar\xe9valo was not there.</p>
  <script>var x = "Sheinbaum";</script>
</div>
<aside><h2>Most read</h2><ul><li><a href="/1">Carney in Mexico</a></li></ul></aside>
<footer><p>About us | Contact | Privacy policy</p></footer>
</body></html>
"""


def test_html_drops_nav_and_footer_and_keeps_paragraphs(tmp_path):
    path = tmp_path / "page.htm"
    path.write_bytes(SMALL_PAGE.encode("cp1252"))
    assert list(read_html_file(path)) == [
        RawArticle(
            text="Rubio met with Bukele in San Salvador on Monday.\n\n"
            "The two men discussed migration.\nAr\u00e9valo was not there.",
            source=str(path),
            title="Rubio meets Bukele",
            published="2025-02-03",
        )
    ]


def test_html_title_falls_back_to_title_element(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><head><title>Daily Example - Panama quits Belt and Road</title></head>"
                    "<body><main><p>Panama said it would leave.</p></main></body></html>")
    [article] = read_html_file(path)
    assert (article.title, article.text) == ("Panama quits Belt and Road", "Panama said it would leave.")


def test_html_link_lists_without_markup_hints_are_dropped(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><body><div class='story'><p>Rubio met with Bukele in San Salvador on Monday.</p>"
        "<ul><li><a href='/1'>Carney names new trade envoy</a></li><li><a href='/2'>Panama quits Belt and Road</a>"
        "</li><li><a href='/3'>UN warns of funding gap</a></li></ul>"
        "<div><a href='/w'>World</a> <a href='/p'>Politics</a> <a href='/b'>Business</a></div>"
        "<p>The two men discussed migration, <a href='/a'>Ar\u00e9valo</a> said.</p></div></body></html>"
    )
    [article] = read_html_file(path)
    assert article.text == "Rubio met with Bukele in San Salvador on Monday.\n\nThe two men discussed migration, Ar\u00e9valo said."


CLUTTER = [
    "Skip to content", "cookies", "Accept all", "Manage preferences", "Meridian Post", "Home", "Subscribe",
    "Laura", "Share", "Facebook", "WhatsApp", "Copy link", "Photo", "Reuters", "Advertisement", "Read more",
    "Carney names", "promises stronger border", "Panama quits", "Bukele offers", "Most read",
    "will not accept US troops", "Bukele hosts", "UN warns", "Sign up", "inbox", "About us", "Privacy",
    "\u00a9", "free articles", "Close", "Button", "Published", "14 May 2025", "dataLayer",
]


def test_clutter_example_page_yields_only_the_article():
    path = EXAMPLES / "rubio-sheinbaum-security-talks.html"
    [article] = read_html_file(path)
    assert article.title == "Rubio arrives in Mexico City for security talks with Sheinbaum"
    assert article.published == "2025-05-14T09:30:00+00:00"
    assert article.url == "https://meridianpost.example/world/americas/rubio-mexico-city-sheinbaum-security-talks"
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 6
    assert all("\n" not in p for p in paragraphs)
    assert paragraphs[0].startswith("US Secretary of State Marco Rubio arrived in Mexico City on Tuesday")
    assert paragraphs[3] == (
        "Sheinbaum has repeatedly rejected any suggestion that US forces could operate on Mexican soil. "
        "The proposal was criticised by members of her party, who said cooperation with the U.S. had to be "
        "based on trust rather than pressure."
    )
    assert paragraphs[5].endswith("when the two leaders meet next month.")
    assert [c for c in CLUTTER if c in article.text] == []


# --- JSON Lines -------------------------------------------------------------------------


def test_jsonl_malformed_line_in_the_middle(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        {"id": 17, "title": "Rubio in Panama", "url": "https://example.org/1", "published": "2025-02-01",
         "text": "Rubio travelled to Panama."},
        "",
        '{"id": "b", "text": "Bukele" "met Rubio"}',
        "[1, 2]",
        {"id": "c", "title": "No text"},
        {"id": "d", "text": "  \n Advertisement \n"},
        {"id": "e", "text": 42},
        {"id": "f", "text": "Sheinbaum spoke to Carney.", "published": "2025-06-05T14:20:00-05:00"},
    ]
    path.write_text("\n".join(row if isinstance(row, str) else json.dumps(row) for row in lines) + "\n")
    source = str(path)
    assert list(read_jsonl_file(path)) == [
        RawArticle("Rubio travelled to Panama.", f"{source}:1", "Rubio in Panama", "https://example.org/1",
                   "2025-02-01", "17"),
        ReadFailure(source, "malformed JSON: Expecting ',' delimiter (column 30)", line=3),
        ReadFailure(source, "a line must be a JSON object, not an array", line=4),
        ReadFailure(source, "missing 'text'", line=5),
        ReadFailure(source, "empty 'text'", line=6),
        ReadFailure(source, "'text' must be a string, not a number", line=7),
        RawArticle("Sheinbaum spoke to Carney.", f"{source}:8", published="2025-06-05T14:20:00-05:00",
                   external_id="f"),
    ]
    assert ReadFailure(source, "missing 'text'", line=5).message() == f"{source}:5: missing 'text'"


def test_jsonl_is_read_line_by_line(tmp_path):
    """The first article is yielded before a later line is read."""
    path = tmp_path / "feed.ndjson"
    path.write_text(json.dumps({"text": "Rubio met Bukele."}) + "\n")
    articles = iter_articles([path])
    first = next(articles)
    with path.open("a") as f:  # appended after the first article was yielded
        f.write(json.dumps({"text": "Carney met Sheinbaum."}) + "\n")
    assert [first.text] + [a.text for a in articles] == ["Rubio met Bukele.", "Carney met Sheinbaum."]


# --- paths and folders ------------------------------------------------------------------


def test_folder_recursion_and_sorting(tmp_path):
    files = {
        "b.txt": "Rubio met Bukele.",
        "a/z.md": "Carney met Sheinbaum.",
        "a/b/c.html": "<p>Ar\u00e9valo met Rubio.</p>",
        "a/a.jsonl": '{"text": "Panama left the initiative."}\n{"text": "The UN met."}\n',
        "A.TXT": "Sheinbaum spoke.",
        "notes.pdf": "not read",
        "data.csv": "not read",
        ".hidden.txt": "not read",
        ".git/x.txt": "not read",
        "README.md": "not read",
    }
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content)
    assert [(a.source, a.text) for a in iter_articles([tmp_path])] == [
        (f"{tmp_path}/A.TXT", "Sheinbaum spoke."),
        (f"{tmp_path}/a/a.jsonl:1", "Panama left the initiative."),
        (f"{tmp_path}/a/a.jsonl:2", "The UN met."),
        (f"{tmp_path}/a/b/c.html", "Ar\u00e9valo met Rubio."),
        (f"{tmp_path}/a/z.md", "Carney met Sheinbaum."),
        (f"{tmp_path}/b.txt", "Rubio met Bukele."),
    ]


def test_explicit_paths_in_order_with_missing_and_unsupported(tmp_path):
    notes = tmp_path / "notes.rst"
    notes.write_text("Rubio met Bukele.")
    empty_folder = tmp_path / "empty"
    empty_folder.mkdir()
    (empty_folder / "x.pdf").write_text("not read")
    missing = tmp_path / "missing.txt"
    assert list(iter_articles([missing, notes, str(empty_folder)])) == [
        ReadFailure(str(missing), "no such file or folder"),
        RawArticle("Rubio met Bukele.", str(notes)),
        ReadFailure(str(empty_folder), "no .htm, .html, .jsonl, .md, .ndjson, .txt files in folder"),
    ]


# --- standard input ---------------------------------------------------------------------


def test_stdin_plain_text():
    stdin = io.StringIO("Rubio visits El Salvador\n\n" + BODY + "\n\nCopy link\n")
    assert list(iter_articles(["-"], stdin=stdin)) == [RawArticle(BODY, "<stdin>", "Rubio visits El Salvador")]


def test_stdin_json_lines():
    stdin = io.StringIO('\n{"id": "a", "text": "Rubio met Bukele."}\n{"text": "Carney"\n{"text": "UN met."}\n')
    assert list(iter_articles(["-"], stdin=stdin)) == [
        RawArticle("Rubio met Bukele.", "<stdin>:2", external_id="a"),
        ReadFailure("<stdin>", "malformed JSON: Expecting ',' delimiter (column 18)", line=3),
        RawArticle("UN met.", "<stdin>:4"),
    ]


def test_stdin_text_starting_with_a_brace_is_text():
    stdin = io.StringIO("{Draft} Rubio met Bukele.\n")
    assert list(iter_articles(["-"], stdin=stdin)) == [RawArticle("{Draft} Rubio met Bukele.", "<stdin>")]


def test_stdin_bytes_are_decoded_and_html_is_recognised():
    raw = io.TextIOWrapper(io.BytesIO(b"<!DOCTYPE html><html><body><nav>Home</nav><p>Ar\xe9valo spoke.</p></body></html>"))
    assert list(iter_articles(["-"], stdin=raw)) == [RawArticle("Ar\u00e9valo spoke.", "<stdin>")]


def test_stdin_json_lines_are_streamed():
    """Articles come out as lines come in: nothing waits for the end of input."""

    class Pipe(io.StringIO):
        def __iter__(self):
            yield '{"text": "Rubio met Bukele."}\n'
            raise RuntimeError("stream still open")

    articles = iter_articles(["-"], stdin=Pipe())
    assert next(articles) == RawArticle("Rubio met Bukele.", "<stdin>:1")
    with pytest.raises(RuntimeError, match="stream still open"):
        next(articles)


# --- the examples folder ----------------------------------------------------------------


def test_examples_read_cleanly():
    items = list(iter_articles([EXAMPLES]))
    assert [i for i in items if isinstance(i, ReadFailure)] == []
    assert len(items) == 8  # seven files, two articles in the JSON Lines file; README.md is skipped
    assert {Path(a.source.split(":")[0]).suffix for a in items} == {".txt", ".md", ".html", ".jsonl"}
    for article in items:
        assert article.title, article.source
        assert 150 <= len(article.text.split()) <= 300, article.source
        if article.published is not None:
            assert "2025-01" <= article.published[:7] <= "2025-06", article.source
    dated = [a.source.rsplit("/", 1)[-1] for a in items if a.published]
    assert dated == [
        "meridian-post-feed.jsonl:1",
        "meridian-post-feed.jsonl:2",
        "rubio-sheinbaum-security-talks.html",
        "un-criticises-prison-deal.md",
    ]
