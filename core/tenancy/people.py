"""A tenant's roster, role grants and enrolment. Everything here runs under the bound tenant.

Rows reach a request only through `access_*(actor, …)`: a person of another tenant is simply absent
from this tenant's storage, so "not yours" and "missing" give the same `NotFound`; later issues add
per-actor narrowing here (an attendee sees only the items invited to), never in a route.

Enrolment (`do_enrol_person`) puts a person on the roster with their roles and an invitation code,
in one tenant transaction; the roster entry is linked to a platform account only when the person
accepts (`core.tenancy.enrolment`). The answer is the same whether or not the login exists
anywhere on the platform: enrolling never reveals, or takes over, another unit's account.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import msgspec

from core.access.permissions import BODY_ROLES, ROLES
from core.accounts.security import hash_secret, new_secret
from core.audit.actions import Actor, tenant_action
from core.errors import Conflict, InvalidInput, NotFound
from core.prepared import Prepared
from core.tenancy.context import require_tenant
from core.tenancy.membership import access_changed, index_membership
from core.tenancy.storage import get_storage
from core.tenancy.tables import Invitation, Person, RoleGrant

__all__ = [
    "INVITATION_DAYS",
    "IssuedInvitation",
    "access_people",
    "access_person",
    "do_add_person",
    "do_enrol_person",
    "do_issue_invitation",
    "do_set_roles",
    "do_update_person",
    "invitation_prefix",
    "list_people",
]

_FIELDS = ("name", "title", "rank", "areas", "active")
INVITATION_DAYS = 14


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class IssuedInvitation:
    """A code shown once: the person uses it to link (or create) their account."""

    code: str
    expires_at: datetime


def invitation_prefix(slug: str) -> str:
    """Codes name their tenant (`yi.<slug>.<secret>`), so acceptance opens only that tenant."""
    return f"yi.{slug}."


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
        "status": "invited" if row["account_id"] is None else "linked",
        "roles": roles,
    }


#: What `_shape` shows of a person, with their roles: one row per (person, role), people without
#: roles once with a null role. One statement (a left join piccolo's query builder cannot express
#: from the person's side), built once (core/prepared.py); plain SQL that reads the same on
#: PostgreSQL (the tenant's schema through `search_path`) and SQLite (the tenant's file).
_ROSTER_SQL = (
    "SELECT p.id, p.account_id, p.login, p.name, p.title, p.rank, p.areas, p.active, g.role"
    " FROM person AS p LEFT JOIN role_grant AS g ON g.person = p.id"
)
_ROSTER = Prepared(lambda: Person.raw(_ROSTER_SQL))
_ROSTER_ACTIVE = Prepared(lambda active: Person.raw(_ROSTER_SQL + " WHERE p.active = {}", active))
_PERSON = Prepared(lambda person_id: Person.raw(_ROSTER_SQL + " WHERE p.id = {}", person_id))
#: The same, locking the person's row until the write transaction ends (PostgreSQL; SQLite's
#: `BEGIN IMMEDIATE` already serialises writers, see `for_update`).
_PERSON_LOCKED = Prepared(
    lambda person_id: Person.raw(_ROSTER_SQL + " WHERE p.id = {} FOR UPDATE OF p", person_id)
)


def _fold(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """(person, role) rows → one shaped entry per person, roles sorted, in roster order: body
    members by rank first, then everyone else (rank 0) by id."""
    people: dict[int, dict[str, Any]] = {}
    roles: dict[int, list[str]] = {}
    for row in rows:
        pid = row["id"]
        if pid not in people:
            people[pid], roles[pid] = row, []
        if row["role"] is not None:
            roles[pid].append(row["role"])
    ordered = sorted(people.values(), key=lambda r: (r["rank"] == 0, r["rank"], r["id"]))
    return [_shape(r, sorted(roles[r["id"]])) for r in ordered]


async def list_people(*, include_inactive: bool = False) -> list[dict[str, Any]]:
    """The roster: body members in rank order first, then everyone else (rank 0) by id."""
    rows = await (_ROSTER.rows() if include_inactive else _ROSTER_ACTIVE.rows(True))
    return _fold(rows)


async def _person(person_id: int, *, lock: bool = False) -> dict[str, Any]:
    query = _PERSON_LOCKED if lock and get_storage().backend == "postgres" else _PERSON
    people = _fold(await query.rows(person_id))
    if not people:
        raise NotFound()
    return people[0]


async def access_people(actor: Actor, *, include_inactive: bool = False) -> list[dict[str, Any]]:
    """The roster as `actor` may see it (every role that may read members sees all of it)."""
    return await list_people(include_inactive=include_inactive)


async def access_person(actor: Actor, person_id: int) -> dict[str, Any]:
    """One roster entry as `actor` may see it; missing and not visible are the same NotFound."""
    return await _person(person_id)


def _invalidate(slug: str) -> Any:
    return lambda: access_changed(slug)


async def _serialise_roster() -> None:
    """Roster writers of one tenant one at a time, so `_check_body` judges what it will commit.

    On PostgreSQL a transaction-scoped advisory lock keyed by the tenant's schema (released at
    commit or rollback): under READ COMMITTED two concurrent enrolments could otherwise each see
    no secretary and both add one. SQLite's write transactions (`BEGIN IMMEDIATE`) already
    serialise every writer of the file.
    """
    if get_storage().backend == "postgres":
        await Person.raw(
            "SELECT pg_advisory_xact_lock(hashtext({}))", f"yishi.roster.{require_tenant().schema}"
        )


async def _check_body() -> None:
    """The body's invariants, checked inside the writing transaction after the change.

    One secretary (书记) at a time, and distinct ranks among the body's active members: rank
    decides speaking order and the order positions are stated in (e.g. Ningbo 第二十条, the
    secretary last), so two members of one rank would make that order undefined.
    """
    active = {
        r["id"]: r
        for r in await Person.select(Person.id, Person.rank, Person.name).where(
            Person.active.eq(True)
        )
    }
    grants = await RoleGrant.select(RoleGrant.person, RoleGrant.role).where(
        RoleGrant.role.is_in(list(BODY_ROLES))
    )
    secretaries = sorted({g["person"] for g in grants if g["role"] == "secretary"} & set(active))
    if len(secretaries) > 1:
        raise Conflict(
            "一个党组只能有一名书记：{names}。请先调整现任书记的角色。",
            "A body has one secretary; now {names}. Change the current secretary's role first.",
            fields={"roles": "secretary"},
            names="、".join(active[i]["name"] for i in secretaries),
        )
    by_rank: dict[int, list[str]] = {}
    for pid in sorted({g["person"] for g in grants} & set(active)):
        rank = active[pid]["rank"]
        if rank > 0:
            by_rank.setdefault(rank, []).append(active[pid]["name"])
    clashes = {k: v for k, v in by_rank.items() if len(v) > 1}
    if clashes:
        rank, names = min(clashes.items())
        raise Conflict(
            "党组成员的排序不能重复：{names} 的排序都是 {rank}。",
            "Body members need distinct ranks: {names} all have rank {rank}.",
            fields={"rank": rank},
            names="、".join(names),
            rank=rank,
        )


async def _new_invitation(person_id: int, actor: Actor) -> IssuedInvitation:
    slug = require_tenant().slug
    code = invitation_prefix(slug) + new_secret("c")[2:]
    expires = _now() + timedelta(days=INVITATION_DAYS)
    await Invitation.update({Invitation.revoked_at: _now()}).where(
        (Invitation.person == person_id)
        & Invitation.used_at.is_null()
        & Invitation.revoked_at.is_null()
    )
    await Invitation.insert(
        Invitation(
            person=person_id,
            code_hash=hash_secret(code),
            created_by=actor.login,
            expires_at=expires,
        )
    )
    return IssuedInvitation(code=code, expires_at=expires)


async def do_add_person(
    *,
    login: str,
    name: str,
    actor: Actor,
    account_id: int | None = None,
    title: str = "",
    rank: int = 0,
    areas: list[str] | None = None,
    roles: list[str] | None = None,
) -> dict[str, Any]:
    """Put a person on the roster, linked to `account_id` when given.

    Linking directly is for the operator (manifests, CLI), who vouches for the person; through
    the API a unit admin enrols with `do_enrol_person` and the person accepts.
    """
    roles = _check_roles(roles or [])
    slug = require_tenant().slug
    if account_id is not None:
        # Before the tenant write: the index may say "maybe", never miss a tenant.
        await index_membership(account_id, slug)
    async with tenant_action(actor, "person.add", "", login=login, name=name, roles=roles) as act:
        await _serialise_roster()
        if account_id is not None and await Person.exists().where(Person.account_id == account_id):
            raise Conflict(
                "{login} 已在本单位名册中。", "{login} is already on the roster.", login=login
            )
        person = await _insert_person(
            account_id=account_id,
            login=login,
            name=name,
            title=title,
            rank=rank,
            areas=areas,
            roles=roles,
            actor=actor,
        )
        act.target = f"person:{person}"
        act.after_commit(_invalidate(slug))
    return await _person(person)


async def _insert_person(
    *,
    account_id: int | None,
    login: str,
    name: str,
    title: str,
    rank: int,
    areas: list[str] | None,
    roles: list[str],
    actor: Actor,
) -> int:
    if await Person.exists().where((Person.login == login) & Person.active.eq(True)):
        raise Conflict(
            "{login} 已在本单位名册中。",
            "{login} is already on the roster.",
            fields={"login": login},
            login=login,
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
    await _check_body()
    return int(person.id)


async def do_enrol_person(
    *,
    login: str,
    name: str,
    actor: Actor,
    title: str = "",
    rank: int = 0,
    areas: list[str] | None = None,
    roles: list[str] | None = None,
) -> tuple[dict[str, Any], IssuedInvitation]:
    """Enrol a person by invitation: roster entry, roles and a one-time code, or nothing.

    Everything is validated first (roles, one secretary, distinct ranks, the login free on this
    roster) and written in one tenant transaction with its audit entry (which never holds the code).
    """
    roles = _check_roles(roles or [])
    slug = require_tenant().slug
    async with tenant_action(actor, "person.enrol", "", login=login, name=name, roles=roles) as act:
        await _serialise_roster()
        person = await _insert_person(
            account_id=None,
            login=login,
            name=name,
            title=title,
            rank=rank,
            areas=areas,
            roles=roles,
            actor=actor,
        )
        invitation = await _new_invitation(person, actor)
        act.target = f"person:{person}"
        act.details["invitation_expires_at"] = invitation.expires_at.isoformat()
        act.after_commit(_invalidate(slug))
    return await _person(person), invitation


async def do_issue_invitation(person_id: int, *, actor: Actor) -> IssuedInvitation:
    """A new code for a person who has not accepted yet (the previous ones stop working)."""
    async with tenant_action(actor, "person.invite", f"person:{person_id}") as act:
        current = await _person(person_id)
        if current["account_id"] is not None:
            raise Conflict(
                "该成员已关联账号，无需邀请；如忘记密码，请重置密码。",
                "This person already has an account; reset their password instead.",
            )
        invitation = await _new_invitation(person_id, actor)
        act.details["invitation_expires_at"] = invitation.expires_at.isoformat()
    return invitation


async def do_update_person(person_id: int, *, actor: Actor, **changes: Any) -> dict[str, Any]:
    """Change roster fields (name, title, rank, areas, active); records old and new values."""
    unknown = set(changes) - set(_FIELDS)
    if unknown:
        raise InvalidInput(fields={k: "unknown field" for k in unknown})
    slug = require_tenant().slug
    body = bool({"rank", "active"} & set(changes))
    async with tenant_action(actor, "person.update", f"person:{person_id}") as act:
        if body:
            # Rank and activity are the body's invariants: judged against the whole roster.
            await _serialise_roster()
        # The row itself locked, so the recorded old values are the ones replaced.
        current = await _person(person_id, lock=True)
        diff = {k: {"old": current[k], "new": v} for k, v in changes.items() if current[k] != v}
        if not diff:
            return current
        values: dict[Any, Any] = {getattr(Person, k): v for k, v in changes.items()}
        if "areas" in changes:
            values[Person.areas] = msgspec.json.encode(changes["areas"]).decode()
        values[Person.updated_at] = _now()
        await Person.update(values).where(Person.id == person_id)
        if body:
            await _check_body()
        act.details["changes"] = diff
        if "active" in diff:
            act.after_commit(_invalidate(slug))
    # What was committed: the row as read under the lock, with the changes.
    return {**current, **{k: changes[k] for k in diff}}


async def do_set_roles(person_id: int, roles: list[str], *, actor: Actor) -> dict[str, Any]:
    """Replace a person's roles; the audit entry records what was granted and revoked."""
    roles = _check_roles(roles)
    slug = require_tenant().slug
    async with tenant_action(actor, "roles.set", f"person:{person_id}") as act:
        await _serialise_roster()
        current = await _person(person_id)
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
            await _check_body()
        act.details.update(login=current["login"], granted=granted, revoked=revoked)
        act.after_commit(_invalidate(slug))
    return await _person(person_id)
