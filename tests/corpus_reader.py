"""A small, separate reader of the corpus Markdown that counts articles, paragraphs and
items by plain line rules. It shares no code with kg/source: tests/test_corpus_parse.py
compares its counts with the parser's on every file of /work/shared/corpus.

The rules, as a person counting by hand would apply them:
1. The body is what follows ``<!-- INFO END -->``; blank lines, zero-width spaces and
   HTML comments do not count. Nothing before the first ``第N条`` line is counted; when
   that is not 第一条 and text stands before it, the file cannot be read.
2. A line starting ``第N条`` (a space may stand inside: 第七十五 条) starts an article when
   N is the next number, or a larger one unless the line runs on like a reference
   (第十二条规定…). Where numbers jump, ``第N条`` for the missing N inside an earlier line
   of the article (not after 本条例/依照/、…) starts it there.
3. Headings do not count: ``#`` lines, ``第N章``/``第N节`` lines, and short lines with
   no punctuation at their end standing just before an article or a heading.
4. A line ending in a character (no punctuation) continues on the next line, unless
   that one starts an article, item or heading.
5. An item line starts with （N）, (N), (N） or （N); ``（一）至（三）项…`` is none. A line
   holding ``…： （一）…`` or ``…； （N+1）…`` is cut before the item.
6. Items: N = 1 starts a list under the paragraph before. N = last + 1 continues the
   list (lines between belong to the last item). N = last + 1 + k after k paragraphs,
   or N = k + 1 after a paragraph ending in ：and k paragraphs ending in ；, makes those
   k paragraphs items without numbers. Anything else is a numbered item all the same.
"""

from __future__ import annotations

import re

NUM = "一二三四五六七八九十百千零〇两"
VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
ART = re.compile(rf"^第([{NUM}]+)\s*条(.*)")
ITEM = re.compile(rf"^[（(]\s*([{NUM}]+)\s*[）)]")
HEAD = re.compile(rf"^第[{NUM}]+[章节]")
ENDS = "。；;：:，,、！？!?."
REF_AFTER = "规第的之至、和或中所款项及以，。；：（"
REF_BEFORE = "例照据反、和或及至法》第"


def number(numeral: str) -> int:
    total, digit = 0, 0
    for ch in numeral:
        if ch in "十百千":
            total += (digit or 1) * {"十": 10, "百": 100, "千": 1000}[ch]
            digit = 0
        else:
            digit = VALUE[ch]
    return total + digit


def numeral(value: int) -> str:
    """Only what the corpus needs (1..299)."""
    names = "零一二三四五六七八九"
    hundreds, tens, ones = value // 100, value // 10 % 10, value % 10
    text = names[hundreds] + "百" if hundreds else ""
    if tens:
        text += ("" if tens == 1 and not hundreds else names[tens]) + "十"
    elif hundreds and ones:
        text += "零"
    return text + (names[ones] if ones else "")


def word_end(text: str) -> bool:
    return "\u4e00" <= text[-1] <= "\u9fff" or text[-1].isalnum()


def starts(line: str) -> bool:
    short_head = HEAD.match(line) and len(line) <= 40 and not line.endswith(tuple(ENDS))
    return bool(line.startswith("#") or ART.match(line) or ITEM.match(line) or short_head)


def body_lines(markdown: str) -> list[str]:
    body = markdown.split("<!-- INFO END -->", 1)[-1] if "<!-- INFO END -->" in markdown \
        else markdown
    lines = [raw.strip(" \t\u3000\xa0\u200b\ufeff") for raw in body.splitlines()]
    lines = [line for line in lines if line and not line.startswith("<!--")]
    first = next((i for i, line in enumerate(lines) if ART.match(line)), None)
    if first is None:
        return []
    text_before = [line for line in lines[:first] if not starts(line) and not _bare(line)
                   and not re.search(r"\d{4}\s*年|通过）$", line) and len(line) > 1]
    if number(ART.match(lines[first]).group(1)) != 1 and text_before:
        return []  # the first articles have lost their numbers: no reading
    return lines[first:]


def without_headings(lines: list[str]) -> list[str]:
    kept = []
    for i, line in enumerate(lines):
        if line.startswith("#") or (HEAD.match(line) and starts(line)):
            continue
        j = i
        while j < len(lines) and _bare(lines[j]):
            j += 1
        k = i
        while k > 0 and _bare(lines[k - 1]):
            k -= 1
        prev_closed = k == 0 or lines[k - 1].endswith(tuple(ENDS)) or lines[k - 1][0] == "#" \
            or bool(HEAD.match(lines[k - 1]))
        if j > i and j < len(lines) and starts(lines[j]) and not ITEM.match(lines[j]) \
                and prev_closed:
            continue
        kept.append(line)
    return kept


def _bare(line: str) -> bool:
    return len(line) <= 30 and word_end(line) and "。" not in line and not starts(line)


def joined(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if out and word_end(out[-1]) and not starts(line) and not HEAD.match(out[-1]):
            out[-1] += line
        else:
            out.append(line)
    return out


def articles(lines: list[str]) -> list[list[str]]:
    """The lines of each article (its first line without 第N条)."""
    found: list[list[str]] = []
    last = 0
    for line in lines:
        match = ART.match(line)
        if match:
            value = number(match.group(1))
            runs_on = not re.match(rf"^第[{NUM}]+条[ \u3000]", line) and \
                match.group(2)[:1] in tuple(REF_AFTER)
            if value == last + 1 or (value > last and not runs_on):
                while found and value > last + 1 and _glued(found[-1], last + 1, found):
                    last += 1
                found.append([match.group(2).strip(" \u3000")])
                last = value
                continue
        found[-1].append(line)
    return found


def _glued(article: list[str], value: int, found: list[list[str]]) -> bool:
    heading = f"第{numeral(value)}条"
    for index, line in enumerate(article):
        for match in re.finditer(heading, line):
            before = line[match.start() - 1] if match.start() else ""
            after = line[match.end():match.end() + 1]
            if (index == 0 and match.start() == 0) or before in REF_BEFORE or (
                    after and after in REF_AFTER):
                continue
            rest = [line[match.end():], *article[index + 1:]]
            article[index:] = [line[:match.start()]] if line[:match.start()].strip() else []
            found.append(rest)
            return True
    return False


def units(article: list[str]) -> tuple[int, int]:
    """(paragraphs, items) of one article."""
    pieces: list[str] = []
    for line in article:
        pieces.extend(_cut(line))
    paragraphs: list[list[int]] = []  # per paragraph: its items' numbers (0 = unnumbered)
    ends: list[str] = []
    for piece in pieces:
        item = ITEM.match(piece)
        if item and re.match(r"^([、和或至到及][（(]|项[所规的中之])", piece[item.end():]):
            item = None
        if not item:
            paragraphs.append([])
            ends.append(piece[-1])
            continue
        _place(paragraphs, ends, number(item.group(1)))
    return len(paragraphs), sum(len(p) for p in paragraphs)


def _cut(line: str) -> list[str]:
    match = re.search(r"[：:]\s*(?=[（(]\s*一\s*[）)])", line)
    if match:
        return [line[:match.start() + 1], *_cut(line[match.end():])]
    item = ITEM.match(line)
    for glued in re.finditer(rf"(?<=[；;。，,])\s*(?=[（(]\s*([{NUM}]+)\s*[）)])", line):
        value = number(glued.group(1))
        if (item and value == number(item.group(1)) + 1) or (not item and value > 1
                                                              and line[glued.start() - 1] == "；"):
            return [line[:glued.start()], *_cut(line[glued.end():])]
    return [line]


def _place(paragraphs: list[list[int]], ends: list[str], value: int) -> None:
    listed = max((i for i, p in enumerate(paragraphs) if p), default=None)
    if listed is not None:
        after = len(paragraphs) - 1 - listed
        last = paragraphs[listed][-1]
        if value == last + 1 or (after == 0 and value > last) or (
                value == last + 1 + after and all(e in "；;。" for e in ends[listed + 1:])):
            paragraphs[listed].extend([0] * (after if value != last + 1 else 0) + [value])
            del paragraphs[listed + 1:], ends[listed + 1:]
            return
    k = value - 1
    if listed is None and k and len(paragraphs) > k and ends[-k - 1] in "：:" and all(
            e in "；;。" for e in ends[-k:]):
        paragraphs[-k - 1].extend([0] * k + [value])
        del paragraphs[-k:], ends[-k:]
        return
    paragraphs[-1].append(value)


def count(markdown: str) -> tuple[int, int, int] | None:
    """(articles, paragraphs, items), or None when the file has no article."""
    lines = body_lines(markdown)
    if not lines:
        return None
    found = articles(joined(without_headings(lines)))
    paragraphs = items = 0
    for article in found:
        p, i = units(article)
        paragraphs, items = paragraphs + p, items + i
    return len(found), paragraphs, items
