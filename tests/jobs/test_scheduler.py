"""Schedules are rows: two schedulers at once never fire a due job twice."""

from __future__ import annotations

import asyncio
from collections import Counter

from core.jobs.scheduler import JOBS, Scheduler, ensure_jobs
from core.jobs.tables import ComplianceScan, ScheduledJob
from core.jobs.wakeup import now_ms
from core.tenancy.context import bind_slug
from tests.jobs.conftest import JobsWorld, jobs_settings
from tests.jobs.helpers import open_rows, wait_until

FIRED: Counter[str] = Counter()


async def _count(settings: object) -> None:
    await asyncio.sleep(0.01)  # a run takes a moment: the other scheduler is busy meanwhile
    FIRED["x"] += 1


async def test_two_schedulers_fire_each_due_job_once(jw: JobsWorld) -> None:
    JOBS["test.count"] = _count
    FIRED.clear()
    n = 40
    try:
        await ensure_jobs(tuple((f"test.job.{i}", "test.count", 3600) for i in range(n)))
        await ScheduledJob.update({ScheduledJob.next_ms: now_ms() - 1000}).where(
            ScheduledJob.kind == "test.count"
        )
        one, two = Scheduler(jobs_settings(), batch=3), Scheduler(jobs_settings(), batch=3)

        async def drain(s: Scheduler) -> None:
            while await s.tick():
                pass

        await asyncio.gather(drain(one), drain(two), drain(one), drain(two))
        rows = await ScheduledJob.select().where(ScheduledJob.kind == "test.count")
        print(f"\n{n} due jobs, two schedulers: fired {FIRED['x']}, split {one.fired}/{two.fired}")
        assert FIRED["x"] == n
        assert all(r["runs"] == 1 for r in rows)
        assert all(r["next_ms"] > now_ms() + 3500 * 1000 for r in rows)
        assert (one.fired and two.fired) or jw.backend == "sqlite"
        assert not await Scheduler(jobs_settings()).tick()  # nothing due any more
    finally:
        await ScheduledJob.delete().where(ScheduledJob.kind == "test.count")
        JOBS.pop("test.count", None)


async def test_the_daily_compliance_scan_runs_once_per_tenant_and_day(jw: JobsWorld) -> None:
    from core.jobs.runtime import Jobs

    jobs = Jobs(jobs_settings(), scheduler=False)
    await jobs.start()
    try:
        await JOBS["compliance.daily"](jobs_settings())
        await JOBS["compliance.daily"](jobs_settings())  # a re-run the same day: one scan

        async def done() -> bool:
            return (
                await open_rows("alpha", "compliance.scan") == 0
                and await open_rows("beta", "compliance.scan") == 0
            )

        await wait_until(done, timeout=15)
    finally:
        await jobs.stop()
    for slug in ("alpha", "beta"):
        async with bind_slug(slug):
            scans = await ComplianceScan.select()
        assert len(scans) == 1 and "placeholder" in scans[0]["note"]
