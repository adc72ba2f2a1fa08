"""GitHub Actions workflow commands: findings as annotations on the pull request.

Contradicted sentences become ``::error``, unverified ones ``::warning``, with
the sentence's span and a title naming the verdict and what differs::

    ::error file=docs/a.md,line=9,col=1,endLine=9,endColumn=52,title=…::…

GitHub displays at most 10 annotations of each level per step, so the 10
most confident errors come first, then the 10 most confident warnings, then a
``::notice`` saying how many more were left out. Warnings are printed whatever
``--fail-on`` says: they are advice, and errors always come first. The summary
line closes the output as plain log text.

GitHub accepts ``col``/``endColumn`` only for a one-line span, and reads
``endColumn`` as the last column of the span (inclusive), unlike SARIF.
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.formats.report import CheckReport
from factcheck.models import LocatedResult, Verdict

__all__ = ["ANNOTATION_LIMIT", "annotation", "escape_data", "escape_property", "format_github"]

ANNOTATION_LIMIT = 10


def escape_data(text: str) -> str:
    """Escape a workflow command's message (after ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command property value (``file=…``, ``title=…``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _title(item: LocatedResult) -> str:
    kinds = list(dict.fromkeys(d.kind.value for d in item.result.differences))
    title = f"factcheck {item.result.verdict.value}"
    return f"{title} ({'/'.join(kinds)})" if kinds else title


def _message(item: LocatedResult) -> str:
    result = item.result
    message = result.reason
    if result.evidence:
        message += f" — “{result.evidence}”"
        if result.source is not None and result.source.path:
            message += f" ({result.source.path}:{result.source.line})"
    if result.suggestion:
        message += f"\nSuggestion: {result.suggestion}"
    return message


def annotation(item: LocatedResult) -> str:
    """One ``::error``/``::warning`` command for a finding."""
    level = "error" if item.result.verdict is Verdict.CONTRADICTED else "warning"
    loc = item.location
    one_line = loc.end_line == loc.line
    props = [f"file={escape_property(loc.path)}", f"line={loc.line}"]
    if one_line:
        props.append(f"col={loc.column}")
    props.append(f"endLine={loc.end_line}")
    if one_line:
        props.append(f"endColumn={max(loc.column, loc.end_column - 1)}")
    props.append(f"title={escape_property(_title(item))}")
    return f"::{level} {','.join(props)}::{escape_data(_message(item))}"


def _most_confident(items: Sequence[LocatedResult]) -> list[LocatedResult]:
    # sorted() is stable: equal confidence keeps file and line order.
    return sorted(items, key=lambda item: -item.result.confidence)


def format_github(report: CheckReport, *, limit: int = ANNOTATION_LIMIT) -> str:
    """Annotations for the findings of ``report`` (see the module docstring), newline-terminated."""
    errors = [i for i in report.results if i.result.verdict is Verdict.CONTRADICTED]
    warnings = [i for i in report.results if i.result.verdict is Verdict.UNVERIFIED]
    lines = [annotation(i) for i in _most_confident(errors)[:limit]]
    lines += [annotation(i) for i in _most_confident(warnings)[:limit]]
    more_errors = max(0, len(errors) - limit)
    more_warnings = max(0, len(warnings) - limit)
    if more_errors or more_warnings:
        left_out = []
        if more_errors:
            left_out.append(f"{more_errors} more contradicted")
        if more_warnings:
            left_out.append(f"{more_warnings} more unverified")
        note = (f"{' and '.join(left_out)} not annotated (GitHub shows {limit} annotations of "
                "each level per step); run `factcheck check` with --format text for the full list")
        lines.append(f"::notice title={escape_property('factcheck')}::{escape_data(note)}")
    lines.append(report.summary())
    return "\n".join(lines) + "\n"
