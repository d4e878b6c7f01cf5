"""Hook implementations for the Nantong housing bureau Party group (局党组工作规则, 2017-10-23).

The source is `source.txt` beside this file; the shared oversight compendium
(core/rules/sources/oversight.txt) adds the rules every tenant follows for 三重一大 items.
Counting lives in `core.rules.counting`; this module only chooses threshold, base and citation.

Item kinds this source distinguishes: ordinary, major_matter (三重一大, 一(二)3) and personnel
(干部任免, 三(六)). It names no separate rule for 处分党员 or 重大问题-as-a-kind, so
`discipline` and `major_issue` are not listed; asked about directly, every hook answers for them
as for a major matter, the way `classify_item` classifies them (a discipline item is 三重一大 by
the compendium's scope, 三重一大办法 一(二)5; an unlisted declared kind is a 二(三) collective
decision), never by the looser ordinary rules.

Identity, settings, item kinds, the catalogue and the calendar's obligations are data in
`catalog.py`.
"""

from __future__ import annotations

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
    MORE_THAN_HALF,
    TWO_THIRDS_OR_MORE,
    FixedAnswer,
    FundsWording,
    counted_obligations,
    funds_verdict,
    passing_verdict,
    quorum_verdict,
    setting,
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
    SpeakingBinds,
    SpeakingOrder,
    Tally,
    Verdict,
    VotingRules,
)
from plugins.nantong import citations as c
from plugins.nantong.catalog import (
    CATALOG,
    FUNDS_THRESHOLD,
    INFO,
    KINDS,
    LISTED_KINDS,
    NOTICE_WORKING_DAYS,
    OBLIGATIONS,
    SETTINGS,
    VERSIONS,
)
from plugins.nantong.meetings import FIRST_ITEM, FIRST_ITEM_SILENT

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

# --- identity and settings ---


@hookimpl
def jurisdiction() -> JurisdictionInfo:
    return INFO


@hookimpl
def rule_versions() -> list[RuleVersion]:
    return VERSIONS


@hookimpl
def rule_catalog(ctx: RuleContext) -> list[RuleEntry]:
    # One version so far: the catalogue does not depend on ctx.version.
    # 「第一议题」 (agenda_order): its row beside the catalogue.
    return [*CATALOG, first_item_entry("nantong", FIRST_ITEM, FIRST_ITEM_SILENT)]


@hookimpl
def settings_spec() -> list[SettingSpec]:
    return SETTINGS


@hookimpl
def access_policy() -> dict[str, tuple[Permission, ...]] | None:
    # The core default policy fits this source's roles; see core/access/policy.py.
    return None


# --- items ---


@hookimpl
def item_kinds(ctx: RuleContext) -> list[ItemKindInfo]:
    return KINDS


@hookimpl
def meeting_quorum(ctx: RuleContext, attendance: Attendance) -> Verdict:
    # 三(五): "三分之二以上成员到会方能召开" — two-thirds, "以上" includes the number itself.
    return quorum_verdict(
        "nantong.quorum.meeting", ctx, attendance, TWO_THIRDS_OR_MORE, c.C3_5_QUORUM
    )


def _kind(kind: ItemKind | str) -> ItemKind:
    """`kind` as this source knows it. 处分党员 and 重大问题 are not kinds of this source: like
    `classify_item`, the hooks take them as major matters (违纪处理 is 三重一大, 三重一大办法
    一(二)5; 二(三) reserves 重大的问题 to collective decision), never as ordinary items (I3)."""
    if kind in (ItemKind.DISCIPLINE, ItemKind.MAJOR_ISSUE):
        return ItemKind.MAJOR_MATTER
    return listed_kind(kind, LISTED_KINDS)


@hookimpl
def item_quorum(ctx: RuleContext, kind: ItemKind, attendance: Attendance) -> Verdict:
    asked, kind = kind, _kind(kind)
    if kind == ItemKind.MAJOR_MATTER:
        # The compendium asks "半数以上" plus the member in charge (三重一大办法 二); this source's
        # two-thirds for every meeting (三(五)) is stricter, so both apply: 2/3 AND in charge.
        v = quorum_verdict(
            "nantong.quorum.major_matter",
            ctx,
            attendance,
            TWO_THIRDS_OR_MORE,
            c.C3_5_QUORUM,
            in_charge_required=True,
            in_charge_citation=c.O_MAJOR_QUORUM_IN_CHARGE,
        )
        if asked == ItemKind.DISCIPLINE:
            # 三重一大办法 一(二)5: 违纪处理 is 重要人事任免, so a discipline item is held to the
            # major-matter quorum (I3).
            v = msgspec.structs.replace(
                v,
                explanation_zh=v.explanation_zh
                + "（处分党员属“三重一大”，三重一大办法 一(二)5。）",
                explanation_en=v.explanation_en
                + " (Disciplining a member is 三重一大: 三重一大办法 一(二)5.)",
            )
        return v
    if kind == ItemKind.PERSONNEL:
        # The compendium's "讨论干部问题时…三分之二以上" equals this source's rule for every
        # meeting (三(五)). 干部任免 is 重要人事任免, one of the 三重一大 (一(二)3), so the
        # compendium's "其中分管此项工作的党组成员必须到会" (三重一大办法 二) applies as well: the
        # two-thirds raises the number, the in-charge condition stays.
        return quorum_verdict(
            "nantong.quorum.personnel",
            ctx,
            attendance,
            TWO_THIRDS_OR_MORE,
            c.C3_5_QUORUM,
            in_charge_required=True,
            in_charge_citation=c.O_MAJOR_QUORUM_IN_CHARGE,
        )
    return quorum_verdict("nantong.quorum.item", ctx, attendance, TWO_THIRDS_OR_MORE, c.C3_5_QUORUM)


@hookimpl
def passing(ctx: RuleContext, kind: ItemKind, tally: Tally) -> Verdict:
    # 三(六): "赞成票超过应到会党组成员的半数为通过" — more than half (exclusive) of members
    # expected, recused members out of the base; written opinions of absent members never count.
    return passing_verdict(
        "nantong.passing.majority_of_expected", ctx, tally, MORE_THAN_HALF, c.C3_6_PASSING
    )


ALL_METHODS = ["oral", "hands", "secret_ballot", "named_ballot"]


#: 三(六): on a split over 重大问题, "除了在紧急情况下按多数人的意见决定外,一般应暂缓决定".
_SPLIT_DEFERRAL = DeferralRule(
    mandatory=True,
    triggers=[DeferTrigger.SPLIT_OPINIONS],
    except_urgent=True,
    then_zh="待进一步调查研究、交换意见后再复议表决",
    citation=c.C3_6_SPLIT_DEFER,
)


@hookimpl
def voting_rules(ctx: RuleContext, kind: ItemKind) -> VotingRules:
    kind = _kind(kind)
    common = [
        c.C3_6_METHODS,  # the four methods
        c.C3_6_ONE_VOTE,  # one person one vote: no proxies
        c.C3_6_ITEM_BY_ITEM,
        c.C3_5_LEAVE,  # absent members give an opinion to the chair ...
        c.O_WRITTEN_OPINIONS_NOT_COUNTED,  # ... which is never a vote
    ]
    if kind == ItemKind.MAJOR_MATTER:
        return VotingRules(
            methods=ALL_METHODS,
            default_method="named_ballot",
            named_by_default=True,  # 议事规则实施细则 第六条(五): 表决一般采用记名形式
            item_by_item=True,
            person_by_person=False,
            split_opinions_defer=True,  # 三(六): 重大问题发生分歧 … 一般应暂缓决定
            citations=[*common, c.O_NAMED_VOTES, c.C3_6_SPLIT_DEFER],
            named=True,
            deferral=_SPLIT_DEFERRAL,
        )
    if kind == ItemKind.PERSONNEL:
        return VotingRules(
            methods=ALL_METHODS,
            # The source names no default method for appointments; as 重要人事任免 they are
            # 三重一大, where 议事规则实施细则 第六条(五) says "表决一般采用记名形式".
            default_method="named_ballot",
            named_by_default=True,
            item_by_item=True,
            person_by_person=True,  # 三(六): 干部的任免 … 逐个进行表决
            split_opinions_defer=True,  # appointments are 重大问题 for 三(六)'s deferral
            citations=[*common, c.O_NAMED_VOTES, c.C3_6_SPLIT_DEFER],
            named=True,
            deferral=_SPLIT_DEFERRAL,
        )
    return VotingRules(
        methods=ALL_METHODS,
        default_method="hands",
        named_by_default=False,
        # 三(六) names 重要事项 and 干部任免; every item is voted on its own here anyway.
        item_by_item=True,
        person_by_person=False,
        # 三(六) defers only on a split over 重大问题; an ordinary item is decided by majority.
        split_opinions_defer=False,
        citations=common,
    )


@hookimpl
def speaking_order(ctx: RuleContext, kind: ItemKind, members: list[MemberFacts]) -> SpeakingOrder:
    # Neither this source nor the compendium (no 末位表态 / 最后表态 sentence) fixes an order of
    # speaking. Platform default: members by rank, the chair (else the secretary) last. The
    # citation, 二(四) ("善于集中正确意见"), is the closest genuine sentence, a principle and no
    # speaking-order rule; the explanation says so.
    last = next((m for m in members if m.chairing), None) or next(
        (m for m in members if m.position == "secretary"), None
    )
    others = sorted((m for m in members if m is not last), key=lambda m: (m.rank, m.id))
    order = [m.id for m in others] + ([last.id] if last else [])
    return SpeakingOrder(
        order=order,
        rule="nantong.speaking.chair_last",
        explanation_zh="原文和监督制度汇编均未规定发言顺序；此为本平台在原文未作规定时的默认做法："
        "按职级顺序发言，主持人（书记）最后表态。所引二(四)仅为相关原则（书记“善于集中正确意见”），"
        "并非发言顺序规定。",
        explanation_en="Neither the source nor the oversight compendium fixes an order of "
        "speaking; this is the platform's default where the source is silent: members by rank, "
        "the chair (secretary) last. The sentence cited (二(四), the secretary draws the correct "
        "views together) is a related principle, not a rule on speaking order.",
        citation=c.C2_4_SECRETARY_CENTRALISES,
        # Nothing binds: the meeting may ignore the platform's default.
        binds=SpeakingBinds.NONE,
    )


_WORKING_DAY_NOTE = (
    "会议通知（含议题及有关资料）至少提前1个工作日书面或电话通知应到会人员（实施细则第六条(三)）。"
)


@hookimpl
def notice_rules(ctx: RuleContext, kind: ItemKind, meeting_kind: MeetingKind) -> list[NoticeRule]:
    asked, kind = kind, _kind(kind)
    working = bool(setting(ctx, NOTICE_WORKING_DAYS, False))
    unit_zh = "工作日" if working else "自然日"
    # Issue 8, item 8: 处分党员 is 重要人事 (三重一大办法 一(二)5), a 人事问题 of 实施细则
    # 第六条(三): its materials are withheld until the meeting like an appointment's.
    personnel = kind == ItemKind.PERSONNEL or asked == ItemKind.DISCIPLINE
    # Personnel papers are handed out at the meeting and collected afterwards (议事规则实施细则
    # 第六条(三)), so the notice of a personnel item carries no materials.
    materials = not personnel
    materials_zh = (
        "并发必要的文件或材料"
        if materials
        else "人事议题材料上会时发放、会后收回，通知不附材料（议事规则实施细则 第六条(三)）"
    )
    rules = [
        NoticeRule(
            rule="nantong.notice.members",
            recipients="members",
            days_before=2,  # 三(四) "会前两天"
            working_days=working,
            materials=materials,
            written=False,  # the source does not require a written notice
            objection_days_before=1,  # 三(四) "党组成员如有异议,应当在会前一天向会议主持人提出"
            note_zh=f"议题、日期会前两天（{unit_zh}）通知，{materials_zh}；"
            f"异议须在会前一天（{unit_zh}）向主持人提出（三(四)）。",
            citation=c.C3_4_NOTICE,
        ),
        NoticeRule(
            rule="nantong.notice.attendees",
            recipients="attendees",
            days_before=2,  # attendees are among the "有关人员" and "与会人员" of 三(四)
            working_days=working,
            materials=materials,
            note_zh=f"列席人员属“有关人员”，会前两天（{unit_zh}）通知，{materials_zh}（三(四)）。",
            citation=c.C3_4_NOTICE,
        ),
    ]
    # 议事规则实施细则 第六条(三): at least 1 working day, to those who must attend, for every
    # kind. Two calendar days (三(四)) can fall later than one working day (a Monday
    # meeting: Saturday vs Friday), so both deadlines are listed and the earlier one binds.
    if personnel:
        rules.append(
            NoticeRule(
                rule="nantong.notice.personnel_materials",
                recipients="members",
                days_before=1,  # the same paragraph: "至少提前l个工作日"
                working_days=True,
                materials=False,
                note_zh="人事议题须在通知上列明，至少提前1个工作日通知；议案和科学论证材料上会时发给"
                "正式成员，会上阅读、会后收回（议事规则实施细则 第六条(三)）。",
                citation=c.O_PERSONNEL_MATERIALS,
            )
        )
    else:
        rules.append(
            NoticeRule(
                rule="nantong.notice.major_working_day"
                if kind == ItemKind.MAJOR_MATTER
                else "nantong.notice.members_working_day",
                recipients="members",
                days_before=1,
                working_days=True,
                materials=True,
                note_zh=_WORKING_DAY_NOTE,
                citation=c.O_NOTICE_WORKING_DAY,
                # Item 13: ordinary items are 重大问题 of the 细则 by its 第四条(十二).
                see_also=[] if kind == ItemKind.MAJOR_MATTER else [K.XZ_ALL_ITEMS],
            )
        )
    if kind in (ItemKind.MAJOR_MATTER, ItemKind.PERSONNEL):
        # 三重一大 (一(二)3, personnel included): the inspectors sit in (三重一大办法 三(五)); the
        # deadlines cited are the sentences that set them, 三(四) and 第六条(三).
        rules += [
            NoticeRule(
                rule="nantong.notice.inspectors",
                recipients="inspectors",
                days_before=2,
                working_days=working,
                materials=materials,
                note_zh=f"派驻纪检组列席“三重一大”会议（三重一大办法 三(五)），作为与会人员会前两天"
                f"（{unit_zh}）通知，{materials_zh}（三(四)）；另须满足至少提前1个工作日。",
                citation=c.C3_4_NOTICE,
            ),
            NoticeRule(
                rule="nantong.notice.major_working_day",
                recipients="inspectors",
                days_before=1,
                working_days=True,
                materials=materials,
                note_zh=_WORKING_DAY_NOTE,
                citation=c.O_NOTICE_WORKING_DAY,
            ),
        ]
    # 三(四) "一般应在会前两天通知": an exception is recorded with its reason; an emergency meeting
    # raises its ordinary items at the meeting (same paragraph), so no notice binds them there.
    rules = with_notice(
        rules,
        {"nantong.notice.members", "nantong.notice.attendees"},
        binding=Binding.GENERALLY,
        exception_citation=c.C3_4_NOTICE,
    )
    if kind == ItemKind.MAJOR_MATTER or personnel:
        rules = major_notice(rules, ctx, {"nantong.notice.major_working_day"})
    else:
        rules = with_notice(
            rules,
            {"nantong.notice.members", "nantong.notice.members_working_day"},
            exempt_at=[MeetingKind.EMERGENCY],
            exception_citation=c.C3_4_EMERGENCY_MEETING,
        )
    return at_meeting(rules, meeting_kind)


@hookimpl
def ad_hoc_motion(ctx: RuleContext, kind: ItemKind, emergency: bool) -> Verdict:
    kind = _kind(kind)
    if kind in (ItemKind.MAJOR_MATTER, ItemKind.PERSONNEL):
        # 二(五): never for 重大事项 and 干部任免, an emergency meeting included.
        return ad_hoc_verdict(
            "nantong.adhoc.never_major",
            ctx,
            kind,
            emergency,
            False,
            "重大事项和干部任免事宜不得在会上临时动议，紧急会议亦然（二(五)）。",
            "No ad-hoc motion for a major matter or an appointment, not even at an emergency "
            "meeting (二(五)).",
            c.C2_5_NO_ADHOC_MAJOR,
            see_also=[K.GB_NO_AD_HOC] if kind == ItemKind.PERSONNEL else None,
        )
    if emergency:
        # 三(四): an emergency meeting takes its items at the meeting.
        return ad_hoc_verdict(
            "nantong.adhoc.emergency_meeting",
            ctx,
            kind,
            emergency,
            True,
            "突发事件和紧急情况召开的紧急会议，议题可在会上提出（三(四)）。",
            "At an emergency meeting items may be raised at the meeting (三(四)).",
            c.C3_4_EMERGENCY_MEETING,
        )
    return ad_hoc_verdict(
        "nantong.adhoc.refused",
        ctx,
        kind,
        emergency,
        False,
        "议题由党组书记确定，不得临时动议（三(四)）。",
        "Items are fixed by the secretary; no ad-hoc motions (三(四)).",
        c.C3_4_AGENDA_NO_ADHOC,
    )


@hookimpl
def emergency_disposal(ctx: RuleContext) -> ProcedureRule:
    return ProcedureRule(
        rule="nantong.procedure.emergency_disposal",
        allowed=True,
        who_zh="党组成员（须经请示党组书记同意）",
        conditions_zh="突发事件和紧急情况，来不及召开会议；处理情况向下一次党组会议报告。",
        report_to_next_meeting=True,
        citation=c.C3_4_EMERGENCY_DISPOSAL,
    )


@hookimpl
def reconsideration(ctx: RuleContext) -> ProcedureRule:
    return ProcedureRule(
        rule="nantong.procedure.reconsideration",
        allowed=True,
        who_zh="党组书记同意后，在党组会上复议",
        conditions_zh="决策执行中发现新的情况，向局党组反映；重新作出决议、决定前，仍须执行原有的"
        "决议、决定（三(九)）。",
        report_to_next_meeting=False,
        citation=c.C3_9_RECONSIDERATION,
    )


# --- classification ---

#: When several rules apply, the item takes the kind with the most specific procedure: personnel
#: (person-by-person votes, papers collected after the meeting) over major matter over ordinary.
_PRECEDENCE = {ItemKind.ORDINARY: 0, ItemKind.MAJOR_MATTER: 1, ItemKind.PERSONNEL: 2}

# 大额资金 (一(二)3) against the tenant's threshold, "XX万元以上" (三重一大办法 一(四)1).
# Without an amount the item cannot be shown to be small: it is held as 三重一大 (MET) until the
# amount is given, never silently kept ordinary (RULES.md: a blank stops the rule, it does not
# switch the 三重一大 safeguards off).
_FUNDS_WITHOUT_AMOUNT = FixedAnswer(
    outcome=Outcome.MET,
    zh="未给出金额：补填金额前按“三重一大”大额资金使用从严处理；请填写金额（万元）。",
    en="No amount given: held as a 三重一大 large-funds item until the amount (10k yuan) is "
    "given; please give it.",
)
_FUNDS_WORDING = FundsWording(
    met_zh="金额 {amount} 万元，大额资金标准 {threshold} 万元以上（含本数）："
    "属“三重一大”大额资金使用。",
    not_met_zh="金额 {amount} 万元，大额资金标准 {threshold} 万元以上（含本数）："
    "未达标准，不因金额而属“三重一大”。",
    met_en="{amount} (10k yuan) against a threshold of {threshold} and above: "
    "large funds, a major matter.",
    not_met_en="{amount} (10k yuan) against a threshold of {threshold} and above: "
    "below it, not a major matter by amount.",
)


@hookimpl
def classify_item(ctx: RuleContext, item: ClassifyInput) -> Classification:
    verdicts: list[Verdict] = []
    found: list[ItemKind] = []
    declared = item.declared_kind
    if declared in LISTED_KINDS:
        found.append(declared)
    else:
        # 处分党员 / 重大问题 are not kinds of this source; both are questions 二(三) reserves to
        # collective decision, and 违纪处理 is within 三重一大 by the compendium: major matter.
        found.append(ItemKind.MAJOR_MATTER)
        verdicts.append(
            rule_verdict(
                "nantong.classify.declared",
                ctx,
                True,
                {"declared_kind": str(declared), "kind": str(ItemKind.MAJOR_MATTER)},
                f"申报类型“{declared}”本规则未单列，按“三重一大”集体决策处理（二(三)）。",
                f"Declared kind {declared!r} is not one of this source's kinds; handled as a "
                "major matter (二(三)).",
                c.C2_3_COLLECTIVE,
            )
        )
    categories = set(item.categories)
    for category, name_zh, name_en in (
        ("decision", "重大决策", "major decision"),
        ("project", "重大项目安排", "major project"),
    ):
        if category in categories:
            found.append(ItemKind.MAJOR_MATTER)
            verdicts.append(
                rule_verdict(
                    "nantong.classify.major_matter",
                    ctx,
                    True,
                    {"category": category},
                    f"“{name_zh}”属“三重一大”事项，不论申报类型（一(二)3）。",
                    f"A {name_en} is a major matter whatever the proposer called it (一(二)3).",
                    c.C1_2_3_MAJOR_MATTERS,
                )
            )
    if "personnel" in categories:
        found.append(ItemKind.PERSONNEL)
        verdicts.append(
            rule_verdict(
                "nantong.classify.personnel",
                ctx,
                True,
                {"category": "personnel"},
                "人事任免属干部任免议题：逐个表决，材料上会发放、会后收回（三(二)、三(六)）。",
                "Appointments are personnel items: person-by-person votes, papers collected after "
                "the meeting (三(二), 三(六)).",
                c.C3_2_PERSONNEL,
            )
        )
    if "discipline" in categories:
        found.append(ItemKind.MAJOR_MATTER)
        verdicts.append(
            rule_verdict(
                "nantong.classify.discipline",
                ctx,
                True,
                {"category": "discipline"},
                "违反党纪政纪干部职工的处理意见属“三重一大”（重要人事任免）；本规则未单列处分党员议题，"
                "按“三重一大”事项处理。",
                "Handling cadres who broke discipline is within 三重一大; this source has no "
                "separate discipline kind, so it is a major matter.",
                c.O_DISCIPLINE_IN_SCOPE,
            )
        )
    if "funds" in categories or item.amount_wan is not None:
        verdict = funds_verdict(
            "nantong.classify.major_funds",
            ctx,
            item.amount_wan,
            key=FUNDS_THRESHOLD,
            inclusive=True,  # "XX万元以上": 以上 includes the number itself
            citation=c.O_MAJOR_FUNDS_XX,
            without_amount=_FUNDS_WITHOUT_AMOUNT,
            wording=_FUNDS_WORDING,
        )
        # Threshold unset (needs_setting) or amount unknown (met, asking for it): held as
        # MAJOR_MATTER, the stricter kind, until the blank is filled.
        if verdict.outcome == Outcome.NEEDS_SETTING:
            verdict = msgspec.structs.replace(
                verdict,
                explanation_zh=verdict.explanation_zh + "设置前按“三重一大”事项从严处理。",
                explanation_en=verdict.explanation_en
                + " Until it is set, the item is held as a major matter.",
            )
        verdicts.append(verdict)
        if verdict.outcome in (Outcome.MET, Outcome.NEEDS_SETTING):
            found.append(ItemKind.MAJOR_MATTER)
    # Issue 8, item 5: budgets, asset disposal and tendered procurement at any amount, and the
    # compendium's own amount per blank (core.rules.scope).
    scope = compendium_scope("nantong", ctx, item)
    verdicts += scope
    if is_major(scope):
        found.append(ItemKind.MAJOR_MATTER)
    return Classification(kind=strictest_kind(found, _PRECEDENCE), verdicts=verdicts)


# --- obligations and reporting ---


@hookimpl
def obligations(ctx: RuleContext) -> list[Obligation]:
    # The duty report's frequency is the tenant's setting (五(一) gives none; default 1 a year).
    return counted_obligations(ctx, OBLIGATIONS)


@hookimpl
def report_recipients(ctx: RuleContext, event: str) -> list[Recipient]:
    if event == "report_to_superior":
        # 二(二) names "市组织部" (sic; elsewhere the source says 市委组织部); kept as written.
        return [
            Recipient(
                who_zh="市组织部",
                who_en="Municipal organisation department",
                when="on_issue",
                citation=c.C2_2_REPORT_TO_SUPERIOR,
            )
        ]
    if event == "democratic_life_before":
        return [
            Recipient(
                who_zh="市委组织部",
                who_en="Municipal Party committee organisation department",
                when="before",
                citation=c.C4_1_DEMOCRATIC_LIFE_BEFORE,
            ),
            Recipient(
                who_zh="纪委",
                who_en="Discipline inspection commission",
                when="before",
                citation=c.C4_1_DEMOCRATIC_LIFE_BEFORE,
            ),
        ]
    if event == "democratic_life_after":
        return [
            Recipient(
                who_zh="市纪委",
                who_en="Municipal discipline inspection commission",
                when="after",
                citation=c.C4_3_DEMOCRATIC_LIFE_AFTER,
            ),
            Recipient(
                who_zh="市委组织部",
                who_en="Municipal Party committee organisation department",
                when="after",
                citation=c.C4_3_DEMOCRATIC_LIFE_AFTER,
            ),
        ]
    if event == "minutes_distribution":
        # 三(七): minutes "必要时" and passed on "视其内容"; the compendium adds fixed recipients
        # for the minutes of major-matter meetings (议事规则实施细则 第六条(七)).
        return [
            Recipient(
                who_zh="下级党组织（视内容）",
                who_en="Lower Party organisations (as the content requires)",
                when="on_issue",
                citation=c.C3_7_MINUTES,
            ),
            Recipient(
                who_zh="有关(处室)单位（视内容）",
                who_en="Divisions and units concerned (as the content requires)",
                when="on_issue",
                citation=c.C3_7_MINUTES,
            ),
            Recipient(
                who_zh="党组成员（重大问题会议纪要）",
                who_en="Party group members (major-matter minutes)",
                when="on_issue",
                citation=c.O_MAJOR_MINUTES_RECIPIENTS,
            ),
            Recipient(
                who_zh="有关部门（重大问题会议纪要）",
                who_en="Departments concerned (major-matter minutes)",
                when="on_issue",
                citation=c.O_MAJOR_MINUTES_RECIPIENTS,
            ),
            Recipient(
                who_zh="市分管领导（重大问题会议纪要）",
                who_en="City leader in charge (major-matter minutes)",
                when="on_issue",
                citation=c.O_MAJOR_MINUTES_RECIPIENTS,
            ),
        ]
    # decision_to_absent_members: the source names nobody (absent members only send their
    # opinion to the chair, 三(五)).
    return []
