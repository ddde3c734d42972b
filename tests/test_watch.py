"""``wardrums watch``: feeds polled over real HTTP, failures backed off, each alert told once.

A real HTTP server on loopback serves a good RSS feed (a week of quiet diplomacy between
Armenia and Azerbaijan, then two days of shelling), a URL slower than the timeout, a web page
and a 500. The first two cycles run once per module on a real DuckDB file; tests that go on
from there work on their own copy of that file.
"""

from __future__ import annotations

import datetime as dt
import shutil
import threading
import time
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from wardrums.analysis import TensionConfig
from wardrums.coding.dates import UNDATED_PAST_LAG_DAYS
from wardrums.engines.watch import (
    FeedError,
    Watcher,
    feed_states,
    parse_every,
    poll_feed,
    read_feed_list,
)
from wardrums.errors import InputError
from wardrums.records import Article
from wardrums.store import open_store
from wardrums.watch_cli import watch

TIMEOUT = 0.5  # seconds; the slow URL answers after SLOW_SECONDS
SLOW_SECONDS = 2.0
EVERY = 900.0  # 15 minutes
T0 = dt.datetime(2024, 3, 12, 12, 0, tzinfo=dt.UTC)
PERMISSIVE = {"alerts": {"z": 1.0, "min_rise": 1.0},
              "baseline": {"D": {"smooth": 1, "window": 7, "min_periods": 3}}}

QUIET = [
    "The foreign ministers of Armenia and Azerbaijan met in Geneva to discuss a peace agreement.",
    "Armenia and Azerbaijan agreed to continue negotiations on border demarcation.",
    "Azerbaijan's foreign minister held talks with his Armenian counterpart in Almaty.",
    "Armenia and Azerbaijan agreed to exchange prisoners before the end of the month.",
    "Armenian and Azerbaijani officials met in Brussels to discuss transport links.",
    "Armenia and Azerbaijan agreed to open a border crossing for humanitarian convoys.",
    "The Armenian prime minister met Azerbaijan's president on the sidelines of a summit.",
    "Armenia and Azerbaijan signed an agreement on the return of displaced families.",
]
BURST = [
    "Azerbaijani forces shelled Armenian villages near the border, killing three civilians.",
    "Armenian troops attacked Azerbaijani positions with artillery overnight.",
    "Azerbaijan launched drone strikes on Armenian military posts near Jermuk.",
    "Armenian forces fired mortars at Azerbaijani villages in Tovuz district.",
]


def _rss(items: list[tuple[str, dt.date, str]]) -> bytes:
    parts = []
    for guid, day, text in items:
        when = format_datetime(dt.datetime(day.year, day.month, day.day, 9, tzinfo=dt.UTC),
                               usegmt=True)
        parts.append(f"<item><title>{text[:40]}</title><guid isPermaLink=\"false\">{guid}</guid>"
                     f"<pubDate>{when}</pubDate><description>{text}</description></item>")
    return ("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>"
            "<title>Caucasus Wire</title><link>http://example.org/</link>"
            + "".join(parts) + "</channel></rss>").encode("utf-8")


START = dt.date(2024, 3, 1)
GOOD_ITEMS = ([(f"quiet-{i}", START + dt.timedelta(days=i), t) for i, t in enumerate(QUIET)]
              + [(f"burst-{j}", START + dt.timedelta(days=8 + j // 2), t)
                 for j, t in enumerate(BURST)])
PAGES = {
    "/good.xml": (200, "application/rss+xml", _rss(GOOD_ITEMS)),
    "/page.html": (200, "text/html", b"<!DOCTYPE html><html><head><title>News</title></head>"
                   b"<body><p>Azerbaijani forces shelled Armenian villages.</p></body></html>"),
    "/error.xml": (500, "text/plain", b"internal error"),
    "/broken.xml": (200, "application/rss+xml", b"<?xml version=\"1.0\"?><rss><channel><item>"
                    b"<title>cut off</channel>"),
    "/binary": (200, "application/octet-stream", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20),
    "/empty.xml": (200, "application/rss+xml", b"<rss version=\"2.0\"><channel><title>t</title>"
                   b"</channel></rss>"),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if self.path == "/slow.xml":
            time.sleep(SLOW_SECONDS)
            status, ctype, body = PAGES["/good.xml"]
        else:
            status, ctype, body = PAGES.get(self.path, (404, "text/plain", b"not found"))
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout case)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def base_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.fixture(scope="module")
def urls(base_url):
    return {name: f"{base_url}/{name}" for name in
            ("good.xml", "slow.xml", "page.html", "error.xml")}


class Clock:
    """A settable clock: the watcher's notion of now, moved by tests."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


def make_watcher(store, urls, clock, **kw) -> Watcher:
    feeds = [urls["good.xml"], urls["slow.xml"], urls["page.html"], urls["error.xml"]]
    return Watcher(store, feeds, every=EVERY, config=TensionConfig.from_dict(PERMISSIVE),
                   timeout=TIMEOUT, use_classifier=False, clock=clock, **kw)


@pytest.fixture(scope="module")
def watched(tmp_path_factory, urls):
    """Two cycles of one watcher: at T0, and once the good feed is due again."""
    db = tmp_path_factory.mktemp("watch") / "watch.duckdb"
    clock = Clock(T0)
    with open_store(db) as store:
        watcher = make_watcher(store, urls, clock)
        first = watcher.cycle()
        first_states = feed_states(store)
        first_rejections = store.rejections()
        clock.now = T0 + dt.timedelta(seconds=EVERY + 1)
        second = watcher.cycle()
        second_states = feed_states(store)
        reported = store.rows("SELECT count(*) FROM reported_alerts")[0][0]
    return {"db": db, "first": first, "second": second, "first_states": first_states,
            "second_states": second_states, "rejections": first_rejections,
            "reported": reported}


@pytest.fixture
def after_two_cycles(watched, tmp_path):
    """A private copy of the store the two cycles left (a watch stopped and restarted)."""
    copy = tmp_path / "restart.duckdb"
    shutil.copyfile(watched["db"], copy)
    with open_store(copy) as store:
        yield store


# --- the feed list and the interval ----------------------------------------------------------

def test_feed_list_skips_comments_blanks_and_duplicates(tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text("# wires\n\nhttps://a.example/rss\n  http://b.example/feed.xml  # BBC\n"
                    "https://a.example/rss\n", encoding="utf-8")
    assert read_feed_list(path) == ["https://a.example/rss", "http://b.example/feed.xml"]


@pytest.mark.parametrize("text, expected", [
    ("https://a.example/rss\nftp://b.example/feed\n", "line 2"),
    ("https://a.example/rss\n\nnews.example.com/rss\n", "line 3"),
    ("https://\n", "line 1"),
    ("# nothing here\n\n", "holds no feed URLs"),
])
def test_feed_list_errors_name_the_file_and_line(tmp_path, text, expected):
    path = tmp_path / "feeds.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_feed_list(path)
    assert str(path) in str(err.value)
    assert expected in str(err.value)


def test_feed_list_missing_file(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        read_feed_list(tmp_path / "nope.txt")


@pytest.mark.parametrize("text, seconds", [
    ("15m", 900.0), ("30s", 30.0), ("1h", 3600.0), ("2d", 172800.0), ("90", 90.0),
    (" 1.5H ", 5400.0),
])
def test_parse_every(text, seconds):
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "15 minutes", "-5m", "0.5", "0s", "1w", "m"])
def test_parse_every_refuses(text):
    with pytest.raises(InputError, match="interval"):
        parse_every(text)


# --- polling one feed ------------------------------------------------------------------------

def test_poll_feed_reads_the_items(urls):
    items = poll_feed(urls["good.xml"], timeout=5)
    assert all(isinstance(i, Article) for i in items)
    assert [i.id for i in items] == [guid for guid, _, _ in GOOD_ITEMS]
    assert items[-1].published == dt.date(2024, 3, 10)


@pytest.mark.parametrize("path, code, words", [
    ("/page.html", "unsupported", "web page"),
    ("/error.xml", "network", "HTTP 500"),
    ("/broken.xml", "malformed-xml", "not well-formed XML"),
    ("/binary", "binary", "binary data"),
    ("/missing.xml", "network", "HTTP 404"),
])
def test_poll_feed_fails_on_what_is_not_a_feed(base_url, path, code, words):
    with pytest.raises(FeedError) as err:
        poll_feed(base_url + path, timeout=5)
    assert err.value.code == code
    assert words in err.value.reason
    assert err.value.url == base_url + path
    assert "save it as .html" not in err.value.reason  # advice for files, not for URLs


def test_poll_feed_times_out(urls):
    t0 = time.monotonic()
    with pytest.raises(FeedError, match="timed out") as err:
        poll_feed(urls["slow.xml"], timeout=TIMEOUT)
    assert time.monotonic() - t0 < SLOW_SECONDS
    assert err.value.code == "network"


def test_poll_feed_refused_connection():
    with pytest.raises(FeedError, match="cannot fetch it"):
        poll_feed("http://127.0.0.1:9/rss", timeout=TIMEOUT)


def test_an_empty_feed_is_not_a_failure(base_url):
    assert poll_feed(base_url + "/empty.xml", timeout=5) == []


# --- cycles ----------------------------------------------------------------------------------

def test_first_cycle_ingests_the_good_feed_and_records_failures(watched, urls):
    first = watched["first"]
    assert first.polled == (urls["good.xml"], urls["slow.xml"], urls["page.html"],
                            urls["error.xml"])
    good = first.feeds[0]
    assert good.ok and good.items == len(GOOD_ITEMS)
    assert good.new_articles == len(GOOD_ITEMS)
    assert good.events >= len(BURST)
    assert first.new_articles == len(GOOD_ITEMS)

    reasons = {f.url: f.error for f in first.failures}
    assert set(reasons) == {urls["slow.xml"], urls["page.html"], urls["error.xml"]}
    assert "timed out" in reasons[urls["slow.xml"]]
    assert "web page" in reasons[urls["page.html"]]
    assert "HTTP 500" in reasons[urls["error.xml"]]

    states = watched["first_states"]
    assert states[urls["good.xml"]].failures == 0
    assert states[urls["good.xml"]].last_ok_at == T0
    assert states[urls["good.xml"]].next_poll_at == T0 + dt.timedelta(seconds=EVERY)
    assert states[urls["good.xml"]].items_seen == len(GOOD_ITEMS)
    for url in reasons:
        assert states[url].failures == 1
        assert states[url].last_ok_at is None
        assert states[url].last_error == reasons[url]
        assert states[url].next_poll_at == T0 + dt.timedelta(seconds=2 * EVERY)  # backed off
    rejected = {r.input: r for r in watched["rejections"]}
    for url in reasons:
        assert reasons[url] in rejected[url].reason
    assert first.next_due == T0 + dt.timedelta(seconds=EVERY)


def test_first_cycle_announces_the_break_with_its_evidence(watched):
    alerts = watched["first"].alerts
    assert alerts, "the burst of shelling should break ARM-AZE tension from its baseline"
    burst_alerts = [a for a in alerts
                    if any(d.sentence.strip() in BURST for d in a.drivers)]
    assert burst_alerts
    alert = burst_alerts[0]
    assert alert.pair == "ARM-AZE"
    # the burst is published from day 8; its undated past-tense reports are dated the day
    # before publication (wardrums.coding.dates.UNDATED_PAST_LAG_DAYS)
    assert alert.start >= START + dt.timedelta(days=8 - UNDATED_PAST_LAG_DAYS)
    assert {d.article_id for d in alert.drivers} <= {g for g, _, _ in GOOD_ITEMS
                                                     if g.startswith("burst")}
    assert watched["reported"] == len(alerts)


def test_second_cycle_repolls_only_the_due_feed_and_repeats_nothing(watched, urls):
    second = watched["second"]
    assert second.polled == (urls["good.xml"],)  # the failed feeds are still backing off
    assert second.feeds[0].ok and second.feeds[0].items == len(GOOD_ITEMS)
    assert second.new_articles == 0 and second.events == 0
    assert second.alerts == ()
    state = watched["second_states"][urls["good.xml"]]
    assert state.items_seen == 2 * len(GOOD_ITEMS)
    assert state.next_poll_at == T0 + dt.timedelta(seconds=2 * EVERY + 1)


def test_restart_announces_nothing_already_reported(after_two_cycles, urls):
    store = after_two_cycles
    clock = Clock(T0 + dt.timedelta(seconds=EVERY + 2))
    report = make_watcher(store, urls, clock).cycle()
    assert report.polled == ()  # the schedule survived the restart too
    assert report.alerts == ()


def test_restart_announces_an_alert_it_never_told(after_two_cycles, urls, watched):
    store = after_two_cycles
    told = watched["first"].alerts[0]
    with store.transaction() as con:  # as if stopped between computing and recording it
        con.execute("DELETE FROM reported_alerts WHERE alert_id = ?", [told.alert_id])
    clock = Clock(T0 + dt.timedelta(seconds=EVERY + 2))
    report = make_watcher(store, urls, clock).cycle()
    assert [a.alert_id for a in report.alerts] == [told.alert_id]
    assert make_watcher(store, urls, clock).cycle().alerts == ()


def test_failed_feeds_are_retried_only_after_their_backoff(after_two_cycles, urls):
    store = after_two_cycles
    failing = (urls["slow.xml"], urls["page.html"], urls["error.xml"])
    clock = Clock(T0 + dt.timedelta(seconds=2 * EVERY - 1))
    watcher = make_watcher(store, urls, clock, max_backoff=3 * EVERY)
    assert watcher.cycle().polled == ()
    clock.now = T0 + dt.timedelta(seconds=2 * EVERY)
    report = watcher.cycle()
    assert report.polled == failing
    assert all(f.failures == 2 for f in report.failures)
    states = feed_states(store)
    for url in failing:  # every x 2**2 would be 4 x every; capped at max_backoff
        assert states[url].failures == 2
        assert states[url].next_poll_at == clock.now + dt.timedelta(seconds=3 * EVERY)
    assert states[urls["good.xml"]].failures == 0


def test_run_sleeps_until_the_next_feed_is_due(after_two_cycles, urls):
    store = after_two_cycles
    clock = Clock(T0 + dt.timedelta(seconds=EVERY + 1))
    slept: list[float] = []
    reports = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock.sleep(seconds)

    done = make_watcher(store, urls, clock).run(2, sleep=sleep, on_report=reports.append,
                                                on_alert=pytest.fail)
    assert done == 2
    assert slept == [EVERY - 1]  # until the failed feeds' backoff ends, not a fixed pause
    assert [len(r.polled) for r in reports] == [0, 3]


def test_run_stops_cleanly_on_ctrl_c(after_two_cycles, urls):
    clock = Clock(T0 + dt.timedelta(seconds=EVERY + 1))

    def interrupted(seconds: float) -> None:
        raise KeyboardInterrupt

    assert make_watcher(after_two_cycles, urls, clock).run(sleep=interrupted) == 1


def test_watcher_refuses_bad_settings(after_two_cycles, urls):
    with pytest.raises(InputError, match="no feeds"):
        Watcher(after_two_cycles, [], every=60)
    with pytest.raises(InputError, match="interval"):
        Watcher(after_two_cycles, [urls["good.xml"]], every=0.1)
    with pytest.raises(InputError, match="frequency"):
        Watcher(after_two_cycles, [urls["good.xml"]], every=60, freq="Y")


# --- the command -----------------------------------------------------------------------------

def test_cli_prints_the_alert_and_the_failed_feed(tmp_path, urls):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# test feeds\n{urls['good.xml']}\n{urls['page.html']}\n",
                     encoding="utf-8")
    config = tmp_path / "tension.yaml"
    config.write_text("alerts: {z: 1.0, min_rise: 1.0}\n"
                      "baseline: {D: {smooth: 1, window: 7, min_periods: 3}}\n",
                      encoding="utf-8")
    db = tmp_path / "cli.duckdb"
    args = [str(feeds), "--db", str(db), "--cycles", "1", "--timeout", str(TIMEOUT),
            "--config", str(config), "--no-classifier", "--every", "15m"]
    result = CliRunner().invoke(watch, args)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    alert_lines = [i for i, line in enumerate(lines) if line.startswith("BREAK ARM-AZE")]
    assert alert_lines
    evidence = lines[alert_lines[0] + 1:alert_lines[0] + 4]
    assert all(line.startswith("    ") for line in evidence)
    assert any(s in line for line in evidence for s in BURST)
    assert f"feed {urls['page.html']} failed (once): returned a web page" in result.stderr
    assert "next try at" in result.stderr

    again = CliRunner().invoke(watch, args)  # a restart: nothing new to tell
    assert again.exit_code == 0, again.output
    assert "BREAK" not in again.stdout


def test_cli_bad_feed_list_is_a_one_line_error(tmp_path):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("not a url\n", encoding="utf-8")
    result = CliRunner().invoke(watch, [str(feeds), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 1
    assert "line 1" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "x.duckdb").exists()


def test_cli_bad_interval(tmp_path):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("https://a.example/rss\n", encoding="utf-8")
    result = CliRunner().invoke(watch, [str(feeds), "--every", "often",
                                        "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 1
    assert "'often' is not a duration" in result.output

