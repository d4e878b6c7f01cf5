"""The dramatiq broker, its middleware and the one effect actor.

- RabbitMQ (`YISHI_BROKER_URL=amqp://…`) with publisher confirms (`confirm_delivery=True`:
  dramatiq's default is off, and an enqueue can then be lost silently), Redis (`redis://…`),
  or the in-memory `StubBroker` of the embedded mode (the outbox makes it durable: a row is done
  only when its effect committed, and the relay publishes again what is not).
- `TenantMiddleware` binds the message's tenant (option `tenant`, a registered slug) before the
  actor runs and unbinds it after; a message without a valid tenant is failed unprocessed
  (dead-lettered). When retries are exhausted it marks the outbox row dead, so the relay stops
  publishing it.
- The actor's time limit (`YISHI_JOBS_TIME_LIMIT_MS`, 5 min) stays below RabbitMQ's
  `consumer_timeout` (30 min by default). Long waits are outbox rows with `not_before` (reminders),
  never dramatiq delays.
- Actors are synchronous (dramatiq's worker threads); effects are coroutines run on the process's
  event loop (`Runtime`), where the storage's connection pools live.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
import uuid
from collections.abc import Coroutine
from contextlib import AbstractContextManager
from typing import Any, TypeVar

import dramatiq
from dramatiq.brokers.stub import StubBroker
from dramatiq.message import Message
from dramatiq.middleware import (
    AgeLimit,
    Callbacks,
    Middleware,
    Pipelines,
    Retries,
    ShutdownNotifications,
    SkipMessage,
    TimeLimit,
)

from core.settings import JobsSettings
from core.tenancy.context import SLUG_RE, BoundTenant, bind_tenant, lookup_tenant

__all__ = [
    "ACTOR",
    "QUEUE",
    "Runtime",
    "TenantMiddleware",
    "broker_ready",
    "make_broker",
    "message_for",
    "message_id",
]

log = logging.getLogger("yishi.jobs")

QUEUE = "yishi"
ACTOR = "yishi.effect"
#: Message ids are UUIDv5 of "<tenant>/outbox/<row id>" in this namespace: a publication of the
#: same row again (after a crash, or a lease that ran out) carries the same id.
NAMESPACE = uuid.UUID("5d6c8a8e-7f55-4a43-9c1e-0b1e5e1c9a11")

T = TypeVar("T")


class Runtime:
    """The event loop effects run on; called from dramatiq's worker threads."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self._tenants: dict[str, tuple[BoundTenant, float]] = {}

    def call(self, coro: Coroutine[Any, Any, T]) -> T:
        # The calling thread's context (the bound tenant) is copied into the task.
        future = asyncio.run_coroutine_threadsafe(coro, self.loop)
        try:
            return future.result()
        except BaseException:
            future.cancel()  # a time limit or shutdown interrupted the wait: stop the coroutine
            raise

    def tenant(self, slug: str) -> BoundTenant | None:
        """The registered tenant `slug` (its stored names), cached for a minute."""
        hit = self._tenants.get(slug)
        if hit and hit[1] > time.monotonic():
            return hit[0]
        bound = self.call(lookup_tenant(slug))
        if bound is not None:
            self._tenants[slug] = (bound, time.monotonic() + 60)
        return bound


def message_id(tenant: str, row_id: int, table: str = "outbox") -> str:
    return str(uuid.uuid5(NAMESPACE, f"{tenant}/{table}/{row_id}"))


def message_for(tenant: str, row_id: int) -> Message[Any]:
    return Message(
        queue_name=QUEUE,
        actor_name=ACTOR,
        args=(row_id,),
        kwargs={},
        options={"tenant": tenant},
        message_id=message_id(tenant, row_id),
    )


class TenantMiddleware(Middleware):
    """Bind the message's tenant around the actor; mark the row dead when retries run out."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self._bound: dict[str, AbstractContextManager[BoundTenant]] = {}
        self._lock = threading.Lock()

    def before_process_message(self, broker: Any, message: Any) -> None:
        slug = message.options.get("tenant")
        bound = None
        if isinstance(slug, str) and SLUG_RE.match(slug):
            bound = self.runtime.tenant(slug)
        if bound is None:
            log.error("message %s has no registered tenant (%r): rejected", message, slug)
            message.fail()
            raise SkipMessage("no tenant")
        binding = bind_tenant(bound)
        binding.__enter__()
        with self._lock:
            self._bound[message.message_id + str(threading.get_ident())] = binding

    def _unbind(self, message: Any) -> None:
        with self._lock:
            binding = self._bound.pop(message.message_id + str(threading.get_ident()), None)
        if binding is not None:
            binding.__exit__(None, None, None)

    def after_process_message(
        self, broker: Any, message: Any, *, result: Any = None, exception: Any = None
    ) -> None:
        try:
            if exception is not None and message.failed and message.actor_name == ACTOR:
                from core.jobs.effects import mark_dead

                text = f"{type(exception).__name__}: {exception}"
                log.warning("outbox row %s is dead: %s", message.args[0], text)
                self.runtime.call(mark_dead(int(message.args[0]), text))
        finally:
            self._unbind(message)

    def after_skip_message(self, broker: Any, message: Any) -> None:
        self._unbind(message)


def _effect_actor(runtime: Runtime) -> Any:
    def effect(row_id: int) -> None:
        from core.jobs.effects import deliver

        runtime.call(deliver(int(row_id)))

    return effect


def make_broker(settings: JobsSettings, runtime: Runtime) -> Any:
    """The broker of `settings` with our middleware and the effect actor declared."""
    middleware = [
        TenantMiddleware(runtime),
        AgeLimit(),
        TimeLimit(time_limit=settings.time_limit_ms),
        ShutdownNotifications(),
        Callbacks(),
        Pipelines(),
        Retries(
            max_retries=settings.max_retries,
            min_backoff=settings.min_backoff_ms,
            max_backoff=settings.max_backoff_ms,
        ),
    ]
    broker: Any
    kind = settings.broker_kind
    if kind == "rabbitmq":
        from dramatiq.brokers.rabbitmq import RabbitmqBroker

        broker = RabbitmqBroker(
            url=settings.broker_url, confirm_delivery=True, middleware=middleware
        )
    elif kind == "redis":
        from dramatiq.brokers.redis import RedisBroker

        broker = RedisBroker(
            url=settings.broker_url,
            namespace=settings.broker_namespace,
            heartbeat_timeout=settings.redis_heartbeat_ms,
            middleware=middleware,
        )
    else:
        broker = StubBroker(middleware=middleware)
    dramatiq.Actor(
        _effect_actor(runtime),
        broker=broker,
        actor_name=ACTOR,
        queue_name=QUEUE,
        priority=0,
        options={
            "max_retries": settings.max_retries,
            "min_backoff": settings.min_backoff_ms,
            "max_backoff": settings.max_backoff_ms,
            "time_limit": settings.time_limit_ms,
        },
    )
    return broker


def broker_ready(settings: JobsSettings, timeout: float = 2.0) -> tuple[bool, str]:
    """Whether the broker answers (a connection of its own, closed at once); blocking."""
    kind = settings.broker_kind
    try:
        if kind == "rabbitmq":
            import pika

            params = pika.URLParameters(settings.broker_url)
            params.socket_timeout = timeout
            params.blocked_connection_timeout = timeout
            params.connection_attempts = 1
            connection = pika.BlockingConnection(params)
            connection.close()
        elif kind == "redis":
            import redis

            client = redis.Redis.from_url(settings.broker_url, socket_timeout=timeout)
            try:
                client.ping()
            finally:
                client.close()
    except Exception as exc:
        return False, f"{kind}: {type(exc).__name__}"
    return True, kind


def queue_counts(broker: Any, settings: JobsSettings) -> dict[str, int]:
    """Messages waiting, delayed (retries) and dead in the broker's queue; blocking."""
    kind = settings.broker_kind
    if kind == "rabbitmq":
        ready, delayed, dead = broker.get_queue_message_counts(QUEUE)
        return {"ready": ready, "delayed": delayed, "dead": dead}
    if kind == "redis":
        client, ns = broker.client, settings.broker_namespace
        return {
            "ready": int(client.hlen(f"{ns}:{QUEUE}.msgs")),
            "delayed": int(client.hlen(f"{ns}:{QUEUE}.DQ.msgs")),
            "dead": int(client.zcard(f"{ns}:{QUEUE}.XQ")),
        }
    return {
        "ready": broker.queues[QUEUE].qsize() if QUEUE in broker.queues else 0,
        "delayed": broker.queues[f"{QUEUE}.DQ"].qsize() if f"{QUEUE}.DQ" in broker.queues else 0,
        "dead": len(broker.dead_letters_by_queue.get(QUEUE, [])),
    }
