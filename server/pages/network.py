"""Network pictures: actors, norms, mechanisms and carriers as nodes and edges
(cytoscape.js elements), for one actor or for the whole regulation."""

from __future__ import annotations

from typing import Any

from server.pages import reads
from server.pages.links import modality, norm_href, term_href
from server.pages.slice import Slice
from server.pages.viewmodel import StatementView, TermView

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


STRONGEST = 300  # term-to-term links the whole picture shows: past that it is a blur


def whole(lang: str) -> dict[str, Any]:
    """Every regulation at once, term to term: an actor linked to each mechanism it is
    to set up and each carrier its norms concern, weighted by those norms (one picture
    of every norm would be a quarter of a million nodes at corpus size). The strongest
    links are shown, with how many there are."""
    weights: dict[tuple[str, str], dict[str, int]] = {}
    for row in reads.summarised("edges"):
        kinds = weights.setdefault((row["a"], row["o"]), {})
        kinds[reads.local(row["p"])] = int(row["n"])
    ranked = sorted(weights.items(), key=lambda pair: (-max(pair[1].values()), pair[0]))
    shown = ranked[:STRONGEST]
    sl = reads.new_slice()
    reads.add_terms(sl, {iri for pair, _ in shown for iri in pair})
    graph = Graph(sl.index(), lang)
    for (actor, target), kinds in shown:
        if actor in sl.terms and target in sl.terms:
            graph.term(sl.terms[actor])
            graph.term(sl.terms[target])
            kind = "establishes" if "establishes" in kinds else "concerns"
            graph.edge(actor, target, kind)
            graph.edges[(actor, target)]["weight"] = max(kinds.values())
    return {**graph.elements(), "links": len(weights), "shown": len(shown)}


def of_actor(corpus: Slice, actor: TermView, related: list[str], lang: str
             ) -> dict[str, Any]:
    """An actor, its broader and narrower designations (``related``) and the norms of
    ``corpus`` (those that apply to it) with what they link."""
    graph = Graph(corpus, lang)
    graph.term(actor, focus=True)
    for iri in related:
        if iri in corpus.terms:
            graph.term(corpus.terms[iri])
    for st in corpus.norms():
        graph.norm(st)
    return graph.elements()
