"""What `yishi jobs status`, `yishi jobs dead` and `/metrics` report."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from core.audit.tables import TenantOutbox
from core.jobs.effects import STATS
from core.jobs.tables import OutboxPending, ScheduledJob
from core.jobs.wakeup import mark_pending
from core.tenancy.context import bind_tenant

__all__ = ["backlog", "dead_rows", "metrics_text", "requeue_dead", "scheduled"]


async def _tenants(only: list[str] | None = None) -> list[dict[str, Any]]:
    from core.tenancy.tables import Tenant

    query = Tenant.select(Tenant.slug, Tenant.schema_name, Tenant.role_name).order_by(Tenant.slug)
    if only is not None:
        if not only:
            return []
        query = query.where(Tenant.slug.is_in(only))
    return await query


async def backlog(only: list[str] | None = None) -> list[dict[str, Any]]:
    """Per tenant (all, or `only`): open rows, the oldest one's age, dead rows."""
    out = []
    now = datetime.now(UTC)
    for row in await _tenants(only):
        with bind_tenant(row):
            open_ = TenantOutbox.delivered_at.is_null() & TenantOutbox.dead_at.is_null()
            count = await TenantOutbox.count().where(open_)
            oldest = (
                await TenantOutbox.select(TenantOutbox.created_at)
                .where(open_)
                .order_by(TenantOutbox.id)
                .first()
            )
            dead = await TenantOutbox.count().where(
                TenantOutbox.delivered_at.is_null() & TenantOutbox.dead_at.is_not_null()
            )
        age = (now - oldest["created_at"]).total_seconds() if oldest else 0.0
        out.append({"tenant": row["slug"], "open": count, "oldest_seconds": age, "dead": dead})
    return out


async def marked_tenants() -> list[str]:
    return [r["tenant"] for r in await OutboxPending.select(OutboxPending.tenant)]


async def scheduled() -> list[dict[str, Any]]:
    return await ScheduledJob.select().order_by(ScheduledJob.name)


async def dead_rows(only: list[str] | None = None, limit: int = 100) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for row in await _tenants(only):
        with bind_tenant(row):
            rows = (
                await TenantOutbox.select(
                    TenantOutbox.id,
                    TenantOutbox.topic,
                    TenantOutbox.attempts,
                    TenantOutbox.dead_at,
                    TenantOutbox.last_error,
                )
                .where(TenantOutbox.delivered_at.is_null() & TenantOutbox.dead_at.is_not_null())
                .order_by(TenantOutbox.id)
                .limit(limit)
            )
        out.extend({"tenant": row["slug"], **r} for r in rows)
    return out


async def requeue_dead(only: list[str] | None = None, ids: list[int] | None = None) -> int:
    """Give dead rows another go: not dead, no lease, no publications counted; marked due."""
    total = 0
    for row in await _tenants(only):
        with bind_tenant(row):
            where = TenantOutbox.delivered_at.is_null() & TenantOutbox.dead_at.is_not_null()
            if ids is not None:
                where = where & TenantOutbox.id.is_in(ids or [0])
            changed = (
                await TenantOutbox.update(
                    {
                        TenantOutbox.dead_at: None,
                        TenantOutbox.leased_until: None,
                        TenantOutbox.attempts: 0,
                    }
                )
                .where(where)
                .returning(TenantOutbox.id)
            )
        if changed:
            await mark_pending(row["slug"])
            total += len(changed)
    return total


async def metrics_text(jobs: Any) -> bytes:
    """Prometheus text: the outbox of tenants with work (the marked ones: an idle tenant has
    none), the broker's queue, the effects and the relay of this process."""
    from prometheus_client import CollectorRegistry, Counter, Gauge, generate_latest

    reg = CollectorRegistry()
    open_g = Gauge("yishi_outbox_open", "Outbox rows not yet done", ["tenant"], registry=reg)
    oldest_g = Gauge(
        "yishi_outbox_oldest_seconds", "Age of the oldest open row", ["tenant"], registry=reg
    )
    dead_g = Gauge("yishi_outbox_dead", "Dead-lettered outbox rows", ["tenant"], registry=reg)
    for item in await backlog(await marked_tenants()):
        open_g.labels(item["tenant"]).set(item["open"])
        oldest_g.labels(item["tenant"]).set(item["oldest_seconds"])
        dead_g.labels(item["tenant"]).set(item["dead"])
    pending = Gauge("yishi_outbox_marked_tenants", "Tenants marked with work", registry=reg)
    pending.set(await OutboxPending.count())
    effects = Counter(
        "yishi_effects", "Effects by outcome (this process)", ["outcome"], registry=reg
    )
    for outcome in ("done", "duplicates", "failures", "dead"):
        effects.labels(outcome).inc(getattr(STATS, outcome))
    if jobs is not None:
        queue = Gauge("yishi_broker_messages", "Broker queue", ["state"], registry=reg)
        try:
            for state, n in (await jobs.queue_counts()).items():
                queue.labels(state).set(n)
        except Exception:  # noqa: S110 (the broker is down: /readyz says so)
            pass
        if jobs.relay is not None:
            published = Counter("yishi_relay_published", "Rows published", registry=reg)
            published.inc(jobs.relay.published)
    return generate_latest(reg)
