"""Changes announced by one process are forgotten by every other at once (PostgreSQL).

`core/caching.py`: the changing process forgets and sends `NOTIFY yishi_cache`; each serving
process listens on a connection of its own. These tests play the other process with a second
connection, and check that a listener that lost its connection forgets everything when it is
back (it may have missed announcements).
"""

from __future__ import annotations

import asyncio

import asyncpg
import pytest

from core.caching import CHANNEL, TENANT_ROWS, CacheListener, announce
from core.tenancy.registry import request_tenant
from core.tenancy.storage import pg_config
from tests.world import World


async def _until(condition, seconds: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    deadline = asyncio.get_running_loop().time() + seconds
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            pytest.fail("not within the time allowed")
        await asyncio.sleep(0.01)


@pytest.fixture
async def pg(api: World) -> World:
    if api.backend != "postgres":
        pytest.skip("announcements are PostgreSQL's (SQLite runs one process)")
    return api


async def test_an_announcement_from_another_process_is_forgotten_at_once(pg: World) -> None:
    config = pg_config(pg.settings.database.url)
    listener = CacheListener(lambda: asyncpg.connect(**config))
    listener.start()
    other = await asyncpg.connect(**config)
    try:
        await asyncio.wait_for(listener.connected.wait(), 10)
        assert await request_tenant("alpha") is not None
        assert TENANT_ROWS.get("alpha") is not None  # cached here
        await other.execute("SELECT pg_notify($1, $2)", CHANNEL, "tenant:alpha")
        await _until(lambda: TENANT_ROWS.get("alpha") is None)
    finally:
        await other.close()
        await listener.stop()


async def test_announce_tells_the_other_processes(pg: World) -> None:
    other = await asyncpg.connect(**pg_config(pg.settings.database.url))
    heard: list[str] = []
    await other.add_listener(CHANNEL, lambda *args: heard.append(args[3]))
    try:
        await request_tenant("beta")
        await announce("tenant", "beta")
        assert TENANT_ROWS.get("beta") is None  # here at once
        await _until(lambda: "tenant:beta" in heard)
    finally:
        await other.close()


async def test_a_listener_back_from_a_lost_connection_forgets_everything(pg: World) -> None:
    config = pg_config(pg.settings.database.url)
    listener = CacheListener(lambda: asyncpg.connect(**config), retry_seconds=0.05)
    listener.start()
    admin = await asyncpg.connect(**config)
    try:
        await asyncio.wait_for(listener.connected.wait(), 10)
        pids = await admin.fetch(
            "SELECT pid FROM pg_stat_activity WHERE query LIKE 'LISTEN%'"
            " AND pid <> pg_backend_pid() AND datname = current_database()"
        )
        assert pids
        await request_tenant("alpha")
        assert TENANT_ROWS.get("alpha") is not None
        for row in pids:
            await admin.execute("SELECT pg_terminate_backend($1)", row["pid"])
        await _until(lambda: not listener.connected.is_set())
        await asyncio.wait_for(listener.connected.wait(), 10)
        assert TENANT_ROWS.get("alpha") is None
    finally:
        await admin.close()
        await listener.stop()
