"""Formats and encodings: every form a regulation comes in parses to the same units.

The GB18030 and DOCX files are made here, in tmp_path, from a real corpus regulation
(北京市节水条例: a table of contents, chapters, sections and items); python-docx writes
the DOCX the way the national database publishes one (title, preamble in brackets, then
one paragraph a line, no Markdown).
"""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest
from docx import Document
from rdflib import Graph, Literal, URIRef

from kg.check import reason, validate
from kg.config import PROJECT_ROOT, SLUG, Settings
from kg.errors import ParseError
from kg.graph.iris import Iris
from kg.graph.regulation import regulation_graph
from kg.namespaces import DEFAULT_BASE, DG, ELI, RDF
from kg.source import parse
from kg.source.lexicon import Lexicon
from kg.source.model import Regulation
from kg.source.slugs import slug_for
from kg.source.sources import Source

CORPUS = PROJECT_ROOT.parent / "shared" / "corpus"
SAVING = CORPUS / "beijing" / "北京市节水条例(2022-11-25).md"


def units(regulation: Regulation) -> list[tuple]:
    """Everything a unit is: numbers, ordinals, structure and exact texts."""
    return [(a.number, a.ordinal, a.chapter, a.section,
             [(p.ordinal, p.text, [(i.number, i.ordinal, i.text) for i in p.items])
              for p in a.paragraphs]) for a in regulation.articles]


def structure(regulation: Regulation) -> tuple:
    return ([(c.number, c.ordinal, c.title) for c in regulation.chapters],
            [(s.number, s.ordinal, s.chapter, s.title) for s in regulation.sections])


@pytest.fixture(scope="module")
def saving_text() -> str:
    if not SAVING.exists():
        pytest.skip(f"the corpus is not here ({CORPUS}): no real regulation to convert")
    return SAVING.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def saving(saving_text: str) -> Regulation:
    return parse.read(SAVING)


def test_the_markdown_reads_its_table_of_contents_away(saving: Regulation) -> None:
    assert saving.format == "markdown" and saving.title == "北京市节水条例"
    assert saving.slug == "beijingshi-jieshui-tiaoli"
    chapters, sections = structure(saving)
    assert [c[0] for c in chapters] == ["第一章", "第二章", "第三章", "第四章", "第五章", "第六章"]
    assert [(s[0], s[2]) for s in sections] == [("第一节", 3), ("第二节", 3), ("第三节", 3),
                                                ("第四节", 3)]
    assert len(saving.articles) == max(a.ordinal for a in saving.articles)
    assert any(a.section == 2 and a.chapter == 3 for a in saving.articles)


def test_gb18030_parses_like_utf8(tmp_path: Path, saving_text: str,
                                  saving: Regulation) -> None:
    path = tmp_path / SAVING.name
    path.write_bytes(saving_text.encode("gb18030"))
    again = parse.read(path)
    assert units(again) == units(saving) and structure(again) == structure(saving)
    assert again.preamble == saving.preamble


def test_utf8_with_bom_parses_like_utf8(tmp_path: Path, saving_text: str,
                                        saving: Regulation) -> None:
    path = tmp_path / SAVING.name
    path.write_bytes(b"\xef\xbb\xbf" + saving_text.encode("utf-8"))
    assert units(parse.read(path)) == units(saving)


def national_docx(markdown: str, path: Path) -> Path:
    """The regulation as the national database's DOCX: title, the preamble in brackets,
    then each line of the text as a paragraph (headings without Markdown marks)."""
    head, body = markdown.split("<!-- INFO END -->")
    title, *preamble = [line for line in head.splitlines() if line.strip()]
    document = Document()
    document.add_paragraph(title.removeprefix("# "))
    document.add_paragraph("（" + "　".join(preamble) + "）")
    for line in body.splitlines():
        if line.strip():
            document.add_paragraph(re.sub(r"^#+\s*", "", line))
    document.save(path)
    return path


def test_docx_parses_like_the_markdown(tmp_path: Path, saving_text: str,
                                       saving: Regulation) -> None:
    read = parse.read(national_docx(saving_text, tmp_path / "节水条例.docx"))
    assert read.format == "docx" and read.title == "北京市节水条例"
    assert units(read) == units(saving) and structure(read) == structure(saving)
    assert read.preamble.adopted == saving.preamble.adopted is not None


def test_plain_text_as_published(tmp_path: Path, saving_text: str,
                                 saving: Regulation) -> None:
    """The same text as plain text with full-width spaces after the article numbers."""
    head, body = saving_text.split("<!-- INFO END -->")
    title, *preamble = [line for line in head.splitlines() if line.strip()]
    lines = [title.removeprefix("# "), *preamble, "目　　录"]
    lines += [re.sub(r"^(第[一二三四五六七八九十百]+条) ", r"\1　", re.sub(r"^#+\s*", "", line))
              for line in body.splitlines()]
    path = tmp_path / "节水条例.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    read = parse.read(path)
    assert read.format == "plain"
    assert units(read) == units(saving) and structure(read) == structure(saving)
    assert {a.separator for a in read.articles} == {"\u3000"}


@pytest.mark.parametrize("separator", [" ", "\u3000", ""])
def test_plain_text_with_any_separator(tmp_path: Path, separator: str) -> None:
    text = (f"某某市养犬管理条例\n（2020年1月1日某某市人民代表大会常务委员会第一次会议通过）\n"
            f"第一条{separator}为了规范养犬行为，制定本条例。\n"
            f"第二条{separator}养犬人应当遵守下列规定：\n（一）携犬出户时束犬链；\n（二）及时清除犬只粪便。\n")
    path = tmp_path / "dogs.txt"
    path.write_text(text, encoding="utf-8")
    read = parse.read(path)
    assert read.title == "某某市养犬管理条例" and read.format == "plain"
    assert [p.text for _, p in read.paragraphs()] == ["为了规范养犬行为，制定本条例。",
                                                     "养犬人应当遵守下列规定："]
    assert [i.text for i in read.article(2).paragraphs[0].items] == ["携犬出户时束犬链；",
                                                                    "及时清除犬只粪便。"]
    assert read.preamble.adopted_by == "某某市人民代表大会常务委员会第一次会议"
    first_line = read.published_text().splitlines()[0]
    assert first_line == f"第一条{separator}为了规范养犬行为，制定本条例。"


def test_a_byte_that_is_neither_utf8_nor_gb18030_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes("第一条　甲。\n第二条　乙。\n".encode("gb18030") + b"\xff\xfe\n")
    with pytest.raises(ParseError) as caught:
        parse.read(path)
    assert caught.value.line == 3 and "GB18030" in caught.value.problem
    assert f"{path}:3" in str(caught.value)


def test_an_example_in_a_fenced_block_is_not_read_as_text(tmp_path: Path) -> None:
    """The corpus README quotes a regulation in a code block; ingesting the corpus
    folder with it made it a regulation of one article. A fence is never text."""
    path = tmp_path / "README.md"
    path.write_text("# A corpus of real local regulations\n\n## The format\n```\n"
                    "# 广东省公路条例\n\n<!-- INFO END -->\n第一条 为加强公路的建设，制定本条例。\n"
                    "```\n- `第X条 ` starts an article\n", encoding="utf-8")
    with pytest.raises(ParseError, match="no articles"):
        parse.read(path)


def test_a_damaged_docx_is_a_parse_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip file")
    with pytest.raises(ParseError) as caught:
        parse.read(path)
    assert "DOCX" in caught.value.problem and str(path) in str(caught.value)


def test_bookmark_format_is_detected_and_read_as_before() -> None:
    seed = parse.read(PROJECT_ROOT / "data" / "gd-industrial-transfer.txt")
    assert seed.format == "bookmark" and seed.slug == "gd-industrial-transfer"
    assert seed.title is None and seed.preamble is None and seed.warnings == ()


@pytest.mark.parametrize(("title", "slug"), [
    ("广东省家政服务条例", "guangdongsheng-jiazheng-fuwu-tiaoli"),
    ("广东省机动车排气污染防治条例", "guangdongsheng-jidongche-paiqi-wuran-fangzhi-tiaoli"),
    ("广东省实施《消防法》办法", "guangdongsheng-shishi-xiaofangfa-banfa"),
])
def test_slugs_are_the_pinyin_of_the_title_words(title: str, slug: str) -> None:
    assert slug_for(title) == slug


def test_a_title_too_long_for_an_id_keeps_its_first_words_and_a_digest() -> None:
    """A real Beijing title whose pinyin is 148 letters: it was refused at ingest."""
    title = ("北京市各级人民代表大会常务委员会听取和审议人民政府、人民法院和人民检察院"
             "专项工作报告办法")
    slug = slug_for(title)
    assert SLUG.fullmatch(slug) and len(slug) <= 120
    assert slug.startswith("beijingshi-geji-renmindaibiaodahuichangwuweiyuanhui-tingqu-he-")
    assert slug == slug_for(title) != slug_for(title.replace("专项工作报告", "工作报告"))


def test_jieba_prints_nothing(capfd: pytest.CaptureFixture[str]) -> None:
    slug_for("深圳经济特区数据条例")
    assert capfd.readouterr().err == ""


SECTIONED = """# 测试节条例

2020年1月1日 测试市人民代表大会常务委员会第一次会议通过

<!-- INFO END -->
## 第一章 总则

第一条 为了测试，制定本条例。

## 第二章 管理

### 第一节 一般规定

第二条 有关部门应当加强管理。

### 第二节 特别规定

第三条 企业应当遵守下列规定：

（一）依法经营；

（二）诚实守信。
"""


@pytest.fixture(scope="module")
def sectioned() -> tuple[Regulation, object]:
    regulation = parse.parse_text(SECTIONED, source="t.md", slug="t")
    source = source_of(regulation, {"title_zh": "测试节条例", "title_en": "Test Sections"})
    return regulation, regulation_graph(source, Lexicon(), Iris())


def source_of(regulation: Regulation, meta: dict) -> Source:
    """A Source with nothing but the text and its titles (no versions, no annotations)."""
    empty = {"Lexicon": Lexicon, "tuple": tuple, "dict": dict}
    values = {f.name: next(make() for kind, make in empty.items() if kind in str(f.type))
              for f in fields(Source) if f.name not in ("regulation", "meta")}
    return Source(regulation=regulation, meta=meta, **values)


def test_sections_in_the_graph(sectioned: tuple) -> None:
    _, graph = sectioned
    base = f"{DEFAULT_BASE}reg/t/"
    section = URIRef(base + "chp_2__sec_2")
    assert (section, RDF.type, DG.Section) in graph
    assert (section, ELI.is_part_of, URIRef(base + "chp_2")) in graph
    assert (section, DG.ordinal, Literal(2)) in graph
    assert (section, ELI.number, Literal("第二节")) in graph
    assert (section, ELI.title, Literal("特别规定", lang="zh")) in graph
    assert (section, DG.eId, Literal("chp_2__sec_2")) in graph
    assert (URIRef(base + "art_3"), ELI.is_part_of, section) in graph
    assert (URIRef(base + "art_1"), ELI.is_part_of, URIRef(base + "chp_1")) in graph
    assert set(graph.objects(URIRef(base + "art_3"), ELI.is_part_of)) == {section}


def test_a_sectioned_regulation_conforms_to_the_shapes(sectioned: tuple) -> None:
    _, graph = sectioned
    settings = Settings.from_env()
    ontology = Graph().parse(settings.ontology_file, format="turtle")
    merged = Graph()
    for part in (ontology, graph, reason.infer(graph, ontology, DEFAULT_BASE)):
        merged += part
    report = validate.run(merged, Graph().parse(settings.shapes_file, format="turtle"))
    assert report.conforms, report.text()


def test_a_file_named_by_its_slug_keeps_it(tmp_path: Path) -> None:
    text = "# 广东省家政服务条例\n\n<!-- INFO END -->\n\n第一条 为了规范家政服务，制定本条例。\n"
    for name, slug in (("jiazheng.md", "jiazheng"),
                       ("广东省家政服务条例(2023-03-30).md",
                        "guangdongsheng-jiazheng-fuwu-tiaoli")):
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert parse.read(tmp_path / name).slug == slug
    assert parse.read(tmp_path / name, slug="given").slug == "given"
