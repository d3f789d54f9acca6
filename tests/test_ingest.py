"""kg ingest: fixture regulations join the seed in one conforming graph."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg import cli, pipeline
from kg.config import PROJECT_ROOT, Settings
from kg.drafts.ingest import ingest, promote
from kg.errors import InputError, ParseError
from kg.graph.iris import Iris
from kg.namespaces import DG, PROV
from kg.source.statements import Anchor

REGS = Path(__file__).parent / "fixtures" / "regs"
SEED = "gd-industrial-transfer"
FIXTURES = {"test-water": ("water.txt", "测试取水条例"),
            "test-market": ("market.txt", "测试集贸市场条例"),
            "test-tourism": ("tourism.txt", "测试乡村旅游条例")}
IRIS = Iris()


def seed_data(tmp: Path) -> Settings:
    data = tmp / "data"
    (data / "annotations").mkdir(parents=True)
    source = PROJECT_ROOT / "data"
    for name in ("lexicon.toml", f"{SEED}.txt", f"{SEED}.meta.toml",
                 f"annotations/{SEED}.toml"):
        shutil.copy(source / name, data / name)
    return Settings(data_dir=data, build_dir=tmp / "build")


def ingest_all(settings: Settings) -> list:
    results = []
    for slug, (name, title) in FIXTURES.items():
        meta = REGS / name.replace(".txt", ".meta.toml")
        results.append(ingest(settings, REGS / name, slug, title,
                              meta_file=meta if meta.exists() else None))
    return results


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, dict]:
    settings = seed_data(tmp_path_factory.mktemp("many"))
    ingest_all(settings)
    result = pipeline.run(settings, write=False)  # raises ValidationFailed unless it conforms
    return settings, result.graphs


def test_all_regulations_conform_in_one_graph(built: tuple[Settings, dict]) -> None:
    _, graphs = built
    for slug in (SEED, *FIXTURES):
        assert IRIS.graph(slug) in graphs, slug


def _graphs_addressing(graphs: dict, actor: URIRef) -> set[str]:
    return {str(name).rsplit("/", 1)[-1] for name, g in graphs.items()
            if (None, DG.addressee, actor) in g}


def test_shared_actors_are_one_resource(built: tuple[Settings, dict]) -> None:
    _, graphs = built
    county_up = IRIS.term("actor", "government-county-level-and-above")
    assert {"test-water", "test-market"} <= _graphs_addressing(graphs, county_up)
    province = IRIS.term("actor", "provincial-government")
    assert {SEED, "test-tourism"} <= _graphs_addressing(graphs, province)
    receiving = IRIS.term("actor", "receiving-area")
    assert "test-tourism" in _graphs_addressing(graphs, receiving)
    typed = [g for g in graphs.values() if (province, None, DG.ProvincialGovernment) in g]
    assert len(typed) == 1  # described once, in the lexicon graph


def test_new_actor_has_one_iri_named_by_its_designation(built: tuple[Settings, dict]) -> None:
    _, graphs = built
    citizen = IRIS.term("actor", "公民")  # not in the lexicon, defined by the draft
    assert graphs[IRIS.graph("test-market")].value(None, DG.addressee, citizen) is not None


def test_list_items_are_one_prohibition_each(built: tuple[Settings, dict]) -> None:
    _, graphs = built
    graph = graphs[IRIS.graph("test-water")]
    sources = {graph.value(n, DG.source) for n in graph.subjects(DG.addressee, None)
               if (n, None, DG.Prohibition) in graph}
    assert sources == {IRIS.unit("test-water", Anchor(4, 2, i)) for i in range(1, 7)}


def test_cross_references_link_units(built: tuple[Settings, dict]) -> None:
    _, graphs = built
    graph = graphs[IRIS.graph("test-market")]
    unit = lambda *a: IRIS.unit("test-market", Anchor(*a))  # noqa: E731
    assert (unit(3, 2), DG.refersTo, unit(2, 2)) in graph   # 依照本条例第二条第二款
    assert (unit(3, 3), DG.refersTo, unit(3, 2)) in graph   # 前款
    assert (unit(4, 2), DG.refersTo, unit(4, 1)) in graph   # 本条第一款


def test_cited_laws_are_recorded(built: tuple[Settings, dict]) -> None:
    _, graphs = built
    graph = graphs[IRIS.graph("test-water")]
    cited = set(graph.objects(IRIS.regulation("test-water"), DG.citesLaw))
    assert len(cited) == 1
    assert Literal("中华人民共和国水法", lang="zh") in set(graph.objects(next(iter(cited))))


def test_drafts_are_machine_made_and_curated_are_not(built: tuple[Settings, dict]) -> None:
    _, graphs = built
    fixture = graphs[IRIS.graph("test-tourism")]
    norms = set(fixture.subjects(DG.source, None))
    assert norms and all((n, PROV.wasGeneratedBy, None) in fixture for n in norms)
    assert not list(graphs[IRIS.graph(SEED)].subjects(DG.machineMade, None))


def test_reingest_is_idempotent(tmp_path: Path) -> None:
    settings = seed_data(tmp_path)
    ingest_all(settings)
    before = {p: p.read_bytes() for p in settings.data_dir.rglob("*") if p.is_file()}
    again = ingest_all(settings)
    assert all(not r.written for r in again)
    assert before == {p: p.read_bytes() for p in settings.data_dir.rglob("*") if p.is_file()}


def test_curated_unit_wins_over_draft(tmp_path: Path) -> None:
    settings = seed_data(tmp_path)
    ingest_all(settings)
    settings.annotation_file("test-market").write_text(
        '[[statement]]\nat = "5.1"\nclass = "Prohibition"\ncue = "禁止"\n'
        'quote = "禁止在集贸市场内销售假冒伪劣商品。"\naddressee = ["经营者"]\n'
        '[actor."经营者"]\nid = "business-operator"\nen = "business operators"\n'
        'class = "MarketEntity"\n', encoding="utf-8")
    ingest(settings, REGS / "market.txt", "test-market", "测试集贸市场条例")
    graphs = pipeline.run(settings, write=False).graphs
    graph = graphs[IRIS.graph("test-market")]
    operator = IRIS.term("actor", "business-operator")
    assert (None, DG.addressee, operator) in graph
    moved = promote(settings, "test-market")
    assert moved == ["经营者"]
    assert 'actor."经营者"' in settings.lexicon_file.read_text(encoding="utf-8")
    pipeline.run(settings, write=False)  # still builds: one definition, one IRI


def test_malformed_text_fails_with_line(tmp_path: Path) -> None:
    settings = seed_data(tmp_path)
    bad = tmp_path / "bad.txt"
    bad.write_text("第一条　甲应当乙。\n第三条　丙不得丁。\n", encoding="utf-8")
    with pytest.raises(ParseError) as caught:
        ingest(settings, bad, "bad", "坏条例")
    assert caught.value.line == 2
    code = cli.main(["--data-dir", str(settings.data_dir), "ingest", str(bad),
                     "--id", "bad", "--title", "坏条例"])
    assert code == 2
    assert not (settings.data_dir / "bad.txt").exists()


def test_bad_slug_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        ingest(seed_data(tmp_path), REGS / "market.txt", "Bad Slug", "x")


def test_cli_ingest_and_dataset(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    settings = seed_data(tmp_path)
    args = ["--data-dir", str(settings.data_dir), "ingest", str(REGS / "water.txt"),
            "--id", "test-water", "--title", "测试取水条例", "--title-en", "Water test"]
    assert cli.main(args) == 0
    assert "wrote" in capsys.readouterr().out
    assert cli.main(args) == 0
    assert "unchanged" in capsys.readouterr().out
    meta = settings.meta_file("test-water").read_text(encoding="utf-8")
    assert 'title_en = "Water test"' in meta
