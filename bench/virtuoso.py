"""Virtuoso 7 (Debian's virtuoso-opensource) on loopback, for the tests and the
benchmark: a fresh database in a folder of its own, free ports, bound to 127.0.0.1.

    .venv/bin/python -m bench.virtuoso DIR [--memory-mb 2048] [--http-port 8890]
                                           [--isql-port 1111] [--timeout 30]

runs one in DIR by hand (its database kept there) until Ctrl-C.

The SPARQL endpoint (/sparql) stays read-only for the anonymous SPARQL user, as in a
real deployment; `kg push` writes through the Graph Store endpoint that asks for digest
authentication (/sparql-graph-crud-auth) as the database administrator.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from bench import servers
from bench.servers import HOST, Running, ServerError

BINARY = "virtuoso-t"
ISQL = "isql-vt"
USER, PASSWORD = "dba", "dba"  # a fresh database's administrator, on loopback only
PAGE_BYTES = 8192  # one Virtuoso buffer
PRIVATE = "http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs"
# Virtuoso's own graphs (its quad-map schema, LDP, the URIQA default) are part of its
# default graph; made private, the default graph anonymous clients see is the union of
# the pushed graphs, as `oxigraph serve --union-default-graph` gives it.
SYSTEM_GRAPHS = ("http://www.openlinksw.com/schemas/virtrdf#", "http://www.w3.org/ns/ldp#",
                 "http://localuriqaserver/sparql")
SETUP_SQL = (f"DB.DBA.RDF_GRAPH_GROUP_CREATE ('{PRIVATE}', 1);",
             *(f"DB.DBA.RDF_GRAPH_GROUP_INS ('{PRIVATE}', '{graph}');" for graph in SYSTEM_GRAPHS),
             "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 0, 1);",  # private: unseen
             "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 1, 0);")  # the rest: read-only

INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = {host}:{isql_port}
ServerThreads = 10
CheckpointInterval = 60
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
DirsAllowed = ., {dir}
DefaultIsolation = 2

[HTTPServer]
ServerPort = {host}:{http_port}
ServerRoot = {dir}
ServerThreads = 10
MaxClientConnections = 10

[SPARQL]
MaxQueryExecutionTime = {timeout}
MaxQueryCostEstimationTime = 0
"""


@dataclass
class Virtuoso:
    running: Running
    isql_port: int
    workdir: Path

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.running.port}"

    @property
    def sparql(self) -> str:
        """The SPARQL query endpoint (read-only for anonymous clients)."""
        return self.url + "/sparql"

    @property
    def graph_store(self) -> str:
        """The Graph Store Protocol endpoint that takes PUT and DELETE (digest auth)."""
        return self.url + "/sparql-graph-crud-auth"

    def isql(self, sql: str, timeout: float = 60.0) -> str:
        """Run SQL through isql as the administrator; ServerError if it fails."""
        done = subprocess.run([ISQL, str(self.isql_port), USER, PASSWORD, f"exec={sql}"],
                              capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise ServerError(f"isql: {sql}: {(done.stdout + done.stderr).strip()[-300:]}")
        return done.stdout

    def stop(self) -> None:
        servers.stop(self.running, grace=30.0)


def installed() -> bool:
    return shutil.which(BINARY) is not None and shutil.which(ISQL) is not None


def write_ini(workdir: Path, http_port: int, isql_port: int, memory_mb: int,
              timeout: int) -> Path:
    """A virtuoso.ini for a database in `workdir`; `memory_mb` sizes the buffer pool."""
    buffers = max(2000, memory_mb * 1024 * 1024 // PAGE_BYTES)
    ini = workdir / "virtuoso.ini"
    ini.write_text(INI.format(dir=workdir, host=HOST, isql_port=isql_port,
                              http_port=http_port, buffers=buffers, dirty=buffers * 3 // 4,
                              timeout=timeout), encoding="utf-8")
    return ini


def start(workdir: Path, memory_mb: int = 512, timeout: int = 5,
          ready_within: float = 120.0, ports: tuple[int, int] | None = None) -> Virtuoso:
    """A Virtuoso in `workdir` (created), answering SPARQL on free ports (or the given
    HTTP and isql `ports`). `timeout` is its own limit per query (MaxQueryExecutionTime,
    seconds)."""
    if not installed():
        raise ServerError("Virtuoso is not installed (make system-deps: "
                          "apt-get install virtuoso-opensource-7-bin)")
    workdir.mkdir(parents=True, exist_ok=True)
    http_port, isql_port = ports or (servers.free_port(), servers.free_port())
    ini = write_ini(workdir, http_port, isql_port, memory_mb, timeout)
    process = servers._spawn([BINARY, "+foreground", "+configfile", str(ini)],
                             workdir / "stdout.log")
    running = Running("virtuoso", process, http_port, "/sparql", workdir)
    try:
        servers._ready(running, ready_within)
    except ServerError as exc:
        log = workdir / "virtuoso.log"
        tail = log.read_text(errors="replace")[-600:] if log.exists() else ""
        raise ServerError(f"{exc}\n{tail}") from None
    virtuoso = Virtuoso(running, isql_port, workdir)
    _wait_for_isql(virtuoso, ready_within)
    for sql in SETUP_SQL:
        virtuoso.isql(sql)
    return virtuoso


def _wait_for_isql(virtuoso: Virtuoso, within: float) -> None:
    deadline = time.monotonic() + within
    while True:
        try:
            virtuoso.isql("SELECT 1;")
            return
        except ServerError:
            if time.monotonic() > deadline:
                virtuoso.stop()
                raise
            time.sleep(0.5)


def rss_bytes(virtuoso: Virtuoso) -> int:
    return servers.rss_bytes(virtuoso.running.pid)


def main() -> None:
    parser = argparse.ArgumentParser(description="Virtuoso 7 on 127.0.0.1, for kg push "
                                     "and kg serve --backend")
    parser.add_argument("dir", type=Path, help="the database folder (kept)")
    parser.add_argument("--memory-mb", type=int, default=2048, help="buffer pool")
    parser.add_argument("--http-port", type=int, default=8890)
    parser.add_argument("--isql-port", type=int, default=1111)
    parser.add_argument("--timeout", type=int, default=30, help="per query, seconds")
    args = parser.parse_args()
    engine = start(args.dir.resolve(), args.memory_mb, args.timeout,
                   ports=(args.http_port, args.isql_port))
    print(f"SPARQL {engine.sparql}\nGraph Store (digest, {USER}) {engine.graph_store}",
          flush=True)
    try:
        engine.running.process.wait()
    except KeyboardInterrupt:
        engine.stop()


if __name__ == "__main__":
    main()
