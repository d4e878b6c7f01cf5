"""A small, complete jurisdiction used by the tests: two rule-set versions, one blank setting.

Version testland-1 (from 2020-01-01) decides personnel items with more than half present;
version testland-2 (from 2025-01-01) needs two-thirds (第二条).
"""

from __future__ import annotations

from datetime import date

from core.hookspecs import hookimpl
from core.rules import compendium as K
from core.rules import defaults
from core.rules.counting import (
    HALF_OR_MORE,
    MORE_THAN_HALF,
    TWO_THIRDS_OR_MORE,
    needs_setting,
    passing_verdict,
    quorum_verdict,
    setting,
)
from core.rules.types import (
    AdHocPolicy,
    Citation,
    Classification,
    ConveningRule,
    FollowUpRule,
    ItemKind,
    ItemKindInfo,
    JurisdictionInfo,
    LeaveRule,
    MinutesDue,
    MinutesRule,
    NoticeRule,
    Obligation,
    Outcome,
    ProcedureRule,
    RuleEntry,
    RuleVersion,
    SettingSpec,
    SpeakingOrder,
    Verdict,
    VotingRules,
)

C1 = Citation(article="第一条", original="党组会议应当有半数以上党组成员到会方可召开。")
C2 = Citation(article="第二条", original="讨论和决定干部任免事项必须有三分之二以上党组成员到会。")
C3 = Citation(article="第三条", original="赞成票超过应到会党组成员半数为通过。")
C4 = Citation(article="第四条", original="会议议题应当在会议召开前2个工作日通知党组成员。")
C5 = Citation(article="第五条", original="书记末位发言。")
C6 = Citation(article="第六条", original="党组每年召开x次专题会议。")

RULES = [
    RuleEntry(
        rule="testland.quorum.meeting",
        topic="quorum",
        summary_zh="半数以上到会",
        summary_en="at least half present",
        citation=C1,
    ),
    RuleEntry(
        rule="testland.quorum.personnel",
        topic="quorum",
        summary_zh="干部任免三分之二",
        summary_en="two-thirds for personnel (v2)",
        citation=C2,
    ),
    RuleEntry(
        rule="testland.passing",
        topic="voting",
        summary_zh="超过应到会半数",
        summary_en="more than half of members expected",
        citation=C3,
    ),
    RuleEntry(
        rule="testland.notice.members",
        topic="notice",
        summary_zh="提前2个工作日",
        summary_en="2 working days before",
        citation=C4,
    ),
    RuleEntry(
        rule="testland.speaking",
        topic="voting",
        summary_zh="书记末位发言",
        summary_en="secretary speaks last",
        citation=C5,
    ),
    RuleEntry(
        rule="testland.adhoc",
        topic="notice",
        summary_zh="临时动议",
        summary_en="ad-hoc motions",
        citation=C4,
    ),
    RuleEntry(
        rule="testland.obligation.sessions",
        topic="obligations",
        summary_zh="每年x次",
        summary_en="x sessions a year",
        citation=C6,
    ),
    RuleEntry(
        rule="testland.classify",
        topic="oversight",
        summary_zh="分类",
        summary_en="classification",
        citation=C2,
    ),
]


@hookimpl
def jurisdiction() -> JurisdictionInfo:
    return JurisdictionInfo(
        name="testland",
        body_zh="测试党组",
        body_en="Testland",
        source_title="测试",
        source_date="2020-01-01",
        source_file="source.txt",
        rules_version="testland-2",
    )


@hookimpl
def rule_versions() -> list[RuleVersion]:
    return [
        RuleVersion(version="testland-1", effective_from=date(2020, 1, 1), source_title="v1"),
        RuleVersion(version="testland-2", effective_from=date(2025, 1, 1), source_title="v2"),
    ]


@hookimpl
def rule_catalog(ctx):  # type: ignore[no-untyped-def]
    return [*RULES, defaults.first_item_entry("testland", None, C1)]


@hookimpl
def settings_spec() -> list[SettingSpec]:
    return [
        SettingSpec(
            key="sessions_per_year",
            type="int",
            label_zh="专题会议次数",
            label_en="sessions a year",
            unit="次/年",
            minimum=1,
            maximum=12,
            article="第六条",
            original="党组每年召开x次专题会议。",
        )
    ]


@hookimpl
def item_kinds(ctx):  # type: ignore[no-untyped-def]
    return [
        ItemKindInfo(kind=ItemKind.ORDINARY, label_zh="一般", label_en="ordinary"),
        ItemKindInfo(
            kind=ItemKind.PERSONNEL, label_zh="干部任免", label_en="personnel", citation=C2
        ),
    ]


@hookimpl
def meeting_quorum(ctx, attendance):  # type: ignore[no-untyped-def]
    return quorum_verdict("testland.quorum.meeting", ctx, attendance, HALF_OR_MORE, C1)


@hookimpl
def item_quorum(ctx, kind, attendance):  # type: ignore[no-untyped-def]
    if kind == ItemKind.PERSONNEL and ctx.version == "testland-2":
        return quorum_verdict("testland.quorum.personnel", ctx, attendance, TWO_THIRDS_OR_MORE, C2)
    return quorum_verdict("testland.quorum.meeting", ctx, attendance, HALF_OR_MORE, C1)


@hookimpl
def passing(ctx, kind, tally):  # type: ignore[no-untyped-def]
    return passing_verdict("testland.passing", ctx, tally, MORE_THAN_HALF, C3)


@hookimpl
def voting_rules(ctx, kind):  # type: ignore[no-untyped-def]
    return VotingRules(
        methods=["hands", "secret_ballot"],
        default_method="hands",
        named_by_default=False,
        item_by_item=True,
        person_by_person=False,
        split_opinions_defer=False,
        citations=[C3],
    )


@hookimpl
def speaking_order(ctx, kind, members):  # type: ignore[no-untyped-def]
    order = sorted(members, key=lambda m: (m.position == "secretary", m.rank))
    return SpeakingOrder(
        order=[m.id for m in order],
        rule="testland.speaking",
        explanation_zh="书记末位发言",
        explanation_en="secretary last",
        citation=C5,
    )


@hookimpl
def notice_rules(ctx, kind, meeting_kind):  # type: ignore[no-untyped-def]
    return [
        NoticeRule(
            rule="testland.notice.members",
            recipients="members",
            days_before=2,
            working_days=True,
            citation=C4,
        )
    ]


@hookimpl
def ad_hoc_motion(ctx, kind, emergency):  # type: ignore[no-untyped-def]
    return Verdict(
        rule="testland.adhoc",
        outcome=Outcome.NOT_MET,
        numbers={"emergency": emergency},
        explanation_zh="议题须提前通知",
        explanation_en="items need notice",
        citation=C4,
        rules_version=ctx.version,
    )


@hookimpl
def emergency_disposal(ctx):  # type: ignore[no-untyped-def]
    return ProcedureRule(rule="testland.emergency", allowed=False)


@hookimpl
def reconsideration(ctx):  # type: ignore[no-untyped-def]
    return ProcedureRule(rule="testland.reconsideration", allowed=False)


@hookimpl
def classify_item(ctx, item):  # type: ignore[no-untyped-def]
    kind = ItemKind.PERSONNEL if "personnel" in item.categories else ItemKind.ORDINARY
    return Classification(kind=kind, verdicts=[])


@hookimpl
def obligations(ctx):  # type: ignore[no-untyped-def]
    return [
        Obligation(
            rule="testland.obligation.sessions",
            kind="study_session",
            label_zh="专题会议",
            count=setting(ctx, "sessions_per_year"),
            count_setting="sessions_per_year",
            period="year",
            citation=C6,
        )
    ]


@hookimpl
def report_recipients(ctx, event):  # type: ignore[no-untyped-def]
    return []


@hookimpl
def access_policy():  # type: ignore[no-untyped-def]
    return None


def sessions_verdict(ctx):  # type: ignore[no-untyped-def]
    """Used by the tests: a rule that needs the blank of 第六条."""
    if setting(ctx, "sessions_per_year") is None:
        return needs_setting("testland.obligation.sessions", ctx, ["sessions_per_year"], C6)
    return None


# --- the meeting lifecycle's questions: the core's defaults where this source is silent ----------


@hookimpl
def convening(ctx):  # type: ignore[no-untyped-def]
    return ConveningRule(convenes=["secretary"], citation=C5)


@hookimpl
def minutes_rules(ctx, kind):  # type: ignore[no-untyped-def]
    return MinutesRule(due=MinutesDue.DECIDED_ITEMS, signers=["secretary"], citation=C5)


@hookimpl
def leave_rules(ctx):  # type: ignore[no-untyped-def]
    return LeaveRule(approver="", citation=K.XZ_WRITTEN_OPINION)


@hookimpl
def materials_rules(ctx, kind):  # type: ignore[no-untyped-def]
    return defaults.materials(kind, personnel=kind == ItemKind.PERSONNEL)


@hookimpl
def follow_up(ctx):  # type: ignore[no-untyped-def]
    return FollowUpRule(tracker_zh="党组成员", citation=K.XZ_FOLLOW_UP)


@hookimpl
def ad_hoc_policy(ctx):  # type: ignore[no-untyped-def]
    return AdHocPolicy(never=[ItemKind.PERSONNEL], citation=K.XZ_NO_AD_HOC)


@hookimpl
def circulation(ctx):  # type: ignore[no-untyped-def]
    return defaults.circulation("testland.procedure.circulation")


@hookimpl
def report_events(ctx):  # type: ignore[no-untyped-def]
    return []


@hookimpl
def agenda_order(ctx, meeting_kind, kinds):  # type: ignore[no-untyped-def]
    # The text is silent on 「第一议题」: not applicable, citing its meeting rule.
    return defaults.agenda_order(
        ctx, None, meeting_kind, kinds, rule="testland.meetings.first_item", silent=C1
    )
