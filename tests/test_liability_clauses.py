"""Real liability clauses of the corpus (/work/shared/corpus), read by hand and by
kg.drafts.liability.read. Each text is copied verbatim from the file and article named
above it (without the 第X条 or （一） that numbers it, as the parsed model holds it); the
expected kinds, bounds, multiples, tiers and cited norms were decided by reading.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

import pytest

from kg.drafts.liability import Liability, UnresolvedReference, read, references, resolve


class P(NamedTuple):
    """An expected penalty: kind, yuan bounds, multiple bounds and basis, unit, tier."""

    kind: str
    low: int | None = None
    high: int | None = None
    times: tuple[Decimal | int | None, Decimal | int | None] | None = None
    basis: str | None = None
    unit: str | None = None
    tier: str | None = None
    daily: bool = False


class Case(NamedTuple):
    text: str
    at: tuple[int, int]                       # article, paragraph the clause stands in
    enforces: tuple[tuple[int, ...], ...]     # (article[, paragraph[, item]])
    penalties: tuple[P, ...]
    lead_in: str | None = None
    enforced_by: tuple[str, ...] | None = None  # None: not asserted
    liable: tuple[str, ...] | None = None


R, W, C = P("Rectification"), P("Warning"), P("Confiscation")
CRIME = P("Criminal", tier="构成犯罪的")

CASES = {
    # guangdong/广东省森林防火条例(2021-09-29).md 第四十三条
    "forest-fire": Case(
        "违反本条例第二十四条、第二十五条规定，未引起森林火灾的，由县级以上人民政府林业主管部门责令停止违法"
        "行为，给予警告，对个人并处两百元以上两千元以下罚款，对单位并处一万元以上三万元以下罚款；引起森林火"
        "灾的，对个人并处两千元以上三千元以下罚款，对单位并处三万元以上五万元以下罚款；造成损失的，依法承担"
        "民事赔偿责任；构成犯罪的，依法追究刑事责任。",
        (43, 1), ((24,), (25,)),
        (R, W, P("Fine", 200, 2000), P("Fine", 10000, 30000),
         P("Fine", 2000, 3000, tier="引起森林火灾的"),
         P("Fine", 30000, 50000, tier="引起森林火灾的"),
         P("Compensation", tier="造成损失的"), CRIME),
        enforced_by=("县级以上人民政府林业主管部门",), liable=("个人", "单位")),
    # guangdong/广东省公路条例(2022-06-01).md 第五十一条
    "overload": Case(
        "违反本条例第十九条规定，车辆在公路上擅自超限行驶的，由县级以上人民政府交通主管部门责令停止违法行为，"
        "可以处一千元以下罚款；情节严重的，强制卸载，可以处一千元以上三万元以下罚款。",
        (51, 1), ((19,),),
        (R, P("Fine", None, 1000), P("Other", tier="情节严重的"),
         P("Fine", 1000, 30000, tier="情节严重的")),
        enforced_by=("县级以上人民政府交通主管部门",)),
    # guangdong/广东省公路条例(2022-06-01).md 第五十二条第二款
    "road-items": Case(
        "违反本条例第二十一条第一款第（二）项、第（三）项、第（四）项、第（五）项规定的，由县级以上人民政府"
        "交通主管部门责令停止违法行为，可以处五千元以下罚款；造成公路损坏的，责令恢复原状，可以处五千元以上"
        "三万元以下罚款，并应当依法承担赔偿责任。",
        (52, 2), ((21, 1, 2), (21, 1, 3), (21, 1, 4), (21, 1, 5)),
        (R, P("Fine", None, 5000), P("Rectification", tier="造成公路损坏的"),
         P("Fine", 5000, 30000, tier="造成公路损坏的"), P("Compensation", tier="造成公路损坏的"))),
    # guangdong/广东省公路条例(2022-06-01).md 第五十条第（一）项, under its lead-in
    "road-lead-in-items": Case(
        "违反第（一）项、第（二）项规定，尚未造成路产损坏的，处以五百元以下罚款；造成路产损坏的，处以五百元"
        "以上五千元以下罚款。",
        (50, 1), ((18, None, 1), (18, None, 2)),
        (R, R, P("Fine", None, 500), P("Fine", 500, 5000, tier="造成路产损坏的")),
        lead_in="违反本条例第十八条规定的，由县级以上人民政府交通主管部门责令其停止违法行为，限期采取补救"
                "措施，并可以按照下列规定处罚:",
        enforced_by=("县级以上人民政府交通主管部门",)),
    # guangdong/广东省公路条例(2022-06-01).md 第五十七条第（一）项, under its lead-in
    "toll-transfer": Case(
        "违反本条例第三十五条第三款规定，未经批准擅自转让收费公路收费权的；",
        (57, 1), ((35, 3),), (R, C),
        lead_in="有下列情形之一的，由省人民政府交通主管部门责令其限期改正，没收已收取的车辆通行费，上缴国库，"
                "用于公路建设:",
        enforced_by=("省人民政府交通主管部门",)),
    # guangdong/广东省公路条例(2022-06-01).md 第六十条
    "road-officials": Case(
        "交通主管部门、公路管理机构的工作人员玩忽职守、徇私舞弊、滥用职权的，依法给予处分；构成犯罪的，依法"
        "追究刑事责任。",
        (60, 1), (), (P("Discipline"), CRIME),
        liable=("交通主管部门的工作人员", "公路管理机构的工作人员")),
    # guangdong/深圳经济特区绿色建筑条例(2022-03-28).md 第五十六条
    "per-square-metre": Case(
        "违反本条例第二十八条规定，建设单位未按照有关规定实行房屋拆除、建筑废弃物综合利用及清运一体化管理的，"
        "由区住房建设主管部门责令限期改正，并按拆除部分建筑面积每平方米处二千元罚款。",
        (56, 1), ((28,),), (R, P("Fine", 2000, 2000, unit="平方米")),
        enforced_by=("区住房建设主管部门",), liable=("建设单位",)),
    # guangdong/汕头经济特区消防条例(2022-12-30).md 第六十七条第（一）项, under its lead-in
    "fire-monitoring": Case(
        "火灾自动报警系统与城市消防远程监控系统的监控中心联网后擅自关闭或者拆除的；",
        (67, 1), ((40,),), (R, P("Fine", 5000, 20000, tier="逾期不改正的")),
        lead_in="违反本条例第四十条规定，有下列行为之一的，由消防救援机构责令限期改正；逾期不改正的，处五千元"
                "以上二万元以下罚款：",
        enforced_by=("消防救援机构",)),
    # guangdong/深圳经济特区细胞和基因产业促进条例(2023-01-06).md 第七十一条
    "officials-and-staff": Case(
        "相关部门及其工作人员在细胞和基因产业促进工作中滥用职权、玩忽职守、徇私舞弊的，对直接负责的主管人员和"
        "其他直接责任人员依法给予处分；构成犯罪的，依法追究刑事责任。",
        (71, 1), (), (P("Discipline"), CRIME),
        liable=("相关部门", "相关部门工作人员", "直接负责的主管人员", "其他直接责任人员")),
    # beijing/北京市环境噪声污染防治办法.md 第四十一条
    "arabic-digits": Case(
        "违反本办法第十九条规定，进行夜间施工作业未向周围居民公告相关内容的，由城市管理综合执法部门责令改正，"
        "并处1000元以上5000元以下罚款。",
        (41, 1), ((19,),), (R, P("Fine", 1000, 5000)),
        enforced_by=("城市管理综合执法部门",)),
    # beijing/北京市环境噪声污染防治办法.md 第四十三条第（一）项, under its lead-in
    "warning-first": Case(
        "在噪声敏感建筑物集中区域使用干扰周围生活环境的音响器材；",
        (43, 1), (), (W, P("Fine", 200, 500, tier="警告后不改正的")),
        lead_in="违反本办法规定，有下列行为之一的，由公安部门给予警告，警告后不改正的，处200元以上500元以下"
                "罚款：",
        enforced_by=("公安部门",)),
    # beijing/北京市机动车停车条例(2021-09-24).md 第四十一条第二款
    "preceding-paragraph": Case(
        "违反前款规定，经两次催缴，停车人逾期未补缴欠费的，由区停车管理部门处一百元罚款；情节严重的，处三百元"
        "以上八百元以下罚款。",
        (41, 2), ((41, 1),), (P("Fine", 100, 100), P("Fine", 300, 800, tier="情节严重的")),
        enforced_by=("区停车管理部门",)),
    # beijing/北京市机动车停车条例(2021-09-24).md 第二十二条第二款
    "liang-qian": Case(
        "违反前款规定，未按照规定的时限或者未如实报送停车设施设置情况的，由城市管理综合执法部门责令限期改正；"
        "逾期未改正的，处两千元罚款。",
        (22, 2), ((22, 1),), (R, P("Fine", 2000, 2000, tier="逾期未改正的"))),
    # beijing/北京市城乡规划条例(2021-09-24).md 第八十二条
    "percent-of-contract": Case(
        "施工单位未按照符合标准的施工图设计文件施工，或者承接未取得规划许可的建设项目的，由住房和城乡建设主管"
        "部门处以工程合同款百分之二以上百分之四以下罚款；情节严重的，责令停业整顿，降低资质等级或者吊销资质证书。",
        (82, 1), (),
        (P("Fine", times=(Decimal("0.02"), Decimal("0.04")), basis="工程合同款"),
         P("Suspension", tier="情节严重的"), P("Revocation", tier="情节严重的")),
        enforced_by=("住房和城乡建设主管部门",), liable=("施工单位",)),
    # beijing/北京市生活垃圾管理条例(2020-09-25).md 第七十三条
    "wan-with-digits": Case(
        "餐饮服务单位违反本条例第四十七条第二款规定收集、处理厨余垃圾的，由城市管理综合执法部门处1万元以上10万元"
        "以下罚款；情节严重的，责令停业整顿。",
        (73, 1), ((47, 2),), (P("Fine", 10000, 100000), P("Suspension", tier="情节严重的")),
        liable=("餐饮服务单位",)),
    # shanghai/上海市建筑市场管理条例.md 第五十一条
    "income-multiple": Case(
        "违反本条例第十条规定，注册执业人员违反规定从事执业活动或者出租、出借注册执业证书、执业印章的，由建设行政"
        "管理部门或者其他有关部门责令停止违法行为，处一万元以上三万元以下罚款；有违法所得的，没收违法所得，处违法"
        "所得两倍以上五倍以下罚款；情节严重的，提请发证部门吊销资格证书。",
        (51, 1), ((10,),),
        (R, P("Fine", 10000, 30000), P("Confiscation", tier="有违法所得的"),
         P("Fine", times=(2, 5), basis="违法所得", tier="有违法所得的"),
         P("Revocation", tier="情节严重的")),
        enforced_by=("建设行政管理部门", "其他有关部门"), liable=("注册执业人员",)),
    # shanghai/上海市大气污染防治条例(2018-12-20).md 第九十八条第五款
    "two-articles": Case(
        "违反本条例第五十八条、第五十九条规定，未按照规范进行清扫保洁作业，以及未按照规范进行植物栽种和养护作业"
        "的，由绿化市容行政管理部门责令改正，处一千元以上一万元以下罚款。",
        (98, 5), ((58,), (59,)), (R, P("Fine", 1000, 10000))),
    # shanghai/上海市价格管理条例.md 第三十三条第（二）项, under its lead-in
    "sum-or-multiple": Case(
        "违反第十九条第二款规定的，没收违法所得，处违法所得一倍以上三倍以下或者一千元以上一万元以下罚款；情节严重的，"
        "处违法所得三倍以上五倍以下或者一万元以上三万元以下罚款；",
        (33, 1), ((19, 2),),
        (C, P("Fine", 1000, 10000, (1, 3), "违法所得"),
         P("Fine", 10000, 30000, (3, 5), "违法所得", tier="情节严重的")),
        lead_in="违反本条例规定，由价格监督检查机构依照下列规定实施处罚：",
        enforced_by=("价格监督检查机构",)),
    # shanghai/上海市食品安全条例(2017-01-20).md 第一百零二条第（一）项, under its lead-in
    "food-platform": Case(
        "网络食品交易第三方平台提供者、通过自建网站交易的食品生产经营者未按照规定办理备案手续的；",
        (102, 1), ((51,), (52,)),
        (R, W, P("Fine", 5000, 50000, tier="拒不改正的"), P("Suspension", tier="情节严重的")),
        lead_in="违反本条例第五十一条、第五十二条规定，有下列情形之一的，由市食品药品监督管理部门或者区市场监督管理"
                "部门责令改正，给予警告；拒不改正的，处五千元以上五万元以下罚款；情节严重的，由市食品药品监督管理部门"
                "或者区市场监督管理部门责令停业：",
        enforced_by=("市食品药品监督管理部门", "区市场监督管理部门"),
        liable=("网络食品交易第三方平台提供者", "通过自建网站交易的食品生产经营者")),
    # shandong/山东省供热条例(2021-12-03).md 第四十六条
    "heating-licence": Case(
        "违反本条例规定，供热企业不按照供热经营许可证的规定从事供热经营活动的，由供热主管部门责令限期改正，没收违法"
        "所得，处三万元以上二十万元以下罚款；情节严重的，吊销供热经营许可证。",
        (46, 1), (), (R, C, P("Fine", 30000, 200000), P("Revocation", tier="情节严重的")),
        enforced_by=("供热主管部门",), liable=("供热企业",)),
    # shandong/滨州市扬尘污染防治条例(2019-12-05).md 第二十二条第四款
    "this-article-daily": Case(
        "违反本条第一款规定的，由县级以上人民政府交通运输部门、城市管理部门、生态环境部门按照职责责令改正，并处一万元"
        "以上十万元以下罚款；拒不改正的，可以自责令改正之日的次日起，按照原处罚数额按日连续处罚。",
        (22, 4), ((22, 1),),
        (R, P("Fine", 10000, 100000), P("Fine", tier="拒不改正的", daily=True)),
        enforced_by=("县级以上人民政府交通运输部门", "县级以上人民政府城市管理部门",
                     "县级以上人民政府生态环境部门")),
    # shandong/青岛市市政工程设施管理办法(2017-12-01).md 第四十五条第（七）项, under its lead-in
    "shared-di-items": Case(
        "有本办法第三十四条第一、二项行为的，罚款五百元至五千元；",
        (45, 1), ((34, None, 1), (34, None, 2)),
        (P("Other"), R, P("Compensation"), P("Fine", 500, 5000)),
        lead_in="对违反本办法规定的单位和个人，市政工程行政管理部门可给予批评教育、责令停止违法行为、限期整改、恢复"
                "原状、赔偿损失的处理，对下列行为可并处罚款："),
    # shandong/青岛市市政工程设施管理办法(2017-12-01).md 第四十五条第（一）项, under its lead-in
    "fee-multiple": Case(
        "未经批准占用，或虽经批准但超出批准范围、期限占用道路的，按占路费标准的二至五倍罚款；",
        (45, 1), (),
        (P("Other"), R, P("Compensation"), P("Fine", times=(2, 5), basis="占路费标准")),
        lead_in="对违反本办法规定的单位和个人，市政工程行政管理部门可给予批评教育、责令停止违法行为、限期整改、恢复"
                "原状、赔偿损失的处理，对下列行为可并处罚款："),
    # henan/洛阳市古树名木保护条例(2015-08-12).md 第二十四条
    "per-tree": Case(
        "违反本条例第十三条第（一）项、第（二）项和第二十一条第二款规定的，由市、县（市、区）林业、城市绿化行政管理"
        "部门责令停止违法行为，没收违法砍伐、擅自移植、非法买卖的古树名木和违法所得，赔偿损失，处每株一万元以上五万"
        "元以下罚款；造成古树名木死亡的，并处每株六万元以上十万元以下罚款。构成犯罪的，依法追究刑事责任。",
        (24, 1), ((13, None, 1), (13, None, 2), (21, 2)),
        (R, C, P("Compensation"), P("Fine", 10000, 50000, unit="株"),
         P("Fine", 60000, 100000, unit="株", tier="造成古树名木死亡的"), CRIME)),
    # henan/洛阳市古树名木保护条例(2015-08-12).md 第二十五条
    "item-list": Case(
        "违反本条例第十三条第（三）项、第（四）项、第（五）项、第（六）项规定的，由市、县（市、区）林业、城市绿化行政"
        "管理部门责令停止违法行为、恢复原状或者采取补救措施，并处五百元以上五千元以下罚款。",
        (25, 1), ((13, None, 3), (13, None, 4), (13, None, 5), (13, None, 6)),
        (R, P("Fine", 500, 5000))),
    # henan/河南省暂住人口管理条例(2010-07-30).md 第二十三条
    "shared-di-bracketed": Case(
        "违反本条例第十八条第（四）项、第十九条第（四）、（五）项规定之一、情节轻微的，由县（市、区）公安机关对"
        "责任人处以一千元以上五千元以下罚款；构成犯罪的，依法追究刑事责任。",
        (23, 1), ((18, None, 4), (19, None, 4), (19, None, 5)),
        (P("Fine", 1000, 5000), CRIME),
        enforced_by=("县（市、区）公安机关",), liable=("责任人",)),
    # henan/河南省建设工程质量管理条例(2010-07-30).md 第四十五条第三款
    "qualification": Case(
        "监理单位转让监理业务的，由县级以上建设行政主管部门责令改正，没收违法所得，可以责令停业整顿，降低资质等级；"
        "情节严重的，吊销资质证书。",
        (45, 3), (),
        (R, C, P("Suspension"), P("Revocation"), P("Revocation", tier="情节严重的")),
        enforced_by=("县级以上建设行政主管部门",), liable=("监理单位",)),
    # henan/鹤壁市城市市容和环境卫生管理条例(2019-01-10).md 第四十四条
    "daily-per-square-metre": Case(
        "违反本条例第二十三条规定的，擅自停用停车场（库）的，责令限期改正，并处五千元以上一万元以下的罚款；擅自改变"
        "停车场（库）用途的，责令限期改正，并处每日每平方米三元的罚款。",
        (44, 1), ((23,),),
        (R, P("Fine", 5000, 10000), P("Rectification", tier="擅自改变停车场（库）用途的"),
         P("Fine", 3, 3, unit="平方米", tier="擅自改变停车场（库）用途的", daily=True))),
    # henan/鹤壁市城市市容和环境卫生管理条例(2019-01-10).md 第四十五条
    "green-space": Case(
        "违反本条例第二十四条第二款规定的，由园林绿化行政主管部门责令限期恢复原状，并处所占绿地面积每平方米五百元以上"
        "一千元以下罚款；造成损失的，应当赔偿损失。",
        (45, 1), ((24, 2),),
        (R, P("Fine", 500, 1000, unit="平方米"), P("Compensation", tier="造成损失的")),
        enforced_by=("园林绿化行政主管部门",)),
    # henan/郑州市城市养犬管理条例(2022-01-01).md 第二十四条: three breaches, three clauses
    "dogs": Case(
        "养犬人未按规定办理养犬注册登记或者复检手续的，由城市管理行政执法部门责令限期办理注册登记或者复检，逾期仍未办理"
        "注册登记或者复检的，暂扣犬只，并可处以每只三千元罚款；在公共楼道、楼顶、绿地、地下室等公共区域饲养犬只的，由"
        "城市管理行政执法部门责令改正，处五百元以上二千元以下罚款，拒不改正的，没收犬只；饲养烈性犬、大型犬的，由城市"
        "管理行政执法部门责令改正，处五千元以上一万元以下罚款，拒不改正的，没收犬只。",
        (24, 1), (),
        (R, P("Suspension", tier="逾期仍未办理注册登记或者复检的"),
         P("Fine", 3000, 3000, unit="只", tier="逾期仍未办理注册登记或者复检的"),
         R, P("Fine", 500, 2000), P("Confiscation", tier="拒不改正的"),
         R, P("Fine", 5000, 10000), P("Confiscation", tier="拒不改正的")),
        enforced_by=("城市管理行政执法部门",), liable=("养犬人",)),
    # zhejiang/杭州市燃气管理条例(2021-12-03).md 第四十三条第一款
    "unit-and-person": Case(
        "违反本条例第二十七条第一款第三项、第六项、第七项规定的，由燃气主管部门责令限期改正；逾期不改正的，对单位处"
        "一万元以上十万元以下罚款，对个人处五百元以上一千元以下罚款。",
        (43, 1), ((27, 1, 3), (27, 1, 6), (27, 1, 7)),
        (R, P("Fine", 10000, 100000, tier="逾期不改正的"),
         P("Fine", 500, 1000, tier="逾期不改正的")),
        enforced_by=("燃气主管部门",), liable=("单位", "个人")),
    # zhejiang/湖州市大气污染防治规定(2020-03-30).md 第十条第二款
    "preceding-paragraph-2": Case(
        "违反前款规定的，由生态环境主管部门责令改正，处二万元以上二十万元以下的罚款。",
        (10, 2), ((10, 1),), (R, P("Fine", 20000, 200000)),
        enforced_by=("生态环境主管部门",)),
    # zhejiang/浙江省城市市容和环境卫生管理条例(2021-09-30).md 第三十九条第二款
    "substitute-performance": Case(
        "违反前款规定的，责令改正，对单位处十万元以上一百万元以下罚款，对个人处一千元以上一万元以下罚款；拒不改正的，"
        "可以代为改正，所需费用由违法行为人承担。",
        (39, 2), ((39, 1),),
        (R, P("Fine", 100000, 1000000), P("Fine", 1000, 10000), P("Other", tier="拒不改正的")),
        liable=("单位", "个人")),
    # zhejiang/绍兴黄酒保护和发展条例(2021-08-09).md 第三十条
    "goods-value": Case(
        "违反本条例第十四条第一项规定，在地理标志产品绍兴酒酿制中添加工业酶制剂的，由市场监督管理部门责令停止生产、"
        "销售，没收违法生产、销售的产品，并处违法生产、销售产品货值金额一倍以上三倍以下的罚款；有违法所得的，并处没收"
        "违法所得。",
        (30, 1), ((14, None, 1),),
        (R, C, P("Fine", times=(1, 3), basis="违法生产、销售产品货值金额"),
         P("Confiscation", tier="有违法所得的")),
        enforced_by=("市场监督管理部门",)),
    # zhejiang/浙江省特种设备安全管理条例.md 第二十四条第（一）项, under its lead-in
    "alternative-fines": Case(
        "违法生产、销售简易设备的，责令限期改正，没收违法生产、销售的简易设备，可以并处简易设备货值金额等值以上三倍以下"
        "罚款或者二百元以上五千元以下罚款；逾期未改正的，处五千元以上一万元以下罚款；有违法所得的，没收违法所得；",
        (24, 1), ((18,),),
        (R, C, P("Fine", times=(1, 3), basis="简易设备货值金额"), P("Fine", 200, 5000),
         P("Fine", 5000, 10000, tier="逾期未改正的"), P("Confiscation", tier="有违法所得的")),
        lead_in="违反本条例第十八条规定的，由县级以上特种设备安全监督管理部门按照下列规定予以处罚：",
        enforced_by=("县级以上特种设备安全监督管理部门",)),
    # zhejiang/浙江省产品质量监督条例(2009-11-27).md 第二十八条
    "referral": Case(
        "违反本条例第八条第（三）项规定的，依照《产品质量法》关于销售失效、变质的产品的处罚规定处罚。",
        (28, 1), ((8, None, 3),), (P("Other"),)),
    # guangdong/东莞市零散工业废水管理条例(2022-12-15).md 第二十八条: 责令停业 suspends,
    # 关闭 closes the business for good without revoking a licence (Other, GUIDELINE §17)
    "closure-is-other": Case(
        "违反本条例第十一条的规定，零散工业废水产生单位将危险废物与零散工业废水混合收集储存的，"
        "由生态环境部门责令改正，处以十万元以上一百万元以下的罚款，没收违法所得；情节严重的，"
        "报经有批准权的人民政府批准，可以责令停业或者关闭。",
        (28, 1), ((11,),), (R, P("Fine", 100000, 1000000), C,
                            P("Suspension", tier="情节严重的"), P("Other", tier="情节严重的"))),
    # the same regulation, 第二十五条: 处理 of the persons responsible is their discipline
    "handling-of-officials": Case(
        "生态环境部门和其他负有监督管理职责的部门及其工作人员发现零散工业废水产生单位和零散工业"
        "废水处理单位存在违法行为，不予查处或者不依法查处，或者有其他玩忽职守、滥用职权、徇私舞弊"
        "行为的，由其所在单位、主管部门、上级机关或者监察机关对有关责任人员依法给予处理。",
        (25, 1), (), (P("Discipline"),)),
    # zhejiang/浙江省专利条例(2015-09-25).md 第四十四条: a referral to other law is Other
    "referral-clause": Case(
        "违反本条例规定，法律、行政法规已有法律责任规定的，从其规定。",
        (44, 1), (), (P("Other"),)),
}


def _actual(penalty) -> P:
    times = None
    if penalty.min_multiple is not None or penalty.max_multiple is not None:
        times = (penalty.min_multiple, penalty.max_multiple)
    return P(penalty.kind, penalty.min_amount, penalty.max_amount, times, penalty.basis,
             penalty.per_unit, penalty.tier, penalty.daily)


def _read(case: Case) -> tuple[Liability, ...]:
    return read(case.text, case.lead_in)


@pytest.mark.parametrize("name", CASES)
def test_penalties_in_text_order(name: str) -> None:
    case = CASES[name]
    found = tuple(_actual(p) for liability in _read(case) for p in liability.penalties)
    assert found == case.penalties


@pytest.mark.parametrize("name", CASES)
def test_the_norms_enforced(name: str) -> None:
    case = CASES[name]
    targets = {t for liability in _read(case)
               for t in resolve(liability.references, *case.at)}
    assert {tuple(x for x in (t.article, t.paragraph, t.item)) for t in targets} == \
        {tuple(e) + (None,) * (3 - len(e)) for e in case.enforces}


@pytest.mark.parametrize("name", [n for n, c in CASES.items() if c.enforced_by])
def test_who_imposes(name: str) -> None:
    case = CASES[name]
    found = tuple(dict.fromkeys(d for liability in _read(case) for d in liability.enforced_by))
    assert found == case.enforced_by


@pytest.mark.parametrize("name", [n for n, c in CASES.items() if c.liable])
def test_who_bears(name: str) -> None:
    case = CASES[name]
    found = tuple(dict.fromkeys(d for liability in _read(case) for d in liability.liable))
    assert found == case.liable


def test_quotes_and_spans_are_exact_text() -> None:
    case = CASES["forest-fire"]
    (liability,) = _read(case)
    assert (liability.start, liability.end) == (0, len(case.text) - 1)  # without the 。
    for penalty in liability.penalties:
        assert case.text[penalty.start:penalty.end] == penalty.quote
    assert [p.quote for p in liability.penalties][:3] == [
        "责令停止违法行为", "给予警告", "并处两百元以上两千元以下罚款"]
    assert [p.liable for p in liability.penalties][2:4] == [("个人",), ("单位",)]


def test_several_breaches_in_one_paragraph_are_several_clauses() -> None:
    # beijing/北京市生活垃圾管理条例(2020-09-25).md 第七十四条第二款
    text = ("违反本条例第五十一条第一款第（三）项、第（四）项规定，未按照要求进行检测的，"
            "由城市管理综合执法部门责令生活垃圾集中转运、处理设施的运行管理单位限期改正，"
            "处3万元以上10万元以下罚款；未将数据传送至城市管理部门的生活垃圾处理设施运行监督"
            "管理信息系统的，由城市管理综合执法部门责令限期改正，处2000元以上2万元以下罚款。")
    first, second = read(text)
    assert text[first.start:first.end].endswith("处3万元以上10万元以下罚款")
    assert text[second.start:second.end].startswith("未将数据传送")
    assert [(p.min_amount, p.max_amount) for p in second.penalties if p.kind == "Fine"] == \
        [(2000, 20000)]
    assert second.references == first.references  # the breach cites no norm of its own
    assert "references:inherited" in second.rules


def test_an_item_with_three_breaches_keeps_each_its_own_norm() -> None:
    # shanghai/上海市价格管理条例.md 第三十三条第（五）项
    lead_in = "违反本条例规定，由价格监督检查机构依照下列规定实施处罚："
    text = ("违反第二十二条第一款规定的，责令改正，没收违法所得，可以并处一千元以上五千元以下"
            "罚款。违反第二十二条第二款规定的，处一百元以上二千元以下罚款。违反第二十二条第三款、"
            "第四款规定的，没收违法所得，责令改正，可以处违法所得一倍以上三倍以下或者一千元以上"
            "一万元以下罚款；情节严重的，处违法所得三倍以上五倍以下或者一万元以上三万元以下罚款，"
            "可以提请工商行政管理部门依法责令停业整顿、吊销营业执照；")
    clauses = read(text, lead_in)
    assert [[(t.article, t.paragraph) for t in resolve(c.references, 33, 1)] for c in clauses] \
        == [[(22, 1)], [(22, 2)], [(22, 3), (22, 4)]]
    assert [[p.kind for p in c.penalties] for c in clauses] == [
        ["Rectification", "Confiscation", "Fine"], ["Fine"],
        ["Confiscation", "Rectification", "Fine", "Fine", "Suspension", "Revocation"]]
    assert all(c.enforced_by == ("价格监督检查机构",) for c in clauses)


def test_ascii_punctuation_reads_like_full_width_and_quotes_stay_as_printed() -> None:
    # shandong/青岛市档案管理条例(2018-11-30).md 第四十二条 (ASCII commas and colon)
    text = ("有下列行为之一的,由档案行政管理部门给予警告,对单位可以并处一万元以上十万元以下罚款,"
            "对个人可以并处五百元以上一千元以下罚款:")
    (liability,) = read(text)
    found = [(p.kind, p.quote, p.min_amount, p.max_amount, p.liable)
             for p in liability.penalties]
    assert found == [("Warning", "给予警告", None, None, ()),
                     ("Fine", "可以并处一万元以上十万元以下罚款", 10000, 100000, ("单位",)),
                     ("Fine", "可以并处五百元以上一千元以下罚款", 500, 1000, ("个人",))]
    assert liability.enforced_by == ("档案行政管理部门",)


def test_ranges_and_relative_references_resolve_to_anchors() -> None:
    refs = references("违反本条例第十条至第十二条、前款和本条第三款第（二）项规定")
    assert [(t.article, t.paragraph, t.item) for t in resolve(refs, 20, 2)] == [
        (10, None, None), (11, None, None), (12, None, None), (20, 1, None), (20, 3, 2)]
    assert references("违反本条例规定的") == ()
    assert references("违反《中华人民共和国道路交通安全法》第五十条规定") == ()


def test_a_preceding_paragraph_in_a_first_paragraph_is_an_error_not_a_guess() -> None:
    with pytest.raises(UnresolvedReference, match="前款"):
        resolve(references("违反前款规定"), 7, 1)


def test_a_typo_in_an_amount_leaves_the_fine_unbounded_and_lowers_confidence() -> None:
    # henan/河南省建设项目环境保护条例(2018-09-30).md 第三十一条 (以 missing in 五万元上)
    (bad,) = read("建设项目擅自投入试生产的，由审批机关责令停止试生产，"
                  "处五万元上十万元以下的罚款。")
    # the same regulation, 第三十二条
    (good,) = read("建设项目试生产超过三个月，建设单位未申请环境保护设施竣工验收的，由审批机关"
                   "责令改正；逾期不改正的，责令停止试生产，可以处五万元以下的罚款；不停止试生产的，"
                   "由审批机关报同级人民政府予以关闭。")
    fine = bad.penalties[-1]
    assert fine.kind == "Fine" and not fine.has_bounds
    assert "五万元上十万元以下" in (fine.amount_problem or "")
    assert [(p.kind, p.max_amount, p.tier) for p in good.penalties] == [
        ("Rectification", None, None), ("Rectification", None, "逾期不改正的"),
        ("Fine", 50000, "逾期不改正的"), ("Other", None, "不停止试生产的")]
    assert bad.confidence < good.confidence and "amount:unparsed" in bad.rules
