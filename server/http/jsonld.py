"""Compact JSON-LD with the published @context (kg/release/context.py): terms
instead of full IRIs, `@type` instead of an rdf:type property, so that JSON-LD framing
by @type finds the resources.

The context is written inline (with its @base) so that the document reads alone:
JSON-LD 1.1 ignores @base in a remote context, and a reader need not fetch anything.
IRIs are compacted against the context without its @base, so they stay absolute.
"""

from __future__ import annotations

import json

from rdflib import Graph

from kg.release import context


def published_context(base: str) -> dict:
    """The published @context's body, as served at /context.jsonld."""
    return context.context(base)["@context"]


def compact(ntriples: bytes, base: str) -> bytes:
    """N-Triples as compact JSON-LD under the published context."""
    graph = Graph().parse(data=ntriples, format="nt")
    published = published_context(base)
    terms = {k: v for k, v in published.items() if k != "@base"}
    document = json.loads(graph.serialize(format="json-ld", context=terms, auto_compact=True))
    if isinstance(document, list):  # an empty graph
        document = {"@graph": document}
    document["@context"] = published
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
