"""One-time password codes: first set-up and reset, without anyone else learning the password.

A unit admin may issue a code only for an account whose every power comes from that unit: not an
operator, not a reader of an oversight body, on no other unit's roster. Otherwise one unit's admin
could take over an account another unit (or a body overseeing many) relies on; those go through
the platform operator. The same check runs again when the code is used, since the account may
have gained power in between. The operator issues codes from the CLI, also in bulk for accounts
onboarded from manifests without a password. Using a code sets the password and ends every
session, token and other open code of the account, in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from core.accounts.security import hash_secret, new_secret
from core.accounts.services import (
    _require_platform,
    check_new_password,
    end_access,
    store_password,
)
from core.accounts.tables import Account, OversightReader, PasswordReset
from core.audit.actions import Actor, platform_action
from core.errors import Conflict, NotFound, ResetCodeInvalid
from core.tenancy.storage import for_update

__all__ = ["RESET_HOURS", "IssuedCode", "do_issue_password_code", "do_use_password_code"]

RESET_HOURS = 72


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class IssuedCode:
    login: str
    display_name: str
    code: str
    expires_at: datetime


async def _only_of(account: dict[str, Any], tenant: str) -> bool:
    """Does every power of `account` come from `tenant` alone?"""
    from core.tenancy.membership import tenants_of  # core.tenancy imports accounts

    if account["is_operator"]:
        return False
    if await OversightReader.exists().where(OversightReader.account == account["id"]):
        return False
    return set(await tenants_of(account["id"])) <= {tenant}


def _not_yours() -> Conflict:
    return Conflict(
        "该账号还属于其他单位、监督机构或平台运维，只能由平台运维人员重置密码。",
        "This account also belongs to another unit, an oversight body or the operators: only "
        "the platform operator can reset its password.",
    )


async def do_issue_password_code(
    account_id: int, *, actor: Actor, tenant: str = "", hours: int = RESET_HOURS
) -> IssuedCode:
    """Issue a code for `account_id`: on behalf of unit `tenant`'s admin (whose permission the
    caller's route checked), or, without `tenant`, by the operator or the command line only.

    Earlier unused codes of the account stop working. The audit entry never holds the code.
    """
    if not tenant:
        _require_platform(actor)
    async with platform_action(
        actor, "account.password_code", f"account:{account_id}", tenant=tenant, hours=hours
    ):
        account = await for_update(Account.select().where(Account.id == account_id)).first()
        if account is None:
            raise NotFound()
        if tenant and not await _only_of(account, tenant):
            raise _not_yours()
        await _void_codes(account_id)
        code = new_secret("yr")
        expires = _now() + timedelta(hours=hours)
        await PasswordReset.insert(
            PasswordReset(
                account=account_id,
                code_hash=hash_secret(code),
                tenant=tenant,
                created_by=actor.login,
                expires_at=expires,
            )
        )
    return IssuedCode(account["login"], account["display_name"], code, expires)


async def _void_codes(account_id: int) -> None:
    await PasswordReset.update({PasswordReset.used_at: _now()}).where(
        (PasswordReset.account == account_id) & PasswordReset.used_at.is_null()
    )


async def do_use_password_code(code: str, new_password: str, *, ip: str, client: str) -> str:
    """Set the password with a code; ends all sessions, tokens and codes. Returns the login."""
    check_new_password(new_password, "new_password")
    query = for_update(
        PasswordReset.select(
            PasswordReset.id,
            PasswordReset.tenant,
            PasswordReset.used_at,
            PasswordReset.expires_at,
            PasswordReset.account.id,
            PasswordReset.account.login,
            PasswordReset.account.disabled,
            PasswordReset.account.is_operator,
        ).where(PasswordReset.code_hash == hash_secret(code)),
        PasswordReset,
    )
    actor = Actor(account_id=None, login="password-code", ip=ip, client=client)
    async with platform_action(actor, "account.password_set_by_code", "") as act:
        row: Any = await query.first()
        if (
            row is None
            or row["used_at"] is not None
            or row["expires_at"] <= _now()
            or row["account.disabled"]
        ):
            raise ResetCodeInvalid()
        account = {"id": row["account.id"], "is_operator": row["account.is_operator"]}
        if row["tenant"] and not await _only_of(account, row["tenant"]):
            raise _not_yours()
        act.target = f"account:{account['id']}"
        await store_password(account["id"], new_password)
        t, s = await end_access(account["id"])  # also spends this code and any other
        act.details.update(tokens_revoked=t, sessions_ended=s)
    return str(row["account.login"])
