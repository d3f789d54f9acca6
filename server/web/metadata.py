"""Machine metadata on every page: a canonical link, and JSON-LD in a
<script type="application/ld+json">, compact under the published @context
(kg/release/dcat.py context()) with schema.org beside it: the page (schema:WebPage),
and what it is about. Regulations and their chapters and articles are schema:Legislation
and ELI legal resources (ELI asks publishers to embed legislation metadata in pages).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from flask import current_app, g, request, url_for
from jinja2 import pass_context
from jinja2.runtime import Context

from server.http.jsonld import published_context
from server.web.blueprint import bp

SCHEMA = "https://schema.org/"
LEGISLATION = ["eli:LegalResource", "schema:Legislation"]
PART = ["eli:LegalResourceSubdivision", "schema:Legislation"]
DROPPED_ARGS = ("lang", "format")
LISTED = 100              # items of a list page named in its metadata


def base() -> str:
    return current_app.config["DUTYGRAPH_SETTINGS"].base_iri


@bp.app_template_global()
def canonical_url() -> str:
    """This page's preferred URL: its own route (also when it is shown at an IRI's path),
    its selecting arguments, and `lang=en` when it is in English; for the generic page of
    a resource, its IRI (as the resource's Link header says)."""
    path = g.get("page_path")
    if path is None and request.endpoint == "linkeddata.show":  # a resource: its IRI
        return base() + request.path.lstrip("/")
    path = path or request.path
    args = sorted((k, v) for k, v in request.args.items(multi=True) if k not in DROPPED_ARGS)
    if getattr(g, "lang", None) == "en":
        args.append(("lang", "en"))
    return request.host_url.rstrip("/") + path + (f"?{urlencode(args)}" if args else "")


@bp.app_template_global()
@pass_context
def structured_data(context: Context) -> dict[str, Any]:
    """The page's JSON-LD document (rendered with |tojson, which escapes `<`)."""
    page = context.get("page") or {}
    lang = context.get("lang") or "zh"
    url = canonical_url()
    entity = _about(request.endpoint or "", page, lang)
    web_page: dict[str, Any] = {
        "@id": url, "@type": "schema:WebPage", "schema:url": url,
        "schema:name": str(context.get("title") or "DutyGraph"),
        "schema:inLanguage": "en" if lang == "en" else "zh-CN",
        "schema:isPartOf": {"@id": base(), "@type": "schema:WebSite",
                            "schema:name": "DutyGraph"}}
    graph = [web_page]
    if entity:
        web_page["schema:about"] = {"@id": entity[0]["@id"]}
        graph += entity
    return {"@context": [published_context(base()), {"schema": SCHEMA}], "@graph": graph}


def _about(endpoint: str, page: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """The nodes a page is about, by its kind."""
    if endpoint == "pages.reader" and "regulation" in page:
        return [_regulation(page["regulation"], page.get("chapters", []))]
    if endpoint == "pages.home":
        return _home(page.get("regulations", []))
    if endpoint == "pages.norm" and "norm" in page:
        return _norm(page["norm"], page.get("applies_to", []))
    if "term" in page:
        return [_term(page)]
    if endpoint in ("pages.actors", "pages.mechanisms", "pages.carriers"):
        return [_list([{"@id": t["iri"], "@type": "dg:" + page.get("kind", "").capitalize(),
                        "schema:name": t["label"]} for t in page.get("terms", [])])]
    if endpoint == "pages.norms":
        return [_list([_norm_ref(n) for n in page.get("norms", [])])]
    return []


def _regulation(reg: dict[str, Any], chapters: list[dict[str, Any]]) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@id": reg["iri"], "@type": LEGISLATION,
        "eli:title": {"@value": reg["zh"], "@language": "zh"}, "schema:name": reg["label"],
        "schema:legislationIdentifier": reg["slug"], "schema:inLanguage": "zh",
        "schema:url": url_for("pages.reader", slug=reg["slug"], _external=True),
        "eli:is_member_of": {"@id": base() + "dataset"}}
    for prop, key in (("eli:date_document", "date_document"), ("schema:legislationDate",
                      "date_document"), ("eli:first_date_entry_in_force", "in_force")):
        if reg.get(key):
            node[prop] = {"@value": reg[key], "@type": "xsd:date"}
    node["eli:has_part"] = [_chapter(reg["iri"], c) for c in chapters]
    return node


def _chapter(reg_iri: str, chapter: dict[str, Any]) -> dict[str, Any]:
    articles = [{"@id": a["iri"], "@type": PART, "schema:name": a["label"],
                 "isPartOf": reg_iri} for a in chapter.get("articles", [])]
    if not chapter.get("eid"):   # a regulation without chapters: its articles directly
        return {"@id": reg_iri, "eli:has_part": articles}
    name = " ".join(x for x in (chapter.get("label"), chapter.get("title")) if x)
    return {"@id": f"{reg_iri}/{chapter['eid']}", "@type": PART, "schema:name": name,
            "isPartOf": reg_iri, "eli:has_part": articles}


def _home(regulations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    dataset = {"@id": base() + "dataset", "@type": ["schema:Dataset", "dcat:Dataset"],
               "schema:name": "DutyGraph", "schema:includedInDataCatalog": {
                   "@id": base() + "catalog"},
               "schema:distribution": {"@id": url_for("api.downloads_index", _external=True)}}
    items = [{"@id": r["iri"], "@type": LEGISLATION, "schema:name": r["label"],
              "eli:title": {"@value": r["zh"], "@language": "zh"},
              "schema:url": url_for("pages.reader", slug=r["slug"], _external=True),
              "eli:is_member_of": {"@id": dataset["@id"]}} for r in regulations]
    return [dataset, *items]


def _norm_ref(record: dict[str, Any]) -> dict[str, Any]:
    return {"@id": record["iri"], "@type": "dg:" + record["class"],
            "schema:name": record["label"], "source": record["source_iri"]}


def _norm(record: dict[str, Any], applies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    node = {**_norm_ref(record), "cue": record["cue"], "action": record["action"],
            "addressee": [a["iri"] for a in record.get("addressee", [])],
            "appliesTo": [a["iri"] for a in applies]}
    slug = record["iri"][len(base()) + len("reg/"):].split("/", 1)[0]
    source = {"@id": record["source_iri"], "@type": PART, "schema:name": record["source"],
              "isPartOf": f"{base()}reg/{slug}"}
    return [node, source]


def _term(page: dict[str, Any]) -> dict[str, Any]:
    term = page["term"]
    norms = [n for group in page.get("groups", []) for chapter in group["chapters"]
             for n in chapter["norms"]]
    node: dict[str, Any] = {"@id": term["iri"], "@type": "dg:" + page["kind"].capitalize(),
                            "label": {k: term[k] for k in ("zh", "en") if term.get(k)},
                            "schema:name": term["label"]}
    refs = [_norm_ref(n) for n in norms]
    if page["kind"] == "actor":   # the norms shown are those that apply to the actor
        node["@reverse"] = {"dg:appliesTo": refs}
    else:                         # those that establish or concern the term
        node["schema:subjectOf"] = refs
    return node


def _list(items: list[dict[str, Any]]) -> dict[str, Any]:
    """A list page as a schema:ItemList: its first LISTED items (metadata, not a dump:
    the page's .jsonld twin has every one) and how many there are."""
    return {"@id": canonical_url() + "#list", "@type": "schema:ItemList",
            "schema:numberOfItems": len(items), "schema:itemListElement": items[:LISTED]}
