"""``wardrums dyads | tension | alerts | incidents``: the tension analytics from the shell.

Thin wrappers over :mod:`wardrums.analysis`; each opens the store, refreshes the incidents
if the store changed, and prints a table (or JSON lines). Registered on the main command.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import click

from wardrums.cli_support import handle_errors, parse_date
from wardrums.errors import InputError

DB_OPTION = click.option("--db", default="wardrums.duckdb", show_default=True,
                         type=click.Path(dir_okay=False), help="DuckDB file of the event store.")
CONFIG_OPTION = click.option("--config", type=click.Path(dir_okay=False, exists=True),
                             help="Tension settings (YAML) overriding the defaults.")
FREQ_OPTION = click.option("--freq", type=click.Choice(["D", "W", "M"], case_sensitive=False),
                           default="D", show_default=True, help="Day, week or month periods.")
SECTOR_OPTION = click.option("--by-sector", is_flag=True,
                             help="Actors as COUNTRY/SECTOR (IND/COP) instead of countries.")
DIRECTED_OPTION = click.option("--directed", is_flag=True,
                               help="Keep A->B apart from B->A (default: the pair together).")


def series_options(fn):
    """The options every series-based command shares: frequency, sectors, direction, config."""
    for option in (CONFIG_OPTION, DIRECTED_OPTION, SECTOR_OPTION, FREQ_OPTION):
        fn = option(fn)
    return fn


def _open(db: str):
    from wardrums.store import open_store

    if not Path(db).exists():
        raise InputError(f"there is no store at {db}; ingest articles first "
                         f"(wardrums ingest FILES --db {db}, or wardrums demo)")
    return open_store(db)


def _fmt(value, digits: int = 1) -> str:
    import pandas as pd  # not at module level: every wardrums command imports this module

    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if isinstance(value, pd.Timestamp | dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _table(frame, columns: list[tuple[str, str, int]]) -> str:
    """A fixed-width text table: (column, header, width) per column."""
    lines = ["  ".join(h.rjust(w) if i else h.ljust(w)
                       for i, (_, h, w) in enumerate(columns))]
    for row in frame.itertuples(index=False):
        d = row._asdict()
        cells = []
        for i, (col, _, w) in enumerate(columns):
            text = _fmt(d[col])
            cells.append(text.rjust(w) if i else text.ljust(w))
        lines.append("  ".join(cells))
    return "\n".join(lines)


@click.command()
@DB_OPTION
@click.option("--since", help="First day of the window, YYYY-MM-DD.")
@click.option("--until", help="Last day of the window, YYYY-MM-DD.")
@click.option("--top", type=click.IntRange(1, 10_000), default=20, show_default=True)
@click.option("--by", "order", type=click.Choice(["tension", "activity"]), default="tension",
              show_default=True, help="Rank by summed tension index or by incident count.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
              show_default=True)
@series_options
@handle_errors
def dyads(db, since, until, top, order, fmt, freq, by_sector, directed, config) -> None:
    """The most tense (or most active) pairs of actors.

    Example: wardrums dyads --since 2017-10-01 --top 10
    """
    from wardrums import analysis

    with _open(db) as store:
        frame = analysis.dyads(store, top=top, order=order, freq=freq.upper(),
                               directed=directed, by_sector=by_sector,
                               since=parse_date(since, "--since"),
                               until=parse_date(until, "--until"), config=config)
    if frame.empty:
        click.echo("no pair of actors has incidents in that window")
        return
    if fmt == "jsonl":
        click.echo(frame.to_json(orient="records", lines=True, date_format="iso"), nl=False)
        return
    if fmt == "csv":
        click.echo(frame.to_csv(index=False), nl=False)
        return
    frame = frame.assign(pair=frame.source + ("->" if directed else "-") + frame.target)
    click.echo(_table(frame, [
        ("pair", "pair", 18 if by_sector else 10), ("incidents", "incidents", 9),
        ("events", "events", 6), ("material_conflict", "mat.conf", 8),
        ("conflict", "conflict", 8), ("cooperation", "coop", 6), ("warning_talk", "warn", 5),
        ("tension", "tension", 8), ("peak_z", "peak z", 6), ("last_active", "last", 10)]))


@click.command()
@click.argument("actor_a")
@click.argument("actor_b")
@DB_OPTION
@click.option("--since", help="First day to show, YYYY-MM-DD (the baseline still uses history).")
@click.option("--until", help="Last day to show, YYYY-MM-DD.")
@click.option("--plot", "plot", type=click.Path(dir_okay=False),
              help="Also draw the series: a .png (matplotlib) or .html (offline, evidence on hover).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
              show_default=True)
@click.option("--all-periods", is_flag=True, help="Show quiet periods too (default: active only).")
@series_options
@handle_errors
def tension(actor_a, actor_b, db, since, until, plot, fmt, all_periods, freq, by_sector,
            directed, config) -> None:
    """The tension index of one pair over time, with its baseline and z-score.

    Example: wardrums tension RUS USA --freq W --plot rus-usa.html
    """
    from wardrums import analysis

    kw = dict(directed=directed, by_sector=by_sector, since=parse_date(since, "--since"),
              until=parse_date(until, "--until"), config=config)
    with _open(db) as store:
        series = analysis.tension(store, actor_a, actor_b, freq=freq.upper(), **kw)
        incidents = analysis.pair_incidents(store, actor_a, actor_b, **kw) if plot else None
        a, b = analysis.resolve_pair(store, actor_a, actor_b, by_sector=by_sector)
    if series.empty:
        click.echo(f"no incidents between {a} and {b} in that window")
        return
    if plot:
        _plot(series, incidents, plot, f"Tension {a}{'->' if directed else '-'}{b}")
    if fmt == "jsonl":
        click.echo(series.to_json(orient="records", lines=True, date_format="iso"), nl=False)
        return
    if fmt == "csv":
        click.echo(series.to_csv(index=False), nl=False)
        return
    shown = series if all_periods else series[(series.incidents > 0) | (series.z >= 2)]
    shown = shown.assign(period=shown.period.dt.strftime("%Y-%m-%d"))
    click.echo(_table(shown, [
        ("period", "period", 10), ("incidents", "incidents", 9), ("events", "events", 6),
        ("conflict", "conflict", 8), ("cooperation", "coop", 6), ("warning_talk", "warn", 5),
        ("index", "index", 7), ("smoothed", "smoothed", 8), ("baseline", "baseline", 8),
        ("z", "z", 5)]))
    quiet = len(series) - len(shown)
    if quiet:
        click.echo(f"({quiet} quiet periods not shown; --all-periods shows them)")


def _plot(series, incidents, dest: str, title: str) -> None:
    from wardrums.analysis import plots

    frame = incidents.rename(columns={"n_sources": "sources"}) if incidents is not None else None
    if dest.lower().endswith(".png"):
        path = plots.plot_png(series, frame, dest, title=title)
    elif dest.lower().endswith((".html", ".htm")):
        path = plots.plot_html(series, frame, dest, title=title)
    else:
        raise InputError(f"--plot {dest!r}: give a file ending in .png or .html")
    click.echo(f"wrote {path}", err=True)


@click.command()
@DB_OPTION
@click.option("--since", help="Alerts whose window ends on or after this day, YYYY-MM-DD.")
@click.option("--until", help="Alerts whose window starts on or before this day.")
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True)
@click.option("--evidence", type=click.IntRange(0, 50), default=3, show_default=True,
              help="Incidents to show under each alert (table format).")
@series_options
@handle_errors
def alerts(db, since, until, limit, fmt, evidence, freq, by_sector, directed, config) -> None:
    """Escalation alerts, newest first, each with the incidents and sentences behind it.

    Example: wardrums alerts --since 2017-10-01
    """
    from wardrums import analysis

    with _open(db) as store:
        found = analysis.alerts(store, freq=freq.upper(), directed=directed, by_sector=by_sector,
                                since=parse_date(since, "--since"),
                                until=parse_date(until, "--until"), limit=limit, config=config)
    if fmt == "jsonl":
        for a in found:
            click.echo(json.dumps(a.to_json(), ensure_ascii=False))
        return
    if not found:
        click.echo("no alerts: no pair's tension broke from its baseline in that window")
        return
    for a in found:
        click.echo(a.summary())
        for d in a.drivers[:evidence]:
            sent = " ".join(d.sentence.split())
            sent = sent if len(sent) <= 110 else sent[:107] + "..."
            click.echo(f"    {d.date} {d.event_type:<8} {d.modality:<9} "
                       f"{d.sources} src  {d.article_id}: {sent}")


def _codes(values) -> str:
    """A list cell (list or array of actor keys; NA when none) as ``A,B``."""
    import pandas as pd

    if values is None or isinstance(values, float) or values is pd.NA:
        return "-"
    return ",".join(str(v) for v in values) or "-"


@click.command()
@DB_OPTION
@click.option("--since", help="First day, YYYY-MM-DD.")
@click.option("--until", help="Last day, YYYY-MM-DD.")
@click.option("--merged", is_flag=True, help="Only incidents told by more than one report.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
              show_default=True)
@CONFIG_OPTION
@handle_errors
def incidents(db, since, until, merged, fmt, config) -> None:
    """Incidents: each real-world event once, with its reports, sources and disagreements.

    Example: wardrums incidents --merged
    """
    from wardrums import analysis

    with _open(db) as store:
        frame = analysis.incidents(store, since=parse_date(since, "--since"),
                                   until=parse_date(until, "--until"), config=config)
    if merged:
        frame = frame[frame.n_reports > 1]
    if fmt == "jsonl":
        click.echo(frame.to_json(orient="records", lines=True, date_format="iso"), nl=False)
        return
    if fmt == "csv":
        click.echo(frame.to_csv(index=False), nl=False)
        return
    if frame.empty:
        click.echo("no incidents in that window")
        return
    for row in frame.itertuples(index=False):
        src, tgt = _codes(row.sources), _codes(row.targets)
        flag = " DISPUTED " + row.disagreements if row.disagreements != "{}" else ""
        sent = " ".join(row.sentence.split())
        sent = sent if len(sent) <= 90 else sent[:87] + "..."
        click.echo(f"{_fmt(row.date)} {row.event_type:<9} {src} -> {tgt} {row.modality} "
                   f"[{row.n_events} ev, {row.n_reports} rep, {row.n_sources} src]{flag}\n"
                   f"    {sent}")
