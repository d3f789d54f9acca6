"""`kg bench --corpus DIR`: ingest, cold build, and warm build after one regulation
changed, on real regulations (a province folder, or the whole corpus).

Each step runs as a child process of its own (`kg ingest`, `kg build`), so its wall
time and peak resident memory are the process's; the split per stage comes from the
build's own clock (``kg build`` prints it, the manifest does not keep it).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.config import Settings

STAGES = re.compile(r"\((parse [^)]*)\)")
MARK = ("<!-- corpus-bench:start -->", "<!-- corpus-bench:end -->")
GOALS = {"guangdong": {"cold_s": 180, "warm_s": 15},
         "all": {"cold_s": 3600, "peak_rss_mb": 4096}}


def run(settings: Settings, corpus: Path, folders: list[str], keep: Path | None = None
        ) -> dict:
    """One row per folder of ``corpus`` (or "all" for every folder at once); with
    ``keep``, each row's data and build stay in keep/<folder>."""
    results = {}
    for name in folders:
        sources = sorted(p for p in corpus.iterdir() if p.is_dir()) if name == "all" else [
            corpus / name]
        if keep is None:
            with tempfile.TemporaryDirectory(prefix="kg-bench-corpus-") as tmp:
                results[name] = measure(settings, sources, Path(tmp))
        else:
            shutil.rmtree(keep / name, ignore_errors=True)
            results[name] = measure(settings, sources, keep / name)
    return results


def measure(settings: Settings, sources: list[Path], tmp: Path) -> dict:
    """Ingest into tmp/data, then build into tmp/build cold and after one change."""
    data = tmp / "data"
    (data / "annotations").mkdir(parents=True)
    shutil.copy(settings.lexicon_file, data / "lexicon.toml")
    build = tmp / "build"
    ingest = _timed(["--data-dir", str(data), "ingest", *map(str, sources)])
    regulations = sorted(data.glob("*.md")) + sorted(data.glob("*.txt"))
    cold = _timed(["--data-dir", str(data), "--build-dir", str(build), "build"])
    _touch_one(regulations[len(regulations) // 2])
    warm = _timed(["--data-dir", str(data), "--build-dir", str(build), "build"])
    return {"files": sum(len(list(s.rglob("*.md"))) for s in sources),
            "regulations": len(regulations), "ingest": ingest, "cold": cold, "warm": warm}


def _touch_one(path: Path) -> None:
    """Change one regulation as an amendment would: a clause added at the end of its
    last article. Added, not replaced, so every annotated quote still holds and the
    regulation is rebuilt rather than quarantined."""
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(text + "本条经修正后施行。\n", encoding="utf-8")


def _timed(args: list[str]) -> dict:
    """Wall time and peak RSS of one `kg` process, its worker processes included
    (wait4 reports the largest of the process and the children it waited for)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen([sys.executable, "-m", "kg.cli", *args], stdout=out,
                                 stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    stages = STAGES.search(stdout)
    return {"wall_s": round(wall, 1), "exit": child.returncode,
            "peak_rss_mb": round(usage.ru_maxrss / 1024),
            "stages": stages.group(1) if stages else "",
            "tail": stdout.strip().splitlines()[-1:] + stderr.strip().splitlines()[-2:]}


def table(results: dict) -> str:
    lines = ["| corpus | files → regulations | ingest | cold build | peak RSS | "
             "warm build, one changed | goals |", "|---|---|---|---|---|---|---|"]
    for name, row in results.items():
        goals = GOALS.get(name, {})
        met = [f"{key} ≤ {goal}: {'met' if _value(row, key) <= goal else 'missed'}"
               for key, goal in goals.items()]
        lines.append(f"| {name} | {row['files']} → {row['regulations']} | "
                     f"{row['ingest']['wall_s']} s | {row['cold']['wall_s']} s "
                     f"({row['cold']['stages']}) | {row['cold']['peak_rss_mb']} MB | "
                     f"{row['warm']['wall_s']} s ({row['warm']['stages']}) | "
                     f"{'; '.join(met)}{_failed(row)} |")
    return "\n".join(lines)


def _failed(row: dict) -> str:
    """A step that did not exit 0, with the first line of its summary (kg ingest exits
    2 when it refused a file, as it must for a file with no articles)."""
    bad = [f"{step} exit {row[step]['exit']}: {_summary(row[step]['tail'])}"
           for step in ("ingest", "cold", "warm") if row[step]["exit"] != 0]
    return f"; {'; '.join(bad)}" if bad else ""


def _summary(tail: list[str]) -> str:
    """The CLI's own error line (`kg build: …`) when there is one, else the last line
    of the step's output, up to its first `;`."""
    errors = [line for line in tail if line.startswith("kg ")]
    return (errors[-1] if errors else tail[0] if tail else "").split(";")[0]


def _value(row: dict, key: str) -> float:
    return {"cold_s": row["cold"]["wall_s"], "warm_s": row["warm"]["wall_s"],
            "peak_rss_mb": row["cold"]["peak_rss_mb"]}[key]


def write_readme(readme: Path, text: str, mark: tuple[str, str] = MARK) -> bool:
    """Put the table between the README's markers; False when it has none."""
    content = readme.read_text(encoding="utf-8")
    start, end = content.find(mark[0]), content.find(mark[1])
    if start < 0 or end < start:
        return False
    readme.write_text(content[: start + len(mark[0])] + "\n" + text + "\n" + content[end:],
                      encoding="utf-8")
    return True
