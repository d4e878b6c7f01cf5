"""Citations for the Kunming plugin: one constant per rule sentence, copied verbatim.

Own source: `source.txt` beside this file (中共昆明市人民代表大会常务委员会党组工作规则, adopted
2020-04-24 at the 67th meeting of the 14th NPC standing committee Party group). Constants named
`C<article>_…` cite it. Constants named `OV_…` cite the shared oversight compendium
(core/rules/sources/oversight.txt, `source="oversight"`), which applies to every tenant.

The source punctuation is half-width (",", ";", "(") in places; the conformance kit compares
after NFKC normalisation and whitespace removal, so the text below keeps the source's own marks.
"""

from __future__ import annotations

from core.rules.types import Citation

__all__ = [
    "C6_ELECTION",
    "C6_FUNDS_PROJECTS",
    "C6_MAJOR_ISSUES",
    "C6_NPC_FUNCTIONS",
    "C6_ORGANIZATION",
    "C6_PARTY_BUILDING",
    "C6_PERSONNEL",
    "C6_REPORT",
    "C11_COLLECTIVE",
    "C13_REPORT",
    "C15_STUDY",
    "C16_GUIDANCE",
    "C16_ONCE_A_YEAR",
    "C16_PUBLISH",
    "C18_RESEARCH",
    "C20_MAJOR_DECISION",
    "C21_AGENDA",
    "C21_CHAIR",
    "C21_NOTICE",
    "C21_REGULAR",
    "C22_ATTENDEES_NAMED",
    "C22_ATTENDEES_VICE_CHAIRS",
    "C22_LEAVE",
    "C22_QUORUM",
    "C22_RECUSAL",
    "C22_TWO_THIRDS",
    "C23_ABSENT_OPINIONS",
    "C23_CHAIR_LAST",
    "C23_ITEM_BY_ITEM",
    "C23_METHODS",
    "C23_MINUTES",
    "C23_PASSING",
    "C24_EXECUTE",
    "C24_FOLLOW_UP",
    "C25_CONFIDENTIAL",
    "OV_DEFER_CLOSE",
    "OV_DISCIPLINE",
    "OV_FUNDS_THRESHOLD",
    "OV_INSPECTORS_SIT_IN",
    "OV_IN_CHARGE",
    "OV_MINUTES_RECIPIENTS",
    "OV_MINUTES_SERIES",
    "OV_NAMED_VOTES",
    "OV_NOTICE",
    "OV_NO_AD_HOC",
    "OV_NO_AD_HOC_MAJOR",
    "OV_PERSONNEL_MATERIALS",
    "OV_SCOPE",
    "OV_VIOLATIONS",
]

# --- the plugin's own source ---------------------------------------------------------------

#: 第六条 (lead-in): what the Party group discusses and decides is "重大问题".
C6_MAJOR_ISSUES = Citation(article="第六条", original="党组讨论和决定下列重大问题:")
#: 第六条(一)–(四), (七)–(九): the other 重大问题 the Party group decides.
C6_REPORT = Citation(
    article="第六条(一)",
    original="需要向市委请示报告的事项,市人大常委会机关党组请示报告的重要事项;",
)
C6_ORGANIZATION = Citation(
    article="第六条(二)", original="市人大及其常委会有关机构设置、职责、人员编制等事项;"
)
C6_NPC_FUNCTIONS = Citation(
    article="第六条(三)",
    original="市人大常委会在立法、监督、重大事项决定、人事任免等方面的重大问题;",
)
C6_ELECTION = Citation(article="第六条(四)", original="市人大及其常委会换届选举工作重要事项;")
C6_PARTY_BUILDING = Citation(
    article="第六条(七)", original="机关各级党组织及党员队伍建设方面的重要事项;"
)
#: 第六条(五): cadre appointments are among the 重大问题.
C6_PERSONNEL = Citation(article="第六条(五)", original="机关县处级干部任免、职级升降等事项;")
#: 第六条(六): major projects and large funds ("大额" is not quantified: a setting).
C6_FUNDS_PROJECTS = Citation(
    article="第六条(六)", original="机关党组提请研究的重大项目安排、大额资金使用等事项;"
)
C11_COLLECTIVE = Citation(
    article="第十一条",
    original="凡属党组职责范围内的事项,应当按照少数服从多数原则,由党组成员集体讨论决定。",
)
C13_REPORT = Citation(
    article="第十三条",
    original="每年至少向市委报告2次全面工作情况,遇有重大问题应当及时请示报告。",
)
C15_STUDY = Citation(
    article="第十五条", original="集中学习研讨每年不少于8次,遇有重要内容及时安排学习。"
)
C16_ONCE_A_YEAR = Citation(article="第十六条", original="民主生活会每年召开一次。")
C16_GUIDANCE = Citation(
    article="第十六条",
    original="民主生活会由党组书记召集和主持,党组成员参加,非中共党员的常委会副主任列席,"
    "按规定邀请纪委监委、组织部相关同志到会指导。",
)
C16_PUBLISH = Citation(
    article="第十六条",
    original="采取一定方式将会议召开情况、整改措施等向干部、群众通报和公布,接受群众监督。",
)
C18_RESEARCH = Citation(
    article="第十八条(三)",
    original="每位党组成员每年深入基层调研工作的时间原则不得少于2个月。",
)
C20_MAJOR_DECISION = Citation(
    article="第二十条",
    original="党组作出重大决策,一般应当在调查研究的基础上提出方案,充分听取各方面的意见,"
    "进行风险评估和合法性合规性审查,经过集体讨论决定。",
)
C21_REGULAR = Citation(
    article="第二十一条", original="党组会议一般每月召开一次,遇有重要情况可以随时召开。"
)
C21_CHAIR = Citation(
    article="第二十一条",
    original="会议由党组书记召集并主持,书记不能出席时,可以委托副书记主持。",
)
C21_AGENDA = Citation(
    article="第二十一条", original="党组会议议题由党组书记提出,或者由党组成员提出建议。"
)
C21_NOTICE = Citation(
    article="第二十一条",
    original="会议时间、议题一般在会前2日通知党组成员,提前准备会议有关材料。",
)
C22_QUORUM = Citation(article="第二十二条", original="党组会议应当有半数以上成员到会方可举行。")
C22_TWO_THIRDS = Citation(
    article="第二十二条",
    original="讨论重大问题和干部任免事项必须有三分之二以上党组成员到会方能进行。",
)
C22_LEAVE = Citation(
    article="第二十二条",
    original="党组成员因故不能参加会议应当在会前请假,对会议议题的重要意见可以用书面形式表达。",
)
C22_RECUSAL = Citation(
    article="第二十二条",
    original="会议议题涉及党组成员本人或者亲属以及存在其他需要回避情形的,有关党组成员应当回避。",
)
C22_ATTENDEES_VICE_CHAIRS = Citation(
    article="第二十二条",
    original="根据工作需要,召开党组会议可以邀请非中共党员的常委会副主任列席。",
)
C22_ATTENDEES_NAMED = Citation(
    article="第二十二条", original="会议召集人可以根据议题指定有关人员列席。"
)
C23_CHAIR_LAST = Citation(
    article="第二十三条",
    original="党组会议进行表决前,应当进行充分讨论,实行主持人末位表态制。",
)
C23_METHODS = Citation(
    article="第二十三条",
    original="会议表决可以采用口头、举手、无记名投票或者记名投票等方式进行",
)
C23_PASSING = Citation(article="第二十三条", original="赞成票超过应到会党组成员半数为通过。")
C23_ABSENT_OPINIONS = Citation(
    article="第二十三条",
    original="未到会党组成员的书面意见不得计入票数,不能委托他人投票,也不另行投票。",
)
C23_ITEM_BY_ITEM = Citation(article="第二十三条", original="会议决定多个事项的应当逐项进行表决。")
C23_MINUTES = Citation(
    article="第二十三条",
    original="党组会议由党组秘书或者专门人员如实记录,决定事项应当编发会议纪要,并按规定存档备查。",
)
C24_EXECUTE = Citation(
    article="第二十四条",
    original="党组成员对党组决策有不同意见的,可以保留或者向上级党组织反映,"
    "但在决策改变前应当坚决执行。",
)
C24_FOLLOW_UP = Citation(
    article="第二十四条",
    original="党组会议决定的事项由常委会办公室负责进行分解督办落实,及时反馈督查情况,"
    "确保党组决策落实。",
)
C25_CONFIDENTIAL = Citation(
    article="第二十五条",
    original="党组会议与会人员应当遵守保密制度,对会议涉密内容严格保密,不得泄露。",
)

# --- the shared oversight compendium (applies to every tenant) -----------------------------

_SZYD = "“三重一大”事项集体决策实施办法"
_XZ = "议事规则实施细则"

OV_SCOPE = Citation(
    article=f"{_SZYD} 二",
    original="凡涉及“三重一大”事项,必须坚持民主集中制原则,经局党组按规定程序讨论决定。",
    source="oversight",
)
OV_IN_CHARGE = Citation(
    article=f"{_SZYD} 二",
    original="凡研究决定“三重一大”的会议,必须有半数以上党组成员到会方可举行,"
    "其中分管此项工作的党组成员必须到会。",
    source="oversight",
)
#: The money blank ("XX万元") of 大额资金使用.
OV_FUNDS_THRESHOLD = Citation(
    article=f"{_SZYD} 一(四)1",
    original="本单位预算内XX万元以上项目支出和采购",
    source="oversight",
)
#: Handling of disciplinary breaches is a 三重一大 (重要人事任免) matter. "处理理" is the
#: compendium's own typo, kept verbatim.
OV_DISCIPLINE = Citation(
    article=f"{_SZYD} 一(二)5",
    original="对干部职工的奖励和违反党纪政纪干部职工的处理理意见",
    source="oversight",
)
OV_INSPECTORS_SIT_IN = Citation(
    article=f"{_SZYD} 三(五)",
    original="市纪委派驻局纪检组列席“三重一大”事项集体决策会议,负责对决策、实施情况进行监督和评估,"
    "并按要求向市委、市政府、市纪委报告。",
    source="oversight",
)
#: "提前l个工作日": the compendium has a lowercase L for the digit 1; kept verbatim.
OV_NOTICE = Citation(
    article=f"{_XZ} 第六条(三)",
    original="会议通知(含议题及有关资料)须至少提前l个工作日书面或电话通知应到会人员,"
    "让与会人员有时间作会前研究。",
    source="oversight",
)
OV_PERSONNEL_MATERIALS = Citation(
    article=f"{_XZ} 第六条(三)",
    original="人事问题的议题,须在通知上列明,其议案和科学论证材料待上会时须发给所有与会的正式成员,"
    "供其会上阅读,会后收回。",
    source="oversight",
)
OV_NO_AD_HOC_MAJOR = Citation(
    article=f"{_XZ} 第六条(一)",
    original="研究决定重大问题的会议不得搞临时动议。",
    source="oversight",
)
OV_NO_AD_HOC = Citation(
    article=f"{_XZ} 第六条(四)",
    original="会上须按通知所列议题议事,不许临时动议。",
    source="oversight",
)
OV_DEFER_CLOSE = Citation(
    article=f"{_XZ} 第六条(五)",
    original="持赞成与反对意见(含未到会党组成员的书面意见)的人数接近时,可暂缓表决,"
    "留待下次会议讨论。",
    source="oversight",
)
OV_NAMED_VOTES = Citation(
    article=f"{_XZ} 第六条(五)",
    original="表决一般采用记名形式(含口头表态、举手和记名投票等形式),"
    "须将每位党组成员的表决意见记录在案,以示负责。",
    source="oversight",
)
OV_MINUTES_SERIES = Citation(
    article=f"{_XZ} 第六条(七)",
    original="会议须形成“党组集体决策重大问题会议纪要”,按独立序列实行年度编号。",
    source="oversight",
)
OV_MINUTES_RECIPIENTS = Citation(
    article=f"{_XZ} 第六条(七)",
    original="“党组集体决策重大问题会议纪要”除发给党组成员和有关部门外,还须报市分管领导。",
    source="oversight",
)
OV_VIOLATIONS = Citation(
    article=f"{_XZ} 第十五条",
    original="局直单位党的组织会议出现未按要求提前通知、会议材料不全、会议记录不全、"
    "会议纪要未按规定抄送等行为的,均视为违规。",
    source="oversight",
)
