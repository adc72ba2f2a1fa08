"""Human-readable results: plain text on pipes, rich colour on a terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.models import Result, Verdict

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

_STYLE = {Verdict.SUPPORTED: "bold green", Verdict.CONTRADICTED: "bold red", Verdict.UNVERIFIED: "bold yellow"}


def _where(result: Result) -> str | None:
    src = result.source
    if src is None:
        return None
    origin = f"{src.title}"
    extra = ", ".join(x for x in (src.outlet, src.published) if x)
    if extra:
        origin += f" ({extra})"
    return f"{origin} — {src.path}:{src.line}" if src.path else origin


def _rows(result: Result) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = [("why", result.reason)]
    if result.evidence:
        rows.append(("evidence", f"“{result.evidence}”"))
    where = _where(result)
    if where:
        rows.append(("source", where))
    if result.attributed_to:
        rows.append(("said by", result.attributed_to))
    for diff in result.differences:
        rows.append(("differs", f"{diff.kind}: {diff.asserted or '—'} → source: {diff.source or '—'}"))
    if result.suggestion:
        rows.append(("suggest", result.suggestion))
    for other in result.corroboration:
        rows.append(("also", f"“{other.evidence}” ({other.source.path}:{other.source.line})"))
    return rows


def format_plain(result: Result) -> str:
    """One result as plain text: a verdict line, then labelled detail lines."""
    head = f"{result.verdict.value.upper():<12} {result.text}"
    lines = [head] + [f"  {label + ':':<10} {value}" for label, value in _rows(result)]
    return "\n".join(lines)


def _highlighted_evidence(result: Result) -> Text:
    from rich.text import Text

    text = Text(f"“{result.evidence}”")
    for diff in result.differences:
        if diff.source:
            text.highlight_words([diff.source], style="bold underline", case_sensitive=False)
    return text


def print_rich(result: Result, console: Console) -> None:
    """One result with the verdict in colour and the differing parts of the evidence highlighted."""
    from rich.table import Table
    from rich.text import Text

    head = Text()
    head.append(f"{result.verdict.value.upper()}", style=_STYLE[result.verdict])
    head.append(f"  {result.text}")
    console.print(head)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column()
    for label, value in _rows(result):
        if label == "evidence" and result.differences:
            grid.add_row(label, _highlighted_evidence(result))
        else:
            grid.add_row(label, Text(value))
    console.print(grid, soft_wrap=False)
