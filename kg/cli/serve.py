"""kg serve: the SPARQL endpoint and linked data on gunicorn (builds first if needed)."""

from __future__ import annotations

import argparse
import os

from kg.cli.common import ensure_build, settings_from


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser("serve", help="serve /sparql and linked data (read-only)")
    cmd.add_argument("--host", default="127.0.0.1")
    cmd.add_argument("--port", type=int, default=8000)
    cmd.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                     help="wall-clock limit per query (default 10)")
    cmd.add_argument("--data", action="append", default=[], metavar="FILE=GRAPH_IRI",
                     help="also serve an RDF file in a named graph (repeatable)")
    cmd.add_argument("--workers", type=int, default=max(2, os.cpu_count() or 2),
                     help="query worker processes (default: CPUs, at least 2)")
    cmd.add_argument("--threads", type=int, default=64, help="HTTP threads")
    cmd.add_argument("--backend", metavar="URL",  # server/runtime/remote.py
                     help="answer from an external SPARQL endpoint (loaded with `kg push`) "
                     "instead of the embedded store")
    cmd.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from server import create_app
    from server.http.wsgi import Server, gunicorn_options
    from server.runtime.protocol import ServeOptions
    from server.runtime.release import parse_data

    settings = settings_from(args)
    options = ServeOptions(timeout=args.timeout, workers=args.workers,
                           data=parse_data(args.data))
    config = gunicorn_options(args.host, args.port, args.timeout, threads=args.threads)
    if args.backend:  # an external SPARQL engine answers every reader
        from server.runtime.remote import RemoteRuntime, remote_graphs
        remote_graphs(args.backend, args.timeout)  # unreachable → one-line error, exit 2
        Server(lambda: create_app(settings, options, RemoteRuntime(options, args.backend)),
               config).run()
        return 0
    ensure_build(settings)
    Server(lambda: create_app(settings, options), config).run()
    return 0
