"""The background-work parts one process runs: worker, relay, scheduler.

- `yishi serve` in embedded mode (no `YISHI_BROKER_URL`): all three in the server process, on the
  in-memory broker; at start every lease is forgotten (nothing published by a previous process
  survived it) and every tenant with open rows is marked, so what was undelivered goes out.
- `yishi worker`: dramatiq worker threads and a relay (several workers may run: the relays claim
  rows with `SKIP LOCKED`); `yishi scheduler`: the scheduler (any number).
- With a broker configured, `yishi serve` runs none of them (the worker and scheduler processes
  do); it still reports the broker on `/readyz`.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from dramatiq import Worker

import core.jobs.channels
import core.jobs.mail
import core.jobs.webhooks  # noqa: F401  (registers the webhook effect)
from core.jobs.broker import Runtime, broker_ready, make_broker, queue_counts
from core.jobs.relay import Relay, sweep
from core.jobs.scheduler import Scheduler
from core.jobs.wakeup import forget_event, wake_event
from core.settings import JobsSettings

__all__ = ["Jobs", "broker_status", "current_jobs"]

log = logging.getLogger("yishi.jobs")

_current: Jobs | None = None


def current_jobs() -> Jobs | None:
    return _current


class Jobs:
    def __init__(
        self,
        settings: JobsSettings,
        *,
        worker: bool = True,
        relay: bool = True,
        scheduler: bool = False,
        threads: int | None = None,
        broker: Any = None,
    ) -> None:
        self.settings = settings
        self.want_worker, self.want_relay, self.want_scheduler = worker, relay, scheduler
        self.threads = threads or settings.worker_threads
        self.broker = broker
        self.worker: Worker | None = None
        self.relay: Relay | None = None
        self.scheduler: Scheduler | None = None
        self._stop = asyncio.Event()
        self._tasks: list[asyncio.Task[Any]] = []
        self._wake: asyncio.Event | None = None
        self.runtime: Runtime | None = None

    @property
    def embedded(self) -> bool:
        return self.settings.broker_kind == "stub"

    async def start(self) -> None:
        global _current
        self.runtime = Runtime(asyncio.get_running_loop())
        if self.broker is None:
            self.broker = make_broker(self.settings, self.runtime)
        if self.want_relay:
            self.relay = Relay(self.broker, self.settings)
            await sweep(reset_leases=self.embedded)
            self._wake = wake_event()
            self._tasks.append(asyncio.create_task(self.relay.run(self._stop, self._wake)))
        if self.want_worker:
            self.worker = Worker(self.broker, worker_threads=self.threads, worker_timeout=200)
            self.worker.start()
        if self.want_scheduler:
            self.scheduler = Scheduler(self.settings)
            self._tasks.append(asyncio.create_task(self.scheduler.run(self._stop)))
        _current = self
        log.info(
            "jobs started: broker=%s worker=%s relay=%s scheduler=%s",
            self.settings.broker_kind,
            self.want_worker,
            self.want_relay,
            self.want_scheduler,
        )

    async def stop(self) -> None:
        global _current
        self._stop.set()
        for task in self._tasks:
            try:
                await asyncio.wait_for(task, timeout=10)
            except Exception:
                task.cancel()
        if self.worker is not None:
            # The worker's threads wait on this loop: stop it from another thread.
            await asyncio.to_thread(self.worker.stop, 10_000)
        if self._wake is not None:
            forget_event(self._wake)
        if self.relay is not None:
            self.relay.close()
        try:
            await asyncio.to_thread(self.broker.close)
        except Exception:  # noqa: S110
            pass
        if _current is self:
            _current = None

    async def ready(self) -> tuple[bool, str]:
        return await asyncio.to_thread(broker_ready, self.settings)

    async def queue_counts(self) -> dict[str, int]:
        return await asyncio.to_thread(queue_counts, self.broker, self.settings)


_ready_cache: dict[str, tuple[float, tuple[bool, str]]] = {}


async def broker_status(settings: JobsSettings) -> tuple[bool, str]:
    """For `/readyz`: the broker answers (checked at most every 2 s; the in-memory one always)."""
    if settings.broker_kind == "stub":
        running = _current is not None and _current.worker is not None
        return True, "stub (in-process worker)" if running else "stub"
    import time

    hit = _ready_cache.get(settings.broker_url)
    if hit and hit[0] > time.monotonic():
        return hit[1]
    result = await asyncio.to_thread(broker_ready, settings)
    _ready_cache[settings.broker_url] = (time.monotonic() + 2.0, result)
    return result
