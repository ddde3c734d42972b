"""Schemathesis against the API's OpenAPI document: no GET, whatever its parameters, may
answer with a server error. The requests go over HTTP to a real server on a real store."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from test_web_helpers import LiveServer, demo_store

from wardrums.web import create_app
from wardrums.web.app import openapi_document

schema = schemathesis.openapi.from_dict(openapi_document()).include(method="GET")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    path = demo_store(tmp_path_factory.mktemp("fuzz") / "w.duckdb")
    app = create_app(path, token="fuzz-token", use_classifier=False)
    with LiveServer(app) as server:
        yield server.url
    app.state.access.close()


@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_server_errors(case, base_url) -> None:
    case.call_and_validate(base_url=base_url, checks=[not_a_server_error])
