"""Against the real RabbitMQ and Redis of the machine (vhost / namespace of their own).

Mandatory under CI=true; skipped with the reason otherwise (tests/jobs/infra.py).
"""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from core.audit.tables import TenantOutbox
from core.jobs.broker import queue_counts
from core.jobs.channels import do_send_notice
from core.jobs.runtime import Jobs
from core.jobs.tables import DeliveredEffect, InboxItem
from core.tenancy.context import bind_slug
from tests.jobs.conftest import JobsWorld, jobs_settings
from tests.jobs.helpers import ACTOR, emit_many, open_rows, wait_until
from tests.jobs.infra import RABBIT_HOST, RABBIT_PORT, TcpProxy, rabbit_vhost, redis_namespace


@contextmanager
def broker_env(kind: str) -> Iterator[dict[str, str]]:
    if kind == "rabbitmq":
        with rabbit_vhost() as url:
            yield {"YISHI_BROKER_URL": url}
    else:
        with redis_namespace() as (url, ns):
            yield {
                "YISHI_BROKER_URL": url,
                "YISHI_BROKER_NAMESPACE": ns,
                "YISHI_BROKER_HEARTBEAT_MS": "3000",
            }


def _settings(env: dict[str, str], **more: object) -> object:
    return jobs_settings(
        broker_url=env["YISHI_BROKER_URL"],
        broker_namespace=env.get("YISHI_BROKER_NAMESPACE", "yishi-jobs"),
        redis_heartbeat_ms=int(env.get("YISHI_BROKER_HEARTBEAT_MS", "60000")),
        **more,
    )


async def _counts(slug: str) -> tuple[int, int]:
    """(inbox items, distinct effect keys among them) of `slug`."""
    async with bind_slug(slug):
        keys = [r["key"] for r in await InboxItem.select(InboxItem.key)]
    return len(keys), len(set(keys))


async def _delivered(slug: str) -> int:
    async with bind_slug(slug):
        return await TenantOutbox.count().where(TenantOutbox.delivered_at.is_not_null())


@pytest.mark.parametrize("kind", ["rabbitmq", "redis"])
async def test_1000_notices_with_the_worker_killed_and_restarted(jw: JobsWorld, kind: str) -> None:
    if jw.backend != "postgres":
        pytest.skip("the production worker process runs on PostgreSQL here (SQLite: embedded)")
    for slug in ("alpha", "beta"):
        async with bind_slug(slug):
            await InboxItem.delete().where(InboxItem.id > 0)
            await TenantOutbox.delete().where(TenantOutbox.id > 0)
            await DeliveredEffect.delete().where(DeliveredEffect.id > 0)
    alpha, beta = list(jw.people["alpha"].values()), list(jw.people["beta"].values())
    for i in range(50):
        async with bind_slug("alpha"):
            await do_send_notice(
                ACTOR,
                alpha[:10] if len(alpha) >= 10 else (alpha * 10)[:10],
                f"会议通知 第{i}号",
                "请准时参加。",
            )
    for i in range(50):
        async with bind_slug("beta"):
            await do_send_notice(ACTOR, (beta * 10)[:10], f"会议通知 第{i}号")
    total = 1000
    with broker_env(kind) as benv:
        env = jw.env(
            **benv,
            YISHI_JOBS_LEASE_SECONDS="2",
            YISHI_JOBS_POLL_SECONDS="0.2",
            YISHI_WORKER_THREADS="4",
            YISHI_ACCESS_LOG="0",
        )
        cmd = [sys.executable, "-c", "from core.cli import main; main()", "worker"]

        def start() -> subprocess.Popen[bytes]:
            return subprocess.Popen(
                cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )

        async def delivered() -> int:
            return await _delivered("alpha") + await _delivered("beta")

        began = time.monotonic()
        proc = start()
        kills = 0
        try:
            await asyncio.sleep(1.0)  # killed while starting up, perhaps mid-claim
            for at in (1, 200, 450, 750):

                async def reached(n: int = at) -> bool:
                    return await delivered() >= n

                await wait_until(reached, timeout=60, every=0.02)
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                kills += 1
                proc = start()

            async def all_done() -> bool:
                return await delivered() == total

            await wait_until(all_done, timeout=90, every=0.2)
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
        took = time.monotonic() - began
    items_a, distinct_a = await _counts("alpha")
    items_b, distinct_b = await _counts("beta")
    publications = 0
    effects = 0
    for slug in ("alpha", "beta"):
        async with bind_slug(slug):
            publications += sum(
                r["attempts"] for r in await TenantOutbox.select(TenantOutbox.attempts)
            )
            effects += await DeliveredEffect.count()
    items = items_a + items_b
    lost = total - (distinct_a + distinct_b)
    duplicated = items - (distinct_a + distinct_b)
    print(
        f"\n[{kind}] notices {total}, worker SIGKILLed {kills}× and restarted: effects {items}, "
        f"lost {lost}, duplicated {duplicated}, publications {publications} "
        f"(re-sent {publications - total}), {took:.1f} s"
    )
    assert lost == 0 and duplicated == 0 and effects == total
    assert (items_a, items_b) == (500, 500)


@pytest.mark.parametrize("kind", ["rabbitmq"])
async def test_broker_cut_during_500_api_writes_then_everything_delivered(
    jw: JobsWorld, kind: str
) -> None:
    headers = await jw.token("a.admin", "alpha")
    person = jw.people["alpha"]["a.mem"]
    assert jw.client is not None
    async with bind_slug("alpha"):
        before = await InboxItem.count().where(InboxItem.person_id == person)
    with rabbit_vhost() as url:
        proxy = TcpProxy(RABBIT_HOST, RABBIT_PORT)
        await proxy.start()
        via_proxy = url.replace(f"{RABBIT_HOST}:{RABBIT_PORT}", f"127.0.0.1:{proxy.port}")
        worker = Jobs(_settings({"YISHI_BROKER_URL": url}), relay=False)  # type: ignore[arg-type]
        relay = Jobs(_settings({"YISHI_BROKER_URL": via_proxy}), worker=False)  # type: ignore[arg-type]
        await worker.start()
        await relay.start()
        try:
            await proxy.stop()  # the broker is unreachable from the relay
            began = time.monotonic()
            for i in range(500):
                r = await jw.client.post(
                    "/api/v1/t/alpha/inbox/notices",
                    json={"person_ids": [person], "title": f"断网测试 {i}", "ref": f"cut:{i}"},
                    headers=headers,
                )
                assert r.status_code == 201, r.text
            writes = time.monotonic() - began
            await asyncio.sleep(0.5)
            assert relay.relay is not None and relay.relay.broker_errors > 0
            async with bind_slug("alpha"):
                assert await InboxItem.count().where(InboxItem.person_id == person) == before
            waiting = await open_rows("alpha", "inbox.notify")
            await proxy.start()  # back, on the same port
            back = time.monotonic()

            async def all_done() -> bool:
                return await open_rows("alpha", "inbox.notify") == 0

            await wait_until(all_done, timeout=60, every=0.1)
            drained = time.monotonic() - back
        finally:
            await relay.stop()
            await worker.stop()
            await proxy.stop()
    async with bind_slug("alpha"):
        keys = [
            r["key"]
            for r in await InboxItem.select(InboxItem.key).where(InboxItem.person_id == person)
        ]
    new = len(keys) - before
    print(
        f"\n[{jw.backend}/{kind}] 500 API writes with the broker cut ({writes:.1f} s, "
        f"{waiting} rows waiting, {relay.relay.broker_errors} failed publications); "
        f"back: delivered {new} in {drained:.1f} s, lost {500 - new}, "
        f"duplicated {len(keys) - len(set(keys))}"
    )
    assert new == 500 and len(keys) == len(set(keys))


@pytest.mark.parametrize("kind", ["rabbitmq", "redis"])
async def test_poison_dead_lettered_by_the_real_broker(jw: JobsWorld, kind: str) -> None:
    if jw.backend != "postgres":
        pytest.skip("once per broker is enough (PostgreSQL world)")
    with broker_env(kind) as env:
        settings = _settings(env, max_retries=2, min_backoff_ms=100, max_backoff_ms=200)
        jobs = Jobs(settings)  # type: ignore[arg-type]
        await jobs.start()
        try:
            await emit_many("beta", "test.poison", 1)
            await emit_many("beta", "test.record", 30, per_action=10)
            took = await wait_until(lambda: _zero("beta", "test.record"), timeout=10)

            async def dead_in_broker() -> bool:
                return (await jobs.queue_counts())["dead"] == 1

            await wait_until(dead_in_broker, timeout=20, every=0.2)
            async with bind_slug("beta"):
                row = await TenantOutbox.select().where(TenantOutbox.topic == "test.poison").first()
            assert row["dead_at"] is not None and "poison" in row["last_error"]
            counts = await asyncio.to_thread(queue_counts, jobs.broker, settings)
            print(
                f"\n[{kind}] healthy 30 delivered in {took:.2f} s beside a poison; queue {counts}"
            )
            assert took < 3
        finally:
            await jobs.stop()
            async with bind_slug("beta"):
                await TenantOutbox.delete().where(TenantOutbox.topic == "test.poison")


async def _zero(slug: str, topic: str) -> bool:
    return await open_rows(slug, topic) == 0
