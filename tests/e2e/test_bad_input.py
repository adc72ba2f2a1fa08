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


# ------------------------------------------------------------------ curated knowledge through the command


def _curate(path: Path) -> str:
    """What a person makes of a generated file: a comment, a reviewed claim, a hand-added claim."""
    text = path.read_text("utf-8")
    first, second = [line for line in text.splitlines() if line.startswith("  - id: art-")]
    text = text.replace(first + "\n", "  # checked with the plant manager\n" + first + "\n")
    text = text.replace(second + "\n", second + "  # quoted in the weekly\n")
    text = text.replace("    sentence: It said 3 more people left the plant in March.\n",
                        "    sentence: It said 3 more people left the plant in March.\n    reviewed: true\n")
    text += ("  - id: hand-1\n    source: art\n    sentence: The plant employs 300 people.\n"
             "    line: 3\n")
    path.write_text(text, "utf-8")
    return text


def test_extract_dry_run_prints_the_change_and_leaves_the_file_byte_identical(tmp_path: Path,
                                                                              run_factcheck: Run) -> None:
    import difflib

    article = tmp_path / "art.txt"
    article.write_text(ARTICLE, "utf-8")
    assert run_factcheck(["extract", "art.txt", "-o", "claims.yaml"]).returncode == 0
    path = tmp_path / "claims.yaml"
    curated = _curate(path)
    before = path.read_bytes()
    stamp = path.stat().st_mtime_ns
    # The first sentence disappears, a new one arrives; the reviewed one stays.
    article.write_text(ARTICLE.replace("The company said 45 workers were hired on Monday.\n", "")
                       + "Officials said 12 lines would close by 2027.\n", "utf-8")

    dry = run_factcheck(["extract", "art.txt", "-o", "claims.yaml", "--dry-run"])
    no_traceback(dry.stderr)
    assert dry.returncode == 0, dry.stderr
    assert path.read_bytes() == before and path.stat().st_mtime_ns == stamp
    assert sorted(p.name for p in tmp_path.iterdir()) == ["art.txt", "cache", "claims.yaml"]  # no temporary file
    assert "1 added, 0 updated, 2 kept (1 edited, 1 reviewed), 1 stale removed" in dry.stderr
    assert "stale (its sentence is gone from the source): art-" in dry.stderr
    assert dry.stdout.startswith("--- claims.yaml\n+++ claims.yaml (after extract)\n")
    assert "+    sentence: Officials said 12 lines would close by 2027.\n" in dry.stdout
    assert "-    sentence: The company said 45 workers were hired on Monday.\n" in dry.stdout
    changed = [line for line in dry.stdout.splitlines()[2:] if line.startswith(("+", "-"))]
    assert not [line for line in changed if "300 people" in line or "3 more people" in line]  # curated: untouched

    real = run_factcheck(["extract", "art.txt", "-o", "claims.yaml"])
    assert real.returncode == 0, real.stderr
    assert real.stderr.splitlines()[0] == dry.stderr.splitlines()[0]
    after = path.read_text("utf-8")
    # The dry run showed exactly what the real run then wrote.
    shown = "".join(difflib.unified_diff(curated.splitlines(keepends=True), after.splitlines(keepends=True),
                                         fromfile="claims.yaml", tofile="claims.yaml (after extract)"))
    assert dry.stdout == shown
    for kept in ("  # checked with the plant manager\n", "  # quoted in the weekly\n", "    reviewed: true\n",
                 "  - id: hand-1\n"):
        assert kept in after


def test_extract_dry_run_to_a_new_file_writes_nothing(tmp_path: Path, run_factcheck: Run) -> None:
    (tmp_path / "art.txt").write_text(ARTICLE, "utf-8")
    proc = run_factcheck(["extract", "art.txt", "-o", "claims.yaml", "--dry-run"])
    assert (proc.returncode, proc.stdout) == (0, "")
    assert proc.stderr == "claims.yaml: would write 2 claims from 1 sources\n"
    assert not (tmp_path / "claims.yaml").exists()


def test_extract_output_is_byte_identical_across_runs_and_hash_seeds(tmp_path: Path, run_factcheck: Run) -> None:
    # Sets and dicts iterate in another order under another PYTHONHASHSEED; the file must not.
    (tmp_path / "arts").mkdir()
    (tmp_path / "arts" / "a.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "arts" / "b.md").write_text(
        "Trade talks\n\nThe European Union and Japan said on 3 May 2024 that tariffs on 1,200 goods would "
        "fall by 5%, Reuters reported.\nMr Smith, the EU trade commissioner, denied that 40 jobs were lost.\n",
        "utf-8")
    outputs = set()
    for seed in ("0", "1", "12345"):
        proc = run_factcheck(["extract", "arts", "-o", f"out-{seed}.yaml"], env={"PYTHONHASHSEED": seed})
        assert proc.returncode == 0, proc.stderr
        outputs.add((tmp_path / f"out-{seed}.yaml").read_bytes())
    assert len(outputs) == 1
    (only,) = outputs
    assert only.count(b"\n  - id: ") >= 5  # sources and claims of both articles: not a trivial file
    again = run_factcheck(["extract", "arts", "-o", "out-0.yaml"])
    assert again.stderr.endswith("0 added, 0 updated, 0 kept (0 edited, 0 reviewed), 0 stale removed\n")
    assert (tmp_path / "out-0.yaml").read_bytes() == only


# ------------------------------------------------------------------ unusable inputs to check


BLOB = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


@pytest.mark.parametrize("files, code, last", [
    (["blob.md"], 2, "error: blob.md: nothing to check: the only input was skipped (see the warning above)"),
    (["blob.md", "blob2.md"], 2, "error: nothing to check: all 2 inputs were skipped (see the warnings above)"),
    (["blob.md", "known.md"], 0, "1 checked · 0 supported · 0 contradicted · 1 unverified · 0 skipped"),
    (["blob.md", "wrong.md"], 1, "1 checked · 0 supported · 1 contradicted · 0 unverified · 0 skipped"),
], ids=["one-binary", "two-binary", "binary-and-good", "binary-and-finding"])
def test_check_of_binary_only_input_exits_2_and_a_mix_keeps_the_normal_exit(
        tmp_path: Path, run_factcheck: Run, files: list[str], code: int, last: str) -> None:
    (tmp_path / "blob.md").write_bytes(BLOB)
    (tmp_path / "blob2.md").write_bytes(BLOB[::-1])
    (tmp_path / "known.md").write_text(KNOWN + ".\n", "utf-8")
    (tmp_path / "wrong.md").write_text("US withdrawing 9,000 troops.\n", "utf-8")
    proc = run_factcheck(["check", *files])
    no_traceback(proc.stderr)
    assert proc.returncode == code, proc.stderr
    why = {"blob.md": "binary file skipped",
           "blob2.md": "not valid UTF-16 despite its byte-order mark; skipped"}  # it starts with FF FE
    warnings = [f"warning: {f}: {why[f]}" for f in files if f in why]
    if code == 2:
        assert proc.stdout == ""
        assert proc.stderr.splitlines() == [*warnings, last]
    else:
        assert proc.stderr.splitlines() == warnings
        assert proc.stdout.splitlines()[-1] == last


def test_check_of_binary_stdin_exits_2(tmp_path: Path) -> None:
    proc = run_bytes(["check", "-"], BLOB, tmp_path)
    assert proc.returncode == 2
    assert proc.stdout == b""
    assert proc.stderr.decode().splitlines() == [
        "warning: <stdin>: binary file skipped",
        "error: <stdin>: nothing to check: the only input was skipped (see the warning above)"]


def test_check_of_a_draft_with_a_stray_nul_checks_it_at_exact_locations(tmp_path: Path,
                                                                        run_factcheck: Run) -> None:
    # One NUL in a text draft is damage, not a binary file: the draft is still checked.
    (tmp_path / "draft.md").write_bytes(b"Intro line.\n\nUS with\x00drawing 9,000 troops.\n")
    proc = run_factcheck(["check", "-f", "jsonl", "draft.md"])
    no_traceback(proc.stderr)
    assert proc.stderr == "warning: draft.md:3: NUL bytes ignored\n"
    assert proc.returncode == 1
    rows = [r for r in jsonl(proc.stdout) if "9,000" in str(r["text"])]
    assert [(r["text"], r["verdict"], r["line"], r["column"], r["end_column"]) for r in rows] == [
        ("US withdrawing 9,000 troops.", "contradicted", 3, 1, 30)]


def test_extract_of_an_article_with_a_stray_nul_warns_and_drops_it(tmp_path: Path, run_factcheck: Run) -> None:
    (tmp_path / "art.txt").write_bytes(ARTICLE.replace("45 workers", "45 wor\x00kers").encode())
    proc = run_factcheck(["extract", "art.txt"])
    no_traceback(proc.stderr)
    assert proc.returncode == 0
    assert proc.stderr == "warning: art.txt: NUL bytes removed\n"
    assert "sentence: The company said 45 workers were hired on Monday.\n" in proc.stdout
    assert "\x00" not in proc.stdout and "\\0" not in proc.stdout


@pytest.mark.parametrize("args", [["check", "-f", "jsonl", "--fail-on", "unverified", "long.md"],
                                  ["extract", "long.md"]], ids=["check", "extract"])
def test_report_to_a_closed_pipe_ends_quietly_with_0(tmp_path: Path, args: list[str]) -> None:
    # `factcheck check … | head -1` where head has already left: the report is written in one go at the
    # end, into a pipe whose reader is gone. typer's own handler would exit 1, which means "findings".
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env["FACTCHECK_CACHE_DIR"] = str(tmp_path / "cache")
    (tmp_path / "long.md").write_text(f"{KNOWN}.\n\n" * 300, "utf-8")  # checked once, reported 300 times
    proc = subprocess.Popen([*factcheck_command(), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            cwd=tmp_path, env=env)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader leaves before anything is written
    code = proc.wait(timeout=60)
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert (code, err) == (0, "")
