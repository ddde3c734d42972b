"""A real store and a real server for the web tests (no mocks); holds no tests itself.

The store is the demo corpus coded by the rule coder, plus one hostile article whose text,
title, source and URL try every trick a page could fall for. It is built once per test run
(about 20 s) and copied into each test's folder, since the server writes to it.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import threading
import time
from functools import lru_cache
from pathlib import Path

import uvicorn

from wardrums.demo import demo_articles
from wardrums.engines.local import ingest
from wardrums.ingest import read_text_as_article
from wardrums.store import open_store

HOSTILE_TEXT = (
    "ISLAMABAD (Demo Wire) - Pakistani troops shelled Indian army posts in Kashmir on Wednesday "
    "<script>window.__pwned = 1; document.title = 'pwned'; alert('pwned')</script>, "
    "an Indian defence spokesman said <img src=x onerror=\"window.__pwned = 2\">.\n\n"
    "India accused Pakistan of \u202egnillehs\u202c unprovoked attacks on civilians."
)
HOSTILE_TITLE = "<script>window.__pwned=3</script>Clash \u202eon the border"
HOSTILE_URL = "javascript:alert(document.domain)"


def hostile_article():
    return read_text_as_article(HOSTILE_TEXT, id="hostile-1", published=dt.date(2017, 10, 25),
                                title=HOSTILE_TITLE, source="<b onmouseover=alert(1)>Evil</b>",
                                url=HOSTILE_URL)


@lru_cache(maxsize=1)
def _built() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="wardrums-web-"))
    path = folder / "demo.duckdb"
    with open_store(path) as store:
        ingest([*demo_articles(), hostile_article()], store, use_classifier=False)
    return path


def demo_store(dest: Path) -> Path:
    """A copy, at ``dest``, of the demo store with the hostile article (IND-PAK alerts)."""
    shutil.copyfile(_built(), dest)
    return dest


class LiveServer:
    """``app`` served by uvicorn on 127.0.0.1 and a free port, in a background thread."""

    def __init__(self, app) -> None:
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0,
                                                    log_level="warning", lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.url = ""

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)
