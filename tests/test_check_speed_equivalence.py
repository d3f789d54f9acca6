"""The fast check gives what the plain one gives.

The build checks each regulation with the slice of the lexicon it needs and the lexicon
once alone (kg/check/slices.py); the reference checks each regulation with the whole
lexicon and the ontology (per_regulation.check_whole, the check as it was). On a real
folder (the seed, curated fixtures, machine-made drafts) and on broken variants of it,
both must give the same inferred graph and, regulation by regulation, the same verdict
with the same violations. The SPARQL targets made exact in ontology/shapes.ttl must
report what the coarser targets they replace reported.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, SKOS, Namespace

from kg import pipeline
from kg.check import per_regulation, reach, reason, sliced, validate
from kg.check.per_regulation import Context
from kg.config import Settings
from kg.drafts import ingest
from kg.graph.iris import Iris
from kg.namespaces import DEFAULT_BASE, DG
from kg.source import sources
from tests.conftest import FIXTURES, SEED_FILES, data_dir_with

ACTOR = f"{DEFAULT_BASE}actor/"
DGSH = "https://w3id.org/dutygraph/shapes#"
OA = Namespace("http://www.w3.org/ns/oa#")


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The seed, two curated fixtures and three machine-made drafts."""
    tmp = tmp_path_factory.mktemp("equivalence")
    data = data_dir_with(tmp, FIXTURES / "mini", FIXTURES / "liability")
    for name in SEED_FILES[1:]:
        shutil.copy(Settings().data_dir / name, data / name)
    settings = Settings(data_dir=data, build_dir=tmp / "build")
    for text in sorted((FIXTURES / "regs").glob("*.txt")):
        ingest.ingest(settings, text, text.stem, f"fixture {text.stem}")
    return settings


@pytest.fixture(scope="module")
def built(settings: Settings) -> tuple[Context, dict[URIRef, Graph]]:
    iris = Iris(settings.base_iri)
    graphs = pipeline.assemble(sources.read_all(settings, strict=True), iris)
    context = pipeline.check_context(settings, graphs.pop(iris.graph("lexicon")), "fast")
    return context, graphs


def variant(built: tuple[Context, dict[URIRef, Graph]], lexicon: Graph | None = None,
            **parts: Graph) -> tuple[Context, dict[URIRef, Graph]]:
    context, graphs = built
    fresh = pipeline.check_context(Settings(), lexicon or context.lexicon, "fast")
    return fresh, {**graphs, **{name_of(graphs, slug): g for slug, g in parts.items()}}


def name_of(graphs: dict[URIRef, Graph], slug: str) -> URIRef:
    return next(name for name in graphs if str(name).endswith(f"/{slug}"))


def key(violation: validate.Violation) -> tuple:
    return (violation.focus, violation.shape, violation.path, violation.value,
            violation.message_en)


def assert_same(context: Context, parts: dict[URIRef, Graph]) -> dict:
    """Both checks agree; return the fast one's results."""
    fast = per_regulation.check_all(context, parts, None)
    whole = {name: per_regulation.check_whole(context, part) for name, part in parts.items()}
    entailed = set(context.lexicon_inferred()).union(*(set(c.inferred) for c in fast.values()))
    assert entailed == set().union(*(set(c.inferred) for c in whole.values()))
    for name in parts:
        assert fast[name].report.conforms == whole[name].report.conforms, name
        assert (sorted(fast[name].report.violations, key=key)
                == sorted(whole[name].report.violations, key=key)), name
    return fast


def copy(graph: Graph) -> Graph:
    copied = Graph()
    for triple in graph:
        copied.add(triple)
    return copied


def test_real_regulations_give_the_same_graph_and_reports(built: tuple) -> None:
    context, parts = built
    plan = context.plan()
    assert plan is not None and all(plan.fits(part) for part in parts.values())
    assert len(parts) == 6
    fast = assert_same(context, parts)
    assert all(checked.report.conforms for checked in fast.values())
    smallest = min(len(plan.lexicon.slice(plan.first_guess(p))) for p in parts.values())
    assert smallest < len(plan.lexicon.triples) / 4  # slices, not the lexicon again


def few(built: tuple[Context, dict[URIRef, Graph]]) -> tuple[Context, dict[URIRef, Graph]]:
    """Three regulations (a curated one, one with liabilities, a draft): broken variants
    are checked twice, once with the whole lexicon."""
    context, parts = built
    return context, {name_of(parts, s): parts[name_of(parts, s)] for s in ("mini", "fine", "water")}


def test_lexicon_defects_fail_every_regulation_alike(built: tuple) -> None:
    """A designation a regulation names is missing, one is unlabelled, one nobody names is
    unlabelled, dg:within has a cycle: each regulation reports each defect it reported
    with the whole lexicon, from its own slice or from the lexicon's side."""
    context, parts = few(built)
    mini = parts[name_of(parts, "mini")]
    gone, unlabelled = sorted(set(mini.objects(None, DG.addressee)))[:2]
    lexicon = copy(context.lexicon)
    lexicon.remove((gone, None, None))
    lexicon.remove((unlabelled, SKOS.prefLabel, None))
    lonely = URIRef(f"{ACTOR}nobody-names-this")
    lexicon.add((lonely, RDF.type, DG.Enterprise))
    lexicon.add((lonely, RDFS.label, Literal("无人", lang="zh")))
    child, parent = sorted(lexicon.subject_objects(DG.within))[0]
    lexicon.add((parent, DG.within, child))
    fast = assert_same(*variant((context, parts), lexicon))
    for checked in fast.values():
        assert {str(unlabelled), str(lonely), str(child)} <= {
            v.focus for v in checked.report.violations}
    # the missing designation is still an actor (the range of dg:addressee), without labels
    assert str(gone) in {v.focus for v in fast[name_of(parts, "mini")].report.violations}


def test_defects_in_regulations(built: tuple) -> None:
    """A duplicate ordinal, a penalty span one off, and a regulation that states a label
    of a designation (it could change how the designation validates, so it is checked
    with the whole lexicon)."""
    context, parts = few(built)
    mini = copy(parts[name_of(parts, "mini")])
    mini.set((URIRef(f"{DEFAULT_BASE}reg/mini/art_2"), DG.ordinal, Literal(1)))
    fine = copy(parts[name_of(parts, "fine")])
    evidence = sorted(fine.objects(None, DG.penaltyEvidence))[0]
    start = fine.value(evidence, OA.start)
    fine.set((evidence, OA.start, Literal(int(start) + 1)))
    water = copy(parts[name_of(parts, "water")])
    water.add((sorted(water.objects(None, DG.addressee))[0], SKOS.prefLabel,
               Literal("又一个名字", lang="zh")))
    context, changed = variant((context, parts), mini=mini, fine=fine, water=water)
    assert not context.plan().fits(water) and context.plan().fits(mini)
    fast = assert_same(context, changed)
    shapes = {v.shape.removeprefix(DGSH) for c in fast.values() for v in c.report.violations}
    assert {"OrdinalSequenceShape", "PenaltySpanShape", "PrefLabelShape"} <= shapes
    assert not any(c.report.conforms for c in fast.values())


def test_a_wrong_applies_to_is_found_with_the_short_slice(built: tuple) -> None:
    """A regulation validated with only the designations it names (kg/check/reach.py)
    still finds a dg:appliesTo that the closure does not give, and one it lacks."""
    context, parts = few(built)
    assert context.plan().paths is not None  # the product's shapes are short
    mini = copy(parts[name_of(parts, "mini")])
    norm = sorted(mini.subjects(DG.addressee, None))[0]
    stranger = sorted(set(context.lexicon.subjects(RDF.type, DG.Actor))
                      - set(mini.objects(norm, DG.addressee)))[0]
    mini.add((norm, DG.appliesTo, stranger))
    fast = assert_same(*variant((context, parts), mini=mini))
    found = fast[name_of(parts, "mini")].report.violations
    assert {(v.focus, v.shape.removeprefix(DGSH)) for v in found} >= {
        (str(norm), "AppliesToShape")}


def test_only_short_paths_let_the_slice_shrink() -> None:
    shapes = Graph().parse(data=SHAPE_PREFIXES + """
        ex:A sh:targetClass dg:Norm ; sh:path dg:addressee ; sh:class dg:Actor .
        ex:B sh:targetClass dg:Norm ; sh:equals dg:appliesTo ;
            sh:path ( dg:addressee [ sh:zeroOrMorePath [ sh:inversePath dg:within ] ] ) .
    """, format="turtle")
    paths = reach.Paths.make(shapes, {DG.within})
    assert paths is not None and paths.forward == {DG.addressee}
    assert reach.Paths.make(shapes, set()) is None  # dg:within not transitive
    longer = shapes + Graph().parse(data=SHAPE_PREFIXES + """
        ex:C sh:targetClass dg:Norm ; sh:path ( dg:addressee dg:level ) .""", format="turtle")
    assert reach.Paths.make(longer, {DG.within}) is None
    inspected = shapes + Graph().parse(data=SHAPE_PREFIXES + """
        ex:D sh:targetClass dg:Norm ; sh:class dg:Actor ;
            sh:path ( dg:addressee [ sh:zeroOrMorePath [ sh:inversePath dg:within ] ] ) .""",
        format="turtle")
    assert reach.Paths.make(inspected, {DG.within}) is None


def test_the_cache_follows_the_slice(built: tuple, tmp_path: Path) -> None:
    """A lexicon change outside a regulation's slice keeps its cache entry, one inside
    does not, and a cached regulation still reports the lexicon's new defects."""
    context, parts = built
    per_regulation.check_all(context, parts, tmp_path)
    water, seed = name_of(parts, "water"), name_of(parts, "gd-industrial-transfer")
    plan = context.plan()
    only_in_water = next(
        n for n in sorted(plan.first_guess(parts[water]) - plan.first_guess(parts[seed]))
        if (n, SKOS.prefLabel, None) in context.lexicon)
    lexicon = copy(context.lexicon)
    for label in list(lexicon.objects(only_in_water, SKOS.prefLabel)):
        if label.language == "en":
            lexicon.remove((only_in_water, None, label))
            lexicon.add((only_in_water, SKOS.prefLabel, Literal("Renamed", lang="en")))
            lexicon.add((only_in_water, RDFS.label, Literal("Renamed", lang="en")))
    again = per_regulation.check_all(variant(built, lexicon)[0], parts, tmp_path)
    assert not again[water].cached and again[seed].cached
    assert all(c.report.conforms for c in again.values())
    lexicon.add((URIRef(f"{ACTOR}unlabelled"), RDF.type, DG.Enterprise))
    defect = per_regulation.check_all(variant(built, lexicon)[0], parts, tmp_path)
    assert defect[seed].cached and not defect[seed].report.conforms
    assert f"{ACTOR}unlabelled" in defect[seed].report.text()


SYNTHETIC = """
@prefix ex: <https://w3id.org/dutygraph/test/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
ex:r a owl:TransitiveProperty ; owl:inverseOf ex:ri ; owl:propertyChainAxiom ( ex:q ex:p ) .
"""
SYNTHETIC_SHAPES = """
@prefix ex: <https://w3id.org/dutygraph/test/> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
ex:KindShape a sh:PropertyShape ; sh:targetClass ex:Kind ; sh:path ex:ri ; sh:maxCount 1 ;
    sh:message "one ri"@en .
"""


@pytest.mark.parametrize("links", [2, 3])
def test_a_slice_widens_to_what_new_triples_reach(links: int) -> None:
    """The regulation's ``y q l1`` and the lexicon's ``l1 p l2``, ``l2 r l3`` entail
    ``y r l3`` (a chain, then transitivity), so ``l3`` gets a second ``ri``, which its
    shape forbids: ``l3`` is two joins away from what the regulation names, and the
    slice must widen to it to report what the whole lexicon does. An ontology with a
    chain of three links is checked with the whole lexicon."""
    ex = Namespace("https://w3id.org/dutygraph/test/")
    chain = "( ex:q ex:p ex:p )" if links == 3 else "( ex:q ex:p )"
    ontology = Graph().parse(data=SYNTHETIC.replace("( ex:q ex:p )", chain), format="turtle")
    lexicon = Graph()
    for triple in ((ex.l1, ex.p, ex.l2), (ex.l2, ex.p, ex.l2), (ex.l2, ex.r, ex.l3),
                   (ex.l3, RDF.type, ex.Kind)):
        lexicon.add(triple)
    part = Graph()
    part.add((ex.y, ex.q, ex.l1))
    shapes = Graph().parse(data=SYNTHETIC_SHAPES, format="turtle")
    context = Context(ontology, lexicon, shapes, str(ex))
    assert (context.plan() is None) == (links == 3)
    fast = assert_same(context, {ex.part: part})
    assert [v.focus for v in fast[ex.part].report.violations] == [str(ex.l3)]
    assert (ex.l3, ex.ri, ex.y) in fast[ex.part].inferred


def test_a_slice_keeps_the_triples_that_end_at_its_nodes() -> None:
    """The regulation's ``y pi a`` gives ``a p y``, then ``w r y`` (the lexicon's ``w q a``,
    a chain), then ``x r y`` with the lexicon's ``x r w`` (transitivity): ``x r w`` has
    no inverse and ends at a slice node, so the slice must hold it."""
    ex = Namespace("https://w3id.org/dutygraph/test/")
    ontology = Graph().parse(data=SYNTHETIC.replace("owl:inverseOf ex:ri ;", "") + (
        "ex:p owl:inverseOf ex:pi ."), format="turtle")
    lexicon = Graph()
    lexicon.add((ex.w, ex.q, ex.a))
    lexicon.add((ex.x, ex.r, ex.w))
    part = Graph()
    part.add((ex.y, ex.pi, ex.a))
    context = Context(ontology, lexicon, Graph(), str(ex))
    assert context.plan() is not None
    fast = assert_same(context, {ex.part: part})
    assert (ex.x, ex.r, ex.y) in fast[ex.part].inferred


# -- the exact SPARQL targets report what the coarse ones did ----------------------------

COARSE_ORDINAL_TARGET = """
    SELECT DISTINCT ?this WHERE {
        {
            SELECT ?scope ?class WHERE {
                {
                    ?unit a dg:Paragraph ; eli:is_part_of ?scope . BIND (dg:Paragraph AS ?class)
                } UNION {
                    ?unit a dg:Item ; eli:is_part_of ?scope . BIND (dg:Item AS ?class)
                } UNION {
                    ?unit a dg:Chapter ; eli:is_part_of ?scope . BIND (dg:Chapter AS ?class)
                } UNION {
                    ?unit a dg:Section ; eli:is_part_of ?scope . BIND (dg:Section AS ?class)
                } UNION {
                    ?unit a dg:Article ; eli:is_part_of/eli:is_part_of?/eli:is_part_of? ?scope .
                    ?scope a dg:Regulation . BIND (dg:Article AS ?class)
                }
                ?unit dg:ordinal ?ordinal .
            }
            GROUP BY ?scope ?class
            HAVING (COUNT(?unit) != MAX(?ordinal) || COUNT(DISTINCT ?ordinal) != COUNT(?unit))
        }
        ?this a ?class ; eli:is_part_of/eli:is_part_of?/eli:is_part_of? ?scope .
    }
"""
EVIDENCE = f"{DEFAULT_BASE}reg/t/art_2__para_3/liability-0-43/penalty-1/evidence"
ORDINAL = "DELETE WHERE {{ reg:{0} dg:ordinal ?o }}; INSERT DATA {{ reg:{0} dg:ordinal {1} }}"
BROKEN = [  # duplicates, gaps, numbers written otherwise, units out of place, a bad span
    ORDINAL.format("art_2", "1"), ORDINAL.format("art_2", "3"), ORDINAL.format("art_2", "2.0"),
    ORDINAL.format("art_2", "'2'"), ORDINAL.format("art_1", "'01'^^xsd:integer"),
    ORDINAL.format("art_2__para_2", "0"), "INSERT DATA { reg:art_2 dg:ordinal 3 }",
    "INSERT DATA { reg:art_2__para_1__item_1 a dg:Paragraph }",
    "DELETE WHERE { reg:art_2 eli:is_part_of ?c }; "
    "INSERT DATA { reg:art_2 eli:is_part_of reg:art_1 }",
    f"DELETE WHERE {{ <{EVIDENCE}> oa:start ?s }}; "
    f"INSERT DATA {{ <{EVIDENCE}> oa:start '29'^^xsd:nonNegativeInteger }}",
]
PREFIXES = f"""
PREFIX dg: <https://w3id.org/dutygraph/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX reg: <{DEFAULT_BASE}reg/t/>
"""


def coarse(shapes: Graph) -> Graph:
    """The shapes with the targets they had before they were made exact."""
    old = copy(shapes)
    ordinal = old.value(URIRef(f"{DGSH}OrdinalSequenceShape"), SH.target)
    old.set((ordinal, SH.select, Literal(COARSE_ORDINAL_TARGET)))
    penalty = URIRef(f"{DGSH}PenaltySpanShape")
    old.remove((penalty, SH.target, None))
    old.add((penalty, SH.targetClass, DG.Penalty))
    return old


@pytest.fixture(scope="module")
def shape_case() -> tuple[Graph, Graph, Graph]:
    """tests/shape_cases/base.ttl reasoned like a build, the shapes and the coarse shapes."""
    settings = Settings()
    ontology = pipeline.load_rdf(settings.ontology_file)
    shapes = pipeline.load_rdf(settings.shapes_file)
    data = pipeline.load_rdf(Path(__file__).parent / "shape_cases" / "base.ttl")
    base = validate.DataGraph([*ontology, *data, *reason.infer(data, ontology, DEFAULT_BASE)])
    return base, shapes, coarse(shapes)


@pytest.mark.parametrize("update", BROKEN)
def test_exact_targets_report_what_the_coarse_ones_did(update: str, shape_case: tuple) -> None:
    base, shapes, before_shapes = shape_case
    graph = validate.DataGraph(base)
    graph.update(PREFIXES + update)
    exact = validate.run(validate.DataGraph(graph), shapes)
    before = validate.run(validate.DataGraph(graph), before_shapes)
    assert exact.conforms == before.conforms
    assert sorted(exact.violations, key=key) == sorted(before.violations, key=key)


# -- which properties the shapes can reach -------------------------------------------------

SHAPE_PREFIXES = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix dg: <https://w3id.org/dutygraph/ontology#> .
@prefix ex: <https://w3id.org/dutygraph/test/> .
"""


def test_the_shapes_name_the_properties_a_regulation_check_keeps() -> None:
    """Triples about designations whose property no shape names are left out of a
    regulation's validation; a property under sh:inversePath or in a query is followed
    backwards; a closed shape or a query with a variable property keeps every triple."""
    shapes = Graph().parse(data=SHAPE_PREFIXES + """
        ex:A sh:targetClass dg:Norm ; sh:property [ sh:path [ sh:inversePath dg:within ] ] .
        ex:B sh:targetClass dg:Norm ;
            sh:sparql [ sh:select "SELECT $this ?value WHERE { $this dg:level ?value }" ] .
    """, format="turtle")
    forward, backward = sliced.shape_terms(shapes)
    assert {DG.within, DG.level, DG.Norm} <= forward and DG.includes not in forward
    assert backward == {DG.within, DG.level}
    closed = shapes + Graph().parse(data=SHAPE_PREFIXES + "ex:C sh:closed true .",
                                    format="turtle")
    assert sliced.shape_terms(closed) is None
    for pattern in ("$this ?p ?value", "dg:X ?p dg:Y", "$this dg:level ?v ; ?p ?value"):
        any_property = Graph().parse(data=SHAPE_PREFIXES + f"""
            ex:D sh:sparql [ sh:select "SELECT $this ?value WHERE {{ {pattern} }}" ] .
        """, format="turtle")
        assert sliced.shape_terms(any_property) is None, pattern
    objects_of = Graph().parse(data=SHAPE_PREFIXES + "ex:E sh:targetObjectsOf dg:addressee .",
                               format="turtle")
    assert DG.addressee in sliced.shape_terms(objects_of)[1]  # a target from the object
