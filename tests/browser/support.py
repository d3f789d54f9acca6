"""Shared helpers for the page tests: the server's app over a build, and a build
whose literals carry `<script>` (to prove every page renders data inert)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pyoxigraph
from flask import Flask
from rdflib import Graph, URIRef

from kg.config import Settings
from kg.release import store

SCRIPT = "<script>alert(1)</script>"
DG = "https://w3id.org/dutygraph/ontology#"
SKOS_LABEL = pyoxigraph.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")


def make_app(settings: Settings, full: bool = True) -> Flask:
    """The server's app over the settings' build (pages read through its runtime).
    `full` is kept for callers that asked for the whole app: it always is."""
    from server import create_app

    app = create_app(settings)
    app.config["TESTING"] = True
    return app


def _poisoned(quad: pyoxigraph.Quad, poison: list[pyoxigraph.NamedNode]) -> pyoxigraph.Quad:
    obj = quad.object
    if quad.predicate not in poison or not isinstance(obj, pyoxigraph.Literal) or (
            obj.language not in (None, "zh")):
        return quad
    new = pyoxigraph.Literal(obj.value + SCRIPT, language=obj.language) \
        if obj.language else pyoxigraph.Literal(obj.value + SCRIPT)
    return pyoxigraph.Quad(quad.subject, quad.predicate, new, quad.graph_name)


def poisoned_build(settings: Settings, build_dir: Path) -> Settings:
    """A release of the seed build written (by kg's own release writer) into
    `build_dir`, with `<script>` appended to every zh label, to the text of each
    paragraph and to every cue and action."""
    release: Path = store.current(settings.build_dir)
    poison = [pyoxigraph.NamedNode(DG + p) for p in ("text", "cue", "action")] + [SKOS_LABEL]
    graphs: dict[str, list[pyoxigraph.Triple]] = defaultdict(list)
    for quad in pyoxigraph.parse(path=str(release / store.NQUADS),
                                 format=pyoxigraph.RdfFormat.N_QUADS):
        changed = _poisoned(quad, poison)
        graphs[changed.graph_name.value].append(changed.triple)
    parts = {URIRef(graph): Graph().parse(data=pyoxigraph.serialize(
        triples, format=pyoxigraph.RdfFormat.N_TRIPLES), format="nt")
        for graph, triples in graphs.items()}
    info = {k: v for k, v in store.manifest(release).items() if k not in ("files", "created")}
    store.write(build_dir, parts, info, force=True)
    return settings.with_(build_dir=build_dir)
