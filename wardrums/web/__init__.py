"""The dashboard and REST API over a wardrums store (``wardrums serve``).

>>> from wardrums.web import create_app                    # doctest: +SKIP
>>> app = create_app("wardrums.duckdb", token="s3cret")     # an ASGI app for uvicorn
"""

from __future__ import annotations

from typing import Any

__all__ = ["StoreAccess", "create_app"]


def __getattr__(name: str) -> Any:
    """Load FastAPI and the app only when asked: the ``wardrums`` command imports
    ``wardrums.web.cli`` to register ``serve``, and no other command should pay for it."""
    if name == "create_app":
        from wardrums.web.app import create_app

        return create_app
    if name == "StoreAccess":
        from wardrums.web.access import StoreAccess

        return StoreAccess
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
