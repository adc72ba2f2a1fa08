"""Progress for stdin batches: on a terminal's stderr only, never in the results, never on a pipe."""

from __future__ import annotations

import io
import json

import pytest

from factcheck import cli


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _run(monkeypatch: pytest.MonkeyPatch, stderr: io.StringIO) -> str:
    monkeypatch.setattr(cli, "PROGRESS_AFTER_S", 0.0)
    monkeypatch.setattr("sys.stderr", stderr)
    monkeypatch.setenv("FACTCHECK_CLAIMS", "")
    out = io.StringIO()
    lines = "\n".join(["US withdrawing 4,500 troops", "45,000 US troops in South Korea"] * 3) + "\n"
    code = cli.run_assertions([], claims=None, fmt="jsonl", fail_on="never", stdin=io.StringIO(lines), stdout=out,
                              jobs=1)
    assert code == 0
    assert [json.loads(line)["verdict"] for line in out.getvalue().splitlines()] == ["unverified", "contradicted"] * 3
    return stderr.getvalue()


def test_batch_shows_a_counter_on_a_terminal_stderr(monkeypatch: pytest.MonkeyPatch) -> None:
    shown = _run(monkeypatch, _Terminal())
    assert "checked (" in shown and "/s)" in shown


def test_no_progress_when_stderr_is_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _run(monkeypatch, io.StringIO()) == ""
