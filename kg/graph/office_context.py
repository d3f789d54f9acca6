"""Designations that mean something only in context, resolved before a build names them.

本级人民政府 in 县级以上人民政府卫生健康主管部门…向本级人民政府报告 is the government of the
statement's own level (县级以上人民政府), and in a municipality's regulation (北京市, 上海市…)
市 is the provincial level. A statement naming such a wording is given the office it means
(its canonical wording, a machine-made actor when no regulation names it otherwise);
where the context tells nothing (本级人民政府 alone) the wording stays as written.
"""

from __future__ import annotations

from dataclasses import replace

from kg.source import offices
from kg.source.lexicon import Lexicon, Term
from kg.source.offices import Context, Office, Scheme
from kg.source.sources import Source, Sources
from kg.source.statements import Statement

MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")
SAME_LEVEL = ("本级", "同级")
NAMES = ("addressees", "promoters", "liable", "enforced_by")


def resolve(read: Sources, known: Lexicon, scheme: Scheme) -> tuple[Sources, Lexicon]:
    """The sources with their context-bound wordings resolved, and the terms of the
    offices they resolve to that ``known`` lacks."""
    added = Lexicon()
    regulations = tuple(_source(source, known, added, scheme) for source in read.regulations)
    return replace(read, regulations=regulations), added


def is_municipality(source: Source) -> bool:
    return str(source.meta.get("jurisdiction_zh", "")).startswith(MUNICIPALITIES)


def _source(source: Source, known: Lexicon, added: Lexicon, scheme: Scheme) -> Source:
    municipality = is_municipality(source)
    statements = tuple(_statement(s, municipality, known, added, scheme)
                       for s in source.statements)
    return source if statements == source.statements else replace(source,
                                                                   statements=statements)


def _statement(statement: Statement, municipality: bool, known: Lexicon, added: Lexicon,
               scheme: Scheme) -> Statement:
    names = [name for field in NAMES for name in getattr(statement, field)]
    if not municipality and not any(word in name for name in names for word in SAME_LEVEL):
        return statement
    context = Context(level=_own_level(names, scheme), municipality=municipality)
    changes = {field: tuple(_name(name, context, known, added, scheme)
                            for name in getattr(statement, field)) for field in NAMES}
    return replace(statement, **changes)


def _own_level(names: list[str], scheme: Scheme) -> str | None:
    """The level of the first designation of the statement that names one itself."""
    for name in names:
        if not any(word in name for word in SAME_LEVEL):
            office = offices.parse(name, scheme=scheme)
            if office and office.level:
                return office.level
    return None


def _name(name: str, context: Context, known: Lexicon, added: Lexicon,
          scheme: Scheme) -> str:
    meant = offices.parse(name, context, scheme)
    if meant is None or meant == offices.parse(name, scheme=scheme):
        return name
    if known.get("actor", meant.canonical) is None and added.get("actor",
                                                                 meant.canonical) is None:
        added.add(_term(meant, known.get("actor", name), scheme))
    return meant.canonical


def _term(office: Office, written: Term | None, scheme: Scheme) -> Term:
    return Term("actor", office.canonical, office.canonical, offices.english(office, scheme),
                written.cls if written else "Actor", source=written.source if written else "",
                line=written.line if written else None)
