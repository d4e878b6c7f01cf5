"""The outbox relay: publishes due outbox rows of the tenants that have work, and nothing else.

A cycle reads the platform's marks due now (`outbox_pending`, one query), and for each marked
tenant claims its due rows in one statement (PostgreSQL: `FOR UPDATE SKIP LOCKED`, so several
relays never claim a row twice; SQLite: one writer, `BEGIN IMMEDIATE`), setting a lease
(`leased_until`, doubled at each publication, at most 32×) and counting the publication. It then
publishes them (publisher confirms on RabbitMQ) with message ids derived from the rows, and moves
or clears the tenant's mark. A row whose publication failed is released at once; a published row
not done when its lease ends is published again (the effect's key makes that harmless). The
relay never waits for the actor: the actor marks the row done.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

from core.audit.actions import write_transaction
from core.audit.tables import TenantOutbox
from core.jobs.broker import message_for
from core.jobs.tables import DeliveredEffect, OutboxPending
from core.jobs.wakeup import CHANNEL, mark_pending, now_ms, settle
from core.settings import JobsSettings
from core.tenancy.context import BoundTenant, bind_tenant, lookup_tenant
from core.tenancy.storage import get_storage

__all__ = ["BrokerDown", "Relay", "next_due", "retention", "sweep"]

log = logging.getLogger("yishi.jobs.relay")


class BrokerDown(Exception):
    """Publishing failed: the broker is unreachable (the rows stay, the relay backs off)."""


_DUE = (
    "COALESCE(not_before, 0) <= CAST({} AS BIGINT) "
    "AND COALESCE(leased_until, 0) <= CAST({} AS BIGINT)"
)
_OPEN = "delivered_at IS NULL AND dead_at IS NULL"


def _pg() -> bool:
    return get_storage().backend == "postgres"


async def next_due() -> int | None:
    """When the bound tenant's outbox next has something to look at (epoch ms), or None."""
    rows = await TenantOutbox.raw(
        "SELECT MIN(CASE WHEN COALESCE(not_before, 0) > COALESCE(leased_until, 0) "
        "THEN COALESCE(not_before, 0) ELSE COALESCE(leased_until, 0) END) AS due "
        f"FROM outbox WHERE {_OPEN}"
    )
    due = rows[0]["due"] if rows else None
    return None if due is None else int(due)


class Relay:
    def __init__(self, broker: Any, settings: JobsSettings, *, batch: int = 200) -> None:
        self.broker = broker
        self.settings = settings
        self.batch = batch
        # pika's connection is per thread: publishing always from this one thread.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="yishi-relay")
        self._tenants: dict[str, BoundTenant] = {}
        self._listener: Any = None
        self.wake = asyncio.Event()
        self.published = 0
        self.cycles = 0
        self.broker_errors = 0

    # --- publishing ----------------------------------------------------------------------------

    def _publish_all(self, slug: str, ids: list[int]) -> int:
        done = 0
        try:
            for row_id in ids:
                self.broker.enqueue(message_for(slug, row_id))
                done += 1
        except Exception as exc:
            log.warning("publishing to the broker failed after %d of %d: %s", done, len(ids), exc)
        return done

    async def _claim(self) -> list[dict[str, Any]]:
        now = now_ms()
        lease = int(self.settings.lease_seconds * 1000)
        least = "LEAST" if _pg() else "MIN"
        lock = " FOR UPDATE SKIP LOCKED" if _pg() else ""
        sql = (
            f"UPDATE outbox SET leased_until = CAST({{}} AS BIGINT) + CAST({{}} AS BIGINT) * "
            f"(1 << {least}(attempts, 5)), "
            "attempts = attempts + 1 "
            f"WHERE id IN (SELECT id FROM outbox WHERE {_OPEN} AND {_DUE} "
            f"ORDER BY id LIMIT {{}}{lock}) RETURNING id, attempts"
        )
        async with write_transaction(TenantOutbox._meta.db):
            rows = await TenantOutbox.raw(sql, now, lease, now, now, self.batch)
        return sorted(rows, key=lambda r: r["id"])

    async def _release(self, ids: list[int]) -> None:
        if ids:
            await TenantOutbox.update(
                {
                    TenantOutbox.leased_until: None,
                    TenantOutbox.attempts: TenantOutbox.attempts - 1,
                }
            ).where(TenantOutbox.id.is_in(ids))

    async def _give_up(self, ids: list[int]) -> None:
        if ids:
            await TenantOutbox.update(
                {
                    TenantOutbox.dead_at: datetime.now(UTC),
                    TenantOutbox.last_error: f"published {self.settings.max_publish} times, "
                    "never done",
                    TenantOutbox.leased_until: None,
                }
            ).where(TenantOutbox.id.is_in(ids))

    async def drain(self, slug: str, started_ms: int) -> int:
        """Publish every due row of tenant `slug`; then move or clear its mark."""
        bound = self._tenants.get(slug) or await lookup_tenant(slug)
        if bound is None:  # deleted since
            await settle(slug, started_ms, None)
            return 0
        self._tenants[slug] = bound
        loop = asyncio.get_running_loop()
        total = 0
        with bind_tenant(bound):
            while True:
                rows = await self._claim()
                over = [r["id"] for r in rows if r["attempts"] > self.settings.max_publish]
                await self._give_up(over)
                ids = [r["id"] for r in rows if r["attempts"] <= self.settings.max_publish]
                if ids:
                    sent = await loop.run_in_executor(self._executor, self._publish_all, slug, ids)
                    total += sent
                    self.published += sent
                    if sent < len(ids):
                        await self._release(ids[sent:])
                        self.broker_errors += 1
                        raise BrokerDown(f"{len(ids) - sent} rows of {slug} not published")
                if len(rows) < self.batch:
                    break
            due = await next_due()
        await settle(slug, started_ms, due)
        return total

    async def cycle(self) -> int:
        """One pass over the tenants marked due now; the number of rows published."""
        self.cycles += 1
        started = now_ms()
        marks = (
            await OutboxPending.select(OutboxPending.tenant)
            .where(OutboxPending.due_ms <= started)
            .order_by(OutboxPending.due_ms)
            .limit(200)
        )
        published = 0
        for mark in marks:
            published += await self.drain(mark["tenant"], started)
        return published

    # --- the loop ------------------------------------------------------------------------------

    async def _listen(self) -> None:
        """PostgreSQL: wake on `NOTIFY yishi_outbox` (committed outbox rows, any process)."""
        if not _pg() or self._listener is not None:
            return
        try:
            platform: Any = get_storage().platform
            connection = await platform.get_new_connection()
            await connection.add_listener(CHANNEL, lambda *_: self.wake.set())
            self._listener = connection
        except Exception as exc:  # polling still works
            log.warning("LISTEN %s failed (%s): polling only", CHANNEL, exc)

    async def _unlisten(self) -> None:
        if self._listener is not None:
            try:
                await self._listener.close()
            except Exception:  # noqa: S110 (closing a dead connection)
                pass
            self._listener = None

    async def run(self, stop: asyncio.Event, extra_wake: asyncio.Event | None = None) -> None:
        await self._listen()
        backoff = 0.0
        try:
            while not stop.is_set():
                self.wake.clear()
                if extra_wake is not None:
                    extra_wake.clear()
                try:
                    published = await self.cycle()
                    backoff = 0.0
                except BrokerDown as exc:
                    log.warning("broker down: %s", exc)
                    published, backoff = 0, min(max(backoff * 2, 0.25), 5.0)
                except Exception:
                    log.exception("relay cycle failed")
                    published, backoff = 0, min(max(backoff * 2, 0.5), 10.0)
                if published and not backoff:
                    continue
                waits = [asyncio.ensure_future(stop.wait())]
                if not backoff:
                    waits.append(asyncio.ensure_future(self.wake.wait()))
                    if extra_wake is not None:
                        waits.append(asyncio.ensure_future(extra_wake.wait()))
                _, pending = await asyncio.wait(
                    waits,
                    timeout=backoff or self.settings.poll_seconds,
                    return_when=asyncio.FIRST_COMPLETED,
                )
                for task in pending:
                    task.cancel()
        finally:
            await self._unlisten()

    def close(self) -> None:
        self._executor.shutdown(wait=False)


async def _tenants() -> list[dict[str, Any]]:
    from core.tenancy.tables import Tenant

    return await Tenant.select(Tenant.slug, Tenant.schema_name, Tenant.role_name).order_by(
        Tenant.slug
    )


async def sweep(*, reset_leases: bool = False) -> int:
    """Look at every tenant (the sweeper job, and a relay's start): mark those with open rows.

    `reset_leases`: forget every lease first (the embedded start: the in-memory broker of the
    previous process is gone, so nothing published then is still on its way)."""
    marked = 0
    for row in await _tenants():
        try:
            with bind_tenant(row):
                if reset_leases:
                    await TenantOutbox.raw(
                        f"UPDATE outbox SET leased_until = NULL WHERE {_OPEN} "
                        "AND leased_until IS NOT NULL"
                    )
                due = await next_due()
        except Exception as exc:  # a tenant not migrated yet
            log.warning("sweep: %s skipped (%s)", row["slug"], exc)
            continue
        if due is not None:
            await mark_pending(row["slug"], due)
            marked += 1
    return marked


async def retention(days: int) -> int:
    """Delete delivered outbox rows and effect keys older than `days`, in every tenant."""
    cutoff = datetime.now(UTC) - timedelta(days=days)
    removed = 0
    for row in await _tenants():
        try:
            with bind_tenant(row):
                gone = (
                    await TenantOutbox.delete()
                    .where(
                        TenantOutbox.delivered_at.is_not_null()
                        & (TenantOutbox.delivered_at < cutoff)
                    )
                    .returning(TenantOutbox.id)
                )
                await DeliveredEffect.delete().where(DeliveredEffect.at < cutoff)
                removed += len(gone)
        except Exception as exc:
            log.warning("retention: %s skipped (%s)", row["slug"], exc)
    return removed
