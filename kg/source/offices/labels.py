"""Labels composed from an Office's parts: the canonical zh designation and an English one."""

from __future__ import annotations

import re

from kg.source.offices.office import Office
from kg.source.offices.scheme import Concept, Level, Scheme

_NOTE = re.compile(r"（[^（）]*）$")


def canonical(office: Office, scheme: Scheme) -> str:
    """The normalised designation: 县级以上人民政府交通运输主管部门 for every wording of it."""
    level = scheme.levels[office.level] if office.level else None
    area, qualifier = office.area or "", office.qualifier_text
    if office.organ_kind == "government":
        return area + qualifier + (level.government if level else "人民政府")
    if office.organ_kind == "department":
        return area + _department_zh(office, level, scheme)
    own_level = level and level.id != scheme.heads[office.head].level
    prefix = level.prefix if level and own_level else ""
    sector = scheme.sectors[office.sector].zh if office.sector else ""
    note = _NOTE.search(qualifier)  # 职业学校（含技工学校）: the note follows the noun
    if note:
        return area + prefix + qualifier[: note.start()] + sector + office.head + note.group(0)
    return area + prefix + qualifier + sector + office.head


def _department_zh(office: Office, level: Level | None, scheme: Scheme) -> str:
    qualifier = office.qualifier_text
    before = _is_before(qualifier, scheme)
    if office.sector:
        sector = scheme.sectors[office.sector]
        part = sector.organ or sector.zh + ("部门" if sector.zh.endswith("管理") else "主管部门")
    else:
        part = "部门" if qualifier.endswith("的") else "有关部门"
    government = level.government if level else ""
    if before:
        return qualifier + government + part
    return government + qualifier + part


def _is_before(qualifier: str, scheme: Scheme) -> bool:
    known = scheme.qualifiers.get(qualifier)
    return bool(known and known.before)


def english(office: Office, scheme: Scheme) -> str:
    """An English label from the parts, e.g. "competent transport departments of people's
    governments at or above the county level"."""
    level = scheme.levels[office.level] if office.level else None
    if office.organ_kind == "government":
        text = level.government_en if level else "people's governments"
    elif office.organ_kind == "department":
        text = _department_en(office, level, scheme)
    else:
        text = _body_en(office, level, scheme)
    text = _qualified(text, office.qualifier_text, scheme)
    if not office.area:
        return text
    area = scheme.areas.get(office.area)  # an area named by the text alone stays in zh
    return f"{text} {area.en}" if area else f"{text} ({office.area})"


def _department_en(office: Office, level: Level | None, scheme: Scheme) -> str:
    sector = scheme.sectors[office.sector] if office.sector else None
    singular = bool(level and level.singular and sector)
    if sector and sector.organ_en:
        noun = sector.organ_en
    elif sector:
        noun = f"competent {_field(sector)} departments"
    elif office.qualifier_text.endswith("的"):
        noun = "departments"
    else:
        noun = "relevant departments"
    if singular:
        noun = "the " + _singular(noun)
    return f"{noun} of {level.government_en}" if level else noun


def _singular(noun: str) -> str:
    for plural in ("departments", "organs", "offices", "authorities"):
        if plural in noun:
            return noun.replace(plural, plural.removesuffix("s").replace("ie", "y"), 1)
    return noun


def _field(sector: Concept) -> str:
    return sector.en.removesuffix(" (historical)")


def _body_en(office: Office, level: Level | None, scheme: Scheme) -> str:
    head = scheme.heads[office.head]
    noun = head.en
    if office.sector:
        noun = f"{_field(scheme.sectors[office.sector])} {noun}"
    if not level or level.id == head.level:
        return noun
    if office.qualifier_text.startswith("人民政府"):  # a body of the government itself
        return f"{noun} of {level.government_en}"
    return _at_level(noun, level)


def _at_level(noun: str, level: Level) -> str:
    """standing committees … at city level / provincial standing committees …"""
    if level.en.startswith("at "):
        return f"{noun} {level.en}"
    if level.en.endswith(("level", "levels")):
        return f"{noun} at {level.en}"
    return f"{level.en} {noun}"


def _qualified(text: str, qualifier: str, scheme: Scheme) -> str:
    """Known qualifiers in English; a free one (龙头 of 龙头企业) is kept in zh."""
    if not qualifier:
        return text
    known = scheme.qualifiers.get(qualifier)
    if not known:
        return f"{text} ({qualifier})"
    if known.en.startswith(("at ", "of ", "in ")):
        return f"{text} {known.en}"
    bare = text.removeprefix("the ")
    return f"{known.en} {bare}"
