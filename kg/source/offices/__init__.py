"""The actor grammar (kg.source.offices): one government across regulations.

Every regulation names the state its own way (县级以上人民政府交通运输主管部门,
县级以上地方人民政府交通运输行政主管部门, 市、县（区）人民政府交通主管部门 …). This module
reads a designation into its parts, so that wordings of one office become one actor and
offices relate to one another (dg:within) across the whole corpus. Pure: strings in,
frozen dataclasses out; the only I/O is reading data/offices.toml.

API
    parse(designation, context=None, scheme=None) -> Office | None
    within(a, b, scheme=None) -> bool          a's bodies are all b's (a ≠ b)
    broader(office, scheme=None) -> list[Office]   one step up, one part at a time
    english(office, scheme=None) -> str         English label composed from the parts
    load_scheme(path=None) -> Scheme            data/offices.toml (default: the project's)
    Office(organ_kind, head, level, sector, area, qualifier_text, canonical)
    Context(level=None, municipality=False)

    >>> a = parse("县级以上地方人民政府交通运输行政主管部门")
    >>> a == parse("县级以上人民政府交通主管部门"), a.canonical
    (True, '县级以上人民政府交通运输主管部门')
    >>> within(parse("县级人民政府交通运输主管部门"), a), within(a, parse("有关部门"))
    (True, True)

Wiring into the graph: equal Offices are one actor (its other wordings skos:altLabel, a
curated lexicon entry that parses to the same Office keeps its IRI); ``level``,
``organ_kind`` and ``sector`` are ids of concepts of the dg:levels, dg:organKinds and
dg:sectors schemes (their zh/en labels, skos:narrower and synonyms are in the Scheme);
``area`` is the zh of a region actor (dg:area); dg:within between two actors of the graph
is ``within(a, b)``, and ``broader`` lists the nearest offices above one.

The grammar: ``[area][qualifier][level][地方][人民政府][的][qualifier][sector] head``.
- head: the last noun, from the [head] table; it gives the organ kind (人民政府 →
  government; 部门 / 主管部门 / 行政主管部门 / 管理部门, and 局 / 委员会 / 厅 / 机关 after
  a field → department; 机构 / 中心 / 站 → public body; 人民法院 / 人民检察院; 企业 …;
  协会 / 商会 …; 村民委员会 / 居民委员会; 公民 / 个人). All department nouns are one: a
  field's 主管部门, 部门 and 行政主管部门 are the same office.
- level: a level word, 以上 after it, or a coordination of them, read as the set of base
  levels (province, city, county, township) it spans and mapped to the level concept of
  exactly that set: 县级以上 and 省、市、县 are both county-and-above. 市、县（市、区） is
  one range concept (city-and-county) rather than two levels, so that an Office has one
  level and one canonical form, and within() stays set inclusion (county ⊂
  city-and-county ⊂ county-and-above). 本级 / 同级 take Context.level (else stay the
  qualifier 本级); in a municipality (Context.municipality) 市 is the provincial level.
  地方 is dropped: in a local regulation 县级以上人民政府 and 县级以上地方人民政府 are the
  same governments.
- sector: the field, whatever its wording (交通 / 交通运输 / 交通运输行政); a trailing
  行政 / 管理 / 工作 is ignored. Renamed offices are synonyms (环境保护 → 生态环境);
  merged ones keep their own historical concept (工商行政管理, 质量技术监督 → successor
  市场监督管理): see data/offices.toml.
- Governments and departments follow the grammar strictly (unknown words → None); other
  bodies take free restrictive words as qualifier_text (龙头企业 → 企业 + 龙头).
None: coordinations (企业事业单位, 县级以上人民政府及其有关部门), unknown heads (单位,
人员), roles that are no organ (帮扶方, 社会资本) and regions (产业承接地: an area).
"""

from __future__ import annotations

from kg.source.offices.grammar import parse
from kg.source.offices.labels import english as _english
from kg.source.offices.office import Context, Office
from kg.source.offices.relations import broader, within
from kg.source.offices.scheme import Scheme, default_scheme, load_scheme


def english(office: Office, scheme: Scheme | None = None) -> str:
    """An English label from the parts: "competent transport departments of people's
    governments at or above the county level"."""
    return _english(office, scheme or default_scheme())


__all__ = ["Context", "Office", "Scheme", "broader", "english", "load_scheme", "parse",
           "within"]
