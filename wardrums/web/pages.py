"""The dashboard pages: overview, pair, actor, network, article, and alert links.

Each handler gathers what its page shows from :mod:`wardrums.web.reads` and renders a
template; charts are SVG drawn here on the server, expanding rows are ``<details>``, so the
pages work without any JavaScript.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal
from urllib.parse import quote

import pandas as pd
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from markupsafe import Markup

from wardrums.analysis import Alert, plots
from wardrums.store import EventFilter
from wardrums.web import network, reads
from wardrums.web.markup import article_markup, sentence_markup, short
from wardrums.web.reads import Window
from wardrums.web.render import cached_page, html
from wardrums.web.sparkline import sparkline

router = APIRouter(include_in_schema=False)

PER_PAGE = 50
SPARK_PERIODS = 52


def _sparks(weekly: pd.DataFrame, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], Any]:
    out = {}
    groups = dict(list(weekly.groupby(["source", "target"]))) if not weekly.empty else {}
    for a, b in pairs:
        frame = groups.get((a, b))
        values = [] if frame is None else frame["smoothed"].tail(SPARK_PERIODS).tolist()
        last = values[-1] if values else 0.0
        out[(a, b)] = sparkline(values, label=(
            f"{a}-{b} weekly smoothed tension, last {len(values)} weeks, latest {last:.1f}"))
    return out


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    access = request.app.state.access

    def build() -> str:
        top = reads.dyads(access, Window(), top=12).to_dict(orient="records")
        sparks = _sparks(reads.weekly_series(access), [(r["source"], r["target"]) for r in top])
        pairs = [{**row, "spark": sparks[(row["source"], row["target"])]} for row in top]
        return html(request, "overview.html", pairs=pairs, counts=reads.counts(access),
                    alerts=reads.alerts(access, Window(), limit=12))

    return cached_page(request, build)


def _alert_bands(series: pd.DataFrame, alerts: list[Alert]) -> pd.DataFrame:
    flags = pd.Series(False, index=series.index)
    for x in alerts:
        flags |= series["period"].between(pd.Timestamp(x.start), pd.Timestamp(x.end))
    return series.assign(alert=flags)


@router.get("/pair/{a}/{b}", response_class=HTMLResponse)
def pair(request: Request, a: str, b: str, freq: Literal["D", "W", "M"] = "D",
         since: dt.date | None = None, until: dt.date | None = None,
         offset: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0) -> HTMLResponse:
    access = request.app.state.access
    window = Window(freq=freq, since=since, until=until)

    def build() -> str:
        key_a, key_b = reads.resolve_pair(access, a, b)
        series = reads.tension(access, key_a, key_b, window)
        found = reads.pair_incidents(access, key_a, key_b, window)
        alerts = reads.pair_alerts(access, key_a, key_b, window)
        # render_svg escapes and cleans every string it draws, so its output is markup.
        chart = Markup(plots.render_svg(_alert_bands(series, alerts), found,
                                        title=f"Tension {key_a}-{key_b} ({freq})"))
        newest = found.sort_values(["date", "incident_id"], ascending=[False, True])
        shown = newest.iloc[offset:offset + PER_PAGE].to_dict(orient="records")
        ids = [r["incident_id"] for r in shown]
        ids += [d.incident_id for x in alerts for d in x.drivers]
        evidence = reads.incident_evidence(access, ids)
        marked = {i: [(ev, sentence_markup(ev)) for ev in evs] for i, evs in evidence.items()}
        return html(request, "pair.html", a=key_a, b=key_b, window=window, chart=chart,
                    incidents=shown, total=len(newest), offset=offset, per_page=PER_PAGE,
                    more=offset + PER_PAGE < len(newest), alerts=alerts, evidence=marked)

    return cached_page(request, build)


@router.get("/actor/{code}", response_class=HTMLResponse)
def actor(request: Request, code: str) -> HTMLResponse:
    access = request.app.state.access

    def build() -> str:
        key = reads.resolve_actor(access, code)
        ranked = reads.dyads(access, Window(), top=reads.MAX_PAIRS, order="activity")
        mine = ranked[(ranked["source"] == key) | (ranked["target"] == key)]
        pairs = [{**r, "other": r["target"] if r["source"] == key else r["source"]}
                 for r in mine.to_dict(orient="records")]
        return html(request, "actor.html", code=key, pairs=pairs,
                    names=reads.actor_names(access, key).to_dict(orient="records"),
                    events=[(ev, sentence_markup(ev)) for ev in
                            reads.recent_events(access, EventFilter(actor=key), 25)])

    return cached_page(request, build)


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> HTMLResponse:
    access = request.app.state.access

    def build() -> str:
        ranked = reads.dyads(access, Window(), top=reads.MAX_PAIRS, order="activity")
        nodes, weight, edges = network.graph(ranked)
        return html(request, "network.html", svg=network.render(nodes, weight, edges),
                    nodes=nodes, edges=edges)

    return cached_page(request, build)


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> HTMLResponse:
    def build() -> str:
        found, evs = reads.article(request.app.state.access, article_id)
        evs = sorted(evs, key=lambda e: (e.evidence.start, e.event_id))
        return html(request, "article.html", article=found, events=evs,
                    text=article_markup(found.text, evs),
                    title=short(found.title or found.id, 120))

    return cached_page(request, build)


@router.get("/alert/{alert_id}")
def alert(request: Request, alert_id: str) -> RedirectResponse:
    found = reads.find_alert(request.app.state.access, alert_id)
    url = (f"/pair/{quote(found.source, safe='')}/{quote(found.target, safe='')}"
           f"?freq={found.freq}#{quote(found.alert_id, safe='')}")
    return RedirectResponse(url, status_code=303)
