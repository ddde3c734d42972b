"""``wardrums watch``: poll RSS/Atom feeds on a schedule and print each new alert once.

A thin shell over :class:`wardrums.engines.watch.Watcher`. Registered on the main command by
``main.add_command(watch)``.
"""

from __future__ import annotations

import click

from wardrums.cli_support import handle_errors

#: How many drivers' evidence sentences are shown under each alert.
SHOWN_DRIVERS = 3


def format_alert(alert) -> list[str]:
    """An alert's summary line and the evidence sentences of its top drivers, indented."""
    lines = [alert.summary()]
    for driver in alert.drivers[:SHOWN_DRIVERS]:
        sentence = " ".join(str(driver.sentence).split())
        lines.append(f"    {driver.date} {driver.event_type}: {sentence} [{driver.article_id}]")
    return lines


def format_failure(result) -> str:
    """One line for a feed that failed this cycle."""
    from wardrums.engines.watch import format_time

    times = "once" if result.failures == 1 else f"{result.failures} times"
    when = format_time(result.next_poll_at) if result.next_poll_at else "the next cycle"
    return f"feed {result.url} failed ({times}): {result.error}; next try at {when}"


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _print_report(report) -> None:
    from wardrums.engines.watch import format_time

    for alert in report.alerts:
        for line in format_alert(alert):
            click.echo(line)
    for failed in report.failures:
        click.echo(format_failure(failed), err=True)
    if report.polled:
        ok = len(report.polled) - len(report.failures)
        nxt = f"; next poll at {format_time(report.next_due)}" if report.next_due else ""
        click.echo(f"{format_time(report.started)}: polled {_n(len(report.polled), 'feed')} "
                   f"({ok} ok, {len(report.failures)} failed), "
                   f"{_n(report.new_articles, 'new article')}, {_n(report.events, 'event')}, "
                   f"{_n(len(report.alerts), 'new alert')}{nxt}", err=True)


@click.command()
@click.argument("feeds_file", metavar="FEEDS.txt", type=click.Path(dir_okay=False))
@click.option("--every", default="15m", show_default=True,
              help="How often to poll each feed: 30s, 15m, 1h, 2d (a bare number is seconds).")
@click.option("--db", default="wardrums.duckdb", show_default=True,
              type=click.Path(dir_okay=False), help="DuckDB file of the event store.")
@click.option("--cycles", type=click.IntRange(min=1), default=None,
              help="Stop after this many polling cycles (default: run until Ctrl-C).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=20.0,
              show_default=True, help="Seconds to wait for one feed before giving up on it.")
@click.option("--config", type=click.Path(dir_okay=False, exists=True), default=None,
              help="Tension settings (YAML) overriding the built-in tension.yaml.")
@click.option("--freq", type=click.Choice(["D", "W", "M"]), default="D", show_default=True,
              help="Period of the tension series the alerts are computed on.")
@click.option("--classifier/--no-classifier", default=True, show_default=True,
              help="Use the learned sentence classifier to filter events.")
@handle_errors
def watch(feeds_file: str, every: str, db: str, cycles: int | None, timeout: float,
          config: str | None, freq: str, classifier: bool) -> None:
    """Poll the RSS/Atom feeds listed in FEEDS.txt and print each new alert once.

    FEEDS.txt holds one feed URL a line (# starts a comment). Each feed is polled every
    --every; a feed that fails is retried after a growing pause (at most 6 hours). Alerts
    already printed by an earlier watch on the same --db are not printed again.

    Example: wardrums watch feeds.txt --every 15m --db tension.duckdb
    """
    from wardrums.engines.watch import Watcher, parse_every, read_feed_list
    from wardrums.store import open_store

    urls = read_feed_list(feeds_file)
    seconds = parse_every(every)
    with open_store(db) as store:
        watcher = Watcher(store, urls, every=seconds, config=config, timeout=timeout,
                          use_classifier=classifier, freq=freq)
        click.echo(f"watching {_n(len(urls), 'feed')} every {every} into {db}; Ctrl-C to stop",
                   err=True)
        done = watcher.run(cycles, on_report=_print_report)
    if cycles is None or done < cycles:
        click.echo(f"stopped after {_n(done, 'cycle')}; run the same command to go on",
                   err=True)
