"""No input crashes the server: every operation of the OpenAPI schema, fuzzed by schemathesis.

Runs on its own SQLite storage with the demo tenants, as a unit admin of one of them (so most
generated requests get past authentication and reach validation, services and the data layer).
Any answer of 500 or more fails, with the request that caused it.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, given, settings

from core.accounts.services import account_by_login, do_issue_token
from core.app import create_app
from core.audit.actions import Actor
from core.settings import DatabaseSettings, Settings
from core.tenancy.manifests import apply_manifests
from core.tenancy.migrate import migrate_platform
from core.tenancy.storage import configure

TENANTS = Path(__file__).resolve().parents[1] / "tenants"
SLUG = "ningbo-hrss"


def test_no_generated_request_crashes_the_server(tmp_path: Path) -> None:
    db = DatabaseSettings(data_dir=tmp_path / "data")
    storage = configure(db)

    async def setup() -> str:
        actor = Actor.system("fuzz")
        await migrate_platform(storage)
        await apply_manifests(TENANTS, actor=actor, demo=True)
        account = await account_by_login("nb.admin")
        assert account is not None
        secret, _ = await do_issue_token(account, "tenant", SLUG, actor=actor)
        return secret

    token = asyncio.run(setup())
    app = create_app(Settings(database=db), storage)
    schema = schemathesis.openapi.from_asgi("/schema/openapi.json", app)
    crashes: list[str] = []
    tried: list[str] = []
    logging.getLogger("yishi").setLevel(logging.CRITICAL)  # the crash log is the assertion
    for result in schema.get_all_operations():
        operation = result.ok()
        tried.append(operation.label)

        @settings(
            max_examples=12,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        @given(case=operation.as_strategy())
        def check(case: schemathesis.Case) -> None:
            if case.path_parameters and "tenant" in case.path_parameters:
                case.path_parameters["tenant"] = SLUG  # reach the handler, not only the 404
            response = case.call(headers={"Authorization": f"Bearer {token}"})
            if response.status_code >= 500:
                crashes.append(
                    f"{case.method} {case.formatted_path} {case.body!r}: {response.text}"
                )

        check()
    assert len(tried) >= 25
    assert crashes == []
