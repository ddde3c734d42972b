"""The Jinja environment of the dashboard: autoescaping on, and every printed string stripped
of hiding characters on its way out, so a template cannot forget to."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import pandas as pd
from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from wardrums.web.markup import safe_url, short, visible

MODALITIES = ("asserted", "alleged", "predicted", "hypothetical")


def _finalize(value: Any) -> Any:
    # Markup is ours (already escaped and cleaned); anything else printed is untrusted.
    if isinstance(value, Markup) or value is None:
        return "" if value is None else value
    return visible(value)


def num(value: Any, digits: int = 1) -> str:
    """A number for a table cell; missing values as an en dash."""
    if value is None or value is pd.NaT:
        return "–"
    try:
        f = float(value)
    except (TypeError, ValueError):
        return visible(value)
    if not math.isfinite(f):
        return "–"
    return f"{f:,.0f}" if digits == 0 else f"{f:,.{digits}f}"


def day(value: Any) -> str:
    """A date as YYYY-MM-DD; missing as an en dash."""
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, pd.Timestamp | dt.date):
        return value.strftime("%Y-%m-%d")
    return visible(value)[:10]


def urlpart(value: Any) -> str:
    """One path segment of our own URLs (actor codes, article ids), percent-encoded."""
    return quote(visible(value), safe="")


def badge(modality: Any) -> Markup:
    m = visible(modality)
    cls = m if m in MODALITIES else "other"
    return Markup('<span class="badge m-{}">{}</span>').format(cls, m)


env = Environment(loader=PackageLoader("wardrums.web", "templates"), autoescape=True,
                  finalize=_finalize, undefined=StrictUndefined, trim_blocks=True,
                  lstrip_blocks=True)
env.filters.update(num=num, day=day, urlpart=urlpart, safe_url=safe_url, short=short,
                   badge=badge)


def html(request: Request, name: str, **context: Any) -> str:
    """``templates/NAME`` rendered for ``request``."""
    return env.get_template(name).render(request=request, path=request.url.path, **context)


def page(request: Request, name: str, *, status: int = 200, **context: Any) -> HTMLResponse:
    """Render ``templates/NAME`` into an HTML response."""
    return HTMLResponse(html(request, name, **context), status_code=status)


def cached_page(request: Request, build: Callable[[], str]) -> HTMLResponse:
    """The page ``build()`` renders, kept per URL until the store changes.

    Every page is a function of its URL and the store alone, so a second reader of the same
    page costs a dictionary lookup rather than the analysis, the highlighting and the template.
    """
    key = ("page", str(request.url))
    return HTMLResponse(request.app.state.access.cached(key, lambda _store: build()))
