"""End-to-end: the installed `factcheck` command checking assertions (argument form and stdin)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import ROOT, Run

RESULT_FIELDS = {"text", "verdict", "confidence", "reason", "evidence", "claim_id", "source", "attributed_to",
                 "differences", "suggestion", "corroboration"}


def test_argument_form_unverified_overstatement_exits_zero(run_factcheck: Run) -> None:
    # Run from an empty folder: the bundled knowledge base answers.
    proc = run_factcheck(["US withdrawing 4,500 troops"])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("UNVERIFIED")
    assert "Wall Street Journal" in proc.stdout
    assert "\x1b[" not in proc.stdout  # no colour on a pipe


def test_contradiction_exits_one_with_suggestion(run_factcheck: Run) -> None:
    proc = run_factcheck(["45,000 US troops stationed in South Korea", "-f", "json"])
    assert proc.returncode == 1
    [result] = json.loads(proc.stdout)
    assert set(result) == RESULT_FIELDS
    assert result["verdict"] == "contradicted"
    assert "28,500" in result["evidence"]
    assert result["differences"][0]["kind"] == "number"
    assert result["suggestion"] == "28,500 US troops stationed in South Korea"
    assert result["source"]["line"] > 0


def test_fail_on_never_and_unverified(run_factcheck: Run) -> None:
    assert run_factcheck(["45,000 US troops stationed in South Korea", "--fail-on", "never"]).returncode == 0
    assert run_factcheck(["US troops in Japan number 50,000", "--fail-on", "unverified"]).returncode == 1


def test_stdin_stream_one_json_line_per_assertion(run_factcheck: Run) -> None:
    lines = ["There are 28,500 US troops in South Korea", "", "US withdrawing 4,500 troops",
             "45,000 US troops in South Korea"]
    proc = run_factcheck(["-f", "jsonl", "--fail-on", "never"], input="\n".join(lines) + "\n")
    assert proc.returncode == 0, proc.stderr
    results = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["verdict"] for r in results] == ["supported", "unverified", "contradicted"]
    assert all(set(r) == RESULT_FIELDS for r in results)


def test_large_batch_on_several_processes_matches_one_process(run_factcheck: Run) -> None:
    lines = ["There are 28,500 US troops in South Korea", "US withdrawing 4,500 troops",
             "45,000 US troops in South Korea", "Sales of cars rose 3% in March"] * 60
    feed = "\n".join(f"{line} ({i})" if i % 7 == 0 else line for i, line in enumerate(lines)) + "\n"
    one = run_factcheck(["-f", "jsonl", "--fail-on", "never", "--jobs", "1"], input=feed)
    two = run_factcheck(["-f", "jsonl", "--fail-on", "never", "--jobs", "2"], input=feed)
    assert one.returncode == two.returncode == 0, two.stderr
    assert two.stdout == one.stdout
    assert len(one.stdout.splitlines()) == len(lines)


def test_large_file_on_stdin_starts_workers_early_and_matches_one_process(tmp_path: Path) -> None:
    import os
    import subprocess

    from factcheck.cli import EAGER_BYTES
    from tests.conftest import factcheck_command

    lines = ["There are 28,500 US troops in South Korea", "US withdrawing 4,500 troops",
             "45,000 US troops in South Korea", "Sales of cars rose 3% in March"]
    feed = tmp_path / "batch.txt"
    text = ""
    i = 0
    while len(text.encode()) <= EAGER_BYTES:
        text += f"{lines[i % len(lines)]} ({i})\n" if i % 5 == 0 else lines[i % len(lines)] + "\n"
        i += 1
    feed.write_text(text, "utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env["FACTCHECK_CACHE_DIR"] = str(tmp_path / "cache")
    outputs = []
    for jobs in ("1", "2"):
        with feed.open("rb") as stdin:
            proc = subprocess.run([*factcheck_command(), "-f", "jsonl", "--fail-on", "never", "-j", jobs],
                                  stdin=stdin, capture_output=True, text=True, env=env, cwd=tmp_path,
                                  timeout=300, check=False)
        assert proc.returncode == 0, proc.stderr
        outputs.append(proc.stdout)
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) == i


def test_claims_option_and_env(run_factcheck: Run, tmp_path: Path) -> None:
    claims = tmp_path / "mine.yaml"
    claims.write_text((ROOT / "claims.yaml").read_text("utf-8"), "utf-8")
    by_option = run_factcheck(["-c", str(claims), "-f", "jsonl", "28,500 US troops in South Korea"])
    by_env = run_factcheck(["-f", "jsonl", "28,500 US troops in South Korea"],
                           env={"FACTCHECK_CLAIMS": str(claims)})
    assert by_option.stdout == by_env.stdout
    assert json.loads(by_option.stdout)["verdict"] == "supported"


def test_usage_errors_are_one_line_exit_two(run_factcheck: Run, tmp_path: Path) -> None:
    cases = [
        ["--format", "xml", "anything"],
        ["--claims", str(tmp_path / "missing.yaml"), "anything"],
        ["--no-such-option"],
        ["--jobs", "0", "anything"],
        ["--jobs", "many", "anything"],
    ]
    for args in cases:
        proc = run_factcheck(args)
        assert proc.returncode == 2, (args, proc.stderr)
        assert proc.stderr.startswith("error: ")
        assert proc.stderr.count("\n") == 1, proc.stderr
        assert "Traceback" not in proc.stderr
        assert proc.stdout == ""


def test_no_input_on_terminalless_empty_stdin_is_quiet(run_factcheck: Run) -> None:
    proc = run_factcheck([], input="")
    assert proc.returncode == 0
    assert proc.stdout == ""


def test_version_and_help(run_factcheck: Run) -> None:
    from factcheck import __version__

    assert run_factcheck(["--version"]).stdout.strip() == f"factcheck {__version__}"
    help_text = run_factcheck(["--help"]).stdout
    for word in ("extract", "check", "claims", "schema", "--fail-on"):
        assert word in help_text


def test_python_dash_m(run_factcheck: Run) -> None:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "factcheck", "--version"], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0 and proc.stdout.startswith("factcheck ")
