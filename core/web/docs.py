"""The API docs page at `/schema`, rendered by Swagger UI served from this package.

Nothing is loaded from the internet: a government network often has none. Swagger UI's files are
vendored, unchanged, in `core/web/static/swagger-ui/` (see its VERSION file). The PyPI package
`swagger-ui-bundle` was the first choice, but its newest release (1.1.0) ships swagger-ui 4.15,
which refuses OpenAPI 3.1 ("Unable to render this definition"), and Litestar writes 3.1; no other
PyPI distribution ships swagger-ui 5 without pulling in another web framework. The page's start-up
script is a file too, so the page works under `script-src 'self'`: no inline script, and the
schema is fetched from `/schema/openapi.json` rather than inlined.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from litestar import Request, Router
from litestar.datastructures import CacheControlHeader
from litestar.openapi.plugins import OpenAPIRenderPlugin
from litestar.static_files import create_static_files_router

from core.access.permissions import PUBLIC

__all__ = ["STATIC_DIR", "STATIC_URL", "SWAGGER_UI_VERSION", "SwaggerUIOffline", "static_router"]

STATIC_DIR = Path(__file__).resolve().parent / "static"
STATIC_URL = "/static"
SWAGGER_UI_VERSION = "5.18.2"
SWAGGER_URL = f"{STATIC_URL}/swagger-ui"


class SwaggerUIOffline(OpenAPIRenderPlugin):
    """Swagger UI from same-origin files; the page holds no inline script or style."""

    def __init__(self, path: str | list[str] = "/") -> None:
        super().__init__(path=path, favicon="", style="")

    def render(self, request: Request[Any, Any, Any], openapi_schema: dict[str, Any]) -> bytes:
        title = openapi_schema["info"]["title"]
        config = request.app.openapi_config
        spec = ((config.path if config else None) or "/schema").rstrip("/") + "/openapi.json"
        return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" type="image/png" href="{SWAGGER_URL}/favicon-32x32.png">
<link rel="stylesheet" href="{SWAGGER_URL}/swagger-ui.css">
</head><body>
<noscript>接口文档需要启用 JavaScript；机器可读的接口描述见 <a href="{spec}">{spec}</a>。
The API docs need JavaScript; the machine-readable schema is at <a href="{spec}">{spec}</a>.
</noscript>
<div id="swagger-ui" data-spec-url="{spec}"></div>
<script src="{SWAGGER_URL}/swagger-ui-bundle.js"></script>
<script src="{STATIC_URL}/docs.js"></script>
</body></html>""".encode()


def static_router() -> Router:
    """`/static/…`: public, cacheable files of core/web/static (ours and the vendored renderer)."""
    return create_static_files_router(
        STATIC_URL,
        directories=[STATIC_DIR],
        name="static",
        opt={"permission": PUBLIC},
        cache_control=CacheControlHeader(max_age=86400, public=True),
    )
