"""kg review: the local review app for one reviewer (server/review)."""

from __future__ import annotations

import argparse
import signal
import sys

from kg.cli.common import settings_from
from kg.errors import ReviewError

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser("review", help="review machine-made annotations: a local "
                                "app on 127.0.0.1 for one reviewer, who gives a name")
    cmd.add_argument("--name", help="the reviewer's name (asked for when not given)")
    cmd.add_argument("--host", default="127.0.0.1", help="loopback only (default 127.0.0.1)")
    cmd.add_argument("--port", type=int, default=8100, help="default 8100")
    cmd.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    if args.host not in LOOPBACK:
        raise ReviewError(f"--host {args.host}: the review app serves this machine only "
                          f"({', '.join(LOOPBACK)}); share work through the annotation files")
    name = (args.name or _ask_name()).strip()
    if not name:
        raise ReviewError("a reviewer needs a name: every decision carries it")
    from werkzeug.serving import make_server

    from server.review import create_app

    app = create_app(settings_from(args), name)
    server = make_server(args.host, args.port, app, threaded=False)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # give the claim back on stop
    print(f"kg review: {name} reviewing at http://{args.host}:{args.port}/ (Ctrl-C to stop)",
          flush=True)
    try:
        server.serve_forever()
    finally:
        app.config["REVIEW_SESSION"].close()
    return 0


def _ask_name() -> str:
    if not sys.stdin.isatty():
        raise ReviewError("give the reviewer's name with --name")
    return input("Your name (recorded with every decision): ")
