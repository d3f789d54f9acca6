"""kg push --endpoint URL: load the current build into an external triple store
(SPARQL 1.1 Graph Store Protocol; one named graph per regulation, each replaced
atomically with HTTP PUT)."""

from __future__ import annotations

import argparse
import os

from kg.cli.common import ensure_build, settings_from
from kg.release import push, store

PASSWORD_VARIABLE = "KG_PUSH_PASSWORD"  # never on the command line, where `ps` shows it


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser("push", help="load the build into a triple store over the "
                                "SPARQL 1.1 Graph Store Protocol (one PUT per named graph)")
    cmd.add_argument("--endpoint", required=True, metavar="URL",
                     help="the graph store endpoint, e.g. http://127.0.0.1:7878/store "
                     "(Oxigraph), http://host:3030/ds/data (Fuseki), "
                     "http://host:8890/sparql-graph-crud-auth (Virtuoso, with --user)")
    cmd.add_argument("--user", metavar="NAME", default=None,
                     help="answer the store's Basic or Digest challenge as NAME, with the "
                     f"password in ${PASSWORD_VARIABLE}")
    cmd.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS",
                     help="per request (default 120)")
    cmd.add_argument("--prune", nargs="*", metavar="GRAPH_IRI", default=None,
                     help="graphs now on the server: DELETE those under the base's graph/ "
                     "that this build no longer has")
    cmd.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    release = ensure_build(settings)
    store.verify(release)
    auth = (args.user, os.environ.get(PASSWORD_VARIABLE, "")) if args.user else None
    report = push.push(release, args.endpoint, args.timeout,
                       prune_under=f"{settings.base_iri}graph/", existing=args.prune, auth=auth)
    for graph, triples in report.graphs.items():
        print(f"PUT {graph}  {triples} triples")
    for graph in report.removed:
        print(f"DELETE {graph}")
    print(f"pushed {len(report.graphs)} graphs, {report.triples} triples to {report.endpoint}")
    return 0
