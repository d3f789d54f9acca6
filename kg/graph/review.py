"""A statement's review status (vocabulary: dg:reviewStatus) and its provenance."""

from __future__ import annotations

from datetime import UTC

from rdflib import Graph, Literal, URIRef

from kg.graph.iris import Iris
from kg.graph.rdf import label
from kg.namespaces import DG, PROV, RDF, XSD
from kg.source.statements import Statement


def add(graph: Graph, node: URIRef, statement: Statement, iris: Iris) -> None:
    """dg:Draft on a draft no one decided on; on a reviewed one its status, the reviewer
    (a prov:Agent with their name) and the time. Statements curated by hand get none."""
    if statement.machine_made:
        graph.add((node, DG.reviewStatus, DG.Draft))
        return
    review = statement.review
    if review is None:
        return
    agent = iris.reviewer(review.reviewer)
    graph.add((node, DG.reviewStatus, DG[review.status]))
    graph.add((node, PROV.wasAttributedTo, agent))
    when = review.time.astimezone(UTC).isoformat().replace("+00:00", "Z")
    graph.add((node, PROV.generatedAtTime, Literal(when, datatype=XSD.dateTime)))
    graph.add((agent, RDF.type, PROV.Agent))
    label(graph, agent, review.reviewer, review.reviewer)
