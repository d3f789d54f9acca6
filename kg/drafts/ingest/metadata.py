"""A regulation's metadata (data/<slug>.meta.toml) from what its text says: the title,
the jurisdiction its title names, the body that adopted it, its dates and its version
history (every adoption, revision and amendment of the preamble)."""

from __future__ import annotations

import re
from datetime import date

from kg.source.model import Event, Regulation
from kg.source.numerals import to_int
from kg.source.slugs import slug_for, words

VERSION_EVENTS = ("adopted", "revised", "amended")
JURISDICTION = re.compile(r"^(.{2,12}?(?:经济特区|自治区|自治州|自治县|省|市|县|区))")
SUFFIX_EN = (("经济特区", "Special Economic Zone"), ("自治区", "Autonomous Region"),
             ("自治州", "Autonomous Prefecture"), ("自治县", "Autonomous County"),
             ("省", "Province"), ("市", "City"), ("县", "County"), ("区", "District"))
BODY = re.compile(r"^(.*?(?:人民代表大会常务委员会|人民代表大会))(第[^会]*?次会议)?")
COMMENCEMENT = re.compile(r"自(\d{4})年(\d{1,2})月(\d{1,2})日起施行")
NOT_ROMAN = re.compile(r"[^A-Za-z0-9 ]+")


def derive(regulation: Regulation, title: str | None = None) -> dict:
    """Metadata keys for the graph (see data/gd-industrial-transfer.meta.toml)."""
    title = title or regulation.title or regulation.slug
    meta: dict = {"title_zh": title, "title_en": romanised(title)}
    meta.update(_jurisdiction(title))
    meta.update(_adoption(regulation))
    if (start := commencement(regulation)) is not None:
        meta["first_date_entry_in_force"] = start
    history = versions(regulation)
    if len(history) > 1:
        meta["version"] = history
    return meta


def romanised(title: str) -> str:
    """The title in pinyin words, capitalised: the English-facing form of a title that
    has no official translation (广东省公路条例 → Guangdongsheng Gonglu Tiaoli)."""
    from pypinyin import lazy_pinyin

    parts = [NOT_ROMAN.sub("", "".join(lazy_pinyin(word))).capitalize() for word in words(title)]
    return " ".join(part for part in parts if part) or title


def _jurisdiction(title: str) -> dict:
    match = JURISDICTION.match(title)
    if not match:
        return {}
    name = match.group(1)
    en = next((f"{romanised(name[: -len(zh)])} {suffix}" for zh, suffix in SUFFIX_EN
               if name.endswith(zh) and len(name) > len(zh)), romanised(name))
    return {"jurisdiction_zh": name, "jurisdiction_en": en, "jurisdiction_id": slug_for(name)}


def _adoption(regulation: Regulation) -> dict:
    """The latest adoption, revision or amendment: its date and deciding body."""
    events = [e for e in _dated(regulation) if e.kind in VERSION_EVENTS]
    if not events:
        return {}
    latest = max(events, key=lambda e: e.date)
    found: dict = {"date_document": latest.date}
    body = BODY.match(latest.text)
    if body:
        found.update(passed_by_zh=body.group(1), passed_by_en=romanised(body.group(1)),
                     passed_by_id=slug_for(body.group(1)))
        if body.group(2):
            found.update(session_zh=body.group(2), session_en=_session_en(body.group(2)))
    return found


def _session_en(session: str) -> str:
    number = session.removeprefix("第").removesuffix("次会议")
    try:
        return f"session {to_int(number)}"
    except (KeyError, ValueError):
        return session


def commencement(regulation: Regulation) -> date | None:
    """The date of 本条例自…起施行, read from the last articles."""
    for article in reversed(regulation.articles[-3:]):
        for paragraph in article.paragraphs:
            match = COMMENCEMENT.search(paragraph.text)
            if match:
                return _date(*match.groups())
    return None


def versions(regulation: Regulation) -> list[dict]:
    """One [[version]] per dated adoption, revision or amendment, oldest first; the last
    is the current text. A version's date is the date of its act (the preamble rarely
    says when each entered into force)."""
    seen: dict[date, Event] = {}
    for event in _dated(regulation):
        if event.kind in VERSION_EVENTS:
            seen.setdefault(event.date, event)
    return [{"date": day, "adopted": day, "note_zh": seen[day].text}
            for day in sorted(seen)]


def _dated(regulation: Regulation) -> list[Event]:
    preamble = regulation.preamble
    return [e for e in (preamble.events if preamble else ()) if e.date is not None]


def _date(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
