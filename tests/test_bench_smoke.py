"""The benchmark modules import and produce their tables (shape only: timing is never asserted)."""

from __future__ import annotations

from pathlib import Path

from bench import authz, floors, onboarding, requests
from bench.common import Result


def test_authz_tiny_table() -> None:
    results = [authz.measure(n, samples=200, cold_samples=5) for n in (2, 8)]
    assert [r["tenants"] for r in results] == [2, 8]
    for r in results:
        assert set(r) == {"tenants", "warm_ms", "cold_ms", "cold_p99_ms", "load_ms", "kb"}
        assert all(v >= 0 for v in r.values())
    lines = authz.render(results).splitlines()
    assert len(lines) == 2 + 2
    assert lines[0].startswith("| tenants |")


def test_requests_table_shape() -> None:
    pair = requests._pairs("ys_token", 1, [1, 2, 3])[0]
    row = requests.Row(pair, [Result(900, 2.0, 900, 0)] * 3, [Result(1000, 1.0, 1000, 0)] * 3)
    lines = requests.render([row]).splitlines()
    assert lines[0].split("|")[1].strip() == "endpoint"
    assert len(lines[0].split("|")) == len(requests.HEADERS) + 2
    assert "0.90" in lines[2] and "2.0×" in lines[2]


def test_manifest_copies(tmp_path: Path) -> None:
    onboarding.copies(onboarding.MANIFEST, tmp_path, 3)
    texts = [p.read_text() for p in sorted(tmp_path.glob("*.toml"))]
    assert len(texts) == 3
    assert 'slug = "bench-0002"' in texts[1]
    assert 'login = "b0002.nb.admin"' in texts[1]


def test_floor_app_builds() -> None:
    assert floors.build_app(None).route_handler_method_map
