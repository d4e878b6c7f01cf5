"""Accepting an invitation: the person links their account to the roster entry, with consent.

The code names its tenant (`yi.<slug>.<secret>`), so only that tenant's storage is opened. The
person proves who they are by a cookie session, or by the login and password of an existing
account, or creates their account (`create`) with the login they choose. Every unusable code gives
the same answer (`invitation.invalid`). A token scoped elsewhere is not consent here: it is
limited to its own scope, so it is not taken as the person signed in.

Two storages are written: the platform (account if new, membership index) first, then the tenant
(the link, the code used, the audit entry) in one transaction. If the tenant write fails after the
platform's, the code stays unused and the person signs in with their new account and accepts
again; the index only ever says "maybe" (see `core.tenancy.membership`).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from core.accounts.ratelimit import FailureLimiter
from core.accounts.recovery import IssuedCode, do_issue_password_code
from core.accounts.security import hash_secret
from core.accounts.services import (
    account_by_login,
    check_new_password,
    do_create_account,
    sign_in,
)
from core.audit.actions import Actor, tenant_action
from core.errors import Conflict, InvalidInput, InvitationInvalid, LoginTaken
from core.tenancy.context import SLUG_RE, bind_tenant, require_tenant
from core.tenancy.membership import access_changed, index_membership
from core.tenancy.people import _person
from core.tenancy.registry import get_tenant
from core.tenancy.storage import for_update
from core.tenancy.tables import Invitation, Person

__all__ = ["do_accept_invitation", "do_issue_member_password_code"]


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


async def _account_for(
    person: dict[str, Any],
    *,
    slug: str,
    login: str | None,
    password: str,
    create: bool,
    ip: str,
    client: str,
    limiter: FailureLimiter,
) -> dict[str, Any]:
    """The account of someone not signed in: an existing one proven by its password (a missing
    login answers exactly as a wrong password does), or, with `create`, a new one."""
    chosen = (login or person["login"]).strip()
    if not create:
        return await sign_in(chosen, password, ip=ip, limiter=limiter, client=client)
    await limiter.check(chosen, ip)
    if await account_by_login(chosen) is not None:
        # Told only to a holder of a valid code, like any sign-up form; counted against the
        # address, never the account (that would let a code holder lock its owner out).
        await limiter.address_failed(ip)
        raise LoginTaken(fields={"login": chosen})
    actor = Actor(account_id=None, login=chosen, ip=ip, client=client)
    return await do_create_account(
        chosen, person["name"], actor=actor, password=password, tenant=slug
    )


async def do_accept_invitation(
    code: str,
    *,
    signed_in: dict[str, Any] | None,
    login: str | None,
    password: str | None,
    create: bool = False,
    ip: str,
    client: str,
    limiter: FailureLimiter,
) -> tuple[str, dict[str, Any]]:
    """Link the invited roster entry to an account; returns (tenant slug, person).

    Everything happens under the invitation's lock (the tenant's write transaction), so of two
    concurrent accepts of one code the second finds it used before it signs in or creates
    anything. A new account is committed in platform storage before the tenant's commit; should
    that fail, the person signs in with the new account and accepts again (the code is unused).
    """
    slug = _slug_of(code)
    tenant = await get_tenant(slug)
    if tenant is None or tenant["status"] != "active":
        raise InvitationInvalid()
    if signed_in is None:
        if not password:
            raise InvalidInput(fields={"password": "required"})
        if create:
            check_new_password(password)
    with bind_tenant(tenant):
        placeholder = Actor(account_id=None, login="invitation", ip=ip, client=client)
        async with tenant_action(placeholder, "person.accept") as act:
            invitation = await _open_invitation(code, lock=True)
            person = await _person(invitation["person"])
            if person["account_id"] is not None:
                raise InvitationInvalid()
            account = signed_in or await _account_for(
                person,
                slug=slug,
                login=login,
                password=password or "",
                create=create,
                ip=ip,
                client=client,
                limiter=limiter,
            )
            act.actor = Actor(
                account_id=account["id"], login=account["login"], ip=ip, client=client
            )
            act.target = f"person:{person['id']}"
            act.details["login"] = account["login"]
            if await Person.exists().where(Person.account_id == account["id"]):
                raise Conflict(
                    "该账号已在本单位名册中。", "This account is already on this unit's roster."
                )
            await index_membership(account["id"], slug)
            linked = (
                await Person.update(
                    {Person.account_id: account["id"], Person.login: account["login"]}
                )
                .where((Person.id == person["id"]) & Person.account_id.is_null())
                .returning(Person.id)
            )
            if not linked:
                raise InvitationInvalid()
            await Invitation.update(
                {Invitation.used_at: datetime.now(UTC), Invitation.account_id: account["id"]}
            ).where(Invitation.id == invitation["id"])
            act.after_commit(lambda: access_changed(slug))
        return slug, await _person(person["id"])


async def do_issue_member_password_code(person_id: int, *, actor: Actor) -> IssuedCode:
    """A unit admin's password code for a person of the bound tenant: the roster entry must be
    linked, and its account's every power must come from this unit (checked by the issuer)."""
    person = await _person(person_id)
    if person["account_id"] is None:
        raise Conflict(
            "该成员尚未接受邀请，请重新发送邀请码。",
            "This person has not accepted their invitation yet; send a new invitation.",
        )
    return await do_issue_password_code(
        person["account_id"], actor=actor, tenant=require_tenant().slug
    )
