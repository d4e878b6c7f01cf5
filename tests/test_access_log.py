"""The access log: one line per request, the caller's address, no query string, in batches."""

from __future__ import annotations

import io
import logging

import httpx
from litestar import Litestar, get

from core.access.permissions import PUBLIC
from core.web.accesslog import FLUSH_LINES, AccessLog


@get("/hello", opt={"permission": PUBLIC}, sync_to_thread=False)
def hello() -> dict[str, str]:
    return {"hello": "world"}


def _client(app: AccessLog) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 5000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


async def test_one_line_per_request_without_the_query() -> None:
    stream = io.StringIO()
    app = AccessLog(Litestar([hello]), stream=stream)
    async with _client(app) as client:
        assert (await client.get("/hello?code=yi.secret")).status_code == 200
        assert (await client.get("/missing")).status_code == 404
    assert stream.getvalue() == ""  # batched: nothing written per request
    app.flush()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith('203.0.113.7 "GET /hello HTTP/1.1" 200 17 ')
    assert lines[0].endswith("ms") and "yi.secret" not in stream.getvalue()
    assert lines[1].startswith('203.0.113.7 "GET /missing HTTP/1.1" 404 ')


async def test_a_full_batch_is_written_at_once() -> None:
    stream = io.StringIO()
    app = AccessLog(Litestar([hello]), stream=stream)
    async with _client(app) as client:
        for _ in range(FLUSH_LINES):
            await client.get("/hello")
    assert len(stream.getvalue().splitlines()) == FLUSH_LINES


async def test_a_configured_logger_receives_the_lines() -> None:
    logger = logging.getLogger("yishi.access")
    records: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record.getMessage())

    handler = Keep()
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        app = AccessLog(Litestar([hello]), stream=io.StringIO())
        async with _client(app) as client:
            await client.get("/hello")
    finally:
        logger.removeHandler(handler)
    assert len(records) == 1 and records[0].startswith('203.0.113.7 "GET /hello HTTP/1.1" 200')
