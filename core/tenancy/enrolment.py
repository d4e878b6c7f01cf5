"""Accepting an invitation: the person links their account to the roster entry, with consent.

The code names its tenant (`yi.<slug>.<secret>`), so only that tenant's storage is opened. The
person proves who they are by being signed in, or by the login and password of an existing
account, or creates their account with the login they choose. Every unusable code gives the same
answer (`invitation.invalid`).

Two storages are written: the platform (account if new, membership index) first, then the tenant
(the link, the code used, the audit entry) in one transaction. If the tenant write fails after the
platform's, the code stays unused and the person signs in with their new account and accepts
again; the index only ever says "maybe" (see `core.tenancy.membership`).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from core.accounts.ratelimit import FailureLimiter
from core.accounts.security import hash_secret
from core.accounts.services import (
    account_by_login,
    check_new_password,
    do_create_account,
    sign_in,
)
from core.audit.actions import Actor, tenant_action
from core.errors import Conflict, InvalidInput, InvitationInvalid
from core.tenancy.context import SLUG_RE, bind_tenant
from core.tenancy.membership import access_changed, index_membership
from core.tenancy.people import _person
from core.tenancy.registry import get_tenant
from core.tenancy.storage import for_update
from core.tenancy.tables import Invitation, Person

__all__ = ["do_accept_invitation"]


def _slug_of(code: str) -> str:
    parts = code.split(".")
    if len(parts) != 3 or parts[0] != "yi" or not SLUG_RE.match(parts[1]) or not parts[2]:
        raise InvitationInvalid()
    return parts[1]


async def _open_invitation(code: str, *, lock: bool = False) -> dict[str, Any]:
    query = Invitation.select().where(Invitation.code_hash == hash_secret(code))
    if lock:
        query = for_update(query)
    row = await query.first()
    if (
        row is None
        or row["used_at"] is not None
        or row["revoked_at"] is not None
        or row["expires_at"] <= datetime.now(UTC)
    ):
        raise InvitationInvalid()
    return row  # type: ignore[no-any-return]


async def do_accept_invitation(
    code: str,
    *,
    signed_in: dict[str, Any] | None,
    login: str | None,
    password: str | None,
    ip: str,
    client: str,
    limiter: FailureLimiter,
) -> tuple[str, dict[str, Any]]:
    """Link the invited roster entry to an account; returns (tenant slug, person)."""
    slug = _slug_of(code)
    tenant = await get_tenant(slug)
    if tenant is None or tenant["status"] != "active":
        raise InvitationInvalid()
    with bind_tenant(tenant):
        invitation = await _open_invitation(code)
        person = await _person(invitation["person"])
        if person["account_id"] is not None:
            raise InvitationInvalid()
        if signed_in is not None:
            account = signed_in
        else:
            chosen = (login or person["login"]).strip()
            if not password:
                raise InvalidInput(fields={"password": "required"})
            existing = await account_by_login(chosen)
            if existing is not None:
                # An existing account: the person proves it is theirs (through the throttle).
                account = await sign_in(chosen, password, ip=ip, limiter=limiter, client=client)
            else:
                check_new_password(password)
                actor = Actor(account_id=None, login=chosen, ip=ip, client=client)
                account = await do_create_account(
                    chosen, person["name"], actor=actor, password=password, tenant=slug
                )
        actor = Actor(account_id=account["id"], login=account["login"], ip=ip, client=client)
        await index_membership(account["id"], slug)
        async with tenant_action(
            actor, "person.accept", f"person:{person['id']}", login=account["login"]
        ) as act:
            again = await _open_invitation(code, lock=True)  # a concurrent accept used it
            if await Person.exists().where(Person.account_id == account["id"]):
                raise Conflict(
                    "该账号已在本单位名册中。", "This account is already on this unit's roster."
                )
            await Person.update(
                {Person.account_id: account["id"], Person.login: account["login"]}
            ).where((Person.id == person["id"]) & Person.account_id.is_null())
            await Invitation.update(
                {Invitation.used_at: datetime.now(UTC), Invitation.account_id: account["id"]}
            ).where(Invitation.id == again["id"])
            act.after_commit(lambda: access_changed(slug))
        return slug, await _person(person["id"])
