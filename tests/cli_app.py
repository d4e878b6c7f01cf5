"""A short-lived app on the CLI's data folder, for tests that follow a CLI step with an API call."""

from __future__ import annotations

import asyncio

import httpx

from core.app import create_app
from core.settings import get_settings
from core.tenancy.storage import configure


def use_code_then_sign_in(code: str, login: str, scope: str) -> int:
    """Set a password with `code`, then ask for a token; returns the token answer's status."""

    async def go() -> int:
        settings = get_settings()
        storage = configure(settings.database)
        await storage.start()
        try:
            app = create_app(settings, storage)
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
                r = await client.post(
                    "/api/v1/auth/password-code",
                    json={"code": code, "new_password": "a good long passphrase"},
                )
                assert r.status_code == 204, r.text
                r = await client.post(
                    "/api/v1/auth/token",
                    json={
                        "login": login,
                        "password": "a good long passphrase",
                        "scope": "platform",
                    },
                )
                # 409: not an operator, but the password was right (a wrong one is 401).
                return r.status_code if r.status_code != 409 else 201
        finally:
            await storage.stop()

    return asyncio.run(go())
