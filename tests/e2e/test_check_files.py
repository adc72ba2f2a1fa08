"""End-to-end: `factcheck check PATH…` on Markdown and text drafts.

Two halves. In-process runs of ``factcheck.cli.main`` with a fake checker pin
every output format with golden files (regenerate them with
``FACTCHECK_UPDATE_GOLDEN=1 pytest tests/e2e/test_check_files.py``) and cover
exit codes, configuration, baselines, stdin and warnings without depending on
the wording of the real checker. Subprocess runs of the installed command
with the knowledge base generated from the seed (``claims.yaml`` at the
repository root) check the real verdicts at exact locations.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import sys
from email.message import Message
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from factcheck import __version__, cli_check_files
from factcheck.cli import main
from factcheck.models import Difference, DifferenceKind, Result, SourceRef, Verdict
from tests.conftest import ROOT, Run

DRAFTS = ROOT / "tests" / "data" / "drafts"
GOLDEN = ROOT / "tests" / "golden" / "check"
SCHEMA = ROOT / "tests" / "data" / "sarif-2.1.0.json"
UPDATE = os.environ.get("FACTCHECK_UPDATE_GOLDEN") == "1"

Cap = pytest.CaptureFixture[str]
Fake = dict[str, Any]
MP = pytest.MonkeyPatch

SOURCE = SourceRef(id="us-troops", title="US Troop Withdrawal from South Korea", outlet=None,
                   published="2025-05-23", path="seeds/us-troops-south-korea-no-talks.md", line=14)


class FakeChecker:
    """Stands in for the real checker: fixed verdicts keyed on words of the seed draft."""

    RULES: tuple[tuple[str, Verdict, str, DifferenceKind | None, str, str | None], ...] = (
        ("45,000", Verdict.CONTRADICTED, "The source gives 28,500, not 45,000.",
         DifferenceKind.NUMBER, "Currently, there are 28,500 US troops stationed in South Korea.",
         "Currently, there are 28,500 US troops stationed in South Korea."),
        ("June 4th", Verdict.CONTRADICTED, "The source gives June 3rd, not June 4th.",
         DifferenceKind.DATE, "South Korea is scheduled to elect a new president in a snap "
         "election on June 3rd.", None),
        ("State Department", Verdict.CONTRADICTED, "The source names the US Defense Department, "
         "not the State Department.", DifferenceKind.ROLE, "South Korean media later reported "
         "that Sean Parnell, the US Defense Department chief spokesperson, had denied the report.",
         None),
        ("Tokyo", Verdict.UNVERIFIED, "No claim in the knowledge base mentions Tokyo.", None, "",
         None),
    )

    def __init__(self) -> None:
        self.checked: list[str] = []

    def is_checkable(self, text: str) -> bool:
        return bool(re.search(r"\d|Korea|Seoul|Tokyo", text))

    def check(self, text: str) -> Result:
        self.checked.append(text)
        for needle, verdict, reason, kind, evidence, suggestion in self.RULES:
            if needle in text:
                diffs = [Difference(kind=kind, asserted=needle, source="?")] if kind else []
                return Result(text=text, verdict=verdict, confidence=0.9, reason=reason,
                              evidence=evidence or None, source=SOURCE if evidence else None,
                              differences=diffs, suggestion=suggestion)
        return Result(text=text, verdict=Verdict.SUPPORTED, confidence=0.8,
                      reason="The source says so.", evidence=text, source=SOURCE)


@pytest.fixture
def fake(monkeypatch: MP) -> dict[str, Any]:
    """Route the command to FakeChecker; records the --claims value it was given."""
    state: dict[str, Any] = {"checker": FakeChecker(), "claims": []}

    def load(claims: str | None) -> FakeChecker:
        state["claims"].append(claims)
        checker: FakeChecker = state["checker"]
        return checker

    monkeypatch.setattr(cli_check_files, "load_checker", load)
    monkeypatch.setattr(cli_check_files, "_information_uri", lambda: "https://example.org/factcheck")
    monkeypatch.delenv("FACTCHECK_CLAIMS", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    return state


def run(capsys: Cap, *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    actual = actual.replace(__version__, "VERSION")
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, "utf-8")
        return
    assert path.exists(), f"{path} missing: run FACTCHECK_UPDATE_GOLDEN=1 pytest {__file__}"
    assert actual == path.read_text("utf-8"), f"{name} differs; FACTCHECK_UPDATE_GOLDEN=1 to accept"


# ------------------------------------------------------------------ golden files, every format


@pytest.mark.parametrize(
    ("fmt", "golden"),
    [("text", "drafts.txt"), ("json", "drafts.json"), ("jsonl", "drafts.jsonl"),
     ("github", "drafts.github.txt"), ("sarif", "drafts.sarif")],
)
def test_every_format_matches_its_golden_file(
        capsys: Cap, fake: Fake, monkeypatch: MP, fmt: str, golden: str) -> None:
    monkeypatch.chdir(ROOT)
    code, out, err = run(capsys, "tests/data/drafts", "--format", fmt)
    assert code == 1
    assert err == ""
    assert "\x1b[" not in out
    check_golden(golden, out)


def test_golden_text_report_content() -> None:
    # What the golden text file must say, so that a careless regeneration cannot hide a regression.
    text = (GOLDEN / "drafts.txt").read_text("utf-8")
    heads = [line for line in text.splitlines() if re.match(r"^\S+:\d+:\d+  ", line)]
    assert heads == [
        "tests/data/drafts/troops.md:11:1  contradicted  The source gives 28,500, not 45,000.",
        "tests/data/drafts/troops.md:15:1  contradicted  The source names the US Defense "
        "Department, not the State Department.",
        "tests/data/drafts/troops.md:17:1  contradicted  The source gives June 3rd, not June 4th.",
    ]
    assert text.endswith("10 checked · 7 supported · 3 contradicted · 0 unverified · 4 skipped\n")


def test_golden_sarif_is_valid_and_located() -> None:
    log = json.loads((GOLDEN / "drafts.sarif").read_text("utf-8"))
    schema = json.loads(SCHEMA.read_text("utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    assert [e.message for e in validator.iter_errors(log)] == []
    regions = [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
                r["locations"][0]["physicalLocation"]["region"]["endColumn"])
               for r in log["runs"][0]["results"]]
    assert regions == [("FC-NUMBER", 11, 64), ("FC-ROLE", 15, 111), ("FC-DATE", 17, 82)]


def test_suppressed_code_and_front_matter_never_reach_the_checker(capsys: Cap, fake: Fake) -> None:
    code, _, _ = run(capsys, str(DRAFTS / "troops.md"), "-f", "jsonl")
    assert code == 1
    checked = " ".join(fake["checker"].checked)
    for absent in ("60,000", "70,000", "50,000", "77,000", "80,000", "99,000", "desk"):
        assert absent not in checked


# ------------------------------------------------------------------ exit codes and options


def draft(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def test_exit_codes_follow_fail_on(capsys: Cap, fake: Fake, tmp_path: Path) -> None:
    clean = str(DRAFTS / "wire.txt")
    wrong = str(DRAFTS / "troops.md")
    unsure = str(draft(tmp_path, "unsure.md", "Officials in Tokyo counted 9 ships.\n"))
    assert run(capsys, clean)[0] == 0
    assert run(capsys, wrong)[0] == 1
    assert run(capsys, wrong, "--fail-on", "never")[0] == 0
    assert run(capsys, unsure)[0] == 0
    assert run(capsys, unsure, "--fail-on", "unverified")[0] == 1
    assert run(capsys, unsure, "--fail-on", "UNVERIFIED")[0] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.md"], r"^error: missing\.md: no such file or folder\n$"),
        (["{wire}", "--format", "xml"], r"^error: .*xml.*\n$"),
        (["{wire}", "--fail-on", "sometimes"], r"^error: .*sometimes.*\n$"),
        (["{wire}", "--config", "nope.toml"], r"^error: nope\.toml: no such configuration file\n$"),
        (["{wire}", "--baseline", "nope.json"], r"^error: nope\.json: no such baseline file"),
    ],
)
def test_errors_are_one_line_and_exit_two(
        capsys: Cap, fake: Fake, monkeypatch: MP, tmp_path: Path, args: list[str],
        message: str) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *[a.format(wire=DRAFTS / "wire.txt") for a in args])
    assert code == 2
    assert out == ""
    assert re.match(message, err), err
    assert err.count("\n") == 1


def test_output_file_and_summary_on_stderr(capsys: Cap, fake: Fake, tmp_path: Path) -> None:
    target = tmp_path / "report.sarif"
    code, out, err = run(capsys, str(DRAFTS / "troops.md"), "-f", "sarif", "-o", str(target))
    assert code == 1
    assert out == ""
    assert err == "7 checked · 4 supported · 3 contradicted · 0 unverified · 4 skipped\n"
    assert json.loads(target.read_text("utf-8"))["version"] == "2.1.0"


def test_stdin_draft_is_markdown_by_default(capsys: Cap, fake: Fake, monkeypatch: MP) -> None:
    data = "# Seoul\n\n```\n45,000\n```\nThere are *45,000* US troops in South Korea.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode()), encoding="utf-8"))
    code, out, _ = run(capsys, "-", "-f", "jsonl")
    assert code == 1
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["path"], r["line"], r["column"], r["verdict"]) for r in rows] == [
        ("<stdin>", 1, 3, "supported"), ("<stdin>", 6, 1, "contradicted")]
    assert rows[1]["text"] == "There are 45,000 US troops in South Korea."


def test_plain_option_reads_markdown_files_as_text(capsys: Cap, fake: Fake, tmp_path: Path) -> None:
    path = draft(tmp_path, "a.md", "Code `45,000 troops` in Korea.\n")
    assert run(capsys, str(path))[0] == 0
    assert run(capsys, str(path), "--plain")[0] == 1


def test_binary_and_badly_encoded_files_warn(
        capsys: Cap, fake: Fake, monkeypatch: MP, tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "image.md").write_bytes(b"\x89PNG\x00\x00\x00")
    latin1 = "Seoul 1.\nCaf\xe9 in Korea.\n".encode("latin-1")
    (tmp_path / "docs" / "latin1.txt").write_bytes(latin1)
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "docs")
    assert code == 0
    assert err.splitlines() == [
        "warning: docs/image.md: binary file skipped",
        "warning: docs/latin1.txt:2: not valid UTF-8; undecodable bytes replaced with U+FFFD",
    ]
    assert out.endswith("2 checked · 2 supported · 0 contradicted · 0 unverified · 0 skipped\n")


def test_include_and_exclude_options(
        capsys: Cap, fake: Fake, monkeypatch: MP, tmp_path: Path) -> None:
    draft(tmp_path, "docs/a.md", "Seoul 1.\n")
    draft(tmp_path, "docs/old/b.md", "Seoul 2.\n")
    draft(tmp_path, "docs/c.rst", "Seoul 3.\n")
    monkeypatch.chdir(tmp_path)

    def paths(*args: str) -> list[str]:
        _, out, _ = run(capsys, "docs", "-f", "jsonl", *args)
        return [json.loads(line)["path"] for line in out.splitlines()]

    assert paths() == ["docs/a.md", "docs/old/b.md"]
    assert paths("--exclude", "old") == ["docs/a.md"]
    assert paths("--include", "*.rst", "--include", "*.md", "--exclude", "docs/old") == [
        "docs/a.md", "docs/c.rst"]


# ------------------------------------------------------------------ configuration


def test_configuration_file_and_cli_precedence(
        capsys: Cap, fake: Fake, monkeypatch: MP, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        '[tool.factcheck]\nclaims = "kb/claims.yaml"\nfail-on = "never"\nformat = "jsonl"\n'
        'exclude = ["drafts/old"]\n', "utf-8")
    shutil.copy(DRAFTS / "troops.md", draft(tmp_path, "drafts/now.md", ""))
    draft(tmp_path, "drafts/old/then.md", "There are 45,000 troops in South Korea.\n")
    monkeypatch.chdir(tmp_path / "drafts")
    code, out, _ = run(capsys, ".")
    assert code == 0  # fail-on = never
    rows = [json.loads(line) for line in out.splitlines()]  # format = jsonl
    assert {r["path"] for r in rows} == {"now.md"}  # drafts/old excluded, relative to the file
    assert fake["claims"][-1] == str(tmp_path / "kb" / "claims.yaml")
    code, out, _ = run(capsys, ".", "--fail-on", "contradicted", "-f", "text", "-c", "mine.yaml")
    assert code == 1
    assert out.startswith("now.md:11:1  contradicted")
    assert fake["claims"][-1] == "mine.yaml"


def test_environment_claims_beat_the_configuration(
        capsys: Cap, fake: Fake, monkeypatch: MP, tmp_path: Path) -> None:
    (tmp_path / ".factcheck.toml").write_text('claims = "kb.yaml"\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_CLAIMS", "from-env.yaml")
    run(capsys, str(DRAFTS / "wire.txt"))
    assert fake["claims"][-1] == "from-env.yaml"


def test_invalid_configuration_exits_two(
        capsys: Cap, fake: Fake, monkeypatch: MP, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".factcheck.toml").write_text('fail-on = "never"\nformats = "json"\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, str(DRAFTS / "wire.txt"))
    assert (code, out) == (2, "")
    assert err.startswith(f"error: {tmp_path / '.factcheck.toml'}:2: unknown key 'formats'")


# ------------------------------------------------------------------ baseline


def test_baseline_accepts_known_findings_and_catches_new_ones(
        capsys: Cap, fake: Fake, monkeypatch: MP, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    text = (DRAFTS / "troops.md").read_text("utf-8")
    draft(tmp_path, "docs/troops.md", text)
    code, out, err = run(capsys, "docs", "--write-baseline", ".factcheck-baseline.json")
    assert (code, out) == (0, "")
    assert err == "factcheck: recorded 3 findings in .factcheck-baseline.json\n"
    recorded = json.loads((tmp_path / ".factcheck-baseline.json").read_text("utf-8"))
    assert len(recorded["findings"]) == 3

    code, out, _ = run(capsys, "docs", "--baseline", ".factcheck-baseline.json")
    assert code == 0
    assert out == ("7 checked · 4 supported · 0 contradicted · 0 unverified · 4 skipped · "
                   "3 known (baseline)\n")

    # Lines added above the known findings move them; a new wrong sentence is the only finding.
    added = "Officials in Tokyo said the US has 45,000 troops in Korea.\n\n# Seoul says"
    draft(tmp_path, "docs/troops.md", text.replace("# Seoul says", added))
    code, out, _ = run(capsys, "docs", "--baseline", ".factcheck-baseline.json", "-f", "jsonl")
    assert code == 1
    new = [json.loads(line) for line in out.splitlines() if '"supported"' not in line]
    assert [(r["line"], r["verdict"]) for r in new] == [(7, "contradicted")]

    # The baseline from the configuration, from another working folder.
    (tmp_path / ".factcheck.toml").write_text('baseline = ".factcheck-baseline.json"\n', "utf-8")
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path / "docs")
    code, out, _ = run(capsys, "troops.md", "-f", "github")
    assert code == 1
    assert [line.split(",")[0] for line in out.splitlines() if line.startswith("::")] == [
        "::error file=troops.md"]


def test_information_uri_from_package_metadata(monkeypatch: MP) -> None:
    import importlib.metadata

    meta = Message()
    meta["Project-URL"] = "Issues, https://example.org/issues"
    meta["Project-URL"] = "Homepage, https://example.org/factcheck"
    monkeypatch.setattr(importlib.metadata, "metadata", lambda name: meta)
    assert cli_check_files._information_uri() == "https://example.org/factcheck"
    monkeypatch.setattr(importlib.metadata, "metadata", lambda name: Message())
    assert cli_check_files._information_uri() is None


# ------------------------------------------------------------------ installed command, real checker


@pytest.fixture
def claims(seed_claims: Path) -> Path:
    if not seed_claims.is_file():
        pytest.skip("claims.yaml (factcheck extract seeds/ -o claims.yaml) is not generated yet")
    return seed_claims


def test_real_verdicts_at_exact_locations(run_factcheck: Run, claims: Path) -> None:
    proc = run_factcheck(["check", "tests/data/drafts/troops.md", "--claims", str(claims),
                          "-f", "json"], cwd=ROOT)
    assert proc.returncode == 1, proc.stderr
    rows = json.loads(proc.stdout)
    by_line = {r["line"]: r for r in rows}
    wrong = {line: (r["column"], r["end_line"], r["end_column"])
             for line, r in by_line.items() if r["verdict"] == "contradicted"}
    assert wrong == {11: (1, 11, 64), 15: (1, 15, 111), 17: (1, 17, 82)}
    assert by_line[11]["differences"][0]["kind"] == "number"
    assert "28,500" in by_line[11]["evidence"]
    assert by_line[17]["differences"][0]["kind"] == "date"
    assert "Defense Department" in by_line[15]["evidence"]
    assert by_line[9]["verdict"] == "supported"
    assert by_line[41]["verdict"] == "supported"  # the block quote, emphasis removed
    assert by_line[41]["column"] == 3
    # Suppressed sentences, code and front matter are never checked.
    assert not {2, 3, 4, 20, 21, 25, 31, 34, 36, 39} & set(by_line)
    assert all(r["path"] == "tests/data/drafts/troops.md" for r in rows)


def test_real_exit_codes_and_formats(run_factcheck: Run, claims: Path) -> None:
    clean = run_factcheck(["check", "tests/data/drafts/wire.txt", "-c", str(claims)], cwd=ROOT)
    assert clean.returncode == 0, clean.stderr
    assert clean.stdout.endswith("3 checked · 3 supported · 0 contradicted · 0 unverified · "
                                 "0 skipped\n")
    lenient = run_factcheck(["check", "tests/data/drafts", "-c", str(claims), "--fail-on", "never"],
                            cwd=ROOT)
    assert lenient.returncode == 0
    github = run_factcheck(["check", "tests/data/drafts", "-c", str(claims), "-f", "github"],
                           cwd=ROOT)
    assert github.returncode == 1
    errors = [line for line in github.stdout.splitlines() if line.startswith("::error ")]
    assert [e.split(",title=")[0] for e in errors] == [
        "::error file=tests/data/drafts/troops.md,line=11,col=1,endLine=11,endColumn=63",
        "::error file=tests/data/drafts/troops.md,line=15,col=1,endLine=15,endColumn=110",
        "::error file=tests/data/drafts/troops.md,line=17,col=1,endLine=17,endColumn=81",
    ]
    sarif = run_factcheck(["check", "tests/data/drafts", "-c", str(claims), "-f", "sarif"],
                          cwd=ROOT)
    schema = json.loads(SCHEMA.read_text("utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    log = json.loads(sarif.stdout)
    assert [e.message for e in validator.iter_errors(log)] == []
    assert len(log["runs"][0]["results"]) == 3


def test_real_stdin_and_usage_error(run_factcheck: Run, claims: Path) -> None:
    text = "Currently, there are **45,000** US troops stationed in South Korea.\n"
    proc = run_factcheck(["check", "-", "-c", str(claims), "-f", "jsonl"], input=text)
    assert proc.returncode == 1, proc.stderr
    [row] = [json.loads(line) for line in proc.stdout.splitlines()]
    assert (row["path"], row["verdict"], row["column"]) == ("<stdin>", "contradicted", 1)
    missing = run_factcheck(["check", "nope.md", "-c", str(claims)])
    assert missing.returncode == 2
    assert missing.stderr == "error: nope.md: no such file or folder\n"


def test_pre_commit_hook_definition() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text("utf-8")
    from ruamel.yaml import YAML

    [hook] = YAML(typ="safe").load(text)
    assert hook["id"] == "factcheck"
    assert hook["entry"] == "factcheck check"
    assert hook["language"] == "python"
    assert hook["types_or"] == ["markdown", "text"]
    assert re.search(hook["files"], "docs/draft.md") and not re.search(hook["files"], "src/x.py")
