"""The one door for writes: `tenant_action` / `platform_action`.

Every `do_*` service opens one of these. It runs the body in one transaction and, in that same
transaction, appends the audit entry (who, acting for which tenant and role, what, when in UTC,
from which address and client). Later issues add outbox messages and tamper-evident records here,
so every write already passes through this point. Callbacks registered with `after_commit` run
only once the transaction has committed (cache invalidation). Side effects that must not be lost
(notices, reminders, webhooks) are `emit`ted: an outbox row written in the same transaction as the
change and its audit entry, delivered later by the background-work layer, so a change and its
effects are committed together or not at all.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import msgspec
from piccolo.engine.sqlite import SQLiteEngine, TransactionType

from core.audit.tables import PlatformAuditEntry, PlatformOutbox, TenantAuditEntry, TenantOutbox
from core.caching import announce
from core.prepared import Prepared
from core.tenancy.context import require_tenant

log = logging.getLogger("yishi.audit")

__all__ = [
    "OUTBOX_HOOKS",
    "Action",
    "Actor",
    "current_action",
    "platform_action",
    "tenant_action",
    "write_audit_entries",
    "write_transaction",
]

_CURRENT: ContextVar[Action | None] = ContextVar("yishi_action", default=None)

#: Awaited inside the transaction that wrote a tenant's outbox rows, with the action and the
#: tenant's slug: the background-work layer registers its wake-up here (core/jobs/wakeup.py).
OUTBOX_HOOKS: list[Callable[[Action, str], Any]] = []


def current_action() -> Action:
    """The action whose transaction is open here: helpers that run inside a `do_*` (such as
    `end_access`) register their after-commit work on it. Outside an action this is an error, as
    a write outside the door is."""
    action = _CURRENT.get()
    if action is None:
        raise RuntimeError("no action is open: writes go through tenant_action/platform_action")
    return action


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is acting: an account (or the system), its roles in the tenant, where from."""

    account_id: int | None
    login: str
    roles: tuple[str, ...] = ()
    ip: str = ""
    client: str = ""
    is_operator: bool = False

    @classmethod
    def system(cls, what: str = "system") -> Actor:
        return cls(account_id=None, login=what, roles=("system",), client="yishi-cli")


@dataclass
class Action:
    actor: Actor
    name: str
    target: str = ""
    details: dict[str, Any] = field(default_factory=dict)
    _after_commit: list[Callable[[], Any]] = field(default_factory=list)
    _outbox: list[tuple[str, dict[str, Any], int | None]] = field(default_factory=list)

    def after_commit(self, callback: Callable[[], Any]) -> None:
        self._after_commit.append(callback)

    def emit(self, topic: str, **payload: Any) -> None:
        """Queue a side effect; written to the outbox with this action's transaction.

        The payload carries ids and plain values only (checked here: a row or an object in a
        message would be stale by the time a worker reads it, and may not even decode).
        """
        _check_payload(topic, payload)
        self._outbox.append((topic, payload, None))

    def remind(self, at: datetime, topic: str, **payload: Any) -> None:
        """Queue a side effect due at `at` (a reminder): an outbox row delivered not before
        then, written with this action's transaction like `emit`."""
        if at.tzinfo is None:
            raise ValueError("remind: `at` must be timezone-aware")
        _check_payload(topic, payload)
        self._outbox.append((topic, payload, int(at.timestamp() * 1000)))


_PLAIN = (str, int, float, bool, type(None))


def _check_payload(where: str, value: Any) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"outbox payload of {where}: keys must be strings")
            _check_payload(f"{where}.{key}", item)
    elif isinstance(value, list | tuple):
        for item in value:
            _check_payload(where, item)
    elif not isinstance(value, _PLAIN):
        raise TypeError(
            f"outbox payload of {where}: {type(value).__name__} is not a plain value (ids only)"
        )


@asynccontextmanager
async def write_transaction(engine: Any) -> AsyncIterator[None]:
    """A write transaction (SQLite: `BEGIN IMMEDIATE`, so concurrent writers wait)."""
    if isinstance(engine, SQLiteEngine):
        async with engine.transaction(transaction_type=TransactionType.immediate):
            yield
    else:
        async with engine.transaction():
            yield


_AUDIT_COLUMNS = (
    "at",
    "actor_account_id",
    "actor_login",
    "tenant",
    "actor_roles",
    "action",
    "target",
    "details",
    "ip",
    "client",
)


def _audit_insert(table: Any) -> Prepared:
    """The audit entry's INSERT, built once (core/prepared.py): every action writes one."""
    columns = ", ".join(_AUDIT_COLUMNS)
    values = ", ".join("{}" for _ in _AUDIT_COLUMNS)
    sql = f'INSERT INTO "{table._meta.tablename}" ({columns}) VALUES ({values})'
    return Prepared(lambda *v: table.raw(sql, *v), params=len(_AUDIT_COLUMNS))


_TENANT_AUDIT = _audit_insert(TenantAuditEntry)
_PLATFORM_AUDIT = _audit_insert(PlatformAuditEntry)


def _entry_values(
    actor: Actor, tenant: str, verb: str, target: str, details: dict[str, Any]
) -> tuple[Any, ...]:
    """One audit entry's values, in `_AUDIT_COLUMNS` order: the one place an entry is shaped."""
    return (
        datetime.now(UTC),
        actor.account_id,
        actor.login,
        tenant,
        ",".join(actor.roles),
        verb,
        target,
        msgspec.json.encode(details).decode(),
        actor.ip,
        actor.client[:300],
    )


async def _write_entry(insert: Prepared, action: Action, tenant: str) -> None:
    await insert.rows(
        *_entry_values(action.actor, tenant, action.name, action.target, action.details)
    )


async def write_audit_entries(
    table: Any, actor: Actor, tenant: str, entries: list[tuple[str, str, dict[str, Any]]]
) -> None:
    """Many audit entries (verb, target, details) in one statement, inside the caller's write
    transaction, shaped as every action's own: for bulk writes that cover many objects at once
    (onboarding a roster), which would otherwise open one action per object."""
    if entries:
        await table.insert(
            *[
                table(**dict(zip(_AUDIT_COLUMNS, _entry_values(actor, tenant, *e), strict=True)))
                for e in entries
            ]
        )


async def _write_outbox(table: Any, action: Action) -> None:
    if not action._outbox:
        return
    action.details["emitted"] = [topic for topic, _, _ in action._outbox]
    rows = []
    for topic, payload, not_before in action._outbox:
        row = table(topic=topic, payload=msgspec.json.encode(payload).decode(), action=action.name)
        if not_before is not None:
            row.not_before = not_before
        rows.append(row)
    await table.insert(*rows)


async def _run_after(action: Action) -> None:
    """Run the after-commit callbacks. The change has committed by now: a failing callback (a
    cache bump, say) is logged and never turns the committed action into an error answer,
    which would make the caller retry something already done (or lose a code shown once).
    What must not be lost goes through `emit`, not here."""
    for callback in action._after_commit:
        try:
            result = callback()
            if hasattr(result, "__await__"):
                await result
        except Exception:
            log.exception("after-commit callback of %s failed", action.name)


@asynccontextmanager
async def tenant_action(
    actor: Actor, verb: str, target: str = "", **details: Any
) -> AsyncIterator[Action]:
    """One transaction in the bound tenant's storage, ending with its audit entry."""
    bound = require_tenant()
    action = Action(actor=actor, name=verb, target=target, details=dict(details))
    token = _CURRENT.set(action)
    try:
        async with write_transaction(TenantAuditEntry._meta.db):
            yield action
            await _write_outbox(TenantOutbox, action)
            if action._outbox:
                for hook in OUTBOX_HOOKS:
                    await hook(action, bound.slug)
            await _write_entry(_TENANT_AUDIT, action, bound.slug)
    finally:
        _CURRENT.reset(token)
    await _run_after(action)


@asynccontextmanager
async def platform_action(
    actor: Actor, verb: str, target: str = "", *, tenant: str = "", **details: Any
) -> AsyncIterator[Action]:
    """One transaction in platform storage, ending with its audit entry (tagged with `tenant`).

    An action tagged with a tenant may have changed that tenant's registry row: the row cached
    for requests (`core.tenancy.registry.request_tenant`) is forgotten after the commit."""
    action = Action(actor=actor, name=verb, target=target, details=dict(details))
    if tenant:
        action.after_commit(lambda: announce("tenant", tenant))
    token = _CURRENT.set(action)
    try:
        async with write_transaction(PlatformAuditEntry._meta.db):
            yield action
            await _write_outbox(PlatformOutbox, action)
            await _write_entry(_PLATFORM_AUDIT, action, tenant)
    finally:
        _CURRENT.reset(token)
    await _run_after(action)
