"""Hook implementations for Heilongjiang offices administration Party group.

Source: 中共黑龙江省机关事务管理局党组工作规则 (`source.txt`), plus the shared oversight
compendium (core/rules/sources/oversight.txt) for the rules that apply to every tenant
(三重一大 quorum with the member in charge present, named votes, notice of 1 working day).
Every rule encoded here is listed in `catalog.RULES` (the rule explorer's rows) with its citation;
identity, settings and rule ids live in `catalog.py`, the calendar's obligations in `calendar.py`.
"""

from __future__ import annotations

import msgspec

from core.access.permissions import Permission
from core.hookspecs import hookimpl
from core.rules import compendium as K
from core.rules import defaults
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
    passing_verdict,
    quorum_verdict,
)
from core.rules.defaults import first_item_entry
from core.rules.scope import compendium_scope, is_major
from core.rules.types import (
    Attendance,
    Binding,
    Category,
    Citation,
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
    VoteChoice,
    VotingRules,
)
from plugins.heilongjiang import citations as c
from plugins.heilongjiang.calendar import OBLIGATIONS
from plugins.heilongjiang.catalog import (
    EFFECTIVE_FROM,
    FUNDS_THRESHOLD,
    INFO,
    MAJOR_KINDS,
    PERSONNEL_LIKE,
    R_ADHOC_EMERGENCY,
    R_ADHOC_MAJOR,
    R_ADHOC_PERSONNEL,
    R_ADHOC_REFUSED,
    R_CLASSIFY_DECISION,
    R_CLASSIFY_DISCIPLINE,
    R_CLASSIFY_FUNDS,
    R_CLASSIFY_PERSONNEL,
    R_CLASSIFY_PROJECT,
    R_EMERGENCY,
    R_NOTICE_ATTENDEES,
    R_NOTICE_INSPECTORS,
    R_NOTICE_INSPECTORS_MAJOR,
    R_NOTICE_MAJOR,
    R_NOTICE_MEMBERS,
    R_NOTICE_WORKING_DAY,
    R_PASSING,
    R_QUORUM_DISCIPLINE,
    R_QUORUM_ITEM,
    R_QUORUM_MAJOR,
    R_QUORUM_MEETING,
    R_QUORUM_PERSONNEL,
    R_RECONSIDER,
    R_SPEAK_PERSONNEL,
    R_SPEAK_SECRETARY,
    RULES,
    SETTINGS,
    VERSION,
)
from plugins.heilongjiang.meetings import FIRST_ITEM, FIRST_ITEM_SILENT

# --- identity -----------------------------------------------------------------------------------


@hookimpl
def jurisdiction() -> JurisdictionInfo:
    return INFO


@hookimpl
def rule_versions() -> list[RuleVersion]:
    return [
        RuleVersion(
            version=VERSION,
            effective_from=EFFECTIVE_FROM,
            source_title=INFO.source_title,
            note="原文未载日期（第二十六条：自发布之日起施行，原议事规则同时废止），"
            "2020-01-01 为约定值。"
            " The source carries no date; 2020-01-01 is a stand-in. It replaces the former "
            "议事规则 (第二十六条).",
        )
    ]


@hookimpl
def rule_catalog(ctx: RuleContext) -> list[RuleEntry]:
    # 「第一议题」 (agenda_order): its row beside the catalogue.
    return [*RULES, first_item_entry("heilongjiang", FIRST_ITEM, FIRST_ITEM_SILENT)]


@hookimpl
def settings_spec() -> list[SettingSpec]:
    return SETTINGS


@hookimpl
def access_policy() -> dict[str, tuple[Permission, ...]] | None:
    # The core default policy fits this source's roles (secretary, members, attendees, the
    # stationed inspectors, the office); the source sets no other access rule.
    return None


# --- meetings and items -------------------------------------------------------------------------


_KIND_INFO = (
    ItemKindInfo(kind=ItemKind.ORDINARY, label_zh="一般议题", label_en="Ordinary item"),
    ItemKindInfo(
        kind=ItemKind.MAJOR_MATTER,
        label_zh="三重一大事项（重大决策、重大项目安排、大额资金使用）",
        label_en="Major matter (major decision, major project, large funds)",
        citation=c.C5_5_PROJECTS,
    ),
    ItemKindInfo(
        kind=ItemKind.PERSONNEL,
        label_zh="干部任免事项",
        label_en="Cadre appointment or removal",
        citation=c.C15_2_PERSONNEL_QUORUM,
    ),
    ItemKindInfo(
        kind=ItemKind.DISCIPLINE,
        label_zh="处分党员事项",
        label_en="Disciplining a Party member",
        citation=c.C14_DISCIPLINE,
    ),
)
#: The kinds this source names; any other kind is taken as the nearest listed one (listed_kind).
_LISTED = tuple(k.kind for k in _KIND_INFO)


@hookimpl
def item_kinds(ctx: RuleContext) -> list[ItemKindInfo]:
    return list(_KIND_INFO)


@hookimpl
def meeting_quorum(ctx: RuleContext, attendance: Attendance) -> Verdict:
    # 第十五条(二): "半数以上" includes half itself (RULES.md "Counting").
    return quorum_verdict(R_QUORUM_MEETING, ctx, attendance, HALF_OR_MORE, c.C15_2_QUORUM)


@hookimpl
def item_quorum(ctx: RuleContext, kind: ItemKind, attendance: Attendance) -> Verdict:
    if kind == ItemKind.PERSONNEL:
        # 第十五条(二): two-thirds or more for 干部任免; as a 三重一大 item (重要人事任免) the
        # member in charge must also be present (oversight compendium, 实施办法 二).
        return quorum_verdict(
            R_QUORUM_PERSONNEL,
            ctx,
            attendance,
            TWO_THIRDS_OR_MORE,
            c.C15_2_PERSONNEL_QUORUM,
            in_charge_required=True,
            in_charge_citation=c.OV_IN_CHARGE,
        )
    if kind == ItemKind.DISCIPLINE:
        # Issue 8, item 4: 第十四条 has no number; it only sends 处分党员 to "党章党规". The number
        # is the compendium's: 违纪处理 is 重要人事任免 (三重一大实施办法 一(二)5), and for cadre
        # questions 「讨论干部问题时，应有三分之二以上党组成员到会方能举行。」 (same 办法, 二). So
        # two-thirds, citing that sentence; 第十四条 is named for the referral in the
        # explanation. 纪律处分 is a 重要人事管理事项 (第五条(四)): the member in charge attends.
        verdict = quorum_verdict(
            R_QUORUM_DISCIPLINE,
            ctx,
            attendance,
            TWO_THIRDS_OR_MORE,
            K.SZ_CADRE_TWO_THIRDS,
            in_charge_required=True,
            in_charge_citation=c.OV_IN_CHARGE,
        )
        return msgspec.structs.replace(
            verdict,
            explanation_zh=verdict.explanation_zh
            + "（处分党员属“三重一大”重要人事任免（三重一大实施办法 一(二)5），"
            "讨论干部问题须三分之二以上党组成员到会；第十四条：处分党员严格按照党章党规执行。）",
            explanation_en=verdict.explanation_en
            + " (Disciplining a member is 三重一大 personnel (一(二)5): two-thirds for cadre "
            "questions (三重一大实施办法 二); 第十四条 refers the matter to Party rules.)",
        )
    if kind == ItemKind.MAJOR_MATTER:
        # Oversight compendium (实施办法 二): "半数以上" and the member in charge present.
        return quorum_verdict(
            R_QUORUM_MAJOR,
            ctx,
            attendance,
            HALF_OR_MORE,
            c.OV_MAJOR_QUORUM,
            in_charge_required=True,
            in_charge_citation=c.OV_IN_CHARGE,
        )
    # Ordinary items (and any kind this source does not name): the meeting quorum of
    # 第十五条(二), with recused members out of base and count.
    return quorum_verdict(R_QUORUM_ITEM, ctx, attendance, HALF_OR_MORE, c.C15_2_QUORUM)


@hookimpl
def passing(ctx: RuleContext, kind: ItemKind, tally: Tally) -> Verdict:
    # 第十六条(一): "赞成票超过应到会党组成员半数" for every kind; "超过" excludes half itself.
    # Absent members' written opinions are never votes (same article): passing_verdict ignores
    # tally.written_for / written_against.
    return passing_verdict(R_PASSING, ctx, tally, MORE_THAN_HALF, c.C16_1_PASSING)


ALL_METHODS = ["oral", "hands", "secret_ballot", "named_ballot"]


#: 第十六条(一): "对意见分歧较大的议题，除紧急情况按多数意见执行外，应当暂缓作出决定".
_SPLIT_DEFERRAL = DeferralRule(
    mandatory=True,
    triggers=[DeferTrigger.SPLIT_OPINIONS],
    except_urgent=True,
    then_zh="待进一步调查研究、交换意见后再提请局党组会议讨论和表决",
    citation=c.C16_1_SPLIT,
)


@hookimpl
def voting_rules(ctx: RuleContext, kind: ItemKind) -> VotingRules:
    base = [c.C16_1_METHODS, c.C16_1_ITEM_BY_ITEM, c.C16_1_SPLIT, c.C16_1_ABSENT]
    if kind == ItemKind.PERSONNEL:
        # 第十六条(二): each member states agree / disagree / defer in turn, i.e. an oral,
        # named vote; each appointment is its own item under 逐项表决 (第十六条(一)), so the
        # vote is person by person (our reading; the cadre-selection regulations it names agree).
        return VotingRules(
            methods=ALL_METHODS,
            default_method="oral",
            named_by_default=True,
            item_by_item=True,
            person_by_person=True,
            split_opinions_defer=True,
            citations=[c.C16_2_PERSONNEL, *base, c.OV_NAMED_VOTES],
            # 「同意、不同意或缓议」: 缓议 is a choice of its own, not an abstention.
            choices=[VoteChoice.YES, VoteChoice.NO, VoteChoice.DEFER],
            named=True,
            deferral=_SPLIT_DEFERRAL,
        )
    if kind in MAJOR_KINDS:
        # Oversight compendium (议事规则实施细则 第六条(五)): named votes are the default.
        return VotingRules(
            methods=ALL_METHODS,
            default_method="named_ballot",
            named_by_default=True,
            item_by_item=True,
            person_by_person=False,
            split_opinions_defer=True,
            citations=[*base, c.OV_NAMED_VOTES],
            named=True,
            deferral=_SPLIT_DEFERRAL,
        )
    # 第十六条(一) lists the methods without a default; show of hands is our default for
    # ordinary items (any listed method may be chosen per item).
    return VotingRules(
        methods=ALL_METHODS,
        default_method="hands",
        named_by_default=False,
        item_by_item=True,
        person_by_person=False,
        split_opinions_defer=True,
        citations=base,
        deferral=_SPLIT_DEFERRAL,
    )


def _rank_key(m: MemberFacts) -> tuple[int, int, int]:
    # Rank 1 is the first in the Party group's order; 0 means "not set", treated as the lowest
    # rank so that an unranked member never speaks after a ranked one. The secretary heads the
    # 党组成员排序 whatever rank he is given, so he always comes first in it (last to speak).
    first = 0 if m.position == "secretary" else 1
    return (first, m.rank if m.rank > 0 else 10**6, m.id)


@hookimpl
def speaking_order(ctx: RuleContext, kind: ItemKind, members: list[MemberFacts]) -> SpeakingOrder:
    # 第十六条(一): "党组书记末位表态". When no secretary is in the list (he is absent), the member
    # chairing takes the last place (our reading: 末位表态 belongs to whoever leads the meeting).
    if kind == ItemKind.PERSONNEL:
        # 第十六条(二): "按党组成员排序从后往前逐一发表…明确意见": everyone, from the lowest rank
        # up, the chair included: a member chairing in the secretary's absence keeps his own
        # place in the order (ranks 3,4,5 with 4 chairing → 5,4,3), he does not move to the end
        # . The secretary heads the order, so he speaks last, which is also
        # 第十六条(一)'s 书记末位表态.
        ordered = sorted(members, key=_rank_key, reverse=True)
        return SpeakingOrder(
            order=[m.id for m in ordered],
            rule=R_SPEAK_PERSONNEL,
            explanation_zh="干部任免事项按党组成员排序从后往前逐一发表同意、不同意或缓议意见"
            "（主持人亦按其排序发言），党组书记排序居首、最后表态。",
            explanation_en="Cadre appointments: every member, from the lowest rank up, states "
            "agree, disagree or defer, the chair in his own place; the secretary, first in "
            "the order, speaks last.",
            citation=c.C16_2_PERSONNEL,
            binds=SpeakingBinds.FULL_ORDER,  # 「按党组成员排序从后往前逐一发表」
        )
    last = [m for m in members if m.position == "secretary"][:1]
    if not last:
        last = [m for m in members if m.chairing][:1]
    others = [m for m in members if m not in last]
    return SpeakingOrder(
        order=[m.id for m in [*others, *last]],
        rule=R_SPEAK_SECRETARY,
        explanation_zh="表决实行党组书记末位表态制，其他成员按原顺序发言。",
        explanation_en="The secretary states his position last; the others keep the given order.",
        citation=c.C16_1_SECRETARY_LAST,
    )


@hookimpl
def notice_rules(ctx: RuleContext, kind: ItemKind, meeting_kind: MeetingKind) -> list[NoticeRule]:
    kind = listed_kind(kind, _LISTED)
    personnel_like = kind in PERSONNEL_LIKE
    major = kind in MAJOR_KINDS
    rules = [
        NoticeRule(
            rule=R_NOTICE_MEMBERS,
            recipients="members",
            days_before=None,  # "提前通知": in advance, no number of days (第十五条(一))
            # "除人事等重要事项外，一般应当在会前分送与会人员" (第十五条(一)).
            materials=not personnel_like,
            note_zh="除临时召开的会议外，一般应当提前通知；"
            + ("人事等重要事项的材料不在会前分送。" if personnel_like else "会议材料会前分送。"),
            citation=c.C15_1_NOTICE,
        ),
        NoticeRule(
            rule=R_NOTICE_INSPECTORS,
            recipients="inspectors",
            days_before=None,
            note_zh="提前通知派驻纪检监察组"
            + ("；派驻纪检监察组列席三重一大事项集体决策会议。" if major else "。"),
            citation=c.C15_1_NOTICE,
        ),
        NoticeRule(
            rule=R_NOTICE_ATTENDEES,
            recipients="attendees",
            days_before=None,
            materials=not personnel_like,
            note_zh="会议讨论的内容一般会前分送与会人员（含列席人员）"
            + ("；人事等重要事项除外。" if personnel_like else "。"),
            citation=c.C15_1_MATERIALS,
        ),
        # Oversight compendium (议事规则实施细则 第六条(三)): at least 1 working day before, in
        # writing or by phone (so not `written`), for every kind: the source's "提前通知" has no
        # number of days, so without this an ordinary item had no deadline at all.
        # Personnel materials: handed out at the meeting and collected afterwards (same
        # paragraph). The rule id of 三重一大 kinds is kept apart for the explorer.
        NoticeRule(
            rule=R_NOTICE_MAJOR if major else R_NOTICE_WORKING_DAY,
            recipients="members",
            days_before=1,
            working_days=True,
            materials=not personnel_like,
            note_zh=("三重一大事项：" if major else "")
            + "会议通知（含议题及有关资料）至少提前1个工作日书面或电话通知应到会人员"
            + ("；人事议题须在通知上列明，材料上会时发放、会后收回。" if personnel_like else "。"),
            citation=c.OV_NOTICE,
            # Item 13: the 细则 reaches ordinary items through 第四条(十二) (every matter put
            # to the Party group for decision is one of its 重大问题).
            see_also=[] if major else [K.XZ_ALL_ITEMS],
        ),
    ]
    if major:
        # The inspectors sit in on 三重一大 meetings (实施办法 三(五)), so they are among the
        # 应到会人员 of 议事规则实施细则 第六条(三): a deadline of 1 working day, cited from the
        # sentence that sets it.
        rules.append(
            NoticeRule(
                rule=R_NOTICE_INSPECTORS_MAJOR,
                recipients="inspectors",
                days_before=1,
                working_days=True,
                materials=not personnel_like,
                note_zh="派驻纪检监察组列席三重一大事项集体决策会议，作为应到会人员至少提前1个工作日"
                "收到通知" + ("（人事议题材料上会时发放）。" if personnel_like else "及有关资料。"),
                citation=c.OV_NOTICE,
            )
        )
    # 第十五条(一) 「除临时召开的会议，一般应当提前通知党组成员及派驻纪检监察组」: "一般" (an
    # exception is recorded with its reason), and a meeting called at short notice is exempt.
    rules = with_notice(
        rules,
        {R_NOTICE_MEMBERS, R_NOTICE_INSPECTORS},
        binding=Binding.GENERALLY,
        exempt_at=[MeetingKind.TEMPORARY],
        exception_citation=c.C15_1_NOTICE,
    )
    if major:
        rules = major_notice(rules, ctx, {R_NOTICE_MAJOR, R_NOTICE_INSPECTORS_MAJOR})
    return at_meeting(rules, meeting_kind)


@hookimpl
def ad_hoc_motion(ctx: RuleContext, kind: ItemKind, emergency: bool) -> Verdict:
    if kind == ItemKind.PERSONNEL:
        # 第十六条(二): "不允许搞临时动议", emergency or not.
        return ad_hoc_verdict(
            R_ADHOC_PERSONNEL,
            ctx,
            kind,
            emergency,
            False,
            "讨论干部任免事项不允许搞临时动议，紧急会议亦然。",
            "No ad-hoc motion for cadre appointments, not even in an emergency meeting.",
            c.C16_2_PERSONNEL,
            see_also=[K.GB_NO_AD_HOC],
        )
    if kind in MAJOR_KINDS:
        # Oversight compendium (议事规则实施细则 第六条(一)): never for major questions.
        return ad_hoc_verdict(
            R_ADHOC_MAJOR,
            ctx,
            kind,
            emergency,
            False,
            "研究决定三重一大（重大问题）的会议不得搞临时动议，紧急会议亦然。",
            "No ad-hoc motion for a major matter, not even in an emergency meeting.",
            c.OV_NO_AD_HOC,
        )
    if emergency:
        # 第十五条(一): "除临时召开的会议，一般应当提前通知党组成员及派驻纪检监察组": a meeting
        # called at short notice is the one case the source exempts from notice, so an ordinary
        # item reaches members at the meeting itself. That sentence, not 第十五条 "可随时召开"
        # (which only says when a meeting may be called), is what is cited.
        return ad_hoc_verdict(
            R_ADHOC_EMERGENCY,
            ctx,
            kind,
            emergency,
            True,
            "除临时召开的会议外一般应当提前通知（第十五条(一)）：临时召开的会议可在会上提出一般议题。",
            "Only a meeting called at short notice is exempt from advance notice (第十五条(一)): "
            "it may take an ordinary item raised at the meeting.",
            c.C15_1_NOTICE,
        )
    # 第十五条(一): items are set by the secretary and notified in advance; our reading is that an
    # ordinary item is not raised at a regular meeting without notice.
    return ad_hoc_verdict(
        R_ADHOC_REFUSED,
        ctx,
        kind,
        emergency,
        False,
        "议题由党组书记会前确定并提前通知，例会不接受会上临时提出的议题。",
        "Items are set by the secretary and notified in advance; a regular meeting "
        "takes no item raised at the meeting.",
        c.C15_1_NOTICE,
    )


@hookimpl
def emergency_disposal(ctx: RuleContext) -> ProcedureRule:
    # Issue 8, item 7: the source has no 临机处置, and 第十二条 「任何个人或者少数人无权擅自决定」
    # is about deciding what belongs to the Party group, not about acting when it cannot meet
    # (Ningbo has the same sentence and provides 临机处置). The compendium's rule applies
    # (议事规则实施细则 第十七条): a member may act, and reports to the next meeting.
    return defaults.emergency_disposal(R_EMERGENCY)


@hookimpl
def reconsideration(ctx: RuleContext) -> ProcedureRule:
    # The source has no 复议 procedure: a dissenting member executes the decision and may reserve
    # his view or report to the superior Party organization (第十二条).
    return ProcedureRule(
        rule=R_RECONSIDER,
        allowed=False,
        who_zh="",
        conditions_zh="原文未规定复议；有不同意见的，在坚决执行的前提下可以声明保留或向上级党组织反映。",
        report_to_next_meeting=False,
        citation=c.C12_DISSENT,
    )


_KIND_STRICTNESS = {
    ItemKind.ORDINARY: 0,
    ItemKind.MAJOR_ISSUE: 1,
    ItemKind.MAJOR_MATTER: 2,
    ItemKind.DISCIPLINE: 3,
    ItemKind.PERSONNEL: 4,
}


_KIND_ZH = {
    ItemKind.ORDINARY: "一般议题",
    ItemKind.MAJOR_MATTER: "三重一大事项",
    ItemKind.PERSONNEL: "干部任免事项",
    ItemKind.DISCIPLINE: "处分党员事项",
    ItemKind.MAJOR_ISSUE: "重大问题",
}


def _scope(ctx: RuleContext, rule: str, category: str, kind: ItemKind, cit: Citation) -> Verdict:
    return rule_verdict(
        rule,
        ctx,
        True,
        {"category": category, "kind": str(kind)},
        f"属于{cit.article}所列事项，按{_KIND_ZH[kind]}办理。",
        f"Listed in {cit.article}: handled as a {kind} item.",
        cit,
    )


# 大额专项资金 (第五条(六)) against the tenant's threshold, the source's own blank ("xx万元").
# Without an amount the item cannot be shown to be small: it is held as 三重一大 (MET) until the
# amount is given, never left ordinary (RULES.md: a blank stops the rule, it does not switch the
# 三重一大 safeguards off).
_FUNDS_WITHOUT_AMOUNT = FixedAnswer(
    outcome=Outcome.MET,
    zh="未给出金额：补填金额前按三重一大（大额资金使用）从严办理；请填写金额（万元）。",
    en="No amount given: held as a major matter (large funds) until the amount (10k yuan) is "
    "given; please give it.",
)
_FUNDS_WORDING = FundsWording(
    met_zh="金额 {amount} 万元，标准为超过 {threshold} 万元（不含本数）："
    "属三重一大（大额资金使用）。",
    not_met_zh="金额 {amount} 万元，标准为超过 {threshold} 万元（不含本数）：不属大额资金。",
    met_en="{amount} 万元 against more than {threshold} 万元 (the amount itself excluded): "
    "a major matter (large funds).",
    not_met_en="{amount} 万元 against more than {threshold} 万元 (the amount itself excluded): "
    "not large funds.",
)


#: 第五条(六)'s categories that are 三重一大 whatever the amount, with its own sentence.
_ANY_AMOUNT = {
    Category.BUDGET: c.C5_6_FUNDS,
    Category.ASSET_DISPOSAL: c.C5_6_FUNDS,
    Category.BANK_ACCOUNT: c.C5_6_FUNDS,
}


@hookimpl
def classify_item(ctx: RuleContext, item: ClassifyInput) -> Classification:
    # An item in scope is a major matter whatever the proposer calls it (oversight compendium);
    # a proposer may still declare a stricter kind, which is kept.
    # A declared kind this source does not list (e.g. major_issue) is taken as the nearest
    # listed one, so that the answer is always one of item_kinds.
    kinds = [listed_kind(item.declared_kind, _LISTED)]
    verdicts: list[Verdict] = []
    fixed = {
        "decision": (R_CLASSIFY_DECISION, ItemKind.MAJOR_MATTER, c.C5_1_DECISIONS),
        "project": (R_CLASSIFY_PROJECT, ItemKind.MAJOR_MATTER, c.C5_5_PROJECTS),
        "personnel": (R_CLASSIFY_PERSONNEL, ItemKind.PERSONNEL, c.C5_4_PERSONNEL),
        # 第五条(四) and 第十四条 name 处分党员 / 纪律处分 apart from appointments.
        "discipline": (R_CLASSIFY_DISCIPLINE, ItemKind.DISCIPLINE, c.C5_4_PERSONNEL),
    }
    for category in item.categories:
        if category in fixed:
            rule, kind, cit = fixed[category]
            kinds.append(kind)
            verdicts.append(_scope(ctx, rule, category, kind, cit))
        elif category in (Category.FUNDS, Category.SPECIAL_FUNDS):
            # While the threshold is unset (needs_setting) or the amount unknown (met, asking
            # for it) the item is held as a major matter, the stricter kind.
            verdict = funds_verdict(
                R_CLASSIFY_FUNDS,
                ctx,
                item.amount_wan,
                key=FUNDS_THRESHOLD,
                # 第五条(六): "xx万元以上（不含xx万元）": the threshold itself is excluded.
                inclusive=False,
                citation=c.C5_6_FUNDS,
                without_amount=_FUNDS_WITHOUT_AMOUNT,
                wording=_FUNDS_WORDING,
            )
            if verdict.outcome == Outcome.NEEDS_SETTING:
                verdict = msgspec.structs.replace(
                    verdict,
                    explanation_zh=verdict.explanation_zh + "设置前按三重一大事项从严办理。",
                    explanation_en=verdict.explanation_en
                    + " Until it is set, the item is held as a major matter.",
                )
            if verdict.outcome in (Outcome.MET, Outcome.NEEDS_SETTING):
                kinds.append(ItemKind.MAJOR_MATTER)
            verdicts.append(verdict)
    # 第五条(六): the amount ("xx万元以上（不含xx万元）") governs 专项资金审批 only; 年度预算安排,
    # 国有资产变更处置 and 银行账户设立、变更及资金转存 are 三重一大 at any amount (a 3-万元 bank
    # account change was classified ordinary).
    # Issue 8, item 5: budgets, asset disposal and tendered procurement at any amount, and the
    # compendium's own amount per blank (core.rules.scope).
    scope = compendium_scope("heilongjiang", ctx, item, own=_ANY_AMOUNT)
    verdicts += scope
    if is_major(scope):
        kinds.append(ItemKind.MAJOR_MATTER)
    return Classification(kind=strictest_kind(kinds, _KIND_STRICTNESS), verdicts=verdicts)


# --- the compliance calendar and reporting ------------------------------------------------------


@hookimpl
def obligations(ctx: RuleContext) -> list[Obligation]:
    # The counts the source leaves blank ("x") are the tenant's settings: None until set.
    return counted_obligations(ctx, OBLIGATIONS)


@hookimpl
def report_recipients(ctx: RuleContext, event: str) -> list[Recipient]:
    if event == "report_to_superior":
        # 第十条: 国家机关事务管理局 and 省委省政府; 第十条(五): 省纪委监委 for 全面从严治党.
        return [
            Recipient(
                who_zh="国家机关事务管理局",
                who_en="National Government Offices Administration",
                when="on_issue",
                citation=c.C10_REPORTING_LINE,
            ),
            Recipient(
                who_zh="省委省政府",
                who_en="Provincial Party committee and government",
                when="on_issue",
                citation=c.C10_REPORTING_LINE,
            ),
            Recipient(
                who_zh="省纪委监委",
                who_en="Provincial discipline inspection and supervision commission",
                when="on_issue",
                citation=c.C10_5_PERIODIC_REPORTS,
            ),
        ]
    if event == "democratic_life_after":
        # 第十九条 says the report and record are sent "按要求" without naming anyone; 第十条(五)
        # names 省委 as the body that receives reports on 民主生活会.
        return [
            Recipient(
                who_zh="省委",
                who_en="Provincial Party committee",
                when="after",
                citation=c.C10_5_PERIODIC_REPORTS,
            ),
        ]
    if event == "minutes_distribution":
        # 第十五条(四): minutes go to the bureau's departments and its units.
        return [
            Recipient(
                who_zh="局机关处（室）",
                who_en="The bureau's departments",
                when="on_issue",
                citation=c.C15_4_MINUTES,
            ),
            Recipient(
                who_zh="局属单位",
                who_en="Units under the bureau",
                when="on_issue",
                citation=c.C15_4_MINUTES,
            ),
        ]
    # democratic_life_before, decision_to_absent_members: the source names nobody.
    return []
