"""Command-line entry point.

``factcheck "TEXT"…`` and ``… | factcheck`` are the hot path: they are parsed here with
argparse and never import typer, rich (unless writing to a terminal) or pydantic (unless the
knowledge-base cache misses), so one call costs little more than starting Python. Every
other command (``extract``, ``check``, ``claims``, ``schema``) lives in the typer app in
``cli_app.py``; the root options are declared there too, for ``--help`` and completion,
and a test keeps the two declarations in step.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, TYPE_CHECKING

from factcheck.errors import ExitCode, FactcheckError

if TYPE_CHECKING:
    from multiprocessing.pool import Pool
    from pathlib import Path

    from rich.console import Console

    from factcheck.checker import Checker
    from factcheck.models import Result

SUBCOMMANDS = frozenset({"extract", "check", "claims", "schema", "verify"})
TYPER_FLAGS = frozenset({"--help", "-h", "--version", "--install-completion", "--show-completion"})
FORMATS = ("text", "json", "jsonl")
FAIL_ON = ("contradicted", "unverified", "never")


def wants_color(stream: IO[str]) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR", "") != "":
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    return stream.isatty()


def fails(result: Result, fail_on: str) -> bool:
    """Is this verdict at or above the --fail-on threshold?"""
    if fail_on == "never":
        return False
    if fail_on == "unverified":
        return result.verdict.value in {"contradicted", "unverified"}
    return result.verdict.value == "contradicted"


def load_checker(claims: str | None) -> Checker:
    """The checker for --claims / $FACTCHECK_CLAIMS / ./claims.yaml / the bundled knowledge base."""
    from factcheck import kb

    return checker_at(kb.resolve_claims_path(claims))


def checker_at(path: Path) -> Checker:
    """The checker for the knowledge base at ``path``, from the user's cache when it is current."""
    import gc

    from factcheck import kb
    from factcheck.checker import Checker

    # Loading a large knowledge base allocates millions of objects and frees none: the collector's
    # passes over them cost more than the load itself (0.9 s against 0.3 s for 927 stories), and
    # every later full pass would walk them again. They live as long as this process, so they are
    # moved out of the collector's sight once loaded.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return kb.load_prepared(path, Checker, key="checker")
    finally:
        if enabled:
            gc.freeze()
            gc.enable()


# An assertion is a headline or a sentence; a longer line is almost surely not one, and
# checking cost grows faster than linearly with length, so it is answered without checking.
STDIN_NAME = "<stdin>"


def _decode_line(raw: bytes | str, number: int) -> str:
    if isinstance(raw, str):
        # A text stream decoded with surrogateescape carries undecodable bytes as lone surrogates.
        try:
            raw.encode("utf-8")
            return raw
        except UnicodeEncodeError:
            raw = raw.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        sys.stderr.write(f"warning: {STDIN_NAME}:{number}: not valid UTF-8; "
                         "undecodable bytes replaced with U+FFFD\n")
        return raw.decode("utf-8", errors="replace")


def _stdin_lines(stream: IO[str]) -> Iterator[tuple[int, str]]:
    """(line number, assertion) for every non-blank line; BOM, NULs and CR removed."""
    source: Iterable[bytes | str] = getattr(stream, "buffer", stream)
    for number, raw in enumerate(source, start=1):
        line = _decode_line(raw, number)
        if number == 1:
            line = line.removeprefix("\ufeff")
        line = line.replace("\x00", "").strip()
        if line:
            yield number, line


def _warned(items: Iterable[tuple[int, str]]) -> Iterator[str]:
    """The assertions, warning on stderr about each one too long to be checked (the checker
    answers it as not checked)."""
    from factcheck.checker import MAX_ASSERTION_CHARS

    for number, text in items:
        if len(text) > MAX_ASSERTION_CHARS:
            where = f"{STDIN_NAME}:{number}: " if number else ""
            sys.stderr.write(f"warning: {where}assertion of {len(text)} characters not checked "
                             f"(the limit is {MAX_ASSERTION_CHARS}); give one assertion per line\n")
        yield text


def _results(checker: Checker, claims: Path, items: Iterable[tuple[int, str]], *, stream: bool,
             jobs: int | None, pool: Pool | None) -> Iterator[Result]:
    if not stream:
        yield from (checker.check(text) for text in _warned(items))
        return
    from factcheck.batch import check_stream

    yield from check_stream(checker, claims, _warned(items), workers=None if jobs is None else jobs - 1, pool=pool)


# A file redirected to stdin this big holds well over the lines that make workers worth starting.
EAGER_BYTES = 64 * 1024


def _early_pool(inp: IO[str], claims: Path, jobs: int | None) -> Pool | None:
    """Workers started before this process loads the knowledge base, when stdin is a large
    regular file (``factcheck < batch.txt``): they load it at the same time, on other cores."""
    import stat

    from factcheck.batch import default_workers, start_pool

    workers = default_workers() if jobs is None else jobs - 1
    try:
        info = os.fstat(inp.fileno())
    except (OSError, ValueError, AttributeError):
        return None
    if workers < 1 or not stat.S_ISREG(info.st_mode) or info.st_size < EAGER_BYTES:
        return None
    return start_pool(claims, workers)


def run_assertions(texts: Sequence[str], *, claims: str | None, fmt: str, fail_on: str,
                   stdin: IO[str] | None = None, stdout: IO[str] | None = None, jobs: int | None = None) -> int:
    """The root command: check assertions from arguments, or one per line of stdin."""
    out = stdout or sys.stdout
    inp = stdin or sys.stdin
    if fmt not in FORMATS:
        raise FactcheckError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fail_on not in FAIL_ON:
        raise FactcheckError(f"unknown --fail-on {fail_on!r} (choose from {', '.join(FAIL_ON)})")
    if jobs is not None and jobs < 1:
        raise FactcheckError(f"--jobs must be at least 1, not {jobs}")
    items: Iterable[tuple[int, str]]
    if texts:
        items = [(0, t) for t in texts if t.strip()]
        if not items:
            raise FactcheckError("the assertion is empty")
    elif inp is None or inp.isatty():
        raise FactcheckError("give an assertion to check, e.g. factcheck \"Sales rose 3% in March\", "
                             "or pipe one per line on stdin (see factcheck --help)")
    else:
        items = _stdin_lines(inp)
    from factcheck import kb

    path = kb.resolve_claims_path(claims)
    pool = None if texts else _early_pool(inp, path, jobs)
    try:
        checker = checker_at(path)
    except BaseException:
        if pool is not None:
            pool.terminate()
        raise
    console = None
    if fmt == "text" and wants_color(out):
        from rich.console import Console

        console = Console(file=out, highlight=False)
    progress = _progress(out) if not texts else None
    try:
        failed, collected = _emit(_results(checker, path, items, stream=not texts, jobs=jobs, pool=pool), out,
                                  fmt=fmt, fail_on=fail_on, console=console, progress=progress)
    finally:
        if progress is not None:
            progress.close()
    if fmt == "json":
        from factcheck.formats.json import dumps_array

        out.write(dumps_array(collected) + "\n")
    return int(ExitCode.FINDINGS if failed else ExitCode.OK)


def _emit(results: Iterable[Result], out: IO[str], *, fmt: str, fail_on: str, console: Console | None,
          progress: _Progress | None) -> tuple[bool, list[dict[str, object]]]:
    """Write each result as it comes (json: collect them); whether any fails --fail-on."""
    failed = False
    collected: list[dict[str, object]] = []
    first = True
    for result in results:
        if progress is not None:
            progress.tick()
        failed = failed or fails(result, fail_on)
        if fmt == "json":
            from factcheck.formats.json import result_to_dict

            collected.append(result_to_dict(result))
            continue
        if fmt == "jsonl":
            from factcheck.formats.json import dumps_line, result_to_dict

            out.write(dumps_line(result_to_dict(result)) + "\n")
        elif console is not None:
            from factcheck.formats.text import print_rich

            if not first:
                console.print()
            print_rich(result, console)
        else:
            from factcheck.formats.text import format_plain

            out.write(("" if first else "\n") + format_plain(result) + "\n")
        first = False
        out.flush()
    return failed, collected


PROGRESS_AFTER_S = 1.0  # a batch shorter than this shows no progress at all


class _Progress:
    """A counter on stderr for a stdin batch, when stderr is a terminal and the results go elsewhere
    (a file, a pipe): never mixed into the results, never on a pipe. It appears after a second, so
    short batches and interactive use never see it, and it is erased when the batch ends."""

    def __init__(self) -> None:
        import time

        self._clock = time.monotonic
        self.started = self._clock()
        self.count = 0
        self.shown = 0

    def tick(self) -> None:
        self.count += 1
        now = self._clock()
        if now - self.started >= PROGRESS_AFTER_S and (self.count - self.shown >= 200 or self.shown == 0):
            rate = self.count / max(now - self.started, 1e-9)
            sys.stderr.write(f"\r\x1b[K{self.count:,} checked ({rate:,.0f}/s)")
            sys.stderr.flush()
            self.shown = self.count

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _progress(out: IO[str]) -> _Progress | None:
    return _Progress() if sys.stderr.isatty() and not out.isatty() else None


def _parse_root(argv: Sequence[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="factcheck", add_help=False)
    parser.add_argument("texts", nargs="*")
    parser.add_argument("--claims", "-c", default=None)
    parser.add_argument("--format", "-f", dest="fmt", default="text")
    parser.add_argument("--fail-on", dest="fail_on", default="contradicted")
    parser.add_argument("--jobs", "-j", dest="jobs", type=_jobs, default=None)

    class _Usage(Exception):
        pass

    def error(message: str) -> None:
        raise _Usage(message)

    parser.error = error  # type: ignore[method-assign,assignment]
    try:
        ns = parser.parse_intermixed_args(list(argv))
    except _Usage as exc:
        raise FactcheckError(f"{exc} (see factcheck --help)") from None
    claims = ns.claims if ns.claims is not None else os.environ.get("FACTCHECK_CLAIMS") or None
    return run_assertions(ns.texts, claims=claims, fmt=ns.fmt, fail_on=ns.fail_on, jobs=ns.jobs)


def _jobs(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise FactcheckError(f"--jobs takes a whole number, not {value!r}") from None


def _is_root_invocation(argv: Sequence[str]) -> bool:
    for arg in argv:
        if arg in TYPER_FLAGS:
            return False
        if arg == "--":
            return True
        if not arg.startswith("-"):
            return arg not in SUBCOMMANDS
    return True


def _silence_stdout() -> None:
    # The reader went away (… | head): point stdout at /dev/null so the interpreter's final
    # flush does not raise a second BrokenPipeError.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (only the console script calls sys.exit)."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if _is_root_invocation(args):
            return _parse_root(args)
        from factcheck.cli_app import run_app

        return run_app(args)
    except FactcheckError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return int(exc.exit_code)
    except BrokenPipeError:
        _silence_stdout()
        return int(ExitCode.OK)
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        return int(ExitCode.INTERRUPTED)


def entry() -> None:
    """The console script."""
    sys.exit(main())
