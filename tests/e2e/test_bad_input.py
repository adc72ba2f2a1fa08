"""Bad input end to end: broken encodings, odd line endings, huge lines, missing paths, pipes and signals.

Every run goes through the installed console script in a subprocess, so these tests see what a
user sees: the exit status, stdout and stderr, and never a Python traceback.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, Run, factcheck_command

KNOWN = "US withdrawing 4,500 troops"
ARTICLE = ("Factory output\n\nThe company said 45 workers were hired on Monday.\n"
           "It said 3 more people left the plant in March.\n")


def run_bytes(args: list[str], data: bytes, tmp_path: Path, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    """Like run_factcheck, but with raw bytes on stdin (run_factcheck only sends text)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env["FACTCHECK_CACHE_DIR"] = str(tmp_path / "cache")
    return subprocess.run([*factcheck_command(), *args], input=data, capture_output=True, cwd=tmp_path,
                          env=env, timeout=timeout, check=False)


def jsonl(stdout: bytes | str) -> list[dict[str, object]]:
    text = stdout.decode("utf-8") if isinstance(stdout, bytes) else stdout
    return [json.loads(line) for line in text.splitlines()]


def no_traceback(stderr: bytes | str) -> None:
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    assert "Traceback" not in text, text


# ------------------------------------------------------------------ stdin


def test_non_utf8_stdin_is_replaced_and_warned_with_its_line(tmp_path: Path) -> None:
    proc = run_bytes(["-f", "jsonl"], f"{KNOWN}\nbad \xff\xfe bytes 12\n".encode("latin-1"), tmp_path)
    no_traceback(proc.stderr)
    assert proc.returncode in (0, 1)
    rows = jsonl(proc.stdout)  # stdout must stay valid UTF-8 JSON
    assert [r["text"] for r in rows] == [KNOWN, "bad \ufffd\ufffd bytes 12"]
    assert "<stdin>:2: not valid UTF-8" in proc.stderr.decode()


def test_bom_crlf_and_nul_on_stdin_are_cleaned(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + KNOWN.encode() + b"\r\n\r\n  \r\nfoo\x00bar 7\r\n"
    proc = run_bytes(["-f", "jsonl"], data, tmp_path)
    no_traceback(proc.stderr)
    rows = jsonl(proc.stdout)
    assert [r["text"] for r in rows] == [KNOWN, "foobar 7"]
    # The BOM must not hide the assertion from the checker: same verdict as without it.
    plain = jsonl(run_bytes(["-f", "jsonl"], KNOWN.encode() + b"\n", tmp_path).stdout)
    assert rows[0]["verdict"] == plain[0]["verdict"]
    assert rows[0]["claim_id"] == plain[0]["claim_id"] is not None


@pytest.mark.parametrize("data", [b"", b"\n\n   \n\t\n", b"\r\n\r\n"], ids=["empty", "blank", "crlf-blank"])
def test_empty_or_blank_stdin_gives_no_results_and_exit_0(tmp_path: Path, data: bytes) -> None:
    proc = run_bytes(["-f", "jsonl"], data, tmp_path)
    assert (proc.returncode, proc.stdout) == (0, b"")
    no_traceback(proc.stderr)
    json_proc = run_bytes(["-f", "json"], data, tmp_path)
    assert json.loads(json_proc.stdout) == []


def test_one_megabyte_line_is_answered_quickly(tmp_path: Path) -> None:
    line = ("US troops 4,500 " * 65536)[: 1 << 20]
    started = time.monotonic()
    proc = run_bytes(["-f", "jsonl"], (line + "\n" + KNOWN + "\n").encode(), tmp_path, timeout=60)
    elapsed = time.monotonic() - started
    assert elapsed < 20, f"took {elapsed:.1f} s"
    no_traceback(proc.stderr)
    rows = jsonl(proc.stdout)
    assert len(rows) == 2
    assert rows[0]["verdict"] != "supported"
    assert rows[1]["text"] == KNOWN
    assert "<stdin>:1:" in proc.stderr.decode()


# ------------------------------------------------------------------ files


def test_extract_non_utf8_file_warns_with_file_and_line(tmp_path: Path, run_factcheck: Run) -> None:
    (tmp_path / "bad.txt").write_bytes(ARTICLE.encode() + b"Broken \xff\xfe here. It said 9 trucks left.\n")
    proc = run_factcheck(["extract", "bad.txt", "-o", "out.yaml"])
    no_traceback(proc.stderr)
    assert proc.returncode == 0
    assert "warning: bad.txt:5: not valid UTF-8" in proc.stderr
    assert "45 workers" in (tmp_path / "out.yaml").read_text("utf-8")


def test_extract_bom_crlf_file_gives_the_same_claims_as_clean_file(tmp_path: Path, run_factcheck: Run) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "art.txt").write_bytes(ARTICLE.encode())
    (tmp_path / "b" / "art.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode())
    clean = run_factcheck(["extract", "a/art.txt"])
    messy = run_factcheck(["extract", "b/art.txt"])
    assert clean.returncode == messy.returncode == 0

    def sentences(out: str) -> list[str]:
        return [ln.strip() for ln in out.splitlines() if ln.strip().startswith(("sentence:", "line:"))]

    assert sentences(clean.stdout) and sentences(clean.stdout) == sentences(messy.stdout)
    assert "\r" not in messy.stdout and "\ufeff" not in messy.stdout


def test_check_file_with_crlf_bom_and_bad_bytes(tmp_path: Path, run_factcheck: Run) -> None:
    draft = tmp_path / "draft.md"
    draft.write_bytes(b"\xef\xbb\xbf" + KNOWN.encode() + b".\r\n\r\nAn odd \xff byte, 12 cats.\r\n")
    proc = run_factcheck(["check", "-f", "jsonl", "--fail-on", "never", "draft.md"])
    no_traceback(proc.stderr)
    assert proc.returncode == 0
    assert "warning: draft.md:3: not valid UTF-8" in proc.stderr
    rows = jsonl(proc.stdout)
    assert [(r["text"], r["line"], r["column"]) for r in rows if "4,500" in str(r["text"])] == [(KNOWN + ".", 1, 1)]


def test_check_binary_file_is_skipped_with_a_warning(tmp_path: Path, run_factcheck: Run) -> None:
    (tmp_path / "blob.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (tmp_path / "ok.md").write_text(KNOWN + ".\n", "utf-8")
    proc = run_factcheck(["check", "-f", "jsonl", "--fail-on", "never", "blob.md", "ok.md"])
    no_traceback(proc.stderr)
    assert proc.returncode == 0
    assert "warning: blob.md: binary file skipped" in proc.stderr
    paths = {r["path"] for r in jsonl(proc.stdout)}
    assert paths == {"ok.md"}


def test_extract_binary_file_is_an_error_not_a_traceback(tmp_path: Path, run_factcheck: Run) -> None:
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 8)
    proc = run_factcheck(["extract", "blob.txt"])
    no_traceback(proc.stderr)
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: blob.txt")


@pytest.mark.parametrize("command", ["extract", "check"])
@pytest.mark.parametrize("target", ["missing.txt", "missing-folder/"])
def test_missing_path_is_one_error_line_exit_2(tmp_path: Path, run_factcheck: Run, command: str,
                                               target: str) -> None:
    proc = run_factcheck([command, target])
    assert proc.returncode == 2
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("error: ") and "missing" in lines[0]
    assert proc.stdout == ""


def test_extract_onto_existing_file_merges_and_keeps_hand_added_claim(tmp_path: Path,
                                                                       run_factcheck: Run) -> None:
    (tmp_path / "art.txt").write_text(ARTICLE, "utf-8")
    first = run_factcheck(["extract", "art.txt", "-o", "claims.yaml"])
    assert first.returncode == 0, first.stderr
    path = tmp_path / "claims.yaml"
    hand = ("  - id: hand-added-1\n    source: art\n    sentence: The plant employs 300 people.\n"
            "    line: 3\n    start: 0\n    end: 29\n    reviewed: true\n")
    text = path.read_text("utf-8")
    assert text.rstrip().splitlines()[-1].startswith(" "), "claims must be the last block"
    path.write_text(text + hand, "utf-8")
    assert run_factcheck(["claims", "show", "hand-added-1", "--claims", "claims.yaml"]).returncode == 0
    (tmp_path / "art.txt").write_text(ARTICLE + "Officials said 12 lines would close by 2027.\n", "utf-8")
    second = run_factcheck(["extract", "art.txt", "-o", "claims.yaml"])
    no_traceback(second.stderr)
    assert second.returncode == 0, second.stderr
    merged = path.read_text("utf-8")
    assert "hand-added-1" in merged and "The plant employs 300 people." in merged
    assert "12 lines would close" in merged and "45 workers" in merged
    assert run_factcheck(["check", "--claims", "claims.yaml", "-f", "json", "art.txt"]).returncode in (0, 1)


@pytest.mark.parametrize("broken, where", [
    ("claims: [\n  - id: x\n  bad: : :\n", "broken.yaml:2:"),
    ("schema_version: 1\nclaims:\n  - id: a\n\tsentence: tab\n", "broken.yaml:4:"),
], ids=["flow", "tab"])
@pytest.mark.parametrize("command", [["US troops 4,500"], ["check", "draft.md"]], ids=["assert", "check"])
def test_broken_claims_file_reports_path_line_col(tmp_path: Path, run_factcheck: Run, broken: str, where: str,
                                                  command: list[str]) -> None:
    (tmp_path / "broken.yaml").write_text(broken, "utf-8")
    (tmp_path / "draft.md").write_text(KNOWN + ".\n", "utf-8")
    proc = run_factcheck([*command, "--claims", "broken.yaml"])
    assert proc.returncode == 2
    no_traceback(proc.stderr)
    last = proc.stderr.splitlines()[-1]
    assert last.startswith("error: " + where), proc.stderr
    assert last.split(":")[3].strip().isdigit() or last.split(":")[3].split()[0].isdigit()


# ------------------------------------------------------------------ pipes and signals


def test_broken_pipe_leaves_no_traceback(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env["FACTCHECK_CACHE_DIR"] = str(tmp_path / "cache")
    feed = tmp_path / "many.txt"
    feed.write_text("".join(f"{KNOWN} number {i}\n" for i in range(2000)), "utf-8")
    with feed.open("rb") as stdin:
        proc = subprocess.Popen([*factcheck_command(), "-f", "jsonl"], stdin=stdin, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, cwd=tmp_path, env=env)
        assert proc.stdout is not None and proc.stderr is not None
        first = proc.stdout.readline()
        proc.stdout.close()
        code = proc.wait(timeout=60)
        err = proc.stderr.read().decode()
        proc.stderr.close()
    assert json.loads(first)["text"] == f"{KNOWN} number 0"
    assert "Traceback" not in err and "BrokenPipe" not in err, err
    assert code in (0, 1, 120, -signal.SIGPIPE)


def test_sigint_exits_130_with_valid_output(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env["FACTCHECK_CACHE_DIR"] = str(tmp_path / "cache")
    proc = subprocess.Popen([*factcheck_command(), "-f", "jsonl"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=tmp_path, env=env)
    assert proc.stdin is not None and proc.stdout is not None
    try:
        proc.stdin.write((KNOWN + "\n").encode())
        proc.stdin.flush()
        first = proc.stdout.readline()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)  # closes stdin too, after the signal
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, err
    assert b"Traceback" not in err, err
    for line in (first + out).decode().splitlines():
        json.loads(line)
    assert json.loads(first)["text"] == KNOWN


def test_seed_claims_file_is_valid_for_these_tests() -> None:
    assert (ROOT / "claims.yaml").is_file()
