"""Each repair of a published text, on real defective lines quoted from the corpus
(/work/shared/corpus; the file and line are named above each case). A repair is a
warning with its kind and line, and it never changes a character of any unit's text."""

from __future__ import annotations

import re

import pytest

from kg.errors import ParseError
from kg.source import parse
from kg.source.model import Regulation

HEAD = ["# 测试条例", "", "2020年1月1日 测试市人民代表大会常务委员会第一次会议通过", "",
        "<!-- INFO END -->"]


def read(*lines: str) -> tuple[Regulation, dict[str, int]]:
    """A corpus-style Markdown file holding ``lines`` (a blank line between each, as in
    the corpus), parsed; and the line number of each of them."""
    text_lines = list(HEAD)
    numbers: dict[str, int] = {}
    for line in lines:
        text_lines += ["", line]
        numbers.setdefault(line, len(text_lines))
    return parse.parse_text("\n".join(text_lines) + "\n", source="t.md", slug="t"), numbers


def warned(regulation: Regulation) -> set[tuple[str, int | None]]:
    return {(w.kind, w.line) for w in regulation.warnings}


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def covers(regulation: Regulation, *lines: str) -> bool:
    """The units hold every character of these body lines (headings left out), in order."""
    return squeezed(regulation.published_text()) == squeezed("".join(lines))


# beijing/北京市人民代表大会议事规则(2022-01-10).md:53
SEVERAL = ("（四）在代表大会会议有选举议程时，讨论选举的准备工作； "
           "（五）提出或者准备向代表大会会议提出议案和建议、批评和意见；")


def test_several_items_on_one_line_are_split() -> None:
    lead = "代表团全体会议或者代表小组会议讨论召开代表大会的有关事项："
    lines = ("第八条 市人民代表大会预备会议举行前，代表按照选举单位组成代表团。", lead,
             "（一）讨论市人民代表大会常务委员会准备提请市人民代表大会预备会议通过的会议议程草案；",
             "（二）讨论市人民代表大会常务委员会准备向市人民代表大会预备会议提出的主席团和秘书长名单草案；",
             "（三）讨论准备提请代表大会会议审议的工作报告征求意见稿和地方性法规草案稿；",
             SEVERAL, "（六）讨论代表大会会议的其他准备事项。")
    regulation, at = read(*lines)
    items = regulation.article(8).paragraphs[1].items
    assert [i.number for i in items] == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"]
    assert items[3].text == "在代表大会会议有选举议程时，讨论选举的准备工作；"
    assert items[4].text == "提出或者准备向代表大会会议提出议案和建议、批评和意见；"
    assert items[3].line == items[4].line == at[SEVERAL]
    assert ("items-on-one-line", at[SEVERAL]) in warned(regulation)
    assert covers(regulation, *lines)


# guangdong/深圳经济特区房地产登记条例(2021-10-30).md:210
GLUED_LEAD_IN = "第二十九条 申请土地使用权首次登记应当提交下列文件： （一）登记申请书；"


def test_items_glued_to_their_lead_in_are_split_off() -> None:
    second = "（二）身份证明，包括个人身份证明，或者企业法人营业执照和法定代表人证明。"
    regulation, at = read("第二十八条 权利人应当自取得土地使用权之日起三十日内申请首次登记。",
                          GLUED_LEAD_IN, second)
    paragraph = regulation.article(29).paragraphs[0]
    assert paragraph.text == "申请土地使用权首次登记应当提交下列文件："
    assert [(i.number, i.text) for i in paragraph.items] == [
        ("（一）", "登记申请书；"), ("（二）", second.removeprefix("（二）"))]
    assert ("item-glued-to-lead-in", at[GLUED_LEAD_IN]) in warned(regulation)


# guangdong/广东省华侨权益保护条例(2021-09-29).md:136-148 (148: "(六）")
MIXED_BRACKETS = "(六）其他滥用职权、玩忽职守、徇私舞弊的。"
# beijing/北京市水利工程保护管理条例(2018-03-30).md: ASCII brackets on both sides
ASCII_BRACKETS = "(一)毁损水利工程、水工水文观测设施及通讯、照明、交通等附属设备；"


def test_ascii_and_mixed_brackets_number_items() -> None:
    regulation, at = read(
        "第三十二条 国家机关及其工作人员违反本条例规定，有下列情形之一，"
        "致使华侨合法权益受到损害的，"
        "对直接负责的主管人员和其他直接责任人员依法给予处分；构成犯罪的，依法追究刑事责任：",
        "（一）不依法保护华侨合法权益的；", "（二）非法侵占、拆除华侨私有房屋的；",
        "（三）擅自查封、扣押华侨投资企业的财产或者责令其停产停业的；",
        "（四）擅自增设华侨投资企业行政事业性收费项目、提高收费标准或者重复收费的；",
        "（五）截留、挪用、私分华侨捐赠款物的；", MIXED_BRACKETS,
        "第三十三条 禁止下列行为：", ASCII_BRACKETS)
    sixth = regulation.article(32).paragraphs[0].items[5]
    assert (sixth.number, sixth.ordinal) == ("(六）", 6)
    assert sixth.text == "其他滥用职权、玩忽职守、徇私舞弊的。"
    first = regulation.article(33).paragraphs[0].items[0]
    assert (first.number, first.text) == ("(一)", ASCII_BRACKETS.removeprefix("(一)"))
    assert {("ascii-brackets", at[MIXED_BRACKETS]),
            ("ascii-brackets", at[ASCII_BRACKETS])} <= warned(regulation)


# guangdong/汕头经济特区消防条例(2022-12-30).md:162-172: items 1–4 printed without numbers
UNNUMBERED = ("实行每日防火巡查，确定巡查的人员、内容、部位和频次，并建立巡查记录；",
              "每半年至少组织一次灭火和应急疏散演练；",
              "建立健全火灾事故报告制度，及时报告发生的火灾事故，迅速启动应急救援机制；",
              "建立健全从业人员消防安全教育、培训、考核管理制度；")


def test_unnumbered_first_items_are_items() -> None:
    fifth = "（五）委托符合从业条件的消防技术服务机构定期开展消防设施维护保养、检测和消防安全评估；"
    lines = ("第十八条 消防安全重点单位除应当履行本条例第十七条规定的职责外，"
             "还应当履行下列消防安全职责，"
             "保障本单位的消防安全：", *UNNUMBERED, fifth)
    regulation, at = read(*lines)
    (paragraph,) = regulation.article(18).paragraphs
    assert [(i.number, i.ordinal, i.text) for i in paragraph.items[:4]] == [
        ("", n, text) for n, text in enumerate(UNNUMBERED, start=1)]
    assert (paragraph.items[4].number, paragraph.items[4].ordinal) == ("（五）", 5)
    assert {("unnumbered-items", at[line]) for line in UNNUMBERED} <= warned(regulation)
    assert covers(regulation, *lines)


# guangdong/广东省林木林地权属争议调解处理条例(2022-06-01).md:223 (a lead-in ending in 。)
LEAD_IN_STOP = ("第四十六条 林权争议调处期间有下列情形之一的，调处机构可以中止调处，"
                "并向本级人民政府报告。")


def test_a_lead_in_ending_in_a_full_stop_takes_its_items() -> None:
    regulation, at = read(LEAD_IN_STOP, "（一）当事人因不可抗力，暂时不能参加林权争议调处的；",
                          "（二）发生群体性事件尚在处理中的；")
    (paragraph,) = regulation.article(46).paragraphs
    assert paragraph.text == LEAD_IN_STOP.removeprefix("第四十六条 ")
    assert [i.text for i in paragraph.items] == ["当事人因不可抗力，暂时不能参加林权争议调处的；",
                                                 "发生群体性事件尚在处理中的；"]
    assert ("lead-in-punctuation", at[LEAD_IN_STOP]) in warned(regulation)


# beijing/北京市反不正当竞争条例.md:113
THIRD_PARTY = ("第三人明知或者应知前款所列违法行为，获取、使用或者披露他人的商业秘密，"
               "视为侵犯商业秘密。")


def test_a_line_that_starts_like_an_article_is_a_paragraph() -> None:
    regulation, at = read("第一条 经营者不得采用下列手段侵犯商业秘密：",
                          "（一）以盗窃、利诱、胁迫或者其他不正当手段获取权利人的商业秘密；",
                          THIRD_PARTY, "第二条 本条例自公布之日起施行。")
    assert [a.number for a in regulation.articles] == ["第一条", "第二条"]
    assert regulation.article(1).paragraphs[1].text == THIRD_PARTY
    assert ("not-an-article", at[THIRD_PARTY]) in warned(regulation)


# beijing/北京市区、乡、民族乡、镇人民代表大会代表选举实施细则(2021-05-27).md:187
REFERS = "（一）至（三）项所列人员，现有工作单位的，在工作单位进行选民登记，参加选举。"


def test_a_line_that_refers_to_items_is_a_paragraph() -> None:
    regulation, at = read("第三十五条 下列人员准予行使选举权利：",
                          "（一）被判处有期徒刑缓刑、拘役或者管制而没有附加剥夺政治权利的；",
                          "（二）正在取保候审或者被监视居住的；", "（三）正在受拘留处罚的；",
                          REFERS)
    article = regulation.article(35)
    assert len(article.paragraphs[0].items) == 3
    assert article.paragraphs[1].text == REFERS and not article.paragraphs[1].items
    assert ("not-an-item", at[REFERS]) in warned(regulation)


# guangdong/深圳经济特区中医药条例(2023-01-06).md:419-423
BETWEEN = ("限制开展的中医药适宜技术包括：针刺、瘢痕灸、发泡灸、牵引、扳法、中医微创类技术、"
           "中药灌洗肠以及其他具有创伤性、侵入性或者高危险性的技术方法。")


def test_a_line_between_two_items_belongs_to_the_first() -> None:
    third = ("（三）中医药适宜技术，是指中医药特色突出，疗效确切，经济简便，"
             "安全可靠的中医药诊疗技术。")
    regulation, at = read("第九十五条 本条例下列用语的含义：",
                          "（一）中医医疗机构，是指中医综合医院。",
                          "（二）中医药专业技术人员，是指中医类别执业医师。", third, BETWEEN,
                          "（四）中医类医院，是指依法取得医疗机构执业许可证的中医综合医院。")
    (paragraph,) = regulation.article(95).paragraphs
    assert [i.ordinal for i in paragraph.items] == [1, 2, 3, 4]
    assert paragraph.items[2].text == third.removeprefix("（三）") + "\n" + BETWEEN
    assert ("item-continued", at[BETWEEN]) in warned(regulation)


# henan/商丘市市区饮用水水源保护条例(2018-09-03).md:113-115: a line broken inside a word
BROKEN = "（四）向水体排放、倾倒工业废水废渣、城镇垃圾和其他废"


def test_a_line_broken_inside_a_sentence_is_joined() -> None:
    regulation, at = read("第十二条 在饮用水水源保护区内禁止从事以下行为：",
                          "（三）建设畜禽养殖场、养殖小区；",
                          BROKEN, "物；", "（五）使用农药；")
    items = regulation.article(12).paragraphs[0].items
    assert items[1].text == "向水体排放、倾倒工业废水废渣、城镇垃圾和其他废物；"
    assert items[1].line == at[BROKEN]
    assert ("wrapped-line", at["物；"]) in warned(regulation)


# beijing/北京市人民代表大会常务委员会议事规则(2010-12-23).md:23 (第二章 lost its number)
def test_a_heading_without_its_number_is_left_out() -> None:
    regulation, at = read("## 第一章  总    则", "第一条 根据宪法，制定本议事规则。",
                          "第二条 常务委员会组成人员应当依法履行职责，参加集体行使职权的活动。",
                          "会议的召开", "第三条 常务委员会会议每两个月至少举行一次。")
    assert len(regulation.article(2).paragraphs) == 1
    assert regulation.article(3).chapter == 1
    assert ("unnumbered-heading", at["会议的召开"]) in warned(regulation)


# guangdong/广东省道路运输条例(2021-09-29).md:124 (第三章 is missing: 第二章 → 第四章)
def test_a_missing_chapter_heading_is_a_warning() -> None:
    regulation, at = read("## 第二章 道路运输经营",
                          "第二十五条 经营直通港澳班车客运的，应当进入道路旅客运输站场经营。",
                          "## 第四章 道路运输相关业务", "### 第一节 道路运输站场",
                          "第二十六条 道路运输站场经营者应当按照规定经营。")
    # dg:ordinal is the position (1..n, as the shapes ask); eli:number keeps the print
    assert [(c.number, c.ordinal) for c in regulation.chapters] == [("第二章", 1), ("第四章", 2)]
    assert ("chapter-gap", at["## 第二章 道路运输经营"]) in warned(regulation)
    assert ("chapter-gap", at["## 第四章 道路运输相关业务"]) in warned(regulation)
    (section,) = regulation.sections
    assert (section.chapter, section.ordinal, section.title) == (2, 1, "道路运输站场")
    assert regulation.article(26).section == 1


# shandong/山东省南水北调条例(2015-04-01).md:205, 273: 第七章 printed twice
def test_a_repeated_chapter_number_is_read_as_the_next_chapter() -> None:
    regulation, at = read("## 第一章  总则", "第一条 为了加强南水北调工程管理，制定本条例。",
                          "## 第二章 法律责任", "第二条 违反本条例规定的，依法承担赔偿责任。",
                          "## 第二章  附则", "第三条 本条例自2015年4月1日起施行。")
    last = regulation.chapters[-1]
    assert (last.number, last.ordinal, last.title) == ("第二章", 3, "附则")
    assert regulation.article(3).chapter == 3
    assert ("misnumbered-heading", at["## 第二章  附则"]) in warned(regulation)


# henan/河南省专业技术人员继续教育条例(2010-07-30).md:89: 第十八条 glued to the line before
GLUED_ARTICLE = ("省、省辖市人民政府应当扶持山区及贫困地区的继续教育。 "
                 "第十八条继续教育实行登记制度。"
                 "事业、企业单位应当连续记载专业技术人员接受继续教育的基本情况。")


def test_an_article_glued_to_the_line_before_starts_there() -> None:
    regulation, at = read("第十七条 继续教育经费应当由政府、单位和个人共同承担。", GLUED_ARTICLE,
                          "第十九条 人事行政部门根据管理需要，定期组织统计。")
    regulation_17, regulation_18 = regulation.article(17), regulation.article(18)
    assert regulation_17.paragraphs[1].text == GLUED_ARTICLE.split(" ")[0]
    assert regulation_18.paragraphs[0].text.startswith("继续教育实行登记制度。")
    assert regulation_18.separator == "" and regulation_18.line == at[GLUED_ARTICLE]
    assert ("glued-article", at[GLUED_ARTICLE]) in warned(regulation)


# shandong/烟台市森林防火条例(2016-09-23).md:17: 第三条 is missing from the text
def test_a_missing_article_is_a_warning() -> None:
    fourth = "第四条 森林防火工作实行各级人民政府行政首长负责制。"
    regulation, at = read("第一条 为了有效预防和扑救森林火灾，制定本条例。",
                          "第二条 本市行政区域内森林火灾的预防、扑救、灾后处置，适用本条例。",
                          "森林防火工作坚持预防为主、积极消灭的原则。", fourth)
    assert [a.ordinal for a in regulation.articles] == [1, 2, 4]
    assert regulation.article(4).number == "第四条"
    assert ("article-gap", at[fourth]) in warned(regulation)


# shandong/青岛市海上交通安全条例(2014-09-26).md:337
SPACED = "第七十五 条体育运动船艇的安全管理由体育行政部门负责，并服从海事管理机构的统一监管。"


def test_a_space_inside_an_article_number() -> None:
    regulation, at = read("第七十四条 主要用于海上垂钓活动的钓鱼船，由海洋与渔业部门管理。", SPACED)
    article = regulation.articles[-1]
    assert (article.number, article.ordinal) == ("第七十五条", 75)
    assert article.paragraphs[0].text == SPACED.removeprefix("第七十五 条")
    assert article.separator == ""
    assert ("spaced-number", at[SPACED]) in warned(regulation)


def test_the_article_sequence_of_a_file_starting_mid_way() -> None:
    """articles before 第一条 ... : zhejiang/浙江省测绘地理信息条例(2019-03-28).md:9 lost the
    numbers of its first two articles; no reading of that is plausible."""
    with pytest.raises(ParseError) as caught:
        read("## 第一章  总则", "为了加强测绘地理信息管理，促进测绘地理信息",
             "事业发展，保障测绘地理信息事业为经济建设、国防建设、社会发展和生态环境保护服务，"
             "维护地理信息安全，根据《中华人民共和国测绘法》和有关法律、行政法规，结合本省实际，",
             "制定本条例。", "第三条 县级以上人民政府应当加强对测绘地理信息工作的领导。")
    assert caught.value.line == 9 and "第三条" in caught.value.problem


# beijing/北京市国民经济和社会发展计划审查监督条例(2022-05-26).md:7-21: the title printed
# again, broken over two lines, and a table of contents before the text
def test_title_again_and_table_of_contents_are_left_out() -> None:
    regulation, at = read("测试", "条例", "## 第一章 总 则", "## 第二章 附 则", "## 第一章 总 则",
                          "第一条 为了加强审查监督，制定本条例。", "## 第二章 附 则",
                          "第二条 本条例自公布之日起施行。")
    assert [(c.ordinal, c.line) for c in regulation.chapters] == [(1, 15), (2, 19)]
    assert {("title-in-body", at["测试"]), ("title-in-body", at["条例"])} <= warned(regulation)
    assert len(regulation.paragraphs()) == 2


# shanghai/上海市市级预算审查监督规定(2001-08-20).md:5 and
# beijing/北京市人民代表大会常务委员会组成人员守则.md:11
def test_preamble_in_the_body_and_a_preface() -> None:
    preface = ("北京市人民代表大会常务委员会组成人员（以下简称常委会组成人员）"
               "肩负着市人大代表和全市人民的重托。")
    regulation, at = read("常务委员会第三十次会议通过）", preface,
                          "第一条 常委会组成人员要认真学习宪法。")
    assert regulation.preface == (preface,)
    assert {("preamble-in-body", at["常务委员会第三十次会议通过）"]), ("preface", at[preface])} <= \
        warned(regulation)
    assert regulation.article(1).paragraphs[0].text == "常委会组成人员要认真学习宪法。"


# shandong/菏泽市城镇容貌和环境卫生管理条例(2021-02-01).md:79; zhejiang/舟山市物业管理条例
# (2021-11-01).md:111
def test_section_defects() -> None:
    regulation, at = read("## 第一节  市容秩序管理", "第一条 城镇道路两侧的建筑物应当保持整洁。",
                          "## 第一章 业主", "### 第二节 业主委员会",
                          "第二条 业主委员会由业主大会选举产生。")
    assert ("section-outside-chapter", at["## 第一节  市容秩序管理"]) in warned(regulation)
    assert ("section-gap", at["### 第二节 业主委员会"]) in warned(regulation)
    assert regulation.article(1).chapter is None and regulation.article(1).section is None
    assert regulation.article(2).section == 1  # its position; eli:number keeps 第二节
    assert regulation.sections[0].number == "第二节"
