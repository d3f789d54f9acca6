"""Benchmarks, load and fault tooling for `kg bench` and the fault/load tests.

    stats.py    percentiles and summaries
    servers.py  start/stop `kg serve` and `oxigraph serve` on loopback, process RSS
    client.py   a keep-alive HTTP load generator (threads in several processes)
    mix.py      the query mixes: the endpoint mix, named queries, pathological queries
    build.py    build timings: seed (whole process and per step), 100 synthetic regulations
    queries.py  named-query latency on the embedded store and over HTTP
    endpoint.py throughput and latency side by side with `oxigraph serve`
    load.py     the mixed load test (errors by status, RSS over time, a cheap probe)
    report.py   goals, ratios and the short table

Library code returns values; only kg/cli/bench.py prints.
"""
