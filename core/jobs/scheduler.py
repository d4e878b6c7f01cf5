"""Periodic jobs as rows: any number of schedulers, none a leader, no job fired twice.

A job is a `scheduled_job` row (`next_ms`, `interval_seconds`). A scheduler claims due rows in
one platform transaction (PostgreSQL `FOR UPDATE SKIP LOCKED`: a second scheduler skips the rows
the first holds; SQLite: one writer at a time), moves each `next_ms` past now (missed runs are
not caught up one by one) and commits, then runs them. A run that crashes is not retried before
its next time; the jobs are written to be safe to run again (the sweeper, retention) or keyed by
day (the compliance scan's effect).

Reminders are not jobs: a reminder is an outbox row due later (`act.remind(at, topic, **ids)`),
delivered by the relay when due, claimed like any other row.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from core.audit.actions import Actor, tenant_action, write_transaction
from core.jobs.effects import Effect, effect
from core.jobs.tables import ComplianceScan, ScheduledJob
from core.jobs.wakeup import now_ms
from core.settings import JobsSettings
from core.tenancy.context import bind_tenant
from core.tenancy.storage import get_storage

__all__ = ["DEFAULT_JOBS", "JOBS", "Scheduler", "ensure_jobs", "job"]

log = logging.getLogger("yishi.jobs.scheduler")

SCHEDULER = Actor.system("yishi-scheduler")
CHINA = ZoneInfo("Asia/Shanghai")

JobFn = Callable[[JobsSettings], Awaitable[Any]]
JOBS: dict[str, JobFn] = {}

#: name, kind, interval in seconds
DEFAULT_JOBS = (
    ("outbox.sweep", "outbox.sweep", 300),
    ("outbox.retention", "outbox.retention", 3600),
    ("compliance.daily", "compliance.daily", 86400),
)


def job(kind: str) -> Callable[[JobFn], JobFn]:
    def register(fn: JobFn) -> JobFn:
        JOBS[kind] = fn
        return fn

    return register


async def ensure_jobs(jobs: tuple[tuple[str, str, int], ...] = DEFAULT_JOBS) -> None:
    """Create the periodic jobs that do not exist yet (due at once)."""
    now = now_ms()
    for name, kind, interval in jobs:
        await ScheduledJob.raw(
            "INSERT INTO scheduled_job (name, kind, interval_seconds, next_ms, runs, last_error) "
            "VALUES ({}, {}, {}, {}, 0, '') ON CONFLICT (name) DO NOTHING",
            name,
            kind,
            interval,
            now,
        )


class Scheduler:
    def __init__(self, settings: JobsSettings, *, batch: int = 10) -> None:
        self.settings = settings
        self.batch = batch
        self.fired = 0

    async def claim(self) -> list[dict[str, Any]]:
        now = now_ms()
        lock = " FOR UPDATE SKIP LOCKED" if get_storage().backend == "postgres" else ""
        async with write_transaction(ScheduledJob._meta.db):
            rows = await ScheduledJob.raw(
                "SELECT id, name, kind, interval_seconds, next_ms FROM scheduled_job "
                f"WHERE next_ms <= CAST({{}} AS BIGINT) ORDER BY next_ms LIMIT {{}}{lock}",
                now,
                self.batch,
            )
            for row in rows:
                step = max(1, int(row["interval_seconds"])) * 1000
                missed = (now - int(row["next_ms"])) // step + 1
                await ScheduledJob.update(
                    {
                        ScheduledJob.next_ms: int(row["next_ms"]) + missed * step,
                        ScheduledJob.last_ms: now,
                        ScheduledJob.runs: ScheduledJob.runs + 1,
                    }
                ).where(ScheduledJob.id == row["id"])
        return list(rows)

    async def tick(self) -> list[str]:
        """Claim what is due and run it; the names of the jobs run."""
        ran = []
        for row in await self.claim():
            fn = JOBS.get(row["kind"])
            error = ""
            try:
                if fn is None:
                    raise LookupError(f"no job kind {row['kind']!r}")
                await fn(self.settings)
            except Exception as exc:
                log.exception("scheduled job %s failed", row["name"])
                error = f"{type(exc).__name__}: {exc}"[:2000]
            await ScheduledJob.update({ScheduledJob.last_error: error}).where(
                ScheduledJob.id == row["id"]
            )
            ran.append(row["name"])
            self.fired += 1
        return ran

    async def run(self, stop: asyncio.Event, every: float = 1.0) -> None:
        await ensure_jobs()
        while not stop.is_set():
            try:
                if await self.tick():
                    continue
            except Exception:
                log.exception("scheduler tick failed")
            try:
                await asyncio.wait_for(stop.wait(), timeout=every)
            except TimeoutError:
                pass


# --- the jobs ----------------------------------------------------------------------------------


@job("outbox.sweep")
async def _sweep(settings: JobsSettings) -> None:
    from core.jobs.relay import sweep

    await sweep()


@job("outbox.retention")
async def _retention(settings: JobsSettings) -> None:
    from core.jobs.relay import retention

    await retention(settings.retention_days)


@job("compliance.daily")
async def _compliance(settings: JobsSettings) -> None:
    """One scan per active tenant per day (China's calendar day), through its outbox."""
    from core.tenancy.tables import Tenant

    day = datetime.now(CHINA).date().isoformat()
    rows = await Tenant.select(
        Tenant.slug, Tenant.schema_name, Tenant.role_name, Tenant.status
    ).order_by(Tenant.slug)
    for row in rows:
        if row.get("status", "active") != "active":
            continue
        try:
            with bind_tenant(row):
                async with tenant_action(SCHEDULER, "jobs.compliance_scan_due", day) as act:
                    act.emit("compliance.scan", day=day)
        except Exception as exc:  # one tenant's failure must not stop the others
            log.warning("compliance scan of %s not queued: %s", row["slug"], exc)


PLACEHOLDER_NOTE = (
    "占位：会议流程尚未实现，本次仅记录扫描已运行 (placeholder: the meeting lifecycle does not "
    "exist yet; this records that the daily scan ran)"
)


@effect("compliance.scan", key=lambda eff: f"compliance.scan:{eff.payload.get('day', '')}")
async def compliance_scan(eff: Effect) -> None:
    """PLACEHOLDER daily compliance scan: records the scan (findings 0) until meetings exist."""
    async with eff.write():
        await ComplianceScan.insert(
            ComplianceScan(day=str(eff.payload.get("day", "")), findings=0, note=PLACEHOLDER_NOTE)
        )
