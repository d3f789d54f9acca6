"""Annotation files: quotes anchored by the build, and every mistake named with its line."""

from __future__ import annotations

import pytest

from kg.config import Settings
from kg.errors import AnnotationError
from kg.source import annotations as annotate
from kg.source import lexicon, parse

GOOD = '''
[[statement]]
at = "2.1"
class = "Obligation"
cue = "应当"
quote = "县级以上人民政府应当加强对示范工作的领导。"
addressee = ["县级以上人民政府"]
action = "加强对示范工作的领导"
'''


def load(settings: Settings, body: str) -> list:
    path = settings.data_dir / "annotations" / "mini.toml"
    path.write_text(body, encoding="utf-8")
    regulation = parse.read(settings.data_dir / "mini.txt")
    return list(annotate.load(path, regulation, lexicon.load([settings.lexicon_file])).statements)


def test_offsets_are_computed_from_the_quote(mini_settings: Settings) -> None:
    body = GOOD.replace("quote = \"县级以上人民政府应当加强对示范工作的领导。\"",
                        "quote = \"应当加强对示范工作的领导\"")
    (statement,) = load(mini_settings, body)
    assert (statement.start, statement.end) == (8, 20)
    assert statement.addressees == ("县级以上人民政府",)


def test_item_inherits_the_cue_of_its_lead_in(mini_settings: Settings) -> None:
    body = ('[[statement]]\nat = "2.2.2"\nclass = "Prohibition"\ncue = "不得"\n'
            'quote = "泄露商业秘密"\naddressee = ["县级以上人民政府有关部门"]\n')
    (statement,) = load(mini_settings, body)
    assert statement.at.item == 2 and statement.start == 0


@pytest.mark.parametrize(("change", "line", "words"), [
    (("加强对示范工作的领导。\"", "加强对示范工作的指导。\""), 3, "quote not found"),
    (("at = \"2.1\"", "at = \"2.9\""), 3, "no such article"),
    (("at = \"2.1\"", "at = \"two\""), 3, "ARTICLE.PARAGRAPH"),
    (("class = \"Obligation\"", "class = \"Duty\""), 3, "class must be one of"),
    (("cue = \"应当\"", "cue = \"必须\""), 3, "cue"),
    (("[\"县级以上人民政府\"]", "[\"县政府\"]"), 3, "not a known actor"),
    (("[\"县级以上人民政府\"]", "[]"), 3, "at least one addressee"),
    (("action = \"加强对示范工作的领导\"", "action = \"加强领导\""), 3, "not an excerpt"),
    (("action =", "acton ="), 3, "unknown key"),
    (("class = \"Obligation\"", "class = Obligation"), 5, "TOML syntax"),
])
def test_mistakes_name_the_file_and_line(mini_settings: Settings, change: tuple[str, str],
                                         line: int, words: str) -> None:
    body = "# header\n" + GOOD.replace(*change)
    with pytest.raises(AnnotationError) as caught:
        load(mini_settings, body)
    assert caught.value.line == line, str(caught.value)
    assert words in caught.value.problem
    assert str(caught.value).startswith(f"{mini_settings.data_dir / 'annotations' / 'mini.toml'}:")


def test_ambiguous_quote_asks_for_occurrence(mini_settings: Settings) -> None:
    body = '[[statement]]\nat = "3.1"\nclass = "Scope"\nquote = "第"\n'
    with pytest.raises(AnnotationError, match="occurs 2 times"):
        load(mini_settings, body)
    (statement,) = load(mini_settings, body + "occurrence = 2\n")
    assert (statement.start, statement.end) == (12, 13)


def test_duplicate_statement_is_refused(mini_settings: Settings) -> None:
    with pytest.raises(AnnotationError, match="merge them"):
        load(mini_settings, GOOD + GOOD)


def test_seed_annotations_anchor_exactly() -> None:
    settings = Settings()
    regulation = parse.read(settings.data_dir / "gd-industrial-transfer.txt")
    statements = annotate.load(settings.annotation_file("gd-industrial-transfer"), regulation,
                               lexicon.load([settings.lexicon_file])).statements
    for statement in statements:
        text = annotate.unit_text(regulation, statement.at)
        assert text[statement.start:statement.end] == statement.quote


def test_every_seed_article_is_annotated() -> None:
    settings = Settings()
    regulation = parse.read(settings.data_dir / "gd-industrial-transfer.txt")
    statements = annotate.load(settings.annotation_file("gd-industrial-transfer"), regulation,
                               lexicon.load([settings.lexicon_file])).statements
    assert {s.at.article for s in statements} == set(range(1, 40))


