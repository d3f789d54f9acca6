"""The preamble as metadata, on real preamble lines of the corpus (file named above each)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kg.source import parse, preamble
from kg.source.model import Event


def events(*lines: str) -> list[tuple[str, date | None, int]]:
    read = preamble.events_of([(n, line) for n, line in enumerate(lines, start=3)])
    return [(e.kind, e.date, e.line) for e in read]


# guangdong/广东省公路条例(2022-06-01).md: one event a line, 根据 ending the line before
GONGLU = ["2003年1月11日 广东省第九届人民代表大会常务委员会第三十九次会议通过",
          "2008年7月31日 广东省第十一届人民代表大会常务委员会第四次会议修订  根据",
          "2012年7月26日 广东省第十一届人民代表大会常务委员会第三十五次会议《关于修改〈广东省民营"
          "科技企业管理条例〉等二十三项法规的决定》第一次修正  根据",
          "2022年6月1日 广东省第十三届人民代表大会常务委员会第四十三次会议《关于修改〈广东省"
          "土地权属纠纷处理条例〉等四项地方性法规的决定》第四次修正）"]


def test_adoption_revision_and_amendments() -> None:
    read = preamble.read([(n, line) for n, line in zip((3, 5, 7, 9), GONGLU, strict=True)],
                         "广东省公路条例", date(2022, 6, 1))
    assert read.adopted == date(2003, 1, 11)
    assert read.adopted_by == "广东省第九届人民代表大会常务委员会第三十九次会议"
    assert [(e.kind, e.date, e.line) for e in read.events] == [
        ("adopted", date(2003, 1, 11), 3), ("revised", date(2008, 7, 31), 5),
        ("amended", date(2012, 7, 26), 7), ("amended", date(2022, 6, 1), 9)]
    assert read.events[1].text == "广东省第十一届人民代表大会常务委员会第四次会议修订"
    assert read.events[3].text.endswith("的决定》第四次修正")
    assert read.version_date == date(2022, 6, 1)


def test_several_events_on_one_line() -> None:
    # zhejiang/金华市…(2019-09-27).md: adopted by the city, approved by the province
    line = ("2019年8月16日 金华市第七届人民代表大会常务委员会第二十二次会议通过  "
            "2019年9月27日浙江省第十三届人民代表大会常务委员会第十四次会议批准")
    assert events(line) == [("adopted", date(2019, 8, 16), 3),
                            ("approved", date(2019, 9, 27), 3)]


def test_an_amendment_approved_by_the_province() -> None:
    # shandong/东营市湿地保护条例(2020-10-10).md:7 (通过并经 … 批准的 … 修正)
    line = ("2020年9月3日 东营市第八届人民代表大会常务委员会第28次会议通过并经2020年9月25日山东省"
            "第十三届人民代表大会常务委员会第二十三次会议批准的《东营市人民代表大会常务委员会关于修改"
            "<东营市湿地保护条例>的决定》修正")
    (first, second) = preamble.events_of([(7, line)])
    assert (first.kind, first.date, first.text) == (
        "adopted", date(2020, 9, 3), "东营市第八届人民代表大会常务委员会第28次会议通过")
    assert (second.kind, second.date) == ("amended", date(2020, 9, 25))


def test_promulgation_and_entry_into_force() -> None:
    # zhejiang/宁波市职业技能培训条例(2016-04-20).md
    assert events("2015年12月29日 宁波市第十四届人民代表大会常务委员会第二十八次会议通过",
                  "2016年3月31日 浙江省第十二届人民代表大会常务委员会第二十八次会议批准",
                  "2016年4月20日 宁波市人民代表大会常务委员会公告第17号公布",
                  "2016年7月1日 施行") == [
        ("adopted", date(2015, 12, 29), 3), ("approved", date(2016, 3, 31), 4),
        ("promulgated", date(2016, 4, 20), 5), ("effective", date(2016, 7, 1), 6)]
    # shandong: 烟台市…公告公布施行 is one promulgation
    assert events("2017年1月18日 烟台市人民代表大会常务委员会公告公布施行")[0][0] == "promulgated"


def test_full_width_digits_and_a_date_broken_over_two_lines() -> None:
    # shandong/山东省清洁生产促进条例(2020-11-27).md:3
    assert events("２００２年６月２９日 第九届全国人民代表大会常务委员会第二十八次会议通过") == [
        ("adopted", date(2002, 6, 29), 3)]
    assert events("2014年9月26", "日 浙江省第十二届人民代表大会常务委员会第十三次会议批准") == [
        ("approved", date(2014, 9, 26), 3)]


def test_the_file_name_date_stands_in_for_a_missing_one(tmp_path: Path) -> None:
    # shanghai: many files have an empty preamble; the file name still dates the version
    path = tmp_path / "上海市测试条例(2020-05-14).md"
    path.write_text("# 上海市测试条例\n\n<!-- INFO END -->\n\n第一条 为了测试，制定本条例。\n",
                    encoding="utf-8")
    read = parse.read(path).preamble
    assert read.file_date == date(2020, 5, 14)
    assert read.adopted == date(2020, 5, 14) and read.events == ()
    assert read.version_date == date(2020, 5, 14)
    assert preamble.file_date("北京市信访条例") is None


def test_a_preamble_with_a_revision_only_has_no_adoption_date() -> None:
    # beijing/北京市信访条例.md: the preamble prints only the revision
    line = "2006年9月15日 北京市第十二届人民代表大会常务委员会第三十次会议修订"
    read = preamble.read([(3, line)], "北京市信访条例", None)
    assert read.adopted is None and read.adopted_by is None
    assert read.events == (Event("revised", date(2006, 9, 15),
                                 "北京市第十二届人民代表大会常务委员会第三十次会议修订", 3),)


def test_markdown_preamble_on_the_parsed_regulation(tmp_path: Path) -> None:
    path = tmp_path / "广东省公路条例(2022-06-01).md"
    body = "\n\n".join(GONGLU)
    path.write_text(f"# 广东省公路条例\n\n{body}\n\n<!-- INFO END -->\n## 第一章 总则\n\n"
                    "第一条 为加强公路的建设、养护和管理，制定本条例。\n", encoding="utf-8")
    regulation = parse.read(path)
    assert regulation.title == "广东省公路条例"
    assert regulation.slug == "guangdongsheng-gonglu-tiaoli"
    assert regulation.preamble.adopted == date(2003, 1, 11)
    assert [e.line for e in regulation.preamble.events] == [3, 5, 7, 9]
