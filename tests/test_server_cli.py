"""`kg serve` turns bad arguments into one-line errors (exit 2) before serving."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.cli import main


@pytest.mark.parametrize(("content", "spec", "message"), [
    ("<http://a/> <http://b/> <http://c/> .\n", "{path}", "expected FILE=GRAPH_IRI"),
    ("<http://a/> <http://b/> <http://c/> .\n", "{path}=not an iri", "not an absolute IRI"),
    ("<a> <b> .\n", "{path}=urn:g", "cannot load"),
    (None, "{path}=urn:g", "no such file"),
])
def test_bad_data_arguments(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                            content: str | None, spec: str, message: str) -> None:
    path = tmp_path / "extra.nt"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code = main(["--build-dir", str(tmp_path / "build"), "serve", "--data",
                 spec.format(path=path)])
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err
