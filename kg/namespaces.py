"""RDF namespaces of the public contract (shared/design/vocabulary.md)."""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

DG = Namespace("https://w3id.org/dutygraph/ontology#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
ORG = Namespace("http://www.w3.org/ns/org#")
SH = Namespace("http://www.w3.org/ns/shacl#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
VOID = Namespace("http://rdfs.org/ns/void#")

DEFAULT_BASE = "https://w3id.org/dutygraph/"

PREFIXES = {
    "dg": DG, "eli": ELI, "oa": OA, "skos": SKOS, "prov": PROV, "dcterms": DCTERMS,
    "rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD, "org": ORG, "sh": SH,
    "dcat": DCAT, "void": VOID,
}



def sparql_prefixes(*names: str) -> str:
    """SPARQL PREFIX lines for the given prefixes (all of them when none is named)."""
    return "".join(f"PREFIX {name}: <{PREFIXES[name]}>\n" for name in names or PREFIXES)


__all__ = ["DCAT", "DCTERMS", "DEFAULT_BASE", "DG", "ELI", "OA", "ORG", "OWL", "PREFIXES",
           "PROV", "RDF", "RDFS", "SH", "SKOS", "VOID", "XSD", "sparql_prefixes"]
