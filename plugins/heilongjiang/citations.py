"""Citations: one per rule sentence, copied verbatim from the sources.

`source.txt` beside this file is 中共黑龙江省机关事务管理局党组工作规则 (the plugin's own source);
constants whose `source="oversight"` quote the shared oversight compendium
(core/rules/sources/oversight.txt), which applies to every tenant. Articles are numbered as the
sources number them. The conformance kit matches `original` after NFKC normalisation and with
whitespace removed, so only half/full-width punctuation and spaces may differ from the source.
"""

from __future__ import annotations

from core.rules.types import Citation

# --- this source: 中共黑龙江省机关事务管理局党组工作规则 ---------------------------------------

#: The secretary convenes and chairs (第四条).
C4_SECRETARY = Citation(
    article="第四条",
    original="党组书记主持党组全面工作，负责召集和主持党组会议，组织党组活动，签发党组文件。",
)

#: Decision areas: 重大决策 (第五条(一)–(三)).
C5_1_DECISIONS = Citation(
    article="第五条(一)",
    original="贯彻落实党中央、国务院重大决策和省委省政府重要举措；",
)
C5_3_DEVELOPMENT = Citation(
    article="第五条(三)",
    original="机关事务发展规划、重要部署、重要事项等，包括中长期发展规划、年度计划，"
    "重要改革发展事项，贯彻落实上级部署任务的实施意见、工作方案及重要措施，"
    "重要请示报告事项，服务、保障、管理工作重要事项；",
)
#: 重要人事: cadre appointments and disciplinary sanctions (第五条(四)).
C5_4_PERSONNEL = Citation(
    article="第五条(四)",
    original="重要人事管理事项，包括机构、职能、编制事项，重要干部推荐、提名、任免事项，"
    "权限范围内干部选任工作，按权限讨论和决定对违纪的党组织和违纪违法党员、公职人员组织处理、"
    "纪律处分事项；",
)
#: 重大项目安排 (第五条(五)).
C5_5_PROJECTS = Citation(
    article="第五条(五)",
    original="重大项目安排，包括代建工程、维修工程、专项工程、节能工程等；",
)
#: 大额资金使用 with the "xx万元" blank, the threshold itself excluded (第五条(六)).
C5_6_FUNDS = Citation(
    article="第五条(六)",
    original="大额资金使用，大额资产处置，包括年度预算安排，xx万元以上（不含xx万元）专项资金审批，"
    "国有资产变更处置，银行账户设立、变更及资金转存等；",
)

#: Party building reviewed at least "x" times each half-year (第六条).
C6_PARTY_BUILDING = Citation(article="第六条", original="每半年研究机关党建工作不少于x次")
#: Ideology work reviewed at least "x" times each half-year (第六条(三)).
C6_3_IDEOLOGY = Citation(
    article="第六条(三)",
    original="落实意识形态工作责任制，每半年研究意识形态工作不少于x次",
)
#: Hearing on party-regulation work at least "x" times a year (第六条(八)).
C6_8_REGULATIONS = Citation(
    article="第六条(八)",
    original="每年至少听取x次党内法规制度有关工作情况；",
)

#: Reporting line: 国家机关事务管理局 and 省委省政府 (第十条).
C10_REPORTING_LINE = Citation(
    article="第十条",
    original="局党组向国家机关事务管理局和省委省政府请示报告工作。",
)
#: At least one comprehensive report a year (第十条(四)).
C10_4_ANNUAL_REPORT = Citation(
    article="第十条(四)",
    original="每年至少向国家机关事务管理局和省委省政府报告1次全面工作情况；",
)
#: Periodic topical reports to 省委 (incl. 民主生活会) and to 省纪委监委 (第十条(五)).
C10_5_PERIODIC_REPORTS = Citation(
    article="第十条(五)",
    original="定期向省委报告集中学习教育活动、落实中央八项规定精神、意识形态工作责任制、民主生活会、"
    "党风廉政建设等工作情况；定期向省纪委监委报告全面从严治党情况；",
)

#: Collective decision: no individual decides alone (第十二条).
C12_COLLECTIVE = Citation(
    article="第十二条",
    original="凡属局党组职责范围内的事项，按照少数服从多数原则，由党组成员集体讨论决定，"
    "任何个人或者少数人无权擅自决定。",
)
#: A member who disagrees executes, may reserve his view and report upward (第十二条).
C12_DISSENT = Citation(
    article="第十二条",
    original="党组成员应坚决服从局党组集体决定，有不同意见的，在坚决执行的前提下，可以声明保留，"
    "也可以向上级党组织反映，但不得在其他场合发表不同意见。",
)

#: Cadre appointments follow the cadre-selection regulations (第十四条).
C14_PERSONNEL = Citation(
    article="第十四条",
    original="重要人事任免事项，会前应当经过充分酝酿，严格按照《党政领导干部选拔任用工作条例》"
    "等有关规定执行。",
)
#: Disciplining Party members follows the Party Constitution and regulations (第十四条).
C14_DISCIPLINE = Citation(
    article="第十四条",
    original="讨论和决定基层党组织设置调整和发展党员、处分党员重要事项，"
    "应当严格按照党章党规和党中央及省委有关规定执行。",
)

#: Regular meetings "x" a month; at any time when something important arises (第十五条).
C15_REGULAR = Citation(
    article="第十五条",
    original="党组会议一般每月召开x次，遇有重要情况可随时召开。",
)
#: Agenda set by the secretary (第十五条(一)).
C15_1_AGENDA = Citation(
    article="第十五条(一)",
    original="会议时间及议题由党组书记确定，或者由党组其他成员提出建议、党组书记综合考虑后确定。",
)
#: Notice in advance to members and the stationed inspection group, except ad-hoc meetings.
C15_1_NOTICE = Citation(
    article="第十五条(一)",
    original="除临时召开的会议，一般应当提前通知党组成员及派驻纪检监察组。",
)
#: Materials sent before the meeting, except personnel and similar items (第十五条(一)).
C15_1_MATERIALS = Citation(
    article="第十五条(一)",
    original="会议讨论的内容，除人事等重要事项外，一般应当在会前分送与会人员，"
    "党组成员应当认真研究、做好准备。",
)
#: Quorum: half or more of the members (第十五条(二)).
C15_2_QUORUM = Citation(
    article="第十五条(二)",
    original="党组会议应当有半数以上党组成员到会方可召开。",
)
#: Quorum for cadre appointments: two-thirds or more (第十五条(二)).
C15_2_PERSONNEL_QUORUM = Citation(
    article="第十五条(二)",
    original="审议干部任免事项必须有三分之二以上党组成员到会。",
)
#: Attendees: heads of the departments concerned (第十五条(二)).
C15_2_ATTENDEES = Citation(
    article="第十五条(二)",
    original="列席人员一般为与议题相关的部门主要负责同志。",
)
#: Recusal of a participant with an interest (第十五条(二)).
C15_2_RECUSAL = Citation(
    article="第十五条(二)",
    original="会议讨论的事项，如涉及与会人员利害关系的，本人应当申请回避。",
)
#: Minutes every time, signed by the secretary, sent to departments and units (第十五条(四)).
C15_4_MINUTES = Citation(
    article="第十五条(四)",
    original="党组会议均作记录并编印会议纪要，由党组书记签发，发至局机关处（室）和局属单位，"
    "并按规定存档备查。",
)
#: Leave only for good reason, asked of the secretary (第十五条(五)).
C15_5_LEAVE = Citation(
    article="第十五条(五)",
    original="党组会议无正当理由不允许请假，特殊情况不能参加会议的须向党组书记请假。",
)
#: Follow-up by the office in the "四个体系" mechanism (第十五条(七)).
C15_7_FOLLOW_UP = Citation(
    article="第十五条(七)",
    original="局办公室将会议决策部署落实情况纳入“四个体系”工作机制，加强督办，推进落实。",
)

#: Vote methods (第十六条(一)).
C16_1_METHODS = Citation(
    article="第十六条(一)",
    original="表决可以根据讨论和决定事项的不同，采用口头、举手、无记名投票或者记名投票等方式进行，"
    "赞成票超过应到会党组成员半数的为通过。",
)
#: Passing: yes votes more than half of the members expected (第十六条(一)).
C16_1_PASSING = Citation(
    article="第十六条(一)",
    original="赞成票超过应到会党组成员半数的为通过。",
)
#: Absent members' opinions are never votes (第十六条(一)).
C16_1_ABSENT = Citation(
    article="第十六条(一)",
    original="未到会党组成员的意见不得计入票数。",
)
#: The secretary states his position last (第十六条(一)).
C16_1_SECRETARY_LAST = Citation(
    article="第十六条(一)",
    original="表决实行党组书记末位表态制。",
)
#: Item by item (第十六条(一)).
C16_1_ITEM_BY_ITEM = Citation(
    article="第十六条(一)",
    original="会议研究决定多个事项的，应当逐项表决。",
)
#: Split opinions defer, except in an emergency (第十六条(一)).
C16_1_SPLIT = Citation(
    article="第十六条(一)",
    original="对意见分歧较大的议题，除紧急情况按多数意见执行外，应当暂缓作出决定，"
    "待进一步调查研究、交换意见后再提请局党组会议讨论和表决。",
)
#: Cadre appointments: no ad-hoc motion; each member, from the last in rank up, states a clear
#: opinion (第十六条(二)).
C16_2_PERSONNEL = Citation(
    article="第十六条(二)",
    original="讨论干部任免事项时，应当严格按照《党政领导干部选拔任用工作条例》有关规定，"
    "不允许搞临时动议，按党组成员排序从后往前逐一发表同意、不同意或缓议等明确意见。",
)

#: Democratic life meeting "as required"; report and record sent afterwards (第十九条).
C19_DEMOCRATIC_LIFE = Citation(
    article="第十九条",
    original="局党组应按规定参加民主生活会。",
)
C19_DEMOCRATIC_LIFE_AFTER = Citation(
    article="第十九条",
    original="会后认真整改，按要求报送会议情况报告和会议记录。",
)
#: Theory-study group at least once a quarter (第二十条).
C20_STUDY_GROUP = Citation(
    article="第二十条",
    original="局党组坚持理论学习中心组学习制度，集体学习研讨应保证时间和质量，每季度不少于1次。",
)
#: Pre-meeting law study at least 6 times a year (第二十一条).
C21_LAW_STUDY = Citation(article="第二十一条", original="会前学法每年不少于6次。")
#: The secretary reports on his duties to the provincial Party committee (第二十二条).
C22_DUTY_REPORT = Citation(
    article="第二十二条",
    original="贯彻执行党组书记述责述廉制度，党组书记向省委报告履职情况。",
)

# --- the shared oversight compendium (core/rules/sources/oversight.txt) -------------------------

_OV = "oversight"

#: 三重一大 quorum: half or more, and the member in charge present; two-thirds for cadres.
OV_MAJOR_QUORUM = Citation(
    article="“三重一大”事项集体决策实施办法 二",
    original="凡研究决定“三重一大”的会议，必须有半数以上党组成员到会方可举行，"
    "其中分管此项工作的党组成员必须到会。",
    source=_OV,
)
OV_IN_CHARGE = Citation(
    article="“三重一大”事项集体决策实施办法 二",
    original="其中分管此项工作的党组成员必须到会。",
    source=_OV,
)
#: Large-fund thresholds are "XX万元" blanks (实施办法 一(四)1).
OV_FUNDS_THRESHOLD = Citation(
    article="“三重一大”事项集体决策实施办法 一(四)1",
    original="本单位预算内XX万元以上项目支出和采购；",
    source=_OV,
)
#: Inspectors sit in on 三重一大 decision meetings (实施办法 三(五)).
OV_INSPECTORS_SIT_IN = Citation(
    article="“三重一大”事项集体决策实施办法 三(五)",
    original="市纪委派驻局纪检组列席“三重一大”事项集体决策会议，负责对决策、实施情况进行监督和评估，"
    "并按要求向市委、市政府、市纪委报告。",
    source=_OV,
)
#: No ad-hoc motion at meetings deciding major questions (议事规则实施细则 第六条(一)).
OV_NO_AD_HOC = Citation(
    article="议事规则实施细则 第六条(一)",
    original="研究决定重大问题的会议不得搞临时动议。",
    source=_OV,
)
#: Notice at least 1 working day before (the source prints "l" for "1"; 第六条(三)).
OV_NOTICE = Citation(
    article="议事规则实施细则 第六条(三)",
    original="会议通知(含议题及有关资料)须至少提前l个工作日书面或电话通知应到会人员，"
    "让与会人员有时间作会前研究。",
    source=_OV,
)
#: Personnel materials handed out at the meeting, collected afterwards (第六条(三)).
OV_PERSONNEL_MATERIALS = Citation(
    article="议事规则实施细则 第六条(三)",
    original="人事问题的议题，须在通知上列明，其议案和科学论证材料待上会时须发给所有与会的正式成员，"
    "供其会上阅读，会后收回。",
    source=_OV,
)
#: Named votes are the default for major questions (第六条(五)).
OV_NAMED_VOTES = Citation(
    article="议事规则实施细则 第六条(五)",
    original="表决一般采用记名形式(含口头表态、举手和记名投票等形式)，"
    "须将每位党组成员的表决意见记录在案，以示负责。",
    source=_OV,
)
#: Close yes/no counts (absent members' written opinions included) may defer (第六条(五)).
OV_CLOSE_DEFER = Citation(
    article="议事规则实施细则 第六条(五)",
    original="持赞成与反对意见(含未到会党组成员的书面意见)的人数接近时，可暂缓表决，留待下次会议讨论。",
    source=_OV,
)
#: Major-matter minutes in their own yearly-numbered series (第六条(七)).
OV_MINUTES_SERIES = Citation(
    article="议事规则实施细则 第六条(七)",
    original="会议须形成“党组集体决策重大问题会议纪要”，按独立序列实行年度编号。",
    source=_OV,
)
#: Emergency decisions by the head, reported to the Party group (实施办法 二).
OV_EMERGENCY = Citation(
    article="“三重一大”事项集体决策实施办法 二",
    original="重大紧急事项必须由市局立即决策的，可以由局主要领导或者委托局分管领导作出决定，"
    "并及时在局党组会议上通报有关情况。",
    source=_OV,
)
