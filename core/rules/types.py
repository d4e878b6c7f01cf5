"""Values that jurisdiction hooks take and answer with.

Every rule a plugin encodes carries a `Citation`: the article (第十八条, 三(五)) and the original
sentence from the source document, verbatim, so that a user told "no" can check why. The
conformance kit checks that each `original` is found in the plugin's source text.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

import msgspec

__all__ = [
    "BODY_POSITIONS",
    "UNDECIDED_KINDS",
    "AdHocPolicy",
    "AgendaRule",
    "Attendance",
    "Binding",
    "Category",
    "Citation",
    "Classification",
    "ClassifyInput",
    "ConveningRule",
    "DeferTrigger",
    "DeferralRule",
    "FollowUpRule",
    "ItemKind",
    "ItemKindInfo",
    "JurisdictionInfo",
    "LeaveRule",
    "MaterialsReturn",
    "MaterialsRule",
    "MaterialsWindow",
    "MeetingKind",
    "MemberFacts",
    "MinutesDue",
    "MinutesRule",
    "NoticeRule",
    "Obligation",
    "ObligationScope",
    "ObligationUnit",
    "Outcome",
    "ProcedureRule",
    "Recipient",
    "RuleContext",
    "RuleEntry",
    "RuleVersion",
    "SettingSpec",
    "SpeakingBinds",
    "SpeakingOrder",
    "Tally",
    "Verdict",
    "VoteChoice",
    "VotingRules",
]

BODY_POSITIONS = ("secretary", "deputy_secretary", "member")


class Citation(msgspec.Struct, frozen=True, kw_only=True):
    #: Article or section as the source numbers it: "第十八条", "三(五)", "第十五条(二)".
    article: str
    #: The original sentence, verbatim from the source (whitespace may differ).
    original: str
    #: "" = the plugin's own source document; "oversight" = the oversight-systems compendium
    #: shipped with the core (core/rules/sources/oversight.txt), which applies to every tenant.
    source: str = ""


class Outcome(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    NEEDS_SETTING = "needs_setting"
    NOT_APPLICABLE = "not_applicable"


class Verdict(msgspec.Struct, frozen=True, kw_only=True):
    """The answer to one rule question: never a bare boolean."""

    rule: str
    outcome: Outcome
    #: The numbers used, e.g. {"present": 4, "expected": 7, "needed": 5, "fraction": "2/3"}.
    numbers: dict[str, Any] = {}
    #: One sentence a person understands, Chinese first.
    explanation_zh: str = ""
    explanation_en: str = ""
    citation: Citation
    rules_version: str = ""
    #: Setting keys whose absence made the outcome "needs setting".
    missing_settings: list[str] = []
    #: Further sentences the answer rests on (the basis for applying `citation`, or the
    #: tenant's own sentence beside the compendium's), checked like `citation`.
    see_also: list[Citation] = []

    @property
    def ok(self) -> bool:
        return self.outcome in (Outcome.MET, Outcome.NOT_APPLICABLE)


class JurisdictionInfo(msgspec.Struct, frozen=True, kw_only=True):
    name: str
    body_zh: str
    body_en: str
    source_title: str
    source_date: str
    source_file: str
    rules_version: str


class RuleVersion(msgspec.Struct, frozen=True, kw_only=True):
    """One version of a jurisdiction's rule set, in force from `effective_from`."""

    version: str
    effective_from: date
    source_title: str
    note: str = ""


class SettingSpec(msgspec.Struct, frozen=True, kw_only=True):
    key: str
    type: str  # "int" | "decimal" | "bool" | "str"
    label_zh: str
    label_en: str
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    #: None means "must be set": rules that need it answer "needs setting" until it is.
    default: Any = None
    article: str = ""
    original: str = ""
    #: As in `Citation.source`: "" for the plugin's own source, "oversight" for the compendium.
    source: str = ""


class RuleContext(msgspec.Struct, frozen=True, kw_only=True):
    """What every rule hook is asked under: the version in force and the tenant's settings."""

    version: str
    settings: dict[str, Any] = {}
    on: date | None = None


class ItemKind(StrEnum):
    ORDINARY = "ordinary"
    #: 三重一大: 重大决策, 重要人事任免, 重大项目安排, 大额资金使用.
    MAJOR_MATTER = "major_matter"
    #: 干部任免.
    PERSONNEL = "personnel"
    #: 处分党员.
    DISCIPLINE = "discipline"
    #: 重大问题 (Kunming 第二十二条), distinct from 三重一大 in that source.
    MAJOR_ISSUE = "major_issue"
    #: 传达学习: an item heard and studied, not decided ("第一议题" is one).
    STUDY = "study"
    #: 通报: an item reported to the meeting, not decided.
    BRIEFING = "briefing"


#: Kinds of item the meeting hears without deciding: no vote, so no passing threshold.
UNDECIDED_KINDS = frozenset({ItemKind.STUDY, ItemKind.BRIEFING})


class Category(StrEnum):
    """What an item is about, as the sources' scope lists name it (`ClassifyInput.categories`).

    A plugin answers for the categories its source and the compendium name and ignores the
    others. Money categories carry the amount in `ClassifyInput.amount_wan`; those marked "any
    amount" are 三重一大 whatever the amount.
    """

    #: 重大事项决策.
    DECISION = "decision"
    #: 重要人事任免 (干部任免).
    PERSONNEL = "personnel"
    #: 重大项目安排.
    PROJECT = "project"
    #: 大额资金使用: 预算内项目支出和采购 (三重一大实施办法 一(四)1), against an amount.
    FUNDS = "funds"
    #: 处分党员 / 违纪处理 (一(二)5).
    DISCIPLINE = "discipline"
    #: 年度预算安排 / 年度部门预算方案 (一(一)3; HL 第五条(六)): any amount.
    BUDGET = "budget"
    #: 国有资产配置、变更、处置 (一(一)5; HL 第五条(六)): any amount.
    ASSET_DISPOSAL = "asset_disposal"
    #: 银行账户设立、变更及资金转存 (HL 第五条(六)): any amount.
    BANK_ACCOUNT = "bank_account"
    #: 按规定应纳入招投标的采购项目 (一(三)5): any amount.
    TENDERED_PROCUREMENT = "tendered_procurement"
    #: 专项资金审批 (HL 第五条(六), "xx万元以上（不含xx万元）"): against an amount.
    SPECIAL_FUNDS = "special_funds"
    #: 基本建设项目投资, a single project (一(三)3): against an amount.
    CONSTRUCTION = "construction"
    #: 基本建设项目投资, bundled projects (一(三)3): against an amount.
    CONSTRUCTION_BUNDLE = "construction_bundle"
    #: 基本建设、维修项目以及房屋装潢、维修 (一(三)7): against an amount.
    REPAIRS = "repairs"
    #: 大型活动、大型会议开支 (一(四)1): against an amount.
    EVENTS = "events"
    #: 对下转移支付大额专项资金 (一(四)2): against an amount.
    TRANSFERS = "transfers"
    #: 机构设置、职责、人员编制 (Kunming 第六条(二), Ningbo 第六条(六)).
    ORGANIZATION = "organization"
    #: 需要向上级请示报告的事项 (Kunming 第六条(一)).
    REPORT_TO_SUPERIOR = "report_to_superior"
    #: 立法、监督、重大事项决定、人事任免等方面的重大问题 (Kunming 第六条(三)).
    NPC_FUNCTIONS = "npc_functions"
    #: 换届选举工作重要事项 (Kunming 第六条(四)).
    ELECTION = "election"
    #: 党组织及党员队伍建设、意识形态、党风廉政等方面的重要事项 (Kunming 第六条(七)–(九)).
    PARTY_BUILDING = "party_building"


class ItemKindInfo(msgspec.Struct, frozen=True, kw_only=True):
    kind: ItemKind
    label_zh: str
    label_en: str
    citation: Citation | None = None


class Attendance(msgspec.Struct, frozen=True, kw_only=True):
    """Head count for a meeting or one item. `expected` = all current members (members on leave
    included); `recused` members are removed from both base and head count for that item."""

    expected: int
    present: int
    recused: int = 0
    #: For an item: is the member in charge of its area present? None = no member in charge known.
    in_charge_present: bool | None = None


class Tally(msgspec.Struct, frozen=True, kw_only=True):
    expected: int
    yes: int
    no: int = 0
    abstain: int = 0
    recused: int = 0
    #: Written opinions of absent members, for and against: never votes (shown for deferral only).
    written_for: int = 0
    written_against: int = 0


# --- the meeting lifecycle's questions (issue 8, "a contract the meeting lifecycle can ask") ----
#
# Each answer is data a rule table can hold: enums and lists, one citation (plus `see_also`), no
# callables. Defaults the compendium gives are in `core.rules.defaults`.


class MeetingKind(StrEnum):
    #: 例会: the regular meeting ("一般每月召开…次").
    REGULAR = "regular"
    #: 紧急会议: "遇突发事件和紧急情况，可召开紧急会议" (items raised at the meeting).
    EMERGENCY = "emergency"
    #: 临时召开 / 随时召开: called at short notice "遇有重要情况".
    TEMPORARY = "temporary"
    #: 扩大会议: with heads of departments sitting in.
    ENLARGED = "enlarged"


class Binding(StrEnum):
    """How a rule binds at a given meeting."""

    #: A miss is a violation.
    MUST = "must"
    #: "一般" / "原则上": a miss is an exception, recorded with its reason, not a violation.
    GENERALLY = "generally"
    #: The rule does not apply at this kind of meeting (e.g. "除临时召开的会议").
    EXEMPT = "exempt"


class VoteChoice(StrEnum):
    YES = "yes"  # 同意 / 赞成
    NO = "no"  # 不同意 / 反对
    ABSTAIN = "abstain"  # 弃权
    #: 缓议 (HL 第十六条(二)): asks that the matter be put off. Not an abstention: it counts
    #: neither for nor against passing, and the meeting must consider deferring.
    DEFER = "defer"


class DeferTrigger(StrEnum):
    #: 意见分歧较大 / 发生分歧 / 不同意见难以统一.
    SPLIT_OPINIONS = "split_opinions"
    #: 赞成与反对人数接近 (written opinions of absent members counted for this only).
    CLOSE_VOTE = "close_vote"
    #: 有重大问题不清楚的.
    UNCLEAR_FACTS = "unclear_facts"


class DeferralRule(msgspec.Struct, frozen=True, kw_only=True):
    """When an item is put off instead of voted."""

    #: MUST: the item shall be deferred on a trigger; GENERALLY: "一般应暂缓"; a "may" is
    #: `mandatory=False`.
    mandatory: bool
    triggers: list[DeferTrigger]
    #: "除紧急情况按多数意见执行外": an urgent item is decided by the majority instead.
    except_urgent: bool = False
    #: What follows: "进一步调查研究、交换意见后再复议表决", "向上级党组织汇报请示后再作决定".
    then_zh: str = ""
    citation: Citation


class SpeakingBinds(StrEnum):
    #: Only who speaks last is fixed (the secretary or the chair); others in any order.
    LAST_ONLY = "last_only"
    #: The whole order is fixed (HL personnel: from the lowest rank up).
    FULL_ORDER = "full_order"
    #: The source fixes nothing: the order is the platform's default, which the meeting may
    #: ignore.
    NONE = "none"


class VotingRules(msgspec.Struct, frozen=True, kw_only=True):
    methods: list[str]  # oral | hands | secret_ballot | named_ballot
    default_method: str
    #: The default method is a named *ballot* (`named_ballot`); kept for older callers.
    named_by_default: bool
    item_by_item: bool
    person_by_person: bool
    split_opinions_defer: bool
    proxy_votes: bool = False
    absent_opinion_counts: bool = False
    citations: list[Citation]
    #: The choices a member states (HL personnel: 同意、不同意或缓议; 缓议 is not an abstention).
    choices: list[VoteChoice] = msgspec.field(
        default_factory=lambda: [VoteChoice.YES, VoteChoice.NO, VoteChoice.ABSTAIN]
    )
    #: "Named" in the compendium's sense (实施细则 第六条(五) "表决一般采用记名形式(含口头表态、
    #: 举手和记名投票等形式)"): each member's choice is recorded, whatever the method. Apart from
    #: `named_ballot`, which is one method; a secret ballot is never named.
    named: bool = False
    #: When the item is put off instead of voted; None when the source says nothing.
    deferral: DeferralRule | None = None


class MemberFacts(msgspec.Struct, frozen=True, kw_only=True):
    id: int
    position: str  # secretary | deputy_secretary | member
    rank: int
    chairing: bool = False


class SpeakingOrder(msgspec.Struct, frozen=True, kw_only=True):
    order: list[int]
    rule: str
    explanation_zh: str
    explanation_en: str
    citation: Citation
    #: What of `order` the source binds: the last speaker only, the full order, or nothing.
    binds: SpeakingBinds = SpeakingBinds.LAST_ONLY


class NoticeRule(msgspec.Struct, frozen=True, kw_only=True):
    rule: str
    recipients: str  # members | attendees | inspectors
    #: Delivered at the latest this many days before the meeting; None = "in time"/"in advance".
    days_before: int | None
    working_days: bool = False
    #: Days counted in `days_before` may need a setting (the sources' blanks).
    days_setting: str | None = None
    materials: bool = False
    written: bool = False
    #: Objections due this many days before the meeting, where the source sets one.
    objection_days_before: int | None = None
    note_zh: str = ""
    citation: Citation
    #: Further sentences the rule rests on (e.g. why a compendium rule reaches this kind).
    see_also: list[Citation] = []
    #: How it binds at the meeting asked about: MUST, GENERALLY ("一般": a miss is recorded with
    #: its reason), or EXEMPT (set by `core.rules.builders.at_meeting` from `exempt_at`).
    binding: Binding = Binding.MUST
    #: Meeting kinds the source exempts ("除临时召开的会议"; an emergency meeting's items
    #: "在会上提出").
    exempt_at: list[MeetingKind] = []
    #: The exception the source admits, in its words, and the sentence that admits it.
    exception_zh: str = ""
    exception_citation: Citation | None = None


class ObligationUnit(StrEnum):
    """What an obligation's `count` counts."""

    #: Sessions, meetings, reports: "每年至少向市委报告2次".
    EVENTS = "events"
    #: A duration in days: "每年保证一定时间" set as days.
    DAYS = "days"
    #: A duration in months: "每年深入基层调研工作的时间原则不得少于2个月".
    MONTHS = "months"


class ObligationScope(StrEnum):
    """Whose obligation it is."""

    #: The body (the Party group) as a whole: one count for the tenant.
    BODY = "body"
    #: Every member on his own: "每位党组成员每年…", counted per member.
    EACH_MEMBER = "each_member"


class Obligation(msgspec.Struct, frozen=True, kw_only=True):
    rule: str
    kind: str  # report_to_superior | study_session | democratic_life | … (RULES.md calendar)
    label_zh: str
    #: At least this many `unit`s per period; None when a setting decides (then
    #: `count_setting`).
    count: int | None
    period: str  # month | quarter | half_year | year
    count_setting: str | None = None
    #: What `count` counts: events (the default), or a duration in days or months.
    unit: ObligationUnit = ObligationUnit.EVENTS
    #: The body's own obligation, or one that every member meets on his own.
    scope: ObligationScope = ObligationScope.BODY
    #: "原则上"/"一般": a shortfall is an exception recorded with its reason, not a violation.
    generally: bool = False
    recipients: list[str] = []
    citation: Citation


class Recipient(msgspec.Struct, frozen=True, kw_only=True):
    who_zh: str
    who_en: str
    when: str  # before | after | on_issue
    citation: Citation


class ProcedureRule(msgspec.Struct, frozen=True, kw_only=True):
    rule: str
    allowed: bool
    who_zh: str = ""
    conditions_zh: str = ""
    report_to_next_meeting: bool = False
    citation: Citation | None = None


class ClassifyInput(msgspec.Struct, frozen=True, kw_only=True):
    declared_kind: ItemKind = ItemKind.ORDINARY
    #: `Category` values (plain strings, so a plugin may know more than the core lists).
    categories: list[str] = []
    amount_wan: float | None = None  # money involved, in 万元


class Classification(msgspec.Struct, frozen=True, kw_only=True):
    kind: ItemKind
    verdicts: list[Verdict]


class RuleEntry(msgspec.Struct, frozen=True, kw_only=True):
    """One rule of the catalogue the rule explorer shows side by side across jurisdictions."""

    rule: str
    topic: str  # meetings | quorum | voting | notice | obligations | oversight | procedure
    summary_zh: str
    summary_en: str
    citation: Citation


class ConveningRule(msgspec.Struct, frozen=True, kw_only=True):
    """Who convenes and chairs, and to whom that may be delegated."""

    #: Positions (`BODY_POSITIONS`) that convene and chair of their own right.
    convenes: list[str]
    #: Positions the convener may delegate convening and chairing to; empty: no delegation
    #: written.
    delegates_to: list[str] = []
    #: When delegation is allowed ("书记不能参加时").
    delegation_when_zh: str = ""
    citation: Citation


class MinutesDue(StrEnum):
    #: Every meeting (HL 第十五条(四) "均作记录并编印会议纪要").
    EVERY_MEETING = "every_meeting"
    #: For decided items (Kunming 第二十三条 "决定事项应当编发会议纪要").
    DECIDED_ITEMS = "decided_items"
    #: "必要时" (Nantong 三(七)): at the secretary's judgement.
    WHEN_NEEDED = "when_needed"


class MinutesRule(msgspec.Struct, frozen=True, kw_only=True):
    due: MinutesDue
    #: Who signs them off: positions, and "delegated_chair" for the chair the secretary
    #: delegated (Ningbo 第二十条).
    signers: list[str]
    #: The numbering series: "meeting" (the body's minutes), "major" (三重一大 items, their own
    #: series per year, 实施细则 第六条(七)).
    series: str = "meeting"
    citation: Citation


class LeaveRule(msgspec.Struct, frozen=True, kw_only=True):
    """Asking leave from a meeting, and the absent member's written opinion."""

    #: Who grants leave: "chair", "secretary", "convener", or "" (asked, not granted).
    approver: str
    #: Leave only for a good reason ("无正当理由不允许请假").
    good_reason_required: bool = False
    #: May an absent member give an opinion in writing (never a vote)?
    written_opinion: bool = True
    #: By when the opinion is due: "before_meeting", "at_meeting", or "" (no deadline).
    opinion_due: str = ""
    citation: Citation


class MaterialsWindow(StrEnum):
    #: Sent with the notice, ahead of the meeting.
    WITH_NOTICE = "with_notice"
    #: Handed out at the meeting only.
    AT_MEETING = "at_meeting"


class MaterialsReturn(StrEnum):
    KEPT = "kept"
    #: Recalled at the end of the item ("议题结束即行收回").
    AFTER_ITEM = "after_item"
    #: Recalled after the meeting ("会后收回").
    AFTER_MEETING = "after_meeting"


class MaterialsRule(msgspec.Struct, frozen=True, kw_only=True):
    """When the materials of an item of one kind reach one recipient role, and whether they
    come back."""

    recipients: str  # members | attendees | inspectors
    window: MaterialsWindow
    returned: MaterialsReturn = MaterialsReturn.KEPT
    #: For `WITH_NOTICE`: at the latest this many days before the meeting (None: with the
    #: notice, whenever it goes).
    days_before: int | None = None
    working_days: bool = False
    #: Study materials (学习资料) are exempt from recall.
    study_exempt: bool = True
    citation: Citation


class FollowUpRule(msgspec.Struct, frozen=True, kw_only=True):
    """Who tracks a decision's execution (督办) and to whom it is reported."""

    tracker_zh: str
    reports_to_zh: str = ""
    citation: Citation


class AdHocPolicy(msgspec.Struct, frozen=True, kw_only=True):
    """When an item may be raised at the meeting without notice (临时动议)."""

    #: Meeting kinds at which an ordinary item may be raised; empty: never.
    allowed_at: list[MeetingKind] = []
    #: Whose consent it needs ("secretary"), or "" for none.
    consent: str = ""
    #: Kinds never raised ad hoc, whatever the meeting (personnel always).
    never: list[ItemKind] = []
    citation: Citation
    see_also: list[Citation] = []


class AgendaRule(msgspec.Struct, frozen=True, kw_only=True):
    """「第一议题」: the meeting opens with the study item (`ItemKind.STUDY`), at the
    `meeting_kinds` the rule reaches (a temporary or emergency meeting called for one matter is
    not held to it unless listed). `core.rules.defaults.agenda_order` answers from it."""

    rule: str
    citation: Citation
    meeting_kinds: tuple[MeetingKind, ...] = (MeetingKind.REGULAR, MeetingKind.ENLARGED)
    see_also: list[Citation] = []
