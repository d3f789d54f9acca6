"""Versions over time as ELI triples (kg/source/versions.py reads them)::

    reg/<slug>                  eli:has_member  reg/<slug>/version/<date> ;
                                dg:currentVersion  (the last one)
    reg/<slug>/version/<date>   a dg:RegulationVersion (⊑ eli:LegalResource) ;
        eli:is_member_of reg/<slug> ; eli:version_date, eli:first_date_entry_in_force <date> ;
        eli:date_no_longer_in_force (the day before the next version, if any) ;
        eli:date_document <adopted> ; dg:articleCount n ; dg:versionText "…"@zh
The units (reg/<slug>/art_…) stay those of the current text: the seed's IRIs never move.
A regulation without versions gets no triples here.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from kg.graph.iris import Iris
from kg.graph.rdf import label
from kg.namespaces import DG, ELI, RDF, XSD
from kg.source.sources import Source
from kg.source.versions import Version


def add(graph: Graph, source: Source, iris: Iris) -> None:
    """The version triples of one regulation (none when it declares no versions)."""
    root = iris.regulation(source.slug)
    title_zh = source.meta.get("title_zh", source.slug)
    title_en = source.meta.get("title_en", source.slug)
    for version in source.versions:
        node = iris.version(source.slug, version.date)
        _version(graph, node, version, f"{title_zh}（{version.date.isoformat()}起施行）",
                 f"{title_en} (in force from {version.date.isoformat()})")
        graph.add((node, ELI.is_member_of, root))
        graph.add((root, ELI.has_member, node))
        if version.current:
            graph.add((root, DG.currentVersion, node))


def _version(graph: Graph, node: URIRef, version: Version, zh: str, en: str) -> None:
    graph.add((node, RDF.type, DG.RegulationVersion))
    label(graph, node, zh, en)
    day = Literal(version.date, datatype=XSD.date)
    graph.add((node, ELI.version_date, day))
    graph.add((node, ELI.first_date_entry_in_force, day))
    if version.until:
        graph.add((node, ELI.date_no_longer_in_force, Literal(version.until, datatype=XSD.date)))
    if version.adopted:
        graph.add((node, ELI.date_document, Literal(version.adopted, datatype=XSD.date)))
    if version.text is not None:
        graph.add((node, DG.articleCount, Literal(version.articles)))
        graph.add((node, DG.versionText, Literal(version.text, lang="zh")))
    for note, lang in ((version.note_zh, "zh"), (version.note_en, "en")):
        if note:
            graph.add((node, RDFS.comment, Literal(note, lang=lang)))
