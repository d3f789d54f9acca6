"""Versions over time: a regulation amended several times, with ELI version IRIs.

Data format, in ``data/<slug>.meta.toml`` (a regulation without it has no versions,
and its graph is exactly as before)::

    [[version]]
    date = 2023-01-01                 # in force from; the version's id
    text = "versions/<slug>@2023-01-01.txt"   # relative to data/
    adopted = 2022-11-30              # optional: date of the (amending) act
    note_zh = "…"                     # optional: what the version changed
    note_en = "…"

    [[version]]
    date = 2025-03-01                 # the last version is the current one: its
                                      # text is data/<slug>.txt (no `text` key)

Older texts live in ``data/versions/`` (not ``data/*.txt``, which are regulations)
and must parse like any regulation text. In the graph (no I/O here in ``add``)::

    reg/<slug>                  eli:has_member  reg/<slug>/version/<date> ;
                                dg:currentVersion  (the last one)
    reg/<slug>/version/<date>   a dg:RegulationVersion (⊑ eli:LegalResource) ;
        eli:is_member_of reg/<slug> ; eli:version_date, eli:first_date_entry_in_force <date> ;
        eli:date_no_longer_in_force (the day before the next version, if any) ;
        eli:date_document <adopted> ; dg:articleCount n ; dg:versionText "…"@zh
The units (reg/<slug>/art_…) stay those of the current text: the seed's IRIs never move.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from kg.errors import InputError
from kg.graph.iris import Iris
from kg.namespaces import DG, ELI, RDF, XSD
from kg.source import parse, tomlfile
from kg.source.model import Regulation

META_KEY = "versions"


@dataclass(frozen=True)
class Version:
    date: date
    text: str
    articles: int
    current: bool
    adopted: date | None = None
    note_zh: str = ""
    note_en: str = ""
    until: date | None = None


def iri(iris: Iris, slug: str, day: date) -> URIRef:
    return URIRef(f"{iris.regulation(slug)}/version/{day.isoformat()}")


def load(regulation: Regulation, meta_path: Path, data_dir: Path) -> list[Version]:
    """The versions declared in the metadata, oldest first; [] when none."""
    entries = regulation.meta.get("version", [])
    if not entries:
        return []
    lines = tomlfile.header_lines(meta_path, "version")
    dates = [_date(entry, meta_path, lines, n) for n, entry in enumerate(entries)]
    if dates != sorted(set(dates)):
        raise InputError(meta_path, lines[0] if lines else None,
                         "[[version]] dates must be distinct and in order, oldest first")
    current_text = regulation.published_text()
    result = []
    for n, (entry, day) in enumerate(zip(entries, dates, strict=True)):
        last = n == len(entries) - 1
        text, count = (current_text, len(regulation.articles)) if last else _old_text(
            entry, meta_path, lines[n] if n < len(lines) else None, data_dir, regulation.slug)
        until = None if last else dates[n + 1] - timedelta(days=1)
        result.append(Version(day, text, count, last, _opt_date(entry.get("adopted")),
                              entry.get("note_zh", ""), entry.get("note_en", ""), until))
    return result


def _date(entry: dict, path: Path, lines: list[int], n: int) -> date:
    day = entry.get("date")
    if not isinstance(day, date):
        raise InputError(path, lines[n] if n < len(lines) else None,
                         "[[version]] needs `date = YYYY-MM-DD` (the date it enters into force)")
    return day


def _opt_date(value: object) -> date | None:
    return value if isinstance(value, date) else None


def _old_text(entry: dict, meta_path: Path, line: int | None, data_dir: Path,
              slug: str) -> tuple[str, int]:
    if not entry.get("text"):
        raise InputError(meta_path, line, "an earlier [[version]] needs `text = FILE` "
                         "(relative to the data folder)")
    path = (data_dir / entry["text"]).resolve()
    if data_dir.resolve() not in path.parents:
        raise InputError(meta_path, line, "a version text must be inside the data folder")
    old = parse.read(path, slug=slug)
    return old.published_text(), len(old.articles)


def add(graph: Graph, regulation: Regulation, iris: Iris) -> None:
    """The version triples of one regulation (none when it declares no versions)."""
    root = iris.regulation(regulation.slug)
    title_zh = regulation.meta.get("title_zh", regulation.slug)
    title_en = regulation.meta.get("title_en", regulation.slug)
    for version in regulation.meta.get(META_KEY, []):
        node = iri(iris, regulation.slug, version.date)
        _version(graph, node, version, f"{title_zh}（{version.date.isoformat()}起施行）",
                 f"{title_en} (in force from {version.date.isoformat()})")
        graph.add((node, ELI.is_member_of, root))
        graph.add((root, ELI.has_member, node))
        if version.current:
            graph.add((root, DG.currentVersion, node))


def _version(graph: Graph, node: URIRef, version: Version, zh: str, en: str) -> None:
    from kg.graph.regulation import label

    graph.add((node, RDF.type, DG.RegulationVersion))
    label(graph, node, zh, en)
    day = Literal(version.date, datatype=XSD.date)
    graph.add((node, ELI.version_date, day))
    graph.add((node, ELI.first_date_entry_in_force, day))
    if version.until:
        graph.add((node, ELI.date_no_longer_in_force, Literal(version.until, datatype=XSD.date)))
    if version.adopted:
        graph.add((node, ELI.date_document, Literal(version.adopted, datatype=XSD.date)))
    graph.add((node, DG.articleCount, Literal(version.articles)))
    graph.add((node, DG.versionText, Literal(version.text, lang="zh")))
    for note, lang in ((version.note_zh, "zh"), (version.note_en, "en")):
        if note:
            graph.add((node, RDFS.comment, Literal(note, lang=lang)))
