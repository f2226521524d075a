"""Item titles on real pages of the tune split (benchmarks/corpus, ids given): what a pasted page
shows that is no headline (a caption, a credit, a byline, a breadcrumb, a comment box, a chapter
heading), headlines with furniture glued on, and headlines written from the lead."""

from __future__ import annotations

import pytest

from briefing.config import EditorialSettings
from briefing.editorial.titles import item_title, title_origin
from briefing.text.chinese import to_simplified
from briefing.text.headlines import usable
from briefing.text.normalize import normalize_text

from corpus_pages import read_tune_page, tune_page

CAP = EditorialSettings().title_max_chars


def shown(page_id: str) -> str:
    """The page's raw text as the build reads it: simplified characters, normalised."""
    return normalize_text(to_simplified(tune_page(page_id)["raw"]))


@pytest.mark.parametrize("page_id, line", [
    ("a-0017", "这是9月30日在巴西里约热内卢拍摄的美丽山特高压输电二期项目里约换流站（无人机照片）"),
    ("a-0150", "从空中拍摄的上海65米射电天文望远镜建设工地"),
    ("b-0053", "（大公文汇全媒体新闻中心供稿）"),
    ("b-0110", "图1手术机器人基本构成"),
    ("a-0070", "全国降水量预报图。图据中央气象台网站 中新网10月23日电"),
    ("c-0068", "学测今天成绩公布，上午九时开查询。图/资料照片"),
    ("c-0068", "记者曾博群台北报导"),
    ("c-0141", "首页 -> 头条"),
    ("b-0026", "你好东方经济网，欢迎发表评论 取消回复"),
    ("b-0030", "没有更多内容"),
    ("a-0037", "第一章 创新要素的跨域流动"),
])
def test_a_caption_credit_byline_breadcrumb_or_chapter_heading_is_no_headline(page_id, line):
    assert line in shown(page_id)
    assert not usable(line)
    article = read_tune_page(page_id)
    assert line not in (article.title, item_title(article, CAP))


def test_a_headline_keeps_its_words_and_loses_the_share_bar_glued_to_it():
    assert "河套香港园区下半年开园分享到：" in shown("c-0141")
    article = read_tune_page("c-0141")
    assert article.title == "河套香港园区下半年开园" and article.title_from == "page"


def test_a_headline_the_page_prints_twice_on_one_line_is_read_once():
    assert "新盘「顶烂市」 楼价又跌 新盘「顶烂市」 楼价又跌" in shown("c-0157")
    assert read_tune_page("c-0157").title == "新盘「顶烂市」 楼价又跌"


def test_a_page_whose_only_bracketed_line_is_a_credit_gets_a_written_title_about_its_news():
    page = tune_page("b-0053")  # （大公文汇全媒体新闻中心供稿） above a story of the 五一 holiday's first day
    assert not page["headline_in_text"]
    article = read_tune_page("b-0053")
    assert title_origin(article) == "written"
    title = item_title(article, CAP)
    assert "2319万人次" in title and len(title) <= CAP


def test_an_injected_word_glued_to_the_headline_and_to_the_story_goes_a_word_of_the_story_stays():
    assert "土建已完成85%赛博体育" in shown("c-0015") and "赛博体育新京报快讯" in shown("c-0015")
    assert read_tune_page("c-0015").title == "怀柔科学城综合极端条件实验装置项目土建已完成85%"
    # the story under these headlines opens with their last words: 开园…, 天马望远镜…
    assert read_tune_page("c-0140").title == "河套深港科技创新合作区香港园区明日正式开园"
    assert read_tune_page("a-0151").title.endswith("上海天文台天马望远镜")


@pytest.mark.parametrize("page_id, said, written", [
    # the day the story happened is the story's: 研究院29日在广州高新区揭牌
    ("a-0046", "粤港澳大湾区协同创新研究院29日在广州高新区揭牌", "粤港澳大湾区协同创新研究院在广州高新区揭牌"),
    ("b-0104", "特瑞普利单抗注射液17日获批上市", "首个国产PD-1抗体药物特瑞普利单抗注射液获批上市"),
])
def test_a_written_headline_leaves_out_the_day_inside_its_clause(page_id, said, written):
    assert not tune_page(page_id)["headline_in_text"] and said in shown(page_id)
    assert item_title(read_tune_page(page_id), CAP) == written


def test_a_day_to_come_and_the_了_of_为了_stay_in_a_clause():
    from briefing.editorial.titles import _tidy

    assert "将于5月26日起试运行" in shown("b-0069")  # 门急诊楼…将于5月26日起试运行: when it opens is news
    assert _tidy("门急诊楼将于5月26日起试运行") == "门急诊楼将于5月26日起试运行"
    assert "我院为了改善群众门诊就医拥挤状况" in shown("b-0069")
    assert _tidy("我院为了改善群众门诊就医拥挤状况") == "我院为了改善群众门诊就医拥挤状况"
    assert "EAST完成了主机总装" in shown("a-0111")  # but a done deed loses its 了, as headlines write it
    assert _tidy("EAST完成了主机总装以及各分系统的研制和安装工作") == "EAST完成主机总装以及各分系统的研制和安装工作"


def test_a_span_of_days_is_no_day_and_stays_in_a_clause():
    from briefing.editorial.titles import _tidy

    # a fund's inflow over the last five days (probe-322, a broker's post): 近5日 is how long, not when
    assert _tidy("热门港股创新药ETF近5日吸金近8亿元") == "热门港股创新药ETF近5日吸金近8亿元"
    for clause in ("恒生生物科技指数连续3日上涨", "新药审批在10日内完成", "股价5日来累计上涨两成"):
        assert _tidy(clause) == clause
    assert _tidy("研究院29日在广州高新区揭牌") == "研究院在广州高新区揭牌"  # the day it happened still goes


def test_a_notices_issuer_over_its_title_is_no_headline():
    # 重庆市高技能人才工作联席会办公室 / 2024年4月9日 signs the covering letter; the title stands under it
    assert "重庆市高技能人才工作联席会办公室" in shown("b-0006")
    assert not usable("重庆市高技能人才工作联席会办公室")
    assert item_title(read_tune_page("b-0006"), CAP) == "关于加强新时代高技能人才队伍建设的实施意见"
    # the issuers above a notice's title, and a company's name over its news list (fresh pages, benchmarks/probe)
    for body in ("中共廊坊市委", "廊坊市人民政府", "辽宁省人民政府办公厅", "上药控股有限公司"):
        assert not usable(body)


def test_a_headline_wrapped_over_two_lines_inside_its_brackets_is_read_as_one():
    from briefing.text.headlines import find_in_lines

    lines = [  # benchmarks/probe probe-080, as the site serves it
        "作者:admin3 来源:燕郊人才资源网 发布时间:2018-01-09 11:07:05",
        "中共廊坊市委", "廊坊市人民政府", "关于印发《廊坊市中长期人才发展规划纲要", "(2010—2020年)》的通知",
        "各县(市、区)委、政府,廊坊开发区工委、管委,市直各部门:",
        "《廊坊市中长期人才发展规划纲要(2010—2020年)》已经市委、市政府领导同意,现印发你们,请结合实际认真贯彻执行。",
        "人才资源是第一资源,也是最为稀缺的资源,为经济社会发展做出贡献的人才比黄金更珍贵。市委、市政府历来高度重视人才工作,"
        "通过大力实施人才强市战略、人才高地工程,人才工作取得明显成效:人才队伍不断壮大,人才素质明显提高,人才结构得到优化,"
        "人才环境逐步改善,党管人才工作格局基本形成,人才在经济社会发展中的作用日益凸显。",
    ]
    assert find_in_lines(lines).text == "关于印发《廊坊市中长期人才发展规划纲要（2010—2020年）》的通知"


def test_the_last_part_of_a_breadcrumb_names_the_story_when_no_line_does():
    from briefing.text.headlines import find_in_lines

    lines = [  # benchmarks/probe probe-056: a forum's name, then the breadcrumb that ends in the story's title
        "肺炎治疗介绍", "首页 » 常识 » 诊断 » 我国最新批准上市的两种新冠肺炎疫苗", "TUhjnbcbe - 2021/3/20 10:38:00",
        "年2月25日,国家药品监督管理局附条件批准国药集团中国生物武汉生物制品研究所有限责任公司的新型冠状病*灭活疫苗(Vero细胞)、"
        "康希诺生物股份公司重组新型冠状病*疫苗(5型腺病*载体)注册申请。",
        "国家药监局根据《疫苗管理法》《药品管理法》相关规定,按照药品特别审批程序,进行应急审评审批,附条件批准上市注册申请。"
        "国家药监局要求该疫苗上市许可持有人继续开展相关研究工作,完成附条件的要求,及时提交后续研究结果。",
    ]
    assert find_in_lines(lines).text == "我国最新批准上市的两种新冠肺炎疫苗"
    # a breadcrumb that ends in a column names no story
    assert find_in_lines(["您当前的位置：首页 > 新闻中心 > 国内新闻"] + lines[3:]) is None


def test_a_headline_the_site_cut_inside_an_html_entity_is_no_headline():
    assert not usable("200名工匠获&")  # 200名工匠获&quot;大国工匠&quot;… (benchmarks/probe probe-063)


@pytest.mark.parametrize("page_id, printed", [
    # past the cap a bracketed aside goes before anything is cut: not 关于印发, not …（ISO/TC
    ("a-0040", "关于印发《三省一市共建长三角科技创新共同体行动方案》的通知"),
    ("c-0030", "国际标准化组织/中医药技术委员会第九次全体大会召开"),
])
def test_a_long_headline_loses_its_bracketed_aside_first(page_id, printed):
    article = read_tune_page(page_id)
    assert "（" in article.title and len(article.title) > CAP
    assert item_title(article, CAP) == printed


def test_a_cut_headline_never_ends_on_a_word_that_leans_on_the_next():
    from dataclasses import replace

    article = replace(read_tune_page("a-0040"),  # benchmarks/probe probe-045's title on a notice of the tune split
                      title="辽宁省人民政府办公厅关于印发辽宁省标准化体系建设发展规划（2016—2020年）的通知")
    assert item_title(article, CAP) == "辽宁省人民政府办公厅关于印发辽宁省标准化体系建设发展规划"


def test_a_menus_video_item_above_the_headline_does_not_hide_it():
    from briefing.text.headlines import find_in_lines

    lines = [line for line in shown("a-0032").splitlines() if line.strip()]
    found = find_in_lines(lines)
    assert found.text == "“中国天眼”31日正式向全世界开放"
    # a menu one item a line (视频 reads like the header of a list of links), and a long one
    assert find_in_lines(["首页", "新闻", "视频", "图片", "专题"] + lines).text == found.text
    assert find_in_lines(["首页", "要闻", "政务", "财经", "文化", "体育"] * 6 + lines).text == found.text


@pytest.mark.parametrize("page_id, said, unfit", [
    # an attribution whose fact is in the clause after it, alone or as the first of two clauses
    ("c-0099", "中国汽车工业协会今天 （11日） 发布的最新数据显示，", "中国汽车工业协会发布的最新数据显示"),
    ("b-0026", "中国科学院院士高福11月1日在健康报刊文中表示，", "中国科学院院士高福在健康报刊文中表示"),
    # an item of a numbered list
    ("b-0019", "3.持续推进医疗器械技术审查指导原则制修订", "3.持续推进医疗器械技术审查指导原则制修订"),
    # a first-person or anecdotal opening
    ("b-0056", "每次看老妈炒菜那叫一个行云流水", "每次看老妈炒菜那叫一个行云流水"),
    ("b-0069", "我院为了改善群众门诊就医拥挤状况", "我院为了改善群众门诊就医拥挤状况"),
    ("a-0017", "如今的中国不仅更娴熟地掌握了“标准”这门语言", "如今的中国不仅更娴熟地掌握“标准”这门语言"),
])
def test_a_written_headline_is_never_a_bare_attribution_a_list_item_or_an_anecdotes_opening(page_id, said, unfit):
    from briefing.editorial.titles import plainly_unfit

    assert not tune_page(page_id)["headline_in_text"] and said in shown(page_id)
    assert plainly_unfit(unfit)  # the clause as the lead's units hold it (no day, no 了)
    article = read_tune_page(page_id)
    title = item_title(article, CAP)
    assert title_origin(article) == "written" and len(title) <= CAP
    assert not title.startswith(unfit)
    assert not title.startswith(("每次", "我院", "如今")) and not title[:1].isdigit()


def test_a_written_headline_takes_the_fact_after_the_attribution():
    # 中国汽车工业协会发布的最新数据显示，11月份，…；我国新能源汽车产销量均接近1500万辆…
    for page_id in ("c-0099", "b-0026"):
        title = item_title(read_tune_page(page_id), CAP)
        assert not any(half.endswith(("显示", "表示")) for half in title.split(" ")), title


def test_a_photos_caption_above_the_story_is_no_headline_and_the_story_gets_a_written_one():
    assert "签约仪式现场" in shown("c-0084")
    article = read_tune_page("c-0084")
    assert title_origin(article) == "written"
    title = item_title(article, CAP)
    assert title != "签约仪式现场" and "成都中医药大学" in title and len(title) <= CAP
    # a headline about a site the reporter visits is no caption (a-0120's labelled headline)
    from briefing.editorial.titles import CAPTION

    assert not CAPTION.search("探班超重力离心模拟与实验装置建设现场")


@pytest.mark.parametrize("page_id, said, event, beside", [
    # the fact after the attribution, not the figure the next sentence gives (healthy-paper page)
    ("b-0026", "自今年9月以来，流感活动水平持续上升。", "流感活动水平持续上升", "阳性率"),
    # what the police did, not only how fast (快速出击)
    ("b-0059", "沧州东光县公安局快速出击，抓获一名涉嫌电信诈骗的犯罪嫌疑人。", "抓获一名涉嫌电信诈骗的犯罪嫌疑人", None),
    # how the market closed, not only how it moved during the day
    ("a-0074", "市场全天震荡拉升，三大指数均收涨。", "三大指数均收涨", None),
])
def test_a_written_headline_holds_what_happened_not_only_how_or_a_figure_beside_it(page_id, said, event, beside):
    """The title model is trained for what the benchmark counts (a clause sharing a third of the
    headline's characters outranks every clause that does not): it takes the lead's event."""
    assert not tune_page(page_id)["headline_in_text"] and said in shown(page_id)
    article = read_tune_page(page_id)
    title = item_title(article, CAP)
    assert title_origin(article) == "written" and len(title) <= CAP
    assert event in title, title
    assert beside is None or beside not in title


@pytest.mark.parametrize("page_id, line, news", [
    # a topic page's label under the dateline, over a story of Tianjin's talent (2022全国两会)
    ("b-0009", "2022全国两会", "人才"),
    # a lead's sentence of four clauses over the story of July's new-energy vehicle output
    ("c-0102", "七月的温度让人感受到热量，我国新能源汽车行业正如盛夏一样，热度持续升温，销量突破2万大关！", "新能源汽车"),
    # a chart's title under the story's first paragraph (a weekly box-office column)
    ("a-0157", "2024年第14周 电影票房周榜（04/01-04/07）", "清明档"),
    # a subhead under the lead that opens 重庆日报消息，12月17日，…
    ("c-0007", "助推西部科学城加快形成全链条创新体系", "签署"),
    # another story's headline a mirror printed three times over this one, the third glued to its lead
    ("c-0087", "国家高新区“攀高逐新”实现开门红", "CD47"),
])
def test_a_line_in_a_headlines_place_on_a_page_without_one_is_not_taken(page_id, line, news):
    """Pages labelled without a headline in their text: the line standing where a headline would
    is none, and the item title is written from the story."""
    assert not tune_page(page_id)["headline_in_text"] and line in shown(page_id)
    article = read_tune_page(page_id)
    title = item_title(article, CAP)
    assert title_origin(article) == "written", article.title
    assert title != line and news in title and len(title) <= CAP


@pytest.mark.parametrize("page_id, headline", [
    # a year and an event, then the news (not a topic's label)
    ("c-0143", "2026世界杯资格赛 台湾男足客场0比3不敌阿曼"),
    ("c-0055", "2021年度全国健康城市建设评价结果发布"),
    # over the lead that opens 本报讯 (the lead under the headline, not above it)
    ("a-0035", "大连四校与高新区签署科技创新战略合作框架协议"),
    ("c-0124", "新兴县第二人民医院建设加紧推进 确保9月完工顺利开业"),
    # printed twice, the story under it saying only a quarter or a third of its character pairs
    # (its copies aside): said again, but the story's own headline
    ("b-0173", "我国现有13家企业陆续开展了新冠肺炎疫苗产能建设"),
    ("b-0106", "药审改革提速 激发药企创新活力"),
])
def test_a_real_headline_of_the_same_shape_is_still_found(page_id, headline):
    assert tune_page(page_id)["headline_in_text"] and headline in shown(page_id)
    article = read_tune_page(page_id)
    assert title_origin(article) == "page" and item_title(article, CAP) == headline


def probe_text(page_id: str) -> str:
    from test_junk_papers import read_junk_probe_page

    return "\n".join(read_junk_probe_page(page_id).paragraphs)


@pytest.mark.parametrize("page_id, clause", [
    ("probe-132", "包括在科学和科技创新领域的合作"),  # a clause's tail
    ("probe-133", "得益于一系列政策的实施"),  # the cause of the clause before
    ("probe-137", "覆盖所有医疗资源薄弱省份"),  # the reach of what the clause before counted
    ("probe-142", "在未元大健康产业园发酵生产车间"),  # a bare place (the lead's 在了… loses its 了)
    ("b-0088", "在重庆生物医药产业园主会场"),
    ("c-0072", "随着联发科和高通相继发布新一代旗舰芯片"),  # a circumstance and nothing that happened in it
    ("b-0007", "为推动全市劳动者技能就业、技能增收"),
    ("b-0073", "经省人社厅推荐、全国博士后管理委员会办公室批准"),
    ("b-0079", "医院管理局总行政经理李立业在本台节目《时事全方位》指"),  # 指 for 指出: an attribution
])
def test_a_clauses_tail_a_bare_place_or_circumstance_is_no_written_headline(page_id, clause):
    from briefing.editorial.titles import plainly_unfit

    text = probe_text(page_id) if page_id.startswith("probe") else shown(page_id)
    assert clause.replace("在未", "在了未") in text or clause in text
    assert plainly_unfit(clause)
    article = read_tune_page(page_id) if not page_id.startswith("probe") else None
    if article is not None:
        assert title_origin(article) == "written" and item_title(article, CAP) != clause


@pytest.mark.parametrize("page_id, clause", [
    ("b-0125", "包括副主任医师和主任医师在内的医学专家轮流坐诊"),  # 包括…在内 opens its own subject
    ("probe-137", "远程医疗覆盖所有地级市"),  # 覆盖 after a subject of its own
    ("probe-133", "广东省的科技实力和创新能力在全国范围内处于领先地位"),
    ("b-0069", "在原门诊楼北向扩建三层门急诊医疗用房"),  # 在 + a place + what is done there
    ("b-0079", "公立医院急症室元旦起实施新收费"),
])
def test_a_clause_of_the_same_shape_with_its_own_subject_or_deed_stays_a_headline(page_id, clause):
    from briefing.editorial.titles import _unfit, plainly_unfit

    text = probe_text(page_id) if page_id.startswith("probe") else shown(page_id)
    assert clause in text
    assert not plainly_unfit(clause) and not _unfit(clause)


def test_a_written_headline_lends_no_possessor_no_cut_name_and_no_subject_to_a_clause_about_the_last():
    from briefing.editorial.titles import title_units
    from test_junk_papers import read_junk_probe_page

    titles = {page: item_title(read_junk_probe_page(page), CAP) for page in ("probe-133", "probe-137")}
    # 广东省的科技实力…处于领先地位，得益于… : 广东省 is the possessor, not the subject
    assert "得益于" not in titles["probe-133"] and not titles["probe-133"].startswith("广东省得益")
    # 我国已确定五批125个…项目，覆盖所有…省份 : the projects cover, not 我国
    assert not titles["probe-137"].startswith(("我国覆盖", "覆盖"))
    # 医院管理局总行政经理李立业在…指，…需要更多时间… : the name cut after its surname is lent nothing
    tune = read_tune_page("b-0079")
    assert not any("经理李需要" in u.text or "经理需要" in u.text for u in title_units(tune, CAP))
    assert "李立业" not in item_title(tune, CAP)  # nor is the transcript's speaker label (…李立业：「…」)
    # a subject that is one is still lent: 建议特区政府…组建…工作组，加强两地… -> 建议特区政府加强两地…
    units = [u.text for u in title_units(read_junk_probe_page("probe-133"), CAP)]
    assert any(u.startswith("建议特区政府加强两地") for u in units)


def test_a_written_headline_holds_no_table_reference_and_no_conjunction_waiting_for_its_clause():
    from test_junk_papers import read_junk_probe_page

    # probe-153, a standard's 编制说明 as text: …，具体类别和企业数量情况见表2-1。
    table = item_title(read_junk_probe_page("probe-153"), CAP)
    assert "具体类别和企业数量情况见表2-1" in probe_text("probe-153")
    assert "见表" not in table and "7个中类" in table  # the clause with the fact, not the pointer
    # probe-147, hard-wrapped forum lines joined: …大概只有大药厂有能力做研发因为当时的科技…
    forum = item_title(read_junk_probe_page("probe-147"), CAP)
    assert forum.startswith("说说生技研发") and not forum.endswith(("因为", "但是", "并且", "以及"))


def test_a_clause_that_tells_what_was_done_there_or_then_is_no_bare_circumstance():
    from briefing.editorial.titles import plainly_unfit

    for clause in ("在全国率先建成5G全覆盖的智慧港口", "由于暴雨导致京广铁路部分区段停运", "为推动高质量发展出台20条措施"):
        assert not plainly_unfit(clause), clause
    for clause in ("在未元大健康产业园发酵生产车间", "随着联发科和高通相继发布新一代旗舰芯片"):
        assert plainly_unfit(clause), clause


def test_a_word_with_电_at_the_head_of_a_page_is_no_wire_dateline_and_the_lead_stays_whole():
    from briefing.editorial.candidates import candidates

    # b-0125: 网络问诊后医生开具电子处方,可到药店买药… — 网…电 once read as a wire's dateline (…网北京电)
    # and cut away, leaving 子处方 as the written headline's start
    assert shown("b-0125").startswith("网络问诊后医生开具电子处方")
    article = read_tune_page("b-0125")
    assert candidates(article, limit=1)[0].text.startswith("网络问诊后医生开具电子处方")
    assert not item_title(article, CAP).startswith("子")


def test_a_written_headline_never_leaves_a_quotation_open_nor_is_a_photos_view():
    from briefing.editorial.titles import plainly_unfit, title_units

    # c-0014: 习近平总书记指出：“要加快建设…高地，着力打造我国自主创新的重要源头…” is longer than the cap
    assert "“要加快建设北京国际科技创新中心和高水平人才高地，着力打造" in shown("c-0014")
    for unit in title_units(read_tune_page("c-0014"), CAP):
        assert unit.text.count("“") == unit.text.count("”"), unit.text
    # a-0173: a photo's caption, 2025年4月20日，安徽省合肥未来大科学城…（CRAFT）园区外景。
    assert "综合研究设施（CRAFT）园区外景" in shown("a-0173")
    assert plainly_unfit("安徽省合肥未来大科学城聚变堆主机关键系统综合研究设施园区外景")
    assert not item_title(read_tune_page("a-0173"), CAP).endswith("外景")
