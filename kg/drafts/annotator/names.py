"""Stable, readable ids and English labels for designations the lexicon lacks.

A new designation's id is the designation itself, so it gets the same IRI in
every regulation and on every run. Its English label is glossed: the longest
known actor it starts with lends its label, the rest is glossed morpheme by
morpheme (unknown characters are kept as they are).
"""

from __future__ import annotations

from kg.source.lexicon import Lexicon

GLOSSARY = {
    "人民政府": "government", "政府": "government", "有关部门": "relevant-departments",
    "主管部门": "competent-department", "部门": "department", "管理机构": "management-body",
    "机构": "institution", "单位": "unit", "企业": "enterprise", "组织": "organisation",
    "学校": "school", "协会": "association", "委员会": "committee", "主体": "entity",
    "公民": "citizen", "经营者": "business-operator", "村民": "villager",
    "居民": "resident", "法人": "legal-person", "个人": "individual", "其他": "other",
    "乡镇": "township", "街道办事处": "subdistrict-office", "村民委员会": "villagers-committee",
    "居民委员会": "residents-committee", "设区的市": "districted-city", "省": "provincial",
    "市": "city", "县": "county", "区": "district", "级": "level", "以上": "and-above",
    "公安": "public-security", "教育": "education", "卫生健康": "health", "应急管理": "emergency",
    "住房城乡建设": "housing-urban-rural", "民政": "civil-affairs", "司法行政": "justice",
    "审计": "audit", "税务": "tax", "金融": "finance", "监督管理": "supervision",
    "市场监督管理": "market-regulation", "生态环境": "ecology-environment", "交通运输": "transport",
    "自然资源": "natural-resources", "农业农村": "agriculture", "水利": "water", "科技": "science",
    "商务": "commerce", "财政": "finance", "发展改革": "development-reform", "文化": "culture",
    "旅游": "tourism", "和": "and", "经营": "business", "生产": "production", "管理": "management",
    "行业": "trade", "社会": "social", "服务": "service", "平台": "platform", "园区": "park",
    "开发区": "development-zone", "机制": "mechanism", "体制": "system", "协调": "coordination",
    "合作": "cooperation", "建设": "construction", "监督": "supervision", "评估": "assessment",
}
_KEYS = sorted(GLOSSARY, key=len, reverse=True)
ACTOR_CLASSES = (("人民政府", "Government"), ("部门", "GovernmentDepartment"),
                 ("企业", "Enterprise"), ("学校", "EducationInstitution"),
                 ("商会", "ChamberOfCommerce"), ("协会", "TradeAssociation"),
                 ("组织", "SocialOrganisation"), ("管理机构", "CarrierManagementBody"))


def gloss(text: str) -> list[str]:
    """Morpheme-by-morpheme glossing; runs of unknown characters are kept."""
    words: list[str] = []
    pos, unknown = 0, ""
    while pos < len(text):
        key = next((k for k in _KEYS if text.startswith(k, pos)), None)
        if key is None:
            unknown += text[pos]
            pos += 1
            continue
        if unknown:
            words.append(unknown)
            unknown = ""
        words.append(GLOSSARY[key])
        pos += len(key)
    return [*words, unknown] if unknown else words


def term_id(kind: str, zh: str, lexicon: Lexicon) -> str:
    """The lexicon's id, or for a new designation the designation itself: a function of
    the designation alone, so every draft that names it gives it the same IRI, whatever
    else is in the data (glossed ASCII ids collide: 财政 and 金融 are both "finance")."""
    known = lexicon.get(kind, zh)
    return known.id if known else zh


def english(kind: str, zh: str, lexicon: Lexicon) -> str:
    base = next((t for t in sorted(lexicon.all(kind), key=lambda t: -len(t.zh))
                 if zh.startswith(t.zh) and zh != t.zh), None)
    words = gloss(zh[len(base.zh):] if base else zh)
    text = " ".join(w.replace("-", " ") for w in words)
    if not text.isascii():
        return f"{zh} (machine-made; English label to be curated)"
    return f"{text} of {base.en}" if base else text


def actor_class(zh: str) -> str:
    return next((cls for head, cls in ACTOR_CLASSES if zh.endswith(head)), "Actor")
