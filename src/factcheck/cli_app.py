"""The typer application: every command but the hot root path (see cli.py)."""

from __future__ import annotations

import errno
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from factcheck import __version__
from factcheck.cli import run_assertions
from factcheck.errors import ExitCode, FactcheckError, InputError

HELP = """Check news copy against structured claims extracted from source articles.

  factcheck "Sales rose 3% in March"           check assertions given as arguments
  cat headlines.txt | factcheck -f jsonl        one verdict per line of stdin
  factcheck check draft.md                      every checkable sentence of a draft
  factcheck extract articles/ -o claims.yaml    build a knowledge base from articles

Root options (for assertions): --claims/-c PATH, --format/-f text|json|jsonl,
--fail-on contradicted|unverified|never. Exit status: 0 nothing at or above --fail-on,
1 at least one verdict at or above it, 2 usage or input error.
"""

app = typer.Typer(help=HELP, no_args_is_help=False, add_completion=True, rich_markup_mode=None,
                  context_settings={"help_option_names": ["-h", "--help"]})
claims_app = typer.Typer(help="Browse the knowledge base.", no_args_is_help=True)
app.add_typer(claims_app, name="claims")


class TextFormat(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


class FailOn(StrEnum):
    contradicted = "contradicted"
    unverified = "unverified"
    never = "never"


ClaimsOption = Annotated[
    Optional[str],  # noqa: UP045 - typer needs Optional on older versions
    typer.Option("--claims", "-c", envvar="FACTCHECK_CLAIMS",
                 help="Knowledge base file (default: ./claims.yaml, else the bundled one)."),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Check news copy against structured claims extracted from source articles."""
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())


@app.command("verify")
def verify(
    texts: Annotated[Optional[list[str]], typer.Argument(  # noqa: UP045
        help="Assertions to check; none: one per line of stdin.")] = None,
    claims: ClaimsOption = None,
    fmt: Annotated[TextFormat, typer.Option("--format", "-f", help="Output format.")] = TextFormat.text,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Lowest verdict that exits 1.")] =
    FailOn.contradicted,
    jobs: Annotated[Optional[int], typer.Option(  # noqa: UP045
        "--jobs", "-j", min=1, help="Processes for a large stdin batch (default: one per core; 1: this one only).")
    ] = None,
) -> None:
    """Check assertions (the same as `factcheck TEXT…`)."""
    raise typer.Exit(run_assertions(texts or [], claims=claims, fmt=fmt.value, fail_on=fail_on.value, jobs=jobs))


@app.command("extract")
def extract_command(
    paths: Annotated[list[str], typer.Argument(help="Article files (.txt, .md) or folders of them.")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o",  # noqa: UP045
                                                   help="Write the knowledge base here (merging into an "
                                                        "existing file); default: stdout.")] = None,
    published: Annotated[Optional[str], typer.Option("--date", help="Publication date, YYYY-MM-DD, "  # noqa: UP045
                                                     "for every article given.")] = None,
    outlet: Annotated[Optional[str], typer.Option("--outlet", help="Outlet of every article given.")] = None,  # noqa: UP045
    title: Annotated[Optional[str], typer.Option("--title", help="Title of the article given.")] = None,  # noqa: UP045
    force: Annotated[bool, typer.Option("--force", help="Replace an existing output file instead of "
                                                        "merging into it (curated edits are lost).")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would change; write nothing.")] = False,
) -> None:
    """Extract structured claims from articles into a reviewable claims.yaml."""
    from factcheck import kb
    from factcheck.api import build_kb
    from factcheck.articles import read_articles

    day: date | None = None
    if published is not None:
        try:
            day = date.fromisoformat(published)
        except ValueError:
            raise FactcheckError(f"--date must be YYYY-MM-DD, not {published!r}") from None
    # articles.py searches folders with rglob, which passes over folders it cannot read;
    # walking them first turns that into an error instead of a silently smaller extraction.
    from factcheck.documents import iter_document_paths

    for _ in iter_document_paths([p for p in paths if p != "-"], include=()):
        pass
    files = read_articles(paths)
    if not files:
        raise InputError("no .txt or .md articles found in " + ", ".join(paths))
    if title is not None and len(files) > 1:
        raise FactcheckError("--title applies to one article; give a single file")
    for f in files:
        for warning in f.warnings:
            sys.stderr.write(f"warning: {warning}\n")
    knowledge = _extract_with_progress(files, build_kb, title=title, outlet=outlet, published=day)
    fresh = kb.dump_kb(knowledge)
    if output is None:
        sys.stdout.write(fresh)
        return
    existing = None if force else _existing_text(output)
    if existing is not None:
        merged, report = kb.merge_kb(existing, knowledge, path=str(output))
        sys.stderr.write(f"{output}: {report.summary()}\n")
        for claim_id in report.stale:
            sys.stderr.write(f"  stale (its sentence is gone from the source): {claim_id}\n")
        if dry_run:
            _show_diff(existing, merged, str(output))
            return
        if merged != existing:
            kb.write_atomic(output, merged)
        return
    if dry_run:
        sys.stderr.write(f"{output}: would write {len(knowledge.claims)} claims from "
                         f"{len(knowledge.sources)} sources\n")
        return
    kb.write_atomic(output, fresh)
    sys.stderr.write(f"{output}: wrote {len(knowledge.claims)} claims from {len(knowledge.sources)} sources\n")


def _existing_text(output: Path) -> str | None:
    """The text of the file extraction will merge into, or None when there is none yet."""
    from factcheck import kb

    try:
        data = output.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise InputError("is a folder; -o takes the name of a claims.yaml file",
                         path=str(output)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}",
                         path=str(output)) from None
    return kb.decode_kb(data, output)


def _extract_with_progress(files: list, build, **kwargs):  # type: ignore[no-untyped-def,type-arg]
    """Extract, on every core for many files, showing a progress bar on stderr for many files when
    stderr is a terminal."""
    from factcheck.batch import EXTRACT_PARALLEL_FROM, default_workers, extract_in_parallel
    from factcheck.cli import wants_color

    articles = [(f.source_id, f.path, f.text) for f in files]
    processes = default_workers() + 1
    parallel = processes > 1 and len(articles) >= EXTRACT_PARALLEL_FROM
    if len(files) < 20 or not wants_color(sys.stderr):
        if parallel:
            return extract_in_parallel(articles, build, processes=processes, **kwargs)
        return build(articles, **kwargs)
    from rich.progress import Progress

    from factcheck.models import KnowledgeBase

    with Progress(transient=True) as progress:
        task = progress.add_task("extracting", total=len(files))
        if parallel:
            return extract_in_parallel(articles, build, processes=processes,
                                       advance=lambda n: progress.advance(task, n), **kwargs)
        total = KnowledgeBase()
        for article in articles:
            part = build([article], **kwargs)
            total.sources.extend(part.sources)
            total.claims.extend(part.claims)
            total.aliases.extend(part.aliases)
            progress.advance(task)
    return total


def _show_diff(old: str, new: str, name: str) -> None:
    import difflib

    diff = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                fromfile=name, tofile=f"{name} (after extract)")
    sys.stdout.writelines(diff)


@claims_app.command("list")
def claims_list(
    query: Annotated[Optional[str], typer.Argument(help="Only claims whose sentence contains this text.")] = None,  # noqa: UP045
    source: Annotated[Optional[str], typer.Option("--source", help="Only claims of this source id.")] = None,  # noqa: UP045
    claims: ClaimsOption = None,
) -> None:
    """List claims as a table: id, source, sentence, details."""
    from factcheck.claims_view import claim_rows, print_table

    knowledge = _load(claims)
    rows = claim_rows(knowledge, source=source, query=query)
    print_table(rows)


@claims_app.command("show")
def claims_show(
    claim_id: Annotated[str, typer.Argument(help="The claim id (see `factcheck claims list`).")],
    claims: ClaimsOption = None,
) -> None:
    """Show one claim with all its fields, as YAML."""
    from factcheck import kb

    knowledge = _load(claims)
    for claim in knowledge.claims:
        if claim.id == claim_id:
            sys.stdout.write(kb.dump_claim(claim))
            return
    raise FactcheckError(f"no claim with id {claim_id!r} (see factcheck claims list)")


@app.command("schema")
def schema(
    result: Annotated[bool, typer.Option("--result", help="The schema of JSON results instead of "
                                                           "claims.yaml.")] = False,
) -> None:
    """Print the JSON Schema of claims.yaml (or of JSON results), for editors and validators."""
    import json

    from pydantic import TypeAdapter

    from factcheck.models import KnowledgeBase, Result

    target: type = Result if result else KnowledgeBase
    sys.stdout.write(json.dumps(TypeAdapter(target).json_schema(), indent=2) + "\n")


def _load(claims: str | None):  # type: ignore[no-untyped-def]
    from factcheck import kb

    return kb.load_kb(kb.resolve_claims_path(claims))


def _register_check_files() -> None:
    try:
        from factcheck.cli_check_files import check_files_command
    except ImportError:  # pragma: no cover - during development only
        return
    app.command("check")(check_files_command)


_register_check_files()


def run_app(argv: list[str]) -> int:
    """Run the typer app on argv; returns the exit status instead of exiting.

    Usage errors become one ``error:`` line (exit 2) like every other input error. Click's
    exceptions are recognised by shape because typer may vendor its own copy of click.
    A closed stdout and Ctrl-C end as they do on the root path (see ``cli.main``): typer
    would otherwise turn the first into exit 1, which means "findings", and the second into a
    silent exit 130.
    """
    stdout, stderr = sys.stdout, sys.stderr
    try:
        result = app(args=argv, prog_name="factcheck", standalone_mode=False)
    except SystemExit as exc:
        if sys.stdout is not stdout:
            # typer's handler of a BrokenPipeError wraps both streams, then exits 1.
            sys.stdout, sys.stderr = stdout, stderr
            raise BrokenPipeError(errno.EPIPE, "stdout closed by its reader") from None
        return exc.code if isinstance(exc.code, int) else 0
    except FactcheckError:
        raise
    except BrokenPipeError:
        raise  # cli.main ends quietly
    except OSError as exc:
        # A file or folder the user named could not be used, in code that did not expect it:
        # still one line and exit 2, never a traceback.
        raise InputError(exc.strerror or str(exc),
                         path=None if exc.filename is None else str(exc.filename)) from None
    except Exception as exc:
        code = getattr(exc, "exit_code", None)
        if isinstance(code, int) and hasattr(exc, "format_message"):
            if code != 0:
                # typer words enum errors as "Value error, 'x' is not one of …"
                message = exc.format_message().replace("Value error, ", "")
                sys.stderr.write(f"error: {message} (see factcheck --help)\n")
            return code
        if type(exc).__name__ == "Abort":
            raise KeyboardInterrupt from exc
        raise
    if result == ExitCode.INTERRUPTED:  # typer's answer to KeyboardInterrupt; no command returns it
        raise KeyboardInterrupt
    return result if isinstance(result, int) else 0
