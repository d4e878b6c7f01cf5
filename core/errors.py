"""The error tree and its one translator.

Every error the platform shows has a stable `code`, an HTTP status, a message in Simplified Chinese
and in English, and structured `fields`. A rule refusal also carries the verdict (rule id, article,
original sentence). `to_payload()` is the single place that turns an error into the JSON answer;
the Litestar exception handlers in `core.app` call it and nothing else.
"""

from __future__ import annotations

from typing import Any, ClassVar

__all__ = [
    "AccountDisabled",
    "AccountThrottled",
    "AuthRequired",
    "BadCredentials",
    "BodyTooLarge",
    "Conflict",
    "CsrfFailed",
    "CurrentPasswordWrong",
    "DateOutOfRange",
    "Forbidden",
    "InvalidInput",
    "InvitationInvalid",
    "LoginTaken",
    "MalformedBody",
    "ManifestError",
    "NestedTooDeep",
    "NotFound",
    "NulCharacter",
    "OwnerNotHeld",
    "PermissionDenied",
    "ProductionNotReady",
    "RateLimited",
    "ResetCodeInvalid",
    "RuleRefusal",
    "SchemaBehind",
    "StorageSetupError",
    "TenantNameTaken",
    "TenantNotBound",
    "TenantNotFound",
    "TenantSuspended",
    "TokenExpired",
    "TokenInvalid",
    "TokenRevoked",
    "TokenScope",
    "UnsupportedMediaType",
    "YishiError",
    "pick_language",
    "to_payload",
]


class YishiError(Exception):
    """Base of every error the platform raises on purpose."""

    code: ClassVar[str] = "error"
    status: ClassVar[int] = 400
    zh: ClassVar[str] = "请求无法完成。"
    en: ClassVar[str] = "The request could not be completed."

    def __init__(
        self,
        zh: str | None = None,
        en: str | None = None,
        *,
        fields: dict[str, Any] | None = None,
        **params: Any,
    ) -> None:
        self.params = params
        self.message_zh = (zh or self.zh).format(**params)
        self.message_en = (en or self.en).format(**params)
        self.fields = fields or {}
        super().__init__(self.message_en)

    def message(self, lang: str) -> str:
        return self.message_en if lang == "en" else self.message_zh


# --- requests --------------------------------------------------------------------------------


class InvalidInput(YishiError):
    code = "request.invalid"
    status = 400
    zh = "请求内容有误，请检查标出的字段。"
    en = "The request has invalid fields."


class NotFound(YishiError):
    code = "not_found"
    status = 404
    zh = "未找到所请求的内容。"
    en = "Not found."


class Conflict(YishiError):
    code = "conflict"
    status = 409
    zh = "与现有数据冲突。"
    en = "This conflicts with existing data."


# --- tenancy ---------------------------------------------------------------------------------


class TenantNotFound(NotFound):
    code = "tenant.not_found"
    zh = "未找到该单位。"
    en = "No such tenant."


class TenantSuspended(YishiError):
    code = "tenant.suspended"
    status = 423
    zh = "该单位已暂停使用，请联系平台运维人员。"
    en = "This tenant is suspended; contact the platform operator."


class TenantNotBound(YishiError):
    """Raised by the data layer when a tenant query runs with no tenant bound: it fails closed."""

    code = "tenant.not_bound"
    status = 500
    zh = "内部错误：未绑定单位的数据访问被拒绝。"
    en = "Internal error: data access with no tenant bound was refused."


class ManifestError(YishiError):
    code = "manifest.invalid"
    status = 400
    zh = "{file}：{where}：{problem_zh}"
    en = "{file}: {where}: {problem_en}"


# --- authentication --------------------------------------------------------------------------


class AuthRequired(YishiError):
    code = "auth.required"
    status = 401
    zh = "请先登录，或提供有效的访问令牌。"
    en = "Sign in or provide a valid bearer token."


class BadCredentials(YishiError):
    code = "auth.bad_credentials"
    status = 401
    zh = "账号或密码错误。"
    en = "Wrong account or password."


class AccountDisabled(YishiError):
    code = "auth.account_disabled"
    status = 401
    zh = "该账号已停用。"
    en = "This account is disabled."


class TokenInvalid(YishiError):
    code = "auth.token_invalid"
    status = 401
    zh = "访问令牌无效。"
    en = "The bearer token is not valid."


class TokenExpired(YishiError):
    code = "auth.token_expired"
    status = 401
    zh = "访问令牌已过期。"
    en = "The bearer token has expired."


class TokenRevoked(YishiError):
    code = "auth.token_revoked"
    status = 401
    zh = "访问令牌已被撤销。"
    en = "The bearer token has been revoked."


class TokenScope(YishiError):
    code = "auth.token_scope"
    status = 403
    zh = "该访问令牌不适用于此处（令牌范围：{scope}）。"
    en = "This token is not valid here (token scope: {scope})."


class RateLimited(YishiError):
    code = "auth.rate_limited"
    status = 429
    zh = "登录失败次数过多，请 {retry_after} 秒后再试。"
    en = "Too many failed sign-ins; try again in {retry_after} seconds."

    @property
    def headers(self) -> dict[str, str]:
        """Sent with the answer: `Retry-After` in whole seconds."""
        return {"Retry-After": str(self.params.get("retry_after", 1))}


class CsrfFailed(YishiError):
    code = "auth.csrf"
    status = 403
    zh = "页面已过期或请求来源不可信（CSRF 校验失败），请刷新后重试。"
    en = "CSRF check failed; reload the page and try again."


# --- access ----------------------------------------------------------------------------------


class Forbidden(YishiError):
    code = "access.forbidden"
    status = 403
    zh = "无权执行此操作。"
    en = "You are not allowed to do this."


class PermissionDenied(Forbidden):
    code = "access.denied"
    zh = "无权执行此操作（需要权限：{permission}）。"
    en = "You are not allowed to do this (needs permission: {permission})."


class RouteUnguarded(Forbidden):
    code = "access.undeclared"
    zh = "此接口未声明所需权限，已拒绝访问。"
    en = "This route declares no permission and is refused."


# --- rules -----------------------------------------------------------------------------------


class RuleRefusal(YishiError):
    """A refusal grounded in a rule verdict: carries the rule, article and original sentence.

    Build it with `RuleRefusal.of(verdict)`; every refusal the platform shows for a rule comes
    from a verdict, so the person told "no" sees the rule, the article, the original text and the
    numbers that were used.
    """

    code = "rule.refused"
    status = 422
    zh = "不符合议事规则（{article}）：{explanation_zh}"
    en = "Refused by rule {rule} ({article}): {explanation_en}"

    @classmethod
    def of(cls, verdict: Any) -> RuleRefusal:
        code = "rule.needs_setting" if str(verdict.outcome) == "needs_setting" else cls.code
        error = cls(
            rule=verdict.rule,
            article=verdict.citation.article,
            explanation_zh=verdict.explanation_zh,
            explanation_en=verdict.explanation_en,
            fields={
                "rule": verdict.rule,
                "outcome": str(verdict.outcome),
                "article": verdict.citation.article,
                "original": verdict.citation.original,
                "numbers": verdict.numbers,
                "rules_version": verdict.rules_version,
                "missing_settings": verdict.missing_settings,
            },
        )
        error.code = code  # type: ignore[misc]
        return error


class ProductionNotReady(YishiError):
    code = "config.production_not_ready"
    status = 500
    zh = "生产模式无法启动，缺少或不安全的配置：{missing}"
    en = "Production mode cannot start; missing or unsafe: {missing}"


def pick_language(accept_language: str | None) -> str:
    """Simplified Chinese unless the caller prefers English (by q-value order)."""
    if not accept_language:
        return "zh"
    best: tuple[float, str] = (-1.0, "zh")
    for part in accept_language.split(","):
        piece = part.strip().split(";")
        tag = piece[0].strip().lower()
        q = 1.0
        for p in piece[1:]:
            p = p.strip()
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        lang = "en" if tag.startswith("en") else "zh" if tag.startswith("zh") else None
        if lang and q > best[0]:
            best = (q, lang)
    return best[1]


def to_payload(error: YishiError, lang: str) -> dict[str, Any]:
    return {
        "error": {
            "code": error.code,
            "message": error.message(lang),
            "fields": error.fields,
        }
    }


# --- accounts (sign-in throttling, tokens) ---------------------------------------------------


class AccountThrottled(RateLimited):
    """Too many failed sign-ins to one account: locked for a growing delay (only that account)."""

    code = "auth.account_throttled"
    zh = "该账号登录失败次数过多，已暂时锁定，请 {retry_after} 秒后再试。"
    en = "Too many failed sign-ins to this account; try again in {retry_after} seconds."


class CurrentPasswordWrong(YishiError):
    """Changing one's own password: the current password given is not right."""

    code = "auth.current_password_wrong"
    status = 403
    zh = "当前密码不正确。"
    en = "The current password is not right."


# --- enrolment and password codes ------------------------------------------------------------


class InvitationInvalid(YishiError):
    """One answer for every unusable invitation: unknown, used, withdrawn, expired, wrong unit."""

    code = "invitation.invalid"
    status = 400
    zh = "邀请码无效或已过期，请联系本单位管理员重新发送。"
    en = "This invitation code is not valid (or has expired); ask your unit admin for a new one."


class ResetCodeInvalid(YishiError):
    code = "password_reset.invalid"
    status = 400
    zh = "密码设置码无效或已过期，请联系管理员重新发放。"
    en = "This password code is not valid (or has expired); ask your admin for a new one."


# --- bad input -------------------------------------------------------------------------------
# Refused at the door (`core.web.inputs`) or by a route's own checks: never a 500. `fields` names
# the real path of the value in the request (`present`, `values.major_funds_threshold_wan`,
# `rule_versions[0].from`, a query or path parameter, a header), "body" for the body as a whole.


class MalformedBody(InvalidInput):
    code = "request.malformed"
    zh = "请求内容不是有效的 JSON：{detail}"
    en = "The request body is not valid JSON: {detail}"


class NulCharacter(InvalidInput):
    code = "request.nul_character"
    zh = "请求中含有空字符（NUL，\\u0000），已拒绝，请检查标出的字段。"
    en = "The request contains a NUL character (\\u0000) and was refused; see the marked field."


class NestedTooDeep(InvalidInput):
    code = "request.too_deep"
    zh = "请求内容嵌套过深（最多 {limit} 层）。"
    en = "The request body is nested too deeply (at most {limit} levels)."


class DateOutOfRange(InvalidInput):
    code = "request.date_out_of_range"
    zh = "日期超出可计算的范围（{first} 至 {last}），请检查标出的字段。"
    en = "The date is outside the range that can be computed ({first} to {last})."


class BodyTooLarge(YishiError):
    code = "request.too_large"
    status = 413
    zh = "请求内容过大（最多 {limit} 字节）。"
    en = "The request body is too large (at most {limit} bytes)."


class UnsupportedMediaType(YishiError):
    code = "request.unsupported_media_type"
    status = 415
    zh = "请求内容须为 JSON（Content-Type: application/json），收到的是：{got}。"
    en = "The request body must be JSON (Content-Type: application/json); got: {got}."


# --- storage ---------------------------------------------------------------------------------


class TenantNameTaken(Conflict):
    """A new tenant's derived schema or role name is already held by another tenant."""

    code = "tenant.name_taken"
    zh = "单位 {slug} 的存储名称 {name} 已被单位 {other} 占用。"
    en = "Storage name {name} of tenant {slug} is already held by tenant {other}."


class SchemaBehind(YishiError):
    """Production serving found migrations not yet applied (they are `yishi migrate`'s job)."""

    code = "storage.schema_behind"
    status = 503
    zh = "数据库结构落后于本版本（{what}），请先运行 yishi migrate。"
    en = "The database schema is behind this version ({what}): run `yishi migrate` first."


class OwnerNotHeld(YishiError):
    """This process holds the application's login only (production serving), not the owner's."""

    code = "storage.owner_not_held"
    status = 500
    zh = "本进程只持有应用登录，不能迁移或创建存储；请运行 yishi migrate。"
    en = "This process holds the application login only; run `yishi migrate` to change storage."


class StorageSetupError(YishiError):
    """The database refused a step that isolation relies on (e.g. revoking TEMPORARY)."""

    code = "storage.setup"
    status = 500
    zh = "存储设置未完成：{what}"
    en = "Storage setup incomplete: {what}"


class LoginTaken(Conflict):
    """Creating an account with a login that is in use (answered only to a code holder)."""

    code = "account.login_taken"
    zh = "该登录名已被使用：若是您本人的账号，请用其密码接受邀请；否则请换一个登录名。"
    en = "That login is taken: if it is your account, accept with its password; else pick another."
