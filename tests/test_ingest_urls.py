"""URLs fetched from a real HTTP server on loopback: feeds, pages, errors, timeouts, limits."""

from __future__ import annotations

import datetime as dt
import gzip
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from wardrums.ingest import read_inputs
from wardrums.records import Article, Rejection

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
PAGE = (FIXTURES / "article.html").read_bytes()
RSS = (FIXTURES / "rss2.xml").read_bytes()
ATOM = (FIXTURES / "atom.xml").read_bytes()
RELATIVE_PAGE = (b"<html><head><link rel='canonical' href='/story/7'></head><body><article>"
                 b"<p>The navy seized a tanker near the strait on Monday.</p></article></body></html>")
LATIN1_PAGE = "<html><body><p>Les n\u00e9gociations reprennent.</p></body></html>".encode("latin-1")


class _Handler(BaseHTTPRequestHandler):
    """Routes: each path serves one kind of response the reader must cope with."""

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str, extra: dict[str, str] | None = None,
              length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        path = self.path
        if path == "/rss":
            self._send(200, RSS, "application/rss+xml; charset=utf-8")
        elif path == "/atom-as-text-xml":
            self._send(200, ATOM, "text/xml")
        elif path == "/story.html":
            self._send(200, PAGE, "text/html; charset=utf-8")
        elif path == "/relative":
            self._send(200, RELATIVE_PAGE, "text/html")
        elif path == "/latin1":
            self._send(200, LATIN1_PAGE, "text/html; charset=ISO-8859-1")
        elif path == "/plain":
            self._send(200, b"Border guards exchanged fire overnight.", "text/plain")
        elif path == "/gzip":
            self._send(200, gzip.compress(PAGE), "text/html", {"Content-Encoding": "gzip"})
        elif path == "/redirect":
            self._send(302, b"", "text/plain", {"Location": "/story.html"})
        elif path == "/missing":
            self._send(404, b"<h1>Not here</h1>", "text/html")
        elif path == "/error":
            self._send(500, b"oops", "text/plain")
        elif path == "/slow":
            time.sleep(3)
            self._send(200, b"Too late.", "text/plain")
        elif path == "/big-declared":
            self._send(200, b"x" * 5000, "text/plain")
        elif path == "/big-undeclared":
            # no Content-Length: the reader must count and stop by itself
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                for _ in range(1000):
                    self.wfile.write(b"y" * 1024)
            except OSError:
                pass
        elif path == "/empty":
            self._send(200, b"", "text/html")
        elif path == "/hostile":
            xml = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                   b"<rss><channel><item><description>&e;</description></item></channel></rss>")
            self._send(200, xml, "application/rss+xml")
        else:
            self._send(404, b"", "text/plain")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    httpd.block_on_close = False
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    host, port = httpd.server_address[:2]
    yield f"http://{host}:{port}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loopback requests must never be sent through a proxy from the environment."""
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)


def read(*urls: str, **kw) -> list[Article | Rejection]:
    return list(read_inputs(list(urls), **kw))


def test_rss_feed_url(server: str) -> None:
    out = read(f"{server}/rss")
    assert [type(x) for x in out] == [Article, Article, Rejection, Article]
    a = out[0]
    assert a.id == "gazette-4471" and a.origin == f"{server}/rss"
    assert a.source == "Harbour Town Gazette" and a.published == dt.date(2017, 10, 12)
    assert out[2].input == f"{server}/rss#item3" and out[2].code == "empty"


def test_atom_feed_served_as_text_xml(server: str) -> None:
    out = read(f"{server}/atom-as-text-xml")
    assert [a.id for a in out] == ["urn:uuid:entry-0001", "urn:uuid:entry-0002", "urn:uuid:entry-0003"]
    assert all(isinstance(a, Article) and a.source == "Northern Monitor" for a in out)


def test_html_page_url(server: str) -> None:
    [a] = read(f"{server}/story.html", default_date=dt.date(2020, 1, 1))
    assert isinstance(a, Article)
    assert a.id == f"{server}/story.html" and a.origin == f"{server}/story.html"
    assert a.title == "Ceasefire talks collapse after third round"
    assert a.url == "https://ledger.example.com/world/ceasefire-talks-collapse"
    assert a.published == dt.date(2017, 10, 12)
    assert "rebel commanders collapsed on Thursday" in a.text and "Sport" not in a.text


def test_relative_canonical_resolved_against_page(server: str) -> None:
    [a] = read(f"{server}/relative")
    assert a.url == f"{server}/story/7"


def test_http_charset_header_honoured(server: str) -> None:
    [a] = read(f"{server}/latin1")
    assert isinstance(a, Article) and a.text == "Les n\u00e9gociations reprennent."


def test_plain_text_url(server: str) -> None:
    [a] = read(f"{server}/plain")
    assert a.text == "Border guards exchanged fire overnight."
    assert a.id == f"{server}/plain" and a.url == f"{server}/plain"


def test_gzip_and_redirect(server: str) -> None:
    gz, redirected = read(f"{server}/gzip", f"{server}/redirect")
    assert isinstance(gz, Article) and gz.title == "Ceasefire talks collapse after third round"
    assert isinstance(redirected, Article) and redirected.id == f"{server}/redirect"
    assert redirected.text == gz.text


@pytest.mark.parametrize("path,status", [("/missing", "404"), ("/error", "500")])
def test_http_errors(server: str, path: str, status: str) -> None:
    [r] = read(f"{server}{path}")
    assert isinstance(r, Rejection) and r.code == "network"
    assert r.input == f"{server}{path}" and status in r.reason and f"{server}{path}" in r.reason


def test_slow_endpoint_times_out(server: str) -> None:
    start = time.perf_counter()
    [r] = read(f"{server}/slow", timeout=0.3)
    assert time.perf_counter() - start < 2.5
    assert isinstance(r, Rejection) and r.code == "network" and "timed out" in r.reason


def test_too_large_declared(server: str) -> None:
    [r] = read(f"{server}/big-declared", max_bytes=1000)
    assert isinstance(r, Rejection) and r.code == "too-large" and "5000 bytes" in r.reason


def test_too_large_undeclared_stops_reading(server: str) -> None:
    [r] = read(f"{server}/big-undeclared", max_bytes=10_000)
    assert isinstance(r, Rejection) and r.code == "too-large" and "stopped reading" in r.reason


def test_empty_body_and_hostile_feed(server: str) -> None:
    empty, hostile = read(f"{server}/empty", f"{server}/hostile")
    assert (empty.code, hostile.code) == ("empty", "hostile-xml")


def test_unreachable_url_then_batch_goes_on(server: str) -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    dead_port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    dead = f"http://127.0.0.1:{dead_port}/news"
    out = read(dead, f"{server}/plain", timeout=2)
    assert isinstance(out[0], Rejection) and out[0].code == "network"
    assert out[0].input == dead and dead in out[0].reason and "connect" in out[0].reason
    assert isinstance(out[1], Article)


def test_malformed_url() -> None:
    [r] = read("http://")
    assert isinstance(r, Rejection) and r.code == "network"
