"""Property-based fuzzing of the parser and the annotator, bounded in time."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.config import PROJECT_ROOT
from kg.drafts.annotator import annotate as auto
from kg.drafts.ingest import drafttoml as tomlout
from kg.errors import ParseError
from kg.source import annotations as annotate
from kg.source import lexicon, parse
from kg.source.numerals import from_int

LEX = lexicon.load([PROJECT_ROOT / "data" / "lexicon.toml"])
BOUNDED = settings(max_examples=60, deadline=2000,
                   suppress_health_check=[HealthCheck.too_slow])

SUBJECTS = ["县级以上人民政府", "省人民政府及有关部门", "地级以上市、县级人民政府", "企业",
            "公民、法人和其他组织", "乡镇人民政府", "", "前款所称单位，", "产业承接载体",
            "县级以上人民政府公安、交通运输等部门"]
CUES = ["应当", "不得", "可以", "有权", "鼓励", "支持和引导", "负责", "禁止", "必须", ""]
ACTIONS = ["加强管理", "建立健全协调机制", "依照本条例第一条规定办理", "依照前款执行",
           "按照本条第一款实施", "企业参与", "根据《中华人民共和国水法》处理",
           "有下列行为：", "，并报告", "产业承接地和产业转出地合作"]
TAILS = ["。", "；", "", "，支持企业发展。"]
JUNK = st.text(alphabet="第条章（）一二三四五六七八九十。，、：；abc \u3000", max_size=20)


@st.composite
def sentence(draw: st.DrawFn) -> str:
    return (draw(st.sampled_from(SUBJECTS)) + draw(st.sampled_from(CUES))
            + draw(st.sampled_from(ACTIONS)) + draw(st.sampled_from(TAILS)))


@st.composite
def regulation_text(draw: st.DrawFn) -> str:
    chapters = draw(st.booleans())
    lines: list[str] = []
    n_articles = draw(st.integers(1, 6))
    for n in range(1, n_articles + 1):
        if chapters and (n == 1 or draw(st.booleans())):
            ordinal = sum(1 for line in lines if line.startswith("第") and "章" in line[:5]) + 1
            lines.append(f"第{from_int(ordinal)}章　标题")
        body = draw(sentence()) or "本条例自2026年1月1日起施行。"
        lines.append(f"[bookmark: 第{from_int(n)}条]第{from_int(n)}条　{body}")
        for _ in range(draw(st.integers(0, 2))):
            paragraph = draw(sentence()) or "其他事项。"
            lines.append(paragraph)
            if paragraph.endswith("："):
                for i in range(1, draw(st.integers(1, 6)) + 1):
                    lines.append(f"（{from_int(i)}）{draw(sentence()) or '事项'}")
    return "\n".join(lines) + "\n"


@BOUNDED
@given(regulation_text())
def test_well_formed_regulations_parse_and_annotate(text: str) -> None:
    regulation = parse.parse_text(text, slug="fuzz")
    draft = auto(regulation, LEX)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.draft.toml"
        path.write_text(tomlout.render(draft, regulation), encoding="utf-8")
        loaded = annotate.load(path, regulation, LEX, machine_made=True).statements
    assert len(loaded) == len(draft.statements)
    assert all(s.addressees for s in loaded if s.is_norm)


@BOUNDED
@given(regulation_text(), st.integers(2, 9))
def test_skipped_article_is_reported_at_its_line(text: str, skip: int) -> None:
    lines = text.splitlines()
    articles = [i for i, line in enumerate(lines) if "条　" in line and "[bookmark" in line]
    if len(articles) < 2:
        return
    index = articles[1]
    lines[index] = lines[index].replace("第二条", f"第{from_int(skip + 1)}条", 2)
    with pytest.raises(ParseError) as caught:
        parse.parse_text("\n".join(lines), slug="fuzz")
    assert caught.value.line == index + 1


@BOUNDED
@given(JUNK, st.text(max_size=40))
def test_arbitrary_text_parses_or_fails_with_parse_error(prefix: str, body: str) -> None:
    for text in (prefix + body, "第一条　" + body, body):
        try:
            regulation = parse.parse_text(text, slug="fuzz")
        except ParseError as exc:
            assert exc.line is None or exc.line >= 1
            continue
        auto(regulation, LEX)
