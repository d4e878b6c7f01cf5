"""Effects: what an outbox topic does when its message is processed, carried out once.

`@effect("inbox.notify")` registers an `async def(eff: Effect)`. The worker runs it with the
message's tenant bound (the middleware in `broker.py`) and the outbox row read from that tenant's
storage; a message carries the tenant and the row id only.

Exactly once, for effects on the tenant's data: the effect writes inside `async with eff.write():`,
the transaction that also records its key in `delivered_effect` and marks the outbox row done. A
redelivered message (a worker killed after the commit, a relay that published again) finds the
row done, or the key recorded, and does nothing; two deliveries at once serialise on the row's lock
(`FOR UPDATE`; SQLite: `BEGIN IMMEDIATE`) and the second rolls back. An effect that leaves the
platform (mail, webhook) happens before that transaction: should the process die between the two,
it is sent again, with the same key (`eff.key`) for the receiver to drop the repeat.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import msgspec

from core.audit.actions import write_transaction
from core.audit.tables import TenantOutbox
from core.jobs.tables import DeliveredEffect
from core.tenancy.context import require_tenant
from core.tenancy.storage import for_update

__all__ = ["EFFECTS", "STATS", "Effect", "UnknownTopic", "deliver", "effect", "mark_dead"]

log = logging.getLogger("yishi.jobs")


class UnknownTopic(Exception):
    """No effect is registered for an outbox topic (retried, then dead-lettered)."""


class _AlreadyDone(Exception):
    """The row is done, or its effect key is recorded: nothing to do."""


@dataclass
class Effect:
    tenant: str
    row_id: int
    topic: str
    payload: dict[str, Any]
    action: str
    key: str = ""
    committed: bool = False

    @asynccontextmanager
    async def write(self) -> AsyncIterator[Effect]:
        """The effect's transaction: its own writes, its key and the row marked done, together."""
        async with write_transaction(TenantOutbox._meta.db):
            row = await for_update(
                TenantOutbox.select(TenantOutbox.delivered_at).where(TenantOutbox.id == self.row_id)
            ).first()
            if row is None or row["delivered_at"] is not None:
                raise _AlreadyDone
            if await DeliveredEffect.exists().where(DeliveredEffect.key == self.key):
                raise _AlreadyDone
            # The key first: a concurrent delivery of the same key (another row, same effect)
            # waits on the unique index here and fails once this one commits.
            try:
                await DeliveredEffect.insert(DeliveredEffect(key=self.key, outbox_id=self.row_id))
            except Exception as exc:
                if "unique" in str(exc).lower() or "UniqueViolation" in type(exc).__name__:
                    raise _AlreadyDone from exc
                raise
            yield self
            await TenantOutbox.update(
                {TenantOutbox.delivered_at: datetime.now(UTC), TenantOutbox.leased_until: None}
            ).where(TenantOutbox.id == self.row_id)
        self.committed = True


Handler = Callable[[Effect], Awaitable[None]]


@dataclass(frozen=True)
class EffectSpec:
    topic: str
    run: Handler
    #: The effect's key from the effect (default: the outbox row, `outbox:<id>:<created µs>`).
    key: Callable[[Effect], str] | None = None


EFFECTS: dict[str, EffectSpec] = {}


@dataclass
class Stats:
    """Per process, for `/metrics`."""

    done: int = 0
    duplicates: int = 0
    failures: int = 0
    dead: int = 0
    by_topic: dict[str, int] = field(default_factory=dict)


STATS = Stats()


def effect(
    topic: str, *, key: Callable[[Effect], str] | None = None
) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        EFFECTS[topic] = EffectSpec(topic, fn, key)
        return fn

    return register


def _decode(value: Any) -> dict[str, Any]:
    if isinstance(value, str):
        decoded = msgspec.json.decode(value or "{}")
        return decoded if isinstance(decoded, dict) else {}
    return dict(value or {})


def _row_key(row_id: int, created: Any) -> str:
    """The default effect key: the row id and its creation time (SQLite may give a deleted
    row's id to a new row; the time tells them apart)."""
    stamp = int(created.timestamp() * 1_000_000) if isinstance(created, datetime) else created
    return f"outbox:{row_id}:{stamp}"


async def _mark_done_only(row_id: int) -> None:
    async with write_transaction(TenantOutbox._meta.db):
        await TenantOutbox.update(
            {TenantOutbox.delivered_at: datetime.now(UTC), TenantOutbox.leased_until: None}
        ).where((TenantOutbox.id == row_id) & TenantOutbox.delivered_at.is_null())


async def deliver(row_id: int) -> str:
    """Carry out outbox row `row_id` of the bound tenant: "done", "duplicate" or "missing"."""
    bound = require_tenant()
    row = (
        await TenantOutbox.select(
            TenantOutbox.id,
            TenantOutbox.topic,
            TenantOutbox.payload,
            TenantOutbox.action,
            TenantOutbox.delivered_at,
            TenantOutbox.created_at,
        )
        .where(TenantOutbox.id == row_id)
        .first()
    )
    if row is None:
        log.warning("outbox row %s of %s not found (deleted?)", row_id, bound.slug)
        return "missing"
    if row["delivered_at"] is not None:
        STATS.duplicates += 1
        return "duplicate"
    spec = EFFECTS.get(row["topic"])
    if spec is None:
        raise UnknownTopic(f"no effect registered for topic {row['topic']!r}")
    eff = Effect(bound.slug, row_id, row["topic"], _decode(row["payload"]), row["action"])
    eff.key = spec.key(eff) if spec.key else _row_key(row_id, row["created_at"])
    if await DeliveredEffect.exists().where(DeliveredEffect.key == eff.key):
        await _mark_done_only(row_id)  # the same effect, already carried out under another row
        STATS.duplicates += 1
        return "duplicate"
    try:
        await spec.run(eff)
        if not eff.committed:
            async with eff.write():
                pass
    except _AlreadyDone:
        await _mark_done_only(row_id)
        STATS.duplicates += 1
        return "duplicate"
    STATS.done += 1
    STATS.by_topic[eff.topic] = STATS.by_topic.get(eff.topic, 0) + 1
    return "done"


async def mark_dead(row_id: int, error: str) -> None:
    """Give up on a row (retries exhausted): the relay no longer publishes it."""
    async with write_transaction(TenantOutbox._meta.db):
        await TenantOutbox.update(
            {
                TenantOutbox.dead_at: datetime.now(UTC),
                TenantOutbox.last_error: error[:2000],
                TenantOutbox.leased_until: None,
            }
        ).where((TenantOutbox.id == row_id) & TenantOutbox.delivered_at.is_null())
    STATS.dead += 1
