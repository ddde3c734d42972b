"""The web application: the REST API under ``/api/``, the dashboard pages, the static files.

:func:`create_app` wires them to one :class:`~wardrums.web.access.StoreAccess` and turns
wardrums' errors into answers a client can act on - 404 with the closest actor codes, 400
for a bad combination of parameters, 503 when the store cannot be used - as JSON under
``/api/`` and as an HTML page elsewhere. A server error is never the answer to bad input.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from wardrums.errors import InputError, StoreError
from wardrums.web import api, ingest, pages
from wardrums.web.access import StoreAccess
from wardrums.web.reads import NotFound
from wardrums.web.render import page
from wardrums.web.security import SecurityHeaders, allowed_hosts


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error(request: Request, status: int, detail: Any,
           headers: dict[str, str] | None = None) -> Response:
    if _is_api(request):
        return JSONResponse({"detail": jsonable_encoder(detail)}, status_code=status,
                            headers=headers)
    message = detail if isinstance(detail, str) else str(detail)
    return page(request, "error.html", status=status, status_code=status, message=message)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _error(request, 404, str(exc))

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(StoreError)
    async def store_down(request: Request, exc: StoreError) -> Response:
        return _error(request, 503, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": jsonable_encoder(exc.errors()),
                                 "message": _validation_message(exc)}, status_code=422)
        return _error(request, 422, _validation_message(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error(request, exc.status_code, exc.detail, getattr(exc, "headers", None))


def _routes() -> FastAPI:
    app = FastAPI(title="wardrums", summary="Political events and tension signals from news.",
                  version="1", openapi_url="/api/openapi.json", docs_url=None, redoc_url=None)
    app.include_router(api.router, prefix="/api")
    app.include_router(ingest.router, prefix="/api")
    app.include_router(pages.router)
    return app


def openapi_document() -> dict[str, Any]:
    """The API's OpenAPI document, built without opening a store (for docs and tests)."""
    return _routes().openapi()


def create_app(store: StoreAccess | str | Path, *, token: str | None = None,
               use_classifier: bool = True, host: str = "127.0.0.1") -> FastAPI:
    """The app over ``store`` (a StoreAccess, or the path of a store file to open).

    ``token`` enables ``POST /api/ingest`` for requests bearing it; ``host`` is the address
    the server binds to, which decides the Host headers accepted.
    """
    access = store if isinstance(store, StoreAccess) else StoreAccess.open(store)
    app = _routes()
    app.state.access = access
    app.state.token = token or None
    app.state.use_classifier = use_classifier
    static = resources.files("wardrums.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    _handlers(app)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts(host))
    app.add_middleware(SecurityHeaders)
    return app
