"""Security headers on every response, errors and unknown paths included.

A `before_send` hook rather than a route middleware: Litestar runs route middleware only for a
matched route, so a 404 for an unknown path or a 405 would go out without them. The hook wraps
the application's `send` and sees every `http.response.start`.
"""

from __future__ import annotations

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


def _encoded(headers: dict[str, str]) -> tuple[frozenset[bytes], list[tuple[bytes, bytes]]]:
    pairs = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
    return frozenset(name for name, _ in pairs), pairs


def security_headers(production: bool) -> BeforeMessageSendHookHandler:
    """A `before_send` hook adding the headers; HSTS only in production.

    The pairs are encoded once here. Each replaces any header of its name the response already
    has (a route's own `Cache-Control` on an API answer included); the common case, none of
    them there, costs one scan of the response's headers and one `extend`.
    """
    fixed = dict(_ALWAYS)
    if production:
        fixed["Strict-Transport-Security"] = HSTS
    # Every API answer may carry a token, a CSRF token or a person's data: never store it in a
    # browser or proxy cache.
    everywhere = _encoded(fixed)
    api = _encoded({**fixed, "Cache-Control": "no-store"})

    async def hook(message: Message, scope: Scope) -> None:
        if message["type"] != "http.response.start":
            return
        names, pairs = api if scope.get("path", "").startswith("/api/") else everywhere
        headers = list(message.get("headers") or ())
        if any(name.lower() in names for name, _ in headers):
            headers = [(name, value) for name, value in headers if name.lower() not in names]
        headers.extend(pairs)
        message["headers"] = headers

    return hook
