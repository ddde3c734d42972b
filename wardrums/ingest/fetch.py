"""Fetch a URL with a time limit and a size limit, and nothing else clever.

Any failure becomes a :class:`FetchError` whose reason names what went wrong (HTTP status,
DNS failure, refused connection, timeout) so the walker can turn it into a Rejection. The
deadline covers the whole download, not just each socket read, so a server trickling
bytes cannot hold a batch hostage.
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass

USER_AGENT = "wardrums/0.1 (+https://github.com/wardrums; political event coder)"
_CHUNK = 64 * 1024


class FetchError(Exception):
    """A URL that could not be fetched; ``code`` is a REJECTION_CODES key."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


@dataclass(frozen=True)
class Fetched:
    data: bytes
    content_type: str  # media type, lower case, without parameters ("" if none)
    charset: str | None  # from the Content-Type header
    final_url: str  # after redirects


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def fetch(url: str, *, timeout: float, max_bytes: int) -> Fetched:
    """GET ``url``; raise FetchError("network" | "too-large", reason) on any failure."""
    request = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT,
        "Accept": "text/html, application/rss+xml, application/atom+xml, application/xml;q=0.9, "
                  "text/plain;q=0.8, */*;q=0.5",
        "Accept-Encoding": "gzip, identity",
    })
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError("too-large", f"the server announces {_size(int(length))}, over "
                                 f"the {_size(max_bytes)} limit")
            gzipped = response.headers.get("Content-Encoding", "").lower() in ("gzip", "x-gzip")
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzipped else None
            chunks: list[bytes] = []
            total = 0
            while True:
                if time.monotonic() > deadline:
                    raise FetchError("network", f"timed out after {timeout:g}s while downloading")
                chunk = response.read(_CHUNK)
                if not chunk:
                    break
                if inflater is not None:
                    chunk = inflater.decompress(chunk, max_bytes + 1 - total)
                total += len(chunk)
                if total > max_bytes:
                    raise FetchError("too-large", f"the body is over the {_size(max_bytes)} "
                                     "limit; stopped reading")
                chunks.append(chunk)
            if inflater is not None:
                tail = inflater.flush()
                if total + len(tail) > max_bytes:
                    raise FetchError("too-large", f"the body is over the {_size(max_bytes)} "
                                     "limit; stopped reading")
                chunks.append(tail)
            content_type = response.headers.get_content_type() if response.headers.get(
                "Content-Type") else ""
            charset = response.headers.get_content_charset()
            return Fetched(b"".join(chunks), content_type.lower(), charset, response.geturl())
    except FetchError:
        raise
    except urllib.error.HTTPError as err:
        raise FetchError("network", f"HTTP {err.code} {err.reason}") from None
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, TimeoutError):
            raise FetchError("network", f"timed out after {timeout:g}s") from None
        raise FetchError("network", f"cannot connect ({reason})") from None
    except TimeoutError:
        raise FetchError("network", f"timed out after {timeout:g}s") from None
    except zlib.error as err:
        raise FetchError("network", f"the gzip-compressed body is corrupt ({err})") from None
    except (http.client.HTTPException, OSError, ValueError) as err:
        raise FetchError("network", f"{type(err).__name__}: {err}") from None
