"""The dashboard and REST API over a wardrums store (``wardrums serve``).

>>> from wardrums.web import create_app                    # doctest: +SKIP
>>> app = create_app("wardrums.duckdb", token="s3cret")     # an ASGI app for uvicorn
"""

from wardrums.web.access import StoreAccess
from wardrums.web.app import create_app

__all__ = ["StoreAccess", "create_app"]
