"""Oversight bodies and their readers; one small casbin enforcer per body.

A reader's domain is a set of tenants: the body's `tenants`. The enforcer holds
`p, oversight_reader, <tenant>, oversight, read` for each of them and `g, <account>,
oversight_reader, *` for each reader, matched with `keyMatch2` so one grant covers every tenant of
the body (STACK-NOTES: keep oversight in its own small enforcer, apart from the tenant ones).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import casbin
import msgspec
from casbin.util import key_match2

from core.access.enforcers import casbin_model
from core.accounts.tables import Account, OversightBody, OversightReader
from core.audit.actions import Actor, platform_action
from core.caching import Expiring, announce, on_announcement
from core.errors import Conflict, InvalidInput, NotFound
from core.tenancy.context import SLUG_RE
from core.tenancy.tables import Tenant

__all__ = [
    "body_enforcer",
    "do_add_reader",
    "do_create_body",
    "get_body",
    "overseen_tenants",
    "readable_tenants",
]

READER = "oversight_reader"


async def get_body(slug: str) -> dict[str, Any] | None:
    if not SLUG_RE.match(slug):
        return None
    row = await OversightBody.select().where(OversightBody.slug == slug).first()
    if row is not None:
        row["tenants"] = msgspec.json.decode(row["tenants"]) if row["tenants"] else []
    return row  # type: ignore[no-any-return]


async def do_create_body(slug: str, name: str, tenants: list[str], *, actor: Actor) -> None:
    if not SLUG_RE.match(slug):
        raise InvalidInput(fields={"slug": "lowercase letters, digits, hyphens"})
    known = {r["slug"] for r in await Tenant.select(Tenant.slug)}
    unknown = sorted(set(tenants) - known)
    if unknown:
        raise InvalidInput(fields={"tenants": unknown})
    async with platform_action(
        actor, "oversight.create", f"oversight:{slug}", tenants=tenants
    ) as act:
        act.after_commit(_announce_bodies)
        if await OversightBody.exists().where(OversightBody.slug == slug):
            raise Conflict("监督机构 {slug} 已存在。", "Oversight body {slug} exists.", slug=slug)
        await OversightBody.insert(
            OversightBody(slug=slug, name=name, tenants=msgspec.json.encode(tenants).decode())
        )


async def do_add_reader(slug: str, login: str, *, actor: Actor) -> None:
    body = await get_body(slug)
    account = await Account.select(Account.id).where(Account.login == login).first()
    if body is None or account is None:
        raise NotFound()
    async with platform_action(actor, "oversight.reader", f"oversight:{slug}", login=login) as act:
        act.after_commit(_announce_bodies)
        if not await OversightReader.exists().where(
            (OversightReader.body == body["id"]) & (OversightReader.account == account["id"])
        ):
            await OversightReader.insert(OversightReader(body=body["id"], account=account["id"]))


async def body_enforcer(body: dict[str, Any]) -> casbin.Enforcer:
    """The enforcer of one oversight body (a row from `get_body`)."""
    enforcer = casbin.Enforcer(casbin_model())
    enforcer.add_named_domain_matching_func("g", key_match2)
    lines = [[READER, t, "oversight", "read"] for t in body["tenants"]]
    if lines:
        enforcer.add_policies(lines)
    readers = await OversightReader.select(OversightReader.account).where(
        OversightReader.body == body["id"]
    )
    if readers:
        enforcer.add_grouping_policies([[str(r["account"]), READER, "*"] for r in readers])
    return enforcer


@dataclass(slots=True)
class _BodyAccess:
    body: dict[str, Any]
    enforcer: casbin.Enforcer
    #: Decisions per reader account, for the life of the entry.
    readable: dict[int, tuple[str, ...]] = field(default_factory=dict)


#: Each body's enforcer, built once and used for at most `YISHI_CACHE_SECONDS`; forgotten in
#: this process by every change of a body or its readers (core/caching.py).
_BODIES: Expiring[str, _BodyAccess] = Expiring("oversight bodies")
on_announcement("oversight", lambda _: _BODIES.clear())


def _announce_bodies() -> Any:
    return announce("oversight")


async def readable_tenants(slug: str, account_id: int) -> list[str]:
    """The tenants of body `slug` that `account_id` may read (empty: not a reader, or no body)."""
    if not SLUG_RE.match(slug):
        return []
    entry = _BODIES.get(slug)
    if entry is None:
        generation = _BODIES.generation
        body = await get_body(slug)
        if body is None:
            return []
        entry = _BodyAccess(body, await body_enforcer(body))
        _BODIES.put(slug, entry, generation)
    found = entry.readable.get(account_id)
    if found is None:
        found = entry.readable[account_id] = tuple(
            t
            for t in entry.body["tenants"]
            if entry.enforcer.enforce(str(account_id), t, "oversight", "read")
        )
    return list(found)


async def overseen_tenants(slugs: list[str]) -> list[dict[str, Any]]:
    """Registry rows of the given tenants (already checked by `readable_tenants`)."""
    if not slugs:
        return []
    rows = await Tenant.select(Tenant.slug, Tenant.name, Tenant.plugin, Tenant.status).where(
        Tenant.slug.is_in(slugs)
    )
    return sorted(rows, key=lambda r: r["slug"])
