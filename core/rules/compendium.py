"""Citations of the shared oversight compendium (core/rules/sources/oversight.txt), once.

Every constant is a `Citation` with `source="oversight"`, its `original` copied verbatim from the
compendium (its own typos included: "提前l个工作日" with a lowercase L, "处理理意见"). The
baseline (`core.rules.baseline`), the core's default answers (`core.rules.defaults`) and any
plugin cite these rather than declaring the sentence again. Articles name the document and its
own numbering: "三重一大实施办法 二(一)", "议事规则实施细则 第六条(三)".
"""

from __future__ import annotations

from core.rules.types import Citation

__all__ = [
    "GB_NO_AD_HOC",
    "GB_RECUSAL",
    "LZ_COLLECTIVE_YEARLY",
    "PERSONAL_HALF_YEARLY",
    "SL_YEARLY",
    "STUDY_MONTHLY",
    "SZ_ASSETS",
    "SZ_BUDGET",
    "SZ_CADRE_TWO_THIRDS",
    "SZ_CONSTRUCTION",
    "SZ_DISCIPLINE",
    "SZ_EVENTS",
    "SZ_INSPECTORS",
    "SZ_NOTICE",
    "SZ_QUORUM",
    "SZ_REPAIRS",
    "SZ_SCOPE",
    "SZ_SPENDING",
    "SZ_TENDERED",
    "SZ_TRANSFERS",
    "SZ_URGENT",
    "SZ_VOTE_RECORDED",
    "XZ_ALL_ITEMS",
    "XZ_CHAIR",
    "XZ_CIRCULATION",
    "XZ_DEFER_CLOSE",
    "XZ_EMERGENCY",
    "XZ_FOLLOW_UP",
    "XZ_MINUTES_RECIPIENTS",
    "XZ_MINUTES_SERIES",
    "XZ_NAMED",
    "XZ_NOTICE",
    "XZ_NO_AD_HOC",
    "XZ_NO_AD_HOC_MAJOR",
    "XZ_PASSING",
    "XZ_PERSONNEL_MATERIALS",
    "XZ_VIOLATIONS",
    "XZ_WRITTEN_OPINION",
]


def _c(article: str, original: str) -> Citation:
    return Citation(article=article, original=original, source="oversight")


SZ = "三重一大实施办法"
XZ = "议事规则实施细则"
GB = "干部人事管理暂行办法"

# --- “三重一大”事项集体决策实施办法: scope (一) --------------------------------------------------

SZ_BUDGET = _c(f"{SZ} 一(一)3", "年度部门预算方案、重大预算执行调整、大额财政资金分配方案的确定;")
SZ_ASSETS = _c(f"{SZ} 一(一)5", "重要国有资产配置和处置等事项的确定和调整;")
#: 违纪处理 is 重要人事任免. "处理理" is the compendium's own typo, kept verbatim.
SZ_DISCIPLINE = _c(f"{SZ} 一(二)5", "对干部职工的奖励和违反党纪政纪干部职工的处理理意见")
#: Two blanks in one sentence: a single project and a bundle of projects.
SZ_CONSTRUCTION = _c(
    f"{SZ} 一(三)3", "使用国有资金投资且单个项目XX万元以上、捆绑项目XX万元以上的基本建设项目投资;"
)
SZ_TENDERED = _c(f"{SZ} 一(三)5", "按规定应纳入招投标的采购项目;")
SZ_REPAIRS = _c(f"{SZ} 一(三)7", "单位基本建设、维修项目以及房屋装潢、维修等XX万元以上的项目。")
SZ_SPENDING = _c(f"{SZ} 一(四)1", "本单位预算内XX万元以上项目支出和采购")
SZ_EVENTS = _c(f"{SZ} 一(四)1", "XX万元以上大型活动、大型会议开支")
SZ_TRANSFERS = _c(f"{SZ} 一(四)2", "我局对下转移支付预算内XX万元以上大额专项资金安排拨付")

# --- “三重一大”实施办法: rules and procedure (二, 三) ----------------------------------------

SZ_SCOPE = _c(
    f"{SZ} 二", "凡涉及“三重一大”事项,必须坚持民主集中制原则,经局党组按规定程序讨论决定。"
)
SZ_URGENT = _c(
    f"{SZ} 二",
    "重大紧急事项必须由市局立即决策的,可以由局主要领导或者委托局分管领导作出决定,"
    "并及时在局党组会议上通报有关情况。",
)
SZ_QUORUM = _c(
    f"{SZ} 二",
    "凡研究决定“三重一大”的会议,必须有半数以上党组成员到会方可举行,"
    "其中分管此项工作的党组成员必须到会。",
)
SZ_CADRE_TWO_THIRDS = _c(f"{SZ} 二", "讨论干部问题时,应有三分之二以上党组成员到会方能举行。")
#: The blank "X个工作日" of the 三重一大 notice (a setting, at least 1: 实施细则 第六条(三)).
SZ_NOTICE = _c(f"{SZ} 二(一)", "连同会议材料一并提前X个工作日通过书面或者电话等形式通知参会人员。")
SZ_VOTE_RECORDED = _c(f"{SZ} 二(五)", "表决结果和表决方式应当记录在案。")
SZ_INSPECTORS = _c(
    f"{SZ} 三(五)",
    "市纪委派驻局纪检组列席“三重一大”事项集体决策会议,负责对决策、实施情况进行监督和评估,"
    "并按要求向市委、市政府、市纪委报告。",
)

# --- 《集体决策重大问题议事规则(试行)》实施细则 -----------------------------------------------

XZ_CIRCULATION = _c(
    f"{XZ} 第二条", "一般不得以传阅会签或个别征求意见等形式代替集体议事和会议表决。"
)
#: The catch-all of 第四条: every matter put to the Party group for decision is a 重大问题 of
#: the 细则, so its notice rule (第六条(三)) applies to ordinary items too.
XZ_ALL_ITEMS = _c(f"{XZ} 第四条(十二)", "其他需要提交党组讨论决策的事项和问题。")
XZ_NO_AD_HOC_MAJOR = _c(f"{XZ} 第六条(一)", "研究决定重大问题的会议不得搞临时动议。")
XZ_NOTICE = _c(
    f"{XZ} 第六条(三)",
    "会议通知(含议题及有关资料)须至少提前l个工作日书面或电话通知应到会人员,"
    "让与会人员有时间作会前研究。",
)
XZ_PERSONNEL_MATERIALS = _c(
    f"{XZ} 第六条(三)",
    "人事问题的议题,须在通知上列明,其议案和科学论证材料待上会时须发给所有与会的正式成员,"
    "供其会上阅读,会后收回。",
)
XZ_CHAIR = _c(f"{XZ} 第六条(四)", "会议由党组书记主持。")
XZ_NO_AD_HOC = _c(f"{XZ} 第六条(四)", "会上须按通知所列议题议事,不许临时动议。")
XZ_WRITTEN_OPINION = _c(f"{XZ} 第六条(四)", "因故未到会党组的意见,可用书面形式在会上表达。")
XZ_DEFER_CLOSE = _c(
    f"{XZ} 第六条(五)",
    "持赞成与反对意见(含未到会党组成员的书面意见)的人数接近时,可暂缓表决,留待下次会议讨论。",
)
XZ_NAMED = _c(
    f"{XZ} 第六条(五)",
    "表决一般采用记名形式(含口头表态、举手和记名投票等形式),"
    "须将每位党组成员的表决意见记录在案,以示负责。",
)
XZ_PASSING = _c(
    f"{XZ} 第六条(六)",
    "按照少数服从多数的原则,按表决意见形成会议决议,赞成票数超过应到会党组成员的半数为通过。",
)
XZ_MINUTES_SERIES = _c(
    f"{XZ} 第六条(七)", "会议须形成“党组集体决策重大问题会议纪要”,按独立序列实行年度编号。"
)
XZ_MINUTES_RECIPIENTS = _c(
    f"{XZ} 第六条(七)",
    "“党组集体决策重大问题会议纪要”除发给党组成员和有关部门外,还须报市分管领导。",
)
XZ_FOLLOW_UP = _c(
    f"{XZ} 第十一条", "对党组集体决策的重大事项,应由党组成员按照分工负责督促、检查和落实。"
)
XZ_VIOLATIONS = _c(
    f"{XZ} 第十五条",
    "局直单位党的组织会议出现未按要求提前通知、会议材料不全、会议记录不全、"
    "会议纪要未按规定抄送等行为的,均视为违规。",
)
XZ_EMERGENCY = _c(
    f"{XZ} 第十七条",
    "重大突发事件和紧急情况,来不及集体议事及会议表决的,党组成员可临机处置,"
    "事后应及时向领导集体报告。",
)

# --- 干部人事管理暂行办法 -------------------------------------------------------------------------

GB_NO_AD_HOC = _c(
    f"{GB} 二十", "不得临时动议决定干部的任免,凡违反干部任免程序,考察材料不齐全的不讨论、不审批;"
)
GB_RECUSAL = _c(f"{GB} 二十三", "讨论与会人员本人及亲属的任用时,本人应按有关规定回避;")

# --- recurring duties and the bureau's own rhythm ------------------------------------------------

LZ_COLLECTIVE_YEARLY = _c("廉政、诫勉谈话制度 五、2", "集体廉政谈话每年一次。")
SL_YEARLY = _c("党员干部述责述廉制度 (四)1", "党员干部述责述廉每年进行一次")
STUDY_MONTHLY = _c(
    "党组理论学习中心组学习制度 六", "中心组每月至少组织一次集中研讨或理论学习报告会。"
)
PERSONAL_HALF_YEARLY = _c(
    "党员干部个人重大事项报告制度 四、1",
    "党员领导干部对个人重大事项应在单位党组织每半年一次的民主生活会上进行通报。",
)
