"""Rule-based annotator: a parsed regulation → draft statements (GUIDELINE.md rules).

    draft = annotate(regulation, lexicon)
    text = drafttoml.render(draft, regulation)  # kg/drafts/ingest: <slug>.draft.toml

General rules only (cue words, subject and object noun phrases, coordination,
下列 item lists, 建立…机制); the shared lexicon is the only regulation-specific data.
"""

from __future__ import annotations

import copy
from dataclasses import replace

from kg.drafts.annotator import confidence, cues, liabilities, norms, provisions
from kg.drafts.annotator.draft import Draft, Resolver
from kg.drafts.annotator.subjects import levels
from kg.source import statements
from kg.source.lexicon import Lexicon
from kg.source.model import Paragraph, Regulation
from kg.source.statements import Anchor, Statement

__all__ = ["Draft", "annotate"]


def annotate(regulation: Regulation, lexicon: Lexicon) -> Draft:
    """Draft statements for every unit. ``lexicon`` is not modified."""
    draft = Draft(regulation.slug)
    res = Resolver(copy.deepcopy(lexicon), draft, levels.assigned_level(regulation),
                   _whole_text(regulation))
    for article in regulation.articles:
        inherited: tuple[str, ...] = ()
        for paragraph in article.paragraphs:
            at = Anchor(article.ordinal, paragraph.ordinal)
            if liabilities.is_liability_unit(regulation, article, paragraph):
                found = liabilities.statements(regulation, article, paragraph, res)
                if found:
                    draft.statements.extend(found)
                    continue
            found = _paragraph(norms.Unit(at, paragraph.text, inherited), paragraph, res)
            draft.statements.extend(found)
            inherited = next((s.addressees for s in reversed(found)
                              if s.addressees and s.kind != "Encouragement"), inherited)
    return draft


def _whole_text(regulation: Regulation) -> str:
    return "\n".join(text for article in regulation.articles for p in article.paragraphs
                     for text in (p.text, *(item.text for item in p.items)))


def _paragraph(unit: norms.Unit, paragraph: Paragraph, res: Resolver) -> list[Statement]:
    spans = cues.sentences(unit.text)
    lead_in = spans[-1] if paragraph.items and unit.text.rstrip().endswith(("：", ":")) else None
    out: list[Statement] = []
    for span in spans:
        found = _provision(unit, span) or norms.sentence_norms(unit, span, res)
        if span == lead_in:
            out.extend(_items(unit, paragraph, found, res))
        else:
            out.extend(found)
        subject = next((s.addressees for s in reversed(found) if s.addressees
                        and s.kind != "Encouragement"), None)
        if subject:
            unit = replace(unit, previous=subject)
    return out


def _provision(unit: norms.Unit, span: tuple[int, int]) -> list[Statement]:
    sentence = unit.text[span[0]:span[1]]
    found = provisions.provision(sentence, unit.at.paragraph == 1 and span[0] == 0)
    if not found:
        return []
    kind, quote = found
    return [confidence.rated(statements.draft(unit.at, kind, quote, span[0]),
                             f"provision-{kind.lower()}")]


def _items(unit: norms.Unit, paragraph: Paragraph, lead: list[Statement],
           res: Resolver) -> list[Statement]:
    """A 下列 list: each item takes the modality and addressees of its lead-in; items
    of a lead-in without a cue are read on their own."""
    template = next((s for s in lead if s.kind != "Encouragement"), lead[0] if lead else None)
    out: list[Statement] = []
    for item in paragraph.items:
        at = Anchor(unit.at.article, unit.at.paragraph, item.ordinal)
        if template is None or template.cue is None:
            sub = norms.Unit(at, item.text, unit.inherited)
            for span in cues.sentences(item.text):
                out.extend(norms.sentence_norms(sub, span, res))
            continue
        own = _own_cue(at, item.text, template, res)
        if own:
            out.extend(own)
            continue
        quote = item.text.rstrip("；。，")
        out.append(confidence.rated(statements.draft(
            at, template.kind, quote or item.text, 0, cue=template.cue,
            addressees=template.addressees, action=quote or None,
            promoters=template.promoters), "list-item",
            (template.confidence or 1.0) >= confidence.RULES["cue-with-subject"]))
    return out


def _own_cue(at: Anchor, text: str, template: Statement, res: Resolver) -> list[Statement]:
    """An item with a deontic cue of its own takes its class from it (GUIDELINE §15),
    the lead-in's addressees standing in for its subject."""
    found = cues.cues(text, 0, len(text))
    if not any(c.kind not in ("Encouragement", template.kind) for c in found):
        return []
    sub = norms.Unit(at, text, template.addressees, template.addressees)
    return [s for span in cues.sentences(text) for s in norms.sentence_norms(sub, span, res)]
