"""Accounts, sign-in, API tokens and cookie sessions; writes go through `platform_action`."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from core.accounts.ratelimit import FailureLimiter
from core.accounts.security import (
    DEMO_PASSWORD,
    hash_password,
    hash_secret,
    needs_rehash,
    new_secret,
    verify_password,
)
from core.accounts.tables import Account, ApiToken, OversightBody, OversightReader, WebSession
from core.audit.actions import Actor, platform_action
from core.errors import (
    AccountDisabled,
    AuthRequired,
    BadCredentials,
    Conflict,
    InvalidInput,
    NotFound,
    TokenExpired,
    TokenInvalid,
    TokenRevoked,
)

__all__ = [
    "SCOPE_KINDS",
    "Principal",
    "account_by_login",
    "authenticate_bearer",
    "authenticate_session",
    "do_create_account",
    "do_create_session",
    "do_disable_account",
    "do_enable_account",
    "do_end_session",
    "do_issue_token",
    "do_revoke_token",
    "do_set_password",
    "list_tokens",
    "parse_scope",
    "sign_in",
]

SCOPE_KINDS = ("tenant", "oversight", "platform")
MIN_PASSWORD = 10
LAST_USED_GRANULARITY = timedelta(minutes=5)


def now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Principal:
    """The authenticated caller of one request."""

    account_id: int
    login: str
    display_name: str
    is_operator: bool
    #: "session" for a cookie session (no scope limit), else the token's scope kind.
    via: str
    scope: str = ""
    csrf_token: str = ""
    token_id: int | None = None

    @property
    def scope_label(self) -> str:
        return self.via if self.via in ("session", "platform") else f"{self.via}:{self.scope}"


def parse_scope(value: str) -> tuple[str, str]:
    """`tenant:<slug>`, `oversight:<slug>` or `platform` → (kind, scope)."""
    kind, _, scope = value.partition(":")
    if kind not in SCOPE_KINDS or (kind != "platform") != bool(scope):
        raise InvalidInput(
            "令牌范围应为 tenant:<单位标识>、oversight:<监督机构标识> 或 platform。",
            "Scope must be tenant:<slug>, oversight:<slug> or platform.",
            fields={"scope": value},
        )
    return kind, scope


async def account_by_login(login: str) -> dict[str, Any] | None:
    return (
        await Account.select()
        .where(  # type: ignore[no-any-return]
            Account.login == login.strip()
        )
        .first()
    )


@lru_cache(maxsize=1)
def _demo_hash() -> str:
    """The demo password is public anyway; hashing it once keeps onboarding demo tenants fast."""
    return hash_password(DEMO_PASSWORD)


async def do_create_account(
    login: str,
    display_name: str,
    *,
    actor: Actor,
    password: str | None = None,
    demo: bool = False,
    is_operator: bool = False,
    email: str = "",
    tenant: str = "",
) -> dict[str, Any]:
    login = login.strip()
    if not login or len(login) > 100:
        raise InvalidInput(fields={"login": "1–100 characters"})
    async with platform_action(
        actor,
        "account.create",
        f"account:{login}",
        tenant=tenant,
        display_name=display_name,
        is_operator=is_operator,
    ) as act:
        if await Account.exists().where(Account.login == login):
            raise Conflict("账号 {login} 已存在。", "Account {login} already exists.", login=login)
        stored = _demo_hash() if demo else (hash_password(password) if password else "")
        row = Account(
            login=login,
            display_name=display_name,
            email=email,
            password_hash=stored,
            password_is_demo=demo,
            is_operator=is_operator,
        )
        await row.save()
        act.target = f"account:{row.id}"
    return await Account.select().where(Account.id == row.id).first()  # type: ignore[return-value]


async def do_set_password(account_id: int, password: str, *, actor: Actor) -> None:
    if len(password) < MIN_PASSWORD or password == DEMO_PASSWORD:
        raise InvalidInput(
            "密码至少 {n} 个字符，且不能是演示密码。",
            "The password needs at least {n} characters and must not be the demo password.",
            fields={"password": f">= {MIN_PASSWORD} characters"},
            n=MIN_PASSWORD,
        )
    async with platform_action(actor, "account.password", f"account:{account_id}"):
        updated = (
            await Account.update(
                {
                    Account.password_hash: hash_password(password),
                    Account.password_is_demo: False,
                    Account.updated_at: now(),
                }
            )
            .where(Account.id == account_id)
            .returning(Account.id)
        )
        if not updated:
            raise NotFound()


async def do_disable_account(account_id: int, *, actor: Actor) -> None:
    """Disable an account and end every session and token it has, in the same transaction."""
    async with platform_action(actor, "account.disable", f"account:{account_id}") as act:
        updated = (
            await Account.update({Account.disabled: True, Account.updated_at: now()})
            .where(Account.id == account_id)
            .returning(Account.id)
        )
        if not updated:
            raise NotFound()
        t = (
            await ApiToken.update({ApiToken.revoked_at: now()})
            .where((ApiToken.account == account_id) & ApiToken.revoked_at.is_null())
            .returning(ApiToken.id)
        )
        s = (
            await WebSession.update({WebSession.revoked_at: now()})
            .where((WebSession.account == account_id) & WebSession.revoked_at.is_null())
            .returning(WebSession.id)
        )
        act.details.update(tokens_revoked=len(t), sessions_ended=len(s))


async def do_enable_account(account_id: int, *, actor: Actor) -> None:
    async with platform_action(actor, "account.enable", f"account:{account_id}"):
        updated = (
            await Account.update({Account.disabled: False, Account.updated_at: now()})
            .where(Account.id == account_id)
            .returning(Account.id)
        )
        if not updated:
            raise NotFound()


async def sign_in(login: str, password: str, *, ip: str, limiter: FailureLimiter) -> dict[str, Any]:
    """Check credentials; count failures per account and per address; refuse when over limit."""
    await limiter.check(login, ip)
    account = await Account.select().where(Account.login == login.strip()).first()
    if account is None or not verify_password(account["password_hash"], password):
        await limiter.failed(login, ip)
        raise BadCredentials()
    if account["disabled"]:
        raise AccountDisabled()
    await limiter.succeeded(login, ip)
    if needs_rehash(account["password_hash"]):
        await Account.update({Account.password_hash: hash_password(password)}).where(
            Account.id == account["id"]
        )
    return account  # type: ignore[no-any-return]


async def _oversight_reader(account_id: int, body_slug: str) -> bool:
    body = (
        await OversightBody.select(OversightBody.id).where(OversightBody.slug == body_slug).first()
    )
    if body is None:
        return False
    return await OversightReader.exists().where(
        (OversightReader.body == body["id"]) & (OversightReader.account == account_id)
    )


async def do_issue_token(
    account: dict[str, Any],
    scope_kind: str,
    scope: str,
    *,
    actor: Actor,
    name: str = "",
    days: int = 90,
    allowed_in_tenant: bool = False,
) -> tuple[str, dict[str, Any]]:
    """Issue a bearer token; the secret is returned once and stored only as a hash.

    `allowed_in_tenant` is decided by the caller from the tenant's enforcer (the account has a role
    there); scope checks for oversight and platform tokens are made here.
    """
    if scope_kind == "tenant" and not allowed_in_tenant:
        raise Conflict(
            "该账号在此单位没有角色，无法签发令牌。", "This account has no role in that tenant."
        )
    if scope_kind == "platform" and not account["is_operator"]:
        raise Conflict(
            "只有平台运维账号可以申请平台令牌。", "Only operator accounts can hold platform tokens."
        )
    if scope_kind == "oversight" and not await _oversight_reader(account["id"], scope):
        raise Conflict(
            "该账号不是此监督机构的读者。", "This account does not read for that oversight body."
        )
    if not 1 <= days <= 366:
        raise InvalidInput(fields={"days": "1–366"})
    secret = new_secret("ys")
    tenant = scope if scope_kind == "tenant" else ""
    async with platform_action(
        actor,
        "token.issue",
        "",
        tenant=tenant,
        scope_kind=scope_kind,
        scope=scope,
        name=name,
        days=days,
        account=account["id"],
    ) as act:
        row = ApiToken(
            account=account["id"],
            name=name,
            token_hash=hash_secret(secret),
            prefix=secret[:10],
            scope_kind=scope_kind,
            scope=scope,
            expires_at=now() + timedelta(days=days),
        )
        await row.save()
        act.target = f"token:{row.id}"
    return secret, await _token_row(row.id)


def _public_token_columns() -> list[Any]:
    """What a token list shows: never the hash."""
    t = ApiToken
    return [
        t.id,
        t.name,
        t.prefix,
        t.scope_kind,
        t.scope,
        t.created_at,
        t.expires_at,
        t.revoked_at,
        t.last_used_at,
    ]


async def _token_row(token_id: int) -> dict[str, Any]:
    query = ApiToken.select(*_public_token_columns()).where(ApiToken.id == token_id)
    return await query.first()  # type: ignore[return-value]


async def list_tokens(account_id: int) -> list[dict[str, Any]]:
    query = ApiToken.select(*_public_token_columns()).where(ApiToken.account == account_id)
    return await query.order_by(ApiToken.id)  # type: ignore[no-any-return]


async def do_revoke_token(token_id: int, *, actor: Actor) -> None:
    """Revoke one of the actor's own tokens (operators may revoke any). Others' → not found."""
    token = (
        await ApiToken.select(ApiToken.account, ApiToken.scope_kind, ApiToken.scope)
        .where(ApiToken.id == token_id)
        .first()
    )
    if token is None or (token["account"] != actor.account_id and not actor.is_operator):
        raise NotFound()
    tenant = token["scope"] if token["scope_kind"] == "tenant" else ""
    async with platform_action(actor, "token.revoke", f"token:{token_id}", tenant=tenant):
        await ApiToken.update({ApiToken.revoked_at: now()}).where(
            (ApiToken.id == token_id) & ApiToken.revoked_at.is_null()
        )


async def authenticate_bearer(secret: str) -> Principal:
    row = (
        await ApiToken.select(
            ApiToken.id,
            ApiToken.scope_kind,
            ApiToken.scope,
            ApiToken.expires_at,
            ApiToken.revoked_at,
            ApiToken.last_used_at,
            ApiToken.account.id,
            ApiToken.account.login,
            ApiToken.account.display_name,
            ApiToken.account.is_operator,
            ApiToken.account.disabled,
        )
        .where(ApiToken.token_hash == hash_secret(secret))
        .first()
    )
    if row is None:
        raise TokenInvalid()
    if row["account.disabled"]:
        raise AccountDisabled()
    if row["revoked_at"] is not None:
        raise TokenRevoked()
    if row["expires_at"] <= now():
        raise TokenExpired()
    last = row["last_used_at"]
    if last is None or now() - last > LAST_USED_GRANULARITY:
        # Recorded coarsely: one write per token per few minutes, not one per request.
        await ApiToken.update({ApiToken.last_used_at: now()}).where(ApiToken.id == row["id"])
    return Principal(
        account_id=row["account.id"],
        login=row["account.login"],
        display_name=row["account.display_name"],
        is_operator=row["account.is_operator"],
        via=row["scope_kind"],
        scope=row["scope"],
        token_id=row["id"],
    )


async def do_create_session(
    account: dict[str, Any], *, ip: str, client: str, hours: int
) -> tuple[str, str]:
    """Start a cookie session; returns (session secret, CSRF token)."""
    secret, csrf = new_secret("yss"), secrets.token_urlsafe(32)
    actor = Actor(account_id=account["id"], login=account["login"], ip=ip, client=client)
    async with platform_action(actor, "session.start", f"account:{account['id']}"):
        await WebSession.insert(
            WebSession(
                account=account["id"],
                session_hash=hash_secret(secret),
                csrf_token=csrf,
                expires_at=now() + timedelta(hours=hours),
                ip=ip,
                client=client[:300],
            )
        )
    return secret, csrf


async def do_end_session(secret: str, *, actor: Actor) -> None:
    async with platform_action(actor, "session.end", f"account:{actor.account_id}"):
        await WebSession.update({WebSession.revoked_at: now()}).where(
            (WebSession.session_hash == hash_secret(secret)) & WebSession.revoked_at.is_null()
        )


async def authenticate_session(secret: str) -> Principal:
    row = (
        await WebSession.select(
            WebSession.csrf_token,
            WebSession.expires_at,
            WebSession.revoked_at,
            WebSession.account.id,
            WebSession.account.login,
            WebSession.account.display_name,
            WebSession.account.is_operator,
            WebSession.account.disabled,
        )
        .where(WebSession.session_hash == hash_secret(secret))
        .first()
    )
    if row is None or row["revoked_at"] is not None or row["expires_at"] <= now():
        raise AuthRequired()
    if row["account.disabled"]:
        raise AccountDisabled()
    return Principal(
        account_id=row["account.id"],
        login=row["account.login"],
        display_name=row["account.display_name"],
        is_operator=row["account.is_operator"],
        via="session",
        csrf_token=row["csrf_token"],
    )
