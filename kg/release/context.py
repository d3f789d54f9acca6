"""The published JSON-LD @context (context.jsonld in each release): the prefixes, and the
dg: terms with their value types, so that the JSON-LD answers are compact and typed."""

from __future__ import annotations

from kg.namespaces import PREFIXES

CONTEXT_FILE = "context.jsonld"
_IRI_VALUED = ("addressee", "promoter", "establishes", "concerns", "appliesTo", "source",
        "evidence", "within", "includes", "currentVersion")


def context(base: str) -> dict:
    """A JSON-LD @context: the prefixes, and dg: terms with their value types."""
    terms: dict[str, object] = {p: str(ns) for p, ns in PREFIXES.items()}
    terms["@base"] = base
    for name in _IRI_VALUED:
        terms[name] = {"@id": f"dg:{name}", "@type": "@id"}
    terms.update(text={"@id": "dg:text", "@language": "zh"},
                 action={"@id": "dg:action", "@language": "zh"}, cue="dg:cue",
                 ordinal={"@id": "dg:ordinal", "@type": "xsd:integer"},
                 label={"@id": "skos:prefLabel", "@container": "@language"},
                 exact="oa:exact", start={"@id": "oa:start", "@type": "xsd:nonNegativeInteger"},
                 end={"@id": "oa:end", "@type": "xsd:nonNegativeInteger"},
                 isPartOf={"@id": "eli:is_part_of", "@type": "@id"})
    return {"@context": terms}
