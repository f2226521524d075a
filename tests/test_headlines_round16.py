"""Headline probe round 16 (hp-422 … hp-445): the finder rules its first look's misses led to."""

from briefing.text.headlines import find_in_lines


def _headline(raw: str) -> str:
    found = find_in_lines([line for line in raw.split("\n") if line.strip()])
    assert found is not None
    return found.text


def test_a_papers_title_loses_its_note_mark_over_its_abstract():
    # hp-436 (lw33.cn): the ① points to the paper's 基金项目 footnote, not to a series' part
    raw = ("京津冀协同创新共同体的构建与实施路径①\n大连理工大学海洋科学与技术学院 张恩泽\n"
           "摘 要: 本文通过分析京津冀地区协同创新共同体的发展现状,发现三地科技创新能力差距大,北京辐射作用有限,"
           "导致北京产业较难实现区域转移等困境。津冀科技创新环境、创新合作平台建设有待完善。\n"
           "关键词: 创新生态系统 创新共同体 实施路径\n"
           "京津冀地区是中国区域经济格局中东部核心区。《京津冀协同发展规划纲要》中明确指出要强化协同创新支撑、"
           "完善区域创新体系、整合区域创新资源,更为关键的是打造京津冀协同创新共同体。")
    assert _headline(raw) == "京津冀协同创新共同体的构建与实施路径"


def test_a_series_part_number_stays_without_an_abstract():
    raw = ("走进大科学装置①\n2024-05-06 来源:科技日报\n"
           "记者日前走进位于东莞的中国散裂中子源,看这台被誉为超级显微镜的大科学装置如何运行。"
           "中国散裂中子源由中科院高能物理研究所承建,2018年通过国家验收。")
    assert _headline(raw) == "走进大科学装置①"


def test_a_notices_serial_number_is_no_part_of_its_title():
    # hp-443 (m.shqbk.com): 第10号 numbers the 通告, as 第N期 numbers an issue
    raw = ("关于全市各级各类学校开学安排的通告第10号\n"
           "根据省疫情防控工作领导小组的统一部署,结合我市疫情防控工作实际,经市疫情防控工作领导小组同意,"
           "决定全市各级各类学校自2020年4月13日起分批有序开学。\n"
           "高三、初三年级于4月13日开学。中学其他年级和小学四、五、六年级于4月20日以后开学,小学一、二、三年级于4月26日"
           "以后开学,幼儿园于5月6日以后视情开学,具体开学时间根据疫情防控形势另行研究确定,并提前一周通知。")
    assert _headline(raw) == "关于全市各级各类学校开学安排的通告"


def test_a_notices_title_wrapped_over_two_lines_without_an_issuer_reads_as_one():
    # hp-444 (hongzezx.com): 关于… over its …的通知, no issuer's name before 关于
    raw = ("关于做好全市年秋学期中小学幼儿园\n开学工作的通知\n"
           "各县(市、区)教育局,开发区社事局、盐南高新区教育局,市直各学校、幼儿园:\n"
           "根据省教育厅、市教育局相关文件精神,我市年中小学幼儿园秋季学期开学报到时间为9月1日,上课时间为9月4日。"
           "现就做好开学工作有关事项通知如下。\n"
           "一、做好开学准备。各地各学校要提前会办研究开学工作,细化师生报到返校、教学管理、学生关爱和校园安全等"
           "关键环节工作要求。组织教师提前备课,提前公布“三表”(教学计划表、课表和作息时间表)。")
    assert _headline(raw) == "关于做好全市年秋学期中小学幼儿园开学工作的通知"
