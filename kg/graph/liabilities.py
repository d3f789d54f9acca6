"""A liability's triples: who enforces it, who is liable, the norms it enforces and
one dg:Penalty per consequence, each anchored to the span that states it."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef

from kg.graph.iris import Iris
from kg.graph.rdf import label, selector
from kg.namespaces import DG, RDF, XSD
from kg.source.lexicon import Lexicon
from kg.source.statements import DUTY_KINDS, Anchor, Penalty, Statement

KIND_CONCEPT = {"Other": "OtherPenalty"}  # the rest are named as in PENALTY_KINDS
KIND_ZH = {"Warning": "警告", "Fine": "罚款", "Confiscation": "没收", "Rectification": "责令改正",
           "Suspension": "责令停产停业", "Revocation": "吊销", "Discipline": "处分",
           "Compensation": "赔偿", "Criminal": "追究刑事责任", "Other": "其他后果"}


def add(graph: Graph, node: URIRef, statement: Statement,
        norms: list[tuple[Anchor, URIRef, str]], slug: str, lexicon: Lexicon,
        iris: Iris) -> None:
    for norm in enforced(statement, norms):
        graph.add((node, DG.enforces, norm))
    for prop, names in ((DG.enforcedBy, statement.enforced_by), (DG.liable, statement.liable)):
        for name in names:
            graph.add((node, prop, iris.term("actor", lexicon.get("actor", name).id)))
    for number, penalty in enumerate(statement.penalties, start=1):
        _penalty(graph, node, URIRef(f"{node}/penalty-{number}"), penalty,
                 _stated_in(statement.at, penalty), slug, iris)


def enforced(statement: Statement, norms: list[tuple[Anchor, URIRef, str]]) -> list[URIRef]:
    """The norms a liability sanctions: in each paragraph it cites, the duties stated
    there (a permission or an encouragement cannot be breached), or every norm there
    when it states none (经批准，可以… is breached by doing it unapproved)."""
    found: list[URIRef] = []
    for unit in statement.enforces:
        by_paragraph: dict[tuple[int, int], list[tuple[URIRef, str]]] = {}
        for anchor, norm, kind in norms:
            if unit.covers(anchor):
                by_paragraph.setdefault((anchor.article, anchor.paragraph), []).append(
                    (norm, kind))
        for there in by_paragraph.values():  # citing 第N条 or each of its 款, the same
            duties = [norm for norm, kind in there if kind in DUTY_KINDS]
            found += duties or [norm for norm, _ in there]
    return list(dict.fromkeys(found))


def _stated_in(at: Anchor, penalty: Penalty) -> Anchor:
    return Anchor(at.article, at.paragraph) if penalty.in_lead_in else at


def _penalty(graph: Graph, liability: URIRef, node: URIRef, penalty: Penalty, at: Anchor,
             slug: str, iris: Iris) -> None:
    graph.add((liability, DG.penalty, node))
    graph.add((node, RDF.type, DG.Penalty))
    graph.add((node, DG.penaltyKind, DG[KIND_CONCEPT.get(penalty.kind, penalty.kind)]))
    label(graph, node, f"{KIND_ZH[penalty.kind]}：{penalty.quote}",
          f"{penalty.kind.lower()}: {penalty.quote}")
    for prop, value in ((DG.minimumAmount, penalty.min_amount),
                        (DG.maximumAmount, penalty.max_amount),
                        (DG.minimumMultiple, penalty.min_multiple),
                        (DG.maximumMultiple, penalty.max_multiple)):
        if value is not None:
            graph.add((node, prop, Literal(value, datatype=XSD.decimal)))
    for prop, text in ((DG.amountBasis, penalty.basis), (DG.condition, penalty.tier)):
        if text:
            graph.add((node, prop, Literal(text, lang="zh")))
    evidence = URIRef(f"{node}/evidence")
    graph.add((node, DG.penaltySource, iris.unit(slug, at)))
    graph.add((node, DG.penaltyEvidence, evidence))
    selector(graph, evidence, penalty.quote, penalty.start, penalty.end)
