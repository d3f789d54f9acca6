"""One government across regulations, in the BUILT graph of ten Guangdong regulations
ingested from the corpus (tests/offices_build.py): wordings of one office are one actor,
dg:within follows from the offices' parts, and what applies to a broader office reaches
every narrower one. The grammar itself is tested in tests/test_designations.py."""

from __future__ import annotations

from dataclasses import replace

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from kg.check import reason
from kg.graph import office_context, offices
from kg.graph.iris import Iris
from kg.namespaces import DEFAULT_BASE, DG
from kg.source import offices as grammar
from kg.source import sources
from kg.source.offices.scheme import default_scheme
from tests.offices_build import guangdong_ten

ACTOR = f"{DEFAULT_BASE}actor/"
# (wording, other wording): both printed in the ten regulations, one office.
SAME = [
    ("地级以上市人民政府", "市人民政府"),
    ("县级人民政府", "县人民政府"),
    ("县级以上人民政府有关部门", "县级以上人民政府有关主管部门"),
    ("县级以上人民政府有关部门", "县级以上人民政府相关主管部门"),
    ("县级以上人民政府生态环境主管部门", "县级以上生态环境主管部门"),
    ("县级以上人民政府交通主管部门", "县级以上人民政府交通运输主管部门"),
    ("县级住房和城乡建设主管部门", "县级住房城乡建设主管部门"),
    ("地级以上市交通运输主管部门", "地级以上市人民政府交通运输主管部门"),
    ("地级以上市人民政府交通运输主管部门", "市人民政府交通运输主管部门"),
    ("地级以上市人民政府发展改革主管部门", "市人民政府发展改革主管部门"),
    ("地级以上市人民政府生态环境主管部门", "地级以上市生态环境主管部门"),
    ("有关部门", "有关行政主管部门"),
    ("县级以上人民政府公安机关交通管理部门", "县级以上公安机关交通管理部门"),
    ("各级交通运输主管部门", "各级人民政府交通主管部门"),
    ("省人民政府交通运输主管部门", "省交通运输主管部门"),
    ("省人民政府交通主管部门", "省人民政府交通运输主管部门"),
    ("地级以上市人民政府有关主管部门", "地级以上市人民政府有关部门"),
    ("省人民政府生态环境主管部门", "省生态环境主管部门"),
    ("乡镇人民政府", "镇人民政府"),
]
# (narrower, broader): designations the drafts name, dg:within in the reasoned graph.
WITHIN = [
    ("县级人民政府交通运输主管部门", "县级以上人民政府交通运输主管部门"),
    ("县级以上人民政府交通运输主管部门", "县级以上人民政府有关部门"),
    ("县级以上人民政府有关部门", "各级人民政府有关部门"),
    ("县级人民政府", "县级以上人民政府"),
    ("县级以上人民政府", "各级人民政府"),
    ("乡镇人民政府", "各级人民政府"),
    ("县级人民政府住房城乡建设主管部门", "县级以上人民政府住房城乡建设主管部门"),
]
NOT_WITHIN = [
    ("县级以上人民政府有关部门", "县级以上人民政府交通运输主管部门"),
    ("县级以上人民政府", "县级人民政府"),
    ("县级以上人民政府交通运输主管部门", "县级以上人民政府"),  # a department is no government
    ("县级以上人民政府有关部门", "县级以上人民政府确定的部门"),
]


# the first test builds ten regulations (tests/offices_build.py): minutes on a loaded machine
pytestmark = pytest.mark.timeout(1800)

@pytest.fixture(scope="module")
def built():
    return guangdong_ten()


@pytest.fixture(scope="module")
def lexicon(built) -> Graph:
    return built.graphs[Iris().graph("lexicon")]


@pytest.fixture(scope="module")
def reasoned(built) -> Graph:
    """Everything published: asserted and inferred, every named graph."""
    graph = Graph()
    for part in built.graphs.values():
        graph += part
    return graph


def actor_named(lexicon: Graph, wording: str) -> URIRef:
    found = {a for prop in (SKOS.prefLabel, SKOS.altLabel)
             for a in lexicon.subjects(prop, Literal(wording, lang="zh"))
             if str(a).startswith(ACTOR)}
    assert len(found) == 1, (wording, found)
    return found.pop()


def published_text(built) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in built.settings.regulation_files())


@pytest.mark.parametrize(("one", "other"), SAME)
def test_wordings_of_one_office_are_one_actor(built, lexicon, one, other) -> None:
    text = published_text(built)
    assert one in text and other in text  # real wordings of these regulations
    assert actor_named(lexicon, one) == actor_named(lexicon, other)


def test_statements_naming_either_wording_point_to_the_one_actor(built, reasoned,
                                                                  lexicon) -> None:
    actor = actor_named(lexicon, "县级以上人民政府交通主管部门")
    assert actor == URIRef(ACTOR + "transport-department")  # the lexicon's IRI is kept
    named = {s for s in reasoned.subjects(DG.addressee, actor)}
    slugs = {str(s).split("/reg/")[1].split("/")[0] for s in named}
    assert {"guangdongsheng-gonglu-tiaoli", "guangdongsheng-daolu-yunshu-tiaoli"} <= slugs
    labels = {str(x) for x in lexicon.objects(actor, SKOS.altLabel)}
    assert {"县级以上人民政府交通主管部门", "县级以上人民政府交通运输主管部门"} <= labels


@pytest.mark.parametrize(("narrow", "broad"), WITHIN)
def test_within_follows_from_the_parts(reasoned, lexicon, narrow, broad) -> None:
    a, b = actor_named(lexicon, narrow), actor_named(lexicon, broad)
    assert (a, DG.within, b) in reasoned


@pytest.mark.parametrize(("narrow", "broad"), NOT_WITHIN)
def test_no_within_against_the_parts(reasoned, lexicon, narrow, broad) -> None:
    a, b = actor_named(lexicon, narrow), actor_named(lexicon, broad)
    assert (a, DG.within, b) not in reasoned


def test_what_applies_to_a_broader_office_reaches_the_county_office(reasoned,
                                                                    lexicon) -> None:
    county = actor_named(lexicon, "县级人民政府交通运输主管部门")
    province_wide = actor_named(lexicon, "县级以上人民政府交通运输主管部门")
    norms = set(reasoned.subjects(DG.addressee, province_wide))
    assert norms and all((n, DG.appliesTo, county) in reasoned for n in norms)


def test_office_parts_and_schemes(lexicon) -> None:
    county = actor_named(lexicon, "县级人民政府交通运输主管部门")
    assert (county, DG.level, URIRef(DEFAULT_BASE + "level/county")) in lexicon
    assert (county, DG.sector, URIRef(DEFAULT_BASE + "sector/transport")) in lexicon
    assert (county, DG.organKind, URIRef(DEFAULT_BASE + "organ-kind/department")) in lexicon
    above = URIRef(DEFAULT_BASE + "level/county-and-above")
    assert set(lexicon.objects(above, SKOS.narrower)) == {
        URIRef(DEFAULT_BASE + f"level/{lv}") for lv in ("province", "city", "county")}
    transport = URIRef(DEFAULT_BASE + "sector/transport")
    assert (transport, SKOS.inScheme, DG.sectors) in lexicon
    assert Literal("交通", lang="zh") in set(lexicon.objects(transport, SKOS.altLabel))
    assert Literal("transport", lang="en") in set(lexicon.objects(transport, SKOS.prefLabel))


def test_a_machine_made_actor_has_english_from_its_parts(lexicon) -> None:
    county = actor_named(lexicon, "县级人民政府交通运输主管部门")
    english = {str(x) for x in lexicon.objects(county, SKOS.prefLabel) if x.language == "en"}
    assert english == {"competent transport departments of county-level people's governments"}
    assert (county, DG.machineMade, Literal(True)) in lexicon


def test_an_area_is_an_actor(lexicon) -> None:
    coastal = [a for a in lexicon.subjects(DG.area, None)]
    assert coastal
    for actor in coastal:
        area = lexicon.value(actor, DG.area)
        assert (area, RDF.type, None) in lexicon and lexicon.value(area, SKOS.prefLabel)


def test_every_derived_step_is_within_in_the_grammar(built) -> None:
    read = sources.read_all(built.settings)
    unified = offices.unify(read)
    actors = unified.actors
    for narrow, broad in offices.derived_within(unified):
        assert grammar.within(actors[narrow].office, actors[broad].office), (narrow, broad)


def test_derived_steps_reach_every_pair_within(built) -> None:
    """The indexed walk upwards finds what comparing every two offices finds."""
    unified = offices.unify(sources.read_all(built.settings))
    steps = offices.derived_within(unified)
    up: dict[str, set[str]] = {}
    for narrow, broad in steps:
        up.setdefault(narrow, set()).add(broad)
    present = [a for a in unified.actors.values() if a.office]
    for a in present:
        reach, todo = set(), [a.term.id]
        while todo:
            for b in up.get(todo.pop(), ()):
                if b not in reach:
                    reach.add(b)
                    todo.append(b)
        pairs = {b.term.id for b in present if grammar.within(a.office, b.office)}
        assert reach == pairs, a.term.zh


def test_same_level_is_read_in_context(built) -> None:
    read = sources.read_all(built.settings)
    source = read.regulations[0]
    named = replace(source.statements[0], addressees=("县级以上人民政府卫生健康主管部门",
                                                      "本级人民政府"))
    alone = replace(source.statements[1], addressees=("本级人民政府",))
    read = replace(read, regulations=(replace(source, statements=(named, alone)),))
    resolved, added = office_context.resolve(read, read.all_terms(), default_scheme())
    first, second = resolved.regulations[0].statements
    assert first.addressees == ("县级以上人民政府卫生健康主管部门", "县级以上人民政府")
    assert second.addressees == ("本级人民政府",)  # nothing tells its level
    assert added.all("actor") == []  # 县级以上人民政府 is the lexicon's, not a new actor


def test_a_municipality_city_is_the_province(built) -> None:
    read = sources.read_all(built.settings)
    source = read.regulations[0]
    city = replace(source.statements[0], addressees=("市人民政府",))
    shanghai = replace(source, meta={**source.meta, "jurisdiction_zh": "上海市"},
                       statements=(city,))
    resolved, added = office_context.resolve(replace(read, regulations=(shanghai,)),
                                             read.all_terms(), default_scheme())
    assert resolved.regulations[0].statements[0].addressees == ("省人民政府",)
    assert added.all("actor") == []


def test_fast_reasoner_equals_owlrl_on_a_sample(built, lexicon) -> None:
    """Reasoned per build as before: the fast rules and owlrl agree on the lexicon of
    offices with one regulation (森林防火, the smallest of the ten)."""
    from kg import pipeline
    ontology = pipeline.load_rdf(built.settings.ontology_file)
    data = Graph()
    data += lexicon
    data += built.graphs[Iris().graph("guangdongsheng-senlin-fanghuo-tiaoli")]
    fast = reason.infer(data, ontology, DEFAULT_BASE, engine="fast")
    reference = reason.infer(data, ontology, DEFAULT_BASE, engine="owlrl")
    assert set(fast) == set(reference)
    assert any(p == DG.appliesTo for _, p, _ in fast)
