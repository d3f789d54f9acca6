"""Liability clauses (法律责任) read into values: strings in, frozen dataclasses out.

No RDF and no I/O: the annotator, the graph and the pages build on this.

    from kg.drafts.liability import read, resolve

    for liability in read(paragraph.text):                  # a paragraph: its clauses
        targets = resolve(liability.references, article, paragraph)   # → dg:enforces
        liability.enforced_by, liability.liable              # designations (dg:enforcedBy,
                                                             #   dg:liable)
        for penalty in liability.penalties:                  # dg:penalty, in text order
            penalty.kind                                     # dg:penaltyKind (PENALTY_KINDS)
            penalty.min_amount, penalty.max_amount           # yuan, Decimal or None
            penalty.min_multiple, penalty.max_multiple, penalty.basis
            penalty.per_unit, penalty.daily, penalty.tier    # 每株; 按日; 情节严重的

    read(item.text, lead_in=paragraph.text)   # an item of 有下列行为之一的，由…处…：

``read`` returns one ``Liability`` per clause (a paragraph may hold several: 违反第十一条
第（一）项规定的，…；违反第十一条第（二）项规定的，…), each with its span (start, end) in the
text, the reading rules that fired and a confidence. Offsets are into the text given;
an item's penalties taken from its lead-in say ``from_lead_in`` and have offsets into
the lead-in. ``Reference`` keeps a citation as written (article, paragraph and item
numbers, or 前款 / 本条 / 前条 as ``relative``); ``resolve`` turns references into
``Target(article, paragraph | None, item | None)`` for the article and paragraph the
clause stands in, raising UnresolvedReference for 前款 in a first paragraph.

``read_amount`` reads an amount phrase (五千元以下, 违法所得一倍以上三倍以下, 每株五百元);
``number`` one number (一百五十万, 0.5万). Both raise AmountError rather than give a
wrong number; inside ``read`` such a fine keeps no bounds and says why in
``Penalty.amount_problem``.

Texts are given as the model holds them: without the 第X条 or （一） that numbers them.
"""

from kg.drafts.liability.amounts import Amount, read_amount
from kg.drafts.liability.clauses import read
from kg.drafts.liability.model import PENALTY_KINDS, Liability, Penalty, Reference, Target
from kg.drafts.liability.numbers import AmountError, number
from kg.drafts.liability.references import UnresolvedReference, references, resolve

__all__ = ["PENALTY_KINDS", "Amount", "AmountError", "Liability", "Penalty", "Reference",
           "Target", "UnresolvedReference", "number", "read", "read_amount", "references",
           "resolve"]
