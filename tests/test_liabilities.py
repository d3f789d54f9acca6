"""Liability provisions in the graph: what they enforce, who enforces them, and each
penalty with its kind, bounds and exact span."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kg import pipeline
from kg.config import Settings
from kg.errors import AnnotationError
from kg.graph.iris import Iris
from kg.namespaces import DG, OA
from tests.conftest import FIXTURES, data_dir_with

IRIS = Iris()
REG = "https://w3id.org/dutygraph/reg/fine/"


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    tmp = tmp_path_factory.mktemp("liability")
    settings = Settings(data_dir=data_dir_with(tmp, FIXTURES / "liability"),
                        build_dir=tmp / "build")
    result = pipeline.run(settings, write=False)
    assert result.report.conforms and not result.quarantined, result.quarantined
    return result.graphs[IRIS.graph("fine")] + result.graphs[IRIS.graph("inferred")]


def liability(graph: Graph, eid: str) -> URIRef:
    (node,) = [s for s in graph.subjects(DG.enforcedBy, None)
               if str(s).startswith(REG + eid + "/liability-")]
    return node


def test_a_clause_enforces_the_norms_of_the_unit_it_cites(graph: Graph) -> None:
    node = liability(graph, "art_4__para_1")
    assert set(graph.objects(node, DG.enforces)) == {
        URIRef(REG + "art_2__para_2/prohibition-0-12")}
    assert (URIRef(REG + "art_2__para_2/prohibition-0-12"), DG.enforcedThrough,
            node) in graph  # the inverse is materialised: from a duty to its sanction


def test_an_article_reference_covers_every_norm_of_the_article(graph: Graph) -> None:
    node = liability(graph, "art_5__para_1__item_2")
    assert set(graph.objects(node, DG.enforces)) == {
        URIRef(REG + "art_3__para_1/obligation-0-14")}


def test_penalties_keep_kind_bounds_tier_and_order(graph: Graph) -> None:
    node = liability(graph, "art_4__para_1")
    penalties = [URIRef(f"{node}/penalty-{n}") for n in (1, 2, 3)]
    assert [graph.value(p, DG.penaltyKind) for p in penalties] == [
        DG.Rectification, DG.Fine, DG.Fine]
    assert graph.value(penalties[1], DG.minimumAmount).toPython() == Decimal(10000)
    assert graph.value(penalties[1], DG.maximumAmount).toPython() == Decimal(50000)
    assert graph.value(penalties[2], DG.maximumMultiple).toPython() == Decimal(3)
    assert graph.value(penalties[2], DG.amountBasis) == Literal("违法所得", lang="zh")
    assert graph.value(penalties[2], DG.condition) == Literal("情节严重的", lang="zh")
    assert graph.value(penalties[1], DG.minimumMultiple) is None


def test_an_item_penalty_is_anchored_in_its_lead_in(graph: Graph) -> None:
    node = liability(graph, "art_5__para_1__item_1")
    penalty = URIRef(f"{node}/penalty-1")
    assert graph.value(penalty, DG.penaltySource) == URIRef(REG + "art_5__para_1")
    evidence = graph.value(penalty, DG.penaltyEvidence)
    assert str(graph.value(evidence, OA.exact)) == "处五千元以下罚款"
    assert graph.value(penalty, DG.minimumAmount) is None


def test_a_penalty_quote_not_in_the_text_is_an_error_with_its_line(tmp_path: Path) -> None:
    data = data_dir_with(tmp_path, FIXTURES / "liability")
    path = data / "annotations" / "fine.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'quote = "处一万元以上五万元以下罚款"', 'quote = "处十万元罚款"'), encoding="utf-8")
    with pytest.raises(AnnotationError) as caught:
        pipeline.run(Settings(data_dir=data, build_dir=tmp_path / "b"), write=False, strict=True)
    assert "penalty quote not found" in str(caught.value) and caught.value.line


MORE_TEXT = """第六条　经营者可以设立会员制度，但应当公示会员规则。
第七条　经批准，经营者可以开展促销活动。
第八条　违反本条例第六条、第七条规定的，由县级以上人民政府市场监督管理部门责令改正。
第九条　经营者应当保存票据。
经批准，经营者可以延长营业时间。
第十条　违反本条例第九条规定的，由县级以上人民政府市场监督管理部门责令改正。
"""
MORE_STATEMENTS = """
[[statement]]
at = "6.1"
class = "Permission"
cue = "可以"
quote = "经营者可以设立会员制度"
addressee = ["经营者"]

[[statement]]
at = "6.1"
class = "Obligation"
cue = "应当"
quote = "但应当公示会员规则。"
addressee = ["经营者"]

[[statement]]
at = "7.1"
class = "Permission"
cue = "可以"
quote = "经批准，经营者可以开展促销活动。"
addressee = ["经营者"]

[[statement]]
at = "8.1"
class = "Liability"
quote = "违反本条例第六条、第七条规定的，由县级以上人民政府市场监督管理部门责令改正。"
enforces = ["6", "7"]
enforced_by = ["县级以上人民政府市场监督管理部门"]
liable = ["经营者"]
[[statement.penalty]]
kind = "Rectification"
quote = "责令改正"

[[statement]]
at = "9.1"
class = "Obligation"
cue = "应当"
quote = "经营者应当保存票据。"
addressee = ["经营者"]

[[statement]]
at = "9.2"
class = "Permission"
cue = "可以"
quote = "经批准，经营者可以延长营业时间。"
addressee = ["经营者"]

[[statement]]
at = "10.1"
class = "Liability"
quote = "违反本条例第九条规定的，由县级以上人民政府市场监督管理部门责令改正。"
enforces = ["9"]
enforced_by = ["县级以上人民政府市场监督管理部门"]
liable = ["经营者"]
[[statement.penalty]]
kind = "Rectification"
quote = "责令改正"
"""


def test_a_cited_article_is_breached_through_its_duties(tmp_path: Path) -> None:
    """第六条 permits and obliges: the liability enforces the duty, not the permission.
    第七条 only permits (经批准): doing it unapproved breaches the permission itself.
    第九条 obliges in one paragraph and permits in the other: citing the article
    enforces both, as citing each paragraph would."""
    data = data_dir_with(tmp_path, FIXTURES / "liability")
    with (data / "fine.txt").open("a", encoding="utf-8") as text:
        text.write(MORE_TEXT)
    with (data / "annotations" / "fine.toml").open("a", encoding="utf-8") as statements:
        statements.write(MORE_STATEMENTS)
    result = pipeline.run(Settings(data_dir=data, build_dir=tmp_path / "b"), write=False)
    assert result.report.conforms and not result.quarantined, result.quarantined
    built = result.graphs[IRIS.graph("fine")]
    assert set(built.objects(liability(built, "art_8__para_1"), DG.enforces)) == {
        URIRef(REG + "art_6__para_1/obligation-12-22"),
        URIRef(REG + "art_7__para_1/permission-0-16")}
    assert set(built.objects(liability(built, "art_10__para_1"), DG.enforces)) == {
        URIRef(REG + "art_9__para_1/obligation-0-10"),
        URIRef(REG + "art_9__para_2/permission-0-16")}
