"""The one error renderer: JSON for the API, a Chinese-first HTML page for people.

Every exception handler in `core.app` ends here. `/api/…` always answers the JSON envelope (a
client that asks for HTML still gets the contract it programs against); any other path answers an
HTML page when the client prefers `text/html` (a browser following a link), so pages added later
show the same stable code and sentence in the same place. The page's look comes from the site's
own stylesheet (`/static/site.css`): the CSP allows no inline style.
"""

from __future__ import annotations

from html import escape
from typing import Any

from litestar import MediaType, Request, Response

from core.errors import YishiError, pick_language, to_payload

__all__ = ["render_error", "wants_html"]

_PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{status} · 议事 Yishi</title>
<link rel="stylesheet" href="/static/site.css"></head><body class="error">
<h1>{primary}</h1>
<p><small>{secondary}</small></p>
<p>错误代码 <small>error code</small>: <code>{code}</code> · HTTP {status}</p>
<p><a href="/">返回首页</a> <small>home</small></p>
</body></html>"""


def wants_html(request: Request[Any, Any, Any]) -> bool:
    if request.url.path.startswith("/api/"):
        return False
    accept = request.headers.get("accept", "")
    html = accept.find("text/html")
    json = accept.find("application/json")
    return html >= 0 and (json < 0 or html < json)


def render_error(request: Request[Any, Any, Any], error: YishiError) -> Response[Any]:
    lang = pick_language(request.headers.get("accept-language"))
    headers = {
        "Content-Language": "en" if lang == "en" else "zh-CN",
        **(getattr(error, "headers", None) or {}),
    }
    if wants_html(request):
        first, second = (
            (error.message_en, error.message_zh)
            if lang == "en"
            else (error.message_zh, error.message_en)
        )
        page = _PAGE.format(
            lang="en" if lang == "en" else "zh-CN",
            status=error.status,
            primary=escape(first),
            secondary=escape(second),
            code=escape(error.code),
        )
        return Response(page, status_code=error.status, media_type=MediaType.HTML, headers=headers)
    return Response(
        to_payload(error, lang),
        status_code=error.status,
        media_type=MediaType.JSON,
        headers=headers,
    )
