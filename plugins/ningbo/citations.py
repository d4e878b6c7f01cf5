"""Citations for the Ningbo HRSS Party group rules: one constant per rule sentence.

Every `original` is copied verbatim from `source.txt` (中共宁波市人力资源和社会保障局党组工作规则
（征求意见稿）), or, with `source="oversight"`, from the shared oversight compendium
`core/rules/sources/oversight.txt` that applies to every tenant. The conformance kit matches
them after NFKC normalisation and whitespace removal; punctuation width is the only liberty taken.
"""

from __future__ import annotations

from core.rules.types import Citation

# --- Ningbo source: 第六条 (matters the Party group decides) -------------------------------------

C6_SCOPE = Citation(article="第六条", original="局党组讨论和决定下列重大问题：")
C6_2_MAJOR = Citation(
    article="第六条(二)",
    original="全市人力社保工作重大改革、重大部署、重要规划、重大项目安排；",
)
C6_4_PERSONNEL = Citation(article="第六条(四)", original="重要人事任免等事项；")
C6_5_FUNDS = Citation(article="第六条(五)", original="大额资金使用、大额资产处置、预算安排；")

# --- 第七条: half-yearly reviews -----------------------------------------------------------------

C7_REVIEWS = Citation(
    article="第七条",
    original="党组领导局直属机关党委和局属事业单位党组织的工作，"
    "每半年研究全面从严治党工作和意识形态工作。",
)

# --- 第十二条: reports to the municipal Party committee ------------------------------------------

C12_ANNUAL_REPORT = Citation(
    article="第十二条",
    original="党组每年向市委作1次全面工作情况报告，遇有重大问题应当及时请示报告。",
)

# --- 第十四条: collective leadership and dissent -------------------------------------------------

C14_COLLECTIVE = Citation(
    article="第十四条",
    original="凡属党组职责范围内的事项，必须执行少数服从多数原则，由党组成员集体讨论和决定，"
    "任何个人或者少数人无权擅自决定。",
)
C14_DISSENT = Citation(
    article="第十四条",
    original="党组成员必须坚决服从党组集体决定，有不同意见的，在坚决执行的前提下，可以声明保留，"
    "也可以向上级党组织反映，但不得在其他场合发表不同意见。",
)

# --- 第十七条: personnel and discipline follow the national regulations --------------------------

C17_PERSONNEL = Citation(
    article="第十七条",
    original="党组讨论和决定人事任免事项，应当严格按照《党政领导干部选拔任用工作条例》"
    "等有关规定执行。",
)
C17_DISCIPLINE = Citation(
    article="第十七条",
    original="党组讨论和决定基层党组织设置调整和发展党员、处分党员重要事项，"
    "应当严格按照党章党规和党中央有关规定执行。",
)

# --- 第十八条: meetings, quorum, leave, attendees, recusal, emergencies --------------------------

C18_REGULAR = Citation(
    article="第十八条",
    original="党组会议一般每月召开2次，遇有重要情况可以随时召开。",
)
C18_CONVENE = Citation(
    article="第十八条",
    original="党组会议由党组书记召集并主持，书记不能参加时，"
    "可由书记委托副书记或党组其他成员召集并主持。",
)
C18_TOPICS = Citation(
    article="第十八条",
    original="党组会议议题由党组书记提出，或者由党组其他成员提出建议、党组书记综合考虑后确定。",
)
C18_NOTICE_WRITTEN = Citation(article="第十八条", original="会议议题应当提前书面通知党组成员。")
C18_EMERGENCY_MEETING = Citation(
    article="第十八条",
    original="遇突发事件和紧急情况，可召开紧急会议，议题在会上提出。",
)
C18_DISPOSAL = Citation(
    article="第十八条",
    original="来不及召开党组会议或因人数不足无法召集会议，但又必须尽快作出决定的，"
    "由党组书记临机处置，或经请示党组书记同意，由党组成员临时处理，"
    "事后应当及时向党组会议报告。",
)
C18_PARTICIPANTS = Citation(
    article="第十八条",
    original="党组会议出席人员由党组书记、副书记、党组成员组成。",
)
C18_ATTENDEES_LEADERS = Citation(
    article="第十八条",
    original="根据工作需要，可以请不是党组成员的局领导列席。",
)
C18_ATTENDEES_NAMED = Citation(
    article="第十八条",
    original="会议召集人可以根据议题指定有关人员列席会议。",
)
C18_QUORUM = Citation(
    article="第十八条",
    original="党组会议应当有半数以上党组成员到会方可召开，"
    "讨论和决定干部任免、处分党员事项必须有三分之二以上党组成员到会。",
)
C18_LEAVE = Citation(
    article="第十八条",
    original="党组成员因故不能参加会议的应当在会前请假，其意见可以以书面形式表达。",
)
C18_ATTENDEES_NO_VOTE = Citation(
    article="第十八条",
    original="列席会议人员经党组书记或会议召集人同意后可参与讨论，发表意见，但不参加表决。",
)
C18_INFORM_ABSENT = Citation(
    article="第十八条",
    original="党组会议决定会后应要向未出席会议的党组成员通报。",
)
C18_RECUSAL = Citation(
    article="第十八条",
    original="党组会议议题涉及本人或者其亲属以及存在其他需要回避的情形的，有关党组成员应当回避。",
)

# --- 第十九条: meeting procedure -----------------------------------------------------------------

C19_1_AGENDA = Citation(
    article="第十九条(一)",
    original="会议前先由党组成员根据所分管工作提出会议拟议定事项，党组书记确定会议议题。",
)
C19_1_NOTICE = Citation(
    article="第十九条(一)",
    original="议题确定后，应在会议召开前1-2天向其他成员预告,并及时告知驻市委组织部纪检监察组。",
)
C19_1_NO_ADHOC = Citation(
    article="第十九条(一)",
    original="无特殊原因，任何人都不得在会上提出临时动议议题。",
)
C19_1_MAJOR_INSPECTORS = Citation(
    article="第十九条(一)",
    original="涉及“三重一大”事项的，一般应在会议召开前2个工作日，"
    "将上会清单和资料提供驻市委组织部纪检监察组；如有特殊情况，应当在会前及时告知有关事项。",
)
C19_3_SECRETARY_LAST = Citation(
    article="第十九条(三)",
    original="党组会集体讨论决定重大事项时，实行书记末位发言制，"
    "即书记应待其他党组成员广泛讨论并充分发表意见后，再发表个人意见。",
)
C19_4_ATTENDEES_NO_VOTE = Citation(
    article="第十九条(四)", original="列席人员可以发表意见，但不参加表决。"
)
C19_4_METHODS_PASSING = Citation(
    article="第十九条(四)",
    original="根据讨论和决定事项不同，可以采用口头、举手、无记名投票或者记名投票等方式进行表决，"
    "赞成票超过应到会党组成员半数为通过。",
)
C19_4_WRITTEN = Citation(article="第十九条(四)", original="未到会党组成员的书面意见不得计入票数。")
C19_4_CHAIR_LAST = Citation(article="第十九条(四)", original="表决实行会议主持人末位表态制。")
C19_4_ITEM_BY_ITEM = Citation(
    article="第十九条(四)", original="会议研究决定多个事项的，应当逐项进行表决。"
)

# --- 第二十条 / 第二十一条: minutes and follow-up ------------------------------------------------

C20_MINUTES = Citation(
    article="第二十条",
    original="局党组会议指定专门人员如实记录，按照规定存档备查，决定事项应当由办公室编发"
    "《党组会议纪要》，由党组书记签发，也可以由受党组书记委托的会议主持人签发。",
)
C20_CIRCULATE = Citation(
    article="第二十条",
    original="党组会议讨论的内容、决定的事项，宜在党内通报的，应及时通报。",
)
C20_CONFIDENTIAL = Citation(
    article="第二十条",
    original="党组会议的内容，除经党组决定可在一定范围内传达或公开发表外，与会人员要严格保密，"
    "不得擅自向外泄漏。",
)
C21_FOLLOW_UP = Citation(
    article="第二十一条",
    original="局办公室要将党组会议决定、决议的事项和实施情况纳入全局工作督查范围，并做好信息反馈。",
)

# --- 第二十二条 – 第二十七条: recurring obligations ----------------------------------------------

C22_2_STUDY = Citation(
    article="第二十二条(二)",
    original="党组建立理论学习中心组制度，党组书记担任理论学习中心组组长，负责审定学习计划，"
    "确定学习主题和研讨专题，提出学习要求，主持集体学习研讨，每季度至少开展1次集中学习研讨。",
)
C23_DEMOCRATIC_LIFE = Citation(
    article="第二十三条",
    original="党组民主生活会原则上每年召开1次，主题根据党中央和省委、市委要求确定。",
)
C23_AFTER_REPORT = Citation(
    article="第二十三条",
    original="会后要逐一整改落实，及时向市纪委、市委组织部报告民主生活会情况，并在一定范围内通报。",
)
C25_FIELD_RESEARCH = Citation(
    article="第二十五条",
    original="党组成员每年保证一定时间到基层走访调研，带头为群众办实事、为企业解难题、"
    "为基层减负担。",
)
C26_DISCIPLINE_REPORT = Citation(
    article="第二十六条",
    original="每年向市委、市纪委市监委报告履行全面从严治党主体责任情况。",
)
C27_DUTY_REPORT = Citation(
    article="第二十七条",
    original="党组及其成员按照市委统一安排，每年开展1次述职述责述廉，"
    "可与党组工作报告和领导班子年度考核、民主生活会结合开展。",
)

# --- shared oversight compendium (applies to every tenant) ---------------------------------------

_MAJOR_RULES = "三重一大实施办法"
_RULES_DETAIL = "议事规则实施细则"

O_MAJOR_QUORUM = Citation(
    article=f"{_MAJOR_RULES} 二",
    original="凡研究决定“三重一大”的会议，必须有半数以上党组成员到会方可举行，"
    "其中分管此项工作的党组成员必须到会。",
    source="oversight",
)
O_FUNDS_THRESHOLD = Citation(
    article=f"{_MAJOR_RULES} 一(四)1",
    original="本单位预算内XX万元以上项目支出和采购",
    source="oversight",
)
O_NO_ADHOC_MAJOR = Citation(
    article=f"{_RULES_DETAIL} 第六条(一)",
    original="研究决定重大问题的会议不得搞临时动议。",
    source="oversight",
)
# "l" (the letter) is how the compendium prints "1" here; copied as printed so it matches.
O_NOTICE_WORKING_DAY = Citation(
    article=f"{_RULES_DETAIL} 第六条(三)",
    original="会议通知(含议题及有关资料)须至少提前l个工作日书面或电话通知应到会人员，"
    "让与会人员有时间作会前研究。",
    source="oversight",
)
O_PERSONNEL_MATERIALS = Citation(
    article=f"{_RULES_DETAIL} 第六条(三)",
    original="人事问题的议题，须在通知上列明，其议案和科学论证材料待上会时须发给所有与会的正式成员，"
    "供其会上阅读，会后收回。",
    source="oversight",
)
O_DEFER_WHEN_CLOSE = Citation(
    article=f"{_RULES_DETAIL} 第六条(五)",
    original="意见比较一致时，可进行表决；持赞成与反对意见(含未到会党组成员的书面意见)"
    "的人数接近时，可暂缓表决，留待下次会议讨论。",
    source="oversight",
)
O_NAMED_DEFAULT = Citation(
    article=f"{_RULES_DETAIL} 第六条(五)",
    original="表决一般采用记名形式(含口头表态、举手和记名投票等形式)，"
    "须将每位党组成员的表决意见记录在案，以示负责。",
    source="oversight",
)

#: Every citation above, for the tests that check them against the texts.
ALL: dict[str, Citation] = {
    name: value for name, value in globals().items() if isinstance(value, Citation)
}
