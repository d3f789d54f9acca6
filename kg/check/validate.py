"""SHACL validation with pyshacl. Returns a report; never prints."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import pyshacl
from pyshacl.graph_abstraction import DataGraph as ShaclData
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH
from rdflib.plugins.sparql.processor import prepareQuery
from rdflib.plugins.sparql.sparql import Query

from kg.check import targets
from kg.namespaces import PREFIXES


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    shape: str
    message_en: str
    message_zh: str
    value: str = ""
    severity: str = str(SH.Violation)

    @property
    def blocking(self) -> bool:
        """Whether it makes the graph not conform (warnings and infos do not)."""
        return self.severity == str(SH.Violation)

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
        if self.conforms and self.violations:  # warnings only, e.g. a gap in the print
            return f"conforms, with {len(self.violations)} warning(s):\n" + "\n".join(
                v.line() for v in self.violations)
        if self.conforms:
            return "conforms: every SHACL shape holds"
        return f"{len(self.violations)} violation(s):\n" + "\n".join(
            v.line() for v in self.violations)


class DataGraph(Graph):
    """A graph to validate, whose SPARQL queries are parsed once per process: pyshacl
    sends the text of a SPARQL target or constraint again for every part and every
    focus node, and rdflib takes longer to parse such a query than to answer it. A
    prepared query is evaluated exactly as its text would be (rdflib parses and
    translates the text the same way each time)."""

    def __init__(self, triples: Iterable[tuple] = ()) -> None:
        super().__init__()  # pyshacl needs a context-aware store (not SimpleMemory)
        self._oxigraph: targets.Engine | None = None
        self.queried: frozenset[URIRef] | None = None  # what SPARQL targets may read
        namespaces = triples.namespaces() if isinstance(triples, Graph) else PREFIXES.items()
        for prefix, namespace in namespaces:
            self.bind(prefix, namespace)
        for triple in triples:
            self.add(triple)

    def query(self, query_object: Any, processor: Any = "sparql", result: Any = "sparql",
              initNs: Any = None, initBindings: Any = None,
              use_store_provided: bool = True, **kwargs: Any) -> Any:
        if isinstance(query_object, str) and processor == "sparql" and not kwargs:
            if not initBindings and initNs is None:  # a SPARQL target: the whole graph
                rows = self._engine().select(query_object)
                if rows is not None:
                    return rows
            namespaces = tuple(sorted((initNs or dict(self.namespaces())).items()))
            query_object = _prepared(query_object, namespaces)
        return super().query(query_object, processor, result, initNs, initBindings,
                             use_store_provided, **kwargs)


    def _engine(self) -> targets.Engine:
        if self._oxigraph is None:
            self._oxigraph = targets.Engine(self, self.queried)
        return self._oxigraph


@lru_cache(maxsize=256)
def _prepared(text: str, namespaces: tuple) -> Query:
    return prepareQuery(text, initNs=dict(namespaces))


def run(data: Graph, shapes: Graph, excluded: Collection[str] = frozenset()) -> Report:
    """Validate ``data`` (asserted + inferred, ontology included) against ``shapes``,
    with no focus node among the IRIs ``excluded`` (nodes validated elsewhere). The
    shapes have no SHACL rules, so pyshacl validates a DataGraph in place (it stays
    unchanged) instead of copying it first; any other graph is copied into one."""
    if not isinstance(data, DataGraph):
        data = DataGraph(data)
    data.queried = targets.queried(shapes)
    options = {"inference": "none", "advanced": True, "allow_warnings": True,
               "inplace": True}
    conforms, results, _text = _Validator(ShaclData.from_rdflib(data), shapes, options,
                                          excluded).run()
    violations = [_violation(results, node, shapes)
                  for node in results.subjects(RDF.type, SH.ValidationResult)]
    violations.sort(key=lambda v: (v.focus, v.shape))
    return Report(bool(conforms), violations, results)


class _Validator(pyshacl.Validator):
    """What pyshacl.validate runs for a graph already loaded, its shapes' targets
    finding no focus node among ``excluded``. (pyshacl's focus_nodes option filters
    the value nodes of nested shapes too, and drops literals, so it reports what the
    whole validation does not.)"""

    def __init__(self, data: ShaclData, shapes: Graph, options: dict,
                 excluded: Collection[str]) -> None:
        super().__init__(data, shacl_graph=shapes, options=options)
        if excluded:
            targeting = _targeting_without(excluded)
            for shape in self.shacl_graph.shapes:  # built for this validation only
                shape.__class__ = targeting  # Shape has __slots__: no attribute to set


def _targeting_without(excluded: Collection[str]) -> type:
    """A Shape whose targets leave out the IRIs ``excluded``."""

    def focus_nodes(self: pyshacl.Shape, data_graph: Any, debug: bool = False) -> set:
        found = pyshacl.Shape.focus_nodes(self, data_graph, debug)
        return {n for n in found if not (isinstance(n, URIRef) and str(n) in excluded)}

    return type("TargetingWithout", (pyshacl.Shape,), {"__slots__": (),
                                                       "focus_nodes": focus_nodes})


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

    messages = {lang: _filled(text, one(SH.focusNode), one(SH.value))
                for lang, text in messages.items()}
    english = messages.get("en") or messages.get("zh", "")
    return Violation(
        focus=one(SH.focusNode), path=one(SH.resultPath), shape=one(SH.sourceShape),
        message_en=english, message_zh=messages.get("zh") or english, value=one(SH.value),
        severity=one(SH.resultSeverity))


def _filled(template: str, focus: str, value: str) -> str:
    """A message read from the shape, with the result's {?value} and {$this} put in
    (as pyshacl does for the messages it keeps)."""
    for name in ("{?value}", "{$value}"):
        template = template.replace(name, value)
    return template.replace("{$this}", focus).replace("{?this}", focus)


def _language(message: object) -> str:
    """The message's language tag, or "" when pyshacl dropped it."""
    return getattr(message, "language", None) or ""
