"""One government across regulations: the actors of a build as offices (kg.source.offices).

``unify(read)`` is where a build resolves the designations its statements name, once
for every regulation: the wordings of one office (equal Offices) become one actor, whose
IRI is that of a curated entry (data/lexicon.toml first, then a hand-chosen id of a
curated file) or else the office's canonical wording; 本级/同级 and a municipality's 市
are read in the context of their statement and regulation (kg/graph/office_context.py).
``lexicon_graph(unified, iris)`` writes the shared lexicon graph: each actor once with its
other wordings as skos:altLabel, dg:level / dg:organKind / dg:sector / dg:area, and
dg:within between every two actors of the build whose offices are within one another
(the direct steps; transitivity is reasoned per build), plus the SKOS schemes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, replace

from rdflib import Graph, Literal, URIRef

from kg.graph import office_context, regulation
from kg.graph.iris import Iris
from kg.graph.rdf import label
from kg.namespaces import DCTERMS, DG, RDF, SKOS
from kg.source import offices
from kg.source.lexicon import KINDS, Lexicon, Term
from kg.source.offices import Office, Scheme
from kg.source.offices.labels import canonical
from kg.source.offices.scheme import default_scheme
from kg.source.sources import Sources


@dataclass(frozen=True)
class Actor:
    """One actor of the build: its representative term (id, class, labels), its office
    (None when the grammar reads none) and every wording that names it."""

    term: Term
    office: Office | None
    wordings: tuple[str, ...]  # the preferred label first
    machine_made: bool


@dataclass(frozen=True)
class Unified:
    sources: Sources  # statements naming 本级… rewritten to the office they mean
    lexicon: Lexicon  # every wording → the term of its actor (one id per office)
    actors: dict[str, Actor]  # actor id → actor
    scheme: Scheme


def unify(read: Sources, scheme: Scheme | None = None) -> Unified:
    scheme = scheme or default_scheme()
    curated = read.lexicon.union(*(source.terms for source in read.regulations))
    known = read.all_terms()
    read, named = office_context.resolve(read, known, scheme)
    known = known.union(named, yielding=True)
    groups: dict[object, list[Term]] = defaultdict(list)
    for term in known.all("actor"):
        office = offices.parse(term.zh, scheme=scheme)
        groups[office or term.zh].append(term)
    actors = [_actor(terms, key if isinstance(key, Office) else None, read, curated, scheme)
              for key, terms in groups.items()]
    lexicon = Lexicon({kind: dict(known.terms[kind]) for kind in KINDS})
    for actor in actors:
        for zh in actor.wordings:
            mine = known.get("actor", zh) or actor.term
            lexicon.terms["actor"][zh] = replace(mine, id=actor.term.id, cls=actor.term.cls)
    return Unified(read, lexicon, {a.term.id: a for a in actors}, scheme)


def _actor(terms: list[Term], office: Office | None, read: Sources, curated: Lexicon,
           scheme: Scheme) -> Actor:
    """The representative of one office's wordings: a lexicon entry, else a curated id
    someone chose, else the canonical wording (machine-made, English from the parts)."""
    terms = sorted(terms, key=lambda t: t.zh)
    chosen = next((t for t in terms if read.lexicon.get("actor", t.zh)), None) or next(
        (t for t in terms if curated.get("actor", t.zh) and t.id != t.zh), None)
    machine_made = not any(curated.get("actor", t.zh) for t in terms)
    if chosen is None:
        chosen = _canonical_term(terms, office, scheme)
        mine = curated.get("actor", chosen.zh)
        if mine is not None:  # a person's English label wins over the composed one
            chosen = replace(chosen, en=mine.en)
    wordings = (chosen.zh, *(t.zh for t in terms if t.zh != chosen.zh))
    return Actor(chosen, office, wordings, machine_made)


def _canonical_term(terms: list[Term], office: Office | None, scheme: Scheme) -> Term:
    by_zh = {t.zh: t for t in terms}
    if office is None or offices.parse(office.canonical, scheme=scheme) != office:
        first = by_zh.get(office.canonical) if office else None
        first = first or min(terms, key=lambda t: (len(t.zh), t.zh))
        return first if office is None else replace(first, en=offices.english(office, scheme))
    model = by_zh.get(office.canonical) or terms[0]
    return replace(model, zh=office.canonical, id=office.canonical,
                   en=offices.english(office, scheme), within=())


def lexicon_graph(unified: Unified, iris: Iris) -> Graph:
    """The lexicon's named graph: carriers and mechanisms as written, every actor once
    with its office, and the SKOS schemes its office properties refer to."""
    others = Lexicon({kind: dict(unified.lexicon.terms[kind]) if kind != "actor" else {}
                      for kind in KINDS})
    graph = regulation.lexicon_graph(others, iris)
    areas = _area_actors(unified, iris, graph)
    for actor in unified.actors.values():
        _add_actor(graph, actor, unified, iris, areas)
    for narrow, broad in derived_within(unified):
        graph.add((iris.term("actor", narrow), DG.within, iris.term("actor", broad)))
    add_schemes(graph, unified.scheme, iris)
    return graph


def _add_actor(graph: Graph, actor: Actor, unified: Unified, iris: Iris,
               areas: dict[str, URIRef]) -> None:
    node = iris.term("actor", actor.term.id)
    graph.add((node, RDF.type, DG[actor.term.cls]))
    label(graph, node, actor.term.zh, actor.term.en)
    canonical_form = [actor.office.canonical] if actor.office else []
    for zh in sorted({*actor.wordings[1:], *canonical_form} - {actor.term.zh}):
        graph.add((node, SKOS.altLabel, Literal(zh, lang="zh")))  # canonical: for look-ups
    if actor.machine_made:
        graph.add((node, DG.machineMade, Literal(True)))
    for zh in actor.wordings:  # curated dg:within of any wording
        for broader in (unified.lexicon.get("actor", zh) or actor.term).within:
            target = unified.lexicon.get("actor", broader)
            if target is not None and target.id != actor.term.id:
                graph.add((node, DG.within, iris.term("actor", target.id)))
    office = actor.office
    if office is None:
        return
    graph.add((node, DG.organKind, iris.term("organ-kind", office.organ_kind)))
    if office.level:
        graph.add((node, DG.level, iris.term("level", office.level)))
    if office.sector:
        graph.add((node, DG.sector, iris.term("sector", office.sector)))
    if office.area:
        graph.add((node, DG.area, areas[office.area]))
    if office.qualifier_text:
        graph.add((node, DG.qualifier, Literal(office.qualifier_text, lang="zh")))


def _area_actors(unified: Unified, iris: Iris, graph: Graph) -> dict[str, URIRef]:
    """The actor of each area an office names: the region the lexicon defines
    (产业承接地), else a machine-made one labelled from the area table."""
    found: dict[str, URIRef] = {}
    for area in sorted({a.office.area for a in unified.actors.values()
                        if a.office and a.office.area}):
        term = unified.lexicon.get("actor", area)
        if term is not None:
            found[area] = iris.term("actor", term.id)
            continue
        found[area] = node = iris.term("actor", area)
        known = unified.scheme.areas.get(area)
        graph.add((node, RDF.type, DG.Region))
        label(graph, node, area, known.en if known else f"{area} (area named by the text)")
        graph.add((node, DG.machineMade, Literal(True)))
    return found


def derived_within(unified: Unified) -> set[tuple[str, str]]:
    """(narrower id, broader id) for the direct steps between the build's actors:
    from each office upwards, one part loosened at a time, stopping at offices present
    (whose own steps go on from there). Indexed by office, never all pairs."""
    present = {a.office: a.term.id for a in unified.actors.values() if a.office}
    ups = {narrow: {present[up] for up in up_closure(office, unified.scheme, stop=present)}
           for office, narrow in present.items()}
    above = {node: _above(node, ups) for node in ups}
    return {(narrow, broad) for narrow, broads in ups.items() for broad in broads
            if not any(broad in above[other] for other in broads - {broad})}


def _above(node: str, ups: dict[str, set[str]]) -> set[str]:
    """Every id reachable upwards from ``node`` (to drop steps that others imply)."""
    seen, todo = set(), [node]
    while todo:
        for up in ups.get(todo.pop(), ()):
            if up not in seen:
                seen.add(up)
                todo.append(up)
    return seen


def up_closure(office: Office, scheme: Scheme, stop: Collection[Office] = ()) -> set[Office]:
    """Every office that ``office`` is within, going up one part at a time; an office in
    ``stop`` is kept but not gone past (what is above it is above it in its own turn)."""
    seen: set[Office] = set()
    todo = [office]
    while todo:
        for up in _steps(todo.pop(), scheme):
            if up not in seen:
                seen.add(up)
                if up not in stop:
                    todo.append(up)
    return seen if not stop else seen & set(stop)


def _steps(office: Office, scheme: Scheme) -> list[Office]:
    """offices.broader, and every wider level (省 is within 设区的市级以上 as well as
    县级以上: the levels form a lattice, not a chain)."""
    steps = offices.broader(office, scheme)
    if office.level is None:
        return steps
    covers = scheme.levels[office.level].covers
    for level in scheme.levels.values():
        if covers < level.covers:
            wider = replace(office, level=level.id)
            wider = replace(wider, canonical=canonical(wider, scheme))
            if wider not in steps and offices.within(office, wider, scheme):
                steps.append(wider)
    return steps


def add_schemes(graph: Graph, scheme: Scheme, iris: Iris) -> None:
    """dg:levels, dg:organKinds and dg:sectors: their concepts from data/offices.toml."""
    for level in scheme.levels.values():
        node = _concept(graph, iris.term("level", level.id), DG.levels, level.zh, level.en)
        if len(level.covers) > 1:
            for base in sorted(level.covers):
                graph.add((node, SKOS.narrower, iris.term("level", base)))
    for kind in scheme.kinds.values():
        _concept(graph, iris.term("organ-kind", kind.id), DG.organKinds, kind.zh, kind.en)
    for sector in scheme.sectors.values():
        node = _concept(graph, iris.term("sector", sector.id), DG.sectors, sector.zh, sector.en)
        for word in sector.synonyms:
            graph.add((node, SKOS.altLabel, Literal(word, lang="zh")))
        if sector.broader:
            graph.add((node, SKOS.broader, iris.term("sector", sector.broader)))
        if sector.successor:
            graph.add((node, DCTERMS.isReplacedBy, iris.term("sector", sector.successor)))


def _concept(graph: Graph, node: URIRef, in_scheme: URIRef, zh: str, en: str) -> URIRef:
    graph.add((node, RDF.type, SKOS.Concept))
    graph.add((node, SKOS.inScheme, in_scheme))
    label(graph, node, zh, en)
    return node
