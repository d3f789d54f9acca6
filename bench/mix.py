"""The queries the benchmarks send: the endpoint mix of issue 3, the named
queries, a cheap probe, and pathological queries for the load test."""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.namespaces import DEFAULT_BASE, sparql_prefixes
from kg.query.named import parse_file

BASE = DEFAULT_BASE
PREFIXES = sparql_prefixes("dg", "eli")
JSON = "application/sparql-results+json"
TURTLE = "text/turtle"



def endpoint_mix(base: str = BASE) -> dict[str, str]:
    """The four queries of the endpoint benchmark: actor lookup, GROUP BY, DESCRIBE
    and CONSTRUCT of one article."""
    actor = f"<{base}actor/government-county-level-and-above>"
    article = f"<{base}reg/gd-industrial-transfer/art_3>"
    return {
        "actor lookup": PREFIXES + "SELECT ?norm ?type ?action WHERE { ?norm dg:appliesTo "
        f"{actor} ; a ?type . OPTIONAL {{ ?norm dg:action ?action }} }}",
        "group by": PREFIXES + "SELECT ?actor (COUNT(DISTINCT ?norm) AS ?n) WHERE { ?norm "
        "dg:addressee ?actor } GROUP BY ?actor ORDER BY DESC(?n) ?actor",
        "describe": f"DESCRIBE {actor}",
        "construct article": PREFIXES + "CONSTRUCT { ?x ?p ?o } WHERE { ?x eli:is_part_of* "
        f"{article} . ?x ?p ?o }}",
    }


CHEAP = "ASK { ?s ?p ?o }"

PATHOLOGICAL = {
    # runs until the time limit: the designed answer is 503 with Retry-After
    "cross-product": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    # millions of rows: the designed answer is an error past the row/byte cap
    "over-cap": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }",
    # every pair of nodes connected by any path, both directions
    "deep-path": "SELECT (COUNT(*) AS ?n) WHERE { ?x (!<urn:x:none>|^!<urn:x:none>)* ?y }",
    "syntax-error": "SELECT * WHERE { ?s ?p ",
    "service": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
}


@dataclass(frozen=True)
class Request:
    label: str
    method: str
    target: str  # path and query string
    headers: tuple[tuple[str, str], ...]
    body: bytes | None = None


def accept_for(query: str) -> str:
    head = query.upper()
    return TURTLE if ("CONSTRUCT" in head or "DESCRIBE" in head) else JSON


def get(path: str, label: str, query: str, nonce: str = "") -> Request:
    text = f"{query}\n# {nonce}" if nonce else query
    target = f"{path}?{urllib.parse.urlencode({'query': text})}"
    return Request(label, "GET", target, (("Accept", accept_for(query)),))


def post_update(path: str) -> Request:
    body = urllib.parse.urlencode({"update": "CLEAR ALL"}).encode()
    return Request("update", "POST", path,
                   (("Content-Type", "application/x-www-form-urlencoded"),), body)


def endpoint_requests(path: str) -> list[Request]:
    return [get(path, label, query) for label, query in endpoint_mix().items()]


def named_queries(queries_dir: Path) -> dict[str, str]:
    """Every named query, bound with its default parameters; a file that does not
    parse (e.g. one being edited) is left out rather than stopping the benchmark."""
    found = {}
    for path in sorted(queries_dir.glob("*.rq")):
        try:
            found[path.stem] = parse_file(path).bind()
        except (InputError, ValueError):
            continue
    return found


def load_requests(path: str, queries_dir: Path, bad_every: int = 8) -> list[Request]:
    """The load mix: ordinary queries with one pathological request every `bad_every`."""
    good = endpoint_requests(path) + [get(path, f"named:{n}", q)
                                      for n, q in named_queries(queries_dir).items()]
    bad = [get(path, f"bad:{n}", q) for n, q in PATHOLOGICAL.items()] + [post_update(path)]
    mix: list[Request] = []
    for i in range(len(good) * len(bad)):
        mix.append(good[i % len(good)])
        if (i + 1) % (bad_every - 1) == 0:
            mix.append(bad[(i // (bad_every - 1)) % len(bad)])
    return mix
