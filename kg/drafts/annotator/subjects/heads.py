"""What ends a designation (its head) and the lexicon look-ups that find one."""

from __future__ import annotations

import re

from kg.source.lexicon import Lexicon

HEADS = ("人民政府", "政府", "部门", "机构", "单位", "企业", "组织", "学校", "协会",
         "商会", "学会", "委员会", "主体", "法人", "公民", "个人", "会员", "居民", "村民", "人员",
         "经营者", "开办者", "管理者", "所有人", "使用人", "权利人", "责任人", "办事处",
         "管理处", "中心", "机关", "公司", "团体", "医院", "幼儿园", "基金会", "工商户",
         "生产者", "销售者", "进口者", "驾驶人", "申请人", "当事人", "监护人", "投资者",
         "消费者", "从业者", "举办者", "承包人", "所有权人", "经营户", "检察院",
         "自然人", "各方", "社会力量", "业主", "人", "用户", "者",
         "法院",
         # bodies named by their short forms (工会、共青团、妇联等人民团体; 知识城管委会)
         "委会", "工会", "联合会", "青年团", "共青团", "妇联", "残联", "工商联", "侨联", "文联",
         "科协", "红十字会",
         # persons and parties named by their role (河长, 调解员, 主办方, 运营商, 医生)
         "河长", "湖长", "林长", "员", "主办方", "承办方", "承建方", "出租方", "承租方", "委托方",
         "受托方", "建设方", "施工方", "双方", "第三方", "投资方", "合作方", "运营方",
         "运营商", "供应商", "开发商", "服务商", "承包商", "经销商", "医生", "医师", "律师",
         "教师", "辅警", "团队", "导游", "顾问", "工程师", "指挥部", "旅行社", "合作社",
         "出版社", "报社", "消防队", "救援队", "服务队",
         # a region in a role (GUIDELINE §9: 有条件的地方)
         "有条件的地方", "有关地方")
# a member of a coordination ending so names a party itself: it takes no shared head
PARTY_ENDINGS = (*HEADS, "联", "会", "场", "所", "院", "馆", "园", "厂", "社", "队", "校",
                 "头", "店", "行", "台", "处", "局", "厅", "者", "人", "户", "方", "地", "团", "党",
                 "区", "室", "体", "网", "频", "站", "学", "事",
                 "师")

HEAD_PATTERN = "|".join(sorted(HEADS, key=len, reverse=True))
CONJUNCTION = re.compile(r"以及|及其(?!他)|或者|及|和|与")


def has_head(text: str) -> bool:
    return re.sub(r"（[^（）]*）$", "", text).endswith(HEADS)


class Matcher:
    """Longest-match look-ups in the lexicon, and the qualifiers it implies."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        actors = [t.zh for t in lexicon.all("actor")]
        self.names = sorted({*actors, *(t.zh for t in lexicon.all("carrier"))},
                            key=len, reverse=True)
        self.qualifiers = sorted({a for a in actors
                                  if any(b != a and b.startswith(a) for b in actors)},
                                 key=len)

    def known_at(self, text: str, pos: int = 0) -> str | None:
        return next((n for n in self.names if text.startswith(n, pos)), None)

    def qualifier(self, part: str) -> str | None:
        """The (shortest) regional or governmental qualifier a designation starts with."""
        found = next((q for q in self.qualifiers if part.startswith(q)), None)
        generic = re.match(r".{1,12}?人民政府(?=.)", part)
        return found or (generic.group(0) if generic else None)


