"""Every way an input can be bad yields a Rejection with the right code, and the batch goes on."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from wardrums.errors import REJECTION_CODES
from wardrums.ingest import read_inputs
from wardrums.records import Article, Rejection


def read(*inputs: str | Path, **kw) -> list[Article | Rejection]:
    return list(read_inputs([str(i) for i in inputs], **kw))


def one_rejection(*inputs: str | Path, **kw) -> Rejection:
    out = read(*inputs, **kw)
    assert len(out) == 1 and isinstance(out[0], Rejection), out
    r = out[0]
    assert r.code in REJECTION_CODES
    assert "\n" not in r.reason and r.reason.strip()
    return r


def write(path: Path, content: str | bytes) -> Path:
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


# --- whole-file problems ----------------------------------------------------------------------

def test_not_found(tmp_path: Path) -> None:
    r = one_rejection(tmp_path / "nope.txt")
    assert r.code == "not-found" and r.input == str(tmp_path / "nope.txt")


@pytest.mark.parametrize("name,content", [
    ("e.txt", b""), ("w.txt", b"  \n\t\r\n  "), ("e.html", b""), ("e.jsonl", b"\n\n"),
    ("w.csv", b"   \n"), ("e.xml", b""), ("nbsp.txt", "\u00a0\u2003\n".encode()),
])
def test_empty_and_whitespace_only(tmp_path: Path, name: str, content: bytes) -> None:
    assert one_rejection(write(tmp_path / name, content)).code == "empty"


def test_empty_stdin() -> None:
    r = one_rejection("-", stdin=io.BytesIO(b"   \n"))
    assert r.code == "empty" and r.input == "<stdin>"


@pytest.mark.parametrize("content", [
    b"The talks\x00 resumed",  # a NUL byte
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",  # an image renamed .txt
    bytes(range(1, 9)) * 50 + b"some text",  # mostly control bytes, no NUL
])
def test_binary(tmp_path: Path, content: bytes) -> None:
    r = one_rejection(write(tmp_path / "b.txt", content))
    assert r.code == "binary" and "binary" in r.reason


def test_binary_in_jsonl_and_feed(tmp_path: Path) -> None:
    assert one_rejection(write(tmp_path / "b.jsonl", b'{"id":"1"}\x00\x00')).code == "binary"
    assert one_rejection(write(tmp_path / "b.rss", b"<rss>\x00\x01\x02</rss>")).code == "binary"


def test_non_utf8_text_is_refused_not_guessed(tmp_path: Path) -> None:
    p = write(tmp_path / "latin.txt", "Les n\u00e9gociations \u00e0 Gen\u00e8ve".encode("latin-1"))
    r = one_rejection(p)
    assert r.code == "encoding"
    assert "UTF-8" in r.reason and "0xe9" in r.reason  # names the bad byte and what to do


def test_non_utf8_html_without_declaration(tmp_path: Path) -> None:
    p = write(tmp_path / "p.html", "<html><body><p>Stra\u00dfe</p></body></html>".encode("latin-1"))
    assert one_rejection(p).code == "encoding"


def test_html_declaring_unknown_charset(tmp_path: Path) -> None:
    p = write(tmp_path / "p.html", b'<html><head><meta charset="klingon-8"></head><body><p>\xe9\xe9</p>')
    r = one_rejection(p)
    assert r.code == "encoding" and "klingon-8" in r.reason


def test_bad_utf16_bom(tmp_path: Path) -> None:
    assert one_rejection(write(tmp_path / "u.txt", b"\xff\xfeA\x00B")).code == "encoding"


def test_too_large_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import wardrums.ingest.walk as walk

    p = write(tmp_path / "big.txt", "The army advanced. " * 100)

    def no_open(*args, **kwargs):
        raise AssertionError("file was opened despite being over the limit")

    monkeypatch.setattr(walk, "open", no_open, raising=False)
    r = one_rejection(p, max_bytes=1000)
    assert r.code == "too-large" and "1900 bytes" in r.reason and "1000 bytes" in r.reason


def test_at_limit_is_fine_and_stdin_over_limit(tmp_path: Path) -> None:
    p = write(tmp_path / "ok.txt", "x" * 1000)
    assert isinstance(read(p, max_bytes=1000)[0], Article)
    r = one_rejection("-", stdin=io.BytesIO(b"y" * 1001), max_bytes=1000)
    assert r.code == "too-large" and r.input == "<stdin>"


def test_unsupported_named_explicitly(tmp_path: Path) -> None:
    p = write(tmp_path / "report.pdf", b"%PDF-1.4")
    r = one_rejection(p)
    assert r.code == "unsupported" and ".pdf" in r.reason and ".txt" in r.reason


def test_unsupported_inside_folder_is_silent(tmp_path: Path) -> None:
    write(tmp_path / "report.pdf", b"%PDF-1.4")
    write(tmp_path / "story.txt", "The strike ended.")
    out = read(tmp_path)
    assert [type(x) for x in out] == [Article]


# --- HTML -------------------------------------------------------------------------------------

def test_truncated_html_keeps_what_there_is(tmp_path: Path) -> None:
    html = ("<html><head><title>Siege</title></head><body><article><h1>Siege lifted</h1>"
            "<p>Government forces lifted the siege of the city on Friday after six weeks.</p>"
            "<p>Residents said food prices had tripled &amp; wat")
    for cut in ("", "<p cla", "<!-- ad slot", "&amp"):
        out = read(write(tmp_path / "t.html", html + cut))
        assert len(out) == 1 and isinstance(out[0], Article), out
        a = out[0]
        assert a.title == "Siege"
        assert a.text == ("Siege lifted\n\nGovernment forces lifted the siege of the city on Friday "
                          "after six weeks.\n\nResidents said food prices had tripled & wat")


@pytest.mark.parametrize("html", [
    "<html><head><title>Only a title</title><script>var a = 1;</script></head><body></body></html>",
    "<html><head><style>body { margin: 0 }</style></head><body><nav><a>Home</a></nav>",
    "<!DOCTYPE html><html><body><div><img src='x.png'></div></body></html>",
    "<html><head><meta charset='utf-8'><title>Cut off bef",
])
def test_html_without_readable_text(tmp_path: Path, html: str) -> None:
    r = one_rejection(write(tmp_path / "m.html", html))
    assert r.code == "malformed-html"


# --- JSONL ------------------------------------------------------------------------------------

def test_jsonl_bad_lines_are_rejected_with_line_numbers(tmp_path: Path) -> None:
    lines = [
        '{"id": "ok1", "text": "The ceasefire held overnight."}',
        '{"id": "broken", "text": "unterminated',
        '',
        '["an", "array"]',
        '{"text": "No id here."}',
        '{"id": "no-text"}',
        '{"id": "null-text", "text": null}',
        '{"id": "blank-text", "text": "   "}',
        '{"id": {"nested": 1}, "text": "Bad id type."}',
        '{"id": true, "text": "Boolean id."}',
        '{"id": "t", "text": 17}',
        '{"id": "d", "text": "Bad date.", "published": "12/10/2017"}',
        '{"id": "d2", "text": "Bad date type.", "published": 20171012}',
        '{"id": "ti", "text": "Bad title.", "title": ["a"]}',
        '{"id": "ok2", "text": "Talks resume on Monday."}',
    ]
    p = write(tmp_path / "mixed.jsonl", "\n".join(lines) + "\n")
    out = read(p)
    got = [(x.line, x.code) if isinstance(x, Rejection) else x.id for x in out]
    assert got == [
        "ok1", (2, "malformed-json"), (4, "malformed-json"), (5, "missing-field"),
        (6, "missing-field"), (7, "missing-field"), (8, "missing-field"), (9, "bad-field"),
        (10, "bad-field"), (11, "bad-field"), (12, "bad-field"), (13, "bad-field"),
        (14, "bad-field"), "ok2",
    ]
    for x in out:
        if isinstance(x, Rejection):
            assert x.input == f"{p}:{x.line}"
            assert "\n" not in x.reason
    assert "line 2" in out[1].reason
    assert "12/10/2017" in out[10].reason and "YYYY-MM-DD" in out[10].reason


def test_jsonl_one_mis_encoded_line_costs_only_that_line(tmp_path: Path) -> None:
    good1 = json.dumps({"id": "a", "text": "First."}).encode()
    bad = '{"id": "b", "text": "Caf\u00e9"}'.encode("latin-1")
    good2 = json.dumps({"id": "c", "text": "Third."}).encode()
    out = read(write(tmp_path / "enc.jsonl", b"\n".join([good1, bad, good2])))
    assert [x.id if isinstance(x, Article) else (x.code, x.line) for x in out] == [
        "a", ("encoding", 2), "c"]


def test_json_array_with_bad_items(tmp_path: Path) -> None:
    p = write(tmp_path / "a.json", json.dumps([{"id": "x", "text": "Fine."}, 3, {"id": "y"}]))
    out = read(p)
    assert isinstance(out[0], Article)
    assert (out[1].code, out[1].input) == ("malformed-json", f"{p}#item2")
    assert (out[2].code, out[2].input) == ("missing-field", f"{p}#item3")


# --- CSV --------------------------------------------------------------------------------------

def test_csv_rows_without_text(tmp_path: Path) -> None:
    p = write(tmp_path / "s.csv", "id,text,date\n1,Troops left.,2018-01-01\n2,,2018-01-02\n3\n"
                                  "4,   ,\n5,Talks began.,not-a-date\n6,Done.,\n")
    out = read(p)
    got = [(x.line, x.code) if isinstance(x, Rejection) else x.id for x in out]
    assert got == ["1", (3, "missing-field"), (4, "missing-field"), (5, "missing-field"),
                   (6, "bad-field"), "6"]
    assert out[1].input == f"{p}:3"


def test_csv_without_text_column(tmp_path: Path) -> None:
    r = one_rejection(write(tmp_path / "s.csv", "id,headline\n1,Something\n"))
    assert r.code == "missing-field" and "text" in r.reason and "headline" in r.reason


def test_csv_malformed_rows(tmp_path: Path) -> None:
    p = write(tmp_path / "s.csv", 'id,text\n1,"quoted"then more\n2,Fine row.\n3,a,b\n'
                                  '4,"never closed\n5,lost\n')
    out = read(p)
    got = [(x.line, x.code) if isinstance(x, Rejection) else x.id for x in out]
    assert got == [(2, "malformed-csv"), "2", (4, "malformed-csv"), (5, "malformed-csv")]
    assert "never closed" in out[3].reason


def test_csv_header_only(tmp_path: Path) -> None:
    assert one_rejection(write(tmp_path / "h.csv", "id,text\n")).code == "empty"


# --- XML --------------------------------------------------------------------------------------

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>t</title>
<item><guid>1</guid><description>&lol9;</description></item></channel></rss>
"""


def test_billion_laughs_refused(tmp_path: Path) -> None:
    r = one_rejection(write(tmp_path / "lol.xml", BILLION_LAUGHS))
    assert r.code == "hostile-xml" and "lol" not in r.reason.replace("lol.xml", "")


def test_external_entity_refused_never_read(tmp_path: Path) -> None:
    secret = write(tmp_path / "secret.txt", "TOP-SECRET-TOKEN")
    xml = (f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
           "<rss version='2.0'><channel><item><guid>1</guid><description>&xxe;</description>"
           "</item></channel></rss>")
    out = read(write(tmp_path / "xxe.rss", xml))
    assert len(out) == 1 and isinstance(out[0], Rejection)
    assert out[0].code == "hostile-xml" and "TOP-SECRET" not in out[0].reason


def test_hostile_xml_on_stdin() -> None:
    r = one_rejection("-", stdin=io.BytesIO(BILLION_LAUGHS.encode()))
    assert r.code == "hostile-xml" and r.input == "<stdin>"


@pytest.mark.parametrize("xml", [
    "<rss><channel><item><description>Unclosed</channel></rss>",
    "<?xml version='1.0'?><rss><channel><item><description>&nbsp;</description></item></channel></rss>",
    "<rss version='2.0'><channel><item>",
])
def test_malformed_xml(tmp_path: Path, xml: str) -> None:
    r = one_rejection(write(tmp_path / "bad.xml", xml))
    assert r.code == "malformed-xml"


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    r = one_rejection(write(tmp_path / "svg.xml", "<?xml version='1.0'?><catalog><book/></catalog>"))
    assert r.code == "malformed-xml" and "<catalog>" in r.reason


def test_feed_without_items(tmp_path: Path) -> None:
    xml = "<rss version='2.0'><channel><title>Quiet</title></channel></rss>"
    assert one_rejection(write(tmp_path / "q.rss", xml)).code == "empty"


# --- a batch goes on --------------------------------------------------------------------------

def test_batch_with_bad_files_still_yields_the_good_ones(tmp_path: Path) -> None:
    good1 = write(tmp_path / "1.txt", "Troops massed at the border.")
    bad = [
        tmp_path / "missing.txt",
        write(tmp_path / "2.txt", b"\x00\x01binary"),
        write(tmp_path / "3.xml", BILLION_LAUGHS),
        write(tmp_path / "4.html", "<html><script>x()</script></html>"),
        write(tmp_path / "5.txt", "caf\u00e9".encode("cp1252")),
        write(tmp_path / "6.exe", b"MZ"),
        write(tmp_path / "7.csv", "id,title\n1,x\n"),
    ]
    good2 = write(tmp_path / "8.jsonl", '{"id": "j", "text": "Sanctions were announced."}')
    good3 = "-"
    out = read(good1, *bad, good2, good3, stdin=io.BytesIO(b"The summit ended early."))
    assert [type(x) for x in out] == [Article] + [Rejection] * len(bad) + [Article, Article]
    assert [x.code for x in out[1:-2]] == ["not-found", "binary", "hostile-xml", "malformed-html",
                                           "encoding", "unsupported", "missing-field"]
    assert [x.input for x in out[1:-2]] == [str(p) for p in bad]
    assert out[-2].text == "Sanctions were announced." and out[-1].text == "The summit ended early."


def test_rejection_str_is_one_actionable_line(tmp_path: Path) -> None:
    r = one_rejection(tmp_path / "gone.txt")
    assert str(r) == f"{tmp_path / 'gone.txt'}: {r.reason}"


# --- hostile shapes that must not crash the batch ---------------------------------------------

def test_deeply_nested_inputs_do_not_crash(tmp_path: Path) -> None:
    deep_json = b'{"id": "1", "text": ' + b"[" * 100_000 + b"\n" + b'{"id": "2", "text": "Fine."}\n'
    deep_html = "<html><body>" + "<div>" * 50_000 + "<p>Buried report.</p>"
    deep_atom = ('<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>e</id><content type="xhtml">'
                 '<div xmlns="http://www.w3.org/1999/xhtml">' + "<b>" * 50_000 + "deep"
                 + "</b>" * 50_000 + "</div></content></entry></feed>")
    out = read(write(tmp_path / "d.jsonl", deep_json), write(tmp_path / "d.html", deep_html),
               write(tmp_path / "d.atom", deep_atom))
    assert [(x.code, x.line) if isinstance(x, Rejection) else x.text for x in out] == [
        ("malformed-json", 1), "Fine.", "Buried report.", ("malformed-xml", None)]


def test_lone_surrogate_escape_in_jsonl(tmp_path: Path) -> None:
    r = one_rejection(write(tmp_path / "s.jsonl", '{"id": "s", "text": "bad \\ud800 text"}'))
    assert r.code == "bad-field" and r.line == 1


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import wardrums.ingest.walk as walk

    p = write(tmp_path / "locked.txt", "Secret cable.")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(walk, "open", denied, raising=False)
    r = one_rejection(p)
    assert r.code == "unreadable" and "Permission denied" in r.reason


def test_single_string_input_is_not_split_into_characters(tmp_path: Path) -> None:
    p = write(tmp_path / "one.txt", "The border reopened.")
    out = list(read_inputs(str(p)))  # type: ignore[arg-type]
    assert len(out) == 1 and isinstance(out[0], Article)
