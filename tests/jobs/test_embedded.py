"""Embedded: `yishi serve` runs worker, relay and scheduler on the in-memory broker; killed with
undelivered rows, it delivers them after a restart (the outbox is what is durable)."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from core.audit.tables import TenantOutbox
from core.jobs.channels import do_send_notice
from core.jobs.tables import InboxItem
from core.settings import DatabaseSettings
from core.tenancy.context import bind_slug
from core.tenancy.storage import configure
from tests.jobs.helpers import ACTOR, wait_until

SLUG = "ningbo-hrss"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _ready(port: int) -> bool:
    try:
        async with httpx.AsyncClient() as c:
            r = await c.get(f"http://127.0.0.1:{port}/readyz", timeout=1)
        return r.status_code == 200 and r.json().get("broker", "").startswith("stub")
    except httpx.HTTPError:
        return False


async def test_embedded_server_killed_with_undelivered_rows_delivers_them_after_restart(
    tmp_path: Path, backend: str
) -> None:
    if backend != "sqlite":
        pytest.skip("the embedded mode is SQLite")
    data = tmp_path / "data"
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("YISHI_")}
    env.update(
        YISHI_DATA_DIR=str(data),
        YISHI_PORT=str(port),
        YISHI_JOBS_POLL_SECONDS="0.2",
        YISHI_ACCESS_LOG="0",
    )
    cmd = [sys.executable, "-c", "from core.cli import main; main()", "serve"]

    def start() -> subprocess.Popen[bytes]:
        return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    server = start()
    try:
        await wait_until(lambda: _ready(port), timeout=60, every=0.2)
        storage = configure(DatabaseSettings(data_dir=data))
        await storage.start()
        async with bind_slug(SLUG):
            for i in range(15):
                await do_send_notice(ACTOR, [1] * 10, f"通知 {i}")
        server.send_signal(signal.SIGKILL)  # mid-delivery
        server.wait()
        async with bind_slug(SLUG):
            for i in range(15, 30):
                await do_send_notice(ACTOR, [1] * 10, f"通知 {i}")
            waiting = await TenantOutbox.count().where(TenantOutbox.delivered_at.is_null())
        assert waiting >= 150
        began = time.monotonic()
        server = start()

        async def all_done() -> bool:
            async with bind_slug(SLUG):
                return not await TenantOutbox.exists().where(TenantOutbox.delivered_at.is_null())

        await wait_until(all_done, timeout=60, every=0.2)
        async with bind_slug(SLUG):
            keys = [r["key"] for r in await InboxItem.select(InboxItem.key)]
        print(
            f"\n[embedded] server SIGKILLed with {waiting} of 300 rows undelivered; after restart "
            f"delivered {len(set(keys))} in {time.monotonic() - began:.1f} s (start-up included), "
            f"duplicated {len(keys) - len(set(keys))}"
        )
        assert len(keys) == 300 and len(set(keys)) == 300
        await storage.stop()
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
    await asyncio.sleep(0)
