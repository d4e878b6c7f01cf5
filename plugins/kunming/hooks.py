"""Hook implementations for Kunming NPC standing committee Party group.

Source: 中共昆明市人民代表大会常务委员会党组工作规则 (`source.txt`), adopted 2020-04-24 at the
67th meeting of the 14th NPC standing committee Party group, plus the shared oversight
compendium (core/rules/sources/oversight.txt) for the rules that apply to every tenant.

Choices where the source is open (each is also noted next to the code that makes it):

* 重大问题 (第二十二条, 2/3 quorum) is an item kind of its own (`major_issue`). 第六条 calls
  everything the Party group decides a "重大问题"; the platform lets the proposer or the clerk
  mark an item as one, and 三重一大 items are always treated as 重大问题 (第六条(六)).
* 三重一大 items: two-thirds (第二十二条, the stricter rule, since they are 重大问题 under
  第六条) and the member in charge present (oversight compendium).
* Kunming does not name 处分党员; `discipline` is not a listed kind. An item in that category is
  classified 三重一大 (the oversight compendium lists disciplinary handling under 重要人事任免,
  “三重一大”事项集体决策实施办法 一(二)5), and every hook asked about `discipline` directly
  answers as for a major matter, never by the ordinary fallback.
* 干部任免 is 重要人事任免, one of the 三重一大: the member in charge must be present (W1) and
  named votes are the default (I2), on top of 第二十二条's two-thirds.

Identity, settings, item kinds, the catalogue, the calendar's obligations and who receives what
are data in `catalog.py`.
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
    Category,
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
from plugins.kunming import citations as c
from plugins.kunming.catalog import (
    FUNDS_THRESHOLD,
    INFO,
    KINDS,
    LISTED,
    OBLIGATIONS,
    RECIPIENTS,
    RULES,
    SETTINGS,
    VERSIONS,
)
from plugins.kunming.meetings import FIRST_ITEM, FIRST_ITEM_SILENT

__all__ = [
    "INFO",
    "RULES",
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

# --- identity and settings -------------------------------------------------------------------


@hookimpl
def jurisdiction() -> JurisdictionInfo:
    return INFO


@hookimpl
def rule_versions() -> list[RuleVersion]:
    return VERSIONS


@hookimpl
def rule_catalog(ctx: RuleContext) -> list[RuleEntry]:
    # 「第一议题」 (agenda_order): its row beside the catalogue.
    return [*RULES, first_item_entry("kunming", FIRST_ITEM, FIRST_ITEM_SILENT)]


@hookimpl
def settings_spec() -> list[SettingSpec]:
    return SETTINGS


@hookimpl
def item_kinds(ctx: RuleContext) -> list[ItemKindInfo]:
    return KINDS


# --- quorum and passing ----------------------------------------------------------------------


@hookimpl
def meeting_quorum(ctx: RuleContext, attendance: Attendance) -> Verdict:
    # 第二十二条 "半数以上成员到会": 以上 includes the number itself (RULES.md, Counting). RULES.md
    # reads it as "more than half"; the source's wording wins.
    return quorum_verdict("kunming.quorum.meeting", ctx, attendance, HALF_OR_MORE, c.C22_QUORUM)


def _kind(kind: ItemKind | str) -> ItemKind:
    """`kind` as this source knows it. 处分党员 is not a Kunming kind, but 违纪处理 is 三重一大
    (“三重一大”事项集体决策实施办法 一(二)5), so it takes the major-matter rules, the way
    `classify_item` classifies it; any other unlisted kind takes the ordinary rules (I3)."""
    if kind == ItemKind.DISCIPLINE:
        return ItemKind.MAJOR_MATTER
    return listed_kind(kind, LISTED)


#: The 三重一大 kinds of this plugin: 重大决策/项目/资金 and 重要人事任免 (干部任免).
_SANZHONG = (ItemKind.MAJOR_MATTER, ItemKind.PERSONNEL)


@hookimpl
def item_quorum(ctx: RuleContext, kind: ItemKind, attendance: Attendance) -> Verdict:
    k = _kind(kind)
    if k == ItemKind.MAJOR_MATTER:
        # 三重一大 items are 重大问题 under 第六条(六)/(十), so 第二十二条's two-thirds applies
        # (stricter than the compendium's half); the compendium adds the member in charge.
        v = quorum_verdict(
            "kunming.quorum.major_matter",
            ctx,
            attendance,
            TWO_THIRDS_OR_MORE,
            c.C22_TWO_THIRDS,
            in_charge_required=True,
            in_charge_citation=c.OV_IN_CHARGE,
        )
        discipline = kind == ItemKind.DISCIPLINE
        return msgspec.structs.replace(
            v,
            explanation_zh=v.explanation_zh
            + "（“三重一大”事项属第六条所列重大问题，适用三分之二。"
            + (
                "处分党员属“三重一大”重要人事任免，三重一大实施办法 一(二)5。）"
                if discipline
                else "）"
            ),
            explanation_en=v.explanation_en
            + " (A major matter is a 重大问题 under 第六条: two-thirds applies."
            + (" Disciplining a member is 三重一大: 一(二)5.)" if discipline else ")"),
        )
    if k == ItemKind.MAJOR_ISSUE:
        # 第二十二条: "讨论重大问题 … 必须有三分之二以上党组成员到会".
        return quorum_verdict(
            "kunming.quorum.major_issue", ctx, attendance, TWO_THIRDS_OR_MORE, c.C22_TWO_THIRDS
        )
    if k == ItemKind.PERSONNEL:
        # 第二十二条: "… 干部任免事项必须有三分之二以上党组成员到会". 干部任免 is 重要人事任免
        # (“三重一大”事项集体决策实施办法 一(二)2), so its meeting is a "研究决定“三重一大”的会议"
        # and 三重一大实施办法 二 applies in full: "其中分管此项工作的党组成员必须到会". The next
        # sentence ("讨论干部问题时，应有三分之二以上…") raises the number for cadre questions; it
        # does not lift the in-charge condition.
        return quorum_verdict(
            "kunming.quorum.personnel",
            ctx,
            attendance,
            TWO_THIRDS_OR_MORE,
            c.C22_TWO_THIRDS,
            in_charge_required=True,
            in_charge_citation=c.OV_IN_CHARGE,
        )
    if k == ItemKind.ORDINARY:
        # Issue 8, item 2: 第六条 names everything the Party group decides a 重大问题
        # ("党组讨论和决定下列重大问题:", down to (十) "其他应当由党组讨论和决定的重大问题"), and
        # 第二十二条 requires two-thirds for 讨论重大问题. So an item put to the Party group for
        # decision takes two-thirds whatever it is called; only items heard without a decision
        # (传达学习, 通报) keep the meeting's half.
        v = quorum_verdict(
            "kunming.quorum.major_issue", ctx, attendance, TWO_THIRDS_OR_MORE, c.C22_TWO_THIRDS
        )
        return msgspec.structs.replace(
            v,
            explanation_zh=v.explanation_zh + "（第六条：党组讨论和决定的事项均属重大问题。）",
            explanation_en=v.explanation_en
            + " (第六条: whatever the Party group decides is a 重大问题.)",
        )
    # 第二十二条: the meeting quorum for items heard, not decided (传达学习, 通报), with recused
    # members out of base and count (回避, same article).
    return quorum_verdict("kunming.quorum.item", ctx, attendance, HALF_OR_MORE, c.C22_QUORUM)


@hookimpl
def passing(ctx: RuleContext, kind: ItemKind, tally: Tally) -> Verdict:
    # 第二十三条: "赞成票超过应到会党组成员半数为通过" for every kind; written opinions of absent
    # members are never votes (same article), which passing_verdict states in its numbers.
    return passing_verdict(
        "kunming.passing.majority_of_expected", ctx, tally, MORE_THAN_HALF, c.C23_PASSING
    )


# --- voting and speaking ---------------------------------------------------------------------


@hookimpl
def voting_rules(ctx: RuleContext, kind: ItemKind) -> VotingRules:
    # 三重一大 kinds, 干部任免 and 处分党员 included (findings I2, I3): 议事规则实施细则 第六条(五)
    # "表决一般采用记名形式" and the close-vote deferral.
    major = _kind(kind) in _SANZHONG
    citations = [c.C23_METHODS, c.C23_ITEM_BY_ITEM, c.C23_ABSENT_OPINIONS]
    if major:
        citations += [c.OV_NAMED_VOTES, c.OV_DEFER_CLOSE]
    return VotingRules(
        # 第二十三条: "口头、举手、无记名投票或者记名投票".
        methods=["oral", "hands", "secret_ballot", "named_ballot"],
        # The source sets no default; hands is the platform's choice for other items, and the
        # compendium's named vote for 三重一大 (议事规则实施细则 第六条(五)).
        default_method="named_ballot" if major else "hands",
        named_by_default=major,
        item_by_item=True,  # 第二十三条 "逐项进行表决"
        # The source does not require person-by-person votes on appointments; the clerk can
        # still put each person as a separate item.
        person_by_person=False,
        # Kunming is silent; for 三重一大 the compendium lets the chair defer when close.
        split_opinions_defer=major,
        proxy_votes=False,  # 第二十三条 "不能委托他人投票"
        absent_opinion_counts=False,  # 第二十三条 "不得计入票数"
        citations=citations,
        named=major,
        deferral=DeferralRule(
            mandatory=False,
            triggers=[DeferTrigger.CLOSE_VOTE],
            then_zh="留待下次会议讨论",
            citation=c.OV_DEFER_CLOSE,
        )
        if major
        else None,
    )


@hookimpl
def speaking_order(ctx: RuleContext, kind: ItemKind, members: list[MemberFacts]) -> SpeakingOrder:
    # 第二十三条 "主持人末位表态制": the chair states a position last. The chair is whoever is
    # marked chairing; otherwise the secretary, who chairs by default (第二十一条). The source
    # fixes no order among the others, so they keep the order given.
    chair = next((m for m in members if m.chairing), None)
    if chair is None:
        chair = next((m for m in members if m.position == "secretary"), None)
    if chair is None:
        return SpeakingOrder(
            order=[m.id for m in members],
            rule="kunming.speaking.chair_last",
            explanation_zh="未指明主持人，按给定顺序发言；主持人应末位表态。",
            explanation_en="No chair given: members speak in the order given; the chair speaks "
            "last.",
            citation=c.C23_CHAIR_LAST,
        )
    return SpeakingOrder(
        order=[m.id for m in members if m.id != chair.id] + [chair.id],
        rule="kunming.speaking.chair_last",
        explanation_zh="实行主持人末位表态制：其他党组成员先发言，主持人最后表态。",
        explanation_en="The chair states a position last; the other members speak first.",
        citation=c.C23_CHAIR_LAST,
    )


# --- notice and ad-hoc motions ---------------------------------------------------------------


@hookimpl
def notice_rules(ctx: RuleContext, kind: ItemKind, meeting_kind: MeetingKind) -> list[NoticeRule]:
    # 议事规则实施细则 第六条(三), 1 working day to the members, applies to every kind (I4): the
    # personnel variant below and members_working_day for all others.
    k = _kind(kind)
    # Issue 8, item 8: 处分党员 (a major matter here) is 重要人事 (三重一大实施办法 一(二)5), a
    # 人事问题 of 实施细则 第六条(三): its materials are withheld until the meeting.
    personnel = k == ItemKind.PERSONNEL or kind == ItemKind.DISCIPLINE
    rules = [
        NoticeRule(
            rule="kunming.notice.members",
            recipients="members",
            # 第二十一条 "会前2日": calendar days (the source does not say working days).
            days_before=2,
            working_days=False,
            materials=False,
            written=False,
            note_zh="会议时间、议题一般在会前2日（日历日）通知党组成员（第二十一条）。"
            "Time and agenda 2 calendar days before.",
            citation=c.C21_NOTICE,
        ),
    ]
    if personnel:
        # Compendium 第六条(三): personnel items are listed on the notice, but their materials
        # are handed out at the meeting and collected afterwards, so no materials with it.
        rules.append(
            NoticeRule(
                rule="kunming.notice.personnel",
                recipients="members",
                days_before=1,
                working_days=True,
                materials=False,
                written=True,
                note_zh="人事议题须在通知上列明，至少提前1个工作日；议案和论证材料上会时发放、"
                "会后收回。Listed on the notice 1 working day before; materials only at the "
                "meeting.",
                citation=c.OV_PERSONNEL_MATERIALS,
            )
        )
    else:
        rules.append(
            NoticeRule(
                rule="kunming.notice.members_working_day",
                recipients="members",
                days_before=1,
                working_days=True,
                materials=True,
                # "书面或电话通知 … 确实无法书面送达的，应设法用电话": in writing as the rule.
                written=True,
                # Item 13: ordinary items are 重大问题 of the 细则 by its 第四条(十二).
                see_also=[K.XZ_ALL_ITEMS],
                note_zh="会议通知（含议题及有关资料）至少提前1个工作日书面送达（监督制度汇编）。"
                "Notice with materials at least 1 working day before, in writing.",
                citation=c.OV_NOTICE,
            )
        )
    rules.append(
        NoticeRule(
            rule="kunming.notice.attendees",
            recipients="attendees",
            days_before=None,  # 第二十二条 names who may attend, not when they are told
            note_zh="非中共党员的常委会副主任及召集人指定人员列席，原文未规定时限，及时通知。"
            "Attendees told in time; no period in the source.",
            citation=c.C22_ATTENDEES_NAMED,
        )
    )
    if k in _SANZHONG:
        # The inspection group sits in on 三重一大 meetings (“三重一大”办法 三(五)), personnel
        # included, so it is among the 应到会人员 of 议事规则实施细则 第六条(三). The deadline is
        # that sentence's ("至少提前l个工作日"), so it is the one cited; personnel
        # papers stay back until the meeting (same paragraph).
        rules.append(
            NoticeRule(
                rule="kunming.notice.inspectors",
                recipients="inspectors",
                days_before=1,
                working_days=True,
                materials=not personnel,
                written=True,
                note_zh="派驻纪检监察组列席“三重一大”事项决策会议（三重一大实施办法 三(五)），"
                "作为应到会人员至少提前1个工作日收到通知（人事议题材料上会时发放）。"
                "The inspectors sit in and get notice 1 working day before.",
                citation=c.OV_NOTICE,
            )
        )
    # 第二十一条 "一般在会前2日通知": an exception is recorded with its reason, not a violation.
    rules = with_notice(
        rules,
        {"kunming.notice.members"},
        binding=Binding.GENERALLY,
        exception_citation=c.C21_NOTICE,
    )
    if k in _SANZHONG or kind == ItemKind.DISCIPLINE:
        rules = major_notice(rules, ctx, {"kunming.notice.personnel", "kunming.notice.inspectors"})
    return at_meeting(rules, meeting_kind)


@hookimpl
def ad_hoc_motion(ctx: RuleContext, kind: ItemKind, emergency: bool) -> Verdict:
    k = _kind(kind)
    if k == ItemKind.PERSONNEL:
        # Compendium 第六条(三): "人事问题的议题，须在通知上列明" — never raised at the meeting.
        return ad_hoc_verdict(
            "kunming.adhoc.personnel_refused",
            ctx,
            k,
            emergency,
            False,
            "不得临时动议决定干部的任免；人事议题须在会议通知上列明（紧急会议亦然）。",
            "Cadre appointments are never decided ad hoc; a personnel item must be on the "
            "notice, not even at an emergency meeting.",
            K.GB_NO_AD_HOC,
            see_also=[c.OV_PERSONNEL_MATERIALS],
        )
    if k in (ItemKind.MAJOR_MATTER, ItemKind.MAJOR_ISSUE):
        # Compendium 第六条(一): "研究决定重大问题的会议不得搞临时动议".
        return ad_hoc_verdict(
            "kunming.adhoc.major_refused",
            ctx,
            k,
            emergency,
            False,
            "研究决定重大问题、“三重一大”事项的会议不得临时动议（紧急会议亦然）。",
            "Major issues and major matters are never raised ad hoc, not even at an emergency "
            "meeting.",
            c.OV_NO_AD_HOC_MAJOR,
        )
    # 第二十一条 has the agenda notified 2 days before; the compendium (议事规则实施细则 第六条(四))
    # forbids ad-hoc motions outright: "会上须按通知所列议题议事，不许临时动议". Neither has an
    # emergency exception. 第二十一条 "遇有重要情况可以随时召开" is about calling a meeting, not
    # about raising items at it, so an emergency meeting is refused too.
    return ad_hoc_verdict(
        "kunming.adhoc.refused",
        ctx,
        k,
        emergency,
        False,
        "会上须按通知所列议题议事，不许临时动议"
        + ("；随时召开的会议亦然，议题须列入会议通知。" if emergency else "。"),
        "Only the items on the notice are discussed: no ad-hoc motions"
        + (
            "; a meeting called at any time included: its items go on the notice."
            if emergency
            else "."
        ),
        c.OV_NO_AD_HOC,
        # Item 13: the source's own sentences: items are set beforehand and notified 2 days
        # before (第二十一条).
        see_also=[c.C21_AGENDA, c.C21_NOTICE],
    )


# --- procedures ------------------------------------------------------------------------------


@hookimpl
def emergency_disposal(ctx: RuleContext) -> ProcedureRule:
    # Issue 8, item 7: the source has no 临机处置 (第十一条 has matters decided collectively,
    # 第二十一条 a meeting called at any time), and nothing in it forbids acting when no meeting
    # can be held. The compendium's rule applies (议事规则实施细则 第十七条).
    return defaults.emergency_disposal("kunming.procedure.emergency_disposal")


@hookimpl
def reconsideration(ctx: RuleContext) -> ProcedureRule:
    # No 复议 procedure in the source. 第二十四条: dissent may be kept or reported upward, and the
    # decision is executed until it is changed (by a new collective decision).
    return ProcedureRule(
        rule="kunming.procedure.reconsideration",
        allowed=False,
        conditions_zh="原文未设复议程序：党组成员对决策有不同意见的，可以保留或者向上级党组织"
        "反映，决策改变前应当坚决执行（第二十四条）；改变决策须作为新议题集体讨论决定。",
        citation=c.C24_EXECUTE,
    )


# --- classification (三重一大 scope) --------------------------------------------------------

#: 第六条's categories (a 重大问题 each), by `Category`.
_SIXTH = {
    Category.REPORT_TO_SUPERIOR: c.C6_REPORT,
    Category.ORGANIZATION: c.C6_ORGANIZATION,
    Category.NPC_FUNCTIONS: c.C6_NPC_FUNCTIONS,
    Category.ELECTION: c.C6_ELECTION,
    Category.PARTY_BUILDING: c.C6_PARTY_BUILDING,
}

#: Strictness when several categories apply: personnel first (its notice keeps the materials
#: back until the meeting), then 三重一大, then 重大问题.
_RANK = {
    ItemKind.STUDY: 0,
    ItemKind.BRIEFING: 0,
    ItemKind.ORDINARY: 0,
    ItemKind.MAJOR_ISSUE: 1,
    ItemKind.MAJOR_MATTER: 2,
    ItemKind.PERSONNEL: 3,
}


# 大额资金使用 (第六条(六)) against the tenant's threshold, "XX万元以上" (oversight compendium).
_FUNDS_WITHOUT_AMOUNT = FixedAnswer(
    # No amount to test: the category "大额资金使用" is taken at its word (第六条(六)) and held as
    # 三重一大 until the amount is given (the same answer in all four plugins).
    outcome=Outcome.MET,
    zh="申报为大额资金使用但未填金额：补填金额前按“三重一大”事项从严处理；请填写金额（万元）。",
    en="Declared as large-funds use without an amount: held as a major matter until the amount "
    "(10k yuan) is given; please give it.",
    citation=c.C6_FUNDS_PROJECTS,
)
_FUNDS_WORDING = FundsWording(
    met_zh="金额 {amount} 万元，达到大额资金起点 {threshold} 万元（含本数），属“三重一大”事项。",
    not_met_zh="金额 {amount} 万元，未达大额资金起点 {threshold} 万元，不因金额属“三重一大”。",
    met_en="{amount} 万元 is at or above the {threshold} 万元 threshold: a major matter.",
    not_met_en="{amount} 万元 is below the {threshold} 万元 threshold: "
    "not a major matter by amount.",
)


@hookimpl
def classify_item(ctx: RuleContext, item: ClassifyInput) -> Classification:
    declared = (
        ItemKind.MAJOR_MATTER
        if item.declared_kind == ItemKind.DISCIPLINE
        else listed_kind(item.declared_kind, LISTED)
    )
    found: list[ItemKind] = [declared]
    verdicts: list[Verdict] = []
    categories = set(item.categories)
    if "personnel" in categories:
        found.append(ItemKind.PERSONNEL)
        verdicts.append(
            rule_verdict(
                "kunming.classify.personnel",
                ctx,
                True,
                {"category": "personnel"},
                "干部任免事项：须三分之二以上党组成员到会。",
                "A cadre appointment: two-thirds of members must be present.",
                c.C22_TWO_THIRDS,
            )
        )
    if "discipline" in categories:
        found.append(ItemKind.MAJOR_MATTER)
        verdicts.append(
            rule_verdict(
                "kunming.classify.discipline",
                ctx,
                True,
                {"category": "discipline"},
                "原文未单列处分党员；违纪处理意见属“三重一大”重要人事任免事项。",
                "The source does not name 处分党员; disciplinary handling is a major matter "
                "(重要人事任免).",
                c.OV_DISCIPLINE,
            )
        )
    if "decision" in categories:
        found.append(ItemKind.MAJOR_MATTER)
        verdicts.append(
            rule_verdict(
                "kunming.classify.major_decision",
                ctx,
                True,
                {"category": "decision"},
                "重大事项决策属“三重一大”事项，须经党组按规定程序讨论决定。",
                "A major decision is a major matter, decided by the Party group by the rules.",
                c.OV_SCOPE,
            )
        )
    if "project" in categories:
        found.append(ItemKind.MAJOR_MATTER)
        verdicts.append(
            rule_verdict(
                "kunming.classify.major_project",
                ctx,
                True,
                {"category": "project"},
                "重大项目安排属“三重一大”事项，也是第六条所列重大问题。",
                "A major project is a major matter and a 重大问题 under 第六条.",
                c.C6_FUNDS_PROJECTS,
            )
        )
    if "funds" in categories:
        verdict = funds_verdict(
            "kunming.classify.major_funds",
            ctx,
            item.amount_wan,
            key=FUNDS_THRESHOLD,
            inclusive=True,  # "XX万元以上": 以上 includes the amount itself
            citation=c.OV_FUNDS_THRESHOLD,
            without_amount=_FUNDS_WITHOUT_AMOUNT,
            wording=_FUNDS_WORDING,
        )
        # Until the unit sets the threshold the item is held to the stricter kind, and the
        # verdict says so (RULES.md: never silently drop 三重一大 safeguards).
        if verdict.outcome == Outcome.NEEDS_SETTING:
            verdict = msgspec.structs.replace(
                verdict,
                explanation_zh=verdict.explanation_zh + "设置前按“三重一大”事项从严处理。",
                explanation_en=verdict.explanation_en
                + " Until it is set, the item is held as a major matter.",
            )
        if verdict.outcome in (Outcome.MET, Outcome.NEEDS_SETTING):
            found.append(ItemKind.MAJOR_MATTER)
        verdicts.append(verdict)
    # Issue 8, item 5: budgets, asset disposal and tendered procurement at any amount, and the
    # compendium's own amount per blank (core.rules.scope).
    scope = compendium_scope("kunming", ctx, item)
    verdicts += scope
    if is_major(scope):
        found.append(ItemKind.MAJOR_MATTER)
    sixth = sorted(categories & set(_SIXTH))
    for category in sixth:
        found.append(ItemKind.MAJOR_ISSUE)
        verdicts.append(
            rule_verdict(
                "kunming.classify.major_issue",
                ctx,
                True,
                {"category": category},
                "第六条所列事项，属党组讨论和决定的重大问题，须三分之二以上党组成员到会。",
                "A matter listed in 第六条: a 重大问题, two-thirds of members present.",
                _SIXTH[category],
            )
        )
    if strictest_kind(found, _RANK) == ItemKind.ORDINARY and not sixth:
        # Issue 8, item 2: an item put to the Party group for decision is a 重大问题 (第六条),
        # unless it is heard without a decision (传达学习, 通报: declare it `study`/`briefing`).
        found.append(ItemKind.MAJOR_ISSUE)
        verdicts.append(
            rule_verdict(
                "kunming.classify.major_issue",
                ctx,
                True,
                {"declared": str(declared)},
                "提请党组讨论和决定的议题属第六条所列重大问题（传达学习、通报等不作决定的议题除外）。",
                "An item put to the Party group for decision is a 重大问题 under 第六条 "
                "(items heard without a decision, study or briefing, excepted).",
                c.C6_MAJOR_ISSUES,
            )
        )
    if not verdicts:
        verdicts.append(
            not_applicable(
                "kunming.classify.declared",
                ctx,
                c.OV_SCOPE,
                f"未勾选“三重一大”类别，按申报类型（{declared}）处理。",
                f"No 三重一大 category given: the declared kind ({declared}) stands.",
            )
        )
    return Classification(kind=strictest_kind(found, _RANK), verdicts=verdicts)


# --- the compliance calendar and reporting ---------------------------------------------------


@hookimpl
def obligations(ctx: RuleContext) -> list[Obligation]:
    return OBLIGATIONS


@hookimpl
def report_recipients(ctx: RuleContext, event: str) -> list[Recipient]:
    return RECIPIENTS.get(event, [])


# --- access policy ---------------------------------------------------------------------------


@hookimpl
def access_policy() -> dict[str, tuple[Permission, ...]] | None:
    # The core default policy fits this source's roles; see core/access/policy.py.
    return None
