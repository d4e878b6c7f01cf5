"""One-time password codes: first set-up and reset, without anyone else learning the password.

A unit admin may issue a code only for a person of their own unit whose account belongs to no
other unit and is not an operator: otherwise one unit's admin could take over an account another
unit relies on (those go through the platform operator). The operator issues codes from the CLI,
also in bulk for accounts onboarded from manifests without a password. Using a code sets the
password and ends every session and token of the account, in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from core.accounts.security import hash_secret, new_secret
from core.accounts.services import check_new_password, end_access, store_password
from core.accounts.tables import Account, PasswordReset
from core.audit.actions import Actor, platform_action
from core.errors import Conflict, NotFound, ResetCodeInvalid
from core.tenancy.storage import for_update
from core.tenancy.tables import Membership

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


async def do_issue_password_code(
    account_id: int, *, actor: Actor, tenant: str = "", hours: int = RESET_HOURS
) -> IssuedCode:
    """Issue a code for `account_id`; with `tenant`, on behalf of that unit's admin.

    Earlier unused codes of the account stop working. The audit entry never holds the code.
    """
    async with platform_action(
        actor, "account.password_code", f"account:{account_id}", tenant=tenant, hours=hours
    ):
        account = await Account.select().where(Account.id == account_id).first()
        if account is None:
            raise NotFound()
        if tenant:
            units = {
                r["tenant"]
                for r in await Membership.select(Membership.tenant).where(
                    Membership.account_id == account_id
                )
            }
            if account["is_operator"] or units - {tenant}:
                raise Conflict(
                    "该账号还属于其他单位或平台运维，只能由平台运维人员重置密码。",
                    "This account also belongs to another unit (or is an operator): only the "
                    "platform operator can reset its password.",
                )
        await PasswordReset.update({PasswordReset.used_at: _now()}).where(
            (PasswordReset.account == account_id) & PasswordReset.used_at.is_null()
        )
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


async def do_use_password_code(code: str, new_password: str, *, ip: str, client: str) -> str:
    """Set the password with a code; ends all sessions and tokens. Returns the login."""
    check_new_password(new_password, "new_password")
    query = PasswordReset.select(
        PasswordReset.id,
        PasswordReset.used_at,
        PasswordReset.expires_at,
        PasswordReset.account.id,
        PasswordReset.account.login,
        PasswordReset.account.disabled,
    ).where(PasswordReset.code_hash == hash_secret(code))
    query = for_update(query, PasswordReset)
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
        account_id = row["account.id"]
        act.target = f"account:{account_id}"
        await store_password(account_id, new_password)
        t, s = await end_access(account_id)
        await PasswordReset.update({PasswordReset.used_at: _now()}).where(
            PasswordReset.id == row["id"]
        )
        act.details.update(tokens_revoked=t, sessions_ended=s)
    return str(row["account.login"])
