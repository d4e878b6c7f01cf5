"""One action, one unit of work: a `do_*` reads what it changes inside its own transaction."""

from __future__ import annotations

import asyncio

from tests.world import World


async def test_concurrent_settings_patches_of_different_keys_both_survive(api: World) -> None:
    admin = await api.auth("a.admin", "alpha")
    url = "/api/v1/t/alpha/settings"
    keys = ("inquiry_reply_working_days", "major_funds_threshold_wan")
    for round_ in range(10):
        await api.api.patch(url, headers=admin, json={"values": {k: None for k in keys}})
        first, second = await asyncio.gather(
            api.api.patch(url, headers=admin, json={"values": {keys[0]: 5 + round_ % 3}}),
            api.api.patch(url, headers=admin, json={"values": {keys[1]: 50 + round_}}),
        )
        assert first.status_code == second.status_code == 200, (first.text, second.text)
        r = await api.api.get(url, headers=admin)
        values = {s["key"]: s["value"] for s in r.json()["settings"]}
        assert values[keys[0]] == 5 + round_ % 3, f"round {round_}: {keys[0]} lost"
        assert values[keys[1]] == 50 + round_, f"round {round_}: {keys[1]} lost"
    await api.api.patch(url, headers=admin, json={"values": {k: None for k in keys}})
