"""A resource's description: outgoing triples, labels of what it links to, and
incoming links capped and paged (unbounded backlinks are refused by design)."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pyoxigraph

from server.http.errors import body_of
from server.runtime.protocol import QueryRuntime

PAGE_SIZE = 100
LABELS = ("http://www.w3.org/2000/01/rdf-schema#label",
          "http://www.w3.org/2004/02/skos/core#prefLabel")
_QUERY = """CONSTRUCT {{ {iri} ?p ?o . ?o ?lp ?ol . ?s ?ip {iri} . ?s ?slp ?sl . ?h ?hp ?ho }}
WHERE {{
  {{ {iri} ?p ?o .
     OPTIONAL {{ ?o ?lp ?ol . FILTER(?lp IN ({labels})) }} }}
  UNION
  {{ GRAPH {terms} {{ ?h ?hp ?ho . FILTER(isIRI(?h) && STRSTARTS(STR(?h), {hash})) }} }}
  UNION
  {{ {{ SELECT DISTINCT ?s ?ip WHERE {{ ?s ?ip {iri} }} ORDER BY ?s ?ip
       LIMIT {limit} OFFSET {offset} }}
     OPTIONAL {{ ?s ?slp ?sl . FILTER(?slp IN ({labels})) }} }}
}}"""


@dataclass(frozen=True)
class Description:
    iri: str
    outgoing: list[pyoxigraph.Triple]
    incoming: list[pyoxigraph.Triple]
    labels: list[pyoxigraph.Triple]
    fragments: list[pyoxigraph.Triple]     # about <iri#…>: terms defined in this document
    page: int
    has_next: bool

    @property
    def exists(self) -> bool:
        return bool(self.outgoing or self.incoming or self.fragments or self.page > 1)

    def triples(self) -> list[pyoxigraph.Triple]:
        return [*self.outgoing, *self.labels, *self.incoming, *self.fragments]

    def label(self, term: object, lang: str = "en") -> str | None:
        """A label of a term, preferring the given language."""
        found = [t.object for t in self.labels if t.subject == term]
        if term == self.subject:
            found += [t.object for t in self.outgoing if t.predicate.value in LABELS]
        best = sorted(found, key=lambda lit: (getattr(lit, "language", None) != lang,))
        return best[0].value if best else None

    @property
    def subject(self) -> pyoxigraph.NamedNode:
        return pyoxigraph.NamedNode(self.iri)


class NotAnIri(ValueError):
    """The requested path does not make a valid IRI."""


def describe(runtime: QueryRuntime, iri: str, terms_graph: str, page: int = 1) -> Description:
    """The description of `iri`; the terms `<iri#…>` it defines are looked for in
    `terms_graph` alone (the ontology's: the only graph with such terms), since matching
    them by prefix scans every triple it is asked over."""
    try:
        node = pyoxigraph.NamedNode(iri)
    except ValueError:
        raise NotAnIri(iri) from None
    query = _QUERY.format(iri=str(node), labels=", ".join(f"<{x}>" for x in LABELS),
                          terms=str(pyoxigraph.NamedNode(terms_graph)),
                          hash=json.dumps(iri + "#"),
                          limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE)
    body = body_of(runtime.answer(runtime.job(query, "ntriples")))
    triples = sorted(set(pyoxigraph.parse(body, format=pyoxigraph.RdfFormat.N_TRIPLES)),
                     key=str)
    outgoing = [t for t in triples if t.subject == node]
    incoming = [t for t in triples if t.object == node and t.subject != node]
    has_next = len({(t.subject, t.predicate) for t in incoming}) > PAGE_SIZE
    incoming = incoming[:PAGE_SIZE]
    fragments = [t for t in triples if t.subject.value.startswith(iri + "#")]
    keep = {t.object for t in outgoing} | {t.subject for t in incoming}
    labels = [t for t in triples if t.subject != node and t.object != node
              and t.subject in keep and t.predicate.value in LABELS and t not in fragments]
    return Description(iri, outgoing, incoming, labels, fragments, page, has_next)


def serialize(desc: Description, fmt: pyoxigraph.RdfFormat, prefixes: dict[str, str]) -> bytes:
    return pyoxigraph.serialize(desc.triples(), format=fmt, prefixes=prefixes)
