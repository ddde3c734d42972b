"""``wardrums serve``: the dashboard and REST API over a store, on loopback by default."""

from __future__ import annotations

import click

from wardrums.cli_support import handle_errors
from wardrums.web.security import LOOPBACK


@click.command()
@click.option("--db", default="wardrums.duckdb", show_default=True,
              type=click.Path(dir_okay=False), help="DuckDB file of the event store.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; the default lets only this machine connect.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--token", envvar="WARDRUMS_TOKEN", show_envvar=True,
              help="Bearer token that allows POST /api/ingest; without one, ingest is off.")
@click.option("--classifier/--no-classifier", default=True, show_default=True,
              help="Use the sentence classifier (where installed) when coding ingested text.")
@handle_errors
def serve(db: str, host: str, port: int, token: str | None, classifier: bool) -> None:
    """Serve the dashboard and the REST API (/api/) over the store.

    Reads need no token; POST /api/ingest needs 'Authorization: Bearer TOKEN'. The server
    holds the store file, so other wardrums commands cannot write to it while it runs.

    Example: wardrums serve --db tension.duckdb --port 8000
    """
    import uvicorn

    from wardrums.web.app import create_app

    app = create_app(db, token=token, use_classifier=classifier, host=host)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"wardrums dashboard on http://{shown}:{port}/ (API at /api/, store {db})")
    if host in LOOPBACK:
        click.echo("bound to loopback: only this machine can connect (use --host to change)")
    else:
        click.echo(f"warning: bound to {host}, so other machines can read every article and "
                   "event in the store; there is no TLS and reads need no token", err=True)
    click.echo("ingest: " + ("on, for requests with the bearer token" if token else
                             "off (start with --token or WARDRUMS_TOKEN to allow it)"))
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
