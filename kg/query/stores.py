"""Run SPARQL against a release's embedded store, in-process (the CLI's path). The
format tables are kg/query/formats.py's, shared with the server."""

from __future__ import annotations

import pyoxigraph

from kg.query.formats import GRAPH_FORMATS, RESULT_FORMATS


def execute(db: pyoxigraph.Store, query: str, **options: object) -> object:
    """Run a query with the union of all graphs as the default graph, unless the
    caller names a dataset. Raises SyntaxError for a malformed query."""
    if "default_graph" not in options and "named_graphs" not in options:
        options["use_default_graph_as_union"] = True
    return db.query(query, **options)


def serialize(result: object, fmt: str) -> bytes:
    """Serialise SELECT/ASK results (json, xml, csv, tsv) or a graph (turtle, …)."""
    table = GRAPH_FORMATS if isinstance(result, pyoxigraph.QueryTriples) else RESULT_FORMATS
    if fmt not in table:
        raise UnsuitableFormat(f"format {fmt} does not fit this result; use one of "
                               f"{', '.join(table)}")
    return result.serialize(format=table[fmt])


class UnsuitableFormat(ValueError):
    """A results format asked for a graph, or a graph format for solutions."""


def rows(result: object) -> tuple[list[str], list[list[str]]]:
    """Variables and rows of a SELECT result as plain strings (for tables)."""
    variables = [v.value for v in result.variables]
    table = []
    for solution in result:
        table.append(["" if solution[v] is None else _plain(solution[v]) for v in variables])
    return variables, table


def _plain(term: object) -> str:
    if isinstance(term, pyoxigraph.Literal):
        return term.value
    if isinstance(term, pyoxigraph.NamedNode):
        return term.value
    return str(term)
