"""References to other laws (根据《中华人民共和国水法》…) as triples of the regulation graph.

Every 《title》 in a paragraph or item is a citation: the unit and the regulation get
``dg:citesLaw`` to ``<base>law/<title>``, an ``eli:LegalResource`` with the title.
"""

from __future__ import annotations

import re

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.graph.iris import Iris
from kg.namespaces import DG, ELI, RDF, RDFS
from kg.source.model import Regulation
from kg.source.statements import Anchor

TITLE = re.compile(r"《([^《》\n]{2,80})》")


def titles(text: str) -> list[str]:
    """Titles cited in ``text``, in order, without repeats."""
    return list(dict.fromkeys(TITLE.findall(text)))


def add(graph: Graph, regulation: Regulation, iris: Iris) -> None:
    """Add dg:citesLaw links from units and the regulation to the laws they cite."""
    root = iris.regulation(regulation.slug)
    for article, paragraph in regulation.paragraphs():
        units = [(Anchor(article.ordinal, paragraph.ordinal), paragraph.text)]
        units += [(Anchor(article.ordinal, paragraph.ordinal, item.ordinal), item.text)
                  for item in paragraph.items]
        for anchor, text in units:
            for title in titles(text):
                law = iris.law(title)
                graph.add((iris.unit(regulation.slug, anchor), DG.citesLaw, law))
                graph.add((root, DG.citesLaw, law))
                _describe(graph, law, title)


def _describe(graph: Graph, law: URIRef, title: str) -> None:
    graph.add((law, RDF.type, ELI.LegalResource))
    graph.add((law, ELI.title, Literal(title, lang="zh")))
    for prop in (SKOS.prefLabel, RDFS.label):
        graph.add((law, prop, Literal(f"《{title}》", lang="zh")))
        graph.add((law, prop, Literal(f"cited law: {title}", lang="en")))
