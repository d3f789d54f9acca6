"""What the annotator produces: draft statements and the new terms they name."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.drafts.annotator import names, wellformed
from kg.drafts.annotator.subjects import levels
from kg.drafts.annotator.subjects.heads import Matcher, has_head
from kg.source.lexicon import Lexicon, Term
from kg.source.statements import Statement

IMPLIED_PROMOTER = "县级以上人民政府"
UNSTATED = "未明示主体"  # GUIDELINE §11: defined alike in every file that uses it
UNSTATED_TERM = {"id": "unstated-subject", "en": "subject not stated", "cls": "Actor"}


@dataclass
class Draft:
    slug: str
    statements: list[Statement] = field(default_factory=list)
    terms: dict[tuple[str, str], Term] = field(default_factory=dict)


class Resolver:
    """Designations → lexicon names; unknown actors and mechanisms become new terms."""

    def __init__(self, lexicon: Lexicon, draft: Draft,
                 level: dict[str | None, str] | None = None, text: str = "") -> None:
        self.lexicon = lexicon
        self.matcher = Matcher(lexicon)
        self.draft = draft
        self.level = level or {}  # sector → the government of a department without level
        self.text = text  # the whole regulation: the parties it names anywhere

    def actors(self, designations: list[str]) -> tuple[list[str], list[str]]:
        """(addressees, concerned carriers) for designations read from the text."""
        actors: list[str] = []
        carriers: list[str] = []
        for zh in designations:
            zh = levels.with_level(zh, self.level)
            if self.lexicon.get("carrier", zh):
                carriers.append(zh)
                zh = f"{zh}管理机构"
            if self.lexicon.get("actor", zh) or self._looks_like_actor(zh):
                actors.append(self.ensure("actor", zh))
        return list(dict.fromkeys(actors)), carriers

    def _looks_like_actor(self, zh: str) -> bool:
        return has_head(zh) and wellformed.is_designation(zh)

    def unstated(self) -> tuple[str, ...]:
        return (self.ensure("actor", UNSTATED),)

    def known(self, designations: tuple[str, ...]) -> bool:
        """Whether the shared lexicon (not this draft) defines every designation."""
        return all((("actor", d) not in self.draft.terms) for d in designations)

    def implied_promoter(self) -> tuple[str, ...]:
        return (IMPLIED_PROMOTER,) if self.lexicon.get("actor", IMPLIED_PROMOTER) else ()

    def ensure(self, kind: str, zh: str) -> str:
        """The designation, adding a term for it to the draft if the lexicon lacks it."""
        if self.lexicon.get(kind, zh) or (kind, zh) in self.draft.terms:
            return zh
        cls = names.actor_class(zh) if kind == "actor" else "Mechanism"
        term = Term(kind=kind, zh=zh, id=names.term_id(kind, zh, self.lexicon),
                    en=names.english(kind, zh, self.lexicon), cls=cls)
        if (kind, zh) == ("actor", UNSTATED):
            term = Term(kind=kind, zh=zh, **UNSTATED_TERM)
        self.draft.terms[(kind, zh)] = term
        self.lexicon.add(term)
        return zh
