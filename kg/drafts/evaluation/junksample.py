"""The junk check: 100 new designations drawn at random from the whole corpus.

Every regulation of the corpus (except the held-out ones, which nobody reads while
writing rules) is annotated; every designation the drafts define that the lexicon
lacks is a candidate, with the first unit that names it. 100 are drawn with a fixed
seed from the sorted candidates and written to data/junk-sample/sample.tsv; a person
reads each and records a verdict in data/junk-sample/verdicts.tsv (``ok`` or ``junk``
with a one-line reason). Run: ``python -m kg.drafts.evaluation.junksample [SEED NAME]``
(a fresh draw with another seed into data/junk-sample/NAME-sample.tsv).

The pool leaves out the held-out regulations of the current draw (heldout.HELD_OUT); the
draws on file before the second held-out draw left out the first five instead.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from pathlib import Path

from kg.config import Settings
from kg.drafts import annotator
from kg.drafts.evaluation import heldout, sources
from kg.errors import InputError
from kg.source import lexicon, parse
from kg.source.slugs import slug_for

SEED = 20240229
SIZE = 100


@dataclass(frozen=True)
class Candidate:
    designation: str
    file: str  # province/file name in the corpus
    at: str
    quote: str


def candidates(corpus: Path, settings: Settings) -> list[Candidate]:
    """Every new actor designation of the corpus drafts, with where it first occurs."""
    lex = lexicon.load([settings.lexicon_file])
    found: dict[str, Candidate] = {}
    for path in sorted(corpus.glob("*/*.md")):
        if slug_for(sources.title_of(path)) in heldout.HELD_OUT:  # as ingest names it
            continue
        try:
            regulation = parse.read(path)
        except InputError:
            continue  # the 23 files that are no regulations (README: corpus figures)
        draft = annotator.annotate(regulation, lex)
        for kind, zh in sorted(draft.terms):
            if kind == "actor" and zh not in found:
                where = next((s for s in draft.statements if zh in (
                    *s.addressees, *s.promoters, *s.enforced_by, *s.liable, *s.concerns)),
                    None)
                if where is None:  # defined for a lead-in whose items took its place
                    continue
                found[zh] = Candidate(zh, f"{path.parent.name}/{path.name}", str(where.at),
                                      where.quote)
    return [found[k] for k in sorted(found)]


def draw(pool: list[Candidate], size: int = SIZE, seed: int = SEED) -> list[Candidate]:
    return random.Random(seed).sample(pool, min(size, len(pool)))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    seed, name = (int(args[0]), f"{args[1]}-sample.tsv") if len(args) == 2 else (SEED, "sample.tsv")
    settings = Settings()
    pool = candidates(sources.corpus_dir(), settings)
    out = settings.data_dir / "junk-sample" / name
    out.parent.mkdir(exist_ok=True)
    rows = ["n\tdesignation\tfile\tat\tquote"] + [
        f"{i}\t{c.designation}\t{c.file}\t{c.at}\t{c.quote}"
        for i, c in enumerate(draw(pool, seed=seed), 1)]
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(pool)} new designations; {len(rows) - 1} drawn into {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
