"""Model + statements + lexicon → RDF graphs. No I/O here."""

from __future__ import annotations

from datetime import date

from rdflib import Graph, Literal, URIRef

from kg.graph import citations, liabilities, review, versions
from kg.graph.iris import Iris, chapter_eid, section_eid, unit_eid
from kg.graph.rdf import label, new_graph, selector
from kg.namespaces import DG, ELI, PROV, RDF, RDFS, XSD
from kg.source.lexicon import Lexicon, Term
from kg.source.model import Article, Chapter, Item, Paragraph, Reference, Section
from kg.source.numerals import from_int
from kg.source.sources import Source
from kg.source.statements import Anchor, Statement

KIND_EN = {"Obligation": "obligation", "Prohibition": "prohibition",
           "Permission": "permission", "Encouragement": "encouragement",
           "Purpose": "purpose", "Scope": "scope", "Definition": "definition",
           "Commencement": "commencement", "Liability": "liability"}
KIND_ZH = {"Obligation": "义务", "Prohibition": "禁止", "Permission": "授权",
           "Encouragement": "倡导", "Purpose": "立法目的", "Scope": "适用范围",
           "Definition": "定义", "Commencement": "施行日期", "Liability": "法律责任"}
CONCERNS_BY_KIND = {"actor": DG.concernsActor, "carrier": DG.concernsCarrier,
                    "mechanism": DG.concernsMechanism}


def lexicon_graph(lexicon: Lexicon, iris: Iris) -> Graph:
    graph = new_graph()
    for kind in ("actor", "carrier", "mechanism"):
        for term in lexicon.all(kind):
            _add_term(graph, term, lexicon, iris)
    return graph


def _add_term(graph: Graph, term: Term, lexicon: Lexicon, iris: Iris) -> None:
    node = iris.term(term.kind, term.id)
    graph.add((node, RDF.type, DG[term.cls]))
    label(graph, node, term.zh, term.en)
    for broader in term.within:
        graph.add((node, DG.within, iris.term(term.kind, lexicon.get(term.kind, broader).id)))


def regulation_graph(source: Source, lexicon: Lexicon, iris: Iris) -> Graph:
    """One regulation's named graph; ``lexicon`` resolves the designations it names."""
    regulation = source.regulation
    graph = new_graph()
    root = iris.regulation(regulation.slug)
    _add_regulation(graph, root, source, iris)
    for chapter in regulation.chapters:
        _add_chapter(graph, root, chapter, regulation.slug, iris)
    for section in regulation.sections:
        _add_section(graph, section, regulation.slug, iris)
    for article in regulation.articles:
        _add_article(graph, root, article, regulation.slug, iris)
    norms = [(s.at, iris.statement(regulation.slug, s), s.kind)
             for s in source.statements if s.is_norm]
    for statement in source.statements:
        node = _add_statement(graph, statement, regulation.slug, lexicon, iris)
        if statement.kind == "Liability":
            liabilities.add(graph, node, statement, norms, regulation.slug, lexicon, iris)
    citations.add(graph, regulation, iris)
    versions.add(graph, source, iris)
    return graph


def _add_regulation(graph: Graph, root: URIRef, source: Source, iris: Iris) -> None:
    meta = source.meta
    graph.add((root, RDF.type, DG.Regulation))
    title_zh = meta.get("title_zh", source.slug)
    title_en = meta.get("title_en", source.slug)
    label(graph, root, title_zh, title_en)
    graph.add((root, ELI.title, Literal(title_zh, lang="zh")))
    graph.add((root, ELI.title, Literal(title_en, lang="en")))
    for key in ("date_document", "first_date_entry_in_force"):
        if isinstance(meta.get(key), date):
            graph.add((root, ELI[key], Literal(meta[key], datatype=XSD.date)))
    for key, prop, cls, make in (("passed_by", ELI.passed_by, DG.Legislature, iris.agent),
                                 ("jurisdiction", ELI.jurisdiction, DG.Jurisdiction,
                                  iris.jurisdiction)):
        if meta.get(f"{key}_id"):
            _add_named(graph, root, prop, cls, make(meta[f"{key}_id"]), meta, key)
    for key, prop in (("announcement", DG.announcement), ("session", DG.session)):
        for lang in ("zh", "en"):
            if meta.get(f"{key}_{lang}"):
                graph.add((root, prop, Literal(meta[f"{key}_{lang}"], lang=lang)))
    if meta.get("announcement_number"):
        graph.add((root, DG.announcementNumber, Literal(int(meta["announcement_number"]))))


def _add_named(graph: Graph, root: URIRef, prop: URIRef, cls: URIRef, node: URIRef,
               meta: dict, key: str) -> None:
    """The legislature or jurisdiction a regulation names, with its labels."""
    graph.add((root, prop, node))
    graph.add((node, RDF.type, cls))
    label(graph, node, meta.get(f"{key}_zh", meta[f"{key}_id"]),
          meta.get(f"{key}_en", meta[f"{key}_id"]))


def _unit(graph: Graph, node: URIRef, cls: URIRef, parent: URIRef, ordinal: int,
          eid: str) -> None:
    graph.add((node, RDF.type, cls))
    graph.add((node, ELI.is_part_of, parent))
    graph.add((node, DG.ordinal, Literal(ordinal)))
    graph.add((node, DG.eId, Literal(eid)))


def _add_chapter(graph: Graph, root: URIRef, chapter: Chapter, slug: str, iris: Iris) -> None:
    node = iris.chapter(slug, chapter.ordinal)
    _unit(graph, node, DG.Chapter, root, chapter.ordinal, chapter_eid(chapter.ordinal))
    graph.add((node, ELI.number, Literal(chapter.number)))
    graph.add((node, ELI.title, Literal(chapter.title, lang="zh")))
    label(graph, node, f"{chapter.number} {chapter.title}", f"Chapter {chapter.ordinal}")


def _add_section(graph: Graph, section: Section, slug: str, iris: Iris) -> None:
    """A 节: part of its chapter, numbered within it."""
    node = iris.section(slug, section.chapter, section.ordinal)
    _unit(graph, node, DG.Section, iris.chapter(slug, section.chapter), section.ordinal,
          section_eid(section.chapter, section.ordinal))
    graph.add((node, ELI.number, Literal(section.number)))
    graph.add((node, ELI.title, Literal(section.title, lang="zh")))
    label(graph, node, f"第{from_int(section.chapter)}章{section.number} {section.title}",
          f"Chapter {section.chapter}, section {section.ordinal}")


def _article_parent(root: URIRef, article: Article, slug: str, iris: Iris) -> URIRef:
    """One level up: its section, else its chapter, else the regulation."""
    if article.chapter and article.section:
        return iris.section(slug, article.chapter, article.section)
    return iris.chapter(slug, article.chapter) if article.chapter else root


def _add_article(graph: Graph, root: URIRef, article: Article, slug: str, iris: Iris) -> None:
    node = iris.article(slug, article.ordinal)
    parent = _article_parent(root, article, slug, iris)
    _unit(graph, node, DG.Article, parent, article.ordinal, f"art_{article.ordinal}")
    graph.add((node, ELI.number, Literal(article.number)))
    label(graph, node, article.number, f"Article {article.ordinal}")
    for paragraph in article.paragraphs:
        _add_paragraph(graph, node, article, paragraph, slug, iris)


def _add_paragraph(graph: Graph, parent: URIRef, article: Article, paragraph: Paragraph,
                   slug: str, iris: Iris) -> None:
    anchor = Anchor(article.ordinal, paragraph.ordinal)
    node = iris.unit(slug, anchor)
    _unit(graph, node, DG.Paragraph, parent, paragraph.ordinal, unit_eid(anchor))
    graph.add((node, DG.text, Literal(paragraph.text, lang="zh")))
    zh = f"{article.number}第{from_int(paragraph.ordinal)}款"
    label(graph, node, zh, f"Article {article.ordinal}, paragraph {paragraph.ordinal}")
    _add_references(graph, node, paragraph.references, slug, iris)
    for item in paragraph.items:
        _add_item(graph, node, anchor, zh, item, slug, iris)


def _add_item(graph: Graph, parent: URIRef, anchor: Anchor, parent_zh: str, item: Item,
              slug: str, iris: Iris) -> None:
    item_anchor = Anchor(anchor.article, anchor.paragraph, item.ordinal)
    node = iris.unit(slug, item_anchor)
    _unit(graph, node, DG.Item, parent, item.ordinal, unit_eid(item_anchor))
    graph.add((node, ELI.number, Literal(item.number)))
    graph.add((node, DG.text, Literal(item.text, lang="zh")))
    label(graph, node, f"{parent_zh}第{from_int(item.ordinal)}项",
          f"Article {anchor.article}, paragraph {anchor.paragraph}, item {item.ordinal}")
    _add_references(graph, node, item.references, slug, iris)


def _add_references(graph: Graph, node: URIRef, references: tuple[Reference, ...],
                    slug: str, iris: Iris) -> None:
    for ref in references:
        target = (iris.unit(slug, Anchor(ref.article, ref.paragraph)) if ref.paragraph
                  else iris.article(slug, ref.article))
        graph.add((node, DG.refersTo, target))


def _add_statement(graph: Graph, statement: Statement, slug: str, lexicon: Lexicon,
                   iris: Iris) -> URIRef:
    node = iris.statement(slug, statement)
    source = iris.unit(slug, statement.at)
    graph.add((node, RDF.type, DG[statement.kind]))
    graph.add((node, DG.source, source))
    where_zh, where_en = _where(statement.at)
    kind_zh, kind_en = KIND_ZH[statement.kind], KIND_EN[statement.kind]
    cue = f"（{statement.cue}）" if statement.cue else ""
    label(graph, node, f"{where_zh}{kind_zh}{cue}", f"{where_en}: {kind_en}")
    if statement.cue:
        graph.add((node, DG.cue, Literal(statement.cue)))
    if statement.action:
        graph.add((node, DG.action, Literal(statement.action, lang="zh")))
    _add_links(graph, node, statement, lexicon, iris)
    _add_evidence(graph, iris.evidence(slug, statement), node, statement)
    if statement.machine_made:
        graph.add((node, PROV.wasGeneratedBy, iris.agent("rule-annotator")))
        graph.add((node, DG.machineMade, Literal(True)))
        if statement.rule:
            graph.add((node, DG.rule, Literal(statement.rule)))
        if statement.confidence is not None:
            graph.add((node, DG.confidence,
                       Literal(f"{statement.confidence:.2f}", datatype=XSD.decimal)))
    review.add(graph, node, statement, iris)
    if statement.note:
        graph.add((node, RDFS.comment, Literal(statement.note, lang="en")))
    return node


def _where(anchor: Anchor) -> tuple[str, str]:
    zh = f"第{from_int(anchor.article)}条第{from_int(anchor.paragraph)}款"
    en = f"Article {anchor.article}({anchor.paragraph})"
    if anchor.item:
        zh += f"第{from_int(anchor.item)}项"
        en += f", item {anchor.item}"
    return zh, en


def _add_links(graph: Graph, node: URIRef, statement: Statement, lexicon: Lexicon,
               iris: Iris) -> None:
    def term_iri(kind: str, name: str) -> URIRef:
        return iris.term(kind, lexicon.get(kind, name).id)

    for name in statement.addressees:
        graph.add((node, DG.addressee, term_iri("actor", name)))
    for name in statement.promoters:
        graph.add((node, DG.promoter, term_iri("actor", name)))
    for name in statement.establishes:
        graph.add((node, DG.establishes, term_iri("mechanism", name)))
    for name in statement.concerns:
        term = lexicon.find(name)
        graph.add((node, CONCERNS_BY_KIND[term.kind], iris.term(term.kind, term.id)))


def _add_evidence(graph: Graph, evidence: URIRef, node: URIRef, statement: Statement) -> None:
    graph.add((node, DG.evidence, evidence))
    selector(graph, evidence, statement.quote, statement.start, statement.end)
