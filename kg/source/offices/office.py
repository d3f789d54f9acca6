"""The parsed form of a designation, and what the regulation around it tells the parser."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Office:
    """One designation of an office, reduced to its parts.

    Two wordings of the same office give equal Offices (and the same ``canonical``).
    ``level``, ``sector`` and ``organ_kind`` are ids of data/offices.toml concepts;
    ``area`` and ``head`` are the canonical zh words of their tables.
    """

    organ_kind: str  # government, department, public-body, judicial, enterprise …
    head: str  # the canonical head noun: 人民政府, 部门, 企业, 商会 …
    level: str | None = None  # None: the designation names no level (有关部门)
    sector: str | None = None  # None: no field (有关部门, 人民政府)
    area: str | None = None  # a territorial qualifier: 产业承接地, 沿海 …
    qualifier_text: str = ""  # other restrictive words: 其他, 确定的, 上级, 龙头 …
    canonical: str = ""  # the normalised designation every wording of this office shares


@dataclass(frozen=True)
class Context:
    """What the regulation around a designation tells the parser.

    ``level``: what 本级 / 同级 mean, i.e. the level id of the body the sentence is about
    (None leaves 本级人民政府 unresolved, as the qualifier 本级). ``municipality``: the
    regulation is one of a municipality directly under the central government (北京,
    上海), where 市 is the provincial level.
    """

    level: str | None = None
    municipality: bool = False
