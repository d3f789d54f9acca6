"""Paragraphs and items (项) of an article, line by line.

Strict (the bookmark format, as it always was): ``（一）…`` is an item when its paragraph
ends in ``：`` or already has items, and items run 1..n. Lenient (published texts): a
line numbered （一）, (一) or (一） is an item wherever it stands, and the list around it
is read the way a careful reader reads it (kg/source/formats/repairs.py names each case).
"""

from __future__ import annotations

import re

from kg.errors import ParseError
from kg.source.formats.drafts import ArticleDraft, ItemDraft, ParagraphDraft
from kg.source.formats.repairs import ITEM, SPACE, Line, N, Repairs
from kg.source.numerals import to_int

STRICT_ITEM = re.compile(rf"^(（({N})）)(.*)$")
# （一）至（三）项所列… / （四）、（五）项… : the line refers to items, it is none
REFERS = re.compile(rf"^[{SPACE}]*[、和或至到及][（(]|^项[所规的中之]")
LEAD_IN_GLUE = re.compile(rf"[：:][{SPACE}]*(?=[（(][{SPACE}]*一[{SPACE}]*[）)])")
NEXT_ITEM = re.compile(rf"(?<=[；;。，,])[{SPACE}]*(?=[（(][{SPACE}]*({N})[{SPACE}]*[）)])")
LEAD_IN_ENDS = ("：", ":")
ITEM_ENDS = ("；", ";", "。")


def strict(article: ArticleDraft, line: Line, source: str) -> None:
    last = article.paragraphs[-1]
    item = STRICT_ITEM.match(line.text)
    if item and (last.items or last.text.rstrip().endswith(LEAD_IN_ENDS)):
        ordinal = to_int(item.group(2))
        if ordinal != len(last.items) + 1:
            raise ParseError(source, line.number, f"item {item.group(1)} out of order in "
                             f"{article.number}: expected item {len(last.items) + 1}")
        last.items.append(ItemDraft(item.group(1), ordinal, item.group(3), line.number))
        return
    article.paragraphs.append(ParagraphDraft(line.text, line.number))


def lenient(article: ArticleDraft, line: Line, repairs: Repairs) -> None:
    """Read one published line into the article: an item, or a paragraph; a line that
    holds several units is cut before each and read piece by piece."""
    item = ITEM.match(line.text)
    if item and REFERS.match(item.group(3)):
        repairs.add(line.number, "not-an-item", f"{line.text[:12]!r} refers to items; "
                    "read as a paragraph")
        item = None
    if item:
        _item_line(article, line, item, repairs)
    else:
        _paragraph_line(article, line, repairs)


def split_first(article: ArticleDraft, line: Line, repairs: Repairs) -> None:
    """Cut items glued to the end of an article's first paragraph off it."""
    first = article.paragraphs[0]
    if glue := LEAD_IN_GLUE.search(first.text):
        first.text, rest = first.text[:glue.start() + 1], first.text[glue.end():]
        repairs.add(line.number, "item-glued-to-lead-in",
                    "items glued to the end of their lead-in; split off")
        lenient(article, Line(line.number, rest), repairs)


def _item_line(article: ArticleDraft, line: Line, item: re.Match, repairs: Repairs) -> None:
    ordinal, text = to_int(item.group(2)), item.group(3)
    rest = ""
    for glued in NEXT_ITEM.finditer(text):
        if to_int(glued.group(1)) == ordinal + 1:
            text, rest = text[:glued.start()], text[glued.end():]
            break
    if "(" in item.group(1) or ")" in item.group(1):
        repairs.add(line.number, "ascii-brackets", f"item numbered {item.group(1)!r}")
    place(article, ItemDraft(item.group(1), ordinal, text, line.number), repairs)
    if rest:
        repairs.add(line.number, "items-on-one-line", "several items on one line; split")
        lenient(article, Line(line.number, rest), repairs)


def _paragraph_line(article: ArticleDraft, line: Line, repairs: Repairs) -> None:
    text = line.text
    if glue := LEAD_IN_GLUE.search(text):
        article.paragraphs.append(ParagraphDraft(text[:glue.start() + 1], line.number))
        repairs.add(line.number, "item-glued-to-lead-in",
                    "items glued to the end of their lead-in; split off")
        lenient(article, Line(line.number, text[glue.end():]), repairs)
        return
    for glued in NEXT_ITEM.finditer(text):
        article.paragraphs.append(ParagraphDraft(text[:glued.start()], line.number))
        if _fits(article, to_int(glued.group(1))):
            repairs.add(line.number, "items-on-one-line", "an item glued to the end of the "
                        "line before it (itself an unnumbered item); split")
            lenient(article, Line(line.number, text[glued.end():]), repairs)
            return
        article.paragraphs.pop()
    article.paragraphs.append(ParagraphDraft(text, line.number))


def _fits(article: ArticleDraft, ordinal: int) -> bool:
    """Would item ``ordinal`` continue a list here without a gap?"""
    paragraphs = article.paragraphs
    listed = _last_list(article)
    if listed is None:
        return ordinal == 1 or _unnumbered_before(paragraphs, ordinal - 1)
    after = len(paragraphs) - 1 - listed
    return ordinal in (1, paragraphs[listed].items[-1].ordinal + 1 + after)


def _last_list(article: ArticleDraft) -> int | None:
    return next((i for i in range(len(article.paragraphs) - 1, -1, -1)
                 if article.paragraphs[i].items), None)


def place(article: ArticleDraft, item: ItemDraft, repairs: Repairs) -> None:
    """Put an item where a careful reader puts it (see the module's docstring)."""
    paragraphs, listed = article.paragraphs, _last_list(article)
    known = paragraphs[listed].items[-1].ordinal if listed is not None else 0
    after = len(paragraphs) - 1 - listed if listed is not None else 0
    if listed is not None and after == 0 and item.ordinal > known:
        _append(paragraphs[listed], item, known, repairs)
    elif listed is not None and after and item.ordinal == known + 1:
        _continue_item(article, listed, repairs)
        paragraphs[listed].items.append(item)
    elif (listed is not None and after and item.ordinal == known + 1 + after
          and _unnumbered_before(paragraphs, after, lead_in=False)):
        _number_the_unnumbered(article, listed, after, repairs)
        paragraphs[listed].items.append(item)
    elif item.ordinal == 1 and not paragraphs[-1].items:
        _start_list(paragraphs[-1], repairs)
        paragraphs[-1].items.append(item)
    elif listed is None and _unnumbered_before(paragraphs, item.ordinal - 1):
        lead_in = len(paragraphs) - item.ordinal
        _number_the_unnumbered(article, lead_in, item.ordinal - 1, repairs)
        paragraphs[lead_in].items.append(item)
    else:
        _out_of_order(article, item, known, repairs)


def _unnumbered_before(paragraphs: list[ParagraphDraft], count: int,
                       lead_in: bool = True) -> bool:
    """Can the last ``count`` paragraphs be items printed without numbers? They end like
    items (；), after a lead-in that ends in ：."""
    if len(paragraphs) < count + int(lead_in) or count < 1:
        return False
    if lead_in and not paragraphs[-count - 1].text.endswith(LEAD_IN_ENDS):
        return False
    return all(p.text.endswith(ITEM_ENDS) for p in paragraphs[-count:])


def _append(paragraph: ParagraphDraft, item: ItemDraft, known: int, repairs: Repairs) -> None:
    if item.ordinal > known + 1:
        repairs.add(item.line, "item-gap", f"item numbers jump to {item.number}: item "
                    f"{known + 1} is missing")
    paragraph.items.append(item)


def _continue_item(article: ArticleDraft, listed: int, repairs: Repairs) -> None:
    """The paragraphs after a list's last item, before its next one, are more of it."""
    last = article.paragraphs[listed].items[-1]
    for paragraph in article.paragraphs[listed + 1:]:
        repairs.add(paragraph.line, "item-continued", f"a line between items {last.ordinal} "
                    f"and {last.ordinal + 1}; read as more of item {last.ordinal}")
        last.text += "\n" + paragraph.text
    del article.paragraphs[listed + 1:]


def _number_the_unnumbered(article: ArticleDraft, lead_in: int, count: int,
                           repairs: Repairs) -> None:
    """The ``count`` paragraphs after ``lead_in`` are items printed without numbers."""
    paragraphs = article.paragraphs
    head = paragraphs[lead_in]
    if not head.items:
        _start_list(head, repairs)
    for paragraph in paragraphs[lead_in + 1:lead_in + 1 + count]:
        ordinal = (head.items[-1].ordinal if head.items else 0) + 1
        head.items.append(ItemDraft("", ordinal, paragraph.text, paragraph.line))
        repairs.add(paragraph.line, "unnumbered-items",
                    f"item {ordinal} of the list is printed without its number")
    del paragraphs[lead_in + 1:lead_in + 1 + count]


def _start_list(lead_in: ParagraphDraft, repairs: Repairs) -> None:
    if not lead_in.text.endswith(LEAD_IN_ENDS):
        repairs.add(lead_in.line, "lead-in-punctuation",
                    f"the lead-in of a list ends in {lead_in.text[-1]!r}, not '：'")


def _out_of_order(article: ArticleDraft, item: ItemDraft, known: int,
                  repairs: Repairs) -> None:
    paragraph = article.paragraphs[-1]
    if paragraph.items or item.ordinal <= known:
        raise ParseError(repairs.source, item.line, f"item {item.number} out of order in "
                         f"{article.number}: expected item {known + 1}; renumber the list")
    _start_list(paragraph, repairs)
    _append(paragraph, item, 0, repairs)
