"""Liability clauses drafted as Liability statements, with rule and confidence, through
the draft TOML, the loader and the graph (广东省机动车排气污染防治条例, a development text)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.config import PROJECT_ROOT
from kg.drafts import annotator
from kg.drafts.ingest import drafttoml as tomlout
from kg.errors import AnnotationError
from kg.source import annotations, lexicon, parse
from kg.source.statements import Anchor, Cited

CORPUS = PROJECT_ROOT.parent / "shared" / "corpus"
VEHICLES = CORPUS / "guangdong" / "广东省机动车排气污染防治条例(2022-11-30).md"
LEXICON = PROJECT_ROOT / "data" / "lexicon.toml"


@pytest.fixture(scope="module")
def drafted():
    if not VEHICLES.exists():
        pytest.skip(f"the corpus is not here ({CORPUS})")
    regulation = parse.read(VEHICLES, "vehicles")
    return regulation, annotator.annotate(regulation, lexicon.load([LEXICON]))


def test_a_fine_clause_is_a_liability_not_an_obligation(drafted) -> None:
    _, draft = drafted
    # 第二十九条 违反本条例第十一条规定，…由县级以上人民政府公安机关交通管理部门处二百元罚款。
    found = [s for s in draft.statements if s.at == Anchor(29, 1)]
    assert [s.kind for s in found] == ["Liability"]
    clause = found[0]
    assert clause.enforces == (Cited(11),)
    assert clause.enforced_by == ("县级以上人民政府公安机关交通管理部门",)
    assert clause.liable == ("机动车驾驶人",)
    fine = clause.penalties[0]
    assert (fine.kind, fine.quote, fine.min_amount, fine.max_amount) == (
        "Fine", "处二百元罚款", Decimal(200), Decimal(200))
    assert clause.rule == "liability-clause" and 0 < clause.confidence <= 1


def test_no_norm_is_drafted_in_the_liability_chapter(drafted) -> None:
    regulation, draft = drafted
    chapter = next(c.ordinal for c in regulation.chapters if "法律责任" in c.title)
    articles = {a.ordinal for a in regulation.articles if a.chapter == chapter}
    kinds = {s.kind for s in draft.statements if s.at.article in articles}
    assert kinds == {"Liability"}


def test_draft_toml_round_trips_rule_confidence_and_penalties(drafted,
                                                              tmp_path: Path) -> None:
    regulation, draft = drafted
    path = tmp_path / "vehicles.draft.toml"
    path.write_text(tomlout.render(draft, regulation), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    assert 'rule = "liability-clause"' in text and "[[statement.penalty]]" in text
    loaded = annotations.load(path, regulation, lexicon.load([LEXICON]),
                              machine_made=True).statements
    assert [(s.kind, s.at, s.rule, s.confidence, s.penalties) for s in loaded] == [
        (s.kind, s.at, s.rule, s.confidence, s.penalties) for s in draft.statements]


def test_a_confidence_out_of_range_is_a_clear_error(drafted, tmp_path: Path) -> None:
    regulation, _ = drafted
    path = tmp_path / "bad.toml"
    path.write_text('[[statement]]\nat = "38.1"\nclass = "Commencement"\n'
                    'quote = "本条例自"\nconfidence = 1.5\n', encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"bad.toml:1: `confidence` must be a number"):
        annotations.load(path, regulation, lexicon.load([LEXICON]))


def test_rule_and_confidence_are_triples(drafted) -> None:
    from rdflib import Graph

    from kg.graph.iris import Iris
    from kg.graph.regulation import _add_statement
    from kg.namespaces import DG, XSD

    _, draft = drafted
    statement = next(s for s in draft.statements if s.kind == "Liability")
    graph = Graph()
    lex = lexicon.load([LEXICON]).union(_terms(draft))
    node = _add_statement(graph, statement, "vehicles", lex, Iris())
    assert (node, DG.rule, Literal("liability-clause")) in graph
    confidence = graph.value(node, DG.confidence)
    assert confidence.datatype == XSD.decimal and 0 < float(confidence) <= 1
    assert isinstance(node, URIRef)


def _terms(draft):
    from kg.source.lexicon import Lexicon

    terms = Lexicon()
    for term in draft.terms.values():
        terms.add(term)
    return terms
