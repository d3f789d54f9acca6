"""The level a department named without one belongs to (GUIDELINE §8).

A regulation assigns its duties in a general article (第三条: 县级以上人民政府生态环境主管部门
对本行政区域…实施统一监督管理; …交通运输、公安机关交通管理…等部门按照各自职责…); later
articles name the same departments bare (生态环境主管部门应当…). The bare name takes the
government of that article: the first department designation with a level in the first
articles. Offices are read with the actor grammar (kg.source.offices).
"""

from __future__ import annotations

import re

from kg.source import offices
from kg.source.model import Regulation

GENERAL_ARTICLES = 8  # the duty-assignment article stands among the first ones
_LEVELLED = re.compile(r"(?:省|县级以上|地级以上市|设区的市|市、县（市、区）|市、区|县级|区|市)"
                       r"(?:地方)?(?:人民政府)?[\u4e00-\u9fff]{0,14}?(?:主管部门|部门|机关)")


def assigned_level(regulation: Regulation) -> dict[str | None, str]:
    """The government (县级以上人民政府 …) of the departments the general articles name,
    by sector; under None the widest of them (the default for other sectors)."""
    scheme = offices.default_scheme()
    found: dict[str | None, str] = {}
    for article in regulation.articles[:GENERAL_ARTICLES]:
        for paragraph in article.paragraphs:
            for match in _LEVELLED.finditer(paragraph.text):
                office = offices.parse(match.group(0))
                if office and office.level and office.organ_kind == "department":
                    level = scheme.levels[office.level]
                    found.setdefault(office.sector, level.government)
                    widest = found.get(None)
                    if widest is None or len(level.covers) > len(_covers(widest)):
                        found[None] = level.government
    return found


def _covers(government: str) -> frozenset[str]:
    office = offices.parse(government)
    level = offices.default_scheme().levels.get(office.level) if office and office.level \
        else None
    return level.covers if level else frozenset()


def with_level(designation: str, governments: dict[str | None, str]) -> str:
    """A department without a level, at the level the general articles give its sector
    (else the widest they name); others unchanged."""
    if not governments:
        return designation
    if designation.endswith("工作人员") and len(designation) > 4:  # X工作人员: X's level
        return with_level(designation[:-4], governments) + "工作人员"
    office = offices.parse(designation)
    if not designation.endswith(("部门", "机构")):
        return designation  # 司法机关, 公安机关: no government's department by name
    if office is None or office.organ_kind != "department" or office.level is not None \
            or office.qualifier_text or designation.startswith(("本级", "同级", "上级")):
        return designation
    return governments.get(office.sector, governments.get(None, "")) + designation
