"""Hook implementations for Ningbo HRSS Party group (宁波市人社局党组).

Source: `source.txt` beside this module, 中共宁波市人力资源和社会保障局党组工作规则（征求意见稿）.
Rules that apply to every tenant (三重一大 quorum with the member in charge present, named votes
by default, notice at least one working day before, money thresholds) cite the shared oversight
compendium (`source="oversight"`). Counting is the core's (`core.rules.counting`): "以上" includes
the number itself, "超过" excludes it, the passing base is the members expected minus recused.
Identity, settings, rule ids and the catalogue are data in `catalog.py`; the calendar's
obligations and who receives what in `calendar.py`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import msgspec

from core.access.permissions import Permission
from core.hookspecs import hookimpl
from core.rules import compendium as K
from core.rules.builders import (
    ad_hoc_verdict,
    at_meeting,
    listed_kind,
    major_notice,
    rule_verdict,
    strictest_kind,
    with_notice,
)
from core.rules.counting import (
    HALF_OR_MORE,
    MORE_THAN_HALF,
    TWO_THIRDS_OR_MORE,
    FixedAnswer,
    FundsWording,
    counted_obligations,
    funds_verdict,
    not_applicable,
    passing_verdict,
    quorum_verdict,
)
from core.rules.defaults import first_item_entry
from core.rules.scope import compendium_scope, is_major
from core.rules.types import (
    Attendance,
    Binding,
    Classification,
    ClassifyInput,
    DeferralRule,
    DeferTrigger,
    ItemKind,
    ItemKindInfo,
    JurisdictionInfo,
    MeetingKind,
    MemberFacts,
    NoticeRule,
    Obligation,
    Outcome,
    ProcedureRule,
    Recipient,
    RuleContext,
    RuleEntry,
    RuleVersion,
    SettingSpec,
    SpeakingOrder,
    Tally,
    Verdict,
    VotingRules,
)
from plugins.ningbo import citations as C
from plugins.ningbo.calendar import OBLIGATIONS, RECIPIENTS
from plugins.ningbo.catalog import (
    CATALOG,
    FUNDS_THRESHOLD,
    INFO,
    KIND_INFO,
    KINDS,
    MAJOR_FOR_SPEAKING,
    R_ADHOC_EMERGENCY,
    R_ADHOC_MAJOR,
    R_ADHOC_PERSONNEL,
    R_ADHOC_REFUSED,
    R_CHAIR_LAST,
    R_CLASSIFY_DISCIPLINE,
    R_CLASSIFY_FUNDS,
    R_CLASSIFY_MAJOR,
    R_CLASSIFY_ORDINARY,
    R_CLASSIFY_PERSONNEL,
    R_EMERGENCY_DISPOSAL,
    R_NOTICE_INSPECTORS,
    R_NOTICE_INSPECTORS_MAJOR,
    R_NOTICE_MEMBERS,
    R_NOTICE_WORKING_DAY,
    R_PASSING,
    R_QUORUM_DISCIPLINE,
    R_QUORUM_MAJOR,
    R_QUORUM_MEETING,
    R_QUORUM_PERSONNEL,
    R_RECONSIDERATION,
    R_SECRETARY_LAST,
    SANZHONG_YIDA,
    SETTINGS,
    VERSION,
)
from plugins.ningbo.meetings import FIRST_ITEM, FIRST_ITEM_SILENT

__all__ = [
    "INFO",
    "SETTINGS",
    "access_policy",
    "ad_hoc_motion",
    "classify_item",
    "emergency_disposal",
    "item_kinds",
    "item_quorum",
    "jurisdiction",
    "meeting_quorum",
    "notice_rules",
    "obligations",
    "passing",
    "reconsideration",
    "report_recipients",
    "rule_catalog",
    "rule_versions",
    "settings_spec",
    "speaking_order",
    "voting_rules",
]


# --- identity ------------------------------------------------------------------------------------


@hookimpl
def jurisdiction() -> JurisdictionInfo:
    return INFO


@hookimpl
def rule_versions() -> list[RuleVersion]:
    # Only the current text is declared: 第二十九条 repeals the rules issued in August 2019, but
    # that text is not available to encode. The draft has no date ("自印发之日起实施"); the
    # platform takes it as in force from 2024-01-01.
    return [
        RuleVersion(
            version=VERSION,
            effective_from=date(2024, 1, 1),
            source_title=INFO.source_title,
            note="取代2019年8月印发的《宁波市人力资源和社会保障局党组工作规则》（第二十九条）；"
            "旧文本未收录。Replaces the August 2019 rules (art. 29); the old text is not held.",
        )
    ]


@hookimpl
def rule_catalog(ctx: RuleContext) -> list[RuleEntry]:
    # 「第一议题」 (agenda_order): its row beside the catalogue.
    return [*CATALOG, first_item_entry("ningbo", FIRST_ITEM, FIRST_ITEM_SILENT)]


@hookimpl
def settings_spec() -> list[SettingSpec]:
    return SETTINGS


# --- meetings and items --------------------------------------------------------------------------


@hookimpl
def item_kinds(ctx: RuleContext) -> list[ItemKindInfo]:
    return KIND_INFO


@hookimpl
def meeting_quorum(ctx: RuleContext, attendance: Attendance) -> Verdict:
    # 第十八条: "半数以上党组成员到会方可召开"; 以上 includes half itself (3 of 6 suffices).
    return quorum_verdict(R_QUORUM_MEETING, ctx, attendance, HALF_OR_MORE, C.C18_QUORUM)


@hookimpl
def item_quorum(ctx: RuleContext, kind: ItemKind, attendance: Attendance) -> Verdict:
    if kind == ItemKind.PERSONNEL:
        # 第十八条: 干部任免 needs two-thirds (以上, inclusive). As 重要人事任免 it is also
        # 三重一大, so the member in charge must be present (oversight, 三重一大实施办法 二).
        return quorum_verdict(
            R_QUORUM_PERSONNEL,
            ctx,
            attendance,
            TWO_THIRDS_OR_MORE,
            C.C18_QUORUM,
            in_charge_required=True,
            in_charge_citation=C.O_MAJOR_QUORUM,
        )
    if kind == ItemKind.DISCIPLINE:
        # 第十八条: 处分党员 needs two-thirds (以上, inclusive). 违纪处理 is 三重一大
        # (三重一大实施办法 一(二)5, under 重要人事任免), so, as for personnel, the member in
        # charge must be present too (三重一大实施办法 二: "其中分管此项工作的党组成员必须到会").
        return quorum_verdict(
            R_QUORUM_DISCIPLINE,
            ctx,
            attendance,
            TWO_THIRDS_OR_MORE,
            C.C18_QUORUM,
            in_charge_required=True,
            in_charge_citation=C.O_MAJOR_QUORUM,
        )
    if kind == ItemKind.MAJOR_MATTER:
        # Oversight compendium (三重一大实施办法 二): 半数以上 and the member in charge
        # present. This source has no stricter quorum for 三重一大.
        return quorum_verdict(
            R_QUORUM_MAJOR,
            ctx,
            attendance,
            HALF_OR_MORE,
            C.O_MAJOR_QUORUM,
            in_charge_required=True,
            in_charge_citation=C.O_MAJOR_QUORUM,
        )
    # Ordinary items, and any kind this source does not name, take the meeting rule (第十八条).
    return quorum_verdict(R_QUORUM_MEETING, ctx, attendance, HALF_OR_MORE, C.C18_QUORUM)


@hookimpl
def passing(ctx: RuleContext, kind: ItemKind, tally: Tally) -> Verdict:
    # 第十九条(四): "赞成票超过应到会党组成员半数为通过" for every kind; 超过 excludes half itself.
    # The base is the members expected minus recused (第十八条 回避); written opinions of absent
    # members are never votes (第十九条(四)), so tally.written_* never reach the count.
    return passing_verdict(R_PASSING, ctx, tally, MORE_THAN_HALF, C.C19_4_METHODS_PASSING)


@hookimpl
def voting_rules(ctx: RuleContext, kind: ItemKind) -> VotingRules:
    citations = [C.C19_4_METHODS_PASSING, C.C19_4_ITEM_BY_ITEM, C.C19_4_WRITTEN]
    sanzhong = kind in SANZHONG_YIDA
    if sanzhong:
        # Oversight compendium 第六条(五): "表决一般采用记名形式"; defer when for and against are
        # close. This source is silent on both, so they apply to 三重一大 kinds only: major
        # matters, personnel and discipline (三重一大实施办法 一(二)5; findings I2, I3).
        citations += [C.O_NAMED_DEFAULT, C.O_DEFER_WHEN_CLOSE]
    personnel = kind == ItemKind.PERSONNEL
    if personnel:
        # 第十七条 puts appointments under the cadre selection regulation, which votes each
        # appointment separately; with 第十九条(四) 逐项, each person is one item.
        citations.append(C.C17_PERSONNEL)
    return VotingRules(
        # 第十九条(四): 口头、举手、无记名投票或者记名投票.
        methods=["oral", "hands", "secret_ballot", "named_ballot"],
        # The source names no default; hands for ordinary items is the platform's choice.
        default_method="named_ballot" if sanzhong else "hands",
        named_by_default=sanzhong,
        item_by_item=True,  # 第十九条(四): 应当逐项进行表决.
        person_by_person=personnel,
        split_opinions_defer=sanzhong,
        proxy_votes=False,
        absent_opinion_counts=False,  # 第十九条(四): 书面意见不得计入票数.
        citations=citations,
        # 实施细则 第六条(五): each member's choice recorded for 三重一大, whatever the method.
        named=sanzhong,
        deferral=DeferralRule(
            mandatory=False,
            triggers=[DeferTrigger.CLOSE_VOTE],
            then_zh="留待下次会议讨论",
            citation=C.O_DEFER_WHEN_CLOSE,
        )
        if sanzhong
        else None,
    )


@hookimpl
def speaking_order(ctx: RuleContext, kind: ItemKind, members: list[MemberFacts]) -> SpeakingOrder:
    # The source fixes only who goes last; the others keep protocol order (rank, then id).
    chair = next((m for m in members if m.chairing), None)
    secretary = next((m for m in members if m.position == "secretary"), None)
    if kind in MAJOR_FOR_SPEAKING and secretary is not None:
        # 第十九条(三): on 重大事项 the secretary speaks after everyone else. If someone else chairs
        # while the secretary is present (第十八条 delegates the chair only when the secretary
        # cannot attend, so this should not arise), that chair goes just before the secretary.
        last = [secretary] if chair is None or chair.id == secretary.id else [chair, secretary]
        rule, citation = R_SECRETARY_LAST, C.C19_3_SECRETARY_LAST
        zh = "重大事项实行书记末位发言制：其他党组成员充分发表意见后，书记最后发言。"
        en = "Major matter: the secretary speaks last, after every other member."
    else:
        # 第十九条(四): the chair states his position last. With no chair marked, the secretary
        # is the chair (第十八条: 党组会议由党组书记召集并主持).
        presiding = chair or secretary
        last = [presiding] if presiding is not None else []
        rule, citation = R_CHAIR_LAST, C.C19_4_CHAIR_LAST
        zh = "表决实行会议主持人末位表态制：主持人最后表态。"
        en = "The chair states his position last."
    last_ids = {m.id for m in last}
    others = sorted((m for m in members if m.id not in last_ids), key=lambda m: (m.rank, m.id))
    return SpeakingOrder(
        order=[m.id for m in others] + [m.id for m in last],
        rule=rule,
        explanation_zh=zh,
        explanation_en=en,
        citation=citation,
    )


@hookimpl
def notice_rules(ctx: RuleContext, kind: ItemKind, meeting_kind: MeetingKind) -> list[NoticeRule]:
    # Issue 8, item 8: 处分党员 is 重要人事 (三重一大实施办法 一(二)5), a 人事问题 of 实施细则
    # 第六条(三): its materials are withheld until the meeting like an appointment's.
    personnel = kind in (ItemKind.PERSONNEL, ItemKind.DISCIPLINE)
    rules = [
        # 第十九条(一) "会议召开前1-2天向其他成员预告"; 第十八条 requires it in writing. Of the
        # range, the deadline enforced is the later one the source allows: 1 day.
        NoticeRule(
            rule=R_NOTICE_MEMBERS,
            recipients="members",
            days_before=1,
            working_days=False,
            written=True,
            materials=False,
            note_zh="原文“会议召开前1-2天”，按最迟期限取1天（自然日）；书面通知见第十八条。",
            citation=C.C19_1_NOTICE,
        ),
        # Oversight compendium, 议事规则实施细则 第六条(三): notice with items and materials at
        # least one working day before; personnel materials are only handed out at the meeting.
        NoticeRule(
            rule=R_NOTICE_WORKING_DAY,
            recipients="members",
            days_before=1,
            working_days=True,
            written=True,
            materials=not personnel,
            note_zh=(
                "人事议题须在通知上列明，材料上会时发放、会后收回，不随通知提前发送。"
                if personnel
                else "通知含议题及有关资料，至少提前1个工作日；确实无法书面送达的可电话通知。"
            ),
            citation=C.O_NOTICE_WORKING_DAY,
            # Item 13: the 细则 reaches every item through 第四条(十二).
            see_also=[K.XZ_ALL_ITEMS],
        ),
        # 第十九条(一): "并及时告知驻市委组织部纪检监察组": in time, no fixed number of days.
        NoticeRule(
            rule=R_NOTICE_INSPECTORS,
            recipients="inspectors",
            days_before=None,
            note_zh="议题确定后及时告知驻市委组织部纪检监察组。",
            citation=C.C19_1_NOTICE,
        ),
    ]
    if kind in SANZHONG_YIDA:
        # 第十九条(一): 三重一大 list and materials to the inspectors 2 working days before.
        rules.append(
            NoticeRule(
                rule=R_NOTICE_INSPECTORS_MAJOR,
                recipients="inspectors",
                days_before=2,
                working_days=True,
                materials=True,
                note_zh="“一般应”于会前2个工作日提供上会清单和资料；有特殊情况的，会前及时告知。",
                citation=C.C19_1_MAJOR_INSPECTORS,
            )
        )
    if kind in SANZHONG_YIDA:
        # 二(一) "提前X个工作日": the tenant's setting (item 10); 第十九条(一) "一般应…2个工作日"
        # to the inspectors, with its own exception.
        rules = major_notice(rules, ctx, {R_NOTICE_WORKING_DAY})
        rules = with_notice(
            rules,
            {R_NOTICE_INSPECTORS_MAJOR},
            binding=Binding.GENERALLY,
            exception_zh="如有特殊情况，应当在会前及时告知有关事项",
            exception_citation=C.C19_1_MAJOR_INSPECTORS,
        )
    else:
        # 第十八条: an emergency meeting's items are raised at the meeting: no notice binds.
        rules = with_notice(
            rules,
            {R_NOTICE_MEMBERS, R_NOTICE_WORKING_DAY},
            exempt_at=[MeetingKind.EMERGENCY],
            exception_citation=C.C18_EMERGENCY_MEETING,
        )
    return at_meeting(rules, meeting_kind)


@hookimpl
def ad_hoc_motion(ctx: RuleContext, kind: ItemKind, emergency: bool) -> Verdict:
    if kind == ItemKind.PERSONNEL:
        # 干部人事管理暂行办法 二十 「不得临时动议决定干部的任免」 (item 13), and the notice must
        # name personnel items (实施细则 第六条(三)), emergency or not.
        return ad_hoc_verdict(
            R_ADHOC_PERSONNEL,
            ctx,
            kind,
            emergency,
            False,
            "不得临时动议决定干部的任免；人事议题须在会议通知上列明（紧急会议亦然）。",
            "Cadre appointments are never decided on an ad-hoc motion; personnel items must be "
            "named in the notice, not even at an emergency meeting.",
            K.GB_NO_AD_HOC,
            see_also=[C.O_PERSONNEL_MATERIALS],
        )
    if kind in SANZHONG_YIDA and emergency:
        # Oversight 第六条(一) forbids ad-hoc motions for major matters, stricter than 第十八条's
        # emergency meeting; an urgent major decision goes through 临机处置 (第十八条) instead.
        # 处分党员 is 三重一大 too (三重一大实施办法 一(二)5).
        return ad_hoc_verdict(
            R_ADHOC_MAJOR,
            ctx,
            kind,
            emergency,
            False,
            "研究决定重大问题的会议不得搞临时动议；确需立即决定的，按第十八条临机处置并事后报告。",
            "No ad-hoc motion for a major matter, even at an emergency meeting; an urgent "
            "decision is taken by emergency disposal (art. 18) and reported afterwards.",
            C.O_NO_ADHOC_MAJOR,
        )
    if emergency:
        # 第十八条: an emergency meeting raises its items at the meeting.
        return ad_hoc_verdict(
            R_ADHOC_EMERGENCY,
            ctx,
            kind,
            emergency,
            True,
            "紧急会议的议题可在会上提出。",
            "At an emergency meeting items may be raised at the meeting.",
            C.C18_EMERGENCY_MEETING,
        )
    # 第十九条(一): no ad-hoc motions "without special reason"; the special reason the platform
    # recognises is the emergency meeting of 第十八条.
    return ad_hoc_verdict(
        R_ADHOC_REFUSED,
        ctx,
        kind,
        emergency,
        False,
        "无特殊原因，任何人都不得在会上提出临时动议议题；确有紧急情况的应召开紧急会议。",
        "No ad-hoc motion without special reason; for an emergency, convene an emergency meeting.",
        C.C19_1_NO_ADHOC,
    )


@hookimpl
def emergency_disposal(ctx: RuleContext) -> ProcedureRule:
    # 第十八条: 临机处置 by the secretary, or by a member with his consent; reported afterwards.
    return ProcedureRule(
        rule=R_EMERGENCY_DISPOSAL,
        allowed=True,
        who_zh="党组书记临机处置；或经请示党组书记同意，由党组成员临时处理",
        conditions_zh="来不及召开党组会议或因人数不足无法召集会议，但又必须尽快作出决定；"
        "事后应当及时向党组会议报告",
        report_to_next_meeting=True,
        citation=C.C18_DISPOSAL,
    )


@hookimpl
def reconsideration(ctx: RuleContext) -> ProcedureRule:
    # The source sets no 复议 procedure. What it does say (第十四条): a dissenting member executes
    # the decision and may reserve his view or report to the superior organization.
    return ProcedureRule(
        rule=R_RECONSIDERATION,
        allowed=False,
        who_zh="",
        conditions_zh="本规则未规定复议；有不同意见的，在坚决执行的前提下可以声明保留，"
        "也可以向上级党组织反映",
        report_to_next_meeting=False,
        citation=C.C14_DISSENT,
    )


_RANK = {
    ItemKind.ORDINARY: 0,
    ItemKind.MAJOR_MATTER: 1,
    ItemKind.DISCIPLINE: 2,
    ItemKind.PERSONNEL: 3,
}

# 大额资金使用 (第六条(五)) against the tenant's threshold, "XX万元以上" (oversight compendium).
# Without an amount the item cannot be shown to be small: it is held as 三重一大 (MET) until the
# amount is given, never silently dropped to ordinary (RULES.md: a blank stops the rule, it does
# not switch the 三重一大 safeguards off).
_FUNDS_WITHOUT_AMOUNT = FixedAnswer(
    outcome=Outcome.MET,
    zh="资金类议题未填写金额：补填金额前按“三重一大”大额资金使用从严办理；请填写金额（万元）。",
    en="A funds item without an amount: held as a 三重一大 large-funds item until the amount "
    "(10k yuan) is given; please give it.",
)
_HELD_ZH = "设置前按“三重一大”事项从严办理。"
_HELD_EN = " Until it is set, the item is held as a 三重一大 item."
_FUNDS_WORDING = FundsWording(
    met_zh="金额 {amount} 万元，大额资金起点 {threshold} 万元（含本数），"
    "属于“三重一大”大额资金使用。",
    not_met_zh="金额 {amount} 万元，大额资金起点 {threshold} 万元（含本数），未达大额标准。",
    met_en="{amount} (10k yuan) against a threshold of {threshold}, inclusive: "
    "a 三重一大 large-funds item.",
    not_met_en="{amount} (10k yuan) against a threshold of {threshold}, inclusive: "
    "below the threshold.",
)


@hookimpl
def classify_item(ctx: RuleContext, item: ClassifyInput) -> Classification:
    # An item in scope is what the scope says, whatever the proposer called it: categories can
    # only make it stricter. Strictness: personnel (2/3 + member in charge, person by person) >
    # discipline (2/3 + member in charge) > major matter (half + member in charge) > ordinary.
    declared = listed_kind(item.declared_kind, KINDS)
    found = [declared]
    verdicts: list[Verdict] = []
    for category in dict.fromkeys(item.categories):
        numbers: dict[str, Any] = {"category": category}
        if category == "personnel":
            found.append(ItemKind.PERSONNEL)
            verdicts.append(
                rule_verdict(
                    R_CLASSIFY_PERSONNEL,
                    ctx,
                    True,
                    numbers,
                    "涉及干部任免：三分之二以上成员到会、分管成员到会，属“三重一大”重要人事任免。",
                    "Cadre appointment: two-thirds quorum, member in charge present; a "
                    "三重一大 personnel matter.",
                    C.C6_4_PERSONNEL,
                )
            )
        elif category == "discipline":
            found.append(ItemKind.DISCIPLINE)
            verdicts.append(
                rule_verdict(
                    R_CLASSIFY_DISCIPLINE,
                    ctx,
                    True,
                    numbers,
                    "涉及处分党员：须三分之二以上党组成员到会、分管成员到会，"
                    "属“三重一大”重要人事任免（违纪处理）。",
                    "Disciplining a Party member: two-thirds quorum, member in charge present; "
                    "a 三重一大 personnel matter (handling of breaches).",
                    C.C18_QUORUM,
                )
            )
        elif category in ("decision", "project"):
            found.append(ItemKind.MAJOR_MATTER)
            verdicts.append(
                rule_verdict(
                    R_CLASSIFY_MAJOR,
                    ctx,
                    True,
                    numbers,
                    "属重大决策或重大项目安排，按“三重一大”事项办理。",
                    "A major decision or project: a 三重一大 item.",
                    C.C6_2_MAJOR,
                )
            )
        elif category == "funds":
            v = funds_verdict(
                R_CLASSIFY_FUNDS,
                ctx,
                item.amount_wan,
                key=FUNDS_THRESHOLD,
                inclusive=True,  # "XX万元以上": 以上 includes the amount itself
                citation=C.C6_5_FUNDS,
                setting_citation=C.O_FUNDS_THRESHOLD,
                without_amount=_FUNDS_WITHOUT_AMOUNT,
                wording=_FUNDS_WORDING,
            )
            # Threshold unset (needs_setting) or amount unknown (met, asking for it): held as
            # MAJOR_MATTER, the stricter kind, until the blank is filled.
            if v.outcome == Outcome.NEEDS_SETTING:
                v = msgspec.structs.replace(
                    v,
                    explanation_zh=v.explanation_zh + _HELD_ZH,
                    explanation_en=v.explanation_en + _HELD_EN,
                )
            if v.outcome in (Outcome.MET, Outcome.NEEDS_SETTING):
                found.append(ItemKind.MAJOR_MATTER)
            verdicts.append(v)
    # Issue 8, item 5: budgets, asset disposal and tendered procurement at any amount, and the
    # compendium's own amount per blank (core.rules.scope).
    scope = compendium_scope("ningbo", ctx, item)
    verdicts += scope
    if is_major(scope):
        found.append(ItemKind.MAJOR_MATTER)
    if not verdicts:
        verdicts.append(
            not_applicable(
                R_CLASSIFY_ORDINARY,
                ctx,
                C.C6_SCOPE,
                f"未勾选“三重一大”、干部任免或处分党员类别，按申报类型（{declared}）办理。",
                f"No 三重一大, appointment or discipline category: kept as declared ({declared}).",
            )
        )
    return Classification(kind=strictest_kind(found, _RANK), verdicts=verdicts)


# --- the compliance calendar and reporting -------------------------------------------------------


@hookimpl
def obligations(ctx: RuleContext) -> list[Obligation]:
    # The field-research days (第二十五条 "一定时间") are the tenant's setting: None until set.
    return counted_obligations(ctx, OBLIGATIONS)


@hookimpl
def report_recipients(ctx: RuleContext, event: str) -> list[Recipient]:
    return list(RECIPIENTS.get(event, []))


# --- access policy -------------------------------------------------------------------------------


@hookimpl
def access_policy() -> dict[str, tuple[Permission, ...]] | None:
    # The core default policy fits this source's roles (书记, 副书记, 成员, 列席, 纪检监察组,
    # 办公室); nothing in the source requires otherwise. See core/access/policy.py.
    return None
