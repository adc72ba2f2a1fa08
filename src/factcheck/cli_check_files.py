"""`factcheck check PATH…`: check every sentence of drafts, like a linter, for editors and CI.

The command reads Markdown and text drafts (folders searched, ``-`` for stdin),
splits them into located sentences (documents.py), checks each checkable one
against the knowledge base, drops findings a baseline already knows, renders
the report (text, json, jsonl, github, sarif) and exits 0 (nothing at or
above ``--fail-on``), 1 (findings) or 2 (errors, raised as FactcheckError and
reported by cli.main).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Protocol

import typer

from factcheck import __version__
from factcheck.cli import fails, load_checker, wants_color
from factcheck.config import Config, FailOn, OutputFormat, load_config
from factcheck.documents import (
    DEFAULT_INCLUDE,
    DraftSentence,
    decode_document,
    draft_sentences,
    is_markdown_path,
    iter_document_paths,
    read_document,
)
from factcheck.errors import ExitCode, InputError
from factcheck.formats.report import CheckReport
from factcheck.models import LocatedResult, Location, Result, Verdict

__all__ = ["Draft", "check_drafts", "check_files_command", "collect_drafts", "display_path",
           "exit_code", "nothing_usable", "render"]

STDIN_NAME = "<stdin>"
PROGRESS_THRESHOLD = 500  # sentences; below this a run is too quick for a progress bar


class CheckerLike(Protocol):
    def is_checkable(self, text: str) -> bool: ...

    def check(self, text: str) -> Result: ...


@dataclass(slots=True)
class Draft:
    """One draft's located sentences, under the path shown to the user."""

    path: str
    sentences: list[DraftSentence]


def display_path(path: Path, cwd: Path) -> str:
    """A path as reports show it: relative to cwd when under it, in posix form."""
    if not path.is_absolute():
        return Path(os.path.normpath(path)).as_posix()
    try:
        return path.relative_to(cwd).as_posix()
    except ValueError:
        return path.as_posix()


def collect_drafts(paths: Sequence[str], *, include: Sequence[str], exclude: Sequence[str],
                   base: Path, cwd: Path, markdown: bool | None,
                   read_stdin: Callable[[], bytes]) -> tuple[list[Draft], list[str], list[str]]:
    """Read and segment every draft named by ``paths``.

    Returns the drafts, the warnings, and the paths of the inputs that were skipped as
    unusable (binary, or undecodable despite a byte-order mark), as shown to the user.
    """
    warnings: list[str] = []
    drafts: list[Draft] = []
    skipped: list[str] = []
    # Every path is validated (and folders searched) before stdin is read.
    found = list(iter_document_paths([p for p in paths if p != "-"], include, exclude, base=base))
    if "-" in paths:
        doc = decode_document(read_stdin(), STDIN_NAME)
        warnings.extend(doc.warnings)
        if doc.text is None:
            skipped.append(STDIN_NAME)
        else:
            as_markdown = True if markdown is None else markdown
            drafts.append(Draft(STDIN_NAME, draft_sentences(doc.text, markdown=as_markdown)))
    for path in found:
        doc = read_document(path)
        label = display_path(path, cwd)
        warnings.extend(w.replace(str(path), label, 1) for w in doc.warnings)
        if doc.text is None:
            skipped.append(label)
            continue
        as_markdown = is_markdown_path(path) if markdown is None else markdown
        drafts.append(Draft(label, draft_sentences(doc.text, markdown=as_markdown)))
    return drafts, warnings, skipped


def nothing_usable(skipped: Sequence[str]) -> InputError:
    """The error of a run whose every input was skipped: it checked nothing, so it cannot pass."""
    if len(skipped) == 1:
        return InputError("nothing to check: the only input was skipped (see the warning above)",
                          path=skipped[0])
    return InputError(f"nothing to check: all {len(skipped)} inputs were skipped "
                      "(see the warnings above)")


def check_drafts(drafts: Iterable[Draft], checker: CheckerLike, *,
                 advance: Callable[[int], None] | None = None) -> tuple[list[LocatedResult], int]:
    """Check every unsuppressed, checkable sentence; returns (results in order, skipped count)."""
    results: list[LocatedResult] = []
    skipped = 0
    seen: dict[str, Result] = {}  # repeated sentences (boilerplate) are checked once
    for draft in drafts:
        for sentence in draft.sentences:
            if advance is not None:
                advance(1)
            if sentence.suppressed:
                skipped += 1
                continue
            result = seen.get(sentence.text)
            if result is None:
                if not checker.is_checkable(sentence.text):
                    skipped += 1
                    continue
                result = checker.check(sentence.text)
                seen[sentence.text] = result
            location = Location(path=draft.path, line=sentence.line, column=sentence.column,
                                end_line=sentence.end_line, end_column=sentence.end_column)
            results.append(LocatedResult(result=result, location=location))
    return results, skipped


def exit_code(report: CheckReport, fail_on: FailOn) -> ExitCode:
    """1 when a new result is at or above ``fail_on``, else 0."""
    failed = any(fails(item.result, fail_on.value) for item in report.results)
    return ExitCode.FINDINGS if failed else ExitCode.OK


def _information_uri() -> str | None:
    from importlib import metadata

    try:
        urls = metadata.metadata("factcheck").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    by_label: dict[str, str] = {}
    for entry in urls:
        label, _, url = entry.partition(",")
        by_label[label.strip().lower()] = url.strip()
    for label in ("homepage", "documentation", "repository", "source"):
        if by_label.get(label):
            return by_label[label]
    return None


def render(report: CheckReport, fmt: OutputFormat, *, color: bool = False,
           show_supported: bool = False) -> str:
    """The report in the chosen format (newline-terminated)."""
    if fmt is OutputFormat.TEXT:
        from factcheck.formats.report import format_text

        return format_text(report, color=color, show_supported=show_supported)
    if fmt is OutputFormat.JSON:
        from factcheck.formats.json import dumps_array, located_to_dict

        return dumps_array(located_to_dict(item) for item in report.results) + "\n"
    if fmt is OutputFormat.JSONL:
        from factcheck.formats.json import dumps_line, located_to_dict

        return "".join(dumps_line(located_to_dict(item)) + "\n" for item in report.results)
    if fmt is OutputFormat.GITHUB:
        from factcheck.formats.github import format_github

        return format_github(report)
    if fmt is OutputFormat.SARIF:
        from factcheck.formats.sarif import format_sarif

        return format_sarif(report, version=__version__, information_uri=_information_uri())
    raise AssertionError(fmt)  # pragma: no cover - every OutputFormat is handled above


def _run_checks(drafts: list[Draft], checker: CheckerLike) -> tuple[list[LocatedResult], int]:
    total = sum(len(d.sentences) for d in drafts)
    if total < PROGRESS_THRESHOLD or not sys.stderr.isatty() or os.environ.get("CI"):
        return check_drafts(drafts, checker)
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("checking", total=total)
        return check_drafts(drafts, checker,
                            advance=lambda n: progress.advance(task, n))


def _read_stdin() -> bytes:
    if sys.stdin is None or sys.stdin.isatty():
        raise InputError("'-' reads a draft from stdin, but stdin is a terminal")
    return sys.stdin.buffer.read()


def check_files_command(
    paths: Annotated[list[str], typer.Argument(
        help="Draft files (.md, .markdown, .txt) or folders to search for them; - reads stdin.",
        metavar="PATH", show_default=False)],
    claims: Annotated[str | None, typer.Option(
        "--claims", "-c", metavar="FILE",
        help="Knowledge base file (default: $FACTCHECK_CLAIMS, the configured one, ./claims.yaml, "
             "else the bundled one).")] = None,
    output_format: Annotated[OutputFormat | None, typer.Option(
        "--format", "-f", case_sensitive=False, metavar="FORMAT",
        help="Report format: text (default), json, jsonl, github (Actions annotations), "
             "sarif (code scanning).")] = None,
    fail_on: Annotated[FailOn | None, typer.Option(
        "--fail-on", case_sensitive=False, metavar="VERDICT",
        help="Lowest verdict that exits 1: contradicted (default), unverified or never.")] = None,
    baseline: Annotated[Path | None, typer.Option(
        "--baseline", dir_okay=False, metavar="FILE",
        help="Hide the findings recorded in this baseline file; only new ones are shown and count "
             "for --fail-on.")] = None,
    write_baseline: Annotated[Path | None, typer.Option(
        "--write-baseline", dir_okay=False, metavar="FILE",
        help="Record every current finding in this file (accepting them) and exit 0; the report "
             "is not printed.")] = None,
    include: Annotated[list[str] | None, typer.Option(
        "--include", metavar="GLOB", show_default=False,
        help="Glob of files to check in folders (repeatable; default: *.md, *.markdown, "
             "*.txt).")] = None,
    exclude: Annotated[list[str] | None, typer.Option(
        "--exclude", metavar="GLOB", show_default=False,
        help="Glob of files or folders to leave out (repeatable), e.g. CHANGELOG.md or "
             "docs/archive.")] = None,
    config: Annotated[Path | None, typer.Option(
        "--config", dir_okay=False, metavar="FILE",
        help="Configuration file (default: .factcheck.toml or [tool.factcheck] in pyproject.toml, "
             "searched upward to the git root).")] = None,
    markdown: Annotated[bool | None, typer.Option(
        "--markdown/--plain",
        help="Read drafts as Markdown or as plain text (default: by file suffix; stdin is "
             "Markdown).", show_default=False)] = None,
    show_supported: Annotated[bool, typer.Option(
        "--show-supported", help="List supported sentences too in the text report.")] = False,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", dir_okay=False, metavar="FILE",
        help="Write the report to this file instead of stdout (written once checking "
             "succeeded).")] = None,
) -> None:
    """Check every sentence of drafts against the knowledge base, like a linter.

    Exit status: 0 nothing at or above --fail-on, 1 findings, 2 usage or input error (also
    when every input was skipped as binary, so nothing was checked).
    Suppress a sentence with <!-- factcheck: ignore reason --> before it, or a region with
    <!-- factcheck: off reason --> … <!-- factcheck: on -->.
    """
    cwd = Path.cwd()
    settings: Config = load_config(cwd, explicit=config)
    fmt = output_format or settings.format or OutputFormat.TEXT
    threshold = fail_on or settings.fail_on or FailOn.CONTRADICTED
    patterns_base = cwd
    if include is None and settings.include is not None:
        include = list(settings.include)
        patterns_base = settings.root or cwd
    if exclude is None and settings.exclude is not None:
        exclude = list(settings.exclude)
        patterns_base = settings.root or cwd
    drafts, warnings, unusable = collect_drafts(
        paths, include=include or DEFAULT_INCLUDE, exclude=exclude or (), base=patterns_base,
        cwd=cwd, markdown=markdown, read_stdin=_read_stdin)
    for warning in warnings:
        sys.stderr.write(f"warning: {warning}\n")
    if unusable and not drafts:
        raise nothing_usable(unusable)

    claims_option = claims or os.environ.get("FACTCHECK_CLAIMS") or (
        str(settings.claims) if settings.claims is not None else None)
    checker = load_checker(claims_option)
    results, skipped = _run_checks(drafts, checker)

    if write_baseline is not None:
        from factcheck.baseline import dump_baseline
        from factcheck.baseline import write_baseline as write_file

        text = dump_baseline(results, write_baseline.parent, cwd=cwd)
        write_file(write_baseline, text)
        recorded = sum(1 for item in results if item.result.verdict is not Verdict.SUPPORTED)
        sys.stderr.write(f"factcheck: recorded {recorded} finding{'s' * (recorded != 1)} in "
                         f"{write_baseline}\n")
        raise typer.Exit(int(ExitCode.OK))

    report = CheckReport(results=results, skipped=skipped)
    baseline_path = baseline or settings.baseline
    if baseline_path is not None:
        from factcheck.baseline import load_baseline

        new, known = load_baseline(baseline_path).split(results, cwd=cwd)
        report = CheckReport(results=new, skipped=skipped, known=len(known), baseline=True)

    stream = sys.stdout
    color = fmt is OutputFormat.TEXT and output is None and wants_color(stream)
    rendered = render(report, fmt, color=color, show_supported=show_supported)
    if output is not None:
        try:
            output.write_text(rendered, "utf-8")
        except OSError as exc:
            raise InputError(f"cannot write the report: {exc.strerror or exc}",
                             path=str(output)) from None
        if fmt is not OutputFormat.TEXT:
            sys.stderr.write(report.summary() + "\n")
    else:
        stream.write(rendered)
        stream.flush()
    raise typer.Exit(int(exit_code(report, threshold)))
