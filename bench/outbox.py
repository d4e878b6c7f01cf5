"""Outbox throughput (rows/s from commit to effect) and the relay's cost per cycle with 10 and
1,000 tenants of which 10 are active.

    python -m bench.outbox [--postgres URL] [--rows 2000] [--tenants 10,1000]

In-process, on the embedded broker with the worker's threads (the same code as `yishi serve`):
- throughput: `rows` inbox notices committed in actions of 10 across 10 tenants, timed from the
  first commit to the last effect committed (each effect: its own transaction with its key);
- relay cycle: 10 tenants each given one row, the relay's cycle timed (marks read, 10 tenants
  drained), with 10 and with 1,000 tenants registered; the sweeper's pass over every tenant (the
  job that runs every 5 minutes) next to it, which is what polling every schema would cost per
  cycle. Nothing is asserted: the figures are printed.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import fmt, table

ACTIVE = 10


async def _world(backend: str, folder: Path, pg: str | None, tenants: int) -> Any:
    from core.audit.actions import Actor
    from core.settings import DatabaseSettings
    from core.tenancy.migrate import migrate_platform
    from core.tenancy.registry import do_create_tenant
    from core.tenancy.storage import configure

    if backend == "postgres":
        assert pg is not None
        from tests.world import create_pg_database

        db = await create_pg_database(pg)
        settings = db.settings()
    else:
        db = None
        settings = DatabaseSettings(data_dir=folder / "data")
    storage = configure(settings)
    await migrate_platform(storage)
    await storage.start()
    actor = Actor.system("bench")
    for i in range(tenants):
        await do_create_tenant(f"b{i:04d}", f"基准 {i}", "ningbo", actor=actor)
    return storage, db


async def _emit(slugs: list[str], rows: int) -> None:
    from core.audit.actions import Actor, tenant_action
    from core.tenancy.context import bind_slug

    actor = Actor.system("bench")
    per = rows // len(slugs)

    async def one(slug: str) -> None:
        async with bind_slug(slug):
            for start in range(0, per, 10):
                async with tenant_action(actor, "bench.emit") as act:
                    for i in range(start, min(per, start + 10)):
                        act.emit("inbox.notify", person_id=1, title=f"通知 {i}")

    await asyncio.gather(*(one(s) for s in slugs))


async def _open(slugs: list[str]) -> int:
    from core.audit.tables import TenantOutbox
    from core.tenancy.context import bind_slug

    total = 0
    for slug in slugs:
        async with bind_slug(slug):
            total += await TenantOutbox.count().where(TenantOutbox.delivered_at.is_null())
    return total


async def throughput(rows: int) -> dict[str, float]:
    from core.jobs.runtime import Jobs
    from core.settings import JobsSettings

    slugs = [f"b{i:04d}" for i in range(ACTIVE)]
    jobs = Jobs(JobsSettings(poll_seconds=0.05, worker_threads=4), scheduler=False)
    await jobs.start()
    try:
        began = time.perf_counter()
        await _emit(slugs, rows)
        committed = time.perf_counter() - began
        while await _open(slugs):  # noqa: ASYNC110 (the effects commit in other threads)
            await asyncio.sleep(0.05)
        took = time.perf_counter() - began
    finally:
        await jobs.stop()
    return {"rows": rows, "commit_s": committed, "total_s": took, "rows_per_s": rows / took}


async def relay_cycle(registered: int, rounds: int = 5) -> dict[str, float]:
    from core.jobs.broker import Runtime, make_broker
    from core.jobs.relay import Relay, sweep
    from core.settings import JobsSettings

    broker = make_broker(JobsSettings(), Runtime(asyncio.get_running_loop()))
    relay = Relay(broker, JobsSettings(lease_seconds=3600))
    active = [f"b{i:04d}" for i in range(ACTIVE)]
    cycles, idle_cycles, sweeps = [], [], []
    for _ in range(rounds):
        await _emit_one_each(active)
        t = time.perf_counter()
        await relay.cycle()
        cycles.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        await relay.cycle()  # nothing due: the marks query only
        idle_cycles.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        await sweep()
        sweeps.append((time.perf_counter() - t) * 1000)
    relay.close()
    return {
        "registered": registered,
        "cycle_ms": statistics.median(cycles),
        "idle_cycle_ms": statistics.median(idle_cycles),
        "sweep_ms": statistics.median(sweeps),
    }


async def _emit_one_each(slugs: list[str]) -> None:
    from core.audit.actions import Actor, tenant_action
    from core.tenancy.context import bind_slug

    for slug in slugs:
        async with bind_slug(slug):
            async with tenant_action(Actor.system("bench"), "bench.one") as act:
                act.emit("inbox.notify", person_id=1, title="一")


async def run(backend: str, pg: str | None, rows: int, sizes: list[int]) -> list[list[str]]:
    import core.jobs.runtime  # noqa: F401  (registers the effects)

    out = []
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            storage, db = await _world(backend, Path(tmp), pg, size)
            try:
                cost = await relay_cycle(size)
                speed = await throughput(rows) if size == sizes[0] else None
            finally:
                await storage.stop()
                if db is not None:
                    from tests.world import drop_pg_database

                    await drop_pg_database(db)
        out.append(
            [
                backend,
                str(size),
                str(ACTIVE),
                fmt(cost["cycle_ms"], 1),
                fmt(cost["idle_cycle_ms"], 2),
                fmt(cost["sweep_ms"], 1),
                fmt(speed["rows_per_s"]) if speed else "",
            ]
        )
        print(" ".join(out[-1]), flush=True)
    return out


HEADERS = [
    "backend",
    "tenants",
    "active",
    "relay cycle ms (10 active)",
    "idle cycle ms",
    "sweep of all ms",
    "rows/s commit→effect",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--postgres", default=None, help="a superuser URL")
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--tenants", default="10,1000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.tenants.split(",")]
    rows: list[list[str]] = []
    for backend in ["sqlite"] + (["postgres"] if args.postgres else []):
        rows += asyncio.run(run(backend, args.postgres, args.rows, sizes))
    print()
    print(table(HEADERS, rows))


if __name__ == "__main__":
    main()
