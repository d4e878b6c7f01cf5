"""Citations for the Nantong housing bureau Party group rules (局党组工作规则, 2017-10-23).

One constant per rule sentence, `original` copied verbatim from `source.txt` (or, with
`source="oversight"`, from the oversight-systems compendium shipped with the core,
core/rules/sources/oversight.txt). Articles are numbered as the source numbers them: part,
section, item — "三(五)", "一(二)3". Oversight articles name their document first:
"三重一大办法" = 《“三重一大”事项集体决策实施办法》, "议事规则实施细则" =
《集体决策重大问题议事规则(试行)》实施细则.
"""

from __future__ import annotations

from core.rules.types import Citation

OVERSIGHT = "oversight"

# --- 一、工作职责 ---

#: The four 三重一大 categories, in this source's own words.
C1_2_3_MAJOR_MATTERS = Citation(
    article="一(二)3",
    original="研究决定重大决策、重要人事任免、重大项目安排、大额资金使用等事项",
)

# --- 二、组织原则 ---

C2_2_REPORT_TO_SUPERIOR = Citation(
    article="二(二)",
    original="党组每年至少要向市组织部作1次全面报告,遇有重大问题应当及时请示报告。",
)
#: Collective decision for major questions, large funds, cadre appointments and rewards/penalties;
#: names 大额资金 without fixing an amount (the blank the funds threshold setting fills).
C2_3_COLLECTIVE = Citation(
    article="二(三)",
    original="凡属重大的、全局性的问题、大额资金的使用、干部的推荐、任免和奖惩,都要按照集体领导、"
    "民主集中、个别酝酿、会议决定的办法,由党组成员集体讨论作出决定。",
)
C2_4_SECRETARY_CENTRALISES = Citation(
    article="二(四)",
    original="党组书记应带头执行民主集中制,充分发扬党内民主,善于集中正确意见,自觉接受其他成员的监督。",
)
C2_5_NO_ADHOC_MAJOR = Citation(
    article="二(五)",
    original="对重大事项和干部任免事宜不在会上临时动议。",
)

# --- 三、议事决策 ---

C3_2_PERSONNEL = Citation(
    article="三(二)",
    original="讨论决定人事任免事项,应当严格按照《党政领导干部选拔任用工作条例》执行。",
)
C3_3_CONVENER = Citation(
    article="三(三)",
    original="党组会议由党组书记召集并主持,书记不能参加时,可由书记委托副书记召集并主持。",
)
C3_3_REGULAR = Citation(article="三(三)", original="会议原则上每月召开一次。")
C3_3_RECORDER = Citation(article="三(三)", original="机要秘书负责记录。")
C3_4_AGENDA_NO_ADHOC = Citation(
    article="三(四)",
    original="党组会议议题由党组书记提出,或者由党组成员提出建议,由党组书记确定,不得临时动议。",
)
C3_4_NOTICE = Citation(
    article="三(四)",
    original="会议的议题、日期一般应在会前两天通知有关人员,并将必要的文件或材料发给与会人员。",
)
C3_4_OBJECTION = Citation(
    article="三(四)",
    original="党组成员如有异议,应当在会前一天向会议主持人提出。",
)
C3_4_EMERGENCY_MEETING = Citation(
    article="三(四)",
    original="如遇突发事件和紧急情况,可召开紧急会议,议题在会上提出。",
)
C3_4_EMERGENCY_DISPOSAL = Citation(
    article="三(四)",
    original="来不及召开会议的,经请示党组书记同意,党组成员临时处理,处理情况应向下一次党组会议报告。",
)
C3_5_ATTENDEES = Citation(
    article="三(五)",
    original="非党组成员的局领导以及局办公室、人事处、机关党委、监察室主要负责人可根据会议内容列席会议。",
)
C3_5_ENLARGED = Citation(
    article="三(五)",
    original="根据需要,也可以召开扩大会议扩大参加人员范围。",
)
C3_5_QUORUM = Citation(
    article="三(五)",
    original="党组会议必须有三分之二以上成员到会方能召开。",
)
C3_5_LEAVE = Citation(
    article="三(五)",
    original="因故不能出席会议的,应当事先请假并经会议主持人同意,同时将对会议议题的意见或建议,"
    "以书面或口头形式告诉会议主持人。",
)
C3_6_ONE_VOTE = Citation(
    article="三(六)",
    original="党组会议决定问题,执行少数服从多数和一人一票的原则。",
)
C3_6_METHODS = Citation(
    article="三(六)",
    original="表决采取口头、举手、无记名投票或者记名投票等方式进行",
)
C3_6_PASSING = Citation(
    article="三(六)",
    original="赞成票超过应到会党组成员的半数为通过。",
)
C3_6_ITEM_BY_ITEM = Citation(
    article="三(六)",
    original="对重要事项和干部的任免,要逐项讨论,逐个进行表决。",
)
C3_6_SPLIT_DEFER = Citation(
    article="三(六)",
    original="如对重大问题发生分歧,除了在紧急情况下按多数人的意见决定外,一般应暂缓决定,"
    "待进一步调查研究、交换意见后再复议表决。",
)
C3_7_MINUTES = Citation(
    article="三(七)",
    original="党组会议决定的事项,必要时由办公室印发会议纪要或文件,并视其内容通报到下级党组织或有关(处室)单位。",
)
C3_7_FOLLOW_UP = Citation(
    article="三(七)",
    original="局办公室负责对决议贯彻情况进行检查、督促和反馈。",
)
C3_9_RECONSIDERATION = Citation(
    article="三(九)",
    original="党组决策在执行中如发现新的情况可向局党组反映,经党组书记同意,可在党组会上进行复议。",
)
C3_9_ORIGINAL_BINDS = Citation(
    article="三(九)",
    original="但在党组重新作出决议、决定前,仍须认真执行原有的决议、决定。",
)
C3_10_PUBLICATION = Citation(
    article="三(十)",
    original="党组会议所通过的决定和文件,凡需要传达的,经批准,应及时传达到规定的范围;"
    "应当公布的,经党组书记批准后及时公布。",
)
C3_11_INSPECTORS_SUPERVISE = Citation(
    article="三(十一)",
    original="在党组决策的实施过程中,派驻纪检组应对贯彻情况加强督察,确保得到执行和落实。",
)
C3_12_NON_EXECUTION = Citation(
    article="三(十二)",
    original="决策事项如因特殊原因不能执行或暂缓执行的,应向党组作出说明。",
)

# --- 四、党组民主生活会 ---

C4_1_DEMOCRATIC_LIFE = Citation(
    article="四(一)",
    original="党组民主生活会根据中央、省、市委要求和市委组织部确定的主题召开,原则上每年召开一次",
)
C4_1_DEMOCRATIC_LIFE_BEFORE = Citation(
    article="四(一)",
    original="开会前,要向市委组织部、纪委报告。",
)
C4_3_DEMOCRATIC_LIFE_AFTER = Citation(
    article="四(三)",
    original="会议总结要报市纪委、市委组织部。",
)

# --- 五、责任追究 ---

C5_1_DUTY_REPORT = Citation(
    article="五(一)",
    original="建立党组书记述职及其成员履职考核制度。",
)

# --- the oversight-systems compendium (applies to every tenant) ---

O_MAJOR_QUORUM_IN_CHARGE = Citation(
    article="三重一大办法 二",
    original="凡研究决定“三重一大”的会议,必须有半数以上党组成员到会方可举行,"
    "其中分管此项工作的党组成员必须到会。",
    source=OVERSIGHT,
)
O_MAJOR_FUNDS_XX = Citation(
    article="三重一大办法 一(四)1",
    original="本单位预算内XX万元以上项目支出和采购;",
    source=OVERSIGHT,
)
O_DISCIPLINE_IN_SCOPE = Citation(
    article="三重一大办法 一(二)5",
    original="对干部职工的奖励和违反党纪政纪干部职工的处理理意见;",
    source=OVERSIGHT,
)
O_INSPECTORS_SIT_IN = Citation(
    article="三重一大办法 三(五)",
    original="市纪委派驻局纪检组列席“三重一大”事项集体决策会议",
    source=OVERSIGHT,
)
#: "提前l个工作日": the compendium prints a lower-case L for the digit 1; copied as printed.
O_NOTICE_WORKING_DAY = Citation(
    article="议事规则实施细则 第六条(三)",
    original="会议通知(含议题及有关资料)须至少提前l个工作日书面或电话通知应到会人员,"
    "让与会人员有时间作会前研究。",
    source=OVERSIGHT,
)
O_PERSONNEL_MATERIALS = Citation(
    article="议事规则实施细则 第六条(三)",
    original="人事问题的议题,须在通知上列明,其议案和科学论证材料待上会时须发给所有与会的正式成员,"
    "供其会上阅读,会后收回。",
    source=OVERSIGHT,
)
O_NAMED_VOTES = Citation(
    article="议事规则实施细则 第六条(五)",
    original="表决一般采用记名形式(含口头表态、举手和记名投票等形式),"
    "须将每位党组成员的表决意见记录在案,以示负责。",
    source=OVERSIGHT,
)
O_WRITTEN_OPINIONS_NOT_COUNTED = Citation(
    article="议事规则实施细则 第六条(五)",
    original="未到会党组成员的书面意见不计入票数。",
    source=OVERSIGHT,
)
O_MAJOR_MINUTES_RECIPIENTS = Citation(
    article="议事规则实施细则 第六条(七)",
    original="“党组集体决策重大问题会议纪要”除发给党组成员和有关部门外,还须报市分管领导。",
    source=OVERSIGHT,
)
