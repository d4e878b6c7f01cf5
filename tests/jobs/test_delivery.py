"""The outbox reaches its effects through dramatiq, once, in the right tenant (in-memory broker)."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta

from dramatiq.message import Message

from core.audit.tables import TenantOutbox
from core.jobs.broker import ACTOR as EFFECT_ACTOR
from core.jobs.broker import QUEUE
from core.jobs.runtime import Jobs
from core.jobs.tables import OutboxPending
from core.tenancy.context import bind_slug
from tests.jobs import helpers
from tests.jobs.conftest import JobsWorld, jobs_settings
from tests.jobs.helpers import ACTOR, emit_many, inbox_keys, open_rows, wait_until


async def test_interleaved_tenants_each_effect_once_in_its_own_tenant(jw: JobsWorld) -> None:
    helpers.SEEN.clear()
    jobs = Jobs(jobs_settings())
    await jobs.start()
    try:
        await asyncio.gather(
            emit_many("alpha", "test.record", 120, per_action=3),
            emit_many("beta", "test.record", 120, per_action=4),
        )

        async def all_done() -> bool:
            return await open_rows("alpha", "test.record") + await open_rows("beta") == 0

        await wait_until(all_done)

        # Published rows are looked at again when their lease ends (2 s here): done, the marks go.
        async def idle() -> bool:
            marks = OutboxPending.count().where(OutboxPending.tenant.is_in(["alpha", "beta"]))
            return await marks == 0

        await wait_until(idle, timeout=10)
    finally:
        await jobs.stop()
    assert len(helpers.SEEN) == 240
    assert all(bound == tagged for bound, tagged, _ in helpers.SEEN), "a message touched B"
    for slug in ("alpha", "beta"):
        keys = await inbox_keys(slug)
        assert len(keys) == 120 and max(Counter(keys).values()) == 1
        async with bind_slug(slug):
            from core.jobs.tables import InboxItem

            refs = {r["about"] for r in await InboxItem.select(InboxItem.about)}
        assert refs == {slug}


async def test_a_reminder_waits_for_its_time(jw: JobsWorld) -> None:
    jobs = Jobs(jobs_settings())
    await jobs.start()
    try:
        async with bind_slug("alpha"):
            from core.audit.actions import tenant_action

            async with tenant_action(ACTOR, "test.remind") as act:
                act.remind(
                    datetime.now(UTC) + timedelta(seconds=1.5), "test.record", tenant="alpha", n=-1
                )
                act.remind(
                    datetime.now(UTC) + timedelta(days=3), "test.record", tenant="alpha", n=-2
                )
            await asyncio.sleep(0.7)
            later = (
                await TenantOutbox.select(TenantOutbox.id)
                .where(TenantOutbox.action == "test.remind")
                .order_by(TenantOutbox.id)
            )
            first, second = (r["id"] for r in later)

            async def delivered(row: int) -> bool:
                async with bind_slug("alpha"):
                    return await TenantOutbox.exists().where(
                        (TenantOutbox.id == row) & TenantOutbox.delivered_at.is_not_null()
                    )

            assert not await delivered(first)
        took = await wait_until(lambda: delivered(first), timeout=10)
        assert took < 5
        assert not await delivered(second)  # three days ahead: waits in the database
        # once the delivered row's lease has passed, the mark waits for the far reminder only
        far = (datetime.now(UTC) + timedelta(days=2)).timestamp() * 1000

        async def waits_for_far() -> bool:
            mark = await OutboxPending.select().where(OutboxPending.tenant == "alpha").first()
            return mark is not None and mark["due_ms"] > far

        await wait_until(waits_for_far, timeout=10)
    finally:
        await jobs.stop()
    async with bind_slug("alpha"):
        await TenantOutbox.delete().where(TenantOutbox.action == "test.remind")


async def test_poison_is_retried_then_dead_and_healthy_messages_are_not_delayed(
    jw: JobsWorld,
) -> None:
    jobs = Jobs(jobs_settings(max_retries=2, min_backoff_ms=300, max_backoff_ms=600))
    await jobs.start()
    try:
        await emit_many("alpha", "test.poison", 1)
        await asyncio.sleep(0.05)
        started = asyncio.get_running_loop().time()
        await emit_many("alpha", "test.record", 20, per_action=5)
        took = await wait_until(lambda: _open_is_zero("alpha", "test.record"), timeout=10)
        assert took < 1.0, f"healthy messages waited {took:.2f} s behind the poison"

        async def dead() -> bool:
            async with bind_slug("alpha"):
                return await TenantOutbox.exists().where(
                    (TenantOutbox.topic == "test.poison") & TenantOutbox.dead_at.is_not_null()
                )

        await wait_until(dead, timeout=15)
        del started
        async with bind_slug("alpha"):
            row = await TenantOutbox.select().where(TenantOutbox.topic == "test.poison").first()
        assert "poison" in row["last_error"] and row["delivered_at"] is None
        dead_letters = jobs.broker.dead_letters_by_queue[QUEUE]
        assert len(dead_letters) == 1
        assert dead_letters[0].options["retries"] == 3  # the first run and 2 retries
        # dead rows are no longer published: the relay leaves the tenant idle

        async def idle() -> bool:
            return await OutboxPending.count().where(OutboxPending.tenant == "alpha") == 0

        await wait_until(idle, timeout=10)
    finally:
        await jobs.stop()
        async with bind_slug("alpha"):
            await TenantOutbox.delete().where(TenantOutbox.topic == "test.poison")


async def _open_is_zero(slug: str, topic: str) -> bool:
    return await open_rows(slug, topic) == 0


async def test_a_message_without_tenant_is_rejected_unprocessed(jw: JobsWorld) -> None:
    jobs = Jobs(jobs_settings(), relay=False)
    await jobs.start()
    try:
        for options in ({}, {"tenant": "no-such-tenant"}, {"tenant": "../x"}):
            jobs.broker.enqueue(
                Message(
                    queue_name=QUEUE,
                    actor_name=EFFECT_ACTOR,
                    args=(1,),
                    kwargs={},
                    options=dict(options),
                )
            )

        async def three_dead() -> bool:
            return len(jobs.broker.dead_letters_by_queue[QUEUE]) == 3

        await wait_until(three_dead, timeout=5)
    finally:
        await jobs.stop()
