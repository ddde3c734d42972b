"""The REST API over a real store, served by uvicorn and called over HTTP with httpx."""

from __future__ import annotations

import json

import httpx
import pytest
from test_web_helpers import LiveServer, demo_store

from wardrums.web import create_app
from wardrums.web.ingest import MAX_ARTICLES, MAX_BYTES

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    path = demo_store(tmp_path_factory.mktemp("api") / "w.duckdb")
    app = create_app(path, token=TOKEN, use_classifier=False)
    with LiveServer(app) as server:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            yield client
    app.state.access.close()


@pytest.fixture(scope="module")
def no_token(tmp_path_factory):
    path = demo_store(tmp_path_factory.mktemp("api-ro") / "w.duckdb")
    app = create_app(path, use_classifier=False)
    with LiveServer(app) as server, httpx.Client(base_url=server.url, timeout=60) as client:
        yield client
    app.state.access.close()


def _countries(event: dict, role: str) -> set[str]:
    return {a["country"] for a in event[role]}


# --- events ---------------------------------------------------------------------------------

def test_events_filters(live) -> None:
    every = live.get("/api/events", params={"limit": 1000}).json()
    assert every["total"] == every["count"] > 300
    ind = live.get("/api/events", params={"actor": "IND", "limit": 1000}).json()["events"]
    assert ind and all("IND" in _countries(e, "source") | _countries(e, "target") for e in ind)
    by_name = live.get("/api/events", params={"actor": "india", "limit": 1000}).json()
    assert len(by_name["events"]) == len(ind)
    pair = live.get("/api/events", params={"dyad": "IND-PAK", "limit": 1000}).json()["events"]
    assert pair and all({"IND", "PAK"} <= _countries(e, "source") | _countries(e, "target")
                        for e in pair)
    assault = live.get("/api/events", params={"type": "ASSAULT", "limit": 1000}).json()
    assert {e["event_type"] for e in assault["events"]} == {"ASSAULT"}
    alleged = live.get("/api/events", params={"modality": "alleged", "limit": 1000}).json()
    assert {e["modality"] for e in alleged["events"]} == {"alleged"}
    window = live.get("/api/events", params={"since": "2017-10-01", "until": "2017-10-31",
                                             "limit": 1000}).json()["events"]
    assert window and len(window) < every["count"]
    assert all("2017-10-01" <= e["date"] <= "2017-10-31" for e in window if e["date"])


def test_events_pagination_follows_next(live) -> None:
    total = live.get("/api/events", params={"limit": 1}).json()["total"]
    seen, url, pages = [], "/api/events?limit=100", 0
    while url:
        page = live.get(url).json()
        seen += [e["event_id"] for e in page["events"]]
        url, pages = page["next"], pages + 1
    assert pages == -(-total // 100)
    assert len(seen) == len(set(seen)) == total
    last = live.get("/api/events", params={"limit": 100, "offset": total}).json()
    assert last["events"] == [] and last["next"] is None


@pytest.mark.parametrize(("params", "needle"), [
    ({"limit": 1001}, "limit"),
    ({"limit": 0}, "limit"),
    ({"offset": -1}, "offset"),
    ({"since": "2017-13-01"}, "since"),
    ({"until": "yesterday"}, "until"),
    ({"type": "WAGE_WAR"}, "type"),
    ({"modality": "certain"}, "modality"),
])
def test_events_bad_parameters_are_422_naming_them(live, params, needle) -> None:
    r = live.get("/api/events", params=params)
    assert r.status_code == 422
    assert needle in r.json()["message"]


def test_events_contradictory_window_is_400(live) -> None:
    r = live.get("/api/events", params={"since": "2018-01-01", "until": "2017-01-01"})
    assert r.status_code == 400
    assert "after" in r.json()["detail"]


def test_unknown_actor_is_404_with_suggestion(live) -> None:
    r = live.get("/api/events", params={"actor": "PAKK"})
    assert r.status_code == 404
    assert "did you mean" in r.json()["detail"] and "PAK" in r.json()["detail"]
    assert live.get("/api/events", params={"dyad": "IND"}).status_code == 400


# --- analysis -------------------------------------------------------------------------------

def test_dyads(live) -> None:
    top = live.get("/api/dyads", params={"top": 3}).json()["dyads"]
    assert len(top) == 3
    assert [d["tension"] for d in top] == sorted((d["tension"] for d in top), reverse=True)
    busy = live.get("/api/dyads", params={"top": 5, "order": "activity", "freq": "W"}).json()
    assert [d["incidents"] for d in busy["dyads"]] == sorted(
        (d["incidents"] for d in busy["dyads"]), reverse=True)
    assert live.get("/api/dyads", params={"order": "loudest"}).status_code == 422
    assert live.get("/api/dyads", params={"freq": "Y"}).status_code == 422


def test_tension_series(live) -> None:
    r = live.get("/api/tension/IND/PAK", params={"freq": "W"})
    assert r.status_code == 200
    body = r.json()
    assert (body["source"], body["target"], body["freq"]) == ("IND", "PAK", "W")
    periods = [p["period"] for p in body["series"]]
    assert periods == sorted(periods) and len(periods) > 5
    assert {"index", "smoothed", "baseline", "z"} <= set(body["series"][0])
    same = live.get("/api/tension/pakistan/india", params={"freq": "W"}).json()
    assert same["series"] == body["series"]
    window = live.get("/api/tension/IND/PAK", params={"since": "2017-10-20",
                                                       "until": "2017-10-30"}).json()
    assert all("2017-10-20" <= p["period"] <= "2017-10-30" for p in window["series"])


def test_tension_unknown_pair_is_404_with_suggestion(live) -> None:
    r = live.get("/api/tension/PRKK/USA")
    assert r.status_code == 404
    assert "did you mean PRK" in r.json()["detail"]
    quiet = live.get("/api/tension/IND/BRA")
    assert quiet.status_code == 404 and "BRA" in quiet.json()["detail"]


def test_alerts_carry_their_evidence(live) -> None:
    found = live.get("/api/alerts").json()["alerts"]
    ind_pak = [a for a in found if a["pair"] == "IND-PAK"]
    assert ind_pak, [a["pair"] for a in found]
    drivers = ind_pak[0]["drivers"]
    assert drivers and all(d["sentence"] and d["article_id"] for d in drivers)
    assert "hostile-1" in {d["article_id"] for d in drivers}
    assert len(live.get("/api/alerts", params={"limit": 1}).json()["alerts"]) == 1


def test_incidents_paginate(live) -> None:
    first = live.get("/api/incidents", params={"limit": 10}).json()
    assert first["count"] == 10 and first["total"] > 10 and first["next"]
    second = live.get(first["next"]).json()
    ids = {i["incident_id"] for i in first["incidents"]}
    assert not ids & {i["incident_id"] for i in second["incidents"]}
    assert {"sentence", "article_id", "sources", "targets"} <= set(first["incidents"][0])


# --- articles and actors --------------------------------------------------------------------

def test_articles_and_one_article(live) -> None:
    listed = live.get("/api/articles", params={"limit": 100}).json()
    ids = [a["id"] for a in listed["articles"]]
    assert "hostile-1" in ids and "demo-001" in ids and listed["next"] is None
    one = live.get("/api/articles/hostile-1").json()
    assert one["url"] == "javascript:alert(document.domain)"  # data, returned as stored
    assert one["events"] and all(e["article_id"] == "hostile-1" for e in one["events"])
    missing = live.get("/api/articles/nope")
    assert missing.status_code == 404 and "nope" in missing.json()["detail"]


def test_actors(live) -> None:
    body = live.get("/api/actors", params={"limit": 5}).json()
    assert body["count"] == 5 and body["total"] >= 5
    counts = [a["n_events"] for a in body["actors"]]
    assert counts == sorted(counts, reverse=True)
    ind = live.get("/api/actors", params={"country": "IND", "limit": 1000}).json()["actors"]
    assert ind and {a["country"] for a in ind} == {"IND"}


# --- ingest ---------------------------------------------------------------------------------

ARTICLE = {"id": "api-1", "published": "2017-11-02", "title": "Border talks",
           "text": "Indian and Pakistani officials met in Wagah on Thursday to discuss the "
                   "ceasefire. Pakistan accused India of shelling villages near Sialkot."}


def _post(client, body, token: str | None = TOKEN, **kw):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if not isinstance(body, bytes | str):
        body = json.dumps(body)
    headers.setdefault("Content-Type", "application/json")
    headers.update(kw.pop("headers", {}))
    return client.post("/api/ingest", content=body, headers=headers, **kw)


def test_ingest_codes_and_stores(live) -> None:
    before = live.get("/api/events", params={"limit": 1}).json()["total"]
    r = _post(live, ARTICLE)
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["articles"], body["new"], body["duplicates"]) == (1, 1, 0)
    ids = body["stored"][0]["event_ids"]
    assert body["events"] == len(ids) > 0
    stored = live.get("/api/articles/api-1").json()["events"]
    assert {e["event_id"] for e in stored} == set(ids)
    assert live.get("/api/events", params={"limit": 1}).json()["total"] == before + len(ids)
    again = _post(live, [ARTICLE, {"id": "bad"}]).json()
    assert (again["new"], again["duplicates"]) == (0, 1)
    assert again["rejected"][0]["code"] == "missing-field"


def test_ingest_needs_the_token(live, no_token) -> None:
    assert _post(live, ARTICLE, token=None).status_code == 401
    wrong = _post(live, ARTICLE, token="guess")
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
    off = _post(no_token, ARTICLE)
    assert off.status_code == 403 and "--token" in off.json()["detail"]


@pytest.mark.parametrize(("body", "status"), [
    ("{not json", 422),
    ("[]", 422),
    ('"just a string"', 422),
    ("[" * 100_000 + "]" * 100_000, 422),
    (json.dumps([{"id": 1, "text": 5}]), 422),
    (json.dumps([{"id": f"a{i}", "text": "x"} for i in range(MAX_ARTICLES + 1)]), 413),
    (json.dumps({"id": "big", "text": "a" * MAX_BYTES}), 413),
])
def test_ingest_refuses_bad_bodies(live, body, status) -> None:
    r = _post(live, body)
    assert r.status_code == status, r.text
    assert r.json()["detail"]


def test_ingest_refuses_other_content_types(live) -> None:
    r = _post(live, "id=1", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 415


def test_ingest_refuses_chunked_bodies_over_the_limit(live) -> None:
    def chunks():
        for _ in range(3):
            yield b" " * (MAX_BYTES // 2)
        yield b"{}"

    r = live.post("/api/ingest", content=chunks(), headers={
        "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert r.status_code == 413


# --- headers, pages, docs -------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/pair/IND/PAK", "/api/events", "/api/openapi.json",
                                  "/article/hostile-1", "/actor/ZZZQ", "/static/style.css"])
def test_security_headers(live, path) -> None:
    r = live.get(path)
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'self'" in csp
    assert "'unsafe-inline'" not in csp and "object-src 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"


def test_foreign_host_header_is_refused(live) -> None:
    assert live.get("/", headers={"Host": "attacker.example"}).status_code == 400


def test_openapi_lists_every_endpoint(live) -> None:
    paths = live.get("/api/openapi.json").json()["paths"]
    assert {"/api/events", "/api/incidents", "/api/dyads", "/api/tension/{a}/{b}",
            "/api/alerts", "/api/articles", "/api/articles/{article_id}", "/api/actors",
            "/api/ingest"} == set(paths)
    assert not any(p.startswith("/pair") for p in paths)


def test_pages_render_and_escape(live) -> None:
    for path in ("/", "/pair/IND/PAK", "/pair/IND/PAK?freq=W", "/actor/IND", "/network",
                 "/article/demo-001"):
        r = live.get(path)
        assert r.status_code == 200, path
        assert r.headers["content-type"].startswith("text/html")
        assert "<script" not in r.text.lower()
    hostile = live.get("/article/hostile-1").text
    assert "&lt;script&gt;window.__pwned = 1" in hostile
    assert "onerror=&#34;" in hostile or "onerror=&quot;" in hostile
    assert "\u202e" not in hostile and "\u202c" not in hostile
    assert 'href="javascript:' not in hostile
    assert "javascript:alert(document.domain)" in hostile  # shown as text


def test_page_errors_are_html_4xx(live) -> None:
    r = live.get("/actor/PAKK")
    assert r.status_code == 404 and "did you mean" in r.text and "PAK" in r.text
    assert live.get("/pair/IND/PAK", params={"freq": "X"}).status_code == 422
    assert live.get("/article/none-such").status_code == 404
    assert live.get("/alert/alert-0000").status_code == 404


def test_alert_link_leads_to_its_pair_page(live) -> None:
    alert = next(a for a in live.get("/api/alerts").json()["alerts"] if a["pair"] == "IND-PAK")
    r = live.get(f"/alert/{alert['alert_id']}")
    assert r.status_code == 303
    assert r.headers["location"] == f"/pair/IND/PAK?freq=D#{alert['alert_id']}"
    page = live.get(r.headers["location"]).text
    assert f'id="{alert["alert_id"]}"' in page


def test_docs_describe_every_endpoint() -> None:
    from pathlib import Path

    from wardrums.web.app import openapi_document

    docs = (Path(__file__).resolve().parents[1] / "docs" / "web.md").read_text("utf-8")
    for path, ops in openapi_document()["paths"].items():
        for method in ops:
            assert f"`{method.upper()} {path}`" in docs, f"{method.upper()} {path}"


def test_an_empty_store_serves_empty_answers(tmp_path) -> None:
    app = create_app(tmp_path / "empty.duckdb", use_classifier=False)
    with LiveServer(app) as server, httpx.Client(base_url=server.url) as client:
        for path in ("/", "/network"):
            assert client.get(path).status_code == 200
        assert client.get("/api/dyads").json() == {"dyads": []}
        assert client.get("/api/alerts").json() == {"alerts": []}
        assert client.get("/api/events").json()["total"] == 0
        assert client.get("/api/incidents").json()["incidents"] == []
        assert client.get("/api/tension/IND/PAK").status_code == 404
        assert client.get("/pair/IND/PAK").status_code == 404
    app.state.access.close()
