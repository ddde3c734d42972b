"""Each input format read into Articles: text, ids, metadata and dates."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from pathlib import Path

import pytest

from wardrums.ingest import DEFAULT_MAX_BYTES, read_inputs, read_text_as_article
from wardrums.records import Article, Rejection, content_hash

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
D = dt.date(2020, 1, 2)


def read(*inputs: str | Path, **kw) -> list[Article | Rejection]:
    return list(read_inputs([str(i) for i in inputs], **kw))


def articles(*inputs: str | Path, **kw) -> list[Article]:
    out = read(*inputs, **kw)
    bad = [r for r in out if isinstance(r, Rejection)]
    assert not bad, bad
    return out  # type: ignore[return-value]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


def test_public_api() -> None:
    import wardrums.ingest as ingest

    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024
    assert {"read_inputs", "read_text_as_article", "DEFAULT_MAX_BYTES"} <= set(ingest.__all__)


# --- plain text -------------------------------------------------------------------------------

def test_text_file_kept_exactly(tmp_path: Path) -> None:
    body = "Troops crossed the river at dawn.\r\n\r\nThe ministry denied it.  \n"
    p = write(tmp_path / "story.txt", body)
    [a] = articles(p, default_date=D)
    assert a.text == body  # not stripped, CRLF kept: offsets point into it
    assert a.id == str(p) and a.origin == str(p)
    assert a.published == D
    assert a.title is None and a.url is None


@pytest.mark.parametrize("ext", [".txt", ".text", ".md", ".TXT"])
def test_text_extensions(tmp_path: Path, ext: str) -> None:
    p = write(tmp_path / f"note{ext}", "The envoy arrived in Baku.")
    [a] = articles(p)
    assert a.text == "The envoy arrived in Baku." and a.published is None


def test_text_utf8_bom_stripped_and_utf16_decoded(tmp_path: Path) -> None:
    p1 = write(tmp_path / "bom.txt", b"\xef\xbb\xbfKyiv talks resumed.")
    p2 = write(tmp_path / "u16.txt", "Talks in Kraków ended.".encode("utf-16"))
    a1, a2 = articles(p1, p2)
    assert a1.text == "Kyiv talks resumed."
    assert a2.text == "Talks in Kraków ended."


def test_text_boilerplate_spans_recorded_not_removed(tmp_path: Path) -> None:
    body = "By Jane Doe, Reuters\nMOSCOW (Reuters) - Russia expelled two diplomats on Monday.\n"
    [a] = articles(write(tmp_path / "wire.txt", body))
    assert a.text == body
    assert [a.text[s:e] for s, e in a.boilerplate] == ["By Jane Doe, Reuters", "MOSCOW (Reuters) -"]


def test_read_text_as_article() -> None:
    text = "\ufeffThe minister resigned.\nShare this article"
    a = read_text_as_article(text, id="x1", published=D, title="T", source="S", url="http://u",
                             origin="cli")
    assert a.text == "The minister resigned.\nShare this article"
    assert (a.id, a.published, a.title, a.source, a.url, a.origin) == ("x1", D, "T", "S", "http://u", "cli")
    assert [a.text[s:e] for s, e in a.boilerplate] == ["Share this article"]
    assert read_text_as_article("Plain.", id="y").boilerplate == ()


# --- HTML -------------------------------------------------------------------------------------

def test_html_fixture_text_and_metadata() -> None:
    [a] = articles(FIXTURES / "article.html", default_date=D)
    assert a.title == "Ceasefire talks collapse after third round"
    assert a.source == "The Daily Ledger"
    assert a.url == "https://ledger.example.com/world/ceasefire-talks-collapse"  # canonical wins
    assert a.published == dt.date(2017, 10, 12)  # date as written, not converted to UTC
    assert a.id == str(FIXTURES / "article.html")
    paras = a.text.split("\n\n")
    assert paras[0] == "Ceasefire talks collapse after third round"
    assert "The rebels accused the army of shelling two villages & a market during the negotiations." in paras
    assert "\u201cWe will not return,\u201d a rebel spokesman told reporters." in paras
    for junk in ("Home", "Sport", "not text", "Subscribe", "Related", "Sign up", "color", "©"):
        assert junk not in a.text
    spans = [a.text[s:e] for s, e in a.boilerplate]
    assert "By Jane Doe, Reuters" in spans and "GENEVA (Reuters) -" in spans


def _page(head: str = "", body: str = "<p>Officials confirmed the prisoner exchange.</p>") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize("head,body,expected", [
    ('<meta name="date" content="2016-03-04">', "<p>Text here.</p>", dt.date(2016, 3, 4)),
    ('<meta name="pubdate" content="2016-03-05T10:00:00Z">', "<p>Text here.</p>", dt.date(2016, 3, 5)),
    ('<meta name="DC.date" content="2016-03-06">', "<p>Text here.</p>", dt.date(2016, 3, 6)),
    ('<meta name="publish-date" content="2016/03/07">', "<p>Text here.</p>", dt.date(2016, 3, 7)),
    ("", '<article><time datetime="2016-03-08T09:00">8 March</time><p>Text here.</p></article>',
     dt.date(2016, 3, 8)),
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
     '[{"@type": "NewsArticle", "datePublished": "2016-03-09T12:00:00+01:00"}]}</script>',
     "<p>Text here.</p>", dt.date(2016, 3, 9)),
    ("", "<p>Text here.</p>", D),
])
def test_html_published_sources(tmp_path: Path, head: str, body: str, expected: dt.date) -> None:
    [a] = articles(write(tmp_path / "p.html", _page(head, body)), default_date=D)
    assert a.published == expected


def test_html_title_fallbacks(tmp_path: Path) -> None:
    p1 = write(tmp_path / "a.htm", _page("<title> Strike  ends </title>", "<h1>Other</h1><p>Done.</p>"))
    p2 = write(tmp_path / "b.html", _page("", "<h1>Strike ends</h1><p>Workers went back.</p>"))
    a1, a2 = articles(p1, p2)
    assert a1.title == "Strike ends"
    assert a2.title == "Strike ends"
    assert a2.source is None and a2.url is None


def test_html_picks_element_with_most_paragraph_text(tmp_path: Path) -> None:
    body = (
        '<div id="menu"><p>Weather</p><p>Markets</p></div>'
        '<div id="story"><p>The army withdrew from the border town on Sunday.</p>'
        "<p>Residents returned to find shops looted.</p>"
        "<blockquote>We lost everything</blockquote>"
        "<p>Aid groups sent food trucks.</p></div>"
        '<div id="more"><p>Most read: football</p></div>'
    )
    [a] = articles(write(tmp_path / "p.html", _page("", body)))
    assert a.text == ("The army withdrew from the border town on Sunday.\n\n"
                      "Residents returned to find shops looted.\n\nWe lost everything\n\n"
                      "Aid groups sent food trucks.")


def test_html_paragraphs_each_wrapped_in_div(tmp_path: Path) -> None:
    paras = ["First paragraph of the report.", "Second paragraph of the report.",
             "Third paragraph of the report."]
    body = '<div class="story">' + "".join(f"<div><p>{p}</p></div>" for p in paras) + "</div>"
    [a] = articles(write(tmp_path / "p.html", _page("", body)))
    assert a.text == "\n\n".join(paras)


def test_html_meta_charset_honoured(tmp_path: Path) -> None:
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
            "</head><body><p>Gespr\u00e4che in M\u00fcnchen \u2013 vertagt</p></body></html>")
    [a] = articles(write(tmp_path / "de.html", html.encode("windows-1252")))
    assert a.text == "Gespr\u00e4che in M\u00fcnchen \u2013 vertagt"


def test_html_br_and_lists(tmp_path: Path) -> None:
    body = "<article><p>Line one<br>line two</p><ul><li>first<li>second</ul></article>"
    [a] = articles(write(tmp_path / "p.html", _page("", body)))
    assert a.text == "Line one\nline two\n\nfirst\n\nsecond"


# --- JSONL ------------------------------------------------------------------------------------

def test_jsonl_records(tmp_path: Path) -> None:
    lines = [
        {"id": "a1", "text": "  Rebels seized the airport.\n", "published": "2019-05-01",
         "title": "Airport seized", "source": "Wire", "url": "https://w.example/a1"},
        {"id": 42, "text": "The envoy left Minsk.", "published": "2019-05-02T23:30:00-05:00"},
        {"id": "a3", "text": "Sanctions were lifted.", "published": None},
    ]
    p = write(tmp_path / "batch.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n\n")
    a1, a2, a3 = articles(p, default_date=D)
    assert a1.text == "  Rebels seized the airport.\n"  # exactly as given
    assert (a1.id, a1.published, a1.title, a1.source, a1.url) == (
        "a1", dt.date(2019, 5, 1), "Airport seized", "Wire", "https://w.example/a1")
    assert a1.origin == str(p)
    assert a2.id == "42" and a2.published == dt.date(2019, 5, 2)
    assert a3.published == D


@pytest.mark.parametrize("ext", [".ndjson", ".json"])
def test_jsonl_other_extensions(tmp_path: Path, ext: str) -> None:
    p = write(tmp_path / f"x{ext}", '{"id": "n1", "text": "Talks stalled."}\n'
                                    '{"id": "n2", "text": "Talks resumed."}\n')
    assert [a.id for a in articles(p)] == ["n1", "n2"]


def test_json_array_document(tmp_path: Path) -> None:
    doc = [{"id": "j1", "text": "The vote was postponed."}, {"id": "j2", "text": "Polls opened."}]
    p = write(tmp_path / "arr.json", json.dumps(doc, indent=2))
    assert [(a.id, a.text) for a in articles(p)] == [("j1", "The vote was postponed."),
                                                     ("j2", "Polls opened.")]


def test_jsonl_unicode_text_exact(tmp_path: Path) -> None:
    text = "Ердоган заявив — «ні».\u2028Next"
    p = write(tmp_path / "u.jsonl", json.dumps({"id": "u", "text": text}, ensure_ascii=False))
    [a] = articles(p)
    assert a.text == text


# --- CSV --------------------------------------------------------------------------------------

def test_csv_headers_aliases_and_quoting(tmp_path: Path) -> None:
    content = ('ID,Title,Body,Date,Source,URL\r\n'
               'c1,Shelling,"Artillery hit the depot, officials said.\r\nTwo were hurt.",2018-07-09,Wire,https://x.example/c1\r\n'
               'c2,,"He said ""no"".",2018-07-10T08:00:00Z,,\r\n')
    p = write(tmp_path / "sheet.csv", content)
    c1, c2 = articles(p, default_date=D)
    assert c1.id == "c1" and c1.title == "Shelling" and c1.source == "Wire"
    assert c1.text == "Artillery hit the depot, officials said.\r\nTwo were hurt."
    assert c1.published == dt.date(2018, 7, 9) and c1.url == "https://x.example/c1"
    assert c2.text == 'He said "no".' and c2.title is None and c2.published == dt.date(2018, 7, 10)


def test_csv_content_and_published_date_aliases(tmp_path: Path) -> None:
    p = write(tmp_path / "s.csv", "id,content,published_date\nk,Troops pulled back.,2018-01-01\n")
    [a] = articles(p)
    assert a.text == "Troops pulled back." and a.published == dt.date(2018, 1, 1)


def test_tsv_and_missing_id_column(tmp_path: Path) -> None:
    p = write(tmp_path / "s.tsv", "text\tdate\nProtesters blocked the road, police said.\t\n"
                                  "Talks resumed.\t2018-02-03\n")
    a, b = articles(p, default_date=D)
    assert a.text == "Protesters blocked the road, police said."
    assert a.id == f"{p}:2" and b.id == f"{p}:3"
    assert a.published == D and b.published == dt.date(2018, 2, 3)


# --- feeds ------------------------------------------------------------------------------------

def test_rss2_feed() -> None:
    path = FIXTURES / "rss2.xml"
    out = read(path, default_date=D)
    assert [type(x).__name__ for x in out] == ["Article", "Article", "Rejection", "Article"]
    a1, a2, bad, a4 = out
    assert a1.id == "gazette-4471"
    assert a1.url == "https://gazette.example.org/2017/10/fishing-dispute"
    assert a1.title == "Fishing dispute flares at the strait"
    assert a1.source == "Harbour Town Gazette" and a1.origin == str(path)
    assert a1.published == dt.date(2017, 10, 12)
    assert a1.text == ("Coast guard vessels from the two neighbours shadowed each other for hours "
                       'on Wednesday.\n\nOfficials in the capital accused the crews of "provocation".')
    # content:encoded is preferred over the teaser description; the footer is flagged
    assert a2.text.startswith("The interior ministers") and "teaser" not in a2.text
    assert a2.published == dt.date(2017, 10, 13) and a2.id == a2.url
    assert [a2.text[s:e] for s, e in a2.boilerplate] == [
        "The post Ministers agree to reopen the border crossing appeared first on Harbour Town Gazette."]
    assert bad.code == "empty" and bad.input == f"{path}#item3" and "gallery" in bad.reason
    # guid that is a permalink doubles as id and url
    assert a4.id == a4.url == "https://gazette.example.org/2017/10/protest"
    assert a4.published == dt.date(2017, 10, 14)


def test_rss1_rdf_feed() -> None:
    [a] = articles(FIXTURES / "rss1.rdf.xml")
    assert a.id == "https://wire.example.com/story/88"
    assert a.source == "Valley Wire" and a.title == "Governor rejects calls to resign"
    assert a.published == dt.date(2017, 10, 16)
    assert a.text == "The governor rejected opposition calls to resign on Monday."


def test_atom_feed() -> None:
    a1, a2, a3 = articles(FIXTURES / "atom.xml", default_date=D)
    assert a1.id == "urn:uuid:entry-0001" and a1.source == "Northern Monitor"
    assert a1.url == "https://monitor.example.net/peacekeeping-vote"  # rel=alternate, not edit
    assert a1.published == dt.date(2017, 10, 14)  # published beats updated
    assert a1.text == ("Lawmakers voted 212 to 98 on Saturday to keep the battalion deployed for "
                       "another year.\n\nThe opposition walked out.")
    assert a2.published == dt.date(2017, 10, 15) and a2.url == "https://monitor.example.net/envoy-summoned"
    assert a2.text == "The foreign ministry summoned the ambassador after two jets crossed into its airspace."
    assert a3.text == "The delegations issued a joint statement.\n\nThey will meet again in November."
    assert a3.url is None


@pytest.mark.parametrize("ext", [".rss", ".atom"])
def test_feed_extensions(tmp_path: Path, ext: str) -> None:
    p = write(tmp_path / f"f{ext}", (FIXTURES / "atom.xml").read_bytes())
    assert len(articles(p)) == 3


def test_feed_declared_encoding(tmp_path: Path) -> None:
    xml = ('<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel>'
           "<title>Le Journal</title><item><guid>fr1</guid>"
           "<description>Les n\u00e9gociations ont repris \u00e0 Gen\u00e8ve.</description>"
           "</item></channel></rss>")
    [a] = articles(write(tmp_path / "fr.xml", xml.encode("iso-8859-1")))
    assert a.text == "Les n\u00e9gociations ont repris \u00e0 Gen\u00e8ve."


def test_rss_091_doctype_is_accepted(tmp_path: Path) -> None:
    xml = ('<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
           '"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"><channel>'
           "<title>Old</title><item><title>T</title><link>http://old.example/1</link>"
           "<description>Old feeds still carry this doctype.</description></item></channel></rss>")
    [a] = articles(write(tmp_path / "old.rss", xml))
    assert a.id == "http://old.example/1" and a.text == "Old feeds still carry this doctype."


# --- folders, stdin ---------------------------------------------------------------------------

def test_folder_walk_sorted_recursive_skips_hidden_and_unknown(tmp_path: Path) -> None:
    root = tmp_path / "news"
    write(root / "b.txt", "B text.")
    write(root / "a.txt", "A text.")
    write(root / "sub" / "c.md", "C text.")
    write(root / "a_dir" / "d.txt", "D text.")
    write(root / ".hidden.txt", "hidden")
    write(root / ".git" / "e.txt", "hidden too")
    write(root / "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF")
    write(root / "notes.docx", b"PK\x03\x04")
    out = articles(root)
    assert [a.text for a in out] == ["A text.", "D text.", "B text.", "C text."]
    assert out[1].id == os.path.join(str(root), "a_dir", "d.txt")


@pytest.mark.parametrize("data,kind", [
    (b'{"id": "s1", "text": "From a pipe."}\n', "jsonl"),
    ((FIXTURES / "rss1.rdf.xml").read_bytes(), "feed"),
    (b"<rss version='2.0'><channel><item><guid>g</guid><description>Feed item.</description></item></channel></rss>", "feed"),
    (b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>e</id><summary>Entry.</summary></entry></feed>", "feed"),
    (b"<!DOCTYPE html><html><body><p>A page.</p></body></html>", "html"),
    (b"<html><body><article><p>Another page.</p></article></body></html>", "html"),
    (b"Just words, typed into a terminal.\n", "text"),
])
def test_stdin_sniffing(data: bytes, kind: str) -> None:
    [a] = articles("-", stdin=io.BytesIO(data), default_date=D)
    assert a.origin == "<stdin>"
    if kind == "jsonl":
        assert a.id == "s1" and a.text == "From a pipe."
    elif kind == "feed":
        assert a.id in ("https://wire.example.com/story/88", "g", "e")
    elif kind == "html":
        assert a.id == f"stdin:{content_hash(a.text)[:12]}" and a.text.endswith("page.")
        assert a.published == D
    else:
        assert a.text == data.decode() and a.id == f"stdin:{content_hash(a.text)[:12]}"
        assert len(a.id) == len("stdin:") + 12


def test_read_inputs_is_lazy(tmp_path: Path) -> None:
    gen = read_inputs([str(tmp_path / "missing.txt")])
    assert iter(gen) is gen  # a generator: nothing is read until iterated
    assert isinstance(next(gen), Rejection)


def test_jsonl_publication_date_aliases(tmp_path: Path) -> None:
    p = write(tmp_path / "a.jsonl",
              '{"id": "x", "text": "Police fired tear gas.", "pub_date": "2002-03-10"}\n'
              '{"id": "y", "text": "Talks resumed.", "date": "2002-03-11", "published": ""}\n'
              '{"id": "z", "text": "Talks resumed again.", "pub_date": "10 March"}\n')
    x, y, z = read(p)
    assert x.published == dt.date(2002, 3, 10) and y.published == dt.date(2002, 3, 11)
    assert z.code == "bad-field" and '"pub_date"' in z.reason


def test_jsonl_outlet_aliases_fill_source(tmp_path: Path) -> None:
    p = write(tmp_path / "o.jsonl",
              '{"id": "o1", "text": "Police fired tear gas.", "outlet": "Dawn"}\n'
              '{"id": "o2", "text": "Talks resumed.", "news_source": "The Hindu"}\n'
              '{"id": "o3", "text": "Talks stalled.", "source": "Kyodo", "outlet": "Dawn"}\n'
              '{"id": "o4", "text": "Talks stalled again.", "outlet": 7}\n')
    o1, o2, o3, o4 = read(p)
    assert (o1.source, o2.source, o3.source) == ("Dawn", "The Hindu", "Kyodo")
    assert o4.code == "bad-field" and '"outlet"' in o4.reason


def test_csv_outlet_and_news_source_columns(tmp_path: Path) -> None:
    a = write(tmp_path / "a.csv", "id,text,Outlet\nr1,Police fired tear gas.,Dawn\n")
    b = write(tmp_path / "b.csv", "id,text,news_source\nr2,Talks resumed.,The Hindu\n")
    assert [x.source for x in articles(a, b)] == ["Dawn", "The Hindu"]
