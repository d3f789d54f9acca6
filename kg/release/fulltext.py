"""The release's full-text index: every unit's text and every name, found by substring
in Chinese, ranked in the index (SQLite FTS5, in Python's standard library).

Why character n-grams: Chinese has no spaces, and a reader searches for any run of
characters, not for words. FTS5's own `trigram` tokenizer cannot match a query shorter
than three characters, and the common legal terms are two (机制, 载体, 应当); word
segmentation (jieba) would miss every substring that cuts a word (机制 in 长效机制 is one
jieba word). So each text is indexed as its character bigrams (with positions) and its
single characters: a query of n ≥ 2 characters is the phrase of its n − 1 bigrams at
consecutive positions, which is exactly the substring, and a single character is one
term. Terms are the characters' code points in hex, so FTS5's `unicode61` tokenizer keeps
every character (punctuation and Latin letters too) as it is, case-folded by Python.

    names     id, iri, kind, lang, label     (actors, carriers, mechanisms, chapters)
    texts     id, iri, slug, ordinal, eid, folded text
    *_bi      FTS5 bigram phrases (detail=full), *_uni FTS5 characters (detail=none)
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from itertools import islice, pairwise
from pathlib import Path

import pyoxigraph

from kg.errors import KGError
from kg.namespaces import sparql_prefixes

FILE = "search.sqlite"
KINDS = ("Actor", "Carrier", "Mechanism", "Chapter")
PROGRESS_STEPS = 1000  # SQLite virtual-machine steps between two looks at the clock
SCHEMA = """
CREATE TABLE names(id INTEGER PRIMARY KEY, iri TEXT, kind TEXT, lang TEXT, label TEXT);
CREATE TABLE texts(id INTEGER PRIMARY KEY, iri TEXT, slug TEXT, ordinal INTEGER, eid TEXT,
                   folded TEXT);
CREATE VIRTUAL TABLE names_bi USING fts5(t, content='', columnsize=0);
CREATE VIRTUAL TABLE names_uni USING fts5(t, content='', columnsize=0, detail=none);
CREATE VIRTUAL TABLE texts_bi USING fts5(t, content='', columnsize=0);
CREATE VIRTUAL TABLE texts_uni USING fts5(t, content='', columnsize=0, detail=none);
"""
NAMES = sparql_prefixes("dg", "skos") + (
    "SELECT ?t ?kind ?label WHERE { VALUES ?kind { " + " ".join(f"dg:{k}" for k in KINDS)
    + " } ?t a ?kind ; skos:prefLabel ?label }")
TEXTS = sparql_prefixes("dg") + "SELECT ?u ?text ?eid WHERE { ?u dg:text ?text ; dg:eId ?eid }"
ARTICLES = sparql_prefixes("dg") + "SELECT ?a ?n WHERE { ?a a dg:Article ; dg:ordinal ?n }"
PARENTS = sparql_prefixes("eli") + "SELECT ?x ?y WHERE { ?x eli:is_part_of ?y }"
RANKED = """SELECT iri, (length(folded) - length(replace(folded, :q, ''))) / length(:q) AS hits
 FROM texts WHERE id IN (SELECT rowid FROM {table} WHERE {table} MATCH :match)
 ORDER BY hits DESC, slug, ordinal, eid LIMIT :limit"""
MATCHED = ("SELECT n.iri, n.kind, n.lang, n.label FROM names n WHERE n.id IN "
           "(SELECT rowid FROM {table} WHERE {table} MATCH :match)")


class SearchTimeout(KGError):
    """A search ran past its time limit and was stopped."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(f"the search was stopped after the {seconds:g} s time limit")


class _Hex(dict):
    """Each character's code point in hex, computed once per character."""

    def __missing__(self, char: str) -> str:
        self[char] = value = format(ord(char), "x")
        return value


HEX = _Hex()


def bigrams(folded: str) -> str:
    codes = [HEX[c] for c in folded]
    return " ".join([a + "x" + b for a, b in pairwise(codes)])


def unigrams(folded: str) -> str:
    return " ".join([HEX[c] for c in set(folded)])  # detail=none: each once is enough


def match(query: str) -> tuple[str, str]:
    """(which index, FTS5 query) for a folded query: its bigrams as one phrase, or its
    single character."""
    if len(query) == 1:
        return "uni", f'"{HEX[query]}"'
    return "bi", f'"{bigrams(query)}"'


def write(folder: Path, db: pyoxigraph.Store) -> str:
    """Index the release's store into `folder`/search.sqlite; returns the file name."""
    path = folder / FILE
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path)
    try:
        conn.executescript(SCHEMA)
        _fill(conn, "names", _names(db))
        _fill(conn, "texts", _texts(db))
        conn.commit()
        conn.execute("VACUUM")
    finally:
        conn.close()
    return FILE


def _names(db: pyoxigraph.Store) -> Iterator[tuple[tuple, str]]:
    for row in _rows(db, NAMES):
        label = row["label"]
        yield (row["t"].value, row["kind"].value.rsplit("#", 1)[-1].lower(),
               label.language or "", label.value), label.value.lower()


def _texts(db: pyoxigraph.Store) -> Iterator[tuple[tuple, str]]:
    """Each unit's text with its regulation, its article's ordinal and its eId (the
    reading order); the article found by walking up eli:is_part_of."""
    articles = {r["a"].value: int(r["n"].value) for r in _rows(db, ARTICLES)}
    parents = {r["x"].value: r["y"].value for r in _rows(db, PARENTS)}
    seen: set[str] = set()
    for row in _rows(db, TEXTS):
        iri = row["u"].value
        if iri in seen:  # the union of the graphs may repeat a triple
            continue
        seen.add(iri)
        folded = row["text"].value.lower()
        slug = iri.split("/reg/", 1)[1].split("/", 1)[0] if "/reg/" in iri else ""
        yield (iri, slug, _article(iri, articles, parents), row["eid"].value, folded), folded


def _article(iri: str | None, articles: dict[str, int], parents: dict[str, str]) -> int:
    for _ in range(len(parents) + 1):  # bounded, whatever the data
        if iri is None or iri in articles:
            break
        iri = parents.get(iri)
    return articles.get(iri or "", 0)


def _rows(db: pyoxigraph.Store, query: str) -> pyoxigraph.QuerySolutions:
    return db.query(query, use_default_graph_as_union=True)  # type: ignore[return-value]


BATCH = 20_000  # rows held at once: the corpus has a million texts


def _fill(conn: sqlite3.Connection, table: str, rows: Iterable[tuple[tuple, str]]) -> None:
    columns = "iri, kind, lang, label" if table == "names" else "iri, slug, ordinal, eid, folded"
    marks = ", ".join("?" * len(columns.split(",")))
    numbered = enumerate(rows, 1)
    while batch := list(islice(numbered, BATCH)):
        conn.executemany(f"INSERT INTO {table}(id, {columns}) VALUES (?, {marks})",
                         ((rowid, *values) for rowid, (values, _) in batch))
        for kind, grams in (("bi", bigrams), ("uni", unigrams)):
            conn.executemany(f"INSERT INTO {table}_{kind}(rowid, t) VALUES (?, ?)",
                             ((rowid, grams(folded)) for rowid, (_, folded) in batch))
    for kind in ("bi", "uni"):
        conn.execute(f"INSERT INTO {table}_{kind}({table}_{kind}) VALUES ('optimize')")


class Index:
    """The index of one release, read-only; one SQLite connection per thread, each
    stopped at its deadline (SQLite checks a progress handler as it runs)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def _connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro&immutable=1",
                                   uri=True, check_same_thread=False)
            self._local.conn = conn
        return conn

    def texts(self, query: str, limit: int, seconds: float) -> list[tuple[str, int]]:
        """(unit IRI, matches) of the `limit` best texts: more matches first, then in
        reading order (regulation, article, eId)."""
        folded = query.lower()
        which, fts = match(folded)
        sql = RANKED.format(table=f"texts_{which}")
        rows = self._run(sql, {"q": folded, "match": fts, "limit": limit}, seconds)
        return [(iri, int(hits)) for iri, hits in rows]

    def names(self, query: str, seconds: float) -> list[tuple[str, str, str, str]]:
        """(IRI, kind, language, label) of every name holding the query."""
        folded = query.lower()
        which, fts = match(folded)
        rows = self._run(MATCHED.format(table=f"names_{which}"), {"match": fts}, seconds)
        return rows

    def _run(self, sql: str, params: dict, seconds: float) -> list[tuple]:
        conn = self._connection()
        deadline = time.monotonic() + seconds
        conn.set_progress_handler(lambda: int(time.monotonic() > deadline), PROGRESS_STEPS)
        try:
            return conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError:
            if time.monotonic() > deadline:
                raise SearchTimeout(seconds) from None
            raise
        finally:
            conn.set_progress_handler(None, 0)
