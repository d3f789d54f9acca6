"""Network pictures: actors, norms, mechanisms and carriers as nodes and edges
(cytoscape.js elements), for one actor or for the whole regulation."""

from __future__ import annotations

from typing import Any

from server.pages import reads, sparql
from server.pages.links import modality, norm_href, term_href
from server.pages.slice import NORM_KINDS, Slice
from server.pages.viewmodel import StatementView, TermView, UnitView

EDGE_PROPS = ("addressee", "establishes", "concerns")


class Graph:
    def __init__(self, corpus: Slice, lang: str) -> None:
        self.corpus, self.lang = corpus, lang
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: dict[tuple[str, str], dict[str, Any]] = {}

    def term(self, term: TermView, focus: bool = False) -> None:
        if term.iri not in self.nodes:
            self.nodes[term.iri] = {"id": term.iri, "label": term.label(self.lang),
                                    "kind": term.kind, "href": term_href(term)}
        if focus:
            self.nodes[term.iri]["focus"] = True

    def norm(self, st: StatementView) -> None:
        article = self.corpus.article_of(st)
        label = f"{article.zh if article else ''}{st.cue}"
        self.nodes[st.iri] = {"id": st.iri, "label": label, "kind": "norm",
                              "modality": modality(st.cls), "href": norm_href(st)}
        for prop in EDGE_PROPS:
            for iri in st.linked(prop):
                term = self.corpus.terms.get(iri)
                if term is None or (prop == "concerns" and iri in st.linked("establishes")):
                    continue
                self.term(term)
                self.edge(st.iri, iri, prop)

    def edge(self, source: str, target: str, kind: str) -> None:
        self.edges.setdefault((source, target), {"source": source, "target": target,
                                                 "kind": kind})

    def within_edges(self) -> None:
        for iri in list(self.nodes):
            term = self.corpus.terms.get(iri)
            for broader in term.broader if term else []:
                if broader in self.nodes:
                    self.edge(iri, broader, "within")

    def elements(self) -> dict[str, Any]:
        self.within_edges()
        nodes = sorted(self.nodes.values(), key=lambda n: (n["kind"], n["label"]))
        return {"nodes": nodes, "edges": list(self.edges.values())}


NODES = """SELECT ?s ?class ?source ?cue ?art ?eid ?azh WHERE {
 ?s a ?class ; dg:source ?source . """ + sparql.among("class", NORM_KINDS) + """
 OPTIONAL { ?s dg:cue ?cue }
 OPTIONAL { ?source eli:is_part_of* ?art . ?art a dg:Article ; dg:eId ?eid ;
            skos:prefLabel ?azh FILTER(LANG(?azh) = "zh") } }"""


def every_norm() -> Slice:
    """Every norm with just what a node shows (class, cue, article, links): the
    picture of a whole corpus is read without texts, spans or unit trees."""
    sl = reads.new_slice()
    for row in reads.select(NODES):
        sl.statements[row["s"]] = StatementView(row["s"], reads.local(row["class"]),
                                                row["source"], cue=row.get("cue", ""))
        if "art" in row:
            slug = reads.slug_of(row["art"])
            sl.units[row["art"]] = UnitView(row["art"], "article", slug, row["eid"],
                                            zh=row["azh"])
            sl.units.setdefault(row["source"], UnitView(row["source"], "part", slug, "",
                                                        parent=row["art"]))
    every = "?s a ?norm_class ; dg:source [] . " + sparql.among("norm_class", NORM_KINDS)
    for row in reads.select(sparql.LINKS, where=every):
        sl.link(row["s"], reads.local(row["p"]), row["o"])
    reads.add_terms(sl, {o for st in sl.statements.values() for objs in st.links.values()
                         for o in objs})
    return sl.index()


def whole(corpus: Slice, lang: str) -> dict[str, Any]:
    graph = Graph(corpus, lang)
    for st in corpus.norms():
        graph.norm(st)
    return graph.elements()


def of_actor(corpus: Slice, actor: TermView, lang: str) -> dict[str, Any]:
    graph = Graph(corpus, lang)
    graph.term(actor, focus=True)
    for iri in actor.broader + actor.narrower:
        graph.term(corpus.terms[iri])
    for st in corpus.norms():
        if actor.iri in st.applies_to or actor.iri in st.linked("promoter"):
            graph.norm(st)
    return graph.elements()
