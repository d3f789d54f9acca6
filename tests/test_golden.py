"""The graph of the fixture regulation, compared by meaning with a reviewed golden file.

After an intended change, regenerate with
    python -m tests.test_golden   (writes tests/fixtures/mini.golden.ttl)
and review the diff before committing it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg import pipeline
from kg.config import Settings
from kg.graph.iris import Iris
from kg.source import sources

GOLDEN = Path(__file__).parent / "fixtures" / "mini.golden.ttl"


def mini_graph(settings: Settings) -> Graph:
    read = sources.read_all(settings)
    graphs = pipeline.assemble(read, Iris(settings.base_iri))
    return graphs[Iris(settings.base_iri).graph("mini")]


def test_mini_graph_matches_golden(mini_settings: Settings) -> None:
    built = mini_graph(mini_settings)
    golden = Graph().parse(GOLDEN, format="turtle")
    if not isomorphic(built, golden):
        _, only_built, only_golden = graph_diff(to_isomorphic(built), to_isomorphic(golden))
        raise AssertionError("graph differs from golden:\nonly in build:\n"
                             + only_built.serialize(format="nt")
                             + "\nonly in golden:\n" + only_golden.serialize(format="nt"))


def test_iris_are_stable_across_builds(mini_settings: Settings) -> None:
    first = {str(s) for s in mini_graph(mini_settings).subjects()}
    second = {str(s) for s in mini_graph(mini_settings).subjects()}
    assert first == second
    assert "https://w3id.org/dutygraph/reg/mini/art_2__para_2__item_1" in first


if __name__ == "__main__":
    import shutil
    import tempfile

    from tests.conftest import FIXTURES, data_dir_with

    with tempfile.TemporaryDirectory() as tmp:
        data = data_dir_with(Path(tmp), FIXTURES / "mini")
        mini_graph(Settings(data_dir=data)).serialize(GOLDEN, format="turtle")
        shutil.rmtree(tmp, ignore_errors=True)
    sys.stdout.write(f"wrote {GOLDEN}\n")
