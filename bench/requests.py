"""Request throughput of the tenant-scoped read path, against floors measured in the same run.

    scripts/dev bench [--requests N] [--postgres URL]

Floors: a bare Litestar handler and our own `/healthz` (middleware and guard, no database).
Measured: `GET /api/v1/t/{tenant}/members` (token lookup, tenant binding, casbin decision, one
tenant query) on SQLite, and on PostgreSQL when a superuser URL is given. Requests run in-process
through the ASGI interface, one at a time, so the figures compare code paths, not the network.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from litestar import Litestar, get

from core.access.permissions import PUBLIC
from core.accounts.security import DEMO_PASSWORD
from core.app import create_app
from core.audit.actions import Actor
from core.settings import DatabaseSettings, Settings
from core.tenancy.manifests import apply_manifests
from core.tenancy.migrate import migrate_platform
from core.tenancy.storage import configure

TENANTS = Path(__file__).resolve().parents[1] / "tenants"


async def _rate(client: httpx.AsyncClient, path: str, n: int, headers: dict[str, str]) -> float:
    for _ in range(min(50, n)):  # warm caches
        assert (await client.get(path, headers=headers)).status_code == 200
    start = time.perf_counter()
    for _ in range(n):
        await client.get(path, headers=headers)
    return n / (time.perf_counter() - start)


def _client(app: Any) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 1))
    return httpx.AsyncClient(transport=transport, base_url="http://bench")


async def _measure_backend(db: DatabaseSettings, n: int) -> dict[str, float]:
    storage = configure(db)
    await migrate_platform(storage)
    await apply_manifests(TENANTS, actor=Actor.system("bench"), demo=True)
    await storage.start()
    app = create_app(Settings(database=db), storage)
    out: dict[str, float] = {}
    async with _client(app) as client:
        r = await client.post(
            "/api/v1/auth/token",
            json={"login": "nb.admin", "password": DEMO_PASSWORD, "scope": "tenant:ningbo-hrss"},
        )
        token = {"Authorization": f"Bearer {r.json()['token']}"}
        out["/healthz (middleware + guard)"] = await _rate(client, "/healthz", n, {})
        out["GET members (token, tenant, casbin, query)"] = await _rate(
            client, "/api/v1/t/ningbo-hrss/members", n, token
        )
    await storage.stop()
    return out


async def main(n: int, postgres: str | None) -> None:
    logging.getLogger("httpx").setLevel(logging.WARNING)

    @get("/", opt={"permission": PUBLIC}, sync_to_thread=False)
    def bare() -> dict[str, str]:
        return {"status": "ok"}

    async with _client(Litestar([bare])) as client:
        floor = await _rate(client, "/", n, {})
    rows = [("floor: bare Litestar handler", "-", floor)]
    with tempfile.TemporaryDirectory() as tmp:
        sqlite = await _measure_backend(DatabaseSettings(data_dir=Path(tmp)), n)
    rows += [(k, "sqlite", v) for k, v in sqlite.items()]
    if postgres:
        from tests.world import create_pg_database, drop_pg_database

        db = await create_pg_database(postgres)
        try:
            pg = await _measure_backend(db.settings(), n)
        finally:
            await drop_pg_database(db)
        rows += [(k, "postgres", v) for k, v in pg.items()]
    print(f"\n{'path':48} {'backend':9} {'req/s':>9} {'vs floor':>9}")
    for name, backend, rate in rows:
        print(f"{name:48} {backend:9} {rate:9.0f} {rate / floor:9.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument(
        "--postgres",
        default=None,
        help="superuser URL, e.g. postgresql://postgres@127.0.0.1/postgres",
    )
    args = parser.parse_args()
    asyncio.run(main(args.requests, args.postgres))
