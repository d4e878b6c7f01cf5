"""The platform registry of tenants: create, update, suspend, delete, export."""

from __future__ import annotations

import asyncio
import io
import zipfile
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import msgspec

from core.audit.actions import Actor, platform_action
from core.audit.tables import PlatformAuditEntry
from core.caching import TENANT_ROWS
from core.errors import Conflict, InvalidInput, TenantNameTaken, TenantNotFound
from core.prepared import Prepared
from core.rules.engine import TenantRules, VersionStep, rules_for, settings_specs
from core.rules.plugins import available_jurisdictions, hooks_for
from core.rules.settings import clean_settings
from core.tenancy.context import (
    SLUG_RE,
    BoundTenant,
    bind_tenant,
    stored_names,
    tenant_names,
)
from core.tenancy.migrate import drop_tenant_storage, migrate_tenant, migration_lock
from core.tenancy.storage import for_update, get_storage, tenant_tables
from core.tenancy.tables import Membership, Tenant

__all__ = [
    "STATUSES",
    "do_create_tenant",
    "do_delete_tenant",
    "do_patch_settings",
    "do_set_status",
    "do_update_tenant",
    "export_tenant",
    "get_tenant",
    "list_tenants",
    "tenant_rule_versions",
    "tenant_rules",
    "tenant_settings",
]

STATUSES = ("active", "suspended")


def _now() -> datetime:
    return datetime.now(UTC)


def tenant_settings(row: dict[str, Any]) -> dict[str, Any]:
    raw = row.get("settings") or "{}"
    return msgspec.json.decode(raw) if isinstance(raw, str | bytes) else dict(raw)


def tenant_rule_versions(row: dict[str, Any]) -> list[VersionStep]:
    raw = row.get("rule_versions") or "[]"
    data = raw if isinstance(raw, bytes | str) else msgspec.json.encode(raw)
    return msgspec.json.decode(data, type=list[VersionStep])


def tenant_rules(row: dict[str, Any], on: date | None = None) -> TenantRules:
    """The rules this tenant works under on day `on` (default today), from its registry row.

    Built once per (plugin, stored settings, stored schedule, day) and shared: a `TenantRules`
    is read-only once built, and its inputs are the row's stored text, so a changed setting is
    a new key, never a stale answer."""
    day = on or datetime.now(UTC).date()  # the day TenantRules itself defaults to
    settings, versions = row.get("settings") or "{}", row.get("rule_versions") or "[]"
    if isinstance(settings, str) and isinstance(versions, str):
        return _rules_of(row["plugin"], settings, versions, day)
    return rules_for(row["plugin"], tenant_settings(row), tenant_rule_versions(row), day)


@lru_cache(maxsize=4096)
def _rules_of(plugin: str, settings: str, versions: str, day: date) -> TenantRules:
    row = {"settings": settings, "rule_versions": versions}
    return rules_for(plugin, tenant_settings(row), tenant_rule_versions(row), day)


async def get_tenant(slug: str) -> dict[str, Any] | None:
    if not SLUG_RE.match(slug):
        return None
    return await Tenant.select().where(Tenant.slug == slug).first()  # type: ignore[no-any-return]


_TENANT_BY_SLUG = Prepared(lambda slug: Tenant.select().where(Tenant.slug == slug).limit(1))


async def request_tenant(slug: str) -> dict[str, Any] | None:
    """The registry row as the request path reads it: remembered for `YISHI_CACHE_SECONDS`, and
    forgotten in this process by every platform action tagged with the tenant (suspension,
    settings, roles: core/caching.py). Writers read `get_tenant`, which is never cached."""
    if not SLUG_RE.match(slug):
        return None
    row = TENANT_ROWS.get(slug)
    if row is None:
        generation = TENANT_ROWS.generation
        row = await _TENANT_BY_SLUG.first(slug)
        if row is None:
            return None
        TENANT_ROWS.put(slug, row, generation)
    return dict(row)  # a copy: a caller changing it must not change the cached row


async def list_tenants() -> list[dict[str, Any]]:
    return await Tenant.select().order_by(Tenant.slug)  # type: ignore[no-any-return]


def _clean(plugin: str, settings: dict[str, Any]) -> dict[str, Any]:
    """`settings` in their stored form (`clean_settings`); a value with a problem is left as it
    is, for `_check` to report."""
    if plugin not in available_jurisdictions():
        return settings
    cleaned, _ = clean_settings(settings_specs(plugin), settings)
    return {k: cleaned.get(k, v) for k, v in settings.items()}


def _check(slug: str, plugin: str, settings: dict[str, Any]) -> dict[str, Any]:
    """Refuse a bad slug, plugin or settings (`InvalidInput`, every field at once); answer the
    settings in their stored form, the one every writer stores (API and manifests alike)."""
    fields: dict[str, Any] = {}
    cleaned = settings
    if not SLUG_RE.match(slug):
        fields["slug"] = (
            "小写字母、数字和连字符，2–40 个字符，字母开头 (lowercase, digits, hyphens)"
        )
    if plugin not in available_jurisdictions():
        fields["plugin"] = f"未知的辖区插件 (unknown plugin): {plugin}"
    else:
        cleaned, problems = clean_settings(settings_specs(plugin), settings)
        fields.update({f"settings.{k}": v for k, v in problems.items()})
    if fields:
        raise InvalidInput(fields=fields)
    return cleaned


def _check_versions(plugin: str, steps: list[dict[str, Any]]) -> None:
    known = {v.version for v in hooks_for(plugin).rule_versions() or []}
    unknown = sorted({s["version"] for s in steps} - known)
    if unknown:
        raise InvalidInput(
            "未知的规则版本：{unknown}。可用：{known}。",
            "Unknown rule-set versions: {unknown}. Available: {known}.",
            fields={"rule_versions": unknown},
            unknown=", ".join(unknown),
            known=", ".join(sorted(known)),
        )


async def do_create_tenant(
    slug: str,
    name: str,
    plugin: str,
    *,
    actor: Actor,
    settings: dict[str, Any] | None = None,
    name_en: str = "",
    manifest: str = "",
) -> dict[str, Any]:
    """Provision the tenant's storage, migrate it, then register it (audited).

    Its schema and role names are derived here, once, and stored on its row; a name another
    tenant already holds is refused (`tenant.name_taken`), never shared."""
    settings = _check(slug, plugin, settings or {})
    if await get_tenant(slug):
        raise Conflict("单位标识 {slug} 已存在。", "Tenant {slug} already exists.", slug=slug)
    storage = get_storage()
    bound = tenant_names(slug, storage.role_prefix)
    # Under the migration lock: two creations never take one name, nor race a `yishi migrate`.
    async with migration_lock(storage):
        await _refuse_taken_names(bound)
        # Storage first: a registry row never points at storage that does not exist. A crash
        # between the two leaves an unregistered schema/file that the next create reuses.
        await migrate_tenant(storage, bound)
        async with platform_action(
            actor,
            "tenant.create",
            f"tenant:{slug}",
            tenant=slug,
            name=name,
            plugin=plugin,
            settings=settings,
            schema=bound.schema,
            role=bound.role,
        ):
            await Tenant.insert(
                Tenant(
                    slug=slug,
                    name=name,
                    name_en=name_en,
                    plugin=plugin,
                    settings=msgspec.json.encode(settings).decode(),
                    manifest=manifest,
                    schema_name=bound.schema,
                    role_name=bound.role,
                )
            )
    return await get_tenant(slug)  # type: ignore[return-value]


async def _refuse_taken_names(bound: BoundTenant) -> None:
    for column, name in ((Tenant.schema_name, bound.schema), (Tenant.role_name, bound.role)):
        other = await Tenant.select(Tenant.slug).where(column == name).first()
        if other is not None:
            raise TenantNameTaken(slug=bound.slug, name=name, other=other["slug"])


async def do_update_tenant(
    slug: str,
    *,
    actor: Actor,
    name: str | None = None,
    name_en: str | None = None,
    plugin: str | None = None,
    settings: dict[str, Any] | None = None,
    manifest: str | None = None,
    rule_versions: list[Any] | None = None,
    row: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Change registry fields; records old and new values of what changed.

    `row`: the tenant's whole registry row when the caller has just read it (it is not read
    again); the answer is that row with the changes, also not read again."""
    if row is None:
        row = await get_tenant(slug)
    if row is None:
        raise TenantNotFound()
    if settings is not None:
        settings = _clean(plugin if plugin is not None else row["plugin"], settings)
    new: dict[str, Any] = {
        "name": name if name is not None else row["name"],
        "name_en": name_en if name_en is not None else row["name_en"],
        "plugin": plugin if plugin is not None else row["plugin"],
        "settings": settings if settings is not None else tenant_settings(row),
        "manifest": manifest if manifest is not None else row["manifest"],
        "rule_versions": (
            msgspec.to_builtins(rule_versions)
            if rule_versions is not None
            else msgspec.to_builtins(tenant_rule_versions(row))
        ),
    }
    old = {
        **{k: row[k] for k in ("name", "name_en", "plugin", "manifest")},
        "settings": tenant_settings(row),
        "rule_versions": msgspec.to_builtins(tenant_rule_versions(row)),
    }
    changes = {k: {"old": old[k], "new": new[k]} for k in new if old[k] != new[k]}
    if not changes:
        return row
    new["settings"] = _check(slug, new["plugin"], new["settings"])
    _check_versions(new["plugin"], new["rule_versions"])
    action = "tenant.settings" if set(changes) <= {"settings", "rule_versions"} else "tenant.update"
    values = {
        "name": new["name"],
        "name_en": new["name_en"],
        "plugin": new["plugin"],
        "settings": msgspec.json.encode(new["settings"]).decode(),
        "manifest": new["manifest"],
        "rule_versions": msgspec.json.encode(new["rule_versions"]).decode(),
        "updated_at": _now(),
    }
    async with platform_action(actor, action, f"tenant:{slug}", tenant=slug, changes=changes):
        await Tenant.update({getattr(Tenant, k): v for k, v in values.items()}).where(
            Tenant.slug == slug
        )
    return {**row, **values}


async def do_set_status(slug: str, status: str, *, actor: Actor) -> None:
    if status not in STATUSES:
        raise InvalidInput(fields={"status": " | ".join(STATUSES)})
    row = await get_tenant(slug)
    if row is None:
        raise TenantNotFound()
    if row["status"] == status:
        return
    async with platform_action(
        actor, f"tenant.{status}", f"tenant:{slug}", tenant=slug, old=row["status"], new=status
    ):
        await Tenant.update({Tenant.status: status, Tenant.updated_at: _now()}).where(
            Tenant.slug == slug
        )


async def do_delete_tenant(slug: str, *, actor: Actor) -> None:
    """Delete a tenant's storage and registry entry. The platform audit keeps the record."""
    row = await get_tenant(slug)
    if row is None:
        raise TenantNotFound()
    bound = stored_names(row)  # read before the row goes
    async with platform_action(
        actor,
        "tenant.delete",
        f"tenant:{slug}",
        tenant=slug,
        name=row["name"],
        plugin=row["plugin"],
        # Dropped after the commit: if that fails, the entry still says what storage remains.
        schema=bound.schema,
        role=bound.role,
    ):
        await Tenant.delete().where(Tenant.slug == slug)
        await Membership.delete().where(Membership.tenant == slug)
    await drop_tenant_storage(get_storage(), bound)


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


async def export_tenant(slug: str, target: Path) -> Path:
    """Write the tenant's whole data as one ZIP: registry entry, every table as JSON Lines, and
    the platform audit entries about it. Portable across backends."""
    row = await get_tenant(slug)
    if row is None:
        raise TenantNotFound()
    enc = msgspec.json.Encoder(enc_hook=_json_default)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        registry = {**row, "settings": tenant_settings(row)}
        archive.writestr("tenant.json", enc.encode(registry))
        with bind_tenant(row):
            counts = {}
            for table in tenant_tables():
                rows = await table.select().order_by(table._meta.primary_key)
                counts[table._meta.tablename] = len(rows)
                archive.writestr(
                    f"tables/{table._meta.tablename}.jsonl",
                    b"".join(enc.encode(r) + b"\n" for r in rows),
                )
        audit = await PlatformAuditEntry.select().where(PlatformAuditEntry.tenant == slug)
        archive.writestr("platform_audit.jsonl", b"".join(enc.encode(r) + b"\n" for r in audit))
        archive.writestr(
            "manifest.json",
            enc.encode(
                {
                    "format": "yishi-tenant-export/1",
                    "tenant": slug,
                    "exported_at": _now(),
                    "tables": counts,
                }
            ),
        )
    await asyncio.to_thread(target.write_bytes, buffer.getvalue())
    return target


async def do_patch_settings(
    slug: str,
    *,
    actor: Actor,
    values: dict[str, Any] | None = None,
    rule_versions: list[Any] | None = None,
) -> dict[str, Any]:
    """Change only the given settings keys (`None` unsets one) and/or the version schedule.

    The row is read inside the action's own transaction (`FOR UPDATE` on PostgreSQL; SQLite's
    write transaction is `BEGIN IMMEDIATE`, which already serialises writers), so two concurrent
    patches of different keys both survive: each merges into what the other committed.
    """
    values = values or {}
    async with platform_action(actor, "tenant.settings", f"tenant:{slug}", tenant=slug) as act:
        row = await for_update(Tenant.select().where(Tenant.slug == slug)).first()
        if row is None:
            raise TenantNotFound()
        old_settings = tenant_settings(row)
        new_settings = dict(old_settings)
        for key, value in values.items():
            if value is None:
                new_settings.pop(key, None)
            else:
                new_settings[key] = value
        old_versions = msgspec.to_builtins(tenant_rule_versions(row))
        new_versions = (
            msgspec.to_builtins(rule_versions) if rule_versions is not None else old_versions
        )
        new_settings = _check(slug, row["plugin"], new_settings)
        _check_versions(row["plugin"], new_versions)
        changes: dict[str, Any] = {}
        keys = {k for k in values if old_settings.get(k) != new_settings.get(k)}
        if keys:
            changes["settings"] = {
                "old": {k: old_settings[k] for k in sorted(keys) if k in old_settings},
                "new": {k: new_settings[k] for k in sorted(keys) if k in new_settings},
            }
        if new_versions != old_versions:
            changes["rule_versions"] = {"old": old_versions, "new": new_versions}
        act.details["changes"] = changes
        if changes:
            await Tenant.update(
                {
                    Tenant.settings: msgspec.json.encode(new_settings).decode(),
                    Tenant.rule_versions: msgspec.json.encode(new_versions).decode(),
                    Tenant.updated_at: _now(),
                }
            ).where(Tenant.slug == slug)
    return await get_tenant(slug)  # type: ignore[return-value]
