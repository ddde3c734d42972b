"""Watching RSS/Atom feeds: poll each feed when it is due, code what is new, announce new alerts.

A watch is a loop of *cycles*. Each cycle

1. polls every feed that is due (never polled, or its ``next_poll_at`` has passed);
2. ingests the feed's items through :func:`wardrums.engines.local.ingest`, which skips
   articles already stored (same content hash), so re-polling a feed costs no coding;
3. records the feed's state in the store's ``feed_state`` table: a success schedules the
   next poll ``every`` seconds later, a failure backs off exponentially (``every * 2**n``
   after the n-th failure in a row, at most ``max_backoff``) so a dead server is not
   hammered, and is also recorded as a Rejection a user can read later;
4. computes the alerts and returns only those not yet announced, marking them reported in
   the store, so a restarted watch (same store file) never announces an alert twice.

Feed state and reported alerts live in the store, not in memory, which is what makes a
restart (or a crash) resume where the last watch left off. The library never prints: the
CLI (:mod:`wardrums.watch_cli`) turns :class:`CycleReport` records into lines.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from wardrums import analysis
from wardrums.analysis import Alert, SeriesSpec, TensionConfig
from wardrums.engines.local import ingest
from wardrums.errors import InputError
from wardrums.ingest.feeds import read_feed
from wardrums.ingest.fetch import FetchError, fetch
from wardrums.ingest.sniff import sniff_content
from wardrums.ingest.source import Source, one_line
from wardrums.ingest.walk import DEFAULT_MAX_BYTES
from wardrums.records import Article, Rejection

__all__ = [
    "DEFAULT_MAX_BACKOFF", "CycleReport", "FeedError", "FeedResult", "FeedState", "Watcher",
    "feed_states", "parse_every", "poll_feed", "read_feed_list", "utc_now",
]

#: The longest a failing feed waits between attempts (seconds).
DEFAULT_MAX_BACKOFF = 6 * 3600.0

_UNITS = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}
_EVERY = re.compile(r"^\s*(\d+(?:\.\d*)?|\.\d+)\s*([smhd]?)\s*$", re.IGNORECASE)
_INLINE_COMMENT = re.compile(r"\s+#.*$")
# The advice read_feed gives for a local file; a watched URL needs different advice.
_FILE_ADVICE = "; if it is a web page, save it as .html"


def utc_now() -> dt.datetime:
    """The current time as an aware UTC datetime (the default clock of a :class:`Watcher`)."""
    return dt.datetime.now(dt.UTC)


def _naive_utc(when: dt.datetime) -> dt.datetime:
    """The store keeps naive UTC timestamps; an aware time is converted, a naive one trusted."""
    if when.tzinfo is None:
        return when
    return when.astimezone(dt.UTC).replace(tzinfo=None)


def _aware(when: dt.datetime | None) -> dt.datetime | None:
    return when.replace(tzinfo=dt.UTC) if when is not None and when.tzinfo is None else when


def format_time(when: dt.datetime) -> str:
    """A poll time as users read it: ``2024-03-01 12:30:00 UTC``."""
    return _naive_utc(when).strftime("%Y-%m-%d %H:%M:%S UTC")


# --- input: the feed list and the polling interval ------------------------------------------

def _is_http_url(text: str) -> bool:
    if any(c.isspace() for c in text):
        return False
    parts = urlsplit(text)
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def read_feed_list(path: str | Path) -> list[str]:
    """The feed URLs in ``path``: one a line; ``#`` comments and blank lines ignored.

    Duplicates are dropped (first one kept, order kept). A line that is not an http(s) URL,
    or a file with no URL at all, is an :class:`InputError` naming the file (and line).
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"the feed list {p} does not exist; give a text file with one feed "
                         f"URL a line") from None
    except IsADirectoryError:
        raise InputError(f"the feed list {p} is a folder; give a text file with one feed URL "
                         f"a line") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"the feed list {p} is not UTF-8 text ({exc.reason} at byte "
                         f"{exc.start}); save it as UTF-8") from None
    except OSError as exc:
        raise InputError(f"cannot read the feed list {p}: {exc.strerror or exc}") from None
    urls: dict[str, None] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        line = _INLINE_COMMENT.sub("", line)
        if not _is_http_url(line):
            shown = line if len(line) <= 80 else line[:77] + "..."
            raise InputError(f"{p}, line {number}: {shown!r} is not an http(s) URL; put one "
                             f"feed URL a line (lines starting with # are comments)")
        urls.setdefault(line, None)
    if not urls:
        raise InputError(f"the feed list {p} holds no feed URLs; put one http(s) URL a line")
    return list(urls)


def parse_every(text: str | float | int) -> float:
    """A polling interval in seconds from ``"30s"``, ``"15m"``, ``"1h"``, ``"2d"`` or ``"90"``.

    A bare number is seconds. Anything else, or less than one second, is an InputError.
    """
    if isinstance(text, bool):
        raise InputError(f"interval {text!r} is not a duration; use e.g. 30s, 15m, 1h or 2d")
    if isinstance(text, int | float):
        seconds = float(text)
    else:
        match = _EVERY.match(text)
        if not match:
            raise InputError(f"interval {text!r} is not a duration; use a number with s, m, h "
                             f"or d, e.g. 30s, 15m, 1h or 2d (a bare number is seconds)")
        seconds = float(match.group(1)) * _UNITS[match.group(2).lower()]
    if not seconds >= 1.0:  # also refuses NaN
        raise InputError(f"interval {text!r} is under one second; poll at most once a second")
    return seconds


# --- polling one feed ------------------------------------------------------------------------

class FeedError(InputError):
    """A watched URL that failed: unreachable, an HTTP error, or not an RSS/Atom feed.

    ``code`` is a REJECTION_CODES key (``network``, ``too-large``, ``unsupported``, ...);
    ``reason`` says what went wrong in words a user can act on.
    """

    def __init__(self, url: str, reason: str, code: str = "network") -> None:
        self.url = url
        self.reason = one_line(reason)
        self.code = code
        super().__init__(f"feed {url}: {self.reason}")


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if b"\x00" in head:
        return True
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start < len(head) - 4  # a character cut at the end of the sample is fine
    return False


def _not_a_feed(url: str, data: bytes, content_type: str) -> FeedError:
    ctype = f" ({content_type})" if content_type else ""
    kind = sniff_content(data)
    if kind == "html":
        return FeedError(url, f"returned a web page{ctype}, not an RSS or Atom feed; watch the "
                         "feed's own URL (a page names it in <link rel=\"alternate\" "
                         "type=\"application/rss+xml\">)", "unsupported")
    if _looks_binary(data):
        return FeedError(url, f"returned binary data{ctype}, not an RSS or Atom feed; check "
                         "the URL", "binary")
    what = "JSON" if kind == "jsonl" else "plain text"
    return FeedError(url, f"returned {what}{ctype}, not an RSS or Atom feed; check the URL",
                     "unsupported")


def poll_feed(url: str, *, timeout: float = 20.0,
              max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article | Rejection]:
    """Fetch ``url`` and read it as an RSS/Atom feed: its articles and item rejections.

    A watched URL must be a feed, so anything else fails as a whole with a
    :class:`FeedError`: a fetch failure (timeout, refused connection, HTTP error, too
    large), an empty body, a web page, binary data, or XML that is not a readable feed.
    A well-formed feed with no items is not a failure: it returns ``[]``.
    """
    try:
        got = fetch(url, timeout=timeout, max_bytes=max_bytes)
    except FetchError as err:
        raise FeedError(url, f"cannot fetch it: {err.reason}", err.code) from None
    if not got.data.strip():
        raise FeedError(url, "returned an empty body, not a feed; check the URL", "empty")
    if sniff_content(got.data) != "feed":
        raise _not_a_feed(url, got.data, got.content_type)
    src = Source(name=url, origin=url, charsets=(got.charset,) if got.charset else (),
                 base_url=got.final_url)
    try:
        items = list(read_feed(got.data, src))
    except Exception as exc:  # a reader bug on one feed must not end a long-running watch
        raise FeedError(url, f"could not be read ({type(exc).__name__}: {exc}); please report "
                        "this feed", "malformed-xml") from exc
    # The reader rejects a whole document under the feed's own name, items as "URL#itemN".
    whole = [r for r in items if isinstance(r, Rejection) and r.input == url]
    if whole:
        rej = whole[0]
        if rej.code == "empty":
            return []  # a valid feed with nothing in it yet
        reason = rej.reason.replace(_FILE_ADVICE, "")
        raise FeedError(url, f"the response {reason}", rej.code)
    return items


# --- feed state in the store -----------------------------------------------------------------

@dataclass(frozen=True)
class FeedState:
    """One row of ``feed_state``: when a feed was polled, how it went, when it is due."""

    url: str
    last_poll_at: dt.datetime | None = None  # aware UTC, as are the other times
    last_ok_at: dt.datetime | None = None
    failures: int = 0  # failed polls in a row; 0 after a success
    next_poll_at: dt.datetime | None = None
    last_error: str | None = None
    items_seen: int = 0  # items read over all successful polls (repeats included)

    def is_due(self, now: dt.datetime) -> bool:
        return self.next_poll_at is None or self.next_poll_at <= now


_STATE_COLUMNS = ("url, last_poll_at, last_ok_at, failures, next_poll_at, last_error, "
                  "items_seen")


def feed_states(store, urls: Iterable[str] | None = None) -> dict[str, FeedState]:
    """The stored state of ``urls`` (every watched feed if None); unknown URLs are absent."""
    sql = f"SELECT {_STATE_COLUMNS} FROM feed_state"
    params: list[object] = []
    if urls is not None:
        sql += " WHERE url IN (SELECT unnest(?::VARCHAR[]))"
        params.append(list(urls))
    out = {}
    for url, polled, ok, failures, nxt, error, seen in store.rows(sql + " ORDER BY url", params):
        out[url] = FeedState(url=url, last_poll_at=_aware(polled), last_ok_at=_aware(ok),
                             failures=int(failures), next_poll_at=_aware(nxt),
                             last_error=error, items_seen=int(seen))
    return out


def _save_state(store, state: FeedState) -> None:
    def ts(when: dt.datetime | None) -> dt.datetime | None:
        return _naive_utc(when) if when is not None else None

    with store.transaction() as con:
        con.execute(f"INSERT OR REPLACE INTO feed_state ({_STATE_COLUMNS}) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [state.url, ts(state.last_poll_at), ts(state.last_ok_at), state.failures,
                     ts(state.next_poll_at), state.last_error, state.items_seen]).fetchall()


# --- the watcher -----------------------------------------------------------------------------

@dataclass(frozen=True)
class FeedResult:
    """What polling one feed did in one cycle."""

    url: str
    ok: bool
    items: int = 0  # articles and item rejections the feed returned
    new_articles: int = 0
    events: int = 0
    rejected: int = 0  # items refused by the reader or the coder
    error: str | None = None  # why the poll failed (ok is False)
    code: str | None = None  # the failure's REJECTION_CODES key
    failures: int = 0  # failures in a row, this one included
    next_poll_at: dt.datetime | None = None


@dataclass(frozen=True)
class CycleReport:
    """One cycle: the feeds polled (in feed-list order), the new alerts, the next due time."""

    started: dt.datetime
    feeds: tuple[FeedResult, ...]
    alerts: tuple[Alert, ...]  # new ones only, newest first; already marked reported
    next_due: dt.datetime | None  # the earliest next poll of any watched feed

    @property
    def polled(self) -> tuple[str, ...]:
        return tuple(f.url for f in self.feeds)

    @property
    def failures(self) -> tuple[FeedResult, ...]:
        return tuple(f for f in self.feeds if not f.ok)

    @property
    def new_articles(self) -> int:
        return sum(f.new_articles for f in self.feeds)

    @property
    def events(self) -> int:
        return sum(f.events for f in self.feeds)


class Watcher:
    """Polls ``feeds`` into ``store`` and announces each new alert once (see the module doc).

    ``every`` is the polling interval in seconds; ``config`` a :class:`TensionConfig`, a
    YAML path or None (the defaults); ``clock`` returns the current aware UTC time (tests
    pass a fake one). The store is the caller's: the watcher neither opens nor closes it.
    """

    def __init__(self, store, feeds: Sequence[str], *, every: float,
                 config: TensionConfig | str | Path | None = None, timeout: float = 20.0,
                 max_bytes: int = DEFAULT_MAX_BYTES, use_classifier: bool = True,
                 freq: str = "D", clock: Callable[[], dt.datetime] = utc_now,
                 max_backoff: float = DEFAULT_MAX_BACKOFF) -> None:
        self.feeds = list(dict.fromkeys(feeds))
        if not self.feeds:
            raise InputError("no feeds to watch; give at least one RSS or Atom feed URL")
        bad = [u for u in self.feeds if not _is_http_url(u)]
        if bad:
            raise InputError(f"{bad[0]!r} is not an http(s) URL; watch RSS or Atom feed URLs")
        self.every = parse_every(every)
        if not timeout > 0:
            raise InputError(f"timeout {timeout!r} must be a positive number of seconds")
        if not max_backoff >= self.every:
            raise InputError(f"the longest backoff ({max_backoff:g}s) is shorter than the "
                             f"polling interval ({self.every:g}s)")
        SeriesSpec(freq=freq)  # an unknown frequency fails now, not after the first poll
        self.config = config if isinstance(config, TensionConfig) else TensionConfig.load(
            config)
        self.store = store
        self.timeout = float(timeout)
        self.max_bytes = int(max_bytes)
        self.use_classifier = use_classifier
        self.freq = freq
        self.clock = clock
        self.max_backoff = float(max_backoff)

    def _now(self) -> dt.datetime:
        now = self.clock()
        return now if now.tzinfo is not None else now.replace(tzinfo=dt.UTC)

    def backoff(self, failures: int) -> float:
        """Seconds to wait after the ``failures``-th failure in a row (1 -> 2 x every)."""
        return min(self.every * 2.0 ** min(failures, 60), self.max_backoff)

    def states(self) -> dict[str, FeedState]:
        """The stored state of each watched feed (never-polled feeds get an empty state)."""
        stored = feed_states(self.store, self.feeds)
        return {url: stored.get(url, FeedState(url=url)) for url in self.feeds}

    def next_due(self) -> dt.datetime | None:
        """When the next feed is due (a past time or None means: poll now)."""
        times = [s.next_poll_at for s in self.states().values()]
        if any(t is None for t in times):
            return None
        return min(t for t in times if t is not None)

    def _poll(self, state: FeedState) -> FeedResult:
        now = self._now()
        try:
            items = poll_feed(state.url, timeout=self.timeout, max_bytes=self.max_bytes)
        except FeedError as err:
            failures = state.failures + 1
            nxt = now + dt.timedelta(seconds=self.backoff(failures))
            self.store.add_rejection(Rejection(
                input=state.url, code=err.code,
                reason=f"watched feed {err.reason}; it is retried later with a growing pause, "
                       f"fix the URL or remove it from the feed list if it keeps failing"))
            _save_state(self.store, FeedState(
                url=state.url, last_poll_at=now, last_ok_at=state.last_ok_at, failures=failures,
                next_poll_at=nxt, last_error=err.reason, items_seen=state.items_seen))
            return FeedResult(url=state.url, ok=False, error=err.reason, code=err.code,
                              failures=failures, next_poll_at=nxt)
        summary = ingest(items, self.store, use_classifier=self.use_classifier)
        nxt = now + dt.timedelta(seconds=self.every)
        _save_state(self.store, FeedState(
            url=state.url, last_poll_at=now, last_ok_at=now, failures=0, next_poll_at=nxt,
            last_error=None, items_seen=state.items_seen + len(items)))
        return FeedResult(url=state.url, ok=True, items=len(items),
                          new_articles=summary.articles_new, events=summary.events,
                          rejected=summary.rejected, next_poll_at=nxt)

    def new_alerts(self) -> list[Alert]:
        """Alerts not announced before, now marked as announced (none while no events)."""
        if not self.store.rows("SELECT 1 FROM events LIMIT 1"):
            return []
        found = analysis.alerts(self.store, freq=self.freq, config=self.config)
        fresh = analysis.unreported(self.store, found)
        analysis.mark_reported(self.store, fresh)
        return fresh

    def cycle(self) -> CycleReport:
        """Poll every due feed, then return the alerts never announced before."""
        started = self._now()
        due = [s for s in self.states().values() if s.is_due(started)]
        results = tuple(self._poll(state) for state in due)
        # Alerts are looked at even when nothing was polled: a watch stopped between
        # storing articles and announcing their alerts announces them on restart.
        fresh = self.new_alerts()
        return CycleReport(started=started, feeds=results, alerts=tuple(fresh),
                           next_due=self.next_due())

    def run(self, cycles: int | None = None, *, sleep: Callable[[float], object] = time.sleep,
            on_alert: Callable[[Alert], object] | None = None,
            on_report: Callable[[CycleReport], object] | None = None) -> int:
        """Run cycles until ``cycles`` are done (forever if None) or Ctrl-C; return how many.

        Between cycles it sleeps until the next feed is due. Ctrl-C ends the watch quietly:
        each article is stored whole or not at all, and an interrupted feed is polled again
        on the next start.
        """
        if cycles is not None and cycles < 1:
            raise InputError(f"cycles must be at least 1, got {cycles}")
        done = 0
        try:
            while True:
                report = self.cycle()
                done += 1
                if on_report is not None:
                    on_report(report)
                if on_alert is not None:
                    for alert in report.alerts:
                        on_alert(alert)
                if cycles is not None and done >= cycles:
                    break
                due = report.next_due
                wait = (due - self._now()).total_seconds() if due is not None else 0.0
                if wait > 0:
                    sleep(wait)
        except KeyboardInterrupt:
            pass
        return done
