"""Response headers that keep a hostile article from running or loading anything.

Escaping is the first defence; these headers are the second: even if some text slipped
through as markup, the browser would refuse inline scripts and event handlers, anything
loaded from elsewhere, framing by another site, and MIME sniffing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

HEADERS: dict[str, str] = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}

LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class SecurityHeaders:
    """ASGI middleware adding :data:`HEADERS` to every HTTP response."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]]) -> None:
        self.app = app
        self._raw = [(k.lower().encode("latin-1"), v.encode("latin-1"))
                     for k, v in HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in self._raw if k not in names]
            await send(message)

        await self.app(scope, receive, with_headers)


def allowed_hosts(host: str) -> list[str]:
    """Host headers to accept: on loopback only loopback names, which stops a DNS-rebinding
    page from reading the dashboard through the user's browser; elsewhere any."""
    if host in LOOPBACK:
        return ["127.0.0.1", "localhost", "[::1]"]
    return ["*"]
