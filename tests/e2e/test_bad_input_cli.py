"""Bad input through ``factcheck.cli.main`` in-process: every error is one line and a distinct exit code.

In-process runs are fast enough to go through every broken knowledge-base fixture with two commands, and
they can simulate what a test running as root cannot produce for real (a folder without permission, an
interrupt at an exact moment). What the user sees is the same: the exit status, stdout and stderr.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from factcheck import cli_app, cli_check_files
from factcheck.cli import main
from factcheck.documents import decode_document, draft_sentences, iter_document_paths
from factcheck.errors import InputError
from tests.conftest import ROOT

Cap = pytest.CaptureFixture[str]
MP = pytest.MonkeyPatch

ERROR_FIXTURES = sorted((ROOT / "tests" / "data" / "kb" / "errors").glob("*.yaml"))
ARTICLE = ("Factory output\n\nThe company said 45 workers were hired on Monday.\n"
           "It said 3 more people left the plant in March.\n")
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture(autouse=True)
def project(tmp_path: Path, monkeypatch: MP) -> Path:
    """An empty project folder as the working folder, a private cache, no colour."""
    monkeypatch.chdir(tmp_path)
    for name in [n for n in os.environ if n.startswith("FACTCHECK_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / ".cache"))
    monkeypatch.setenv("NO_COLOR", "1")
    (tmp_path / ".git").mkdir()  # no configuration file above this folder applies
    (tmp_path / "draft.md").write_text("US withdrawing 4,500 troops.\n", "utf-8")
    (tmp_path / "art.txt").write_text(ARTICLE, "utf-8")
    return tmp_path


def run(capsys: Cap, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def one_error(capsys: Cap, *args: str) -> str:
    """Run; assert exit 2, nothing on stdout and exactly one line on stderr; return that line."""
    code, out, err = run(capsys, *args)
    assert (code, out) == (2, ""), err
    assert err.count("\n") == 1 and err.startswith("error: "), err
    return err.rstrip("\n")


def _expectation(path: Path) -> str:
    return path.read_text("utf-8").splitlines()[0].removeprefix("# expect: ")


# ------------------------------------------------------------------ the knowledge base file


@pytest.mark.parametrize("fixture", ERROR_FIXTURES, ids=lambda p: p.stem)
@pytest.mark.parametrize("command", [["Sales rose 5%"], ["check", "draft.md"], ["claims", "list"]],
                         ids=["assert", "check", "claims"])
def test_every_broken_knowledge_base_is_one_located_line_exit_2(capsys: Cap, fixture: Path,
                                                                command: list[str]) -> None:
    line = one_error(capsys, *command, "--claims", str(fixture))
    assert line.startswith(f"error: {fixture}:{_expectation(fixture)}")
    assert re.match(rf"error: {re.escape(str(fixture))}:\d+:\d+: \S", line)


def test_broken_knowledge_base_from_the_environment(capsys: Cap, monkeypatch: MP) -> None:
    fixture = ERROR_FIXTURES[0]
    monkeypatch.setenv("FACTCHECK_CLAIMS", str(fixture))
    assert one_error(capsys, "Sales rose 5%").startswith(f"error: {fixture}:{_expectation(fixture)}")


# ------------------------------------------------------------------ other bad inputs, as a user meets them


def _write(name: str, data: str | bytes) -> Callable[[Path], None]:
    def setup(root: Path) -> None:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, "utf-8")
    return setup


def _mkdir(name: str) -> Callable[[Path], None]:
    return lambda root: (root / name).mkdir(parents=True)


def _symlink_loop(root: Path) -> None:
    (root / "loop").symlink_to("loop")


def _nothing(root: Path) -> None:
    return None


# (setup, arguments, the one error line expected; {root} is the project folder)
BAD_INPUTS = {
    "claims-is-a-list": (_write("kb.yaml", "- a\n- b\n"), ["Sales rose 5%", "-c", "kb.yaml"],
                         "error: kb.yaml:1:1: the top level must be a mapping with schema_version, sources, "
                         "aliases and claims, found a list"),
    "claims-is-a-folder": (_mkdir("kb"), ["check", "draft.md", "-c", "kb"],
                           "error: kb: is a folder, expected a claims.yaml file"),
    "claims-unknown-source": (_write("kb.yaml", "sources: [{id: a, title: A}]\nclaims:\n"
                                               "  - {id: a-1, source: zz, sentence: S 5., line: 1}\n"),
                              ["Sales rose 5%", "-c", "kb.yaml"],
                              "error: kb.yaml:3:23: claims[0].source: unknown source 'zz' (known: a)"),
    "claims-not-utf8": (_write("kb.yaml", b"schema_version: 1\nsources: []\n# caf\xe9\n"),
                        ["Sales rose 5%", "-c", "kb.yaml"], "error: kb.yaml:3:6: not valid UTF-8 (byte 0xe9)"),
    "claims-missing": (_nothing, ["Sales rose 5%", "-c", "nowhere/kb.yaml"],
                       "error: nowhere/kb.yaml: knowledge base not found"),
    "format-nonsense": (_nothing, ["Sales rose 5%", "--format", "nonsense"],
                        "error: unknown format 'nonsense' (choose from text, json, jsonl)"),
    "fail-on-nonsense": (_nothing, ["Sales rose 5%", "--fail-on", "nonsense"],
                         "error: unknown --fail-on 'nonsense' (choose from contradicted, unverified, never)"),
    "check-format-nonsense": (_nothing, ["check", "draft.md", "--format", "nonsense"],
                              "error: Invalid value for '--format' / '-f': 'nonsense' is not one of 'text', "
                              "'json', 'jsonl', 'github', 'sarif'. (see factcheck --help)"),
    "check-fail-on-nonsense": (_nothing, ["check", "draft.md", "--fail-on", "nonsense"],
                               "error: Invalid value for '--fail-on': 'nonsense' is not one of 'contradicted', "
                               "'unverified', 'never'. (see factcheck --help)"),
    "check-symlink-loop": (_symlink_loop, ["check", "loop"],
                           "error: loop: cannot access: Too many levels of symbolic links"),
    "extract-symlink-loop": (_symlink_loop, ["extract", "loop"],
                             "error: loop: cannot access: Too many levels of symbolic links"),
    "extract-output-is-a-folder": (_mkdir("out"), ["extract", "art.txt", "-o", "out"],
                                   "error: out: is a folder; -o takes the name of a claims.yaml file"),
    "extract-output-not-utf8": (_write("claims.yaml", b"schema_version: 1\n# \xff\n"),
                                ["extract", "art.txt", "-o", "claims.yaml"],
                                "error: claims.yaml:2:3: not valid UTF-8 (byte 0xff)"),
    "extract-output-invalid": (_write("claims.yaml", "schema_version: 1\nclaims: [{id: x}]\n"),
                               ["extract", "art.txt", "-o", "claims.yaml"],
                               "error: claims.yaml:2:10: claims[0]: missing required field 'source' "
                               "(and 2 more problems)"),
    "extract-bad-date": (_nothing, ["extract", "art.txt", "--date", "2024-13-01"],
                         "error: --date must be YYYY-MM-DD, not '2024-13-01'"),
    "config-unknown-key": (_write(".factcheck.toml", 'fail-on = "never"\nformats = "json"\n'),
                           ["check", "draft.md"],
                           "error: {root}/.factcheck.toml:2: unknown key 'formats' in the configuration (known: "
                           "claims, fail-on, format, include, exclude, baseline)"),
    "config-bad-value": (_write(".factcheck.toml", 'fail-on = "sometimes"\n'), ["check", "draft.md"],
                         "error: {root}/.factcheck.toml:1: fail-on: 'sometimes' is not one of contradicted, "
                         "unverified, never"),
    "config-is-a-folder": (_mkdir("conf"), ["check", "draft.md", "--config", "conf"],
                           "error: Invalid value for '--config': file 'conf' is a directory. (see factcheck --help)"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_one_clear_line_exit_2(capsys: Cap, project: Path, name: str) -> None:
    setup, args, expected = BAD_INPUTS[name]
    setup(project)
    before = {p: p.read_bytes() for p in project.iterdir() if p.is_file()}
    assert one_error(capsys, *args) == expected.format(root=project)
    assert {p: p.read_bytes() for p in project.iterdir() if p.is_file()} == before  # nothing written


# ------------------------------------------------------------------ folders and files without permission


def _deny(monkeypatch: MP, *names: str) -> None:
    """Folders named ``names`` cannot be listed, as without read permission (root can read anything)."""
    real = os.scandir

    def scandir(path: str = ".") -> Any:
        if Path(path).name in names:
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def _closed_tree(root: Path) -> None:
    for rel in ("docs/ok.md", "docs/closed/hidden.md", "closed/c.md"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(ARTICLE, "utf-8")


@pytest.mark.parametrize("command", ["check", "extract"])
@pytest.mark.parametrize("target, where", [("closed", "closed"), ("docs", "docs/closed")],
                         ids=["given", "nested"])
def test_unreadable_folder_is_one_line_exit_2(capsys: Cap, monkeypatch: MP, project: Path, command: str,
                                              target: str, where: str) -> None:
    # Before: `check` passed over such a folder and reported "0 checked" with exit 0; `extract` said it
    # found no articles, or quietly extracted the rest.
    _closed_tree(project)
    _deny(monkeypatch, "closed")
    assert one_error(capsys, command, target) == f"error: {where}: cannot read folder: Permission denied"


def test_excluded_unreadable_folder_is_not_an_error(capsys: Cap, monkeypatch: MP, project: Path) -> None:
    _closed_tree(project)
    _deny(monkeypatch, "closed")
    code, out, err = run(capsys, "check", "docs", "--exclude", "closed", "-f", "jsonl", "--fail-on", "never")
    assert (code, err) == (0, "")
    assert {line.split('"path": "')[1].split('"')[0] for line in out.splitlines()} == {"docs/ok.md"}


def _deny_stat(monkeypatch: MP, name: str) -> None:
    """``name`` cannot be reached, as under a folder without search permission."""
    real = Path.stat

    def stat(self: Path, *, follow_symlinks: bool = True) -> os.stat_result:
        if self.name == name:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self, follow_symlinks=follow_symlinks)

    monkeypatch.setattr(Path, "stat", stat)


@pytest.mark.parametrize("args, expected", [
    (["check", "closed/c.md"], "error: closed/c.md: cannot access: Permission denied"),
    (["extract", "closed/c.md"], "error: closed/c.md: cannot access: Permission denied"),
    # Not reached by the path checks above: the last resort for any OSError names the file.
    (["check", "draft.md", "--config", "closed/x.toml"], "error: closed/x.toml: Permission denied"),
])
def test_unreachable_file_is_one_line_exit_2(capsys: Cap, monkeypatch: MP, project: Path, args: list[str],
                                             expected: str) -> None:
    _closed_tree(project)
    _deny_stat(monkeypatch, Path(args[-1]).name)
    assert one_error(capsys, *args) == expected


@pytest.mark.parametrize("command", [["check", "docs/ok.md"], ["extract", "docs/ok.md"]])
def test_unreadable_file_is_one_line_exit_2(capsys: Cap, monkeypatch: MP, project: Path,
                                            command: list[str]) -> None:
    _closed_tree(project)
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "ok.md":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    line = one_error(capsys, *command)
    assert line.startswith("error: docs/ok.md: cannot read") and line.endswith(": Permission denied")


def test_extract_onto_an_unreadable_claims_file(capsys: Cap, monkeypatch: MP, project: Path) -> None:
    (project / "claims.yaml").write_text("schema_version: 1\n", "utf-8")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "claims.yaml":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert one_error(capsys, "extract", "art.txt", "-o", "claims.yaml") == (
        "error: claims.yaml: cannot read: Permission denied")
    assert (project / "claims.yaml").read_text("utf-8") == "schema_version: 1\n"


@pytest.mark.skipif(AS_ROOT, reason="root reads folders without read permission; simulated above")
@pytest.mark.parametrize("command", ["check", "extract"])
def test_real_unreadable_folder(capsys: Cap, project: Path, command: str) -> None:
    _closed_tree(project)
    (project / "closed").chmod(0)
    try:
        assert one_error(capsys, command, "closed") == "error: closed: cannot read folder: Permission denied"
        assert one_error(capsys, command, "closed/c.md") == "error: closed/c.md: cannot access: Permission denied"
    finally:
        (project / "closed").chmod(0o755)


@pytest.mark.skipif(AS_ROOT, reason="root reads files without read permission; simulated above")
def test_real_unreadable_claims_file(capsys: Cap, project: Path) -> None:
    (project / "kb.yaml").write_text("schema_version: 1\n", "utf-8")
    (project / "kb.yaml").chmod(0)
    assert one_error(capsys, "Sales rose 5%", "-c", "kb.yaml") == (
        "error: kb.yaml: cannot read knowledge base: Permission denied")


# ------------------------------------------------------------------ interrupts


def test_interrupted_check_exits_130_and_prints_no_partial_report(capsys: Cap, monkeypatch: MP) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_check_files, "_run_checks", interrupted)
    assert run(capsys, "check", "draft.md") == (130, "", "interrupted\n")


def test_extract_interrupted_while_replacing_the_file_leaves_it_intact(capsys: Cap, monkeypatch: MP,
                                                                       project: Path) -> None:
    assert run(capsys, "extract", "art.txt", "-o", "claims.yaml")[0] == 0
    (project / "art.txt").write_text(ARTICLE + "Officials said 12 lines would close by 2027.\n", "utf-8")
    before = (project / "claims.yaml").read_bytes()
    real = os.replace

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst).name == "claims.yaml":
            raise KeyboardInterrupt  # Ctrl-C between writing the new file and putting it in place
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    code, out, err = run(capsys, "extract", "art.txt", "-o", "claims.yaml")
    assert (code, out) == (130, "")
    assert err.endswith("interrupted\n")
    assert (project / "claims.yaml").read_bytes() == before
    assert sorted(p.name for p in project.iterdir() if p.is_file()) == ["art.txt", "claims.yaml", "draft.md"]


def test_interrupted_extract_exits_130(capsys: Cap, monkeypatch: MP) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_app, "_extract_with_progress", interrupted)
    assert run(capsys, "extract", "art.txt", "-o", "claims.yaml") == (130, "", "interrupted\n")


# ------------------------------------------------------------------ drafts: NUL bytes, UTF-16, binary


def test_stray_nul_in_a_draft_is_text_with_a_warning() -> None:
    doc = decode_document(b"Intro.\n\nUS with\x00drawing 9,000 troops.\n", "d.md")
    assert doc.warnings == ("d.md:3: NUL bytes ignored",)
    assert doc.text is not None
    [_, sentence] = draft_sentences(doc.text, markdown=True)
    assert (sentence.text, sentence.line, sentence.column, sentence.end_column) == (
        "US withdrawing 9,000 troops.", 3, 1, 30)  # the NUL is dropped from the words, not the columns


def test_sentence_of_nul_bytes_only_is_no_sentence() -> None:
    assert [s.text for s in draft_sentences("One 1.\n\n\x00\x00\n\nTwo 2.\n", markdown=True)] == ["One 1.", "Two 2."]


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",  # not UTF-8
    "Plain words in UTF-16 without a byte-order mark.\n".encode("utf-16-le"),  # half the bytes NUL
    b"\x00" * 64,
], ids=["png", "utf16-no-bom", "zeros"])
def test_binary_data_is_still_skipped(data: bytes) -> None:
    assert decode_document(data, "b.md").warnings == ("b.md: binary file skipped",)


def test_nul_and_bad_utf8_both_warned() -> None:
    # Both in the first 8 KiB would be a binary file; a NUL further down is text damage like the other.
    doc = decode_document(b"One 1.\n\xff two.\n" + b"Filler. " * 1100 + b"\nThree\x00 3.\n", "d.txt")
    assert doc.warnings == ("d.txt:2: not valid UTF-8; undecodable bytes replaced with U+FFFD",
                            "d.txt:4: NUL bytes ignored")
    assert decode_document(b"One 1.\n\xff two.\nThree\x00 3.\n", "d.txt").skipped


def test_iter_document_paths_reports_unreadable_folders(monkeypatch: MP, project: Path) -> None:
    _closed_tree(project)
    _deny(monkeypatch, "closed")
    with pytest.raises(InputError) as caught:
        list(iter_document_paths(["docs"]))
    assert str(caught.value) == "docs/closed: cannot read folder: Permission denied"
    assert [p.as_posix() for p in iter_document_paths(["docs"], exclude=["closed"])] == ["docs/ok.md"]
