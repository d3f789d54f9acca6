"""Every file of the real corpus (shared/corpus: 86 of Guangdong, 1,719 of five other
provinces) against a separate reader (tests/corpus_reader.py, plain line rules, no code
of kg/source): each file with articles parses to the same number of articles,
paragraphs and items; each file it cannot read is refused with file:line and a hint;
and the units of every parsed file hold every character of its body, in order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.config import PROJECT_ROOT
from kg.errors import ParseError
from kg.source import parse
from kg.source.model import Regulation
from tests import corpus_reader

CORPUS = PROJECT_ROOT.parent / "shared" / "corpus"
PROVINCES = ("guangdong", "beijing", "shanghai", "shandong", "henan", "zhejiang")
SIZES = {"guangdong": 86, "beijing": 186, "shanghai": 233, "shandong": 472, "henan": 418,
         "zhejiang": 410}
HINTS = ("a decision or resolution", "only its title and preamble", "lost their numbers")


def files(province: str) -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip(f"no corpus at {CORPUS}: the corpus test needs shared/corpus")
    return sorted((CORPUS / province).glob("*.md"))


def counts(regulation: Regulation) -> tuple[int, int, int]:
    paragraphs = regulation.paragraphs()
    return len(regulation.articles), len(paragraphs), sum(len(p.items) for _, p in paragraphs)


def squeezed(text: str) -> str:
    return re.sub(r"[\s\u200b\ufeff]+", "", text)


def problems(path: Path) -> list[str]:
    """What is wrong with the parse of one file (nothing, when it is right)."""
    text = path.read_text(encoding="utf-8")
    expected = corpus_reader.count(text)
    try:
        regulation = parse.read(path)
    except ParseError as error:
        if expected is not None:
            return [f"{error} (the reader counts {expected})"]
        if not error.line or not any(hint in error.problem for hint in HINTS):
            return [f"refused without a line and a hint: {error}"]
        return []
    if expected is None:
        return [f"parsed, but the reader finds no reading: {counts(regulation)}"]
    found = []
    if counts(regulation) != expected:
        found.append(f"parser {counts(regulation)} != reader {expected}")
    body = "".join(corpus_reader.without_headings(corpus_reader.body_lines(text)))
    if squeezed(regulation.published_text()) != squeezed(body):
        found.append("the units do not hold exactly the characters of the body")
    lines = text.count("\n") + 1
    found += [f"warning outside the file: {w}" for w in regulation.warnings
              if w.file != str(path) or not 1 <= (w.line or 1) <= lines]
    return found


@pytest.mark.parametrize("province", PROVINCES)
def test_every_file_of_the_province(province: str) -> None:
    paths = files(province)
    assert len(paths) == SIZES[province]
    wrong = {path.name: found for path in paths if (found := problems(path))}
    assert not wrong, f"{len(wrong)} files: " + "; ".join(
        f"{name}: {found}" for name, found in list(wrong.items())[:10])


def test_refusals_name_the_line_and_say_why() -> None:
    """A preamble-only file (guangdong/汕头经济特区突发公共卫生事件应急条例) is refused at the
    end of its preamble, saying so."""
    path = files("guangdong")[0].parent / "汕头经济特区突发公共卫生事件应急条例(2022-05-30).md"
    with pytest.raises(ParseError) as caught:
        parse.read(path)
    marker = path.read_text(encoding="utf-8").splitlines().index("<!-- INFO END -->") + 1
    assert caught.value.line == marker
    assert str(caught.value).startswith(f"{path}:{marker}: no articles")
    assert "only its title and preamble" in caught.value.problem
