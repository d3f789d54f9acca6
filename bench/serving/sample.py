"""The pages a reader asks for, drawn from the served build with a fixed seed: every
kind of people's page, several of each, the largest actors among them (the worst case),
and search terms of one, two and more characters, common, rare and absent."""

from __future__ import annotations

import random
import urllib.parse
from pathlib import Path

import pyoxigraph

from kg.namespaces import DEFAULT_BASE, sparql_prefixes
from kg.release import store

SEED = 20240229
PER_KIND = 8
PREFIXES = sparql_prefixes("dg", "eli")
SEARCH_TERMS = ("机制", "载体", "应当", "罚款", "许可", "监督", "平台", "园区", "补贴", "备案",
                "水", "林", "的", "产业转移", "县级以上人民政府", "生态环境主管部门", "违法所得",
                "责令改正", "粤菜", "养犬", "电动自行车", "量子纠缠", "PM2.5", "（一）",
                "协调机制", "信用", "数据", "应急", "农村", "消防")
OFFICES = ("县交通运输局", "市生态环境局", "省人民政府", "县级人民政府", "区教育局",
           "市场监督管理部门", "乡镇人民政府", "公安机关交通管理部门", "市卫生健康委员会",
           "县自然资源局")
TERMS = PREFIXES + "SELECT ?t (COUNT(?s) AS ?n) WHERE {{ ?t a dg:{kind} . " \
    "OPTIONAL {{ ?s dg:{link} ?t }} }} GROUP BY ?t"
LINKS = {"Actor": "appliesTo", "Mechanism": "establishes", "Carrier": "concerns"}
REGULATIONS = PREFIXES + "SELECT ?r WHERE { ?r a dg:Regulation }"
NORMS = PREFIXES + ("SELECT ?s WHERE { VALUES ?c { dg:Obligation dg:Prohibition "
                    "dg:Permission dg:Encouragement } ?s a ?c }")


def _tail(iri: str) -> str:
    """An IRI's last segment as a URI path segment (Chinese characters percent-encoded)."""
    return urllib.parse.quote(urllib.parse.unquote(iri.rstrip("/").rsplit("/", 1)[-1]), safe="")


def _path(iri: str) -> str:
    """A resource's path under the base as a URI (Chinese characters percent-encoded)."""
    after = iri.removeprefix(DEFAULT_BASE)
    return urllib.parse.quote(urllib.parse.unquote(after), safe="/")


def _query(db: pyoxigraph.Store, text: str) -> list[dict[str, str]]:
    rows = db.query(text, use_default_graph_as_union=True)
    return [{str(v)[1:]: row[v].value for v in rows.variables if row[v] is not None}
            for row in rows]  # type: ignore[union-attr]


def _some(rng: random.Random, items: list[str], count: int = PER_KIND) -> list[str]:
    return rng.sample(items, min(count, len(items)))


def _terms(db: pyoxigraph.Store, kind: str, rng: random.Random) -> list[str]:
    """A random sample of the terms of a kind, and the three with most statements."""
    rows = _query(db, TERMS.format(kind=kind, link=LINKS[kind]))
    by_size = sorted(rows, key=lambda r: -int(r["n"]))
    largest = [r["t"] for r in by_size[:3]]
    rest = [r["t"] for r in by_size[3:]]
    return largest + _some(rng, rest, PER_KIND - 3)


def pages(release: Path) -> dict[str, list[str]]:
    """Paths by kind of page."""
    rng = random.Random(SEED)
    db = store.open_store(release)
    try:
        actors = _terms(db, "Actor", rng)
        mechanisms = _terms(db, "Mechanism", rng)
        carriers = _terms(db, "Carrier", rng)
        slugs = _some(rng, sorted(_tail(r["r"]) for r in _query(db, REGULATIONS)))
        norms = _some(rng, sorted(r["s"] for r in _query(db, NORMS)))
    finally:
        del db
    quote = urllib.parse.quote
    return {
        "home": ["/"], "actor index": ["/actors"], "mechanism index": ["/mechanisms"],
        "carrier index": ["/carriers"], "norm list": ["/norms", "/norms?page=2",
                                                     "/norms?modality=Obligation&page=3"],
        "network": ["/network"], "editor": ["/editor"], "office form": ["/offices"],
        "actor": [f"/actors/{_tail(a)}" for a in actors],
        "mechanism": [f"/mechanisms/{_tail(m)}" for m in mechanisms],
        "carrier": [f"/carriers/{_tail(c)}" for c in carriers],
        "actor network": [f"/network/actors/{_tail(a)}" for a in actors],
        "reader": [f"/reader/{s}" for s in slugs],
        "versions": [f"/versions/{s}" for s in slugs],
        "norm": ["/" + _path(n).replace("reg/", "norms/", 1) for n in norms],
        "applies-to, first page": [f"/norms?actor={_tail(a)}" for a in actors],
        "my office, first page": [f"/offices?office={quote(o)}" for o in OFFICES],
        "search": [f"/search?q={quote(t)}" for t in SEARCH_TERMS],
    }
