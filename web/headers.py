"""What every response says about itself, and whose word on the client and scheme is believed.

The security headers go on every response, also on errors and files; HSTS only on one that came over
https (directly or per a trusted proxy). `X-Forwarded-For` and `X-Forwarded-Proto` are believed only
from the peers `serve --trusted-proxy` names: from anyone else they could be forged, and the login limit
and the `Secure` cookie would follow the forgery.
"""

from __future__ import annotations

from collections.abc import Sequence

from starlette.applications import Starlette
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

CSP = "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
KOPPEN = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
]
HSTS = (b"strict-transport-security", b"max-age=31536000")


class Headers:
    """Adds the security headers to the start of every http response (and HSTS over https)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        extra = [*KOPPEN, HSTS] if scope.get("scheme") == "https" else KOPPEN

        async def met_headers(bericht: Message) -> None:
            if bericht["type"] == "http.response.start":
                namen = {k for k, _ in extra}
                bericht["headers"] = [(k, v) for k, v in bericht.get("headers", []) if k.lower() not in namen] + extra
            await send(bericht)

        await self.app(scope, receive, met_headers)


class Webapp(Starlette):
    """Starlette whose outermost layers (outside even its 500 page) are the proxy check and the headers."""

    vertrouwd: Sequence[str] = ()

    def build_middleware_stack(self) -> ASGIApp:
        stapel: ASGIApp = Headers(super().build_middleware_stack())
        if self.vertrouwd:
            stapel = ProxyHeadersMiddleware(stapel, trusted_hosts=list(self.vertrouwd))  # type: ignore[arg-type]
        return stapel
