"""``POST /api/ingest``: articles as JSON in, coded and stored, counts and event ids out.

The only write the server offers, so it is the only route behind a token: a bearer token set
when the server starts (``--token`` or ``$WARDRUMS_TOKEN``); without one, ingesting is off.
Bodies are capped before they are parsed, and coding - the slow part - runs outside the
store's write lock, so readers wait only while the coded articles are written.
"""

from __future__ import annotations

import hmac
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from wardrums.engines.local import RunSummary, code_stream
from wardrums.ingest.jsonl import record_to_article
from wardrums.ingest.source import Source
from wardrums.records import Article, Rejection
from wardrums.web.access import StoreAccess

MAX_BYTES = 2 * 1024 * 1024
MAX_ARTICLES = 100

router = APIRouter()
_bearer = HTTPBearer(auto_error=False, description="The token the server was started with.")

_ARTICLE_SCHEMA = {
    "type": "object",
    "required": ["id", "text"],
    "properties": {
        "id": {"type": "string"}, "text": {"type": "string"},
        "published": {"type": "string", "format": "date"}, "title": {"type": "string"},
        "source": {"type": "string"}, "url": {"type": "string"},
    },
}
_BODY = {"required": True, "content": {"application/json": {"schema": {"oneOf": [
    _ARTICLE_SCHEMA,
    {"type": "array", "items": _ARTICLE_SCHEMA, "minItems": 1, "maxItems": MAX_ARTICLES},
]}}}}


def check_token(request: Request, creds: Annotated[
        HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
    """403 when the server has no token (ingest off), 401 when the request's is wrong."""
    expected = request.app.state.token
    if not expected:
        raise HTTPException(403, "ingesting is disabled on this server: start it with --token "
                                 "TOKEN (or set WARDRUMS_TOKEN) to allow POST /api/ingest")
    given = creds.credentials if creds else ""
    if not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        raise HTTPException(401, "missing or wrong token: send 'Authorization: Bearer TOKEN' "
                                 "with the token the server was started with",
                            headers={"WWW-Authenticate": "Bearer"})


async def _read_capped(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > MAX_BYTES):
        raise HTTPException(413, f"the body is larger than {MAX_BYTES // (1024 * 1024)} MB; "
                                 f"send at most {MAX_ARTICLES} articles per request")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BYTES:
            raise HTTPException(413, f"the body is larger than {MAX_BYTES // (1024 * 1024)} MB")
        chunks.append(chunk)
    return b"".join(chunks)


def parse_body(raw: bytes) -> tuple[list[Article], list[Rejection]]:
    """The articles of a JSON body (one object or a list), and the records refused."""
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise HTTPException(422, f"the body is not JSON: {exc}") from None
    except RecursionError:
        raise HTTPException(422, "the body nests JSON too deeply to be an article") from None
    records = data if isinstance(data, list) else [data]
    if not records:
        raise HTTPException(422, "the body is an empty list; send one article or a list")
    if len(records) > MAX_ARTICLES:
        raise HTTPException(413, f"{len(records)} articles in one request; the limit is "
                                 f"{MAX_ARTICLES}")
    src = Source(name="request", origin="api")
    articles: list[Article] = []
    refused: list[Rejection] = []
    for i, obj in enumerate(records):
        where = f"request[{i}]"
        if not isinstance(obj, dict):
            refused.append(Rejection(input=where, code="bad-field", reason=(
                f"an article must be a JSON object, not {type(obj).__name__}")))
            continue
        item = record_to_article(obj, src, where, None)
        (articles if isinstance(item, Article) else refused).append(item)
    return articles, refused


def ingest_articles(access: StoreAccess, articles: list[Article], refused: list[Rejection],
                    *, use_classifier: bool) -> dict[str, Any]:
    """Code the articles not yet stored, then store them (write lock) and report."""
    summary = RunSummary(rejections=list(refused))
    with access.reading() as s:
        fresh = [a for a in articles if not s.has_article(a.content_hash)]
    coded = list(code_stream(fresh, summary, use_classifier=use_classifier))
    duplicates = len(articles) - len(fresh)
    stored: list[dict[str, Any]] = []
    with access.writing() as s:
        for article, events in coded:
            if s.add_article(article, events):
                stored.append({"id": article.id, "event_ids": [e.event_id for e in events]})
            else:  # the same text twice in one request
                duplicates += 1
        if summary.rejections:
            s.add_rejections(summary.rejections)
    return {
        "articles": len(articles) + len(refused), "new": len(stored),
        "duplicates": duplicates, "events": sum(len(a["event_ids"]) for a in stored),
        "stored": stored,
        "rejected": [{"input": r.input, "code": r.code, "reason": r.reason}
                     for r in summary.rejections],
    }


@router.post("/ingest", dependencies=[Depends(check_token)], tags=["write"],
             openapi_extra={"requestBody": _BODY},
             responses={401: {"description": "missing or wrong token"},
                        403: {"description": "ingesting is disabled (no token set)"},
                        413: {"description": "body or article count over the limit"},
                        422: {"description": "malformed body, or no article in it usable"}})
async def ingest(request: Request) -> dict[str, Any]:
    """Code and store one article or a list of up to 100 (JSON, at most 2 MB).

    Each article is ``{"id", "text", "published"?, "title"?, "source"?, "url"?}`` as in
    ``wardrums ingest`` JSON lines. Articles already stored (same text) are counted as
    duplicates; records that cannot be read are listed under ``rejected``.
    """
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise HTTPException(415, "send the articles as application/json")
    articles, refused = parse_body(await _read_capped(request))
    if not articles:
        raise HTTPException(422, {"message": "no article in the body could be read",
                                  "rejected": [{"input": r.input, "code": r.code,
                                                "reason": r.reason} for r in refused]})
    return await run_in_threadpool(ingest_articles, request.app.state.access, articles,
                                   refused, use_classifier=request.app.state.use_classifier)
