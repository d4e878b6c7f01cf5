"""The conformance kit certifies a good plugin and names the problem in a broken one."""

from __future__ import annotations

import types
from collections.abc import Iterator
from datetime import date

import pluggy
import pytest

from core import hookspecs
from core.access.permissions import MEMBERS_READ
from core.hookspecs import hookimpl
from core.rules import plugins as plugin_registry
from core.rules.conformance import check_plugin
from core.rules.engine import TenantRules, VersionStep
from core.rules.types import Attendance, Citation, ItemKind, Outcome, Verdict
from tests.rules import testland


def _manager(module: types.ModuleType) -> pluggy.PluginManager:
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    pm.register(module, name="testland")
    return pm


def _variant(**changes: object) -> types.ModuleType:
    """A copy of testland with some hook implementations replaced, added or removed."""
    module = types.ModuleType("testland_variant")
    module.__file__ = testland.__file__
    for name in dir(testland):
        if not name.startswith("__"):
            setattr(module, name, getattr(testland, name))
    for name, value in changes.items():
        if value is None:
            delattr(module, name)
        else:
            setattr(module, name, value)
    return module


def test_good_plugin_passes() -> None:
    assert check_plugin("testland", _manager(testland)) == []


def test_misspelled_hook_is_named() -> None:
    @hookimpl
    def meeting_quorom(ctx, attendance):  # type: ignore[no-untyped-def]
        return None

    problems = check_plugin(
        "testland", _manager(_variant(meeting_quorum=None, meeting_quorom=meeting_quorom))
    )
    text = "\n".join(problems)
    assert "meeting_quorom" in text and "unknown hook" in text
    assert "meeting_quorum: hook not implemented" in text


def test_bad_citation_is_named() -> None:
    wrong = Citation(article="第九条", original="党组会议每天召开三次。")

    @hookimpl
    def meeting_quorum(ctx, attendance):  # type: ignore[no-untyped-def]
        return Verdict(
            rule="testland.quorum.meeting",
            outcome=Outcome.MET,
            numbers={"x": 1},
            explanation_zh="是",
            explanation_en="yes",
            citation=wrong,
            rules_version=ctx.version,
        )

    problems = check_plugin("testland", _manager(_variant(meeting_quorum=meeting_quorum)))
    assert problems
    assert all("第九条 not found in the source" in p for p in problems)


def test_malformed_policy_is_named() -> None:
    @hookimpl
    def access_policy():  # type: ignore[no-untyped-def]
        return {"chairman": (MEMBERS_READ,), "member": ("members.read",)}

    problems = check_plugin("testland", _manager(_variant(access_policy=access_policy)))
    assert any("unknown role 'chairman'" in p for p in problems)
    assert any("member: permissions must be Permission values" in p for p in problems)


def test_verdict_outside_catalogue_and_boolean_answers_are_named() -> None:
    @hookimpl
    def passing(ctx, kind, tally):  # type: ignore[no-untyped-def]
        return tally.yes > tally.expected / 2

    problems = check_plugin("testland", _manager(_variant(passing=passing)))
    assert any("answered bool, not a Verdict" in p for p in problems)


@pytest.fixture
def registered() -> Iterator[None]:
    pm = plugin_registry.plugin_manager()
    pm.register(testland, name="testland")
    plugin_registry.hooks_for.cache_clear()
    yield
    pm.unregister(name="testland")
    plugin_registry.hooks_for.cache_clear()


def test_past_decisions_use_the_version_in_force(registered: None) -> None:
    att = Attendance(expected=9, present=5)
    old = TenantRules("testland", {}, on=date(2024, 6, 1))
    new = TenantRules("testland", {}, on=date(2025, 6, 1))
    assert old.version.version == "testland-1" and new.version.version == "testland-2"
    v_old = old.item_quorum(ItemKind.PERSONNEL, att)
    v_new = new.item_quorum(ItemKind.PERSONNEL, att)
    assert (v_old.outcome, v_old.rules_version) == (Outcome.MET, "testland-1")
    assert (v_new.outcome, v_new.rules_version) == (Outcome.NOT_MET, "testland-2")
    assert v_new.citation.article == "第二条"
    # A tenant that moves to version 2 only from 2026-01-01 keeps version 1 until then.
    schedule = [
        VersionStep("testland-1", date(2020, 1, 1)),
        VersionStep("testland-2", date(2026, 1, 1)),
    ]
    assert (
        TenantRules("testland", {}, schedule, on=date(2025, 6, 1)).version.version == "testland-1"
    )
    assert (
        TenantRules("testland", {}, schedule, on=date(2026, 1, 1)).version.version == "testland-2"
    )


def test_unset_setting_needs_setting(registered: None) -> None:
    rules = TenantRules("testland", {})
    v = testland.sessions_verdict(rules.ctx)
    assert v.outcome == Outcome.NEEDS_SETTING and v.missing_settings == ["sessions_per_year"]
    assert v.citation.article == "第六条" and "x次" in v.citation.original
    assert testland.sessions_verdict(TenantRules("testland", {"sessions_per_year": 4}).ctx) is None
