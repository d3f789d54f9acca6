"""The preamble of a published regulation → typed metadata (kg.source.model.Preamble).

Real preambles print the history as dated events, one or several a line, lines often
broken in the middle of an event::

    2003年1月11日 广东省第九届人民代表大会常务委员会第三十九次会议通过
    2008年7月31日 广东省第十一届人民代表大会常务委员会第四次会议修订  根据
    2012年7月26日 …《关于修改〈广东省民营科技企业管理条例〉等二十三项法规的决定》第一次修正
    2019年5月28日 丽水市…会议通过  2019年8月1日 浙江省…会议批准
    1994年10月12日 山东省…会议批准的1994年9月24日青岛市…《关于修改…的决定》第一次修正
    2016年4月20日 宁波市人民代表大会常务委员会公告第17号公布
    2016年7月1日 施行

So the lines are joined, cut before every date, and each piece is one event whose kind
is its last keyword (通过 adopted, 修订 revised, 修正/修改 amended, 批准 approved, 公布
promulgated, 施行 effective). A ``根据`` before a date belongs to the next event.
Full-width digits (２００２年６月２９日) are read as digits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from kg.source.model import Event, Preamble

FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
KINDS = (("公布施行", "promulgated"), ("修正", "amended"), ("修改", "amended"),
         ("修订", "revised"), ("批准", "approved"), ("通过", "adopted"),
         ("公布", "promulgated"), ("施行", "effective"))
KEYWORD = re.compile("|".join(word for word, _ in KINDS))
KIND_OF = dict(KINDS)
# connectors and brackets around an event, as printed: （…通过并经 … 批准的 … 根据
EDGES = " \t\u3000\xa0（）()，,；;、"
TRAILING = ("根据", "并经", "和", "经", "的")
FILE_DATE = re.compile(r"[(（](\d{4})-(\d{2})-(\d{2})[)）]$")


def file_date(stem: str) -> date | None:
    """The date in a corpus file name ``title(YYYY-MM-DD)``, if any."""
    match = FILE_DATE.search(stem)
    return _date(*match.groups()) if match else None


def read(lines: Sequence[tuple[int, str]], title: str | None,
         dated_file: date | None = None) -> Preamble:
    """The preamble of ``lines`` (line number, text); ``dated_file`` is the date in the
    file name, used for the adoption date when the preamble prints no date at all."""
    events = tuple(events_of(lines))
    adoption = next((e for e in events if e.kind == "adopted"), None)
    adopted = adoption.date if adoption else None
    if adopted is None and not any(e.date for e in events):
        adopted = dated_file
    return Preamble(title=title, adopted=adopted,
                    adopted_by=_body(adoption.text) if adoption else None,
                    events=events, file_date=dated_file)


def events_of(lines: Sequence[tuple[int, str]]) -> list[Event]:
    """Every dated event of the joined lines, in printed order."""
    text, starts = _joined(lines)
    dates = list(DATE.finditer(text))
    events = []
    for index, match in enumerate(dates):
        end = dates[index + 1].start() if index + 1 < len(dates) else len(text)
        event = _event(match, text[match.end():end], _line_at(starts, match.start()))
        if event:
            events.append(event)
    return events


def _event(match: re.Match, printed: str, line: int) -> Event | None:
    text = _trim(printed)
    keywords = KEYWORD.findall(text)
    if not keywords:
        return None
    return Event(KIND_OF[keywords[-1]], _date(*match.groups()), text, line)


def _trim(text: str) -> str:
    text = text.strip(EDGES)
    changed = True
    while changed:
        changed = False
        for word in TRAILING:
            if text.endswith(word):
                text, changed = text[: -len(word)].strip(EDGES), True
    return text.removeprefix("经").strip(EDGES)


def _body(text: str) -> str:
    """The adopting body and session as printed: the event text before 审议通过/通过."""
    return re.sub(r"(审议)?通过$", "", text).strip(EDGES)


def _joined(lines: Sequence[tuple[int, str]]) -> tuple[str, list[tuple[int, int]]]:
    """The lines joined (a break may fall inside a date), with where each one starts."""
    parts, starts, offset = [], [], 0
    for number, raw in lines:
        piece = raw.strip().translate(FULL_WIDTH_DIGITS)
        starts.append((offset, number))
        parts.append(piece)
        offset += len(piece)
    return "".join(parts), starts


def _line_at(starts: list[tuple[int, int]], offset: int) -> int:
    line = starts[0][1] if starts else 1
    for start, number in starts:
        if start > offset:
            break
        line = number
    return line


def _date(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
