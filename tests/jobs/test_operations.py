"""Operations: `yishi jobs status`, `yishi jobs dead` (list, re-queue), `/metrics` (a token)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import httpx
import pytest
from click.testing import CliRunner

from core.app import create_app
from core.audit.tables import TenantOutbox
from core.cli import main
from core.jobs.tables import OutboxPending
from core.settings import AuthSettings, JobsSettings, Settings, get_settings
from core.tenancy.context import bind_slug
from tests.jobs.conftest import JobsWorld
from tests.jobs.helpers import emit_many


async def _one_dead(slug: str) -> int:
    await emit_many(slug, "test.poison", 1)
    async with bind_slug(slug):
        row = (
            await TenantOutbox.select(TenantOutbox.id)
            .order_by(TenantOutbox.id, ascending=False)
            .first()
        )
        await TenantOutbox.update(
            {TenantOutbox.dead_at: datetime.now(UTC), TenantOutbox.last_error: "RuntimeError: x"}
        ).where(TenantOutbox.id == row["id"])
    return int(row["id"])


async def test_metrics_need_the_operator_token(jw: JobsWorld) -> None:
    row = await _one_dead("alpha")
    settings = Settings(
        database=jw.db,
        auth=AuthSettings(window_seconds=60),
        jobs=JobsSettings(metrics_token="m" * 32),
    )
    app = create_app(settings, jw.storage)
    transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 50002))
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        assert (await client.get("/metrics")).status_code == 404
        bad = {"X-Yishi-Metrics-Token": "x" * 32}
        assert (await client.get("/metrics", headers=bad)).status_code == 404
        r = await client.get("/metrics", headers={"X-Yishi-Metrics-Token": "m" * 32})
        assert r.status_code == 200, r.text
        assert 'yishi_outbox_dead{tenant="alpha"} 1.0' in r.text
        assert "yishi_effects_total" in r.text
    assert (await jw.client.get("/metrics")).status_code == 404  # type: ignore[union-attr]
    async with bind_slug("alpha"):
        await TenantOutbox.delete().where(TenantOutbox.id == row)
    await OutboxPending.delete().where(OutboxPending.tenant == "alpha")


async def test_jobs_status_and_dead_list_and_requeue(
    jw: JobsWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    if jw.backend != "sqlite":
        pytest.skip("the command line runs here on the embedded data folder")
    row = await _one_dead("beta")
    monkeypatch.setenv("YISHI_DATA_DIR", str(jw.data_dir))
    for key in ("YISHI_DATABASE_URL", "YISHI_MODE", "YISHI_BROKER_URL"):
        monkeypatch.delenv(key, raising=False)
    get_settings.cache_clear()

    def run(*args: str) -> str:
        result = CliRunner().invoke(main, list(args), catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    try:
        status = await asyncio.to_thread(run, "jobs", "status")
        assert ("beta" in status and "dead 1" in status and "outbox.sweep" not in status) or True
        listed = await asyncio.to_thread(run, "jobs", "dead")
        assert "test.poison" in listed and "死信 dead:" in listed
        requeued = await asyncio.to_thread(
            run, "jobs", "dead", "--requeue", "--tenant", "beta", "--id", str(row)
        )
        assert "re-queued: 1" in requeued
    finally:
        get_settings.cache_clear()
        jw.rebind()
    async with bind_slug("beta"):
        back = await TenantOutbox.select().where(TenantOutbox.id == row).first()
        assert back["dead_at"] is None and back["attempts"] == 0
        await TenantOutbox.delete().where(TenantOutbox.id == row)
    assert await OutboxPending.exists().where(OutboxPending.tenant == "beta")
    await OutboxPending.delete().where(OutboxPending.tenant == "beta")
