"""Security headers on every response, and the bearer-token check for the one writing route."""

from __future__ import annotations

import hmac
import logging

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# No inline script or style anywhere: pages are server-rendered and need no JavaScript, so a
# quote that smuggles markup past the escaping still cannot run.
PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# Charts opened on their own are SVG documents: no script at all, a sandbox, and matplotlib's
# inline <style> allowed (it carries no article text).
SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


class SecurityHeaders:
    """Pure ASGI middleware (cheaper than BaseHTTPMiddleware): adds the headers at response
    start, keeping a stricter CSP a route already set (the SVG charts)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", PAGE_CSP.encode()))
                headers += [(k, v) for k, v in HEADERS if k not in names]
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            # A bug must not answer without the headers (the outer error middleware would):
            # answer 500 here, in the one error shape, and log the traceback for the operator.
            log.exception("unhandled error on %s", scope.get("path"))
            if started:
                raise
            await send_with_headers({"type": "http.response.start", "status": 500, "headers": [
                (b"content-type", b"application/json")]})
            await send({"type": "http.response.body", "body": b'{"error": {"status": 500, '
                        b'"message": "internal error; it has been logged", "details": []}}'})


def require_token(request: Request) -> None:
    """Ingest needs ``Authorization: Bearer <QUOTETRACE_TOKEN>``; without a configured token the
    route does not exist (404), a read-only server refuses (403)."""
    expected: str | None = request.app.state.token
    if not expected:
        raise HTTPException(404, "ingest over HTTP is disabled: no QUOTETRACE_TOKEN configured")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not value:
        raise HTTPException(401, "send 'Authorization: Bearer <token>' to ingest",
                            headers={"WWW-Authenticate": "Bearer"})
    # Constant-time comparison: the token must not leak through response timing.
    if not hmac.compare_digest(value.strip().encode(), expected.encode()):
        raise HTTPException(403, "wrong token")
    if request.app.state.readonly:
        raise HTTPException(403, "this server is read-only")
