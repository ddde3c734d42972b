"""The ``wardrums`` command: a thin shell that parses arguments and calls library functions.

Every command turns :class:`~wardrums.errors.WardrumsError` into a one-line message and exit
code 2; it never prints a traceback for an expected failure.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import click

from wardrums.cli_support import handle_errors, parse_date
from wardrums.errors import InputError
from wardrums.records import EVENT_TYPES, MODALITIES, Article, Event, Rejection

DB_OPTION = click.option("--db", default="wardrums.duckdb", show_default=True,
                         type=click.Path(dir_okay=False), help="DuckDB file of the event store.")


_handle_errors = handle_errors
_parse_date = parse_date


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="wardrums")
def main() -> None:
    """wardrums: political events and tension signals from news, with evidence for every number."""


# --- ingest ---------------------------------------------------------------------------------

def _progress(total: int | None, desc: str):
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="art", file=sys.stderr, disable=None, leave=False)


def _print_rejection(rej: Rejection) -> None:
    click.echo(f"rejected {rej}", err=True)


def _run_ingest(items, db: str, desc: str, workers: int = 1, classifier: bool = True):
    from wardrums.engines.local import ingest
    from wardrums.store import open_store

    with open_store(db) as store, _progress(None, desc) as bar:
        summary = ingest(items, store, on_rejection=_print_rejection,
                         on_article=lambda a, e: bar.update(1), n_process=workers,
                         use_classifier=classifier)
        counts = store.counts()
    return summary, counts


def _print_summary(summary, counts: dict[str, int], db: str) -> None:
    wps = summary.words / summary.seconds if summary.seconds else 0.0
    click.echo(
        f"read {summary.articles_read} articles ({summary.articles_new} new, "
        f"{summary.articles_duplicate} already stored), coded {summary.events} events, "
        f"rejected {summary.rejected} inputs; {wps:,.0f} words/s"
    )
    for rej in summary.rejections[:20]:
        click.echo(f"  rejected {rej.input}: {rej.reason}")
    if summary.rejected > 20:
        click.echo(f"  ... and {summary.rejected - 20} more (see the rejections table)")
    click.echo(f"store {db}: {counts.get('articles', 0)} articles, {counts.get('events', 0)} events")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--date", "date_", help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@click.option("--max-mb", type=float, default=20.0, show_default=True,
              help="Reject any input file or download larger than this.")
@click.option("--workers", type=click.IntRange(1, 16), default=1, show_default=True,
              help="Parser processes (2 on a two-core laptop is about 1.6x faster).")
@click.option("--classifier/--no-classifier", default=True, show_default=True,
              help="Use the sentence classifier where installed (more events, about 2.5x slower).")
@DB_OPTION
@_handle_errors
def ingest(paths: tuple[str, ...], date_: str | None, max_mb: float, workers: int,
           classifier: bool, db: str) -> None:
    """Read articles and store their coded events.

    PATHS are files, folders (read recursively), '-' for stdin, or http(s) feed URLs.
    Re-ingesting an article already stored adds nothing.

    Example: wardrums ingest news/ feed.xml --db tension.duckdb
    """
    from wardrums.ingest import read_inputs

    items = read_inputs(paths, default_date=_parse_date(date_, "--date"),
                        max_bytes=int(max_mb * 1024 * 1024), stdin=sys.stdin.buffer)
    summary, counts = _run_ingest(items, db, "ingest", workers, classifier)
    _print_summary(summary, counts, db)


@main.command()
@DB_OPTION
@_handle_errors
def demo(db: str) -> None:
    """Code the demo corpus (reports written for wardrums) into the store and summarise it.

    Example: wardrums demo
    """
    from wardrums.demo import demo_articles
    from wardrums.store import open_store

    summary, counts = _run_ingest(demo_articles(), db, "demo")
    _print_summary(summary, counts, db)
    from wardrums import analysis
    from wardrums.analysis.summary import store_overview

    with open_store(db) as store:
        click.echo(store_overview(store))
        found = analysis.alerts(store, limit=3)
    click.echo("latest escalation alerts (wardrums alerts shows all, with evidence):")
    for a in found:
        click.echo(f"  {a.summary()}")
        if a.drivers:
            sent = " ".join(a.drivers[0].sentence.split())
            click.echo(f"    e.g. {a.drivers[0].article_id}: {sent[:100]}")
    if not found:
        click.echo("  none")
    click.echo(f"next: wardrums dyads --db {db} | wardrums tension IND PAK --db {db} "
               f"--plot ind-pak.html")


# --- events ---------------------------------------------------------------------------------

def _event_filter(actor, dyad, type_, since, until, modality):
    from wardrums.store import EventFilter

    pair = None
    if dyad:
        parts = dyad.upper().replace("/", "-").split("-")
        if len(parts) != 2 or not all(parts):
            raise InputError(f"--dyad {dyad!r} is not a pair; write it as RUS-USA")
        pair = (parts[0], parts[1])
    return EventFilter(actor=actor.upper() if actor else None, dyad=pair,
                       event_type=type_.upper() if type_ else None,
                       since=_parse_date(since, "--since"), until=_parse_date(until, "--until"),
                       modality=modality)


def _actors_str(actors) -> str:
    return ",".join(f"{a.country or '?'}/{a.sector or '?'}" for a in actors) or "-"


def format_events(events: list[Event], fmt: str) -> str:
    """Events as text in one of the CLI's formats (table, jsonl, csv)."""
    if fmt == "jsonl":
        return "".join(ev.to_json() + "\n" for ev in events)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(["event_id", "article_id", "date", "event_type", "mode", "source", "target",
                    "modality", "polarity", "attributed_to", "confidence", "sentence"])
        for ev in events:
            w.writerow([ev.event_id, ev.article_id, ev.date, ev.event_type, ev.mode,
                        _actors_str(ev.source), _actors_str(ev.target), ev.modality,
                        ev.polarity, ev.attributed_to, ev.confidence, ev.evidence.sentence])
        return buf.getvalue()
    lines = []
    for ev in events:
        sent = ev.evidence.sentence.replace("\n", " ")
        if len(sent) > 90:
            sent = sent[:87] + "..."
        neg = " NOT" if ev.polarity == "negative" else ""
        lines.append(
            f"{str(ev.date or '?'):<10} {ev.event_type:<9} {_actors_str(ev.source):<16} -> "
            f"{_actors_str(ev.target):<16} {ev.modality:<12}{neg:<4} {sent}"
        )
    return "\n".join(lines) + ("\n" if lines else "")


@main.command()
@DB_OPTION
@click.option("--actor", help="ISO3 (or IGO) code on either side, e.g. RUS.")
@click.option("--dyad", help="A pair of codes, e.g. RUS-USA (either direction).")
@click.option("--type", "type_", type=click.Choice(EVENT_TYPES, case_sensitive=False))
@click.option("--since", help="Earliest event date, YYYY-MM-DD.")
@click.option("--until", help="Latest event date, YYYY-MM-DD.")
@click.option("--modality", type=click.Choice(MODALITIES))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv", "parquet"]),
              default="table", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file.")
@click.option("--limit", type=int, help="At most this many events (table/jsonl/csv).")
@_handle_errors
def events(db, actor, dyad, type_, since, until, modality, fmt, output, limit) -> None:
    """List stored events, filtered.

    Example: wardrums events --dyad RUS-USA --since 2017-10-01 --format jsonl
    """
    from wardrums.store import open_store

    if not Path(db).exists():
        raise InputError(f"no store at {db}; run `wardrums ingest PATH` or `wardrums demo` first")
    flt = _event_filter(actor, dyad, type_, since, until, modality)
    with open_store(db, read_only=True) as store:
        if output:
            if fmt == "table":
                raise InputError("--format table cannot be written to a file; use jsonl, csv or parquet")
            n = store.export_events(output, fmt, flt)
            click.echo(f"wrote {n} events to {output}", err=True)
            return
        if fmt == "parquet":
            raise InputError("--format parquet needs --output FILE")
        evs = store.events(flt, limit=limit)
    if not evs:
        click.echo("no events match", err=True)
        return
    click.echo(format_events(evs, fmt), nl=False)


# --- code -----------------------------------------------------------------------------------

@main.command()
@click.argument("source")
@click.option("--date", "date_", help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table", "csv"]), default="jsonl",
              show_default=True)
@_handle_errors
def code(source: str, date_: str | None, fmt: str) -> None:
    """Code SOURCE (a file, folder, URL or '-') without storing; print its events.

    Example: wardrums code article.txt --date 2017-10-12 --format table
    """
    from wardrums.engines.local import RunSummary, code_stream
    from wardrums.ingest import read_inputs

    items = read_inputs([source], default_date=_parse_date(date_, "--date"), stdin=sys.stdin.buffer)
    summary = RunSummary()
    for _article, evs in code_stream(items, summary, on_rejection=_print_rejection):
        if evs:
            click.echo(format_events(evs, fmt), nl=False)
    if summary.rejected and not summary.articles_read:
        raise click.ClickException(f"nothing to code in {source}")


# --- eval -----------------------------------------------------------------------------------

@main.command(name="eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--task", type=click.Choice(["event", "case", "quad", "plover", "detect"]),
              help="How to score; by default it follows the gold file's format.")
@click.option("--sample", type=int, help="Score a fixed, label-stratified sample of N items.")
@click.option("--seed", type=int, default=13, show_default=True)
@click.option("--report", type=click.Path(dir_okay=False),
              help="Also write the results as Markdown to this file.")
@_handle_errors
def eval_(gold, task, sample, seed, report) -> None:
    """Score the coder against gold files (per-class P/R/F1, confusion, worst errors).

    Example: wardrums eval ../shared/gold/case2021_dev.jsonl --sample 200
    """
    from wardrums.evaluation import evaluate

    results = []
    for path in gold:
        result = evaluate(path, task=task, sample=sample, seed=seed)
        click.echo(result.to_text())
        click.echo()
        results.append(result)
    if report:
        Path(report).write_text(
            "\n\n".join(r.to_markdown(excerpts=False) for r in results) + "\n", encoding="utf-8")
        click.echo(f"wrote {report}", err=True)


# --- schema ---------------------------------------------------------------------------------

@main.command()
@click.option("--output", "-o", type=click.Path(dir_okay=False))
def schema(output: str | None) -> None:
    """Print the JSON Schema of an event record (one line of `code --format jsonl`)."""
    from wardrums.records import event_json_schema

    text = json.dumps(event_json_schema(), indent=2) + "\n"
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


from wardrums.actors_cli import actors  # noqa: E402  (a group defined in its own module)

main.add_command(actors)

__all__ = ["Article", "format_events", "main"]

from wardrums.tension_cli import alerts, dyads, incidents, tension  # noqa: E402
from wardrums.watch_cli import watch  # noqa: E402
from wardrums.web.cli import serve  # noqa: E402  (light: FastAPI loads when serve runs)

for _command in (dyads, tension, alerts, incidents, watch, serve):
    main.add_command(_command)
