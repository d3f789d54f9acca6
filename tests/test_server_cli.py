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


@pytest.mark.parametrize("name", ["KG_QUEUE_WAIT", "KG_MEMORY_QUADS"])
def test_bad_serving_setting_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setenv(name, "soon")
    code = main(["--build-dir", str(tmp_path / "build"), "serve"])
    err = capsys.readouterr().err
    assert code == 2 and name in err and "not a number" in err and "Traceback" not in err


def test_serving_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.config import Settings

    monkeypatch.setenv("KG_QUEUE_WAIT", "0.25")
    monkeypatch.setenv("KG_MEMORY_QUADS", "0")
    settings = Settings.from_env()
    assert settings.queue_wait == 0.25 and settings.memory_quads == 0
