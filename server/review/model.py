"""What the review screen shows, as plain dicts (JSON for the script, data for Jinja)."""

from __future__ import annotations

from kg.review import progress
from kg.review.workspace import Item, Workspace
from kg.source.lexicon import Lexicon
from kg.source.statements import Statement
from server.review import consequences

STATUS_ZH = {"Draft": "待审", "Confirmed": "已确认", "Corrected": "已更正",
             "Added": "审核新增", "Rejected": "已驳回"}
CLASS_ZH = {"Obligation": "义务", "Prohibition": "禁止", "Permission": "授权",
            "Encouragement": "倡导", "Purpose": "立法目的", "Scope": "适用范围",
            "Definition": "定义", "Commencement": "施行日期", "Liability": "法律责任"}


def units(workspace: Workspace) -> list[dict]:
    """Each paragraph and item, with the number to print before it."""
    found = []
    for article, paragraph in workspace.regulation.paragraphs():
        number = article.number if paragraph.ordinal == 1 else ""
        found.append({"at": f"{article.ordinal}.{paragraph.ordinal}", "number": number,
                      "text": paragraph.text, "item": False})
        found += [{"at": f"{article.ordinal}.{paragraph.ordinal}.{item.ordinal}",
                   "number": item.number, "text": item.text, "item": True}
                  for item in paragraph.items]
    return found


def item(entry: Item) -> dict:
    shown = entry.shown
    draft = entry.draft
    return {"key": entry.key, "status": entry.status, "status_zh": STATUS_ZH[entry.status],
            "at": str(shown.at), "start": shown.start, "end": shown.end,
            "quote": shown.quote, **statement(shown),
            "draft": statement(draft) if draft else None,
            "confidence": draft.confidence if draft else None,
            "rule": draft.rule if draft else None}


def statement(st: Statement) -> dict:
    return {"class": st.kind, "class_zh": CLASS_ZH[st.kind], "cue": st.cue or "",
            "addressee": list(st.addressees), "action": st.action or "",
            "establishes": list(st.establishes), "concerns": list(st.concerns),
            **consequences.shown(st)}


def state(workspace: Workspace, settings_progress: list[progress.Progress]) -> dict:
    items = [item(i) for i in workspace.items()]
    drafts = [i for i in items if i["draft"] is not None]
    done = sum(1 for i in drafts if i["status"] != "Draft")
    others = [p for p in settings_progress if p.slug != workspace.slug]
    return {"items": items, "reviewed": done, "total": len(drafts),
            "corpus_reviewed": done + sum(p.reviewed for p in others),
            "corpus_total": len(drafts) + sum(p.total for p in others)}


def suggestions(lexicon: Lexicon, query: str, limit: int = 12) -> list[str]:
    """Actors whose designation contains ``query``, the shortest first."""
    names = [term.zh for term in lexicon.all("actor") if query in term.zh]
    return sorted(names, key=lambda name: (len(name), name))[:limit]
