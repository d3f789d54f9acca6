"""SHACL validation with pyshacl. Returns a report; never prints."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyshacl
from rdflib import Graph
from rdflib.namespace import RDF, SH


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    shape: str
    message_en: str
    message_zh: str
    value: str = ""

    def line(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" (value {self.value})" if self.value else ""
        return f"- {self.focus}{where}{value}: {self.message_en} / {self.message_zh} [{self.shape}]"


@dataclass(frozen=True)
class Report:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    graph: Graph | None = None

    def text(self) -> str:
        if self.conforms:
            return "conforms: every SHACL shape holds"
        return f"{len(self.violations)} violation(s):\n" + "\n".join(
            v.line() for v in self.violations)


def run(data: Graph, shapes: Graph) -> Report:
    """Validate ``data`` (asserted + inferred, ontology included) against ``shapes``."""
    conforms, results, _text = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True)
    violations = [_violation(results, node, shapes)
                  for node in results.subjects(RDF.type, SH.ValidationResult)]
    violations.sort(key=lambda v: (v.focus, v.shape))
    return Report(bool(conforms), violations, results)


def _violation(results: Graph, node: object, shapes: Graph) -> Violation:
    messages = {_language(m): str(m) for m in results.objects(node, SH.resultMessage)}
    for source in (results.value(node, SH.sourceConstraint), results.value(node, SH.sourceShape)):
        # pyshacl drops the language tags of SPARQL constraints' messages: read both
        # languages from the shape itself.
        declared = {m.language: str(m) for m in shapes.objects(source, SH.message)
                    if getattr(m, "language", None)} if source is not None else {}
        if declared and not ({"en", "zh"} <= messages.keys() and len(messages) == 2):
            messages = declared
            break

    def one(prop: object) -> str:
        value = results.value(node, prop)
        return "" if value is None else str(value)

    english = messages.get("en") or messages.get("zh", "")
    return Violation(
        focus=one(SH.focusNode), path=one(SH.resultPath), shape=one(SH.sourceShape),
        message_en=english, message_zh=messages.get("zh") or english, value=one(SH.value))


def _language(message: object) -> str:
    """The message's language tag, or "" when pyshacl dropped it."""
    return getattr(message, "language", None) or ""
