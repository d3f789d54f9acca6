"""One bad regulation never blocks the others: it is left out of the release, and
its last good version (from the current release) stays served when there is one."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from rdflib import Graph, URIRef

from kg.check import per_regulation, validate
from kg.check.per_regulation import Checked, Context
from kg.errors import InputError
from kg.graph.iris import Iris
from kg.release import parts, previous
from kg.release.parts import Parts
from kg.source.sources import Sources


@dataclass(frozen=True)
class Quarantined:
    slug: str
    problem: str  # file:line: problem, or the SHACL violations
    kept: bool  # its last good version stays served
    error: InputError | None = None  # when it could not be read at all

    def line(self) -> str:
        kept = "its last good version stays served" if self.kept else "left out"
        return f"{self.slug}: quarantined ({kept}): {self.problem}"


@dataclass
class Accepted:
    """What goes into the release: the lexicon, and the regulations that conform (in
    ``parts``, the others dropped). ``checked`` holds each regulation's result and, under
    the lexicon's graph name, what the lexicon entails alone (regulations are reasoned
    over with slices of it)."""

    lexicon: Graph
    parts: Parts
    checked: dict[URIRef, Checked]
    quarantined: list[Quarantined]
    context: Context  # the context of the lexicon as accepted


def separate(read: Sources, context: Context, built: Parts,
             checked: dict[URIRef, Checked], iris: Iris, build_dir: Path) -> Accepted:
    """Keep the conforming regulations; quarantine the others and those that could not
    be read, putting back each one's last good version where the current release has it."""
    failed = {name: c for name, c in checked.items() if not c.report.conforms}
    for name in failed:
        built.drop(name)
    accepted = Accepted(context.lexicon, built,
                        {n: c for n, c in checked.items() if n not in failed}, [], context)
    problems: dict[str, tuple[str, InputError | None]] = {
        r.slug: (str(r.error), r.error) for r in read.refused}
    problems.update({_slug(iris, name): (c.report.text(), None) for name, c in failed.items()})
    for slug, (problem, error) in sorted(problems.items()):
        kept = _keep_last_good(accepted, iris, slug, build_dir)
        accepted.quarantined.append(Quarantined(slug, problem, kept, error))
    entailed = accepted.context.lexicon_inferred()
    accepted.checked[iris.graph("lexicon")] = Checked(entailed, validate.Report(True))
    return accepted


def _keep_last_good(accepted: Accepted, iris: Iris, slug: str, build_dir: Path) -> bool:
    found = previous.last_good(build_dir, iris.graph(slug), iris.graph("lexicon"))
    if found is None:
        return False
    own, terms = found
    context = replace(accepted.context, lexicon=accepted.lexicon + terms)
    checked = per_regulation.check(context, own)
    if not checked.report.conforms:  # the rules changed since: it cannot be served either
        return False
    accepted.lexicon, accepted.context = context.lexicon, context
    name = iris.graph(slug)
    triples = parts.write_part(accepted.parts.folder, str(name), own, checked.inferred,
                               str(iris.graph("inferred")))
    accepted.parts.written(name, triples)
    accepted.checked[name] = replace(checked, inferred=frozenset(), triples=triples)
    return True


def _slug(iris: Iris, graph: URIRef) -> str:
    return str(graph).removeprefix(str(iris.graph("")))
