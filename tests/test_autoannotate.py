"""The rule annotator: cues, coordinated subjects, 下列 lists, mechanisms, drafts that load."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.config import PROJECT_ROOT
from kg.drafts.annotator import Draft, names
from kg.drafts.annotator import annotate as auto
from kg.drafts.annotator.actors import object_phrase, subject_phrase
from kg.drafts.annotator.mechanisms import mechanisms
from kg.drafts.annotator.subjects.coordination import split
from kg.drafts.annotator.subjects.heads import Matcher
from kg.drafts.ingest import drafttoml as tomlout
from kg.source import annotations as annotate
from kg.source import lexicon, parse
from kg.source.lexicon import Lexicon
from kg.source.model import Regulation
from kg.source.statements import Anchor

REGS = Path(__file__).parent / "fixtures" / "regs"


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return lexicon.load([PROJECT_ROOT / "data" / "lexicon.toml"])


@pytest.fixture(scope="module")
def matcher(lex: Lexicon) -> Matcher:
    return Matcher(lex)


@pytest.mark.parametrize(("phrase", "expected"), [
    ("产业承接地地级以上市、县级人民政府",
     ["产业承接地地级以上市人民政府", "产业承接地县级人民政府"]),
    ("县级以上人民政府及有关部门", ["县级以上人民政府", "县级以上人民政府有关部门"]),
    ("省人民政府有关部门和产业承接地地级以上市、县级人民政府",
     ["省人民政府有关部门", "产业承接地地级以上市人民政府", "产业承接地县级人民政府"]),
    ("县级以上人民政府公安、交通运输等部门",
     ["县级以上人民政府公安部门", "县级以上人民政府交通运输部门"]),
    ("县级以上人民政府工业和信息化、文化和旅游部门",
     ["县级以上人民政府工业和信息化部门", "县级以上人民政府文化和旅游部门"]),
    ("公民、法人和其他组织", ["公民", "法人", "其他组织"]),
    ("地级以上市、县级人民政府", ["地级以上市人民政府", "县级人民政府"]),
])
def test_coordinated_subjects_are_split(phrase: str, expected: list[str],
                                        matcher: Matcher) -> None:
    assert split(phrase, matcher) == expected


def test_object_phrase_stops_at_the_verb(matcher: Matcher) -> None:
    text = "企业、高等学校和科研机构等，通过投资开发参与"
    assert object_phrase(text, matcher) == "企业、高等学校和科研机构等"
    assert object_phrase("各类经营主体围绕产业链", matcher) == "各类经营主体"
    assert object_phrase("产业有序转移", matcher) == ""
    assert object_phrase("企业与产业承接地开展合作", matcher) == "企业"  # 与: a partner


def test_subject_phrase_skips_adverbials_and_leading_clauses() -> None:
    assert subject_phrase("县级以上人民政府依法") == "县级以上人民政府"
    assert subject_phrase("对前款规定的举报，市场监督管理部门") == "市场监督管理部门"
    assert subject_phrase("县级以上人民政府商务等部门，") == "县级以上人民政府商务等部门"


def test_mechanisms_named_as_printed() -> None:
    text = "建立成本分担、利益共享机制，建立健全招商引资信息跟踪机制和重大项目跟踪服务机制"
    assert mechanisms(text) == ["成本分担、利益共享机制", "招商引资信息跟踪机制",
                                "重大项目跟踪服务机制"]
    assert mechanisms("加大支持力度") == []


def _draft(name: str, lex: Lexicon) -> tuple[Regulation, Draft]:
    regulation = parse.read(REGS / name, name.removesuffix(".txt"))
    return regulation, auto(regulation, lex)


def test_items_of_a_list_inherit_modality_and_addressee(lex: Lexicon) -> None:
    _, draft = _draft("water.txt", lex)
    items = [s for s in draft.statements if s.at.item]
    assert [s.at for s in items] == [Anchor(4, 2, i) for i in range(1, 7)]
    expected = {("Prohibition", "不得", ("取水单位",))}
    assert {(s.kind, s.cue, s.addressees) for s in items} == expected


def test_modalities_and_provisions(lex: Lexicon) -> None:
    _, draft = _draft("market.txt", lex)
    kinds = {(str(s.at), s.kind) for s in draft.statements}
    assert {("1.1", "Purpose"), ("2.2", "Permission"), ("3.1", "Permission"),
            ("3.3", "Obligation"), ("4.2", "Permission"), ("6.1", "Commencement")} <= kinds


def test_encouragement_addressee_is_the_party_encouraged(lex: Lexicon) -> None:
    _, draft = _draft("tourism.txt", lex)
    first = next(s for s in draft.statements if s.kind == "Encouragement")
    assert first.addressees == ("企业", "农村集体经济组织", "村民")
    assert first.promoters == ("县级以上人民政府",)


def test_lexicon_is_not_modified(lex: Lexicon) -> None:
    before = len(lex.all("actor"))
    _draft("market.txt", lex)
    assert len(lex.all("actor")) == before


def test_new_terms_are_named_by_their_designation(lex: Lexicon) -> None:
    # a function of the designation alone: no two designations can share an id
    assert names.term_id("actor", "县级以上人民政府税务部门", lex) == "县级以上人民政府税务部门"
    finance = "县级以上人民政府金融管理部门"
    assert names.term_id("actor", finance, lex) == finance
    assert names.term_id("actor", "县级以上人民政府", lex) == "government-county-level-and-above"
    assert names.english("actor", "县级以上人民政府公安部门", lex) == (
        "public security department of people's governments at or above the county level")


@pytest.mark.parametrize("name", ["water.txt", "market.txt", "tourism.txt"])
def test_draft_toml_loads_as_annotations(name: str, lex: Lexicon, tmp_path: Path) -> None:
    regulation, draft = _draft(name, lex)
    path = tmp_path / "x.draft.toml"
    path.write_text(tomlout.render(draft, regulation), encoding="utf-8")
    known = lexicon.load([PROJECT_ROOT / "data" / "lexicon.toml"])
    loaded = annotate.load(path, regulation, known, machine_made=True).statements
    assert len(loaded) == len(draft.statements)
    assert all(s.machine_made for s in loaded)


def test_seed_is_annotated_end_to_end(lex: Lexicon) -> None:
    regulation = parse.read(PROJECT_ROOT / "data" / "gd-industrial-transfer.txt")
    draft = auto(regulation, lex)
    assert len({s.at.article for s in draft.statements}) == len(regulation.articles)
