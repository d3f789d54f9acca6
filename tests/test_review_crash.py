"""`kill -9` of the review app between (and during) decisions loses no decision it
acknowledged: the real `kg review` process is killed, started again, and the curated
file is read as the build reads it."""

from __future__ import annotations

import signal
import socket
import threading
from pathlib import Path

from kg.config import Settings
from kg.review.workspace import Workspace
from tests.review_support import SLUG, get, post, review_data, start_review


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _keys(data: Path) -> list[str]:
    return [item.key for item in Workspace(Settings(data_dir=data), SLUG).items()
            if item.draft is not None]


def _statuses(data: Path) -> dict[str, str]:
    """What the curated file holds now, loaded as the build loads it."""
    return {item.key: item.status for item in Workspace(Settings(data_dir=data), SLUG).items()}


def _kill(process) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)


def test_kill_9_between_two_decisions_loses_neither(tmp_path: Path) -> None:
    data = review_data(tmp_path)
    first, second = _keys(data)[:2]
    port = _port()
    app = start_review(data, port)
    assert get(port, f"/r/{SLUG}")[0] == 200
    assert post(port, f"/r/{SLUG}/decide", {"verdict": "confirm", "key": first})[0] == 200
    _kill(app)
    app = start_review(data, port)  # the same reviewer takes back the dead claim
    try:
        assert get(port, f"/r/{SLUG}")[0] == 200
        assert post(port, f"/r/{SLUG}/decide", {"verdict": "reject", "key": second})[0] == 200
    finally:
        _kill(app)
    statuses = _statuses(data)
    assert statuses[first] == "Confirmed" and statuses[second] == "Rejected"


def test_kill_9_during_a_burst_keeps_every_acknowledged_decision(tmp_path: Path) -> None:
    data = review_data(tmp_path)
    keys = _keys(data)
    port = _port()
    app = start_review(data, port)
    assert get(port, f"/r/{SLUG}")[0] == 200
    acknowledged: list[str] = []
    halfway = threading.Event()

    def decide_all() -> None:
        for n, key in enumerate(keys):
            try:
                status, _ = post(port, f"/r/{SLUG}/decide", {"verdict": "confirm", "key": key})
            except OSError:
                return  # the app died while this one was in flight: not acknowledged
            if status == 200:
                acknowledged.append(key)
            if n == len(keys) // 2:
                halfway.set()

    worker = threading.Thread(target=decide_all)
    worker.start()
    halfway.wait(timeout=120)
    _kill(app)
    worker.join(timeout=60)
    statuses = _statuses(data)  # the file loads: no half-written decision
    assert acknowledged and len(acknowledged) < len(keys)
    assert all(statuses[key] == "Confirmed" for key in acknowledged)


def test_a_second_reviewer_on_the_same_regulation_is_refused(tmp_path: Path) -> None:
    """Two `kg review` apps on one data folder: 王芳 holds the regulation, 李雷 is told so
    (409, naming her) and cannot write; 王芳's decisions go on."""
    data = review_data(tmp_path)
    first, second = _keys(data)[:2]
    ports = _port(), _port()
    wang = start_review(data, ports[0])
    li = start_review(data, ports[1], reviewer="李雷")
    try:
        assert get(ports[0], f"/r/{SLUG}")[0] == 200
        status, page = get(ports[1], f"/r/{SLUG}")
        assert status == 409 and "王芳" in page
        status, answer = post(ports[1], f"/r/{SLUG}/decide",
                              {"verdict": "reject", "key": first})
        assert status == 409 and "王芳" in answer["error"]
        assert post(ports[0], f"/r/{SLUG}/decide", {"verdict": "confirm", "key": first})[0] \
            == 200
        assert post(ports[0], f"/r/{SLUG}/decide", {"verdict": "confirm", "key": second})[0] \
            == 200
    finally:
        _kill(wang)
        _kill(li)
    statuses = _statuses(data)
    assert statuses[first] == statuses[second] == "Confirmed"


def test_after_a_crash_u_reverts_the_current_items_decision(tmp_path: Path) -> None:
    """The undo history lives in the session; after kill -9 a reviewer still turns a
    decided draft back into a draft, and withdraws a norm added before the crash."""
    data = review_data(tmp_path)
    first = _keys(data)[0]
    port = _port()
    app = start_review(data, port)
    assert get(port, f"/r/{SLUG}")[0] == 200
    assert post(port, f"/r/{SLUG}/decide", {"verdict": "confirm", "key": first})[0] == 200
    status, added = post(port, f"/r/{SLUG}/decide", {
        "verdict": "add", "at": "14.1", "quote": "参照本规定执行",
        "fields": {"class": "Scope"}})
    assert status == 200
    _kill(app)
    app = start_review(data, port)
    try:
        assert get(port, f"/r/{SLUG}")[0] == 200
        assert post(port, f"/r/{SLUG}/undo", {"key": first})[0] == 200
        assert post(port, f"/r/{SLUG}/decide", {"verdict": "reject", "key": added["key"]})[0] \
            == 200
    finally:
        _kill(app)
    statuses = _statuses(data)
    assert statuses[first] == "Draft" and added["key"] not in statuses
