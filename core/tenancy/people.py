"""A tenant's roster and role grants. Everything here runs under the bound tenant's storage.

Rows reach callers only through `access_person`: a person of another tenant is simply absent from
this tenant's storage, so "not yours" and "missing" give the same `NotFound`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import msgspec

from core.access.enforcers import ACCESS
from core.access.permissions import ROLES
from core.audit.actions import Actor, tenant_action
from core.errors import Conflict, InvalidInput, NotFound
from core.tenancy.context import require_tenant
from core.tenancy.tables import Person, RoleGrant

__all__ = [
    "access_person",
    "do_add_person",
    "do_set_roles",
    "do_update_person",
    "list_people",
    "person_by_account",
]

_FIELDS = ("name", "title", "rank", "areas", "active")


def _check_roles(roles: list[str]) -> list[str]:
    unknown = [r for r in roles if r not in ROLES]
    if unknown:
        raise InvalidInput(
            "未知角色：{unknown}。可用角色：{roles}。",
            "Unknown roles: {unknown}. Roles: {roles}.",
            fields={"roles": unknown},
            unknown=", ".join(unknown),
            roles=", ".join(ROLES),
        )
    return sorted(set(roles))


def _shape(row: dict[str, Any], roles: list[str]) -> dict[str, Any]:
    areas = row["areas"]
    return {
        "id": row["id"],
        "account_id": row["account_id"],
        "login": row["login"],
        "name": row["name"],
        "title": row["title"],
        "rank": row["rank"],
        "areas": msgspec.json.decode(areas) if isinstance(areas, str) else areas,
        "active": row["active"],
        "roles": roles,
    }


async def _roles_by_person() -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for g in await RoleGrant.select(RoleGrant.person, RoleGrant.role).order_by(RoleGrant.role):
        out.setdefault(g["person"], []).append(g["role"])
    return out


async def list_people(*, include_inactive: bool = False) -> list[dict[str, Any]]:
    """The roster: body members in rank order first, then everyone else (rank 0) by id."""
    query = Person.select().order_by(Person.id)
    if not include_inactive:
        query = query.where(Person.active.eq(True))
    roles = await _roles_by_person()
    rows = sorted(await query, key=lambda r: (r["rank"] == 0, r["rank"], r["id"]))
    return [_shape(r, roles.get(r["id"], [])) for r in rows]


async def access_person(person_id: int) -> dict[str, Any]:
    row = await Person.select().where(Person.id == person_id).first()
    if row is None:
        raise NotFound()
    roles = [
        g["role"]
        for g in await RoleGrant.select(RoleGrant.role)
        .where(RoleGrant.person == person_id)
        .order_by(RoleGrant.role)
    ]
    return _shape(row, roles)


async def person_by_account(account_id: int) -> dict[str, Any] | None:
    row = await Person.select(Person.id).where(Person.account_id == account_id).first()
    return await access_person(row["id"]) if row else None


def _invalidate(slug: str) -> Any:
    return lambda: ACCESS.invalidate(slug)


async def do_add_person(
    *,
    account_id: int,
    login: str,
    name: str,
    actor: Actor,
    title: str = "",
    rank: int = 0,
    areas: list[str] | None = None,
    roles: list[str] | None = None,
) -> dict[str, Any]:
    roles = _check_roles(roles or [])
    slug = require_tenant().slug
    async with tenant_action(actor, "person.add", "", login=login, name=name, roles=roles) as act:
        if await Person.exists().where(Person.account_id == account_id):
            raise Conflict(
                "{login} 已在本单位名册中。", "{login} is already on the roster.", login=login
            )
        person = Person(
            account_id=account_id,
            login=login,
            name=name,
            title=title,
            rank=rank,
            areas=msgspec.json.encode(areas or []).decode(),
        )
        await person.save()
        if roles:
            await RoleGrant.insert(
                *[RoleGrant(person=person.id, role=r, granted_by=actor.login) for r in roles]
            )
        act.target = f"person:{person.id}"
        act.after_commit(_invalidate(slug))
    return await access_person(person.id)


async def do_update_person(person_id: int, *, actor: Actor, **changes: Any) -> dict[str, Any]:
    """Change roster fields (name, title, rank, areas, active); records old and new values."""
    unknown = set(changes) - set(_FIELDS)
    if unknown:
        raise InvalidInput(fields={k: "unknown field" for k in unknown})
    slug = require_tenant().slug
    async with tenant_action(actor, "person.update", f"person:{person_id}") as act:
        current = await access_person(person_id)
        diff = {k: {"old": current[k], "new": v} for k, v in changes.items() if current[k] != v}
        if not diff:
            return current
        values: dict[Any, Any] = {getattr(Person, k): v for k, v in changes.items()}
        if "areas" in changes:
            values[Person.areas] = msgspec.json.encode(changes["areas"]).decode()
        values[Person.updated_at] = datetime.now(UTC)
        await Person.update(values).where(Person.id == person_id)
        act.details["changes"] = diff
        if "active" in diff:
            act.after_commit(_invalidate(slug))
    return await access_person(person_id)


async def do_set_roles(person_id: int, roles: list[str], *, actor: Actor) -> dict[str, Any]:
    """Replace a person's roles; the audit entry records what was granted and revoked."""
    roles = _check_roles(roles)
    slug = require_tenant().slug
    async with tenant_action(actor, "roles.set", f"person:{person_id}") as act:
        current = await access_person(person_id)
        granted = sorted(set(roles) - set(current["roles"]))
        revoked = sorted(set(current["roles"]) - set(roles))
        if revoked:
            await RoleGrant.delete().where(
                (RoleGrant.person == person_id) & RoleGrant.role.is_in(revoked)
            )
        if granted:
            await RoleGrant.insert(
                *[RoleGrant(person=person_id, role=r, granted_by=actor.login) for r in granted]
            )
        act.details.update(login=current["login"], granted=granted, revoked=revoked)
        act.after_commit(_invalidate(slug))
    return await access_person(person_id)
