"""A data folder holding one real corpus regulation with its machine-made draft, for the
review tests, and a running `kg review` on it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from kg.config import PROJECT_ROOT

# 广东省城镇华侨房屋征收补偿规定: from shared/corpus/guangdong, drafted by kg ingest
SLUG = "guangdongsheng-chengzhen-huaqiao-fangwu-zhengshou-buchang-guiding"
REVIEWER = "王芳"


def review_data(tmp: Path, slug: str = SLUG) -> Path:
    data = tmp / "data"
    (data / "annotations").mkdir(parents=True)
    source = PROJECT_ROOT / "data"
    for name in ("lexicon.toml", "offices.toml", f"{slug}.md", f"{slug}.meta.toml",
                 f"annotations/{slug}.draft.toml"):
        shutil.copy(source / name, data / name)
    return data


def start_review(data: Path, port: int, reviewer: str = REVIEWER) -> subprocess.Popen:
    kg = Path(sys.executable).with_name("kg")
    process = subprocess.Popen([str(kg), "--data-dir", str(data), "review", "--name",
                                reviewer, "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"kg review exited: {process.stderr.read().decode()[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2):
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("kg review did not come up within 30 s")


def post(port: int, path: str, body: dict) -> tuple[int, dict]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}",
                                     data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def get(port: int, path: str) -> tuple[int, dict | str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as r:
            body = r.read().decode()
            return r.status, json.loads(body) if path.endswith(".json") else body
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
