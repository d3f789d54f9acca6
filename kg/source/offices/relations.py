"""dg:within between Offices, derived from their parts alone."""

from __future__ import annotations

from dataclasses import replace

from kg.source.offices import labels
from kg.source.offices.office import Office
from kg.source.offices.scheme import Scheme, default_scheme


def within(a: Office, b: Office, scheme: Scheme | None = None) -> bool:
    """Whether every body ``a`` designates is also designated by ``b`` (a ≠ b).

    Same organ kind; b's head is a's or broader (企业 ⊂ 经营主体); b names no level or a
    level covering a's (县级 ⊂ 县级以上 ⊂ 各级); b names no sector or a's or a broader one
    (交通运输主管部门 ⊂ 有关部门); b names no area or a's; b has no qualifier or a's.
    """
    scheme = scheme or default_scheme()
    return a != b and a.organ_kind == b.organ_kind and all((
        b.head in _heads_up(a.head, scheme),
        _level_within(a.level, b.level, scheme),
        b.sector is None or b.sector in _sectors_up(a.sector, scheme),
        b.area is None or b.area == a.area,
        not b.qualifier_text or b.qualifier_text == a.qualifier_text,
    ))


def broader(office: Office, scheme: Scheme | None = None) -> list[Office]:
    """The Offices one step up from ``office``, one part loosened at a time: the level's
    broader level (or none after the widest), the sector's broader sector (or none: the
    有关部门 of the level), no area, no qualifier, the head's broader heads. Applying it
    again and again reaches every Office that ``office`` is within among those it can
    name; the wiring keeps the ones present in the graph."""
    scheme = scheme or default_scheme()
    steps: list[dict[str, object]] = []
    if office.level and office.level != scheme.heads[office.head].level:
        steps.append({"level": scheme.levels[office.level].broader})
    if office.sector:
        steps.append({"sector": scheme.sectors[office.sector].broader})
    if office.area:
        steps.append({"area": None})
    if office.qualifier_text:
        steps.append({"qualifier_text": ""})
    steps += [{"head": head} for head in scheme.heads[office.head].broader]
    found: list[Office] = []
    for change in steps:
        up = _make(scheme, office, change)
        if up not in found and within(office, up, scheme):
            found.append(up)
    return found


def _make(scheme: Scheme, office: Office, change: dict[str, object]) -> Office:
    office = replace(office, **change)  # type: ignore[arg-type]
    return replace(office, canonical=labels.canonical(office, scheme))


def _level_within(a: str | None, b: str | None, scheme: Scheme) -> bool:
    if b is None:
        return True
    if a is None:
        return False
    return scheme.levels[a].covers <= scheme.levels[b].covers


def _sectors_up(sector: str | None, scheme: Scheme) -> list[str]:
    chain: list[str] = []
    while sector and sector not in chain:
        chain.append(sector)
        sector = scheme.sectors[sector].broader
    return chain


def _heads_up(head: str, scheme: Scheme) -> set[str]:
    seen, todo = set(), [head]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(scheme.heads[current].broader)
    return seen
