"""`python -m bench.repairs [CORPUS]`: what the parser meets on real texts — files refused
(and why) and the repairs it made, by class, counted over a corpus folder.

It only parses (no annotation, no build), so the whole corpus takes a minute or two.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from kg.errors import ParseError
from kg.source import parse

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def count(corpus: Path) -> tuple[int, Counter, Counter, Counter]:
    """Files read, refusals by reason, repairs by kind, files with each kind."""
    refused, repairs, files, total = Counter(), Counter(), Counter(), 0
    for path in sorted(p for p in corpus.rglob("*.md") if p.name != "README.md"):
        total += 1
        try:
            regulation = parse.read(path, slug="x")
        except ParseError as exc:
            refused[str(exc).split(": ")[-1].split(":")[0][:60]] += 1
            continue
        kinds = [w.kind for w in regulation.warnings]
        repairs.update(kinds)
        files.update(set(kinds))
    return total, refused, repairs, files


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    total, refused, repairs, files = count(corpus)
    print(f"{total} files, {sum(refused.values())} refused")
    for reason, n in refused.most_common():
        print(f"  refused {n}: {reason}")
    print("| repair | count | files |\n|---|---|---|")
    for kind, n in repairs.most_common():
        print(f"| {kind} | {n} | {files[kind]} |")


if __name__ == "__main__":
    main()
