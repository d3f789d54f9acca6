"""Graph helpers for tests."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph

from kg.graph.rdf import new_graph


def union(graphs: Iterable[Graph]) -> Graph:
    merged = new_graph()
    for graph in graphs:
        merged += graph
    return merged
