"""One error renderer: the JSON envelope for the API, a Chinese-first page for a browser."""

from __future__ import annotations

from tests.world import World


async def test_browser_gets_a_page_and_the_api_gets_json(api: World) -> None:
    page = await api.api.get("/no-such-page", headers={"Accept": "text/html,*/*"})
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "未找到所请求的内容" in page.text and "not_found" in page.text
    # The API answers its contract whatever the client prefers.
    api_404 = await api.api.get("/api/v1/no-such-route", headers={"Accept": "text/html"})
    assert api_404.status_code == 404
    assert api_404.json()["error"]["code"] == "not_found"
    plain = await api.api.get("/no-such-page")
    assert plain.json()["error"]["code"] == "not_found"


async def test_error_page_escapes_what_it_shows(api: World) -> None:
    r = await api.api.get("/no-such-page", headers={"Accept": "text/html", "Accept-Language": "en"})
    assert r.text.index("Not found.") < r.text.index("未找到所请求的内容")
    assert "<script" not in r.text.lower()
