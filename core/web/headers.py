"""Security headers on every response, errors and unknown paths included.

A `before_send` hook rather than a route middleware: Litestar runs route middleware only for a
matched route, so a 404 for an unknown path or a 405 would go out without them. The hook wraps
the application's `send` and sees every `http.response.start`.
"""

from __future__ import annotations

from litestar.datastructures import MutableScopeHeaders
from litestar.types import BeforeMessageSendHookHandler, Message, Scope

__all__ = ["CONTENT_SECURITY_POLICY", "security_headers"]

#: Everything from our own origin and nothing else: no CDN, no inline script, no framing. The
#: API docs page (Swagger UI, served from the package) needs `data:` images (its icons are inline
#: SVG in its CSS) and nothing more.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

_ALWAYS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
#: Browsers honour HSTS only over HTTPS; in production TLS ends in front of us (README), and the
#: embedded default on http://127.0.0.1 must not pin a developer's localhost to HTTPS.
HSTS = "max-age=31536000; includeSubDomains"


def security_headers(production: bool) -> BeforeMessageSendHookHandler:
    """A `before_send` hook adding the headers; HSTS only in production."""
    fixed = dict(_ALWAYS)
    if production:
        fixed["Strict-Transport-Security"] = HSTS

    async def hook(message: Message, scope: Scope) -> None:
        if message["type"] != "http.response.start":
            return
        headers = MutableScopeHeaders.from_message(message)
        for name, value in fixed.items():
            headers[name] = value
        # Every API answer may carry a token, a CSRF token or a person's data: never store it
        # in a browser or proxy cache.
        if scope.get("path", "").startswith("/api/"):
            headers["Cache-Control"] = "no-store"

    return hook
